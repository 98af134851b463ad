// Liquidation des états de frais (issue 16 §8, décision 0033): the pure rules of the export file for
// the financial system and of the payment return — amounts written and read as the file carries them,
// the lines of the return checked one by one (French reasons naming the column). No I/O.

export type NatureFrais = 'remuneration' | 'deplacement';
/** A line of a batch: a frais of an état, or an indemnity of a chef de centre (ICC répartition line). */
export type NatureLigne = NatureFrais | 'icc';

export const LIBELLE_NATURE: Record<NatureLigne, string> = { remuneration: 'Rémunération', deplacement: 'Déplacement', icc: 'Indemnité chef de centre' };

export const LIBELLE_STATUT_LOT: Record<'en_preparation' | 'produit' | 'paye', string> = {
  en_preparation: 'En préparation',
  produit: 'Transmis au paiement',
  paye: 'Payé',
};

/** 126800 → "1268,00": what the export carries (no thousands separator, decimal comma). */
export function montantFichier(centimes: number): string {
  const signe = centimes < 0 ? '-' : '';
  const a = Math.abs(centimes);
  return `${signe}${Math.floor(a / 100)},${String(a % 100).padStart(2, '0')}`;
}

/** "1268,00", "1268.00", "1 268,5", "1268" → centimes; null when unreadable. */
export function lireMontant(s: string): number | null {
  const t = s.replace(/[\s\u00a0\u202f€]/g, '');
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
}

/** "JJ/MM/AAAA" or "AAAA-MM-JJ" → "AAAA-MM-JJ"; null when not a real date. */
export function lireDate(s: string): string | null {
  const t = s.trim();
  let a: number, m: number, j: number;
  let r = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (r) [j, m, a] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [a, m, j] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return null;
  const d = new Date(Date.UTC(a, m - 1, j));
  if (d.getUTCFullYear() !== a || d.getUTCMonth() !== m - 1 || d.getUTCDate() !== j) return null;
  return `${a}-${String(m).padStart(2, '0')}-${String(j).padStart(2, '0')}`;
}

/** "Rémunération", "REMUNERATION", "remuneration", "R" → 'remuneration'; likewise déplacement and ICC. */
export function lireNature(s: string): NatureLigne | null {
  const t = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase();
  if (t === 'remuneration' || t === 'r') return 'remuneration';
  if (t === 'deplacement' || t === 'd') return 'deplacement';
  if (t === 'icc' || t === 'indemnite chef de centre') return 'icc';
  return null;
}

/** The columns of the payment return (docs/imports/liquidation-frais.md). */
export const COLONNES_RETOUR = ['NUMERO_ORDRE', 'NATURE', 'MONTANT_PAYE', 'DATE_PAIEMENT'] as const;

export interface LigneRetour {
  ligne: number;
  /** The numéro d'ordre as the export wrote it: « 42 », or « ICC-7 » for an ICC line. */
  reference: string;
  nature: NatureLigne;
  montantCentimes: number;
  date: string;
}

/** One line of the return checked alone: its values, or the reasons (column → French message). */
export function lireLigneRetour(champ: (nom: string) => string, ligne: number): { valeur: LigneRetour } | { rejets: Array<{ champ: string; motif: string }> } {
  const rejets: Array<{ champ: string; motif: string }> = [];
  const no = champ('NUMERO_ORDRE').trim();
  const maj = no.toUpperCase();
  const reference = /^\d{1,9}$/.test(maj) ? String(Number(maj)) : /^ICC-\d{1,9}$/.test(maj) ? `ICC-${Number(maj.slice(4))}` : null;
  if (reference === null) rejets.push({ champ: 'NUMERO_ORDRE', motif: `numéro d'ordre « ${no} » illisible (nombre entier, ou ICC-nombre pour une indemnité de chef de centre).` });
  const na = champ('NATURE');
  const nature = lireNature(na);
  if (!nature) rejets.push({ champ: 'NATURE', motif: `nature « ${na} » inconnue (Rémunération, Déplacement ou Indemnité chef de centre attendu).` });
  else if (reference && (nature === 'icc') !== reference.startsWith('ICC-')) {
    rejets.push({ champ: 'NATURE', motif: `nature « ${na} » incompatible avec le numéro d'ordre « ${no} » (ICC-… pour une indemnité de chef de centre seulement).` });
  }
  const mo = champ('MONTANT_PAYE');
  const montant = lireMontant(mo);
  if (montant === null) rejets.push({ champ: 'MONTANT_PAYE', motif: `montant « ${mo} » illisible (en euros, par exemple 1268,00).` });
  const da = champ('DATE_PAIEMENT');
  const date = lireDate(da);
  if (!date) rejets.push({ champ: 'DATE_PAIEMENT', motif: `date « ${da} » illisible (JJ/MM/AAAA attendu).` });
  if (rejets.length) return { rejets };
  return { valeur: { ligne, reference: reference!, nature: nature!, montantCentimes: montant!, date: date! } };
}

/** The text of the reminder mail: the missions whose frais still wait for the intervenant. */
export function texteRelance(o: { prenom: string; nom: string; academie: string; missions: ReadonlyArray<{ numero: number; type: string; examen: string; debut: string | null }>; lien: string }): { objet: string; texte: string } {
  const lignes = o.missions.map((m) => `- mission n° ${m.numero} : ${m.type} (${m.examen})${m.debut ? `, à partir du ${m.debut.split('-').reverse().join('/')}` : ''}`);
  const pluriel = o.missions.length > 1;
  return {
    objet: `États de frais à compléter (académie de ${o.academie})`,
    texte: [
      `Bonjour ${o.prenom} ${o.nom},`,
      '',
      `${pluriel ? 'Les missions suivantes sont terminées' : 'La mission suivante est terminée'} et ${pluriel ? 'leurs états de frais ne sont pas encore validés' : "son état de frais n'est pas encore validé"} :`,
      ...lignes,
      '',
      `Pour être payé, complétez et validez ${pluriel ? 'ces états de frais' : 'cet état de frais'} dans l'activité « Saisie/consultation états de frais » : ${o.lien}`,
      "Si une mission n'a pas été effectuée, indiquez-le dans la même activité.",
      '',
      'Ce message est envoyé automatiquement ; merci de ne pas y répondre.',
    ].join('\n'),
  };
}
