import { describe, expect, it } from 'vitest';
import { lireFlux, textePdf } from '../testing/documents.ts';
import { genererConvocationPdf, MENTION_CENTRE, nomFichierConvocation } from './convocation-pdf.ts';
import type { DonneesConvocation } from './convocation.repo.ts';

const BASE: DonneesConvocation = {
  id: 1,
  statut: 'convoquee',
  origine: 'gestionnaire',
  academie: { code: '16', libelle: 'Toulouse', nomMajuscule: 'TOULOUSE', interAcademique: false },
  intervenant: { id: 7, civilite: 'M.', nom: 'ÉTIENNE-DEMO', prenom: 'Loïc', adresse: '4 RUE DES LILAS', codePostal: '31000', commune: 'TOULOUSE', disciplinePoste: 'ANGLAIS', etablissementPrincipal: 'LGT OZENNE TOULOUSE (0310041H)' },
  mission: {
    id: 3,
    numero: 111309,
    typeCode: 'COMSUJ',
    type: 'COMMISSION DE CHOIX DE SUJETS',
    session: '470, BCG, 2016-06, BAC GENERAL',
    examen: { code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
    annee: 2016,
    specialite: 'TOUTES - TOUTES SERIES',
    epreuve: '014A-1, EVALUATION SPEC LANG S.EUROP. ANGLAIS',
    lieu: null,
    signataire: 'gestionnaire',
  },
  centre: { uai: '0310094J', libelle: 'RECT RECTORAT ACADEMIE DE TOULOUSE TOULOUSE CEDEX 7', adresse: '75 RUE SAINT-ROCH', codePostal: '31073', commune: 'TOULOUSE CEDEX 7', telephone: null },
  qualite: null,
  commission: null,
  jury: null,
  salle: null,
  codeSalle: null,
  observation: 'SECTIONS EUROPEENNES - DNL MATHÉMATIQUES/ANGLAIS',
  creneaux: [{ jour: '2016-01-18', heureDebut: '09:00', heureFin: '17:00' }],
  datesPropres: false,
  signature: null,
  editeeLe: new Date('2016-01-04T09:00:00Z'),
};

describe('convocation', () => {
  it('imprime une convocation du service des examens, signée par délégation du recteur', async () => {
    const { pages, titre } = await textePdf(await lireFlux(genererConvocationPdf(BASE, { editeLe: new Date('2016-01-05T10:00:00Z') })));
    expect(titre).toBe('Convocation');
    const t = pages.join(' ');
    for (const x of [
      'ACADEMIE DE TOULOUSE',
      'DIVISION DES EXAMENS ET CONCOURS',
      'M. ÉTIENNE-DEMO Loïc',
      '31000 TOULOUSE',
      'LGT OZENNE TOULOUSE (0310041H)',
      'Vous êtes convoqué(e) pour la mission décrite ci-dessous.',
      'N° 111309 COMMISSION DE CHOIX DE SUJETS',
      'Epreuve : 014A-1, EVALUATION SPEC LANG S.EUROP. ANGLAIS',
      "Centre d'examen : RECT RECTORAT ACADEMIE DE TOULOUSE TOULOUSE CEDEX 7 (0310094J)",
      'Dates de la mission',
      'lundi 18/01/2016',
      'SECTIONS EUROPEENNES - DNL MATHÉMATIQUES/ANGLAIS',
      'Fait à TOULOUSE, le 05/01/2016',
      "Pour le recteur de l'académie de Toulouse et par délégation,",
      'Le chef de la division des examens et concours',
      'Page 1 / 1',
    ]) {
      expect(t).toContain(x);
    }
    expect(t).not.toContain(MENTION_CENTRE);
    expect(t).not.toContain('Duplicata');
  });

  it("dit quand les dates restent à préciser, et nomme le fichier d'après l'agent", async () => {
    const d = { ...BASE, creneaux: [], origine: 'centre' as const, qualite: 'Interrogateur', mission: { ...BASE.mission, signataire: 'chef_centre' as const } };
    const t = (await textePdf(await lireFlux(genererConvocationPdf(d, { editeLe: new Date('2016-01-05T10:00:00Z'), duplicata: true })))).pages.join(' ');
    expect(t).toContain(MENTION_CENTRE);
    expect(t).toContain('Duplicata');
    expect(t).toContain('Vous êtes convoqué(e), en qualité de Interrogateur, pour la mission décrite ci-dessous.');
    expect(t).toContain('Les dates seront précisées par le service des examens.');
    // The duplicata keeps the date of the convocation it copies.
    expect(t).toContain('Fait à TOULOUSE CEDEX 7, le 04/01/2016');
    expect(t).toContain("Le chef de centre d'examen");
    expect(nomFichierConvocation(BASE)).toBe('ETIENNE-DEMO_Loic_111309.pdf');
  });

  it('nomme un service inter-académique (SIEC) par lui-même, jamais « ACADEMIE DE SIEC »', async () => {
    const d: DonneesConvocation = { ...BASE, academie: { code: 'SIEC', libelle: 'SIEC', nomMajuscule: 'SIEC', interAcademique: true } };
    const t = (await textePdf(await lireFlux(genererConvocationPdf(d, { editeLe: new Date('2016-01-05T10:00:00Z') })))).pages.join(' ');
    expect(t).toContain('SIEC');
    expect(t).toContain('Pour le service inter-académique SIEC et par délégation,');
    expect(t).not.toContain('ACADEMIE DE SIEC');
    expect(t).not.toMatch(/académie de SIEC/i);
  });
});
