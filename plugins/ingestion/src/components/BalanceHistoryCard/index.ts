export { BalanceHistoryCard, HISTORY_RANGES } from './BalanceHistoryCard';
