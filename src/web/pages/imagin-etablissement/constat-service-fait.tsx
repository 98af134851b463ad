// Constat service fait of the chef de centre (seed 003 §4.3): his centre's missions.
import { PageConstat } from '../commun/constat-service-fait.tsx';

export default function ConstatServiceFait() {
  return <PageConstat api="/api/centre/constat" gestion={false} />;
}
