export { ConsumptionCard } from './ConsumptionCard';
