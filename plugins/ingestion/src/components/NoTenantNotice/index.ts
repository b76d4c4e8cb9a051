export { NoTenantNotice } from './NoTenantNotice';
