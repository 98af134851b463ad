// npm run cluster -- N : N stateless server processes (src/server/main.ts) on one PostgreSQL and one
// document store, behind a small round-robin load balancer on PORT (issue 18 §1, decision 0024).
//
// Before any process starts, and once: the web bundle is built, the database migrated (pg-boss's
// schema included), the demo data loaded into an empty database. Then process i listens on
// 127.0.0.1:PORT+i, and the balancer forwards each request to the next process that answers its
// readiness probe (/api/ready, every 2 s), with X-Forwarded-For and its own X-Request-Id (the
// processes trust it: TRUST_PROXY=loopback). A process that dies is restarted. SIGTERM / SIGINT:
// the balancer stops accepting, each process drains (platform/http/arret.ts), all exit within 12 s.
//
// For local use and tests. A real deployment runs `npm run serve` (or `node src/server/main.ts`)
// once per process, behind its own load balancer: docs/operations.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { avertirAuDemarrage, loadConfigOrExit } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { Jobs } from '../src/server/platform/jobs/jobs.ts';
import { chargerDemo, demoPresente } from '../src/server/demo/demo.ts';
import { openStore } from '../src/server/platform/documents/store.ts';
import { construireWeb } from './build-web.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const drapeau = (nom: string) => args.includes(nom);
const nombre = args.find((a) => !a.startsWith('--')) ?? '2';
if (!/^\d+$/.test(nombre) || Number(nombre) < 1 || Number(nombre) > 32) {
  console.error(`npm run cluster -- N : N, le nombre de processus, est un entier entre 1 et 32 (reçu « ${nombre} »).`);
  process.exit(2);
}
const N = Number(nombre);

const config = loadConfigOrExit();
if (!config.databaseUrl) {
  console.error(
    "npm run cluster demande une base PostgreSQL partagée : définissez DATABASE_URL (par exemple\n" +
      '  DATABASE_URL=postgres://utilisateur@127.0.0.1:5432/examens npm run cluster -- 2).\n' +
      "La base embarquée PGlite (sans DATABASE_URL) n'appartient qu'à un seul processus : utilisez alors npm start.",
  );
  process.exit(2);
}
avertirAuDemarrage(config);
const portsProcessus = Array.from({ length: N }, (_, i) => config.port + 1 + i);
if (portsProcessus.at(-1)! > 65535) {
  console.error(`PORT (${config.port}) est trop grand : les processus écoutent sur PORT+1 à PORT+${N}.`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Once, before the processes: web bundle, migrations, pg-boss's schema, demo data.

if (!drapeau('--sans-construction')) construireWeb();
{
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const jobs = await Jobs.start(database, [], { work: false });
    await jobs.stop();
    if (!drapeau('--sans-demo') && !(await demoPresente(database.db))) {
      console.log('Base vide : chargement des données de démonstration (échelle 1)…');
      await chargerDemo(database.db, { scale: 1, log: (m) => console.log('  ' + m), store: openStore(config.documents) });
    }
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The processes.

interface Processus {
  numero: number;
  port: number;
  enfant: ChildProcess | null;
  pret: boolean;
  redemarrages: number;
}

let arret = false;
const processus: Processus[] = portsProcessus.map((port, i) => ({ numero: i + 1, port, enfant: null, pret: false, redemarrages: 0 }));

function demarrer(p: Processus): void {
  // The processes run with the balancer's V8 options (the heap limit of `npm run cluster`, decision 0040).
  const enfant = spawn(process.execPath, [...process.execArgv, join(root, 'src/server/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(p.port),
      HOST: '127.0.0.1',
      DATA_DIR: config.dataDir,
      DOCUMENT_DIR: config.documents.directory,
      // The balancer is the processes' proxy: its X-Forwarded-For and X-Request-Id are believed.
      TRUST_PROXY: process.env.TRUST_PROXY || 'loopback',
      PUBLIC_URL: config.publicUrl,
      // Every process must read the same secrets (sessions, encrypted data), generated once above.
      SESSION_SECRET: config.sessionSecret,
      ENCRYPTION_KEY: config.encryptionKey.toString('base64url'),
    },
  });
  p.enfant = enfant;
  p.pret = false;
  enfant.on('exit', (code, signal) => {
    p.enfant = null;
    p.pret = false;
    if (arret) return;
    p.redemarrages++;
    console.error(`Processus ${p.numero} (port ${p.port}) arrêté (${signal ?? `code ${code}`}) : redémarrage dans 1 s.`);
    setTimeout(() => !arret && demarrer(p), 1000);
  });
}

for (const p of processus) demarrer(p);

// Readiness probes: a process enters the rotation when /api/ready answers 200, leaves it otherwise.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
function sonder(p: Processus): Promise<void> {
  return new Promise((fin) => {
    if (!p.enfant) return fin();
    const req = http.get({ host: '127.0.0.1', port: p.port, path: '/api/ready', agent, timeout: 2000 }, (res) => {
      res.resume();
      p.pret = res.statusCode === 200;
      fin();
    });
    req.on('timeout', () => req.destroy(new Error('délai')));
    req.on('error', () => {
      p.pret = false;
      fin();
    });
  });
}
const sondes = setInterval(() => void Promise.all(processus.map(sonder)), 2000);

// ---------------------------------------------------------------------------------------------
// The balancer.

/** Hop-by-hop headers: each side of the balancer has its own connection. */
const SAUT_PAR_SAUT = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

let suivant = 0;
function choisir(): Processus | null {
  for (let i = 0; i < N; i++) {
    const p = processus[(suivant + i) % N]!;
    if (p.pret && p.enfant) {
      suivant = (suivant + i + 1) % N;
      return p;
    }
  }
  return null;
}

function repondre503(res: http.ServerResponse, message: string) {
  if (res.headersSent) return res.destroy();
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5' });
  res.end(JSON.stringify({ code: 'INDISPONIBLE', message }));
}

const repartiteur = http.createServer((req, res) => {
  const entetes = { ...req.headers };
  for (const h of SAUT_PAR_SAUT) delete entetes[h];
  // The balancer is the edge: the client's address and a fresh request id, whatever the client sent.
  entetes['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  entetes['x-forwarded-proto'] = 'http';
  entetes['x-forwarded-host'] = req.headers.host ?? '';
  entetes['x-request-id'] = randomBytes(6).toString('hex').toUpperCase();
  // A GET or HEAD that finds a process gone (connection refused, or a kept-alive connection reset
  // before any answer) goes to the next one: it is idempotent. Any other failure answers 503.
  const rejouable = (req.method === 'GET' || req.method === 'HEAD') && !req.headers['content-length'];
  const transmettre = (essais: number) => {
    const p = choisir();
    if (!p) return repondre503(res, 'Le service démarre ou redémarre : réessayez dans quelques secondes.');
    const amont = http.request({ host: '127.0.0.1', port: p.port, method: req.method, path: req.url, headers: entetes, agent }, (r) => {
      const retour = { ...r.headers };
      for (const h of SAUT_PAR_SAUT) delete retour[h];
      res.writeHead(r.statusCode ?? 502, retour);
      r.pipe(res);
    });
    amont.on('error', (err: NodeJS.ErrnoException) => {
      // The process went away (killed): out of rotation until its probe answers again.
      p.pret = false;
      if (rejouable && (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET') && essais < N && !res.headersSent) return transmettre(essais + 1);
      repondre503(res, 'Le service redémarre : réessayez dans quelques secondes.');
    });
    res.once('close', () => {
      if (!res.writableFinished) amont.destroy();
    });
    if (rejouable) amont.end();
    else req.pipe(amont);
  };
  transmettre(1);
});
repartiteur.keepAliveTimeout = 5000;

async function toutPret(delaiMs: number): Promise<boolean> {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin) {
    await Promise.all(processus.map(sonder));
    if (processus.every((p) => p.pret)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

await new Promise<void>((ok, ko) => {
  repartiteur.once('error', ko);
  repartiteur.listen(config.port, config.host, () => ok());
});
const prets = await toutPret(120_000);
console.log(
  `\nPlateforme IMAG'IN / CYCLADES : ${N} processus derrière le répartiteur ${config.publicUrl} (écoute ${config.host}:${config.port})` +
    `\n  processus : ${processus.map((p) => `${p.numero} → 127.0.0.1:${p.port} (pid ${p.enfant?.pid ?? '—'})`).join(', ')}` +
    `\n  base : PostgreSQL ; documents : ${config.documents.kind === 's3' ? `S3 (${config.documents.s3!.bucket})` : config.documents.directory}` +
    `\n  métriques : GET /api/metrics de chaque processus (127.0.0.1:${portsProcessus[0]}…${portsProcessus.at(-1)})` +
    (prets ? '' : '\n  ATTENTION : tous les processus ne sont pas prêts (voir leur journal ci-dessus).') +
    '\n',
);

let sortie = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (sortie) return;
    sortie = arret = true;
    console.log(`Arrêt demandé (${signal}) : les processus finissent leurs requêtes…`);
    clearInterval(sondes);
    repartiteur.close();
    setTimeout(() => process.exit(1), 12_000).unref();
    const vivants = processus.filter((p) => p.enfant);
    let restants = vivants.length;
    if (restants === 0) process.exit(0);
    for (const p of vivants) {
      p.enfant!.once('exit', () => {
        if (--restants === 0) {
          repartiteur.closeAllConnections();
          agent.destroy();
          process.exit(0);
        }
      });
      p.enfant!.kill('SIGTERM');
    }
  });
}
