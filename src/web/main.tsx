// Entry point: DSFR started once (its script, the colour scheme), the display settings of this
// device applied before the first paint, the API cache, the routes.
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa.js';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, RouterProvider } from 'react-router';
import { ErreurApi } from './app/api.ts';
import { signalerErreur } from './app/console.ts';
import { appliquerPreferences, preferencesLocales } from './app/preferences.ts';
import { prechargerPageDuChemin } from './app/activites.ts';
import { routeur } from './app/routes.tsx';
import { demanderSessionAuDemarrage } from './app/session.tsx';
import './styles.css';

declare module '@codegouvfr/react-dsfr/link.js' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

appliquerPreferences(preferencesLocales());
startReactDsfr({ defaultColorScheme: 'system', Link });

const client = new QueryClient({
  queryCache: new QueryCache({
    // Every failed read is said in the console; a lost connection offers to retry it.
    onError: (e, query) => {
      if (query.meta?.silencieux) return;
      signalerErreur(e, () => void query.fetch());
    },
  }),
  defaultOptions: {
    queries: {
      retry: (n, e) => !(e instanceof ErreurApi) && n < 1,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

// The first page's data is asked for before React's first render: the session, the page's module
// and its list. React renders once they are there (or after a short wait), so the page appears in
// one go rather than through successive « Chargement… » (a revealed Suspense boundary waits 300 ms).
const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));
const session = demanderSessionAuDemarrage();
const page = prechargerPageDuChemin(location.pathname, client);
await Promise.race([Promise.all([session, page?.module]), attendre(1500)]);
if (page) await Promise.race([page.donnees, attendre(500)]);

createRoot(document.getElementById('racine')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <RouterProvider router={routeur} />
    </QueryClientProvider>
  </StrictMode>,
);
