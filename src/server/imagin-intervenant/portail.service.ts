// « Portail d'accès aux missions » (seed 004 §2.6), « Gestion des épreuves EPS » (§2.7), « Gestion
// des sujets » and « Statistiques nationales de notation » (§2.10): the intervenant's convocations
// that open SANTORIN or CYCLADES, one tab per académie, with SANTORIN's correction state; a row (or
// the activity's button) hands him off to the application with a signed short-lived token
// (jeton-passage.ts, decision 0022), once the server has checked that the application answers.
// Scope: the intervenant's own convocations only (actor.personneId and his records of the same NUMEN
// in other académies); any other convocation id answers 404.
import { APPLICATION_DE_L_ACTIVITE, APPLICATION_DU_TYPE, LIBELLE_APPLICATION, LIBELLE_ETAT_SANTORIN, type CodeApplication } from '../../domain/imagin/portails.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { verifierDisponibilite } from './disponibilite.ts';
import { TYPES_MISSION_PORTAIL } from './habilitations.ts';
import { cleJeton, signerJeton, type ChargeJeton } from './jeton-passage.ts';
import * as repo from './portail.repo.ts';

export const BASE_PORTAILS = '/api/intervenant/portails';
export const CONVOCATION_INTROUVABLE = "Cette mission n'existe pas ou ne fait pas partie de vos missions donnant accès à SANTORIN ou à CYCLADES.";

export interface Trace {
  ip?: string;
  requestId?: string;
}

function contexteAudit(actor: Actor, trace: Trace) {
  return { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null };
}

function personneDe(actor: Actor): number {
  if (actor.role !== 'intervenant' || actor.personneId === null) throw introuvable(CONVOCATION_INTROUVABLE);
  return actor.personneId;
}

function presenter(l: repo.LigneConvocationPortail) {
  const application = APPLICATION_DU_TYPE[l.type_mission] ?? 'SANTORIN';
  return {
    convocationId: l.convocation_id,
    academieCode: l.academie_code,
    examen: l.sigle,
    examenLibelle: l.examen_libelle,
    session: l.session_libelle,
    specialite: l.specialite_libelle,
    epreuveOption: l.epreuve_code ? `${l.epreuve_code}, ${l.epreuve_libelle}` : null,
    typeCode: l.type_mission,
    type: l.type_libelle,
    numero: l.numero,
    debut: l.debut,
    etat: l.etat,
    etatLibelle: l.etat ? LIBELLE_ETAT_SANTORIN[l.etat] : null,
    application,
    applicationLibelle: LIBELLE_APPLICATION[application],
  };
}

export type MissionPortail = ReturnType<typeof presenter>;

/** The list of the portal: a tab for the session's académie, then one per other académie that convoked him. */
export async function listerPortail(ctx: AppContext, actor: Actor) {
  const personneId = personneDe(actor);
  const personnes = await repo.personnesDe(ctx.db, personneId);
  const lignes = (await repo.convocationsPortail(ctx.db, personnes, TYPES_MISSION_PORTAIL)).map(presenter);
  const codes = [...new Set([actor.academieCode, ...lignes.map((l) => l.academieCode)])];
  const libelles = new Map((await repo.academies(ctx.db, codes)).map((a) => [a.code, a.libelle]));
  const autres = codes.filter((c) => c !== actor.academieCode).sort((a, b) => (libelles.get(a) ?? a).localeCompare(libelles.get(b) ?? b, 'fr'));
  return {
    academies: [actor.academieCode, ...autres].map((code) => ({
      code,
      libelle: libelles.get(code) ?? code,
      courante: code === actor.academieCode,
      missions: lignes.filter((l) => l.academieCode === code),
    })),
  };
}

export function messageNonConfiguree(application: CodeApplication, academie: string): string {
  return `L'application ${LIBELLE_APPLICATION[application]} n'est pas accessible depuis IMAG'IN pour l'académie de ${academie} : son adresse n'a pas été renseignée. Prenez contact avec votre gestionnaire.`;
}

export function messageIndisponible(application: CodeApplication, academie: string): string {
  return `L'application ${LIBELLE_APPLICATION[application]} de l'académie de ${academie} n'est pas disponible pour le moment. Réessayez plus tard ; si le problème persiste, prenez contact avec votre gestionnaire.`;
}

export interface Passage {
  /** The address to open in a new tab, the token in its query (`jeton`). */
  url: string;
  application: CodeApplication;
  libelle: string;
  /** When the token expires (ISO). */
  expireLe: string;
}

/**
 * The hand-off: the application's address for the académie (503 with the French reason when it is not
 * configured or does not answer), a fresh token for this person and this context, an audit entry.
 */
async function passer(
  ctx: AppContext,
  actor: Actor,
  v: { application: CodeApplication; academieCode: string; contexte: ChargeJeton['contexte'] },
  trace: Trace,
): Promise<Passage> {
  const personneId = personneDe(actor);
  const [config, [academie]] = await Promise.all([repo.application(ctx.db, v.academieCode, v.application), repo.academies(ctx.db, [v.academieCode])]);
  const nomAcademie = academie?.libelle ?? v.academieCode;
  if (!config) throw new AppError('INDISPONIBLE', messageNonConfiguree(v.application, nomAcademie));
  const dispo = await verifierDisponibilite(config.url);
  if (!dispo.disponible) {
    ctx.logger.warn({ application: v.application, academie: v.academieCode, detail: dispo.detail }, 'Application externe indisponible');
    throw new AppError('INDISPONIBLE', messageIndisponible(v.application, nomAcademie));
  }
  const p = await repo.personnePassage(ctx.db, personneId, actor.compteId);
  const { jeton, charge } = signerJeton(
    cleJeton(ctx.config.sessionSecret),
    {
      iss: ctx.config.publicUrl,
      aud: v.application,
      sub: p.login,
      ...(p.numen ? { numen: p.numen } : {}),
      nom: p.nom,
      prenom: p.prenom,
      academie: v.academieCode,
      contexte: v.contexte,
    },
    ctx.clock.now(),
  );
  await audit(ctx.db, contexteAudit(actor, trace), {
    action: 'portail.passage',
    entite: 'application_externe',
    entiteId: v.application,
    apres: { application: v.application, academie: v.academieCode, contexte: v.contexte, jti: charge.jti, exp: charge.exp },
  });
  const u = new URL(config.url);
  u.searchParams.set('jeton', jeton);
  return { url: u.toString(), application: v.application, libelle: LIBELLE_APPLICATION[v.application], expireLe: new Date(charge.exp * 1000).toISOString() };
}

/** A row of the portal: the mission's application, in the mission's académie. */
export async function accederMission(ctx: AppContext, actor: Actor, convocationId: number, trace: Trace): Promise<Passage> {
  const personnes = await repo.personnesDe(ctx.db, personneDe(actor));
  const l = await repo.convocationPortail(ctx.db, personnes, TYPES_MISSION_PORTAIL, convocationId);
  if (!l) throw introuvable(CONVOCATION_INTROUVABLE);
  const m = presenter(l);
  return passer(
    ctx,
    actor,
    {
      application: m.application,
      academieCode: m.academieCode,
      contexte: { activite: 'portail-acces-missions', mission: { numero: m.numero, type: m.typeCode, examen: l.sigle, epreuve: l.epreuve_code } },
    },
    trace,
  );
}

/** « Gestion des épreuves EPS », « Gestion des sujets », « Statistiques nationales de notation ». */
export async function accederActivite(ctx: AppContext, actor: Actor, activite: keyof typeof APPLICATION_DE_L_ACTIVITE, trace: Trace): Promise<Passage> {
  return passer(ctx, actor, { application: APPLICATION_DE_L_ACTIVITE[activite], academieCode: actor.academieCode, contexte: { activite } }, trace);
}
