// From a candidate's stored grades to the rule engine's input, and its results back (issue 7 §1):
// the first group, the contrôle for a candidate admissible to it, the definitive result, the missing
// contrôle grades, the decision to record and the grades to publish. Every rule is the engine's
// (src/domain/cyclades/deliberation.ts); this file only translates.
import {
  formatNote,
  LIBELLE_DECISION,
  LIBELLE_MENTION,
  notesManquantes,
  resultatApresControle,
  resultatDefinitif,
  resultatPremierGroupe,
  type ChoixControle,
  type Epreuve,
  type Mention,
  type Note,
  type NotesControle,
  type NotesPremierGroupe,
  type OralControle,
  type ResultatApresControle,
  type ResultatDefinitif,
  type ResultatPremierGroupe,
} from '../../domain/cyclades/deliberation.ts';
import type { NotePubliee } from '../platform/db/tables.ts';
import type { CandidatJury, EpreuveChargee, NoteLue } from './jurys.repo.ts';

export interface ResultatCandidat {
  premierGroupe: ResultatPremierGroupe;
  /** For a candidate admissible to the contrôle (null otherwise). */
  apresControle: ResultatApresControle | null;
  /** What is recorded and published: the first group's, or the contrôle's (incomplet while an oral grade is missing). */
  definitif: ResultatDefinitif;
  /** The contrôle grades still missing (admissible candidates only), as the edition names them. */
  manquantesControle: { oral: OralControle; libelle: string }[];
  /** Inconsistent data the engine refused (a grade for an épreuve not registered…): the result is incomplet. */
  erreur: string | null;
}

type Entree = Pick<CandidatJury, 'epreuves' | 'notes' | 'oraux'>;

export function epreuveMoteur(e: EpreuveChargee): Epreuve {
  return { id: String(e.id), code: e.code, libelle: e.libelle, coefficient: e.coefficient, domaine: e.domaine, facultative: e.facultative, controle: e.controle };
}

export function noteMoteur(n: NoteLue): Note {
  switch (n.statut) {
    case 'note':
      return { type: 'note', valeur: n.valeur! };
    case 'conservee':
      return { type: 'conservee', valeur: n.valeur!, session: n.sessionOrigine ?? 'antérieure' };
    case 'absent':
      return { type: 'absent' };
    case 'dispense':
      return { type: 'dispense' };
  }
}

/** The engine's input for this candidate. */
export function entreeMoteur(c: Entree): { epreuves: Epreuve[]; notes: NotesPremierGroupe; controle: NotesControle } {
  const epreuves = c.epreuves.map(epreuveMoteur);
  const notes: Record<string, Note> = {};
  for (const e of c.epreuves) {
    const n = c.notes.get(e.id);
    if (n) notes[String(e.id)] = noteMoteur(n);
  }
  const controle: Partial<Record<OralControle, ChoixControle>> = {};
  for (const o of c.oraux) {
    if (!o.epreuveRemplacee) continue;
    // An oral is graded or missed: any other stored status counts as not entered.
    const note = o.note?.statut === 'note' ? { type: 'note' as const, valeur: o.note.valeur! } : o.note?.statut === 'absent' ? { type: 'absent' as const } : undefined;
    controle[o.oral] = { epreuve: String(o.epreuveRemplacee.id), ...(note ? { note } : {}) };
  }
  return { epreuves, notes, controle };
}

export function calculerResultat(c: Entree): ResultatCandidat {
  const { epreuves, notes, controle } = entreeMoteur(c);
  try {
    const premierGroupe = resultatPremierGroupe(epreuves, notes);
    const admissible = premierGroupe.decision === 'admissible';
    return {
      premierGroupe,
      apresControle: admissible ? resultatApresControle(epreuves, notes, controle) : null,
      definitif: resultatDefinitif(epreuves, notes, controle),
      manquantesControle: admissible ? notesManquantes(controle) : [],
      erreur: null,
    };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const explication = [`Données incohérentes : ${e.message}`];
    const incomplet = { decision: 'incomplet' as const, moyenne: null, mention: null, manquantes: [], explication };
    return {
      premierGroupe: { ...incomplet, moyenneProfessionnelle: null, lignes: [] },
      apresControle: null,
      definitif: { ...incomplet, groupe: 1 },
      manquantesControle: [],
      erreur: e.message,
    };
  }
}

export function libelleDecision(decision: string): string {
  return LIBELLE_DECISION[decision as keyof typeof LIBELLE_DECISION] ?? decision;
}

export function libelleMention(mention: string | null): string | null {
  return mention ? (LIBELLE_MENTION[mention as Mention] ?? mention) : null;
}

/** The decision_jury row the engine gives for this candidate (incomplet when a grade is missing). */
export function decisionCalculee(r: ResultatCandidat): { decision: string; moyenne: number | null; mention: string | null; explication: string[] } {
  return { decision: r.definitif.decision, moyenne: r.definitif.moyenne?.valeur ?? null, mention: r.definitif.mention, explication: r.definitif.explication };
}

function notePubliee(n: NoteLue | null | undefined): string {
  if (!n) return '';
  if (n.statut === 'absent') return 'ABS';
  if (n.statut === 'dispense') return 'DISP';
  return n.valeur!.toFixed(2);
}

/** The grades as the espace candidat shows them: the first group's, then the orals taken (groupe 2). */
export function notesAPublier(c: Pick<CandidatJury, 'epreuves' | 'notes' | 'oraux'>): NotePubliee[] {
  const lignes: NotePubliee[] = c.epreuves.map((e) => ({ epreuve: e.libelle, coefficient: e.coefficient, note: notePubliee(c.notes.get(e.id)), groupe: 1 }));
  for (const o of c.oraux) {
    if (!o.note || !o.epreuveControle) continue;
    lignes.push({ epreuve: `${o.epreuveControle.libelle}${o.epreuveRemplacee ? ` (remplace ${o.epreuveRemplacee.libelle})` : ''}`, coefficient: 0, note: notePubliee(o.note), groupe: 2 });
  }
  return lignes;
}

/** A stored grade in French for a screen or an edition: "12,50", "ABS", "DISP", "12,00 (session 2024)". */
export function texteNote(n: NoteLue | null | undefined): string {
  if (!n) return '';
  switch (n.statut) {
    case 'absent':
      return 'ABS';
    case 'dispense':
      return 'DISP';
    case 'conservee':
      return `${formatNote(n.valeur!)} (session ${n.sessionOrigine ?? 'antérieure'})`;
    case 'note':
      return formatNote(n.valeur!);
  }
}
