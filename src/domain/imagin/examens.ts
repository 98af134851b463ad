// Which exams an établissement may declare compétences on, by its category (003 §3.3.2): the DNB for
// collèges; bac professionnel, technologique, général, épreuves anticipées and BTS for lycées
// (général et technologique, professionnels, polyvalents). Exams are named by sigle (codes.md): the
// DNB has no national code in the seeds.

export const SIGLES_COLLEGE: readonly string[] = ['DNB'];
export const SIGLES_LYCEE: readonly string[] = ['BCP', 'BTN', 'BCG', 'EA-BCG', 'EA-BTN', 'BTS'];

const COLLEGES = new Set(['CLG', 'EREA']);
const LYCEES = new Set(['LGT', 'LP', 'LPO', 'LYC', 'SEP']);

/** The sigles of the exams proposed to an établissement of this type (empty: none proposed). */
export function siglesProposes(typeEtablissement: string): readonly string[] {
  if (COLLEGES.has(typeEtablissement)) return SIGLES_COLLEGE;
  if (LYCEES.has(typeEtablissement)) return SIGLES_LYCEE;
  return [];
}

/** Suggestions that narrow as the user types: every word typed appears, accents and case ignored. */
export function correspond(texte: string, saisie: string): boolean {
  const plat = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const t = plat(texte);
  return plat(saisie)
    .split(/\s+/)
    .filter(Boolean)
    .every((mot) => t.includes(mot));
}
