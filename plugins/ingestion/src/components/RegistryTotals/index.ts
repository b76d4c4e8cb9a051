export { RegistryTotals } from './RegistryTotals';
