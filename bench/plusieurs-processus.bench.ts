// Several processes (issue 18 §1): `npm run cluster -- 2` on a fresh PostgreSQL database (BENCH_DATABASE_URL's
// server, else postgres://postgres@127.0.0.1:5432), then, bounded (5 s per measure, 32 connections, loopback):
// one process reached directly vs two behind the balancer, for /api/health and for a logged-in read
// (/api/auth/session: a session read per request); the time to start the cluster (migrations, demo data),
// to put a killed process back in rotation, and to stop everything on SIGTERM. The load generator
// runs on the same 2 cores as the servers: the figures are what this machine gives, not a ceiling.
// Prints one JSON line (bench/run.ts).
import http from 'node:http';
import { Client, demarrerGrappe } from '../resilience/support/grappe.ts';

if (!process.env.TEST_DATABASE_URL && process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const CONNEXIONS = 32;
const DUREE_MS = 5000;

async function charge(url: string, headers: Record<string, string> = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNEXIONS });
  const durees: number[] = [];
  let erreurs = 0;
  const fin = Date.now() + DUREE_MS;
  const u = new URL(url);
  const une = () =>
    new Promise<void>((ok) => {
      const t0 = performance.now();
      const req = http.get({ host: u.hostname, port: u.port, path: u.pathname, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) durees.push(performance.now() - t0);
          else erreurs++;
          ok();
        });
      });
      req.on('error', () => {
        erreurs++;
        ok();
      });
    });
  const debut = performance.now();
  await Promise.all(Array.from({ length: CONNEXIONS }, async () => {
    while (Date.now() < fin) await une();
  }));
  const secondes = (performance.now() - debut) / 1000;
  agent.destroy();
  durees.sort((a, b) => a - b);
  const q = (p: number) => Math.round(durees[Math.min(durees.length - 1, Math.floor(p * durees.length))]! * 10) / 10;
  return { requetesParSeconde: Math.round(durees.length / secondes), p50Ms: q(0.5), p95Ms: q(0.95), p99Ms: q(0.99), erreurs };
}

const t0 = performance.now();
const g = await demarrerGrappe(2, { LOG_LEVEL: 'warn' });
const demarrageSecondes = Math.round((performance.now() - t0) / 100) / 10;
try {
  const [A] = g.processus;
  const c = new Client('192.0.2.50');
  await c.connecter(A!.url, 'imagin-admin', 'admin.rennes', 'Demo-Academie-2026!');
  const cookie = { cookie: c.cookie! };
  // Warm-up (JIT, pools).
  await charge(g.repartiteur + '/api/health');
  const sante1 = await charge(A!.url + '/api/health');
  const sante2 = await charge(g.repartiteur + '/api/health');
  const session1 = await charge(A!.url + '/api/auth/session', cookie);
  const session2 = await charge(g.repartiteur + '/api/auth/session', cookie);

  // kill -9 of one process: until it answers its readiness probe again (restarted by the cluster).
  const k0 = performance.now();
  process.kill(A!.pid, 'SIGKILL');
  for (;;) {
    const ok = await fetch(A!.url + '/api/ready').then((r) => r.status === 200).catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const repriseSecondes = Math.round((performance.now() - k0) / 100) / 10;
  const s0 = performance.now();
  await g.arreter();
  const arretSecondes = Math.round((performance.now() - s0) / 100) / 10;
  console.log(
    JSON.stringify({
      name: 'plusieurs-processus',
      date: new Date().toISOString(),
      machine: { coeurs: (await import('node:os')).cpus().length },
      conditions: `${CONNEXIONS} connexions, ${DUREE_MS / 1000} s par mesure, boucle locale, générateur de charge sur la même machine`,
      demarrageGrappeSecondes: demarrageSecondes,
      sante: { unProcessusDirect: sante1, deuxProcessusRepartiteur: sante2 },
      lectureSession: { unProcessusDirect: session1, deuxProcessusRepartiteur: session2 },
      retourEnRotationApresKill9Secondes: repriseSecondes,
      arretSigtermSecondes: arretSecondes,
    }),
  );
} finally {
  await g.fermer();
}
