// Reading an imported CSV file (« Imports de données », issue 15; decision 0022 §Imports): the bytes
// as sent (UTF-8 with or without BOM, else Windows-1252, what a spreadsheet saves), the separator
// of the header line (`;` or `,`), the columns by name (case, accents and spaces ignored, any order),
// every line with its number. A field may be quoted ("…", quotes doubled); a line break inside a
// field is not supported (each physical line is a record).
import { champsCsv } from '../platform/documents/csv.ts';

export interface RejetLigne {
  /** 1 = the header line. */
  ligne: number;
  /** The column name as documented (NUMERO_MISSION…), or « ligne » for the whole line. */
  champ: string;
  /** French, what is wrong and what is expected. */
  motif: string;
}

export function decoderFichier(octets: Uint8Array): { texte: string; encodage: 'UTF-8' | 'Windows-1252' } {
  const b = Buffer.from(octets);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { texte: new TextDecoder('utf-8').decode(b.subarray(3)), encodage: 'UTF-8' };
  try {
    return { texte: new TextDecoder('utf-8', { fatal: true }).decode(b), encodage: 'UTF-8' };
  } catch {
    return { texte: new TextDecoder('windows-1252').decode(b), encodage: 'Windows-1252' };
  }
}

/** NUMÉRO mission → NUMERO_MISSION. */
export function nomColonne(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .trim()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface LigneLue {
  ligne: number;
  champ: (nom: string) => string;
}

export interface FichierLu {
  separateur: ';' | ',';
  colonnes: string[];
  lignes: LigneLue[];
  /** Lines refused before their fields are read (too many fields). */
  rejets: RejetLigne[];
}

/**
 * The lines of the file, or the French reason the header is unusable (`entete`): a missing
 * mandatory column, an empty file.
 */
export function lireCsv(texte: string, obligatoires: readonly string[], facultatives: readonly string[] = []): FichierLu | { entete: string } {
  const brutes = texte.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const entete = brutes[0] ?? '';
  if (!entete.trim()) return { entete: "Le fichier est vide : la première ligne doit nommer les colonnes." };
  const separateur = entete.includes(';') ? ';' : ',';
  const colonnes = champsCsv(entete, separateur).map(nomColonne);
  const manquantes = obligatoires.filter((c) => !colonnes.includes(c));
  const attendu = [...obligatoires, ...facultatives].join(';');
  if (manquantes.length) {
    return {
      entete: `Ligne 1 : ${manquantes.length > 1 ? 'colonnes absentes' : 'colonne absente'} de la ligne d'en-tête : ${manquantes.join(', ')} (attendu : ${attendu}, séparateur « ; » ou « , »).`,
    };
  }
  const index = new Map(colonnes.map((c, i) => [c, i] as const));
  const lignes: LigneLue[] = [];
  const rejets: RejetLigne[] = [];
  for (let i = 1; i < brutes.length; i++) {
    const brute = brutes[i]!;
    if (!brute.trim()) continue;
    const f = champsCsv(brute, separateur);
    if (f.length > colonnes.length && f.slice(colonnes.length).some((x) => x !== '')) {
      rejets.push({ ligne: i + 1, champ: 'ligne', motif: `${f.length} champs au lieu de ${colonnes.length} : vérifiez le séparateur « ${separateur} » et les guillemets.` });
      continue;
    }
    lignes.push({ ligne: i + 1, champ: (nom) => f[index.get(nom) ?? -1] ?? '' });
  }
  return { separateur, colonnes, lignes, rejets };
}

export function texteRejet(r: RejetLigne): string {
  return r.champ === 'ligne' ? `Ligne ${r.ligne} : ${r.motif}` : `Ligne ${r.ligne}, ${r.champ} : ${r.motif}`;
}
