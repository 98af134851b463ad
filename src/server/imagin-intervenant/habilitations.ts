// What an intervenant is entitled to in his service (seed 004 §2.2 « selon vos habilitations »): the
// personal conditions of the activities (src/domain/services.ts, ConditionPersonne), computed from his
// convocations, his teachings (STS-WEB) and his discipline de poste / grade. Read by the menu
// (descriptionSession) and again by the server before every action of such an activity (http/app.ts):
// an activity hidden from the menu is refused at its address too.
import type { ConditionPersonne } from '../../domain/services.ts';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';
import { jurysConvoques } from '../portail-jury/acces.service.ts';

/**
 * The mission types that give access to a SANTORIN or CYCLADES module (seed 004 §2.6): correction of
 * written papers (also dematerialised: CEC, COEC, ECCC), lecture de dossier, harmonisation, conformité
 * (CCONF, BTS), composition en ligne (COMPO: BIMER, ETG), chargé de numérisation, commission académique
 * EPS (CYCLADES) and notation EPS CCF (SANTORIN).
 */
export const TYPES_MISSION_PORTAIL: readonly string[] = ['CORCOP', 'CEC', 'COEC', 'ECCC', 'LECDOS', 'HARMO', 'CCONF', 'COMPO', 'NUMCOP', 'EPSACA', 'EPSCCF'];

/** The grades of the inspection générale (IGESR, and the former IGEN / IGAENR). */
export const GRADES_INSPECTEUR_GENERAL: readonly string[] = ['IGESR', 'IGEN', 'IGAENR'];

/** « Sport » in the teachings (matière of STS-WEB). */
const MATIERE_EPS = '%PHYSIQUE ET SPORTIVE%';
/** The MEF types of BGT, BCP and CAP classes (STS-WEB type_mef): not the collège, not the BTS. */
export const TYPES_MEF_EPS: readonly string[] = ['2NDE GT', '1ERE G', 'TLE G', '1ERE T', 'TLE T', '2NDE PRO', '1ERE PRO', 'TLE PRO', '1CAP1', '1CAP2', '2CAP2', '1CAP3', '2CAP3', '3CAP3'];
/** The teachings of the DCS (diplômes de comptabilité et de gestion), by their MEF type. */
export const TYPES_MEF_DCS: readonly string[] = ['DCG 1A', 'DCG 2A', 'DCG 3A', 'DSCG 1A', 'DSCG 2A'];
/** The inter-académie service whose IMAG'IN holds the enquête DCS (seed 004 §2.9). */
export const ACADEMIE_ENQUETE_DCS = 'SIEC';

/**
 * The personal conditions this person meets in the IMAG'IN of `academieCode` (his session's académie).
 * `demandees`: only these are computed (a route needs one; the menu asks for those of its activities).
 */
export async function conditionsPersonne(
  db: Executeur,
  personneId: number,
  academieCode: string,
  demandees: readonly ConditionPersonne[],
): Promise<Set<ConditionPersonne>> {
  const remplies = new Set<ConditionPersonne>();
  const veut = new Set(demandees);
  const personne =
    veut.has('habilite_sujets') || veut.has('habilite_statistiques')
      ? await db.selectFrom('personne').select(['discipline_poste', 'grade']).where('id', '=', personneId).executeTakeFirst()
      : undefined;
  const ig = !!personne && GRADES_INSPECTEUR_GENERAL.includes(personne.grade.trim().toUpperCase());
  const discipline = personne?.discipline_poste.trim().toUpperCase() ?? '';
  if (veut.has('habilite_sujets') && (ig || discipline === 'IMSUJ')) remplies.add('habilite_sujets');
  if (veut.has('habilite_statistiques') && (ig || discipline === 'IMSTA')) remplies.add('habilite_statistiques');

  const [deliberation, portail, eps, dcs] = await Promise.all([
    veut.has('convoque_deliberation') ? jurysConvoques(db, personneId, academieCode).then((j) => j.length > 0) : false,
    veut.has('convoque_portail')
      ? db
          .selectFrom('convocation as c')
          .innerJoin('mission as m', 'm.id', 'c.mission_id')
          .select('c.id')
          .where('c.personne_id', '=', personneId)
          .where('c.statut', '=', 'convoquee')
          .where('m.type_mission', 'in', [...TYPES_MISSION_PORTAIL])
          .limit(1)
          .executeTakeFirst()
          .then((r) => !!r)
      : false,
    veut.has('enseignant_eps') ? aEnseignement(db, personneId, TYPES_MEF_EPS, MATIERE_EPS) : false,
    veut.has('enseignant_dcs') && academieCode === ACADEMIE_ENQUETE_DCS ? aEnseignement(db, personneId, TYPES_MEF_DCS) : false,
  ]);
  if (deliberation) remplies.add('convoque_deliberation');
  if (portail) remplies.add('convoque_portail');
  if (eps) remplies.add('enseignant_eps');
  if (dcs) remplies.add('enseignant_dcs');
  return remplies;
}

async function aEnseignement(db: Executeur, personneId: number, typesMef: readonly string[], matiere?: string): Promise<boolean> {
  const r = await db
    .selectFrom('enseignement')
    .select('id')
    .where('personne_id', '=', personneId)
    .where('type_mef', 'in', [...typesMef])
    .$if(matiere !== undefined, (qb) => qb.where('matiere', 'ilike', matiere!))
    .limit(1)
    .executeTakeFirst();
  return !!r;
}
