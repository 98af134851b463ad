// Benchmark of the « personnels » import (issue 17, decision 0035): 50,000 personnels of the académie
// (an EPP/SIRHEN-like full extract, 15 columns, ~9 Mo) imported through the framework's streaming path:
// the file is generated on disk first, then streamed into the document store (importerFlux, as the
// screen's upload does), read back line by line by the treatment, applied in batches of 1,000.
// Measured: the first import (50,000 creations), then the same file again (50,000 unchanged), then a
// file where every line has another grade (50,000 updates), all three
// « lignes valides seulement » (one transaction per batch of 1,000) by default — BENCH_MODE=tout-ou-rien
// for one transaction (on PostgreSQL, at the time of writing, the framework's progress bar written from
// inside the open transaction is refused by the transaction guard: see decision 0035); time from the upload to
// the end of the treatment, peak RSS of the process (process.resourceUsage().maxRSS, the database
// included on PGlite) and the RSS sampled during each run.
// Target (issue 17): < 60 s and < 500 Mo on PostgreSQL. Database: PGlite by default; PostgreSQL when
// BENCH_DATABASE_URL (or DATABASE_URL) names a server: a database of its own is created for the run and
// dropped at the end. Run: `npm run bench -- import-personnels` (BENCH_PERSONNELS to change the size).
// The process runs with the platform's V8 heap limit (--max-old-space-size of package.json, decision
// 0040; bench/support/tas.ts re-runs it with that option), as `npm start` and `npm run import` do.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { avecCleNir, avecCleUai } from '../src/domain/referentiel/identifiants.ts';
import { importerFlux } from '../src/server/imports/imports.service.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { startPlatform } from '../src/server/server.ts';
import { baseDuBanc } from './support/base.ts';
import { avecLeTasDeLaPlateforme } from './support/tas.ts';

const N = Number(process.env.BENCH_PERSONNELS ?? 50_000);
const ETABLISSEMENTS = 300;
const CIBLE_MS = 60_000;
const CIBLE_RSS_MO = 500;
const log = (m: string) => console.error(m);
const mo = (octets: number) => Math.round(octets / 1024 / 1024);

if (!process.env.BENCH_DATABASE_URL && process.env.DATABASE_URL) process.env.BENCH_DATABASE_URL = process.env.DATABASE_URL;
// Run as the platform runs: with the heap limit of package.json (decision 0040).
const optionTas = avecLeTasDeLaPlateforme();
const baseBanc = await baseDuBanc('import_personnels');
const { dataDir, urlBench } = baseBanc;
const database = await openDatabase({ dataDir, databaseUrl: urlBench, poolSize: 5 });

try {
  await migrateToLatest(database.db);
  const db = database.db;
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).onConflict((oc) => oc.doNothing()).execute();
  const uais = Array.from({ length: ETABLISSEMENTS }, (_, i) => avecCleUai(`035${String(1000 + i).padStart(4, '0')}`));
  await db
    .insertInto('etablissement')
    .values(uais.map((uai, i) => ({ uai, academie_code: '14', nom: `ETABLISSEMENT ${i}`, type: i % 3 ? 'CLG' : 'LGT', commune: 'RENNES' })))
    .execute();

  // The files, on disk (never in memory): the extract, and the same with another grade on every line.
  const generer = async (fichier: string, grade: string) => {
  const sortie = createWriteStream(fichier);
  const ecrire = async (s: string) => {
    if (!sortie.write(s)) await once(sortie, 'drain');
  };
  await ecrire('\uFEFFNUMEN;CIVILITE;NOM;PRENOM;DATE_NAISSANCE;NIR;UAI;DISCIPLINE_POSTE;GRADE;EMAIL_PRO;TELEPHONE;ADRESSE;CODE_POSTAL;COMMUNE;SOURCE\r\n');
  const DISCIPLINES = ['MATHEMATIQUES', 'LETTRES MODERNES', 'PHYSIQUE CHIMIE', 'HISTOIRE GEOGRAPHIE', 'ANGLAIS', 'SVT', 'EPS'];
  for (let i = 0; i < N; i++) {
    const numen = `14E${String(10 + (i % 80)).padStart(2, '0')}${String(i).padStart(5, '0').slice(-5)}${String.fromCharCode(65 + (Math.floor(i / 100000) % 26), 65 + (Math.floor(i / 3846) % 26), 65 + (i % 26))}`;
    const femme = i % 2 === 0;
    const jour = String(1 + (i % 28)).padStart(2, '0');
    const mois = String(1 + (i % 12)).padStart(2, '0');
    const annee = 1960 + (i % 40);
    const nir = avecCleNir(`${femme ? 2 : 1}${String(annee).slice(2)}${mois}35${String(238 + (i % 700)).padStart(3, '0')}${String(i % 1000).padStart(3, '0')}`);
    await ecrire(
      `${numen};${femme ? 'Mme' : 'M.'};NOM${i};Prénom${i % 500};${jour}/${mois}/${annee};${nir};${uais[i % ETABLISSEMENTS]};${DISCIPLINES[i % DISCIPLINES.length]};${grade};prenom.nom${i}@ac-rennes.fr;02 99 ${String(i % 100).padStart(2, '0')} ${String((i >> 7) % 100).padStart(2, '0')} 00;${i} RUE DE LA PAIX;35000;RENNES;${i % 5 ? 'EPP' : 'SIRHEN'}\r\n`,
    );
  }
  sortie.end();
  await once(sortie, 'finish');
  };
  const fichier = join(dataDir, 'personnels.csv');
  const fichierModifie = join(dataDir, 'personnels-modifies.csv');
  await generer(fichier, 'PROFESSEUR CERTIFIE');
  await generer(fichierModifie, 'PROFESSEUR AGREGE');
  const taille = (await stat(fichier)).size;
  log(`Fichier de ${N} personnels : ${mo(taille)} Mo (${database.kind}).`);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux });
  try {
    const ctx = platform.ctx;
    const mesurer = async (mode: 'tout-ou-rien' | 'lignes-valides', chemin = fichier) => {
      let rssMax = 0;
      const echantillon = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 100);
      const debut = performance.now();
      const { traitementId } = await importerFlux(
        ctx,
        { academieCode: '14', genre: 'personnels', nomFichier: 'personnels.csv', flux: createReadStream(chemin), compteId: null },
        mode,
        { academieCode: '14', compteId: null, acteur: 'banc import-personnels' },
      );
      let t;
      for (;;) {
        t = await ctx.db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', traitementId).executeTakeFirstOrThrow();
        if (t.statut === 'termine' || t.statut === 'erreur') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const dureeMs = Math.round(performance.now() - debut);
      clearInterval(echantillon);
      const etape = await ctx.db.selectFrom('traitement_etape').select('resultat').where('traitement_id', '=', traitementId).where('cle', '=', 'resultat').executeTakeFirst();
      const r = (typeof etape?.resultat === 'string' ? JSON.parse(etape.resultat) : etape?.resultat) as { ajoutees: number; modifiees: number; inchangees: number; lignesRejetees: number } | undefined;
      log(`${mode} : ${dureeMs} ms, ${t.statut}${t.erreur ? ` (${t.erreur})` : ''}, RSS échantillonné max ${mo(rssMax)} Mo.`);
      return { mode, statut: t.statut, dureeMs, rssMaxEchantillonneMo: mo(rssMax), ajoutees: r?.ajoutees, modifiees: r?.modifiees, inchangees: r?.inchangees, lignesRejetees: r?.lignesRejetees };
    };
    // The process before the imports (platform, database driver; PGlite's WASM database on PGlite).
    const rssAvantMo = mo(process.memoryUsage().rss);
    const mode = process.env.BENCH_MODE === 'tout-ou-rien' ? 'tout-ou-rien' : 'lignes-valides';
    const premier = await mesurer(mode);
    const second = await mesurer(mode);
    const modifie = await mesurer(mode, fichierModifie);
    const personnes = Number((await ctx.db.selectFrom('personne').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rssPicMo = Math.round(process.resourceUsage().maxRSS / 1024);
    const verifications = premier.statut === 'termine' && premier.ajoutees === N && second.inchangees === N && second.ajoutees === 0 && second.modifiees === 0 && modifie.modifiees === N && personnes === N;
    const cibleAtteinte = premier.dureeMs < CIBLE_MS && second.dureeMs < CIBLE_MS && modifie.dureeMs < CIBLE_MS && rssPicMo < CIBLE_RSS_MO;
    console.log(
      JSON.stringify({
        optionTas,
        name: `import-personnels-${database.kind}`,
        base: database.kind,
        personnels: N,
        fichierMo: Math.round((taille / 1024 / 1024) * 10) / 10,
        premierImport: premier,
        memeFichier: second,
        toutesModifiees: modifie,
        rssAvantMo,
        rssPicMo,
        cible: { dureeMs: CIBLE_MS, rssMo: CIBLE_RSS_MO, base: 'postgres', atteinte: cibleAtteinte },
        verifications: { personnes, ok: verifications },
        ok: verifications && (database.kind === 'postgres' ? cibleAtteinte : true),
      }),
    );
    if (!verifications) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  await baseBanc.nettoyer();
}
