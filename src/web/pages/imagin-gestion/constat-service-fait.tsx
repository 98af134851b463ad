// Constat service fait of the gestionnaire (seed 003 §4.3): every centre of the académie, with the follow-up counts.
import { PageConstat } from '../commun/constat-service-fait.tsx';

export default function ConstatServiceFaitGestion() {
  return <PageConstat api="/api/gestion/constat" gestion />;
}
