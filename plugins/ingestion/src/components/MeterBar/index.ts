export { MeterBar } from './MeterBar';
