// Prometheus metrics of one server process (issue 18 §2, docs/decisions/0024): request durations per
// route pattern, treatment durations and failures per type, database pool usage, and the process's
// default metrics (CPU, memory, event loop, GC). One registry per platform (tests run several in one
// process); GET /api/metrics serves it to loopback clients or to a bearer of METRICS_TOKEN.
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from './db/database.ts';

/** Request durations: from a few milliseconds (a health probe) to the long exports. */
const SEAUX_REQUETES = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Treatments last from a second to several minutes (a plan de secours, a convocation campaign). */
const SEAUX_TRAITEMENTS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export type IssueTraitement = 'termine' | 'erreur' | 'reprise';

export class Metriques {
  readonly registre = new Registry();
  readonly #requetes: Histogram<'method' | 'route' | 'status_class'>;
  readonly #traitements: Histogram<'type' | 'issue'>;
  readonly #echecs: Counter<'type' | 'definitif'>;

  constructor(database: Pick<Database, 'kind' | 'pool'>, opts: { processus?: boolean } = {}) {
    const registers = [this.registre];
    if (opts.processus !== false) collectDefaultMetrics({ register: this.registre });
    this.#requetes = new Histogram({
      name: 'http_request_duration_seconds',
      help: "Durée des requêtes HTTP, par méthode, motif de route (jamais l'adresse brute) et classe de statut",
      labelNames: ['method', 'route', 'status_class'],
      buckets: SEAUX_REQUETES,
      registers,
    });
    this.#traitements = new Histogram({
      name: 'traitement_duree_secondes',
      help: "Durée d'une tentative de traitement, par type et issue (termine, erreur définitive, reprise à venir)",
      labelNames: ['type', 'issue'],
      buckets: SEAUX_TRAITEMENTS,
      registers,
    });
    this.#echecs = new Counter({
      name: 'traitement_echecs_total',
      help: 'Tentatives de traitement échouées, par type ; definitif="oui" quand le traitement finit en erreur',
      labelNames: ['type', 'definitif'],
      registers,
    });
    const pool = database.pool;
    new Gauge({
      name: 'db_pool_connexions',
      help:
        database.kind === 'postgres'
          ? 'Connexions du pool PostgreSQL du processus : total ouvertes, inactives, requêtes en attente d\'une connexion'
          : 'PGlite (base embarquée) : une seule connexion, toujours ouverte',
      labelNames: ['etat'],
      registers,
      collect() {
        if (pool) {
          this.set({ etat: 'total' }, pool.totalCount);
          this.set({ etat: 'inactives' }, pool.idleCount);
          this.set({ etat: 'en_attente' }, pool.waitingCount);
        } else {
          this.set({ etat: 'total' }, 1);
        }
      },
    });
    if (pool) {
      new Gauge({
        name: 'db_pool_max',
        help: 'Taille maximale du pool PostgreSQL du processus',
        registers,
        collect() {
          this.set(pool.options.max ?? 10);
        },
      });
    }
  }

  /** One answered request. `route` is the route's pattern (/api/traitements/:id), never its URL. */
  requete(method: string, route: string, status: number, secondes: number): void {
    this.#requetes.observe({ method, route, status_class: `${Math.floor(status / 100)}xx` }, secondes);
  }

  /** One try of a treatment, when it ends. */
  traitement(type: string, issue: IssueTraitement, secondes: number): void {
    this.#traitements.observe({ type, issue }, secondes);
    if (issue !== 'termine') this.#echecs.inc({ type, definitif: issue === 'erreur' ? 'oui' : 'non' });
  }

  async texte(): Promise<string> {
    return this.registre.metrics();
  }

  get typeContenu(): string {
    return this.registre.contentType;
  }
}

/** The route label of a request: its pattern under /api, « web » for the application's files, « inconnue » for a 404. */
export function motifRoute(url: string | undefined): string {
  if (!url) return 'inconnue';
  return url.startsWith('/api/') || url === '/api' ? url : 'web';
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Who may read /api/metrics. With METRICS_TOKEN, only a bearer of it (wherever it comes from). Without
 * it, only a client of this host talking to the process directly: its socket is loopback and no
 * X-Forwarded-For says it relays someone else (a reverse proxy on the same host must not open the
 * metrics to the Internet).
 */
export function accesMetriques(
  jeton: string | undefined,
  requete: { adresseSocket: string | undefined; autorisation: string | undefined; relayee: boolean },
): boolean {
  if (jeton) {
    const m = /^Bearer\s+(.+)$/i.exec(requete.autorisation ?? '');
    if (!m) return false;
    const a = Buffer.from(m[1]!.trim());
    const b = Buffer.from(jeton);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  return !requete.relayee && LOOPBACK.test(requete.adresseSocket ?? '');
}
