// The treatment of « Imports de données » (decisions 0022 §Imports and 0034): reads the file the
// gestionnaire sent back from the document store as a stream (a first pass for its encoding and the
// number of lines, a second one line by line: never the whole file in memory), checks each line
// (`lire`, duplicates by `cle`), and gives the valid lines to the genre's `appliquer` in batches of
// TAILLE_LOT_IMPORT. Three modes:
// - « apercu »: every batch in ONE transaction rolled back at the end: the counts are exact, nothing
//   is written;
// - « tout-ou-rien »: every batch in one transaction (a step: a retry does not redo it), rolled back
//   when one line is rejected: then nothing is applied;
// - « lignes-valides »: one transaction per batch (each a step), the rejected lines left aside.
// The compte rendu: the first line (file, encoding, separator), each rejected line (number, column,
// reason), the « Bilan » line, a CSV of the rejected lines, the rows absent from a full extract; the
// result (counts, first rejections, absents) is also kept as the step « resultat » for the screen.
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import type { DB } from '../platform/db/tables.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import { definirTraitement, ErreurTraitement, type ContexteTraitement } from '../platform/traitements/traitements.ts';
import { estRejet, examinerFlux, FichierIllisible, lireCsvFlux, texteRejet, type RejetLigne } from './fichier-csv.ts';
import { genreImport, TAILLE_LOT_IMPORT, type BilanImport, type ContexteImport, type GenreImport } from './genres.ts';
import { horsDeLaTransaction } from '../platform/db/garde-transaction.ts';

export const TRAITEMENT_IMPORT = 'imports.fichier';
/** Rejected lines written one by one in the compte rendu; beyond, the CSV holds them all. */
export const REJETS_AU_JOURNAL = 500;
/** Rejected lines and absents kept in the result the screen shows; beyond, the CSV documents. */
export const REJETS_AU_RESULTAT = 1000;

export const MODES_IMPORT = ['apercu', 'tout-ou-rien', 'lignes-valides'] as const;
export type ModeImport = (typeof MODES_IMPORT)[number];

export const parametresImport = z.object({
  genre: z.string().min(1),
  documentId: z.string().uuid(),
  fichier: z.string().max(200),
  academieCode: z.string().regex(/^[0-9A-Z]{2,4}$/, "Code d'académie invalide."),
  /** Absent in the treatments of issue 15: they applied the valid lines. */
  mode: z.enum(MODES_IMPORT).default('lignes-valides'),
  /** The preview this application follows. */
  apercuId: z.string().uuid().optional(),
});
export type ParametresImport = z.infer<typeof parametresImport>;

export interface ResultatImport {
  mode: ModeImport;
  encodage: string;
  separateur: string;
  lignes: number;
  ajoutees: number;
  modifiees: number;
  inchangees: number;
  /** Lines rejected (a line with two faulty fields counts once). */
  lignesRejetees: number;
  rejets: RejetLigne[];
  rejetsTronques: boolean;
  absents: string[];
  nbAbsents: number;
  /** « tout-ou-rien » refused: nothing applied. */
  refuse: boolean;
}

/** Rolls back the preview's (or a refused « tout ou rien »'s) transaction, carrying what was counted. */
class Annulation extends Error {
  readonly bilan: Cumul;
  constructor(bilan: Cumul) {
    super('annulation');
    this.bilan = bilan;
  }
}

interface Cumul {
  ajoutees: number;
  modifiees: number;
  inchangees: number;
  rejets: RejetLigne[];
  absents: string[];
}

async function cleStockage(ctx: AppContext, documentId: string, academieCode: string): Promise<string> {
  const d = await ctx.db.selectFrom('document').select(['cle_stockage']).where('id', '=', documentId).where('academie_code', '=', academieCode).executeTakeFirst();
  if (!d) throw new ErreurTraitement("Le fichier importé n'est plus disponible : importez-le de nouveau.");
  return d.cle_stockage;
}

const colonnesDe = (g: GenreImport) => [g.colonnes.filter((c) => c.obligatoire).map((c) => c.nom), g.colonnes.filter((c) => !c.obligatoire).map((c) => c.nom)] as const;

/**
 * Reads the stored file line by line and hands each batch of valid lines to `lot`; the rejections of
 * `lire`, of the parser and the duplicates come back with the keys seen. `progres(n)` after each batch.
 */
async function parcourir(
  flux: AsyncIterable<Uint8Array>,
  genre: GenreImport,
  encodage: 'UTF-8' | 'Windows-1252',
  lot: (lignes: Array<{ ligne: number; valeur: unknown }>, n: number) => Promise<BilanImport>,
  progres: (lignes: number) => Promise<void>,
): Promise<Cumul & { cles: Set<string>; lignes: number }> {
  const [obligatoires, facultatives] = colonnesDe(genre);
  const lu = await lireCsvFlux(flux, encodage, obligatoires, facultatives);
  if ('entete' in lu) throw new ErreurTraitement(lu.entete);
  const cumul: Cumul & { cles: Set<string>; lignes: number } = { ajoutees: 0, modifiees: 0, inchangees: 0, rejets: [], absents: [], cles: new Set(), lignes: 0 };
  const premiereLigne = new Map<string, number>();
  let courant: Array<{ ligne: number; valeur: unknown }> = [];
  let numeroLot = 0;
  const vider = async () => {
    if (!courant.length) return;
    const b = await lot(courant, numeroLot++);
    cumul.ajoutees += b.ajoutees;
    cumul.modifiees += b.modifiees;
    cumul.inchangees += b.inchangees;
    cumul.rejets.push(...b.rejets);
    courant = [];
    await progres(cumul.lignes);
  };
  try {
    for await (const l of lu.lignes) {
      cumul.lignes++;
      if (estRejet(l)) {
        cumul.rejets.push(l);
        continue;
      }
      const r = genre.lire(l.champ, l.ligne);
      if ('rejets' in r) {
        cumul.rejets.push(...r.rejets);
        continue;
      }
      if (genre.cle) {
        const k = genre.cle(r.valeur);
        const deja = premiereLigne.get(k);
        if (deja !== undefined) {
          cumul.rejets.push({ ligne: l.ligne, champ: 'ligne', motif: `ligne en double : la même donnée est déjà donnée ligne ${deja} du fichier.` });
          continue;
        }
        premiereLigne.set(k, l.ligne);
        cumul.cles.add(k);
      }
      courant.push({ ligne: l.ligne, valeur: r.valeur });
      if (courant.length >= TAILLE_LOT_IMPORT) await vider();
    }
  } catch (err) {
    if (err instanceof FichierIllisible) throw new ErreurTraitement(err.message);
    throw err;
  }
  await vider();
  return cumul;
}

function resultatDe(mode: ModeImport, c: Cumul & { lignes: number }, f: { encodage: string; separateur: string }, refuse: boolean): ResultatImport {
  const rejets = [...c.rejets].sort((a, b) => a.ligne - b.ligne);
  return {
    mode,
    encodage: f.encodage,
    separateur: f.separateur,
    lignes: c.lignes,
    ajoutees: c.ajoutees,
    modifiees: c.modifiees,
    inchangees: c.inchangees,
    lignesRejetees: new Set(rejets.map((r) => r.ligne)).size,
    rejets: rejets.slice(0, REJETS_AU_RESULTAT),
    rejetsTronques: rejets.length > REJETS_AU_RESULTAT,
    absents: c.absents.slice(0, REJETS_AU_RESULTAT),
    nbAbsents: c.absents.length,
    refuse,
  };
}

/**
 * A file applied inside the caller's transaction, through the same reading, checks and `appliquer` as
 * the treatment (« tout ou rien »: the caller's transaction is rolled back by the error): the demo
 * builds its personnels and enseignements this way (`npm run demo`, decision 0039). Throws with the
 * first rejected lines when one line is rejected.
 */
export async function appliquerFichierDansTransaction(
  trx: Transaction<DB>,
  genre: GenreImport,
  c: ContexteImport,
  flux: AsyncIterable<Uint8Array>,
): Promise<{ lignes: number; ajoutees: number; modifiees: number; inchangees: number }> {
  const cumul = await parcourir(flux, genre, 'UTF-8', (lignes) => genre.appliquer(trx, c, lignes), async () => {});
  if (cumul.rejets.length) {
    const premiers = [...cumul.rejets].sort((a, b) => a.ligne - b.ligne).slice(0, 5).map(texteRejet);
    throw new Error(`Import « ${genre.libelle} » : ${cumul.rejets.length} rejet(s), dont ${premiers.join(' ; ')}`);
  }
  return { lignes: cumul.lignes, ajoutees: cumul.ajoutees, modifiees: cumul.modifiees, inchangees: cumul.inchangees };
}

export const CLE_RESULTAT = 'resultat';

export const importTraitement = definirTraitement({
  type: TRAITEMENT_IMPORT,
  parametres: parametresImport,
  executer: async (t: ContexteTraitement<ParametresImport>) => {
    const { ctx } = t;
    const p = t.parametres;
    const genre = genreImport(p.genre);
    if (!genre) throw new ErreurTraitement(`Type d'import inconnu : « ${p.genre} ».`);
    const academie = await ctx.db.selectFrom('academie').select('libelle').where('code', '=', p.academieCode).executeTakeFirstOrThrow();
    const cle = await cleStockage(ctx, p.documentId, p.academieCode);
    const examen = await examinerFlux(await ctx.store.get(cle));
    const total = Math.max(1, examen.sautsDeLigne);
    await t.progression(0, total);
    const [obligatoires, facultatives] = colonnesDe(genre);
    const entete = await lireCsvFlux(await ctx.store.get(cle), examen.encodage, obligatoires, facultatives);
    if ('entete' in entete) throw new ErreurTraitement(entete.entete);
    await entete.lignes.return(undefined);
    const f = { encodage: examen.encodage, separateur: entete.separateur };
    const c: ContexteImport = { academieCode: p.academieCode, academieLibelle: academie.libelle, traitementId: t.id, le: ctx.clock.now() };
    const quoi = p.mode === 'apercu' ? 'Aperçu' : p.mode === 'tout-ou-rien' ? 'Application (tout ou rien)' : 'Application (lignes valides seulement)';
    await t.log('info', `${quoi} — ${genre.libelle} : fichier « ${p.fichier} » (${f.encodage}, séparateur « ${f.separateur} »), ${(examen.octets / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 0 })} ko, académie de ${academie.libelle}.`);
    // Inside one open transaction, the progression is written through another connection: only a
    // PostgreSQL pool has one (PGlite has a single connection: it would wait for itself).
    const progresEnTransaction = ctx.database.kind === 'postgres';
    const progres = (enTransaction: boolean) => async (n: number) => {
      if (!enTransaction) await t.progression(Math.min(n, total), total);
      else if (progresEnTransaction) await horsDeLaTransaction(() => t.progression(Math.min(n, total), total));
    };
    const absents = async (trx: Transaction<DB>, cles: Set<string>) => (genre.complet && genre.absents ? genre.absents(trx, c, cles) : []);

    let r: ResultatImport;
    // The full lists, for the CSV documents (the result keeps the first REJETS_AU_RESULTAT).
    const complets: { rejets: RejetLigne[]; absents: string[] } = { rejets: [], absents: [] };
    const resultat = (mode: ModeImport, cu: Cumul & { lignes: number }, fi: { encodage: string; separateur: string }, refuse: boolean) => {
      complets.rejets = [...cu.rejets].sort((a, b) => a.ligne - b.ligne);
      complets.absents = cu.absents;
      return resultatDe(mode, cu, fi, refuse);
    };
    if (p.mode === 'lignes-valides') {
      const cumul = await parcourir(await ctx.store.get(cle), genre, f.encodage, (lignes, n) => t.etape(`lot-${n}`, (trx) => genre.appliquer(trx, c, lignes)), progres(false));
      cumul.absents = await t.etape('absents', (trx) => absents(trx, cumul.cles));
      r = resultat(p.mode, cumul, f, false);
    } else {
      const unSeul = async (trx: Transaction<DB>) => {
        const cumul = await parcourir(await ctx.store.get(cle), genre, f.encodage, (lignes) => genre.appliquer(trx, c, lignes), progres(true));
        cumul.absents = await absents(trx, cumul.cles);
        if (p.mode === 'apercu' || cumul.rejets.length) throw new Annulation(cumul);
        return resultat(p.mode, cumul, f, false);
      };
      try {
        r = p.mode === 'apercu' ? await ctx.db.transaction().execute(unSeul) : await t.etape('application', unSeul);
      } catch (err) {
        if (!(err instanceof Annulation)) throw err;
        const b = err.bilan as Cumul & { lignes: number };
        r = resultat(p.mode, b, f, p.mode === 'tout-ou-rien');
      }
    }
    await t.progression(total, total);
    await compteRendu(t, genre, r, complets);
    await t.etape(CLE_RESULTAT, async () => r);
    if (r.refuse) throw new ErreurTraitement(`Tout ou rien : ${r.lignesRejetees} ligne(s) rejetée(s), aucune ligne n'a été appliquée. Corrigez le fichier ou appliquez les lignes valides seulement.`);
  },
});

async function compteRendu(t: ContexteTraitement<ParametresImport>, genre: GenreImport, r: ResultatImport, complets: { rejets: RejetLigne[]; absents: string[] }) {
  const rejets = complets.rejets.length ? complets.rejets : r.rejets;
  const absents = complets.absents.length ? complets.absents : r.absents;
  for (const x of rejets.slice(0, REJETS_AU_JOURNAL)) await t.log('avertissement', `Ligne rejetée — ${texteRejet(x)}`);
  if (rejets.length > REJETS_AU_JOURNAL) await t.log('avertissement', `… d'autres motifs de rejet : voir le document « Lignes rejetées ».`);
  if (r.rejets.length) {
    await t.document(
      'Lignes rejetées',
      TYPE_CSV,
      genererCsv(
        [
          { libelle: 'Ligne', valeur: (x: RejetLigne) => x.ligne },
          { libelle: 'Champ', valeur: (x: RejetLigne) => x.champ },
          { libelle: 'Motif', valeur: (x: RejetLigne) => x.motif },
        ],
        rejets,
      ),
    );
  }
  if (r.nbAbsents) {
    await t.log('avertissement', `${r.nbAbsents} ${genre.unite} de l'académie absent(s) du fichier (extraction complète) : rien n'est supprimé ; voir le document « Absents du fichier ».`);
    await t.document('Absents du fichier', TYPE_CSV, genererCsv([{ libelle: 'Absent du fichier', valeur: (x: string) => x }], absents));
  }
  const bilan = `${r.ajoutees} ${genre.unite} ajouté(s), ${r.modifiees} modifié(s), ${r.inchangees} inchangé(s) ; ${r.lignesRejetees} ligne(s) rejetée(s).`;
  if (r.mode === 'apercu') await t.log(r.lignesRejetees ? 'avertissement' : 'info', `Aperçu (rien n'a été appliqué) : ${bilan}`);
  else if (r.refuse) await t.log('erreur', `Bilan (tout ou rien refusé, rien n'a été appliqué) : ${bilan}`);
  else await t.log(r.lignesRejetees ? 'avertissement' : 'info', `Bilan : ${bilan}`);
}
