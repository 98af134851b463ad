// Enquête DCS (seed 004 §2.9): the survey the SIEC puts to the teachers of the DCS (diplômes
// comptables supérieurs: DCG, DSCG) in six steps. The official units of the DCG and the DSCG
// (décret n° 2006-1706 as amended in 2019, arrêtés of 2019 on the new programmes), which of them are
// written and which oral examinations, and the check of each step: pure rules, shared by the server
// (which decides) and the form (which shows the same message on the same field before sending).
import { controlerUai } from '../referentiel/identifiants.ts';

export type Diplome = 'DCG' | 'DSCG';
export const DIPLOMES: readonly Diplome[] = ['DCG', 'DSCG'];
export const LIBELLE_DIPLOME: Record<Diplome, string> = {
  DCG: 'Diplôme de comptabilité et de gestion (DCG)',
  DSCG: 'Diplôme supérieur de comptabilité et de gestion (DSCG)',
};

export interface UniteEnseignement {
  /** « DCG-1 » … « DCG-13 », « DSCG-1 » … « DSCG-7 ». */
  code: string;
  diplome: Diplome;
  numero: number;
  intitule: string;
  /** How the unit is examined: written paper (corrected) or oral (interrogated). */
  epreuve: 'ecrite' | 'orale';
}

const ue = (diplome: Diplome, numero: number, intitule: string, epreuve: 'ecrite' | 'orale' = 'ecrite'): UniteEnseignement => ({
  code: `${diplome}-${numero}`,
  diplome,
  numero,
  intitule,
  epreuve,
});

/**
 * The units of the DCG (13) and of the DSCG (7) since the 2019 reform (first session 2021). Orals:
 * DCG UE 13 « Communication professionnelle » (a report of the internship, presented and discussed),
 * DSCG UE 6 « Epreuve orale d'économie se déroulant en anglais », DSCG UE 7 « Relations
 * professionnelles » (the internship report's defence); every other unit is a written paper.
 * The optional modern language paper of the DCG is not a unit and is left out.
 */
export const UNITES_ENSEIGNEMENT: readonly UniteEnseignement[] = [
  ue('DCG', 1, 'Fondamentaux du droit'),
  ue('DCG', 2, 'Droit des sociétés et des groupements d’affaires'),
  ue('DCG', 3, 'Droit social'),
  ue('DCG', 4, 'Droit fiscal'),
  ue('DCG', 5, 'Économie contemporaine'),
  ue('DCG', 6, 'Finance d’entreprise'),
  ue('DCG', 7, 'Management'),
  ue('DCG', 8, 'Systèmes d’information de gestion'),
  ue('DCG', 9, 'Introduction à la comptabilité'),
  ue('DCG', 10, 'Comptabilité approfondie'),
  ue('DCG', 11, 'Contrôle de gestion'),
  ue('DCG', 12, 'Anglais des affaires'),
  ue('DCG', 13, 'Communication professionnelle', 'orale'),
  ue('DSCG', 1, 'Gestion juridique, fiscale et sociale'),
  ue('DSCG', 2, 'Finance'),
  ue('DSCG', 3, 'Management et contrôle de gestion'),
  ue('DSCG', 4, 'Comptabilité et audit'),
  ue('DSCG', 5, 'Management des systèmes d’information'),
  ue('DSCG', 6, 'Épreuve orale d’économie se déroulant en anglais', 'orale'),
  ue('DSCG', 7, 'Relations professionnelles', 'orale'),
];

const PAR_CODE = new Map(UNITES_ENSEIGNEMENT.map((u) => [u.code, u]));

export function uniteEnseignement(code: string): UniteEnseignement | undefined {
  return PAR_CODE.get(code);
}

/** « DCG UE 11 — Contrôle de gestion ». */
export function libelleUe(code: string): string {
  const u = PAR_CODE.get(code);
  return u ? `${u.diplome} UE ${u.numero} — ${u.intitule}` : code;
}

/** The written papers (step 5) and the oral examinations (step 6). */
export const EPREUVES_ECRITES: readonly UniteEnseignement[] = UNITES_ENSEIGNEMENT.filter((u) => u.epreuve === 'ecrite');
export const EPREUVES_ORALES: readonly UniteEnseignement[] = UNITES_ENSEIGNEMENT.filter((u) => u.epreuve === 'orale');

// ---------------------------------------------------------------------------------------------
// The six steps

export const ETAPES = ['activite', 'etablissements', 'enseignements', 'vae', 'epreuves-ecrites', 'epreuves-orales'] as const;
export type Etape = (typeof ETAPES)[number];

export const LIBELLE_ETAPE: Record<Etape, string> = {
  activite: 'Activité',
  etablissements: 'Etablissements',
  enseignements: 'Enseignements (UE)',
  vae: 'VAE',
  'epreuves-ecrites': 'Epreuves écrites DSCG ou DCG',
  'epreuves-orales': 'Epreuves orales DSCG ou DCG',
};

export function estEtape(x: string): x is Etape {
  return (ETAPES as readonly string[]).includes(x);
}

export type Situation = 'en_activite' | 'retraite' | 'autre';
export const SITUATIONS: readonly Situation[] = ['en_activite', 'retraite', 'autre'];
export const LIBELLE_SITUATION: Record<Situation, string> = {
  en_activite: 'En activité',
  retraite: 'Retraité(e)',
  autre: 'Autre situation',
};

/** 1. Activité: the current situation, with what it calls for. */
export interface ReponseActivite {
  situation: Situation | '';
  /** En activité: the function held (« Professeur agrégé d'économie et gestion », « Expert-comptable »…). */
  fonction: string;
  /** Retraité(e): the year of retirement, as typed. */
  anneeRetraite: string;
  /** Autre situation: what it is. */
  precision: string;
}

export interface EtablissementExercice {
  uai: string;
  libelle: string;
}

/** 2. Etablissements: where the person teaches (prefilled from the personnel data), or none. */
export interface ReponseEtablissements {
  aucun: boolean;
  etablissements: EtablissementExercice[];
}

/** 3. Enseignements: the units taught, or none. */
export interface ReponseEnseignements {
  aucun: boolean;
  ues: string[];
}

export type OuiNon = 'oui' | 'non' | '';

/** 4. VAE: available as a VAE examiner, and for which diplomas. */
export interface ReponseVae {
  disponible: OuiNon;
  diplomes: Diplome[];
}

/** 5. and 6.: wishes to correct (written) / to interrogate (oral), and which papers. */
export interface ReponseEpreuves {
  souhaite: OuiNon;
  ues: string[];
}

export interface ReponsesEtapes {
  activite: ReponseActivite;
  etablissements: ReponseEtablissements;
  enseignements: ReponseEnseignements;
  vae: ReponseVae;
  'epreuves-ecrites': ReponseEpreuves;
  'epreuves-orales': ReponseEpreuves;
}

export const MAX_ETABLISSEMENTS = 5;
const MAX_TEXTE = 200;

export type ResultatEtape<E extends Etape> = { ok: true; valeur: ReponsesEtapes[E] } | { ok: false; champs: Record<string, string> };

/** An empty answer of each step, as the form starts when nothing was saved. */
export function reponseVide<E extends Etape>(etape: E): ReponsesEtapes[E] {
  const vides: ReponsesEtapes = {
    activite: { situation: '', fonction: '', anneeRetraite: '', precision: '' },
    etablissements: { aucun: false, etablissements: [] },
    enseignements: { aucun: false, ues: [] },
    vae: { disponible: '', diplomes: [] },
    'epreuves-ecrites': { souhaite: '', ues: [] },
    'epreuves-orales': { souhaite: '', ues: [] },
  };
  return vides[etape];
}

const texte = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '');
const liste = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objet = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * Checks one step's answer and returns it cleaned (trimmed texts, upper-case UAI, units in the
 * official order, what a choice makes irrelevant emptied), or the message of each field at fault,
 * keyed by the form's field names (« etablissements.1.uai »). `anneeCourante`: the retirement year
 * cannot be in the future.
 */
export function controlerEtape<E extends Etape>(etape: E, brut: unknown, anneeCourante: number): ResultatEtape<E> {
  const o = objet(brut);
  const champs: Record<string, string> = {};
  let valeur: ReponsesEtapes[Etape];
  switch (etape) {
    case 'activite': {
      const situation = (SITUATIONS as readonly string[]).includes(o.situation as string) ? (o.situation as Situation) : '';
      const r: ReponseActivite = { situation, fonction: '', anneeRetraite: '', precision: '' };
      if (!situation) champs.situation = 'Situation actuelle : choisissez « En activité », « Retraité(e) » ou « Autre situation ».';
      if (situation === 'en_activite') {
        r.fonction = texte(o.fonction);
        if (!r.fonction) champs.fonction = 'Fonction exercée : renseignez votre fonction (par exemple « Professeur agrégé d’économie et gestion »).';
        else if (r.fonction.length > MAX_TEXTE) champs.fonction = `Fonction exercée : ${MAX_TEXTE} caractères au plus.`;
      }
      if (situation === 'retraite') {
        r.anneeRetraite = texte(o.anneeRetraite);
        const n = Number(r.anneeRetraite);
        if (!/^\d{4}$/.test(r.anneeRetraite) || n < 1970 || n > anneeCourante)
          champs.anneeRetraite = `Année de départ en retraite : indiquez une année sur 4 chiffres, entre 1970 et ${anneeCourante}.`;
      }
      if (situation === 'autre') {
        r.precision = texte(o.precision);
        if (!r.precision) champs.precision = 'Précisez votre situation : ce champ est obligatoire pour « Autre situation ».';
        else if (r.precision.length > MAX_TEXTE) champs.precision = `Précisez votre situation : ${MAX_TEXTE} caractères au plus.`;
      }
      valeur = r;
      break;
    }
    case 'etablissements': {
      const aucun = o.aucun === true;
      const r: ReponseEtablissements = { aucun, etablissements: [] };
      if (!aucun) {
        const lignes = liste(o.etablissements).map(objet);
        if (lignes.length === 0) champs.etablissements = "Etablissements d'exercice : ajoutez au moins un établissement, ou cochez « Je n'exerce actuellement dans aucun établissement ».";
        if (lignes.length > MAX_ETABLISSEMENTS) champs.etablissements = `Etablissements d'exercice : ${MAX_ETABLISSEMENTS} établissements au plus.`;
        const vus = new Set<string>();
        lignes.slice(0, MAX_ETABLISSEMENTS).forEach((l, i) => {
          const uai = texte(l.uai).toUpperCase();
          const libelle = texte(l.libelle);
          const n = i + 1;
          const c = controlerUai(uai);
          if (!uai) champs[`etablissements.${i}.uai`] = `UAI de l'établissement ${n} : ce champ est obligatoire (8 caractères, par exemple 0751234A).`;
          else if (!c.ok) champs[`etablissements.${i}.uai`] = `UAI de l'établissement ${n} : ${c.message}`;
          else if (vus.has(uai)) champs[`etablissements.${i}.uai`] = `UAI de l'établissement ${n} : l'établissement ${uai} figure déjà dans la liste.`;
          vus.add(uai);
          if (!libelle) champs[`etablissements.${i}.libelle`] = `Nom de l'établissement ${n} : ce champ est obligatoire.`;
          else if (libelle.length > MAX_TEXTE) champs[`etablissements.${i}.libelle`] = `Nom de l'établissement ${n} : ${MAX_TEXTE} caractères au plus.`;
          r.etablissements.push({ uai, libelle });
        });
      }
      valeur = r;
      break;
    }
    case 'enseignements': {
      const aucun = o.aucun === true;
      const ues = aucun ? [] : unites(o.ues, UNITES_ENSEIGNEMENT, 'ues', 'Unités d’enseignement', champs);
      if (!aucun && ues.length === 0 && !champs.ues) champs.ues = "Unités d'enseignement : cochez au moins une UE, ou « Je n'enseigne actuellement aucune UE du DCG ou du DSCG ».";
      valeur = { aucun, ues } satisfies ReponseEnseignements;
      break;
    }
    case 'vae': {
      const disponible = ouiNon(o.disponible);
      if (!disponible) champs.disponible = 'Disponibilité comme examinateur VAE : répondez « Oui » ou « Non ».';
      const diplomes = disponible === 'oui' ? DIPLOMES.filter((d) => liste(o.diplomes).includes(d)) : [];
      if (disponible === 'oui' && liste(o.diplomes).some((d) => !DIPLOMES.includes(d as Diplome))) champs.diplomes = 'Diplômes : seuls le DCG et le DSCG sont proposés.';
      else if (disponible === 'oui' && diplomes.length === 0) champs.diplomes = 'Diplômes : cochez le DCG, le DSCG ou les deux.';
      valeur = { disponible, diplomes } satisfies ReponseVae;
      break;
    }
    case 'epreuves-ecrites':
    case 'epreuves-orales': {
      const ecrites = etape === 'epreuves-ecrites';
      const souhaite = ouiNon(o.souhaite);
      if (!souhaite) champs.souhaite = ecrites ? 'Souhaitez-vous corriger des épreuves écrites : répondez « Oui » ou « Non ».' : 'Souhaitez-vous interroger à des épreuves orales : répondez « Oui » ou « Non ».';
      const offertes = ecrites ? EPREUVES_ECRITES : EPREUVES_ORALES;
      const nom = ecrites ? 'Epreuves écrites' : 'Epreuves orales';
      const ues = souhaite === 'oui' ? unites(o.ues, offertes, 'ues', nom, champs) : [];
      if (souhaite === 'oui' && ues.length === 0 && !champs.ues) champs.ues = `${nom} : cochez au moins une épreuve.`;
      valeur = { souhaite, ues } satisfies ReponseEpreuves;
      break;
    }
    default:
      throw new Error(`Étape inconnue : ${String(etape)}`);
  }
  return Object.keys(champs).length > 0 ? { ok: false, champs } : { ok: true, valeur: valeur as ReponsesEtapes[E] };
}

function ouiNon(v: unknown): OuiNon {
  return v === 'oui' || v === 'non' ? v : '';
}

function unites(v: unknown, offertes: readonly UniteEnseignement[], champ: string, nom: string, champs: Record<string, string>): string[] {
  const codes = liste(v).filter((c): c is string => typeof c === 'string');
  const inconnues = codes.filter((c) => !offertes.some((u) => u.code === c));
  if (inconnues.length > 0 || codes.length !== liste(v).length) champs[champ] = `${nom} : ${inconnues.join(', ') || 'une valeur'} ne fait pas partie des choix proposés.`;
  return offertes.filter((u) => codes.includes(u.code)).map((u) => u.code);
}

/** The text of each step's answer, as the gestionnaire's detail and export print it. */
export function resumeEtape<E extends Etape>(etape: E, r: ReponsesEtapes[E] | null | undefined): string {
  if (!r) return '';
  switch (etape) {
    case 'activite': {
      const a = r as ReponseActivite;
      if (!a.situation) return '';
      const detail = a.situation === 'en_activite' ? a.fonction : a.situation === 'retraite' ? `depuis ${a.anneeRetraite}` : a.precision;
      return `${LIBELLE_SITUATION[a.situation]} — ${detail}`;
    }
    case 'etablissements': {
      const e = r as ReponseEtablissements;
      return e.aucun ? 'Aucun établissement' : e.etablissements.map((x) => `${x.uai} ${x.libelle}`).join(' | ');
    }
    case 'enseignements': {
      const e = r as ReponseEnseignements;
      return e.aucun ? 'Aucune UE' : e.ues.map(libelleCourt).join(', ');
    }
    case 'vae': {
      const v = r as ReponseVae;
      return v.disponible === 'oui' ? `Oui : ${v.diplomes.join(', ')}` : v.disponible === 'non' ? 'Non' : '';
    }
    default: {
      const e = r as ReponseEpreuves;
      return e.souhaite === 'oui' ? `Oui : ${e.ues.map(libelleCourt).join(', ')}` : e.souhaite === 'non' ? 'Non' : '';
    }
  }
}

/** « DCG UE 11 ». */
export function libelleCourt(code: string): string {
  const u = PAR_CODE.get(code);
  return u ? `${u.diplome} UE ${u.numero}` : code;
}

/** The calendar year of a date in Paris (the latest year of retirement accepted). */
export function anneeCivile(d: Date): number {
  return Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(d));
}

/** The year of the campaign a date falls in: from September, the next year's session is prepared. */
export function anneeCampagne(d: Date): number {
  const annee = Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(d));
  const mois = Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'numeric' }).format(d));
  return mois >= 9 ? annee + 1 : annee;
}
