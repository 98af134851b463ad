// « Délibération des jurys » (portail Jury, issue 8 §5, seed 000): the juries this portal session
// opened (one académie after the other, Cas 2), and a jury's deliberation. Per candidate: the
// first-group grades, the contrôle grades (with the épreuve each one replaces) and the computed result;
// « Détail » gives the explanation line by line and the history of the grades modified. A grade is
// modified in a dialog (grade /20 or « Absent », motif required) that sends the grade it displayed
// (`attendu`): when another member changed it meanwhile the server refuses (409) with who and what,
// and the page reloads the jury. The jury is read again every 5 seconds, so the other members' changes
// appear by themselves, flagged « modifiée ». « Clore le jury » (210 → 211) once every candidate has a
// result; a closed jury is read-only.
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { lireNote } from '../../../domain/cyclades/deliberation.ts';
import { libelleEtatJury } from '../../../domain/cyclades/jury.ts';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useActivite } from '../../app/activite.tsx';
import { consoleMessages } from '../../app/console.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BadgeEtat, CadreDetail, Choix, pluriel, TableauDsfr } from '../imagin-gestion/jurys-deliberation.tsx';
import {
  BASE_JURY,
  CLE_JURYS,
  cleJury,
  cleNote,
  couleurDecision,
  nomCandidat,
  useJurysPortail,
  type CandidatPortail,
  type JuryPortail,
  type NoteAffichee,
  type NoteCandidat,
  type ReponseJury,
} from './commun.tsx';

const modaleNote = createModal({ id: 'modale-modifier-note', isOpenedByDefault: false });
const modaleDetail = createModal({ id: 'modale-detail-candidat', isOpenedByDefault: false });
const modaleCloture = createModal({ id: 'modale-clore-jury', isOpenedByDefault: false });

/** How often a jury being deliberated is read again (the other members' changes). */
const RELECTURE_MS = 5000;

// The short columns first: the long labels (spécialité, centre) come last, where the list scrolls.
const colonnesJurys: Colonne<JuryPortail>[] = [
  { id: 'numero', libelle: 'Jury', valeur: (j) => j.numero },
  { id: 'academie', libelle: 'Académie', valeur: (j) => j.academie.libelle },
  { id: 'etat', libelle: 'État', valeur: (j) => j.libelleEtat, rendu: (j) => <BadgeEtat etat={j.etat} libelle={j.libelleEtat} />, poids: 2 },
  { id: 'candidats', libelle: 'Candidats', valeur: (j) => j.nbCandidats, type: 'nombre', alignement: 'droite' },
  { id: 'sansResultat', libelle: 'Sans résultat', valeur: (j) => j.nbSansResultat, type: 'nombre', alignement: 'droite' },
  { id: 'qualite', libelle: 'Votre qualité', valeur: (j) => j.qualite, poids: 2 },
  { id: 'specialite', libelle: 'Spécialité', valeur: (j) => j.specialite.libelle, poids: 3 },
  { id: 'centre', libelle: 'Centre de délibération', valeur: (j) => j.centre.libelle, poids: 2 },
];

function ListeJurys() {
  const a = useActivite();
  const q = useJurysPortail();
  const f = useFiltres('jurys-portail', { academie: '' });
  const academies = q.data?.academies ?? [];
  const lignes = useMemo(() => q.data?.jurys.filter((j) => !f.appliques.academie || j.academie.code === f.appliques.academie), [q.data, f.appliques.academie]);
  return (
    <>
      {academies.length > 0 && (
        <p className="fr-text--sm" id="academies-session">
          {academies.length > 1 ? 'Académies ouvertes dans cette session : ' : 'Académie ouverte dans cette session : '}
          {academies.map((x) => x.libelle).join(', ')}. Vous délibérez aussi des jurys d’une autre académie ?{' '}
          <Link to={`/${a.service}/autre-academie`}>Ajouter les jurys d’une autre académie</Link>.
        </p>
      )}
      <Liste
        id="jurys-portail"
        titre="Vos jurys"
        lignes={lignes}
        colonnes={colonnesJurys}
        cle={(j) => j.id}
        triParDefaut={{ colonne: 'numero', sens: 'asc' }}
        lien={(j) => `${a.base}/${j.id}`}
        libelleLien={(j) => `Jury ${j.numero}, ${j.specialite.libelle}, académie de ${j.academie.libelle} (${j.libelleEtat}) : ${j.deliberable ? 'délibérer' : 'consulter'}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun jury ne correspond : vous n’êtes convoqué(e) comme président, vice-président ou responsable de délibération à aucun jury de cette session."
        exports={false}
        filtres={
          academies.length > 1
            ? {
                ...f.proprietes,
                contenu: (
                  <Choix
                    id="jurys-portail-academie"
                    label="Académie"
                    valeur={f.saisie.academie}
                    options={[['', 'Toutes'], ...academies.map((x): [string, string] => [x.code, x.libelle])]}
                    surChangement={(v) => f.modifier('academie', v)}
                  />
                ),
              }
            : undefined
        }
      />
    </>
  );
}

/** One column of the grid: an épreuve of the first group or a contrôle oral. */
interface ColonneNote {
  groupe: 1 | 2;
  epreuveOptionId: number;
  code: string;
  libelle: string;
  coefficient: string;
}

function colonnesNotes(candidats: CandidatPortail[]): ColonneNote[] {
  const vues = new Map<string, ColonneNote>();
  for (const c of candidats) {
    for (const n of c.notes) {
      const k = `${n.groupe}:${n.epreuveOptionId}`;
      if (!vues.has(k)) vues.set(k, { groupe: n.groupe, epreuveOptionId: n.epreuveOptionId, code: n.code, libelle: n.libelle, coefficient: n.coefficient });
    }
  }
  const toutes = [...vues.values()];
  return [...toutes.filter((c) => c.groupe === 1), ...toutes.filter((c) => c.groupe === 2)];
}

/** A grade changed by another member, as last seen here. */
interface Changement {
  avant: string;
  apres: string;
}

interface Cible {
  candidatureId: number;
  groupe: 1 | 2;
  epreuveOptionId: number;
  /** The grade displayed when the dialog opened: sent as `attendu`. */
  attendu: NoteAffichee | null;
}

const texteNote = (n: NoteAffichee | null | undefined) => (n ? n.texte || (n.statut === 'absent' ? 'Absent' : '') : '');

function Resultat({ c }: { c: CandidatPortail }) {
  const r = c.resultat;
  return (
    <>
      <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${couleurDecision(r.libelleDecision)}`}>{r.libelleDecision}</span>
      {(r.moyenne || r.mention) && (
        <span className="fr-text--xs fr-mb-0" style={{ display: 'block', whiteSpace: 'nowrap' }}>
          {r.moyenne ? `Moyenne ${r.moyenne}` : ''}
          {r.moyenne && r.mention ? ' · ' : ''}
          {r.mention ? `mention ${r.mention}` : ''}
        </span>
      )}
    </>
  );
}

function CelluleNote({
  c,
  n,
  ouvert,
  changement,
  surModifier,
}: {
  c: CandidatPortail;
  n: NoteCandidat | undefined;
  ouvert: boolean;
  changement: Changement | undefined;
  surModifier: (c: CandidatPortail, n: NoteCandidat) => void;
}) {
  if (!n) return <td className="note-jury note-jury--vide">—</td>;
  const texte = texteNote(n.note) || '—';
  return (
    <td className="note-jury" style={{ whiteSpace: 'nowrap' }} data-epreuve={n.code}>
      {ouvert && n.modifiable ? (
        <button
          type="button"
          className="fr-btn fr-btn--tertiary fr-btn--sm"
          style={{ padding: '0 0.375rem', minHeight: '1.75rem' }}
          onClick={() => surModifier(c, n)}
          title={`Modifier la note de ${nomCandidat(c)} en ${n.libelle}`}
        >
          {texte}
          <span className="fr-sr-only">
            {' '}
            : modifier la note de {nomCandidat(c)} en {n.libelle}
          </span>
        </button>
      ) : (
        <span>{texte}</span>
      )}
      {n.remplace && (
        <span className="fr-text--xs fr-mb-0" style={{ display: 'block' }}>
          remplace {n.remplace}
        </span>
      )}
      {changement && (
        <span className="fr-badge fr-badge--sm fr-badge--new note-modifiee" style={{ display: 'table', marginTop: '0.25rem' }}>
          modifiée
          <span className="fr-sr-only">
            {' '}
            par un autre membre du jury ({changement.avant || '—'} → {changement.apres || '—'})
          </span>
        </span>
      )}
    </td>
  );
}

// The grid scrolls sideways when the épreuves do not fit: the candidate stays on the left, the
// result on the right.
const FIXE_GAUCHE = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--background-default-grey)', boxShadow: 'inset -1px 0 0 var(--border-default-grey)', whiteSpace: 'nowrap' } as const;
const FIXE_DROITE = { position: 'sticky', right: 0, zIndex: 1, background: 'var(--background-default-grey)', boxShadow: 'inset 1px 0 0 var(--border-default-grey)', minWidth: '15rem' } as const;

function TableauCandidats({
  jury,
  candidats,
  ouvert,
  changements,
  surModifier,
  surDetail,
}: {
  jury: JuryPortail;
  candidats: CandidatPortail[];
  ouvert: boolean;
  changements: ReadonlyMap<string, Changement>;
  surModifier: (c: CandidatPortail, n: NoteCandidat) => void;
  surDetail: (c: CandidatPortail) => void;
}) {
  const colonnes = useMemo(() => colonnesNotes(candidats), [candidats]);
  const n1 = colonnes.filter((c) => c.groupe === 1).length;
  const n2 = colonnes.length - n1;
  const tries = useMemo(() => [...candidats].sort((a, b) => a.numeroCandidat.localeCompare(b.numeroCandidat, 'fr', { numeric: true })), [candidats]);
  return (
    <>
      <TableauDsfr classe="fr-table--sm fr-table--bordered tableau-jury">
        <caption>
          Candidats du jury {jury.numero} ({candidats.length})
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} style={FIXE_GAUCHE}>
              Candidat
            </th>
            {n1 > 0 && (
              <th scope="colgroup" colSpan={n1}>
                Notes du 1er groupe
              </th>
            )}
            {n2 > 0 && (
              <th scope="colgroup" colSpan={n2}>
                Épreuve de contrôle
              </th>
            )}
            <th scope="col" rowSpan={2} style={FIXE_DROITE}>
              Résultat calculé
            </th>
          </tr>
          <tr>
            {colonnes.map((k) => (
              <th scope="col" key={`${k.groupe}:${k.epreuveOptionId}`} style={{ whiteSpace: 'nowrap' }}>
                {k.code}
                <span className="fr-sr-only"> {k.libelle}</span>
                {k.groupe === 1 && k.coefficient && (
                  <span className="fr-text--xs fr-mb-0" style={{ display: 'block', fontWeight: 'normal' }}>
                    coef. {k.coefficient}
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tries.map((c) => (
            <tr key={c.candidatureId} data-candidat={c.numeroCandidat}>
              <th scope="row" style={{ ...FIXE_GAUCHE, fontWeight: 'normal' }}>
                <span style={{ display: 'block', fontWeight: 700 }}>
                  {c.civilite} {nomCandidat(c)}
                </span>
                <span className="fr-text--xs">{c.numeroCandidat}</span>
              </th>
              {colonnes.map((k) => {
                const n = c.notes.find((x) => x.groupe === k.groupe && x.epreuveOptionId === k.epreuveOptionId);
                return <CelluleNote key={`${k.groupe}:${k.epreuveOptionId}`} c={c} n={n} ouvert={ouvert} changement={n ? changements.get(cleNote(c, n)) : undefined} surModifier={surModifier} />;
              })}
              <td className="resultat-jury" style={FIXE_DROITE}>
                <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '0.5rem' }}>
                  <div>
                    <Resultat c={c} />
                  </div>
                  <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => surDetail(c)}>
                    Détail<span className="fr-sr-only"> du résultat de {nomCandidat(c)}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </TableauDsfr>
      <details className="fr-mb-3w">
        <summary className="fr-text--sm">Libellés des épreuves</summary>
        <ul className="fr-text--sm">
          {colonnes.map((k) => (
            <li key={`${k.groupe}:${k.epreuveOptionId}`}>
              {k.code} : {k.libelle}
              {k.groupe === 1 && k.coefficient ? ` (coefficient ${k.coefficient})` : ' (épreuve de contrôle : sa note remplace celle de l’épreuve indiquée)'}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** The dialog « Modifier une note ». */
function ModaleNote({
  jury,
  cible,
  candidat,
  note,
  surEnvoi,
  surEnregistre,
  surConflit,
  surReprendre,
}: {
  jury: JuryPortail | null;
  cible: Cible | null;
  candidat: CandidatPortail | undefined;
  note: NoteCandidat | undefined;
  /** The grade is being sent (true) or no longer (false): a change seen meanwhile is ours. */
  surEnvoi: (cle: string, enCours: boolean) => void;
  surEnregistre: (r: { message: string; version: number; candidat: CandidatPortail }, cle: string) => void;
  surConflit: () => Promise<void>;
  /** Start again from the grade now displayed. */
  surReprendre: () => void;
}) {
  const [texte, setTexte] = useState('');
  const [absent, setAbsent] = useState(false);
  const [motif, setMotif] = useState('');
  const cle = candidat && note ? cleNote(candidat, note) : '';
  const enregistrer = useAction(
    async (corps: Record<string, unknown>) => {
      surEnvoi(cle, true);
      try {
        const r = await api.put<{ message: string; version: number; candidat: CandidatPortail }>(`${BASE_JURY}/jurys/${jury!.id}/notes`, corps);
        surEnregistre(r, cle);
        return r;
      } catch (e) {
        if (e instanceof ErreurApi && e.status === 409) await surConflit();
        throw e;
      } finally {
        surEnvoi(cle, false);
      }
    },
    { succes: (r) => r.message },
  );
  const { effacerErreurs } = enregistrer;
  // A new grade to modify: an empty form.
  useEffect(() => {
    setTexte('');
    setAbsent(false);
    setMotif('');
    effacerErreurs();
  }, [cible?.candidatureId, cible?.groupe, cible?.epreuveOptionId, effacerErreurs]);
  const alerte = useRef<HTMLDivElement>(null);
  const err = enregistrer.erreursChamps;
  // A refusal: focus on the first field in error, or on the server's message.
  useEffect(() => {
    if (!enregistrer.erreur) return;
    const champ = document.querySelector<HTMLElement>('#formulaire-note [aria-invalid="true"]');
    if (champ) champ.focus();
    else alerte.current?.focus();
  }, [enregistrer.erreur, err]);

  const erreurNote = err.valeur ?? err.note ?? err.statut;
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (!jury || !candidat || !note || !cible) return;
    const champs: Record<string, string> = {};
    const valeur = absent ? null : lireNote(texte);
    if (!absent && valeur === null) champs.valeur = texte.trim() ? 'Note : une note de 0 à 20 avec au plus deux décimales est attendue (12 ou 12,5), ou cochez « Absent ».' : 'Note : saisissez la nouvelle note, ou cochez « Absent ».';
    if (motif.trim().length < 3) champs.motif = 'Motif : obligatoire (3 caractères au moins) ; il figure au PV des notes modifiées au cours de la délibération.';
    if (Object.keys(champs).length) return enregistrer.signalerChamps(champs);
    void enregistrer.executer({
      version: jury.version,
      candidatureId: candidat.candidatureId,
      epreuveOptionId: note.epreuveOptionId,
      groupe: note.groupe,
      attendu: cible.attendu ? { statut: cible.attendu.statut, valeur: cible.attendu.valeur } : null,
      statut: absent ? 'absent' : 'note',
      ...(absent ? {} : { valeur }),
      motif: motif.trim(),
    });
  };
  const actuelle = texteNote(note?.note);
  const vue = texteNote(cible?.attendu);
  return (
    <modaleNote.Component title="Modifier une note" titleAs="h2">
      {candidat && note && cible ? (
        <form onSubmit={soumettre} noValidate id="formulaire-note">
          <p className="fr-mb-1w">
            <strong>
              {candidat.numeroCandidat} — {candidat.civilite} {nomCandidat(candidat)}
            </strong>
          </p>
          <p className="fr-mb-2w">
            {note.groupe === 2 ? 'Épreuve de contrôle : ' : ''}
            {note.code} — {note.libelle}
            {note.groupe === 1 && note.coefficient ? ` (coefficient ${note.coefficient})` : ''}
            {note.remplace ? `, remplace ${note.remplace}` : ''}
            <br />
            Note affichée : <strong id="note-affichee">{vue || 'aucune'}</strong>
          </p>
          {actuelle !== vue && !enregistrer.erreur && (
            <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="status">
              <p>
                Un autre membre du jury vient de modifier cette note : elle vaut maintenant {actuelle || 'aucune'}.{' '}
                <button type="button" className="fr-link" onClick={surReprendre}>
                  Partir de la note actuelle
                </button>
              </p>
            </div>
          )}
          {enregistrer.erreur && !Object.keys(err).length && (
            <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert" tabIndex={-1} ref={alerte} id="erreur-note">
              <p>{enregistrer.erreur}</p>
            </div>
          )}
          <div className={`fr-input-group${erreurNote ? ' fr-input-group--error' : ''}`}>
            <label className="fr-label" htmlFor="note-valeur">
              Nouvelle note
              <span className="fr-hint-text">Sur 20, au plus deux décimales, la virgule est acceptée : 12 ou 12,5.</span>
            </label>
            <input
              className={`fr-input${erreurNote ? ' fr-input--error' : ''}`}
              id="note-valeur"
              type="text"
              name="valeur"
              inputMode="decimal"
              autoComplete="off"
              value={texte}
              disabled={absent}
              aria-invalid={erreurNote ? true : undefined}
              aria-describedby={erreurNote ? 'note-valeur-erreur' : undefined}
              onChange={(e) => setTexte(e.target.value)}
            />
            {erreurNote && (
              <p className="fr-error-text" id="note-valeur-erreur">
                {erreurNote}
              </p>
            )}
          </div>
          <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-3w">
            <input type="checkbox" id="note-absent" name="absent" checked={absent} onChange={(e) => setAbsent(e.target.checked)} />
            <label className="fr-label" htmlFor="note-absent">
              Absent
            </label>
          </div>
          <div className={`fr-input-group${err.motif ? ' fr-input-group--error' : ''}`}>
            <label className="fr-label" htmlFor="note-motif">
              Motif de la modification (obligatoire)
              <span className="fr-hint-text">Il figure au PV des notes modifiées au cours de la délibération.</span>
            </label>
            <textarea
              className={`fr-input${err.motif ? ' fr-input--error' : ''}`}
              id="note-motif"
              name="motif"
              rows={2}
              maxLength={300}
              value={motif}
              aria-invalid={err.motif ? true : undefined}
              aria-describedby={err.motif ? 'note-motif-erreur' : undefined}
              onChange={(e) => setMotif(e.target.value)}
            />
            {err.motif && (
              <p className="fr-error-text" id="note-motif-erreur">
                {err.motif}
              </p>
            )}
          </div>
          <ul className="fr-btns-group fr-btns-group--right fr-btns-group--inline-md">
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" aria-controls={modaleNote.id} onClick={() => modaleNote.close()}>
                Annuler
              </button>
            </li>
            <li>
              <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
                Enregistrer la note
              </button>
            </li>
          </ul>
        </form>
      ) : (
        <p>Cette note n’est plus affichée.</p>
      )}
    </modaleNote.Component>
  );
}

/** The dialog « Détail »: the result's explanation, line by line, and the history of the grades. */
function ModaleDetail({ candidat }: { candidat: CandidatPortail | undefined }) {
  return (
    <modaleDetail.Component
      title={candidat ? `${candidat.numeroCandidat} — ${nomCandidat(candidat)}` : 'Détail du candidat'}
      titleAs="h2"
      size="large"
      buttons={[{ children: 'Fermer', doClosesModal: true, priority: 'secondary' }]}
    >
      {candidat && (
        <div id="detail-candidat">
          <p>
            Résultat calculé : <Resultat c={candidat} />
          </p>
          <h3 className="fr-h6 fr-mb-1w">Explication du résultat, ligne à ligne</h3>
          {candidat.resultat.explication.length ? (
            <ol className="fr-text--sm explication-resultat">
              {candidat.resultat.explication.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ol>
          ) : (
            <p className="fr-text--sm">Aucune explication.</p>
          )}
          <h3 className="fr-h6 fr-mb-1w">Notes modifiées pendant la délibération</h3>
          {candidat.modifications.length ? (
            <ul className="fr-text--sm historique-modifications">
              {candidat.modifications.map((m, i) => (
                <li key={i}>
                  <strong>{m.epreuve}</strong> : {m.ancienne || '(aucune)'} → {m.nouvelle || '(aucune)'} — motif : « {m.motif} » — {m.par}, le {new Date(m.le).toLocaleString('fr-FR')}
                </li>
              ))}
            </ul>
          ) : (
            <p className="fr-text--sm">Aucune note de ce candidat n’a été modifiée pendant la délibération.</p>
          )}
        </div>
      )}
    </modaleDetail.Component>
  );
}

function ModaleCloture({ jury, surClore, enCours }: { jury: JuryPortail | null; surClore: () => void; enCours: boolean }) {
  return (
    <modaleCloture.Component
      title={jury ? `Clore le jury ${jury.numero} ?` : 'Clore le jury'}
      titleAs="h2"
      buttons={[
        { children: 'Annuler', doClosesModal: true, priority: 'secondary' },
        { children: 'Clore le jury', doClosesModal: true, onClick: surClore, disabled: enCours },
      ]}
    >
      {jury && (
        <>
          <p>
            Le jury {jury.numero} passera à l’état {libelleEtatJury(211)} : ses notes et ses résultats ne pourront plus être modifiés. Le chef de centre éditera ensuite le
            procès-verbal de délibération à faire signer par le président.
          </p>
          {jury.nbSansResultat > 0 && (
            <div className="fr-alert fr-alert--warning fr-alert--sm">
              <p>{pluriel(jury.nbSansResultat, 'candidat n’a', 'candidats n’ont')} pas encore de résultat : le jury ne peut être clos qu’une fois chaque résultat calculé.</p>
            </div>
          )}
        </>
      )}
    </modaleCloture.Component>
  );
}

/** The grades as shown: key → text. */
function notesAffichees(candidats: CandidatPortail[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of candidats) for (const n of c.notes) m.set(cleNote(c, n), texteNote(n.note));
  return m;
}

function DetailJury({ id }: { id: string }) {
  const client = useQueryClient();
  const cle = cleJury(id);
  // The first reading is the user's (he opened the jury); the next ones, every 5 s, are background
  // refreshes: marked passive, they never keep the session alive on their own (issue 13 §9).
  const dejaLu = useRef(false);
  const q = useQuery({
    queryKey: cle,
    queryFn: async () => {
      const passif = dejaLu.current;
      const r = await api.get<ReponseJury>(`${BASE_JURY}/jurys/${encodeURIComponent(id)}`, { passif });
      dejaLu.current = true;
      return r;
    },
    // Read again while the jury is deliberated (a closed jury changes no more).
    refetchInterval: (query) => (!query.state.data || query.state.data.jury.etat === 210 ? RELECTURE_MS : false),
    staleTime: 0,
  });
  const d = q.data;

  // The grades another member changed since the last reading: flagged « modifiée ».
  const vues = useRef<Map<string, string> | null>(null);
  const miennes = useRef(new Set<string>());
  const [changements, setChangements] = useState<ReadonlyMap<string, Changement>>(new Map());
  useEffect(() => {
    if (!d) return;
    const nouvelles = notesAffichees(d.candidats);
    const avant = vues.current;
    vues.current = nouvelles;
    if (!avant) return;
    const faits: Array<[string, Changement]> = [];
    for (const [k, t] of nouvelles) {
      const a = avant.get(k);
      if (a !== undefined && a !== t && !miennes.current.has(k)) faits.push([k, { avant: a, apres: t }]);
    }
    if (!faits.length) return;
    setChangements((m) => new Map([...m, ...faits]));
    for (const [k, ch] of faits) {
      const [cid, groupe, eo] = k.split(':').map(Number);
      const c = d.candidats.find((x) => x.candidatureId === cid);
      const n = c?.notes.find((x) => x.groupe === groupe && x.epreuveOptionId === eo);
      if (!c || !n) continue;
      const derniere = [...c.modifications].filter((m) => m.epreuve.includes(n.code) || m.epreuve.includes(n.libelle)).sort((a, b) => a.le.localeCompare(b.le)).at(-1);
      consoleMessages.info(
        `Jury ${d.jury.numero} : la note de ${nomCandidat(c)} en ${n.libelle} a été modifiée${derniere ? ` par ${derniere.par}` : ' par un autre membre du jury'} (${ch.avant || 'aucune'} → ${ch.apres || 'aucune'}).`,
      );
    }
  }, [d]);

  const [cible, setCible] = useState<Cible | null>(null);
  const [detail, setDetail] = useState<number | null>(null);
  const [dernierSucces, setDernierSucces] = useState<string | null>(null);

  const ouvrirNote = (c: CandidatPortail, n: NoteCandidat) => {
    setCible({ candidatureId: c.candidatureId, groupe: n.groupe, epreuveOptionId: n.epreuveOptionId, attendu: n.note });
    modaleNote.open();
  };
  const candidatCible = d?.candidats.find((c) => c.candidatureId === cible?.candidatureId);
  const noteCible = candidatCible?.notes.find((n) => n.groupe === cible?.groupe && n.epreuveOptionId === cible?.epreuveOptionId);

  const clore = useAction(
    async (version: number) => {
      try {
        const r = await api.post<{ message: string; version: number }>(`${BASE_JURY}/jurys/${encodeURIComponent(id)}/cloture`, { version });
        setDernierSucces(r.message);
        await Promise.all([client.invalidateQueries({ queryKey: cle }), client.invalidateQueries({ queryKey: CLE_JURYS })]);
        return r;
      } catch (e) {
        if (e instanceof ErreurApi && e.status === 409) void q.refetch();
        throw e;
      }
    },
    { succes: (r) => r.message },
  );

  let contenu: ReactNode = null;
  if (d) {
    const j = d.jury;
    const ouvert = j.etat === 210;
    contenu = (
      <>
        <h2 className="fr-h5" id="titre-jury">
          Jury {j.numero} — {j.specialite.libelle}
        </h2>
        <Details
          lignes={[
            ['Académie', j.academie.libelle],
            ['Session', j.session.libelle],
            ['Centre de délibération', j.centre.libelle],
            ['État', <BadgeEtat etat={j.etat} libelle={j.libelleEtat} />],
            ['Votre qualité', j.qualite],
            ['Candidats', `${j.nbCandidats}${j.nbSansResultat ? ` (dont ${j.nbSansResultat} sans résultat)` : ', tous avec un résultat'}`],
          ]}
        />
        {!ouvert && (
          <div className="fr-notice fr-notice--info fr-mb-3w" id="bandeau-lecture-seule">
            <div className="fr-container">
              <div className="fr-notice__body">
                <p className="fr-notice__title">
                  {j.etat >= 211
                    ? `Le jury ${j.numero} est clos (${j.libelleEtat}) : ses notes et ses résultats sont en lecture seule. Le chef de centre édite le procès-verbal de délibération.`
                    : `Le jury ${j.numero} n’est pas en délibération (${j.libelleEtat}) : lecture seule.`}
                </p>
              </div>
            </div>
          </div>
        )}
        {dernierSucces && (
          <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" id="succes-jury">
            <p>{dernierSucces}</p>
          </div>
        )}
        {clore.erreur && (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert" id="erreur-cloture">
            <p>{clore.erreur}</p>
          </div>
        )}
        {ouvert && (
          <p className="fr-text--sm">
            Cliquez sur une note pour la modifier (le motif est obligatoire). La page est relue toutes les 5 secondes : les modifications des autres membres du jury
            apparaissent d’elles-mêmes, signalées « modifiée ».
          </p>
        )}
        <TableauCandidats
          jury={j}
          candidats={d.candidats}
          ouvert={ouvert}
          changements={changements}
          surModifier={ouvrirNote}
          surDetail={(c) => {
            setDetail(c.candidatureId);
            modaleDetail.open();
          }}
        />
        {ouvert && (
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            <li>
              <button type="button" className="fr-btn fr-icon-lock-line" {...modaleCloture.buttonProps} id="clore-jury" disabled={clore.enCours}>
                Clore le jury
              </button>
            </li>
          </ul>
        )}
      </>
    );
  }

  return (
    <CadreDetail q={q}>
      {contenu}
      <ModaleNote
        jury={d?.jury ?? null}
        cible={cible}
        candidat={candidatCible}
        note={noteCible}
        surEnvoi={(k, enCours) => {
          if (enCours) miennes.current.add(k);
          else miennes.current.delete(k);
        }}
        surReprendre={() => setCible((x) => (x ? { ...x, attendu: noteCible?.note ?? null } : x))}
        surEnregistre={(r, k) => {
          // The grade just saved is ours: not flagged, and the displayed candidate is the server's.
          vues.current?.set(k, texteNote(r.candidat.notes.find((n) => cleNote(r.candidat, n) === k)?.note));
          setChangements((m) => {
            if (!m.has(k)) return m;
            const n = new Map(m);
            n.delete(k);
            return n;
          });
          client.setQueryData<ReponseJury>(cle, (x) =>
            x ? { jury: { ...x.jury, version: r.version }, candidats: x.candidats.map((c) => (c.candidatureId === r.candidat.candidatureId ? r.candidat : c)) } : x,
          );
          setDernierSucces(r.message);
          modaleNote.close();
          void client.invalidateQueries({ queryKey: cle });
          void client.invalidateQueries({ queryKey: CLE_JURYS });
        }}
        surConflit={async () => {
          const r = await q.refetch();
          // The dialog now starts from the grade the server holds.
          const c = r.data?.candidats.find((x) => x.candidatureId === cible?.candidatureId);
          const n = c?.notes.find((x) => x.groupe === cible?.groupe && x.epreuveOptionId === cible?.epreuveOptionId);
          setCible((x) => (x ? { ...x, attendu: n?.note ?? null } : x));
        }}
      />
      <ModaleDetail candidat={d?.candidats.find((c) => c.candidatureId === detail)} />
      <ModaleCloture jury={d?.jury ?? null} surClore={() => d && void clore.executer(d.jury.version)} enCours={clore.enCours} />
    </CadreDetail>
  );
}

export default function JurysPortail() {
  return <ListeOuDetail liste={<ListeJurys />} detail={(id) => <DetailJury key={id} id={id} />} />;
}
