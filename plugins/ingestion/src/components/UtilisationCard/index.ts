export { UtilisationCard } from './UtilisationCard';
