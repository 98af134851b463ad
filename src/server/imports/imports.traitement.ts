// The treatment of « Imports de données »: reads the file the gestionnaire sent (kept as a document),
// checks every line, applies the valid ones in one step (a retried treatment does not apply them
// twice; importing the same file again changes nothing), and writes the compte rendu: one line per
// rejected line (number, column, reason) and a CSV of them. Decision 0022 §Imports.
import { z } from 'zod';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import { definirTraitement, ErreurTraitement } from '../platform/traitements/traitements.ts';
import { decoderFichier, lireCsv, texteRejet, type RejetLigne } from './fichier-csv.ts';
import { genreImport } from './genres.ts';

export const TRAITEMENT_IMPORT = 'imports.fichier';
/** Rejected lines written one by one in the compte rendu; beyond, the CSV holds them all. */
export const REJETS_AU_JOURNAL = 500;

async function lireDocument(t: { ctx: import('../platform/context.ts').AppContext }, documentId: string, academieCode: string): Promise<Buffer> {
  const d = await t.ctx.db.selectFrom('document').select(['cle_stockage']).where('id', '=', documentId).where('academie_code', '=', academieCode).executeTakeFirst();
  if (!d) throw new ErreurTraitement("Le fichier importé n'est plus disponible : importez-le de nouveau.");
  const morceaux: Buffer[] = [];
  for await (const m of await t.ctx.store.get(d.cle_stockage)) morceaux.push(Buffer.from(m));
  return Buffer.concat(morceaux);
}

export const importTraitement = definirTraitement({
  type: TRAITEMENT_IMPORT,
  parametres: z.object({
    genre: z.string().min(1),
    documentId: z.string().uuid(),
    fichier: z.string().max(200),
    academieCode: z.string().regex(/^[0-9A-Z]{2,4}$/, "Code d'académie invalide."),
  }),
  executer: async (t) => {
    const genre = genreImport(t.parametres.genre);
    if (!genre) throw new ErreurTraitement(`Type d'import inconnu : « ${t.parametres.genre} ».`);
    const academie = await t.ctx.db.selectFrom('academie').select('libelle').where('code', '=', t.parametres.academieCode).executeTakeFirstOrThrow();
    const { texte, encodage } = decoderFichier(await lireDocument(t, t.parametres.documentId, t.parametres.academieCode));
    const lu = lireCsv(texte, genre.colonnes.filter((c) => c.obligatoire).map((c) => c.nom), genre.colonnes.filter((c) => !c.obligatoire).map((c) => c.nom));
    if ('entete' in lu) throw new ErreurTraitement(lu.entete);
    await t.log('info', `${genre.libelle} : fichier « ${t.parametres.fichier} » (${encodage}, séparateur « ${lu.separateur} »), ${lu.lignes.length + lu.rejets.length} ligne(s) de données, académie de ${academie.libelle}.`);
    const rejets: RejetLigne[] = [...lu.rejets];
    const valides: Array<{ ligne: number; valeur: unknown }> = [];
    for (const l of lu.lignes) {
      const r = genre.lire(l.champ, l.ligne);
      if ('rejets' in r) rejets.push(...r.rejets);
      else valides.push({ ligne: l.ligne, valeur: r.valeur });
    }
    const bilan = await t.etape('application', (trx) =>
      genre.appliquer(trx, { academieCode: t.parametres.academieCode, academieLibelle: academie.libelle, traitementId: t.id, le: t.ctx.clock.now() }, valides),
    );
    rejets.push(...bilan.rejets);
    rejets.sort((a, b) => a.ligne - b.ligne);
    const lignesRejetees = new Set(rejets.map((r) => r.ligne)).size;
    for (const r of rejets.slice(0, REJETS_AU_JOURNAL)) await t.log('avertissement', `Ligne rejetée — ${texteRejet(r)}`);
    if (rejets.length > REJETS_AU_JOURNAL) await t.log('avertissement', `… ${rejets.length - REJETS_AU_JOURNAL} autre(s) motif(s) de rejet : voir le document « Lignes rejetées ».`);
    if (rejets.length) {
      await t.document(
        'Lignes rejetées',
        TYPE_CSV,
        genererCsv(
          [
            { libelle: 'Ligne', valeur: (r: RejetLigne) => r.ligne },
            { libelle: 'Champ', valeur: (r: RejetLigne) => r.champ },
            { libelle: 'Motif', valeur: (r: RejetLigne) => r.motif },
          ],
          rejets,
        ),
      );
    }
    await t.log(
      lignesRejetees ? 'avertissement' : 'info',
      `Bilan : ${bilan.ajoutees} ${genre.unite} ajouté(s), ${bilan.modifiees} modifié(s), ${bilan.inchangees} inchangé(s) ; ${lignesRejetees} ligne(s) rejetée(s).`,
    );
    await t.progression(1, 1);
  },
});
