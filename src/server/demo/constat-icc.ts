// The demo of the constat de service fait and the indemnités des chefs de centre (issue 14, seed 003
// §4.3, §4.5), in LGT LA PROMENADE (0350710G, Rennes): past missions of every pay mode (copies, oral
// incl. an oral du 2nd groupe of the bac général, half-days, hours), a correction dématérialisée (not
// listed), a mission already constatée, an intervenant whose frais the gestionnaire validated (row
// read-only); ICC sessions: the seed's example figures on EA-BTN (CYCLADES: 15/06, 6,0 days), a
// transmitted BCG declaration with the seed's three lines, a BTS session pre-filled by the gestionnaire
// and a validated BCP declaration of the previous year. Fixed numbers the guide and the e2e name.
import { Readable } from 'node:stream';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import { ANNEE_SESSION, UAI_LYCEE_RENNES } from './donnees.ts';
import { fixerStatutFrais } from '../imagin-frais/etat-frais.repo.ts';
import { appliquerFichierDansTransaction } from '../imports/imports.traitement.ts';
import { importCycladesIcc } from '../imports/genres/cyclades-icc.ts';

export const MISSIONS_CONSTAT_DEMO = {
  /** CORRECTION DE COPIES, BCG, past: 4 convoked; one's frais validated by the gestionnaire (row read-only). */
  copies: 145001,
  /** Oral 2nd groupe, BCG, past: the number of candidates is required when « Service fait ». */
  oral2: 145002,
  /** épreuve pratique (paid by the half-day), past: « Détails Constat Service Fait ». */
  pratique: 145003,
  /** SURVEILLANCE (aide au déroulement), past: hours. */
  surveillance: 145004,
  /** Correction EC (dematerialised): never listed by the constat. */
  correctionEc: 145005,
  /** CORRECTION DE COPIES already constatée by the centre (hidden by « Masquer les missions déjà constatées »). */
  constatee: 145006,
  /** INTERROGATION ORALE, BTS, past. */
  oralBts: 145007,
} as const;

const A = ANNEE_SESSION;
// Fixed time stamps rather than the clock: the demo is the same whenever it is loaded.
const CONVOQUE_LE = new Date(`${A}-05-02T08:00:00Z`);

/** CYCLADES' figures of the demo lycée for the ICC, as the import « Données CYCLADES de l'ICC » reads them (docs/imports/cyclades-icc.md). */
export const FICHIER_ICC_DEMO = [
  'UAI;EXAMEN;SESSION;PERIODE;DATE_DEBUT;JOURNEES_1;JOURNEES_2;JOURNEES_3',
  `${UAI_LYCEE_RENNES};43A;${A}-06;NORMALE;15/06/${A};6,0;0,0;0,0`,
  `${UAI_LYCEE_RENNES};470;${A}-06;NORMALE;15/06/${A};6,0;1,0;0,0`,
  `${UAI_LYCEE_RENNES};320;${A}-06;NORMALE;12/05/${A};2,0;1,5;1,0`,
].join('\r\n');

export async function chargerConstatIcc(trx: Transaction<DB>, o: { etabId: Map<string, number> }): Promise<{ missions: number; convocations: number; declarations: number }> {
  const lycee = o.etabId.get(UAI_LYCEE_RENNES)!;
  const session = async (examen: string, code: string) => (await trx.selectFrom('session_examen').select('id').where('examen_code', '=', examen).where('code', '=', code).executeTakeFirstOrThrow()).id;
  const s470 = await session('470', `${A}-06`);
  const s43A = await session('43A', `${A}-06`);
  const s320 = await session('320', `${A}-06`);
  // The previous year's BCP session, for a declaration already validated.
  await trx.insertInto('session_examen').values({ examen_code: '400', code: `${A - 1}-06`, libelle: `BCP JUIN ${A - 1}`, annee: A - 1 }).onConflict((oc) => oc.columns(['examen_code', 'code']).doNothing()).execute();
  const s400 = await session('400', `${A - 1}-06`);

  const epreuve = async (examen: string, nature: 'ecrite' | 'orale') =>
    (
      await trx
        .selectFrom('epreuve_option as eo')
        .innerJoin('specialite as sp', 'sp.id', 'eo.specialite_id')
        .select(['eo.id', 'sp.id as specialite_id'])
        .where('sp.examen_code', '=', examen)
        .where('eo.nature', '=', nature)
        .orderBy('eo.id')
        .executeTakeFirst()
    ) ?? null;
  const ecrit = await epreuve('470', 'ecrite');
  const oral = await epreuve('470', 'orale');
  const oralBts = await epreuve('320', 'orale');

  // The personnels of LA PROMENADE, by name (stable whatever the scale).
  const personnes = (
    await trx
      .selectFrom('personne as p')
      .innerJoin('personne_etablissement as pe', 'pe.personne_id', 'p.id')
      .select('p.id')
      .where('pe.etablissement_id', '=', lycee)
      .where('pe.principal', '=', true)
      .orderBy('p.nom')
      .orderBy('p.id')
      .limit(12)
      .execute()
  ).map((x) => x.id);
  const pers = (i: number) => personnes[i % personnes.length]!;

  const mission = async (numero: number, type: string, sessionId: number, e: { id: number; specialite_id: number } | null, jours: string[]) => {
    const m = await trx
      .insertInto('mission')
      .values({ academie_code: '14', numero, session_examen_id: sessionId, specialite_id: e?.specialite_id ?? null, epreuve_option_id: e?.id ?? null, type_mission: type, centre_id: lycee, signataire: 'chef_centre' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('mission_date').values(jours.map((jour) => ({ mission_id: m.id, jour, heure_debut: '08:00', heure_fin: '18:00' }))).execute();
    return m.id;
  };
  const N = MISSIONS_CONSTAT_DEMO;
  const ids = {
    copies: await mission(N.copies, 'CORCOP', s470, ecrit, [`${A}-06-17`, `${A}-06-18`]),
    oral2: await mission(N.oral2, 'ORAL2', s470, oral, [`${A}-07-07`, `${A}-07-08`]),
    pratique: await mission(N.pratique, 'PRATIQUE', s470, null, [`${A}-06-10`, `${A}-06-11`]),
    surveillance: await mission(N.surveillance, 'SURV', s470, null, [`${A}-06-15`]),
    correctionEc: await mission(N.correctionEc, 'CEC', s470, ecrit, [`${A}-06-20`]),
    constatee: await mission(N.constatee, 'CORCOP', s470, ecrit, [`${A}-06-19`]),
    oralBts: await mission(N.oralBts, 'INTORA', s320, oralBts, [`${A}-05-20`]),
  };
  const commission = (await trx.insertInto('commission').values({ mission_id: ids.oral2, code: 'COM1', nb_candidats: 14 }).returning('id').executeTakeFirstOrThrow()).id;

  const convoquer = async (missionId: number, personneId: number, commissionId: number | null = null) =>
    (
      await trx
        .insertInto('convocation')
        .values({ academie_code: '14', mission_id: missionId, personne_id: personneId, origine: 'gestionnaire', commission_id: commissionId, cree_le: CONVOQUE_LE, modifie_le: CONVOQUE_LE })
        .onConflict((oc) => oc.columns(['mission_id', 'personne_id']).doNothing())
        .returning('id')
        .executeTakeFirst()
    )?.id;
  let convocations = 0;
  const compteGestion = (await trx.selectFrom('compte').select('id').where('login', '=', 'dec.rennes').executeTakeFirst())?.id ?? null;
  const compteCentre = (await trx.selectFrom('compte').select('id').where(sql<boolean>`lower(login) = ${`ce.${UAI_LYCEE_RENNES.toLowerCase()}`}`).executeTakeFirst())?.id ?? null;
  const le = new Date(`${A}-06-25T10:00:00Z`);

  for (let i = 0; i < 4; i++) {
    const c = await convoquer(ids.copies, pers(i));
    if (!c) continue;
    convocations++;
    if (i === 0) await fixerStatutFrais(trx, c, 'non_valide');
    if (i === 1) {
      // Constat by the centre, then the frais validated by the gestionnaire: « Traité par le gestionnaire ».
      await trx.updateTable('convocation').set({ service_fait: 'fait', csf_nb_copies: 24, csf_version: 1, csf_par: 'centre', csf_compte_id: compteCentre, csf_le: le }).where('id', '=', c).execute();
      await fixerStatutFrais(trx, c, 'valide_gestionnaire');
    }
  }
  for (let i = 4; i < 7; i++) if (await convoquer(ids.oral2, pers(i), commission)) convocations++;
  for (let i = 7; i < 9; i++) {
    const c = await convoquer(ids.pratique, pers(i));
    if (!c) continue;
    convocations++;
    if (i === 7) {
      await trx.insertInto('constat_horaire').values({ convocation_id: c, jour: `${A}-06-10`, debut_matin: '08:00', fin_matin: '12:00', debut_apres_midi: '13:30', fin_apres_midi: '17:00' }).execute();
      await trx.updateTable('convocation').set({ csf_heures_centiemes: 750, csf_version: 1, csf_par: 'centre', csf_compte_id: compteCentre, csf_le: le }).where('id', '=', c).execute();
    }
  }
  for (let i = 9; i < 12; i++) if (await convoquer(ids.surveillance, pers(i))) convocations++;
  if (await convoquer(ids.correctionEc, pers(0))) convocations++;
  for (let i = 2; i < 4; i++) {
    const c = await convoquer(ids.constatee, pers(i));
    if (!c) continue;
    convocations++;
    await trx.updateTable('convocation').set({ service_fait: 'fait', csf_nb_copies: 30 + i, csf_version: 1, csf_par: 'centre', csf_compte_id: compteCentre, csf_le: le }).where('id', '=', c).execute();
  }
  for (let i = 5; i < 7; i++) if (await convoquer(ids.oralBts, pers(i))) convocations++;

  // ICC. CYCLADES' figures (the seed's example: first day 15/06, 6,0 days ≤ 600, 0,0 > 600), through
  // the import « Données CYCLADES de l'ICC » as the gestionnaire would give them (decision 0039).
  await appliquerFichierDansTransaction(trx, importCycladesIcc, { academieCode: '14', academieLibelle: 'Rennes', traitementId: 'demo', le }, Readable.from([Buffer.from(FICHIER_ICC_DEMO, 'utf8')]));
  const declaration = async (v: { session: number; montant: number; journees: [number, number, number]; date: string; statut: 'non_transmis' | 'transmis'; prerempli: boolean; lignes: Array<[number, number | null, number, 'a_traiter' | 'valide']> }) => {
    const d = await trx
      .insertInto('icc_declaration')
      .values({
        academie_code: '14',
        session_examen_id: v.session,
        etablissement_id: lycee,
        periode: 'normale',
        date_debut: v.date,
        journees_1: v.journees[0],
        journees_2: v.journees[1],
        journees_3: v.journees[2],
        montant_centimes: v.montant,
        prerempli_gestionnaire: v.prerempli,
        statut_saisie: v.statut,
        version: 1,
        modifie_par: v.prerempli ? compteGestion : compteCentre,
        modifie_le: le,
        transmis_le: v.statut === 'transmis' ? le : null,
        transmis_par: v.statut === 'transmis' ? compteCentre : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (v.lignes.length)
      await trx
        .insertInto('icc_repartition')
        .values(v.lignes.map(([personne_id, pourcentage_dixiemes, montant_centimes, statut]) => ({ declaration_id: d.id, personne_id, pourcentage_dixiemes, montant_centimes, statut, traite_par: statut === 'valide' ? compteGestion : null, traite_le: statut === 'valide' ? le : null })))
        .execute();
  };
  // BCG: 6 days ≤ 600 and 1 day > 600 = 1 268,00 €; 5,5 % = 69,74 € twice and 250,00 € (the seed's lines). Transmitted.
  await declaration({ session: s470, montant: 126_800, journees: [60, 10, 0], date: `${A}-06-15`, statut: 'transmis', prerempli: false, lignes: [[pers(0), 55, 6_974, 'a_traiter'], [pers(1), null, 25_000, 'a_traiter'], [pers(2), 55, 6_974, 'a_traiter']] });
  // BTS: pre-filled by the gestionnaire (2,0 × 50 + 1,5 × 80 + 1,0 × 150 = 370,00 €): the centre only distributes.
  await declaration({ session: s320, montant: 37_000, journees: [20, 15, 10], date: `${A}-05-12`, statut: 'non_transmis', prerempli: true, lignes: [] });
  // BCP of the previous year: transmitted, every line validated (« Validé »).
  await declaration({ session: s400, montant: 86_500, journees: [50, 0, 0], date: `${A - 1}-06-16`, statut: 'transmis', prerempli: false, lignes: [[pers(3), 1000, 86_500, 'valide']] });
  return { missions: Object.keys(ids).length, convocations, declarations: 3 };
}
