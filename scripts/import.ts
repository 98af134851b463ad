// npm run import -- <type> <académie> <fichier.csv> [--apercu] [--mode=tout-ou-rien|lignes-valides]
// The gestionnaire's « Imports de données » from the command line (issues 15 and 17, decision 0034):
// the same code as the screen. The file is streamed from disk into the document store (never whole in
// memory), its « Aperçu » treatment counts what would change (nothing written), then, unless
// --apercu, the application treatment runs in the chosen mode (« lignes-valides » by default;
// « tout-ou-rien » applies nothing when a line is rejected). Prints each compte rendu (each rejected
// line with its number, column and reason). Importing the same file twice changes nothing.
// Exit code: 0 all lines accepted, 1 lines rejected or the import refused/failed, 2 usage.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConfigOrExit } from '../src/server/platform/config.ts';
import { startPlatform } from '../src/server/server.ts';
import { GENRES_IMPORT } from '../src/server/imports/genres.ts';
import { appliquerImportAcademie, importerFlux, suiviImportAcademie } from '../src/server/imports/imports.service.ts';
import { AppError } from '../src/server/platform/errors.ts';

const args = process.argv.slice(2);
const [genre, academie, fichier] = args.filter((a) => !a.startsWith('-'));
const apercuSeul = args.includes('--apercu');
const modeArg = args.find((a) => a.startsWith('--mode='))?.slice('--mode='.length) ?? 'lignes-valides';
if (!genre || !academie || !fichier || (modeArg !== 'tout-ou-rien' && modeArg !== 'lignes-valides')) {
  console.error(
    `Usage : npm run import -- <type> <code académie> <fichier.csv> [--apercu] [--mode=tout-ou-rien|lignes-valides]\nTypes :\n${GENRES_IMPORT.map((g) => `  ${g.code} — ${g.libelle} : ${g.colonnes.map((c) => c.nom).join(';')} (${g.documentation})`).join('\n')}`,
  );
  process.exit(2);
}
const mode = modeArg as 'tout-ou-rien' | 'lignes-valides';

let taille: number;
try {
  taille = (await stat(fichier)).size;
} catch (err) {
  console.error(`Impossible de lire le fichier « ${fichier} » : ${(err as Error).message}`);
  process.exit(2);
}

const config = loadConfigOrExit();
const silencieux = { info: () => {}, warn: (o: unknown, m?: string) => console.warn(m ?? o), error: (o: unknown, m?: string) => console.error(m ?? o) };
const platform = await startPlatform(config, { webRoot: null, logger: silencieux });
const auditCtx = { academieCode: academie, compteId: null, acteur: 'ligne de commande (npm run import)' };
let code = 0;

/** Waits for the treatment, showing its progression, then prints its compte rendu; its final status. */
async function suivre(id: string): Promise<Awaited<ReturnType<typeof suiviImportAcademie>>> {
  const db = platform.ctx.db;
  const debut = Date.now();
  let dernier = -1;
  for (;;) {
    const s = await suiviImportAcademie(platform.ctx, academie!, id);
    if (s.total && process.stderr.isTTY) {
      const pc = Math.floor((100 * s.progression) / s.total);
      if (pc !== dernier) process.stderr.write(`\r  ${pc} %`);
      dernier = pc;
    }
    if (s.statut === 'termine' || s.statut === 'erreur') {
      if (process.stderr.isTTY) process.stderr.write('\r');
      const journal = await db.selectFrom('traitement_log').select(['niveau', 'message']).where('traitement_id', '=', id).orderBy('id').execute();
      console.log(`Compte rendu — ${s.titre} (traitement ${id}) :`);
      for (const l of journal) console.log(`  [${l.niveau}] ${l.message}`);
      return s;
    }
    if (Date.now() - debut > 60 * 60_000) throw new Error(`Le traitement ${id} n'est pas terminé après une heure.`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

try {
  const db = platform.ctx.db;
  if (!(await db.selectFrom('academie').select('code').where('code', '=', academie).executeTakeFirst())) throw new AppError('VALIDATION', `Académie « ${academie} » inconnue (code attendu, par exemple 14 pour Rennes).`);
  const { traitementId } = await importerFlux(platform.ctx, { academieCode: academie, genre, nomFichier: basename(fichier), flux: createReadStream(fichier), tailleAnnoncee: taille, compteId: null }, 'apercu', auditCtx);
  if (!config.runWorkers) {
    console.log(`Aperçu ${traitementId} lancé : il sera exécuté par les serveurs (RUN_WORKERS=false) ; appliquez-le depuis l'écran « Imports de données ».`);
  } else {
    const a = await suivre(traitementId);
    if (a.statut === 'erreur') code = 1;
    else if (apercuSeul) {
      if (a.resultat?.lignesRejetees) code = 1;
      console.log(`Aperçu seulement : rien n'a été appliqué. Pour appliquer : npm run import -- ${genre} ${academie} ${fichier} --mode=${mode}`);
    } else {
      const t = await appliquerImportAcademie(platform.ctx, academie, null, traitementId, mode, auditCtx);
      const s = await suivre(t.traitementId);
      if (s.statut === 'erreur' || s.resultat?.lignesRejetees) code = 1;
    }
  }
} catch (err) {
  console.error(`L'import a échoué : ${err instanceof AppError ? (Object.values(err.fields ?? {})[0] ?? err.message) : (err as Error).message}`);
  code = 1;
} finally {
  await platform.close();
}
process.exit(code);
