// Indemnités des chefs de centre, gestionnaire's side (seed 003 §4.5): declarations of the académie, pre-fill, decisions.
import { PageIcc } from '../commun/indemnites-chefs-centre.tsx';

export default function IndemnitesChefsCentreGestion() {
  return <PageIcc base="/api/gestion/icc" gestion />;
}
