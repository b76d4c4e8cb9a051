export { StatusPill } from './StatusPill';
export type { StatusTone } from './StatusPill';
