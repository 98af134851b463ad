// The DEC's side of the Bac Pro second group (issue 7 §2 and §4): the académie's juries and their
// états (lock the first group 140 → 198, open the contrôle 198 → 200), the contrôle grades (one by one,
// or a CSV file imported all or nothing), the jury's decisions and its closing (210 → 211) until the
// Jury portal of issue 8, and the publication of the results once every jury of the session is at 214
// (frozen in resultat_publie, read by the espace candidat).
//
// Scope: the gestionnaire's académie (another académie's jury answers 404, jurys.repo.ts). Rules and
// results are the domain's (jury.ts, deliberation.ts through resultats.ts); every write is audited;
// a jury's version guards the decisions and the closing against a page displayed before a change.
import { sql, type Transaction } from 'kysely';
import { lireNote, LIBELLE_ORAL, type OralControle } from '../../domain/cyclades/deliberation.ts';
import { compterParEtat, ETATS_JURY, LIBELLE_ETAT_JURY, libelleEtatJury, verifierOperation, type EtatJury } from '../../domain/cyclades/jury.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { DB } from '../platform/db/tables.ts';
import { champInvalide, conflit, introuvable, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { academieGeree, contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import type { NoteControle } from './dec.schemas.ts';
import { chargerCandidats, chargerJurys, JURY_INTROUVABLE_ACADEMIE, jurysDansPortee, libelleEtablissement, type CandidatJury, type Executeur, type JuryCharge } from './jurys.repo.ts';
import { decisionCalculee, libelleDecision, libelleMention, notesAPublier, texteNote } from './resultats.ts';
import { changerEtat, changerEtatPartiel, phraseRefus } from './transitions.ts';
import { enregistrerDecisionsCalculees } from './decisions.ts';
import { champsCsv } from '../platform/documents/csv.ts';

export const MESSAGE_DEJA_PUBLIE = 'Les résultats de cette session sont déjà publiés.';
export const CANDIDATURE_INTROUVABLE = "Ce candidat n'existe pas ou n'est pas délibéré par un jury de votre académie.";
export const SESSION_INTROUVABLE = "Aucun jury de cette session n'est délibéré dans votre académie.";
export const ENTETE_IMPORT = ['N° candidat', 'Epreuve', 'Note'] as const;

const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n > 1 ? plusieurs : un}`;
const minuscule = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function jurysVue(j: JuryCharge) {
  return {
    id: j.id,
    numero: j.numero,
    session: j.session,
    specialite: j.specialite,
    centre: { ...j.centre, libelle: libelleEtablissement(j.centre) },
    groupeDecision: j.groupeDecision,
    etat: j.etat,
    libelleEtat: j.libelleEtat,
    version: j.version,
  };
}

/** Counts of a jury's candidates: first-group results, missing contrôle grades, decisions recorded. */
function comptes(candidats: readonly CandidatJury[]) {
  const pg = (d: string) => candidats.filter((c) => c.resultat.premierGroupe.decision === d).length;
  return {
    nbCandidats: candidats.length,
    nbAdmis: pg('admis'),
    nbAdmissibles: pg('admissible'),
    nbAjournes: pg('ajourne'),
    nbNotesControleManquantes: candidats.reduce((t, c) => t + c.resultat.manquantesControle.length, 0),
    nbDecisions: candidats.filter((c) => c.decision).length,
  };
}

function parJury(candidats: readonly CandidatJury[]): Map<number, CandidatJury[]> {
  const m = new Map<number, CandidatJury[]>();
  for (const c of candidats) m.set(c.juryId, [...(m.get(c.juryId) ?? []), c]);
  return m;
}

async function sessionsDeLAcademie(db: Executeur, academieCode: string) {
  return db
    .selectFrom('session_examen as se')
    .select(['se.id', 'se.code', 'se.libelle', 'se.examen_code'])
    .where('se.id', 'in', (eb) => eb.selectFrom('jury').select('session_examen_id').where('academie_code', '=', academieCode))
    .orderBy('se.annee', 'desc')
    .orderBy('se.id', 'desc')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Juries

export async function listerJurys(ctx: AppContext, actor: Actor, filtre: { session?: number; etat?: EtatJury[]; q?: string }) {
  const ac = academieGeree(actor);
  const sessions = await sessionsDeLAcademie(ctx.db, ac);
  const sessionId = filtre.session ?? sessions[0]?.id;
  const jurys = sessionId === undefined ? [] : await chargerJurys(ctx.db, { academieCode: ac, sessionId, etats: filtre.etat, q: filtre.q });
  const candidats = parJury(await chargerCandidats(ctx.db, jurys.map((j) => j.id)));
  return {
    sessions: sessions.map((s) => ({ id: s.id, code: s.code, libelle: s.libelle })),
    sessionId: sessionId ?? null,
    etats: ETATS_JURY.map((e) => ({ etat: e, libelle: libelleEtatJury(e) })),
    jurys: jurys.map((j) => ({ ...jurysVue(j), ...comptes(candidats.get(j.id) ?? []) })),
  };
}

/**
 * 140 → 198 (verrouiller le 1er groupe) or 198 → 200 (ouvrir l'épreuve de contrôle): the juries of
 * the selection that can move do; the others are reported by number with the reason (409 when none can).
 */
export async function changerEtatJurys(ctx: AppContext, actor: Actor, demande: { juryIds: number[]; vers: 198 | 200 }, trace: Trace) {
  academieGeree(actor);
  const de: EtatJury = demande.vers === 198 ? 140 : 198;
  const { deplaces, refus } = await ctx.db.transaction().execute((trx) => changerEtatPartiel(trx, actor, { juryIds: demande.juryIds, de, vers: demande.vers, trace }));
  const jurys = await chargerJurys(ctx.db, { academieCode: actor.academieCode, juryIds: deplaces });
  const numeros = jurys.map((j) => j.numero).join(', ');
  return {
    message: `Enregistrement effectué : ${deplaces.length > 1 ? `les jurys ${numeros} sont` : `le jury ${numeros} est`} à l'état ${libelleEtatJury(demande.vers)}.${phraseRefus(refus)}`,
    deplaces,
    refus: refus.map((r) => ({ id: r.id, numero: r.numero, message: r.message })),
  };
}

function vueCandidat(c: CandidatJury) {
  const r = c.resultat;
  const pg = r.premierGroupe;
  return {
    candidatureId: c.candidatureId,
    numeroCandidat: c.numeroCandidat,
    civilite: c.civilite,
    nom: c.nom,
    prenom: c.prenom,
    listeRouge: c.listeRouge,
    presumeFraudeur: c.presumeFraudeur,
    centreControle: c.centreControle ? libelleEtablissement(c.centreControle) : null,
    notes: c.epreuves.map((e) => ({
      epreuveId: e.id,
      code: e.code,
      libelle: e.libelle,
      coefficient: e.coefficient,
      domaine: e.domaine,
      facultative: e.facultative,
      note: texteNote(c.notes.get(e.id)),
    })),
    premierGroupe: {
      decision: pg.decision,
      libelle: libelleDecision(pg.decision),
      moyenne: pg.moyenne?.texte ?? null,
      moyenneProfessionnelle: pg.moyenneProfessionnelle?.texte ?? null,
      mention: libelleMention(pg.mention),
    },
    admissible: pg.decision === 'admissible',
    oraux: c.oraux.map((o) => ({
      oral: o.oral,
      libelle: LIBELLE_ORAL[o.oral],
      code: o.epreuveControle?.code ?? null,
      epreuveRemplacee: o.epreuveRemplacee?.libelle ?? null,
      statut: o.note?.statut ?? null,
      valeur: o.note?.valeur ?? null,
      note: texteNote(o.note),
    })),
    resultat: {
      groupe: r.definitif.groupe,
      decision: r.definitif.decision,
      libelle: libelleDecision(r.definitif.decision),
      moyenne: r.definitif.moyenne?.texte ?? null,
      mention: libelleMention(r.definitif.mention),
      explication: r.definitif.explication,
      manquantes: r.definitif.manquantes,
      erreur: r.erreur,
    },
    decision: c.decision
      ? {
          decision: c.decision.decision,
          libelle: libelleDecision(c.decision.decision),
          moyenne: c.decision.moyenne,
          mention: libelleMention(c.decision.mention),
          decideLe: c.decision.decideLe,
          conforme: c.decision.decision === r.definitif.decision,
        }
      : null,
    modifications: c.modifications.map((m) => ({
      epreuve: m.epreuve,
      avant: m.ancienStatut === null ? '' : texteNote({ statut: m.ancienStatut, valeur: m.ancienneValeur, sessionOrigine: null, saisieLe: m.le }),
      apres: texteNote({ statut: m.nouveauStatut, valeur: m.nouvelleValeur, sessionOrigine: null, saisieLe: m.le }),
      motif: m.motif,
      par: m.parLibelle,
      le: m.le,
    })),
  };
}

export async function candidatsDuJury(ctx: AppContext, actor: Actor, juryId: number) {
  academieGeree(actor);
  const [jury] = await jurysDansPortee(ctx.db, actor, [juryId]);
  const candidats = await chargerCandidats(ctx.db, [juryId]);
  return { jury: { ...jurysVue(jury!), ...comptes(candidats) }, candidats: candidats.map(vueCandidat) };
}

// ---------------------------------------------------------------------------------------------
// Versions

/** The jury locked for this transaction, within the académie; 404 otherwise. */
async function verrouillerJury(trx: Transaction<DB>, actor: Actor, juryId: number) {
  const j = await trx
    .selectFrom('jury')
    .select(['id', 'numero', 'etat', 'version'])
    .where('id', '=', juryId)
    .where('academie_code', '=', academieGeree(actor))
    .forUpdate()
    .executeTakeFirst();
  if (!j) throw introuvable(JURY_INTROUVABLE_ACADEMIE);
  return j;
}

export function messageVersionPerimee(numero: string, affichee: number, actuelle: number): string {
  return `Le jury ${numero} a été modifié depuis l'affichage de la page (version ${actuelle}, la page affichait la version ${affichee}) : rechargez la page pour voir ses données à jour, puis recommencez.`;
}

function exigerVersion(j: { numero: string; version: number }, version: number) {
  if (j.version !== version) throw conflit(messageVersionPerimee(j.numero, version, j.version));
}

async function incrementerVersion(trx: Transaction<DB>, juryIds: readonly number[]) {
  if (!juryIds.length) return new Map<number, number>();
  const rows = await trx
    .updateTable('jury')
    .set((eb) => ({ version: eb('version', '+', 1), modifie_le: sql<Date>`now()` }))
    .where('id', 'in', [...juryIds])
    .returning(['id', 'version'])
    .execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}

// ---------------------------------------------------------------------------------------------
// Contrôle grades

const ETATS_SAISIE: readonly EtatJury[] = [200, 210];

function refusSaisie(numero: string, etat: EtatJury, etats: readonly EtatJury[] = ETATS_SAISIE): string {
  return `Le jury ${numero} est à l'état ${libelleEtatJury(etat)} : la saisie des notes de l'épreuve de contrôle demande l'état ${etats.map(libelleEtatJury).join(' ou ')}.`;
}

/** Why this candidate's oral cannot be graded, or null. */
function refusCandidat(c: CandidatJury, oral: OralControle): string | null {
  if (c.resultat.premierGroupe.decision !== 'admissible') {
    return `Le candidat ${c.numeroCandidat} n'est pas admissible à l'épreuve de contrôle (résultat du 1er groupe : ${libelleDecision(c.resultat.premierGroupe.decision)}).`;
  }
  const o = c.oraux.find((x) => x.oral === oral)!;
  if (!o.epreuveControle || !o.epreuveRemplacee) return `Le candidat ${c.numeroCandidat} n'a pas choisi d'épreuve pour l'${minuscule(LIBELLE_ORAL[oral])}.`;
  return null;
}

const memeValeur = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.round(a * 100) === Math.round(b * 100));

function memeNote(a: { statut: string; valeur: number | null } | null | undefined, b: { statut: string; valeur: number | null } | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.statut === b.statut && memeValeur(a.valeur, b.valeur);
}

const DATE_HEURE_PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** "17/06/2026 à 10:32", Paris time. */
const dateHeureParis = (d: Date) => DATE_HEURE_PARIS.format(d).replace(' ', ' à ').replace(',', '');

/** Who changed a grade, as the PV lists it. */
function parLibelle(actor: Actor): string {
  return `${actor.login} (gestionnaire DEC)`;
}

/** One contrôle grade; at 210 (deliberation) the change needs a motif and is listed in the PV. */
export async function saisirNoteControle(ctx: AppContext, actor: Actor, saisie: NoteControle, trace: Trace) {
  const ac = academieGeree(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const cand = await trx
      .selectFrom('candidature as c')
      .innerJoin('jury as j', 'j.id', 'c.jury_id')
      .select(['c.id', 'j.id as jury_id'])
      .where('c.id', '=', saisie.candidatureId)
      .where('j.academie_code', '=', ac)
      .executeTakeFirst();
    if (!cand) throw introuvable(CANDIDATURE_INTROUVABLE);
    const jury = await verrouillerJury(trx, actor, cand.jury_id);
    if (!ETATS_SAISIE.includes(jury.etat)) throw conflit(refusSaisie(jury.numero, jury.etat));
    const [c] = await chargerCandidats(trx, [jury.id], { candidatureIds: [cand.id] });
    const refus = refusCandidat(c!, saisie.epreuve);
    if (refus) throw conflit(refus);
    const oral = c!.oraux.find((o) => o.oral === saisie.epreuve)!;
    const valeur = saisie.statut === 'note' ? saisie.valeur! : null;
    const avant = oral.note;
    if (avant && avant.statut === saisie.statut && memeValeur(avant.valeur, valeur)) {
      return { message: `Note inchangée pour le candidat ${c!.numeroCandidat}.`, version: jury.version, candidat: vueCandidat(c!) };
    }
    // The grade the page showed must still be the one stored: no one overwrites a change he has not seen.
    if (!memeNote(saisie.attendu, avant)) {
      const derniere = await trx
        .selectFrom('modification_note')
        .select(['par_libelle as par', 'le'])
        .where('candidature_id', '=', cand.id)
        .where('epreuve_option_id', '=', oral.epreuveControle!.id)
        .where('groupe', '=', 2)
        .orderBy('le', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const saisieLue = derniere
        ? derniere
        : await trx
            .selectFrom('note as n')
            .leftJoin('compte as co', 'co.id', 'n.saisie_par')
            .select(['co.login as par', 'n.saisie_le as le'])
            .where('n.candidature_id', '=', cand.id)
            .where('n.epreuve_option_id', '=', oral.epreuveControle!.id)
            .where('n.groupe', '=', 2)
            .executeTakeFirst();
      const qui = saisieLue?.par ? ` par ${saisieLue.par}` : '';
      const quand = saisieLue?.le ? ` le ${dateHeureParis(new Date(saisieLue.le))}` : '';
      const texte = (n: { statut: 'note' | 'absent' | 'dispense' | 'conservee'; valeur: number | null } | null | undefined) =>
        n ? texteNote({ ...n, sessionOrigine: null, saisieLe: new Date() }) : '(aucune)';
      throw conflit(
        `La note de l'${minuscule(LIBELLE_ORAL[saisie.epreuve])} du candidat ${c!.numeroCandidat} a été modifiée${qui}${quand} depuis l'affichage de votre page (${texte(saisie.attendu)} → ${texte(avant)}). Votre saisie n'est pas enregistrée : la page est mise à jour, vérifiez la note puis recommencez si besoin.`,
      );
    }
    const deliberation = jury.etat === 210;
    if (deliberation && !saisie.motif) {
      throw champInvalide('motif', 'Motif : obligatoire pour modifier une note pendant la délibération (jury à l’état 210) ; il figure au PV des notes modifiées.');
    }
    await trx
      .insertInto('note')
      .values({ candidature_id: cand.id, epreuve_option_id: oral.epreuveControle!.id, groupe: 2, statut: saisie.statut, valeur, saisie_par: actor.compteId })
      .onConflict((oc) =>
        oc.columns(['candidature_id', 'epreuve_option_id', 'groupe']).doUpdateSet({ statut: saisie.statut, valeur, saisie_par: actor.compteId, saisie_le: sql<Date>`now()` }),
      )
      .execute();
    let suite = '';
    if (deliberation) {
      await trx
        .insertInto('modification_note')
        .values({
          candidature_id: cand.id,
          epreuve_option_id: oral.epreuveControle!.id,
          groupe: 2,
          ancien_statut: avant?.statut ?? null,
          ancienne_valeur: avant?.valeur ?? null,
          nouveau_statut: saisie.statut,
          nouvelle_valeur: valeur,
          motif: saisie.motif!,
          par_compte_id: actor.compteId,
          par_libelle: parLibelle(actor),
        })
        .execute();
      // The decision recorded was taken on the former grade: it must be recorded again.
      const effacee = await trx.deleteFrom('decision_jury').where('candidature_id', '=', cand.id).executeTakeFirst();
      if (Number(effacee.numDeletedRows) > 0) suite = ' La décision enregistrée pour ce candidat est annulée : enregistrez à nouveau les décisions du jury.';
    }
    const versions = await incrementerVersion(trx, [jury.id]);
    const nouvelle = { statut: saisie.statut, valeur };
    await audit(trx, contexteAudit(actor, trace), {
      action: deliberation ? 'note-controle.modification' : 'note-controle.saisie',
      entite: 'candidature',
      entiteId: cand.id,
      avant: avant ? { epreuve: oral.epreuveControle!.code, statut: avant.statut, valeur: avant.valeur } : null,
      apres: { epreuve: oral.epreuveControle!.code, ...nouvelle, ...(deliberation ? { motif: saisie.motif } : {}) },
    });
    const [apres] = await chargerCandidats(trx, [jury.id], { candidatureIds: [cand.id] });
    const texte = saisie.statut === 'absent' ? 'absent' : texteNote({ ...nouvelle, sessionOrigine: null, saisieLe: new Date() });
    return {
      message: `Note enregistrée : ${c!.numeroCandidat}, ${minuscule(LIBELLE_ORAL[saisie.epreuve])} : ${texte}.${suite}`,
      version: versions.get(jury.id)!,
      candidat: vueCandidat(apres!),
    };
  });
}

const sansAccents = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** "ECT1", "scientifique", "épr. Scientifique et Technique"… → the oral; null otherwise. */
export function lireEpreuve(texte: string): OralControle | null {
  const s = sansAccents(texte);
  if (['ect1', 'scientifique', 'epr. scientifique et technique', 'scientifique et technique', 'epreuve scientifique et technique'].includes(s)) return 'scientifique';
  if (['ect2', 'francais_hg', 'francais-hg', 'epr. francais et histoire geographie', 'francais et histoire geographie', 'epreuve de francais et histoire-geographie', 'epreuve de francais et histoire geographie'].includes(s)) {
    return 'francais_hg';
  }
  return null;
}

interface LigneImport {
  ligne: number;
  numero: string;
  oral: OralControle;
  statut: 'note' | 'absent';
  valeur: number | null;
}

/** Reads the file "N° candidat;Epreuve;Note"; every rejected line with its number and why. */
export function lireImport(contenu: string): { lignes: LigneImport[]; erreurs: string[] } {
  const brutes = contenu.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entete = champsCsv(brutes[0] ?? '').map(sansAccents);
  const attendu = ENTETE_IMPORT.join(';');
  if (entete.length < 3 || !entete[0]!.startsWith('n') || !entete[0]!.includes('candidat') || entete[1] !== 'epreuve' || entete[2] !== 'note') {
    return { lignes: [], erreurs: [`Ligne 1 : la ligne d'en-tête doit être « ${attendu} » (séparateur point-virgule).`] };
  }
  const lignes: LigneImport[] = [];
  const erreurs: string[] = [];
  const vues = new Map<string, number>();
  for (let i = 1; i < brutes.length; i++) {
    if (!brutes[i]!.trim()) continue;
    const n = i + 1;
    const [numero = '', epreuve = '', note = '', ...reste] = champsCsv(brutes[i]!);
    const pb: string[] = [];
    if (reste.some((r) => r !== '')) pb.push(`trois colonnes sont attendues (${attendu})`);
    if (!numero) pb.push('N° candidat vide');
    const oral = lireEpreuve(epreuve);
    if (!oral) pb.push(`épreuve « ${epreuve} » inconnue : ECT1 (épreuve scientifique et technique) ou ECT2 (épreuve de français et histoire-géographie) est attendue`);
    let statut: 'note' | 'absent' = 'note';
    let valeur: number | null = null;
    if (/^abs(ent)?$/i.test(note)) statut = 'absent';
    else {
      valeur = lireNote(note);
      if (valeur === null) pb.push(note ? `note « ${note} » invalide : une note sur 20 avec au plus deux décimales (12 ou 12,5) ou ABS est attendue` : 'note vide : une note sur 20 ou ABS est attendue');
    }
    if (numero && oral) {
      const cle = `${numero}|${oral}`;
      const deja = vues.get(cle);
      if (deja) pb.push(`le candidat ${numero} a déjà une note pour cette épreuve ligne ${deja}`);
      else vues.set(cle, n);
    }
    if (pb.length) erreurs.push(`Ligne ${n} : ${pb.join(' ; ')}.`);
    else lignes.push({ ligne: n, numero, oral: oral!, statut, valeur });
  }
  if (!lignes.length && !erreurs.length) erreurs.push('Le fichier ne contient aucune note (seulement la ligne d’en-tête).');
  return { lignes, erreurs };
}

function refusImport(erreurs: string[]): never {
  const fields = Object.fromEntries(erreurs.map((e, i) => [`ligne${String(i).padStart(4, '0')}`, e]));
  throw invalide(`Le fichier contient ${pluriel(erreurs.length, 'erreur', 'erreurs')} : aucune note n'a été importée. ${erreurs.slice(0, 20).join(' ')}${erreurs.length > 20 ? ' …' : ''}`, fields);
}

/** Imports a file of contrôle grades: every line is checked first; one error and nothing is imported. */
export async function importerNotesControle(ctx: AppContext, actor: Actor, fichier: { contenu: string; nomFichier?: string }, trace: Trace) {
  const ac = academieGeree(actor);
  const { lignes, erreurs } = lireImport(fichier.contenu);
  if (erreurs.length && !lignes.length) refusImport(erreurs);
  return ctx.db.transaction().execute(async (trx) => {
    const numeros = [...new Set(lignes.map((l) => l.numero))];
    const cands = numeros.length
      ? await trx
          .selectFrom('candidature as c')
          .innerJoin('jury as j', 'j.id', 'c.jury_id')
          .select(['c.id', 'c.numero_candidat', 'j.id as jury_id'])
          .where('c.numero_candidat', 'in', numeros)
          .where('j.academie_code', '=', ac)
          .execute()
      : [];
    const juryIds = [...new Set(cands.map((c) => c.jury_id))];
    // Locked in a fixed order: two imports never wait for one another crosswise.
    const jurys = juryIds.length ? await trx.selectFrom('jury').select(['id', 'numero', 'etat']).where('id', 'in', juryIds).orderBy('id').forUpdate().execute() : [];
    const juryPar = new Map(jurys.map((j) => [j.id, j]));
    const candidats = new Map((await chargerCandidats(trx, juryIds, { candidatureIds: cands.map((c) => c.id) })).map((c) => [c.numeroCandidat, c]));
    const parNumero = new Map<string, number[]>();
    for (const c of cands) parNumero.set(c.numero_candidat, [...(parNumero.get(c.numero_candidat) ?? []), c.id]);

    const aEcrire: Array<LigneImport & { candidat: CandidatJury }> = [];
    for (const l of lignes) {
      const ids = parNumero.get(l.numero);
      if (!ids) {
        erreurs.push(`Ligne ${l.ligne} : candidat ${l.numero} inconnu des jurys de votre académie.`);
        continue;
      }
      if (ids.length > 1) {
        erreurs.push(`Ligne ${l.ligne} : plusieurs candidatures portent le numéro ${l.numero} ; saisissez cette note depuis le jury du candidat.`);
        continue;
      }
      const c = candidats.get(l.numero)!;
      const j = juryPar.get(c.juryId)!;
      if (j.etat !== 200) {
        erreurs.push(
          `Ligne ${l.ligne} : ${minuscule(refusSaisie(j.numero, j.etat, [200])).replace(/\.$/, '')}${j.etat === 210 ? ' ; pendant la délibération, modifiez la note une à une avec un motif' : ''}.`,
        );
        continue;
      }
      const refus = refusCandidat(c, l.oral);
      if (refus) {
        erreurs.push(`Ligne ${l.ligne} : ${minuscule(refus)}`);
        continue;
      }
      aEcrire.push({ ...l, candidat: c });
    }
    if (erreurs.length) refusImport(erreurs.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0])));

    const valeurs = aEcrire.map((l) => ({
      candidature_id: l.candidat.candidatureId,
      epreuve_option_id: l.candidat.oraux.find((o) => o.oral === l.oral)!.epreuveControle!.id,
      groupe: 2 as const,
      statut: l.statut,
      valeur: l.valeur,
      saisie_par: actor.compteId,
    }));
    for (let i = 0; i < valeurs.length; i += 1000) {
      await trx
        .insertInto('note')
        .values(valeurs.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.columns(['candidature_id', 'epreuve_option_id', 'groupe']).doUpdateSet((eb) => ({
            statut: eb.ref('excluded.statut'),
            valeur: eb.ref('excluded.valeur'),
            saisie_par: eb.ref('excluded.saisie_par'),
            saisie_le: sql<Date>`now()`,
          })),
        )
        .execute();
    }
    await incrementerVersion(trx, juryIds);
    const ctxAudit = contexteAudit(actor, trace);
    for (const j of jurys) {
      const duJury = aEcrire.filter((l) => l.candidat.juryId === j.id);
      await audit(trx, ctxAudit, {
        action: 'note-controle.import',
        entite: 'jury',
        entiteId: j.id,
        apres: { numero: j.numero, fichier: fichier.nomFichier ?? null, notes: duJury.map((l) => ({ candidat: l.numero, epreuve: l.oral, statut: l.statut, valeur: l.valeur })) },
      });
    }
    const numerosJurys = jurys.map((j) => j.numero).sort();
    return {
      message: `${pluriel(aEcrire.length, 'note importée', 'notes importées')} (${numerosJurys.length > 1 ? 'jurys' : 'jury'} ${numerosJurys.join(', ')}).`,
      importees: aEcrire.length,
    };
  });
}

/** The juries whose contrôle grades may be entered now (200, 210) and the others of the session, with their counts. */
export async function jurysSaisieNotes(ctx: AppContext, actor: Actor, filtre: { session?: number }) {
  return listerJurys(ctx, actor, { session: filtre.session });
}

/** The candidates admissible to the contrôle of a jury, with their orals. */
export async function candidatsControle(ctx: AppContext, actor: Actor, juryId: number) {
  const r = await candidatsDuJury(ctx, actor, juryId);
  return {
    jury: r.jury,
    saisieOuverte: ETATS_SAISIE.includes(r.jury.etat),
    motifObligatoire: r.jury.etat === 210,
    candidats: r.candidats.filter((c) => c.admissible),
  };
}

// ---------------------------------------------------------------------------------------------
// Decisions and closing (until the Jury portal of issue 8)

export async function enregistrerDecisions(
  ctx: AppContext,
  actor: Actor,
  juryId: number,
  saisie: { version: number; decisions?: Array<{ candidatureId: number; decision: 'admis' | 'ajourne' }> },
  trace: Trace,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const jury = await verrouillerJury(trx, actor, juryId);
    if (jury.etat !== 210) {
      throw conflit(`Le jury ${jury.numero} est à l'état ${libelleEtatJury(jury.etat)} : l'enregistrement des décisions demande l'état ${libelleEtatJury(210)}.`);
    }
    exigerVersion(jury, saisie.version);
    const candidats = await chargerCandidats(trx, [jury.id]);
    const forcees = new Map((saisie.decisions ?? []).map((d) => [d.candidatureId, d.decision]));
    const inconnues = [...forcees.keys()].filter((id) => !candidats.some((c) => c.candidatureId === id));
    if (inconnues.length) throw introuvable(`Un candidat de la saisie n'est pas délibéré par le jury ${jury.numero}.`);
    const { lignes, sansDecision } = await enregistrerDecisionsCalculees(trx, jury.id, candidats, forcees, actor.compteId);
    const version = (await incrementerVersion(trx, [jury.id])).get(jury.id)!;
    await audit(trx, contexteAudit(actor, trace), {
      action: 'jury.decisions',
      entite: 'jury',
      entiteId: jury.id,
      apres: { numero: jury.numero, decisions: lignes.map((l) => ({ candidatureId: l.candidature_id, decision: l.decision })), sansDecision },
    });
    const manque = sansDecision.length
      ? ` ${pluriel(sansDecision.length, 'candidat reste', 'candidats restent')} sans décision, faute de notes (${sansDecision.join(', ')}) : le jury ne pourra être clos qu'une fois ces notes saisies.`
      : '';
    return { message: `Décisions enregistrées pour ${pluriel(lignes.length, 'candidat', 'candidats')} du jury ${jury.numero}.${manque}`, version, enregistrees: lignes.length, sansDecision };
  });
}

export async function cloreJury(ctx: AppContext, actor: Actor, juryId: number, saisie: { version: number }, trace: Trace) {
  return ctx.db.transaction().execute(async (trx) => {
    const jury = await verrouillerJury(trx, actor, juryId);
    // The état first: a jury already closed says so, whatever the version of the page.
    const v = verifierOperation({ numero: jury.numero, etat: jury.etat }, 'clore', actor.role);
    if (!v.ok) throw conflit(v.message);
    exigerVersion(jury, saisie.version);
    await changerEtat(trx, actor, { juryIds: [jury.id], de: 210, vers: 211, trace });
    return { message: `Enregistrement effectué : le jury ${jury.numero} est clos (${libelleEtatJury(211)}).`, version: jury.version + 1 };
  });
}

// ---------------------------------------------------------------------------------------------
// Publication

export async function etatPublication(ctx: AppContext, actor: Actor) {
  const ac = academieGeree(actor);
  const sessions = await sessionsDeLAcademie(ctx.db, ac);
  const jurys = await chargerJurys(ctx.db, { academieCode: ac });
  const publications = await ctx.db
    .selectFrom('publication_resultats as p')
    .leftJoin('compte as c', 'c.id', 'p.publie_par')
    .select(['p.session_examen_id', 'p.publie_le', 'c.login'])
    .where('p.academie_code', '=', ac)
    .execute();
  return {
    sessions: sessions.map((s) => {
      const duJury = jurys.filter((j) => j.session.id === s.id);
      const pub = publications.find((p) => p.session_examen_id === s.id);
      const nonTermines = duJury.filter((j) => j.etat !== 214);
      return {
        id: s.id,
        code: s.code,
        libelle: s.libelle,
        nbJurys: duJury.length,
        parEtat: [...compterParEtat(duJury)].map(([etat, nombre]) => ({ etat, libelle: LIBELLE_ETAT_JURY[etat], nombre })),
        jurysNonTermines: nonTermines.map((j) => ({ id: j.id, numero: j.numero, etat: j.etat, libelleEtat: j.libelleEtat, centre: libelleEtablissement(j.centre) })),
        publiable: !pub && duJury.length > 0 && nonTermines.length === 0,
        publication: pub ? { le: pub.publie_le, par: pub.login } : null,
      };
    }),
  };
}

export async function publierResultats(ctx: AppContext, actor: Actor, demande: { sessionId: number }, trace: Trace) {
  const ac = academieGeree(actor);
  return ctx.db.transaction().execute(async (trx) => {
    // One publication per académie and session: the row is the lock (a second click waits, then finds it).
    const deja = await trx
      .selectFrom('publication_resultats')
      .select('publie_le')
      .where('academie_code', '=', ac)
      .where('session_examen_id', '=', demande.sessionId)
      .executeTakeFirst();
    if (deja) throw conflit(MESSAGE_DEJA_PUBLIE);
    const jurys = await trx
      .selectFrom('jury')
      .select(['id', 'numero', 'etat'])
      .where('academie_code', '=', ac)
      .where('session_examen_id', '=', demande.sessionId)
      .orderBy('numero')
      .forShare()
      .execute();
    if (!jurys.length) throw introuvable(SESSION_INTROUVABLE);
    const nonTermines = jurys.filter((j) => j.etat !== 214);
    if (nonTermines.length) {
      const details = nonTermines.slice(0, 10).map((j) => `${j.numero} à l'état ${libelleEtatJury(j.etat)}`);
      throw conflit(
        `La publication des résultats demande que tous les jurys de la session soient à l'état ${libelleEtatJury(214)} : ${pluriel(nonTermines.length, 'jury ne l’est pas', 'jurys ne le sont pas')} (${details.join(' ; ')}${nonTermines.length > 10 ? ' ; …' : ''}).`,
      );
    }
    const inseree = await trx
      .insertInto('publication_resultats')
      .values({ academie_code: ac, session_examen_id: demande.sessionId, publie_par: actor.compteId })
      .onConflict((oc) => oc.columns(['academie_code', 'session_examen_id']).doNothing())
      .returning('publie_le')
      .executeTakeFirst();
    if (!inseree) throw conflit(MESSAGE_DEJA_PUBLIE);
    const session = await trx.selectFrom('session_examen').select(['libelle']).where('id', '=', demande.sessionId).executeTakeFirstOrThrow();
    const tous = await chargerCandidats(trx, jurys.map((j) => j.id));
    // A presumed fraudster's result is not published before the disciplinary decision (issue 13 §18).
    const candidats = tous.filter((c) => !c.presumeFraudeur);
    const reserves = tous.length - candidats.length;
    const lignes = candidats.map((c) => {
      // The jury's decision (recorded before closing); the engine's when none was (a jury closed elsewhere).
      const d = c.decision ?? decisionCalculee(c.resultat);
      return {
        candidature_id: c.candidatureId,
        decision: libelleDecision(d.decision),
        mention: libelleMention(d.mention),
        moyenne: d.moyenne,
        notes: JSON.stringify(notesAPublier(c)),
      };
    });
    for (let i = 0; i < lignes.length; i += 1000) {
      await trx
        .insertInto('resultat_publie')
        .values(lignes.slice(i, i + 1000))
        .onConflict((oc) => oc.column('candidature_id').doNothing())
        .execute();
    }
    await audit(trx, contexteAudit(actor, trace), {
      action: 'resultats.publication',
      entite: 'session_examen',
      entiteId: demande.sessionId,
      apres: { session: session.libelle, jurys: jurys.map((j) => j.numero), candidats: lignes.length, reserves },
    });
    const reserve = reserves
      ? ` ${pluriel(reserves, 'résultat de candidat présumé fraudeur n’est pas publié', 'résultats de candidats présumés fraudeurs ne sont pas publiés')} avant la décision disciplinaire.`
      : '';
    return {
      message: `Résultats publiés : ${pluriel(lignes.length, 'candidat', 'candidats')} de la session ${session.libelle} (${pluriel(jurys.length, 'jury', 'jurys')}) ; les candidats les consultent dans leur espace candidat.${reserve}`,
      publies: lignes.length,
      reserves,
    };
  });
}
