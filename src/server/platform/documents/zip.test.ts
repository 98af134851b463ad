import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { lireFlux, lireZip, textePdf } from '../../testing/documents.ts';
import { genererCsv } from './csv.ts';
import { genererPdf } from './pdf.ts';
import { DirectoryStore } from './store.ts';
import { genererZip, nomEntree } from './zip.ts';

const dossiers: string[] = [];
afterEach(() => {
  for (const d of dossiers.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ZIP', () => {
  it('assemble des entrées de toute origine, produites à leur tour, et se relit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-store-'));
    dossiers.push(dir);
    const store = new DirectoryStore(dir);
    await store.put('traitements/t1/papillons.csv', 'login;mot de passe\r\n');
    const ordre: string[] = [];
    async function* entrees() {
      yield { nom: 'Lisez-moi.txt', contenu: 'Plan de secours — à conserver.' };
      yield { nom: 'données/binaire.bin', contenu: Buffer.from([0, 1, 2, 255]) };
      yield { nom: 'flux.txt', contenu: Readable.from([Buffer.from('un '), Buffer.from('flux')]) };
      yield { nom: 'papillons.csv', cleStockage: 'traitements/t1/papillons.csv' };
      yield {
        nom: 'PV/PV_31202.pdf',
        contenu: () => {
          ordre.push('pdf');
          return genererPdf({ entete: { academie: 'ACADEMIE DE RENNES' }, titre: 'Procès-verbal du jury 31202', editeLe: new Date('2026-06-15T08:00:00Z') }, (doc) => {
            doc.paragraphe('Jury 31202');
          });
        },
      };
      yield { nom: 'Lisez-moi.txt', contenu: 'doublon' };
      yield { nom: 'liste.csv', contenu: () => genererCsv([{ libelle: 'Nom' }], [['ÉLODIE']]) };
    }
    const zip = await lireFlux(genererZip(entrees(), { store, date: new Date('2026-06-15T08:00:00Z') }));
    const lues = lireZip(zip);
    expect(lues.map((e) => e.nom)).toEqual(['Lisez-moi.txt', 'données/binaire.bin', 'flux.txt', 'papillons.csv', 'PV/PV_31202.pdf', 'Lisez-moi (2).txt', 'liste.csv']);
    const par = Object.fromEntries(lues.map((e) => [e.nom, e.contenu]));
    expect(par['Lisez-moi.txt']!.toString()).toBe('Plan de secours — à conserver.');
    expect([...par['données/binaire.bin']!]).toEqual([0, 1, 2, 255]);
    expect(par['flux.txt']!.toString()).toBe('un flux');
    expect(par['papillons.csv']!.toString()).toBe('login;mot de passe\r\n');
    expect(par['liste.csv']!.toString()).toBe('\uFEFFNom\r\nÉLODIE\r\n');
    expect(ordre).toEqual(['pdf']);
    const pv = await textePdf(par['PV/PV_31202.pdf']!);
    expect(pv.pages[0]).toContain('Jury 31202');
  });

  it("échoue si une entrée échoue, plutôt que de livrer une archive incomplète", async () => {
    const flux = genererZip([{ nom: 'a.txt', contenu: 'a' }, { nom: 'absent.pdf', cleStockage: 'nulle/part.pdf' }], { store: new DirectoryStore(mkdtempSync(join(tmpdir(), 'zip-vide-'))) });
    await expect(lireFlux(flux)).rejects.toThrow();
  });

  it('rend les noms sûrs à décompresser', () => {
    expect(nomEntree('../../etc/passwd')).toBe('etc/passwd');
    expect(nomEntree('\\dossier\\fichier.pdf')).toBe('dossier/fichier.pdf');
    expect(() => nomEntree('../..')).toThrow();
  });
});
