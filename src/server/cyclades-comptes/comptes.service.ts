// "Gérer les comptes Cyclades de mes élèves" (seed 002), établissement side: the state of the accounts
// on reopening, the generation and the regeneration (treatments, see comptes.traitements.ts), the runs
// and their papillons, the pupils list and its CSV export ("Liste détaillée de mes élèves").
//
// Scope: the actor's établissement's candidatures in current sessions, nothing else. A pupil of
// another établissement is never reached (404, whether he exists or not). Without the "service de
// gestion des candidats en établissement", every action answers 409 'service-indisponible'.
import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import {
  anneeSessionCourante,
  LIBELLE_ETAT,
  messageGenerationEnCours,
  messageReouverture,
  MESSAGE_AUCUN_ELIGIBLE,
  MESSAGE_LIMITATION_UN_ELEVE,
  MESSAGE_REGENERATION_EMAIL,
  MESSAGE_RIEN_A_GENERER,
  MESSAGE_RIEN_A_REGENERER,
  MESSAGE_SERVICE_INDISPONIBLE,
  motifNonEligible,
  PAS_DE_COMPTE,
} from '../../domain/cyclades/comptes.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { DB } from '../platform/db/tables.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import type { Colonne } from '../platform/documents/tableau.ts';
import { AppError, champInvalide, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { lancerTraitement, libelleType } from '../platform/traitements/traitements.ts';
import { contexteAudit } from '../imagin-etablissement/personnels.service.ts';
import * as repo from './comptes.repo.ts';
import type { FiltreElevesSaisi, GenererSaisie, RegenererSaisie } from './comptes.schemas.ts';
import { LIBELLE_DOCUMENT, TITRE_GENERATION, TRAITEMENT_GENERATION, TRAITEMENT_REGENERATION, type ParametresGeneration, type ParametresRegeneration } from './comptes.traitements.ts';

type Trace = { ip?: string; requestId?: string };

export const ELEVE_INTROUVABLE = "Cet élève n'existe pas ou n'est pas candidat de votre établissement dans une session en cours.";

/** A 409 with a code of its own, which the web page reads ('service-indisponible', 'generation-en-cours'…). */
class Conflit extends AppError {
  constructor(code: string, message: string) {
    super('CONFLIT', message);
    Object.defineProperty(this, 'code', { value: code });
  }
}

/** 409 with the code the web page reads to show why the activity is unavailable. */
export class ServiceIndisponible extends Conflit {
  constructor() {
    super('service-indisponible', MESSAGE_SERVICE_INDISPONIBLE);
  }
}

/** The partial unique index of migration 011: one waiting or running generation per établissement. */
const INDEX_UNE_GENERATION = 'traitement_une_generation_comptes';

async function portee(ctx: AppContext, actor: Actor) {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null) throw introuvable();
  const etab = await repo.etablissement(ctx.db, actor.etablissementId);
  if (!etab || etab.academie_code !== actor.academieCode) throw introuvable();
  const p: repo.PorteeEtablissement = { academieCode: actor.academieCode, etablissementId: etab.id, anneeMin: anneeSessionCourante(ctx.clock.now()) };
  return { p, etab };
}

/** The établissement's portée, refusing when it has no "service de gestion des candidats". */
async function porteeAvecService(ctx: AppContext, actor: Actor) {
  const r = await portee(ctx, actor);
  if (!r.etab.service_gestion_candidats) throw new ServiceIndisponible();
  return r;
}

// ---------------------------------------------------------------------------------------------
// State on reopening (seed 002 §1.2, §1.3)

/** Per pupil: eligible when one of his current candidatures is; his account and its kind. */
function bilan(lignes: readonly repo.LigneEleve[]) {
  const parEleve = new Map<number, { eligible: boolean; compte: boolean; typeLogin: repo.LigneEleve['type_login'] }>();
  for (const l of lignes) {
    const e = parEleve.get(l.candidat_id) ?? { eligible: false, compte: l.compte_id !== null, typeLogin: l.type_login };
    e.eligible ||= motifNonEligible(l) === null;
    parEleve.set(l.candidat_id, e);
  }
  const eleves = [...parEleve.values()];
  return { eleves, eligibles: eleves.filter((e) => e.eligible) };
}

export async function etatComptes(ctx: AppContext, actor: Actor) {
  const { p, etab } = await portee(ctx, actor);
  const [lignes, sessions, deja] = await Promise.all([
    repo.eleves(ctx.db, p),
    repo.sessionsCourantes(ctx.db, p),
    ctx.db.selectFrom('generation_comptes').select('id').where('etablissement_id', '=', p.etablissementId).limit(1).executeTakeFirst(),
  ]);
  const b = bilan(lignes);
  const nbSansCompte = b.eligibles.filter((e) => !e.compte).length;
  return {
    serviceGestionCandidats: etab.service_gestion_candidats,
    messageIndisponible: etab.service_gestion_candidats ? null : MESSAGE_SERVICE_INDISPONIBLE,
    sessions: sessions.map((s) => ({ id: s.id, libelle: s.libelle })),
    nbCandidatures: lignes.length,
    nbEligibles: b.eligibles.length,
    nbAvecCompte: b.eligibles.length - nbSansCompte,
    nbSansCompte,
    /** Eligible pupils whose password « Forcer » would regenerate ("prenom.nom" accounts). */
    nbRegenerables: b.eligibles.filter((e) => e.typeLogin === 'prenom_nom').length,
    nbNonEligibles: b.eleves.length - b.eligibles.length,
    message: messageReouverture(nbSansCompte),
    dejaGenere: !!deja,
  };
}

// ---------------------------------------------------------------------------------------------
// Generation and regeneration

/** The generation or regeneration of the établissement still waiting or running, if any. */
async function generationEnCours(ctx: AppContext, etablissementId: number) {
  return ctx.db
    .selectFrom('traitement as t')
    .leftJoin('compte as c', 'c.id', 't.cree_par')
    .select(['t.id', 't.titre', 't.cree_le', 'c.login'])
    .where('t.etablissement_id', '=', etablissementId)
    .where('t.type', 'in', [TRAITEMENT_GENERATION, TRAITEMENT_REGENERATION])
    .where('t.statut', 'in', ['en_attente', 'en_cours'])
    .orderBy('t.cree_le')
    .executeTakeFirst();
}

/** 409 naming the run in progress (issue 13 §23). */
async function refuserSiEnCours(ctx: AppContext, etablissementId: number): Promise<void> {
  const t = await generationEnCours(ctx, etablissementId);
  if (t) throw new Conflit('generation-en-cours', messageGenerationEnCours({ titre: t.titre, creeLe: new Date(t.cree_le), creePar: t.login }));
}

function estDejaEnCours(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as { code?: unknown; constraint?: unknown; message?: unknown };
  return x.code === '23505' && (x.constraint === INDEX_UNE_GENERATION || String(x.message ?? '').includes(INDEX_UNE_GENERATION));
}

/**
 * Records the run and launches its treatment, in one transaction, with the audit entry. One run per
 * établissement at a time: checked first for a clear answer, and held by the database (migration 011)
 * when two requests, on one server process or two, get past the check together.
 */
async function lancerGeneration<P>(
  ctx: AppContext,
  actor: Actor,
  trace: Trace,
  d: {
    generation: Omit<Parameters<typeof repo.creerGeneration>[1], 'creePar' | 'maintenant'>;
    type: string;
    parametres: (generationId: number) => P;
    audit: { action: string; apres: Record<string, unknown> };
  },
) {
  await refuserSiEnCours(ctx, d.generation.etablissementId);
  try {
    return await ctx.db.transaction().execute(async (trx) => lancerDans(trx));
  } catch (e) {
    if (!estDejaEnCours(e)) throw e;
    // The transaction is over (rolled back): the run that got there first is read outside it.
    await refuserSiEnCours(ctx, d.generation.etablissementId);
    // It ended in between: the user may simply try again.
    throw new Conflit('generation-en-cours', "Une autre génération des comptes de vos élèves vient d'être lancée en même temps que la vôtre : consultez « Accéder aux comptes » avant de relancer.");
  }

  async function lancerDans(trx: Transaction<DB>) {
    const generationId = await repo.creerGeneration(trx, { ...d.generation, creePar: actor.compteId, maintenant: ctx.clock.now() });
    const t = await lancerTraitement(ctx, trx, {
      type: d.type,
      titre: d.generation.titre,
      parametres: d.parametres(generationId),
      academieCode: d.generation.academieCode,
      creePar: actor.compteId,
      etablissementId: d.generation.etablissementId,
      visibilite: 'etablissement',
    });
    await trx.updateTable('generation_comptes').set({ traitement_id: t.id }).where('id', '=', generationId).execute();
    await audit(trx, contexteAudit(actor, trace), { action: d.audit.action, entite: 'generation_comptes', entiteId: generationId, apres: { traitement: t.id, ...d.audit.apres } });
    return { traitementId: t.id, generationId };
  }
}

export async function genererComptes(ctx: AppContext, actor: Actor, saisie: GenererSaisie, trace: Trace) {
  const { p } = await porteeAvecService(ctx, actor);
  await refuserSiEnCours(ctx, p.etablissementId);
  // Nothing to do: said plainly, nothing launched (issue 13 §24).
  const b = bilan(await repo.eleves(ctx.db, p));
  if (b.eligibles.length === 0) throw new Conflit('rien-a-generer', MESSAGE_AUCUN_ELIGIBLE);
  const aFaire = b.eligibles.filter((e) => !e.compte || (saisie.forcer && e.typeLogin === 'prenom_nom')).length;
  if (aFaire === 0) throw new Conflit('rien-a-generer', saisie.forcer ? MESSAGE_RIEN_A_REGENERER : MESSAGE_RIEN_A_GENERER);
  const sessions = await repo.sessionsCourantes(ctx.db, p);
  const r = await lancerGeneration(ctx, actor, trace, {
    generation: { academieCode: p.academieCode, etablissementId: p.etablissementId, sessionExamenId: sessions.length === 1 ? sessions[0]!.id : null, type: 'generation', regroupement: saisie.regroupement, forcer: saisie.forcer, titre: TITRE_GENERATION },
    type: TRAITEMENT_GENERATION,
    parametres: (generationId): ParametresGeneration => ({ generationId, etablissementId: p.etablissementId, compteId: actor.compteId, regroupement: saisie.regroupement, forcer: saisie.forcer }),
    audit: { action: 'comptes-candidats.generation', apres: { regroupement: saisie.regroupement, forcer: saisie.forcer } },
  });
  return {
    ...r,
    message: "La génération des comptes est lancée. Le traitement peut durer quelques minutes : « Accéder aux comptes » affiche son compte rendu et les papillons de connexion.",
  };
}

export async function regenererMotsDePasse(ctx: AppContext, actor: Actor, saisie: RegenererSaisie, trace: Trace) {
  const { p } = await porteeAvecService(ctx, actor);
  if (!saisie.supprimerLimitation && saisie.candidatIds.length !== 1) throw champInvalide('candidatIds', MESSAGE_LIMITATION_UN_ELEVE);
  const lignes = await repo.eleves(ctx.db, p, { candidatIds: saisie.candidatIds });
  const connus = new Set(lignes.map((l) => l.candidat_id));
  // Another établissement's pupil, or nobody: not found, whichever it is.
  if (saisie.candidatIds.some((id) => !connus.has(id))) throw introuvable(ELEVE_INTROUVABLE);
  if (saisie.candidatIds.length === 1) {
    const l = lignes[0]!;
    if (l.type_login === 'email') throw champInvalide('candidatIds', MESSAGE_REGENERATION_EMAIL);
    if (l.compte_id === null && lignes.every((x) => motifNonEligible(x) !== null)) {
      throw champInvalide('candidatIds', `${motifNonEligible(l)} : aucun compte ne peut être créé pour cet élève (seuls les candidats inscrits ou pré-inscrits ayant une adresse électronique en reçoivent un).`);
    }
  }
  const r = await lancerGeneration(ctx, actor, trace, {
    generation: { academieCode: p.academieCode, etablissementId: p.etablissementId, sessionExamenId: null, type: 'regeneration', regroupement: 'division', forcer: true, titre: saisie.titre },
    type: TRAITEMENT_REGENERATION,
    parametres: (generationId): ParametresRegeneration => ({ generationId, etablissementId: p.etablissementId, compteId: actor.compteId, regroupement: 'division', candidatIds: saisie.candidatIds }),
    audit: { action: 'comptes-candidats.regeneration', apres: { candidats: saisie.candidatIds } },
  });
  return {
    ...r,
    message: `La régénération du mot de passe de ${saisie.candidatIds.length} élève(s) est lancée : « Afficher le compte rendu » donne le(s) papillon(s) de connexion. Les papillons édités auparavant pour ces élèves ne permettront plus de se connecter.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Runs ("Accéder aux comptes", "Afficher le compte rendu")

export async function listerGenerations(ctx: AppContext, actor: Actor) {
  const { p } = await porteeAvecService(ctx, actor);
  const { lignes, documents } = await repo.generations(ctx.db, p.etablissementId);
  return {
    lignes: lignes.map((g) => ({
      id: g.id,
      type: g.type,
      titre: g.titre,
      creeLe: new Date(g.cree_le).toISOString(),
      creePar: g.cree_par,
      regroupement: g.regroupement,
      forcer: g.forcer,
      nbComptesCrees: g.nb_comptes_crees,
      nbMotsDePasseRegeneres: g.nb_mots_de_passe_regeneres,
      traitementId: g.traitement_id,
      statut: g.statut,
      documents: documents
        .filter((d) => d.traitement_id === g.traitement_id)
        .map((d) => ({ id: d.id, nom: d.nom, libelle: d.nom.endsWith('-2-par-page.pdf') ? LIBELLE_DOCUMENT.deux : LIBELLE_DOCUMENT.un, taille: d.taille, type: libelleType(d.type_mime) })),
      // Every pupil of this run has a newer papillon: this one no longer works.
      remplacee: g.statut === 'termine' && g.nb_comptes_crees + g.nb_mots_de_passe_regeneres > 0 && Number(g.en_vigueur) === 0,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Pupils ("Critères de sélection", "Liste détaillée de mes élèves")

function presenterEleve(l: repo.LigneEleve) {
  return {
    candidatId: l.candidat_id,
    candidatureId: l.candidature_id,
    numeroCandidat: l.numero_candidat,
    nom: l.nom,
    prenom: l.prenom,
    dateNaissance: l.date_naissance,
    division: l.division_classe,
    serieLibelle: l.serie_libelle,
    qualification: l.qualification_presentee,
    etat: LIBELLE_ETAT[l.etat],
    email: l.email,
    login: l.login,
    typeLogin: l.type_login,
    session: l.session,
  };
}

export async function listerEleves(ctx: AppContext, actor: Actor, f: FiltreElevesSaisi) {
  const { p } = await porteeAvecService(ctx, actor);
  const [lignes, criteres] = await Promise.all([repo.eleves(ctx.db, p, f), repo.valeursCriteres(ctx.db, p)]);
  return { lignes: lignes.map(presenterEleve), ...criteres };
}

const dateFr = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

const COLONNES_CSV: Colonne<repo.LigneEleve>[] = [
  { libelle: 'N° candidat', valeur: (l) => l.numero_candidat },
  { libelle: 'Nom', valeur: (l) => l.nom },
  { libelle: 'Prénom', valeur: (l) => l.prenom },
  { libelle: 'Date de naissance', valeur: (l) => dateFr(l.date_naissance) },
  { libelle: 'Division de classe', valeur: (l) => l.division_classe },
  { libelle: 'Série', valeur: (l) => l.serie_libelle },
  { libelle: 'Qualification présentée', valeur: (l) => l.qualification_presentee },
  { libelle: 'Etat de la candidature', valeur: (l) => LIBELLE_ETAT[l.etat] },
  { libelle: 'Adresse électronique', valeur: (l) => l.email ?? '' },
  { libelle: 'Identifiant de connexion', valeur: (l) => l.login ?? PAS_DE_COMPTE },
];

export async function exporterEleves(ctx: AppContext, actor: Actor, f: FiltreElevesSaisi): Promise<{ flux: Readable; fichier: string; typeMime: string }> {
  const { p, etab } = await porteeAvecService(ctx, actor);
  const lignes = await repo.eleves(ctx.db, p, f);
  return { flux: genererCsv(COLONNES_CSV, lignes), fichier: `Liste détaillée de mes élèves - ${etab.uai}.csv`, typeMime: TYPE_CSV };
}
