// Security headers sent with every response (issue 13 §6; decision 0012). The web app is one built
// bundle served from this origin: no inline script, no third-party origin, never framed.
import type { Config } from '../config.ts';

/**
 * The Content-Security-Policy of the platform. Scripts come only from the origin (Vite's build emits
 * no inline script). Styles may be inline: react-dsfr writes a <style> element for the colour scheme
 * and React sets style attributes; DSFR's icons are data: SVG images.
 */
export const POLITIQUE_CONTENU = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year: browsers then refuse plain http for this host. */
export const DUREE_HSTS_SECONDES = 365 * 24 * 3600;

export function enTetesSecurite(config: Pick<Config, 'publicUrl'>): Record<string, string> {
  const entetes: Record<string, string> = {
    'content-security-policy': POLITIQUE_CONTENU,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    // For browsers older than frame-ancestors.
    'x-frame-options': 'DENY',
  };
  if (config.publicUrl.startsWith('https:')) entetes['strict-transport-security'] = `max-age=${DUREE_HSTS_SECONDES}`;
  return entetes;
}
