export { ChartEmptyState } from './ChartEmptyState';
