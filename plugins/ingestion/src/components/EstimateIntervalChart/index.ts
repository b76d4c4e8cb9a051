export { EstimateIntervalChart } from './EstimateIntervalChart';
