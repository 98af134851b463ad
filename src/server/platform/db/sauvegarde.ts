// Backups of the embedded database (issue 18 §9): `npm run backup` and `npm run restore`.
//
// PGlite is one process's database: a second process must never open its data directory while the
// server runs. So the running server listens on a Unix socket in DATA_DIR (`sauvegarde.sock`, mode
// 0600: only the account that runs the platform reaches it) and, on each connection, writes a
// consistent copy of its database: a CHECKPOINT, then PGlite's own dump of the data directory, taken
// while no query runs (PGlite serialises them); a transaction in progress is absent from the copy
// exactly as after a crash (PostgreSQL replays its journal on start). When no server answers on the
// socket, the script opens the data directory itself.
//
// A backup is a directory: `base.tar.gz` (the database), `encryption_key` (without it, the encrypted
// columns — bank details, OTP secrets, papillons kept for a relaunch — cannot be read back) and
// `manifeste.json` (date, size, SHA-256). It holds personal data and the key: keep it like the server.
// On PostgreSQL, pg_dump and point-in-time recovery do this job (docs/operations.md).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from './database.ts';

export const NOM_SOCKET = 'sauvegarde.sock';
const FICHIER_BASE = 'base.tar.gz';
const FICHIER_CLE = 'encryption_key';
const FICHIER_MANIFESTE = 'manifeste.json';

export interface Manifeste {
  format: 'plateforme-examens/sauvegarde-pglite';
  version: 1;
  date: string;
  octets: number;
  sha256: string;
  /** Where it came from: the running server (socket) or the data directory opened by the script. */
  source: 'serveur' | 'repertoire';
}

export class SauvegardeError extends Error {}

/** A consistent dump of the running embedded database (gzip tar of its data directory). */
export async function copieCoherente(pglite: PGlite): Promise<Buffer> {
  await pglite.exec('checkpoint');
  const blob = await pglite.dumpDataDir('gzip');
  return Buffer.from(await blob.arrayBuffer());
}

/**
 * The running server's side: answers each connection on DATA_DIR/sauvegarde.sock with a consistent
 * copy, then closes it. Returns the server, to close with the platform.
 */
export async function ecouterSauvegardes(pglite: PGlite, dataDir: string, journal: (m: string) => void = () => {}): Promise<Server> {
  const chemin = join(dataDir, NOM_SOCKET);
  mkdirSync(dataDir, { recursive: true });
  // A socket left by a process that died: nobody answers on it any more.
  if (existsSync(chemin)) {
    if (await serveurRepond(chemin)) throw new SauvegardeError(`Un autre processus de la plateforme utilise déjà le répertoire de données ${dataDir}.`);
    rmSync(chemin, { force: true });
  }
  let enCours: Promise<unknown> = Promise.resolve();
  const serveur = createServer((socket) => {
    socket.on('error', () => {});
    // One copy at a time: two backups asked together are made one after the other.
    enCours = enCours.then(async () => {
      try {
        const copie = await copieCoherente(pglite);
        journal(`Sauvegarde de la base demandée : ${copie.length} octets.`);
        socket.end(copie);
      } catch (e) {
        journal(`Sauvegarde de la base impossible : ${(e as Error).message}`);
        socket.destroy();
      }
    });
  });
  serveur.listen(chemin);
  await once(serveur, 'listening');
  chmodSync(chemin, 0o600);
  serveur.on('close', () => rmSync(chemin, { force: true }));
  return serveur;
}

async function serveurRepond(chemin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection(chemin);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Asks the running server for a copy; null when no server listens on the data directory. */
async function copieDuServeur(dataDir: string): Promise<Buffer | null> {
  const chemin = join(dataDir, NOM_SOCKET);
  if (!existsSync(chemin)) return null;
  return new Promise((resolve, reject) => {
    const morceaux: Buffer[] = [];
    let connecte = false;
    const s = createConnection(chemin);
    s.on('connect', () => {
      connecte = true;
    });
    s.on('data', (d: Buffer) => morceaux.push(d));
    s.on('end', () => {
      const copie = Buffer.concat(morceaux);
      if (copie.length === 0) reject(new SauvegardeError("Le serveur n'a pas pu produire la copie de la base : consultez son journal."));
      else resolve(copie);
    });
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (!connecte && (e.code === 'ECONNREFUSED' || e.code === 'ENOENT')) resolve(null);
      else reject(new SauvegardeError(`La copie de la base a été interrompue (${e.code ?? 'erreur'}).`));
    });
  });
}

/** Writes a backup of the embedded database of `dataDir` into a new directory under `destination`. */
export async function sauvegarder(dataDir: string, destination: string, maintenant = new Date()): Promise<{ dossier: string; manifeste: Manifeste }> {
  let copie = await copieDuServeur(dataDir);
  let source: Manifeste['source'] = 'serveur';
  if (!copie) {
    if (!existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))) {
      throw new SauvegardeError(`Aucune base embarquée dans ${dataDir} (pgdata absent) : rien à sauvegarder.`);
    }
    source = 'repertoire';
    const pglite = await openPglite({ dataDir: join(dataDir, 'pgdata') });
    try {
      copie = await copieCoherente(pglite);
    } finally {
      await pglite.close();
    }
  }
  const horodatage = maintenant.toISOString().replace(/[:.]/g, '-');
  const dossier = join(destination, `plateforme-${horodatage}`);
  const provisoire = `${dossier}.part`;
  rmSync(provisoire, { recursive: true, force: true });
  mkdirSync(provisoire, { recursive: true, mode: 0o700 });
  writeFileSync(join(provisoire, FICHIER_BASE), copie, { mode: 0o600 });
  const cle = join(dataDir, FICHIER_CLE);
  if (existsSync(cle)) writeFileSync(join(provisoire, FICHIER_CLE), readFileSync(cle), { mode: 0o600 });
  const manifeste: Manifeste = {
    format: 'plateforme-examens/sauvegarde-pglite',
    version: 1,
    date: maintenant.toISOString(),
    octets: copie.length,
    sha256: createHash('sha256').update(copie).digest('hex'),
    source,
  };
  writeFileSync(join(provisoire, FICHIER_MANIFESTE), JSON.stringify(manifeste, null, 2) + '\n', { mode: 0o600 });
  // The backup appears whole or not at all.
  renameSync(provisoire, dossier);
  return { dossier, manifeste };
}

/**
 * Replaces the embedded database of `dataDir` by the backup in `dossier`. Refused while a server runs
 * on the data directory. The backup is checked (manifest, SHA-256, then opened in memory and read)
 * before anything is touched; the current database is kept aside as pgdata.avant-restauration-<date>.
 */
export async function restaurer(dossier: string, dataDir: string, maintenant = new Date()): Promise<{ ancienne: string | null; comptes: number }> {
  if (existsSync(join(dataDir, NOM_SOCKET)) && (await serveurRepond(join(dataDir, NOM_SOCKET)))) {
    throw new SauvegardeError("La plateforme est en marche sur ce répertoire de données : arrêtez-la avant de restaurer une sauvegarde.");
  }
  const fichierManifeste = join(dossier, FICHIER_MANIFESTE);
  if (!existsSync(fichierManifeste)) throw new SauvegardeError(`${dossier} n'est pas une sauvegarde de la plateforme (manifeste.json absent).`);
  const manifeste = JSON.parse(readFileSync(fichierManifeste, 'utf8')) as Manifeste;
  if (manifeste.format !== 'plateforme-examens/sauvegarde-pglite') throw new SauvegardeError(`${dossier} n'est pas une sauvegarde de la base embarquée.`);
  const copie = readFileSync(join(dossier, FICHIER_BASE));
  if (createHash('sha256').update(copie).digest('hex') !== manifeste.sha256) {
    throw new SauvegardeError('La sauvegarde est altérée (empreinte SHA-256 différente de celle du manifeste) : restauration refusée.');
  }
  // Read it once in memory: a backup that does not open is refused before the current base is moved.
  let comptes: number;
  const essai = await openPglite({ loadDataDir: new Blob([copie]) });
  try {
    const r = await essai.query<{ n: number }>('select count(*)::int as n from compte');
    comptes = r.rows[0]!.n;
  } catch {
    throw new SauvegardeError('La sauvegarde ne contient pas une base de la plateforme lisible : restauration refusée.');
  } finally {
    await essai.close();
  }
  const pgdata = join(dataDir, 'pgdata');
  let ancienne: string | null = null;
  if (existsSync(pgdata) && statSync(pgdata).isDirectory()) {
    ancienne = `${pgdata}.avant-restauration-${maintenant.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(pgdata, ancienne);
  }
  mkdirSync(dataDir, { recursive: true });
  const cible = await openPglite({ dataDir: pgdata, loadDataDir: new Blob([copie]) });
  await cible.close();
  const cle = join(dossier, FICHIER_CLE);
  if (existsSync(cle)) {
    const actuelle = join(dataDir, FICHIER_CLE);
    if (existsSync(actuelle) && readFileSync(actuelle, 'utf8').trim() !== readFileSync(cle, 'utf8').trim()) {
      renameSync(actuelle, `${actuelle}.avant-restauration-${maintenant.toISOString().replace(/[:.]/g, '-')}`);
    }
    writeFileSync(actuelle, readFileSync(cle), { mode: 0o600 });
  }
  return { ancienne, comptes };
}
