// The long editions of "Consultation des personnels" (hundreds of personnels, thousands of missions)
// in a few hundred milliseconds. They look like the toolkit's editions (src/server/platform/documents/
// pdf.ts: same page, header, footer, table style) but are laid out in two passes: the first wraps
// every text with word widths measured once and cached, and places each block on its page; the second
// draws each line as is (no re-wrapping by pdfkit), knowing the page total for "Page X / Y". The toolkit
// re-wraps each cell twice and forgets its word layouts at every page: about 4 times slower on the
// 300-personnel bench (bench/imagin-etablissement.bench.ts). A candidate for the toolkit itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { dateHeureFr } from '../platform/documents/tableau.ts';
import type { EntetePdf } from '../platform/documents/pdf.ts';

// Geometry and colours of the toolkit's editions (pdf.ts), so that both kinds of document match.
const MARGE_X = 36;
const HAUT_ENTETE = 26;
const ECART_ENTETE = 12;
const MARGE_BAS = 46;
const LIGNE_PIED = 34;
const TEXTE_PIED = 26;
const TAILLE_PIED = 7.5;
const COULEUR_TEXTE = '#161616';
const COULEUR_FILET = '#000091';
const COULEUR_GRILLE = '#7a7a7a';
const FOND_ENTETE_TABLEAU = '#e3e3fd';
const FOND_LIGNE_PAIRE = '#f6f6f6';
const MARGE_CELLULE_X = 3;
const MARGE_CELLULE_Y = 2.5;
/** A cell longer than this is cut with an ellipsis rather than filling pages. */
const LIGNES_MAX_CELLULE = 30;

type Police = 'normal' | 'gras' | 'italique';
const FICHIERS_POLICES: Record<Police, string> = { normal: 'Marianne-Regular', gras: 'Marianne-Bold', italique: 'Marianne-Regular_Italic' };
let polices: Record<Police, Buffer> | undefined;
function fichiersPolices(): Record<Police, Buffer> {
  if (!polices) {
    const require = createRequire(import.meta.url);
    const lire = (nom: string) => readFileSync(require.resolve(`@codegouvfr/react-dsfr/dsfr/fonts/${nom}.woff`));
    polices = { normal: lire(FICHIERS_POLICES.normal), gras: lire(FICHIERS_POLICES.gras), italique: lire(FICHIERS_POLICES.italique) };
  }
  return polices;
}

export interface OptionsListePdf {
  entete: EntetePdf;
  titre: string;
  sousTitre?: string;
  editeLe: Date;
  orientation?: 'portrait' | 'paysage';
}

export interface ColonneListe<L> {
  libelle: string;
  largeur?: number;
  alignement?: 'gauche' | 'centre';
  valeur: (ligne: L) => string | null | undefined;
}

/** What a list edition is made of, in order. */
export type ElementListe<L = any> =
  | { type: 'intertitre'; texte: string }
  | { type: 'paragraphe'; texte: string; style?: Police; taille?: number }
  | {
      type: 'paires';
      paires: ReadonlyArray<readonly [string, string]>;
      taille?: number;
      /** The labels that size the label column (by default this block's): aligns successive blocks. */
      cles?: readonly string[];
    }
  | { type: 'tableau'; legende?: string; colonnes: readonly ColonneListe<L>[]; lignes: readonly L[]; siVide?: string; taille?: number }
  | { type: 'espace'; points: number };

/** A piece placed on a page: its height, what must stay with it, how to draw it. */
interface Bloc {
  h: number;
  /** Height of what follows that must be on the same page (a caption with its table's first row). */
  avecSuivant: number;
  /** Inside a table: its header row, drawn again at the top of a new page. */
  enteteTableau: Bloc | null;
  /** Dropped at the top of a page (spacing). */
  espace?: boolean;
  dessiner: (pdf: PDFKit.PDFDocument, y: number) => void;
}

class Mesure {
  readonly #pdf: PDFKit.PDFDocument;
  readonly #largeurs = new Map<string, Map<string, number>>();
  readonly #hauteurs = new Map<string, number>();
  constructor(pdf: PDFKit.PDFDocument) {
    this.#pdf = pdf;
  }
  largeur(texte: string, police: Police, taille: number): number {
    const kp = `${police}|${taille}`;
    let parTexte = this.#largeurs.get(kp);
    if (!parTexte) this.#largeurs.set(kp, (parTexte = new Map()));
    let w = parTexte.get(texte);
    if (w === undefined) {
      w = this.#pdf.font(police).fontSize(taille).widthOfString(texte);
      parTexte.set(texte, w);
    }
    return w;
  }
  hauteurLigne(police: Police, taille: number): number {
    const k = `${police}|${taille}`;
    let h = this.#hauteurs.get(k);
    if (h === undefined) {
      h = this.#pdf.font(police).fontSize(taille).currentLineHeight(true);
      this.#hauteurs.set(k, h);
    }
    return h;
  }
  /** The lines of `texte` within `largeur`: words kept whole unless one alone is too wide. */
  lignes(texte: string, largeur: number, police: Police, taille: number, max = Infinity): string[] {
    const res: string[] = [];
    const espace = this.largeur(' ', police, taille);
    for (const paragraphe of texte.split('\n')) {
      let courante = '';
      let w = 0;
      // French typography: « : », « ; », « ? », « ! » never start a line (they stay with the word before).
      const mots: string[] = [];
      for (const mot of paragraphe.split(' ')) {
        if (mots.length && /^[:;?!»]+$/.test(mot)) mots[mots.length - 1] += ` ${mot}`;
        else mots.push(mot);
      }
      for (const mot of mots) {
        if (!mot) continue;
        let wm = this.largeur(mot, police, taille);
        if (courante && w + espace + wm <= largeur) {
          courante += ` ${mot}`;
          w += espace + wm;
          continue;
        }
        if (courante) res.push(courante);
        courante = mot;
        w = wm;
        // A word wider than the cell is cut by characters (the longest prefix that fits, found by bisection).
        while (wm > largeur && courante.length > 1) {
          let bas = 1;
          let haut = courante.length - 1;
          while (bas < haut) {
            const milieu = (bas + haut + 1) >> 1;
            if (this.largeur(courante.slice(0, milieu), police, taille) <= largeur) bas = milieu;
            else haut = milieu - 1;
          }
          const n = bas;
          res.push(courante.slice(0, n));
          courante = courante.slice(n);
          wm = this.largeur(courante, police, taille);
          w = wm;
        }
      }
      res.push(courante);
    }
    if (res.length > max) {
      const coupe = res.slice(0, max);
      coupe[max - 1] = `${coupe[max - 1]!.replace(/\s*\S*$/, '')} …`;
      return coupe;
    }
    return res;
  }
}

// pdfkit internals used to write lines already measured: an embedded font encodes text to glyph ids
// (and records them for the subset and its ToUnicode map), as pdf.ts does for "Page X / Y". Absent
// from @types/pdfkit, stable across pdfkit 0.x; without them, lines go through pdf.text.
interface PolicePdfkit {
  id: string;
  ascender: number;
  encode(texte: string): [string[], Array<{ xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }>];
  ref(): unknown;
}

const nombre = (n: number) => String(Math.round(n * 1000) / 1000);

/** The TJ array of a line, per font: lines repeat a lot in a list ("CORRECTION DE COPIES", "Convoquée"). */
const glyphesParPolice = new WeakMap<PolicePdfkit, Map<string, string | null>>();

function glyphesDe(font: PolicePdfkit, ligne: string): string | null {
  let cache = glyphesParPolice.get(font);
  if (!cache) glyphesParPolice.set(font, (cache = new Map()));
  let tj = cache.get(ligne);
  if (tj !== undefined) return tj;
  const [glyphes, positions] = font.encode(ligne);
  if (positions.some((p) => p.xOffset || p.yOffset)) {
    tj = null;
  } else {
    // Kerning as pdfkit writes it: a run of glyphs, then the adjustment after its last one.
    const segments: string[] = [];
    let debut = 0;
    for (let i = 0; i < positions.length; i++) {
      const ecart = positions[i]!.xAdvance - positions[i]!.advanceWidth;
      if (ecart !== 0) {
        segments.push(`<${glyphes.slice(debut, i + 1).join('')}> ${nombre(-ecart)}`);
        debut = i + 1;
      }
    }
    if (debut < glyphes.length) segments.push(`<${glyphes.slice(debut).join('')}>`);
    tj = `[${segments.join(' ')}]`;
  }
  cache.set(ligne, tj);
  return tj;
}

/**
 * Draws lines already wrapped, at the top-left corner of each (pdfkit's coordinates), in one content
 * chunk: pdf.text would measure, wrap and save/restore the graphics state again for every line.
 * The text colour is set once per page (fills are drawn between save/restore).
 */
function texteLignes(pdf: PDFKit.PDFDocument, lignes: readonly string[], x: number, y: number, hl: number, police: Police, taille: number, decalages?: readonly number[]): void {
  pdf.font(police).fontSize(taille);
  const interne = pdf as unknown as { _font?: PolicePdfkit; page: { height: number; fonts: Record<string, unknown> } };
  const font = interne._font;
  if (!font || typeof font.encode !== 'function') {
    lignes.forEach((l, k) => l && pdf.text(l, x + (decalages?.[k] ?? 0), y + k * hl, { lineBreak: false }));
    return;
  }
  interne.page.fonts[font.id] ??= font.ref();
  const h = interne.page.height;
  const dy = (font.ascender / 1000) * taille;
  let contenu = `q 1 0 0 -1 0 ${nombre(h)} cm`;
  for (let k = 0; k < lignes.length; k++) {
    const l = lignes[k]!;
    if (!l) continue;
    const glyphes = glyphesDe(font, l);
    // Glyph offsets (marks placed by the font) are left to pdfkit's own drawing.
    if (glyphes === null) {
      pdf.addContent(`${contenu} Q`);
      contenu = `q 1 0 0 -1 0 ${nombre(h)} cm`;
      pdf.text(l, x + (decalages?.[k] ?? 0), y + k * hl, { lineBreak: false });
      continue;
    }
    contenu += `\nBT 1 0 0 1 ${nombre(x + (decalages?.[k] ?? 0))} ${nombre(h - (y + k * hl) - dy)} Tm /${font.id} ${nombre(taille)} Tf ${glyphes} TJ ET`;
  }
  pdf.addContent(`${contenu}\nQ`);
}

/** Lays out every element into blocks (first pass). */
function mettreEnBlocs(m: Mesure, largeurPage: number, elements: Iterable<ElementListe>): Bloc[] {
  const blocs: Bloc[] = [];
  const bloc = (h: number, dessiner: Bloc['dessiner'], o: Partial<Bloc> = {}) => blocs.push({ h, avecSuivant: 0, enteteTableau: null, dessiner, ...o });
  for (const e of elements) {
    switch (e.type) {
      case 'espace':
        bloc(e.points, () => {}, { espace: true });
        break;
      case 'intertitre': {
        const lignes = m.lignes(e.texte, largeurPage, 'gras', 11);
        const hl = m.hauteurLigne('gras', 11);
        bloc(4, () => {}, { espace: true });
        // A heading stays with the start of what follows it.
        bloc(lignes.length * hl + 3, (pdf, y) => texteLignes(pdf, lignes, MARGE_X, y, hl, 'gras', 11), { avecSuivant: 40 });
        break;
      }
      case 'paragraphe': {
        const police = e.style ?? 'normal';
        const taille = e.taille ?? 10;
        const hl = m.hauteurLigne(police, taille);
        for (const l of m.lignes(e.texte, largeurPage, police, taille)) bloc(hl, (pdf, y) => texteLignes(pdf, [l], MARGE_X, y, hl, police, taille));
        bloc(2, () => {}, { espace: true });
        break;
      }
      case 'paires': {
        const taille = e.taille ?? 10;
        const hl = m.hauteurLigne('normal', taille);
        const cles = e.cles ?? e.paires.map(([c]) => c);
        const largeurCle = Math.min(largeurPage * 0.4, Math.max(0, ...cles.map((c) => m.largeur(`${c} :`, 'gras', taille))) + 8);
        for (const [cle, valeur] of e.paires) {
          const lc = m.lignes(`${cle} :`, largeurCle - 6, 'gras', taille);
          const lv = valeur ? m.lignes(valeur, largeurPage - largeurCle, 'normal', taille, LIGNES_MAX_CELLULE) : [];
          bloc(Math.max(lc.length, lv.length) * hl + 2, (pdf, y) => {
            texteLignes(pdf, lc, MARGE_X, y, hl, 'gras', taille);
            texteLignes(pdf, lv, MARGE_X + largeurCle, y, hl, 'normal', taille);
          });
        }
        break;
      }
      case 'tableau': {
        const taille = e.taille ?? 8;
        const poids = e.colonnes.map((c) => c.largeur ?? 1);
        const somme = poids.reduce((a, b) => a + b, 0);
        const largeurs = poids.map((p) => (largeurPage * p) / somme);
        const xs = largeurs.map((_, i) => MARGE_X + largeurs.slice(0, i).reduce((a, b) => a + b, 0));
        const utile = largeurs.map((w) => w - 2 * MARGE_CELLULE_X);
        const ligne = (textes: string[], police: Police, fond: string | null): Bloc => {
          const hl = m.hauteurLigne(police, taille);
          const lignes = textes.map((t, i) => (t ? m.lignes(t, utile[i]!, police, taille, LIGNES_MAX_CELLULE) : []));
          const decalages = lignes.map((ls, i) => (e.colonnes[i]!.alignement === 'centre' ? ls.map((l) => (utile[i]! - m.largeur(l, police, taille)) / 2) : undefined));
          const h = Math.max(hl, ...lignes.map((l) => l.length * hl)) + 2 * MARGE_CELLULE_Y;
          return {
            h,
            avecSuivant: 0,
            enteteTableau: null,
            dessiner: (pdf, y) => {
              if (fond) pdf.save().rect(MARGE_X, y, largeurPage, h).fill(fond).restore();
              pdf.save().lineWidth(0.5).strokeColor(COULEUR_GRILLE);
              for (let i = 0; i < xs.length; i++) pdf.rect(xs[i]!, y, largeurs[i]!, h);
              pdf.stroke().restore();
              for (let i = 0; i < lignes.length; i++) texteLignes(pdf, lignes[i]!, xs[i]! + MARGE_CELLULE_X, y + MARGE_CELLULE_Y, hl, police, taille, decalages[i]);
            },
          };
        };
        const entete = ligne(e.colonnes.map((c) => c.libelle), 'gras', FOND_ENTETE_TABLEAU);
        const corps: Bloc[] = e.lignes.map((l, n) => ({ ...ligne(e.colonnes.map((c) => c.valeur(l) ?? ''), 'normal', n % 2 === 1 ? FOND_LIGNE_PAIRE : null), enteteTableau: entete }));
        if (corps.length === 0) {
          const hl = m.hauteurLigne('italique', taille);
          const vide = m.lignes(e.siVide ?? 'Aucune ligne.', largeurPage - 2 * MARGE_CELLULE_X, 'italique', taille);
          const h = vide.length * hl + 2 * MARGE_CELLULE_Y;
          corps.push({
            h,
            avecSuivant: 0,
            enteteTableau: null,
            dessiner: (pdf, y) => {
              pdf.save().lineWidth(0.5).strokeColor(COULEUR_GRILLE).rect(MARGE_X, y, largeurPage, h).stroke().restore();
              texteLignes(pdf, vide, MARGE_X + MARGE_CELLULE_X, y + MARGE_CELLULE_Y, hl, 'italique', taille);
            },
          });
        }
        const premiere = corps[0]!.h;
        if (e.legende) {
          const hl = m.hauteurLigne('gras', 10);
          const lignes = m.lignes(e.legende, largeurPage, 'gras', 10);
          // The caption, the header row and the first row stay together.
          bloc(lignes.length * hl + 3, (pdf, y) => texteLignes(pdf, lignes, MARGE_X, y, hl, 'gras', 10), { avecSuivant: entete.h + premiere });
        }
        blocs.push({ ...entete, avecSuivant: premiere }, ...corps);
        bloc(8, () => {}, { espace: true });
        break;
      }
    }
  }
  return blocs;
}

/** The edition as a PDF stream; an error while building fails the stream. */
export function genererListePdf(o: OptionsListePdf, elements: Iterable<ElementListe>): Readable {
  const paysage = o.orientation === 'paysage';
  const pdf = new PDFDocument({
    size: 'A4',
    layout: paysage ? 'landscape' : 'portrait',
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: o.titre, Author: "IMAG'IN - CYCLADES", Creator: "IMAG'IN - CYCLADES", CreationDate: o.editeLe },
  });
  const f = fichiersPolices();
  for (const p of Object.keys(FICHIERS_POLICES) as Police[]) pdf.registerFont(p, f[p]);
  const largeurPapier = paysage ? 841.89 : 595.28;
  const hauteurPapier = paysage ? 595.28 : 841.89;
  const largeur = largeurPapier - 2 * MARGE_X;
  const m = new Mesure(pdf);

  // Header block, as the toolkit draws it.
  const hl9 = m.hauteurLigne('gras', 9);
  const lAcademie = m.lignes(o.entete.academie, largeur, 'gras', 9);
  const lEtab = o.entete.etablissement ? m.lignes(o.entete.etablissement, largeur, 'gras', 10.5) : [];
  const hl105 = m.hauteurLigne('gras', 10.5);
  const lTitre = m.lignes(o.titre, largeur, 'gras', 14);
  const hl14 = m.hauteurLigne('gras', 14);
  const lSous = o.sousTitre ? m.lignes(o.sousTitre, largeur, 'normal', 10) : [];
  const hl10 = m.hauteurLigne('normal', 10);
  const yEtab = HAUT_ENTETE + lAcademie.length * hl9;
  const yTitre = yEtab + lEtab.length * hl105 + 0.4 * hl105;
  const ySous = yTitre + lTitre.length * hl14 + 2;
  const finEntete = (lSous.length ? ySous + lSous.length * hl10 : yTitre + lTitre.length * hl14) + 6;
  const haut = finEntete + ECART_ENTETE;
  const bas = hauteurPapier - MARGE_BAS;

  const centrer = (lignes: string[], police: Police, taille: number) => lignes.map((l) => (largeur - m.largeur(l, police, taille)) / 2);
  const habiller = (page: number, total: number) => {
    texteLignes(pdf, lAcademie, MARGE_X, HAUT_ENTETE, hl9, 'gras', 9);
    texteLignes(pdf, lEtab, MARGE_X, yEtab, hl105, 'gras', 10.5);
    texteLignes(pdf, lTitre, MARGE_X, yTitre, hl14, 'gras', 14, centrer(lTitre, 'gras', 14));
    texteLignes(pdf, lSous, MARGE_X, ySous, hl10, 'normal', 10, centrer(lSous, 'normal', 10));
    pdf.save().lineWidth(1).strokeColor(COULEUR_FILET).moveTo(MARGE_X, haut - ECART_ENTETE).lineTo(MARGE_X + largeur, haut - ECART_ENTETE).stroke().restore();
    pdf.save().lineWidth(0.5).strokeColor(COULEUR_GRILLE).moveTo(MARGE_X, hauteurPapier - LIGNE_PIED).lineTo(MARGE_X + largeur, hauteurPapier - LIGNE_PIED).stroke().restore();
    const numero = `Page ${page} / ${total}`;
    texteLignes(pdf, [`Edité le ${dateHeureFr(o.editeLe)}`], MARGE_X, hauteurPapier - TEXTE_PIED, 0, 'normal', TAILLE_PIED);
    texteLignes(pdf, [numero], MARGE_X + largeur - m.largeur(numero, 'normal', TAILLE_PIED), hauteurPapier - TEXTE_PIED, 0, 'normal', TAILLE_PIED);
  };

  setImmediate(() => {
    (async () => {
      const blocs = mettreEnBlocs(m, largeur, elements);
      // Second pass, first half: which block goes where.
      const pages: Array<Array<{ bloc: Bloc; y: number }>> = [[]];
      let y = haut;
      const nouvelle = () => {
        pages.push([]);
        y = haut;
      };
      for (let i = 0; i < blocs.length; i++) {
        const b = blocs[i]!;
        const enHaut = y <= haut + 0.5;
        if (b.espace) {
          if (!enHaut) y = Math.min(y + b.h, bas);
          continue;
        }
        const besoin = b.h + Math.min(b.avecSuivant, bas - haut - b.h);
        if (!enHaut && y + besoin > bas) nouvelle();
        if (y <= haut + 0.5 && b.enteteTableau) {
          pages.at(-1)!.push({ bloc: b.enteteTableau, y });
          y += b.enteteTableau.h;
        }
        pages.at(-1)!.push({ bloc: b, y });
        y += b.h;
      }
      const total = pages.length;
      let pause = Date.now();
      for (let n = 0; n < total; n++) {
        // The reader went away (download cancelled): stop drawing.
        if ((pdf as unknown as { destroyed: boolean }).destroyed) return;
        pdf.addPage({ size: 'A4', layout: paysage ? 'landscape' : 'portrait', margins: { top: haut, bottom: 0, left: MARGE_X, right: MARGE_X } });
        pdf.fillColor(COULEUR_TEXTE);
        habiller(n + 1, total);
        for (const { bloc, y: yb } of pages[n]!) bloc.dessiner(pdf, yb);
        // A long edition must not hold the event loop of a process that also serves requests.
        if (Date.now() - pause > 50) {
          await new Promise((r) => setImmediate(r));
          pause = Date.now();
        }
      }
      pdf.end();
    })().catch((err: unknown) => pdf.destroy(err instanceof Error ? err : new Error(String(err))));
  });
  return pdf as unknown as Readable;
}
