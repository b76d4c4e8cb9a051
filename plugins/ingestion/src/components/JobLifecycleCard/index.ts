export { JobLifecycleCard } from './JobLifecycleCard';
