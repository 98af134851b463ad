// Demo of the intervenant's « Consultation missions » (issue 15, seed 004 §2.3): Paul MARTIN-DEMO
// (prof.martin, Rennes) convoked by Nantes to three missions, so that his page has a tab per académie
// (Rennes, Nantes, and Toulouse, which already convokes him to an oral: missions.ts), and by Rennes to an
// oral with its jury and his qualité, and a text of its own. The Nantes convocations give him, as the
// application does, indisponibilités « CONVOCATION PAR IMAGIN NANTES » in Rennes. Fixed numbers and
// dates: two loads give the same rows.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import { synchroniserIndisponibilitesAutreAcademie } from '../imagin/convocation-effets.ts';
import { ANNEE_SESSION } from './donnees.ts';

export const LOGIN_INTERVENANT_MISSIONS = 'prof.martin';
export const ACADEMIE_NANTES = '17';
/** Nantes' missions of Paul MARTIN-DEMO, and the Rennes oral with a jury. */
export const MISSIONS_NANTES = [179201, 179202, 179203] as const;
export const MISSION_JURY_RENNES = 148001;

const A = ANNEE_SESSION;
const LE = new Date(`${A}-04-02T08:00:00.000Z`);

interface MissionDemo {
  academie: string;
  numero: number;
  type: string;
  epreuve: string;
  observation: string;
  dates: Array<[string, string, string]>;
  jury?: { code: string; libelle: string };
  commission?: { code: string; dates: Array<[string, string, string]> };
  qualite: string | null;
  /** The convocation's own text (else the mission's). */
  texte?: string;
  /** Edited (printed) on. */
  editee: string;
}

const MISSIONS: readonly MissionDemo[] = [
  {
    academie: ACADEMIE_NANTES,
    numero: MISSIONS_NANTES[0],
    type: 'CORCOP',
    epreuve: 'C010',
    observation: 'Retrait des copies au centre le premier jour à 8 h 30, retour des copies corrigées le second jour avant 17 h.',
    dates: [[`${A}-06-17`, '08:30', '17:00'], [`${A}-06-18`, '08:30', '17:00']],
    qualite: 'Correcteur',
    editee: `${A}-05-20T10:00:00.000Z`,
  },
  {
    academie: ACADEMIE_NANTES,
    numero: MISSIONS_NANTES[1],
    type: 'INTORA',
    epreuve: '1-T004-1',
    observation: 'Grand oral : présentez-vous à la loge 30 minutes avant le début de la commission.',
    dates: [[`${A}-06-29`, '08:00', '18:00'], [`${A}-06-30`, '08:00', '18:00'], [`${A}-07-01`, '08:00', '12:00']],
    jury: { code: 'J44-02', libelle: "Jury d'oral de mathématiques" },
    commission: { code: 'C2', dates: [[`${A}-06-29`, '08:00', '12:00'], [`${A}-06-30`, '13:30', '18:00']] },
    qualite: 'Interrogateur',
    editee: `${A}-06-01T10:00:00.000Z`,
  },
  {
    academie: ACADEMIE_NANTES,
    numero: MISSIONS_NANTES[2],
    type: 'COMSUJ',
    epreuve: 'C010',
    observation: '',
    dates: [[`${A}-02-10`, '09:00', '17:00']],
    qualite: null,
    texte: 'Commission de choix des sujets de mathématiques, au rectorat de Nantes : les documents sont confidentiels et restent sur place.',
    editee: `${A}-01-19T10:00:00.000Z`,
  },
  {
    academie: '14',
    numero: MISSION_JURY_RENNES,
    type: 'INTORA',
    epreuve: '1-T004-1',
    observation: 'Grand oral : accueil des examinateurs en salle des professeurs.',
    dates: [[`${A}-06-22`, '08:00', '18:00'], [`${A}-06-23`, '08:00', '12:00']],
    jury: { code: 'J03', libelle: 'Jury de mathématiques' },
    qualite: 'Interrogateur',
    texte: 'Vous interrogez en salle B204 ; apportez votre grille d’évaluation du Grand oral.',
    editee: `${A}-05-28T10:00:00.000Z`,
  },
];

export async function chargerIntervenantMissions(trx: Transaction<DB>): Promise<{ missions: number; convocations: number }> {
  const compte = await trx.selectFrom('compte').select('personne_id').where('login', '=', LOGIN_INTERVENANT_MISSIONS).executeTakeFirst();
  if (!compte?.personne_id) return { missions: 0, convocations: 0 };
  const personneId = compte.personne_id;

  const session = await trx.selectFrom('session_examen').select('id').where('examen_code', '=', '470').where('code', '=', `${A}-06`).executeTakeFirstOrThrow();
  const specialite = await trx.selectFrom('specialite').select('id').where('examen_code', '=', '470').where('code', '=', 'BCG').executeTakeFirstOrThrow();
  const epreuves = await trx.selectFrom('epreuve_option').select(['id', 'code']).where('specialite_id', '=', specialite.id).execute();
  // The centres: the first lycée of each académie (the generated référentiel is the same at every load).
  const centre = async (academie: string) =>
    (await trx.selectFrom('etablissement').select('id').where('academie_code', '=', academie).where('type', 'in', ['LGT', 'LPO']).orderBy('uai').executeTakeFirstOrThrow()).id;
  const centres = new Map([[ACADEMIE_NANTES, await centre(ACADEMIE_NANTES)], ['14', await centre('14')]]);

  await trx
    .insertInto('qualite')
    .values([
      { academie_code: ACADEMIE_NANTES, libelle: 'Correcteur', santorin: true },
      { academie_code: ACADEMIE_NANTES, libelle: 'Interrogateur' },
    ])
    .onConflict((oc) => oc.columns(['academie_code', 'libelle']).doNothing())
    .execute();
  const qualites = await trx.selectFrom('qualite').select(['id', 'academie_code', 'libelle']).where('academie_code', 'in', [ACADEMIE_NANTES, '14']).execute();

  const creees: number[] = [];
  for (const d of MISSIONS) {
    const m = await trx
      .insertInto('mission')
      .values({
        academie_code: d.academie,
        numero: d.numero,
        session_examen_id: session.id,
        specialite_id: specialite.id,
        epreuve_option_id: epreuves.find((e) => e.code === d.epreuve)?.id ?? null,
        type_mission: d.type,
        centre_id: centres.get(d.academie)!,
        observation_defaut: d.observation,
        signataire: 'gestionnaire',
        ciblee_etablissement: true,
        cree_le: LE,
        modifie_le: LE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('mission_date').values(d.dates.map(([jour, heure_debut, heure_fin]) => ({ mission_id: m.id, jour, heure_debut, heure_fin }))).execute();
    const jury = d.jury ? await trx.insertInto('mission_jury').values({ mission_id: m.id, code: d.jury.code, libelle: d.jury.libelle }).returning('id').executeTakeFirstOrThrow() : null;
    let commission: { id: number } | null = null;
    if (d.commission) {
      commission = await trx.insertInto('commission').values({ mission_id: m.id, code: d.commission.code, nb_candidats: 24 }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('commission_date').values(d.commission.dates.map(([jour, heure_debut, heure_fin]) => ({ commission_id: commission!.id, jour, heure_debut, heure_fin }))).execute();
    }
    const qualite = d.qualite ? qualites.find((q) => q.academie_code === d.academie && q.libelle === d.qualite) : undefined;
    if (d.qualite && !qualite) throw new Error(`Démonstration : la qualité « ${d.qualite} » manque dans l'académie ${d.academie}.`);
    const c = await trx
      .insertInto('convocation')
      .values({
        academie_code: d.academie,
        mission_id: m.id,
        personne_id: personneId,
        qualite_id: qualite?.id ?? null,
        jury_id: jury?.id ?? null,
        commission_id: commission?.id ?? null,
        observation: d.texte ?? '',
        statut: 'convoquee',
        origine: 'gestionnaire',
        editee_le: d.editee,
        cree_le: LE,
        modifie_le: LE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    creees.push(c.id);
  }
  // His indisponibilités in Rennes for the Nantes convocations, as the application makes them.
  await synchroniserIndisponibilitesAutreAcademie(trx, creees);
  await trx
    .updateTable('indisponibilite')
    .set({ cree_le: sql<Date>`(date_debut + time '07:00') at time zone 'UTC'` })
    .where('convocation_id', 'in', creees)
    .execute();
  return { missions: MISSIONS.length, convocations: creees.length };
}
