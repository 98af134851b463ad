// Deliberation in the Jury portal (issue 8 §5): the président or a vice-président sees the juries his
// session opened; at 210 he reads, per candidate, the first-group grades, the contrôle grades and the
// computed result with its explanation; he modifies a grade (a motif is required; old → new, who and when
// go to modification_note and the PV « notes modifiées » of issue 7), the candidate's decision is
// recorded again at once; « Clore le jury » records every decision and moves the jury to 211.
//
// Two members on one jury: each modification names the grade the page showed (`attendu`). It applies only
// if that grade is still the one stored — otherwise 409, saying who changed it to what and when — so no
// one overwrites a change he has not seen. The jury row is locked for the transaction: modifications of
// one jury are serialised, and the jury's version moves with each one. Closing requires the version the
// page showed: a jury modified meanwhile is not closed on results its closer has not seen.
import { sql } from 'kysely';
import { formatCoefficient, LIBELLE_ORAL } from '../../domain/cyclades/deliberation.ts';
import { libelleEtatJury, verifierOperation } from '../../domain/cyclades/jury.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { StatutNote } from '../platform/db/tables.ts';
import { conflit, champInvalide, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import type { Trace } from '../imagin-gestion/commun.ts';
import { chargerCandidats, chargerJurys, JURY_INTROUVABLE_PORTAIL, libelleEtablissement, type CandidatJury, type JuryCharge, type NoteLue } from '../cyclades-deliberation/jurys.repo.ts';
import { calculerResultat, libelleDecision, libelleMention, texteNote } from '../cyclades-deliberation/resultats.ts';
import { changerEtat } from '../cyclades-deliberation/transitions.ts';
import { enregistrerDecisionsCalculees } from '../cyclades-deliberation/decisions.ts';
import { messageVersionPerimee } from '../cyclades-deliberation/dec.service.ts';
import type { ModificationNote } from './portail.schemas.ts';

/** The juries of this portal session, with how they were opened. */
async function accesSession(ctx: AppContext, actor: Actor) {
  if (actor.role !== 'membre_jury') throw introuvable(JURY_INTROUVABLE_PORTAIL);
  return ctx.db
    .selectFrom('session_jury as sj')
    .innerJoin('academie as a', 'a.code', 'sj.academie_code')
    .leftJoin('personne as p', 'p.id', 'sj.personne_id')
    .select(['sj.jury_id', 'sj.academie_code', 'sj.qualite', 'sj.mode', 'a.libelle as academie', 'p.civilite', 'p.nom', 'p.prenom'])
    .where('sj.session_id', '=', actor.sessionId)
    .execute();
}

type Acces = Awaited<ReturnType<typeof accesSession>>[number];

function vueJury(j: JuryCharge, a: Acces, candidats?: readonly CandidatJury[]) {
  return {
    id: j.id,
    numero: j.numero,
    academie: { code: a.academie_code, libelle: a.academie },
    session: { code: j.session.code, libelle: j.session.libelle },
    specialite: { code: j.specialite.code, libelle: j.specialite.libelle },
    centre: { uai: j.centre.uai, libelle: libelleEtablissement(j.centre) },
    etat: j.etat,
    libelleEtat: j.libelleEtat,
    version: j.version,
    qualite: a.qualite,
    mode: a.mode,
    deliberable: j.etat === 210,
    ...(candidats
      ? { nbCandidats: candidats.length, nbSansResultat: candidats.filter((c) => c.resultat.definitif.decision === 'incomplet').length }
      : {}),
  };
}

const noteVue = (n: NoteLue | null | undefined) => (n ? { statut: n.statut, valeur: n.valeur, texte: texteNote(n) } : null);

function vueCandidat(c: CandidatJury, deliberable: boolean) {
  const r = c.resultat.definitif;
  const admissible = c.resultat.premierGroupe.decision === 'admissible';
  // A grade kept from a former session or a dispense is not the jury's to change.
  const modifiable = (n: NoteLue | undefined | null) => deliberable && (!n || n.statut === 'note' || n.statut === 'absent');
  return {
    candidatureId: c.candidatureId,
    numeroCandidat: c.numeroCandidat,
    civilite: c.civilite,
    nom: c.nom,
    prenom: c.prenom,
    notes: [
      ...c.epreuves.map((e) => ({
        epreuveOptionId: e.id,
        groupe: 1 as const,
        code: e.code,
        libelle: e.libelle,
        coefficient: formatCoefficient(e.coefficient),
        domaine: e.domaine,
        note: noteVue(c.notes.get(e.id)),
        modifiable: modifiable(c.notes.get(e.id)) && !e.facultative,
      })),
      ...c.oraux
        .filter((o) => o.epreuveControle && o.epreuveRemplacee && admissible)
        .map((o) => ({
          epreuveOptionId: o.epreuveControle!.id,
          groupe: 2 as const,
          code: o.epreuveControle!.code,
          libelle: o.epreuveControle!.libelle,
          coefficient: '',
          domaine: null,
          oral: o.oral,
          libelleOral: LIBELLE_ORAL[o.oral],
          remplace: o.epreuveRemplacee!.libelle,
          note: noteVue(o.note),
          modifiable: modifiable(o.note),
        })),
    ],
    resultat: {
      decision: r.decision,
      libelleDecision: libelleDecision(r.decision),
      moyenne: r.moyenne?.texte ?? null,
      mention: libelleMention(r.mention),
      explication: r.explication,
      premierGroupe: libelleDecision(c.resultat.premierGroupe.decision),
    },
    modifications: c.modifications.map((m) => ({
      epreuve: m.epreuve,
      groupe: m.groupe,
      ancienne: texteNote(m.ancienStatut ? { statut: m.ancienStatut, valeur: m.ancienneValeur, sessionOrigine: null, saisieLe: m.le } : null) || '(aucune)',
      nouvelle: texteNote({ statut: m.nouveauStatut, valeur: m.nouvelleValeur, sessionOrigine: null, saisieLe: m.le }),
      motif: m.motif,
      par: m.parLibelle,
      le: new Date(m.le).toISOString(),
    })),
  };
}

export type CandidatPortail = ReturnType<typeof vueCandidat>;

export async function listerJurysPortail(ctx: AppContext, actor: Actor) {
  const acces = await accesSession(ctx, actor);
  const jurys = await chargerJurys(ctx.db, { juryIds: acces.map((a) => a.jury_id) });
  const candidats = await chargerCandidats(ctx.db, jurys.map((j) => j.id));
  const academies = new Map(acces.map((a) => [a.academie_code, { code: a.academie_code, libelle: a.academie }]));
  return {
    academies: [...academies.values()].sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr')),
    jurys: jurys.map((j) =>
      vueJury(
        j,
        acces.find((a) => a.jury_id === j.id)!,
        candidats.filter((c) => c.juryId === j.id),
      ),
    ),
  };
}

async function juryDeLaSession(ctx: AppContext, actor: Actor, juryId: number) {
  const acces = (await accesSession(ctx, actor)).find((a) => a.jury_id === juryId);
  if (!acces) throw introuvable(JURY_INTROUVABLE_PORTAIL);
  return acces;
}

/** The jury's version (bumped by every change of it or of its candidates' grades): the page's ETag. */
export async function versionJuryPortail(ctx: AppContext, actor: Actor, juryId: number): Promise<number> {
  if (!actor.jurysPortail?.includes(juryId)) throw introuvable(JURY_INTROUVABLE_PORTAIL);
  const j = await ctx.db.selectFrom('jury').select('version').where('id', '=', juryId).executeTakeFirst();
  if (!j) throw introuvable(JURY_INTROUVABLE_PORTAIL);
  return j.version;
}

export async function juryPortail(ctx: AppContext, actor: Actor, juryId: number) {
  // The session reaches only its juries (actor.jurysPortail): the three reads together.
  if (!actor.jurysPortail?.includes(juryId)) throw introuvable(JURY_INTROUVABLE_PORTAIL);
  const [acces, [jury], candidats] = await Promise.all([juryDeLaSession(ctx, actor, juryId), chargerJurys(ctx.db, { juryIds: [juryId] }), chargerCandidats(ctx.db, [juryId])]);
  if (!jury) throw introuvable(JURY_INTROUVABLE_PORTAIL);
  return { jury: vueJury(jury, acces, candidats), candidats: candidats.map((c) => vueCandidat(c, jury.etat === 210)) };
}

/** Who changed a grade, as the PV lists it: « M. DUPONT Jean (Président de jury) ». */
function parLibelle(actor: Actor, acces: Acces): string {
  if (acces.nom) return `${acces.civilite} ${acces.nom.toUpperCase()} ${acces.prenom} (${acces.qualite})`;
  return `${actor.login} (${acces.qualite})`;
}

function memeNote(a: { statut: StatutNote; valeur: number | null } | null | undefined, b: { statut: StatutNote; valeur: number | null } | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.statut === b.statut && (a.valeur === null ? b.valeur === null : b.valeur !== null && Math.round(a.valeur * 100) === Math.round(b.valeur * 100));
}

const heure = (d: Date) => d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

export async function modifierNote(ctx: AppContext, actor: Actor, juryId: number, saisie: ModificationNote, trace: Trace) {
  const acces = await juryDeLaSession(ctx, actor, juryId);
  return ctx.db.transaction().execute(async (trx) => {
    const jury = await trx.selectFrom('jury').select(['id', 'numero', 'etat', 'version', 'academie_code']).where('id', '=', juryId).forUpdate().executeTakeFirst();
    if (!jury) throw introuvable(JURY_INTROUVABLE_PORTAIL);
    if (jury.etat !== 210) {
      throw conflit(`Le jury ${jury.numero} est à l'état ${libelleEtatJury(jury.etat)} : les notes ne se modifient sur le portail qu'en délibération (${libelleEtatJury(210)}).`);
    }
    const [c] = await chargerCandidats(trx, [jury.id], { candidatureIds: [saisie.candidatureId] });
    if (!c) throw introuvable(`Ce candidat n'est pas délibéré par le jury ${jury.numero}.`);
    const vue = vueCandidat(c, true);
    const ligne = vue.notes.find((n) => n.epreuveOptionId === saisie.epreuveOptionId && n.groupe === saisie.groupe);
    if (!ligne) throw introuvable(`Cette épreuve n'est pas présentée par le candidat ${c.numeroCandidat}.`);
    const actuelle = ligne.note;
    if (!memeNote(saisie.attendu, actuelle)) {
      const derniere = await trx
        .selectFrom('modification_note')
        .select(['par_libelle', 'le'])
        .where('candidature_id', '=', c.candidatureId)
        .where('epreuve_option_id', '=', saisie.epreuveOptionId)
        .where('groupe', '=', saisie.groupe)
        .orderBy('le', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const qui = derniere ? ` par ${derniere.par_libelle} à ${heure(new Date(derniere.le))}` : '';
      const avant = saisie.attendu ? texteNote({ ...saisie.attendu, sessionOrigine: null, saisieLe: new Date() }) : '(aucune)';
      throw conflit(
        `La note « ${ligne.libelle} » du candidat ${c.numeroCandidat} a été modifiée${qui} depuis l'affichage de votre page (${avant} → ${actuelle?.texte || '(aucune)'}). Votre modification n'est pas enregistrée : la page est mise à jour, vérifiez la note puis recommencez si besoin.`,
      );
    }
    if (!ligne.modifiable) throw conflit(`La note « ${ligne.libelle} » du candidat ${c.numeroCandidat} (${actuelle?.texte}) n'est pas modifiable par le jury.`);
    const valeur = saisie.statut === 'note' ? saisie.valeur! : null;
    const nouvelle = { statut: saisie.statut, valeur };
    if (memeNote(nouvelle, actuelle)) throw champInvalide(saisie.statut === 'note' ? 'valeur' : 'statut', `Note : c'est déjà la note enregistrée (${actuelle!.texte}).`);
    await trx
      .insertInto('note')
      .values({ candidature_id: c.candidatureId, epreuve_option_id: saisie.epreuveOptionId, groupe: saisie.groupe, statut: saisie.statut, valeur, saisie_par: actor.compteId })
      .onConflict((oc) => oc.columns(['candidature_id', 'epreuve_option_id', 'groupe']).doUpdateSet({ statut: saisie.statut, valeur, saisie_par: actor.compteId, saisie_le: sql<Date>`now()` }))
      .execute();
    const modif = await trx
      .insertInto('modification_note')
      .values({
        candidature_id: c.candidatureId,
        epreuve_option_id: saisie.epreuveOptionId,
        groupe: saisie.groupe,
        ancien_statut: actuelle?.statut ?? null,
        ancienne_valeur: actuelle?.valeur ?? null,
        nouveau_statut: saisie.statut,
        nouvelle_valeur: valeur,
        motif: saisie.motif,
        par_compte_id: actor.compteId,
        par_libelle: parLibelle(actor, acces),
      })
      .returning(['id', 'le', 'par_libelle'])
      .executeTakeFirstOrThrow();
    // The candidate's decision follows the grade at once: recomputed from the grades read under the jury's
    // lock (every writer of a jury's grades takes it) and the one just written, without reading them again.
    const lue: NoteLue = { statut: saisie.statut, valeur, sessionOrigine: null, saisieLe: modif.le };
    const notes = new Map(c.notes);
    if (saisie.groupe === 1) notes.set(saisie.epreuveOptionId, lue);
    const oraux = saisie.groupe === 2 ? c.oraux.map((o) => (o.epreuveControle?.id === saisie.epreuveOptionId ? { ...o, note: lue } : o)) : c.oraux;
    const modifications = [
      ...c.modifications,
      { id: modif.id, epreuveOptionId: saisie.epreuveOptionId, epreuve: ligne.libelle, groupe: saisie.groupe, ancienStatut: actuelle?.statut ?? null, ancienneValeur: actuelle?.valeur ?? null, nouveauStatut: saisie.statut, nouvelleValeur: valeur, motif: saisie.motif, parLibelle: modif.par_libelle, le: modif.le },
    ];
    const sansResultat = { ...c, notes, oraux, modifications };
    const apres: CandidatJury = { ...sansResultat, resultat: calculerResultat(sansResultat) };
    await enregistrerDecisionsCalculees(trx, jury.id, [apres!], new Map(), actor.compteId, { effacerIncompletes: true });
    const { version } = await trx
      .updateTable('jury')
      .set((eb) => ({ version: eb('version', '+', 1), modifie_le: sql<Date>`now()` }))
      .where('id', '=', jury.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await audit(
      trx,
      { academieCode: jury.academie_code, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null },
      {
        action: 'portail-jury.modification-note',
        entite: 'candidature',
        entiteId: c.candidatureId,
        avant: { jury: jury.numero, epreuve: ligne.code, groupe: saisie.groupe, statut: actuelle?.statut ?? null, valeur: actuelle?.valeur ?? null, decision: c.resultat.definitif.decision },
        apres: { jury: jury.numero, epreuve: ligne.code, groupe: saisie.groupe, ...nouvelle, motif: saisie.motif, decision: apres!.resultat.definitif.decision, version },
      },
    );
    const vueApres = vueCandidat(apres!, true);
    const texte = vueApres.notes.find((n) => n.epreuveOptionId === saisie.epreuveOptionId && n.groupe === saisie.groupe)!.note!.texte;
    return {
      message: `Note modifiée : ${c.numeroCandidat}, ${ligne.libelle} : ${actuelle?.texte || '(aucune)'} → ${texte}. Résultat : ${vueApres.resultat.libelleDecision}${vueApres.resultat.moyenne ? ` (moyenne ${vueApres.resultat.moyenne})` : ''}.`,
      version,
      candidat: vueApres,
    };
  });
}

export async function cloreJuryPortail(ctx: AppContext, actor: Actor, juryId: number, saisie: { version: number }, trace: Trace) {
  await juryDeLaSession(ctx, actor, juryId);
  return ctx.db.transaction().execute(async (trx) => {
    const jury = await trx.selectFrom('jury').select(['id', 'numero', 'etat', 'version']).where('id', '=', juryId).forUpdate().executeTakeFirst();
    if (!jury) throw introuvable(JURY_INTROUVABLE_PORTAIL);
    const v = verifierOperation({ numero: jury.numero, etat: jury.etat }, 'clore', actor.role);
    if (!v.ok) throw conflit(v.message);
    if (jury.version !== saisie.version) throw conflit(messageVersionPerimee(jury.numero, saisie.version, jury.version));
    // Every decision recorded as computed now; a candidate without a result keeps the jury open.
    const candidats = await chargerCandidats(trx, [jury.id]);
    await enregistrerDecisionsCalculees(trx, jury.id, candidats, new Map(), actor.compteId, { effacerIncompletes: true });
    await changerEtat(trx, actor, { juryIds: [jury.id], de: 210, vers: 211, trace });
    return {
      message: `Le jury ${jury.numero} est clos (${libelleEtatJury(211)}) : le chef de centre de délibération peut éditer les procès-verbaux.`,
      version: jury.version + 1,
    };
  });
}
