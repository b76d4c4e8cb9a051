export { TenantTrendsTable, formatGrowth } from './TenantTrendsTable';
