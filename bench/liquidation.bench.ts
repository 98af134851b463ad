// Benchmark of the liquidation of états de frais (issue 16 §8, décision 0033): 10,000 états validated by
// the gestionnaire (15,000 payment lines: every état a rémunération, one in two a déplacement) in one
// académie; measured through the HTTP API with the jobs engine running, as in production:
//   (a) « Constituer un lot de liquidation »: from the POST to the end of its treatment (lines taken,
//       états moved, export CSV and PDF bordereau produced) — target < 30 s;
//   (b) the payment return of the whole batch (one CSV of 15,000 lines) — reported, target < 30 s too.
// The results are checked (10,000 états in the batch, every line of the CSV, the batch paid) so that a
// fast wrong answer does not pass.
// Run with `node bench/liquidation.bench.ts` (or `npm run bench -- liquidation`); one JSON line on stdout.
// BENCH_DATABASE_URL runs it on PostgreSQL (a database of its own, dropped at the end); BENCH_FRAIS sets N.
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { hacher, utiliserHachageRapide } from '../src/server/platform/passwords.ts';
import { startPlatform } from '../src/server/server.ts';
import { fixtureEtatsValides, montantsAttendus } from '../src/server/imagin-frais/liquidation.fixtures.ts';
import { baseDuBanc } from './support/base.ts';

const N = Number(process.env.BENCH_FRAIS ?? 10_000);
const CIBLE_MS = 30_000;
const LOGIN = 'dec.bench.liquidation';
const MOT_DE_PASSE = 'Bench-Liquidation-2026!';
const log = (m: string) => console.error(m);
utiliserHachageRapide(true);

const baseBanc = await baseDuBanc('liquidation');
const { dataDir, urlBench } = baseBanc;
const database = await openDatabase({ dataDir, databaseUrl: urlBench });
try {
  await migrateToLatest(database.db);
  const db = database.db;
  log('Données…');
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).execute();
  const etab = (await db.insertInto('etablissement').values({ uai: '0350710G', academie_code: '14', nom: 'LA PROMENADE', type: 'LGT', commune: 'RENNES', est_centre_examen: true }).returning('id').executeTakeFirstOrThrow()).id;
  const compte = (await db.insertInto('compte').values({ login: LOGIN, password_hash: await hacher(MOT_DE_PASSE), mot_de_passe_temporaire: false, type: 'agent' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('role_attribution').values({ compte_id: compte, role: 'gestionnaire', academie_code: '14' }).execute();
  await fixtureEtatsValides(db, { academie: '14', centreId: etab, n: N });
  await sql`analyze`.execute(db);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 0.5 });
  try {
    const cx = await platform.app.inject({ method: 'POST', url: '/api/auth/connexion', payload: { service: 'imagin-gestion', identifiant: LOGIN, motDePasse: MOT_DE_PASSE } });
    if (cx.statusCode !== 200) throw new Error(`Connexion refusée : ${cx.body}`);
    const cookie = String([cx.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = cx.json().session.csrfToken as string;
    const appel = (method: 'GET' | 'POST', url: string, payload?: unknown) => platform.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, payload: payload as any });
    const charge = loadavg().map((x) => Math.round(x * 10) / 10);

    // (a) the batch
    log(`Lot de ${N} états de frais…`);
    const t0 = performance.now();
    const r = await appel('POST', '/api/gestion/liquidation-frais', {});
    if (r.statusCode !== 200) throw new Error(`Constitution refusée : ${r.statusCode} ${r.body}`);
    const { traitementId, lotId } = r.json() as { traitementId: string; lotId: number };
    for (;;) {
      const t = await db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', traitementId).executeTakeFirstOrThrow();
      if (t.statut === 'erreur') throw new Error(`Traitement en erreur : ${t.erreur}`);
      if (t.statut === 'termine') break;
      await new Promise((res) => setTimeout(res, 50));
    }
    const lotMs = Math.round(performance.now() - t0);
    log(`Lot constitué en ${lotMs} ms`);
    const ecran = (await appel('GET', '/api/gestion/liquidation-frais')).json() as { lots: Array<{ id: number; nbFrais: number; nbLignes: number; totalCentimes: number; documents: Array<{ nom: string; url: string; taille: number }> }> };
    const lot = ecran.lots.find((l) => l.id === lotId)!;
    const attendu = Array.from({ length: N }, (_, i) => montantsAttendus(i + 1)).reduce((s, [a, b]) => s + a + (b ?? 0), 0);
    if (lot.nbFrais !== N || lot.totalCentimes !== attendu) throw new Error(`Lot : ${lot.nbFrais} frais, ${lot.totalCentimes} centimes au lieu de ${N}, ${attendu}.`);
    const csv = lot.documents.find((d) => d.nom.endsWith('.csv'))!;
    const fichier = (await appel('GET', csv.url)).rawPayload.toString('utf8');
    const lignesCsv = fichier.trim().split('\r\n').length - 1;
    if (lignesCsv !== lot.nbLignes) throw new Error(`Export : ${lignesCsv} lignes au lieu de ${lot.nbLignes}.`);

    // (b) the payment return of the whole batch
    const retour = ['NUMERO_ORDRE;NATURE;MONTANT_PAYE;DATE_PAIEMENT', ...fichier.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => {
      const c = l.split(';');
      return `${c[2]};${c[3]};${c[4]};20/07/2026`;
    })].join('\r\n');
    const t1 = performance.now();
    const rr = await appel('POST', `/api/gestion/liquidation-frais/${lotId}/retour-paiement`, { nomFichier: 'retour.csv', contenu: Buffer.from(retour).toString('base64') });
    const retourMs = Math.round(performance.now() - t1);
    if (rr.statusCode !== 200) throw new Error(`Retour refusé : ${rr.statusCode} ${rr.body.slice(0, 300)}`);
    const bilan = rr.json() as { payees: number; lotPaye: boolean; etatsPayes: number; rejets: unknown[] };
    if (bilan.payees !== lot.nbLignes || !bilan.lotPaye || bilan.etatsPayes !== N || bilan.rejets.length) throw new Error(`Retour : ${JSON.stringify(bilan).slice(0, 300)}`);
    log(`Retour de paiement (${lot.nbLignes} lignes) en ${retourMs} ms`);

    const ok = lotMs < CIBLE_MS && retourMs < CIBLE_MS;
    console.log(
      JSON.stringify({
        name: 'liquidation',
        base: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite',
        machine: { processeurs: cpus().length, chargeAvant: charge, chargeApres: loadavg().map((x) => Math.round(x * 10) / 10) },
        frais: N,
        lignes: lot.nbLignes,
        resultats: {
          lot: { ms: lotMs, cibleMs: CIBLE_MS, ok: lotMs < CIBLE_MS, documents: Object.fromEntries(lot.documents.map((d) => [d.nom, d.taille])) },
          retourPaiement: { ms: retourMs, cibleMs: CIBLE_MS, ok: retourMs < CIBLE_MS, octets: retour.length },
        },
        ok,
      }),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  await baseBanc.nettoyer();
}
