import { describe, expect, it } from 'vitest';
import { piecesRequises, TAILLE_MAX_PIECE, typeSelonContenu, verifierFichier, verifierNom } from './pieces.ts';
import type { LigneDeplacement, ModeTransport } from './types.ts';

const ligne = (mode: ModeTransport, nuitees = 0): LigneDeplacement => ({
  villeDepart: 'RENNES',
  villeArrivee: 'BREST',
  depart: '2026-06-15T07:00',
  retour: '2026-06-15T19:00',
  mode,
  puissanceFiscale: mode === 'AUTOMOBILE' ? 5 : null,
  km: mode === 'AUTOMOBILE' ? 240 : null,
  trajets: 1,
  nuitees,
  repas: 1,
  fraisDiversCentimes: 0,
  billetsCentimes: 0,
  commentaire: '',
});

const octets = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));
const PDF = octets('%PDF-1.7\n');
const PNG = octets([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = octets([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const GIF = octets('GIF89a\x01\x00');
const HTML = octets('<!DOCTYPE html><html><script>alert(1)</script>');

describe('pièces requises (004 §2.4.4.4)', () => {
  it('dossier paie : RIB quand le dossier financier n’est pas actif, carte Vitale quand le NIR manque', () => {
    expect(piecesRequises({ dossierFinancierActif: true, nir: '1850735123456', lignes: [], remuneration: true })).toEqual([]);
    const r = piecesRequises({ dossierFinancierActif: false, nir: null, lignes: [], remuneration: true });
    expect(r.map((p) => [p.groupe, p.code])).toEqual([
      ['paie', 'rib'],
      ['paie', 'carte_vitale'],
    ]);
    expect(r[0]!.libelle).toContain('Relevé d’identité bancaire');
    expect(r[1]!.libelle).toContain('carte Vitale');
    expect(piecesRequises({ dossierFinancierActif: true, nir: '  ', lignes: [], remuneration: true }).map((p) => p.code)).toEqual(['carte_vitale']);
  });

  it('rien à payer (ni rémunération ni déplacement) : aucune pièce du dossier paie', () => {
    expect(piecesRequises({ dossierFinancierActif: false, nir: null, lignes: [], remuneration: false })).toEqual([]);
    // Un déplacement seul se paie aussi : le RIB est demandé.
    expect(piecesRequises({ dossierFinancierActif: false, nir: 'x', lignes: [ligne('AUTOMOBILE')], remuneration: false }).map((p) => p.code)).toEqual(['rib']);
  });

  it('déplacement : factures des nuitées, billets pour le train, les transports en commun, le bon de transport, l’avion et le bateau', () => {
    expect(piecesRequises({ dossierFinancierActif: true, nir: 'x', lignes: [ligne('AUTOMOBILE')], remuneration: true })).toEqual([]);
    const r = piecesRequises({ dossierFinancierActif: true, nir: 'x', lignes: [ligne('AUTOMOBILE', 2), ligne('TRAIN_2EME_CLASSE', 1), ligne('TRANSPORT_EN_COMMUN')], remuneration: false });
    expect(r).toEqual([
      { groupe: 'deplacement', code: 'facture_nuitee', libelle: 'Factures des nuitées d’hôtel (3 nuitées à rembourser).' },
      { groupe: 'deplacement', code: 'billet_transport', libelle: 'Billets de transport (TRAIN 2EME CLASSE, TRANSPORT EN COMMUN).' },
    ]);
    for (const mode of ['BON_DE_TRANSPORT', 'AVION', 'BATEAU'] as const) {
      expect(piecesRequises({ dossierFinancierActif: true, nir: 'x', lignes: [ligne(mode)], remuneration: false }).map((p) => p.code)).toEqual(['billet_transport']);
    }
    for (const mode of ['MOTO', 'CYCLOMOTEUR', 'COVOITURAGE_PASSAGER', 'AUCUN'] as const) {
      expect(piecesRequises({ dossierFinancierActif: true, nir: 'x', lignes: [ligne(mode)], remuneration: false })).toEqual([]);
    }
    expect(piecesRequises({ dossierFinancierActif: true, nir: 'x', lignes: [ligne('AUTOMOBILE', 1)], remuneration: false })[0]!.libelle).toBe('Factures des nuitées d’hôtel (1 nuitée à rembourser).');
  });
});

describe('contrôle d’un fichier déposé', () => {
  it('reconnaît le format au contenu (signatures PDF, PNG, JPEG, GIF87a/GIF89a)', () => {
    expect(typeSelonContenu(PDF)).toBe('application/pdf');
    expect(typeSelonContenu(PNG)).toBe('image/png');
    expect(typeSelonContenu(JPEG)).toBe('image/jpeg');
    expect(typeSelonContenu(GIF)).toBe('image/gif');
    expect(typeSelonContenu(octets('GIF87a'))).toBe('image/gif');
    expect(typeSelonContenu(octets('GIF88a'))).toBeNull();
    expect(typeSelonContenu(octets('%PD'))).toBeNull();
    expect(typeSelonContenu(HTML)).toBeNull();
    expect(typeSelonContenu(new Uint8Array())).toBeNull();
  });

  it('accepte les cinq extensions quand le contenu leur correspond, quelle que soit la casse', () => {
    expect(verifierFichier('facture_hotel-1.pdf', 1000, PDF, 0)).toEqual({ typeMime: 'application/pdf' });
    expect(verifierFichier('RIB.PNG', 1000, PNG, 19)).toEqual({ typeMime: 'image/png' });
    expect(verifierFichier('billet.jpg', 1000, JPEG, 0)).toEqual({ typeMime: 'image/jpeg' });
    expect(verifierFichier('billet.jpeg', 1000, JPEG, 0)).toEqual({ typeMime: 'image/jpeg' });
    expect(verifierFichier('ticket.gif', 1000, GIF, 0)).toEqual({ typeMime: 'image/gif' });
  });

  it('refuse un « .pdf » qui contient du HTML, et un contenu qui ne correspond pas à l’extension', () => {
    const html = verifierFichier('facture.pdf', 1000, HTML, 0);
    expect(html).toEqual({ erreur: expect.stringMatching(/^Fichier : le contenu de « facture\.pdf » n’est pas un document PDF/) });
    const png = verifierFichier('facture.pdf', 1000, PNG, 0);
    expect(png).toEqual({ erreur: expect.stringContaining('contient un document PNG, pas PDF') });
  });

  it('refuse les autres extensions, et un nom sans extension', () => {
    for (const nom of ['facture.exe', 'facture.html', 'facture.pdf.html', 'facture', 'facture.svg', 'facture.docx']) {
      const r = verifierFichier(nom, 1000, PDF, 0);
      expect('erreur' in r && r.erreur, nom).toMatch(/^Fichier : le format doit être l’un de \.jpeg, \.jpg, \.png, \.pdf, \.gif/);
    }
  });

  it('nom : 50 caractères au plus, lettres, chiffres, « _ » et « - » (extension non comptée)', () => {
    expect(verifierFichier(`${'a'.repeat(50)}.pdf`, 1000, PDF, 0)).toEqual({ typeMime: 'application/pdf' });
    const long = verifierFichier(`${'a'.repeat(51)}.pdf`, 1000, PDF, 0);
    expect(long).toEqual({ erreur: expect.stringContaining('le nom compte 51 caractères, 50 au plus') });
    for (const nom of ['facture hôtel.pdf', 'facture.hotel.pdf', 'été.pdf', '../x.pdf', 'a b.pdf']) {
      expect(verifierNom(nom), nom).toEqual({ erreur: expect.stringMatching(/^Fichier : le nom ne peut contenir que/) });
    }
    expect(verifierNom('.pdf')).toEqual({ erreur: expect.stringContaining('vide') });
  });

  it('taille : 5 Mo acceptés, 5 Mo + 1 octet refusés, un fichier vide refusé', () => {
    expect(TAILLE_MAX_PIECE).toBe(5 * 1024 * 1024);
    expect(verifierFichier('a.pdf', TAILLE_MAX_PIECE, PDF, 0)).toEqual({ typeMime: 'application/pdf' });
    expect(verifierFichier('a.pdf', TAILLE_MAX_PIECE + 1, PDF, 0)).toEqual({ erreur: expect.stringContaining('limitée à 5 Mo') });
    expect(verifierFichier('a.pdf', 0, new Uint8Array(), 0)).toEqual({ erreur: 'Fichier : le document est vide.' });
  });

  it('20 documents par groupe : le 21e est refusé, en nommant le groupe', () => {
    expect(verifierFichier('a.pdf', 10, PDF, 19)).toEqual({ typeMime: 'application/pdf' });
    expect(verifierFichier('a.pdf', 10, PDF, 20)).toEqual({ erreur: expect.stringContaining('20 documents au plus peuvent être déposés pour le dossier paie') });
    expect(verifierFichier('a.pdf', 10, PDF, 20, 'deplacement')).toEqual({ erreur: expect.stringContaining('pour le déplacement') });
  });
});
