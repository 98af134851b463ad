// The "état d'avancement du jury" of the bac pro épreuve de contrôle (seed 001; domain-rules.md) and
// who moves a jury from one état to the next:
//
//   140 1er groupe terminé en centre
//    │ DEC: verrouiller le 1er groupe
//   198 1er groupe verrouillé en académie
//    │ DEC: ouvrir l'épreuve de contrôle (recueil des notes)
//   200 Recueil des notes de l'épreuve de contrôle
//    │ chef de centre: ouvrir la délibération
//   210 Délibération de l'épreuve de contrôle
//    │ jury (portal of issue 8) or gestionnaire until then: clore, once every candidate has a result
//   211 Editions après la délibération de l'épreuve de contrôle (jury clos)
//    │ chef de centre: terminer l'épreuve de contrôle
//   214 Epreuve de contrôle terminée en centre
//      DEC: publier les résultats (the état stays 214; the publication is recorded on its own)
//
// The chef de centre's editions also depend on the état (notes manquantes at 200, PV and listes at
// 211): they are operations without a change of état, refused with the same message. Pure: the caller
// applies the change with a conditional update on the état read (two clicks never move a jury twice).
import type { Role } from '../roles.ts';

export type EtatJury = 140 | 198 | 200 | 210 | 211 | 214;

export const ETATS_JURY: readonly EtatJury[] = [140, 198, 200, 210, 211, 214];

/** The seed's wording (its "Terminer" view prints "academie" without the accent: a typo, not kept). */
export const LIBELLE_ETAT_JURY: Record<EtatJury, string> = {
  140: '1er groupe terminé en centre',
  198: '1er groupe verrouillé en académie',
  200: "Recueil des notes de l'épreuve de contrôle",
  210: "Délibération de l'épreuve de contrôle",
  211: "Editions après la délibération de l'épreuve de contrôle",
  214: 'Epreuve de contrôle terminée en centre',
};

/** "198 - 1er groupe verrouillé en académie", as the lists print it. */
export function libelleEtatJury(etat: EtatJury): string {
  return `${etat} - ${LIBELLE_ETAT_JURY[etat]}`;
}

export function estEtatJury(x: unknown): x is EtatJury {
  return ETATS_JURY.includes(x as EtatJury);
}

/** The états each synthetic view counts, in its order (seed 001 §4 and §8). */
export const ETATS_VUE_OUVERTURE: readonly EtatJury[] = [140, 198, 200, 210];
export const ETATS_VUE_TERMINER: readonly EtatJury[] = [198, 200, 210, 211, 214];

export type OperationJury =
  | 'verrouiller'
  | 'ouvrir_controle'
  | 'ouvrir_deliberation'
  | 'clore'
  | 'terminer'
  | 'publier'
  | 'controler_notes_manquantes'
  | 'generer_plan_secours'
  | 'editer_pv'
  | 'editer_listes';

export interface RegleOperation {
  /** The états the jury must be in. */
  depuis: readonly EtatJury[];
  /** The état after it; null: the état does not change (editions, publication). */
  vers: EtatJury | null;
  /** Who may do it (the server's policy adds the scope: a chef de centre acts on his centre's juries). */
  acteurs: readonly Role[];
  /** The operation in a sentence: "l'ouverture de la délibération demande l'état …". */
  nom: string;
  /** The button of the synthetic view, when it has one. */
  action?: string;
}

export const OPERATIONS_JURY: Record<OperationJury, RegleOperation> = {
  verrouiller: { depuis: [140], vers: 198, acteurs: ['gestionnaire'], nom: 'le verrouillage du 1er groupe' },
  ouvrir_controle: { depuis: [198], vers: 200, acteurs: ['gestionnaire'], nom: "l'ouverture de l'épreuve de contrôle" },
  ouvrir_deliberation: {
    depuis: [200],
    vers: 210,
    acteurs: ['chef_etablissement'],
    nom: "l'ouverture de la délibération",
    action: 'Ouvrir délibération épreuve de contrôle',
  },
  // The président closes the jury in the Jury portal (issue 8); until then the gestionnaire does.
  clore: { depuis: [210], vers: 211, acteurs: ['membre_jury', 'gestionnaire'], nom: 'la clôture du jury' },
  terminer: { depuis: [211], vers: 214, acteurs: ['chef_etablissement'], nom: "la fin de l'épreuve de contrôle", action: 'Terminer épreuve de contrôle' },
  publier: { depuis: [214], vers: null, acteurs: ['gestionnaire'], nom: 'la publication des résultats' },
  controler_notes_manquantes: { depuis: [200], vers: null, acteurs: ['chef_etablissement', 'gestionnaire'], nom: 'le contrôle des notes manquantes' },
  // Generated "avant la délibération du 2nd groupe": once the grades are collected, and still during
  // the deliberation if the portal fails (that is what it is for).
  generer_plan_secours: { depuis: [200, 210], vers: null, acteurs: ['chef_etablissement', 'gestionnaire'], nom: 'le plan de secours' },
  editer_pv: { depuis: [211], vers: null, acteurs: ['chef_etablissement', 'gestionnaire'], nom: "l'édition des procès-verbaux de délibération" },
  editer_listes: { depuis: [211], vers: null, acteurs: ['chef_etablissement', 'gestionnaire'], nom: "l'édition des listes de résultats" },
};

/** The état allows the operation (a jury greyed in a list when not). */
export function etatPermet(etat: EtatJury, operation: OperationJury): boolean {
  return OPERATIONS_JURY[operation].depuis.includes(etat);
}

export interface JuryEtat {
  /** The jury's number, e.g. "31202". */
  numero: string;
  etat: EtatJury;
}

export type RefusJury =
  | { ok: false; code: 'ETAT'; message: string }
  | { ok: false; code: 'ACTEUR'; message: string }
  | { ok: false; code: 'SANS_RESULTAT'; message: string; candidats: readonly string[] }
  | { ok: false; code: 'SANS_PV'; message: string };

export type VerificationJury = { ok: true; etat: EtatJury } | RefusJury;

const LIBELLE_ACTEUR: Partial<Record<Role, string>> = {
  gestionnaire: 'au gestionnaire DEC',
  chef_etablissement: 'au chef de centre de délibération',
  membre_jury: 'au jury',
};

function majuscule(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Why a closed jury cannot end without its PV (seed 001 §5: « Cette étape est indispensable »). */
export function messageSansPv(numero: string): string {
  return `Le jury ${numero} ne peut pas être terminé : son procès-verbal de tenue de délibération n'a pas été édité (étape 5 « Editer les Procès Verbaux de tenue de délibération », indispensable : le président du jury le signe). Editez-le, puis terminez le jury.`;
}

/**
 * Whether `acteur` may do `operation` on the jury now. On success, `etat` is the état to write (the
 * current one for an operation that changes nothing). `sansResultat`: for "clore", the numéros of the
 * jury's candidates without a result; every candidate needs one before the jury is closed.
 * `pvEdite`: for "terminer", whether the jury's PV de tenue de délibération was printed (required:
 * decision 0011); unknown (undefined) is not checked.
 */
export function verifierOperation(
  jury: JuryEtat,
  operation: OperationJury,
  acteur: Role,
  sansResultat: readonly string[] = [],
  pvEdite?: boolean,
): VerificationJury {
  const regle = OPERATIONS_JURY[operation];
  if (!regle.acteurs.includes(acteur)) {
    const qui = regle.acteurs.map((a) => LIBELLE_ACTEUR[a] ?? a).join(' ou ');
    return { ok: false, code: 'ACTEUR', message: `${majuscule(regle.nom)} revient ${qui}.` };
  }
  if (!etatPermet(jury.etat, operation)) {
    return {
      ok: false,
      code: 'ETAT',
      message: `Le jury ${jury.numero} est à l'état ${libelleEtatJury(jury.etat)} : ${regle.nom} demande l'état ${regle.depuis.map(libelleEtatJury).join(' ou ')}.`,
    };
  }
  if (operation === 'clore' && sansResultat.length) {
    const n = sansResultat.length;
    return {
      ok: false,
      code: 'SANS_RESULTAT',
      candidats: sansResultat,
      message: `Le jury ${jury.numero} ne peut pas être clos : ${n} ${n > 1 ? 'candidats sont' : 'candidat est'} sans résultat (${sansResultat.join(', ')}).`,
    };
  }
  if (operation === 'terminer' && pvEdite === false) return { ok: false, code: 'SANS_PV', message: messageSansPv(jury.numero) };
  return { ok: true, etat: regle.vers ?? jury.etat };
}

/** The jurys in each état, for a synthetic view: every état of `etats` appears, 0 included. */
export function compterParEtat(jurys: Iterable<{ etat: EtatJury }>, etats: readonly EtatJury[] = ETATS_JURY): Map<EtatJury, number> {
  const compte = new Map<EtatJury, number>(etats.map((e) => [e, 0]));
  for (const j of jurys) {
    const n = compte.get(j.etat);
    if (n !== undefined) compte.set(j.etat, n + 1);
  }
  return compte;
}
