export { JobEstimateCard } from './JobEstimateCard';
