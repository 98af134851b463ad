// Bad input never reaches the database (issue 13 §7): a NUL byte in any text field, and an integer
// beyond PostgreSQL's integer (2147483647) in a path parameter, a query or a body, are refused by the
// validation layer with a 400 naming the field, on every route, instead of a 500 from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargerDemo } from '../../demo/demo.ts';
import { MOT_DE_PASSE_AGENTS } from '../../demo/comptes.ts';
import { createTestPlatform, type TestClient, type TestPlatform } from '../../testing/harness.ts';

let p: TestPlatform;
let chef: TestClient;
let dec: TestClient;
let personnel: number;

beforeAll(async () => {
  p = await createTestPlatform();
  await chargerDemo(p.ctx.db, { scale: 1 });
  chef = p.client();
  await chef.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE_AGENTS);
  dec = p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
  const personnels = await chef.get('/api/etablissement/indisponibilites/personnels');
  expect(personnels.status, JSON.stringify(personnels.body)).toBe(200);
  personnel = personnels.body.lignes[0].id;
}, 120_000);
afterAll(async () => {
  await p?.close();
});

const NUL = '\u0000';
const anonyme = () => {
  const c = p.client();
  // Each anonymous probe from its own address: the per-address login limits stay out of the way.
  c.ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  return c;
};

type Cas = [nom: string, requete: () => Promise<{ status: number; body: any }>, champ: string];

describe('octet nul dans un champ texte', () => {
  const cas: Cas[] = [
    ['connexion (identifiant)', () => anonyme().post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: `dec.rennes${NUL}`, motDePasse: 'x' }), 'identifiant'],
    ['connexion (mot de passe)', () => anonyme().post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: 'dec.rennes', motDePasse: `x${NUL}y` }), 'motDePasse'],
    ['portail jury, 1re mire (clé OTP)', () => anonyme().post('/api/jury/cle', { identifiant: `OTP${NUL}0001`, motDePasse: '1234123456' }), 'identifiant'],
    ['portail jury de secours', () => anonyme().post('/api/jury/secours', { identifiant: `JURY-25510${NUL}`, motDePasse: 'x' }), 'identifiant'],
    ['mot de passe oublié', () => anonyme().post('/api/auth/mot-de-passe-oublie', { identifiant: `prof${NUL}` }), 'identifiant'],
    [
      "motif d'une indisponibilité",
      () => chef.post(`/api/etablissement/indisponibilites/personnels/${personnel}`, { dateDebut: '02/09/2026', heureDebut: '08:00', dateFin: '03/09/2026', heureFin: '12:00', motif: `STAGE${NUL}` }),
      'motif',
    ],
    ['libellé d’une qualité', () => dec.post('/api/gestion/qualites', { libelle: `Correcteur${NUL}`, santorin: false, deliberation: false }), 'libelle'],
    ['import CSV des notes de contrôle', () => dec.post('/api/gestion/deliberation/notes-controle/import', { contenu: `N° candidat;Epreuve;Note\n0001${NUL};EPR;12\n`, nomFichier: 'notes.csv' }), 'contenu'],
    ['recherche (paramètre de requête)', () => dec.get(`/api/gestion/convocations/personnes?q=DUP${encodeURIComponent(NUL)}`), 'q'],
  ];
  it.each(cas)('%s : 400 nommant le champ', async (_nom, requete, champ) => {
    const r = await requete();
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(Object.keys(r.body.fields ?? {})).toContain(champ);
    expect(r.body.message).toContain('caractère nul');
    expect(r.body.message).not.toMatch(/invalid byte sequence|0x00|Error/i);
  });
});

describe('identifiant au-delà des entiers de la base (2147483647)', () => {
  const cas: Cas[] = [
    ['paramètre :id', () => chef.get('/api/etablissement/consultation/personnels/2147483648'), 'id'],
    ['paramètre :id (indisponibilités)', () => chef.get('/api/etablissement/indisponibilites/personnels/2147483648'), 'id'],
    ['paramètre :id (qualité)', () => dec.put('/api/gestion/qualites/99999999999', { libelle: 'Correcteur', santorin: false, deliberation: false }), 'id'],
    ['corps (attributionId)', () => anonyme().post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: 'dec.rennes', motDePasse: MOT_DE_PASSE_AGENTS, attributionId: 2147483648 }), 'attributionId'],
  ];
  it.each(cas)('%s : 400 nommant le champ', async (_nom, requete, champ) => {
    const r = await requete();
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(Object.keys(r.body.fields ?? {})).toContain(champ);
    expect(r.body.message).toContain('2147483647');
  });

  it('accepte encore 2147483647 (introuvable, pas une erreur)', async () => {
    const r = await chef.get('/api/etablissement/consultation/personnels/2147483647');
    expect(r.status).toBe(404);
  });
});
