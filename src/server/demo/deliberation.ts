// Demo of the Bac Pro second-group deliberation (issue 7, seed 001): the centre de délibération
// BREQUIGNY (0350059Z, groupe de décision 11) deliberates three juries of the BCP session, numbered
// after their spécialité as the seed prints them (25510, 31202, 31210), all at état 140 so that the
// whole chain can be walked; LA PROMENADE deliberates a fourth (30001), outside BREQUIGNY's reach.
// Each jury has candidates admitted after the first group, candidates admissible to the contrôle (with
// the épreuves their two orals replace, chosen at registration), candidates ajournés, one on the liste
// rouge and one presumed fraudulent. chargerJury loads one jury (portail-jury.ts loads its own with it).
import type { Transaction } from 'kysely';
import type { DB, EpreuveDeControle, EtatJury } from '../platform/db/tables.ts';
import { Alea } from './alea.ts';
import { ANNEE_SESSION, NOMS_FAMILLE, PRENOMS_FEMININS, PRENOMS_MASCULINS, SPECIALITES, UAI_LP_RENNES, UAI_LYCEE_RENNES } from './donnees.ts';
import { slug } from './generateur.ts';

export const SESSION_BCP = { examen: '400', code: `${ANNEE_SESSION}-06` } as const;
export const GROUPE_DECISION = '11';

export const JURYS_DEMO: ReadonlyArray<{ numero: string; specialite: string; uai: string }> = [
  { numero: '25510', specialite: '25510', uai: UAI_LP_RENNES },
  { numero: '31202', specialite: '31202', uai: UAI_LP_RENNES },
  { numero: '31210', specialite: '31210', uai: UAI_LP_RENNES },
  { numero: '30001', specialite: '30001', uai: UAI_LYCEE_RENNES },
];

const SCIENTIFIQUES = new Set(['MATHEMATIQUES', 'PHYSIQUE-CHIMIE', 'ECONOMIE-DROIT', 'ECONOMIE-GESTION', 'PREVENTION SANTE ENVIRONNEMENT']);
const FRANCAIS_HG = new Set(['FRANCAIS', 'HISTOIRE-GEOGRAPHIE ET ENSEIGNEMENT MORAL ET CIVIQUE']);

/** For a BCP épreuve: the contrôle oral that may replace it, or the contrôle oral it is (domain-rules.md). */
export function controleEpreuve(examen: string, e: { code: string; libelle: string; facultative?: boolean }): { controle: EpreuveDeControle | null; est_controle: EpreuveDeControle | null } {
  if (examen !== '400') return { controle: null, est_controle: null };
  if (e.code === 'ECT1') return { controle: null, est_controle: 'scientifique' };
  if (e.code === 'ECT2') return { controle: null, est_controle: 'francais_hg' };
  if (e.facultative) return { controle: null, est_controle: null };
  if (SCIENTIFIQUES.has(e.libelle)) return { controle: 'scientifique', est_controle: null };
  if (FRANCAIS_HG.has(e.libelle)) return { controle: 'francais_hg', est_controle: null };
  return { controle: null, est_controle: null };
}

export type Profil = 'admis' | 'admissible' | 'ajourne';
// Per jury: five admitted, five admissible to the contrôle, two ajournés (one of them below 8, one
// between 8 and 10 whose professional average stays under 10).
export const PROFILS: readonly Profil[] = ['admis', 'admissible', 'admis', 'admissible', 'ajourne', 'admis', 'admissible', 'admis', 'admissible', 'ajourne', 'admis', 'admissible'];

export interface EpreuveChargee {
  id: number;
  code: string;
  libelle: string;
  coefficient: number;
  domaine: string | null;
  facultative: boolean;
  controle: EpreuveDeControle | null;
  est_controle: EpreuveDeControle | null;
}

/** Draws first-group grades (halves) whose averages fit the profile; the rule engine decides for real. */
function notesPour(alea: Alea, epreuves: readonly EpreuveChargee[], profil: Profil, k: number): Map<number, number> {
  const obligatoires = epreuves.filter((e) => !e.facultative && !e.est_controle);
  const cible = { admis: { pro: [11, 16], gen: [10, 15] }, admissible: { pro: [10.5, 13], gen: [5, 8] }, ajourne: k % 2 ? { pro: [6, 9], gen: [9, 11] } : { pro: [5, 8], gen: [4, 7] } }[profil];
  for (let essai = 0; essai < 500; essai++) {
    const notes = new Map<number, number>();
    for (const e of obligatoires) {
      const [min, max] = e.domaine === 'professionnel' ? cible.pro : cible.gen;
      notes.set(e.id, Math.round((min! + alea.suivant() * (max! - min!)) * 2) / 2);
    }
    const moyenne = (filtre: (e: EpreuveChargee) => boolean) => {
      const liste = obligatoires.filter(filtre);
      const coef = liste.reduce((t, e) => t + e.coefficient, 0);
      return liste.reduce((t, e) => t + notes.get(e.id)! * e.coefficient, 0) / coef;
    };
    const generale = moyenne(() => true);
    const pro = moyenne((e) => e.domaine === 'professionnel');
    const ok =
      profil === 'admis' ? generale >= 10.2 : profil === 'admissible' ? generale >= 8.2 && generale <= 9.8 && pro >= 10.2 : k % 2 ? generale >= 8.2 && generale < 9.8 && pro < 9.8 : generale < 7.8;
    if (ok) return notes;
  }
  throw new Error(`Démonstration : pas de notes pour le profil ${profil}.`);
}

/** One jury to load: its number, spécialité, centre de délibération and candidates' profiles. */
export interface JuryACharger {
  numero: string;
  specialite: string;
  /** UAI of the centre de délibération (also the candidates' établissement and contrôle centre). */
  uai: string;
  /** The académie that manages the jury and its candidates (Cas 2: not the centre's). */
  academie: string;
  /** 140 unless said (the database's default). */
  etat?: EtatJury;
  profils: readonly Profil[];
  /** The numbering (INE, numéro de candidat, e-mail) continues after this number: distinct per jury. */
  apres: number;
  commune: { nom: string; codePostal: string };
}

/** One candidate as loaded: what the contrôle grades need (portail-jury.ts). */
export interface CandidatCharge {
  candidatureId: number;
  profil: Profil;
  /** First-group grades by épreuve id. */
  notes: Map<number, number>;
  /** The épreuve each oral would replace (chosen at registration). */
  choix: Array<{ epreuve_controle_id: number; epreuve_remplacee_id: number }>;
}

export interface JuryDemoCharge {
  juryId: number;
  /** The spécialité's épreuves, contrôle orals included, by id. */
  epreuves: EpreuveChargee[];
  candidats: CandidatCharge[];
}

/**
 * Loads one jury and its candidates, drawing names and grades from `alea` (each candidate takes the
 * same draws, in the same order, whatever the jury: the demo's streams stay what they were).
 */
export async function chargerJury(trx: Transaction<DB>, alea: Alea, j: JuryACharger, cles: { etabId: Map<string, number>; sessionId: number }): Promise<JuryDemoCharge> {
  const spec = await trx.selectFrom('specialite').select(['id', 'libelle']).where('examen_code', '=', '400').where('code', '=', j.specialite).executeTakeFirstOrThrow();
  const epreuves = (await trx
    .selectFrom('epreuve_option')
    .select(['id', 'code', 'libelle', 'coefficient', 'domaine', 'facultative', 'controle', 'est_controle'])
    .where('specialite_id', '=', spec.id)
    .orderBy('id')
    .execute()) as EpreuveChargee[];
  const centreId = cles.etabId.get(j.uai)!;
  const jury = await trx
    .insertInto('jury')
    .values({
      academie_code: j.academie,
      session_examen_id: cles.sessionId,
      numero: j.numero,
      specialite_id: spec.id,
      centre_deliberation_id: centreId,
      groupe_decision: GROUPE_DECISION,
      ...(j.etat ? { etat: j.etat } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ect = (x: EpreuveDeControle) => epreuves.find((e) => e.est_controle === x)!;
  const remplacable = (x: EpreuveDeControle) => epreuves.filter((e) => e.controle === x);

  const candidats: CandidatCharge[] = [];
  let n = j.apres;
  for (const [k, profil] of j.profils.entries()) {
    n++;
    const civilite = alea.chance(0.5) ? ('Mme' as const) : ('M.' as const);
    const prenom = alea.choisir(civilite === 'Mme' ? PRENOMS_FEMININS : PRENOMS_MASCULINS);
    const nom = alea.choisir(NOMS_FAMILLE);
    const candidat = await trx
      .insertInto('candidat')
      .values({
        academie_code: j.academie,
        ine: `${String(900000 + n).padStart(10, '0')}B`,
        civilite,
        nom,
        prenom,
        date_naissance: `${ANNEE_SESSION - 18}-${String(alea.entre(1, 12)).padStart(2, '0')}-${String(alea.entre(1, 28)).padStart(2, '0')}`,
        commune: j.commune.nom,
        code_postal: j.commune.codePostal,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const candidature = await trx
      .insertInto('candidature')
      .values({
        candidat_id: candidat.id,
        session_examen_id: cles.sessionId,
        academie_code: j.academie,
        etablissement_id: centreId,
        numero_candidat: `0195002${String(2300 + n).padStart(4, '0')} - ${String(k + 1).padStart(3, '0')}`,
        etat: 'inscrit',
        email: `${slug(prenom).replace(/-/g, '')}.${slug(nom).replace(/-/g, '')}.bcp${n}@famille-demo.fr`,
        serie_code: j.specialite,
        serie_libelle: spec.libelle,
        division_classe: 'TBP',
        specialite_id: spec.id,
        // The second admitted is on the liste rouge; the third admissible is presumed fraudulent.
        liste_rouge: k === 2,
        presume_fraudeur: k === 8,
        jury_id: jury.id,
        centre_controle_id: cles.etabId.get(UAI_LP_RENNES)!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notes = notesPour(alea, epreuves, profil, k);
    await trx
      .insertInto('note')
      .values([...notes].map(([epreuve, valeur]) => ({ candidature_id: candidature.id, epreuve_option_id: epreuve, groupe: 1 as const, statut: 'note' as const, valeur })))
      .execute();
    await trx
      .insertInto('candidature_epreuve')
      .values(epreuves.filter((e) => !e.facultative).map((e) => ({ candidature_id: candidature.id, epreuve_option_id: e.id })))
      .execute();
    // The épreuves the two orals would replace, chosen at registration: the weakest of each kind.
    const choix = (['scientifique', 'francais_hg'] as const).map((x) => {
      const liste = remplacable(x);
      const faible = [...liste].sort((a, b) => notes.get(a.id)! - notes.get(b.id)!)[0]!;
      return { candidature_id: candidature.id, epreuve_controle_id: ect(x).id, epreuve_remplacee_id: faible.id };
    });
    await trx.insertInto('choix_controle').values(choix).execute();
    candidats.push({ candidatureId: candidature.id, profil, notes, choix: choix.map(({ epreuve_controle_id, epreuve_remplacee_id }) => ({ epreuve_controle_id, epreuve_remplacee_id })) });
  }
  return { juryId: jury.id, epreuves, candidats };
}

/** Loads the juries and their candidates into the demo's transaction (référentiel and épreuves exist). */
export async function chargerDeliberation(trx: Transaction<DB>, cles: { etabId: Map<string, number> }): Promise<{ jurys: number; candidats: number }> {
  const alea = new Alea('deliberation');
  const session = await trx.selectFrom('session_examen').select('id').where('examen_code', '=', SESSION_BCP.examen).where('code', '=', SESSION_BCP.code).executeTakeFirstOrThrow();
  let candidats = 0;
  for (const j of JURYS_DEMO) {
    // One numbering across the juries: the first jury's candidates are 1–12, the second's 13–24…
    const charge = await chargerJury(trx, alea, { ...j, academie: '14', profils: PROFILS, apres: candidats, commune: { nom: 'RENNES', codePostal: '35000' } }, { etabId: cles.etabId, sessionId: session.id });
    candidats += charge.candidats.length;
  }
  return { jurys: JURYS_DEMO.length, candidats };
}
