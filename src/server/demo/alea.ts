// A small seeded pseudo-random generator for the demo data: the same seed gives the same draws on
// every machine and every run (no Math.random, no clock). Not for anything secret.

/** 32-bit hash of a string (cyrb53's mixing, folded), used to derive independent streams from labels. */
export function hacherGraine(texte: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < texte.length; i++) {
    const ch = texte.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/**
 * mulberry32. Each entity draws from its own stream (`new Alea('14/personne/123')`), so adding
 * volume to one académie or one list does not change what was generated before it.
 */
export class Alea {
  #etat: number;

  constructor(graine: string | number) {
    this.#etat = typeof graine === 'number' ? graine >>> 0 : hacherGraine(graine);
  }

  /** A float in [0, 1). */
  suivant(): number {
    this.#etat = (this.#etat + 0x6d2b79f5) >>> 0;
    let t = this.#etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  entier(max: number): number {
    return Math.floor(this.suivant() * max);
  }

  /** An integer in [min, max], both included. */
  entre(min: number, max: number): number {
    return min + this.entier(max - min + 1);
  }

  chance(p: number): boolean {
    return this.suivant() < p;
  }

  choisir<T>(liste: readonly T[]): T {
    if (liste.length === 0) throw new Error('Tirage dans une liste vide');
    return liste[this.entier(liste.length)]!;
  }

  /** Draws one entry with probability proportional to its weight. */
  ponderer<T>(liste: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, poids] of liste) total += poids;
    let r = this.suivant() * total;
    for (const [valeur, poids] of liste) {
      r -= poids;
      if (r < 0) return valeur;
    }
    return liste[liste.length - 1]![0];
  }

  chiffres(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.entier(10));
    return s;
  }
}

/** Cumulative weights, for drawing many times from a long list (établissements of an académie). */
export class TirageCumule<T> {
  readonly #valeurs: T[];
  readonly #cumul: number[];

  constructor(liste: readonly (readonly [T, number])[]) {
    this.#valeurs = liste.map(([v]) => v);
    this.#cumul = [];
    let total = 0;
    for (const [, poids] of liste) {
      total += poids;
      this.#cumul.push(total);
    }
  }

  tirer(alea: Alea): T {
    const total = this.#cumul[this.#cumul.length - 1] ?? 0;
    const r = alea.suivant() * total;
    let bas = 0;
    let haut = this.#cumul.length - 1;
    while (bas < haut) {
      const milieu = (bas + haut) >> 1;
      if (this.#cumul[milieu]! > r) haut = milieu;
      else bas = milieu + 1;
    }
    return this.#valeurs[bas]!;
  }
}
