export { DedicatedUnitsCard } from './DedicatedUnitsCard';
