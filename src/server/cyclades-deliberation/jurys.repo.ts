// The juries of the Bac Pro second group and their candidates as the chef de centre's and the DEC's
// services read them (issue 7, seed 001). Loads in a few batched queries (a jury list, its
// candidates, their épreuves, grades, choices, decisions, modifications), whatever the number of
// juries; the results are computed by the rule engine (resultats.ts), never here. Scope: a chef de
// centre reaches the juries deliberated in his centre, a gestionnaire those of his académie; any other
// jury answers 404 without disclosing it exists.
import type { ExpressionBuilder, Transaction } from 'kysely';
import { libelleEtatJury, type EtatJury } from '../../domain/cyclades/jury.ts';
import type { Db } from '../platform/db/database.ts';
import type { DB, EpreuveDeControle, StatutNote } from '../platform/db/tables.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { calculerResultat, type ResultatCandidat } from './resultats.ts';

export type Executeur = Db | Transaction<DB>;

export const JURY_INTROUVABLE_CENTRE = "Ce jury n'existe pas ou n'est pas délibéré dans votre centre.";
export const JURY_INTROUVABLE_ACADEMIE = "Ce jury n'existe pas ou n'appartient pas à votre académie.";
export const JURY_INTROUVABLE_PORTAIL = "Ce jury n'existe pas ou ne vous est pas ouvert sur le portail Jury.";

export interface Etablissement {
  id: number;
  uai: string;
  type: string;
  nom: string;
  commune: string;
}

/** "LPO BREQUIGNY – RENNES CEDEX 2 (0350059Z)", as the editions print a centre. */
export function libelleEtablissement(e: Pick<Etablissement, 'uai' | 'type' | 'nom' | 'commune'>): string {
  return `${e.type} ${e.nom} – ${e.commune} (${e.uai})`;
}

export interface JuryCharge {
  id: number;
  numero: string;
  academieCode: string;
  session: { id: number; code: string; libelle: string; examenCode: string };
  specialite: { id: number; code: string; libelle: string };
  centre: Etablissement;
  groupeDecision: string;
  etat: EtatJury;
  /** "200 - Recueil des notes de l'épreuve de contrôle" */
  libelleEtat: string;
  version: number;
  modifieLe: Date;
}

export interface FiltreJurys {
  /** Always set, except for a Jury portal session whose juries (juryIds) may belong to several académies (Cas 2). */
  academieCode?: string;
  sessionId?: number;
  /** The centre de délibération (établissement id). */
  centreId?: number;
  juryIds?: readonly number[];
  etats?: readonly EtatJury[];
  /** Jury number or spécialité (code or libellé), contains, case-insensitive. */
  q?: string;
}

/** The juries matching the filter, by session then number. */
export async function chargerJurys(db: Executeur, filtre: FiltreJurys): Promise<JuryCharge[]> {
  if (filtre.juryIds && filtre.juryIds.length === 0) return [];
  if (filtre.etats && filtre.etats.length === 0) return [];
  let q = db
    .selectFrom('jury as j')
    .innerJoin('session_examen as se', 'se.id', 'j.session_examen_id')
    .innerJoin('specialite as sp', 'sp.id', 'j.specialite_id')
    .innerJoin('etablissement as e', 'e.id', 'j.centre_deliberation_id')
    .select([
      'j.id',
      'j.numero',
      'j.academie_code',
      'j.groupe_decision',
      'j.etat',
      'j.version',
      'j.modifie_le',
      'se.id as session_id',
      'se.code as session_code',
      'se.libelle as session_libelle',
      'se.examen_code',
      'sp.id as specialite_id',
      'sp.code as specialite_code',
      'sp.libelle as specialite_libelle',
      'e.id as centre_id',
      'e.uai',
      'e.type as centre_type',
      'e.nom as centre_nom',
      'e.commune as centre_commune',
    ])
    .$if(filtre.academieCode !== undefined, (qb) => qb.where('j.academie_code', '=', filtre.academieCode!));
  if (filtre.academieCode === undefined && !filtre.juryIds) throw new Error('chargerJurys : une académie ou une liste de jurys est requise.');
  if (filtre.sessionId !== undefined) q = q.where('j.session_examen_id', '=', filtre.sessionId);
  if (filtre.centreId !== undefined) q = q.where('j.centre_deliberation_id', '=', filtre.centreId);
  if (filtre.juryIds) q = q.where('j.id', 'in', [...filtre.juryIds]);
  if (filtre.etats) q = q.where('j.etat', 'in', [...filtre.etats]);
  if (filtre.q?.trim()) {
    const motif = `%${filtre.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('j.numero', 'ilike', motif), eb('sp.code', 'ilike', motif), eb('sp.libelle', 'ilike', motif)]));
  }
  const rows = await q.orderBy('se.id').orderBy('j.numero').orderBy('j.id').execute();
  return rows.map((r) => ({
    id: r.id,
    numero: r.numero,
    academieCode: r.academie_code,
    session: { id: r.session_id, code: r.session_code, libelle: r.session_libelle, examenCode: r.examen_code },
    specialite: { id: r.specialite_id, code: r.specialite_code, libelle: r.specialite_libelle },
    centre: { id: r.centre_id, uai: r.uai, type: r.centre_type, nom: r.centre_nom, commune: r.centre_commune },
    groupeDecision: r.groupe_decision,
    etat: r.etat,
    libelleEtat: libelleEtatJury(r.etat),
    version: r.version,
    modifieLe: r.modifie_le,
  }));
}

// ---------------------------------------------------------------------------------------------
// Scope

/**
 * The part of the académie the actor acts on: a gestionnaire, his académie's juries; a chef
 * d'établissement, those deliberated in his établissement; a Jury portal session, the juries it opened
 * (possibly of several académies, Cas 2). Anyone else reaches none (404).
 */
export interface PorteeJurys {
  academieCode?: string;
  centreId?: number;
  juryIds?: readonly number[];
  introuvable: string;
}

export function porteeJurys(actor: Actor): PorteeJurys {
  if (actor.role === 'gestionnaire') return { academieCode: actor.academieCode, introuvable: JURY_INTROUVABLE_ACADEMIE };
  if (actor.role === 'chef_etablissement' && actor.etablissementId !== null) {
    return { academieCode: actor.academieCode, centreId: actor.etablissementId, introuvable: JURY_INTROUVABLE_CENTRE };
  }
  if (actor.role === 'membre_jury') return { juryIds: actor.jurysPortail ?? [], introuvable: JURY_INTROUVABLE_PORTAIL };
  throw introuvable(JURY_INTROUVABLE_ACADEMIE);
}

/** The ids both lists allow (undefined: no restriction). */
function intersection(a: readonly number[] | undefined, b: readonly number[] | undefined): readonly number[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const s = new Set(b);
  return a.filter((x) => s.has(x));
}

/** The actor's juries among the filter (académie, centre or juries imposed by the scope). */
export async function jurysDeLActeur(db: Executeur, actor: Actor, filtre: Omit<FiltreJurys, 'academieCode' | 'centreId'> = {}): Promise<JuryCharge[]> {
  const { introuvable: _, ...portee } = porteeJurys(actor);
  return chargerJurys(db, { ...filtre, ...portee, juryIds: intersection(filtre.juryIds, portee.juryIds) });
}

/** These juries, every one within the actor's scope; 404 (with the scope's message) when one is not. */
export async function jurysDansPortee(db: Executeur, actor: Actor, juryIds: readonly number[]): Promise<JuryCharge[]> {
  const portee = porteeJurys(actor);
  const ids = [...new Set(juryIds)];
  const jurys = await chargerJurys(db, { academieCode: portee.academieCode, centreId: portee.centreId, juryIds: intersection(ids, portee.juryIds) });
  if (jurys.length !== ids.length) throw introuvable(portee.introuvable);
  return jurys;
}

export async function juryDansPortee(db: Executeur, actor: Actor, juryId: number): Promise<JuryCharge> {
  return (await jurysDansPortee(db, actor, [juryId]))[0]!;
}

// ---------------------------------------------------------------------------------------------
// Candidates

export interface EpreuveChargee {
  id: number;
  code: string;
  libelle: string;
  coefficient: number;
  domaine: 'professionnel' | 'general' | null;
  facultative: boolean;
  /** The contrôle oral that may replace this épreuve. */
  controle: EpreuveDeControle | null;
}

export interface NoteLue {
  statut: StatutNote;
  valeur: number | null;
  sessionOrigine: string | null;
  saisieLe: Date;
}

/** One contrôle oral of the candidate: the épreuve it is (ECT1/ECT2), the one it may replace, its grade. */
export interface OralCandidat {
  oral: EpreuveDeControle;
  epreuveControle: { id: number; code: string; libelle: string } | null;
  /** Chosen at registration; null when not chosen (the candidate does not take this oral). */
  epreuveRemplacee: { id: number; libelle: string } | null;
  note: NoteLue | null;
}

export interface DecisionEnregistree {
  decision: string;
  moyenne: number | null;
  mention: string | null;
  explication: string[];
  decidePar: number | null;
  decideLe: Date;
}

export interface ModificationLue {
  id: number;
  epreuveOptionId: number;
  epreuve: string;
  groupe: number;
  ancienStatut: StatutNote | null;
  ancienneValeur: number | null;
  nouveauStatut: StatutNote;
  nouvelleValeur: number | null;
  motif: string;
  parLibelle: string;
  le: Date;
}

export interface CandidatJury {
  candidatureId: number;
  candidatId: number;
  juryId: number;
  /** "01950022359 - 002" */
  numeroCandidat: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  listeRouge: boolean;
  presumeFraudeur: boolean;
  centreControle: Etablissement | null;
  /** The épreuves the candidate is registered for (not the contrôle orals), in the spécialité's order. */
  epreuves: EpreuveChargee[];
  /** First-group grades by épreuve id. */
  notes: Map<number, NoteLue>;
  /** The two orals, scientifique then français-HG. */
  oraux: OralCandidat[];
  decision: DecisionEnregistree | null;
  modifications: ModificationLue[];
  /** Computed by the rule engine from the grades above. */
  resultat: ResultatCandidat;
}

/** The candidates of one jury (in the actor's scope: check it first). */
export async function chargerCandidatsJury(db: Executeur, juryId: number): Promise<CandidatJury[]> {
  return chargerCandidats(db, [juryId]);
}

/** The candidates of these juries, by jury then numéro de candidat, with their results. */
export async function chargerCandidats(db: Executeur, juryIds: readonly number[], opts: { candidatureIds?: readonly number[] } = {}): Promise<CandidatJury[]> {
  const ids = [...new Set(juryIds)];
  if (!ids.length) return [];
  if (opts.candidatureIds && opts.candidatureIds.length === 0) return [];
  const seules = opts.candidatureIds ? [...opts.candidatureIds] : null;
  const candidatures = (eb: ExpressionBuilder<DB, any>) => {
    const s = eb.selectFrom('candidature').select('candidature.id').where('candidature.jury_id', 'in', ids);
    return seules ? s.where('candidature.id', 'in', seules) : s;
  };
  let requeteCandidats = db
    .selectFrom('candidature as c')
    .innerJoin('candidat as ca', 'ca.id', 'c.candidat_id')
    .leftJoin('etablissement as e', 'e.id', 'c.centre_controle_id')
    .select([
      'c.id',
      'c.candidat_id',
      'c.jury_id',
      'c.numero_candidat',
      'c.liste_rouge',
      'c.presume_fraudeur',
      'c.specialite_id',
      'ca.civilite',
      'ca.nom',
      'ca.prenom',
      'ca.date_naissance',
      'e.id as cc_id',
      'e.uai as cc_uai',
      'e.type as cc_type',
      'e.nom as cc_nom',
      'e.commune as cc_commune',
    ])
    .where('c.jury_id', 'in', ids);
  if (seules) requeteCandidats = requeteCandidats.where('c.id', 'in', seules);

  const [lignes, epreuves, notes, choix, decisions, modifications] = await Promise.all([
    requeteCandidats
      .orderBy('c.jury_id')
      .orderBy('c.numero_candidat')
      .execute(),
    db
      .selectFrom('candidature_epreuve as ce')
      .innerJoin('epreuve_option as eo', 'eo.id', 'ce.epreuve_option_id')
      .select(['ce.candidature_id', 'eo.id', 'eo.code', 'eo.libelle', 'eo.coefficient', 'eo.domaine', 'eo.facultative', 'eo.controle'])
      .where('ce.candidature_id', 'in', candidatures)
      .where('eo.est_controle', 'is', null)
      .orderBy('eo.id')
      .execute(),
    db
      .selectFrom('note')
      .select(['candidature_id', 'epreuve_option_id', 'groupe', 'statut', 'valeur', 'session_origine', 'saisie_le'])
      .where('candidature_id', 'in', candidatures)
      .execute(),
    db
      .selectFrom('choix_controle as cc')
      .innerJoin('epreuve_option as ect', 'ect.id', 'cc.epreuve_controle_id')
      .innerJoin('epreuve_option as r', 'r.id', 'cc.epreuve_remplacee_id')
      .select(['cc.candidature_id', 'ect.est_controle', 'ect.id as ect_id', 'ect.code as ect_code', 'ect.libelle as ect_libelle', 'r.id as r_id', 'r.libelle as r_libelle'])
      .where('cc.candidature_id', 'in', candidatures)
      .execute(),
    db
      .selectFrom('decision_jury')
      .select(['candidature_id', 'decision', 'moyenne', 'mention', 'explication', 'decide_par', 'decide_le'])
      .where('candidature_id', 'in', candidatures)
      .execute(),
    db
      .selectFrom('modification_note as m')
      .innerJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
      .select([
        'm.id',
        'm.candidature_id',
        'm.epreuve_option_id',
        'eo.libelle',
        'm.groupe',
        'm.ancien_statut',
        'm.ancienne_valeur',
        'm.nouveau_statut',
        'm.nouvelle_valeur',
        'm.motif',
        'm.par_libelle',
        'm.le',
      ])
      .where('m.candidature_id', 'in', candidatures)
      .orderBy('m.le')
      .orderBy('m.id')
      .execute(),
  ]);

  // The spécialité's orals, only for a candidate who has not chosen both (the choice is made at registration).
  const choisis = new Map<number, number>();
  for (const ch of choix) choisis.set(ch.candidature_id, (choisis.get(ch.candidature_id) ?? 0) + 1);
  const orauxSpecialite = lignes.some((l) => (choisis.get(l.id) ?? 0) < 2)
    ? await db
      .selectFrom('epreuve_option as eo')
      .select(['eo.id', 'eo.code', 'eo.libelle', 'eo.specialite_id', 'eo.est_controle'])
      .where('eo.est_controle', 'is not', null)
      .where('eo.specialite_id', 'in', (eb) => eb.selectFrom('jury').select('specialite_id').where('id', 'in', ids))
      .execute()
    : [];
  const parCandidature = <T extends { candidature_id: number }>(rows: readonly T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const l = m.get(r.candidature_id);
      if (l) l.push(r);
      else m.set(r.candidature_id, [r]);
    }
    return m;
  };
  const epreuvesPar = parCandidature(epreuves);
  const notesPar = parCandidature(notes);
  const choixPar = parCandidature(choix);
  const modifsPar = parCandidature(modifications);
  const decisionPar = new Map(decisions.map((d) => [d.candidature_id, d]));
  const lue = (n: (typeof notes)[number]): NoteLue => ({ statut: n.statut, valeur: n.valeur === null ? null : Number(n.valeur), sessionOrigine: n.session_origine, saisieLe: n.saisie_le });

  return lignes.map((c) => {
    const eps: EpreuveChargee[] = (epreuvesPar.get(c.id) ?? []).map((e) => ({
      id: e.id,
      code: e.code,
      libelle: e.libelle,
      coefficient: Number(e.coefficient),
      domaine: e.domaine,
      facultative: e.facultative,
      controle: e.controle,
    }));
    const sesNotes = notesPar.get(c.id) ?? [];
    const notes1 = new Map(sesNotes.filter((n) => n.groupe === 1).map((n) => [n.epreuve_option_id, lue(n)]));
    const notes2 = new Map(sesNotes.filter((n) => n.groupe === 2).map((n) => [n.epreuve_option_id, lue(n)]));
    const sesChoix = choixPar.get(c.id) ?? [];
    const oraux: OralCandidat[] = (['scientifique', 'francais_hg'] as const).map((oral) => {
      const ch = sesChoix.find((x) => x.est_controle === oral);
      const ect = ch
        ? { id: ch.ect_id, code: ch.ect_code, libelle: ch.ect_libelle }
        : (orauxSpecialite.find((o) => o.specialite_id === c.specialite_id && o.est_controle === oral) ?? null);
      return {
        oral,
        epreuveControle: ect ? { id: ect.id, code: ect.code, libelle: ect.libelle } : null,
        epreuveRemplacee: ch ? { id: ch.r_id, libelle: ch.r_libelle } : null,
        note: ect ? (notes2.get(ect.id) ?? null) : null,
      };
    });
    const d = decisionPar.get(c.id);
    const candidat: Omit<CandidatJury, 'resultat'> = {
      candidatureId: c.id,
      candidatId: c.candidat_id,
      juryId: c.jury_id!,
      numeroCandidat: c.numero_candidat,
      civilite: c.civilite,
      nom: c.nom,
      prenom: c.prenom,
      dateNaissance: c.date_naissance,
      listeRouge: c.liste_rouge,
      presumeFraudeur: c.presume_fraudeur,
      centreControle: c.cc_id === null ? null : { id: c.cc_id, uai: c.cc_uai!, type: c.cc_type!, nom: c.cc_nom!, commune: c.cc_commune! },
      epreuves: eps,
      notes: notes1,
      oraux,
      decision: d
        ? {
            decision: d.decision,
            moyenne: d.moyenne === null ? null : Number(d.moyenne),
            mention: d.mention,
            explication: d.explication as string[],
            decidePar: d.decide_par,
            decideLe: d.decide_le,
          }
        : null,
      modifications: (modifsPar.get(c.id) ?? []).map((m) => ({
        id: m.id,
        epreuveOptionId: m.epreuve_option_id,
        epreuve: m.libelle,
        groupe: m.groupe,
        ancienStatut: m.ancien_statut,
        ancienneValeur: m.ancienne_valeur === null ? null : Number(m.ancienne_valeur),
        nouveauStatut: m.nouveau_statut,
        nouvelleValeur: m.nouvelle_valeur === null ? null : Number(m.nouvelle_valeur),
        motif: m.motif,
        parLibelle: m.par_libelle,
        le: m.le,
      })),
    };
    return { ...candidat, resultat: calculerResultat(candidat) };
  });
}
