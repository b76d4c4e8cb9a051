export { JobActionButtons } from './JobActionButtons';
