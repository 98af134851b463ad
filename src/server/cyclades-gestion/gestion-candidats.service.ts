// « Gestion des candidats en établissement » (gestionnaire DEC, issue 6, seed 002 §1.1 prerequisite):
// the académie's établissements with their « service de gestion des candidats en établissement » and
// their candidatures of the current sessions; the gestionnaire positions the service for one or
// several établissements, or removes it (each change audited). His académie only: an établissement of
// another académie answers 404.
import { anneeSessionCourante } from '../../domain/cyclades/comptes.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { academieGeree, contexteAudit, type Trace } from '../imagin-gestion/commun.ts';

export const ETABLISSEMENT_INTROUVABLE = "Un établissement de la sélection n'existe pas ou n'appartient pas à votre académie.";
/** Names listed in a message before « et N autres ». */
const NOMS_MAX = 5;

export async function listerEtablissements(ctx: AppContext, actor: Actor) {
  const ac = academieGeree(actor);
  const annee = anneeSessionCourante(ctx.clock.now());
  const rows = await ctx.db
    .selectFrom('etablissement as e')
    .select((eb) => [
      'e.id',
      'e.uai',
      'e.type',
      'e.nom',
      'e.commune',
      'e.service_gestion_candidats',
      eb
        .selectFrom('candidature as c')
        .innerJoin('session_examen as se', 'se.id', 'c.session_examen_id')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('c.etablissement_id', '=', 'e.id')
        .where('se.annee', '>=', annee)
        .as('candidatures'),
    ])
    .where('e.academie_code', '=', ac)
    .where('e.actif', '=', true)
    .orderBy('e.nom')
    .orderBy('e.uai')
    .execute();
  const lignes = rows.map((r) => ({
    id: r.id,
    uai: r.uai,
    type: r.type,
    nom: r.nom,
    commune: r.commune,
    serviceGestionCandidats: r.service_gestion_candidats,
    nbCandidatures: Number(r.candidatures ?? 0),
  }));
  return {
    anneeSession: annee,
    total: lignes.length,
    avecService: lignes.filter((l) => l.serviceGestionCandidats).length,
    types: [...new Set(lignes.map((l) => l.type))].sort(),
    lignes,
  };
}

function enumeration(noms: string[]): string {
  const vus = noms.slice(0, NOMS_MAX).join(', ');
  return noms.length > NOMS_MAX ? `${vus} et ${noms.length - NOMS_MAX} autre(s)` : vus;
}

type EtabLu = { uai: string; type: string; nom: string };
const nomEtab = (e: EtabLu) => `${e.type} ${e.nom} (${e.uai})`;

function messageChangement(l: EtabLu[], service: boolean): string {
  const un = l.length === 1;
  const qui = un ? nomEtab(l[0]!) : `${l.length} établissements (${enumeration(l.map(nomEtab))})`;
  const sujet = un ? 'cet établissement' : 'ces établissements';
  const verbe = service ? (un ? 'peut désormais' : 'peuvent désormais') : un ? 'ne peut plus' : 'ne peuvent plus';
  const suite = service ? '' : ' ; les comptes déjà créés restent valables';
  return `Service de gestion des candidats ${service ? 'positionné' : 'retiré'} pour ${qui} : ${sujet} ${verbe} générer les comptes CYCLADES de ${un ? 'ses' : 'leurs'} élèves${suite}.`;
}

function messageInchanges(l: EtabLu[], service: boolean): string {
  if (l.length === 1) return `${nomEtab(l[0]!)} ${service ? 'en disposait déjà' : "n'en disposait pas"}.`;
  return `${l.length} établissements ${service ? 'en disposaient déjà' : "n'en disposaient pas"} (${enumeration(l.map(nomEtab))}).`;
}

/** Positions (service = true) or removes the service for these établissements of the académie. */
export async function positionnerService(ctx: AppContext, actor: Actor, demande: { etablissementIds: number[]; service: boolean }, trace: Trace) {
  const ac = academieGeree(actor);
  const ids = [...new Set(demande.etablissementIds)];
  return ctx.db.transaction().execute(async (trx) => {
    const etabs = await trx
      .selectFrom('etablissement')
      .select(['id', 'uai', 'type', 'nom', 'commune', 'service_gestion_candidats'])
      .where('id', 'in', ids)
      .where('academie_code', '=', ac)
      .orderBy('nom')
      .forUpdate()
      .execute();
    if (etabs.length !== ids.length) throw introuvable(ETABLISSEMENT_INTROUVABLE);
    const aChanger = etabs.filter((e) => e.service_gestion_candidats !== demande.service);
    if (aChanger.length) {
      await trx.updateTable('etablissement').set({ service_gestion_candidats: demande.service }).where('id', 'in', aChanger.map((e) => e.id)).execute();
      for (const e of aChanger) {
        await audit(trx, contexteAudit(actor, trace), {
          action: demande.service ? 'etablissement.service-candidats-positionne' : 'etablissement.service-candidats-retire',
          entite: 'etablissement',
          entiteId: e.id,
          avant: { uai: e.uai, serviceGestionCandidats: e.service_gestion_candidats },
          apres: { uai: e.uai, serviceGestionCandidats: demande.service },
        });
      }
    }
    const inchanges = etabs.filter((e) => e.service_gestion_candidats === demande.service);
    const parties: string[] = [];
    if (aChanger.length) parties.push(messageChangement(aChanger, demande.service));
    if (inchanges.length) parties.push(messageInchanges(inchanges, demande.service));
    return { modifies: aChanger.length, message: parties.join(' ') };
  });
}
