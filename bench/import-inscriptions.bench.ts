// Benchmark of the import of candidates and registrations (issue 17, decision 0036): a CYCLADES-like
// file of 200,000 candidatures (3 épreuves each: 600,000 candidature_epreuve rows) generated on disk,
// then imported through the framework's streaming path, as `npm run import` does: the file streamed
// into the document store (importerFlux) and applied « lignes valides seulement » by batches of 1,000
// (each its own transaction); then the same file again (every line « inchangée »).
// Targets: the first import < 120 s; the peak RSS of the process during the import < 500 MB (sampled
// every 50 ms). On PGlite the embedded database lives in this process (some 550–650 MB alone once
// opened, see cyclades-comptes.bench.ts), so the rise over the level before the import is the figure
// compared there; on PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL) the absolute peak is.
// The result is checked (200,000 candidatures, 600,000 épreuves) so that a fast wrong answer does not pass.
// Run with `node bench/import-inscriptions.bench.ts` (or `npm run bench -- import-inscriptions`); one
// JSON line on stdout. BENCH_INSCRIPTIONS sets N.
// The process runs with the platform's V8 heap limit (--max-old-space-size of package.json, decision
// 0040; bench/support/tas.ts re-runs it with that option), as `npm start` and `npm run import` do.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { startPlatform } from '../src/server/server.ts';
import { importerFlux, suiviImportAcademie } from '../src/server/imports/imports.service.ts';
import { genreImport } from '../src/server/imports/genres.ts';
import { baseDuBanc } from './support/base.ts';
import { avecLeTasDeLaPlateforme } from './support/tas.ts';

const N = Number(process.env.BENCH_INSCRIPTIONS ?? 200_000);
const CIBLE_MS = 120_000;
const CIBLE_RSS_MO = 500;
const log = (m: string) => console.error(m);
const mo = (octets: number) => Math.round(octets / 1024 / 1024);
if (!process.env.BENCH_DATABASE_URL && process.env.DATABASE_URL) process.env.BENCH_DATABASE_URL = process.env.DATABASE_URL;

// Run as the platform runs: with the heap limit of package.json (decision 0040).
const optionTas = avecLeTasDeLaPlateforme();
const baseBanc = await baseDuBanc('import_inscriptions');
const { dataDir, urlBench } = baseBanc;
const database = await openDatabase({ dataDir, databaseUrl: urlBench });
try {
  await migrateToLatest(database.db);
  const db = database.db;
  log('Référentiel…');
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).execute();
  // 40 établissements of the académie (UAI with their check letter computed by the référentiel).
  const { avecCleUai } = await import('../src/domain/referentiel/identifiants.ts');
  const uais = Array.from({ length: 40 }, (_, i) => avecCleUai(`0350${String(100 + i).padStart(3, '0')}`));
  await db
    .insertInto('etablissement')
    .values(uais.map((uai, i) => ({ uai, academie_code: '14', nom: `LYCEE ${i}`, type: 'LGT', commune: 'RENNES' })))
    .execute();
  await db.insertInto('examen').values({ code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).execute();
  await db.insertInto('session_examen').values({ examen_code: '470', code: '2027-06', libelle: 'BCG 2027', annee: 2027 }).execute();
  const spec = await db.insertInto('specialite').values({ examen_code: '470', code: 'BCG', libelle: 'BAC GENERAL' }).returning('id').executeTakeFirstOrThrow();
  const codes = ['FR', 'PHILO', 'GO', 'SP1', 'SP2', 'EPS'];
  await db
    .insertInto('epreuve_option')
    .values(codes.map((code) => ({ specialite_id: spec.id, code, libelle: code, nature: 'ecrite' as const })))
    .execute();

  // The file, on disk (never whole in memory, here either).
  const fichier = join(dataDir, 'inscriptions.csv');
  log(`Fichier de ${N} inscriptions…`);
  const out = createWriteStream(fichier);
  out.write('\ufeffEXAMEN;SESSION;NUMERO_CANDIDAT;INE;CIVILITE;NOM;PRENOM;DATE_NAISSANCE;EMAIL;UAI;SERIE;SERIE_LIBELLE;SPECIALITE;DIVISION;EPREUVES;ETAT\r\n');
  const NOMS = ["N'DIAYE", 'MARTIN', 'LE GOFF', 'DE LA FONTAINE', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'LEFÈVRE', 'MOREAU'];
  const PRENOMS = ['Léa', 'Jean-Éric', 'Inès', 'Chloé', 'Noé', 'Zoé', 'Loïc', 'Anaïs', 'Théo', 'Maëlle'];
  const ETATS = ['Inscrit', 'Inscrit', 'Inscrit', 'Pré-inscrit', 'Annulé'];
  for (let i = 0; i < N; i++) {
    const ine = String(100_000_000 + i).padStart(9, '0') + 'AB';
    const e = [codes[i % 3]!, codes[3 + (i % 2)]!, 'EPS'].join('|');
    const ligne = `470;2027-06;14${String(i).padStart(8, '0')};${ine};${i % 2 ? 'M.' : 'Mme'};${NOMS[i % 10]};${PRENOMS[(i >> 3) % 10]};${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2009;eleve${i}@example.fr;${uais[i % 40]};G;SERIE GENERALE;BCG;T${1 + (i % 12)};${e};${ETATS[i % 5]}\r\n`;
    if (!out.write(ligne)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const taille = (await stat(fichier)).size;
  log(`${mo(taille)} Mo.`);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 0.5 });
  try {
    const auditCtx = { academieCode: '14', compteId: null, acteur: 'banc import-inscriptions' };
    const attendreFin = async (id: string) => {
      for (;;) {
        const t = await db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', id).executeTakeFirstOrThrow();
        if (t.statut === 'erreur') throw new Error(`Traitement ${id} en erreur : ${t.erreur}`);
        if (t.statut === 'termine') return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const resultat = async (id: string) => (await suiviImportAcademie(platform.ctx, '14', id)).resultat!;
    global.gc?.();
    const rssAvant = process.memoryUsage().rss;
    let rssMax = rssAvant;
    const echantillon = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 50);
    const charge = loadavg().map((x) => Math.round(x * 10) / 10);

    // The import as `npm run import -- inscriptions 14 fichier.csv --mode=lignes-valides` applies it:
    // streamed into the store, read line by line, batches of 1,000 each in its own transaction.
    // The share of the kind itself (its `appliquer` on each batch) against the framework's (streaming,
    // parsing, `lire` of each line, one transaction and step per batch).
    const genre = genreImport('inscriptions')!;
    const appliquerDuGenre = genre.appliquer.bind(genre);
    let appliquerMs = 0;
    genre.appliquer = async (trx, c, lignes) => {
      const d = performance.now();
      try {
        return await appliquerDuGenre(trx, c, lignes);
      } finally {
        appliquerMs += performance.now() - d;
      }
    };
    const importer = async (quoi: string) => {
      appliquerMs = 0;
      log(`${quoi}…`);
      const t0 = performance.now();
      const t = await importerFlux(platform.ctx, { academieCode: '14', genre: 'inscriptions', nomFichier: 'inscriptions.csv', flux: createReadStream(fichier), tailleAnnoncee: taille, compteId: null }, 'lignes-valides', auditCtx);
      await attendreFin(t.traitementId);
      const ms = Math.round(performance.now() - t0);
      const r = await resultat(t.traitementId);
      log(`${quoi} en ${ms} ms : ${JSON.stringify({ lignes: r.lignes, ajoutees: r.ajoutees, modifiees: r.modifiees, inchangees: r.inchangees, rejetees: r.lignesRejetees })}`);
      return { ms, r, appliquerMs: Math.round(appliquerMs) };
    };
    const premier = await importer('Import (lignes valides seulement)');
    const applicationMs = premier.ms;
    const rt = premier.r;
    const rssPremier = rssMax;
    // The same file again: nothing changes (every line « inchangée »).
    const second = await importer('Même fichier une deuxième fois');
    clearInterval(echantillon);
    if (second.r.inchangees !== N || second.r.ajoutees || second.r.modifiees) throw new Error(`Deuxième import : ${JSON.stringify(second.r).slice(0, 400)}`);
    const nb = await sql<{ c: number; e: number }>`select (select count(*)::int from candidature) as c, (select count(*)::int from candidature_epreuve) as e`.execute(db);
    const { c, e } = nb.rows[0]!;
    if (rt.ajoutees !== N || c !== N || e !== 3 * N) throw new Error(`Application : ${rt.ajoutees} ajoutées, ${c} candidatures, ${e} épreuves au lieu de ${N}, ${N}, ${3 * N}.`);

    const moteur = urlBench ? 'postgresql' : 'pglite';
    const hausse = mo(rssMax - rssAvant);
    const memoireComparee = urlBench ? mo(rssMax) : hausse;
    console.log(
      JSON.stringify({
        optionTas,
        name: 'import-inscriptions',
        moteur,
        inscriptions: N,
        fichierMo: mo(taille),
        importMs: applicationMs,
        dontAppliquerDuGenreMs: premier.appliquerMs,
        memeFichierMs: second.ms,
        memeFichierDontAppliquerMs: second.appliquerMs,
        rssMaxPremierImportMo: mo(rssPremier),
        cibleMs: CIBLE_MS,
        rssAvantMo: mo(rssAvant),
        rssMaxMo: mo(rssMax),
        hausseRssMo: hausse,
        cibleRssMo: CIBLE_RSS_MO,
        memoireComparee: urlBench ? 'RSS maximal du processus' : 'hausse du RSS pendant l’import (PGlite est dans le processus)',
        ok: applicationMs < CIBLE_MS && memoireComparee < CIBLE_RSS_MO,
        machine: { coeurs: cpus().length, chargeAuDebut: charge },
      }),
    );
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  await baseBanc.nettoyer();
}
