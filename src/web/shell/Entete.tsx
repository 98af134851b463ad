// Header of every service page (seed 003 §1.3.1): République française block, the application and
// service, "ACADEMIE DE <X> - <établissement or person>", and Guide, Tutoriel, Plan du site, Aide,
// Paramètres d'affichage, Quitter. Once logged in it is compact (styles.css, .entete--compacte): the
// same DSFR header, its logo at DSFR's small size, on one row, so the work gets the screen.
import { Header } from '@codegouvfr/react-dsfr/Header/index.js';
import { useSession, useSessionOuverte } from '../app/session.tsx';
import { signalerErreur } from '../app/console.ts';
import { modaleAide, modaleParametres } from './modales.ts';

export const BLOC_MARQUE = (
  <>
    Ministère
    <br />
    de l’Éducation
    <br />
    nationale
  </>
);

export function Entete() {
  const session = useSessionOuverte();
  const { quitter } = useSession();
  const s = session.service;
  return (
    <Header
      id="entete"
      className="entete--compacte"
      brandTop={BLOC_MARQUE}
      homeLinkProps={{ to: `/${s.code}`, title: `Accueil — ${s.application} ${s.libelle}` }}
      serviceTitle={`${s.application} — ${s.libelle}`}
      serviceTagline={<span className="entete__qui">{session.entete}</span>}
      disableDisplay
      quickAccessItems={[
        {
          iconId: 'fr-icon-book-2-line',
          text: 'Guide',
          linkProps: { to: `/guide/${s.code}`, target: '_blank', rel: 'noopener', title: 'Guide utilisateur — nouvelle fenêtre' },
        },
        {
          iconId: 'fr-icon-play-circle-line',
          text: 'Tutoriel',
          linkProps: { to: '/guide/tutoriel', target: '_blank', rel: 'noopener', title: 'Tutoriel — nouvelle fenêtre' },
        },
        { iconId: 'fr-icon-list-unordered', text: 'Plan du site', linkProps: { to: `/${s.code}/plan-du-site` } },
        { iconId: 'fr-icon-question-line', text: 'Aide', buttonProps: { ...modaleAide.buttonProps, type: 'button' } },
        { iconId: 'fr-icon-user-setting-line', text: 'Affichage', buttonProps: { ...modaleParametres.buttonProps, type: 'button', title: 'Paramètres d’affichage : contraste, taille de police, interlignage, justification, thème' } },
        {
          iconId: 'fr-icon-logout-box-r-line',
          text: 'Quitter',
          buttonProps: {
            type: 'button',
            onClick: () => {
              quitter().catch((e) => signalerErreur(e));
            },
          },
        },
      ]}
    />
  );
}
