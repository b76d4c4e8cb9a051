export {
  PurchaseConfirmDialog,
  purchaseQuestion,
} from './PurchaseConfirmDialog';
