export { SliceHeatmap } from './SliceHeatmap';
