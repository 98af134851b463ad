import { z } from 'zod';
import { SERVICE_CODES, type ServiceCode } from '../../domain/services.ts';
import { attribuerMotDePasseTemporaire, rechercherComptes, renseignerEmailParGestionnaire } from '../identite/identite.service.ts';
import { emailSchema } from '../identite/identite.schemas.ts';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { changerOuverture, listerActivites } from './gestion.service.ts';

const idParams = z.object({ id: z.coerce.number({ error: "L'identifiant du compte doit être un nombre." }).int().positive("L'identifiant du compte doit être un nombre positif.") });

export function gestionRoutes(app: App, ctx: AppContext) {
  app.get('/api/gestion/activites', { config: { action: 'activites.lire' }, schema: { tags: ['gestion'], summary: 'Activités de chaque service et leur ouverture' } }, async (request) =>
    listerActivites(ctx, request.actor!),
  );

  app.put(
    '/api/gestion/activites/:service/:code',
    {
      config: { action: 'activites.gerer' },
      schema: {
        tags: ['gestion'],
        summary: "Ouvrir ou fermer une activité pour l'académie",
        params: z.object({ service: z.enum(SERVICE_CODES as [string, ...string[]], { error: 'Service inconnu.' }), code: z.string().min(1).max(80) }),
        body: z.object({ ouverte: z.boolean({ error: 'Indiquez si l’activité est ouverte (true) ou fermée (false).' }), motif: z.string().max(300, 'Le motif est trop long (300 caractères au plus).').optional() }),
      },
    },
    async (request) => {
      await changerOuverture(ctx, request.actor!, request.params.service as ServiceCode, request.params.code, request.body.ouverte, request.body.motif, request.ip);
      return { message: request.body.ouverte ? 'Activité ouverte.' : 'Activité fermée.' };
    },
  );

  app.get(
    '/api/gestion/comptes',
    { config: { action: 'comptes.gerer' }, schema: { tags: ['gestion'], summary: 'Rechercher les comptes des intervenants', querystring: z.object({ q: z.string().max(100).default('') }) } },
    async (request) => {
      const rows = await rechercherComptes(ctx, request.actor!, request.query.q);
      return rows.map((r) => ({ id: r.id, login: r.login, email: r.email, motDePasseTemporaire: r.mot_de_passe_temporaire, derniereConnexion: r.derniere_connexion, nom: r.nom, prenom: r.prenom }));
    },
  );

  app.post('/api/gestion/comptes/:id/mot-de-passe-temporaire', { config: { action: 'comptes.gerer' }, schema: { tags: ['gestion'], params: idParams } }, async (request) => {
    const motDePasse = await attribuerMotDePasseTemporaire(ctx, request.actor!, request.params.id, request.ip);
    return { motDePasse, message: "Mot de passe temporaire attribué. Communiquez-le à l'intervenant : il devra le modifier à sa prochaine connexion." };
  });

  app.put('/api/gestion/comptes/:id/email', { config: { action: 'comptes.gerer' }, schema: { tags: ['gestion'], params: idParams, body: emailSchema } }, async (request) => {
    await renseignerEmailParGestionnaire(ctx, request.actor!, request.params.id, request.body.email, request.ip);
    return { message: "Adresse enregistrée. Un courriel a été envoyé à l'intervenant pour qu'il réinitialise lui-même son mot de passe." };
  });
}
