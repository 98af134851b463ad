// Is an external application up? Asked by the server before it hands an intervenant off (seed 004
// §2.6: « Vous êtes averti par un message d'erreur dans la console si l'application n'est pas
// disponible »): a GET of its address with a short time-out; any answer under 500 (a login page, a
// redirect, even a 404 of the bare address) means the server is there. The result is kept briefly per
// address, IN THIS PROCESS'S MEMORY (each process of a deployment asks on its own, at most once per
// address every DUREE_CACHE_MS): a busy portal does not probe the target at each click. Decision 0022.

export const DELAI_MS = 2000;
export const DUREE_CACHE_MS = 30_000;

export interface Disponibilite {
  disponible: boolean;
  /** What the administrator reads after « Vérifier » (never shown to intervenants). */
  detail: string;
  verifieLe: Date;
}

const cache = new Map<string, { resultat: Disponibilite; jusqua: number }>();

/** The address as probed: without the query, so a probe never carries anything but the address. */
export async function verifierDisponibilite(url: string, opts: { forcer?: boolean; delaiMs?: number } = {}): Promise<Disponibilite> {
  const maintenant = Date.now();
  const enCache = cache.get(url);
  if (!opts.forcer && enCache && enCache.jusqua > maintenant) return enCache.resultat;
  const resultat = await sonder(url, opts.delaiMs ?? DELAI_MS);
  cache.set(url, { resultat, jusqua: Date.now() + DUREE_CACHE_MS });
  if (cache.size > 1000) for (const [k, v] of cache) if (v.jusqua <= maintenant) cache.delete(k);
  return resultat;
}

async function sonder(url: string, delaiMs: number): Promise<Disponibilite> {
  const debut = Date.now();
  try {
    const res = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(delaiMs), headers: { accept: 'text/html', 'user-agent': 'IMAGIN-CYCLADES-verification' } });
    await res.body?.cancel().catch(() => {});
    const ms = Date.now() - debut;
    if (res.status >= 500) return { disponible: false, detail: `L'application répond en erreur (code HTTP ${res.status}, en ${ms} ms).`, verifieLe: new Date() };
    return { disponible: true, detail: `L'application répond (code HTTP ${res.status}, en ${ms} ms).`, verifieLe: new Date() };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const detail =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `L'application n'a pas répondu en ${delaiMs / 1000} secondes.`
        : e.cause?.code === 'ENOTFOUND' || e.cause?.code === 'EAI_AGAIN'
          ? "Le nom du serveur de l'application est inconnu (DNS)."
          : e.cause?.code === 'ECONNREFUSED'
            ? "Le serveur de l'application refuse la connexion."
            : "L'application est injoignable (connexion impossible).";
    return { disponible: false, detail, verifieLe: new Date() };
  }
}

/** For tests: forget what was learnt. */
export function oublierDisponibilites(): void {
  cache.clear();
}
