// Missions et convocations (gestionnaire DEC, issue 5): the académie's missions filtered by year and
// exam; creating or changing a mission (session, spécialité and épreuve-option in dependent lists,
// type, centre d'examen, lieu, dates with hours, commissions with their dates, jurys, salles, default
// observation, signatory, targeting for convocation by the établissement, the date fixed for COEC /
// PRECE, candidates assigned in CYCLADES); on the mission's screen, the intervenants convoked — by
// the gestionnaire or by the centre — and the gestionnaire's own convocations (search « NOM Prénom »
// in the académie or a NUMEN nationally, qualité, commission / jury / salle, own dates, observation),
// their change, deletion and PDF.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { ChampDate, ChampHeure } from '../../forms/ChampDate.tsx';
import { formaterDate, isoVersFr, lireDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { PropositionsIntervenants } from './suggestions.tsx';

const BASE = '/api/gestion/missions';
const NOUVELLE = 'nouvelle';

// ---------------------------------------------------------------------------------------------
// Types of the API

interface LigneMission {
  id: number;
  numero: number;
  session: string;
  annee: number;
  specialite: string | null;
  epreuveOption: string | null;
  typeMission: string;
  centre: string | null;
  debut: string | null;
  nbIntervenants: number;
  ciblee: string;
}

interface Creneau {
  jour: string;
  heureDebut: string;
  heureFin: string;
}

interface TypeMission {
  code: string;
  libelle: string;
  ouverteSansCiblage: boolean;
  correctionDematerialisee: boolean;
  sansQualite: boolean;
  dateFixee: boolean;
}

interface Parametres {
  types: TypeMission[];
  sessions: Array<{ id: number; examenCode: string; annee: number; libelle: string }>;
  signataires: Array<{ code: string; libelle: string }>;
}

interface Mission {
  id: number;
  numero: number;
  sessionExamenId: number;
  examenCode: string;
  session: string;
  specialiteId: number | null;
  specialite: string | null;
  epreuveOptionId: number | null;
  epreuveOption: string | null;
  typeMission: string;
  type: TypeMission;
  centreUai: string | null;
  centre: string | null;
  lieu: string;
  observationDefaut: string;
  signataire: string;
  libelleSignataire: string;
  cibleeEtablissement: boolean;
  dateLimitee: string | null;
  candidatsAffectes: boolean;
  dates: Creneau[];
  debut: string | null;
  libelleDates: string;
  commissions: Array<{ id: number; code: string; nbCandidats: number; dates: Creneau[]; convocations: number }>;
  jurys: Array<{ id: number; code: string; libelle: string; convocations: number }>;
  salles: Array<{ id: number; code: string; libelle: string; nbCandidats: number; convocations: number }>;
  nbConvocations: number;
  qualitesProposees: Array<{ id: number; libelle: string; santorin: boolean }>;
}

interface Convocation {
  id: number;
  personneId: number;
  civilite: string;
  nom: string;
  prenom: string;
  etablissement: string | null;
  disciplinePoste: string;
  autreAcademie: string | null;
  qualiteId: number | null;
  qualite: string | null;
  commissionId: number | null;
  commission: string | null;
  juryId: number | null;
  jury: string | null;
  salleId: number | null;
  salle: string | null;
  codeSalle: string;
  observation: string;
  affectation: string;
  datesPropres: boolean;
  dates: Creneau[];
  libelleDates: string;
  statut: 'affectee' | 'convoquee';
  origine: 'gestionnaire' | 'centre';
  libelleOrigine: string;
  editeeLe: string | null;
  fraisEnCours: boolean;
}

interface Personne {
  id: number;
  civilite: string;
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  disciplinePoste: string;
  etablissement: string | null;
  autreAcademie: string | null;
}

// ---------------------------------------------------------------------------------------------
// Small fields

function ChampSelect(p: {
  id: string;
  label: string;
  valeur: string;
  surChangement: (v: string) => void;
  options: Array<{ valeur: string; libelle: string }>;
  vide?: string;
  erreur?: string;
  obligatoire?: boolean;
  desactive?: boolean;
  indice?: string;
}) {
  return (
    <div className={`fr-select-group ${p.erreur ? 'fr-select-group--error' : ''}`}>
      <label className="fr-label" htmlFor={p.id}>
        {p.label}
        {p.obligatoire && <span aria-hidden="true"> *</span>}
        {p.indice && <span className="fr-hint-text">{p.indice}</span>}
      </label>
      <select
        className={`fr-select ${p.erreur ? 'fr-select--error' : ''}`}
        id={p.id}
        name={p.id}
        value={p.valeur}
        disabled={p.desactive}
        required={p.obligatoire}
        aria-invalid={p.erreur ? true : undefined}
        aria-describedby={p.erreur ? `${p.id}-erreur` : undefined}
        onChange={(e) => p.surChangement(e.target.value)}
      >
        {p.vide !== undefined && <option value="">{p.vide}</option>}
        {p.options.map((o) => (
          <option key={o.valeur} value={o.valeur}>
            {o.libelle}
          </option>
        ))}
      </select>
      {p.erreur && (
        <p className="fr-error-text" id={`${p.id}-erreur`}>
          {p.erreur}
        </p>
      )}
    </div>
  );
}

function CaseACocher({ id, label, indice, coche, surChangement }: { id: string; label: string; indice?: string; coche: boolean; surChangement: (v: boolean) => void }) {
  return (
    <div className="fr-checkbox-group fr-mb-2w">
      <input type="checkbox" id={id} name={id} checked={coche} onChange={(e) => surChangement(e.target.checked)} />
      <label className="fr-label" htmlFor={id}>
        {label}
        {indice && <span className="fr-hint-text">{indice}</span>}
      </label>
    </div>
  );
}

function ZoneTexte({ id, label, valeur, surChangement, erreur, indice, max = 2000 }: { id: string; label: string; valeur: string; surChangement: (v: string) => void; erreur?: string; indice?: string; max?: number }) {
  return (
    <Input
      label={label}
      hintText={indice}
      textArea
      state={erreur ? 'error' : 'default'}
      stateRelatedMessage={erreur}
      nativeTextAreaProps={{ id, name: id, value: valeur, maxLength: max, rows: 3, onChange: (e) => surChangement(e.target.value) }}
    />
  );
}

function ErreurListe({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="fr-error-text fr-mb-2w" role="alert">
      {message}
    </p>
  );
}

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

// ---------------------------------------------------------------------------------------------
// Dates (rows of date + start + end)

interface CreneauSaisi {
  jour: string;
  heureDebut: string;
  heureFin: string;
}

const versSaisie = (c: Creneau): CreneauSaisi => ({ jour: isoVersFr(c.jour), heureDebut: c.heureDebut, heureFin: c.heureFin });

function joursDe(creneaux: readonly CreneauSaisi[]): Set<string> {
  const s = new Set<string>();
  for (const c of creneaux) {
    const d = lireDate(c.jour);
    if (d.ok) s.add(d.iso);
  }
  return s;
}

function LignesDates(p: {
  prefixe: string;
  legende: string;
  de: string;
  creneaux: CreneauSaisi[];
  surChangement: (c: CreneauSaisi[]) => void;
  erreurs: Record<string, string>;
  /** The key of the errors ("dates", "commissions.0.dates"). */
  cle: string;
  dateAutorisee?: (iso: string) => boolean;
  moisInitial?: string;
  parDefaut?: CreneauSaisi;
}) {
  const modifier = (i: number, k: keyof CreneauSaisi, v: string) => p.surChangement(p.creneaux.map((c, j) => (j === i ? { ...c, [k]: v } : c)));
  return (
    <fieldset className="fr-fieldset lignes-dates" aria-labelledby={`${p.prefixe}-legende`}>
      <legend className="fr-fieldset__legend fr-text--regular" id={`${p.prefixe}-legende`}>
        {p.legende}
      </legend>
      <div className="fr-fieldset__element">
        <ErreurListe message={p.erreurs[p.cle]} />
        {p.creneaux.length === 0 && <p className="fr-text--sm fr-mb-1w">Aucune date.</p>}
        {p.creneaux.map((c, i) => (
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" key={i}>
            <div className="fr-col-12 fr-col-md-5">
              <ChampDate
                label={`Date ${i + 1} ${p.de}`}
                name={`${p.prefixe}-${i}-jour`}
                obligatoire
                valeur={c.jour}
                surChangement={(v) => modifier(i, 'jour', v)}
                erreur={p.erreurs[`${p.cle}.${i}.jour`]}
                dateAutorisee={p.dateAutorisee}
                moisInitial={p.moisInitial}
              />
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <ChampHeure label={`Heure de début ${i + 1}`} name={`${p.prefixe}-${i}-debut`} obligatoire valeur={c.heureDebut} surChangement={(v) => modifier(i, 'heureDebut', v)} erreur={p.erreurs[`${p.cle}.${i}.heureDebut`]} />
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <ChampHeure label={`Heure de fin ${i + 1}`} name={`${p.prefixe}-${i}-fin`} obligatoire valeur={c.heureFin} surChangement={(v) => modifier(i, 'heureFin', v)} erreur={p.erreurs[`${p.cle}.${i}.heureFin`]} />
            </div>
            <div className="fr-col-12 fr-col-md-1 fr-mb-3w">
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-only"
                title={`Retirer la date ${i + 1} ${p.de}`}
                aria-label={`Retirer la date ${i + 1} ${p.de}`}
                onClick={() => p.surChangement(p.creneaux.filter((_, j) => j !== i))}
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left"
          onClick={() => {
            const dernier = p.creneaux[p.creneaux.length - 1];
            p.surChangement([...p.creneaux, p.parDefaut ?? { jour: '', heureDebut: dernier?.heureDebut ?? '08:00', heureFin: dernier?.heureFin ?? '12:00' }]);
          }}
        >
          Ajouter une date {p.de}
        </button>
      </div>
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------
// List

interface FiltreMissions extends Record<string, string> {
  annees: string;
  examen: string;
}

const TRI_MISSIONS: Tri = { colonne: 'numero', sens: 'asc' };

const colonnesMissions: Colonne<LigneMission>[] = [
  { id: 'numero', libelle: 'N°', valeur: (m) => m.numero, texte: (m) => String(m.numero) },
  { id: 'session', libelle: 'Session examen', valeur: (m) => m.session, poids: 2 },
  { id: 'specialite', libelle: 'Spécialité', valeur: (m) => m.specialite, poids: 2 },
  { id: 'epreuve', libelle: 'Epreuve-option', valeur: (m) => m.epreuveOption, poids: 2 },
  { id: 'type', libelle: 'Type de mission', valeur: (m) => m.typeMission, poids: 2 },
  { id: 'centre', libelle: 'Centre', valeur: (m) => m.centre, poids: 2 },
  { id: 'debut', libelle: 'Début', valeur: (m) => m.debut, type: 'date' },
  { id: 'nb', libelle: 'Nbr. itv.', valeur: (m) => m.nbIntervenants, type: 'nombre', alignement: 'droite' },
  { id: 'ciblee', libelle: 'Ciblée', valeur: (m) => m.ciblee },
];

const listeVirgules = (s: string) => s.split(',').filter(Boolean);

function ListeMissions() {
  const a = useActivite();
  const navigate = useNavigate();
  const f = useFiltres<FiltreMissions>('missions', { annees: '', examen: '' });
  const params = new URLSearchParams();
  if (f.appliques.annees) params.set('annees', f.appliques.annees);
  if (f.appliques.examen) params.set('examens', f.appliques.examen);
  const qs = params.toString() ? `?${params}` : '';
  const q = useQuery({
    queryKey: ['gestion', 'missions', 'liste', qs],
    queryFn: () => api.get<{ annees: number[]; examens: Array<{ code: string; libelle: string }>; total: number; lignes: LigneMission[] }>(`${BASE}${qs}`),
    placeholderData: (p) => p,
  });
  const annees = listeVirgules(f.saisie.annees);
  return (
    <Liste
      id="missions"
      titre="Liste des missions"
      lignes={q.data?.lignes}
      colonnes={colonnesMissions}
      cle={(m) => m.id}
      triParDefaut={TRI_MISSIONS}
      lien={(m) => `${a.base}/${m.id}`}
      libelleLien={(m) => `Mission n° ${m.numero}, ${m.typeMission}`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide={qs ? 'Aucune mission ne correspond à ces filtres.' : 'Aucune mission dans votre académie : créez-en une.'}
      filtres={{
        ...f.proprietes,
        legende: 'Filtrer les missions',
        libelleFiltrer: 'Filtrer missions',
        contenu: (
          <>
            <fieldset className="fr-fieldset" id="filtre-annees" aria-labelledby="filtre-annees-legende">
              <legend className="fr-fieldset__legend fr-text--regular" id="filtre-annees-legende">
                Année
              </legend>
              {(q.data?.annees ?? []).map((an) => (
                <div className="fr-fieldset__element fr-fieldset__element--inline" key={an}>
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input
                      type="checkbox"
                      id={`filtre-annee-${an}`}
                      checked={annees.includes(String(an))}
                      onChange={(e) => f.modifier('annees', (e.target.checked ? [...annees, String(an)] : annees.filter((x) => x !== String(an))).sort().join(','))}
                    />
                    <label className="fr-label" htmlFor={`filtre-annee-${an}`}>
                      {an}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
            <ChampSelect
              id="filtre-examen"
              label="Examen"
              valeur={f.saisie.examen}
              surChangement={(v) => f.modifier('examen', v)}
              vide="Tous les examens"
              options={(q.data?.examens ?? []).map((x) => ({ valeur: x.code, libelle: x.libelle }))}
            />
          </>
        ),
      }}
      actions={
        <button type="button" className="fr-btn fr-icon-add-line fr-btn--icon-left" onClick={() => navigate(`${a.base}/${NOUVELLE}`)}>
          Créer une mission
        </button>
      }
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Mission form

interface FormMission {
  numero: string;
  sessionExamenId: string;
  specialiteId: string;
  epreuveOptionId: string;
  typeMission: string;
  centreUai: string;
  lieu: string;
  observationDefaut: string;
  signataire: string;
  cibleeEtablissement: boolean;
  dateLimitee: string;
  candidatsAffectes: boolean;
  dates: CreneauSaisi[];
  commissions: Array<{ id?: number; code: string; nbCandidats: string; dates: CreneauSaisi[] }>;
  jurys: Array<{ id?: number; code: string; libelle: string }>;
  salles: Array<{ id?: number; code: string; libelle: string; nbCandidats: string }>;
}

const VIDE: FormMission = {
  numero: '',
  sessionExamenId: '',
  specialiteId: '',
  epreuveOptionId: '',
  typeMission: '',
  centreUai: '',
  lieu: '',
  observationDefaut: '',
  signataire: 'chef_centre',
  cibleeEtablissement: false,
  dateLimitee: '',
  candidatsAffectes: false,
  dates: [{ jour: '', heureDebut: '08:00', heureFin: '12:00' }],
  commissions: [],
  jurys: [],
  salles: [],
};

function depuisMission(m: Mission): FormMission {
  return {
    numero: String(m.numero),
    sessionExamenId: String(m.sessionExamenId),
    specialiteId: m.specialiteId ? String(m.specialiteId) : '',
    epreuveOptionId: m.epreuveOptionId ? String(m.epreuveOptionId) : '',
    typeMission: m.typeMission,
    centreUai: m.centreUai ?? '',
    lieu: m.lieu,
    observationDefaut: m.observationDefaut,
    signataire: m.signataire,
    cibleeEtablissement: m.cibleeEtablissement,
    dateLimitee: isoVersFr(m.dateLimitee),
    candidatsAffectes: m.candidatsAffectes,
    dates: m.dates.map(versSaisie),
    commissions: m.commissions.map((k) => ({ id: k.id, code: k.code, nbCandidats: String(k.nbCandidats), dates: k.dates.map(versSaisie) })),
    jurys: m.jurys.map((j) => ({ id: j.id, code: j.code, libelle: j.libelle })),
    salles: m.salles.map((s) => ({ id: s.id, code: s.code, libelle: s.libelle, nbCandidats: String(s.nbCandidats) })),
  };
}

const idOuNull = (s: string) => (s ? Number(s) : null);

function versCorps(s: FormMission, type: TypeMission | undefined) {
  return {
    numero: s.numero,
    sessionExamenId: idOuNull(s.sessionExamenId),
    specialiteId: idOuNull(s.specialiteId),
    epreuveOptionId: idOuNull(s.epreuveOptionId),
    typeMission: s.typeMission,
    centreUai: s.centreUai.trim() || null,
    lieu: s.lieu,
    observationDefaut: s.observationDefaut,
    signataire: s.signataire,
    cibleeEtablissement: s.cibleeEtablissement,
    dateLimitee: type?.dateFixee ? s.dateLimitee.trim() || null : null,
    candidatsAffectes: s.candidatsAffectes,
    dates: s.dates,
    commissions: s.commissions.map((k) => ({ ...(k.id ? { id: k.id } : {}), code: k.code, nbCandidats: k.nbCandidats, dates: k.dates })),
    jurys: s.jurys.map((j) => ({ ...(j.id ? { id: j.id } : {}), code: j.code, libelle: j.libelle })),
    salles: s.salles.map((x) => ({ ...(x.id ? { id: x.id } : {}), code: x.code, libelle: x.libelle, nbCandidats: x.nbCandidats })),
  };
}

function FormulaireMission({ mission, surFin, surAnnuler }: { mission: Mission | null; surFin: (id: number) => void; surAnnuler: () => void }) {
  const client = useQueryClient();
  const [s, setS] = useState<FormMission>(() => (mission ? depuisMission(mission) : VIDE));
  const modifier = <K extends keyof FormMission>(k: K, v: FormMission[K]) => setS((x) => ({ ...x, [k]: v }));
  const parametres = useQuery({ queryKey: ['gestion', 'missions', 'parametres'], queryFn: () => api.get<Parametres>(`${BASE}/parametres`), staleTime: 300_000 });
  const session = parametres.data?.sessions.find((x) => String(x.id) === s.sessionExamenId);
  const specialites = useQuery({
    queryKey: ['gestion', 'missions', 'specialites', session?.examenCode],
    queryFn: () => api.get<{ lignes: Array<{ id: number; libelle: string }> }>(`${BASE}/specialites?examen=${encodeURIComponent(session!.examenCode)}`),
    enabled: !!session,
    staleTime: 300_000,
  });
  const epreuves = useQuery({
    queryKey: ['gestion', 'missions', 'epreuves', s.specialiteId],
    queryFn: () => api.get<{ lignes: Array<{ id: number; libelle: string }> }>(`${BASE}/epreuves?specialiteId=${s.specialiteId}`),
    enabled: !!s.specialiteId,
    staleTime: 300_000,
  });
  const rechercheCentre = useDeferredValue(s.centreUai.trim());
  const centres = useQuery({
    queryKey: ['gestion', 'missions', 'centres', rechercheCentre],
    queryFn: () => api.get<{ lignes: Array<{ uai: string; libelle: string }> }>(`${BASE}/centres?q=${encodeURIComponent(rechercheCentre)}`),
    enabled: rechercheCentre.length >= 2,
    placeholderData: (p) => p,
  });
  const type = parametres.data?.types.find((t) => t.code === s.typeMission);
  const joursMission = useMemo(() => joursDe(s.dates), [s.dates]);
  const premierJour = [...joursMission].sort()[0];

  const enregistrer = useAction(
    async (corps: ReturnType<typeof versCorps>) => {
      const r = mission ? await api.put<{ id: number; message: string }>(`${BASE}/${mission.id}`, corps) : await api.post<{ id: number; message: string }>(BASE, corps);
      await client.invalidateQueries({ queryKey: ['gestion', 'missions'] });
      surFin(r.id);
      return r;
    },
    { succes: (r) => r.message },
  );
  const err = enregistrer.erreursChamps;
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const manquants: Record<string, string> = {};
    if (!s.numero.trim()) manquants.numero = 'Le numéro de mission est obligatoire : un nombre entier supérieur à 0.';
    if (!s.sessionExamenId) manquants.sessionExamenId = "Choisissez la session d'examen.";
    if (!s.typeMission) manquants.typeMission = 'Choisissez le type de mission.';
    if (Object.keys(manquants).length) return enregistrer.signalerChamps(manquants);
    void enregistrer.executer(versCorps(s, type));
  };
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), []);

  const centreInconnu = s.centreUai.trim().length === 8 && centres.data && !centres.data.lignes.some((c) => c.uai === s.centreUai.trim().toUpperCase());

  return (
    <form className="formulaire-mission fr-mt-2w" onSubmit={soumettre} noValidate aria-labelledby="titre-formulaire-mission">
      <h2 className="fr-h5" id="titre-formulaire-mission" tabIndex={-1} ref={titre}>
        {mission ? `Modifier la mission n° ${mission.numero}` : 'Créer une mission'}
      </h2>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires. L’enregistrement porte sur toute la mission : dates, commissions, jurys et salles.</p>
      {parametres.isPending && <Chargement />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Numéro de mission *"
            hintText="Nombre entier, unique dans l’académie"
            state={err.numero ? 'error' : 'default'}
            stateRelatedMessage={err.numero}
            nativeInputProps={{ id: 'mission-numero', name: 'numero', 'aria-invalid': err.numero ? true : undefined, inputMode: 'numeric', value: s.numero, onChange: (e) => modifier('numero', e.target.value) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <ChampSelect
            id="mission-session"
            label="Session d'examen"
            obligatoire
            valeur={s.sessionExamenId}
            surChangement={(v) => setS((x) => ({ ...x, sessionExamenId: v, specialiteId: '', epreuveOptionId: '' }))}
            vide="Choisissez une session"
            options={(parametres.data?.sessions ?? []).map((x) => ({ valeur: String(x.id), libelle: x.libelle }))}
            erreur={err.sessionExamenId}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChampSelect
            id="mission-specialite"
            label="Spécialité"
            valeur={s.specialiteId}
            surChangement={(v) => setS((x) => ({ ...x, specialiteId: v, epreuveOptionId: '' }))}
            vide={session ? 'Aucune spécialité' : "Choisissez d'abord la session"}
            desactive={!session}
            options={(specialites.data?.lignes ?? []).map((x) => ({ valeur: String(x.id), libelle: x.libelle }))}
            erreur={err.specialiteId}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChampSelect
            id="mission-epreuve"
            label="Epreuve-option"
            valeur={s.epreuveOptionId}
            surChangement={(v) => modifier('epreuveOptionId', v)}
            vide={s.specialiteId ? 'Aucune épreuve-option' : "Choisissez d'abord la spécialité"}
            desactive={!s.specialiteId}
            options={(epreuves.data?.lignes ?? []).map((x) => ({ valeur: String(x.id), libelle: x.libelle }))}
            erreur={err.epreuveOptionId}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChampSelect
            id="mission-type"
            label="Type de mission"
            obligatoire
            valeur={s.typeMission}
            surChangement={(v) => modifier('typeMission', v)}
            vide="Choisissez un type"
            options={(parametres.data?.types ?? []).map((t) => ({ valeur: t.code, libelle: t.libelle }))}
            erreur={err.typeMission}
            indice={mission && mission.nbConvocations > 0 ? 'Non modifiable : la mission compte des convocations' : undefined}
            desactive={!!mission && mission.nbConvocations > 0}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Centre d'examen (UAI)"
            hintText="Tapez le nom, la commune ou l’UAI ; un centre d’une autre académie par son UAI exact"
            state={err.centreUai ? 'error' : 'default'}
            stateRelatedMessage={err.centreUai}
            nativeInputProps={{ id: 'mission-centre', name: 'centreUai', 'aria-invalid': err.centreUai ? true : undefined, list: 'mission-centres', autoComplete: 'off', value: s.centreUai, onChange: (e) => modifier('centreUai', e.target.value) }}
          />
          <datalist id="mission-centres">
            {centres.data?.lignes.map((c) => (
              <option key={c.uai} value={c.uai}>
                {c.libelle}
              </option>
            ))}
          </datalist>
          {!centreInconnu && centres.data?.lignes.find((c) => c.uai === s.centreUai.trim().toUpperCase()) && (
            <p className="fr-text--sm fr-mt-n2w" id="mission-centre-libelle">
              {centres.data.lignes.find((c) => c.uai === s.centreUai.trim().toUpperCase())!.libelle}
            </p>
          )}
        </div>
        <div className="fr-col-12">
          <Input label="Lieu" hintText="Facultatif : précise le lieu lorsqu’il n’est pas le centre" nativeInputProps={{ id: 'mission-lieu', name: 'lieu', maxLength: 200, value: s.lieu, onChange: (e) => modifier('lieu', e.target.value) }} />
        </div>
      </div>

      <LignesDates
        prefixe="mission-dates"
        legende="Dates de la mission *"
        de="de la mission"
        cle="dates"
        creneaux={s.dates}
        surChangement={(v) => modifier('dates', v)}
        erreurs={err}
      />

      <fieldset className="fr-fieldset" aria-labelledby="mission-commissions-legende">
        <legend className="fr-fieldset__legend fr-text--regular" id="mission-commissions-legende">
          Commissions
          <span className="fr-hint-text">Regroupement de copies à corriger ou de candidats à interroger ; chaque date d’une commission est une date de la mission.</span>
        </legend>
        <div className="fr-fieldset__element">
          <ErreurListe message={err.commissions} />
          {s.commissions.map((k, i) => (
            <div className="bloc-commission fr-p-2w fr-mb-2w" key={k.id ?? `n${i}`}>
              <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
                <div className="fr-col-12 fr-col-md-5">
                  <Input
                    label={`Code de la commission ${i + 1} *`}
                    state={err[`commissions.${i}.code`] ? 'error' : 'default'}
                    stateRelatedMessage={err[`commissions.${i}.code`]}
                    nativeInputProps={{ id: `commission-${i}-code`, maxLength: 30, value: k.code, onChange: (e) => modifier('commissions', s.commissions.map((x, j) => (j === i ? { ...x, code: e.target.value } : x))) }}
                  />
                </div>
                <div className="fr-col-12 fr-col-md-4">
                  <Input
                    label={`Nombre de candidats (commission ${i + 1})`}
                    state={err[`commissions.${i}.nbCandidats`] ? 'error' : 'default'}
                    stateRelatedMessage={err[`commissions.${i}.nbCandidats`]}
                    nativeInputProps={{ id: `commission-${i}-nb`, inputMode: 'numeric', value: k.nbCandidats, onChange: (e) => modifier('commissions', s.commissions.map((x, j) => (j === i ? { ...x, nbCandidats: e.target.value } : x))) }}
                  />
                </div>
                <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
                  <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left" onClick={() => modifier('commissions', s.commissions.filter((_, j) => j !== i))}>
                    Retirer la commission {k.code || i + 1}
                  </button>
                </div>
              </div>
              <LignesDates
                prefixe={`commission-${i}-dates`}
                legende={`Dates de la commission ${k.code || i + 1}`}
                de={`de la commission ${k.code || i + 1}`}
                cle={`commissions.${i}.dates`}
                creneaux={k.dates}
                surChangement={(v) => modifier('commissions', s.commissions.map((x, j) => (j === i ? { ...x, dates: v } : x)))}
                erreurs={err}
                dateAutorisee={(iso) => joursMission.has(iso)}
                moisInitial={premierJour}
              />
            </div>
          ))}
          <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" onClick={() => modifier('commissions', [...s.commissions, { code: '', nbCandidats: '0', dates: [] }])}>
            Ajouter une commission
          </button>
        </div>
      </fieldset>

      <fieldset className="fr-fieldset" aria-labelledby="mission-jurys-legende">
        <legend className="fr-fieldset__legend fr-text--regular" id="mission-jurys-legende">
          Jurys
        </legend>
        <div className="fr-fieldset__element">
          <ErreurListe message={err.jurys} />
          {s.jurys.map((j, i) => (
            <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" key={j.id ?? `n${i}`}>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={`Code du jury ${i + 1} *`}
                  state={err[`jurys.${i}.code`] ? 'error' : 'default'}
                  stateRelatedMessage={err[`jurys.${i}.code`]}
                  nativeInputProps={{ id: `jury-${i}-code`, maxLength: 30, value: j.code, onChange: (e) => modifier('jurys', s.jurys.map((x, k) => (k === i ? { ...x, code: e.target.value } : x))) }}
                />
              </div>
              <div className="fr-col-12 fr-col-md-5">
                <Input label={`Libellé du jury ${i + 1}`} nativeInputProps={{ id: `jury-${i}-libelle`, maxLength: 100, value: j.libelle, onChange: (e) => modifier('jurys', s.jurys.map((x, k) => (k === i ? { ...x, libelle: e.target.value } : x))) }} />
              </div>
              <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
                <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left" onClick={() => modifier('jurys', s.jurys.filter((_, k) => k !== i))}>
                  Retirer le jury {j.code || i + 1}
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" onClick={() => modifier('jurys', [...s.jurys, { code: '', libelle: '' }])}>
            Ajouter un jury
          </button>
        </div>
      </fieldset>

      <fieldset className="fr-fieldset" aria-labelledby="mission-salles-legende">
        <legend className="fr-fieldset__legend fr-text--regular" id="mission-salles-legende">
          Salles
        </legend>
        <div className="fr-fieldset__element">
          <ErreurListe message={err.salles} />
          {s.salles.map((x, i) => (
            <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" key={x.id ?? `n${i}`}>
              <div className="fr-col-12 fr-col-md-3">
                <Input
                  label={`Code de la salle ${i + 1} *`}
                  state={err[`salles.${i}.code`] ? 'error' : 'default'}
                  stateRelatedMessage={err[`salles.${i}.code`]}
                  nativeInputProps={{ id: `salle-${i}-code`, maxLength: 30, value: x.code, onChange: (e) => modifier('salles', s.salles.map((y, k) => (k === i ? { ...y, code: e.target.value } : y))) }}
                />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Input label={`Libellé de la salle ${i + 1}`} nativeInputProps={{ id: `salle-${i}-libelle`, maxLength: 100, value: x.libelle, onChange: (e) => modifier('salles', s.salles.map((y, k) => (k === i ? { ...y, libelle: e.target.value } : y))) }} />
              </div>
              <div className="fr-col-12 fr-col-md-2">
                <Input
                  label={`Candidats (salle ${i + 1})`}
                  state={err[`salles.${i}.nbCandidats`] ? 'error' : 'default'}
                  stateRelatedMessage={err[`salles.${i}.nbCandidats`]}
                  nativeInputProps={{ id: `salle-${i}-nb`, inputMode: 'numeric', value: x.nbCandidats, onChange: (e) => modifier('salles', s.salles.map((y, k) => (k === i ? { ...y, nbCandidats: e.target.value } : y))) }}
                />
              </div>
              <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
                <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left" onClick={() => modifier('salles', s.salles.filter((_, k) => k !== i))}>
                  Retirer la salle {x.code || i + 1}
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" onClick={() => modifier('salles', [...s.salles, { code: '', libelle: '', nbCandidats: '0' }])}>
            Ajouter une salle
          </button>
        </div>
      </fieldset>

      <fieldset className="fr-fieldset" aria-labelledby="mission-convocation-legende">
        <legend className="fr-fieldset__legend fr-text--regular" id="mission-convocation-legende">
          Convocation
        </legend>
        <div className="fr-fieldset__element">
          <ZoneTexte id="mission-observation" label="Observation par défaut" indice="Texte proposé sur chaque convocation, modifiable lors de la convocation" valeur={s.observationDefaut} surChangement={(v) => modifier('observationDefaut', v)} erreur={err.observationDefaut} />
          <fieldset className={`fr-fieldset ${err.signataire ? 'fr-fieldset--error' : ''}`} id="mission-signataire" aria-labelledby="mission-signataire-legende">
            <legend className="fr-fieldset__legend fr-text--regular" id="mission-signataire-legende">
              Signataire de la convocation *
            </legend>
            {(parametres.data?.signataires ?? []).map((x) => (
              <div className="fr-fieldset__element fr-fieldset__element--inline" key={x.code}>
                <div className="fr-radio-group">
                  <input type="radio" id={`signataire-${x.code}`} name="signataire" value={x.code} checked={s.signataire === x.code} onChange={() => modifier('signataire', x.code)} />
                  <label className="fr-label" htmlFor={`signataire-${x.code}`}>
                    {x.libelle}
                  </label>
                </div>
              </div>
            ))}
            {err.signataire && <p className="fr-message fr-message--error fr-fieldset__element">{err.signataire}</p>}
          </fieldset>
          <CaseACocher
            id="mission-ciblee"
            label="Ciblée pour convocation en établissement"
            indice={type?.ouverteSansCiblage ? 'Ce type de mission est ouvert au centre sans ciblage (EC, ECE, numérisation des copies).' : 'Le centre d’examen pourra convoquer des intervenants à cette mission.'}
            coche={s.cibleeEtablissement}
            surChangement={(v) => modifier('cibleeEtablissement', v)}
          />
          {type?.dateFixee && (
            <ChampDate
              label="Date fixée pour le centre (COEC, PRECE)"
              name="dateLimitee"
              indice="Le centre ne pourra convoquer qu’à cette date, l’une des dates de la mission (JJ/MM/AAAA)"
              valeur={s.dateLimitee}
              surChangement={(v) => modifier('dateLimitee', v)}
              erreur={err.dateLimitee}
              dateAutorisee={(iso) => joursMission.has(iso)}
              moisInitial={premierJour}
            />
          )}
          {s.typeMission === 'INTORA' && (
            <CaseACocher
              id="mission-candidats-affectes"
              label="Candidats affectés dans CYCLADES"
              indice="Pour un oral des épreuves communes (EC) : le centre ne peut convoquer qu’une fois l’affectation des candidats achevée."
              coche={s.candidatsAffectes}
              surChangement={(v) => modifier('candidatsAffectes', v)}
            />
          )}
        </div>
      </fieldset>

      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
            {mission ? 'Enregistrer la mission' : 'Créer la mission'}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={surAnnuler}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Convocation form

interface FormConvocation {
  personne: Personne | null;
  qualiteId: string;
  commissionId: string;
  juryId: string;
  salleId: string;
  codeSalle: string;
  datesPropres: boolean;
  dates: CreneauSaisi[];
  observation: string;
}

function RecherchePersonne({ choisie, surChoix, erreur }: { choisie: Personne | null; surChoix: (p: Personne | null) => void; erreur?: string }) {
  const [saisie, setSaisie] = useState('');
  const differee = useDeferredValue(saisie.trim());
  const q = useQuery({
    queryKey: ['gestion', 'convocations', 'personnes', differee],
    queryFn: () => api.get<{ parNumen: boolean; lignes: Personne[] }>(`/api/gestion/convocations/personnes?q=${encodeURIComponent(differee)}`),
    enabled: differee.length >= 2,
    placeholderData: (p) => p,
  });
  const idResultats = useId();
  return (
    <div className="fr-mb-3w">
      <Input
        label="Rechercher l’intervenant *"
        hintText="« NOM Prénom » parmi les personnes de l’académie, ou le NUMEN exact d’une personne d’une autre académie"
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur}
        nativeInputProps={{ id: 'convocation-recherche', name: 'recherche', autoComplete: 'off', value: saisie, maxLength: 100, onChange: (e) => setSaisie(e.target.value), 'aria-controls': idResultats }}
      />
      <fieldset className="fr-fieldset" id={idResultats} aria-labelledby={`${idResultats}-legende`} aria-live="polite">
        <legend className="fr-fieldset__legend fr-text--regular" id={`${idResultats}-legende`}>
          Intervenant(s) identifié(s)
        </legend>
        {differee.length >= 2 && q.isFetching && !q.data && <Chargement texte="Recherche…" />}
        {differee.length >= 2 && q.data && q.data.lignes.length === 0 && (
          <p className="fr-fieldset__element fr-text--sm">
            Aucune personne ne correspond. Si l’intervenant n’est pas connu de l’académie, créez-le dans l’activité « Intervenants », ou recherchez-le par son NUMEN.
          </p>
        )}
        {q.data?.lignes.map((p) => (
          <div className="fr-fieldset__element" key={p.id}>
            <div className="fr-radio-group">
              <input type="radio" id={`personne-${p.id}`} name="personne" checked={choisie?.id === p.id} onChange={() => surChoix(p)} />
              <label className="fr-label" htmlFor={`personne-${p.id}`}>
                {p.nom} {p.prenom}
                <span className="fr-hint-text">
                  {[p.etablissement ?? 'Sans établissement principal', p.disciplinePoste, p.dateNaissance ? `né(e) le ${formaterDate(p.dateNaissance)}` : null, p.autreAcademie ? `Académie de ${p.autreAcademie}` : null].filter(Boolean).join(' — ')}
                </span>
              </label>
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

function FormulaireConvocation({ mission, convocation, surFin }: { mission: Mission; convocation: Convocation | null; surFin: (avertissement: string | null) => void }) {
  const client = useQueryClient();
  const unique = <T extends { id: number }>(l: T[]) => (l.length === 1 ? String(l[0]!.id) : '');
  const [s, setS] = useState<FormConvocation>(() =>
    convocation
      ? {
          personne: null,
          qualiteId: convocation.qualiteId ? String(convocation.qualiteId) : '',
          commissionId: convocation.commissionId ? String(convocation.commissionId) : unique(mission.commissions),
          juryId: convocation.juryId ? String(convocation.juryId) : '',
          salleId: convocation.salleId ? String(convocation.salleId) : '',
          codeSalle: convocation.codeSalle,
          datesPropres: convocation.datesPropres,
          dates: convocation.dates.map(versSaisie),
          observation: convocation.observation,
        }
      : {
          personne: null,
          qualiteId: '',
          commissionId: unique(mission.commissions),
          juryId: unique(mission.jurys),
          salleId: unique(mission.salles),
          codeSalle: '',
          datesPropres: false,
          dates: [],
          observation: mission.observationDefaut,
        },
  );
  const modifier = <K extends keyof FormConvocation>(k: K, v: FormConvocation[K]) => setS((x) => ({ ...x, [k]: v }));
  const commission = mission.commissions.find((k) => String(k.id) === s.commissionId);
  // The dates the affectation may hold: its commission's, otherwise the mission's.
  const base = commission && commission.dates.length ? commission.dates : mission.dates;
  const jours = new Set(base.map((d) => d.jour));
  const enregistrer = useAction(
    async (corps: Record<string, unknown>) => {
      const url = `${BASE}/${mission.id}/convocations`;
      const r = convocation
        ? await api.put<{ message: string; avertissement: string | null }>(`${url}/${convocation.id}`, corps)
        : await api.post<{ message: string; avertissement: string | null }>(url, corps);
      await client.invalidateQueries({ queryKey: ['gestion', 'missions'] });
      if (r.avertissement) consoleMessages.avertissement(r.avertissement);
      surFin(r.avertissement);
      return r;
    },
    { succes: (r) => r.message },
  );
  const err = enregistrer.erreursChamps;
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (!convocation && !s.personne) return enregistrer.signalerChamps({ personneId: "Choisissez l'intervenant à convoquer (recherche « NOM Prénom » ou NUMEN)." });
    if (s.datesPropres && s.dates.length === 0) return enregistrer.signalerChamps({ dates: "Dates de l'affectation : ajoutez au moins une date, ou décochez « Dates propres à cette affectation »." });
    void enregistrer.executer({
      ...(convocation ? {} : { personneId: s.personne!.id }),
      qualiteId: idOuNull(s.qualiteId),
      commissionId: idOuNull(s.commissionId),
      juryId: idOuNull(s.juryId),
      salleId: idOuNull(s.salleId),
      codeSalle: s.codeSalle,
      observation: s.observation,
      dates: s.datesPropres ? s.dates : [],
    });
  };
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    titre.current?.focus();
    titre.current?.scrollIntoView?.({ block: 'start' });
  }, [convocation?.id]);
  const sansQualite = mission.type.sansQualite;
  return (
    <form className="formulaire-convocation fr-mt-3w fr-p-3w" onSubmit={soumettre} noValidate aria-labelledby="titre-formulaire-convocation">
      <h3 className="fr-h6" id="titre-formulaire-convocation" tabIndex={-1} ref={titre}>
        {convocation ? `Modifier la convocation de ${convocation.nom} ${convocation.prenom}` : 'Détail de l’affectation : convoquer un intervenant'}
      </h3>
      {convocation?.libelleOrigine === 'Convoquée par centre' && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
          <p>Cette convocation a été créée par le centre d’examen. Une fois modifiée par le service de gestion, elle ne pourra plus être modifiée ni supprimée par le centre.</p>
        </div>
      )}
      {!convocation && <RecherchePersonne choisie={s.personne} surChoix={(p) => modifier('personne', p)} erreur={err.personneId} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        {!sansQualite && (
          <div className="fr-col-12 fr-col-md-6">
            <ChampSelect
              id="convocation-qualite"
              label="Qualité"
              valeur={s.qualiteId}
              surChangement={(v) => modifier('qualiteId', v)}
              vide={mission.type.correctionDematerialisee ? 'Correcteur Santorin (par défaut)' : 'Aucune qualité'}
              indice={mission.type.correctionDematerialisee ? 'Correction dématérialisée : qualités SANTORIN seulement' : undefined}
              options={[
                ...mission.qualitesProposees.map((q) => ({ valeur: String(q.id), libelle: q.libelle })),
                // A qualité deactivated since: kept on this convocation while it is not changed.
                ...(convocation?.qualiteId && !mission.qualitesProposees.some((q) => q.id === convocation.qualiteId) ? [{ valeur: String(convocation.qualiteId), libelle: `${convocation.qualite ?? ''} (inactive)` }] : []),
              ]}
              erreur={err.qualiteId}
            />
          </div>
        )}
        {mission.commissions.length > 0 && (
          <div className="fr-col-12 fr-col-md-6">
            <ChampSelect
              id="convocation-commission"
              label="Commission"
              obligatoire
              valeur={s.commissionId}
              surChangement={(v) => modifier('commissionId', v)}
              vide={mission.commissions.length > 1 ? 'Choisissez la commission' : undefined}
              options={mission.commissions.map((k) => ({ valeur: String(k.id), libelle: `${k.code} (${pluriel(k.nbCandidats, 'candidat')})` }))}
              erreur={err.commissionId}
            />
          </div>
        )}
        {mission.jurys.length > 0 && (
          <div className="fr-col-12 fr-col-md-6">
            <ChampSelect
              id="convocation-jury"
              label="Jury"
              valeur={s.juryId}
              surChangement={(v) => modifier('juryId', v)}
              vide="Aucun jury"
              options={mission.jurys.map((j) => ({ valeur: String(j.id), libelle: j.libelle ? `${j.code} - ${j.libelle}` : j.code }))}
              erreur={err.juryId}
            />
          </div>
        )}
        {mission.salles.length > 0 && (
          <div className="fr-col-12 fr-col-md-6">
            <ChampSelect
              id="convocation-salle"
              label="Salle"
              valeur={s.salleId}
              surChangement={(v) => modifier('salleId', v)}
              vide="Aucune salle"
              options={mission.salles.map((x) => ({ valeur: String(x.id), libelle: `${x.code}${x.libelle ? ` - ${x.libelle}` : ''} (${pluriel(x.nbCandidats, 'candidat')})` }))}
              erreur={err.salleId}
            />
          </div>
        )}
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Code salle"
            state={err.codeSalle ? 'error' : 'default'}
            stateRelatedMessage={err.codeSalle}
            nativeInputProps={{ id: 'convocation-code-salle', name: 'codeSalle', maxLength: 30, value: s.codeSalle, onChange: (e) => modifier('codeSalle', e.target.value) }}
          />
        </div>
      </div>
      <p className="fr-text--sm fr-mb-1w">
        Dates de l’affectation : {commission && commission.dates.length ? `celles de la commission ${commission.code}` : 'celles de la mission'} —{' '}
        {base.map((d) => `${formaterDate(d.jour)} ${d.heureDebut}-${d.heureFin}`).join(', ') || 'aucune'}.
      </p>
      <CaseACocher
        id="convocation-dates-propres"
        label="Dates propres à cette affectation"
        indice="Affectation partielle ou spécifique : certaines dates seulement, ou d’autres heures"
        coche={s.datesPropres}
        surChangement={(v) => setS((x) => ({ ...x, datesPropres: v, dates: v && x.dates.length === 0 ? base.map(versSaisie) : x.dates }))}
      />
      {s.datesPropres && (
        <LignesDates
          prefixe="convocation-dates"
          legende="Dates d’affectation sélectionnées"
          de="de l'affectation"
          cle="dates"
          creneaux={s.dates}
          surChangement={(v) => modifier('dates', v)}
          erreurs={err}
          dateAutorisee={(iso) => jours.has(iso)}
          moisInitial={base[0]?.jour}
        />
      )}
      {!s.datesPropres && <ErreurListe message={err.dates} />}
      <ZoneTexte id="convocation-observation" label="Observations sur la convocation" indice="Texte d’observation à faire figurer sur la convocation" valeur={s.observation} surChangement={(v) => modifier('observation', v)} erreur={err.observation} />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
            {convocation ? 'Enregistrer la convocation' : 'Convoquer'}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={() => surFin(null)}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Mission screen

function Convocations({ mission }: { mission: Mission }) {
  const confirmation = useConfirmation();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['gestion', 'missions', mission.id, 'convocations'], queryFn: () => api.get<{ total: number; lignes: Convocation[] }>(`${BASE}/${mission.id}/convocations`) });
  const [edition, setEdition] = useState<Convocation | 'nouvelle' | null>(null);
  const [avertissement, setAvertissement] = useState<string | null>(null);
  const boutonAjout = useRef<HTMLButtonElement>(null);
  const [propositions, setPropositions] = useState(false);
  const pdf = useAction((c: Convocation) => telecharger(`${BASE}/${mission.id}/convocations/${c.id}/pdf`, `${c.nom}_${c.prenom}_${mission.numero}.pdf`).then(async (nom) => {
    await client.invalidateQueries({ queryKey: ['gestion', 'missions', mission.id, 'convocations'] });
    return nom;
  }), { succes: (nom) => `Convocation téléchargée : ${nom}.` });
  const supprimer = useAction(
    async (c: Convocation) => {
      const r = await api.delete<{ message: string }>(`${BASE}/${mission.id}/convocations/${c.id}`);
      await client.invalidateQueries({ queryKey: ['gestion', 'missions'] });
      return r;
    },
    { succes: (r) => r.message },
  );
  const colonnes = useMemo<Colonne<Convocation>[]>(
    () => [
      { id: 'nom', libelle: 'Nom', valeur: (c) => c.nom },
      { id: 'prenom', libelle: 'Prénom', valeur: (c) => c.prenom },
      { id: 'etablissement', libelle: 'Etablissement', valeur: (c) => c.etablissement, texte: (c) => [c.etablissement ?? '', c.autreAcademie ? `(académie de ${c.autreAcademie})` : ''].filter(Boolean).join(' '), poids: 2 },
      { id: 'discipline', libelle: 'Discipline poste', valeur: (c) => c.disciplinePoste },
      { id: 'qualite', libelle: 'Qualité', valeur: (c) => c.qualite },
      { id: 'affectation', libelle: 'Commission / Jury / Salle', valeur: (c) => c.affectation },
      { id: 'dates', libelle: 'Dates', valeur: (c) => c.libelleDates, poids: 2 },
      { id: 'origine', libelle: 'Origine', valeur: (c) => c.libelleOrigine },
      { id: 'editee', libelle: 'Dernière convoc.', valeur: (c) => c.editeeLe, type: 'dateHeure' },
      {
        id: 'actions',
        libelle: 'Actions',
        valeur: () => '',
        triable: false,
        exportable: false,
        rendu: (c) => (
          <div className="actions-convocation" style={{ display: 'flex', gap: '0.25rem', flexWrap: 'nowrap' }}>
            {c.statut === 'convoquee' && (
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-file-pdf-line fr-btn--icon-only"
                aria-label={`Convocation PDF de ${c.nom} ${c.prenom}`}
                title={`Télécharger la convocation de ${c.nom} ${c.prenom} (PDF)`}
                onClick={() => void pdf.executer(c)}
                disabled={pdf.enCours}
              />
            )}
            <button
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-edit-line fr-btn--icon-only"
              aria-label={`Modifier la convocation de ${c.nom} ${c.prenom}`}
              title={`Modifier la convocation de ${c.nom} ${c.prenom}`}
              onClick={() => setEdition(c)}
            />
            <button
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-only"
              aria-label={`Supprimer la convocation de ${c.nom} ${c.prenom}`}
              title={c.fraisEnCours ? 'Le frais de cette convocation est en cours de traitement : elle ne peut être supprimée' : `Supprimer la convocation de ${c.nom} ${c.prenom}`}
              onClick={() =>
                confirmation.demander({
                  titre: 'Supprimer la convocation',
                  message: `Supprimer la convocation de ${c.nom} ${c.prenom} ? L’intervenant ne sera plus convoqué sur la mission n° ${mission.numero}.`,
                  bouton: 'Supprimer',
                  surConfirmation: () => void supprimer.executer(c),
                })
              }
              disabled={supprimer.enCours}
            />
          </div>
        ),
      },
    ],
    [pdf.enCours, supprimer.enCours, mission.numero],
  );
  return (
    <section className="fr-mt-4w" aria-labelledby="titre-convocations">
      <h2 className="fr-h5" id="titre-convocations">
        Intervenants convoqués
      </h2>
      {avertissement && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="avertissement-convocation" role="status">
          <p>{avertissement}</p>
        </div>
      )}
      <Liste
        id={`convocations-${mission.id}`}
        titre="Liste des intervenants convoqués"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(c) => c.id}
        triParDefaut={{ colonne: 'nom', sens: 'asc' }}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun intervenant n’est convoqué à cette mission."
        hauteurMax="28rem"
        actions={
          edition === null && (
            <button
              ref={boutonAjout}
              type="button"
              className="fr-btn fr-icon-add-line fr-btn--icon-left"
              onClick={() => {
                setAvertissement(null);
                setEdition('nouvelle');
              }}
            >
              Ajouter une convocation
            </button>
          )
        }
      />
      <button type="button" className="fr-btn fr-btn--secondary fr-icon-team-line fr-btn--icon-left fr-mt-1w" aria-expanded={propositions} onClick={() => setPropositions((o) => !o)}>
        Proposer des intervenants
      </button>
      {propositions && <PropositionsIntervenants missionId={mission.id} numero={mission.numero} surConvocation={setAvertissement} />}
      {edition !== null && (
        <FormulaireConvocation
          key={edition === 'nouvelle' ? 'nouvelle' : edition.id}
          mission={mission}
          convocation={edition === 'nouvelle' ? null : edition}
          surFin={(a) => {
            setAvertissement(a);
            setEdition(null);
            setTimeout(() => boutonAjout.current?.focus(), 0);
          }}
        />
      )}
      {confirmation.dialogue}
    </section>
  );
}

function DetailMission({ id }: { id: string }) {
  const a = useActivite();
  const navigate = useNavigate();
  const creation = id === NOUVELLE;
  const q = useQuery({ queryKey: ['gestion', 'missions', Number(id)], queryFn: () => api.get<Mission>(`${BASE}/${id}`), enabled: !creation });
  const [modification, setModification] = useState(false);
  if (creation) {
    return (
      <>
        <BoutonRetour />
        <FormulaireMission mission={null} surFin={(nouvelId) => navigate(`${a.base}/${nouvelId}`, { replace: true })} surAnnuler={() => navigate(a.base)} />
      </>
    );
  }
  const m = q.data;
  let contenu: ReactNode = null;
  if (m && modification) {
    contenu = <FormulaireMission mission={m} surFin={() => setModification(false)} surAnnuler={() => setModification(false)} />;
  } else if (m) {
    contenu = (
      <>
        <h2 className="fr-h5">Mission n° {m.numero}</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-6">
            <Details
              lignes={[
                ['Numéro mission', String(m.numero)],
                ['Type de mission', m.type.libelle],
                ['Date début mission', formaterDate(m.debut)],
                ['Session examen', m.session],
                ['Spécialité', m.specialite],
                ['Epreuve-option', m.epreuveOption],
                ['Centre d’examen', m.centre],
                ['Lieu', m.lieu],
              ]}
            />
          </div>
          <div className="fr-col-12 fr-col-lg-6">
            <Details
              lignes={[
                ['Dates', m.dates.map((d) => `${formaterDate(d.jour)} ${d.heureDebut}-${d.heureFin}`).join(', ')],
                ['Commissions', m.commissions.map((k) => `${k.code} (${pluriel(k.nbCandidats, 'candidat')}${k.dates.length ? `, ${k.dates.map((d) => `${formaterDate(d.jour)} ${d.heureDebut}-${d.heureFin}`).join(', ')}` : ''})`).join(' ; ')],
                ['Jurys', m.jurys.map((j) => (j.libelle ? `${j.code} - ${j.libelle}` : j.code)).join(', ')],
                ['Salles', m.salles.map((x) => `${x.code}${x.libelle ? ` - ${x.libelle}` : ''} (${pluriel(x.nbCandidats, 'candidat')})`).join(', ')],
                ['Signataire', m.libelleSignataire],
                ['Ciblée', m.type.ouverteSansCiblage ? 'Ouverte au centre sans ciblage' : m.cibleeEtablissement ? 'Oui' : 'Non'],
                ...(m.type.dateFixee ? ([['Date fixée pour le centre', formaterDate(m.dateLimitee)]] as Array<[string, string]>) : []),
                ...(m.typeMission === 'INTORA' ? ([['Candidats affectés dans CYCLADES', m.candidatsAffectes ? 'Oui' : 'Non']] as Array<[string, string]>) : []),
                ['Observation par défaut', m.observationDefaut],
              ]}
            />
          </div>
        </div>
        <button type="button" className="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left fr-mb-2w" onClick={() => setModification(true)}>
          Modifier la mission
        </button>
        <Convocations mission={m} />
      </>
    );
  }
  return (
    <>
      <BoutonRetour />
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {contenu}
    </>
  );
}

export default function Missions() {
  return <ListeOuDetail liste={<ListeMissions />} detail={(id) => <DetailMission id={id} />} />;
}
