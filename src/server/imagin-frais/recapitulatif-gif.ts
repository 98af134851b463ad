// GIF receipts in the récapitulatif (decision 0031): pdf-lib embeds PNG and JPEG only, so a GIF is
// decoded here (its first frame, LZW, interlacing, transparency drawn on white) and re-encoded as a PNG
// (unfiltered rows, deflate). Pure JS, no native image library on the servers. A file that is not a
// readable GIF throws: the caller then prints a page saying the receipt could not be drawn.
import { crc32, deflateSync } from 'node:zlib';

function erreur(): Error {
  return new Error('Image GIF illisible.');
}

/** The first frame of a GIF, as RGB (8 bits per channel) on a white background. */
export function decoderGif(o: Uint8Array): { largeur: number; hauteur: number; rgb: Uint8Array } {
  const entete = String.fromCharCode(...o.subarray(0, 6));
  if (entete !== 'GIF87a' && entete !== 'GIF89a') throw erreur();
  const u16 = (p: number) => o[p]! | (o[p + 1]! << 8);
  const largeur = u16(6);
  const hauteur = u16(8);
  if (!largeur || !hauteur || largeur * hauteur > 40_000_000) throw erreur();
  let p = 13;
  let palette: Uint8Array | null = null;
  const paquet = o[10]!;
  if (paquet & 0x80) {
    const n = 3 * (1 << ((paquet & 7) + 1));
    palette = o.subarray(p, p + n);
    p += n;
  }
  let transparent = -1;
  const rgb = new Uint8Array(largeur * hauteur * 3).fill(255);
  const sousBlocs = (): Uint8Array => {
    const morceaux: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      if (p >= o.length) throw erreur();
      const n = o[p++]!;
      if (n === 0) break;
      morceaux.push(o.subarray(p, p + n));
      total += n;
      p += n;
    }
    const r = new Uint8Array(total);
    let q = 0;
    for (const m of morceaux) {
      r.set(m, q);
      q += m.length;
    }
    return r;
  };
  while (p < o.length) {
    const bloc = o[p++]!;
    if (bloc === 0x3b) break;
    if (bloc === 0x21) {
      const etiquette = o[p++]!;
      const donnees = sousBlocs();
      if (etiquette === 0xf9 && donnees.length >= 4 && donnees[0]! & 1) transparent = donnees[3]!;
      continue;
    }
    if (bloc !== 0x2c) throw erreur();
    const x0 = u16(p);
    const y0 = u16(p + 2);
    const l = u16(p + 4);
    const h = u16(p + 6);
    const pq = o[p + 8]!;
    p += 9;
    let pal = palette;
    if (pq & 0x80) {
      const n = 3 * (1 << ((pq & 7) + 1));
      pal = o.subarray(p, p + n);
      p += n;
    }
    if (!pal) throw erreur();
    const tailleMin = o[p++]!;
    if (tailleMin < 2 || tailleMin > 8) throw erreur();
    const indices = lzw(sousBlocs(), tailleMin, l * h);
    const entrelace = (pq & 0x40) !== 0;
    const lignes: number[] = [];
    if (entrelace) {
      for (const [debut, pas] of [
        [0, 8],
        [4, 8],
        [2, 4],
        [1, 2],
      ] as const)
        for (let y = debut; y < h; y += pas) lignes.push(y);
    } else for (let y = 0; y < h; y++) lignes.push(y);
    for (let i = 0; i < lignes.length; i++) {
      const y = y0 + lignes[i]!;
      if (y >= hauteur) continue;
      for (let x = 0; x < l; x++) {
        const xx = x0 + x;
        if (xx >= largeur) continue;
        const k = indices[i * l + x]!;
        if (k === transparent) continue;
        const d = (y * largeur + xx) * 3;
        rgb[d] = pal[k * 3] ?? 0;
        rgb[d + 1] = pal[k * 3 + 1] ?? 0;
        rgb[d + 2] = pal[k * 3 + 2] ?? 0;
      }
    }
    return { largeur, hauteur, rgb };
  }
  throw erreur();
}

/** GIF's variable-length LZW, up to `n` indices (a short stream leaves the rest at 0). */
function lzw(donnees: Uint8Array, tailleMin: number, n: number): Uint8Array {
  const sortie = new Uint8Array(n);
  const effacer = 1 << tailleMin;
  const fin = effacer + 1;
  const prefixe = new Int16Array(4096);
  const suffixe = new Uint8Array(4096);
  const premier = new Uint8Array(4096);
  const pile = new Uint8Array(4097);
  for (let i = 0; i < effacer; i++) {
    suffixe[i] = i;
    premier[i] = i;
    prefixe[i] = -1;
  }
  let taille = tailleMin + 1;
  let suivant = effacer + 2;
  let precedent = -1;
  let bits = 0;
  let nbBits = 0;
  let q = 0;
  for (let i = 0; i < donnees.length && q < n; ) {
    while (nbBits < taille && i < donnees.length) {
      bits |= donnees[i++]! << nbBits;
      nbBits += 8;
    }
    if (nbBits < taille) break;
    const code = bits & ((1 << taille) - 1);
    bits >>>= taille;
    nbBits -= taille;
    if (code === effacer) {
      taille = tailleMin + 1;
      suivant = effacer + 2;
      precedent = -1;
      continue;
    }
    if (code === fin) break;
    let c = code;
    let sp = 0;
    if (precedent === -1) {
      if (code >= effacer) throw erreur();
      sortie[q++] = code;
      precedent = code;
      continue;
    }
    if (code >= suivant) {
      if (code !== suivant) throw erreur();
      pile[sp++] = premier[precedent]!;
      c = precedent;
    }
    while (c >= effacer) {
      pile[sp++] = suffixe[c]!;
      c = prefixe[c]!;
    }
    pile[sp++] = c;
    const tete = c;
    while (sp > 0 && q < n) sortie[q++] = pile[--sp]!;
    if (suivant < 4096) {
      prefixe[suivant] = precedent;
      suffixe[suivant] = tete;
      premier[suivant] = premier[precedent]!;
      suivant++;
      if (suivant === 1 << taille && taille < 12) taille++;
    }
    precedent = code;
  }
  return sortie;
}

/** A PNG (RGB, 8 bits, unfiltered rows) of these pixels. */
export function encoderPng(largeur: number, hauteur: number, rgb: Uint8Array): Uint8Array {
  const morceau = (type: string, donnees: Uint8Array): Buffer => {
    const b = Buffer.alloc(12 + donnees.length);
    b.writeUInt32BE(donnees.length, 0);
    b.write(type, 4, 'ascii');
    Buffer.from(donnees).copy(b, 8);
    b.writeUInt32BE(crc32(b.subarray(4, 8 + donnees.length)) >>> 0, 8 + donnees.length);
    return b;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(largeur, 0);
  ihdr.writeUInt32BE(hauteur, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 2; // RGB
  const brut = Buffer.alloc((largeur * 3 + 1) * hauteur);
  for (let y = 0; y < hauteur; y++) {
    Buffer.from(rgb.buffer, rgb.byteOffset + y * largeur * 3, largeur * 3).copy(brut, y * (largeur * 3 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    morceau('IHDR', ihdr),
    morceau('IDAT', deflateSync(brut)),
    morceau('IEND', new Uint8Array(0)),
  ]);
}

export function gifEnPng(gif: Uint8Array): Uint8Array {
  const { largeur, hauteur, rgb } = decoderGif(gif);
  return encoderPng(largeur, hauteur, rgb);
}
