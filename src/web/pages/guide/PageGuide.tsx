// The user guide of a service and the tutorial, written in docs/guide/ and served by /api/guide.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { texteErreur } from '../../app/console.ts';
import { lireMarkdown, Markdown } from '../../markdown/markdown.tsx';
import { PagePublique } from '../connexion/PagePublique.tsx';

interface Guide {
  document: string;
  titre: string;
  markdown: string;
}

export default function PageGuide() {
  const { document = '' } = useParams();
  const q = useQuery({ queryKey: ['guide', document], queryFn: () => api.get<Guide>(`/api/guide/${encodeURIComponent(document)}`, { public: true }), staleTime: 300_000, meta: { silencieux: true } });
  const titre = q.data?.titre ?? 'Guide utilisateur';
  // The guide's own "# title" becomes the page's h1; the rest follows it.
  const sansTitre = q.data?.markdown.replace(/^#\s+.+$/m, '') ?? '';
  const sommaire = lireMarkdown(sansTitre).filter((b) => b.type === 'titre' && b.niveau === 2);
  return (
    <PagePublique titre={titre} sousTitre="Guide utilisateur" large>
      <div className="fr-grid-row fr-grid-row--gutters guide">
        {sommaire.length > 0 && (
          <nav className="fr-col-12 fr-col-md-3 fr-summary guide__sommaire" aria-labelledby="sommaire-titre">
            <p className="fr-summary__title" id="sommaire-titre">
              Sommaire
            </p>
            <ol className="fr-summary__list">
              {sommaire.map((b) =>
                b.type === 'titre' ? (
                  <li key={b.id}>
                    <a className="fr-summary__link" href={`#${b.id}`}>
                      {b.texte}
                    </a>
                  </li>
                ) : null,
              )}
            </ol>
          </nav>
        )}
        <div className={`fr-col-12 ${sommaire.length ? 'fr-col-md-9' : ''} guide__texte`}>
          <h1>{titre}</h1>
          {q.isPending && <p aria-busy="true">Chargement du guide…</p>}
          {q.isError && (
            <div className="fr-alert fr-alert--error">
              <p>{texteErreur(q.error)}</p>
            </div>
          )}
          {q.data && <Markdown source={sansTitre} />}
          <p className="fr-mt-4w">
            <Link to="/guide/tutoriel">Tutoriel : prendre en main le poste de travail</Link>
          </p>
        </div>
      </div>
    </PagePublique>
  );
}
