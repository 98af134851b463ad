// The pièces justificatives of one group as rendered (decision 0030): the receipts asked for, the files
// with their date and « déposé par le gestionnaire », ✗ only where the intervenant may remove, the upload
// input (formats) or, when the académie does not allow it, the sentence about the post.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PieceRequise, PieceVue } from '../../../domain/imagin/frais/types.ts';
import { MESSAGE_PAR_COURRIER, PiecesJustificatives, tailleLisible, type PiecesJustificativesProps } from './frais-pieces.tsx';

const piece = (o: Partial<PieceVue>): PieceVue => ({
  id: 'a1',
  groupe: 'paie',
  nom: 'RIB.pdf',
  typeMime: 'application/pdf',
  taille: 120_000,
  deposeLe: '2026-06-16T08:30:00.000Z',
  deposeParGestionnaire: false,
  supprimable: true,
  ...o,
});
const REQUISES: PieceRequise[] = [
  { groupe: 'paie', code: 'rib', libelle: 'Relevé d’identité bancaire (RIB) : votre dossier financier n’est pas actif.' },
  { groupe: 'deplacement', code: 'facture_nuitee', libelle: 'Factures des nuitées d’hôtel (1 nuitée à rembourser).' },
];

const rendu = (p: Partial<PiecesJustificativesProps>) =>
  renderToStaticMarkup(createElement(PiecesJustificatives, { etatId: 7, groupe: 'paie', pieces: [], requises: REQUISES, modifiable: true, base: '/api/intervenant', ...p }));

const texte = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('pièces justificatives d’un groupe', () => {
  it('le titre du groupe, ses pièces demandées seulement, et le dépôt avec les formats acceptés', () => {
    const html = rendu({});
    expect(html).toContain('Récapitulatif des pièces justificatives du dossier paie');
    expect(html).toContain('Relevé d’identité bancaire');
    expect(html).not.toContain('nuitées');
    expect(html).toContain('accept=".jpeg,.jpg,.png,.pdf,.gif"');
    expect(html).toContain('type="file"');
    expect(texte(html)).toContain('Aucun document n’a encore été déposé pour le dossier paie');
    const dep = rendu({ groupe: 'deplacement' });
    expect(dep).toContain('Récapitulatif des pièces justificatives du déplacement');
    expect(dep).toContain('Factures des nuitées');
    expect(rendu({ requises: [] })).toContain('Aucune pièce justificative n’est demandée pour le dossier paie');
  });

  it('chaque document avec sa date de dépôt, « déposé par le gestionnaire », ✗ seulement s’il est supprimable', () => {
    const html = rendu({
      pieces: [piece({}), piece({ id: 'b2', nom: 'vitale.png', deposeParGestionnaire: true, supprimable: false }), piece({ id: 'c3', groupe: 'deplacement', nom: 'hotel.pdf' })],
    });
    const t = texte(html);
    expect(t).toContain('RIB.pdf');
    expect(t).toContain('déposé le 16/06/2026 à 10:30');
    expect(t).toContain('117 ko');
    expect(t).toContain('vitale.png');
    expect(t).toContain('déposé par le gestionnaire');
    expect(t).not.toContain('hotel.pdf');
    expect(html.match(/aria-label="Supprimer « [^»]+ »"/g)).toEqual(['aria-label="Supprimer « RIB.pdf »"']);
  });

  it('état validé : les documents restent lisibles, ni dépôt ni ✗', () => {
    const html = rendu({ modifiable: false, pieces: [piece({ supprimable: false })] });
    expect(html).toContain('RIB.pdf');
    expect(html).not.toContain('type="file"');
    expect(html).not.toContain('Supprimer «');
  });

  it('académie sans pièces dématérialisées : la phrase de l’envoi par courrier, pas de dépôt ; le gestionnaire dépose quand même', () => {
    const html = rendu({ dematerialisees: false });
    expect(html).toContain(MESSAGE_PAR_COURRIER);
    expect(html).not.toContain('type="file"');
    const g = rendu({ dematerialisees: false, base: '/api/gestion', pieces: [piece({})] });
    expect(g).toContain('type="file"');
    expect(g).not.toContain(MESSAGE_PAR_COURRIER);
    // The gestionnaire never removes from this component.
    expect(g).not.toContain('Supprimer «');
  });

  it('20 documents : plus de dépôt, il faut en supprimer un', () => {
    const vingt = Array.from({ length: 20 }, (_, i) => piece({ id: `p${i}`, nom: `doc-${i}.pdf` }));
    const html = rendu({ pieces: vingt });
    expect(html).not.toContain('type="file"');
    expect(texte(html)).toContain('20 documents ont été déposés pour le dossier paie : supprimez-en un pour en déposer un autre.');
  });

  it('tailles lisibles', () => {
    expect(tailleLisible(500)).toBe('1 ko');
    expect(tailleLisible(5 * 1024 * 1024)).toBe('5 Mo');
    expect(tailleLisible(1.5 * 1024 * 1024)).toBe('1,5 Mo');
  });
});
