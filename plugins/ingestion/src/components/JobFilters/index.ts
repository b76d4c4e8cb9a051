export { JobFilters } from './JobFilters';
export type { JobFilter } from './JobFilters';
