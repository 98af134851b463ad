// The sample files of docs/imports/exemples for the kinds inscriptions, santorin-comptages and
// cyclades-icc (decision 0036): the good file has no line refused on its own; the file « plein
// d'erreurs » has, on each line the layout can judge alone, at least one French reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lireCsv } from '../fichier-csv.ts';
import { genreImport } from '../genres.ts';

const lire = (code: string, fichier: string) => {
  const g = genreImport(code)!;
  const texte = readFileSync(new URL(`../../../../docs/imports/exemples/${fichier}`, import.meta.url), 'utf8');
  const f = lireCsv(texte, g.colonnes.filter((c) => c.obligatoire).map((c) => c.nom), g.colonnes.filter((c) => !c.obligatoire).map((c) => c.nom));
  if ('entete' in f) throw new Error(f.entete);
  return f.lignes.map((l) => g.lire(l.champ, l.ligne));
};

describe.each([
  ['inscriptions', 2],
  ['santorin-comptages', 3],
  ['cyclades-icc', 4],
])('fichiers d’exemple de %s', (code, refusesSeules) => {
  it('le bon fichier : aucune ligne refusée', () => {
    const r = lire(code, `${code}.csv`);
    expect(r.length).toBeGreaterThan(2);
    expect(r.filter((x) => 'rejets' in x)).toEqual([]);
  });
  it('le fichier plein d’erreurs : les lignes mal formées sont refusées avec un motif', () => {
    const r = lire(code, `${code}-erreurs.csv`);
    const refusees = r.filter((x) => 'rejets' in x) as Array<{ rejets: Array<{ motif: string }> }>;
    expect(refusees.length).toBeGreaterThanOrEqual(refusesSeules);
    for (const x of refusees) for (const m of x.rejets) expect(m.motif.length).toBeGreaterThan(5);
  });
});
