// The users' guide (docs/guide/<service>.md) and the tutorial (docs/guide/tutoriel.md), served to
// the web app as Markdown, which it renders itself (src/web/markdown). Public: the guide helps before
// login too.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { SERVICE_CODES } from '../../domain/services.ts';
import type { AppContext } from '../platform/context.ts';
import { introuvable } from '../platform/errors.ts';
import type { App } from '../platform/http/app.ts';

export const DOSSIER_GUIDE = resolve(import.meta.dirname, '../../../docs/guide');
export const DOCUMENTS_GUIDE: readonly string[] = [...SERVICE_CODES, 'tutoriel'];

export function guideRoutes(app: App, _ctx: AppContext) {
  app.get(
    '/api/guide/:document',
    {
      config: { public: true },
      schema: {
        tags: ['guide'],
        summary: 'Guide utilisateur d’un service (Markdown)',
        params: z.object({ document: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Document du guide inconnu.') }),
      },
    },
    async (request, reply) => {
      const { document } = request.params;
      if (!DOCUMENTS_GUIDE.includes(document)) throw introuvable(`Aucun guide « ${document} ».`);
      let markdown: string;
      try {
        markdown = await readFile(resolve(DOSSIER_GUIDE, `${document}.md`), 'utf8');
      } catch {
        throw introuvable(`Le guide « ${document} » n’est pas encore rédigé.`);
      }
      const titre = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? 'Guide utilisateur';
      reply.header('cache-control', 'public, max-age=300');
      return { document, titre, markdown };
    },
  );
}
