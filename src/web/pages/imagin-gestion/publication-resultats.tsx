// « Publication des résultats » (gestionnaire DEC, issue 7 §2): per session of the académie, its
// juries counted by état; once every jury is at 214 (épreuve de contrôle terminée en centre), the
// gestionnaire publishes the results: they are frozen and the candidates read them in their espace
// candidat. A session is published once.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { Chargement } from '../../shell/Pages.tsx';
import { BadgeEtat, BASE_DEC, TableauDsfr, invaliderDeliberation, pluriel } from './jurys-deliberation.tsx';

interface SessionPublication {
  id: number;
  code: string;
  libelle: string;
  nbJurys: number;
  parEtat: Array<{ etat: number; libelle: string; nombre: number }>;
  jurysNonTermines: Array<{ id: number; numero: string; etat: number; libelleEtat: string; centre: string }>;
  publiable: boolean;
  publication: { le: string; par: string | null } | null;
}

function Session({ s }: { s: SessionPublication }) {
  const confirmation = useConfirmation();
  const client = useQueryClient();
  const publier = useAction(
    async () => {
      const r = await api.post<{ message: string; publies: number }>(`${BASE_DEC}/publication`, { sessionId: s.id });
      await invaliderDeliberation(client);
      return r;
    },
    { succes: (r) => r.message },
  );
  const titre = `titre-session-${s.id}`;
  return (
    <section className="fr-mb-4w" aria-labelledby={titre}>
      <h2 className="fr-h5" id={titre}>
        {s.libelle} — {pluriel(s.nbJurys, 'jury', 'jurys')}
      </h2>
      <TableauDsfr classe="fr-table--sm">
        <caption>Jurys de la session {s.libelle} par état d’avancement</caption>
        <thead>
          <tr>
            <th scope="col">Etat</th>
            <th scope="col">Libellé</th>
            <th scope="col" className="fr-cell--right">
              Nombre de jurys
            </th>
          </tr>
        </thead>
        <tbody>
          {s.parEtat.map((e) => (
            <tr key={e.etat}>
              <td>{e.etat}</td>
              <td>{e.libelle}</td>
              <td className="fr-cell--right">{e.nombre}</td>
            </tr>
          ))}
        </tbody>
      </TableauDsfr>
      {s.publication ? (
        <div className="fr-alert fr-alert--success fr-alert--sm" id={`publication-${s.id}`}>
          <p>
            Résultats publiés le {formaterDateHeure(s.publication.le)}
            {s.publication.par ? ` par ${s.publication.par}` : ''} : ils sont figés et consultables par les candidats dans leur espace candidat.
          </p>
        </div>
      ) : (
        <>
          {s.jurysNonTermines.length > 0 && (
            <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
              <p>
                La publication demande que tous les jurys de la session soient à l’état 214 - Epreuve de contrôle terminée en centre ;{' '}
                {pluriel(s.jurysNonTermines.length, 'jury ne l’est pas encore', 'jurys ne le sont pas encore')} :
              </p>
              <ul>
                {s.jurysNonTermines.map((j) => (
                  <li key={j.id}>
                    Jury {j.numero} ({j.centre}) : <BadgeEtat etat={j.etat} libelle={j.libelleEtat} />
                  </li>
                ))}
              </ul>
            </div>
          )}
          <button
            type="button"
            className="fr-btn fr-icon-send-plane-line fr-btn--icon-left"
            disabled={publier.enCours}
            aria-describedby={`aide-publication-${s.id}`}
            onClick={() =>
              confirmation.demander({
                titre: 'Publier les résultats',
                message: `Publier les résultats de la session ${s.libelle} ? Ils seront figés et consultables par les candidats ; une session ne se publie qu’une fois.`,
                bouton: 'Publier',
                surConfirmation: () => void publier.executer(),
              })
            }
          >
            Publier les résultats
          </button>
          <p className="fr-hint-text fr-mt-1w" id={`aide-publication-${s.id}`}>
            Les résultats publiés sont ceux des décisions des jurys ; ils ne changent plus ensuite.
          </p>
        </>
      )}
      {confirmation.dialogue}
    </section>
  );
}

export default function PublicationResultats() {
  const q = useQuery({ queryKey: ['gestion', 'deliberation', 'publication'], queryFn: () => api.get<{ sessions: SessionPublication[] }>(`${BASE_DEC}/publication`) });
  if (q.isPending) return <Chargement />;
  if (q.isError) {
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{q.error.message}</p>
      </div>
    );
  }
  if (!q.data.sessions.length) return <p>Aucun jury de délibération dans votre académie.</p>;
  return (
    <>
      {q.data.sessions.map((s) => (
        <Session key={s.id} s={s} />
      ))}
    </>
  );
}
