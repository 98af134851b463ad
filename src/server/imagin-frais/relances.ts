// Reminders (issue 16 §9, décision 0033): every night, the intervenants whose missions are over and whose
// états de frais are still « non validé » get one mail per académie listing those missions — at most
// once per the académie's interval (frais_parametres.relance_intervalle_jours, 7 days by default). The
// reminder is claimed in frais_relance and the mail queued in the same transaction, with an idempotency
// key of the night: a second run the same night (a retried job, two processes) mails nobody again.
import { texteRelance } from '../../domain/imagin/frais/liquidation.ts';
import type { AppContext } from '../platform/context.ts';
import type { JobDef } from '../platform/jobs/jobs.ts';
import { envoyerMail } from '../platform/mail/mail.ts';
import * as repo from './relances.repo.ts';

export const JOB_RELANCES_FRAIS = 'frais.relances';
/** 02:45, Paris time: after the day's validations, before the morning. */
export const CRON_RELANCES_FRAIS = '45 2 * * *';

const JOUR_PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export interface BilanRelances {
  jour: string;
  relances: number;
  dejaRelances: number;
  sansAdresse: number;
}

export async function envoyerRelances(ctx: AppContext): Promise<BilanRelances> {
  const maintenant = ctx.clock.now();
  const jour = JOUR_PARIS.format(maintenant);
  const personnes = await repo.personnesARelancer(ctx.db, jour);
  const bilan: BilanRelances = { jour, relances: 0, dejaRelances: 0, sansAdresse: 0 };
  for (const p of personnes) {
    if (!p.email) {
      bilan.sansAdresse++;
      continue;
    }
    const envoye = await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.reserverRelance(trx, { personneId: p.personne_id, academieCode: p.academie_code, le: maintenant, aujourdhui: jour, intervalle: p.intervalle }))) return false;
      const { objet, texte } = texteRelance({ prenom: p.prenom, nom: p.nom, academie: p.academie, missions: p.missions, lien: `${ctx.config.publicUrl}/imagin-intervenant/etats-frais` });
      await envoyerMail(ctx, trx, { academieCode: p.academie_code, a: [p.email!], objet, texte, cleIdempotence: `frais-relance:${p.personne_id}:${p.academie_code}:${jour}` });
      return true;
    });
    if (envoye) bilan.relances++;
    else bilan.dejaRelances++;
  }
  return bilan;
}

export function relancesJob(ctx: AppContext): JobDef<Record<string, never>> {
  return {
    name: JOB_RELANCES_FRAIS,
    cron: CRON_RELANCES_FRAIS,
    retryLimit: 2,
    handler: async () => {
      const b = await envoyerRelances(ctx);
      if (b.relances || b.sansAdresse) ctx.logger.info({ ...b }, 'Relances des états de frais non validés envoyées');
    },
  };
}
