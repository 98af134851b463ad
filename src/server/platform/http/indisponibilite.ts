// A database that does not answer (restart, failover, network) is an outage, not a bug: the request
// gets a quick 503 in French that says to retry, never « Erreur technique » nor a driver message.
const CODES_RESEAU = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
// PostgreSQL SQLSTATE: 08xxx connection exceptions, 57P01–57P03 shutdown / cannot connect now, 53300 too many connections.
const SQLSTATE = /^(08\d{3}|57P0[123]|53300)$/;
const MESSAGES = [/Connection terminated/i, /connection (is )?closed/i, /Client has encountered a connection error/i, /timeout exceeded when trying to connect/i, /the database system is (starting up|shutting down)/i];

export const MESSAGE_INDISPONIBLE =
  'Le service est momentanément indisponible (base de données injoignable). Réessayez dans quelques minutes ; vos saisies ne sont pas perdues si vous gardez la page ouverte.';

export function estIndisponibilite(err: unknown, profondeur = 0): boolean {
  if (!err || typeof err !== 'object' || profondeur > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CODES_RESEAU.has(e.code) || SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => estIndisponibilite(x, profondeur + 1))) return true;
  return estIndisponibilite(e.cause, profondeur + 1);
}
