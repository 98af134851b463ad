// Benchmark of the chef de centre de délibération (issue 7, seed 001), through the HTTP API:
// 1. « Générer le plan de secours » for a centre deliberating 30 juries with 1,500 candidates admissible
//    to the contrôle (and as many admitted after the first group), until the treatment ends: the ZIP
//    with one PVI page per admissible candidate and the 30 papillons (passwords hashed with the
//    production argon2id parameters). Target: < 10 s (the seed's took 6 s for 3 juries).
// 2. The synthetic view (« Ouvrir la délibération », « Terminer l'épreuve de contrôle ») on an
//    académie-sized dataset: 100 other centres with 6 juries each and 15 candidates per jury, besides
//    the bench centre. Target: < 100 ms of server time (fastify inject, median and p95 of 30 calls).
// 3. (issue 18 §12) The plan de secours run again, alternately with raw pdfkit writing the same pages
//    (bench/support/pdfkit-brut.ts): medians and their ratio, target ≤ 2.
// Run with `node bench/cyclades-deliberation.bench.ts` (or `npm run bench -- deliberation`); one JSON line on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { hacher } from '../src/server/platform/passwords.ts';
import { startPlatform } from '../src/server/server.ts';
import { lireZip } from '../src/server/testing/documents.ts';
import { comparer, ecrireBrut, modeleDepuisPdf, type Comparaison } from './support/pdfkit-brut.ts';

const JURYS = Number(process.env.BENCH_JURYS ?? 30);
const ADMISSIBLES_PAR_JURY = Math.round(Number(process.env.BENCH_ADMISSIBLES ?? 1500) / JURYS);
const ADMIS_PAR_JURY = ADMISSIBLES_PAR_JURY;
const AUTRES_CENTRES = 100;
const JURYS_PAR_AUTRE_CENTRE = 6;
const CANDIDATS_PAR_AUTRE_JURY = 15;
const CIBLE_PLAN_MS = 10_000;
const CIBLE_SYNTHESE_MS = 100;
/** Rounds of the plan de secours against raw pdfkit (after one unmeasured of each), and the target ratio. */
const TOURS = Number(process.env.BENCH_TOURS ?? 3);
const CIBLE_RAPPORT = 2;
const LOGIN = 'ce.0350059z';
const MOT_DE_PASSE = 'Bench-Deliberation-2026!';

// A Commerce-like spécialité: professional épreuves, general ones (some replaceable by an oral), the two orals.
const EPREUVES = [
  { code: 'E11', libelle: 'ECONOMIE-DROIT', coefficient: 1, domaine: 'general', controle: 'scientifique' },
  { code: 'E12', libelle: 'MATHEMATIQUES', coefficient: 1, domaine: 'general', controle: 'scientifique' },
  { code: 'E13', libelle: 'PREVENTION SANTE ENVIRONNEMENT', coefficient: 1, domaine: 'general', controle: 'scientifique' },
  { code: 'E2', libelle: 'ANALYSE ET RESOLUTION DE SITUATIONS PROFESSIONNELLES', coefficient: 5, domaine: 'professionnel', controle: null },
  { code: 'E31', libelle: 'CONSEIL ET VENTE', coefficient: 5, domaine: 'professionnel', controle: null },
  { code: 'E32', libelle: 'SUIVI DES VENTES', coefficient: 4, domaine: 'professionnel', controle: null },
  { code: 'E33', libelle: 'FIDELISATION DE LA CLIENTELE ET DEVELOPPEMENT DE LA RELATION CLIENT', coefficient: 4, domaine: 'professionnel', controle: null },
  { code: 'E41', libelle: 'LANGUE VIVANTE A', coefficient: 2, domaine: 'general', controle: null },
  { code: 'E42', libelle: 'LANGUE VIVANTE B', coefficient: 2, domaine: 'general', controle: null },
  { code: 'E51', libelle: 'FRANCAIS', coefficient: 2.5, domaine: 'general', controle: 'francais_hg' },
  { code: 'E52', libelle: 'HISTOIRE-GEOGRAPHIE ET ENSEIGNEMENT MORAL ET CIVIQUE', coefficient: 2.5, domaine: 'general', controle: 'francais_hg' },
  { code: 'E6', libelle: 'ARTS APPLIQUES ET CULTURES ARTISTIQUES', coefficient: 1, domaine: 'general', controle: null },
  { code: 'E7', libelle: 'EDUCATION PHYSIQUE ET SPORTIVE', coefficient: 1, domaine: 'general', controle: null },
] as const;
const NOMS = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL', 'LEFÈVRE', 'LEROY', 'LE GOFF'];
const PRENOMS = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Noé', 'Jade', 'Théo', 'Maëlle', 'Arthur'];

const dataDir = mkdtempSync(join(tmpdir(), 'bench-deliberation-'));
const database = await openDatabase({ dataDir });
const log = (m: string) => console.error(m);
const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

try {
  await migrateToLatest(database.db);
  const db = database.db;
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).onConflict((oc) => oc.doNothing()).execute();
  await db.insertInto('examen').values({ code: '400', sigle: 'BCP', libelle: 'BACCALAUREAT PROFESSIONNEL' }).onConflict((oc) => oc.doNothing()).execute();
  const session = await db.insertInto('session_examen').values({ examen_code: '400', code: '2026-06', libelle: 'BCP JUIN 2026', annee: 2026 }).returning('id').executeTakeFirstOrThrow();
  const specialite = await db.insertInto('specialite').values({ examen_code: '400', code: '31202', libelle: 'Commerce' }).returning('id').executeTakeFirstOrThrow();
  const epreuves = await db
    .insertInto('epreuve_option')
    .values([
      ...EPREUVES.map((e) => ({ specialite_id: specialite.id, code: e.code, libelle: e.libelle, coefficient: e.coefficient, nature: 'ecrite' as const, domaine: e.domaine, controle: e.controle })),
      { specialite_id: specialite.id, code: 'ECT1', libelle: 'épr. Scientifique et Technique', coefficient: 0, nature: 'orale' as const, domaine: null, est_controle: 'scientifique' as const },
      { specialite_id: specialite.id, code: 'ECT2', libelle: 'épr. Français et Histoire Géographie', coefficient: 0, nature: 'orale' as const, domaine: null, est_controle: 'francais_hg' as const },
    ])
    .returning(['id', 'code'])
    .execute();
  const idEpreuve = new Map(epreuves.map((e) => [e.code, e.id]));

  const centres = await db
    .insertInto('etablissement')
    .values([
      { uai: '0350059Z', academie_code: '14', nom: 'BREQUIGNY', type: 'LPO' as const, commune: 'RENNES CEDEX 2', est_centre_examen: true, est_centre_deliberation: true },
      ...Array.from({ length: AUTRES_CENTRES }, (_, i) => ({ uai: `035${String(1000 + i).padStart(4, '0')}K`, academie_code: '14', nom: `LYCEE ${i}`, type: 'LP' as const, commune: 'RENNES', est_centre_deliberation: true })),
    ])
    .returning(['id', 'uai'])
    .execute();
  const centre = centres[0]!;
  const compte = await db.insertInto('compte').values({ login: LOGIN, password_hash: await hacher(MOT_DE_PASSE), mot_de_passe_temporaire: false, email: `${LOGIN}@ac-rennes.fr`, type: 'agent' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('role_attribution').values({ compte_id: compte.id, role: 'chef_etablissement', academie_code: '14', etablissement_id: centre.id, personne_id: null }).execute();

  // The juries: the bench centre's 30 at 200, the académie's others in every état.
  const ETATS = [140, 198, 200, 210, 211, 214] as const;
  const jurys = await db
    .insertInto('jury')
    .values([
      ...Array.from({ length: JURYS }, (_, i) => ({ academie_code: '14', session_examen_id: session.id, numero: String(40000 + i), specialite_id: specialite.id, centre_deliberation_id: centre.id, groupe_decision: '11', etat: 200 as const })),
      ...centres.slice(1).flatMap((c, k) =>
        Array.from({ length: JURYS_PAR_AUTRE_CENTRE }, (_, i) => ({
          academie_code: '14',
          session_examen_id: session.id,
          numero: String(50000 + k * JURYS_PAR_AUTRE_CENTRE + i),
          specialite_id: specialite.id,
          centre_deliberation_id: c.id,
          groupe_decision: String(20 + k),
          etat: ETATS[(k + i) % ETATS.length]!,
        })),
      ),
    ])
    .returning(['id', 'centre_deliberation_id'])
    .execute();

  // Candidates: per bench jury, ADMISSIBLES_PAR_JURY admissible (professional 11,50, general 7,00:
  // average 9,53) and ADMIS_PAR_JURY admitted (13,00 everywhere); per other jury, candidatures only.
  let n = 0;
  for (const j of jurys) {
    const duCentre = j.centre_deliberation_id === centre.id;
    const nombre = duCentre ? ADMISSIBLES_PAR_JURY + ADMIS_PAR_JURY : CANDIDATS_PAR_AUTRE_JURY;
    const candidats = await db
      .insertInto('candidat')
      .values(Array.from({ length: nombre }, (_, k) => ({ academie_code: '14', ine: null, civilite: 'M.' as const, nom: NOMS[(n + k) % NOMS.length]!, prenom: PRENOMS[(n + k) % PRENOMS.length]!, date_naissance: '2008-05-04' })))
      .returning('id')
      .execute();
    const candidatures = await db
      .insertInto('candidature')
      .values(
        candidats.map((c, k) => ({
          candidat_id: c.id,
          session_examen_id: session.id,
          academie_code: '14',
          etablissement_id: j.centre_deliberation_id,
          numero_candidat: `0195${String(1_000_000 + n + k).padStart(7, '0')} - ${String(k + 1).padStart(3, '0')}`,
          etat: 'inscrit' as const,
          email: null,
          specialite_id: specialite.id,
          jury_id: j.id,
          centre_controle_id: centre.id,
        })),
      )
      .returning('id')
      .execute();
    n += nombre;
    if (!duCentre) continue;
    const notes = candidatures.flatMap((c, k) =>
      EPREUVES.map((e) => ({ candidature_id: c.id, epreuve_option_id: idEpreuve.get(e.code)!, groupe: 1 as const, statut: 'note' as const, valeur: k < ADMISSIBLES_PAR_JURY ? (e.domaine === 'professionnel' ? 11.5 : 7) : 13 })),
    );
    for (let i = 0; i < notes.length; i += 2000) await db.insertInto('note').values(notes.slice(i, i + 2000)).execute();
    const inscrites = candidatures.flatMap((c) => EPREUVES.map((e) => ({ candidature_id: c.id, epreuve_option_id: idEpreuve.get(e.code)! })));
    for (let i = 0; i < inscrites.length; i += 2000) await db.insertInto('candidature_epreuve').values(inscrites.slice(i, i + 2000)).execute();
    await db
      .insertInto('choix_controle')
      .values(
        candidatures.flatMap((c) => [
          { candidature_id: c.id, epreuve_controle_id: idEpreuve.get('ECT1')!, epreuve_remplacee_id: idEpreuve.get('E12')! },
          { candidature_id: c.id, epreuve_controle_id: idEpreuve.get('ECT2')!, epreuve_remplacee_id: idEpreuve.get('E51')! },
        ]),
      )
      .execute();
  }
  await sql`analyze`.execute(db);
  log(`${jurys.length} jurys, ${n} candidatures créés (${JURYS} jurys et ${JURYS * (ADMISSIBLES_PAR_JURY + ADMIS_PAR_JURY)} candidats dans le centre).`);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 0.5 });
  try {
    const cx = await platform.app.inject({ method: 'POST', url: '/api/auth/connexion', payload: { service: 'cyclades-etablissement', identifiant: LOGIN, motDePasse: MOT_DE_PASSE } });
    if (cx.statusCode !== 200) throw new Error(`Connexion refusée : ${cx.body}`);
    const cookie = String([cx.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': cx.json().session.csrfToken as string };

    // 1. The plan de secours.
    async function genererPlan(): Promise<{ ms: number; cpuMs: number; cr: any }> {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const lance = await platform.app.inject({ method: 'POST', url: '/api/cyclades/deliberation/plan-de-secours', headers, payload: {} });
      if (lance.statusCode !== 200) throw new Error(`Plan de secours refusé : ${lance.statusCode} ${lance.body}`);
      const { traitementId } = lance.json() as { traitementId: string };
      // Its end watched in the table every 50 ms (a small read): polling the API that often (the page
      // asks every 2 s) would make the bench itself cost as much CPU as the treatment on a loaded machine.
      for (;;) {
        const r = await db.selectFrom('traitement').select('statut').where('id', '=', traitementId).executeTakeFirstOrThrow();
        if (r.statut === 'termine' || r.statut === 'erreur') break;
        if (performance.now() - t0 > 900_000) throw new Error('Le traitement dure plus de 15 minutes.');
        await new Promise((res) => setTimeout(res, 50));
      }
      const ms = Math.round(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      const cr = (await platform.app.inject({ method: 'GET', url: `/api/traitements/${traitementId}`, headers })).json();
      if (cr.statut !== 'termine') throw new Error(`Le traitement a échoué : ${cr.erreur}`);
      return { ms, cpuMs: Math.round((cpu.user + cpu.system) / 1000), cr };
    }
    // The first one also creates the 30 juries' backup passwords (argon2): reported as is.
    const premier = await genererPlan();
    const { cr } = premier;
    const planMs = premier.ms;
    const planCpuMs = premier.cpuMs;
    log(`Plan de secours : ${planMs} ms (CPU ${planCpuMs} ms)`);
    const doc = (cr.documents as Array<{ id: string; nom: string; taille: number }>)[0]!;
    const zip = (await platform.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers })).rawPayload;
    const entrees = lireZip(zip);
    const pages = (octets: Buffer) => Math.max(...[...octets.toString('latin1').matchAll(/\/Type \/Pages[\s\S]{0,200}?\/Count (\d+)/g)].map((m) => Number(m[1])), 0);
    const pvi = entrees.filter((e) => e.nom.includes('/PVI_'));
    const pagesPvi = pvi.reduce((t, e) => t + pages(e.contenu), 0);
    const papillons = entrees.find((e) => e.nom === 'Papillons_acces_jurys.pdf')!.contenu;
    const pagesPapillons = pages(papillons);

    // 1b. The same plan de secours again, alternately with its raw-pdfkit baseline (issue 18 §12): the
    // same documents (a PVI per jury, the papillons), their pages' text and fonts, written to files.
    const modelePvi = await modeleDepuisPdf(pvi[0]!.contenu);
    const modelePapillons = await modeleDepuisPdf(papillons);
    const documentsBruts = [...pvi.map((e) => ({ modele: modelePvi, pages: pages(e.contenu) })), { modele: modelePapillons, pages: pagesPapillons }];
    const dossierBrut = mkdtempSync(join(tmpdir(), 'bench-deliberation-brut-'));
    let vsPdfkit: Comparaison;
    try {
      vsPdfkit = await comparer(TOURS, pagesPvi + pagesPapillons, () => genererPlan(), () => ecrireBrut(documentsBruts, dossierBrut), log);
    } finally {
      rmSync(dossierBrut, { recursive: true, force: true });
    }
    log(`Plan de secours contre pdfkit brut : ${vsPdfkit.plateformeMs} ms contre ${vsPdfkit.brutMs} ms, rapport ${vsPdfkit.rapport}`);

    // 2. The synthetic views.
    const mesurer = async (url: string) => {
      for (let i = 0; i < 5; i++) await platform.app.inject({ method: 'GET', url, headers });
      const temps: number[] = [];
      let corps: any;
      for (let i = 0; i < 30; i++) {
        const d = performance.now();
        const r = await platform.app.inject({ method: 'GET', url, headers });
        temps.push(performance.now() - d);
        corps = r.json();
      }
      return { medianeMs: Math.round(mediane(temps) * 10) / 10, p95Ms: Math.round(p95(temps) * 10) / 10, corps };
    };
    const ouverture = await mesurer('/api/cyclades/deliberation/synthese?vue=ouverture');
    const terminaison = await mesurer('/api/cyclades/deliberation/synthese?vue=terminaison');
    const detail = await mesurer('/api/cyclades/deliberation/detail?vue=ouverture');
    log(`Vue synthétique : médiane ${ouverture.medianeMs} ms, p95 ${ouverture.p95Ms} ms ; vue détaillée : médiane ${detail.medianeMs} ms`);

    const a200 = ouverture.corps.lignes.find((l: any) => l.etat === 200)?.nombre;
    const ok =
      pvi.length === JURYS &&
      pagesPvi === JURYS * ADMISSIBLES_PAR_JURY &&
      pagesPapillons === JURYS &&
      a200 === JURYS &&
      planMs < CIBLE_PLAN_MS &&
      vsPdfkit.rapport <= CIBLE_RAPPORT &&
      ouverture.p95Ms < CIBLE_SYNTHESE_MS &&
      terminaison.p95Ms < CIBLE_SYNTHESE_MS;
    console.log(
      JSON.stringify({
        name: 'cyclades-deliberation',
        jurys: JURYS,
        admissibles: JURYS * ADMISSIBLES_PAR_JURY,
        candidatsCentre: JURYS * (ADMISSIBLES_PAR_JURY + ADMIS_PAR_JURY),
        jurysAcademie: jurys.length,
        candidaturesAcademie: n,
        planDeSecoursMs: planMs,
        // CPU of this process (treatment, database and polling) over the same time: on a shared machine the
        // wall time also counts the other processes' turns.
        planDeSecoursCpuMs: planCpuMs,
        // Issue 18 §12: the plan de secours (passwords already created) against raw pdfkit writing the same
        // pages, medians of alternate runs in this process.
        contrePdfkitBrut: { plateformeMs: vsPdfkit.plateformeMs, brutMs: vsPdfkit.brutMs, rapport: vsPdfkit.rapport, pagesParSeconde: vsPdfkit.pagesParSeconde, cpu: vsPdfkit.cpu, tours: vsPdfkit.tours, mesures: vsPdfkit.mesures },
        synthese: { ouverture: { medianeMs: ouverture.medianeMs, p95Ms: ouverture.p95Ms }, terminaison: { medianeMs: terminaison.medianeMs, p95Ms: terminaison.p95Ms }, detail: { medianeMs: detail.medianeMs, p95Ms: detail.p95Ms } },
        cibles: { planDeSecoursMs: CIBLE_PLAN_MS, syntheseMs: CIBLE_SYNTHESE_MS, rapportPdfkitBrut: CIBLE_RAPPORT },
        journal: Object.fromEntries((cr.journal as Array<{ le: string; message: string }>).filter((l) => /^(DEBUT|FIN|Edition des papillons|Document produit|Groupe)/.test(l.message)).map((l) => [l.message.slice(0, 50), Math.round(new Date(l.le).getTime() - new Date(cr.debut).getTime())])),
        verifications: { zip: { nom: doc.nom, octets: zip.length, entrees: entrees.length }, pvi: pvi.length, pagesPvi, pagesPapillons, jurysA200: a200 },
        ok,
      }),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
