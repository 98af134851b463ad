// « Jurys de délibération » (gestionnaire DEC, issue 7): the académie's juries of the Bac Pro second
// group with their état; the gestionnaire selects juries and locks the first group (140 → 198) or
// opens the épreuve de contrôle (198 → 200). A jury's detail shows its candidates, their results and
// the explanation of each line by line; both moves are irreversible and confirmed first (the app's
// dialog, as « Clore » and « Publier »); the juries of the selection that cannot move are named with the
// reason, and a refusal (another browser moved them first) reads the list again at once; at 210 (until the Jury portal of issue 8) he records the
// decisions and closes the jury (210 → 211), with the version displayed (a stale page is refused).
// The other DEC pages of the deliberation (notes-controle, publication-resultats) share the types
// and small components exported here.
import { Accordion } from '@codegouvfr/react-dsfr/Accordion.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useActivite } from '../../app/activite.tsx';
import { consoleMessages } from '../../app/console.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

export const BASE_DEC = '/api/gestion/deliberation';

export interface JuryDec {
  id: number;
  numero: string;
  session: { id: number; code: string; libelle: string };
  specialite: { code: string; libelle: string };
  centre: { uai: string; nom: string; commune: string; libelle: string };
  groupeDecision: string;
  etat: number;
  libelleEtat: string;
  version: number;
  nbCandidats: number;
  nbAdmis: number;
  nbAdmissibles: number;
  nbAjournes: number;
  nbNotesControleManquantes: number;
  nbDecisions: number;
}

export interface ReponseJurys {
  sessions: Array<{ id: number; code: string; libelle: string }>;
  sessionId: number | null;
  etats: Array<{ etat: number; libelle: string }>;
  jurys: JuryDec[];
}

export interface OralVue {
  oral: 'scientifique' | 'francais_hg';
  libelle: string;
  code: string | null;
  epreuveRemplacee: string | null;
  statut: 'note' | 'absent' | null;
  valeur: number | null;
  note: string;
}

export interface CandidatVue {
  candidatureId: number;
  numeroCandidat: string;
  civilite: string;
  nom: string;
  prenom: string;
  listeRouge: boolean;
  presumeFraudeur: boolean;
  centreControle: string | null;
  notes: Array<{ epreuveId: number; code: string; libelle: string; coefficient: number; note: string }>;
  premierGroupe: { decision: string; libelle: string; moyenne: string | null; moyenneProfessionnelle: string | null; mention: string | null };
  admissible: boolean;
  oraux: OralVue[];
  resultat: { groupe: number; decision: string; libelle: string; moyenne: string | null; mention: string | null; explication: string[]; manquantes: string[]; erreur: string | null };
  decision: { decision: string; libelle: string; moyenne: number | null; mention: string | null; conforme: boolean } | null;
  modifications: Array<{ epreuve: string; avant: string; apres: string; motif: string; par: string; le: string }>;
}

export const pluriel = (n: number, un: string, plusieurs = `${un}s`) => `${n} ${n > 1 ? plusieurs : un}`;

export function Choix({ id, label, valeur, options, surChangement }: { id: string; label: string; valeur: string; options: Array<[string, string]>; surChangement: (v: string) => void }) {
  return (
    <div className="fr-select-group">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} name={id} value={valeur} onChange={(e) => surChangement(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** « BREQUIGNY (0350059Z) »: the centre in a list (the full label is in the jury's detail). */
export const centreCourt = (j: Pick<JuryDec, 'centre'>) => `${j.centre.nom} (${j.centre.uai})`;

/** The badge of a jury's état: grey before the contrôle, blue during, green once closed or ended. */
export function BadgeEtat({ etat, libelle }: { etat: number; libelle: string }) {
  const couleur = etat >= 211 ? 'fr-badge--success' : etat >= 200 ? 'fr-badge--info' : '';
  return <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${couleur}`}>{libelle}</span>;
}

export function Drapeaux({ c }: { c: Pick<CandidatVue, 'listeRouge' | 'presumeFraudeur'> }) {
  return (
    <>
      {c.listeRouge && <span className="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon fr-mr-1v">Liste rouge</span>}
      {c.presumeFraudeur && <span className="fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon">Présumé fraudeur</span>}
    </>
  );
}

/**
 * A list of the juries of a session of the académie (the latest by default) with its two filters,
 * session and état: the props the DEC's lists of juries share.
 */
export function useListeJurys(id: string, url: string) {
  const f = useFiltres(id, { session: '', etat: '' });
  const q = useQuery({
    queryKey: ['gestion', 'deliberation', id, f.appliques.session],
    queryFn: () => api.get<ReponseJurys>(`${url}${f.appliques.session ? `?session=${f.appliques.session}` : ''}`),
    placeholderData: (p) => p,
  });
  const lignes = useMemo(() => q.data?.jurys.filter((j) => !f.appliques.etat || String(j.etat) === f.appliques.etat), [q.data, f.appliques.etat]);
  const proprietes = {
    lignes,
    cle: (j: JuryDec) => j.id,
    triParDefaut: { colonne: 'numero', sens: 'asc' as const },
    chargement: q.isPending,
    erreur: q.error,
    surReessayer: () => void q.refetch(),
    messageVide: 'Aucun jury ne correspond aux filtres.',
    filtres: {
      ...f.proprietes,
      contenu: (
        <>
          <Choix
            id={`${id}-session`}
            label="Session"
            valeur={f.saisie.session}
            options={[['', 'La plus récente'], ...(q.data?.sessions ?? []).map((s): [string, string] => [String(s.id), s.libelle])]}
            surChangement={(v) => f.modifier('session', v)}
          />
          <Choix
            id={`${id}-etat`}
            label="Etat d’avancement du jury"
            valeur={f.saisie.etat}
            options={[['', 'Tous'], ...(q.data?.etats ?? []).map((e): [string, string] => [String(e.etat), e.libelle])]}
            surChangement={(v) => f.modifier('etat', v)}
          />
        </>
      ),
    },
  };
  return proprietes;
}

/** A DSFR table (its wrappers around the <table>). */
export function TableauDsfr({ classe = '', children }: { classe?: string; children: ReactNode }) {
  return (
    <div className={`fr-table ${classe}`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>{children}</table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** A detail page: « Retour », then the loading, the error or the content. */
export function CadreDetail({ q, children }: { q: { isPending: boolean; error: Error | null }; children: ReactNode }) {
  return (
    <>
      <BoutonRetour />
      {q.isPending && <Chargement />}
      {q.error && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {children}
    </>
  );
}

export function invaliderDeliberation(client: ReturnType<typeof useQueryClient>) {
  return client.invalidateQueries({ queryKey: ['gestion', 'deliberation'] });
}

function ListeJurys() {
  const a = useActivite();
  const client = useQueryClient();
  const liste = useListeJurys('jurys-deliberation', `${BASE_DEC}/jurys`);
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [refus, setRefus] = useState<Array<{ id: number; numero: string; message: string }>>([]);
  const confirmation = useConfirmation();

  const cocher = (id: number, coche: boolean) =>
    setSelection((s) => {
      const n = new Set(s);
      if (coche) n.add(id);
      else n.delete(id);
      return n;
    });

  const transition = useAction(
    async (ids: number[], vers: 198 | 200) => {
      setRefus([]);
      try {
        const r = await api.post<{ message: string; deplaces: number[]; refus: Array<{ id: number; numero: string; message: string }> }>(`${BASE_DEC}/jurys/transition`, { juryIds: ids, vers });
        // The juries that did not move stay selected, with the reason beside the list.
        setSelection(new Set(r.refus.map((x) => x.id)));
        setRefus(r.refus);
        await invaliderDeliberation(client);
        return r;
      } catch (e) {
        // Another browser moved them first: the list shows their état now.
        if (e instanceof ErreurApi && e.status === 409) void invaliderDeliberation(client);
        throw e;
      }
    },
    { succes: (r) => r.message },
  );

  const lancer = (affichees: JuryDec[], vers: 198 | 200) => {
    const choisis = affichees.filter((j) => selection.has(j.id));
    if (!choisis.length) {
      consoleMessages.erreur('Cochez d’abord, dans la liste, le ou les jurys concernés.');
      return;
    }
    const qui = choisis.length > 1 ? `les ${choisis.length} jurys sélectionnés (${choisis.map((j) => j.numero).join(', ')})` : `le jury ${choisis[0]!.numero}`;
    const titre = vers === 198 ? 'Verrouiller le 1er groupe' : 'Ouvrir l’épreuve de contrôle';
    confirmation.demander({
      titre,
      message:
        vers === 198
          ? `Verrouiller le 1er groupe pour ${qui} ? Les jurys passeront à l’état 198 - 1er groupe verrouillé en académie ; ce changement est définitif.`
          : `Ouvrir l’épreuve de contrôle pour ${qui} ? Les jurys passeront à l’état 200 - Recueil des notes de l’épreuve de contrôle ; ce changement est définitif.`,
      bouton: titre,
      surConfirmation: () =>
        void transition.executer(
          choisis.map((j) => j.id),
          vers,
        ),
    });
  };

  const colonnes = useMemo<Colonne<JuryDec>[]>(
    () => [
      { id: 'numero', libelle: 'Jury', valeur: (j) => j.numero },
      { id: 'specialite', libelle: 'Spécialité', valeur: (j) => j.specialite.libelle, poids: 3 },
      { id: 'etat', libelle: 'Etat d’avancement du jury', valeur: (j) => j.libelleEtat, poids: 3 },
      {
        id: 'selection',
        libelle: 'Sélectionner jurys',
        valeur: () => '',
        triable: false,
        exportable: false,
        rendu: (j) => (
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`jury-${j.id}`} name="jurys" value={j.id} checked={selection.has(j.id)} onChange={(e) => cocher(j.id, e.target.checked)} />
            <label className="fr-label" htmlFor={`jury-${j.id}`}>
              <span className="fr-sr-only">Sélectionner le jury {j.numero}</span>
            </label>
          </div>
        ),
      },
      { id: 'centre', libelle: 'Centre de délibération', valeur: (j) => centreCourt(j), poids: 2 },
      { id: 'candidats', libelle: 'Candidats', valeur: (j) => j.nbCandidats, type: 'nombre', alignement: 'droite' },
      { id: 'admis', libelle: 'Admis', valeur: (j) => j.nbAdmis, type: 'nombre', alignement: 'droite' },
      { id: 'admissibles', libelle: 'Admissibles', valeur: (j) => j.nbAdmissibles, type: 'nombre', alignement: 'droite' },
      { id: 'ajournes', libelle: 'Ajournés', valeur: (j) => j.nbAjournes, type: 'nombre', alignement: 'droite' },
      { id: 'manquantes', libelle: 'Notes manquantes', valeur: (j) => j.nbNotesControleManquantes, type: 'nombre', alignement: 'droite' },
      { id: 'decisions', libelle: 'Décisions', valeur: (j) => j.nbDecisions, type: 'nombre', alignement: 'droite' },
    ],
    [selection],
  );

  return (
    <>
      <Liste
        id="jurys"
        titre="Jurys de l’académie"
        {...liste}
        colonnes={colonnes}
        lien={(j) => `${a.base}/${j.id}`}
        libelleLien={(j) => `Jury ${j.numero}, ${j.specialite.libelle} : candidats et résultats`}
        actions={(affichees) => {
          const n = affichees.filter((j) => selection.has(j.id)).length;
          return (
            <div role="group" aria-labelledby="titre-transition">
              {refus.length > 0 && (
                <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="jurys-non-deplaces" role="status">
                  <p>{refus.length > 1 ? `${refus.length} jurys n’ont pas été déplacés (ils restent sélectionnés) :` : '1 jury n’a pas été déplacé (il reste sélectionné) :'}</p>
                  <ul>
                    {refus.map((r) => (
                      <li key={r.id}>
                        <strong>{r.numero}</strong> : {r.message}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <p className="fr-text--sm fr-mb-1w" id="titre-transition">
                {pluriel(n, 'jury sélectionné', 'jurys sélectionnés')}
              </p>
              <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
                <li>
                  <button type="button" className="fr-btn fr-icon-lock-line" onClick={() => lancer(affichees, 198)} disabled={transition.enCours}>
                    Verrouiller le 1er groupe
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-icon-arrow-right-line" onClick={() => lancer(affichees, 200)} disabled={transition.enCours}>
                    Ouvrir l’épreuve de contrôle
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--tertiary fr-icon-checkbox-line" onClick={() => setSelection(new Set(affichees.map((j) => j.id)))}>
                    Tout sélectionner ({affichees.length})
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--tertiary fr-icon-close-circle-line" onClick={() => setSelection(new Set())} disabled={selection.size === 0}>
                    Vider la sélection
                  </button>
                </li>
              </ul>
            </div>
          );
        }}
      />
      {confirmation.dialogue}
    </>
  );
}

const colonnesCandidats: Colonne<CandidatVue>[] = [
  { id: 'numero', libelle: 'N° Candidat', valeur: (c) => c.numeroCandidat, poids: 2 },
  { id: 'nom', libelle: 'Nom', valeur: (c) => c.nom, poids: 2 },
  { id: 'prenom', libelle: 'Prénom', valeur: (c) => c.prenom },
  {
    id: 'pg',
    libelle: '1er groupe',
    valeur: (c) => `${c.premierGroupe.libelle}${c.premierGroupe.moyenne ? ` (${c.premierGroupe.moyenne})` : ''}`,
    poids: 2,
  },
  { id: 'ect1', libelle: 'Epr. scientifique et technique', valeur: (c) => (c.admissible ? c.oraux[0]?.note || 'manquante' : '') },
  { id: 'ect2', libelle: 'Epr. français et histoire-géographie', valeur: (c) => (c.admissible ? c.oraux[1]?.note || 'manquante' : '') },
  {
    id: 'resultat',
    libelle: 'Résultat calculé',
    valeur: (c) => [c.resultat.libelle, c.resultat.moyenne, c.resultat.mention].filter(Boolean).join(' — '),
    poids: 2,
  },
  {
    id: 'decision',
    libelle: 'Décision enregistrée',
    valeur: (c) => (c.decision ? `${c.decision.libelle}${c.decision.conforme ? '' : ' (décision du jury)'}` : ''),
  },
  { id: 'signalement', libelle: 'Signalement', valeur: (c) => [c.listeRouge && 'Liste rouge', c.presumeFraudeur && 'Présumé fraudeur'].filter(Boolean).join(', '), rendu: (c) => <Drapeaux c={c} /> },
];

/** One candidate's explanation, line by line, as the jury reads it. */
export function Explications({ candidats }: { candidats: CandidatVue[] }) {
  return (
    <div className="fr-accordions-group">
      {candidats.map((c) => (
        <Accordion key={c.candidatureId} titleAs="h4" label={`${c.numeroCandidat} — ${c.nom} ${c.prenom} : ${c.resultat.libelle}${c.resultat.moyenne ? ` (${c.resultat.moyenne})` : ''}`}>
          <ol className="fr-text--sm">
            {c.resultat.explication.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ol>
          {c.modifications.length > 0 ? (
            <>
              <p className="fr-text--sm fr-text--bold fr-mb-1v">Notes modifiées pendant la délibération</p>
              <ul className="fr-text--sm">
                {c.modifications.map((m, i) => (
                  <li key={i}>
                    {m.epreuve} : {m.avant || '—'} → {m.apres} ({m.motif}, {m.par}, {new Date(m.le).toLocaleString('fr-FR')})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Accordion>
      ))}
    </div>
  );
}

function DetailJury({ id }: { id: string }) {
  const confirmation = useConfirmation();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['gestion', 'deliberation', 'jury', Number(id)],
    queryFn: () => api.get<{ jury: JuryDec; candidats: CandidatVue[] }>(`${BASE_DEC}/jurys/${id}/candidats`),
  });
  const decisions = useAction(
    async (version: number) => {
      const r = await api.post<{ message: string; version: number }>(`${BASE_DEC}/jurys/${id}/decisions`, { version });
      await invaliderDeliberation(client);
      return r;
    },
    { succes: (r) => r.message },
  );
  const clore = useAction(
    async (version: number) => {
      const r = await api.post<{ message: string; version: number }>(`${BASE_DEC}/jurys/${id}/clore`, { version });
      await invaliderDeliberation(client);
      return r;
    },
    { succes: (r) => r.message },
  );
  const d = q.data;
  let contenu: ReactNode = null;
  if (d) {
    const j = d.jury;
    const enDeliberation = j.etat === 210;
    contenu = (
      <>
        <h2 className="fr-h5">
          Jury {j.numero} — {j.specialite.libelle}
        </h2>
        <Details
          lignes={[
            ['Session', j.session.libelle],
            ['Centre de délibération', j.centre.libelle],
            ['Groupe de décision', j.groupeDecision],
            ['Etat d’avancement du jury', <BadgeEtat etat={j.etat} libelle={j.libelleEtat} />],
            ['Candidats', `${j.nbCandidats} (admis au 1er groupe : ${j.nbAdmis}, admissibles à l’épreuve de contrôle : ${j.nbAdmissibles}, ajournés : ${j.nbAjournes})`],
            ['Notes de contrôle manquantes', String(j.nbNotesControleManquantes)],
            ['Décisions enregistrées', `${j.nbDecisions} sur ${j.nbCandidats}`],
          ]}
        />
        {enDeliberation ? (
          <div className="fr-mb-3w" role="group" aria-labelledby="titre-decisions">
            <p className="fr-text--sm fr-mb-1w" id="titre-decisions">
              Délibération en cours : en attendant le portail Jury, le gestionnaire enregistre les décisions calculées, puis clôt le jury (version {j.version} affichée).
            </p>
            <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
              <li>
                <button type="button" className="fr-btn fr-icon-save-line" onClick={() => void decisions.executer(j.version)} disabled={decisions.enCours || clore.enCours}>
                  Enregistrer les décisions
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="fr-btn fr-btn--secondary fr-icon-lock-line"
                  onClick={() =>
                    confirmation.demander({
                      titre: 'Clore le jury',
                      message: `Clore le jury ${j.numero} ? Ses décisions ne pourront plus être modifiées ici.`,
                      bouton: 'Clore le jury',
                      surConfirmation: () => void clore.executer(j.version),
                    })
                  }
                  disabled={decisions.enCours || clore.enCours}
                >
                  Clore le jury
                </button>
              </li>
            </ul>
          </div>
        ) : (
          <p className="fr-text--sm">Les décisions s’enregistrent et le jury se clôt quand il est à l’état 210 - Délibération de l’épreuve de contrôle.</p>
        )}
        <Liste
          id={`candidats-jury-${j.id}`}
          titre={`Candidats du jury ${j.numero}`}
          lignes={d.candidats}
          colonnes={colonnesCandidats}
          cle={(c) => c.candidatureId}
          triParDefaut={{ colonne: 'numero', sens: 'asc' }}
          sousTitrePdf={`Jury ${j.numero} — ${j.specialite.libelle} — ${j.centre.libelle}`}
        />
        <h3 className="fr-h6 fr-mt-4w">Explication des résultats, ligne à ligne</h3>
        <Explications candidats={d.candidats} />
      </>
    );
  }
  return (
    <>
      <CadreDetail q={q}>{contenu}</CadreDetail>
      {confirmation.dialogue}
    </>
  );
}

export default function JurysDeliberation() {
  return <ListeOuDetail liste={<ListeJurys />} detail={(id) => <DetailJury id={id} />} />;
}
