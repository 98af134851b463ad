// The menu of activities on the left (seed 003 §1.3.2), grouped as the service declares them:
// greyed and not clickable when the gestionnaire has not opened the activity (the reason is written
// under it), normal when accessible, white on blue for the current one.
import { Link } from 'react-router';
import { useSessionOuverte } from '../app/session.tsx';

export function Menu({ courante }: { courante: string | null }) {
  const session = useSessionOuverte();
  const base = `/${session.service.code}`;
  return (
    <nav className="fr-sidemenu menu" id="menu" aria-labelledby="menu-titre">
      <div className="fr-sidemenu__inner">
        <button type="button" className="fr-sidemenu__btn" aria-controls="menu-contenu" aria-expanded="false">
          Menu des activités
        </button>
        <div className="fr-collapse" id="menu-contenu">
          <p className="fr-sidemenu__title menu__titre" id="menu-titre">
            Activités
          </p>
          <ul className="fr-sidemenu__list">
            <li className={`fr-sidemenu__item ${courante === null ? 'fr-sidemenu__item--active' : ''}`}>
              <Link className="fr-sidemenu__link" to={base} aria-current={courante === null ? 'page' : undefined}>
                Accueil
              </Link>
            </li>
          </ul>
          {session.menu.map((g, i) => (
            <div className="menu__groupe" key={g.groupe}>
              <p className="menu__groupe-titre" id={`menu-groupe-${i}`}>
                {g.groupe}
              </p>
              <ul className="fr-sidemenu__list" aria-labelledby={`menu-groupe-${i}`}>
                {g.activites.map((a) =>
                  a.ouverte ? (
                    <li key={a.code} className={`fr-sidemenu__item ${courante === a.code ? 'fr-sidemenu__item--active' : ''}`}>
                      <Link className="fr-sidemenu__link" to={`${base}/${a.code}`} aria-current={courante === a.code ? 'page' : undefined}>
                        {a.libelle}
                      </Link>
                    </li>
                  ) : (
                    <li key={a.code} className="fr-sidemenu__item menu__item--ferme">
                      <span className="fr-sidemenu__link menu__lien-ferme" aria-disabled="true">
                        <span className="menu__libelle-ferme">
                          <span className="fr-icon-lock-line fr-icon--sm" aria-hidden="true" /> {a.libelle}
                        </span>
                        <span className="menu__motif">{motifFermeture(a.motif)}</span>
                      </span>
                    </li>
                  ),
                )}
              </ul>
            </div>
          ))}
        </div>
      </div>
    </nav>
  );
}

export function motifFermeture(motif: string | null): string {
  return `Activité non ouverte par le service gestionnaire de la division des examens et concours${motif ? ` : ${motif}` : '.'}`;
}
