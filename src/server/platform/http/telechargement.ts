// The Content-Disposition of a download: the file name as users gave it (accents included, RFC 6266 /
// RFC 5987 filename*), with a plain ASCII fallback for old clients.
export function contentDisposition(nomFichier: string): string {
  const ascii = nomFichier
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encode = encodeURIComponent(nomFichier).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encode}`;
}
