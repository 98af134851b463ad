// How an académie is named at the top of screens and documents: « ACADEMIE DE RENNES », while an
// inter-académie service (SIEC, DGRH), an académie of its own in IMAG'IN, is named by itself.

export function intituleAcademie(a: { nomMajuscule: string; interAcademique: boolean }): string {
  return a.interAcademique ? a.nomMajuscule : `ACADEMIE DE ${a.nomMajuscule}`;
}
