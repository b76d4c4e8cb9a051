export { JobIngestionTab } from './JobIngestionTab';
