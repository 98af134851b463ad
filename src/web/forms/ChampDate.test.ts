import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Calendrier, ChampDate } from './ChampDate.tsx';

const rien = () => {};

describe('champ de date', () => {
  it('annonce le format et l’erreur, reliés au champ', () => {
    const html = renderToStaticMarkup(createElement(ChampDate, { label: 'Du', valeur: '31/02/2026', surChangement: rien, erreur: 'La date 31/02/2026 n’existe pas.' }));
    expect(html).toContain('Format JJ/MM/AAAA, par exemple 15/06/2026');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/aria-describedby="[^"]*-indice [^"]*-erreur"/);
    expect(html).toContain('La date 31/02/2026 n’existe pas.');
    expect(html).toContain('aria-label="Choisir la date « Du » dans un calendrier"');
  });

  it('met en avant les dates proposées et grise les autres', () => {
    const missions = new Set(['2026-06-15', '2026-06-16']);
    const html = renderToStaticMarkup(
      createElement(Calendrier, { libelle: 'Date de mission', selection: '2026-06-16', moisInitial: '2026-06-15', dateAutorisee: (iso: string) => missions.has(iso), surChoix: rien, surFermer: rien }),
    );
    expect(html).toContain('juin 2026');
    const jour = (iso: string) => new RegExp(`<button[^>]*data-date="${iso}"[^>]*>`).exec(html)?.[0] ?? '';
    expect(jour('2026-06-15')).toContain('calendrier__jour--autorise');
    expect(jour('2026-06-15')).toContain('aria-label="lundi 15 juin 2026, date possible"');
    expect(jour('2026-06-15')).toContain('tabindex="0"');
    expect(jour('2026-06-16')).toContain('calendrier__jour--choisi');
    expect(jour('2026-06-16')).toContain('aria-pressed="true"');
    expect(jour('2026-06-17')).toContain('calendrier__jour--interdit');
    expect(jour('2026-06-17')).toContain('aria-disabled="true"');
    expect(jour('2026-06-17')).toContain('date non proposée');
    expect(jour('2026-06-17')).toContain('tabindex="-1"');
    expect(html).toContain('date possible');
  });
});
