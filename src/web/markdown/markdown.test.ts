import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { Markdown, lireMarkdown } from './markdown.tsx';

const rendu = (source: string, decalage = 0) => renderToStaticMarkup(createElement(Markdown, { source, decalage }));

describe('guide en Markdown', () => {
  it('lit titres, paragraphes, listes et citations', () => {
    const blocs = lireMarkdown('# Guide\n\nUn paragraphe\nsur deux lignes.\n\n- un\n- deux\n\n1. premier\n2. second\n\n> Attention\n\n---');
    expect(blocs.map((b) => b.type)).toEqual(['titre', 'paragraphe', 'liste', 'liste', 'citation', 'separateur']);
    expect(blocs[1]).toEqual({ type: 'paragraphe', texte: 'Un paragraphe sur deux lignes.' });
  });

  it('rend le gras, l’italique, le code et les liens, avec des ancres sans accents', () => {
    const html = rendu('## Écran d’accueil\n\nCliquez sur **Valider**, *puis* `Filtrer` : [le guide](/guide/tutoriel).', 1);
    expect(html).toContain('<h3 id="ecran-d-accueil">Écran d’accueil</h3>');
    expect(html).toContain('<strong>Valider</strong>');
    expect(html).toContain('<em>puis</em>');
    expect(html).toContain('<code>Filtrer</code>');
    expect(html).toContain('<a href="/guide/tutoriel">le guide</a>');
  });

  it('n’injecte aucun balisage ni lien dangereux', () => {
    const html = rendu('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;');
  });

  it('ouvre les liens externes dans une nouvelle fenêtre annoncée', () => {
    expect(rendu('[DSFR](https://www.systeme-de-design.gouv.fr)')).toContain('title="DSFR — nouvelle fenêtre"');
  });
});
