// Reading an imported CSV file (« Imports de données », issue 15, streamed since issue 17; decisions
// 0022 §Imports and 0034): the bytes as sent (UTF-8 with or without BOM, else Windows-1252, what a
// spreadsheet saves), the separator of the header line (`;` or `,`), the columns by name (case,
// accents and spaces ignored, any order), every record with the number of the line it starts on.
// A field may be quoted ("…", quotes doubled, line breaks inside kept); a quote inside an unquoted
// field is an ordinary character.
//
// Two ways in: `lireCsvFlux` reads a stream chunk by chunk (the imports: never the whole file in
// memory, only the record being read), `lireCsv` a text already in memory (small files: the payment
// return of the liquidation). Both use the same parser (AnalyseurCsv).

export interface RejetLigne {
  /** 1 = the header line. */
  ligne: number;
  /** The column name as documented (NUMERO_MISSION…), or « ligne » for the whole line. */
  champ: string;
  /** French, what is wrong and what is expected. */
  motif: string;
}

export type Encodage = 'UTF-8' | 'Windows-1252';

export function decoderFichier(octets: Uint8Array): { texte: string; encodage: Encodage } {
  const b = Buffer.from(octets);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { texte: new TextDecoder('utf-8').decode(b.subarray(3)), encodage: 'UTF-8' };
  try {
    return { texte: new TextDecoder('utf-8', { fatal: true }).decode(b), encodage: 'UTF-8' };
  } catch {
    return { texte: new TextDecoder('windows-1252').decode(b), encodage: 'Windows-1252' };
  }
}

/**
 * First pass over a stream: its encoding (UTF-8 when every byte decodes as UTF-8, BOM or not; else
 * Windows-1252), its size and its number of line breaks (the total of the progress bar). Reads the
 * stream to its end, one chunk at a time.
 */
export async function examinerFlux(flux: AsyncIterable<Uint8Array>): Promise<{ encodage: Encodage; octets: number; sautsDeLigne: number }> {
  const decodeur = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let octets = 0;
  let sauts = 0;
  for await (const m of flux) {
    const b = m instanceof Uint8Array ? m : Buffer.from(m);
    octets += b.length;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) sauts++;
    if (utf8) {
      try {
        decodeur.decode(b, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      decodeur.decode();
    } catch {
      utf8 = false;
    }
  }
  return { encodage: utf8 ? 'UTF-8' : 'Windows-1252', octets, sautsDeLigne: sauts };
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

/** A record too long to be a line (an unclosed quote swallowing the file): the file is refused. */
export const LONGUEUR_MAX_ENREGISTREMENT = 1_000_000;

export class FichierIllisible extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FichierIllisible';
  }
}

export interface Enregistrement {
  /** The line it starts on (1 = the header). */
  ligne: number;
  champs: string[];
}

/**
 * The CSV state machine: text goes in by pieces (`pousser`), complete records come out. Holds only the
 * record being read. The separator is set by the caller once the header's first line is known.
 */
export class AnalyseurCsv {
  separateur: ';' | ',' = ';';
  #champs: string[] = [];
  #champ = '';
  #guillemets = false;
  /** The previous character closed a quoted field ("" inside quotes is one quote). */
  #sortieGuillemets = false;
  #debutChamp = true;
  #cr = false;
  #ligne = 1;
  #ligneEnregistrement = 1;
  #longueur = 0;
  #commence = false;

  pousser(texte: string, sortie: Enregistrement[]): void {
    const sep = this.separateur;
    for (let i = 0; i < texte.length; i++) {
      const c = texte[i]!;
      if (this.#cr) {
        this.#cr = false;
        if (c === '\n') continue;
      }
      if (this.#guillemets) {
        if (c === '"') {
          this.#guillemets = false;
          this.#sortieGuillemets = true;
          continue;
        }
        if (c === '\n' || c === '\r') {
          this.#ligne++;
          if (c === '\r') {
            if (texte[i + 1] === '\n') i++;
            else if (i + 1 === texte.length) this.#cr = true;
          }
          this.#champ += '\n';
        } else this.#champ += c;
        if (++this.#longueur > LONGUEUR_MAX_ENREGISTREMENT) {
          throw new FichierIllisible(`Ligne ${this.#ligneEnregistrement} : guillemet ouvrant sans guillemet fermant (l'enregistrement dépasse ${LONGUEUR_MAX_ENREGISTREMENT.toLocaleString('fr-FR')} caractères).`);
        }
        continue;
      }
      if (this.#sortieGuillemets) {
        this.#sortieGuillemets = false;
        if (c === '"') {
          // "" inside a quoted field: one quote, still inside.
          this.#champ += '"';
          this.#guillemets = true;
          continue;
        }
      }
      this.#commence = true;
      if (c === sep) {
        this.#champs.push(this.#champ.trim());
        this.#champ = '';
        this.#debutChamp = true;
      } else if (c === '\n' || c === '\r') {
        this.#finEnregistrement(sortie);
        this.#ligne++;
        this.#ligneEnregistrement = this.#ligne;
        if (c === '\r') {
          if (texte[i + 1] === '\n') i++;
          else if (i + 1 === texte.length) this.#cr = true;
        }
      } else if (c === '"' && this.#debutChamp && !this.#champ.trim()) {
        this.#champ = '';
        this.#guillemets = true;
        this.#debutChamp = false;
      } else {
        this.#champ += c;
        this.#debutChamp = false;
        if (++this.#longueur > LONGUEUR_MAX_ENREGISTREMENT) throw new FichierIllisible(`Ligne ${this.#ligneEnregistrement} : ligne de plus de ${LONGUEUR_MAX_ENREGISTREMENT.toLocaleString('fr-FR')} caractères.`);
      }
    }
  }

  #finEnregistrement(sortie: Enregistrement[]) {
    this.#champs.push(this.#champ.trim());
    const champs = this.#champs;
    this.#champs = [];
    this.#champ = '';
    this.#debutChamp = true;
    this.#longueur = 0;
    this.#commence = false;
    // An empty line (or spaces only) is no record.
    if (champs.length === 1 && champs[0] === '') return;
    sortie.push({ ligne: this.#ligneEnregistrement, champs });
  }

  /** The end of the text: the last record, even without a final line break. */
  terminer(sortie: Enregistrement[]): void {
    if (this.#guillemets) throw new FichierIllisible(`Ligne ${this.#ligneEnregistrement} : guillemet ouvrant sans guillemet fermant à la fin du fichier.`);
    if (this.#commence || this.#champs.length || this.#champ) this.#finEnregistrement(sortie);
  }
}

export interface LigneLue {
  ligne: number;
  champ: (nom: string) => string;
}

export interface EnteteLue {
  separateur: ';' | ',';
  colonnes: string[];
}

export interface FichierLu extends EnteteLue {
  lignes: LigneLue[];
  /** Lines refused before their fields are read (too many fields). */
  rejets: RejetLigne[];
}

function verifierEntete(champs: string[], obligatoires: readonly string[], facultatives: readonly string[]): { colonnes: string[] } | { entete: string } {
  const colonnes = champs.map(nomColonne);
  const manquantes = obligatoires.filter((c) => !colonnes.includes(c));
  const attendu = [...obligatoires, ...facultatives].join(';');
  if (manquantes.length) {
    return {
      entete: `Ligne 1 : ${manquantes.length > 1 ? 'colonnes absentes' : 'colonne absente'} de la ligne d'en-tête : ${manquantes.join(', ')} (attendu : ${attendu}, séparateur « ; » ou « , »).`,
    };
  }
  return { colonnes };
}

/** A data record → the line as genres read it, or its rejection (too many fields). */
function ligneDe(e: Enregistrement, colonnes: string[], index: Map<string, number>, separateur: string): LigneLue | RejetLigne {
  const f = e.champs;
  if (f.length > colonnes.length && f.slice(colonnes.length).some((x) => x !== '')) {
    return { ligne: e.ligne, champ: 'ligne', motif: `${f.length} champs au lieu de ${colonnes.length} : vérifiez le séparateur « ${separateur} » et les guillemets.` };
  }
  return { ligne: e.ligne, champ: (nom) => f[index.get(nom) ?? -1] ?? '' };
}

export const estRejet = (x: LigneLue | RejetLigne): x is RejetLigne => 'motif' in x;

const VIDE = "Le fichier est vide : la première ligne doit nommer les colonnes.";

/**
 * The lines of a text in memory, or the French reason the header is unusable (`entete`): a missing
 * mandatory column, an empty file.
 */
export function lireCsv(texte: string, obligatoires: readonly string[], facultatives: readonly string[] = []): FichierLu | { entete: string } {
  const t = texte.replace(/^\uFEFF/, '');
  const premiere = t.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (!premiere.trim()) return { entete: VIDE };
  const a = new AnalyseurCsv();
  a.separateur = premiere.includes(';') ? ';' : ',';
  const enr: Enregistrement[] = [];
  try {
    a.pousser(t, enr);
    a.terminer(enr);
  } catch (err) {
    if (err instanceof FichierIllisible) return { entete: err.message };
    throw err;
  }
  const [tete, ...donnees] = enr;
  if (!tete) return { entete: VIDE };
  const v = verifierEntete(tete.champs, obligatoires, facultatives);
  if ('entete' in v) return v;
  const index = new Map(v.colonnes.map((c, i) => [c, i] as const));
  const lignes: LigneLue[] = [];
  const rejets: RejetLigne[] = [];
  for (const e of donnees) {
    const l = ligneDe(e, v.colonnes, index, a.separateur);
    if (estRejet(l)) rejets.push(l);
    else lignes.push(l);
  }
  return { separateur: a.separateur, colonnes: v.colonnes, lignes, rejets };
}

/**
 * A stream read line by line: the header is checked first (`entete`: the French reason it is
 * unusable), then `lignes` yields each data line (or its rejection) as the chunks arrive. Only the
 * chunk and the record being read are in memory. Throws FichierIllisible on an unclosed quote.
 */
export async function lireCsvFlux(
  flux: AsyncIterable<Uint8Array>,
  encodage: Encodage,
  obligatoires: readonly string[],
  facultatives: readonly string[] = [],
): Promise<(EnteteLue & { lignes: AsyncGenerator<LigneLue | RejetLigne> }) | { entete: string }> {
  const it = flux[Symbol.asyncIterator]();
  const decodeur = new TextDecoder(encodage === 'UTF-8' ? 'utf-8' : 'windows-1252', { ignoreBOM: false });
  const a = new AnalyseurCsv();
  let fini = false;
  // Until the first line break: the separator is read from the header's line.
  let debut = '';
  while (!fini && !/[\r\n]/.test(debut)) {
    const r = await it.next();
    if (r.done) {
      debut += decodeur.decode();
      fini = true;
    } else debut += decodeur.decode(r.value, { stream: true });
    if (debut.length > LONGUEUR_MAX_ENREGISTREMENT) break;
  }
  debut = debut.replace(/^\uFEFF/, '');
  const premiere = debut.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (!premiere.trim()) {
    await it.return?.();
    return { entete: VIDE };
  }
  a.separateur = premiere.includes(';') ? ';' : ',';
  let enr: Enregistrement[] = [];
  a.pousser(debut, enr);
  // The header may hold quoted line breaks: read until it is complete.
  while (!enr.length && !fini) {
    const r = await it.next();
    if (r.done) {
      a.pousser(decodeur.decode(), enr);
      a.terminer(enr);
      fini = true;
    } else a.pousser(decodeur.decode(r.value, { stream: true }), enr);
  }
  if (!enr.length && fini) a.terminer(enr);
  const tete = enr.shift();
  if (!tete) return { entete: VIDE };
  const v = verifierEntete(tete.champs, obligatoires, facultatives);
  if ('entete' in v) {
    await it.return?.();
    return v;
  }
  const colonnes = v.colonnes;
  const index = new Map(colonnes.map((c, i) => [c, i] as const));
  const separateur = a.separateur;
  async function* lignes(): AsyncGenerator<LigneLue | RejetLigne> {
    try {
      for (;;) {
        for (const e of enr) yield ligneDe(e, colonnes, index, separateur);
        enr = [];
        if (fini) return;
        const r = await it.next();
        if (r.done) {
          a.pousser(decodeur.decode(), enr);
          a.terminer(enr);
          fini = true;
        } else a.pousser(decodeur.decode(r.value, { stream: true }), enr);
      }
    } finally {
      if (!fini) await it.return?.();
    }
  }
  return { separateur, colonnes, lignes: lignes() };
}

export function texteRejet(r: RejetLigne): string {
  return r.champ === 'ligne' ? `Ligne ${r.ligne} : ${r.motif}` : `Ligne ${r.ligne}, ${r.champ} : ${r.motif}`;
}
