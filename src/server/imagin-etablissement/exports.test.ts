import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureImagin } from './fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;
let lycee: TestClient;
const E = '/api/etablissement/consultation/exports';

beforeAll(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
  lycee = p.client();
  await lycee.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE);
});
afterAll(async () => {
  await p?.close();
});

/** The CSV as rows of fields (no field of these fixtures holds a quote or a separator). */
function lireCsv(raw: Buffer): string[][] {
  const texte = raw.toString('utf8');
  expect(texte.startsWith('\uFEFF')).toBe(true);
  return texte
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'));
}

describe('téléchargements de la consultation des personnels', () => {
  it('« Télécharger les personnels » en CSV : les lignes affichées, dans leur ordre', async () => {
    const r = await lycee.post(E, { contenu: 'personnels', format: 'csv', ids: [f.personnes.emma, f.personnes.alice] });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(r.headers['content-disposition'])).toContain('filename="personnels_0350710G_20260615.csv"');
    expect(r.headers['cache-control']).toBe('private, no-store');
    expect(lireCsv(r.raw)).toEqual([
      ['Nom', 'Prénom', 'Discipline de poste', 'Dernière convoc.'],
      ['EMMA-TEST', 'Emma', 'MATHEMATIQUES', ''],
      ['ALICE-TEST', 'Anne', 'MATHEMATIQUES', '28/05/2026'],
    ]);
  });

  it('« Télécharger les personnels » en PDF, avec en-tête, titre, pagination et date d’édition', async () => {
    const r = await lycee.post(E, { contenu: 'personnels', format: 'pdf', ids: [f.personnes.alice, f.personnes.bruno, f.personnes.emma] });
    expect(r.headers['content-type']).toBe('application/pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Liste des personnels');
    expect(pages).toHaveLength(1);
    for (const t of ['ACADEMIE DE RENNES', 'LGT LA PROMENADE RENNES (0350710G)', 'Liste des personnels', 'Dernière convoc.', 'ALICE-TEST', 'BRUNO-TEST', 'PHYSIQUE CHIMIE', '29/05/2026', 'Page 1 / 1', 'Edité le 15/06/2026 à 10:00']) {
      expect(pages[0]).toContain(t);
    }
  });

  it('« … et leurs enseignements » en CSV et en PDF', async () => {
    const csv = lireCsv((await lycee.post(E, { contenu: 'enseignements', format: 'csv', ids: [f.personnes.alice, f.personnes.bruno, f.personnes.emma] })).raw);
    expect(csv[0]).toEqual(['Nom', 'Prénom', 'Discipline de poste', 'Etablissement', 'Module élémentaire de formation', 'Type de M.E.F.', 'Matière enseignée', 'Modalité cours', 'Structure enseignement', 'Année scolaire']);
    expect(csv.slice(1)).toEqual([
      ['ALICE-TEST', 'Anne', 'MATHEMATIQUES', 'LGT LA PROMENADE RENNES', '1ERE GENERALE', '1ERE G', 'MATHEMATIQUES', 'CG', 'Div. Classe : 1G2', '2025-2026'],
      ['BRUNO-TEST', 'Bruno', 'PHYSIQUE CHIMIE', 'CLG DU PARC RENNES', '3EME', '3EME', 'PHYSIQUE-CHIMIE', 'CG', 'Groupe : 3B', '2025-2026'],
      ['EMMA-TEST', 'Emma', 'MATHEMATIQUES', '', '', '', '', '', '', ''],
    ]);
    const pdf = await textePdf((await lycee.post(E, { contenu: 'enseignements', format: 'pdf', ids: [f.personnes.alice, f.personnes.emma] })).raw);
    const t = pdf.pages.join(' ');
    expect(pdf.titre).toBe('Liste des enseignements par personne');
    for (const x of ['Intervenant : Mme ALICE-TEST Anne', 'Discipline de poste : MATHEMATIQUES', '1ERE GENERALE', 'Intervenant : Mme EMMA-TEST Emma', 'Aucun enseignement connu (STS-WEB).']) expect(t).toContain(x);
  });

  it('« … et leurs missions » en CSV : les colonnes du guide, les missions des années choisies', async () => {
    const r = await lycee.post(E, { contenu: 'missions', format: 'csv', ids: [f.personnes.alice, f.personnes.bruno, f.personnes.emma], annees: [2026] });
    expect(String(r.headers['content-disposition'])).toContain('personnels_missions_0350710G_20260615.csv');
    const csv = lireCsv(r.raw);
    expect(csv[0]).toEqual(['N°', 'Nom', 'Prénom', 'Poste', 'Spécialité', 'Session', 'Examen', 'Spécialité Epreuve-option', 'Lieu', 'Dates', 'Comm.', 'Jury(s)', 'Qualité', 'Statut']);
    expect(csv.slice(1)).toEqual([
      ['112440', 'ALICE-TEST', 'Anne', 'MATHEMATIQUES', 'CORRECTION DE COPIES', '2026-06', 'BCG', 'BACCALAUREAT GENERAL,C010 Mathématiques', 'LGT LA PROMENADE RENNES', 'Le lundi 15/06/2026 à 08:00 Durée : 2 journée(s)', '', '', 'Correcteur', 'Convoquée'],
      ['112441', 'ALICE-TEST', 'Anne', 'MATHEMATIQUES', 'INTERROGATION ORALE', '2026-06', 'BCG', 'BACCALAUREAT GENERAL,1-T004-1 Epr orale terminale (Gd oral)', 'LGT LA PROMENADE RENNES', 'Le mardi 23/06/2026 à 14:00 Durée : 4 heure(s)', 'COM1', '', '', 'Convoquée par centre'],
      ['112441', 'BRUNO-TEST', 'Bruno', 'PHYSIQUE CHIMIE', 'INTERROGATION ORALE', '2026-06', 'BCG', 'BACCALAUREAT GENERAL,1-T004-1 Epr orale terminale (Gd oral)', 'LGT LA PROMENADE RENNES', 'Le lundi 22/06/2026 09:00 - 12:00', 'COM1', '', '', 'Convoquée'],
      ['112440', 'EMMA-TEST', 'Emma', 'MATHEMATIQUES', 'CORRECTION DE COPIES', '2026-06', 'BCG', 'BACCALAUREAT GENERAL,C010 Mathématiques', 'LGT LA PROMENADE RENNES', 'Le lundi 15/06/2026 à 08:00 Durée : 2 journée(s)', '', '', '', 'Affectée, non convoquée'],
    ]);
    // Another year; the Toulouse mission is never in a Rennes export.
    const avant = lireCsv((await lycee.post(E, { contenu: 'missions', format: 'csv', ids: [f.personnes.alice], annees: [2025, 2026] })).raw);
    expect(avant.slice(1).map((l) => l[0])).toEqual(['111759', '112440', '112441']);
  });

  it('« … et leurs missions » en PDF : « Liste des missions affectées par personne »', async () => {
    const r = await lycee.post(E, { contenu: 'missions', format: 'pdf', ids: [f.personnes.alice, f.personnes.emma, f.personnes.bruno], annees: [2025] });
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Liste des missions affectées par personne');
    const t = pages.join(' ');
    for (const x of [
      'LGT LA PROMENADE RENNES (0350710G)',
      'Missions de 2025',
      'Intervenant : Mme ALICE-TEST Anne',
      'Discipline de poste : MATHEMATIQUES',
      'N° Mission',
      'Session Examen',
      'Spécialité Epreuve-option',
      '111759',
      '2025-06 BCG',
      'Le mercredi 18/06/2025 à 09:00 Durée : 1 journée(s)',
      'Intervenant : Mme EMMA-TEST Emma',
      'Aucune mission affectée sur ces années.',
      `Page 1 / ${pages.length}`,
    ]) {
      expect(t).toContain(x);
    }
    // The order of the lines shown is kept: Alice, Emma, then Bruno.
    expect(t.indexOf('ALICE-TEST')).toBeLessThan(t.indexOf('EMMA-TEST'));
    expect(t.indexOf('EMMA-TEST')).toBeLessThan(t.indexOf('BRUNO-TEST'));
    expect(t).not.toContain('112440');
  });

  it('« Format PDF (Liste détaillée) » : coordonnées, poste et le détail de chaque mission', async () => {
    const r = await lycee.post(E, { contenu: 'missions-detaillees', format: 'pdf', ids: [f.personnes.alice], annees: [2026] });
    expect(String(r.headers['content-disposition'])).toContain('personnels_missions_details_0350710G_20260615.pdf');
    const { pages, titre } = await textePdf(r.raw);
    expect(titre).toBe('Détails des missions affectées par personne');
    const t = pages.join(' ');
    for (const x of [
      'Mme ALICE-TEST Anne',
      'Adresse : 3 RUE DES LILAS, 35000 RENNES',
      'Téléphone : 06 39 98 00 01 / professionnel : 02 61 91 00 02',
      'Poste : MATHEMATIQUES - LGT LA PROMENADE RENNES (0350710G)',
      'Missions affectées :',
      'N° 112440 CORRECTION DE COPIES (Convoquée)',
      '470, BCG, 2026-06, BGT 2026 BACCALAUREAT GENERAL',
      'Epreuve : C010, Mathématiques',
      'Centre examen : LGT LA PROMENADE RENNES (0350710G)',
      'Dates : Le lundi 15/06/2026 à 08:00 Durée : 2 journée(s)',
      "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée.",
      'N° 112441 INTERROGATION ORALE (Convoquée par centre)',
      'Page 1 / 1',
    ]) {
      expect(t).toContain(x);
    }
  });

  it('refuse une demande incomplète avec un message en français', async () => {
    const sansAnnee = await lycee.post(E, { contenu: 'missions', format: 'csv', ids: [f.personnes.alice] });
    expect(sansAnnee.status).toBe(400);
    expect(sansAnnee.body.fields.annees).toBe('Précisez au moins une année où se déroulent les missions éditées.');
    const detailCsv = await lycee.post(E, { contenu: 'missions-detaillees', format: 'csv', ids: [f.personnes.alice], annees: [2026] });
    expect(detailCsv.body.fields.format).toBe('La liste détaillée des missions existe seulement au format PDF.');
    const vide = await lycee.post(E, { contenu: 'personnels', format: 'csv', ids: [] });
    expect(vide.body.fields.ids).toBe('La liste des personnels à télécharger est vide.');
  });
});
