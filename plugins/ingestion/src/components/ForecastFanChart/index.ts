export { ForecastFanChart } from './ForecastFanChart';
