// The workstation of every service (seeds 003 and 004 §1.3): header, menu on the left, content,
// console at the bottom, "Connecté en tant que" footer, full-screen toggle, inactivity watch.
// An activity is only its own content, rendered in <Outlet />.
import { useLayoutEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useEtatPersistant } from '../app/etat.ts';
import { useSessionOuverte } from '../app/session.tsx';
import { ConsoleZone } from './ConsoleZone.tsx';
import { Entete } from './Entete.tsx';
import { Inactivite } from './Inactivite.tsx';
import { Menu } from './Menu.tsx';
import { ModaleAide, ModaleParametres } from './Modales.tsx';

let defilementConserve = false;
/** A list coming back from its detail restores its scroll position: the shell then leaves it be. */
export function conserverDefilement() {
  defilementConserve = true;
  // Only for the commit being applied (the shell's layout effect runs after the list's).
  queueMicrotask(() => {
    defilementConserve = false;
  });
}

/** The current activity code from the path "/<service>/<activité>/...", null on the home page. */
export function activiteDuChemin(chemin: string): string | null {
  const morceaux = chemin.split('/').filter(Boolean);
  const code = morceaux[1];
  if (!code || code === 'plan-du-site') return null;
  return decodeURIComponent(code);
}

export function Shell() {
  const session = useSessionOuverte();
  const location = useLocation();
  const courante = activiteDuChemin(location.pathname);
  const activite = session.menu.flatMap((g) => g.activites).find((a) => a.code === courante) ?? null;
  const [pleinEcran, setPleinEcran] = useEtatPersistant('shell:plein-ecran', false);
  const bascule = useRef<HTMLButtonElement>(null);

  const racine = useRef<HTMLDivElement>(null);
  // Arriving in the service (after login), focus starts at the top, before the skip links; on each
  // new page afterwards, it goes to the page's title, which screen readers then read. (The effect
  // may run again for the same page when React shows a suspended tree again: nothing to do then.)
  const cheminFocalise = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (cheminFocalise.current === location.pathname) return;
    const premier = cheminFocalise.current === null;
    cheminFocalise.current = location.pathname;
    // A new page starts at its top, unless a list just put back where the user was.
    const zone = document.getElementById('zone-contenu');
    if (zone && !defilementConserve) zone.scrollTop = 0;
    if (premier) racine.current?.focus({ preventScroll: true });
    else document.querySelector<HTMLElement>('#contenu h1')?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className={`shell ${pleinEcran ? 'shell--plein-ecran' : ''}`} ref={racine} tabIndex={-1}>
      <div className="fr-skiplinks">
        <nav className="fr-container" role="navigation" aria-label="Accès rapide">
          <ul className="fr-skiplinks__list">
            <li>
              <a className="fr-link" href="#contenu">
                Contenu
              </a>
            </li>
            {!pleinEcran && (
              <li>
                <a className="fr-link" href="#menu">
                  Menu des activités
                </a>
              </li>
            )}
            <li>
              <a className="fr-link" href="#console">
                Messages
              </a>
            </li>
          </ul>
        </nav>
      </div>
      {!pleinEcran && <Entete />}
      <div className="shell__corps">
        {!pleinEcran && (
          <div className="shell__menu">
            <Menu courante={courante} />
          </div>
        )}
        <div className="shell__droite">
          <div className="shell__zone" id="zone-contenu">
            <div className="shell__barre">
              {pleinEcran && (
                <p className="shell__rappel">
                  {session.service.application} — {session.service.libelle} · {session.entete}
                </p>
              )}
              <button
                ref={bascule}
                type="button"
                id="bascule-plein-ecran"
                className={`fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-left ${pleinEcran ? 'fr-icon-layout-left-line' : 'fr-icon-fullscreen-line'}`}
                aria-pressed={pleinEcran}
                onClick={() => {
                  setPleinEcran(!pleinEcran);
                  requestAnimationFrame(() => bascule.current?.focus());
                }}
              >
                {pleinEcran ? 'Afficher l’en-tête et le menu' : 'Agrandir la zone de travail'}
              </button>
            </div>
            <main id="contenu" className="shell__main" tabIndex={-1}>
              <Outlet />
            </main>
          </div>
          <ConsoleZone />
        </div>
      </div>
      <footer className="pied" id="pied">
        <p>
          Connecté en tant que <strong id="connecte-en-tant-que">{session.connecteEnTantQue}</strong>
          <span className="pied__role">
            {' '}
            — {session.libelleRole}, {session.academie.interAcademique ? session.academie.libelle : `académie de ${session.academie.libelle}`}
          </span>
        </p>
      </footer>
      <ModaleAide session={session} activite={activite} />
      <ModaleParametres enregistrer />
      <Inactivite />
    </div>
  );
}
