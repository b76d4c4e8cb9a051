export { SparkUnitsDialog } from './SparkUnitsDialog';
