// Espace candidat (issue 6, seed 002): what a candidate reads with his CYCLADES account — his
// candidatures with the récapitulatif d'inscription of each (PDF), and his results once the DEC has
// published them for the candidature's académie and session (frozen in resultat_publie). The candidate
// is the one linked to the actor's account (compte_candidat); any other candidature answers 404.
import { anneeSessionCourante, LIBELLE_ETAT } from '../../domain/cyclades/comptes.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { NotePubliee, TypeEtablissement } from '../platform/db/tables.ts';
import { resultatsDuCompte, type LigneResultat } from './espace-candidat.repo.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';

export const BASE_CANDIDAT = '/api/candidat';
export const CANDIDATURE_INTROUVABLE = "Cette candidature n'existe pas ou n'est pas la vôtre.";
export const RESULTATS_NON_PUBLIES = 'Résultats non publiés';
export const SANS_RESULTAT = "Aucun résultat n'a été publié pour cette candidature.";
/** A presumed fraudster's result is held until the disciplinary decision (issue 13 §18); the wording stays neutral. */
export const RESULTAT_RESERVE = "Résultat réservé : il vous sera communiqué à l'issue de l'examen de votre dossier par le service des examens.";
export const SANS_CANDIDATURE = "Aucune candidature n'est rattachée à votre compte. Si vous êtes inscrit à un examen, adressez-vous à votre établissement ou au service des examens de votre académie.";

/**
 * What the header and the home page say of a candidate's account (issue 13 §24): « Prénom NOM » and
 * the sessions of his candidatures — those still to come or of this school year (the DNB 2027 for a
 * pupil of 3e in December 2026), else his last one — never a year written in advance. Null for an
 * account linked to no candidate.
 */
export async function presentationCandidat(db: Db, compteId: number, maintenant: Date) {
  const ca = await db
    .selectFrom('compte_candidat as cc')
    .innerJoin('candidat as ca', 'ca.id', 'cc.candidat_id')
    .select(['ca.id', 'ca.nom', 'ca.prenom'])
    .where('cc.compte_id', '=', compteId)
    .executeTakeFirst();
  if (!ca) return null;
  const sessions = await db
    .selectFrom('candidature as c')
    .innerJoin('session_examen as se', 'se.id', 'c.session_examen_id')
    .innerJoin('examen as ex', 'ex.code', 'se.examen_code')
    .select(['se.libelle', 'se.annee', 'ex.libelle as examen'])
    .distinct()
    .where('c.candidat_id', '=', ca.id)
    .orderBy('se.annee', 'desc')
    .orderBy('se.libelle')
    .execute();
  const annee = anneeSessionCourante(maintenant);
  const courantes = sessions.filter((s) => s.annee >= annee);
  return {
    prenom: ca.prenom,
    nom: ca.nom.toLocaleUpperCase('fr-FR'),
    sessions: (courantes.length ? courantes : sessions.slice(0, 1)).map((s) => ({ libelle: s.libelle, examen: s.examen, annee: s.annee })),
  };
}

export type PresentationCandidat = Awaited<ReturnType<typeof presentationCandidat>>;

/** The candidate of the actor's account, or null (an account not linked to any candidate). */
async function candidatDuCompte(db: Db, actor: Actor) {
  if (actor.role !== 'candidat') throw introuvable();
  return db
    .selectFrom('compte_candidat as cc')
    .innerJoin('candidat as ca', 'ca.id', 'cc.candidat_id')
    .innerJoin('compte as co', 'co.id', 'cc.compte_id')
    .select(['ca.id', 'ca.civilite', 'ca.nom', 'ca.prenom', 'ca.date_naissance', 'ca.adresse', 'ca.code_postal', 'ca.commune', 'co.email'])
    .where('cc.compte_id', '=', actor.compteId)
    .executeTakeFirst();
}

export type CandidatLu = NonNullable<Awaited<ReturnType<typeof candidatDuCompte>>>;

/** The candidate's candidatures with what both activities show; one of them when `candidatureId` is given. */
function requeteCandidatures(db: Db, candidatId: number, candidatureId?: number) {
  return db
    .selectFrom('candidature as c')
    .innerJoin('session_examen as se', 'se.id', 'c.session_examen_id')
    .innerJoin('examen as ex', 'ex.code', 'se.examen_code')
    .innerJoin('academie as a', 'a.code', 'c.academie_code')
    .leftJoin('specialite as sp', 'sp.id', 'c.specialite_id')
    .leftJoin('etablissement as e', 'e.id', 'c.etablissement_id')
    .leftJoin('publication_resultats as pr', (j) => j.onRef('pr.academie_code', '=', 'c.academie_code').onRef('pr.session_examen_id', '=', 'c.session_examen_id'))
    .select([
      'c.id',
      'c.numero_candidat',
      'c.etat',
      'c.email',
      'c.serie_libelle',
      'c.division_classe',
      'c.qualification_presentee',
      'se.libelle as session',
      'se.code as session_code',
      'se.annee',
      'ex.sigle as examen_sigle',
      'ex.libelle as examen',
      'a.libelle as academie',
      'a.nom_majuscule as academie_majuscule',
      'sp.libelle as specialite',
      'e.uai',
      'e.type as etablissement_type',
      'e.nom as etablissement_nom',
      'e.commune as etablissement_commune',
      'pr.publie_le',
      'c.presume_fraudeur',
    ])
    .where('c.candidat_id', '=', candidatId)
    .$if(candidatureId !== undefined, (q) => q.where('c.id', '=', candidatureId!))
    .orderBy('se.annee', 'desc')
    .orderBy('ex.libelle')
    .orderBy('c.id');
}

type CandidatureLue = Awaited<ReturnType<ReturnType<typeof requeteCandidatures>['executeTakeFirstOrThrow']>>;

export function libelleEtablissement(c: Pick<CandidatureLue, 'uai' | 'etablissement_type' | 'etablissement_nom' | 'etablissement_commune'>): string | null {
  return c.uai ? `${c.etablissement_type} ${c.etablissement_nom} ${c.etablissement_commune} (${c.uai})` : null;
}

/** What both activities say of a candidature. */
function entete(c: CandidatureLue) {
  return { id: c.id, session: c.session, annee: c.annee, examen: c.examen, etablissement: libelleEtablissement(c), numeroCandidat: c.numero_candidat };
}

function candidatureVue(c: CandidatureLue) {
  return {
    ...entete(c),
    academie: c.academie,
    etat: c.etat,
    libelleEtat: LIBELLE_ETAT[c.etat],
    serie: c.serie_libelle || null,
    specialite: c.specialite,
    division: c.division_classe || null,
    qualification: c.qualification_presentee || null,
  };
}

function identite(ca: CandidatLu) {
  return {
    civilite: ca.civilite,
    nom: ca.nom,
    prenom: ca.prenom,
    dateNaissance: ca.date_naissance,
    adresse: ca.adresse,
    codePostal: ca.code_postal,
    commune: ca.commune,
    email: ca.email,
  };
}

/** « Mon récapitulatif d'inscription »: the candidate and his candidatures, each with its PDF. */
export async function dossierCandidat(ctx: AppContext, actor: Actor) {
  const ca = await candidatDuCompte(ctx.db, actor);
  if (!ca) return { candidat: null, message: SANS_CANDIDATURE, lignes: [] };
  const rows = await requeteCandidatures(ctx.db, ca.id).execute();
  return {
    candidat: identite(ca),
    message: rows.length ? null : SANS_CANDIDATURE,
    lignes: rows.map((c) => ({ ...candidatureVue(c), recapitulatif: `${BASE_CANDIDAT}/candidatures/${c.id}/recapitulatif` })),
  };
}

/** One of the actor's candidatures, or 404 (another candidate's, or none). */
async function candidatureDuCandidat(ctx: AppContext, actor: Actor, candidatureId: number) {
  const ca = await candidatDuCompte(ctx.db, actor);
  if (!ca) throw introuvable(CANDIDATURE_INTROUVABLE);
  const c = await requeteCandidatures(ctx.db, ca.id, candidatureId).executeTakeFirst();
  if (!c) throw introuvable(CANDIDATURE_INTROUVABLE);
  return { ca, c };
}

/** What the récapitulatif d'inscription prints (recapitulatif-pdf.ts). */
export async function donneesRecapitulatif(ctx: AppContext, actor: Actor, candidatureId: number) {
  const { ca, c } = await candidatureDuCandidat(ctx, actor, candidatureId);
  const epreuves = await ctx.db
    .selectFrom('candidature_epreuve as ce')
    .innerJoin('epreuve_option as eo', 'eo.id', 'ce.epreuve_option_id')
    .select(['eo.code', 'eo.libelle', 'eo.nature', 'eo.coefficient', 'eo.facultative'])
    .where('ce.candidature_id', '=', c.id)
    .orderBy('eo.facultative')
    .orderBy('eo.code')
    .execute();
  return {
    candidat: identite(ca),
    candidature: { ...candidatureVue(c), sessionCode: c.session_code, examenSigle: c.examen_sigle, academieMajuscule: c.academie_majuscule, email: c.email },
    epreuves: epreuves.map((e) => ({ code: e.code, libelle: e.libelle, nature: e.nature, coefficient: Number(e.coefficient), facultative: e.facultative })),
  };
}

export type DonneesRecapitulatif = Awaited<ReturnType<typeof donneesRecapitulatif>>;

// ---------------------------------------------------------------------------------------------
// Résultats

const MENTION = (m: string | null) => (m ? ` — mention ${m}` : '');

/**
 * A candidature's results as the candidate may read them: nothing until the publication of its
 * académie and session exists (the frozen results are never shown before). Read from the row frozen at
 * publication (resultat_publie): the grades or the deliberation changed since never show here.
 */
function vueResultat(l: LigneResultat) {
  const base = {
    id: l.id,
    session: l.session,
    annee: l.annee,
    examen: l.examen,
    etablissement: l.etablissement ? libelleEtablissement({ uai: l.etablissement.uai, etablissement_type: l.etablissement.type as TypeEtablissement, etablissement_nom: l.etablissement.nom, etablissement_commune: l.etablissement.commune }) : null,
    numeroCandidat: l.numero_candidat,
  };
  if (l.publie_le === null) return { ...base, publie: false, publieLe: null, resultat: RESULTATS_NON_PUBLIES, decision: null, mention: null, moyenne: null, notes: [] as NotePubliee[] };
  // Never shown before the disciplinary decision, even if a result was frozen for him.
  if (l.presume_fraudeur) return { ...base, publie: true, publieLe: l.publie_le, resultat: RESULTAT_RESERVE, decision: null, mention: null, moyenne: null, notes: [] as NotePubliee[] };
  if (l.decision === null) return { ...base, publie: true, publieLe: l.publie_le, resultat: SANS_RESULTAT, decision: null, mention: null, moyenne: null, notes: [] as NotePubliee[] };
  return { ...base, publie: true, publieLe: l.publie_le, resultat: `${l.decision}${MENTION(l.mention)}`, decision: l.decision, mention: l.mention, moyenne: l.moyenne, notes: l.notes ?? [] };
}

/** « Mes résultats »: each candidature with its published result (without the grades), in one query. */
export async function resultatsCandidat(ctx: AppContext, actor: Actor) {
  if (actor.role !== 'candidat') throw introuvable();
  const lignes = await resultatsDuCompte(ctx.db, actor.compteId);
  return {
    // No candidature: the account is linked to no candidate, or its candidate to no candidature.
    message: lignes.length ? null : SANS_CANDIDATURE,
    lignes: lignes.map((l) => {
      const { notes, ...v } = vueResultat(l);
      return { ...v, nbNotes: notes.length };
    }),
  };
}

/** One candidature's published result with its grades; 404 when it is not the actor's. */
export async function resultatCandidature(ctx: AppContext, actor: Actor, candidatureId: number) {
  if (actor.role !== 'candidat') throw introuvable();
  const [l] = await resultatsDuCompte(ctx.db, actor.compteId, candidatureId);
  if (!l) throw introuvable(CANDIDATURE_INTROUVABLE);
  return vueResultat(l);
}
