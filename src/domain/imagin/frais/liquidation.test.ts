// The pure rules of the liquidation's files: amounts written and read, dates, natures, one line of the
// payment return checked alone (reasons naming the column), and the reminder's text.
import { describe, expect, it } from 'vitest';
import { lireDate, lireLigneRetour, lireMontant, lireNature, montantFichier, texteRelance } from './liquidation.ts';

describe('liquidation : montants, dates, natures', () => {
  it('montant du fichier : virgule décimale, sans séparateur de milliers', () => {
    expect(montantFichier(126_800)).toBe('1268,00');
    expect(montantFichier(5)).toBe('0,05');
    expect(montantFichier(0)).toBe('0,00');
  });
  it('montant lu : virgule ou point, espaces et € ignorés ; illisible → null', () => {
    expect(lireMontant('1268,00')).toBe(126_800);
    expect(lireMontant('1 268,5 €')).toBe(126_850);
    expect(lireMontant('1268.05')).toBe(126_805);
    expect(lireMontant('12')).toBe(1200);
    expect(lireMontant('12,345')).toBeNull();
    expect(lireMontant('-3,00')).toBeNull();
    expect(lireMontant('abc')).toBeNull();
  });
  it('date : JJ/MM/AAAA ou AAAA-MM-JJ, une vraie date', () => {
    expect(lireDate('20/07/2026')).toBe('2026-07-20');
    expect(lireDate('2026-07-20')).toBe('2026-07-20');
    expect(lireDate('31/02/2026')).toBeNull();
    expect(lireDate('2026-13-01')).toBeNull();
    expect(lireDate('20-07-2026')).toBeNull();
  });
  it('nature : accents et casse ignorés', () => {
    expect(lireNature('Rémunération')).toBe('remuneration');
    expect(lireNature('DEPLACEMENT')).toBe('deplacement');
    expect(lireNature('D')).toBe('deplacement');
    expect(lireNature('ICC')).toBe('icc');
    expect(lireNature('Indemnité chef de centre')).toBe('icc');
    expect(lireNature('Prime')).toBeNull();
  });
});

describe('liquidation : une ligne du retour de paiement', () => {
  const champs = (v: Record<string, string>) => (nom: string) => v[nom] ?? '';
  it('valide', () => {
    expect(lireLigneRetour(champs({ NUMERO_ORDRE: '42', NATURE: 'Déplacement', MONTANT_PAYE: '25,50', DATE_PAIEMENT: '20/07/2026' }), 3)).toEqual({
      valeur: { ligne: 3, reference: '42', nature: 'deplacement', montantCentimes: 2550, date: '2026-07-20' },
    });
  });
  it('une indemnité de chef de centre : ICC-<id> et sa nature, l’un sans l’autre refusé', () => {
    expect(lireLigneRetour(champs({ NUMERO_ORDRE: 'icc-7', NATURE: 'Indemnité chef de centre', MONTANT_PAYE: '100', DATE_PAIEMENT: '20/07/2026' }), 2)).toMatchObject({ valeur: { reference: 'ICC-7', nature: 'icc' } });
    const r = lireLigneRetour(champs({ NUMERO_ORDRE: 'ICC-7', NATURE: 'Rémunération', MONTANT_PAYE: '100', DATE_PAIEMENT: '20/07/2026' }), 2);
    expect('rejets' in r && r.rejets[0]!.motif).toContain('incompatible');
  });
  it('chaque colonne fautive a son motif', () => {
    const r = lireLigneRetour(champs({ NUMERO_ORDRE: '4x', NATURE: 'Prime', MONTANT_PAYE: '', DATE_PAIEMENT: '2026' }), 7);
    expect('rejets' in r && r.rejets.map((x) => x.champ)).toEqual(['NUMERO_ORDRE', 'NATURE', 'MONTANT_PAYE', 'DATE_PAIEMENT']);
  });
});

describe('relance : le texte du courriel', () => {
  it('une mission : au singulier, avec le lien', () => {
    const t = texteRelance({ prenom: 'Anne', nom: 'MARTIN', academie: 'Rennes', missions: [{ numero: 12, type: 'CORRECTION DE COPIES', examen: 'BAC', debut: '2026-06-10' }], lien: 'https://x/imagin-intervenant/etats-frais' });
    expect(t.objet).toBe('États de frais à compléter (académie de Rennes)');
    expect(t.texte).toContain("La mission suivante est terminée et son état de frais n'est pas encore validé :");
    expect(t.texte).toContain('- mission n° 12 : CORRECTION DE COPIES (BAC), à partir du 10/06/2026');
    expect(t.texte).toContain('https://x/imagin-intervenant/etats-frais');
  });
});
