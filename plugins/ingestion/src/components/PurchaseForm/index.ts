export { PurchaseForm } from './PurchaseForm';
