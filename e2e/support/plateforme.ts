// A whole platform for the browser scenarios and the benches: a temporary DATA_DIR with PGlite (or a
// fresh database of the TEST_DATABASE_URL server), the
// demo data (scale 1), a few accounts of the scenarios' own, the built web app, on a free port.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chargerDemo, comptesDemo, type CompteDemo } from '../../src/server/demo/demo.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { openStore } from '../../src/server/platform/documents/store.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';
import { hacher, utiliserHachageRapide } from '../../src/server/platform/passwords.ts';
import { startPlatform, type Platform } from '../../src/server/server.ts';

export interface CompteE2e {
  login: string;
  motDePasse: string;
  role: string;
  service: string;
  email: string | null;
  temporaire: boolean;
}

export interface PlateformeE2e {
  url: string;
  /** The demo accounts (comptesDemo()) and the scenarios' own. */
  comptes: Array<CompteDemo | CompteE2e>;
  platform: Platform;
  close(): Promise<void>;
}

export const MOT_DE_PASSE_E2E = 'Scenario-E2e-2026!';

/** Accounts the demo does not have and that scenarios change (so the demo accounts stay as they are). */
export const COMPTES_E2E: CompteE2e[] = [
  { login: 'e2e.candidat', motDePasse: MOT_DE_PASSE_E2E, role: 'candidat', service: 'espace-candidat', email: 'candidat-e2e@example.fr', temporaire: false },
  { login: 'e2e.oubli', motDePasse: MOT_DE_PASSE_E2E, role: 'intervenant', service: 'imagin-intervenant', email: 'oubli-e2e@example.fr', temporaire: false },
  { login: 'e2e.temporaire', motDePasse: MOT_DE_PASSE_E2E, role: 'intervenant', service: 'imagin-intervenant', email: null, temporaire: false },
  // A first connection of its own for premiere-connexion.test.ts (prof.abricotier's is intervenant-accueil.test.ts').
  { login: 'e2e.premiere', motDePasse: 'Tmp-Premiere9', role: 'intervenant', service: 'imagin-intervenant', email: null, temporaire: true },
];

async function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function creerComptesE2e(platform: Platform) {
  const db = platform.ctx.db;
  for (const c of COMPTES_E2E) {
    let personneId: number | null = null;
    if (c.role === 'intervenant') {
      const p = await db
        .insertInto('personne')
        .values({ academie_code: '14', civilite: 'Mme', nom: c.login === 'e2e.oubli' ? 'OUBLIEUSE' : 'TEMPORAIRE', prenom: 'Élise' })
        .returning('id')
        .executeTakeFirstOrThrow();
      personneId = p.id;
    }
    const compte = await db
      .insertInto('compte')
      .values({
        login: c.login,
        password_hash: await hacher(c.motDePasse),
        mot_de_passe_temporaire: c.temporaire,
        email: c.email,
        type: c.role === 'candidat' ? 'candidat' : 'intervenant',
        personne_id: personneId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_attribution').values({ compte_id: compte.id, role: c.role as 'intervenant', academie_code: '14', etablissement_id: null, personne_id: personneId }).execute();
  }
}

async function creerBasePostgres(adminUrl: string): Promise<{ url: string; supprimer: () => Promise<void> }> {
  const nom = `e2e_${randomBytes(6).toString('hex')}`;
  const requete = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await requete(`create database ${nom}`);
  const u = new URL(adminUrl);
  u.pathname = '/' + nom;
  return { url: u.toString(), supprimer: () => requete(`drop database if exists ${nom} with (force)`) };
}

export async function demarrerPlateforme(opts: { env?: Record<string, string>; journal?: (m: string) => void; embarquee?: boolean } = {}): Promise<PlateformeE2e> {
  utiliserHachageRapide(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'plateforme-e2e-'));
  const port = await portLibre();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...opts.env });
  // With TEST_DATABASE_URL (the PostgreSQL pass of CI), each platform gets a fresh database there.
  const serveur = process.env.TEST_DATABASE_URL && !opts.embarquee ? await creerBasePostgres(process.env.TEST_DATABASE_URL) : null;
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: serveur?.url });
  await migrateToLatest(database.db);
  await chargerDemo(database.db, { scale: 1, log: opts.journal, store: openStore(config.documents) });
  const silencieux = { info: () => {}, warn: (o: object | string, m?: string) => console.warn(m ?? o), error: (o: object | string, m?: string) => console.error(m ?? o) };
  const platform = await startPlatform(config, { database, logger: silencieux, pollingIntervalSeconds: 0.5 });
  await creerComptesE2e(platform);
  await platform.app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    comptes: [...comptesDemo(), ...COMPTES_E2E],
    platform,
    close: async () => {
      await platform.close();
      await database.close();
      await serveur?.supprimer();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
