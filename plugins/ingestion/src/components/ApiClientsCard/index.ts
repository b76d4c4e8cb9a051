export { ApiClientsCard } from './ApiClientsCard';
