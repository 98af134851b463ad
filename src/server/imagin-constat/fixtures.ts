// Test fixtures of the constat de service fait and the ICC: two centres in Rennes (LA PROMENADE, DU
// PARC) and one in Toulouse, missions of every pay mode around the test clock (15/06/2026), one
// correction dématérialisée and one concours (both outside the constat), convoked intervenants and
// their états de frais, BAC and BTS sessions with CYCLADES figures.
import { fixtureCompte, fixtureReferentiel } from '../testing/harness.ts';
import type { Platform } from '../server.ts';
import { fixerStatutFrais } from '../imagin-frais/etat-frais.repo.ts';

export async function fixtureConstat(p: Platform) {
  const db = p.ctx.db;
  const etabs = await fixtureReferentiel(p);
  await db.updateTable('etablissement').set({ est_centre_examen: true }).where('id', '=', etabs.college).execute();
  await db
    .insertInto('examen')
    .values([
      { code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
      { code: '43A', sigle: 'EA-BTN', libelle: 'EPREUVES ANTICIPEES DU BACCALAUREAT TECHNOLOGIQUE' },
      { code: '320', sigle: 'BTS', libelle: 'TOUS LES BTS' },
      { code: '3XE', sigle: 'CAGE', libelle: 'BANQUE POLYTECHNIQUE ENS' },
    ])
    .execute();
  const ss = await db
    .insertInto('session_examen')
    .values([
      { examen_code: '470', code: '2026-06', libelle: 'BGT 2026', annee: 2026 },
      { examen_code: '470', code: '2025-06', libelle: 'BGT 2025', annee: 2025 },
      { examen_code: '43A', code: '2026', libelle: 'EA 2026', annee: 2026 },
      { examen_code: '320', code: '2026-06', libelle: 'BTS 2026', annee: 2026 },
      { examen_code: '3XE', code: '2026-04', libelle: 'CGE2026-04', annee: 2026 },
    ])
    .returning(['id', 'examen_code', 'code'])
    .execute();
  const se = (x: string, c: string) => ss.find((s) => s.examen_code === x && s.code === c)!.id;
  const sp = (
    await db
      .insertInto('specialite')
      .values([
        { examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
        { examen_code: '3XE', code: 'ENSPOLY', libelle: 'BANQUE POLYTECHNIQUE ENS' },
      ])
      .returning(['id', 'examen_code'])
      .execute()
  ).find((s) => s.examen_code === '470')!.id;
  const ep = await db
    .insertInto('epreuve_option')
    .values([
      { specialite_id: sp, code: 'C010', libelle: 'Mathématiques', nature: 'ecrite' },
      { specialite_id: sp, code: '1-T020-3', libelle: 'Epreuves orales de contrôle', nature: 'orale' },
    ])
    .returning(['id', 'code'])
    .execute();
  const epreuve = (c: string) => ep.find((e) => e.code === c)!.id;
  await db
    .insertInto('type_mission')
    .values([
      { code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' },
      { code: 'ORAL2', libelle: 'Oral 2nd groupe', mode_remuneration: 'candidats' },
      { code: 'PRATIQUE', libelle: 'épreuve pratique', mode_remuneration: 'demi_journees' },
      { code: 'SURV', libelle: 'SURVEILLANCE', mode_remuneration: 'heures' },
      { code: 'JURY', libelle: 'JURY DE DELIBERATION', mode_remuneration: 'gestionnaire' },
      { code: 'CEC', libelle: 'Correction EC', mode_remuneration: 'santorin', ouverte_sans_ciblage: true, correction_dematerialisee: true },
    ])
    .execute();

  let numero = 150_000;
  const mission = async (v: { type: string; jours: string[]; centre?: number; academie?: string; session?: number; epreuve?: number | null }) => {
    const m = await db
      .insertInto('mission')
      .values({
        academie_code: v.academie ?? '14',
        numero: ++numero,
        session_examen_id: v.session ?? se('470', '2026-06'),
        specialite_id: sp,
        epreuve_option_id: v.epreuve === undefined ? epreuve('C010') : v.epreuve,
        type_mission: v.type,
        centre_id: v.centre ?? etabs.lycee,
      })
      .returning(['id', 'numero'])
      .executeTakeFirstOrThrow();
    await db.insertInto('mission_date').values(v.jours.map((jour) => ({ mission_id: m.id, jour, heure_debut: '08:00', heure_fin: '17:00' }))).execute();
    return m.id;
  };
  const missions = {
    copies: await mission({ type: 'CORCOP', jours: ['2026-06-10'] }),
    oral2: await mission({ type: 'ORAL2', jours: ['2026-06-12'], epreuve: epreuve('1-T020-3') }),
    pratique: await mission({ type: 'PRATIQUE', jours: ['2026-06-14', '2026-06-15', '2026-06-16'], epreuve: null }),
    surveillance: await mission({ type: 'SURV', jours: ['2026-06-08'], epreuve: null }),
    jury: await mission({ type: 'JURY', jours: ['2026-06-11'], epreuve: null }),
    future: await mission({ type: 'CORCOP', jours: ['2026-06-25'] }),
    cec: await mission({ type: 'CEC', jours: ['2026-06-09'] }),
    concours: await mission({ type: 'CORCOP', jours: ['2026-04-10'], session: se('3XE', '2026-04'), epreuve: null }),
    ancienne: await mission({ type: 'CORCOP', jours: ['2025-06-10'], session: se('470', '2025-06') }),
    autreCentre: await mission({ type: 'CORCOP', jours: ['2026-06-10'], centre: etabs.college }),
    toulouse: await mission({ type: 'CORCOP', jours: ['2026-06-10'], centre: etabs.toulouse, academie: '16' }),
    ea: await mission({ type: 'SURV', jours: ['2026-06-11'], session: se('43A', '2026'), epreuve: null }),
  };
  const commission = (await db.insertInto('commission').values({ mission_id: missions.oral2, code: 'COM1', nb_candidats: 9 }).returning('id').executeTakeFirstOrThrow()).id;

  const personne = async (nom: string, prenom: string, academie = '14', etab: number = etabs.lycee) => {
    const id = (await db.insertInto('personne').values({ academie_code: academie, civilite: 'Mme', nom, prenom, discipline_poste: 'MATHEMATIQUES', tel_perso: '0601020304' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('personne_etablissement').values({ personne_id: id, etablissement_id: etab, principal: true }).execute();
    return id;
  };
  const personnes = {
    alice: await personne('ALICE-CSF', 'Anne'),
    bruno: await personne('BRUNO-CSF', 'Bruno'),
    chloe: await personne('CHLOE-CSF', 'Chloé', '14', etabs.college),
    denis: await personne('DENIS-CSF', 'Denis', '16', etabs.toulouse),
    roberta: await personne('COULEAU DUPONT-A', 'ROBERTA-A'),
  };
  const convoquer = async (missionId: number, personneId: number, o: { commission?: number; academie?: string } = {}) =>
    (
      await db
        .insertInto('convocation')
        .values({ academie_code: o.academie ?? '14', mission_id: missionId, personne_id: personneId, origine: 'gestionnaire', commission_id: o.commission ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const convocations = {
    copiesAlice: await convoquer(missions.copies, personnes.alice),
    copiesBruno: await convoquer(missions.copies, personnes.bruno),
    copiesChloe: await convoquer(missions.copies, personnes.chloe),
    oral2Alice: await convoquer(missions.oral2, personnes.alice, { commission }),
    pratiqueBruno: await convoquer(missions.pratique, personnes.bruno),
    survChloe: await convoquer(missions.surveillance, personnes.chloe),
    futureAlice: await convoquer(missions.future, personnes.alice),
    autreCentreAlice: await convoquer(missions.autreCentre, personnes.alice),
    toulouseDenis: await convoquer(missions.toulouse, personnes.denis, { academie: '16' }),
  };
  // Alice's frais on the copies is being entered; Bruno's was validated by the gestionnaire (frozen).
  const frais = {
    alice: await fixerStatutFrais(db, convocations.copiesAlice, 'non_valide'),
    bruno: await fixerStatutFrais(db, convocations.copiesBruno, 'valide_gestionnaire'),
  };

  await db
    .insertInto('icc_donnees_cyclades')
    .values([
      { session_examen_id: se('43A', '2026'), etablissement_id: etabs.lycee, periode: 'normale', date_debut: '2026-06-15', journees_1: 60, journees_2: 0, journees_3: 0 },
      { session_examen_id: se('320', '2026-06'), etablissement_id: etabs.lycee, periode: 'normale', date_debut: '2026-05-12', journees_1: 20, journees_2: 10, journees_3: 0 },
    ])
    .execute();

  const comptes = {
    lycee: await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee }),
    college: await fixtureCompte(p, { login: 'ce.0350711h', role: 'chef_etablissement', etablissementId: etabs.college }),
    toulouse: await fixtureCompte(p, { login: 'ce.0120006s', role: 'chef_etablissement', etablissementId: etabs.toulouse, academie: '16' }),
    decRennes: await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire' }),
    decToulouse: await fixtureCompte(p, { login: 'dec.toulouse', role: 'gestionnaire', academie: '16' }),
  };
  return { etabs, sessions: { bcg2026: se('470', '2026-06'), bcg2025: se('470', '2025-06'), ea2026: se('43A', '2026'), bts2026: se('320', '2026-06'), concours: se('3XE', '2026-04') }, missions, personnes, convocations, frais, comptes };
}
