// « Liquidation des frais » (gestionnaire, issue 16 §8, décision 0033): the frais ready for a batch, the
// batches with their documents and totals, the launch of a batch (a treatment, one at a time per
// académie) and the payment return that marks the frais paid — and the ICC répartition lines the batch
// took, whose declaration then reads « Accepté » (décision 0033).
import { LIBELLE_NATURE, LIBELLE_STATUT_LOT, COLONNES_RETOUR, lireLigneRetour, montantFichier, type LigneRetour } from '../../domain/imagin/frais/liquidation.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { champInvalide, conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { lancerTraitement } from '../platform/traitements/traitements.ts';
import { decoderFichier, lireCsv, type RejetLigne } from '../imports/fichier-csv.ts';
import { marquerLignesPayees as marquerIccPayees } from '../imagin-constat/icc.repo.ts';
import * as repo from './liquidation.repo.ts';
import { TAILLE_MAX_RETOUR } from './liquidation.schemas.ts';
import { TRAITEMENT_LIQUIDATION } from './liquidation.traitement.ts';

export const BASE_LIQUIDATION = '/api/gestion/liquidation-frais';

interface Trace {
  ip?: string;
  requestId?: string;
}

function academieGeree(actor: Actor): string {
  if (actor.role !== 'gestionnaire') throw introuvable();
  return actor.academieCode;
}

function auditCtx(actor: Actor, academieCode: string, t: Trace) {
  return { academieCode, compteId: actor.compteId, acteur: actor.login, ip: t.ip ?? null, requestId: t.requestId ?? null };
}

/** The screen: frais ready (with the filters), the running batch, the batches with documents and totals. */
export async function ecranLiquidation(ctx: AppContext, actor: Actor, filtres: repo.FiltresLiquidation) {
  const academieCode = academieGeree(actor);
  const [prets, icc, lots, enCours, examens] = await Promise.all([
    repo.compterPrets(ctx.db, academieCode, filtres),
    repo.compterIccPrets(ctx.db, academieCode, filtres),
    repo.lots(ctx.db, academieCode),
    repo.lotEnCours(ctx.db, academieCode),
    ctx.db
      .selectFrom('etat_frais as f')
      .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
      .innerJoin('mission as m', 'm.id', 'c.mission_id')
      .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
      .leftJoin('examen as x', 'x.code', 'se.examen_code')
      .select(['se.id as session_id', 'se.libelle as session', 'se.examen_code', 'x.libelle as examen'])
      .distinct()
      .where('f.academie_code', '=', academieCode)
      .where('f.statut', '=', 'valide_gestionnaire')
      .orderBy('se.examen_code')
      .orderBy('se.libelle')
      .execute(),
  ]);
  const docs = await repo.documentsDesTraitements(ctx.db, lots.map((l) => l.traitement_id).filter((x): x is string => !!x));
  return {
    prets: { ...prets, icc },
    enCours: enCours ? { lotId: enCours.id, numero: enCours.numero, traitementId: enCours.traitement_id } : null,
    sessions: examens.map((s) => ({ sessionId: s.session_id, session: s.session, examenCode: s.examen_code, examen: s.examen ?? s.examen_code })),
    lots: lots.map((l) => ({
      id: l.id,
      numero: l.numero,
      statut: l.statut,
      libelleStatut: l.statut === 'en_preparation' && l.traitement_statut === 'erreur' ? 'En erreur' : LIBELLE_STATUT_LOT[l.statut],
      traitementId: l.traitement_id,
      traitementStatut: l.traitement_statut,
      creeLe: l.cree_le,
      par: l.par,
      nbFrais: l.nb_frais,
      totalCentimes: Number(l.total_centimes),
      totalRemunerationCentimes: Number(l.total_remuneration ?? 0),
      totalDeplacementCentimes: Number(l.total_deplacement ?? 0),
      totalIccCentimes: Number(l.total_icc ?? 0),
      nbLignes: l.nb_lignes + l.nb_icc,
      nbLignesPayees: l.nb_payees + l.nb_icc_payees,
      nbIcc: l.nb_icc,
      payeLe: l.paye_le,
      documents: docs.filter((d) => d.traitement_id === l.traitement_id).map((d) => ({ id: d.id, nom: d.nom, typeMime: d.type_mime, taille: d.taille, url: `/api/documents/${d.id}` })),
    })),
  };
}

/**
 * « Constituer un lot de liquidation »: a batch numbered next in the académie and its treatment, in one
 * transaction that holds the académie's row: one batch is built at a time (409 naming the running one).
 */
export async function lancerLiquidation(ctx: AppContext, actor: Actor, b: { examenCode?: string | undefined; sessionId?: number | undefined }, t: Trace) {
  const academieCode = academieGeree(actor);
  const filtres = { examenCode: b.examenCode || undefined, sessionId: b.sessionId };
  return ctx.db.transaction().execute(async (trx) => {
    await repo.verrouillerAcademie(trx, academieCode);
    const enCours = await repo.lotEnCours(trx, academieCode);
    if (enCours) {
      throw conflit(`Le lot de liquidation n° ${enCours.numero} est en cours de constitution (traitement ${enCours.traitement_id}) : attendez sa fin avant d'en constituer un autre.`);
    }
    const prets = await repo.compterPrets(trx, academieCode, filtres);
    const icc = await repo.compterIccPrets(trx, academieCode, filtres);
    if (prets.nb === 0 && icc.nb === 0) throw conflit("Aucun état de frais validé par le gestionnaire n'attend de liquidation" + (filtres.examenCode || filtres.sessionId ? ' pour cette sélection.' : '.'));
    const lot = await repo.creerLot(trx, { academieCode, creePar: actor.compteId, le: ctx.clock.now() });
    const { id: traitementId } = await lancerTraitement(ctx, trx, {
      type: TRAITEMENT_LIQUIDATION,
      titre: `Liquidation des frais — lot n° ${lot.numero}`,
      parametres: { lotId: lot.id, numero: lot.numero, academieCode, ...(filtres.examenCode ? { examenCode: filtres.examenCode } : {}), ...(filtres.sessionId ? { sessionId: filtres.sessionId } : {}) },
      academieCode,
      creePar: actor.compteId,
      visibilite: 'academie',
    });
    await repo.rattacherTraitement(trx, lot.id, traitementId);
    await audit(trx, auditCtx(actor, academieCode, t), { action: 'liquidation-frais.lancement', entite: 'liquidation_lot', entiteId: lot.id, apres: { numero: lot.numero, filtres, prets: prets.nb, icc: icc.nb } });
    return { lotId: lot.id, numero: lot.numero, traitementId };
  });
}

export interface BilanRetour {
  lot: number;
  payees: number;
  dejaPayees: number;
  etatsPayes: number;
  lotPaye: boolean;
  rejets: RejetLigne[];
}

/**
 * The payment return of a batch: each line (numéro d'ordre, nature, montant payé, date) marks its
 * line paid; an état is paid once all its lines are, the batch once all its lines are. Valid lines are
 * applied, the others are listed with their number and reason; the same file twice changes nothing.
 */
export async function retourPaiement(ctx: AppContext, actor: Actor, lotId: number, b: { nomFichier: string; contenu: string }, t: Trace): Promise<BilanRetour> {
  const academieCode = academieGeree(actor);
  const lot = await repo.lot(ctx.db, academieCode, lotId);
  if (!lot) throw introuvable("Ce lot de liquidation n'existe pas ou n'est pas celui de votre académie.");
  if (lot.statut === 'en_preparation') throw conflit(`Le lot n° ${lot.numero} est encore en préparation : son retour de paiement ne peut être importé qu'une fois le fichier produit.`);
  const octets = Buffer.from(b.contenu, 'base64');
  if (octets.length === 0) throw champInvalide('fichier', 'Fichier : le fichier est vide.');
  if (octets.length > TAILLE_MAX_RETOUR) throw champInvalide('fichier', 'Fichier : 1 Mo au plus.');
  const lu = lireCsv(decoderFichier(octets).texte, COLONNES_RETOUR);
  if ('entete' in lu) throw champInvalide('fichier', `Fichier : ${lu.entete}`);
  const rejets: RejetLigne[] = [...lu.rejets];
  const valides: LigneRetour[] = [];
  for (const l of lu.lignes) {
    const r = lireLigneRetour(l.champ, l.ligne);
    if ('rejets' in r) rejets.push(...r.rejets.map((x) => ({ ligne: l.ligne, champ: x.champ, motif: `Ligne ${l.ligne} : ${x.motif}` })));
    else valides.push(r.valeur);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const lignes = await repo.lignesAPayer(trx, lot.id);
    const icc = await repo.iccAPayer(trx, lot.id);
    const parCle = new Map<string, { montant: number; payee: boolean; etatFraisId: number | null; iccId: number | null; nature: 'remuneration' | 'deplacement' | 'icc' }>([
      ...lignes.map((l) => [`${l.numero_ordre}|${l.nature}`, { montant: l.montant_centimes, payee: l.paye_le !== null, etatFraisId: l.etat_frais_id, iccId: null, nature: l.nature }] as const),
      // An ICC line the gestionnaire took back since it entered the batch (no longer « validé ») is unknown here.
      ...icc.filter((l) => l.statut === 'valide' || l.statut === 'paye').map((l) => [`ICC-${l.id}|icc`, { montant: l.montant_centimes, payee: l.statut === 'paye', etatFraisId: null, iccId: l.id, nature: 'icc' as const }] as const),
    ]);
    const aMarquer: Array<{ etatFraisId: number; nature: 'remuneration' | 'deplacement'; le: Date }> = [];
    const iccAMarquer = new Map<string, number[]>();
    const vues = new Set<string>();
    let dejaPayees = 0;
    for (const v of valides) {
      const cle = `${v.reference}|${v.nature}`;
      const l = parCle.get(cle);
      if (!l) {
        rejets.push({ ligne: v.ligne, champ: 'NUMERO_ORDRE', motif: `Ligne ${v.ligne} : numéro d'ordre ${v.reference} (${LIBELLE_NATURE[v.nature]}) inconnu dans le lot n° ${lot.numero}.` });
        continue;
      }
      if (l.montant !== v.montantCentimes) {
        rejets.push({ ligne: v.ligne, champ: 'MONTANT_PAYE', motif: `Ligne ${v.ligne} : montant payé ${montantFichier(v.montantCentimes)} différent du montant liquidé ${montantFichier(l.montant)} pour le numéro d'ordre ${v.reference} (${LIBELLE_NATURE[v.nature]}).` });
        continue;
      }
      if (l.payee || vues.has(cle)) {
        dejaPayees++;
        continue;
      }
      vues.add(cle);
      if (l.iccId !== null) iccAMarquer.set(v.date, [...(iccAMarquer.get(v.date) ?? []), l.iccId]);
      else aMarquer.push({ etatFraisId: l.etatFraisId!, nature: l.nature as 'remuneration' | 'deplacement', le: new Date(`${v.date}T12:00:00Z`) });
    }
    let iccPayees = 0;
    for (const [date, ids] of iccAMarquer) iccPayees += await marquerIccPayees(trx, ids, new Date(`${date}T12:00:00Z`));
    const payees = (await repo.marquerLignesPayees(trx, lot.id, aMarquer)) + iccPayees;
    const etats = await repo.marquerEtatsPayes(trx, lot.id, actor.compteId, ctx.clock.now());
    const lotPaye = await repo.marquerLotPaye(trx, lot.id);
    rejets.sort((a, c) => a.ligne - c.ligne);
    await audit(trx, auditCtx(actor, academieCode, t), {
      action: 'liquidation-frais.retour-paiement',
      entite: 'liquidation_lot',
      entiteId: lot.id,
      apres: { fichier: b.nomFichier.slice(0, 150), payees, dejaPayees, etatsPayes: etats.length, lotPaye, rejets: rejets.length },
    });
    return { lot: lot.numero, payees, dejaPayees, etatsPayes: etats.length, lotPaye, rejets };
  });
}
