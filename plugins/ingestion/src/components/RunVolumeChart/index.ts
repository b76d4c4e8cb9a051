export { RunVolumeChart, VolumeMeasureToggle } from './RunVolumeChart';
export type { VolumeMeasure } from './RunVolumeChart';
