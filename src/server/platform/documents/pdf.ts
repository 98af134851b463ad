// The editions (convocations, lists of personnels, procès-verbaux, papillons) on pdfkit: A4, the
// Marianne font of the DSFR, a header with académie, établissement and title on every page, a footer
// "Edité le … à …" and "Page X / Y", text blocks, key–value blocks and tables whose header row is
// repeated on every page they run over.
//
// Memory stays flat whatever the page count:
// - pages are written as soon as the next one starts (no bufferPages, which would keep every page);
// - "Page X / Y" needs Y before the end: each footer draws a small form XObject whose content
//   ("Page X / Y") is written once Y is known, at `terminer()`. One pass, a few bytes per page;
// - pdfkit ignores back-pressure, so its output goes through `flux`, and the builder waits (`respirer`)
//   whenever the reader is behind.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { dateHeureFr, iterer, texteCellule, valeurCellule, type Cellule, type Colonne } from './tableau.ts';

export const TYPE_PDF = 'application/pdf';

export interface EntetePdf {
  /** First line, as printed: "ACADEMIE DE TOULOUSE". */
  academie: string;
  /** Second line: "LGT LA DECOUVERTE DECAZEVILLE (0120006S)", or a service of the académie. */
  etablissement?: string;
}

export interface OptionsPdf {
  entete: EntetePdf;
  titre: string;
  sousTitre?: string;
  /** The edition date printed in every footer (ctx.clock.now()), shown in Europe/Paris time. */
  editeLe: Date;
  orientation?: 'portrait' | 'paysage';
  /** Written in the document properties. */
  auteur?: string;
}

export type Alignement = 'gauche' | 'centre' | 'droite';

export interface ColonnePdf<L> extends Colonne<L> {
  /** Relative width (1 by default): widths are shared out in proportion across the page. */
  largeur?: number;
  alignement?: Alignement;
}

export interface TableauPdf<L> {
  colonnes: readonly ColonnePdf<L>[];
  lignes: Iterable<L> | AsyncIterable<L>;
  /** A line printed above the table and kept on the same page as its first row ("Intervenant : …"). */
  legende?: string;
  /** Printed instead of rows when there are none. */
  siVide?: string;
  taillePolice?: number;
}

export interface StyleTexte {
  style?: 'normal' | 'gras' | 'italique';
  taille?: number;
  alignement?: Alignement | 'justifie';
  /** Codes and passwords: see `sansCrenage()`. */
  sansCrenage?: boolean;
}

/**
 * Text laid out glyph by glyph, without kerning nor ligatures, for what is read or copied character by
 * character (passwords, identifiants): Marianne kerns some pairs apart ("QJ", "Qj"), and a viewer then
 * copies a space between them — a password pasted from the PDF failed. A fresh object each time:
 * fontkit completes the one it receives.
 */
function sansCrenage(): Pick<PDFKit.Mixins.TextOptions, 'features'> {
  return { features: { kern: false, liga: false } as unknown as PDFKit.Mixins.TextOptions['features'] };
}

// ---------------------------------------------------------------------------------------------
// Fonts: Marianne from the DSFR package (WOFF, read by pdfkit's fontkit). See docs/decisions/0002.

const POLICES = { normal: 'Marianne-Regular', gras: 'Marianne-Bold', italique: 'Marianne-Regular_Italic' } as const;
type Police = keyof typeof POLICES;

/** The part of a fontkit font used here: pdfkit takes the parsed font object itself (pdfkit ≥ 0.16). */
interface PoliceFontkit {
  layout(text: string, features?: unknown): { positions: object[] };
}
let policesChargees: Record<Police, PoliceFontkit> | undefined;

/**
 * A word's layout (OpenType shaping) remembered across documents: pdfkit caches it per document only,
 * and a batch of convocations prints the same words hundreds of times. pdfkit scales the positions it
 * receives in place, so each call gets its own copy of them.
 */
function memoriserMiseEnForme(police: PoliceFontkit): PoliceFontkit {
  const mettreEnForme = police.layout.bind(police);
  const cache = new Map<string, { positions: object[] }>();
  police.layout = (text, features) => {
    if (features !== undefined && features !== null) return mettreEnForme(text, features);
    let run = cache.get(text);
    if (!run) {
      run = mettreEnForme(text);
      if (cache.size >= 20_000) cache.clear();
      cache.set(text, run);
    }
    const copie = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as { positions: object[] }, run);
    copie.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p));
    return copie;
  };
  return police;
}

/**
 * The fonts, parsed once per process (fontkit, the one pdfkit uses): parsing the WOFF files for every
 * document cost tens of milliseconds each, too much for a ZIP of hundreds of convocations.
 */
function polices(): Record<Police, PoliceFontkit> {
  if (!policesChargees) {
    const require = createRequire(import.meta.url);
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Buffer): PoliceFontkit };
    const lire = (nom: string) => memoriserMiseEnForme(fontkit.create(readFileSync(require.resolve(`@codegouvfr/react-dsfr/dsfr/fonts/${nom}.woff`))));
    policesChargees = { normal: lire(POLICES.normal), gras: lire(POLICES.gras), italique: lire(POLICES.italique) };
  }
  return policesChargees;
}

// ---------------------------------------------------------------------------------------------
// Layout, in points (1/72 in). A4 is 595.28 × 841.89.

const MARGE_X = 36;
const HAUT_ENTETE = 26;
const ECART_ENTETE = 12;
const MARGE_BAS = 46;
const LIGNE_PIED = 34; // from the bottom edge
const TEXTE_PIED = 26;
const TAILLE_PIED = 7.5;
const LARGEUR_NUMERO = 140;
const COULEUR_TEXTE = '#161616';
const COULEUR_FILET = '#000091';
const COULEUR_GRILLE = '#7a7a7a';
const FOND_ENTETE_TABLEAU = '#e3e3fd';
const FOND_LIGNE_PAIRE = '#f6f6f6';
const MARGE_CELLULE_X = 3;
const MARGE_CELLULE_Y = 2.5;
const HAUT_TAMPON_FLUX = 256 * 1024;
/** At most this long without yielding to the event loop. */
const PAUSE_MS = 50;

const ALIGN = { gauche: 'left', centre: 'center', droite: 'right', justifie: 'justify' } as const;

/**
 * The height of a table cell's text, remembered across rows and documents: measuring before drawing
 * lays every cell out twice, and a batch repeats the same cells (the 13 épreuves of 1,500 PVI). The
 * height depends only on the font, its size, the width and the text (no line gap or continued text
 * is ever set here), so the remembered value is the one pdfkit would compute.
 */
const hauteurs = new Map<string, number>();
function hauteurCellule(pdf: PDFKit.PDFDocument, police: Police, taille: number, texte: string, largeur: number): number {
  const cle = `${police}\u0000${taille}\u0000${largeur}\u0000${texte}`;
  let h = hauteurs.get(cle);
  if (h === undefined) {
    h = pdf.heightOfString(texte, { width: largeur });
    if (hauteurs.size >= 20_000) hauteurs.clear();
    hauteurs.set(cle, h);
  }
  return h;
}

// pdfkit internals used for the deferred page total: an embedded font can encode text and names its
// dictionary; these are stable across pdfkit 0.x but absent from @types/pdfkit.
interface PolicePdfkit {
  id: string;
  encode(text: string): [string[], Array<{ xAdvance: number; advanceWidth: number }>];
  widthOfString(text: string, size: number): number;
  ref(): PDFKit.PDFKitReference;
  ascender: number;
  layoutCache?: Record<string, unknown> | null;
}

interface Numero {
  ref: PDFKit.PDFKitReference;
  page: number;
}

export class DocumentPdf {
  /** The PDF bytes. Read it while building (hand it to the store, a response or a ZIP). */
  readonly flux: Readable;
  readonly #pdf: PDFKit.PDFDocument;
  readonly #options: OptionsPdf;
  readonly #numeros: Numero[] = [];
  #pages = 0;
  #hautContenu = 0;
  #police: Police = 'normal';
  #taille = 10;
  #plein = false;
  #attente: { resolve: () => void; reject: (e: Error) => void } | null = null;
  #erreur: Error | null = null;
  #termine = false;
  #fin: () => void = () => {};
  #pause = Date.now();
  /** Set while a table runs, so that a page break inside one repeats its header row. */
  #enteteTableau: (() => void) | null = null;

  constructor(options: OptionsPdf) {
    this.#options = options;
    const f = polices();
    this.#pdf = new PDFDocument({
      size: 'A4',
      layout: options.orientation === 'paysage' ? 'landscape' : 'portrait',
      autoFirstPage: false,
      pdfVersion: '1.7',
      lang: 'fr-FR',
      displayTitle: true,
      // No default Helvetica (its metrics would be parsed for every document): every text sets its font.
      font: null as unknown as string,
      info: {
        Title: options.titre,
        Author: options.auteur ?? "IMAG'IN - CYCLADES",
        Creator: "IMAG'IN - CYCLADES",
        CreationDate: options.editeLe,
      },
    });
    for (const p of Object.keys(POLICES) as Police[]) this.#pdf.registerFont(p, f[p] as unknown as Buffer);
    this.flux = new Readable({
      highWaterMark: HAUT_TAMPON_FLUX,
      read: () => {
        this.#plein = false;
        const a = this.#attente;
        this.#attente = null;
        a?.resolve();
      },
    });
    this.flux.on('close', () => {
      if (this.#termine && this.flux.readableEnded) return;
      this.#erreur ??= new Error('Le PDF a été abandonné par son lecteur avant la fin.');
      const a = this.#attente;
      this.#attente = null;
      a?.reject(this.#erreur);
    });
    // pdfkit's own Readable would buffer the whole document until the event loop turns: its output is
    // taken at the source and pushed into `flux`, whose fill level tells the builder when to wait.
    (this.#pdf as unknown as { push: (chunk: Buffer | null) => boolean }).push = (chunk) => {
      if (this.flux.destroyed) return false;
      if (chunk === null) {
        this.flux.push(null);
        this.#fin();
        return false;
      }
      if (!this.flux.push(chunk)) this.#plein = true;
      return !this.#plein;
    };
    // The file header, written by pdfkit's constructor, is already in its buffer.
    for (let debut: Buffer | null; (debut = this.#pdf.read() as Buffer | null) !== null; ) this.flux.push(debut);
    this.#pdf.on('error', (err: Error) => this.flux.destroy(err));
    this.#pdf.on('pageAdded', () => this.#habillerPage());
    this.#hautContenu = this.#mesurerEntete();
    this.#pdf.addPage(this.#optionsPage());
  }

  /** Pages so far (the total once `terminer` has run). */
  get pages(): number {
    return this.#pages;
  }

  get #largeur(): number {
    return this.#pdf.page.width - 2 * MARGE_X;
  }

  get #basContenu(): number {
    return this.#pdf.page.height - MARGE_BAS;
  }

  #optionsPage(): PDFKit.PDFDocumentOptions {
    return {
      size: 'A4',
      layout: this.#options.orientation === 'paysage' ? 'landscape' : 'portrait',
      margins: { top: this.#hautContenu, bottom: MARGE_BAS, left: MARGE_X, right: MARGE_X },
    };
  }

  #utiliser(police: Police, taille: number): void {
    this.#police = police;
    this.#taille = taille;
    this.#pdf.font(police).fontSize(taille);
  }

  /** Height of the header block, so that pdfkit's own page breaks (long paragraphs) resume below it. */
  #mesurerEntete(): number {
    const pdf = this.#pdf;
    const largeurPage = this.#options.orientation === 'paysage' ? 841.89 : 595.28;
    const w = largeurPage - 2 * MARGE_X;
    let h = HAUT_ENTETE;
    pdf.font('gras').fontSize(9);
    h += pdf.currentLineHeight(true);
    if (this.#options.entete.etablissement) {
      pdf.fontSize(10.5);
      h += pdf.heightOfString(this.#options.entete.etablissement, { width: w });
    }
    pdf.fontSize(14);
    h += 6 + pdf.heightOfString(this.#options.titre, { width: w, align: 'center' });
    if (this.#options.sousTitre) {
      pdf.font('normal').fontSize(10);
      h += 2 + pdf.heightOfString(this.#options.sousTitre, { width: w, align: 'center' });
    }
    return h + 6 + ECART_ENTETE;
  }

  /** Header and footer of a new page, whoever asked for the page (a table, a long paragraph). */
  #habillerPage(): void {
    const pdf = this.#pdf;
    const { police, taille } = { police: this.#police, taille: this.#taille };
    this.#pages++;
    // Words laid out on earlier pages will not come back: pdfkit's cache would grow with the document.
    for (const font of Object.values((pdf as unknown as { _fontFamilies: Record<string, PolicePdfkit> })._fontFamilies)) {
      if (font.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>;
    }
    const w = this.#largeur;
    const o = this.#options;
    pdf.fillColor(COULEUR_TEXTE);
    pdf.font('gras').fontSize(9);
    pdf.text(o.entete.academie, MARGE_X, HAUT_ENTETE, { width: w });
    if (o.entete.etablissement) pdf.fontSize(10.5).text(o.entete.etablissement, { width: w });
    pdf.moveDown(0.4);
    pdf.fontSize(14).text(o.titre, MARGE_X, pdf.y, { width: w, align: 'center' });
    if (o.sousTitre) pdf.font('normal').fontSize(10).text(o.sousTitre, MARGE_X, pdf.y + 2, { width: w, align: 'center' });
    const filet = this.#hautContenu - ECART_ENTETE;
    pdf.save().lineWidth(1).strokeColor(COULEUR_FILET).moveTo(MARGE_X, filet).lineTo(MARGE_X + w, filet).stroke().restore();

    // Footer: drawn now, below the bottom margin, with lineBreak off so that pdfkit does not see an
    // overflow and open yet another page.
    const h = pdf.page.height;
    pdf.save().lineWidth(0.5).strokeColor(COULEUR_GRILLE).moveTo(MARGE_X, h - LIGNE_PIED).lineTo(MARGE_X + w, h - LIGNE_PIED).stroke().restore();
    pdf.font('normal').fontSize(TAILLE_PIED).fillColor(COULEUR_TEXTE);
    pdf.text(`Edité le ${dateHeureFr(o.editeLe)}`, MARGE_X, h - TEXTE_PIED, { lineBreak: false });
    this.#numeroDePage(MARGE_X + w - LARGEUR_NUMERO, h - TEXTE_PIED);

    pdf.x = MARGE_X;
    pdf.y = this.#hautContenu;
    this.#utiliser(police, taille);
    this.#enteteTableau?.();
  }

  /** Places this page's "Page X / Y" form; its content is written by `terminer`. */
  #numeroDePage(x: number, yHaut: number): void {
    const pdf = this.#pdf;
    const font = (pdf as unknown as { _font: PolicePdfkit })._font;
    const ref = pdf.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, -TAILLE_PIED / 2, LARGEUR_NUMERO, TAILLE_PIED * 1.2],
      Resources: { Font: { [font.id]: font.ref() } },
    });
    const nom = `Num${this.#pages}`;
    (pdf.page as unknown as { xobjects: Record<string, unknown> }).xobjects[nom] = ref;
    // pdfkit's user space runs downwards; the form's runs upwards from the text baseline.
    const baseline = yHaut + (font.ascender / 1000) * TAILLE_PIED;
    pdf.save();
    pdf.transform(1, 0, 0, -1, x, baseline);
    pdf.addContent(`/${nom} Do`);
    pdf.restore();
    this.#numeros.push({ ref, page: this.#pages });
  }

  #ecrireNumeros(): void {
    const pdf = this.#pdf;
    pdf.font('normal');
    const font = (pdf as unknown as { _font: PolicePdfkit })._font;
    const total = this.#pages;
    for (const { ref, page } of this.#numeros) {
      const texte = `Page ${page} / ${total}`;
      const [glyphes] = font.encode(texte);
      const x = LARGEUR_NUMERO - font.widthOfString(texte, TAILLE_PIED);
      ref.end(`0.086 0.086 0.086 rg BT /${font.id} ${TAILLE_PIED} Tf ${x.toFixed(2)} 0 Td <${glyphes.join('')}> Tj ET`);
    }
    this.#numeros.length = 0;
  }

  #verifier(): void {
    if (this.#erreur) throw this.#erreur;
    if (this.#termine) throw new Error('Le PDF est déjà terminé.');
  }

  #nouvellePage(): void {
    this.#pdf.addPage(this.#optionsPage());
  }

  /** Opens a new page when fewer than `hauteur` points remain on this one. */
  #garantir(hauteur: number): void {
    if (this.#pdf.y + hauteur > this.#basContenu && this.#pdf.y > this.#hautContenu + 0.5) this.#nouvellePage();
  }

  /**
   * Waits while the reader is behind, and lets other work run now and then (a long edition must not
   * hold the event loop of a process that also serves requests). Call it in loops that draw many
   * pages outside `tableau`.
   */
  async respirer(): Promise<void> {
    this.#verifier();
    if (this.#plein) {
      await new Promise<void>((resolve, reject) => {
        this.#attente = { resolve, reject };
      });
      this.#pause = Date.now();
    } else if (Date.now() - this.#pause > PAUSE_MS) {
      await new Promise((r) => setImmediate(r));
      this.#pause = Date.now();
    }
  }

  sautDePage(): this {
    this.#verifier();
    this.#nouvellePage();
    return this;
  }

  espace(points = 8): this {
    this.#verifier();
    if (this.#pdf.y + points > this.#basContenu) this.#nouvellePage();
    else this.#pdf.y += points;
    return this;
  }

  /** Height of the page, in points. */
  get hauteurPage(): number {
    return this.#pdf.page.height;
  }

  /** Where the next block starts on this page, in points from the top edge. */
  get y(): number {
    return this.#pdf.y;
  }

  /**
   * Moves the next block down to `y` (points from the top edge) on this page: never up, never into
   * the footer. Documents cut into parts (papillons) place each part in its own area this way.
   */
  allerA(y: number): this {
    this.#verifier();
    this.#pdf.y = Math.min(Math.max(this.#pdf.y, y), this.#basContenu);
    return this;
  }

  /**
   * A dashed cut line across the whole width of the page at `y` (points from the top edge), with a
   * small legend just above it. The cursor does not move.
   */
  ligneDeDecoupe(y: number, legende?: string): this {
    this.#verifier();
    const pdf = this.#pdf;
    const { police, taille } = { police: this.#police, taille: this.#taille };
    const x = this.#pdf.x;
    const yCurseur = pdf.y;
    pdf.save().lineWidth(0.75).strokeColor(COULEUR_GRILLE).dash(4, { space: 3 }).moveTo(MARGE_X / 2, y).lineTo(pdf.page.width - MARGE_X / 2, y).stroke().undash().restore();
    if (legende) {
      pdf.font('italique').fontSize(7.5).fillColor(COULEUR_GRILLE);
      pdf.text(legende, MARGE_X, y - 10, { width: this.#largeur, align: 'center', lineBreak: false });
      pdf.fillColor(COULEUR_TEXTE);
      this.#utiliser(police, taille);
    }
    pdf.x = x;
    pdf.y = yCurseur;
    return this;
  }

  /** A section heading, kept on the same page as the start of what follows it. */
  intertitre(texte: string): this {
    this.#verifier();
    this.#utiliser('gras', 11);
    const h = this.#pdf.heightOfString(texte, { width: this.#largeur });
    this.#garantir(h + 48);
    if (this.#pdf.y > this.#hautContenu + 0.5) this.#pdf.y += 4;
    this.#pdf.fillColor(COULEUR_TEXTE).text(texte, MARGE_X, this.#pdf.y, { width: this.#largeur });
    this.#pdf.y += 3;
    return this;
  }

  /** A paragraph; a long one runs over pages by itself. */
  paragraphe(texte: string, style: StyleTexte = {}): this {
    this.#verifier();
    this.#utiliser(style.style ?? 'normal', style.taille ?? 10);
    this.#garantir(this.#pdf.currentLineHeight(true) * 2);
    this.#pdf.fillColor(COULEUR_TEXTE).text(texte, MARGE_X, this.#pdf.y, {
      width: this.#largeur,
      align: ALIGN[style.alignement ?? 'gauche'],
      paragraphGap: 4,
      ...(style.sansCrenage ? sansCrenage() : {}),
    });
    return this;
  }

  /**
   * "Mission : n° 112121" lines: labels in bold in one column, values beside them; `sansCrenage` for
   * values read character by character (identifiants, passwords).
   */
  cleValeur(paires: ReadonlyArray<readonly [string, Cellule]>, taille = 10, o: { sansCrenage?: boolean } = {}): this {
    this.#verifier();
    const pdf = this.#pdf;
    this.#utiliser('gras', taille);
    const largeurCle = Math.min(this.#largeur * 0.4, Math.max(...paires.map(([c]) => pdf.widthOfString(`${c} :`)), 0) + 8);
    const largeurValeur = this.#largeur - largeurCle;
    for (const [cle, v] of paires) {
      const valeur = texteCellule(v);
      this.#utiliser('gras', taille);
      const hCle = pdf.heightOfString(`${cle} :`, { width: largeurCle - 6 });
      this.#utiliser('normal', taille);
      const options = () => ({ width: largeurValeur, ...(o.sansCrenage ? sansCrenage() : {}) });
      const hValeur = valeur ? pdf.heightOfString(valeur, options()) : 0;
      const h = Math.max(hCle, hValeur);
      this.#garantir(Math.min(h, this.#basContenu - this.#hautContenu));
      const y = pdf.y;
      this.#utiliser('gras', taille);
      pdf.fillColor(COULEUR_TEXTE).text(`${cle} :`, MARGE_X, y, { width: largeurCle - 6 });
      this.#utiliser('normal', taille);
      if (valeur) pdf.text(valeur, MARGE_X + largeurCle, y, options());
      pdf.x = MARGE_X;
      pdf.y = Math.max(pdf.y, y + h) + 2;
    }
    pdf.y += 4;
    this.#utiliser('normal', taille);
    return this;
  }

  /**
   * A table with a grid, cells that wrap, and the header row repeated on each page it runs over.
   * Rows are read one by one from an (async) iterable; the builder pauses when the reader is behind.
   */
  async tableau<L>(t: TableauPdf<L>): Promise<void> {
    this.#verifier();
    if (t.colonnes.length === 0) throw new Error('Un tableau PDF doit avoir au moins une colonne.');
    const pdf = this.#pdf;
    const taille = t.taillePolice ?? 8;
    const poids = t.colonnes.map((c) => c.largeur ?? 1);
    const somme = poids.reduce((a, b) => a + b, 0);
    const largeurs = poids.map((p) => (this.#largeur * p) / somme);
    const xs = largeurs.map((_, i) => MARGE_X + largeurs.slice(0, i).reduce((a, b) => a + b, 0));
    const alignements = t.colonnes.map((c) => ALIGN[c.alignement ?? 'gauche']);

    const hauteurLigne = (textes: string[], police: Police) => {
      pdf.font(police).fontSize(taille);
      return Math.max(...textes.map((s, i) => (s ? hauteurCellule(pdf, police, taille, s, largeurs[i]! - 2 * MARGE_CELLULE_X) : 0)), pdf.currentLineHeight()) + 2 * MARGE_CELLULE_Y;
    };
    const dessinerLigne = (textes: string[], police: Police, fond: string | null, h: number) => {
      const y = pdf.y;
      if (fond) pdf.save().rect(MARGE_X, y, this.#largeur, h).fill(fond).restore();
      pdf.save().lineWidth(0.5).strokeColor(COULEUR_GRILLE);
      for (let i = 0; i < textes.length; i++) pdf.rect(xs[i]!, y, largeurs[i]!, h);
      pdf.stroke().restore();
      pdf.font(police).fontSize(taille).fillColor(COULEUR_TEXTE);
      for (let i = 0; i < textes.length; i++) {
        if (!textes[i]) continue;
        pdf.text(textes[i]!, xs[i]! + MARGE_CELLULE_X, y + MARGE_CELLULE_Y, {
          width: largeurs[i]! - 2 * MARGE_CELLULE_X,
          height: h - 2 * MARGE_CELLULE_Y + 0.01,
          align: alignements[i],
          ellipsis: true,
        });
      }
      pdf.x = MARGE_X;
      pdf.y = y + h;
    };

    const libelles = t.colonnes.map((c) => c.libelle);
    const hEntete = hauteurLigne(libelles, 'gras');
    const entete = () => dessinerLigne(libelles, 'gras', FOND_ENTETE_TABLEAU, hEntete);
    const hPage = this.#basContenu - this.#hautContenu;

    let premiere = true;
    let n = 0;
    const commencer = (hPremiere: number) => {
      let hLegende = 0;
      if (t.legende) {
        pdf.font('gras').fontSize(10);
        hLegende = pdf.heightOfString(t.legende, { width: this.#largeur }) + 3;
      }
      // The caption, the header row and the first row stay together.
      this.#garantir(hLegende + hEntete + Math.min(hPremiere, hPage - hEntete - hLegende));
      if (t.legende) {
        pdf.font('gras').fontSize(10).fillColor(COULEUR_TEXTE).text(t.legende, MARGE_X, pdf.y, { width: this.#largeur });
        pdf.y += 3;
      }
      entete();
      this.#enteteTableau = entete;
    };

    try {
      for await (const ligne of iterer(t.lignes)) {
        const textes = t.colonnes.map((c, i) => texteCellule(valeurCellule(c, ligne, i)));
        // A row taller than a whole page is cut (with an ellipsis) rather than split.
        const h = Math.min(hauteurLigne(textes, 'normal'), hPage - hEntete);
        if (premiere) {
          commencer(h);
          premiere = false;
        } else if (pdf.y + h > this.#basContenu) {
          this.#nouvellePage(); // the page hook draws the header row again
        }
        dessinerLigne(textes, 'normal', n % 2 === 1 ? FOND_LIGNE_PAIRE : null, h);
        n++;
        await this.respirer();
      }
      if (premiere) {
        pdf.font('italique').fontSize(taille);
        const vide = t.siVide ?? 'Aucune ligne.';
        const h = pdf.heightOfString(vide, { width: this.#largeur - 2 * MARGE_CELLULE_X }) + 2 * MARGE_CELLULE_Y;
        commencer(h);
        this.#enteteTableau = null;
        pdf.save().lineWidth(0.5).strokeColor(COULEUR_GRILLE).rect(MARGE_X, pdf.y, this.#largeur, h).stroke().restore();
        pdf.font('italique').fontSize(taille).fillColor(COULEUR_TEXTE).text(vide, MARGE_X + MARGE_CELLULE_X, pdf.y + MARGE_CELLULE_Y, { width: this.#largeur - 2 * MARGE_CELLULE_X });
        pdf.x = MARGE_X;
        pdf.y += MARGE_CELLULE_Y;
      }
    } finally {
      this.#enteteTableau = null;
    }
    pdf.y += 8;
    this.#utiliser('normal', 10);
  }

  /** Writes the page totals and the end of the file. Resolves once every byte is in `flux`. */
  async terminer(): Promise<{ pages: number }> {
    this.#verifier();
    this.#termine = true;
    this.#ecrireNumeros();
    const fin = new Promise<void>((resolve) => {
      this.#fin = resolve;
    });
    this.#pdf.end();
    await fin;
    return { pages: this.#pages };
  }

  /** Stops the document after an error: the reader sees the error instead of a truncated file. */
  abandonner(err: Error): void {
    this.#termine = true;
    this.#erreur ??= err;
    this.flux.destroy(err);
  }
}

export function creerPdf(options: OptionsPdf): DocumentPdf {
  return new DocumentPdf(options);
}

/**
 * The usual way: returns the PDF as a stream, built by `construire` while it is read. An error in
 * `construire` fails the stream, so the store or the response never keeps half a document.
 *
 *   await t.document('Convocations.pdf', TYPE_PDF, genererPdf(opts, async (doc) => {
 *     await doc.tableau({ colonnes, lignes });
 *   }));
 */
export function genererPdf(options: OptionsPdf, construire: (doc: DocumentPdf) => unknown): Readable {
  const doc = creerPdf(options);
  setImmediate(() => {
    (async () => {
      await construire(doc);
      await doc.terminer();
    })().catch((err: unknown) => doc.abandonner(err instanceof Error ? err : new Error(String(err))));
  });
  return doc.flux;
}
