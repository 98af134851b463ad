// Pure generation of the demo's IMAG'IN data (issue 4): missions of the current and previous years in
// Rennes and Toulouse with their dates, commissions, jurys and salles; convocations (some affected and
// not yet convoked, some convoked by the gestionnaire, some by the centre); indisponibilités from EPP,
// SIRHEN and the établissements (those a convocation by another académie gives are made at loading by
// the application's own synchroniserIndisponibilitesAutreAcademie); compétences with varied authors;
// the centre d'examen's fixed missions (missions-centre.ts, issue 5).
// Each entity draws from its own stream; rows reference each other by natural keys.
import { normaliserMatiere, type Nature, type TypeAuteur } from '../../domain/imagin/competences.ts';
import { ajouterJours, jourSemaine } from '../../domain/imagin/dates.ts';
import { siglesProposes } from '../../domain/imagin/examens.ts';
import { Alea } from './alea.ts';
import {
  ACADEMIES_MISSIONS,
  CODE_GESTIONNAIRE,
  CORRESPONDANCES,
  MOTIFS_EPP,
  MOTIFS_ETABLISSEMENT,
  MOTIFS_SIRHEN,
  OBSERVATIONS,
  QUALITES,
  TYPES_MISSION,
  type QualiteDemo,
  type TypeMissionDemo,
} from './donnees-missions.ts';
import { ACADEMIE_SIEC, PREFIXE_PROFESSEURS_HLP } from './donnees-centre.ts';
import {
  ANNEE_SCOLAIRE,
  ANNEE_SESSION,
  EPREUVES_EC_SPECIALITES_CLES,
  EXAMENS,
  SESSIONS,
  SPECIALITES,
  UAI_COLLEGE_RENNES,
  UAI_LA_DECOUVERTE,
  UAI_LP_RENNES,
  UAI_LYCEE_RENNES,
  UAI_RECTORAT_TOULOUSE,
} from './donnees.ts';
import { genererMissionsCentre, sessionsSuivantes } from './missions-centre.ts';
import type { AffectationGeneree, EnseignementGenere, EtablissementGenere, PersonneGeneree } from './generateur.ts';

export interface CreneauGenere {
  jour: string;
  heure_debut: string;
  heure_fin: string;
}

export interface MissionGeneree {
  academie_code: string;
  numero: number;
  /** "<examen>/<code session>" */
  session: string;
  /** "<examen>/<spécialité>" */
  specialite: string | null;
  /** "<examen>/<spécialité>/<épreuve>" */
  epreuve: string | null;
  type_mission: string;
  centre: string;
  lieu: string | null;
  observation_defaut: string;
  signataire: 'chef_etablissement' | 'chef_centre' | 'gestionnaire';
  ciblee_etablissement: boolean;
  /** COEC / PRECE: the only date the centre may convoke on. */
  date_limitee?: string | null;
  /** EC oral: whether CYCLADES has assigned the candidates (false when absent). */
  candidats_affectes?: boolean;
  dates: CreneauGenere[];
  commissions: Array<{ code: string; nb_candidats: number; dates: CreneauGenere[] }>;
  jurys: Array<{ code: string; libelle: string }>;
  salles: Array<{ code: string; libelle: string; nb_candidats: number }>;
}

export interface ConvocationGeneree {
  academie_code: string;
  numero: number;
  personne: string;
  qualite: string | null;
  commission: string | null;
  jury: string | null;
  salle: string | null;
  code_salle: string | null;
  observation: string;
  statut: 'affectee' | 'convoquee';
  origine: 'gestionnaire' | 'centre';
  /** The centre that made it (origine 'centre'). */
  createur: string | null;
  dates_specifiques: boolean;
  editee_le: string | null;
  dates: CreneauGenere[];
  /** A centre's convocation changed since by the gestionnaire: it leaves the centre's hands. */
  modifiee_par_gestionnaire?: boolean;
  /** Login of the account that last created or changed it. */
  modifiee_par?: string | null;
}

export interface IndisponibiliteGeneree {
  personne: string;
  academie_code: string;
  date_debut: string;
  heure_debut: string;
  date_fin: string;
  heure_fin: string;
  motif: string;
  source: 'ETABLISSEMENT' | 'EPP' | 'SIRHEN';
  etablissement: string | null;
}

export interface CompetenceGeneree {
  personne: string;
  epreuve: string;
  auteurs: Array<{ auteur: string; type_auteur: TypeAuteur; nature: Nature }>;
}

export interface DonneesImagin {
  typesMission: readonly TypeMissionDemo[];
  qualites: Array<QualiteDemo & { academie_code: string; ordre: number }>;
  /** Sessions of the previous year (those of ANNEE_SESSION are in the référentiel). */
  sessionsPrecedentes: Array<{ examen_code: string; code: string; libelle: string; annee: number }>;
  /** Sessions of the next year (missions-centre.ts). */
  sessionsSuivantes: Array<{ examen_code: string; code: string; libelle: string; annee: number }>;
  missions: MissionGeneree[];
  convocations: ConvocationGeneree[];
  indisponibilites: IndisponibiliteGeneree[];
  correspondances: Array<{ matiere: string; epreuve: string }>;
  competences: CompetenceGeneree[];
  validations: Array<{ uai: string; annee_scolaire: string; validee_le: string; login: string | null }>;
  signatures: Array<{ uai: string; type: 'centre' | 'etablissement'; autorite: string; intitule: string; nom: string; ville: string }>;
  gestionnairesExamens: Array<{ login: string; academie_code: string; examen_code: string }>;
}

interface Base {
  echelle: number;
  etablissements: EtablissementGenere[];
  personnes: PersonneGeneree[];
  affectations: AffectationGeneree[];
  enseignements: EnseignementGenere[];
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** "Div. Classe : 1G3", "Groupe : TP2": the STS-WEB structure of a teaching row, from its own stream. */
export function structureEnseignement(e: Pick<EnseignementGenere, 'personne' | 'mef_code' | 'matiere' | 'modalite_cours'>): string {
  const alea = new Alea(`${e.personne}/structure/${e.mef_code}/${e.matiere}/${e.modalite_cours}`);
  if (e.modalite_cours === 'CG' && alea.chance(0.8)) return `Div. Classe : ${e.mef_code.slice(3, 5)}${alea.choisir(['A', 'B', 'C', '1', '2', '3'])}`;
  return `Groupe : ${e.modalite_cours}${alea.entre(1, 4)}`;
}

/** Previous year's sessions, named as the current ones ("BGT 2025", "BCP JUIN 2025"). */
function sessionsPrecedentes() {
  const annee = ANNEE_SESSION - 1;
  return SESSIONS.map((s) => ({
    examen_code: s.examen,
    code: s.code.replace(String(ANNEE_SESSION), String(annee)),
    libelle: s.libelle.replace(String(ANNEE_SESSION), String(annee)),
    annee,
  }));
}

const SIGLE_DE = new Map(EXAMENS.map((x) => [x.code, x.sigle]));
// The évaluations communes added for the centre's fixed missions are left out of the random draws.
const EPREUVES = new Map<string, { sp: (typeof SPECIALITES)[number]; e: (typeof SPECIALITES)[number]['epreuves'][number] }>(
  SPECIALITES.flatMap((sp) => sp.epreuves.map((e) => [`${sp.examen}/${sp.code}/${e.code}`, { sp, e }] as const)),
);
const epreuvesTirables = (sp: (typeof SPECIALITES)[number]) => sp.epreuves.filter((e) => !EPREUVES_EC_SPECIALITES_CLES.has(`${sp.examen}/${sp.code}/${e.code}`));

/** The next weekday on or after `iso`. */
function ouvre(iso: string): string {
  let j = iso;
  while (jourSemaine(j) === 'samedi' || jourSemaine(j) === 'dimanche') j = ajouterJours(j, 1);
  return j;
}

function joursOuvres(debut: string, n: number): string[] {
  const res: string[] = [];
  let j = ouvre(debut);
  while (res.length < n) {
    res.push(j);
    j = ouvre(ajouterJours(j, 1));
  }
  return res;
}

const HORAIRES_ECRIT: readonly (readonly [string, string])[] = [['08:00', '12:00'], ['14:00', '18:00'], ['09:00', '17:00']];

interface ChoixExamen {
  examen: string;
  poids: number;
  /** Month (and day range) where its missions fall. */
  mois: number;
}

const EXAMENS_MISSIONS: readonly ChoixExamen[] = [
  { examen: '470', poids: 24, mois: 6 },
  { examen: '47A', poids: 12, mois: 6 },
  { examen: '430', poids: 10, mois: 6 },
  { examen: '43A', poids: 5, mois: 5 },
  { examen: '400', poids: 18, mois: 6 },
  { examen: '320', poids: 10, mois: 5 },
  { examen: '500', poids: 7, mois: 6 },
  { examen: '100', poids: 12, mois: 6 },
  { examen: '450', poids: 2, mois: 6 },
];

function typePour(alea: Alea, examen: string, nature: 'ecrite' | 'orale' | 'pratique' | null, vae: boolean): string {
  if (vae) return 'VAE';
  if (nature === null) return alea.ponderer([['JURY', 6], ['REUORG', 2], ['COMSUJ', 2], ['HARMO', 1]]);
  const anticipe = examen === '47A' || examen === '43A';
  if (nature === 'ecrite') {
    if (anticipe) return alea.ponderer([['CEC', 6], ['NUMCOP', 1], ['ECCC', 2]]);
    return alea.ponderer([['CORCOP', 14], ['CORPLA', 2], ['SURV', 2], ['AIDEXT', 1], ['LECDOS', 1]]);
  }
  if (nature === 'orale') return alea.ponderer([['INTORA', 8], ['ORAL2', examen === '470' || examen === '430' ? 2 : 0]]);
  return alea.ponderer([['PRATIQUE', 3], ['SPORT', 1], ['EPSCCF', 1]]);
}

// ---------------------------------------------------------------------------------------------

export function genererImagin(base: Base): DonneesImagin {
  const parUai = new Map(base.etablissements.map((e) => [e.uai, e]));
  const personnes = new Map(base.personnes.map((p) => [p.cle, p]));
  const principal = new Map(base.affectations.filter((a) => a.principal).map((a) => [a.personne, a.uai]));
  const etablissementsDe = new Map<string, string[]>();
  for (const a of base.affectations) etablissementsDe.set(a.personne, [...(etablissementsDe.get(a.personne) ?? []), a.uai]);
  // The HLP teachers (issue 5) are appended to the data set and kept out of these draws, which stay unchanged.
  const tirable = (cle: string) => !cle.startsWith(PREFIXE_PROFESSEURS_HLP);
  const promenade = base.affectations.filter((a) => a.uai === UAI_LYCEE_RENNES && tirable(a.personne)).map((a) => a.personne);

  const qualites = [...ACADEMIES_MISSIONS, ACADEMIE_SIEC].flatMap((academie_code) => QUALITES.map((q, ordre) => ({ ...q, academie_code, ordre })));
  const missions: MissionGeneree[] = [];
  const convocations: ConvocationGeneree[] = [];
  const annees = [ANNEE_SESSION - 1, ANNEE_SESSION];
  const parMission = Math.round(12 + 4 * base.echelle);

  for (const academie of ACADEMIES_MISSIONS) {
    const centres = base.etablissements.filter((e) => e.academie_code === academie && e.est_centre_examen);
    const centresClg = centres.filter((e) => e.type === 'CLG');
    const centresLycee = centres.filter((e) => e.type !== 'CLG' && e.type !== 'RECT');
    const rectorat = centres.find((e) => e.type === 'RECT');
    const fixe = academie === '14' ? parUai.get(UAI_LYCEE_RENNES)! : parUai.get(UAI_LA_DECOUVERTE)!;
    const intervenants = base.personnes.filter((p) => p.academie_code === academie && principal.has(p.cle) && tirable(p.cle));
    const locaux = academie === '14' ? promenade : [];
    const numeroBase = academie === '14' ? 110_000 : 190_000;

    for (const annee of annees) {
      for (let i = 0; i < parMission; i++) {
        const alea = new Alea(`${academie}/mission/${annee}/${i}`);
        const choix = alea.ponderer(EXAMENS_MISSIONS.map((c) => [c, c.poids] as const));
        const sessionCode = choix.examen === '320' && alea.chance(0.25) ? `${annee}-03` : `${annee}-06`;
        const vae = sessionCode.endsWith('-03');
        const specialites = SPECIALITES.filter((s) => s.examen === choix.examen);
        const sp = alea.choisir(specialites);
        const sansEpreuve = alea.chance(0.12);
        const ep = sansEpreuve ? null : alea.choisir(epreuvesTirables(sp));
        const type = typePour(alea, choix.examen, ep?.nature ?? null, vae);
        const centre =
          type === 'COMSUJ' || type === 'REUORG' || type === 'HARMO'
            ? (rectorat ?? fixe)
            : alea.chance(academie === '14' ? 0.3 : 0.2)
              ? fixe
              : choix.examen === '100' && centresClg.length
                ? alea.choisir(centresClg)
                : alea.choisir(centresLycee.length ? centresLycee : centres);

        // Dates: a few weekdays in the exam's month (March for the BTS VAE session).
        const mois = vae ? 3 : choix.mois;
        const debut = `${annee}-${p2(mois)}-${p2(alea.entre(2, 24))}`;
        const reunion = type === 'REUORG' || type === 'COMSUJ' || type === 'JURY' || type === 'HARMO';
        const nbJours = reunion || vae ? 1 : alea.ponderer([[1, 4], [2, 3], [3, 2]]);
        const [hd, hf] = type === 'REUORG' ? ['09:00', '12:00'] : type === 'INTORA' || type === 'ORAL2' || type === 'VAE' ? ['08:00', '18:00'] : alea.choisir(HORAIRES_ECRIT);
        const dates = joursOuvres(debut, nbJours).map((jour) => ({ jour, heure_debut: hd!, heure_fin: hf! }));

        const commissions: MissionGeneree['commissions'] = [];
        if (type === 'INTORA' || type === 'ORAL2' || type === 'VAE') {
          const n = alea.entre(1, 3);
          for (let k = 1; k <= n; k++) {
            const d = alea.choisir(dates);
            const demi = alea.chance(0.5);
            commissions.push({ code: `COM${k}`, nb_candidats: alea.entre(8, 30), dates: [{ jour: d.jour, heure_debut: demi ? '14:00' : '08:00', heure_fin: demi ? '18:00' : '12:00' }] });
          }
        }
        const jurys = type === 'JURY' ? Array.from({ length: alea.entre(1, 3) }, (_, k) => ({ code: `J${p2(k + 1)}`, libelle: `Jury n° ${k + 1}` })) : [];
        const salles = type === 'INTORA' && alea.chance(0.4) ? Array.from({ length: alea.entre(1, 3) }, (_, k) => ({ code: `S${101 + k}`, libelle: `Salle ${101 + k}`, nb_candidats: alea.entre(10, 25) })) : [];

        const m: MissionGeneree = {
          academie_code: academie,
          numero: numeroBase + (annee - (ANNEE_SESSION - 1)) * 10_000 + i,
          session: `${choix.examen}/${sessionCode}`,
          specialite: `${choix.examen}/${sp.code}`,
          epreuve: ep ? `${choix.examen}/${sp.code}/${ep.code}` : null,
          type_mission: type,
          centre: centre.uai,
          lieu: null,
          observation_defaut: alea.chance(0.35) ? alea.choisir(OBSERVATIONS) : '',
          signataire: alea.ponderer([['gestionnaire', 7], ['chef_centre', 2], ['chef_etablissement', 1]]),
          ciblee_etablissement: alea.chance(0.3),
          dates,
          commissions,
          jurys,
          salles,
        };
        missions.push(m);

        // Intervenants: the académie's teachers, a good share of them from the demo lycée in Rennes.
        const n = type === 'JURY' ? alea.entre(4, 8) : alea.entre(2, 7);
        const choisis = new Set<string>();
        for (let essai = 0; choisis.size < n && essai < n * 5; essai++) {
          const cle = locaux.length && alea.chance(0.35) ? alea.choisir(locaux) : alea.choisir(intervenants).cle;
          choisis.add(cle);
        }
        let rang = 0;
        for (const personne of choisis) {
          const ca = new Alea(`${academie}/convocation/${m.numero}/${personne}`);
          const convoquee = annee < ANNEE_SESSION || ca.chance(0.85);
          const parCentre = ca.chance(0.2);
          const type_ = TYPES_MISSION.find((t) => t.code === type)!;
          let qualite: string | null = null;
          if (type === 'JURY') qualite = rang === 0 ? 'Président de jury' : rang === 1 ? 'Vice-président' : rang === 2 ? 'Responsable de délibération' : null;
          else if (type_.correction_dematerialisee) qualite = ca.ponderer([['Correcteur Santorin', 6], ['Correcteur suppléant (SANTORIN)', 2], ['Référent correcteur', 1]]);
          else if (type === 'INTORA' || type === 'ORAL2' || type === 'VAE') qualite = ca.chance(0.7) ? 'Interrogateur' : null;
          else if (type === 'CORCOP' || type === 'CORPLA') qualite = ca.chance(0.7) ? 'Correcteur' : null;
          rang++;
          const commission = commissions.length ? ca.choisir(commissions) : null;
          const specifiques = !commission && dates.length > 1 && ca.chance(0.25);
          const propres = specifiques ? [{ ...ca.choisir(dates) }] : [];
          const premier = (commission?.dates[0] ?? dates[0]!).jour;
          convocations.push({
            academie_code: academie,
            numero: m.numero,
            personne,
            qualite,
            commission: commission?.code ?? null,
            jury: jurys.length ? ca.choisir(jurys).code : null,
            salle: salles.length ? ca.choisir(salles).code : null,
            code_salle: salles.length && ca.chance(0.3) ? `B${ca.entre(1, 3)}${ca.chiffres(2)}` : null,
            observation: ca.chance(0.1) ? 'Merci de confirmer votre présence auprès du secrétariat du centre.' : '',
            statut: convoquee ? 'convoquee' : 'affectee',
            origine: parCentre ? 'centre' : 'gestionnaire',
            createur: parCentre ? centre.uai : null,
            dates_specifiques: specifiques,
            // Edited two to six weeks before the mission, at 10:00 (UTC) — fixed, not the clock.
            editee_le: convoquee ? `${ajouterJours(premier, -ca.entre(14, 42))}T10:00:00.000Z` : null,
            dates: propres,
          });
        }
      }
    }
  }

  // Teachers of LA PROMENADE convoked by Toulouse: the convocation there; the indisponibilité it gives
  // in Rennes ("CONVOCATION PAR IMAGIN TOULOUSE") is made at loading, as the application does.
  const indisponibilites: IndisponibiliteGeneree[] = [];
  const oraux16 = missions.filter((m) => m.academie_code === '16' && m.dates[0]!.jour.startsWith(String(ANNEE_SESSION)) && m.type_mission === 'INTORA');
  const autreAcademie = ['demo/martin', ...promenade.filter((c) => c.startsWith('14/promenade/')).slice(0, 2)];
  autreAcademie.forEach((personne, k) => {
    const m = oraux16[k % Math.max(oraux16.length, 1)];
    if (!m || !personnes.has(personne) || convocations.some((c) => c.numero === m.numero && c.personne === personne)) return;
    const d = m.commissions[0]?.dates[0] ?? m.dates[0]!;
    convocations.push({
      academie_code: '16',
      numero: m.numero,
      personne,
      qualite: 'Interrogateur',
      commission: m.commissions[0]?.code ?? null,
      jury: null,
      salle: null,
      code_salle: null,
      observation: '',
      statut: 'convoquee',
      origine: 'gestionnaire',
      createur: null,
      dates_specifiques: false,
      editee_le: `${ajouterJours(d.jour, -21)}T10:00:00.000Z`,
      dates: [],
    });
  });

  // Indisponibilités from EPP, SIRHEN and the établissements, over two school years.
  const debutPeriode = `${ANNEE_SESSION - 1}-09-01`;
  const promenadeSet = new Set(promenade);
  base.personnes
    .filter((p) => ACADEMIES_MISSIONS.includes(p.academie_code) && principal.has(p.cle))
    .forEach((p) => {
      const alea = new Alea(`${p.cle}/indisponibilites`);
      const local = promenadeSet.has(p.cle);
      const renfort = p.cle.startsWith('14/promenade/');
      const index = renfort ? Number(p.cle.split('/')[2]) : -1;
      const sources: Array<'EPP' | 'SIRHEN' | 'ETABLISSEMENT'> = [];
      // Every source shows up among LA PROMENADE's staff; elsewhere, drawn.
      if (index >= 0) sources.push((['EPP', 'SIRHEN', 'ETABLISSEMENT'] as const)[index % 3]!);
      if (alea.chance(local ? 0.3 : 0.12)) sources.push('EPP');
      if (alea.chance(local ? 0.1 : 0.04)) sources.push('SIRHEN');
      if (alea.chance(local ? 0.15 : 0.04)) sources.push('ETABLISSEMENT');
      for (const source of sources) {
        const debut = ouvre(ajouterJours(debutPeriode, alea.entre(0, 600)));
        const longue = source !== 'ETABLISSEMENT' && alea.chance(0.5);
        const fin = longue ? ajouterJours(debut, alea.entre(3, 40)) : debut;
        const heures = longue ? (['00:00', '23:59'] as const) : alea.choisir([['08:00', '12:00'], ['13:30', '17:30'], ['00:00', '23:59']] as const);
        const etabs = etablissementsDe.get(p.cle) ?? [];
        indisponibilites.push({
          personne: p.cle,
          academie_code: p.academie_code,
          date_debut: debut,
          heure_debut: heures[0],
          date_fin: fin,
          heure_fin: heures[1],
          motif: alea.choisir(source === 'EPP' ? MOTIFS_EPP : source === 'SIRHEN' ? MOTIFS_SIRHEN : MOTIFS_ETABLISSEMENT),
          source,
          // Declared by one of the établissements the person works in (the other one, sometimes).
          etablissement: source === 'ETABLISSEMENT' ? (etabs.length > 1 && alea.chance(0.5) ? etabs[1]! : etabs[0]!) : null,
        });
      }
    });
  // Paul MARTIN-DEMO: one declared by his collège (DU PARC), seen but not deletable at LA PROMENADE.
  if (personnes.has('demo/martin')) {
    indisponibilites.push({ personne: 'demo/martin', academie_code: '14', date_debut: `${ANNEE_SESSION}-05-12`, heure_debut: '08:00', date_fin: `${ANNEE_SESSION}-05-12`, heure_fin: '17:00', motif: 'SECRETARIAT EXAMEN DNB', source: 'ETABLISSEMENT', etablissement: UAI_COLLEGE_RENNES });
  }

  // Compétences: SYS(C) from the correspondence table, then the other authors.
  const correspondances = Object.entries(CORRESPONDANCES).flatMap(([matiere, epreuves]) =>
    epreuves.map((epreuve) => {
      if (!EPREUVES.has(epreuve)) throw new Error(`Correspondance de démonstration : épreuve inconnue ${epreuve}`);
      return { matiere, epreuve };
    }),
  );
  const parMatiere = new Map<string, string[]>();
  for (const c of correspondances) parMatiere.set(normaliserMatiere(c.matiere), [...(parMatiere.get(normaliserMatiere(c.matiere)) ?? []), c.epreuve]);
  const competences = new Map<string, CompetenceGeneree>();
  const ajouter = (personne: string, epreuve: string, auteur: string, type_auteur: TypeAuteur, nature: Nature) => {
    const k = `${personne}|${epreuve}`;
    let c = competences.get(k);
    if (!c) competences.set(k, (c = { personne, epreuve, auteurs: [] }));
    if (!c.auteurs.some((a) => a.auteur === auteur && a.type_auteur === type_auteur)) c.auteurs.push({ auteur, type_auteur, nature });
  };
  for (const e of base.enseignements) {
    const p = personnes.get(e.personne);
    if (!p || !ACADEMIES_MISSIONS.includes(p.academie_code)) continue;
    for (const ep of parMatiere.get(normaliserMatiere(e.matiere)) ?? []) ajouter(e.personne, ep, 'SYS', 'SYS', 'C');
  }
  for (const c of [...competences.values()]) {
    const alea = new Alea(`${c.personne}/competence/${c.epreuve}`);
    const p = personnes.get(c.personne)!;
    const uai = principal.get(c.personne)!;
    const r = alea.suivant();
    if (r < 0.18) ajouter(c.personne, c.epreuve, uai, 'ETABLISSEMENT', 'C');
    else if (r < 0.26) ajouter(c.personne, c.epreuve, uai, 'ETABLISSEMENT', 'I');
    if (p.numen && alea.chance(0.12)) ajouter(c.personne, c.epreuve, p.numen, 'INTERVENANT', alea.chance(0.75) ? 'C' : 'I');
    if (alea.chance(0.05)) ajouter(c.personne, c.epreuve, CODE_GESTIONNAIRE[p.academie_code]!, 'GESTIONNAIRE', 'C');
    const secondaire = (etablissementsDe.get(c.personne) ?? []).find((u) => u !== uai);
    if (secondaire && alea.chance(0.3)) ajouter(c.personne, c.epreuve, secondaire, 'ETABLISSEMENT', 'C');
  }
  // Compétences without SYS: entered by the établissement, the person or a gestionnaire.
  for (const p of base.personnes) {
    if (!ACADEMIES_MISSIONS.includes(p.academie_code) || !principal.has(p.cle)) continue;
    const alea = new Alea(`${p.cle}/competences-saisies`);
    const renfort = p.cle.startsWith('14/promenade/');
    if (renfort ? Number(p.cle.split('/')[2]) % 7 === 3 : !alea.chance(0.12)) continue;
    const uai = principal.get(p.cle)!;
    const sigles = new Set(siglesProposes(parUai.get(uai)!.type));
    const possibles = [...EPREUVES.keys()].filter((k) => sigles.has(SIGLE_DE.get(k.split('/')[0]!)!) && !EPREUVES_EC_SPECIALITES_CLES.has(k));
    if (possibles.length === 0) continue;
    const epreuve = alea.choisir(possibles);
    const qui = alea.ponderer([['etab', 5], ['agent', 2], ['gest', 2], ['etab+agent', 2]] as const);
    if (qui === 'etab' || qui === 'etab+agent') ajouter(p.cle, epreuve, uai, 'ETABLISSEMENT', 'C');
    if ((qui === 'agent' || qui === 'etab+agent') && p.numen) ajouter(p.cle, epreuve, p.numen, 'INTERVENANT', 'C');
    if (qui === 'gest' || (qui === 'agent' && !p.numen)) ajouter(p.cle, epreuve, CODE_GESTIONNAIRE[p.academie_code]!, 'GESTIONNAIRE', 'C');
  }
  // A compétence is in the list only while one author declares it (C).
  const listees = [...competences.values()].filter((c) => c.auteurs.some((a) => a.nature === 'C'));

  // The centre d'examen's fixed missions (issue 5), after the generated ones: these are unchanged.
  const centre = genererMissionsCentre(base);
  missions.push(...centre.missions);
  convocations.push(...centre.convocations);

  return {
    typesMission: TYPES_MISSION,
    qualites,
    sessionsPrecedentes: sessionsPrecedentes(),
    sessionsSuivantes: sessionsSuivantes(),
    missions,
    convocations,
    indisponibilites,
    correspondances,
    competences: listees,
    validations: [
      // DU PARC has validated (its compétences are read-only); BREQUIGNY had, last year.
      { uai: UAI_COLLEGE_RENNES, annee_scolaire: ANNEE_SCOLAIRE, validee_le: `${ANNEE_SESSION}-10-15T09:30:00.000Z`, login: `ce.${UAI_COLLEGE_RENNES.toLowerCase()}` },
      { uai: UAI_LP_RENNES, annee_scolaire: `${ANNEE_SESSION - 1}-${ANNEE_SESSION}`, validee_le: `${ANNEE_SESSION - 1}-10-20T09:30:00.000Z`, login: null },
    ],
    signatures: [
      // LA PROMENADE signs as centre d'examen and as établissement (003 §4.4).
      { uai: UAI_LYCEE_RENNES, type: 'centre', autorite: 'Le chef de centre', intitule: 'M. le Proviseur', nom: 'Yann HERMINE-DEMO', ville: 'RENNES' },
      { uai: UAI_LYCEE_RENNES, type: 'etablissement', autorite: "Le chef d'établissement", intitule: 'M. le Proviseur du lycée La Promenade', nom: 'Yann HERMINE-DEMO', ville: 'RENNES' },
      { uai: UAI_LA_DECOUVERTE, type: 'centre', autorite: "Pour le recteur de l'académie de Toulouse et par délégation", intitule: 'Le proviseur, chef de centre', nom: 'M. CORMORAN-DEMO', ville: 'DECAZEVILLE' },
      { uai: UAI_RECTORAT_TOULOUSE, type: 'centre', autorite: 'Pour le recteur et par délégation', intitule: 'Le chef de la division des examens et concours', nom: 'M. SORBIER-DEMO', ville: 'TOULOUSE' },
    ].filter((s) => parUai.has(s.uai)) as DonneesImagin['signatures'],
    gestionnairesExamens: [
      { login: 'dec.rennes', academie_code: '14', examen_code: '470' },
      { login: 'dec.rennes', academie_code: '14', examen_code: '400' },
      { login: 'dec.toulouse', academie_code: '16', examen_code: '470' },
    ],
  };
}
