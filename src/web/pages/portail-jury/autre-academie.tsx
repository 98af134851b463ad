// « Ajouter les jurys d'une autre académie » (portail Jury, issue 8 §4, seed 000 Cas 2): a centre of
// académie A deliberates juries whose candidates belong to académies B and C; B and C gave the centre
// their own OTP keys and convoked the président in their own IMAG'IN. The président passes B's two
// screens again from his open session (/connexion/jury knows, from /api/jury/etape, that it is an
// addition) and B's juries join his list.
import { Link } from 'react-router';
import { CHEMIN_JURYS } from '../connexion/PortailJury.tsx';
import { useJurysPortail } from './commun.tsx';

export default function AutreAcademie() {
  const q = useJurysPortail();
  const academies = q.data?.academies ?? [];
  return (
    <>
      <p>
        Votre centre de délibération délibère aussi des jurys dont les candidats sont gérés par une autre académie (Cas 2 : par exemple un jury de Nantes délibéré à
        Rennes). Cette académie a remis au centre ses propres clés OTP et vous a convoqué(e) dans son application IMAG’IN : identifiez-vous pour elle, et ses jurys
        s’ajoutent à votre liste ; vos jurys actuels restent ouverts.
      </p>
      {academies.length > 0 && (
        <p id="academies-ouvertes">
          {academies.length > 1 ? 'Académies déjà ouvertes dans votre session : ' : 'Académie déjà ouverte dans votre session : '}
          <strong>{academies.map((a) => a.libelle).join(', ')}</strong>.
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Link className="fr-btn fr-icon-lock-unlock-line" to="/connexion/jury" id="ajouter-academie">
            S’identifier pour une autre académie
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary fr-icon-arrow-left-line" to={CHEMIN_JURYS}>
            Revenir à mes jurys
          </Link>
        </li>
      </ul>
      <div className="fr-callout">
        <h2 className="fr-callout__title fr-h6">Les deux mires, pour l’autre académie</h2>
        <ol className="fr-callout__text fr-text--md">
          <li>
            « Authentification » : l’identifiant d’une clé OTP <strong>de cette académie</strong> remise à votre centre et, comme mot de passe, son code PIN suivi du code
            affiché sur la clé ;
          </li>
          <li>
            puis l’identifiant et le mot de passe de votre convocation IMAG’IN <strong>de cette académie</strong> (et non ceux de votre académie).
          </li>
        </ol>
      </div>
    </>
  );
}
