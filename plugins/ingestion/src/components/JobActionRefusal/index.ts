export { JobActionRefusal } from './JobActionRefusal';
