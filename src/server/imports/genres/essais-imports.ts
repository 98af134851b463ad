// Test support of the import kinds of issue 17 (personnels, indisponibilités, enseignements): a
// platform with the fixture référentiel (Rennes 14, Toulouse 16), a gestionnaire of each académie, and
// the screen's path — the file deposited as a stream, its preview, its application.
import { expect } from 'vitest';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../../testing/harness.ts';
import type { ResultatImport } from '../imports.traitement.ts';

const B = '/api/gestion/imports';

export interface Fini {
  id: string;
  statut: string;
  resultat: ResultatImport;
  erreur: string | null;
  documents: Array<{ nom: string }>;
}

export async function plateformeImports(suffixe: string) {
  const p: TestPlatform = await createTestPlatform();
  const etabs = await fixtureReferentiel(p);
  await fixtureCompte(p, { login: `dec14.${suffixe}`, role: 'gestionnaire' });
  await fixtureCompte(p, { login: `dec16.${suffixe}`, role: 'gestionnaire', academie: '16' });
  const dec14: TestClient = p.client();
  await dec14.login('imagin-gestion', `dec14.${suffixe}`, MOT_DE_PASSE);
  const dec16: TestClient = p.client();
  await dec16.login('imagin-gestion', `dec16.${suffixe}`, MOT_DE_PASSE);
  return { p, etabs, dec14, dec16 };
}

async function fini(c: TestClient, id: string): Promise<Fini> {
  const r = await attendre(async () => {
    const x = await c.get(`${B}/${id}`);
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    return x.body.statut === 'termine' || x.body.statut === 'erreur' ? x.body : null;
  }, 60_000);
  return { id, ...r };
}

/** Deposits the file (lines joined by CRLF, UTF-8 unless `latin1`) and waits for its preview. */
export async function apercu(c: TestClient, genre: string, lignes: string[] | Buffer): Promise<Fini> {
  const contenu = Buffer.isBuffer(lignes) ? lignes : Buffer.from(lignes.join('\r\n') + '\r\n', 'utf8');
  const r = await c.request('POST', `${B}/fichier?genre=${genre}&nom=${genre}.csv`, contenu, { 'content-type': 'application/octet-stream' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return fini(c, r.body.traitementId);
}

export async function appliquer(c: TestClient, id: string, mode: 'tout-ou-rien' | 'lignes-valides'): Promise<Fini> {
  const r = await c.post(`${B}/${id}/appliquer`, { mode });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return fini(c, r.body.traitementId);
}

/** Preview then application (the preview's counts must be the application's). */
export async function importer(c: TestClient, genre: string, lignes: string[] | Buffer, mode: 'tout-ou-rien' | 'lignes-valides' = 'lignes-valides') {
  const a = await apercu(c, genre, lignes);
  expect(a.statut, a.erreur ?? '').toBe('termine');
  const t = await appliquer(c, a.id, mode);
  const compte = (r: ResultatImport) => [r.ajoutees, r.modifiees, r.inchangees, r.lignesRejetees, r.nbAbsents];
  expect(compte(t.resultat)).toEqual(compte(a.resultat));
  return { apercu: a, application: t };
}
