export { RunStateBadge } from './RunStateBadge';
