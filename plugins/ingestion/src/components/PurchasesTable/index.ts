export { PurchasesTable } from './PurchasesTable';
