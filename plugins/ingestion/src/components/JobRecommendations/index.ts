export { JobRecommendations } from './JobRecommendations';
