// « Applications externes » (administrateur, issue 15): the address of each application the
// intervenants' portals open (SANTORIN, CYCLADES, CYCLADES EPS, DELOS BNS, SANTORIN statistiques), for
// the administrator's académie, with « Vérifier » (does it answer now?). Every change carries the
// version it saw (409 naming who changed it and when) and is audited.
import { APPLICATIONS, controlerUrlApplication, LIBELLE_APPLICATION, ROLE_APPLICATION, type CodeApplication } from '../../domain/imagin/portails.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { champInvalide, conflit, interdit } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { verifierDisponibilite } from './disponibilite.ts';
import { cleJeton, jeuDeCles } from './jeton-passage.ts';
import * as repo from './portail.repo.ts';
import type { Trace } from './portail.service.ts';

function academieAdministree(actor: Actor): string {
  if (actor.role !== 'administrateur') throw interdit();
  return actor.academieCode;
}

const dateHeure = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(d));

export async function listerApplications(ctx: AppContext, actor: Actor) {
  const academieCode = academieAdministree(actor);
  const enregistrees = new Map((await repo.applications(ctx.db, academieCode)).map((a) => [a.application, a]));
  const cle = cleJeton(ctx.config.sessionSecret);
  return {
    applications: APPLICATIONS.map((code) => {
      const a = enregistrees.get(code);
      return {
        code,
        libelle: LIBELLE_APPLICATION[code],
        role: ROLE_APPLICATION[code],
        url: a?.url ?? '',
        version: a?.version ?? 0,
        modifieLe: a?.modifie_le ?? null,
        modifiePar: a?.modifie_par ?? null,
      };
    }),
    // What the applications need to verify the tokens (decision 0022).
    verification: { emetteur: ctx.config.publicUrl, cles: `${ctx.config.publicUrl}/api/jeton-passage/cles`, kid: cle.kid, jwk: jeuDeCles(cle).keys[0] },
  };
}

/** Records (or, with an empty address, removes) an application's address; `version`: the one seen (0: none). */
export async function modifierApplication(ctx: AppContext, actor: Actor, application: CodeApplication, b: { url: string; version: number }, trace: Trace) {
  const academieCode = academieAdministree(actor);
  const url = b.url.trim();
  if (url) {
    const refus = controlerUrlApplication(url);
    if (refus) throw champInvalide('url', refus);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const avant = await trx
      .selectFrom('application_externe as a')
      .leftJoin('compte as c', 'c.id', 'a.modifie_par')
      .select(['a.url', 'a.version', 'a.modifie_le', 'c.login'])
      .where('a.academie_code', '=', academieCode)
      .where('a.application', '=', application)
      .forUpdate('a')
      .executeTakeFirst();
    if ((avant?.version ?? 0) !== b.version) {
      throw conflit(
        avant
          ? `L'adresse de ${LIBELLE_APPLICATION[application]} a été modifiée par ${avant.login ?? 'un autre administrateur'} le ${dateHeure(avant.modifie_le)} (${avant.url}) depuis votre lecture : rechargez la page puis refaites votre modification.`
          : `L'adresse de ${LIBELLE_APPLICATION[application]} a été supprimée depuis votre lecture : rechargez la page puis refaites votre modification.`,
      );
    }
    if (url) await repo.enregistrerApplication(trx, { academieCode, application, url, compteId: actor.compteId, le: ctx.clock.now() });
    else await repo.supprimerApplication(trx, academieCode, application);
    await audit(trx, { academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null }, {
      action: url ? 'application-externe.modification' : 'application-externe.suppression',
      entite: 'application_externe',
      entiteId: application,
      avant: avant ? { url: avant.url } : null,
      apres: url ? { url } : null,
    });
  });
  return listerApplications(ctx, actor);
}

/** « Vérifier »: asks the application now (not from the cache), and refreshes the cache. */
export async function verifierApplication(ctx: AppContext, actor: Actor, application: CodeApplication, b: { url?: string }) {
  const academieCode = academieAdministree(actor);
  const url = (b.url ?? '').trim() || (await repo.application(ctx.db, academieCode, application))?.url;
  if (!url) throw champInvalide('url', `Adresse : renseignez l'adresse de ${LIBELLE_APPLICATION[application]} avant de la vérifier.`);
  const refus = controlerUrlApplication(url);
  if (refus) throw champInvalide('url', refus);
  const d = await verifierDisponibilite(url, { forcer: true });
  return { application, url, disponible: d.disponible, message: `${LIBELLE_APPLICATION[application]} (${url}) : ${d.detail}` };
}
