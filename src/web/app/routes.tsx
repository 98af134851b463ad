// Every URL of the web app. Public: the portal, the login pages, the reset page, the guide, the
// arrival page of a tab opened in another académie. Per service (/<service code>): the password
// change, the e-mail prompt, and the shell with its home,
// its site map and its activities (/<service>/<activité>/… — pages listed in activites.ts).
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, useRouteError } from 'react-router';
import { PageConnexion, PagePortail } from '../pages/connexion/Connexion.tsx';
import { PagePortailJury, PagePortailJurySecours } from '../pages/connexion/PortailJury.tsx';
import { PageAdresseElectronique, PageChangementMotDePasse, PageReinitialisation } from '../pages/connexion/MotDePasse.tsx';
import { PagePublique } from '../pages/connexion/PagePublique.tsx';
import { PageAccesAcademie } from '../pages/connexion/AccesAcademie.tsx';
import { Accueil, CadreActivite, Chargement, GardeService, Introuvable, PlanDuSite } from '../shell/Pages.tsx';
import { Shell } from '../shell/Shell.tsx';
import { Annonces } from './Annonces.tsx';
import { SessionProvider } from './session.tsx';

const PageGuide = lazy(() => import('../pages/guide/PageGuide.tsx'));

function Racine() {
  return (
    <SessionProvider>
      <Outlet />
      <Annonces />
    </SessionProvider>
  );
}

function ErreurInattendue() {
  const e = useRouteError();
  console.error(e);
  return (
    <PagePublique titre="Erreur technique">
      <h1>Erreur technique</h1>
      <p>La page n’a pas pu s’afficher. Rechargez-la ; si le problème persiste, contactez le gestionnaire de votre académie.</p>
      <p>
        <a className="fr-btn" href="/">
          Accueil de la plateforme
        </a>
      </p>
    </PagePublique>
  );
}

export const routeur = createBrowserRouter([
  {
    element: <Racine />,
    errorElement: <ErreurInattendue />,
    children: [
      { path: '/', element: <PagePortail /> },
      { path: '/connexion/agents', element: <PageConnexion key="agents" entree="agents" /> },
      { path: '/connexion/intervenants', element: <PageConnexion key="intervenants" entree="intervenants" /> },
      { path: '/connexion/cyclades', element: <PageConnexion key="cyclades" entree="cyclades" /> },
      { path: '/connexion/candidat', element: <PageConnexion key="candidat" entree="candidat" /> },
      { path: '/connexion/jury', element: <PagePortailJury /> },
      { path: '/connexion/jury/secours', element: <PagePortailJurySecours /> },
      { path: '/reinitialiser-mot-de-passe', element: <PageReinitialisation /> },
      // The tab opened by « Accès autres académies » (003 §4.6): arrival with its code, and its end.
      { path: '/acces-academie', element: <PageAccesAcademie /> },
      {
        path: '/guide/:document',
        element: (
          <Suspense fallback={<Chargement />}>
            <PageGuide />
          </Suspense>
        ),
      },
      {
        path: '/:service',
        element: <GardeService />,
        children: [
          { path: 'mot-de-passe', element: <PageChangementMotDePasse /> },
          { path: 'adresse-electronique', element: <PageAdresseElectronique /> },
          {
            element: <Shell />,
            children: [
              { index: true, element: <Accueil /> },
              { path: 'plan-du-site', element: <PlanDuSite /> },
              { path: ':activite/*', element: <CadreActivite /> },
            ],
          },
        ],
      },
      { path: '*', element: <Introuvable /> },
    ],
  },
]);
