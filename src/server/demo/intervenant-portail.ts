// Demo of the intervenant's portals (issue 15, seed 004 §2.6; decision 0022). Paul MARTIN-DEMO
// (prof.martin) is convoked in Rennes to a correction (CORCOP, « A corriger dans SANTORIN »), a
// numérisation (NUMCOP, « A numériser dans SANTORIN ») and a commission académique EPS (EPSACA,
// CYCLADES), and by Nantes to a numérisation of his own; his Nantes correction 179201
// (intervenant-missions.ts) is « Service fait SANTORIN » for him. The Rennes administrator's
// addresses: SANTORIN, CYCLADES EPS, DELOS BNS and SANTORIN statistics point at the demo target the
// platform serves itself (/api/demo-cible/…, which verifies the token and shows « Jeton vérifié »),
// CYCLADES at an address that never answers (the console's message); Nantes has none (« son adresse
// n'a pas été renseignée »). Fixed numbers: two loads give the same rows.
import type { CodeApplication } from '../../domain/imagin/portails.ts';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import { synchroniserIndisponibilitesAutreAcademie } from '../imagin/convocation-effets.ts';
import { ANNEE_SESSION } from './donnees.ts';

/** The demo serves on http://localhost:3000 (npm start); on another address, the administrator changes them. */
export const ADRESSE_DEMO = 'http://localhost:3000';
export const MISSIONS_PORTAIL_DEMO = { correction: 147901, numerisation: 147902, commissionEps: 147903, numerisationNantes: 179204 } as const;
/** An address that never answers (RFC 2606 reserves .invalid). */
export const ADRESSE_INJOIGNABLE = 'http://cyclades.demo.invalid/commissions-eps';

const A = ANNEE_SESSION;
const LOGIN_INTERVENANT_MISSIONS = 'prof.martin';
const ACADEMIE_NANTES = '17';
/** His Nantes correction (intervenant-missions.ts), when it is there. */
const CORRECTION_NANTES = 179201;
const LE = new Date(`${A}-04-03T08:00:00.000Z`);

export const ADRESSES_DEMO: ReadonlyArray<[CodeApplication, string]> = [
  ['SANTORIN', `${ADRESSE_DEMO}/api/demo-cible/SANTORIN`],
  ['CYCLADES', ADRESSE_INJOIGNABLE],
  ['CYCLADES_EPS', `${ADRESSE_DEMO}/api/demo-cible/CYCLADES_EPS`],
  ['DELOS_BNS', `${ADRESSE_DEMO}/api/demo-cible/DELOS_BNS`],
  ['SANTORIN_STATS', `${ADRESSE_DEMO}/api/demo-cible/SANTORIN_STATS`],
];

export async function chargerIntervenantPortail(trx: Transaction<DB>): Promise<{ missions: number; convocations: number }> {
  await trx
    .insertInto('application_externe')
    .values(ADRESSES_DEMO.map(([application, url]) => ({ academie_code: '14', application, url, modifie_le: LE })))
    .onConflict((oc) => oc.columns(['academie_code', 'application']).doNothing())
    .execute();

  const compte = await trx.selectFrom('compte').select('personne_id').where('login', '=', LOGIN_INTERVENANT_MISSIONS).executeTakeFirst();
  if (!compte?.personne_id) return { missions: 0, convocations: 0 };
  const personneId = compte.personne_id;
  const session = await trx.selectFrom('session_examen').select('id').where('examen_code', '=', '470').where('code', '=', `${A}-06`).executeTakeFirstOrThrow();
  const specialite = await trx.selectFrom('specialite').select('id').where('examen_code', '=', '470').where('code', '=', 'BCG').executeTakeFirstOrThrow();
  const c010 = await trx.selectFrom('epreuve_option').select('id').where('specialite_id', '=', specialite.id).where('code', '=', 'C010').executeTakeFirst();
  const centre = async (academie: string) =>
    (await trx.selectFrom('etablissement').select('id').where('academie_code', '=', academie).where('type', 'in', ['LGT', 'LPO']).orderBy('uai').executeTakeFirstOrThrow()).id;
  const correcteur = await trx.selectFrom('qualite').select('id').where('academie_code', '=', '14').where('libelle', '=', 'Correcteur').executeTakeFirst();

  const missions: Array<{ academie: string; numero: number; type: string; jour: string; etat: 'a_corriger' | 'a_numeriser' | null }> = [
    { academie: '14', numero: MISSIONS_PORTAIL_DEMO.correction, type: 'CORCOP', jour: `${A}-06-19`, etat: 'a_corriger' },
    { academie: '14', numero: MISSIONS_PORTAIL_DEMO.numerisation, type: 'NUMCOP', jour: `${A}-06-16`, etat: 'a_numeriser' },
    { academie: '14', numero: MISSIONS_PORTAIL_DEMO.commissionEps, type: 'EPSACA', jour: `${A}-05-27`, etat: null },
    { academie: ACADEMIE_NANTES, numero: MISSIONS_PORTAIL_DEMO.numerisationNantes, type: 'NUMCOP', jour: `${A}-06-16`, etat: 'a_numeriser' },
  ];
  let n = 0;
  const autresAcademies: number[] = [];
  for (const d of missions) {
    const m = await trx
      .insertInto('mission')
      .values({
        academie_code: d.academie,
        numero: d.numero,
        session_examen_id: session.id,
        specialite_id: specialite.id,
        epreuve_option_id: d.type === 'EPSACA' ? null : (c010?.id ?? null),
        type_mission: d.type,
        centre_id: await centre(d.academie),
        signataire: 'gestionnaire',
        cree_le: LE,
        modifie_le: LE,
      })
      .onConflict((oc) => oc.columns(['academie_code', 'numero']).doNothing())
      .returning('id')
      .executeTakeFirst();
    // A generated mission already holds this number (large scales): this one is left out.
    if (!m) continue;
    n++;
    await trx.insertInto('mission_date').values({ mission_id: m.id, jour: d.jour, heure_debut: '08:00', heure_fin: '12:00' }).execute();
    const c = await trx
      .insertInto('convocation')
      .values({
        academie_code: d.academie,
        mission_id: m.id,
        personne_id: personneId,
        qualite_id: d.type === 'CORCOP' && d.academie === '14' ? (correcteur?.id ?? null) : null,
        statut: 'convoquee',
        origine: 'gestionnaire',
        editee_le: LE,
        cree_le: LE,
        modifie_le: LE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (d.academie !== '14') autresAcademies.push(c.id);
    if (d.etat) await trx.insertInto('santorin_etat').values({ academie_code: d.academie, mission_id: m.id, personne_id: null, etat: d.etat, importe_le: LE }).execute();
  }
  // His indisponibilités in Rennes for the Nantes convocation, as the application makes them.
  await synchroniserIndisponibilitesAutreAcademie(trx, autresAcademies);
  await trx
    .updateTable('indisponibilite')
    .set({ cree_le: sql<Date>`(date_debut + time '07:00') at time zone 'UTC'` })
    .where('convocation_id', 'in', autresAcademies.length ? autresAcademies : [0])
    .execute();
  // His own state on the Nantes correction: his lot is closed.
  const nantes = await trx.selectFrom('mission').select('id').where('academie_code', '=', ACADEMIE_NANTES).where('numero', '=', CORRECTION_NANTES).executeTakeFirst();
  if (nantes) {
    await trx.insertInto('santorin_etat').values([
      { academie_code: ACADEMIE_NANTES, mission_id: nantes.id, personne_id: null, etat: 'a_corriger', importe_le: LE },
      { academie_code: ACADEMIE_NANTES, mission_id: nantes.id, personne_id: personneId, etat: 'service_fait', importe_le: LE },
    ]).execute();
  }
  return { missions: n, convocations: n };
}
