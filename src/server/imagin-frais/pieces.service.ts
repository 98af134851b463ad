// Pièces justificatives of an état de frais (seed 004 §2.4.4.4, issue 16 §5, decision 0030).
// - Deposit: the file comes as the raw request body and is streamed to the document store while it is
//   hashed (the store), measured (5 Mo at most, enforced while streaming) and scanned by ClamAV when
//   configured (platform/antivirus.ts). Its format is read from its first bytes, never from its name.
//   Nothing is kept when refused: what was written is deleted. The intervenant deposits while his état is
//   not validated, when his académie allows dematerialised receipts and once he has accepted its
//   conditions d'utilisation (as every route of his états de frais); the gestionnaire at any time.
// - Download: attachment, the type read from the content at deposit, nosniff — never inline. Readable by
//   its owner and by the académie's gestionnaires; anything else is 404.
// - Removal: the intervenant's own, until validation, unless the gestionnaire deposited it.
// Every deposit, refusal by the antivirus and removal is audited.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  LIBELLE_GROUPE_PIECE,
  messageNombreMax,
  messageTailleMax,
  OCTETS_SIGNATURE,
  PIECES_MAX_PAR_GROUPE,
  TAILLE_MAX_PIECE,
  verifierFichier,
  verifierNom,
} from '../../domain/imagin/frais/pieces.ts';
import type { GroupePiece, PieceVue } from '../../domain/imagin/frais/types.ts';
import { antivirusConfigure, AntivirusIndisponible, MESSAGE_ANTIVIRUS_INDISPONIBLE, type AnalyseEnCours } from '../platform/antivirus.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, champInvalide, conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { contexteAudit, type FichierGenere, type Trace } from '../imagin-gestion/commun.ts';
import { exigerConditions } from './intervenant.service.ts';
import * as repo from './pieces.repo.ts';
import { stockerRecapitulatif } from './validation.service.ts';

export { piecesDe } from './pieces.repo.ts';

export const BASE_INTERVENANT = '/api/intervenant/etats-frais';
export const BASE_GESTION = '/api/gestion/etats-frais';

const INTROUVABLE = "Cet état de frais n'existe pas ou ne vous est pas accessible.";
const PIECE_INTROUVABLE = "Cette pièce justificative n'existe pas ou ne vous est pas accessible.";
export const MESSAGE_NON_DEMATERIALISEES =
  "Votre académie n'autorise pas le dépôt des pièces justificatives en ligne : envoyez-les par courrier au service gestionnaire de la division des examens et concours.";
export const MESSAGE_VALIDE =
  "L'état de frais est validé : ses pièces justificatives ne peuvent plus être modifiées. Dévalidez-le d'abord si le gestionnaire ne l'a pas encore traité.";

/** Who acts: the intervenant on his own états (personneId), or a gestionnaire of the académie. */
function portee(actor: Actor, parGestionnaire: boolean): { academieCode: string; personneId?: number } {
  if (parGestionnaire) return { academieCode: actor.academieCode };
  if (actor.personneId === null) throw introuvable(INTROUVABLE);
  return { academieCode: actor.academieCode, personneId: actor.personneId };
}

const publique = ({ cleStockage: _c, etatFraisId: _e, sha256: _s, analyseAntivirus: _a, ...p }: repo.PieceStockee): PieceVue => p;

class TropVolumineux extends Error {}

/** Workflow states in which the récapitulatif PDF (receipts appended) is stored. */
const RECAPITULATIF_EDITE: ReadonlySet<string> = new Set(['valide', 'valide_gestionnaire', 'traite_gestionnaire']);

const fichierRefuse = (message: string) => champInvalide('fichier', message);

/**
 * Deposits one receipt. `flux`: the file's bytes (the request body, never held whole in memory);
 * `tailleAnnoncee`: the request's Content-Length when given (refused at once beyond 5 Mo).
 */
export async function deposerPiece(
  ctx: AppContext,
  actor: Actor,
  etatFraisId: number,
  groupe: GroupePiece,
  nom: string,
  flux: Readable | AsyncIterable<Uint8Array>,
  o: { parGestionnaire: boolean; tailleAnnoncee?: number; trace?: Trace },
): Promise<PieceVue> {
  const trace = o.trace ?? {};
  const etat = await repo.etatPourPieces(ctx.db, etatFraisId, portee(actor, o.parGestionnaire));
  if (!etat) throw introuvable(INTROUVABLE);
  if (!o.parGestionnaire) {
    await exigerConditions(ctx.db, etat.personneId, etat.academieCode);
    if (!(await repo.piecesDematerialisees(ctx.db, etat.academieCode))) throw new AppError('INTERDIT', MESSAGE_NON_DEMATERIALISEES);
    if (etat.workflow !== 'non_valide') throw conflit(MESSAGE_VALIDE);
  }
  // What can be refused before reading the body: the name, the count, the announced size.
  const deja = await repo.nombrePieces(ctx.db, etat.id, groupe);
  if (deja >= PIECES_MAX_PAR_GROUPE) throw fichierRefuse(messageNombreMax(groupe));
  const n = verifierNom(nom);
  if ('erreur' in n) throw fichierRefuse(n.erreur);
  if (o.tailleAnnoncee !== undefined && o.tailleAnnoncee > TAILLE_MAX_PIECE) throw new AppError('TROP_VOLUMINEUX', messageTailleMax(), { fichier: messageTailleMax() });

  // The scanner first: configured but not answering, nothing is read nor kept.
  const antivirus = antivirusConfigure(ctx.config);
  let analyse: AnalyseEnCours | null = null;
  if (antivirus) {
    try {
      analyse = await antivirus.ouvrir();
    } catch (err) {
      ctx.logger.error({ err: err instanceof Error ? err.message : String(err), antivirus: antivirus.adresse }, 'Antivirus injoignable : dépôt de pièce refusé');
      throw new AppError('INDISPONIBLE', MESSAGE_ANTIVIRUS_INDISPONIBLE);
    }
  }

  const cle = `frais/pieces/${etat.academieCode}/${etat.id}/${randomUUID()}`;
  let ecrit = false;
  const oublier = async () => {
    analyse?.abandonner();
    if (ecrit) await ctx.store.delete(cle).catch((err) => ctx.logger.warn({ err: String(err), cle }, 'Pièce refusée : suppression du fichier impossible'));
  };
  try {
    // The first bytes tell the format.
    const iterateur = (flux as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const tete: Buffer[] = [];
    let lus = 0;
    let fini = false;
    while (lus < OCTETS_SIGNATURE) {
      const r = await iterateur.next();
      if (r.done) {
        fini = true;
        break;
      }
      const b = Buffer.from(r.value);
      tete.push(b);
      lus += b.length;
    }
    const premiers = Buffer.concat(tete);
    const v = verifierFichier(nom, Math.max(o.tailleAnnoncee ?? 0, premiers.length), premiers, deja, groupe);
    if ('erreur' in v) throw fichierRefuse(v.erreur);

    let taille = 0;
    const a = analyse;
    async function* corps(): AsyncGenerator<Buffer> {
      for (const morceau of tete) yield* passer(morceau);
      if (fini) return;
      for await (const morceau of { [Symbol.asyncIterator]: () => iterateur }) yield* passer(Buffer.from(morceau));
    }
    async function* passer(morceau: Buffer): AsyncGenerator<Buffer> {
      taille += morceau.length;
      if (taille > TAILLE_MAX_PIECE) throw new TropVolumineux();
      if (a) await a.ecrire(morceau);
      yield morceau;
    }
    ecrit = true;
    const stocke = await ctx.store.put(cle, Readable.from(corps()), v.typeMime);
    if (stocke.taille === 0) throw fichierRefuse('Fichier : le document est vide.');

    const verdict = a ? await a.terminer() : null;
    analyse = null;
    if (verdict && !verdict.saine) {
      await oublier();
      await audit(ctx.db, contexteAudit(actor, trace), {
        action: 'etats-frais.piece.refus-antivirus',
        entite: 'etat_frais',
        entiteId: etat.id,
        apres: { groupe, nom, taille: stocke.taille, sha256: stocke.sha256, signature: verdict.signature },
      });
      ctx.logger.warn({ etatFraisId: etat.id, signature: verdict.signature, sha256: stocke.sha256 }, 'Pièce justificative refusée par l’antivirus');
      throw fichierRefuse(`Fichier : « ${nom} » contient un logiciel malveillant (${verdict.signature}) et n'a pas été conservé. Déposez une version saine du document.`);
    }

    const id = randomUUID();
    const deposeLe = ctx.clock.now();
    const workflowApres = await ctx.db.transaction().execute(async (trx) => {
      // The row lock makes the count exact when two files are sent at once.
      const e = await repo.etatPourPieces(trx, etat.id, { ...portee(actor, o.parGestionnaire), verrouiller: true });
      if (!e) throw introuvable(INTROUVABLE);
      if (!o.parGestionnaire && e.workflow !== 'non_valide') throw conflit(MESSAGE_VALIDE);
      if ((await repo.nombrePieces(trx, e.id, groupe)) >= PIECES_MAX_PAR_GROUPE) throw fichierRefuse(messageNombreMax(groupe));
      await repo.insererPiece(trx, {
        id,
        etatFraisId: e.id,
        academieCode: e.academieCode,
        personneId: e.personneId,
        groupe,
        nom,
        typeMime: v.typeMime,
        taille: stocke.taille,
        sha256: stocke.sha256,
        cleStockage: cle,
        deposeLe,
        deposePar: actor.compteId,
        parGestionnaire: o.parGestionnaire,
        analyse: verdict ? 'saine' : 'non_analysee',
      });
      await audit(trx, contexteAudit(actor, trace), {
        action: 'etats-frais.piece.depot',
        entite: 'frais_piece',
        entiteId: id,
        apres: { etatFraisId: e.id, groupe, nom, typeMime: v.typeMime, taille: stocke.taille, sha256: stocke.sha256, parGestionnaire: o.parGestionnaire, analyseAntivirus: verdict ? 'saine' : 'non_analysee' },
      });
      return e.workflow;
    });
    // A receipt deposited by the gestionnaire on a validated état: the stored récapitulatif is made
    // again (after the transaction) so that the one file held by both sides carries it. The receipt is
    // kept even if this fails; the error is logged and the next deposit or validation remakes it.
    if (o.parGestionnaire && RECAPITULATIF_EDITE.has(workflowApres)) {
      await stockerRecapitulatif(ctx, etat.id, actor.compteId).catch((err) =>
        ctx.logger.error({ err: err instanceof Error ? err.message : String(err), etatFraisId: etat.id }, 'Pièce déposée par le gestionnaire : récapitulatif non refait'),
      );
    }
    return {
      id,
      groupe,
      nom,
      typeMime: v.typeMime,
      taille: stocke.taille,
      deposeLe: deposeLe.toISOString(),
      deposeParGestionnaire: o.parGestionnaire,
      supprimable: !o.parGestionnaire && etat.workflow === 'non_valide',
    };
  } catch (err) {
    await oublier();
    if (err instanceof TropVolumineux) throw new AppError('TROP_VOLUMINEUX', messageTailleMax(), { fichier: messageTailleMax() });
    if (err instanceof AntivirusIndisponible) {
      ctx.logger.error({ err: err.message }, 'Antivirus injoignable pendant un dépôt de pièce');
      throw new AppError('INDISPONIBLE', MESSAGE_ANTIVIRUS_INDISPONIBLE);
    }
    throw err;
  }
}

/** The receipt's bytes from the document store (helper D appends them to the récapitulatif PDF). */
export async function lireFluxPiece(ctx: AppContext, piece: { cleStockage: string }): Promise<Readable> {
  return ctx.store.get(piece.cleStockage);
}

/** The receipt for download: its owner, or a gestionnaire of the académie; otherwise 404. */
export async function telechargerPiece(ctx: AppContext, actor: Actor, etatFraisId: number, pieceId: string, o: { parGestionnaire: boolean }): Promise<FichierGenere> {
  const etat = await repo.etatPourPieces(ctx.db, etatFraisId, portee(actor, o.parGestionnaire));
  if (!etat) throw introuvable(PIECE_INTROUVABLE);
  if (!o.parGestionnaire) await exigerConditions(ctx.db, etat.personneId, etat.academieCode);
  const p = await repo.piece(ctx.db, etat.id, pieceId, etat.workflow);
  if (!p) throw introuvable(PIECE_INTROUVABLE);
  return { flux: await lireFluxPiece(ctx, p), fichier: p.nom, typeMime: p.typeMime };
}

/** « ✗ »: the intervenant removes one of his receipts, until validation, unless the gestionnaire deposited it. */
export async function retirerPiece(ctx: AppContext, actor: Actor, etatFraisId: number, pieceId: string, trace: Trace): Promise<{ message: string }> {
  const scope = portee(actor, false);
  const p = await ctx.db.transaction().execute(async (trx) => {
    const etat = await repo.etatPourPieces(trx, etatFraisId, { ...scope, verrouiller: true });
    if (!etat) throw introuvable(PIECE_INTROUVABLE);
    await exigerConditions(trx, etat.personneId, etat.academieCode);
    const p = await repo.piece(trx, etat.id, pieceId, etat.workflow);
    if (!p) throw introuvable(PIECE_INTROUVABLE);
    if (etat.workflow !== 'non_valide') throw conflit(MESSAGE_VALIDE);
    if (p.deposeParGestionnaire) throw conflit(`« ${p.nom} » a été déposé par le gestionnaire : vous ne pouvez pas le supprimer.`);
    await repo.supprimerPiece(trx, p.id);
    await audit(trx, contexteAudit(actor, trace), {
      action: 'etats-frais.piece.suppression',
      entite: 'frais_piece',
      entiteId: p.id,
      avant: { etatFraisId: etat.id, groupe: p.groupe, nom: p.nom, taille: p.taille, sha256: p.sha256, deposeLe: p.deposeLe },
    });
    return p;
  });
  // The row is gone: the file follows (a failure leaves an unreachable file, never a dangling row).
  await ctx.store.delete(p.cleStockage).catch((err) => ctx.logger.warn({ err: String(err), cle: p.cleStockage }, 'Pièce supprimée : suppression du fichier impossible'));
  return { message: `« ${p.nom} » a été supprimé des pièces justificatives du ${LIBELLE_GROUPE_PIECE[p.groupe]}.` };
}
