export { JobRunStats } from './JobRunStats';
