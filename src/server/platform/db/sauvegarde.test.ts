// Issue 18 §9: a backup of the embedded database taken while the platform runs, restored, and the
// platform started on it lets its users log in; the backup holds the state of its moment only.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startPlatform, type Platform } from '../../server.ts';
import { fixtureCompte, fixtureReferentiel, TestClient } from '../../testing/harness.ts';
import { kyselyOnPglite, openDatabase, openPglite, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { ecouterSauvegardes, restaurer, sauvegarder, SauvegardeError } from './sauvegarde.ts';

const silencieux = { info: () => {}, warn: () => {}, error: () => {} };
const aNettoyer: string[] = [];
afterEach(() => {
  for (const d of aNettoyer.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A migrated base to start from (the PGlite template of the test run, or one made here once). */
let modele: Blob | null = null;
async function baseMigree(): Promise<Blob> {
  if (modele) return modele;
  const tmpl = inject('dbTemplate');
  if (tmpl.kind === 'pglite') return (modele = new Blob([readFileSync(tmpl.file)]));
  const pglite = await openPglite({});
  await migrateToLatest(kyselyOnPglite(pglite));
  modele = await pglite.dumpDataDir('none');
  await pglite.close();
  return modele;
}

async function demarrer(dataDir: string): Promise<{ platform: Platform; database: Database; ecoute: Server; arreter: () => Promise<void> }> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  // A new data directory starts from the migrated base, an existing one (restored) is opened as is.
  if (!existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))) await (await openPglite({ dataDir: join(dataDir, 'pgdata'), loadDataDir: await baseMigree() })).close();
  const database = await openDatabase({ dataDir });
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 0.5 });
  const ecoute = await ecouterSauvegardes(database.pglite!, dataDir);
  return {
    platform,
    database,
    ecoute,
    arreter: async () => {
      await new Promise((r) => ecoute.close(r));
      await platform.close();
      await database.close();
    },
  };
}

async function connexion(platform: Platform, login: string) {
  const client = new TestClient(platform);
  const res = await client.post('/api/auth/connexion', { service: 'imagin-gestion', identifiant: login, motDePasse: 'Examens-2026!ok' });
  return res.status;
}

describe('sauvegarde de la base embarquée (npm run backup / npm run restore)', () => {
  it('copie cohérente prise auprès de la plateforme en marche, restaurée : on s’y connecte, dans l’état du moment de la copie', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sauvegarde-donnees-'));
    const destination = mkdtempSync(join(tmpdir(), 'sauvegarde-copies-'));
    aNettoyer.push(dataDir, destination);

    const a = await demarrer(dataDir);
    await fixtureReferentiel(a.platform);
    await fixtureCompte(a.platform, { login: 'dec.avant', role: 'gestionnaire' });
    expect(await connexion(a.platform, 'dec.avant')).toBe(200);

    const { dossier, manifeste } = await sauvegarder(dataDir, destination);
    expect(manifeste.source).toBe('serveur');
    expect(manifeste.octets).toBeGreaterThan(1000);
    // Made after the copy: absent from it.
    await fixtureCompte(a.platform, { login: 'dec.apres', role: 'gestionnaire' });
    expect(await connexion(a.platform, 'dec.apres')).toBe(200);

    // Never while the platform runs on the directory.
    await expect(restaurer(dossier, dataDir)).rejects.toThrow(/arrêtez-la avant de restaurer/);
    await a.arreter();

    const { ancienne, comptes } = await restaurer(dossier, dataDir);
    expect(ancienne).toMatch(/pgdata\.avant-restauration-/);
    expect(comptes).toBe(1);

    const b = await demarrer(dataDir);
    try {
      expect(await connexion(b.platform, 'dec.avant')).toBe(200);
      expect(await connexion(b.platform, 'dec.apres')).toBe(401);
    } finally {
      await b.arreter();
    }
  });

  it('plateforme arrêtée : la copie est prise dans le répertoire ; une sauvegarde altérée est refusée sans toucher à la base', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sauvegarde-donnees-'));
    const destination = mkdtempSync(join(tmpdir(), 'sauvegarde-copies-'));
    aNettoyer.push(dataDir, destination);
    const a = await demarrer(dataDir);
    await fixtureReferentiel(a.platform);
    await fixtureCompte(a.platform, { login: 'dec.seul', role: 'gestionnaire' });
    await a.arreter();

    const { dossier, manifeste } = await sauvegarder(dataDir, destination);
    expect(manifeste.source).toBe('repertoire');
    // The encryption key travels with the base: the encrypted columns stay readable after a restore.
    expect(readFileSync(join(dossier, 'encryption_key'), 'utf8')).toBe(readFileSync(join(dataDir, 'encryption_key'), 'utf8'));

    const base = join(dossier, 'base.tar.gz');
    const octets = readFileSync(base);
    const milieu = octets.length >> 1;
    octets[milieu] = octets[milieu]! ^ 0xff;
    writeFileSync(base, octets);
    const erreur = await restaurer(dossier, dataDir).catch((e: unknown) => e);
    expect(erreur).toBeInstanceOf(SauvegardeError);
    expect((erreur as Error).message).toContain('altérée');

    // The current base was not moved: the platform still starts on it with its account.
    const b = await demarrer(dataDir);
    try {
      expect(await connexion(b.platform, 'dec.seul')).toBe(200);
    } finally {
      await b.arreter();
    }
  });
});
