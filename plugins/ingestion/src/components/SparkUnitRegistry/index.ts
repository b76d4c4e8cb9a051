export { SparkUnitRegistry, TIER_DESCRIPTIONS } from './SparkUnitRegistry';
