// The checks several kinds of import make on the same columns (NUMEN, UAI, identity, dates) and on the
// same rows (an établissement or a person of the gestionnaire's académie), with one wording each: a
// line gets the same French reason whatever file it comes from.
import { controlerNumen, controlerUai } from '../../../domain/referentiel/identifiants.ts';
import type { RejetLigne } from '../fichier-csv.ts';
import type { ContexteImport } from '../genres.ts';

/** Records one rejection of the line being read: its column and the French reason. */
export type Rejeter = (champ: string, motif: string) => void;

/** The rejections of one line, and the function that adds one. */
export function rejetsDeLigne(ligne: number): { rejets: RejetLigne[]; rejet: Rejeter } {
  const rejets: RejetLigne[] = [];
  return { rejets, rejet: (champ, motif) => rejets.push({ ligne, champ, motif }) };
}

/** The first characters of a NUMEN, enough to find the line without printing the whole identifier. */
export const numenCourt = (n: string) => `${n.slice(0, 3)}…`;

/** JJ/MM/AAAA → AAAA-MM-JJ, or null when it is not a real date. */
export function lireDateFr(s: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return null;
  const [j, mo, a] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(a, mo - 1, j));
  if (d.getUTCFullYear() !== a || d.getUTCMonth() !== mo - 1 || d.getUTCDate() !== j) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** NUMEN, upper-cased, checked (format and key); `vide`: the reason when it is empty, null when it may be. */
export function lireNumen(champ: (nom: string) => string, rejet: Rejeter, vide: string | null = 'vide : le NUMEN est obligatoire.'): string {
  const numen = champ('NUMEN').toUpperCase();
  if (!numen) {
    if (vide !== null) rejet('NUMEN', vide);
  }
  else {
    const c = controlerNumen(numen);
    if (!c.ok) rejet('NUMEN', `« ${numen} » : ${c.message}`);
  }
  return numen;
}

/** UAI, upper-cased, checked (format and key letter); `vide`: the reason when it is empty, null when it may be. */
export function lireUai(champ: (nom: string) => string, rejet: Rejeter, vide: string | null): string {
  const uai = champ('UAI').toUpperCase();
  if (!uai) {
    if (vide !== null) rejet('UAI', vide);
  } else {
    const c = controlerUai(uai);
    if (!c.ok) rejet('UAI', `« ${uai} » : ${c.message}`);
  }
  return uai;
}

const CIVILITES: Record<string, 'M.' | 'Mme'> = { 'M.': 'M.', M: 'M.', MR: 'M.', MONSIEUR: 'M.', MME: 'Mme', MADAME: 'Mme' };

/** A length beyond which a name is refused. */
export const LONGUEUR_MAX_NOM = 100;

/** CIVILITE, NOM, PRENOM and DATE_NAISSANCE (JJ/MM/AAAA, after 1900) of a person or a candidate. */
export function lireIdentite(champ: (nom: string) => string, rejet: Rejeter, exempleDate: string) {
  const civ = champ('CIVILITE');
  const civilite = CIVILITES[civ.toUpperCase().replace(/\s/g, '')];
  if (!civ) rejet('CIVILITE', 'vide : M. ou Mme est attendu.');
  else if (!civilite) rejet('CIVILITE', `« ${civ} » n'est pas une civilité : M. ou Mme est attendu.`);
  const nom = champ('NOM');
  const prenom = champ('PRENOM');
  for (const [c, v, quoi] of [['NOM', nom, 'le nom'], ['PRENOM', prenom, 'le prénom']] as const) {
    if (!v) rejet(c, `vide : ${quoi} est obligatoire.`);
    else if (v.length > LONGUEUR_MAX_NOM) rejet(c, `${LONGUEUR_MAX_NOM} caractères au plus (${v.length} donnés).`);
  }
  const dn = champ('DATE_NAISSANCE');
  const dateNaissance = lireDateFr(dn);
  if (!dn) rejet('DATE_NAISSANCE', 'vide : la date de naissance (JJ/MM/AAAA) est obligatoire.');
  else if (!dateNaissance) rejet('DATE_NAISSANCE', `« ${dn} » n'est pas une date JJ/MM/AAAA (par exemple ${exempleDate}).`);
  else if (dateNaissance < '1900-01-01') rejet('DATE_NAISSANCE', `« ${dn} » : une date de naissance après 1900 est attendue.`);
  return { civilite, nom, prenom, dateNaissance };
}

/**
 * The établissement of a line's UAI when it is one of the gestionnaire's académie; else the French
 * reason (unknown, or of another académie: one académie never imports into another).
 */
export function etablissementDeLAcademie<E extends { academie_code: string }>(etabs: ReadonlyMap<string, E>, uai: string, c: ContexteImport): E | { motif: string } {
  const e = etabs.get(uai);
  if (!e) return { motif: `aucun établissement d'UAI ${uai} n'est connu.` };
  if (e.academie_code !== c.academieCode) return { motif: `l'établissement ${uai} est un établissement d'une autre académie : seuls ceux de l'académie de ${c.academieLibelle} sont acceptés.` };
  return e;
}

/** The person of a line's NUMEN when it is one of the gestionnaire's académie; else the French reason. */
export function personneDeLAcademie<P extends { academie_code: string }>(personnes: ReadonlyMap<string, P>, numen: string, c: ContexteImport): P | { motif: string } {
  const p = personnes.get(numen);
  if (!p) return { motif: `aucune personne de NUMEN ${numenCourt(numen)} n'est connue : importez d'abord les personnels.` };
  if (p.academie_code !== c.academieCode) return { motif: `le NUMEN ${numenCourt(numen)} est celui d'une personne d'une autre académie : seules celles de l'académie de ${c.academieLibelle} sont acceptées.` };
  return p;
}

export const estMotif = (x: object): x is { motif: string } => 'motif' in x;
