export { UpcomingRuns } from './UpcomingRuns';
