// Enquête DCS (seed 004 §2.9, decision 0023). The intervenant (a DCS teacher, in the SIEC's IMAG'IN:
// checked by the HTTP layer from the activity's condition) answers six steps, each checked by the
// domain rules and saved on its own with the version his page read (stale → 409), then « Valider mes
// réponses »; only ever his own answers (actor.personneId). The gestionnaire opens and closes the
// survey — the intervenant activity's opening for the académie, the same switch as « Ouverture des
// activités » — follows who answered and validated, reads one person's answers and exports them all.
import { Readable } from 'node:stream';
import {
  anneeCampagne,
  anneeCivile,
  controlerEtape,
  ETAPES,
  LIBELLE_ETAPE,
  LIBELLE_SITUATION,
  resumeEtape,
  type Etape,
  type ReponseActivite,
  type ReponsesEtapes,
} from '../../domain/imagin/enquete-dcs.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import { dateHeureFr, type Colonne } from '../platform/documents/tableau.ts';
import { AppError, champInvalide, conflit, interdit, introuvable, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import * as repo from './enquete-dcs.repo.ts';
import type { DemandeOuverture } from './enquete-dcs.schemas.ts';

export interface Trace {
  ip: string;
  requestId: string;
}

const auditCtx = (actor: Actor, t: Trace) => ({ academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: t.ip, requestId: t.requestId });

export const ENQUETE_FERMEE = "L'enquête DCS est fermée : vos réponses ne peuvent plus être modifiées. Le service de gestion de la division des examens et concours l'ouvre à chaque campagne.";

function personne(actor: Actor): number {
  if (actor.personneId === null) throw interdit("Cette activité est réservée aux intervenants.");
  return actor.personneId;
}

/** The saved answer of each step (null: not saved yet). */
function etapesDe(r: repo.LigneReponse | Partial<repo.LigneReponse> | undefined): { [E in Etape]: ReponsesEtapes[E] | null } {
  const lire = (e: Etape) => ((r?.[repo.COLONNE_ETAPE[e]] as never) ?? null);
  return {
    activite: lire('activite'),
    etablissements: lire('etablissements'),
    enseignements: lire('enseignements'),
    vae: lire('vae'),
    'epreuves-ecrites': lire('epreuves-ecrites'),
    'epreuves-orales': lire('epreuves-orales'),
  };
}

const enregistrees = (etapes: Record<Etape, unknown>) => ETAPES.filter((e) => etapes[e] !== null);

// ---------------------------------------------------------------------------------------------
// Intervenant

/** His answers of the current campaign (the steps not saved yet: null; step 2 proposes his établissements). */
export async function lireMesReponses(ctx: AppContext, actor: Actor) {
  const personneId = personne(actor);
  const c = await repo.campagne(ctx.db, actor.academieCode);
  const r = c ? await repo.reponse(ctx.db, c.id, personneId) : undefined;
  const etapes = etapesDe(r);
  const etabs = await repo.etablissementsPersonne(ctx.db, personneId);
  return {
    annee: c?.annee ?? anneeCampagne(ctx.clock.now()),
    version: r?.version ?? 0,
    etapes,
    enregistrees: enregistrees(etapes),
    modifieLe: r && r.version > 0 ? r.modifie_le : null,
    valideLe: r?.valide_le ?? null,
    /** Step 2's proposal while it was never saved: the établissements of the personnel data. */
    etablissementsConnus: etabs.map((e) => ({ uai: e.uai, libelle: `${e.type} ${e.nom} ${e.commune}`.trim(), principal: e.principal })),
  };
}

/** The campaign being answered, created (the coming session's) when the survey was opened without one. */
async function campagneOuverte(trx: repo.ExecuteurEnquete, actor: Actor, le: Date) {
  const o = await repo.ouvertureActivite(trx, actor.academieCode);
  if (!o?.ouverte) throw new AppError('ACTIVITE_FERMEE', ENQUETE_FERMEE);
  let c = await repo.campagne(trx, actor.academieCode);
  if (!c) {
    await repo.creerCampagne(trx, actor.academieCode, anneeCampagne(le), le);
    c = (await repo.campagne(trx, actor.academieCode))!;
  }
  return c;
}

function verifierVersion(r: repo.LigneReponse, vue: number) {
  if (r.version === vue) return;
  const quoi = r.derniere_etape && r.derniere_etape in LIBELLE_ETAPE ? `l'étape « ${LIBELLE_ETAPE[r.derniere_etape as Etape]} »` : 'vos réponses';
  const quand = r.valide_le && r.valide_le >= r.modifie_le ? `validées le ${dateHeureFr(r.valide_le)}` : `${quoi} a été enregistrée le ${dateHeureFr(r.modifie_le)}`;
  throw conflit(
    `Vos réponses ont changé depuis l'affichage de cette page (${quand}, depuis une autre fenêtre ou un autre appareil). Rechargez la page pour voir vos réponses enregistrées avant de les modifier.`,
  );
}

export async function enregistrerMonEtape(ctx: AppContext, actor: Actor, etape: Etape, demande: { version: number; reponse: unknown }, t: Trace) {
  const personneId = personne(actor);
  const le = ctx.clock.now();
  const controle = controlerEtape(etape, demande.reponse, anneeCivile(le));
  if (!controle.ok) {
    const messages = Object.values(controle.champs);
    throw invalide(`Étape « ${LIBELLE_ETAPE[etape]} » : ${messages.length > 1 ? `${messages.length} champs à corriger. ` : ''}${messages[0]}`, controle.champs);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const c = await campagneOuverte(trx, actor, le);
    const r = await repo.reponsePourMaj(trx, c.id, personneId, le);
    verifierVersion(r, demande.version);
    const version = await repo.enregistrerEtape(trx, c.id, personneId, etape, controle.valeur, le);
    await audit(trx, auditCtx(actor, t), {
      action: 'enquete-dcs.etape',
      entite: 'enquete_dcs_reponse',
      entiteId: `${c.annee}/${personneId}`,
      // The step and whether it changed; the answers themselves stay in the survey (no copy in the log).
      avant: { etape, version: r.version, renseignee: r[repo.COLONNE_ETAPE[etape]] !== null },
      apres: { etape, version },
    });
    const validee = r.valide_le !== null;
    return {
      version,
      etape,
      valeur: controle.valeur,
      modifieLe: le,
      valideLe: r.valide_le,
      message: validee
        ? `Étape « ${LIBELLE_ETAPE[etape]} » enregistrée. Vos réponses restent validées ; le service de gestion voit la date de cette modification.`
        : `Étape « ${LIBELLE_ETAPE[etape]} » enregistrée.`,
    };
  });
}

export async function validerMesReponses(ctx: AppContext, actor: Actor, version: number, t: Trace) {
  const personneId = personne(actor);
  const le = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await campagneOuverte(trx, actor, le);
    const r = await repo.reponsePourMaj(trx, c.id, personneId, le);
    verifierVersion(r, version);
    const manquantes = ETAPES.filter((e) => r[repo.COLONNE_ETAPE[e]] === null);
    if (manquantes.length > 0) {
      throw invalide(
        `Avant de valider vos réponses, enregistrez ${manquantes.length > 1 ? 'les étapes' : "l'étape"} : ${manquantes.map((e) => `« ${LIBELLE_ETAPE[e]} »`).join(', ')}.`,
        { validation: `Étapes à enregistrer : ${manquantes.map((e) => LIBELLE_ETAPE[e]).join(', ')}.` },
      );
    }
    const nouvelle = await repo.valider(trx, c.id, personneId, le);
    await audit(trx, auditCtx(actor, t), { action: 'enquete-dcs.validation', entite: 'enquete_dcs_reponse', entiteId: `${c.annee}/${personneId}`, avant: { valideLe: r.valide_le }, apres: { valideLe: le } });
    return { version: nouvelle, valideLe: le, message: `Vos réponses à l'enquête DCS ${c.annee} sont validées. Tant que l'enquête est ouverte, vous pouvez encore les modifier.` };
  });
}

// ---------------------------------------------------------------------------------------------
// Gestionnaire

export type EtatReponse = 'non_commencee' | 'en_cours' | 'validee';
export const LIBELLE_ETAT_REPONSE: Record<EtatReponse, string> = { non_commencee: 'Non commencée', en_cours: 'En cours', validee: 'Validée' };

function ligne(l: repo.LigneSuivi) {
  const etapes = etapesDe(l.enquete_id ? l : undefined);
  const n = enregistrees(etapes).length;
  const etat: EtatReponse = l.valide_le ? 'validee' : n > 0 ? 'en_cours' : 'non_commencee';
  return {
    personneId: l.personne_id,
    civilite: l.civilite,
    nom: l.nom,
    prenom: l.prenom,
    emailPro: l.email_pro,
    etablissement: l.etab_uai ? `${l.etab_type} ${l.etab_nom} ${l.etab_commune} (${l.etab_uai})` : null,
    enseignantDcs: l.enseignant_dcs,
    etat,
    etapesEnregistrees: n,
    valideLe: l.valide_le ?? null,
    modifieLe: n > 0 ? (l.modifie_le ?? null) : null,
    /** Modified after he validated (the answers stay validated: decision 0023). */
    modifieeApresValidation: !!(l.valide_le && l.modifie_le && l.modifie_le > l.valide_le),
    etapes,
  };
}

async function campagneDemandee(ctx: AppContext, actor: Actor, annee: number | undefined) {
  const c = await repo.campagne(ctx.db, actor.academieCode, annee);
  if (annee !== undefined && !c) throw introuvable(`Il n'y a pas de campagne ${annee} de l'enquête DCS.`);
  return c;
}

export async function suiviEnquete(ctx: AppContext, actor: Actor, annee?: number) {
  const c = await campagneDemandee(ctx, actor, annee);
  const [courante, o, annees] = await Promise.all([repo.campagne(ctx.db, actor.academieCode), repo.ouvertureActivite(ctx.db, actor.academieCode), repo.anneesCampagnes(ctx.db, actor.academieCode)]);
  const lignes = c ? (await repo.lignesSuivi(ctx.db, actor.academieCode, c.id)).map(ligne) : [];
  return {
    campagne: c ? { annee: c.annee, ouverteLe: c.ouverte_le, ouvertePar: c.ouverte_par, fermeeLe: c.fermee_le, fermeePar: c.fermee_par, courante: c.id === courante?.id } : null,
    annees,
    anneeProposee: Math.max(courante?.annee ?? 0, anneeCampagne(ctx.clock.now())),
    /** The survey of the current campaign is open (the intervenant activity's opening). */
    ouverte: o?.ouverte ?? false,
    ouvertureModifieeLe: o?.modifie_le ?? null,
    ouvertureModifieePar: o?.modifie_par ?? null,
    lignes: lignes.map(({ etapes: _e, ...rest }) => rest),
  };
}

export async function reponsesPersonne(ctx: AppContext, actor: Actor, personneId: number, annee?: number) {
  const c = await campagneDemandee(ctx, actor, annee);
  const l = c ? (await repo.lignesSuivi(ctx.db, actor.academieCode, c.id, personneId))[0] : undefined;
  if (!c || !l) throw introuvable("Cette personne n'est ni enseignante au DCS dans votre académie ni parmi les répondants de l'enquête.");
  const x = ligne(l);
  return { ...x, annee: c.annee, resumes: Object.fromEntries(ETAPES.map((e) => [e, resumeEtape(e, x.etapes[e] as never)])) as Record<Etape, string> };
}

export async function changerOuvertureEnquete(ctx: AppContext, actor: Actor, d: DemandeOuverture, t: Trace) {
  const le = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const o = await repo.ouvertureActivite(trx, actor.academieCode, true);
    const actuelle = o?.ouverte ?? false;
    if (actuelle !== d.ouverteVue) {
      const qui = o?.modifie_par ? ` par ${o.modifie_par}` : '';
      const quand = o?.modifie_le ? ` le ${dateHeureFr(o.modifie_le)}` : '';
      throw conflit(`L'enquête DCS a été ${actuelle ? 'ouverte' : 'fermée'}${qui}${quand}, depuis l'affichage de cette page. Rechargez la page avant de la ${d.ouverte ? 'rouvrir' : 'fermer'}.`);
    }
    let c = await repo.campagne(trx, actor.academieCode);
    if (d.ouverte) {
      const annee = d.annee ?? c?.annee ?? anneeCampagne(le);
      if (c && annee < c.annee) throw champInvalide('annee', `Année de la campagne : la campagne ${annee} ne peut plus être ouverte, la campagne ${c.annee} l'a remplacée.`);
      if (!c || annee > c.annee) {
        await repo.creerCampagne(trx, actor.academieCode, annee, le);
        c = (await repo.campagne(trx, actor.academieCode))!;
      }
    } else if (!c) {
      throw champInvalide('ouverte', "L'enquête DCS n'a encore jamais été ouverte : il n'y a rien à fermer.");
    }
    if (actuelle === d.ouverte) return { message: d.ouverte ? `L'enquête DCS ${c.annee} est déjà ouverte.` : `L'enquête DCS ${c.annee} est déjà fermée.`, annee: c.annee };
    await repo.changerOuvertureActivite(trx, actor.academieCode, d.ouverte, actor.compteId, le);
    await repo.noterOuverture(trx, c.id, d.ouverte, actor.compteId, le);
    await audit(trx, auditCtx(actor, t), {
      action: d.ouverte ? 'activite.ouverture' : 'activite.fermeture',
      entite: 'activite',
      entiteId: `${repo.SERVICE_INTERVENANT}/${repo.ACTIVITE}`,
      avant: o ? { ouverte: o.ouverte } : { ouverte: false, parDefaut: true },
      apres: { ouverte: d.ouverte, campagne: c.annee },
    });
    return {
      annee: c.annee,
      message: d.ouverte
        ? `L'enquête DCS ${c.annee} est ouverte : les enseignants du DCS la voient dans leur menu et peuvent y répondre.`
        : `L'enquête DCS ${c.annee} est fermée : les réponses ne sont plus modifiables et l'activité disparaît du menu des enseignants.`,
    };
  });
}

type LigneExport = ReturnType<typeof ligne>;

const date = (d: Date | null) => (d ? dateHeureFr(d) : '');

const COLONNES_EXPORT: Colonne<LigneExport>[] = [
  { libelle: 'Civilité', valeur: (l) => l.civilite },
  { libelle: 'Nom', valeur: (l) => l.nom },
  { libelle: 'Prénom', valeur: (l) => l.prenom },
  { libelle: 'Mél professionnel', valeur: (l) => l.emailPro },
  { libelle: 'Etablissement principal', valeur: (l) => l.etablissement },
  { libelle: 'Réponse', valeur: (l) => LIBELLE_ETAT_REPONSE[l.etat] },
  { libelle: 'Etapes enregistrées', valeur: (l) => l.etapesEnregistrees },
  { libelle: 'Validée le', valeur: (l) => date(l.valideLe) },
  { libelle: 'Modifiée le', valeur: (l) => date(l.modifieLe) },
  { libelle: 'Situation', valeur: (l) => (l.etapes.activite?.situation ? LIBELLE_SITUATION[(l.etapes.activite as ReponseActivite).situation as 'autre'] : '') },
  {
    libelle: 'Fonction, année de retraite ou précision',
    valeur: (l) => {
      const a = l.etapes.activite;
      return !a ? '' : a.situation === 'en_activite' ? a.fonction : a.situation === 'retraite' ? a.anneeRetraite : a.precision;
    },
  },
  { libelle: "Etablissements d'exercice", valeur: (l) => resumeEtape('etablissements', l.etapes.etablissements) },
  { libelle: 'UE enseignées', valeur: (l) => resumeEtape('enseignements', l.etapes.enseignements) },
  { libelle: 'Examinateur VAE', valeur: (l) => resumeEtape('vae', l.etapes.vae) },
  { libelle: 'Epreuves écrites à corriger', valeur: (l) => resumeEtape('epreuves-ecrites', l.etapes['epreuves-ecrites']) },
  { libelle: 'Epreuves orales où interroger', valeur: (l) => resumeEtape('epreuves-orales', l.etapes['epreuves-orales']) },
];

/** Every DCS teacher of the académie and every respondent of the campaign, with his answers. */
export async function exporterReponses(ctx: AppContext, actor: Actor, annee?: number): Promise<{ flux: Readable; fichier: string; typeMime: string }> {
  const c = await campagneDemandee(ctx, actor, annee);
  if (!c) throw introuvable("L'enquête DCS n'a encore jamais été ouverte : il n'y a aucune réponse à exporter.");
  const lignes = (await repo.lignesSuivi(ctx.db, actor.academieCode, c.id)).map(ligne);
  return { flux: genererCsv(COLONNES_EXPORT, lignes), fichier: `enquete-dcs-${c.annee}.csv`, typeMime: TYPE_CSV };
}
