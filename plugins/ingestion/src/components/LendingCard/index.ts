export { LendingCard } from './LendingCard';
