// The PDF of a displayed list, written in the browser without a library: A4 landscape, the title
// with the count, the edition date, the table with its header repeated on every page, long labels
// wrapped (never cut), "Page n / N". Standard Helvetica fonts in WinAnsi encoding (French accents,
// œ, €, typographic quotes). Loaded on demand, so it weighs nothing on the first page.

// Advance widths (1/1000 em) of WinAnsi codes 32..255, from the Helvetica AFM metrics.
const LARGEURS_HELVETICA = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584,0,556,0,222,556,333,1000,556,556,333,1000,667,333,1000,0,611,0,0,222,222,333,333,350,556,1000,333,1000,500,333,944,0,500,500,278,333,556,556,556,556,260,556,333,737,370,556,584,333,737,333,400,584,333,333,333,556,537,278,333,333,365,556,834,834,834,611,667,667,667,667,667,667,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,556,556,556,556,556,556,889,500,556,556,556,556,278,278,278,278,556,556,556,556,556,556,556,584,611,556,556,556,556,500,556,500];
const LARGEURS_HELVETICA_GRAS = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584,0,556,0,278,556,500,1000,556,556,333,1000,667,333,1000,0,611,0,0,278,278,500,500,350,556,1000,333,1000,556,333,944,0,500,556,278,333,556,556,556,556,280,556,333,737,370,556,584,333,737,333,400,584,333,333,333,611,556,278,333,333,365,556,834,834,834,611,722,722,722,722,722,722,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,556,556,556,556,556,556,889,556,556,556,556,556,278,278,278,278,611,611,611,611,611,611,611,584,611,611,611,611,611,556,611,556];

const WIN_ANSI_80_9F: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c,
  'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** One WinAnsi byte per character; what the standard fonts cannot show becomes "?". */
export function versWinAnsi(s: string): number[] {
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (c === 0x202f || c === 0x2009 || c === 0x00a0) out.push(0x20);
    else if (c === 0x2010 || c === 0x2011) out.push(0x2d);
    else if ((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else if (WIN_ANSI_80_9F[ch] !== undefined) out.push(WIN_ANSI_80_9F[ch]);
    else if (c === 0x09 || c === 0x0a || c === 0x0d) out.push(0x20);
    else out.push(0x3f);
  }
  return out;
}

function largeur(octets: number[], gras: boolean, taille: number): number {
  const table = gras ? LARGEURS_HELVETICA_GRAS : LARGEURS_HELVETICA;
  let w = 0;
  for (const o of octets) w += table[o - 32] ?? 556;
  return (w * taille) / 1000;
}

const hex = (octets: number[]) => '<' + octets.map((o) => o.toString(16).padStart(2, '0')).join('') + '>';

/** Cuts a label into lines no wider than `max` points: at spaces, or inside a word too long. */
export function couperLignes(texte: string, max: number, gras: boolean, taille: number): number[][] {
  const lignes: number[][] = [];
  for (const paragraphe of texte.split(/\r?\n/)) {
    const mots = versWinAnsi(paragraphe).reduce<number[][]>((acc, o) => {
      if (o === 0x20) acc.push([]);
      else acc[acc.length - 1]!.push(o);
      return acc;
    }, [[]]);
    let courante: number[] = [];
    for (let mot of mots) {
      const essai = courante.length ? [...courante, 0x20, ...mot] : mot;
      if (largeur(essai, gras, taille) <= max) {
        courante = essai;
        continue;
      }
      if (courante.length) lignes.push(courante);
      courante = [];
      while (largeur(mot, gras, taille) > max && mot.length > 1) {
        let n = mot.length - 1;
        while (n > 1 && largeur(mot.slice(0, n), gras, taille) > max) n--;
        lignes.push(mot.slice(0, n));
        mot = mot.slice(n);
      }
      courante = mot;
    }
    lignes.push(courante);
  }
  return lignes;
}

export interface TablePdf {
  titre: string;
  sousTitre?: string;
  entetes: string[];
  lignes: string[][];
  poids?: number[];
}

const PAGE_L = 842;
const PAGE_H = 595;
const MARGE = 36;
const TAILLE = 8;
const INTERLIGNE = 10;
const PAD = 3;

/** Column widths: narrow columns keep their natural width, the wide ones share the rest. */
function largeursColonnes(t: TablePdf, dispo: number): number[] {
  const n = t.entetes.length;
  const naturelles = t.entetes.map((e, i) => {
    let max = largeur(versWinAnsi(e), true, TAILLE);
    for (const l of t.lignes) {
      const w = largeur(versWinAnsi(l[i] ?? ''), false, TAILLE);
      if (w > max) max = w;
    }
    return Math.max(24, max + 2 * PAD) * (t.poids?.[i] ?? 1);
  });
  const somme = naturelles.reduce((a, b) => a + b, 0);
  if (somme <= dispo) return naturelles.map((w) => (w * dispo) / somme);
  const largeurs = new Array<number>(n).fill(0);
  let restant = dispo;
  let ouvertes = naturelles.map((_, i) => i);
  for (;;) {
    const part = restant / ouvertes.length;
    const etroites = ouvertes.filter((i) => naturelles[i]! <= part);
    if (etroites.length === 0) {
      for (const i of ouvertes) largeurs[i] = part;
      return largeurs;
    }
    for (const i of etroites) {
      largeurs[i] = naturelles[i]!;
      restant -= naturelles[i]!;
    }
    ouvertes = ouvertes.filter((i) => !etroites.includes(i));
    if (ouvertes.length === 0) return largeurs;
  }
}

export function genererPdfTable(t: TablePdf): Uint8Array {
  const dispo = PAGE_L - 2 * MARGE;
  const largeurs = largeursColonnes(t, dispo);
  const xs = largeurs.reduce<number[]>((acc, w, i) => (acc.push((acc[i] ?? MARGE) + w), acc), [MARGE]);
  const pages: string[][] = [];
  let ops: string[] = [];
  let y = 0;

  const texte = (x: number, yb: number, octets: number[], gras: boolean, taille = TAILLE) => {
    ops.push(`BT /${gras ? 'F2' : 'F1'} ${taille} Tf ${x.toFixed(2)} ${yb.toFixed(2)} Td ${hex(octets)} Tj ET`);
  };

  const enteteTableau = () => {
    const cellules = t.entetes.map((e, i) => couperLignes(e, largeurs[i]! - 2 * PAD, true, TAILLE));
    const h = Math.max(...cellules.map((c) => c.length)) * INTERLIGNE + 2 * PAD;
    ops.push(`0.91 0.91 0.96 rg ${MARGE} ${(y - h).toFixed(2)} ${dispo} ${h.toFixed(2)} re f 0 0 0 rg`);
    cellules.forEach((c, i) => c.forEach((l, k) => texte(xs[i]! + PAD, y - PAD - (k + 1) * INTERLIGNE + 2, l, true)));
    ops.push(`0 0 0.57 RG 0.8 w ${MARGE} ${(y - h).toFixed(2)} m ${MARGE + dispo} ${(y - h).toFixed(2)} l S`);
    y -= h;
  };

  const nouvellePage = (premiere: boolean) => {
    if (!premiere) pages.push(ops);
    ops = [];
    y = PAGE_H - MARGE;
    if (premiere) {
      ops.push('0 0 0.57 rg');
      texte(MARGE, y - 14, versWinAnsi(t.titre), true, 14);
      ops.push('0 0 0 rg');
      y -= 22;
      if (t.sousTitre) {
        texte(MARGE, y - 9, versWinAnsi(t.sousTitre), false, 9);
        y -= 16;
      }
      y -= 4;
    }
    enteteTableau();
  };

  nouvellePage(true);
  for (const ligne of t.lignes) {
    const cellules = t.entetes.map((_, i) => couperLignes(ligne[i] ?? '', largeurs[i]! - 2 * PAD, false, TAILLE));
    const h = Math.max(1, ...cellules.map((c) => c.length)) * INTERLIGNE + 2 * PAD;
    if (y - h < MARGE + 14) nouvellePage(false);
    cellules.forEach((c, i) => c.forEach((l, k) => texte(xs[i]! + PAD, y - PAD - (k + 1) * INTERLIGNE + 2, l, false)));
    ops.push(`0.75 G 0.3 w ${MARGE} ${(y - h).toFixed(2)} m ${MARGE + dispo} ${(y - h).toFixed(2)} l S`);
    y -= h;
  }
  if (t.lignes.length === 0) texte(MARGE + PAD, y - PAD - INTERLIGNE, versWinAnsi('Aucune ligne.'), false);
  pages.push(ops);

  // Page numbers, now that their count is known.
  pages.forEach((p, i) => {
    const pied = versWinAnsi(`Page ${i + 1} / ${pages.length}`);
    p.push(`BT /F1 8 Tf ${(PAGE_L - MARGE - largeur(pied, false, 8)).toFixed(2)} ${(MARGE - 14).toFixed(2)} Td ${hex(pied)} Tj ET`);
  });

  return assembler(pages, t.titre);
}

/** UTF-16BE text string for the document information (title). */
function texteUnicode(s: string): string {
  let h = 'FEFF';
  for (let i = 0; i < s.length; i++) h += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${h}>`;
}

function assembler(pages: string[][], titre: string): Uint8Array {
  const objets: string[] = [];
  const ajouter = (corps: string) => objets.push(corps);
  // 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then a page and its content per page.
  const premierePage = 6;
  const kids = pages.map((_, i) => `${premierePage + 2 * i} 0 R`).join(' ');
  ajouter('<< /Type /Catalog /Pages 2 0 R >>');
  ajouter(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  ajouter('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  ajouter('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const d = new Date();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const date = `D:${d.getFullYear()}${p2(d.getMonth() + 1)}${p2(d.getDate())}${p2(d.getHours())}${p2(d.getMinutes())}${p2(d.getSeconds())}`;
  ajouter(`<< /Title ${texteUnicode(titre)} /Producer (IMAG'IN - CYCLADES) /CreationDate (${date}) >>`);
  pages.forEach((ops, i) => {
    const contenu = ops.join('\n');
    ajouter(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_L} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${premierePage + 2 * i + 1} 0 R >>`);
    ajouter(`<< /Length ${contenu.length} >>\nstream\n${contenu}\nendstream`);
  });
  // Everything but the binary marker line is ASCII, so string lengths are byte lengths.
  const enc = new TextEncoder();
  const morceaux: Uint8Array[] = [new Uint8Array([...enc.encode('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
  let position = morceaux[0]!.length;
  const decalages: number[] = [];
  objets.forEach((corps, i) => {
    decalages.push(position);
    const s = `${i + 1} 0 obj\n${corps}\nendobj\n`;
    morceaux.push(enc.encode(s));
    position += s.length;
  });
  let fin = `xref\n0 ${objets.length + 1}\n0000000000 65535 f \n`;
  for (const dcl of decalages) fin += `${String(dcl).padStart(10, '0')} 00000 n \n`;
  fin += `trailer\n<< /Size ${objets.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${position}\n%%EOF\n`;
  morceaux.push(enc.encode(fin));
  const out = new Uint8Array(morceaux.reduce((a, m) => a + m.length, 0));
  let k = 0;
  for (const m of morceaux) {
    out.set(m, k);
    k += m.length;
  }
  return out;
}
