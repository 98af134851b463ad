// The two treatments of the pupils' CYCLADES accounts (seed 002): "Générer les comptes Cyclades de mes
// élèves" and "Régénérer le mot de passe d'un compte d'un élève". Both end with the two PDFs of
// papillons de connexion (one and two per page), readable by the établissement only, never expiring.
//
// Idempotent under retry (a crash, a restart): a retry neither creates an account twice nor prints
// other passwords than those whose hashes were stored.
// 1. Preparation, outside any transaction (PGlite's transactions lock the whole database): the pupils,
//    their accounts, and for each account to create or regenerate a random password and its argon2id
//    hash (libuv's thread pool, in parallel). Skipped when step 2 is already recorded.
// 2. Step 'comptes' (t.etape: one transaction, recorded with its result): under a platform-wide advisory
//    lock (logins are unique across the platform), the accounts are read again and the plan adjusted,
//    logins are chosen, accounts created and passwords replaced in batches. The result — the papillons,
//    with each password encrypted (AES-256-GCM, ENCRYPTION_KEY), never in clear — is recorded with the step.
// 3. The PDFs, named after the run (a retry replaces them rather than adding others), skipped when an
//    earlier try produced them. Once both exist, the encrypted passwords are erased from the step's result:
//    from then on they exist only on the papillons.
import { randomInt } from 'node:crypto';
import argon2 from 'argon2';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import {
  anneeSessionCourante,
  attribuerLogins,
  cleStableCandidat,
  comparerPapillons,
  LIBELLE_REGROUPEMENT,
  libelleRegroupement,
  loginDeBase,
  messagePapillonsPerimes,
  motDePasseCandidat,
  motifNonEligible,
  REGROUPEMENTS,
  type Regroupement,
} from '../../domain/cyclades/comptes.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { chiffrer, dechiffrer } from '../platform/crypto.ts';
import type { DB } from '../platform/db/tables.ts';
import { TYPE_PDF } from '../platform/documents/pdf.ts';
import { definirTraitement, ErreurTraitement, type ContexteTraitement } from '../platform/traitements/traitements.ts';
import * as repo from './comptes.repo.ts';
import { genererPapillons, type Papillon } from './papillons-pdf.ts';

export const TRAITEMENT_GENERATION = 'cyclades.comptes-candidats';
export const TRAITEMENT_REGENERATION = 'cyclades.regeneration-mots-de-passe';
export const TITRE_GENERATION = 'Génération des comptes CYCLADES des élèves';

/**
 * argon2id for the generated temporary passwords (decision 0006): 2 MiB, one pass. These passwords are
 * random (about 59 bits), not chosen by a person: the hash cost is not what protects them, and 5,000 must
 * be hashed in a few seconds. The personal password chosen at first login uses the normal parameters.
 */
export const HACHAGE_TEMPORAIRE = { type: argon2.argon2id, memoryCost: 2048, timeCost: 1, parallelism: 1 } as const;
/** Hashes queued at once to the libuv pool (UV_THREADPOOL_SIZE threads work on them side by side). */
const LOT_HACHAGE = 256;

/** Serialises the choice and creation of logins across the platform (they are unique on lower(login)). */
const VERROU_LOGINS = 60_006;

const id = z.number().int().positive();
const parametresGeneration = z.object({
  generationId: id,
  etablissementId: id,
  compteId: id.nullable(),
  regroupement: z.enum(REGROUPEMENTS as [Regroupement, ...Regroupement[]]),
  forcer: z.boolean(),
});
const parametresRegeneration = z.object({
  generationId: id,
  etablissementId: id,
  compteId: id.nullable(),
  regroupement: z.enum(REGROUPEMENTS as [Regroupement, ...Regroupement[]]),
  candidatIds: z.array(id).min(1),
});
export type ParametresGeneration = z.output<typeof parametresGeneration>;
export type ParametresRegeneration = z.output<typeof parametresRegeneration>;

type Mode = { type: 'generation'; forcer: boolean } | { type: 'regeneration'; candidatIds: number[] };

/** Many temporary passwords and their hashes, computed in parallel through libuv's thread pool. */
export async function motsDePasseHaches(n: number): Promise<Array<{ motDePasse: string; hash: string }>> {
  const resultat: Array<{ motDePasse: string; hash: string }> = [];
  for (let i = 0; i < n; i += LOT_HACHAGE) {
    const lot = await Promise.all(
      Array.from({ length: Math.min(LOT_HACHAGE, n - i) }, async () => {
        const motDePasse = motDePasseCandidat((max) => randomInt(max));
        return { motDePasse, hash: await argon2.hash(motDePasse, HACHAGE_TEMPORAIRE) };
      }),
    );
    resultat.push(...lot);
  }
  return resultat;
}

// ---------------------------------------------------------------------------------------------
// Who gets what

interface Eleve {
  candidatId: number;
  cle: string;
  nom: string;
  prenom: string;
  numeroCandidat: string;
  session: string;
  serieLibelle: string;
  division: string;
  qualification: string;
  email: string | null;
  /** Why he gets no account (null: eligible). */
  motif: string | null;
}

/** One line per pupil: his first eligible candidature among the current ones, else his first one. */
function parEleve(lignes: readonly repo.LigneEleve[]): Eleve[] {
  const eleves = new Map<number, Eleve>();
  for (const l of lignes) {
    const motif = motifNonEligible(l);
    const deja = eleves.get(l.candidat_id);
    if (deja && (deja.motif === null || motif !== null)) continue;
    eleves.set(l.candidat_id, {
      candidatId: l.candidat_id,
      cle: cleStableCandidat({ id: l.candidat_id, ine: l.ine }),
      nom: l.nom,
      prenom: l.prenom,
      numeroCandidat: l.numero_candidat,
      session: l.session,
      serieLibelle: l.serie_libelle,
      division: l.division_classe,
      qualification: l.qualification_presentee,
      email: l.email?.trim() || null,
      motif,
    });
  }
  return [...eleves.values()];
}

type Sort = 'creer' | 'regenerer' | 'deja' | 'email' | 'non_eligible';

/** Seed 002: "Forcer" regenerates "prenom.nom" accounts generated by an établissement, never "email" ones. */
function sort(e: Eleve, compte: repo.CompteExistant | undefined, mode: Mode): Sort {
  // A "prenom.nom" account is always an établissement's (this one or a former one); "email" ones are the candidate's.
  const regenerable = compte?.type_login === 'prenom_nom';
  if (mode.type === 'regeneration') {
    if (compte) return regenerable ? 'regenerer' : 'email';
    return e.motif ? 'non_eligible' : 'creer';
  }
  if (e.motif) return 'non_eligible';
  if (!compte) return 'creer';
  if (!mode.forcer) return 'deja';
  return regenerable ? 'regenerer' : 'email';
}

interface Preparation {
  eleves: Eleve[];
  absents: number;
  mots: Map<number, { motDePasse: string; hash: string }>;
}

async function preparer(ctx: AppContext, portee: repo.PorteeEtablissement, mode: Mode): Promise<Preparation> {
  const lignes = await repo.eleves(ctx.db, portee, mode.type === 'regeneration' ? { candidatIds: mode.candidatIds } : {});
  const eleves = parEleve(lignes);
  const comptes = await repo.comptesDe(ctx.db, eleves.map((e) => e.candidatId));
  const aHacher = eleves.filter((e) => ['creer', 'regenerer'].includes(sort(e, comptes.get(e.candidatId), mode)));
  const mots = await motsDePasseHaches(aHacher.length);
  return {
    eleves,
    absents: mode.type === 'regeneration' ? mode.candidatIds.length - eleves.length : 0,
    mots: new Map(aHacher.map((e, i) => [e.candidatId, mots[i]!])),
  };
}

interface PapillonEnregistre extends Omit<Papillon, 'motDePasse'> {
  /** The password, encrypted; erased once both PDFs are stored. */
  chiffre?: string;
}

interface ResultatComptes {
  papillons: PapillonEnregistre[];
  crees: number;
  regeneres: number;
  deja: number;
  absents: number;
  email: Array<{ nom: string; prenom: string; numeroCandidat: string }>;
  nonEligibles: Array<{ nom: string; prenom: string; numeroCandidat: string; motif: string }>;
  eleves: number;
  eligibles: number;
  sessions: string[];
}

async function appliquer(
  ctx: AppContext,
  trx: Transaction<DB>,
  t: { id: string; academieCode: string },
  p: { generationId: number; etablissementId: number; compteId: number | null; regroupement: Regroupement },
  mode: Mode,
  prep: Preparation,
): Promise<ResultatComptes> {
  await sql`select pg_advisory_xact_lock(${VERROU_LOGINS})`.execute(trx);
  const maintenant = ctx.clock.now();
  // Read again under the lock: another run may have created or regenerated accounts since the preparation.
  const comptes = await repo.comptesDe(trx, prep.eleves.map((e) => e.candidatId));
  const parSorte: Record<Sort, Eleve[]> = { creer: [], regenerer: [], deja: [], email: [], non_eligible: [] };
  for (const e of prep.eleves) parSorte[sort(e, comptes.get(e.candidatId), mode)].push(e);
  const manquants = [...parSorte.creer, ...parSorte.regenerer].filter((e) => !prep.mots.has(e.candidatId));
  const complement = await motsDePasseHaches(manquants.length);
  manquants.forEach((e, i) => prep.mots.set(e.candidatId, complement[i]!));

  const logins = attribuerLogins(
    parSorte.creer,
    await repo.loginsPris(trx, parSorte.creer.map((e) => loginDeBase(e.prenom, e.nom))),
  );
  const o = { academieCode: t.academieCode, etablissementId: p.etablissementId, generationId: p.generationId, maintenant };
  await repo.creerComptes(
    trx,
    o,
    parSorte.creer.map((e) => ({ candidatId: e.candidatId, login: logins.get(e.cle)!, hash: prep.mots.get(e.candidatId)!.hash, email: e.email })),
  );
  await repo.regenererComptes(
    trx,
    o,
    parSorte.regenerer.map((e) => ({ compteId: comptes.get(e.candidatId)!.compte_id, hash: prep.mots.get(e.candidatId)!.hash })),
  );
  await trx
    .updateTable('generation_comptes')
    .set({ nb_comptes_crees: parSorte.creer.length, nb_mots_de_passe_regeneres: parSorte.regenerer.length })
    .where('id', '=', p.generationId)
    .execute();
  const acteur = p.compteId ? await trx.selectFrom('compte').select('login').where('id', '=', p.compteId).executeTakeFirst() : undefined;
  await audit(
    trx,
    { academieCode: t.academieCode, compteId: p.compteId, acteur: acteur?.login ?? 'traitement' },
    {
      action: mode.type === 'generation' ? 'comptes-candidats.generes' : 'comptes-candidats.regeneres',
      entite: 'generation_comptes',
      entiteId: p.generationId,
      apres: {
        traitement: t.id,
        comptesCrees: parSorte.creer.map((e) => e.candidatId),
        motsDePasseRegeneres: parSorte.regenerer.map((e) => e.candidatId),
      },
    },
  );

  const imprimes = [...parSorte.creer, ...parSorte.regenerer].sort(comparerPapillons(p.regroupement));
  const cle = ctx.config.encryptionKey;
  const identite = (e: Eleve) => ({ nom: e.nom, prenom: e.prenom, numeroCandidat: e.numeroCandidat });
  return {
    papillons: imprimes.map((e) => ({
      ...identite(e),
      session: e.session,
      regroupement: libelleRegroupement(p.regroupement, e),
      login: logins.get(e.cle) ?? comptes.get(e.candidatId)!.login,
      chiffre: chiffrer(cle, prep.mots.get(e.candidatId)!.motDePasse),
    })),
    crees: parSorte.creer.length,
    regeneres: parSorte.regenerer.length,
    deja: parSorte.deja.length,
    absents: prep.absents,
    email: parSorte.email.map(identite),
    nonEligibles: parSorte.non_eligible.map((e) => ({ ...identite(e), motif: e.motif! })),
    eleves: prep.eleves.length,
    eligibles: prep.eleves.filter((e) => !e.motif).length,
    sessions: [...new Set(prep.eleves.map((e) => e.session))].sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Running

const HORODATAGE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * "papillons-0350711H-20261203-1015-n42-1-par-page.pdf": the run's date and number (the same on a
 * retry, which replaces its files; two runs never share a name, even in the same minute).
 */
export function nomsPapillons(uai: string, le: Date, generationId: number): { un: string; deux: string } {
  const parties = Object.fromEntries(HORODATAGE.formatToParts(le).map((x) => [x.type, x.value]));
  const base = `papillons-${uai}-${parties.year}${parties.month}${parties.day}-${parties.hour}${parties.minute}-n${generationId}`;
  return { un: `${base}-1-par-page.pdf`, deux: `${base}-2-par-page.pdf` };
}

export const LIBELLE_DOCUMENT = { un: 'Papillon de connexion — un par page', deux: 'Papillon de connexion — deux par page' } as const;

const ETAPE = 'comptes';

async function etapeFaite(ctx: AppContext, traitementId: string): Promise<boolean> {
  return !!(await ctx.db.selectFrom('traitement_etape').select('cle').where('traitement_id', '=', traitementId).where('cle', '=', ETAPE).executeTakeFirst());
}

const pluriel = (n: number, un: string, plusieurs: string) => (n > 1 ? plusieurs : un);

async function executer(t: ContexteTraitement<ParametresGeneration | ParametresRegeneration>, mode: Mode): Promise<void> {
  const ctx: AppContext = t.ctx;
  const p = t.parametres;
  const etab = await repo.etablissement(ctx.db, p.etablissementId);
  const generation = await ctx.db.selectFrom('generation_comptes').select(['cree_le', 'titre']).where('id', '=', p.generationId).executeTakeFirst();
  if (!etab || !generation) throw new ErreurTraitement("L'établissement ou la génération demandée n'existe plus.");
  if (!etab.service_gestion_candidats) {
    throw new ErreurTraitement("Votre établissement ne dispose plus du service de gestion des candidats en établissement : aucun compte n'a été généré.");
  }
  const portee: repo.PorteeEtablissement = { academieCode: t.academieCode, etablissementId: p.etablissementId, anneeMin: anneeSessionCourante(ctx.clock.now()) };

  if (mode.type === 'generation') {
    await t.log('info', `Regroupement : ${LIBELLE_REGROUPEMENT[p.regroupement]} ; « Forcer la création d'un nouveau mot de passe » : ${mode.forcer ? 'oui' : 'non'}.`);
  } else {
    await t.log('info', `Régénération du mot de passe de ${mode.candidatIds.length} élève(s).`);
  }
  await t.progression(0, 3);

  const prep = (await etapeFaite(ctx, t.id)) ? null : await preparer(ctx, portee, mode);
  await t.progression(1, 3);
  const r = await t.etape(ETAPE, (trx) => appliquer(ctx, trx, t, p, mode, prep!));
  await t.progression(2, 3);

  // The compte rendu.
  if (r.absents > 0) await t.log('avertissement', `${r.absents} élève(s) demandé(s) ne sont plus candidats de votre établissement dans une session en cours : ils sont ignorés.`);
  if (mode.type === 'generation') {
    await t.log('info', `${r.eleves} élève(s) candidat(s) dans les sessions en cours${r.sessions.length ? ` (${r.sessions.join(', ')})` : ''}, dont ${r.eligibles} éligible(s) (inscrits ou pré-inscrits, avec une adresse électronique).`);
  }
  await t.log('info', `${r.crees} compte(s) créé(s).`);
  if (mode.type === 'generation' || r.regeneres) await t.log('info', `${r.regeneres} mot(s) de passe régénéré(s).`);
  if (r.deja) {
    await t.log('info', `${r.deja} élève(s) disposai(en)t déjà d'un compte CYCLADES : ${pluriel(r.deja, "il n'est", 'ils ne sont')} pas modifié${r.deja > 1 ? 's' : ''} (cochez « Forcer la création d'un nouveau mot de passe » pour régénérer les mots de passe des comptes « prenom.nom »).`);
  }
  if (r.email.length) {
    await t.log('avertissement', `${r.email.length} élève(s) ont un compte de type « email » créé depuis l'espace candidat : leur mot de passe n'est pas régénéré.`);
    for (const e of r.email) await t.log('avertissement', `${e.nom} ${e.prenom} (n° ${e.numeroCandidat}) : compte de type « email », mot de passe non régénéré.`);
  }
  if (r.nonEligibles.length) {
    await t.log('avertissement', `${r.nonEligibles.length} élève(s) écarté(s) : seuls les candidats inscrits ou pré-inscrits ayant une adresse électronique reçoivent un compte.`);
    for (const e of r.nonEligibles) await t.log('avertissement', `${e.nom} ${e.prenom} (n° ${e.numeroCandidat}) : ${e.motif}.`);
  }
  if (r.regeneres) await t.log('avertissement', messagePapillonsPerimes(r.regeneres));

  if (r.papillons.length === 0) {
    await t.log('info', 'Aucun papillon de connexion à éditer.');
    await t.progression(3, 3);
    return;
  }

  // The papillons, unless an earlier try stored them.
  const noms = nomsPapillons(etab.uai, new Date(generation.cree_le), p.generationId);
  const manquent: Array<'un' | 'deux'> = [];
  for (const [cle, nom] of Object.entries(noms) as Array<['un' | 'deux', string]>) if (!(await t.documentExistant(nom))) manquent.push(cle);
  if (manquent.length) {
    if (r.papillons.some((x) => !x.chiffre)) throw new ErreurTraitement('Les mots de passe de cette génération ne sont plus disponibles : lancez une régénération.');
    const cle = ctx.config.encryptionKey;
    const papillons: Papillon[] = r.papillons.map(({ chiffre, ...x }) => ({ ...x, motDePasse: dechiffrer(cle, chiffre!) }));
    const options = {
      academie: `ACADÉMIE DE ${etab.nom_majuscule}`,
      etablissement: `${etab.type} ${etab.nom} ${etab.commune} (${etab.uai})`,
      adresseEspaceCandidat: `${ctx.config.publicUrl.replace(/\/+$/, '')}/connexion/candidat`,
      editeLe: new Date(generation.cree_le),
      // The « Titre édition » typed for a regeneration is printed on each papillon (seed 002 §2).
      titreEdition: mode.type === 'regeneration' ? generation.titre : undefined,
    };
    // One after the other on this thread: in worker threads, side by side, they took as long on the
    // shared 2-core machine and twice the memory (decision 0006).
    for (const cleDoc of manquent) {
      await t.document(noms[cleDoc], TYPE_PDF, genererPapillons(papillons, { ...options, parPage: cleDoc === 'un' ? 1 : 2 }));
    }
  }
  // Papillons hold passwords in force: kept until the établissement has no more use for them (never purged).
  await ctx.db.updateTable('document').set({ expire_le: null }).where('traitement_id', '=', t.id).execute();
  // From now on the passwords exist only on the papillons.
  if (r.papillons.some((x) => x.chiffre)) {
    const efface = { ...r, papillons: r.papillons.map(({ chiffre: _c, ...x }) => x) };
    await ctx.db.updateTable('traitement_etape').set({ resultat: JSON.stringify(efface) }).where('traitement_id', '=', t.id).where('cle', '=', ETAPE).execute();
  }
  await t.log('info', `${r.papillons.length} papillon(s) de connexion édité(s), classé(s) par ${LIBELLE_REGROUPEMENT[p.regroupement].toLowerCase()} puis par nom : à remettre aux élèves.`);
  await t.progression(3, 3);
}

export const generationComptesTraitement = definirTraitement({
  type: TRAITEMENT_GENERATION,
  parametres: parametresGeneration,
  // New passwords are worth nothing without their papillons: relaunched until it delivers them.
  relancable: true,
  executer: (t) => executer(t, { type: 'generation', forcer: t.parametres.forcer }),
});

export const regenerationMotsDePasseTraitement = definirTraitement({
  type: TRAITEMENT_REGENERATION,
  parametres: parametresRegeneration,
  relancable: true,
  executer: (t) => executer(t, { type: 'regeneration', candidatIds: t.parametres.candidatIds }),
});
