export { Meter, MeterBar } from './MeterBar';
export type { MeterSegment } from './MeterBar';
