// The administrator's activities (message d'accueil, boîte d'envoi) and the audit log reader.
import { z } from 'zod';
import { SERVICE_CODES, SERVICES, type ServiceCode } from '../../domain/services.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { introuvable } from '../platform/errors.ts';
import type { App } from '../platform/http/app.ts';
import { composerEml } from '../platform/mail/mail.ts';

const uuid = z.object({ id: z.uuid({ error: "L'identifiant du message est incorrect." }) });

export function adminRoutes(app: App, ctx: AppContext) {
  app.get('/api/admin/message-accueil', { config: { action: 'message-accueil.modifier' }, schema: { tags: ['administration'] } }, async (request) => {
    const rows = await ctx.db.selectFrom('message_accueil').select(['service', 'texte']).where('academie_code', '=', request.actor!.academieCode).execute();
    const byService = new Map(rows.map((r) => [r.service, r.texte]));
    return SERVICE_CODES.map((s) => ({ service: s, libelleService: `${SERVICES[s].application} — ${SERVICES[s].libelle}`, texte: byService.get(s) ?? '' }));
  });

  app.put(
    '/api/admin/message-accueil/:service',
    {
      config: { action: 'message-accueil.modifier' },
      schema: {
        tags: ['administration'],
        params: z.object({ service: z.enum(SERVICE_CODES as [string, ...string[]], { error: 'Service inconnu.' }) }),
        body: z.object({ texte: z.string().max(4000, "Le message d'accueil est trop long (4 000 caractères au plus).") }),
      },
    },
    async (request) => {
      const actor = request.actor!;
      const service = request.params.service as ServiceCode;
      const texte = request.body.texte.trim();
      await ctx.db.transaction().execute(async (trx) => {
        const avant = await trx.selectFrom('message_accueil').select('texte').where('academie_code', '=', actor.academieCode).where('service', '=', service).executeTakeFirst();
        if (texte) {
          await trx
            .insertInto('message_accueil')
            .values({ academie_code: actor.academieCode, service, texte, modifie_le: ctx.clock.now() })
            .onConflict((oc) => oc.columns(['academie_code', 'service']).doUpdateSet({ texte, modifie_le: ctx.clock.now() }))
            .execute();
        } else {
          await trx.deleteFrom('message_accueil').where('academie_code', '=', actor.academieCode).where('service', '=', service).execute();
        }
        await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: request.ip }, { action: 'message_accueil.modification', entite: 'message_accueil', entiteId: service, avant: avant ?? null, apres: { texte } });
      });
      return { message: "Message d'accueil enregistré." };
    },
  );

  app.get('/api/admin/boite-envoi', { config: { action: 'boite-envoi.lire' }, schema: { tags: ['administration'], summary: "Messages émis par la plateforme pour l'académie" } }, async (request) => {
    const rows = await ctx.db
      .selectFrom('mail')
      .select(['id', 'cree_le', 'destinataires', 'copies', 'objet', 'statut', 'envoye_le', 'tentatives', 'erreur'])
      .where('academie_code', '=', request.actor!.academieCode)
      .orderBy('cree_le', 'desc')
      .limit(5000)
      .execute();
    return rows.map((r) => ({ id: r.id, creeLe: r.cree_le, destinataires: r.destinataires, copies: r.copies, objet: r.objet, statut: r.statut, envoyeLe: r.envoye_le, tentatives: r.tentatives, erreur: r.erreur }));
  });

  async function mailDeLAcademie(academieCode: string, id: string) {
    const mail = await ctx.db.selectFrom('mail').selectAll().where('id', '=', id).where('academie_code', '=', academieCode).executeTakeFirst();
    if (!mail) throw introuvable("Ce message n'existe pas ou n'appartient pas à votre académie.");
    return mail;
  }

  app.get('/api/admin/boite-envoi/:id', { config: { action: 'boite-envoi.lire' }, schema: { tags: ['administration'], params: uuid } }, async (request) => {
    const m = await mailDeLAcademie(request.actor!.academieCode, request.params.id);
    return { id: m.id, creeLe: m.cree_le, destinataires: m.destinataires, copies: m.copies, objet: m.objet, statut: m.statut, envoyeLe: m.envoye_le, tentatives: m.tentatives, erreur: m.erreur, texte: m.texte, piecesJointes: m.pieces_jointes };
  });

  app.get('/api/admin/boite-envoi/:id/eml', { config: { action: 'boite-envoi.lire' }, schema: { tags: ['administration'], params: uuid } }, async (request, reply) => {
    const m = await mailDeLAcademie(request.actor!.academieCode, request.params.id);
    const eml = await composerEml(ctx, m);
    return reply
      .type('message/rfc822')
      .header('content-disposition', `attachment; filename="message-${m.id}.eml"`)
      .send(eml);
  });

  app.get(
    '/api/audit',
    {
      config: { action: 'audit.lire' },
      schema: {
        tags: ['administration'],
        summary: "Journal d'audit de l'académie (et, pour l'administrateur national, les entrées d'aucune académie)",
        querystring: z.object({
          entite: z.string().max(80).optional(),
          entiteId: z.string().max(80).optional(),
          action: z.string().max(80).optional(),
          limite: z.coerce.number().int().min(1).max(5000).default(1000),
        }),
      },
    },
    async (request) => {
      const actor = request.actor!;
      // The national administrator (role_attribution.national, migration 010) also reads what belongs to
      // no académie: failed logins on an unknown identifiant, an address's blocks (issue 13 §5).
      const national =
        actor.role === 'administrateur' &&
        (await ctx.db.selectFrom('role_attribution').select('national').where('id', '=', actor.roleAttributionId).executeTakeFirst())?.national === true;
      let q = ctx.db
        .selectFrom('audit_log')
        .select(['id', 'le', 'academie_code', 'acteur', 'action', 'entite', 'entite_id', 'avant', 'apres', 'ip'])
        .where((eb) => (national ? eb.or([eb('academie_code', '=', actor.academieCode), eb('academie_code', 'is', null)]) : eb('academie_code', '=', actor.academieCode)))
        .orderBy('id', 'desc')
        .limit(request.query.limite);
      if (request.query.entite) q = q.where('entite', '=', request.query.entite);
      if (request.query.entiteId) q = q.where('entite_id', '=', request.query.entiteId);
      if (request.query.action) q = q.where('action', '=', request.query.action);
      const rows = await q.execute();
      return rows.map((r) => ({ id: r.id, le: r.le, academie: r.academie_code, acteur: r.acteur, action: r.action, entite: r.entite, entiteId: r.entite_id, avant: r.avant, apres: r.apres, ip: r.ip }));
    },
  );
}
