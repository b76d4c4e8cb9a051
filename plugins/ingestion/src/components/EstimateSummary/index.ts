export { EstimateSummary } from './EstimateSummary';
