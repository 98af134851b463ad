// Every irreversible action asks with the app's one dialog (shell/Confirmation.tsx): no page may fall
// back on the browser's confirm(), alert() or prompt(), which look different, cannot be styled or
// checked by axe, and are blocked by some browsers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RACINE = resolve(import.meta.dirname, '..');

function fichiers(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = join(dossier, e.name);
    if (e.isDirectory()) return fichiers(chemin);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [chemin] : [];
  });
}

describe('boîte de confirmation unique', () => {
  it("aucune page n'utilise confirm(), alert() ou prompt() du navigateur", () => {
    const natifs = /(?<![\w.$])(?:window\.)?(?:confirm|alert|prompt)\s*\(/;
    const trouves = fichiers(RACINE).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((ligne, i) => ({ ligne, i }))
        // Comments may name them (to say they are not used).
        .filter(({ ligne }) => !/^\s*(\/\/|\*|\/\*)/.test(ligne) && natifs.test(ligne.replace(/\/\/.*$/, '')))
        .map(({ i }) => `${relative(RACINE, f)}:${i + 1}`),
    );
    expect(trouves).toEqual([]);
  });

  it('trouve bien un appel natif (le contrôle ci-dessus ne passe pas à vide)', () => {
    const natifs = /(?<![\w.$])(?:window\.)?(?:confirm|alert|prompt)\s*\(/;
    expect(natifs.test('if (window.confirm(`Supprimer ?`)) supprimer();')).toBe(true);
    expect(natifs.test('if (confirm("x")) f();')).toBe(true);
    expect(natifs.test('confirmation.demander({ titre })')).toBe(false);
    expect(natifs.test('api.confirm(x)')).toBe(false);
  });
});
