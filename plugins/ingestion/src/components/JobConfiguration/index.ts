export { JobConfiguration } from './JobConfiguration';
