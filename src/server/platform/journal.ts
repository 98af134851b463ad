// The logger services receive (ctx.logger): during a request, the request's own logger (a pino child
// carrying reqId, so that every line of the request names it); elsewhere (treatments, nightly jobs),
// the process's logger. Services keep calling ctx.logger without knowing whether a request runs.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from './context.ts';

const requeteCourante = new AsyncLocalStorage<Logger>();

/** Runs `suite` (the rest of the request's hooks and its handler) with `log` as the logger of the request. */
export function dansLaRequete(log: Logger, suite: () => void): void {
  requeteCourante.run(log, suite);
}

/** A logger that writes through the current request's logger when there is one, else through `base()`. */
export function journalContextuel(base: () => Logger): Logger {
  const cible = () => requeteCourante.getStore() ?? base();
  return {
    info: (o, m) => (m === undefined ? cible().info(o) : cible().info(o, m)),
    warn: (o, m) => (m === undefined ? cible().warn(o) : cible().warn(o, m)),
    error: (o, m) => (m === undefined ? cible().error(o) : cible().error(o, m)),
  };
}
