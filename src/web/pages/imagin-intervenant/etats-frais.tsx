// « Saisie/consultation états de frais » of the intervenant (seed 004 §2.4, decision 0028): the
// académie's conditions d'utilisation (tick, then Valider), the list of his états de frais with both
// statuses, a banner to reach those of other académies; one état: its header (show / hide the
// details), the first-access choice (« Mission non effectuée » after the confirmation, or
// « Compléter »), then the tabs Suivi / Rémunération / Déplacement / Récapitulatif navigated by
// Précédent / Suivant. Nothing is stored before « Enregistrer » (or the validation).
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { dateFr } from '../../../domain/imagin/dates.ts';
import { euros } from '../../../domain/imagin/icc.ts';
import { montantLigne, tauxDepuisVue, type TauxDeplacementVue } from '../../../domain/imagin/frais/deplacement.ts';
import { chiffreCompare, libelleSaisie, MESSAGE_MINISTERE, montantRemuneration } from '../../../domain/imagin/frais/remuneration.ts';
import {
  EXPLICATION_STATUT,
  LIBELLE_MODE_TRANSPORT,
  LIBELLE_STATUT,
  type DemiJournee,
  type EtatFraisVue,
  type LigneDeplacement,
  type SaisieRemuneration,
  type StatutAffiche,
} from '../../../domain/imagin/frais/types.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { api, ErreurApi } from '../../app/api.ts';
import { useEtatPersistant } from '../../app/etat.ts';
import { Liste, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { OngletDeplacement } from './frais-deplacement.tsx';
import { PiecesJustificatives } from './frais-pieces.tsx';
import { BoutonsValidation } from './frais-validation.tsx';

const BASE = '/api/intervenant/etats-frais';
const CLE = ['intervenant', 'etats-frais'] as const;

interface Conditions {
  academieCode: string;
  texte: string;
  version: number;
  acceptee: boolean;
  accepteeLe: string | null;
}

interface Onglet {
  code: string;
  libelle: string;
  nombre: number;
  courante: boolean;
  session: boolean;
}

interface LigneEtat {
  id: number;
  examen: string;
  type: string;
  numero: number;
  debut: string | null;
  centre: string | null;
  statutRemuneration: StatutAffiche;
  statutDeplacement: StatutAffiche;
  libelleRemuneration: string;
  libelleDeplacement: string;
  consultationSeule: boolean;
}

interface ReponseListe {
  academieCode: string;
  conditions: Conditions;
  onglets: Onglet[];
  total: number;
  lignes: LigneEtat[];
}

interface TauxEtat {
  remuneration: { copieCentimes: number; heureCentimes: number | null } | null;
  deplacement: TauxDeplacementVue | null;
}

type Etat = EtatFraisVue & { taux: TauxEtat; message?: string };

const TRI: Tri = { colonne: 'debut', sens: 'asc' };

/** The colour of a status badge. */
function classeStatut(s: StatutAffiche): string {
  switch (s) {
    case 'valide':
    case 'valide_gestionnaire':
    case 'traite_gestionnaire':
      return 'fr-badge--success';
    case 'non_valide':
    case 'mission_en_cours':
      return 'fr-badge--new';
    case 'annule':
    case 'mission_non_effectuee':
      return 'fr-badge--error';
    case 'invalidable':
    case 'a_traiter_gestionnaire':
      return 'fr-badge--info';
    default:
      return '';
  }
}

export function BadgeStatut({ statut }: { statut: StatutAffiche }) {
  return (
    <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${classeStatut(statut)}`} title={EXPLICATION_STATUT[statut]}>
      {LIBELLE_STATUT[statut]}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Conditions d'utilisation

function EcranConditions({ conditions, surAcceptation }: { conditions: Conditions; surAcceptation: () => void }) {
  const [coche, setCoche] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const accepter = useAction((version: number) => api.post<Conditions & { message: string }>(`${BASE}/conditions`, { academie: conditions.academieCode, version, accepte: true }), {
    succes: (r) => r.message,
  });
  const valider = async (e: FormEvent) => {
    e.preventDefault();
    if (!coche) {
      setErreur("Cochez la case « J'ai lu et j'accepte les conditions relatives à l'utilisation du service » pour accéder à vos états de frais.");
      document.getElementById('conditions-acceptees')?.focus();
      return;
    }
    const r = await accepter.executer(conditions.version);
    if (r) surAcceptation();
  };
  return (
    <form onSubmit={(e) => void valider(e)} noValidate aria-labelledby="titre-conditions" className="etats-frais-conditions">
      <h2 className="fr-h5" id="titre-conditions">
        Conditions d'utilisation du service
      </h2>
      <p className="fr-text--sm">L'utilisation de l'activité est subordonnée à l'acceptation des conditions d'utilisation du service de liquidation des frais de mission.</p>
      <div className="fr-p-2w fr-mb-2w" style={{ whiteSpace: 'pre-line', border: '1px solid var(--border-default-grey)', maxHeight: '16rem', overflowY: 'auto' }} tabIndex={0} aria-label="Texte des conditions d'utilisation">
        {conditions.texte}
      </div>
      <div className={`fr-checkbox-group ${erreur || accepter.erreur ? 'fr-checkbox-group--error' : ''}`}>
        <input
          type="checkbox"
          id="conditions-acceptees"
          name="accepte"
          checked={coche}
          aria-describedby={erreur ? 'conditions-erreur' : undefined}
          onChange={(e) => {
            setCoche(e.target.checked);
            setErreur(null);
          }}
        />
        <label className="fr-label" htmlFor="conditions-acceptees">
          J'ai lu et j'accepte les conditions relatives à l'utilisation du service
        </label>
        {erreur && (
          <p className="fr-error-text" id="conditions-erreur">
            {erreur}
          </p>
        )}
      </div>
      <button type="submit" className="fr-btn fr-mt-2w" disabled={accepter.enCours}>
        Valider
      </button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The list

/** A long text cut to its column, whole in its tooltip: every row stays on one line at 1280 px. */
const coupe = (texte: string | null) => (
  <span className="etats-frais__coupe" title={texte ?? undefined}>
    {texte}
  </span>
);

const colonnes: Colonne<LigneEtat>[] = [
  { id: 'examen', libelle: 'Examen', valeur: (l) => l.examen, poids: 1.2 },
  { id: 'type', libelle: 'Type de mission', valeur: (l) => l.type, rendu: (l) => coupe(l.type), poids: 2 },
  { id: 'numero', libelle: 'N°', valeur: (l) => l.numero, texte: (l) => String(l.numero), type: 'nombre' },
  { id: 'debut', libelle: 'Début', valeur: (l) => l.debut, type: 'date' },
  { id: 'centre', libelle: "Centre d'examen", valeur: (l) => l.centre, rendu: (l) => coupe(l.centre), poids: 2 },
  { id: 'remuneration', libelle: 'Rémunération', valeur: (l) => l.libelleRemuneration, rendu: (l) => <BadgeStatut statut={l.statutRemuneration} />, poids: 1.6 },
  { id: 'deplacement', libelle: 'Déplacement', valeur: (l) => l.libelleDeplacement, rendu: (l) => <BadgeStatut statut={l.statutDeplacement} />, poids: 1.6 },
];

function BandeauAcademies({ onglets, surChoix }: { onglets: Onglet[]; surChoix: (code: string) => void }) {
  const autres = onglets.filter((o) => !o.courante);
  if (autres.length === 0) return null;
  return (
    <div className="fr-notice fr-notice--info fr-mb-2w" id="bandeau-academies">
      <div className="fr-container--fluid fr-px-2w">
        <div className="fr-notice__body">
          <p className="fr-notice__title">Vous avez aussi des états de frais générés dans {autres.length > 1 ? "d'autres académies" : 'une autre académie'} :</p>
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w fr-mb-0">
            {autres.map((o) => (
              <li key={o.code}>
                <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => surChoix(o.code)}>
                  {o.libelle} ({o.nombre})
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function PageListe({ q, surChoix, academie }: { q: ReturnType<typeof useListe>; surChoix: (code: string | null) => void; academie: string | null }) {
  const a = useActivite();
  const d = q.data!;
  const courante = d.onglets.find((o) => o.courante);
  return (
    <>
      <BandeauAcademies onglets={d.onglets} surChoix={surChoix} />
      {academie && courante && !courante.session && (
        <p className="fr-text--sm fr-mb-1w">
          États de frais générés par {courante.libelle}.{' '}
          <button type="button" className="fr-link fr-text--sm" onClick={() => surChoix(null)}>
            Revenir à ceux de mon académie
          </button>
        </p>
      )}
      <style>
        {'.etats-frais-liste .liste__table th, .etats-frais-liste .liste__table td { white-space: nowrap; padding-left: 0.5rem; padding-right: 0.5rem; } ' +
          '.etats-frais-liste .liste__table tbody td { font-size: 0.875rem; } ' +
          '.etats-frais__coupe { display: inline-block; max-width: 7rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }'}
      </style>
      <div className="etats-frais-liste">
        <Liste
          key={d.academieCode}
          id={`etats-frais-${d.academieCode}`}
          titre="Liste des missions convoquées"
          lignes={d.lignes}
          colonnes={colonnes}
          cle={(l) => l.id}
          triParDefaut={TRI}
          lien={(l) => `${a.base}/${l.id}`}
          libelleLien={(l) => `${l.examen}, mission n° ${l.numero}, ${l.type} : ouvrir l'état de frais`}
          chargement={q.isFetching && !q.data}
          erreur={q.error}
          surReessayer={() => void q.refetch()}
          messageVide={`Aucun état de frais n'a été généré pour vous dans ${courante?.libelle ?? 'cette académie'}.`}
          exports={false}
        />
      </div>
      <p className="fr-text--sm fr-mt-1w fr-mb-0">
        Cliquez sur une mission pour consulter ou compléter son état de frais. Les frais des missions de correction dématérialisées sont accessibles en consultation uniquement : ils sont gérés par les gestionnaires à partir des informations transmises par SANTORIN (nombre de copies, nombre de candidats).
      </p>
    </>
  );
}

function useListe(academie: string | null) {
  return useQuery({ queryKey: [...CLE, 'liste', academie ?? ''], queryFn: () => api.get<ReponseListe>(academie ? `${BASE}?academie=${encodeURIComponent(academie)}` : BASE) });
}

// ---------------------------------------------------------------------------------------------
// One état

type Onglets = 'suivi' | 'remuneration' | 'deplacement' | 'recapitulatif';
const LIBELLE_ONGLET: Record<Onglets, string> = { suivi: 'Suivi', remuneration: 'Rémunération', deplacement: 'Déplacement', recapitulatif: 'Récapitulatif' };

/** The Rémunération form as typed (texts), and its reading into what the server takes. */
interface Formulaire {
  copies: string;
  candidats: string;
  heures: string;
  minutes: string;
  demiJournees: DemiJournee[];
}

function versFormulaire(s: SaisieRemuneration | null): Formulaire {
  const f: Formulaire = { copies: '', candidats: '', heures: '', minutes: '', demiJournees: [] };
  if (!s) return f;
  if (s.type === 'copies') f.copies = s.copies === null ? '' : String(s.copies);
  if (s.type === 'candidats') f.candidats = s.candidats === null ? '' : String(s.candidats);
  if (s.type === 'heures_minutes') {
    f.heures = s.heures === null ? '' : String(s.heures);
    f.minutes = s.minutes === null ? '' : String(s.minutes);
  }
  if (s.type === 'demi_journees') f.demiJournees = s.demiJournees;
  return f;
}

function lireFormulaire(type: EtatFraisVue['saisieAttendue'], f: Formulaire): { saisie: SaisieRemuneration | null; erreurs: Record<string, string> } {
  const erreurs: Record<string, string> = {};
  const nombre = (t: string, champ: string, nom: string, max: number): number | null => {
    const s = t.trim();
    if (!s) return null;
    if (!/^\d+$/.test(s)) {
      erreurs[`remuneration.${champ}`] = `${nom} : entier positif attendu.`;
      return null;
    }
    const n = Number(s);
    if (n > max) erreurs[`remuneration.${champ}`] = `${nom} : ${max} au plus.`;
    return n;
  };
  switch (type) {
    case 'copies':
      return { saisie: { type: 'copies', copies: nombre(f.copies, 'copies', 'Nombre de copies corrigées', 999) }, erreurs };
    case 'candidats':
      return { saisie: { type: 'candidats', candidats: nombre(f.candidats, 'candidats', 'Nombre de candidats interrogés', 999) }, erreurs };
    case 'heures_minutes':
      return { saisie: { type: 'heures_minutes', heures: nombre(f.heures, 'heures', "Nombre d'heures", 200), minutes: nombre(f.minutes, 'minutes', 'Minutes', 59) }, erreurs };
    case 'demi_journees':
      return { saisie: { type: 'demi_journees', demiJournees: f.demiJournees }, erreurs };
    default:
      return { saisie: null, erreurs };
  }
}

function ChampNombre(p: { id: string; label: string; indice?: string; valeur: string; erreur?: string; lectureSeule: boolean; surChangement: (v: string) => void; largeur?: string }) {
  return (
    <div className={`fr-input-group ${p.erreur ? 'fr-input-group--error' : ''}`} style={{ maxWidth: p.largeur ?? '20rem' }}>
      <label className="fr-label" htmlFor={p.id}>
        {p.label}
        {p.indice && <span className="fr-hint-text">{p.indice}</span>}
      </label>
      <input
        className={`fr-input ${p.erreur ? 'fr-input--error' : ''}`}
        id={p.id}
        name={p.id}
        inputMode="numeric"
        value={p.valeur}
        readOnly={p.lectureSeule}
        aria-describedby={p.erreur ? `${p.id}-erreur` : undefined}
        onChange={(e) => p.surChangement(e.target.value)}
      />
      {p.erreur && (
        <p className="fr-error-text" id={`${p.id}-erreur`}>
          {p.erreur}
        </p>
      )}
    </div>
  );
}

function libelleConstat(e: EtatFraisVue): string | null {
  if (!e.constat) return null;
  if (e.constat.serviceFait === 'non_fait') return 'Service non fait (constat du centre)';
  if (e.constat.chiffre === null) return e.constat.serviceFait === 'fait' ? 'Service fait (constat du centre)' : null;
  const heures = /centièmes/.test(e.constat.libelle);
  const v = heures ? `${(e.constat.chiffre / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} h` : String(e.constat.chiffre);
  return `${e.constat.libelle.replace(' (en centièmes)', '')} : ${v}`;
}

function OngletRemuneration(p: { etat: Etat; f: Formulaire; setF: (f: Formulaire) => void; erreurs: Record<string, string>; effacer: (c: string) => void; modifiable: boolean; estimation: number | null }) {
  const { etat: e, f, setF, erreurs, effacer } = p;
  const lecture = !p.modifiable || e.remunerationLectureSeule;
  const maj = (champ: keyof Formulaire, v: string) => {
    setF({ ...f, [champ]: v });
    effacer(`remuneration.${champ}`);
  };
  const lu = lireFormulaire(e.saisieAttendue, f).saisie;
  const compare = chiffreCompare(lu);
  const ecart = e.constat && e.constat.chiffre !== null && compare !== null && compare !== e.constat.chiffre && e.saisieAttendue !== 'santorin';
  const constat = libelleConstat(e);
  const jours = [...new Set(e.mission.dates.map((d) => d.jour))];
  const majDemi = (i: number, champ: keyof DemiJournee, v: string) => {
    setF({ ...f, demiJournees: f.demiJournees.map((d, j) => (j === i ? { ...d, [champ]: v } : d)) });
    effacer(`remuneration.demiJournees.${i}.${champ}`);
  };
  return (
    <div>
      {e.mission.emiseParMinistere && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
          <p>{MESSAGE_MINISTERE}</p>
        </div>
      )}
      {e.commentaireRegroupement && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="commentaire-regroupement">
          <p>Regroupement : {e.commentaireRegroupement}</p>
        </div>
      )}
      {e.saisieAttendue === 'copies' && (
        <ChampNombre id="remuneration.copies" label="Nombre de copies corrigées" indice="Entre 0 et 999." valeur={f.copies} erreur={erreurs['remuneration.copies']} lectureSeule={lecture} surChangement={(v) => maj('copies', v)} />
      )}
      {e.saisieAttendue === 'candidats' && (
        <ChampNombre id="remuneration.candidats" label="Nombre total de candidats interrogés sur la mission" indice="Entre 0 et 999." valeur={f.candidats} erreur={erreurs['remuneration.candidats']} lectureSeule={lecture} surChangement={(v) => maj('candidats', v)} />
      )}
      {e.saisieAttendue === 'heures_minutes' && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-auto">
            <ChampNombre id="remuneration.heures" label="Heures effectuées" valeur={f.heures} erreur={erreurs['remuneration.heures']} lectureSeule={lecture} surChangement={(v) => maj('heures', v)} largeur="10rem" />
          </div>
          <div className="fr-col-auto">
            <ChampNombre id="remuneration.minutes" label="Minutes" indice="De 0 à 59." valeur={f.minutes} erreur={erreurs['remuneration.minutes']} lectureSeule={lecture} surChangement={(v) => maj('minutes', v)} largeur="10rem" />
          </div>
        </div>
      )}
      {e.saisieAttendue === 'demi_journees' && (
        <fieldset className="fr-fieldset" aria-labelledby="legende-demi-journees">
          <legend className="fr-fieldset__legend fr-text--regular" id="legende-demi-journees">
            Dates et horaires effectués par demi-journée
          </legend>
          {erreurs['remuneration.demiJournees'] && <p className="fr-error-text fr-mb-1w">{erreurs['remuneration.demiJournees']}</p>}
          <div className="fr-table fr-table--no-caption fr-mb-1w">
            <table>
              <caption>Demi-journées effectuées</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Début</th>
                  <th scope="col">Fin</th>
                  {!lecture && <th scope="col">Supprimer</th>}
                </tr>
              </thead>
              <tbody>
                {f.demiJournees.length === 0 && (
                  <tr>
                    <td colSpan={lecture ? 3 : 4}>Aucune demi-journée saisie.</td>
                  </tr>
                )}
                {f.demiJournees.map((d, i) => {
                  const err = (c: string) => erreurs[`remuneration.demiJournees.${i}.${c}`];
                  return (
                    <tr key={i}>
                      <td>
                        <label className="fr-sr-only" htmlFor={`dj-${i}-jour`}>
                          Demi-journée {i + 1}, date
                        </label>
                        <select className="fr-select" id={`dj-${i}-jour`} value={d.jour} disabled={lecture} onChange={(ev) => majDemi(i, 'jour', ev.target.value)} aria-invalid={!!err('jour')}>
                          {jours.map((j) => (
                            <option key={j} value={j}>
                              {dateFr(j)}
                            </option>
                          ))}
                        </select>
                        {err('jour') && <p className="fr-error-text">{err('jour')}</p>}
                      </td>
                      {(['debut', 'fin'] as const).map((c) => (
                        <td key={c}>
                          <label className="fr-sr-only" htmlFor={`dj-${i}-${c}`}>
                            Demi-journée {i + 1}, heure de {c === 'debut' ? 'début' : 'fin'} (HH:MM)
                          </label>
                          <input className="fr-input" id={`dj-${i}-${c}`} value={d[c]} readOnly={lecture} placeholder="HH:MM" maxLength={5} onChange={(ev) => majDemi(i, c, ev.target.value)} aria-invalid={!!err(c)} />
                          {err(c) && <p className="fr-error-text">{err(c)}</p>}
                        </td>
                      ))}
                      {!lecture && (
                        <td>
                          <button
                            type="button"
                            className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line"
                            title={`Supprimer la demi-journée ${i + 1}`}
                            onClick={() => setF({ ...f, demiJournees: f.demiJournees.filter((_, j) => j !== i) })}
                          >
                            Supprimer la demi-journée {i + 1}
                          </button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {!lecture && (
            <button
              type="button"
              className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left"
              disabled={jours.length === 0}
              onClick={() => {
                const dernier = f.demiJournees.at(-1);
                const matin = !dernier || dernier.debut >= '12:00';
                const jour = dernier ? (matin ? (jours[jours.indexOf(dernier.jour) + 1] ?? dernier.jour) : dernier.jour) : jours[0]!;
                setF({ ...f, demiJournees: [...f.demiJournees, { jour, debut: matin ? '08:00' : '13:30', fin: matin ? '12:00' : '17:30' }] });
              }}
            >
              Ajouter une demi-journée
            </button>
          )}
        </fieldset>
      )}
      {e.saisieAttendue === 'santorin' && (
        <p id="chiffre-santorin">
          Nombre de copies corrigées remonté de SANTORIN :{' '}
          <strong>{e.remuneration?.type === 'copies' && e.remuneration.copies !== null ? e.remuneration.copies : e.constat?.chiffre ?? 'pas encore transmis'}</strong>
        </p>
      )}
      {constat && (
        <p className="fr-text--sm fr-mt-2w" id="chiffre-constat">
          {constat}
        </p>
      )}
      {ecart && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mt-1w" role="status" id="ecart-constat">
          <p>Votre chiffre diffère de celui constaté par le centre d'examen : le gestionnaire en est informé et le vérifiera.</p>
        </div>
      )}
      {p.estimation !== null && (
        <p className="fr-text--sm fr-mt-2w">
          Montant estimé de la rémunération : <strong>{euros(p.estimation)}</strong> (le montant retenu par le gestionnaire fait foi).
        </p>
      )}
    </div>
  );
}

function EnTete({ e }: { e: EtatFraisVue }) {
  const [details, setDetails] = useEtatPersistant('intervenant-frais:details', true);
  const m = e.mission;
  return (
    <div className="fr-mb-2w">
      <div style={{ display: 'flex', alignItems: 'center', gap: '1rem', flexWrap: 'wrap' }}>
        <h2 className="fr-h5 fr-mb-0" id="titre-etat" tabIndex={-1}>
          Mission n° {m.numero} — {m.type}
        </h2>
        <span className="fr-text--sm fr-mb-0">
          Rémunération : <BadgeStatut statut={e.statuts.remuneration} />
        </span>
        <span className="fr-text--sm fr-mb-0">
          Déplacement : <BadgeStatut statut={e.statuts.deplacement} />
        </span>
        <button
          type="button"
          className={`fr-btn fr-btn--tertiary fr-btn--sm ${details ? 'fr-icon-subtract-line' : 'fr-icon-add-line'} fr-btn--icon-left`}
          aria-expanded={details}
          aria-controls="details-mission"
          onClick={() => setDetails(!details)}
        >
          {details ? 'Masquer les détails de la mission' : 'Afficher les détails de la mission'}
        </button>
      </div>
      {details && (
        <div id="details-mission" className="fr-mt-1w">
          <Details
            lignes={[
              ['Examen', m.examen],
              ['Type de mission', m.type],
              ['Lieu de la mission', [m.centre, m.lieu && !(m.centre ?? '').toUpperCase().includes(m.lieu.toUpperCase()) ? m.lieu : null].filter(Boolean).join(' — ') || null],
              ['Spécialité', m.specialite],
              ['Épreuve option', m.epreuveOption],
              ['Statut du frais de rémunération', `${LIBELLE_STATUT[e.statuts.remuneration]} — ${EXPLICATION_STATUT[e.statuts.remuneration]}`],
              [
                'Statut du frais de déplacement',
                `${LIBELLE_STATUT[e.statuts.deplacement]} — ${e.statuts.deplacement === 'pas_de_frais' ? "Cette mission ne donne pas lieu à remboursement de frais de déplacement." : EXPLICATION_STATUT[e.statuts.deplacement]}`,
              ],
              ['Dates', m.dates.length ? m.dates.map((d) => `${dateFr(d.jour)} ${d.debut} – ${d.fin}`).join(' ; ') : 'Dates à préciser par le service des examens'],
              ['Durée', m.duree],
              ...(e.numeroOrdre !== null ? ([["Numéro d'ordre", String(e.numeroOrdre)]] as Array<[string, ReactNode]>) : []),
            ]}
          />
        </div>
      )}
    </div>
  );
}

function Recapitulatif(p: { etat: Etat; saisie: SaisieRemuneration | null; lignes: LigneDeplacement[]; estimationRem: number | null; estimationDep: number | null; piecesParCourrier: boolean; setPiecesParCourrier: (b: boolean) => void; modifiable: boolean; relire: () => void }) {
  const { etat: e } = p;
  return (
    <div>
      <h3 className="fr-h6">Frais de rémunération</h3>
      <Details
        lignes={[
          ['Statut', LIBELLE_STATUT[e.statuts.remuneration]],
          ['Saisie', e.saisieAttendue === null ? 'Calculée par le gestionnaire' : e.saisieAttendue === 'santorin' ? 'Transmise par SANTORIN' : libelleSaisie(p.saisie)],
          ['Constat du centre', libelleConstat(e)],
          ['Montant estimé', e.montants.retenuRemunerationCentimes !== null ? `${euros(e.montants.retenuRemunerationCentimes)} (retenu par le gestionnaire)` : p.estimationRem !== null ? euros(p.estimationRem) : null],
        ]}
      />
      {e.deplacementOuvert && (
        <>
          <h3 className="fr-h6 fr-mt-2w">Frais de déplacement</h3>
          {e.invalidable ? (
            <p>Les déplacements de cette journée sont à saisir sur la première mission de la journée.</p>
          ) : p.lignes.length === 0 ? (
            <p>Aucun déplacement saisi.</p>
          ) : (
            <div className="fr-table fr-table--sm fr-mb-1w">
              <table>
                <caption>Déplacements saisis</caption>
                <thead>
                  <tr>
                    <th scope="col">Trajet</th>
                    <th scope="col">Départ</th>
                    <th scope="col">Retour</th>
                    <th scope="col">Mode de transport</th>
                    <th scope="col">Nuitées</th>
                    <th scope="col">Repas</th>
                  </tr>
                </thead>
                <tbody>
                  {p.lignes.map((l, i) => (
                    <tr key={i}>
                      <td>
                        {l.villeDepart} → {l.villeArrivee}
                      </td>
                      <td>{l.depart.replace(/^(\d{4})-(\d{2})-(\d{2})T/, '$3/$2/$1 ')}</td>
                      <td>{l.retour.replace(/^(\d{4})-(\d{2})-(\d{2})T/, '$3/$2/$1 ')}</td>
                      <td>
                        {LIBELLE_MODE_TRANSPORT[l.mode]}
                        {l.km !== null ? ` (${l.km} km × ${l.trajets})` : ''}
                      </td>
                      <td>{l.nuitees}</td>
                      <td>{l.repas}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="fr-text--sm">
            Montant estimé du déplacement :{' '}
            <strong>{e.montants.retenuDeplacementCentimes !== null ? `${euros(e.montants.retenuDeplacementCentimes)} (retenu par le gestionnaire)` : p.estimationDep !== null ? euros(p.estimationDep) : '—'}</strong>
          </p>
        </>
      )}
      <h3 className="fr-h6 fr-mt-2w">Pièces justificatives</h3>
      <PiecesJustificatives etatId={e.id} groupe="paie" pieces={e.pieces} requises={e.piecesRequises} modifiable={p.modifiable} base="/api/intervenant" onChange={p.relire} dematerialisees={e.piecesDematerialisees} />
      {e.deplacementOuvert && !e.invalidable && (
        <PiecesJustificatives etatId={e.id} groupe="deplacement" pieces={e.pieces} requises={e.piecesRequises} modifiable={p.modifiable} base="/api/intervenant" onChange={p.relire} dematerialisees={e.piecesDematerialisees} />
      )}
      <div className="fr-checkbox-group fr-mt-2w">
        <input type="checkbox" id="pieces-par-courrier" checked={p.piecesParCourrier} disabled={!p.modifiable} onChange={(ev) => p.setPiecesParCourrier(ev.target.checked)} />
        <label className="fr-label" htmlFor="pieces-par-courrier">
          J'envoie mes pièces justificatives par voie postale au service gestionnaire
          <span className="fr-hint-text">Joignez-y une copie du récapitulatif PDF de l'état de frais, édité à la validation.</span>
        </label>
      </div>
    </div>
  );
}

function VueEtat({ etat: initial, relire }: { etat: Etat; relire: () => void }) {
  const client = useQueryClient();
  const confirmation = useConfirmation();
  const [e, setE] = useState(initial);
  const [f, setF] = useState(() => versFormulaire(initial.remuneration));
  const [lignes, setLignes] = useState<LigneDeplacement[]>(initial.lignes);
  const [piecesParCourrier, setPiecesParCourrier] = useState(initial.piecesParCourrier);
  const [perime, setPerime] = useState(false);
  const [erreursLocales, setErreursLocales] = useState<Record<string, string>>({});
  const onglets = useMemo<Onglets[]>(() => ['suivi', ...(e.saisieAttendue !== null ? (['remuneration'] as const) : []), ...(e.deplacementOuvert ? (['deplacement'] as const) : []), 'recapitulatif'], [e.saisieAttendue, e.deplacementOuvert]);
  const [onglet, setOnglet] = useState<Onglets>('suivi');
  const titreOnglet = useRef<HTMLDivElement>(null);

  // A new reading from the server: after a validation or a change elsewhere (new version) the form
  // starts from it; after a receipt deposited (same version) what is being typed stays.
  const versionLue = useRef(initial.version);
  useEffect(() => {
    setE(initial);
    if (initial.version === versionLue.current) return;
    versionLue.current = initial.version;
    setF(versFormulaire(initial.remuneration));
    setLignes(initial.lignes);
    setPiecesParCourrier(initial.piecesParCourrier);
    setPerime(false);
  }, [initial]);

  const prendre = (r: Etat) => {
    versionLue.current = r.version;
    setE(r);
    setF(versFormulaire(r.remuneration));
    setLignes(r.lignes);
    setPiecesParCourrier(r.piecesParCourrier);
    client.setQueryData([...CLE, 'etat', r.id], r);
    void client.invalidateQueries({ queryKey: [...CLE, 'liste'] });
  };
  const sur409 = async <R,>(p: Promise<R>) => {
    try {
      return await p;
    } catch (err) {
      if (err instanceof ErreurApi && err.status === 409 && /modifié/.test(err.message)) setPerime(true);
      throw err;
    }
  };
  const commencer = useAction(() => sur409(api.post<Etat>(`${BASE}/${e.id}/commencer`, { version: e.version })));
  const nonEffectuee = useAction(() => sur409(api.post<Etat & { message: string }>(`${BASE}/${e.id}/mission-non-effectuee`, { version: e.version })), { succes: (r) => r.message });
  const enregistrer = useAction((corps: unknown) => sur409(api.put<Etat & { message: string }>(`${BASE}/${e.id}`, corps)), { succes: (r) => r.message });

  const lu = lireFormulaire(e.saisieAttendue, f);
  const erreurs = { ...erreursLocales, ...enregistrer.erreursChamps };
  const effacer = (c: string) => {
    enregistrer.effacerChamp(c);
    setErreursLocales((x) => {
      const { [c]: _e, ...reste } = x;
      return reste;
    });
  };
  const estimationRem = e.saisieAttendue === null || e.saisieAttendue === 'santorin' ? e.montants.remunerationCentimes : montantRemuneration(lu.saisie, e.taux.remuneration);
  const estimationDep = e.taux.deplacement && lignes.length ? lignes.reduce((s, l) => s + montantLigne(l, tauxDepuisVue(e.taux.deplacement!)), 0) : e.montants.deplacementCentimes;

  const corps = () => ({ version: e.version, remuneration: e.remunerationLectureSeule || e.saisieAttendue === null || e.saisieAttendue === 'santorin' ? null : lu.saisie, lignes, piecesParCourrier });
  /** Something typed differs from what is stored. */
  const modifie =
    JSON.stringify({ r: corps().remuneration, lignes, piecesParCourrier }) !==
    JSON.stringify({ r: e.remunerationLectureSeule || e.saisieAttendue === null || e.saisieAttendue === 'santorin' ? null : lireFormulaire(e.saisieAttendue, versFormulaire(e.remuneration)).saisie, lignes: e.lignes, piecesParCourrier: e.piecesParCourrier });

  /** « Enregistrer »: the new version, or null when nothing was stored (the fields at fault are shown). */
  const sauver = async (): Promise<number | null> => {
    if (Object.keys(lu.erreurs).length) {
      setErreursLocales(lu.erreurs);
      setOnglet('remuneration');
      return null;
    }
    const r = await enregistrer.executer(corps());
    if (r) {
      prendre(r);
      return r.version;
    }
    return null;
  };
  // The server's field errors lead to their tab.
  useEffect(() => {
    const champs = Object.keys(enregistrer.erreursChamps);
    if (champs.some((c) => c.startsWith('remuneration')) && onglets.includes('remuneration')) setOnglet('remuneration');
    else if (champs.some((c) => c.startsWith('lignes')) && onglets.includes('deplacement')) setOnglet('deplacement');
  }, [enregistrer.erreursChamps, onglets]);

  const aller = (o: Onglets) => {
    setOnglet(o);
    requestAnimationFrame(() => titreOnglet.current?.querySelector<HTMLElement>('.fr-tabs__tab[aria-selected="true"]')?.focus());
  };
  const i = onglets.indexOf(onglet);

  if (e.premierAcces)
    return (
      <>
        <EnTete e={e} />
        <div className="fr-callout fr-mb-2w" id="premier-acces">
          <h3 className="fr-callout__title fr-h6">Premier accès à cet état de frais</h3>
          <p className="fr-callout__text fr-text--md">
            « Mission non effectuée » indique au gestionnaire que vous n'avez pas effectué cette mission : l'état de frais ne sera pas traité. « Compléter » ouvre les écrans de saisie de votre état de frais ; les données saisies ne sont prises en compte qu'à l'enregistrement ou à la validation.
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                disabled={nonEffectuee.enCours || commencer.enCours}
                onClick={() =>
                  confirmation.demander({
                    titre: 'Mission non effectuée',
                    message: `Vous indiquez au gestionnaire que vous n'avez pas effectué la mission n° ${e.mission.numero} (${e.mission.type}). L'état de frais ne sera pas traité et ne pourra plus être complété.`,
                    bouton: 'Confirmer : mission non effectuée',
                    surConfirmation: () => void nonEffectuee.executer().then((r) => r && prendre(r)),
                  })
                }
              >
                Mission non effectuée
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn" disabled={commencer.enCours || nonEffectuee.enCours} onClick={() => void commencer.executer().then((r) => r && prendre(r))}>
                Compléter
              </button>
            </li>
          </ul>
        </div>
        {perime && <AlertePerime relire={relire} />}
        {confirmation.dialogue}
      </>
    );

  const contenu: Record<Onglets, ReactNode> = {
    suivi: (
      <ul className="fr-mb-0" id="messages-suivi">
        {e.suivi.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    ),
    remuneration: <OngletRemuneration etat={e} f={f} setF={setF} erreurs={erreurs} effacer={effacer} modifiable={e.modifiable} estimation={estimationRem} />,
    deplacement: (
      <OngletDeplacement
        lignes={lignes}
        lignePreremplie={e.lignePreremplie}
        onChange={setLignes}
        modifiable={e.modifiable}
        invalidable={e.invalidable}
        estimation={e.taux.deplacement ? { taux: e.taux.deplacement, retenuCentimes: e.montants.retenuDeplacementCentimes } : { totalCentimes: e.montants.deplacementCentimes, retenuCentimes: e.montants.retenuDeplacementCentimes }}
        erreurs={erreurs}
        effacerChamp={effacer}
      />
    ),
    recapitulatif: (
      <Recapitulatif etat={e} saisie={lu.saisie} lignes={lignes} estimationRem={estimationRem} estimationDep={estimationDep} piecesParCourrier={piecesParCourrier} setPiecesParCourrier={setPiecesParCourrier} modifiable={e.modifiable} relire={relire} />
    ),
  };

  return (
    <>
      <EnTete e={e} />
      {perime && <AlertePerime relire={relire} />}
      {e.modifiable && (
        <p className="fr-text--sm fr-mb-1w">
          Les données saisies ou modifiées ne sont prises en compte qu'à l'enregistrement (« Enregistrer ») ou à la validation de l'état de frais.
        </p>
      )}
      <div ref={titreOnglet}>
        <Tabs className="etat-frais-onglets" label="Onglets de l'état de frais" selectedTabId={onglet} onTabChange={(id) => setOnglet(id as Onglets)} tabs={onglets.map((o) => ({ tabId: o, label: LIBELLE_ONGLET[o] }))}>
          {contenu[onglet]}
        </Tabs>
      </div>
      <div className="fr-mt-2w etat-frais-navigation" style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <button type="button" className="fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left" disabled={i <= 0} onClick={() => aller(onglets[i - 1]!)}>
          Précédent
        </button>
        {e.modifiable && (
          <button type="button" className="fr-btn fr-btn--secondary" disabled={enregistrer.enCours || perime} onClick={() => void sauver()}>
            Enregistrer
          </button>
        )}
        {i < onglets.length - 1 && (
          <button type="button" className="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right" onClick={() => aller(onglets[i + 1]!)}>
            Suivant
          </button>
        )}
      </div>
      {e.modifiable && modifie && <p className="fr-hint-text fr-mt-1w" aria-live="polite">Modifications non enregistrées.</p>}
      {(onglet === 'recapitulatif' || !e.modifiable) && e.workflow !== 'annule' && e.workflow !== 'mission_non_effectuee' && (
        <div className="fr-mt-2w">
          <BoutonsValidation etat={e} onChange={relire} onAllerAuRecapitulatif={() => aller('recapitulatif')} enregistrerAvant={async () => (modifie ? sauver() : e.version)} />
        </div>
      )}
      {confirmation.dialogue}
    </>
  );
}

function AlertePerime({ relire }: { relire: () => void }) {
  return (
    <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="alert">
      <p>Cet état de frais a été modifié depuis l'affichage de cette page. Rechargez-le avant de le modifier (votre saisie non enregistrée sera perdue).</p>
      <button type="button" className="fr-btn fr-btn--sm fr-mt-1w" onClick={relire}>
        Recharger l'état de frais
      </button>
    </div>
  );
}

function DetailEtat({ id }: { id: string }) {
  const client = useQueryClient();
  const q = useQuery({ queryKey: [...CLE, 'etat', Number(id)], queryFn: () => api.get<Etat>(`${BASE}/${encodeURIComponent(id)}`) });
  // After a validation, a dévalidation or a receipt, the list's statuses change too.
  const relire = () => {
    void q.refetch();
    void client.invalidateQueries({ queryKey: [...CLE, 'liste'] });
  };
  const titre = useRef(false);
  useEffect(() => {
    if (q.data && !titre.current) {
      titre.current = true;
      document.getElementById('titre-etat')?.focus();
    }
  }, [q.data]);
  return (
    <>
      <BoutonRetour />
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {q.data && <VueEtat key={q.data.id} etat={q.data} relire={relire} />}
    </>
  );
}

export default function EtatsFraisIntervenant() {
  const [academie, setAcademie] = useEtatPersistant<string | null>('intervenant-frais:academie', null);
  const q = useListe(academie);
  if (q.isPending) return <Chargement />;
  if (q.isError)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{q.error.message}</p>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={() => void q.refetch()}>
          Réessayer
        </button>
      </div>
    );
  const d = q.data;
  const courante = d.onglets.find((o) => o.courante);
  if (!d.conditions.acceptee)
    return (
      <>
        {academie && courante && !courante.session && (
          <p className="fr-text--sm fr-mb-1w">
            États de frais générés par {courante.libelle} : acceptez d'abord ses conditions d'utilisation.{' '}
            <button type="button" className="fr-link fr-text--sm" onClick={() => setAcademie(null)}>
              Revenir à ceux de mon académie
            </button>
          </p>
        )}
        <EcranConditions key={`${d.academieCode}-${d.conditions.version}`} conditions={d.conditions} surAcceptation={() => void q.refetch()} />
      </>
    );
  return <ListeOuDetail liste={<PageListe q={q} academie={academie} surChoix={setAcademie} />} detail={(id) => <DetailEtat id={id} />} />;
}
