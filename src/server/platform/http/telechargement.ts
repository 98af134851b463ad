// Downloads: the Content-Disposition (the file name as users gave it, accents included, RFC 6266 /
// RFC 5987 filename*, with a plain ASCII fallback for old clients) and the reply of a generated file.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export function contentDisposition(nomFichier: string): string {
  const ascii = nomFichier
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encode = encodeURIComponent(nomFichier).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encode}`;
}

/**
 * Sends a generated file as a download. Generated files carry personal data (and some, passwords):
 * no shared cache keeps them, and the browser does not guess another type.
 */
export function envoyerFichier(reply: FastifyReply, f: { flux: Readable; fichier: string; typeMime: string }) {
  return reply
    .header('content-type', f.typeMime)
    .header('content-disposition', contentDisposition(f.fichier))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(f.flux);
}
