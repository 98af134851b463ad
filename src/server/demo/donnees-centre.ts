// The demo's fixed missions for the centre d'examen activities (issue 5): known numbers the guide,
// the e2e scenarios and the benchmarks can name. All in LGT LA PROMENADE (0350710G, Rennes), except
// the SIEC one (another académie's mission in the same centre, for "Accès autres académies").
export const MISSIONS_CENTRE_DEMO = {
  /** COEC on the HLP épreuve (C009) of the EA session; date fixed by the gestionnaire; open without targeting; no convocation yet. */
  coecHlp: 140001,
  /** Correction EC (CEC, dematerialised: SANTORIN qualités), open without targeting; a few convocations by the centre. */
  correctionEc: 140002,
  /** NUMERISATION DES COPIES: no qualité; open without targeting. */
  numerisation: 140003,
  /** INTERROGATION ORALE of an EC épreuve whose candidates CYCLADES has not assigned yet: convocation refused. */
  oralEcNonAffecte: 140004,
  /** PRECE (ECE) with the gestionnaire's date. */
  prece: 140005,
  /** INTERROGATION ORALE, BCG, targeted for the établissement, two commissions and two salles; convocations by the gestionnaire and by the centre. */
  oralCible: 140006,
  /** JURY DE DELIBERATION, targeted, two jurys; a président and a vice-président convoked by the gestionnaire. */
  juryCible: 140007,
  /** CORRECTION DE COPIES, targeted, one commission; not targeted variant is 140009 (not offered to the centre). */
  correctionCiblee: 140008,
  /** CORRECTION DE COPIES in the centre, NOT targeted: the centre cannot convoke to it. */
  correctionNonCiblee: 140009,
  /** INTERROGATION ORALE of the next year's session (N+1), targeted; two convocations by the gestionnaire. */
  oral2027: 140010,
  /** CORRECTION DE COPIES of the next year's session (N+1), targeted; no convocation yet. */
  correction2027: 140011,
  /** The SIEC's mission in LA PROMENADE (targeted), reached through "Accès autres académies". */
  siec: 940001,
  /** Versailles' mission in LA PROMENADE: Versailles' service is unreachable, its button greyed. */
  injoignable: 250001,
  /** The DGRH's mission in LA PROMENADE: the DGRH is never offered by "Accès autres académies". */
  dgrh: 990001,
} as const;

/** The inter-académie services of the demo: SIEC (reachable), DGRH (excluded from "Accès autres académies"). */
export const ACADEMIE_SIEC = 'SIEC';
export const ACADEMIE_DGRH = 'DGRH';
/** An académie where LA PROMENADE is also a centre but whose service is down: its button is greyed. */
export const ACADEMIE_INJOIGNABLE = '25';

/**
 * The two HLP teachers of LA PROMENADE (generateur.ts): a "lettres" and a "philosophie" profile at
 * every scale, left free of convocations so that the HLP COEC mission can be staffed in the demo.
 */
export const PROFESSEURS_HLP_PROMENADE = [
  {
    cle: '14/promenade-hlp/lettres',
    discipline: 'LETTRES MODERNES',
    cours: [['HUMANITES, LITTERATURE & PHILOSOPHIE', '20110019110'], ['HUMANITES, LITTERATURE & PHILOSOPHIE', '20212001110'], ['FRANCAIS', '20110019110']],
  },
  {
    cle: '14/promenade-hlp/philosophie',
    discipline: 'PHILOSOPHIE',
    cours: [['HUMANITES, LITTERATURE & PHILOSOPHIE', '20110019110'], ['HUMANITES, LITTERATURE & PHILOSOPHIE', '20212001110'], ['PHILOSOPHIE', '20212001110']],
  },
] as const;

export const PREFIXE_PROFESSEURS_HLP = '14/promenade-hlp/';
