// The two views of « Ouvrir la délibération de l'épreuve de contrôle » and « Terminer l'épreuve de
// contrôle » (seed 001 §4 and §8): « Vue synthétique », the number of the centre's juries in each état
// with the action of the états it applies to (globally: every jury in that état), and « Vue
// détaillée », jury by jury. Each move is irreversible: it is confirmed first (the app's one dialog,
// useConfirmation, as « Clore » and « Publier »). The server moves the juries that can move (two clicks never move a jury
// twice), answers « Enregistrement effectué » and names the others with the reason, listed here; a
// refusal (409: another browser moved the jury first) reads the views again at once.
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import type { EtatJury, OperationJury } from '../../../domain/cyclades/jury.ts';
import { BASE_DELIBERATION, COLONNES_JURY, ErreurGenerale, useRelireDeliberation, type Enregistrement, type JuryCentre } from './deliberation-commun.tsx';

/** What each move asks before it is sent (it cannot be undone): the dialog's title, its question, its button. */
const CONFIRMATIONS: Partial<Record<OperationJury, { titre: string; question: (qui: string) => string }>> = {
  ouvrir_deliberation: {
    titre: 'Ouvrir la délibération',
    question: (qui) =>
      `Ouvrir la délibération de l’épreuve de contrôle pour ${qui} ? Les jurys passeront à l’état 210 - Délibération de l’épreuve de contrôle ; ce changement est définitif.`,
  },
  terminer: {
    titre: 'Terminer l’épreuve de contrôle',
    question: (qui) =>
      `Terminer l’épreuve de contrôle pour ${qui} ? Les jurys passeront à l’état 214 - Epreuve de contrôle terminée en centre : leurs PV et listes ne s’éditeront plus et le gestionnaire DEC publiera les résultats ; ce changement est définitif.`,
  },
};

export interface LigneSynthese {
  etat: EtatJury;
  libelle: string;
  nombre: number;
  /** The button of the état's row, and the operation it asks for. */
  action: string | null;
  operation: OperationJury | null;
}

interface JuryVue extends JuryCentre {
  action: string | null;
  operation: OperationJury | null;
}

type Vue = 'ouverture' | 'terminaison';
type Onglet = 'synthetique' | 'detaillee';

/** The chef de centre's two changes of état, and where each is asked for. */
const CHANGEMENTS: Partial<Record<OperationJury, string>> = { ouvrir_deliberation: '/ouvrir', terminer: '/terminer' };

const TRI: Tri = { colonne: 'jury', sens: 'asc' };

export function VuesDeliberation({ vue }: { vue: Vue }) {
  const [onglet, setOnglet] = useState<Onglet>('synthetique');
  const [enregistre, setEnregistre] = useState<string | null>(null);
  const [refus, setRefus] = useState<NonNullable<Enregistrement['refus']>>([]);
  const relire = useRelireDeliberation();
  const confirmation = useConfirmation();
  const synthese = useQuery({
    queryKey: ['cyclades', 'deliberation', 'synthese', vue],
    queryFn: () => api.get<{ session: { libelle: string } | null; message: string | null; lignes: LigneSynthese[] }>(`${BASE_DELIBERATION}/synthese?vue=${vue}`),
  });
  const detail = useQuery({
    queryKey: ['cyclades', 'deliberation', 'detail', vue],
    queryFn: () => api.get<{ jurys: JuryVue[] }>(`${BASE_DELIBERATION}/detail?vue=${vue}`),
    enabled: onglet === 'detaillee',
  });
  const changer = useAction(
    async (op: OperationJury, jury?: JuryVue) => {
      setEnregistre(null);
      setRefus([]);
      try {
        const r = await api.post<Enregistrement>(`${BASE_DELIBERATION}${CHANGEMENTS[op]}`, jury ? { juryIds: [jury.id] } : {});
        const n = r.deplaces.length;
        setEnregistre([r.refus?.length ? `Enregistrement effectué pour ${n > 1 ? `${n} jurys` : '1 jury'}` : r.message, r.suite].filter(Boolean).join('. '));
        setRefus(r.refus ?? []);
        await relire();
        return r;
      } catch (e) {
        // Another browser moved the jury first: the views show its état and buttons now, not in a while.
        if (e instanceof ErreurApi && e.status === 409) void relire();
        throw e;
      }
    },
    { succes: (r) => r.message },
  );
  const { enCours } = changer;
  /** Asks first (the move is final), then moves. */
  const executer = useCallback(
    (op: OperationJury, jury?: JuryVue, nombre?: number) => {
      const qui = jury ? `le jury ${jury.numero}` : nombre === 1 ? 'le jury à cet état' : `les ${nombre} jurys à cet état`;
      const c = CONFIRMATIONS[op];
      if (!c) return void changer.executer(op, jury);
      confirmation.demander({ titre: c.titre, message: c.question(qui), bouton: c.titre, surConfirmation: () => void changer.executer(op, jury) });
    },
    // changer.executer and confirmation.demander are stable.
    [changer.executer, confirmation.demander],
  );

  const colonnes = useMemo<Colonne<JuryVue>[]>(
    () => [
      ...COLONNES_JURY,
      {
        id: 'action',
        libelle: 'Action',
        valeur: (j) => j.action,
        triable: false,
        exportable: false,
        rendu: (j) =>
          j.action && j.operation && CHANGEMENTS[j.operation] ? (
            <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" disabled={enCours} onClick={() => executer(j.operation!, j)}>
              {j.action}
              <span className="fr-sr-only"> : jury {j.numero}</span>
            </button>
          ) : null,
      },
    ],
    // changer.executer is stable.
    [enCours, executer],
  );

  const session = synthese.data?.session;
  return (
    <>
      {enregistre && (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" id="enregistrement" role="status">
          <p>{enregistre}</p>
        </div>
      )}
      {refus.length > 0 && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="jurys-non-deplaces" role="status">
          <p>
            {refus.length > 1 ? `${refus.length} jurys n’ont pas été déplacés :` : '1 jury n’a pas été déplacé :'}
          </p>
          <ul>
            {refus.map((r) => (
              <li key={r.id}>
                <strong>{r.numero}</strong> : {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p id="periode-deliberation">
        Période de délibération : <strong>{session?.libelle ?? '—'}</strong>
      </p>
      {synthese.data?.message && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
          <p>{synthese.data.message}</p>
        </div>
      )}
      <Tabs
        label="Vues des jurys"
        selectedTabId={onglet}
        onTabChange={(t) => setOnglet(t as Onglet)}
        tabs={[
          { tabId: 'synthetique', label: 'Vue synthétique' },
          { tabId: 'detaillee', label: 'Vue détaillée' },
        ]}
      >
        {onglet === 'synthetique' ? (
          synthese.isPending ? (
            <p>Chargement…</p>
          ) : synthese.isError ? (
            <div className="fr-alert fr-alert--error fr-alert--sm">
              <p>{synthese.error.message}</p>
            </div>
          ) : (
            <div className="fr-table fr-table--no-caption deliberation__synthese fr-mb-0" id="vue-synthetique">
              <table>
                <caption>Nombre de jurys de votre centre par état d’avancement</caption>
                <thead>
                  <tr>
                    <th scope="col">État</th>
                    <th scope="col">Libellé</th>
                    <th scope="col">Nombre de jurys</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {synthese.data.lignes.map((l) => (
                    <tr key={l.etat} data-etat={l.etat}>
                      <th scope="row">{l.etat}</th>
                      <td>{l.libelle}</td>
                      <td className="deliberation__nombre">{l.nombre}</td>
                      <td>
                        {l.action && l.operation && CHANGEMENTS[l.operation] && (
                          <button
                            type="button"
                            className="fr-btn fr-btn--sm"
                            disabled={l.nombre === 0 || enCours}
                            onClick={() => executer(l.operation!, undefined, l.nombre)}
                            title={l.nombre === 0 ? `Aucun jury à l’état ${l.etat}.` : undefined}
                          >
                            {l.action}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : (
          <Liste
            id={`jurys-${vue}`}
            titre="Jurys de votre centre de délibération"
            lignes={detail.data?.jurys}
            colonnes={colonnes}
            cle={(j) => j.id}
            triParDefaut={TRI}
            chargement={detail.isPending}
            erreur={detail.error}
            surReessayer={() => void detail.refetch()}
            messageVide="Aucun jury de votre centre n’est dans un des états de cette vue."
            exports={false}
            hauteurMax="24rem"
          />
        )}
      </Tabs>
      <ErreurGenerale id="erreur-changement-etat" erreur={changer.erreur} champs={{}} />
      {confirmation.dialogue}
    </>
  );
}
