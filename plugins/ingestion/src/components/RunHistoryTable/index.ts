export { RunHistoryTable } from './RunHistoryTable';
