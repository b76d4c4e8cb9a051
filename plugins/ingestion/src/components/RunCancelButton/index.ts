export { RunCancelButton } from './RunCancelButton';
