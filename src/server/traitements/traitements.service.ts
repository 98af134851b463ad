// Use cases of the compte rendu screens: list the treatments an actor may see, show one ("Afficher le
// compte rendu"), open a generated document for download. Scope checks live here, queries in the repo.
import type { Readable } from 'node:stream';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { DocumentRow, StatutTraitement } from '../platform/db/tables.ts';
import { conflit, introuvable } from '../platform/errors.ts';
import { exigerLectureDocument, peutLireDocument, type Actor } from '../platform/policy.ts';
import { estRelancable, libelleType, nomFichier, relancerTraitement } from '../platform/traitements/traitements.ts';
import { documentParId, documentsDuTraitement, journalDuTraitement, traitementsVisibles, traitementVisible, type PorteeLecteur } from './traitements.repo.ts';

const AGENTS_ACADEMIE: Actor['role'][] = ['gestionnaire', 'administrateur', 'dsi'];

export const LIBELLE_STATUT: Record<StatutTraitement, string> = {
  en_attente: 'En attente',
  en_cours: 'En cours',
  termine: 'Terminé',
  erreur: 'En erreur',
};

export function porteeDe(actor: Actor): PorteeLecteur {
  return {
    academieCode: actor.academieCode,
    compteId: actor.compteId,
    etablissementId: actor.role === 'chef_etablissement' ? actor.etablissementId : null,
    agentAcademie: AGENTS_ACADEMIE.includes(actor.role),
  };
}

/** Seconds between start and end, or until now for a treatment still running; null before it starts. */
function duree(ctx: AppContext, debut: Date | null, fin: Date | null): number | null {
  if (!debut) return null;
  const f = fin ? new Date(fin) : ctx.clock.now();
  return Math.max(0, Math.round((f.getTime() - new Date(debut).getTime()) / 1000));
}

export async function listerTraitements(ctx: AppContext, actor: Actor, opts: { limite: number; type?: string }) {
  const rows = await traitementsVisibles(ctx.db, porteeDe(actor), opts);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    titre: r.titre,
    statut: r.statut,
    libelleStatut: LIBELLE_STATUT[r.statut],
    progression: r.progression,
    total: r.total,
    creeLe: r.cree_le,
    debut: r.debut,
    fin: r.fin,
    dureeSecondes: duree(ctx, r.debut, r.fin),
    nbDocuments: r.nb_documents ?? 0,
    erreur: r.erreur,
  }));
}

function presenterDocument(d: DocumentRow) {
  return {
    id: d.id,
    nom: d.nom,
    fichier: nomFichier(d.nom, d.type_mime),
    taille: d.taille,
    type: libelleType(d.type_mime),
    typeMime: d.type_mime,
    creeLe: d.cree_le,
    url: `/api/documents/${d.id}`,
  };
}

/** "Afficher le compte rendu": the treatment, its log lines and the documents the actor may read. */
export async function compteRendu(ctx: AppContext, actor: Actor, id: string) {
  const t = await traitementVisible(ctx.db, porteeDe(actor), id);
  if (!t) throw introuvable("Ce traitement n'existe pas ou ne vous est pas accessible.");
  const [journal, documents] = await Promise.all([journalDuTraitement(ctx.db, id), documentsDuTraitement(ctx.db, id)]);
  return {
    id: t.id,
    type: t.type,
    titre: t.titre,
    parametres: t.parametres,
    statut: t.statut,
    libelleStatut: LIBELLE_STATUT[t.statut],
    progression: t.progression,
    total: t.total,
    serveur: t.serveur,
    creeLe: t.cree_le,
    debut: t.debut,
    fin: t.fin,
    dureeSecondes: duree(ctx, t.debut, t.fin),
    tentatives: t.tentatives,
    erreur: t.erreur,
    relancable: t.statut === 'erreur' && estRelancable(ctx, t.type),
    journal: journal.map((l) => ({ le: l.le, niveau: l.niveau, message: l.message })),
    documents: documents.filter((d) => peutLireDocument(actor, d)).map(presenterDocument),
  };
}

export interface DocumentOuvert {
  flux: Readable;
  fichier: string;
  typeMime: string;
  taille: number;
}

/** A document for download, after the policy check; another scope's document is "not found". */
export async function ouvrirDocument(ctx: AppContext, actor: Actor, id: string, trace: { ip?: string; requestId?: string }): Promise<DocumentOuvert> {
  const d = await documentParId(ctx.db, id);
  if (!d) throw introuvable("Ce document n'existe pas ou ne vous est pas accessible.");
  exigerLectureDocument(actor, d);
  if (d.expire_le && new Date(d.expire_le).getTime() < ctx.clock.now().getTime()) {
    throw introuvable("Ce document n'est plus disponible : sa durée de conservation est dépassée. Relancez le traitement qui l'a produit.");
  }
  let flux: Readable;
  try {
    flux = await ctx.store.get(d.cle_stockage);
  } catch (err) {
    ctx.logger.error({ err, document: d.id, cle: d.cle_stockage }, 'Document absent du stockage');
    throw introuvable("Le fichier de ce document est introuvable dans le stockage. Relancez le traitement qui l'a produit.");
  }
  // Papillons and convocations hold passwords: who downloaded them is worth keeping.
  await audit(
    ctx.db,
    { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null },
    { action: 'document.telechargement', entite: 'document', entiteId: d.id, apres: { nom: d.nom, traitementId: d.traitement_id } },
  );
  return { flux, fichier: nomFichier(d.nom, d.type_mime), typeMime: d.type_mime, taille: d.taille };
}

/**
 * « Relancer » a treatment in error that its type allows to relaunch (new passwords must reach their
 * papillons: issue 18 §5). The reader's scope applies: another scope's treatment is « not found ».
 */
export async function relancer(ctx: AppContext, actor: Actor, id: string, trace: { ip?: string; requestId?: string }) {
  const t = await traitementVisible(ctx.db, porteeDe(actor), id);
  if (!t) throw introuvable("Ce traitement n'existe pas ou ne vous est pas accessible.");
  if (!estRelancable(ctx, t.type)) throw conflit("Ce traitement ne peut pas être relancé : lancez-en un nouveau depuis son activité.");
  if (t.statut !== 'erreur') throw conflit("Ce traitement n'est pas en erreur : il n'y a rien à relancer.");
  await ctx.db.transaction().execute(async (trx) => {
    await relancerTraitement(ctx, trx, id, actor.login);
    await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null }, { action: 'traitement.relancer', entite: 'traitement', entiteId: id });
  });
  return { message: `Traitement « ${t.titre} » relancé : il reprend là où il s'était arrêté.` };
}
