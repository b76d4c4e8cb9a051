export { EstimatorPage } from './EstimatorPage';
