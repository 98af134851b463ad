// npm run import:enseignements -- <fichier.csv> — imports enseignements from an STS-WEB CSV
// (UAI;NUMEN;ANNEE_SCOLAIRE;MEF_CODE;MEF_LIBELLE;TYPE_MEF;MATIERE;MODALITE_COURS[;STRUCTURE]) into the
// configured database, then runs the treatment that generates the SYS(C) compétences of each académie
// concerned and prints its compte rendu. Importing the same file twice changes nothing.
// Kept for the existing scripts (issue 4): it works on every académie of the file at once and
// REPLACES the enseignements of each (établissement, year) it names. Since issue 17 the gestionnaire's
// path is the « enseignements » kind of « Imports de données » (src/server/imports/genres/
// enseignements.ts, same layout, docs/imports/enseignements.md): in the browser, or
// `npm run import -- enseignements <académie> <fichier.csv>`, one académie, with a preview, rejected
// lines by column, and the absent teachings reported instead of deleted (decision 0035).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConfigOrExit } from '../src/server/platform/config.ts';
import { startPlatform } from '../src/server/server.ts';
import { COLONNES_IMPORT, importerEnseignements } from '../src/server/imagin-etablissement/enseignements-import.ts';

const fichier = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!fichier) {
  console.error(`Usage : npm run import:enseignements -- <fichier.csv>\nColonnes attendues (séparateur « ; ») : ${COLONNES_IMPORT.join(';')};STRUCTURE`);
  process.exit(2);
}

let texte: string;
try {
  texte = await readFile(fichier, 'utf8');
} catch (err) {
  console.error(`Impossible de lire le fichier « ${fichier} » : ${(err as Error).message}`);
  process.exit(2);
}

const config = loadConfigOrExit();

const silencieux = { info: () => {}, warn: (o: unknown, m?: string) => console.warn(m ?? o), error: (o: unknown, m?: string) => console.error(m ?? o) };
// The platform runs the treatment here (its jobs), unless RUN_WORKERS=false leaves it to the servers.
const platform = await startPlatform(config, { webRoot: null, logger: silencieux });
let code = 0;
try {
  const r = await importerEnseignements(platform.ctx, texte, { fichier: basename(fichier) });
  console.log(`${r.lues} ligne(s) lue(s), ${r.importees} enseignement(s) importé(s).`);
  for (const x of r.remplacements) console.log(`  ${x.uai} ${x.anneeScolaire} : ${x.supprimees} remplacé(s) par ${x.inserees}.`);
  if (r.rejets.length) {
    code = 1;
    console.log(`${r.rejets.length} ligne(s) rejetée(s) :`);
    for (const rejet of r.rejets) console.log(`  ${rejet}`);
  }
  if (!config.runWorkers) {
    console.log('Les traitements de génération des compétences SYS (C) seront exécutés par les serveurs (RUN_WORKERS=false).');
  }
  for (const t of config.runWorkers ? r.traitements : []) {
    const debut = Date.now();
    let statut = 'en_attente';
    while (statut !== 'termine' && statut !== 'erreur') {
      if (Date.now() - debut > 10 * 60_000) throw new Error(`Le traitement ${t.id} n'est pas terminé après 10 minutes.`);
      await new Promise((res) => setTimeout(res, 200));
      statut = (await platform.ctx.db.selectFrom('traitement').select('statut').where('id', '=', t.id).executeTakeFirstOrThrow()).statut;
    }
    const journal = await platform.ctx.db.selectFrom('traitement_log').select(['niveau', 'message']).where('traitement_id', '=', t.id).orderBy('id').execute();
    console.log(`Compétences SYS (C), académie ${t.academieCode} (traitement ${t.id}) :`);
    for (const l of journal) console.log(`  [${l.niveau}] ${l.message}`);
    if (statut === 'erreur') code = 1;
  }
} catch (err) {
  console.error(`L'import a échoué : ${(err as Error).message}`);
  code = 1;
} finally {
  await platform.close();
}
process.exit(code);
