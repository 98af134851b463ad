// The gestionnaire DEC's platform settings: which activities are open per service for the académie.
import { SERVICE_CODES, SERVICES, type ServiceCode } from '../../domain/services.ts';
import { activitesDuService } from '../platform/activites.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { champInvalide, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';

export async function listerActivites(ctx: AppContext, actor: Actor) {
  const out = [];
  for (const service of SERVICE_CODES) {
    const activites = await activitesDuService(ctx.db, actor.academieCode, service);
    if (activites.length === 0) continue;
    out.push({
      service,
      libelleService: `${SERVICES[service].application} — ${SERVICES[service].libelle}`,
      activites: activites.map((a) => ({ code: a.code, libelle: a.libelle, groupe: a.groupe, ouverte: a.ouverte, fermable: a.fermable, motif: a.motif })),
    });
  }
  return out;
}

export async function changerOuverture(ctx: AppContext, actor: Actor, service: ServiceCode, code: string, ouverte: boolean, motif: string | undefined, ip: string) {
  const def = SERVICES[service].activites.find((a) => a.code === code);
  if (!def) throw introuvable(`L'activité « ${code} » n'existe pas dans le service ${SERVICES[service].libelle}.`);
  if (!def.fermable) throw champInvalide('ouverte', `L'activité « ${def.libelle} » est toujours ouverte : elle ne peut pas être fermée.`);
  await ctx.db.transaction().execute(async (trx) => {
    const avant = await trx
      .selectFrom('activite_ouverture')
      .select(['ouverte', 'motif'])
      .where('academie_code', '=', actor.academieCode)
      .where('service', '=', service)
      .where('activite', '=', code)
      .executeTakeFirst();
    const values = { ouverte, motif: motif?.trim() || null, modifie_le: ctx.clock.now(), modifie_par: actor.compteId };
    await trx
      .insertInto('activite_ouverture')
      .values({ academie_code: actor.academieCode, service, activite: code, ...values })
      .onConflict((oc) => oc.columns(['academie_code', 'service', 'activite']).doUpdateSet(values))
      .execute();
    await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip }, {
      action: ouverte ? 'activite.ouverture' : 'activite.fermeture',
      entite: 'activite',
      entiteId: `${service}/${code}`,
      avant: avant ?? { ouverte: def.ouverteParDefaut, parDefaut: true },
      apres: { ouverte, motif: values.motif },
    });
  });
}
