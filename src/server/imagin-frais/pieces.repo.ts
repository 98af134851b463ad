// Pièces justificatives (frais_piece, migration 022): the only SQL of the receipts. Every function takes
// the executor first (the database, or the caller's transaction).
import type { Kysely, Transaction } from 'kysely';
import type { EtatWorkflow, GroupePiece, PieceVue } from '../../domain/imagin/frais/types.ts';
import type { DB } from '../platform/db/tables.ts';

type Executeur = Kysely<DB> | Transaction<DB>;

export interface EtatPourPieces {
  id: number;
  academieCode: string;
  personneId: number;
  workflow: EtatWorkflow;
}

/**
 * The état de frais in this scope, or undefined: the intervenant's own (personneId) in the académie, or
 * any of the académie (gestionnaire). `verrouiller` locks the row (the count of receipts then holds until
 * the transaction ends).
 */
export async function etatPourPieces(db: Executeur, etatFraisId: number, o: { academieCode: string; personneId?: number; verrouiller?: boolean }): Promise<EtatPourPieces | undefined> {
  let q = db
    .selectFrom('etat_frais')
    .select(['id', 'academie_code', 'personne_id', 'statut'])
    .where('id', '=', etatFraisId)
    .where('academie_code', '=', o.academieCode);
  if (o.personneId !== undefined) q = q.where('personne_id', '=', o.personneId);
  const r = await (o.verrouiller ? q.forUpdate() : q).executeTakeFirst();
  return r ? { id: r.id, academieCode: r.academie_code, personneId: r.personne_id, workflow: r.statut as EtatWorkflow } : undefined;
}

/** Whether the académie lets intervenants upload their receipts (frais_parametres; no row: no). */
export async function piecesDematerialisees(db: Executeur, academieCode: string): Promise<boolean> {
  const r = await db.selectFrom('frais_parametres').select('pieces_dematerialisees').where('academie_code', '=', academieCode).executeTakeFirst();
  return r?.pieces_dematerialisees ?? false;
}

export async function nombrePieces(db: Executeur, etatFraisId: number, groupe: GroupePiece): Promise<number> {
  const r = await db.selectFrom('frais_piece').select((eb) => eb.fn.countAll<string>().as('n')).where('etat_frais_id', '=', etatFraisId).where('groupe', '=', groupe).executeTakeFirstOrThrow();
  return Number(r.n);
}

export type PieceStockee = PieceVue & { cleStockage: string; etatFraisId: number; sha256: string; analyseAntivirus: 'saine' | 'non_analysee' };

type Ligne = {
  id: string;
  etat_frais_id: number;
  groupe: GroupePiece;
  nom: string;
  type_mime: string;
  taille: number | string;
  sha256: string;
  cle_stockage: string;
  depose_le: Date | string;
  depose_par_gestionnaire: boolean;
  analyse_antivirus: 'saine' | 'non_analysee';
};

const COLONNES = ['id', 'etat_frais_id', 'groupe', 'nom', 'type_mime', 'taille', 'sha256', 'cle_stockage', 'depose_le', 'depose_par_gestionnaire', 'analyse_antivirus'] as const;

function vue(r: Ligne, workflow: EtatWorkflow | null): PieceStockee {
  return {
    id: r.id,
    groupe: r.groupe,
    nom: r.nom,
    typeMime: r.type_mime,
    taille: Number(r.taille),
    deposeLe: new Date(r.depose_le).toISOString(),
    deposeParGestionnaire: r.depose_par_gestionnaire,
    // The intervenant removes his own until validation, never the gestionnaire's (004 §2.4.4.4).
    supprimable: workflow === 'non_valide' && !r.depose_par_gestionnaire,
    cleStockage: r.cle_stockage,
    etatFraisId: r.etat_frais_id,
    sha256: r.sha256,
    analyseAntivirus: r.analyse_antivirus,
  };
}

/**
 * The receipts of an état, paie first then déplacement, in the order they were deposited. `supprimable`
 * follows the état's workflow (read here unless given).
 */
export async function piecesDe(db: Executeur, etatFraisId: number, workflow?: EtatWorkflow): Promise<PieceStockee[]> {
  const statut = workflow ?? ((await db.selectFrom('etat_frais').select('statut').where('id', '=', etatFraisId).executeTakeFirst())?.statut as EtatWorkflow | undefined) ?? null;
  const rows = await db.selectFrom('frais_piece').select(COLONNES).where('etat_frais_id', '=', etatFraisId).orderBy('groupe', 'desc').orderBy('depose_le').orderBy('id').execute();
  return rows.map((r) => vue(r as Ligne, statut));
}

export async function piece(db: Executeur, etatFraisId: number, pieceId: string, workflow: EtatWorkflow): Promise<PieceStockee | undefined> {
  const r = await db.selectFrom('frais_piece').select(COLONNES).where('etat_frais_id', '=', etatFraisId).where('id', '=', pieceId).executeTakeFirst();
  return r ? vue(r as Ligne, workflow) : undefined;
}

export async function insererPiece(
  db: Executeur,
  p: {
    id: string;
    etatFraisId: number;
    academieCode: string;
    personneId: number;
    groupe: GroupePiece;
    nom: string;
    typeMime: string;
    taille: number;
    sha256: string;
    cleStockage: string;
    deposeLe: Date;
    deposePar: number;
    parGestionnaire: boolean;
    analyse: 'saine' | 'non_analysee';
  },
): Promise<void> {
  await db
    .insertInto('frais_piece')
    .values({
      id: p.id,
      etat_frais_id: p.etatFraisId,
      academie_code: p.academieCode,
      personne_id: p.personneId,
      groupe: p.groupe,
      nom: p.nom,
      type_mime: p.typeMime,
      taille: p.taille,
      sha256: p.sha256,
      cle_stockage: p.cleStockage,
      depose_le: p.deposeLe,
      depose_par: p.deposePar,
      depose_par_gestionnaire: p.parGestionnaire,
      analyse_antivirus: p.analyse,
    })
    .execute();
}

export async function supprimerPiece(db: Executeur, pieceId: string): Promise<void> {
  await db.deleteFrom('frais_piece').where('id', '=', pieceId).execute();
}
