// The frame of the pages seen before login (login, forgotten password, guide...): DSFR header with
// the display settings, content, DSFR footer.
import { Header } from '@codegouvfr/react-dsfr/Header/index.js';
import { useEffect, type ReactNode } from 'react';
import { ModaleParametres } from '../../shell/Modales.tsx';
import { modaleParametres } from '../../shell/modales.ts';
import { BLOC_MARQUE } from '../../shell/Entete.tsx';

export function PagePublique({ titre, sousTitre, children, large }: { titre: string; sousTitre?: string; children: ReactNode; large?: boolean }) {
  useEffect(() => {
    document.title = `${titre} — IMAG'IN / CYCLADES`;
  }, [titre]);
  return (
    <div className="page-publique">
      <div className="fr-skiplinks">
        <nav className="fr-container" role="navigation" aria-label="Accès rapide">
          <ul className="fr-skiplinks__list">
            <li>
              <a className="fr-link" href="#contenu">
                Contenu
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <Header
        brandTop={BLOC_MARQUE}
        homeLinkProps={{ to: '/', title: 'Accueil — plateforme des examens IMAG’IN et CYCLADES' }}
        serviceTitle="IMAG’IN — CYCLADES"
        serviceTagline={sousTitre ?? 'Missions des intervenants et gestion des examens'}
        disableDisplay
        quickAccessItems={[
          { iconId: 'fr-icon-user-setting-line', text: 'Affichage', buttonProps: { ...modaleParametres.buttonProps, type: 'button', title: 'Paramètres d’affichage : contraste, taille de police, interlignage, justification, thème' } },
        ]}
      />
      <main id="contenu" tabIndex={-1} className={`fr-container ${large ? '' : 'page-publique__etroit'} fr-py-4w`}>
        {children}
      </main>
      <footer className="fr-footer" id="pied-public">
        <div className="fr-container">
          <div className="fr-footer__body">
            <div className="fr-footer__brand fr-enlarge-link">
              <p className="fr-logo">{BLOC_MARQUE}</p>
            </div>
            <div className="fr-footer__content">
              <p className="fr-footer__content-desc">
                IMAG’IN gère les missions des personnes qui participent aux travaux de jury des examens et concours ; CYCLADES gère les examens.
              </p>
            </div>
          </div>
        </div>
      </footer>
      <ModaleParametres enregistrer={false} />
    </div>
  );
}
