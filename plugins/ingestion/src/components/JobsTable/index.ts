export { JobsTable } from './JobsTable';
export type { JobRow } from './JobsTable';
