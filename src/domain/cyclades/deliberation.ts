// The deliberation of the baccalauréat professionnel (issue 7 §1; domain-rules.md "Baccalauréat
// professionnel"): the first group's average and decision (admis, admissible to the épreuve de
// contrôle, ajourné), the two contrôle orals replacing first-group grades when better, the recomputed
// average, and the mentions. Every result carries its explication, line by line, in French: the jury
// reads it. Pure functions: no I/O, no clock.
//
// Exact arithmetic. Grades and coefficients have at most 2 decimals, so they are held as integers in
// hundredths (9,99 → 999; coef. 2,5 → 250). A sum of points is then an integer in ten-thousandths of a
// point (Σ note × coef) and the average in hundredths is the exact quotient Σ(N×C) / Σ(C). Every
// threshold (8, 10, 12…) is compared by cross-multiplication, never through a floating-point average,
// so 7,99 / 8 / 9,99 / 10 fall where the rules say.
//
// Displayed average: TRUNCATED to 2 decimals, not rounded. Since every threshold is a whole number of
// hundredths, a truncated value is ≥ a threshold exactly when the exact average is: a candidate at
// 9,996 shows 9,99 and is not admis; rounding would show 10,00 next to "ajourné". The decision always
// uses the exact value; `Moyenne.valeur` is what is displayed and stored.
//
// Choices where the texts leave room (each stated where it is applied):
// - an absence on a compulsory épreuve is an unjustified absence and counts 0 (a justified absence
//   sends the candidate to the épreuve de remplacement: it never reaches this deliberation);
// - a dispensé épreuve leaves both the points and the coefficients;
// - a grade kept from an earlier session ("conservée") counts as any grade;
// - optional units (facultatives) add only their points above 10, (note − 10) × coef, to the points,
//   never to the coefficients; absent or dispensé there, they add nothing;
// - every épreuve the candidate is registered for, optional or not, needs a grade or a status:
//   otherwise the decision is "incomplet" and lists what is missing;
// - the professional average is over the compulsory épreuves of domaine 'professionnel'; when none is
//   counted (all dispensées) the condition is without object and holds.

export type Domaine = 'professionnel' | 'general';

/** The two orals of the épreuve de contrôle. */
export type OralControle = 'scientifique' | 'francais_hg';

export const ORAUX_CONTROLE: readonly OralControle[] = ['scientifique', 'francais_hg'];

/** One épreuve the candidate is registered for (compulsory épreuves of his spécialité, chosen optional units). */
export interface Epreuve {
  id: string;
  code: string;
  libelle: string;
  /** > 0, at most 2 decimals (2,5). */
  coefficient: number;
  /** 'professionnel' épreuves make the professional average; null: neither (optional units). */
  domaine: Domaine | null;
  facultative: boolean;
  /** Which contrôle oral may replace this épreuve's grade; null: none. */
  controle: OralControle | null;
}

/** A grade or a status; values /20 with at most 2 decimals. */
export type Note =
  | { type: 'note'; valeur: number }
  /** Unjustified absence: 0 on a compulsory épreuve. */
  | { type: 'absent' }
  /** Exempted: out of the average. */
  | { type: 'dispense' }
  /** Kept from an earlier session (session: e.g. "2024"). */
  | { type: 'conservee'; valeur: number; session: string };

/** A contrôle oral is either graded or missed: no exemption, nothing kept from another session. */
export type NoteOrale = Extract<Note, { type: 'note' | 'absent' }>;

/** First-group grades by épreuve id; a missing entry is a missing grade. */
export type NotesPremierGroupe = Readonly<Record<string, Note | undefined>>;

/** For one oral: the épreuve whose grade it may replace (chosen at registration) and its grade, if entered. */
export interface ChoixControle {
  epreuve: string;
  note?: NoteOrale;
}

/** The candidate's contrôle: an oral absent here has neither choice nor grade (its grade is missing). */
export type NotesControle = Readonly<Partial<Record<OralControle, ChoixControle>>>;

export type Mention = 'assez_bien' | 'bien' | 'tres_bien' | 'tres_bien_felicitations';

export const LIBELLE_MENTION: Record<Mention, string> = {
  assez_bien: 'Assez bien',
  bien: 'Bien',
  tres_bien: 'Très bien',
  tres_bien_felicitations: 'Très bien avec les félicitations du jury',
};

/** The oral as the explication names it. */
export const LIBELLE_ORAL: Record<OralControle, string> = {
  scientifique: 'Épreuve de contrôle scientifique et technique',
  francais_hg: 'Épreuve de contrôle de français et histoire-géographie',
};

/** The missing oral as the edition "CONTROLE DES NOTES MANQUANTES A L'EPREUVE DE CONTROLE" prints it (seed 001). */
export const LIBELLE_NOTE_MANQUANTE: Record<OralControle, string> = {
  scientifique: 'Epreuve de contrôle : épr. Scientifique et Technique',
  francais_hg: 'Epreuve de contrôle : épr. Français et Histoire Géographie',
};

export type DecisionPremierGroupe = 'admis' | 'admissible' | 'ajourne' | 'incomplet';
export type DecisionFinale = 'admis' | 'ajourne' | 'incomplet';

export const LIBELLE_DECISION: Record<DecisionPremierGroupe, string> = {
  admis: 'Admis',
  admissible: "Admissible à l'épreuve de contrôle",
  ajourne: 'Ajourné',
  incomplet: 'Incomplet',
};

/** A weighted average, exact and displayed. */
export interface Moyenne {
  /** Exact: the average in hundredths is numerateur / denominateur (Σ note×coef and Σ coef, both in hundredths). */
  numerateur: number;
  denominateur: number;
  /** Σ points, facultative points included (up to 4 decimals: 12,25 × 1,5 = 18,375). */
  sommePoints: number;
  sommeCoefficients: number;
  /** Truncated to 2 decimals: what is displayed and stored. */
  valeur: number;
  /** "9,12" */
  texte: string;
}

/** How one épreuve entered the average. */
export interface LigneEpreuve {
  epreuve: Epreuve;
  /** The grade or status counted (after the contrôle: the better of the two). */
  note: Note;
  /** Grade counted, /20 (absent: 0); null: out of the average (dispensé; optional unit absent or dispensé). */
  retenue: number | null;
  /** Points added to the numerator: note × coef, or (note − 10) × coef for an optional unit (0 at or below 10). */
  points: number;
  /** After the contrôle: the oral whose grade replaced this one. */
  remplaceePar?: OralControle;
}

export interface ResultatPremierGroupe {
  decision: DecisionPremierGroupe;
  /** null when incomplet. */
  moyenne: Moyenne | null;
  /** null when incomplet or when no professional épreuve counts. */
  moyenneProfessionnelle: Moyenne | null;
  /** Only for admis, null below 12. */
  mention: Mention | null;
  /** Libellés of the épreuves without a grade (incomplet). */
  manquantes: string[];
  lignes: LigneEpreuve[];
  explication: string[];
}

/** What one oral did: replaced the first-group grade (strictly better) or left it. */
export interface Remplacement {
  oral: OralControle;
  epreuve: Epreuve;
  noteOrale: NoteOrale;
  /** The first-group grade counted (absent: 0). */
  notePremierGroupe: number;
  remplace: boolean;
}

export interface ResultatApresControle {
  decision: DecisionFinale;
  premierGroupe: ResultatPremierGroupe;
  /** Recomputed; null when incomplet. */
  moyenne: Moyenne | null;
  /** Never a mention after the contrôle. */
  mention: null;
  /** Labels of the missing orals, as LIBELLE_NOTE_MANQUANTE. */
  manquantes: string[];
  remplacements: Remplacement[];
  lignes: LigneEpreuve[];
  /** The contrôle's own lines; premierGroupe.explication has the first group's. */
  explication: string[];
}

/** The outcome to publish: first group, or the contrôle for a candidate admissible to it. */
export interface ResultatDefinitif {
  groupe: 1 | 2;
  decision: DecisionFinale;
  mention: Mention | null;
  moyenne: Moyenne | null;
  manquantes: string[];
  /** The first group's lines, then the contrôle's. */
  explication: string[];
}

// ---------------------------------------------------------------------------------------------
// Numbers

const MAX_NOTE = 2000; // 20,00 in hundredths

/** An amount with at most 2 decimals as an integer in hundredths; RangeError otherwise. */
export function enCentiemes(x: number, quoi = 'valeur'): number {
  const c = Math.round(x * 100);
  // x * 100 carries the binary error of x (9.99 * 100 = 998.9999999999999): tolerate that, nothing more.
  if (!Number.isFinite(x) || Math.abs(x * 100 - c) > 1e-6) throw new RangeError(`${quoi} invalide : ${x} (au plus 2 décimales)`);
  return c;
}

function centiemesNote(x: number, quoi: string): number {
  const c = enCentiemes(x, quoi);
  if (c < 0 || c > MAX_NOTE) throw new RangeError(`${quoi} invalide : ${x} (note sur 20)`);
  return c;
}

/** An integer scaled by 10^echelle, in French, with between `min` and `echelle` decimals ("164,20", "18,375", "18"). */
function decimalFr(entier: number, echelle: number, min: number): string {
  const base = 10 ** echelle;
  const signe = entier < 0 ? '-' : '';
  const abs = Math.abs(entier);
  let decimales = String(abs % base).padStart(echelle, '0');
  while (decimales.length > min && decimales.endsWith('0')) decimales = decimales.slice(0, -1);
  return `${signe}${Math.floor(abs / base)}${decimales ? `,${decimales}` : ''}`;
}

/** A grade in French, 2 decimals: 9.12 → "9,12", 12 → "12,00". */
export function formatNote(valeur: number): string {
  return decimalFr(enCentiemes(valeur), 2, 2);
}

/** A coefficient without useless zeros: 2 → "2", 2.5 → "2,5". */
export function formatCoefficient(valeur: number): string {
  return decimalFr(enCentiemes(valeur), 2, 0);
}

/**
 * A grade as typed or imported ("12", "12,5", "12.50"): the number, or null when it is not a grade
 * /20 with at most 2 decimals.
 */
export function lireNote(texte: string): number | null {
  const m = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(texte.trim());
  if (!m) return null;
  const c = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return c <= MAX_NOTE ? c / 100 : null;
}

/** A sum of points (ten-thousandths) in French: at least 2 decimals, more only when exact needs them. */
function pointsFr(dixMilliemes: number): string {
  return decimalFr(dixMilliemes, 4, 2);
}

function pointsMot(dixMilliemes: number): string {
  return `${pointsFr(dixMilliemes)} ${dixMilliemes >= 20000 ? 'points' : 'point'}`;
}

/** The average in hundredths, truncated: ⌊num / den⌋ computed without trusting the float division. */
function quotientTronque(num: number, den: number): number {
  let q = Math.floor(num / den);
  if (q * den > num) q -= 1;
  else if ((q + 1) * den <= num) q += 1;
  return q;
}

function moyenne(num: number, den: number): Moyenne {
  const q = quotientTronque(num, den);
  return {
    numerateur: num,
    denominateur: den,
    sommePoints: num / 10000,
    sommeCoefficients: den / 100,
    valeur: q / 100,
    texte: decimalFr(q, 2, 2),
  };
}

/** The exact average is ≥ seuil (a grade with at most 2 decimals). */
export function auMoins(m: Moyenne, seuil: number): boolean {
  return m.numerateur >= enCentiemes(seuil, 'seuil') * m.denominateur;
}

function sommes(m: Moyenne): string {
  return `somme des points ${pointsFr(m.numerateur)} / somme des coefficients ${decimalFr(m.denominateur, 2, 0)}`;
}

// ---------------------------------------------------------------------------------------------
// Checks

function verifierEpreuves(epreuves: readonly Epreuve[]): Map<string, Epreuve> {
  const parId = new Map<string, Epreuve>();
  for (const e of epreuves) {
    if (parId.has(e.id)) throw new RangeError(`Épreuve en double : ${e.id}`);
    if (enCentiemes(e.coefficient, `Coefficient de ${e.libelle}`) <= 0) throw new RangeError(`Coefficient de ${e.libelle} invalide : ${e.coefficient}`);
    parId.set(e.id, e);
  }
  return parId;
}

function verifierNotes(parId: ReadonlyMap<string, Epreuve>, notes: NotesPremierGroupe): void {
  for (const [id, note] of Object.entries(notes)) {
    const e = parId.get(id);
    // A grade for an épreuve the candidate is not registered for is a data error, not a grade to drop.
    if (!e) throw new RangeError(`Note pour une épreuve inconnue du candidat : ${id}`);
    if (note && (note.type === 'note' || note.type === 'conservee')) centiemesNote(note.valeur, `Note de ${e.libelle}`);
  }
}

/** The épreuves the candidate is registered for that have neither a grade nor a status, in their order. */
export function notesManquantesPremierGroupe(epreuves: readonly Epreuve[], notes: NotesPremierGroupe): Epreuve[] {
  return epreuves.filter((e) => notes[e.id] === undefined);
}

/**
 * The contrôle grades missing for a candidate admissible to the contrôle (the check "Contrôler les
 * notes manquantes"), in the order of the seed's edition.
 */
export function notesManquantes(controle: NotesControle | undefined): { oral: OralControle; libelle: string }[] {
  return ORAUX_CONTROLE.filter((o) => controle?.[o]?.note === undefined).map((oral) => ({ oral, libelle: LIBELLE_NOTE_MANQUANTE[oral] }));
}

// ---------------------------------------------------------------------------------------------
// Averages

/** A complete grade (not missing) as counted: hundredths, 0 when absent, null when dispensé. */
function retenueCentiemes(note: Note): number | null {
  switch (note.type) {
    case 'note':
    case 'conservee':
      return enCentiemes(note.valeur);
    case 'absent':
      // Unjustified absence: 0 (domain-rules; a justified one never reaches the deliberation).
      return 0;
    case 'dispense':
      return null;
  }
}

interface Calcul {
  lignes: LigneEpreuve[];
  /** One line per épreuve. */
  explication: string[];
  generale: Moyenne;
  professionnelle: Moyenne | null;
}

/**
 * The averages from the grade counted for each épreuve (every épreuve has one: callers check the
 * missing grades first). `notePour` gives the grade counted and, after the contrôle, the oral that
 * provided it.
 */
function calculer(epreuves: readonly Epreuve[], notePour: (e: Epreuve) => { note: Note; remplaceePar?: OralControle }): Calcul {
  let num = 0;
  let den = 0;
  let numPro = 0;
  let denPro = 0;
  const lignes: LigneEpreuve[] = [];
  const explication: string[] = [];
  for (const e of epreuves) {
    const { note, remplaceePar } = notePour(e);
    const coef = enCentiemes(e.coefficient);
    let retenue = retenueCentiemes(note);
    let points = 0;
    if (e.facultative) {
      // Optional unit: only the points above 10 count, the coefficients are left alone; an absence
      // costs nothing (the unit is optional, it cannot lower the average).
      if (note.type === 'absent') retenue = null;
      if (retenue !== null) points = Math.max(0, retenue - 1000) * coef;
      num += points;
    } else if (retenue !== null) {
      points = retenue * coef;
      num += points;
      den += coef;
      if (e.domaine === 'professionnel') {
        numPro += points;
        denPro += coef;
      }
    }
    const ligne: LigneEpreuve = { epreuve: e, note, retenue: retenue === null ? null : retenue / 100, points: points / 10000, ...(remplaceePar ? { remplaceePar } : {}) };
    lignes.push(ligne);
    explication.push(ligneExplication(ligne, points));
  }
  if (den === 0) throw new RangeError('Aucune épreuve obligatoire prise en compte (toutes dispensées) : pas de moyenne.');
  return { lignes, explication, generale: moyenne(num, den), professionnelle: denPro ? moyenne(numPro, denPro) : null };
}

/** How one épreuve entered the average; `pts`: its points in ten-thousandths. */
function ligneExplication(l: LigneEpreuve, pts: number): string {
  const e = l.epreuve;
  const coef = formatCoefficient(e.coefficient);
  const tete = `${e.libelle} (${e.facultative ? 'facultative, ' : ''}coef. ${coef})`;
  let valeur: string;
  switch (l.note.type) {
    case 'note':
      valeur = formatNote(l.note.valeur);
      break;
    case 'conservee':
      valeur = `${formatNote(l.note.valeur)}, note conservée de la session ${l.note.session}`;
      break;
    case 'absent':
      if (e.facultative) return `${tete} : absent → aucun point ajouté`;
      return `${tete} : absent (absence non justifiée), compté 0,00 → ${pointsMot(0)}`;
    case 'dispense':
      if (e.facultative) return `${tete} : dispensé → aucun point ajouté`;
      return `${tete} : dispensé, hors moyenne (ni points ni coefficient)`;
  }
  if (l.remplaceePar) valeur += ` (${minuscule(LIBELLE_ORAL[l.remplaceePar])})`;
  if (!e.facultative) return `${tete} : ${valeur} → ${pointsMot(pts)}`;
  if (pts === 0) return `${tete} : ${valeur}, pas de point au-delà de 10 → aucun point ajouté`;
  return `${tete} : ${valeur}, points au-delà de 10 : (${formatNote(l.retenue!)} − 10) × ${coef} → ${pointsMot(pts)} ${pts >= 20000 ? 'ajoutés' : 'ajouté'}`;
}

function ligneManquante(libelle: string): string {
  return `Note manquante : ${libelle}`;
}

function ligneIncomplet(n: number): string {
  return `Décision : incomplet, délibération impossible : ${n} ${n > 1 ? 'notes manquantes' : 'note manquante'}`;
}

// ---------------------------------------------------------------------------------------------
// Decisions

/** Thresholds of the mentions, highest first. */
export const SEUIL_MENTION: Record<Mention, number> = { tres_bien_felicitations: 18, tres_bien: 16, bien: 14, assez_bien: 12 };

/** The mention of an average (first group only): AB ≥ 12, B ≥ 14, TB ≥ 16, félicitations ≥ 18. */
export function mentionDe(m: Moyenne): Mention | null {
  return (Object.keys(SEUIL_MENTION) as Mention[]).find((mention) => auMoins(m, SEUIL_MENTION[mention])) ?? null;
}

/**
 * The first group: a missing grade makes it "incomplet"; otherwise admis at ≥ 10, admissible to the
 * contrôle at 8 ≤ average < 10 with a professional average ≥ 10, ajourné else.
 */
export function resultatPremierGroupe(epreuves: readonly Epreuve[], notes: NotesPremierGroupe): ResultatPremierGroupe {
  verifierNotes(verifierEpreuves(epreuves), notes);
  const manquantes = notesManquantesPremierGroupe(epreuves, notes);
  if (manquantes.length) {
    return {
      decision: 'incomplet',
      moyenne: null,
      moyenneProfessionnelle: null,
      mention: null,
      manquantes: manquantes.map((e) => e.libelle),
      lignes: [],
      explication: [...manquantes.map((e) => ligneManquante(e.libelle)), ligneIncomplet(manquantes.length)],
    };
  }
  const { lignes, explication, generale, professionnelle } = calculer(epreuves, (e) => ({ note: notes[e.id]! }));
  explication.push(`Moyenne générale du 1er groupe : ${generale.texte} (${sommes(generale)})`);
  // Without a professional épreuve counted (all dispensées) the condition has no object: it holds.
  const proOk = professionnelle === null || auMoins(professionnelle, 10);
  if (professionnelle) {
    explication.push(`Moyenne des épreuves professionnelles : ${professionnelle.texte} ${proOk ? '≥' : '<'} 10 (${sommes(professionnelle)})`);
  } else {
    explication.push('Moyenne des épreuves professionnelles : aucune épreuve professionnelle prise en compte, condition sans objet');
  }

  let decision: DecisionPremierGroupe;
  let mention: Mention | null = null;
  const moy = `moyenne ${generale.texte}`;
  if (auMoins(generale, 10)) {
    decision = 'admis';
    mention = mentionDe(generale);
    explication.push(
      mention
        ? `Décision : admis à l'issue du 1er groupe, mention ${LIBELLE_MENTION[mention]} (${moy} ≥ ${SEUIL_MENTION[mention]})`
        : `Décision : admis à l'issue du 1er groupe, sans mention (10 ≤ ${moy} < 12)`,
    );
  } else if (!auMoins(generale, 8)) {
    decision = 'ajourne';
    explication.push(`Décision : ajourné (${moy} < 8)`);
  } else if (!proOk) {
    decision = 'ajourne';
    explication.push(`Décision : ajourné, non admissible à l'épreuve de contrôle (8 ≤ ${moy} < 10 mais moyenne des épreuves professionnelles ${professionnelle!.texte} < 10)`);
  } else {
    decision = 'admissible';
    const pro = professionnelle ? ` et moyenne des épreuves professionnelles ${professionnelle.texte} ≥ 10` : '';
    explication.push(`Décision : admissible à l'épreuve de contrôle (8 ≤ ${moy} < 10${pro})`);
  }
  return { decision, moyenne: generale, moyenneProfessionnelle: professionnelle, mention, manquantes: [], lignes, explication };
}

/** The first-group grade an oral competes with (absent: 0), or a RangeError when the choice is not valid. */
function verifierChoix(oral: OralControle, choix: ChoixControle, parId: ReadonlyMap<string, Epreuve>, notes: NotesPremierGroupe): Epreuve {
  const e = parId.get(choix.epreuve);
  if (!e || e.facultative || e.controle !== oral) {
    throw new RangeError(`${LIBELLE_ORAL[oral]} : l'épreuve ${choix.epreuve} ne peut pas être remplacée par cet oral.`);
  }
  if (notes[e.id]?.type === 'dispense') throw new RangeError(`${LIBELLE_ORAL[oral]} : ${e.libelle} est dispensée, rien à remplacer.`);
  if (choix.note?.type === 'note') centiemesNote(choix.note.valeur, LIBELLE_ORAL[oral]);
  return e;
}

/**
 * After the épreuve de contrôle, for a candidate admissible to it: each oral replaces the grade of
 * the épreuve chosen at registration only if it is strictly higher; the average is recomputed; admis
 * at ≥ 10, without mention, else ajourné. A missing oral grade makes it "incomplet". RangeError when
 * the first group is neither admissible nor incomplet (admis and ajourné have no contrôle).
 */
export function resultatApresControle(epreuves: readonly Epreuve[], notes: NotesPremierGroupe, controle: NotesControle): ResultatApresControle {
  const premierGroupe = resultatPremierGroupe(epreuves, notes);
  const vide = { premierGroupe, moyenne: null, mention: null, remplacements: [], lignes: [] };
  if (premierGroupe.decision === 'incomplet') {
    return { ...vide, decision: 'incomplet', manquantes: premierGroupe.manquantes, explication: [...premierGroupe.explication] };
  }
  if (premierGroupe.decision !== 'admissible') {
    throw new RangeError(`Le candidat n'est pas admissible à l'épreuve de contrôle (décision du 1er groupe : ${LIBELLE_DECISION[premierGroupe.decision]}).`);
  }
  const parId = verifierEpreuves(epreuves);
  const choix = ORAUX_CONTROLE.flatMap((oral) => {
    const c = controle[oral];
    return c ? [{ oral, epreuve: verifierChoix(oral, c, parId, notes), note: c.note }] : [];
  });
  const explication = [`Moyenne générale du 1er groupe : ${premierGroupe.moyenne!.texte}, admissible à l'épreuve de contrôle`];
  const manquantes = notesManquantes(controle);
  if (manquantes.length) {
    explication.push(...manquantes.map((m) => ligneManquante(m.libelle)), ligneIncomplet(manquantes.length));
    return { ...vide, decision: 'incomplet', manquantes: manquantes.map((m) => m.libelle), explication };
  }
  if (new Set(choix.map((c) => c.epreuve.id)).size < choix.length) throw new RangeError('Les deux oraux de contrôle remplacent la même épreuve.');

  const remplacements: Remplacement[] = choix.map(({ oral, epreuve, note }) => {
    const premier = retenueCentiemes(notes[epreuve.id]!)!;
    const orale = note!.type === 'note' ? enCentiemes(note!.valeur) : 0;
    // Replaced only when strictly better: at equal grades the first group's stays (same average anyway).
    return { oral, epreuve, noteOrale: note!, notePremierGroupe: premier / 100, remplace: note!.type === 'note' && orale > premier };
  });
  for (const r of remplacements) {
    const premier = formatNote(r.notePremierGroupe) + (notes[r.epreuve.id]!.type === 'absent' ? ' (absent)' : '');
    if (r.remplace && r.noteOrale.type === 'note') {
      explication.push(`${LIBELLE_ORAL[r.oral]} : ${formatNote(r.noteOrale.valeur)} remplace ${r.epreuve.libelle} ${premier}`);
    } else if (r.noteOrale.type === 'note') {
      explication.push(`Note du 1er groupe conservée en ${r.epreuve.libelle} : ${premier} ≥ ${formatNote(r.noteOrale.valeur)} (${minuscule(LIBELLE_ORAL[r.oral])})`);
    } else {
      explication.push(`Note du 1er groupe conservée en ${r.epreuve.libelle} : ${premier} (absent à l'${minuscule(LIBELLE_ORAL[r.oral])})`);
    }
  }

  const parEpreuve = new Map(remplacements.filter((r) => r.remplace).map((r) => [r.epreuve.id, r]));
  const { lignes, generale } = calculer(epreuves, (e) => {
    const r = parEpreuve.get(e.id);
    return r ? { note: r.noteOrale, remplaceePar: r.oral } : { note: notes[e.id]! };
  });
  explication.push(`Moyenne générale après l'épreuve de contrôle : ${generale.texte} (${sommes(generale)})`);
  const admis = auMoins(generale, 10);
  explication.push(
    admis
      ? `Décision : admis à l'issue de l'épreuve de contrôle, sans mention (moyenne ${generale.texte} ≥ 10)`
      : `Décision : ajourné à l'issue de l'épreuve de contrôle (moyenne ${generale.texte} < 10)`,
  );
  return { decision: admis ? 'admis' : 'ajourne', premierGroupe, moyenne: generale, mention: null, manquantes: [], remplacements, lignes, explication };
}

function minuscule(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * The result to publish: the first group's, or, for a candidate admissible to the contrôle, the
 * contrôle's (incomplet while an oral grade is missing).
 */
export function resultatDefinitif(epreuves: readonly Epreuve[], notes: NotesPremierGroupe, controle: NotesControle = {}): ResultatDefinitif {
  const premier = resultatPremierGroupe(epreuves, notes);
  if (premier.decision !== 'admissible') {
    const { decision, mention, moyenne, manquantes, explication } = premier;
    return { groupe: 1, decision, mention, moyenne, manquantes, explication };
  }
  const apres = resultatApresControle(epreuves, notes, controle);
  return {
    groupe: 2,
    decision: apres.decision,
    mention: null,
    moyenne: apres.moyenne,
    manquantes: apres.manquantes,
    explication: [...premier.explication, ...apres.explication],
  };
}
