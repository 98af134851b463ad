// Indemnités chef de centre (seed 003 §4.5): the sessions of the centre and their declaration.
import { PageIcc } from '../commun/indemnites-chefs-centre.tsx';

export default function IndemnitesChefCentre() {
  return <PageIcc base="/api/centre/icc" gestion={false} />;
}
