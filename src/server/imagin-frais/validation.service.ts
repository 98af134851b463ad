// Valider / Dévalider an état de frais and its récapitulatif PDF (seed 004 §2.4.4.4, issue 16 §6,
// decision 0031).
// - Valider (the intervenant, his own état only — another's is 404): the état must be modifiable (not
//   validated, mission under way or over), at the version the page read (409 naming who changed it and
//   when), and its receipts there (deposited in their group, or declared sent by post) — otherwise 409
//   with `fields` so that the page goes back to the Récapitulatif. Then, in ONE transaction: the numéro
//   d'ordre (next in the académie, kept on a re-validation), the estimated amounts, 'valide', the version,
//   the audit entry. The récapitulatif (with the receipts appended) is then generated, stored as a
//   document readable by the person (and served to the académie's gestionnaires by their route) and
//   recorded on the état. A double click validates once: the second request gets the same answer.
// - Dévalider: back to 'non_valide' while the gestionnaire has not processed it.
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import { nomFichierRecapitulatif, recapitulatifDuDossier, TYPE_PDF } from './recapitulatif-pdf.ts';
import { lireDossier, piecesManquantes } from './validation.dossier.ts';
import * as repo from './validation.repo.ts';
import { exigerConditions } from './intervenant.service.ts';

export const INTROUVABLE = "Cet état de frais n'existe pas ou ne vous est pas accessible.";
export const ACTION_VALIDER = 'etat-frais.valider';
export const ACTION_DEVALIDER = 'etat-frais.devalider';

/** Workflow states the gestionnaire has taken over: no dévalidation any more. */
const TRAITES: Record<string, string> = {
  valide_gestionnaire: 'il a été validé par le gestionnaire',
  traite_gestionnaire: 'il a été traité par le gestionnaire (mise en paiement)',
  annule: 'il a été annulé par le gestionnaire',
};

export interface ResultatValidation {
  documentId: string;
  numeroOrdre: number;
  version: number;
}

function personneDe(actor: Actor): number {
  if (actor.role !== 'intervenant' || actor.personneId === null) throw introuvable(INTROUVABLE);
  return actor.personneId;
}

const quand = (d: Date) =>
  `le ${d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} à ${d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })}`;

async function versionPerimee(db: Parameters<typeof repo.auteurModification>[0], e: repo.EtatLu, actor: Actor): Promise<AppError> {
  const a = await repo.auteurModification(db, e.modifie_par);
  const qui = !a
    ? 'par le service de gestion'
    : a.id === actor.compteId
      ? 'par vous-même dans une autre fenêtre ou un autre onglet'
      : a.type === 'agent' || !a.nom
        ? `par ${a.login} (service de gestion)`
        : `par ${`${a.civilite ?? ''} ${a.prenom ?? ''} ${a.nom}`.replace(/\s+/g, ' ').trim()}`;
  return conflit(
    `Cet état de frais a été modifié ${quand(e.modifie_le)} ${qui} depuis l'affichage de cette page. Rien n'a été fait : rechargez la page pour voir son état actuel.`,
  );
}

/** « Relevé d’identité bancaire (RIB) » from « Relevé d’identité bancaire (RIB) : votre dossier… ». */
const libelleCourt = (r: { libelle: string }) => r.libelle.split(' : ')[0]!.replace(/\.$/, '');

/** The état of this intervenant, locked when inside a transaction; another person's is 404. */
async function etatDe(db: Parameters<typeof repo.etat>[0], actor: Actor, id: number, verrou: boolean): Promise<repo.EtatLu> {
  const personneId = personneDe(actor);
  const e = await repo.etat(db, id, verrou);
  if (!e || e.personne_id !== personneId) throw introuvable(INTROUVABLE);
  return e;
}

/**
 * Generates the récapitulatif of an état and records it (document readable by the person, kept as
 * long as the état); the previous récapitulatif, if any, is removed.
 */
export async function stockerRecapitulatif(ctx: AppContext, etatFraisId: number, compteId: number | null): Promise<string> {
  const d = await lireDossier(ctx.db, etatFraisId, ctx.clock.now());
  if (!d) throw introuvable(INTROUVABLE);
  const id = randomUUID();
  const le = ctx.clock.now();
  const cle = `etats-frais/${d.academieCode}/${etatFraisId}/recapitulatif-${id}.pdf`;
  const stocke = await ctx.store.put(cle, await recapitulatifDuDossier(ctx, d), TYPE_PDF);
  let precedent: string | null;
  try {
    precedent = await ctx.db.transaction().execute((trx) =>
      repo.enregistrerRecapitulatif(trx, etatFraisId, {
        id,
        academieCode: d.academieCode,
        personneId: d.personneId,
        compteId,
        nom: nomFichierRecapitulatif(d),
        typeMime: TYPE_PDF,
        taille: stocke.taille,
        sha256: stocke.sha256,
        cle,
        le,
      }),
    );
  } catch (err) {
    await ctx.store.delete(cle).catch(() => {});
    throw err;
  }
  if (precedent && precedent !== id) {
    const ancien = await repo.document(ctx.db, precedent);
    if (ancien) {
      await repo.supprimerDocument(ctx.db, precedent);
      await ctx.store.delete(ancien.cle_stockage).catch(() => {});
    }
  }
  return id;
}

/** « Valider »: see the header. */
export async function validerEtat(ctx: AppContext, actor: Actor, id: number, version: number, trace: Trace): Promise<ResultatValidation> {
  personneDe(actor);
  const r = await ctx.db.transaction().execute(async (trx) => {
    const e = await etatDe(trx, actor, id, true);
    // The second request of a double click: it read the version the first one validated.
    if (e.statut === 'valide' && e.modifie_par === actor.compteId && version === e.version - 1 && e.numero_ordre !== null) {
      return { deja: true as const, numeroOrdre: e.numero_ordre, version: e.version, documentId: e.recapitulatif_document_id };
    }
    if (e.version !== version) throw await versionPerimee(trx, e, actor);
    // The académie's conditions of use, accepted in their current version, before anything is sent.
    await exigerConditions(trx, e.personne_id, e.academie_code);
    if (e.statut !== 'non_valide') {
      const raison =
        e.statut === 'valide'
          ? 'il est déjà validé'
          : e.statut === 'mission_non_effectuee'
            ? 'vous avez déclaré la mission non effectuée'
            : (TRAITES[e.statut] ?? "il n'est pas en attente de validation");
      throw conflit(`Cet état de frais ne peut pas être validé : ${raison}.`);
    }
    const d = await lireDossier(trx, id, ctx.clock.now());
    if (!d) throw introuvable(INTROUVABLE);
    if (!d.modifiable) throw conflit("Cet état de frais ne peut pas encore être validé : la mission n'a pas commencé.");
    const manquantes = piecesManquantes(d);
    if (manquantes.length) {
      const fields: Record<string, string> = {};
      for (const g of ['paie', 'deplacement'] as const) {
        const l = manquantes.filter((m) => m.groupe === g).map(libelleCourt);
        if (l.length) fields[`pieces.${g}`] = `Pièces justificatives ${g === 'paie' ? 'du dossier paie' : 'du déplacement'} à déposer : ${l.join(' ; ')}.`;
      }
      throw new AppError(
        'CONFLIT',
        `Il manque des pièces justificatives : ${manquantes.map(libelleCourt).join(' ; ')}. Déposez-les dans le Récapitulatif, ou indiquez que vous les envoyez par voie postale, puis validez à nouveau.`,
        fields,
      );
    }
    const numeroOrdre = e.numero_ordre ?? (await repo.prochainNumeroOrdre(trx, e.academie_code));
    const le = ctx.clock.now();
    const nouvelle = e.version + 1;
    await repo.marquerValide(trx, id, {
      numeroOrdre,
      montantRemuneration: d.montants.remunerationCentimes,
      montantDeplacement: d.montants.deplacementCentimes,
      le,
      par: actor.compteId,
      version: nouvelle,
    });
    await audit(trx, contexteAudit(actor, trace), {
      action: ACTION_VALIDER,
      entite: 'etat_frais',
      entiteId: id,
      avant: { statut: e.statut, version: e.version },
      apres: {
        statut: 'valide',
        version: nouvelle,
        numeroOrdre,
        montantRemunerationCentimes: d.montants.remunerationCentimes,
        montantDeplacementCentimes: d.montants.deplacementCentimes,
        pieces: d.pieces.length,
        piecesParCourrier: d.piecesParCourrier,
      },
    });
    return { deja: false as const, numeroOrdre, version: nouvelle, documentId: null };
  });
  // The récapitulatif of this validation: generated once the validation is committed (it reads the
  // receipts from the store; the row lock is not held meanwhile). A double click's second request
  // reuses it, or makes it when the first one failed before recording it.
  let documentId = r.documentId;
  if (!r.deja || !documentId || !(await recapitulatifAJour(ctx, id))) documentId = await stockerRecapitulatif(ctx, id, actor.compteId);
  return { documentId, numeroOrdre: r.numeroOrdre, version: r.version };
}

/** Whether the recorded récapitulatif was made after the last validation. */
async function recapitulatifAJour(ctx: AppContext, id: number): Promise<boolean> {
  const e = await repo.etat(ctx.db, id);
  if (!e?.recapitulatif_document_id || !e.valide_le) return false;
  const doc = await repo.document(ctx.db, e.recapitulatif_document_id);
  return !!doc && doc.cree_le.getTime() >= e.valide_le.getTime();
}

/** « Dévalider »: back to 'non_valide' while the gestionnaire has not processed it. */
export async function devaliderEtat(ctx: AppContext, actor: Actor, id: number, version: number, trace: Trace): Promise<{ version: number }> {
  personneDe(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const e = await etatDe(trx, actor, id, true);
    const traite = TRAITES[e.statut];
    if (traite) throw conflit(`Cet état de frais ne peut plus être dévalidé : ${traite}. Adressez-vous au service de gestion pour toute correction.`);
    // A double click: the first request already dévalidated it.
    if (e.statut === 'non_valide' && e.modifie_par === actor.compteId && version === e.version - 1) return { version: e.version };
    if (e.version !== version) throw await versionPerimee(trx, e, actor);
    if (e.statut !== 'valide') throw conflit("Cet état de frais n'est pas validé : il n'y a rien à dévalider.");
    const le = ctx.clock.now();
    const nouvelle = e.version + 1;
    await repo.marquerNonValide(trx, id, { le, par: actor.compteId, version: nouvelle });
    await audit(trx, contexteAudit(actor, trace), {
      action: ACTION_DEVALIDER,
      entite: 'etat_frais',
      entiteId: id,
      avant: { statut: e.statut, version: e.version, numeroOrdre: e.numero_ordre },
      apres: { statut: 'non_valide', version: nouvelle },
    });
    return { version: nouvelle };
  });
}

export interface FichierRecapitulatif {
  flux: Readable;
  fichier: string;
  typeMime: string;
  taille: number;
}

/** Validated states: a récapitulatif exists for them (made again if it was lost). */
const VALIDES = new Set(['valide', 'valide_gestionnaire', 'traite_gestionnaire']);

async function ouvrirRecapitulatif(ctx: AppContext, e: repo.EtatLu, compteId: number): Promise<FichierRecapitulatif> {
  let docId = e.recapitulatif_document_id;
  let doc = docId ? await repo.document(ctx.db, docId) : undefined;
  if (doc && !(await ctx.store.exists(doc.cle_stockage))) {
    ctx.logger.error({ document: doc.id, cle: doc.cle_stockage }, "Récapitulatif d'état de frais absent du stockage : il est refait");
    doc = undefined;
  }
  if (!doc) {
    if (!VALIDES.has(e.statut)) throw introuvable("Le récapitulatif de cet état de frais n'est pas encore édité : il l'est à sa validation.");
    docId = await stockerRecapitulatif(ctx, e.id, compteId);
    doc = await repo.document(ctx.db, docId);
    if (!doc) throw introuvable(INTROUVABLE);
  }
  return { flux: await ctx.store.get(doc.cle_stockage), fichier: doc.nom, typeMime: doc.type_mime, taille: Number(doc.taille) };
}

/** The intervenant's récapitulatif (his own état only). */
export async function recapitulatifIntervenant(ctx: AppContext, actor: Actor, id: number): Promise<FichierRecapitulatif> {
  const e = await etatDe(ctx.db, actor, id, false);
  return ouvrirRecapitulatif(ctx, e, actor.compteId);
}

/** The récapitulatif for a gestionnaire of the état's académie. */
export async function recapitulatifGestionnaire(ctx: AppContext, actor: Actor, id: number): Promise<FichierRecapitulatif> {
  if (actor.role !== 'gestionnaire') throw introuvable(INTROUVABLE);
  const e = await repo.etat(ctx.db, id);
  if (!e || e.academie_code !== actor.academieCode) throw introuvable(INTROUVABLE);
  return ouvrirRecapitulatif(ctx, e, actor.compteId);
}
