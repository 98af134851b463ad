// npm run import -- <type> <académie> <fichier.csv> — the gestionnaire's « Imports de données » from
// the command line (issue 15): the same checks and the same treatment as the screen; prints the
// compte rendu (each rejected line with its number, column and reason). Types: santorin-etats
// (docs/imports/santorin-etats.md). Importing the same file twice changes nothing. Exit code 1 when
// lines were rejected or the import failed.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConfigOrExit } from '../src/server/platform/config.ts';
import { startPlatform } from '../src/server/server.ts';
import { GENRES_IMPORT } from '../src/server/imports/genres.ts';
import { importerFichier } from '../src/server/imports/imports.service.ts';
import { AppError } from '../src/server/platform/errors.ts';

const [genre, academie, fichier] = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (!genre || !academie || !fichier) {
  console.error(`Usage : npm run import -- <type> <code académie> <fichier.csv>\nTypes : ${GENRES_IMPORT.map((g) => `${g.code} (${g.libelle} : ${g.colonnes.map((c) => c.nom).join(';')})`).join(', ')}`);
  process.exit(2);
}

let octets: Buffer;
try {
  octets = await readFile(fichier);
} catch (err) {
  console.error(`Impossible de lire le fichier « ${fichier} » : ${(err as Error).message}`);
  process.exit(2);
}

const config = loadConfigOrExit();
const silencieux = { info: () => {}, warn: (o: unknown, m?: string) => console.warn(m ?? o), error: (o: unknown, m?: string) => console.error(m ?? o) };
const platform = await startPlatform(config, { webRoot: null, logger: silencieux });
let code = 0;
try {
  const db = platform.ctx.db;
  if (!(await db.selectFrom('academie').select('code').where('code', '=', academie).executeTakeFirst())) throw new AppError('VALIDATION', `Académie « ${academie} » inconnue (code attendu, par exemple 14 pour Rennes).`);
  const { traitementId } = await importerFichier(platform.ctx, { academieCode: academie, genre, nomFichier: basename(fichier), octets, compteId: null }, { academieCode: academie, compteId: null, acteur: 'ligne de commande (npm run import)' });
  if (!config.runWorkers) {
    console.log(`Traitement ${traitementId} lancé : il sera exécuté par les serveurs (RUN_WORKERS=false) ; son compte rendu est dans « Comptes rendus des traitements ».`);
  } else {
    const debut = Date.now();
    let statut = 'en_attente';
    while (statut !== 'termine' && statut !== 'erreur') {
      if (Date.now() - debut > 10 * 60_000) throw new Error(`Le traitement ${traitementId} n'est pas terminé après 10 minutes.`);
      await new Promise((r) => setTimeout(r, 200));
      statut = (await db.selectFrom('traitement').select('statut').where('id', '=', traitementId).executeTakeFirstOrThrow()).statut;
    }
    const journal = await db.selectFrom('traitement_log').select(['niveau', 'message']).where('traitement_id', '=', traitementId).orderBy('id').execute();
    console.log(`Compte rendu (traitement ${traitementId}) :`);
    for (const l of journal) console.log(`  [${l.niveau}] ${l.message}`);
    if (statut === 'erreur' || journal.some((l) => l.message.startsWith('Ligne rejetée'))) code = 1;
  }
} catch (err) {
  console.error(`L'import a échoué : ${err instanceof AppError ? Object.values(err.fields ?? {})[0] ?? err.message : (err as Error).message}`);
  code = 1;
} finally {
  await platform.close();
}
process.exit(code);
