// CYCLADES accounts of an établissement's pupils (issue 6, seed 002): who gets one, the "prenom.nom"
// login with its deterministic suffix on a collision, the current session year, and the order and
// grouping of the papillons de connexion. Pure: no I/O, no clock, no randomness of its own.
import { genererMotDePasseTemporaire } from '../identite/mot-de-passe.ts';

export type EtatCandidature = 'en_cours_saisie' | 'pre_inscrit' | 'inscrit' | 'annule' | 'refuse';
export type Regroupement = 'serie' | 'division' | 'division_qualification';

export const REGROUPEMENTS: readonly Regroupement[] = ['serie', 'division', 'division_qualification'];

/** As the seed's form lists them. */
export const LIBELLE_REGROUPEMENT: Record<Regroupement, string> = {
  serie: 'Série (libellé)',
  division: 'Division de classe',
  division_qualification: 'Division de classe / Qualification présentée',
};

export const LIBELLE_ETAT: Record<EtatCandidature, string> = {
  en_cours_saisie: 'En cours de saisie',
  pre_inscrit: 'Pré-inscrit',
  inscrit: 'Inscrit',
  annule: 'Annulé',
  refuse: 'Refusé',
};

// ---------------------------------------------------------------------------------------------
// Eligibility (seed 002, "Important")

const MOTIF_ETAT: Record<EtatCandidature, string | null> = {
  inscrit: null,
  pre_inscrit: null,
  annule: 'Candidature annulée',
  refuse: 'Candidature refusée',
  en_cours_saisie: 'Candidature en cours de saisie (ni inscrite ni pré-inscrite)',
};

export const MOTIF_SANS_EMAIL = 'Adresse électronique absente';

/**
 * Why a candidature gets no account, in French as the compte rendu lists it, or null when it is
 * eligible: only the états Inscrit and Pré-inscrit, and only with an e-mail.
 */
export function motifNonEligible(c: { etat: EtatCandidature; email: string | null | undefined }): string | null {
  const motifs: string[] = [];
  const etat = MOTIF_ETAT[c.etat];
  if (etat) motifs.push(etat);
  if (!c.email || !c.email.trim()) motifs.push(motifs.length ? MOTIF_SANS_EMAIL.toLowerCase() : MOTIF_SANS_EMAIL);
  return motifs.length ? motifs.join(' ; ') : null;
}

export function estEligible(c: { etat: EtatCandidature; email: string | null | undefined }): boolean {
  return motifNonEligible(c) === null;
}

const ANNEE_PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });

/**
 * The year of the sessions the établissement prepares: the school year's end, i.e. the next calendar
 * year from September on (2026-12-03 → 2027; 2027-03-01 → 2027), in Paris time.
 */
export function anneeSessionCourante(maintenant: Date): number {
  const [annee, mois] = ANNEE_PARIS.format(maintenant).split('-').map(Number) as [number, number];
  return mois >= 9 ? annee + 1 : annee;
}

// ---------------------------------------------------------------------------------------------
// Login "prenom.nom"

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i', ð: 'd', þ: 'th' };

/** One part of the login: accents removed (NFD), lower case, every other non-letter removed ("Jean-Éric" → "jeaneric"). */
export function partieLogin(s: string): string {
  return s
    .toLowerCase()
    .replace(/[œæßøđłıðþ]/g, (c) => LIGATURES[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

/** When a part has no letter at all (a missing prénom, a name in another script). */
export const PRENOM_PAR_DEFAUT = 'eleve';
export const NOM_PAR_DEFAUT = 'candidat';

/** The login before any suffix: "prenom.nom" ("Ana-Lucía", "N'Diaye" → "analucia.ndiaye"). */
export function loginDeBase(prenom: string, nom: string): string {
  return `${partieLogin(prenom) || PRENOM_PAR_DEFAUT}.${partieLogin(nom) || NOM_PAR_DEFAUT}`;
}

/**
 * The suffix number `index` of a candidate: three letters drawn from a hash of his stable key (his INE,
 * or his id), so that the same candidate always gets the same suffix, as "antoine.aubincde".
 */
export function suffixeLogin(cleStable: string, index = 0): string {
  let h = fnv1a(`cyclades-login:${cleStable}:${index}`);
  let s = '';
  for (let i = 0; i < 3; i++) {
    s += String.fromCharCode(97 + (h % 26));
    h = Math.floor(h / 26);
  }
  return s;
}

/** FNV-1a, 32 bits, over the UTF-8 bytes: a fixed, portable hash (this module also runs in the browser). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const octet of new TextEncoder().encode(s)) {
    h ^= octet;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The stable key of a candidate: his INE when he has one (stable across établissements), else his id. */
export function cleStableCandidat(c: { id: number; ine: string | null | undefined }): string {
  return c.ine ? `ine:${c.ine.toUpperCase()}` : `id:${c.id}`;
}

export type EstPris = ((login: string) => boolean) | ReadonlySet<string>;

const MAX_ESSAIS_SUFFIXE = 200;

/**
 * A free login for the candidate: the base when nobody has it on the platform, else base + suffix 0,
 * suffix 1… (compared in lower case, as compte.login is unique on lower()).
 */
export function loginLibre(prenom: string, nom: string, cleStable: string, estPris: EstPris): string {
  const pris = typeof estPris === 'function' ? estPris : (l: string) => estPris.has(l);
  const base = loginDeBase(prenom, nom);
  if (!pris(base)) return base;
  for (let i = 0; i < MAX_ESSAIS_SUFFIXE; i++) {
    const login = base + suffixeLogin(cleStable, i);
    if (!pris(login)) return login;
  }
  throw new Error(`Aucun identifiant libre pour « ${base} » après ${MAX_ESSAIS_SUFFIXE} essais.`);
}

/**
 * Logins for a batch of candidates, given those already taken on the platform: candidates are served
 * in the order of their key (so that the same state gives the same logins whatever the input order),
 * and each login given is taken for the next ones.
 */
export function attribuerLogins<C extends { cle: string; prenom: string; nom: string }>(candidats: readonly C[], pris: Iterable<string>): Map<string, string> {
  const occupes = new Set([...pris].map((l) => l.toLowerCase()));
  const resultat = new Map<string, string>();
  for (const c of [...candidats].sort((a, b) => (a.cle < b.cle ? -1 : a.cle > b.cle ? 1 : 0))) {
    const login = loginLibre(c.prenom, c.nom, c.cle, occupes);
    occupes.add(login);
    resultat.set(c.cle, login);
  }
  return resultat;
}

// ---------------------------------------------------------------------------------------------
// Temporary password

/** The papillon's password: 10 characters of the four classes, from the cryptographic source given. */
export function motDePasseCandidat(randomInt: (max: number) => number): string {
  return genererMotDePasseTemporaire(randomInt, 10);
}

// ---------------------------------------------------------------------------------------------
// Grouping and order of the papillons

export interface ElementRegroupe {
  nom: string;
  prenom: string;
  serieLibelle: string;
  division: string;
  qualification: string;
}

const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** What the papillon prints for its group ("Division de classe : 3A"). */
export function libelleRegroupement(r: Regroupement, e: ElementRegroupe): string {
  const v = (s: string) => s.trim() || 'Non renseignée';
  switch (r) {
    case 'serie':
      return `Série : ${v(e.serieLibelle)}`;
    case 'division':
      return `Division de classe : ${v(e.division)}`;
    case 'division_qualification':
      return `Division de classe : ${v(e.division)} / Qualification présentée : ${v(e.qualification)}`;
  }
}

/** The group's sort keys, in order. */
export function clesRegroupement(r: Regroupement, e: ElementRegroupe): string[] {
  switch (r) {
    case 'serie':
      return [e.serieLibelle];
    case 'division':
      return [e.division];
    case 'division_qualification':
      return [e.division, e.qualification];
  }
}

/** Papillons: by group (French collation, "3B" before "3C", numbers by value), then nom, prénom. */
export function comparerPapillons(r: Regroupement): (a: ElementRegroupe, b: ElementRegroupe) => number {
  return (a, b) => {
    const ka = clesRegroupement(r, a);
    const kb = clesRegroupement(r, b);
    for (let i = 0; i < ka.length; i++) {
      const c = COLLATOR.compare(ka[i]!, kb[i]!);
      if (c) return c;
    }
    return COLLATOR.compare(a.nom, b.nom) || COLLATOR.compare(a.prenom, b.prenom);
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

export function messageReouverture(nbSansCompte: number): string {
  return nbSansCompte === 0
    ? "Tous vos élèves éligibles disposent d'un compte CYCLADES."
    : `${nbSansCompte} élève(s) éligible(s) n'ont pas encore de compte CYCLADES : « Générer des comptes supplémentaires ».`;
}

export function messagePapillonsPerimes(n: number): string {
  return `Les papillons édités auparavant pour ces ${n} élève(s) ne permettent plus de se connecter.`;
}

export const MESSAGE_REGENERATION_EMAIL = "On ne peut pas régénérer le mot de passe d'un candidat avec un login de type « email ».";
export const MESSAGE_LIMITATION_UN_ELEVE = "Sélectionnez un seul élève, ou cochez « Supprimer limitation à un élève » dans l'onglet Paramètres.";
export const MESSAGE_SERVICE_INDISPONIBLE =
  "Votre établissement ne dispose pas d'un service de gestion des candidats en établissement positionné par le gestionnaire des examens : les comptes CYCLADES de vos élèves ne peuvent pas être générés. Adressez-vous à la division des examens et concours.";
export const PAS_DE_COMPTE = 'Pas de compte candidat Cyclades';
/** « Générer des comptes supplémentaires » when every eligible pupil has an account: nothing is launched. */
export const MESSAGE_RIEN_A_GENERER =
  "Tous vos élèves éligibles disposent déjà d'un compte CYCLADES : il n'y a aucun compte supplémentaire à générer. Pour remettre de nouveaux papillons, cochez « Forcer la création d'un nouveau mot de passe », ou régénérez le mot de passe d'un élève dans « Régénérer le mot de passe d'un compte d'un élève ».";
/** « Forcer » when every eligible pupil's account is an "email" one (never regenerated) and none is missing. */
export const MESSAGE_RIEN_A_REGENERER =
  "Vos élèves éligibles ont tous un compte de type « email », créé depuis l'espace candidat : leur mot de passe ne peut pas être régénéré, et aucun compte n'est à créer.";
/** When no pupil of the établissement can receive an account at all (none inscrit or pré-inscrit with an e-mail). */
export const MESSAGE_AUCUN_ELIGIBLE =
  "Aucun de vos élèves candidats dans une session en cours n'est éligible à un compte CYCLADES (seuls les candidats inscrits ou pré-inscrits ayant une adresse électronique en reçoivent un) : vérifiez leurs candidatures.";

const HEURE_PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 409 when a generation or regeneration of the établissement is still waiting or running: which one, since when, by whom. */
export function messageGenerationEnCours(t: { titre: string; creeLe: Date; creePar: string | null }): string {
  const x = Object.fromEntries(HEURE_PARIS.formatToParts(t.creeLe).map((p) => [p.type, p.value]));
  return (
    `Une génération des comptes de vos élèves est déjà en cours : « ${t.titre} », lancée le ${x.day}/${x.month}/${x.year} à ${x.hour}:${x.minute}${t.creePar ? ` par ${t.creePar}` : ''}. ` +
    "Attendez qu'elle soit terminée (son compte rendu est dans « Accéder aux comptes ») avant d'en lancer une autre : deux générations en même temps produiraient des papillons dont seuls les derniers permettraient de se connecter."
  );
}
