// Loads the demo data set (generateur.ts) into a migrated database: référentiel, personnes and their
// teaching, examens and épreuves, demo accounts, welcome messages. One transaction, multi-row
// inserts in batches, so that scale 100 (an académie's size) loads in about a minute on PGlite.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { DB } from '../platform/db/tables.ts';
import { hacher } from '../platform/passwords.ts';
import { ADMIN_NATIONAL_DEMO, LOGINS_DEMO, MOT_DE_PASSE_CANDIDAT, MOTS_DE_PASSE, type TypeMotDePasse } from './comptes.ts';
import { CANDIDATS_PAR_ECHELLE, genererDemo, verifierEchelle } from './generateur.ts';
import { chargerImagin } from './charger-missions.ts';
import { chargerCandidats, collegesCandidats, genererCandidats } from './candidats.ts';
import { chargerDeliberation, controleEpreuve } from './deliberation.ts';
import { chargerClesOtp } from './cles-otp.ts';
import { chargerPortailJury } from './portail-jury.ts';
import { chargerConstatIcc } from './constat-icc.ts';
import { chargerIntervenantMissions } from './intervenant-missions.ts';
import { chargerIntervenantsHabilitations } from './intervenants-habilitations.ts';
import { chargerEnqueteDcs } from './enquete-dcs.ts';
import { chargerIntervenantPortail } from './intervenant-portail.ts';
import { chargerIndisponibilitesParImport, chargerPersonnesParLesImports } from './par-les-imports.ts';
import { chargerEtatsFrais } from './etats-frais.ts';
import type { DocumentStore } from '../platform/documents/store.ts';

export { comptesDemo, type CompteDemo } from './comptes.ts';
export { CANDIDATS_PAR_ECHELLE, ECHELLE_MAX, genererDemo } from './generateur.ts';

export interface RapportDemo {
  /** True when the database already held the demo: nothing was loaded. */
  dejaPresente: boolean;
  echelle: number;
  academies: number;
  etablissements: number;
  personnes: number;
  /** personne_etablissement rows (principal and secondary). */
  affectations: number;
  enseignements: number;
  examens: number;
  sessions: number;
  specialites: number;
  epreuves: number;
  comptes: number;
  messagesAccueil: number;
  /** CYCLADES candidates (issue 6): about CANDIDATS_PAR_ECHELLE × scale. */
  candidats: number;
  /** IMAG'IN (issue 4): missions, convocations, indisponibilités, compétences in Rennes and Toulouse. */
  missions: number;
  convocations: number;
  indisponibilites: number;
  competences: number;
}

/** The parametre row that marks a database holding the demo (with the scale it was loaded at). */
const MARQUEUR = { academie: '14', cle: 'demo.chargement' } as const;

// Serialises two loaders started at once against the same PostgreSQL server.
const VERROU_DEMO = 74_201_126;

const LOT = 1000;

type Executeur = Db | Transaction<DB>;

export async function demoPresente(db: Executeur): Promise<boolean> {
  const marqueur = await db
    .selectFrom('parametre')
    .select('cle')
    .where('academie_code', '=', MARQUEUR.academie)
    .where('cle', '=', MARQUEUR.cle)
    .executeTakeFirst();
  if (marqueur) return true;
  const compte = await db
    .selectFrom('compte')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['login']), 'in', LOGINS_DEMO.map((l) => l.toLowerCase())))
    .limit(1)
    .executeTakeFirst();
  return compte !== undefined;
}

function rapportVide(echelle: number): RapportDemo {
  return {
    dejaPresente: true,
    echelle,
    academies: 0,
    etablissements: 0,
    personnes: 0,
    affectations: 0,
    enseignements: 0,
    examens: 0,
    sessions: 0,
    specialites: 0,
    epreuves: 0,
    comptes: 0,
    messagesAccueil: 0,
    candidats: 0,
    missions: 0,
    convocations: 0,
    indisponibilites: 0,
    competences: 0,
  };
}

async function parLots<T>(lignes: readonly T[], inserer: (lot: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < lignes.length; i += LOT) await inserer(lignes.slice(i, i + LOT));
}

class DemoDejaChargee extends Error {}

/**
 * Loads the demo at the given scale (1 = a few dozen établissements and a few hundred personnes;
 * 100 ≈ 8,000 intervenants in Rennes). On a database that already holds it, loads nothing and
 * returns `dejaPresente: true`.
 */
export async function chargerDemo(db: Db, opts: { scale: number; log?: (msg: string) => void; store?: DocumentStore }): Promise<RapportDemo> {
  verifierEchelle(opts.scale);
  const log = opts.log ?? (() => {});
  if (await demoPresente(db)) {
    log("Les données de démonstration sont déjà présentes dans cette base : rien n'a été chargé.");
    return rapportVide(opts.scale);
  }

  log(`Génération des données de démonstration (échelle ${opts.scale})…`);
  const d = genererDemo(opts.scale);

  // Hashing is slow on purpose (argon2id): each distinct demo password is hashed once.
  const utilises = new Set(d.comptes.map((c) => c.motDePasse).filter((m): m is TypeMotDePasse => m !== null));
  const empreintes = new Map<TypeMotDePasse, string>();
  for (const m of utilises) empreintes.set(m, await hacher(MOTS_DE_PASSE[m]));

  const rapport: RapportDemo = { ...rapportVide(opts.scale), dejaPresente: false };
  try {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${VERROU_DEMO})`.execute(trx);
      if (await demoPresente(trx)) throw new DemoDejaChargee();

      log('Référentiel : académies, établissements, examens…');
      // Académies and examens may already exist (a référentiel import): they are kept as they are.
      await trx.insertInto('academie').values(d.academies).onConflict((oc) => oc.column('code').doNothing()).execute();
      rapport.academies = d.academies.length;

      await parLots(d.etablissements, (lot) => trx.insertInto('etablissement').values(lot).onConflict((oc) => oc.column('uai').doNothing()).execute());
      const etabId = new Map<string, number>();
      await parLots(d.etablissements, async (lot) => {
        const rows = await trx.selectFrom('etablissement').select(['id', 'uai']).where('uai', 'in', lot.map((e) => e.uai)).execute();
        for (const r of rows) etabId.set(r.uai, r.id);
      });
      rapport.etablissements = d.etablissements.length;

      await trx.insertInto('examen').values(d.examens).onConflict((oc) => oc.column('code').doNothing()).execute();
      rapport.examens = d.examens.length;
      await trx.insertInto('session_examen').values(d.sessions).onConflict((oc) => oc.columns(['examen_code', 'code']).doNothing()).execute();
      rapport.sessions = d.sessions.length;
      await trx
        .insertInto('specialite')
        .values(d.specialites.map((s) => ({ examen_code: s.examen, code: s.code, libelle: s.libelle })))
        .onConflict((oc) => oc.columns(['examen_code', 'code']).doNothing())
        .execute();
      const specialites = await trx.selectFrom('specialite').select(['id', 'examen_code', 'code']).execute();
      const specId = new Map(specialites.map((s) => [`${s.examen_code}/${s.code}`, s.id]));
      const epreuves = d.specialites.flatMap((s) =>
        s.epreuves.map((e) => ({
          specialite_id: specId.get(`${s.examen}/${s.code}`)!,
          code: e.code,
          libelle: e.libelle,
          coefficient: e.coefficient,
          nature: e.nature,
          domaine: e.domaine,
          facultative: e.facultative ?? false,
          ...controleEpreuve(s.examen, e),
        })),
      );
      await parLots(epreuves, (lot) => trx.insertInto('epreuve_option').values(lot).onConflict((oc) => oc.columns(['specialite_id', 'code']).doNothing()).execute());
      rapport.specialites = d.specialites.length;
      rapport.epreuves = epreuves.length;

      // Through the imports of « Imports de données » (EPP/SIRHEN, STS-WEB): par-les-imports.ts.
      log(`Personnes : ${d.personnes.length}, enseignements : ${d.enseignements.length} (par les imports des personnels et des enseignements)…`);
      const { personneId } = await chargerPersonnesParLesImports(trx, d, etabId, new Date('2026-01-05T09:00:00Z'));
      rapport.personnes = d.personnes.length;
      rapport.affectations = d.affectations.length;
      rapport.enseignements = d.enseignements.length;

      log(`Comptes : ${d.comptes.length}…`);
      const compteId = new Map<string, number>();
      // Fixed date rather than the clock: the demo is the same whenever it is loaded.
      const change = new Date(`2026-01-05T09:00:00Z`);
      await parLots(d.comptes, async (lot) => {
        const rows = await trx
          .insertInto('compte')
          .values(
            lot.map((c) => ({
              login: c.login,
              password_hash: c.motDePasse ? empreintes.get(c.motDePasse)! : null,
              mot_de_passe_temporaire: c.motDePasse === 'temporaire',
              email: c.email,
              type: c.type,
              personne_id: c.personne ? personneId.get(c.personne)! : null,
              mot_de_passe_change_le: c.motDePasse ? change : null,
            })),
          )
          .returning(['id', 'login'])
          .execute();
        for (const r of rows) compteId.set(r.login, r.id);
      });
      await parLots(d.comptes, (lot) =>
        trx
          .insertInto('role_attribution')
          .values(
            lot.map((c) => ({
              compte_id: compteId.get(c.login)!,
              role: c.attribution.role,
              academie_code: c.attribution.academie_code,
              etablissement_id: c.attribution.uai ? etabId.get(c.attribution.uai)! : null,
              personne_id: c.attribution.personne ? personneId.get(c.attribution.personne)! : null,
            })),
          )
          .execute(),
      );
      rapport.comptes = d.comptes.length;
      // The demo's administrator is also the national one (issue 13 §5, comptes.ts).
      const adminNational = compteId.get(ADMIN_NATIONAL_DEMO);
      if (adminNational !== undefined) await trx.updateTable('role_attribution').set({ national: true }).where('role', '=', 'administrateur').where('compte_id', '=', adminNational).execute();

      // An administrator's own message is never overwritten.
      await trx.insertInto('message_accueil').values(d.messages).onConflict((oc) => oc.columns(['academie_code', 'service']).doNothing()).execute();
      rapport.messagesAccueil = d.messages.length;

      log(`IMAG'IN : ${d.imagin.missions.length} missions, ${d.imagin.convocations.length} convocations, ${d.imagin.competences.length} compétences…`);
      // The indisponibilités known to EPP/SIRHEN come through their import (par-les-imports.ts).
      const indisponibilites = await chargerIndisponibilitesParImport(trx, d, d.imagin.indisponibilites, change);
      Object.assign(rapport, await chargerImagin(trx, { ...d.imagin, indisponibilites: indisponibilites.autres }, { etabId, personneId, compteId }));
      rapport.indisponibilites += indisponibilites.importees;

      // CYCLADES (issue 6): the pupils of 3e of the collèges that manage their candidates.
      const candidats = genererCandidats(collegesCandidats(d.etablissements), CANDIDATS_PAR_ECHELLE * opts.scale);
      log(`CYCLADES : ${candidats.candidatures.length} candidatures…`);
      rapport.candidats = (await chargerCandidats(trx, candidats, { etabId, hashCandidat: await hacher(MOT_DE_PASSE_CANDIDAT), maintenant: change })).candidats;
      // Bac Pro second group (issue 7): juries at état 140 in BREQUIGNY and LA PROMENADE.
      const deliberation = await chargerDeliberation(trx, { etabId });
      rapport.candidats += deliberation.candidats;
      // Portail Jury (issue 8): the académie's OTP keys and the JURY DE DELIBERATION mission of the BCP session.
      await chargerClesOtp(trx, { etabId });
      // Portail Jury (issue 8): juries at 210 for the président and vice-président (Cas 1) and Nantes' (Cas 2).
      const portail = await chargerPortailJury(trx, { etabId, empreintes });
      rapport.candidats += portail.candidats;
      rapport.personnes += portail.personnes;
      rapport.comptes += portail.comptes;
      // Constat de service fait and ICC (issue 14): LA PROMENADE's past missions of every pay mode, ICC declarations.
      const constat = await chargerConstatIcc(trx, { etabId });
      rapport.missions += constat.missions;
      rapport.convocations += constat.convocations;
      // Consultation missions (issue 15): prof.martin convoked by Nantes too (a tab per académie).
      const missionsIntervenant = await chargerIntervenantMissions(trx);
      rapport.missions += missionsIntervenant.missions;
      rapport.convocations += missionsIntervenant.convocations;
      // Portails (issue 15): SANTORIN states on prof.martin's corrections, the Rennes applications' addresses (demo target).
      const portail15 = await chargerIntervenantPortail(trx);
      rapport.missions += portail15.missions;
      rapport.convocations += portail15.convocations;
      // Service intervenant (issue 15): an EPS teacher, an IMSUJ person and an inspecteur général.
      const habilites = await chargerIntervenantsHabilitations(trx, { etabId, empreintes });
      rapport.personnes += habilites.personnes;
      rapport.comptes += habilites.comptes;
      rapport.enseignements += habilites.enseignements;
      // Enquête DCS (issue 15): the SIEC's lycée with DCG/DSCG classes, its DCS teachers, dec.siec, the survey open.
      const dcs = await chargerEnqueteDcs(trx, { empreintes });
      rapport.personnes += dcs.personnes;
      rapport.comptes += dcs.comptes;
      rapport.enseignements += dcs.enseignements;
      rapport.etablissements += 1;
      // États de frais (issue 16): prof.martin's frais of every pay mode, receipts in the document store, the gestionnaire's queue, a paid batch.
      const frais = await chargerEtatsFrais(trx, { store: opts.store ?? null });
      rapport.missions += frais.missions;
      rapport.convocations += frais.convocations;

      await trx
        .insertInto('parametre')
        .values({ academie_code: MARQUEUR.academie, cle: MARQUEUR.cle, valeur: JSON.stringify({ echelle: opts.scale, version: 1 }) })
        .execute();
    });
  } catch (err) {
    if (err instanceof DemoDejaChargee) {
      log("Les données de démonstration ont été chargées entre-temps par un autre processus : rien n'a été chargé.");
      return rapportVide(opts.scale);
    }
    throw err;
  }
  // Fresh statistics: PGlite runs no autovacuum, and the planner misjudges the lists on empty ones.
  await sql`analyze`.execute(db);
  log('Données de démonstration chargées.');
  return rapport;
}
