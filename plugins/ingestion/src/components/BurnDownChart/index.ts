export { BurnDownChart } from './BurnDownChart';
