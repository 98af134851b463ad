// The chef de centre de délibération's seven activities of the Bac Pro second group (seed 001): the
// juries of his centre with what each page may select, « Où en sommes-nous ? », the check of the
// missing contrôle grades, the plan de secours (a treatment, centre.plan-secours.ts), the opening of the
// deliberation (200 → 210), the PV de tenue de délibération, the listes des résultats, the liste rouge
// and présumés fraudeurs, and the end of the contrôle (211 → 214).
//
// Scope: the juries whose centre de délibération is the actor's établissement, in his académie, for
// the latest session they deliberate; any other jury answers 404 (jurys.repo.ts). The états each
// operation requires, and the refusals' French wording, are the domain's (src/domain/cyclades/jury.ts);
// the results the rule engine's (resultats.ts). Every change of état goes through changerEtat
// (conditional, audited); every edition is audited too (who printed which jury's results).
import type { Readable } from 'node:stream';
import { formatNote } from '../../domain/cyclades/deliberation.ts';
import {
  compterParEtat,
  ETATS_VUE_OUVERTURE,
  ETATS_VUE_TERMINER,
  LIBELLE_ETAT_JURY,
  libelleEtatJury,
  OPERATIONS_JURY,
  verifierOperation,
  type EtatJury,
  type OperationJury,
} from '../../domain/cyclades/jury.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { TYPE_PDF } from '../platform/documents/pdf.ts';
import { genererZip, TYPE_ZIP, type EntreeZip } from '../platform/documents/zip.ts';
import { conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { lancerTraitement } from '../platform/traitements/traitements.ts';
import { contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import {
  DOCUMENTS_PV,
  pdfListeResultats,
  pdfListeRouge,
  pdfNotesManquantes,
  pdfPv,
  TITRE_DOCUMENT_PV,
  type EnteteEdition,
  type JuryPv,
  type LigneNotesManquantes,
  type ModificationEditee,
  type ResultatEdite,
} from './centre.editions.ts';
import { ACTION_PLAN_SECOURS_JURY, TRAITEMENT_PLAN_SECOURS, type ParametresPlanSecours } from './centre.plan-secours.ts';
import type { ListeRougeSaisie, ListesSaisie, NotesManquantesSaisie, PvSaisie, TransitionSaisie, Vue } from './centre.schemas.ts';
import { chargerCandidats, jurysDansPortee, jurysDeLActeur, libelleEtablissement, porteeJurys, type CandidatJury, type JuryCharge } from './jurys.repo.ts';
import { decisionCalculee, libelleDecision, libelleMention, texteNote } from './resultats.ts';
import { ACTION_EDITION_PV, changerEtatPartiel, phraseRefus } from './transitions.ts';

export const MESSAGE_PAS_DE_NOTES_MANQUANTES = 'Pas de notes manquantes.';
export const MESSAGE_ENREGISTREMENT = 'Enregistrement effectué';
export const MESSAGE_REPRISE_DEC = 'Le gestionnaire DEC reprend ensuite la main pour publier les résultats.';
export const AUCUN_JURY = "Aucun jury n'est délibéré dans votre centre pour une session en cours.";

export interface Fichier {
  flux: Readable;
  fichier: string;
  typeMime: string;
}

// ---------------------------------------------------------------------------------------------
// The centre, its session and its juries

interface Centre {
  id: number;
  uai: string;
  session: { id: number; code: string; libelle: string } | null;
  groupeDecision: string | null;
  /** The juries of that session, by number. */
  jurys: JuryCharge[];
  entete: (session: string) => EnteteEdition;
}

/** The actor's centre and the juries it deliberates for its latest session (the one in progress). */
async function centreDe(ctx: AppContext, actor: Actor): Promise<Centre> {
  const portee = porteeJurys(actor);
  if (portee.centreId === undefined) throw introuvable(portee.introuvable);
  const [tous, etab] = await Promise.all([
    jurysDeLActeur(ctx.db, actor),
    ctx.db
      .selectFrom('etablissement as e')
      .innerJoin('academie as a', 'a.code', 'e.academie_code')
      .select(['e.id', 'e.uai', 'e.type', 'e.nom', 'e.commune', 'a.nom_majuscule'])
      .where('e.id', '=', portee.centreId)
      .executeTakeFirst(),
  ]);
  if (!etab) throw introuvable(portee.introuvable);
  const sessionId = Math.max(0, ...tous.map((j) => j.session.id));
  const jurys = tous.filter((j) => j.session.id === sessionId);
  const session = jurys[0]?.session ?? null;
  const groupes = [...new Set(jurys.map((j) => j.groupeDecision))];
  return {
    id: etab.id,
    uai: etab.uai,
    session: session && { id: session.id, code: session.code, libelle: session.libelle },
    groupeDecision: groupes.length ? groupes.join(', ') : null,
    jurys,
    entete: (s) => ({ academie: `ACADEMIE DE ${etab.nom_majuscule}`, centre: libelleEtablissement(etab), session: s, editeLe: ctx.clock.now() }),
  };
}

/** The juries asked for, all in the actor's scope (404 otherwise), each allowing the operation (409 otherwise). */
async function jurysPour(ctx: AppContext, actor: Actor, juryIds: readonly number[], operation: OperationJury): Promise<JuryCharge[]> {
  const jurys = await jurysDansPortee(ctx.db, actor, juryIds);
  const refus = jurys.flatMap((j) => {
    const v = verifierOperation(j, operation, actor.role);
    return v.ok ? [] : [v.message];
  });
  if (refus.length) throw conflit(refus.join(' '));
  return jurys;
}

const juryEdite = (j: JuryCharge) => ({ numero: j.numero, specialite: j.specialite.libelle });

async function auditerEdition(
  ctx: AppContext,
  actor: Actor,
  trace: Trace,
  action: string,
  jurys: readonly JuryCharge[],
  apres: Record<string, unknown> | ((j: JuryCharge) => Record<string, unknown>) = {},
) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const j of jurys) {
      const propres = typeof apres === 'function' ? apres(j) : apres;
      await audit(trx, contexteAudit(actor, trace), { action, entite: 'jury', entiteId: j.id, apres: { numero: j.numero, ...propres } });
    }
  });
}

/** What the jury decided (recorded when it closed), else what the engine gives. */
function resultatEdite(c: CandidatJury): ResultatEdite {
  const d = c.decision ?? decisionCalculee(c.resultat);
  return {
    numeroCandidat: c.numeroCandidat,
    nom: c.nom,
    prenom: c.prenom,
    decision: libelleDecision(d.decision),
    moyenne: d.moyenne === null ? null : formatNote(d.moyenne),
    mention: libelleMention(d.mention),
    groupe: c.resultat.premierGroupe.decision === 'admissible' ? 'Epreuve de contrôle' : '1er groupe',
    presumeFraudeur: c.presumeFraudeur,
  };
}

const estAdmis = (c: CandidatJury) => (c.decision ?? decisionCalculee(c.resultat)).decision === 'admis';

// ---------------------------------------------------------------------------------------------
// The juries and « Où en sommes-nous ? »

export async function listerJurys(ctx: AppContext, actor: Actor, q: { etats?: EtatJury[] }) {
  const c = await centreDe(ctx, actor);
  const candidats = await chargerCandidats(ctx.db, c.jurys.map((j) => j.id));
  return {
    session: c.session && { id: c.session.id, libelle: c.session.libelle },
    groupeDecision: c.groupeDecision,
    message: c.jurys.length ? null : AUCUN_JURY,
    jurys: c.jurys.map((j) => {
      const siens = candidats.filter((x) => x.juryId === j.id);
      return {
        id: j.id,
        numero: j.numero,
        specialite: j.specialite,
        etat: j.etat,
        libelleEtat: j.libelleEtat,
        version: j.version,
        selectionnable: !q.etats || q.etats.includes(j.etat),
        nbCandidats: siens.length,
        nbAdmissibles: siens.filter((x) => x.resultat.premierGroupe.decision === 'admissible').length,
      };
    }),
  };
}

export const ETAPES = [
  { code: 'ou-en-sommes-nous', libelle: 'Où en sommes-nous ?' },
  { code: 'notes-manquantes', libelle: 'Contrôler les notes manquantes' },
  { code: 'plan-de-secours', libelle: 'Générer le plan de secours' },
  { code: 'ouvrir-deliberation', libelle: "Ouvrir la délibération de l'épreuve de contrôle" },
  { code: 'pv-deliberation', libelle: 'Editer les Procès Verbaux de tenue de délibération' },
  { code: 'listes-resultats', libelle: 'Editer les listes de résultats' },
  { code: 'terminer', libelle: 'Terminer la délibération des jurys' },
] as const;
export type CodeEtape = (typeof ETAPES)[number]['code'];

export { ACTION_EDITION_PV };
export const ACTION_EDITION_LISTE_ADMIS = 'deliberation.edition-liste-admis';
export const ACTION_CONTROLE_NOTES = 'deliberation.controle-notes-manquantes';

/**
 * The seed's seven steps, each done or not, jury by jury, from what was actually produced for that
 * jury: the last check of its missing grades found none (audited per jury), a plan de secours that
 * included it (audited per jury by the treatment), its move to 210, its PV and its list of admis
 * printed (audited editions), its move to 214. A step is done when it is done for every jury of the
 * centre; otherwise `jurysRestants` names the juries it is still to do for (issue 13 §12: ending a
 * jury never ticks the editions it skipped). The current step is the first one not done.
 */
export async function ouEnSommesNous(ctx: AppContext, actor: Actor) {
  const c = await centreDe(ctx, actor);
  const ids = c.jurys.map((j) => j.id);
  const [editions, controles] = await Promise.all([
    ids.length
      ? ctx.db
          .selectFrom('audit_log')
          .select(['action', 'entite_id'])
          .distinct()
          .where('entite', '=', 'jury')
          .where('entite_id', 'in', ids.map(String))
          .where('action', 'in', [ACTION_EDITION_PV, ACTION_EDITION_LISTE_ADMIS, ACTION_PLAN_SECOURS_JURY])
          .execute()
      : [],
    // Juries whose last check of the missing grades found none.
    ids.length
      ? ctx.db
          .selectFrom('audit_log')
          .select(['entite_id', 'apres'])
          .where('entite', '=', 'jury')
          .where('entite_id', 'in', ids.map(String))
          .where('action', '=', ACTION_CONTROLE_NOTES)
          .orderBy('id', 'desc')
          .execute()
      : [],
  ]);
  const derniersControles = new Map<string, unknown>();
  for (const x of controles) if (!derniersControles.has(x.entite_id!)) derniersControles.set(x.entite_id!, x.apres);
  const controleSansManque = (j: JuryCharge) => (derniersControles.get(String(j.id)) as { manquantes?: number } | undefined)?.manquantes === 0;
  const produit = (action: string) => (j: JuryCharge) => editions.some((e) => e.action === action && e.entite_id === String(j.id));
  const parJury: Record<CodeEtape, (j: JuryCharge) => boolean> = {
    'ou-en-sommes-nous': () => true,
    'notes-manquantes': controleSansManque,
    'plan-de-secours': produit(ACTION_PLAN_SECOURS_JURY),
    'ouvrir-deliberation': (j) => j.etat >= 210,
    'pv-deliberation': produit(ACTION_EDITION_PV),
    'listes-resultats': produit(ACTION_EDITION_LISTE_ADMIS),
    terminer: (j) => j.etat === 214,
  };
  const restants = Object.fromEntries(ETAPES.map((e) => [e.code, c.jurys.filter((j) => !parJury[e.code](j)).map((j) => j.numero)])) as Record<CodeEtape, string[]>;
  const faites = Object.fromEntries(ETAPES.map((e) => [e.code, c.jurys.length > 0 && restants[e.code].length === 0])) as Record<CodeEtape, boolean>;
  faites['ou-en-sommes-nous'] = true;
  const courante = ETAPES.find((e) => !faites[e.code])?.code ?? null;
  const parEtat = compterParEtat(c.jurys);
  const enAttente = (parEtat.get(140) ?? 0) + (parEtat.get(198) ?? 0);
  return {
    session: c.session && { id: c.session.id, libelle: c.session.libelle },
    groupeDecision: c.groupeDecision,
    etapes: ETAPES.map((e, i) => ({
      numero: i + 1,
      code: e.code,
      libelle: e.libelle,
      faite: faites[e.code],
      courante: e.code === courante,
      jurysRestants: e.code === 'ou-en-sommes-nous' ? [] : restants[e.code],
    })),
    jurys: [...parEtat].map(([etat, nombre]) => ({ etat, libelle: LIBELLE_ETAT_JURY[etat], nombre })),
    message: !c.jurys.length
      ? AUCUN_JURY
      : enAttente
        ? `${enAttente} jury(s) de votre centre attend(ent) l'ouverture de l'épreuve de contrôle par la DEC (état 140 ou 198).`
        : faites.terminer
          ? `La délibération de l'épreuve de contrôle est terminée pour tous les jurys de votre centre. ${MESSAGE_REPRISE_DEC}`
          : null,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Contrôler les notes manquantes

export async function controlerNotesManquantes(
  ctx: AppContext,
  actor: Actor,
  s: NotesManquantesSaisie,
  trace: Trace,
): Promise<{ manquantes: false; message: string } | Fichier> {
  const c = await centreDe(ctx, actor);
  const jurys = await jurysPour(ctx, actor, s.juryIds, 'controler_notes_manquantes');
  const candidats = await chargerCandidats(ctx.db, jurys.map((j) => j.id));
  const parJury = jurys.map((j) => ({
    jury: juryEdite(j),
    lignes: candidats
      .filter((x) => x.juryId === j.id && x.resultat.manquantesControle.length > 0)
      .map(
        (x): LigneNotesManquantes => ({
          numeroCandidat: x.numeroCandidat,
          nom: x.nom,
          prenom: x.prenom,
          manquantes: x.resultat.manquantesControle.map((m) => m.libelle),
          centreControle: x.centreControle ? libelleEtablissement(x.centreControle) : 'Non renseigné',
        }),
      ),
  }));
  // Per jury: « Où en sommes-nous ? » counts the step done for a jury checked without a missing grade.
  await auditerEdition(ctx, actor, trace, ACTION_CONTROLE_NOTES, jurys, (j) => ({ manquantes: parJury.find((p) => p.jury.numero === j.numero)!.lignes.length }));
  if (parJury.every((j) => j.lignes.length === 0)) return { manquantes: false, message: MESSAGE_PAS_DE_NOTES_MANQUANTES };
  return {
    flux: pdfNotesManquantes(c.entete(jurys[0]!.session.libelle), s.titre, parJury),
    fichier: `Controle_notes_manquantes_${c.uai}.pdf`,
    typeMime: TYPE_PDF,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Générer le plan de secours

export async function genererPlanSecours(ctx: AppContext, actor: Actor, trace: Trace) {
  const c = await centreDe(ctx, actor);
  if (!c.session) throw conflit(AUCUN_JURY);
  const verifs = c.jurys.map((j) => verifierOperation(j, 'generer_plan_secours', actor.role));
  if (!verifs.some((v) => v.ok)) throw conflit(verifs.flatMap((v) => (v.ok ? [] : [v.message])).join(' '));
  const session = c.session;
  const parametres: ParametresPlanSecours = { centreId: c.id, sessionId: session.id };
  const t = await ctx.db.transaction().execute(async (trx) => {
    const lance = await lancerTraitement(ctx, trx, {
      type: TRAITEMENT_PLAN_SECOURS,
      titre: `Plan de secours — ${session.libelle}`,
      parametres,
      academieCode: actor.academieCode,
      creePar: actor.compteId,
      etablissementId: c.id,
      visibilite: 'etablissement',
    });
    await audit(trx, contexteAudit(actor, trace), { action: 'plan-secours.generation', entite: 'traitement', entiteId: lance.id, apres: parametres });
    return lance;
  });
  // The juries left out are named at once (and in the compte rendu): the plan must be generated again for them.
  const laisses = c.jurys.filter((_, i) => !verifs[i]!.ok);
  const sauf = laisses.length
    ? ` ${laisses.length > 1 ? `Les jurys ${laisses.map((j) => j.numero).join(', ')} ne sont pas compris` : `Le jury ${laisses[0]!.numero} n'est pas compris`} dans ce plan de secours (le plan de secours demande l'état 200 ou 210) : générez-le à nouveau quand ${laisses.length > 1 ? 'ils y seront' : 'il y sera'}.`
    : '';
  return {
    traitementId: t.id,
    message: `La génération du plan de secours est lancée. Cliquez sur « Afficher le compte rendu » pour consulter le compte rendu du traitement et télécharger le plan de secours généré.${sauf}`,
    jurysNonCompris: laisses.map((j) => j.numero),
  };
}

// ---------------------------------------------------------------------------------------------
// 4 and 7. Vues synthétique et détaillée; ouvrir (200 → 210) and terminer (211 → 214)

/** The chef de centre's operation that starts from this état, with its button ("Ouvrir délibération épreuve de contrôle"). */
function actionDe(etat: EtatJury): { operation: OperationJury; libelle: string } | null {
  for (const [operation, r] of Object.entries(OPERATIONS_JURY) as Array<[OperationJury, (typeof OPERATIONS_JURY)[OperationJury]]>) {
    if (r.action && r.vers !== null && r.depuis.includes(etat) && r.acteurs.includes('chef_etablissement')) return { operation, libelle: r.action };
  }
  return null;
}

const ETATS_VUE: Record<Vue, readonly EtatJury[]> = { ouverture: ETATS_VUE_OUVERTURE, terminaison: ETATS_VUE_TERMINER };

export async function vueSynthetique(ctx: AppContext, actor: Actor, vue: Vue) {
  const c = await centreDe(ctx, actor);
  const compte = compterParEtat(c.jurys, ETATS_VUE[vue]);
  return {
    session: c.session && { id: c.session.id, libelle: c.session.libelle },
    message: c.jurys.length ? null : AUCUN_JURY,
    lignes: ETATS_VUE[vue].map((etat) => {
      const a = actionDe(etat);
      return { etat, libelle: LIBELLE_ETAT_JURY[etat], nombre: compte.get(etat) ?? 0, action: a?.libelle ?? null, operation: a?.operation ?? null };
    }),
  };
}

export async function vueDetaillee(ctx: AppContext, actor: Actor, vue: Vue) {
  const c = await centreDe(ctx, actor);
  return {
    session: c.session && { id: c.session.id, libelle: c.session.libelle },
    jurys: c.jurys
      .filter((j) => ETATS_VUE[vue].includes(j.etat))
      .map((j) => {
        const a = actionDe(j.etat);
        return { id: j.id, numero: j.numero, specialite: j.specialite, etat: j.etat, libelleEtat: j.libelleEtat, version: j.version, action: a?.libelle ?? null, operation: a?.operation ?? null };
      }),
  };
}

async function transition(ctx: AppContext, actor: Actor, s: TransitionSaisie, trace: Trace, de: EtatJury, vers: EtatJury) {
  let juryIds = s.juryIds;
  if (!juryIds) {
    const c = await centreDe(ctx, actor);
    juryIds = c.jurys.filter((j) => j.etat === de).map((j) => j.id);
    if (!juryIds.length) {
      const op = Object.values(OPERATIONS_JURY).find((r) => r.vers === vers && r.depuis.includes(de))!;
      throw conflit(c.jurys.length ? `Aucun jury de votre centre n'est à l'état ${libelleEtatJury(de)} : ${op.nom} n'est pas possible.` : AUCUN_JURY);
    }
  }
  // The juries that can move do; the others are reported by number with the reason (409 when none can).
  const { deplaces, refus } = await ctx.db.transaction().execute((trx) => changerEtatPartiel(trx, actor, { juryIds: juryIds!, de, vers, trace }));
  return {
    message: refus.length ? `${MESSAGE_ENREGISTREMENT} pour ${deplaces.length > 1 ? `${deplaces.length} jurys` : '1 jury'}.${phraseRefus(refus)}` : MESSAGE_ENREGISTREMENT,
    deplaces,
    refus: refus.map((r) => ({ id: r.id, numero: r.numero, message: r.message })),
    ...(vers === 214 ? { suite: MESSAGE_REPRISE_DEC } : {}),
  };
}

export const ouvrirDeliberation = (ctx: AppContext, actor: Actor, s: TransitionSaisie, trace: Trace) => transition(ctx, actor, s, trace, 200, 210);
export const terminerControle = (ctx: AppContext, actor: Actor, s: TransitionSaisie, trace: Trace) => transition(ctx, actor, s, trace, 211, 214);

// ---------------------------------------------------------------------------------------------
// 5. Editer les Procès Verbaux de tenue de délibération

function modificationEditee(c: CandidatJury, m: CandidatJury['modifications'][number]): ModificationEditee {
  const texte = (statut: typeof m.ancienStatut, valeur: number | null) => (statut ? texteNote({ statut, valeur, sessionOrigine: null, saisieLe: m.le }) : 'non saisie');
  return {
    numeroCandidat: c.numeroCandidat,
    nom: c.nom,
    prenom: c.prenom,
    epreuve: m.groupe === 2 ? `${m.epreuve} (épreuve de contrôle)` : m.epreuve,
    ancienne: texte(m.ancienStatut, m.ancienneValeur),
    nouvelle: texte(m.nouveauStatut, m.nouvelleValeur),
    par: m.parLibelle,
    le: new Date(m.le),
    motif: m.motif,
  };
}

export async function editerPv(ctx: AppContext, actor: Actor, s: PvSaisie, trace: Trace): Promise<Fichier> {
  const c = await centreDe(ctx, actor);
  const jurys = await jurysPour(ctx, actor, s.juryIds, 'editer_pv');
  const candidats = await chargerCandidats(ctx.db, jurys.map((j) => j.id));
  const pvs: JuryPv[] = jurys.map((j) => {
    const siens = candidats.filter((x) => x.juryId === j.id);
    return {
      ...juryEdite(j),
      admis: siens.filter(estAdmis).map(resultatEdite),
      nonAdmis: siens.filter((x) => !estAdmis(x)).map(resultatEdite),
      modifications: siens.flatMap((x) => x.modifications.map((m) => modificationEditee(x, m))).sort((a, b) => a.le.getTime() - b.le.getTime()),
    };
  });
  await auditerEdition(ctx, actor, trace, ACTION_EDITION_PV, jurys, { mode: s.mode });
  const entete = c.entete(jurys[0]!.session.libelle);
  const suffixe = jurys.length === 1 ? `${c.uai}_jury_${jurys[0]!.numero}` : c.uai;
  if (s.mode === 'unique') return { flux: pdfPv(entete, pvs), fichier: `PV_deliberation_${suffixe}.pdf`, typeMime: TYPE_PDF };
  const entrees: EntreeZip[] = pvs.flatMap((pv) =>
    DOCUMENTS_PV.map((d) => ({ nom: `${pv.numero} - ${TITRE_DOCUMENT_PV[d]}.pdf`, contenu: () => pdfPv(entete, [pv], [d]), dejaCompresse: true })),
  );
  return { flux: genererZip(entrees, { date: entete.editeLe }), fichier: `PV_deliberation_${suffixe}.zip`, typeMime: TYPE_ZIP };
}

// ---------------------------------------------------------------------------------------------
// 6. Editer les listes des résultats; la liste rouge et les présumés fraudeurs

export async function editerListe(ctx: AppContext, actor: Actor, s: ListesSaisie, trace: Trace): Promise<Fichier> {
  const c = await centreDe(ctx, actor);
  const jurys = await jurysPour(ctx, actor, s.juryIds, 'editer_listes');
  const candidats = await chargerCandidats(ctx.db, jurys.map((j) => j.id));
  const entete = c.entete(jurys[0]!.session.libelle);
  await auditerEdition(ctx, actor, trace, s.liste === 'admis' ? ACTION_EDITION_LISTE_ADMIS : 'deliberation.edition-liste-non-admis', jurys);
  // Posted in the centre: never a candidate on the liste rouge or presumed fraudulent.
  const retenu = s.liste === 'admis' ? (x: CandidatJury) => estAdmis(x) && !x.listeRouge && !x.presumeFraudeur : (x: CandidatJury) => !estAdmis(x);
  const parJury = jurys.map((j) => ({ jury: juryEdite(j), candidats: candidats.filter((x) => x.juryId === j.id && retenu(x)).map(resultatEdite) }));
  const fichier = s.liste === 'admis' ? `Liste_affichage_admis_${c.uai}.pdf` : `Liste_non_admis_${c.uai}.pdf`;
  return { flux: pdfListeResultats(entete, s.titre, s.liste, parJury), fichier, typeMime: TYPE_PDF };
}

export async function editerListeRouge(ctx: AppContext, actor: Actor, s: ListeRougeSaisie, trace: Trace): Promise<Fichier> {
  const c = await centreDe(ctx, actor);
  if (!c.session) throw conflit(AUCUN_JURY);
  const numero = new Map(c.jurys.map((j) => [j.id, j.numero]));
  const lignes = (await chargerCandidats(ctx.db, c.jurys.map((j) => j.id)))
    .filter((x) => x.listeRouge || x.presumeFraudeur)
    .map((x) => ({ jury: numero.get(x.juryId)!, numeroCandidat: x.numeroCandidat, nom: x.nom, prenom: x.prenom, listeRouge: x.listeRouge, presumeFraudeur: x.presumeFraudeur }));
  await audit(ctx.db, contexteAudit(actor, trace), { action: 'deliberation.edition-liste-rouge', entite: 'etablissement', entiteId: c.id, apres: { session: c.session.id, candidats: lignes.length } });
  return { flux: pdfListeRouge(c.entete(c.session.libelle), s.titre, lignes), fichier: `Liste_rouge_presumes_fraudeurs_${c.uai}.pdf`, typeMime: TYPE_PDF };
}
