export { RunDurationChart } from './RunDurationChart';
