// Import of the indisponibilités declared outside IMAG'IN (issue 17, decision 0035;
// docs/imports/indisponibilites.md): congés and absences known to EPP or SIRHEN, one line per
// period. A period is identified by (person, start, end, source): the same line twice changes
// nothing, a line with the same period and another motif updates the motif. The person (NUMEN) must
// be one of the gestionnaire's académie. Not a full extract: nothing is reported absent, nothing is
// deleted (an indisponibilité withdrawn in EPP is removed by the gestionnaire in IMAG'IN).
import { sql } from 'kysely';
import { dateFr } from '../../../domain/imagin/dates.ts';
import { MOTIFS_EPP, MOTIFS_SIRHEN } from '../../demo/donnees-missions.ts';
import type { RejetLigne } from '../fichier-csv.ts';
import type { BilanImport, GenreImport } from '../genres.ts';
import { estMotif, lireDateFr, lireNumen, personneDeLAcademie } from './controles.ts';

export interface LigneIndisponibilite {
  numen: string;
  dateDebut: string;
  heureDebut: string;
  dateFin: string;
  heureFin: string;
  motif: string;
  source: 'EPP' | 'SIRHEN';
}

/** The motifs an EPP/SIRHEN extract may give (shared/reference/codes.md, the demo's lists). */
export const MOTIFS_INDISPONIBILITE: readonly string[] = [...new Set([...MOTIFS_EPP, ...MOTIFS_SIRHEN])];

const sansAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** HH:MM (or H:MM, HHhMM) → HH:MM, or null. */
function lireHeure(s: string): string | null {
  const m = /^(\d{1,2})[:hH](\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

export const importIndisponibilites: GenreImport<LigneIndisponibilite> = {
  code: 'indisponibilites',
  libelle: "Indisponibilités déclarées hors IMAG'IN (EPP / SIRHEN)",
  description:
    "Les congés et absences connus d'EPP ou de SIRHEN : pour chaque personne (NUMEN) de l'académie, une période (date et heure de début et de fin), son motif et sa source. Une personne indisponible n'est jamais proposée ni convoquée sur ces dates. Importer deux fois le même fichier ne change rien ; une période dont le motif change est mise à jour.",
  documentation: 'docs/imports/indisponibilites.md',
  unite: 'indisponibilité(s)',
  colonnes: [
    { nom: 'NUMEN', obligatoire: true, description: "NUMEN d'une personne de votre académie." },
    { nom: 'DATE_DEBUT', obligatoire: true, description: 'JJ/MM/AAAA.' },
    { nom: 'HEURE_DEBUT', obligatoire: false, description: 'HH:MM ; vide : 00:00.' },
    { nom: 'DATE_FIN', obligatoire: true, description: 'JJ/MM/AAAA, le même jour ou après le début.' },
    { nom: 'HEURE_FIN', obligatoire: false, description: 'HH:MM ; vide : 23:59.' },
    { nom: 'MOTIF', obligatoire: true, description: `Un des motifs : ${MOTIFS_INDISPONIBILITE.join(', ')}.` },
    { nom: 'SOURCE', obligatoire: true, description: 'EPP ou SIRHEN.' },
  ],
  lire(champ, ligne) {
    const rejets: RejetLigne[] = [];
    const rejet = (c: string, motif: string) => rejets.push({ ligne, champ: c, motif });
    const numen = lireNumen(champ, rejet);
    const date = (c: string) => {
      const s = champ(c);
      const d = lireDateFr(s);
      if (!s) rejet(c, 'vide : une date JJ/MM/AAAA est obligatoire.');
      else if (!d) rejet(c, `« ${s} » n'est pas une date JJ/MM/AAAA (par exemple 15/06/2026).`);
      return d;
    };
    const heure = (c: string, defaut: string) => {
      const s = champ(c);
      if (!s) return defaut;
      const h = lireHeure(s);
      if (!h) rejet(c, `« ${s} » n'est pas une heure HH:MM (par exemple 08:00).`);
      return h;
    };
    const dateDebut = date('DATE_DEBUT');
    const heureDebut = heure('HEURE_DEBUT', '00:00');
    const dateFin = date('DATE_FIN');
    const heureFin = heure('HEURE_FIN', '23:59');
    if (dateDebut && dateFin && heureDebut && heureFin && `${dateFin} ${heureFin}` <= `${dateDebut} ${heureDebut}`) {
      rejet('DATE_FIN', `la fin (${dateFr(dateFin)} ${heureFin}) doit être après le début (${dateFr(dateDebut)} ${heureDebut}).`);
    }
    const m = champ('MOTIF');
    const motif = MOTIFS_INDISPONIBILITE.find((x) => sansAccents(x) === sansAccents(m));
    if (!m) rejet('MOTIF', 'vide : le motif est obligatoire.');
    else if (!motif) rejet('MOTIF', `« ${m} » n'est pas un motif connu : ${MOTIFS_INDISPONIBILITE.join(', ')} est attendu.`);
    const src = champ('SOURCE').toUpperCase();
    if (!src) rejet('SOURCE', 'vide : EPP ou SIRHEN est attendu.');
    else if (src !== 'EPP' && src !== 'SIRHEN') rejet('SOURCE', `« ${src} » : EPP ou SIRHEN est attendu.`);
    if (rejets.length) return { rejets };
    return { valeur: { numen, dateDebut: dateDebut!, heureDebut: heureDebut!, dateFin: dateFin!, heureFin: heureFin!, motif: motif!, source: src as 'EPP' | 'SIRHEN' } };
  },
  cle: (v) => `${v.numen}|${v.dateDebut} ${v.heureDebut}|${v.dateFin} ${v.heureFin}|${v.source}`,
  async appliquer(trx, c, lignes): Promise<BilanImport> {
    const rejets: RejetLigne[] = [];
    const numens = [...new Set(lignes.map((l) => l.valeur.numen))];
    const personnes = new Map(
      (numens.length ? await trx.selectFrom('personne').select(['id', 'numen', 'academie_code']).where(sql<boolean>`numen = any(${sql.val(numens)}::text[])`).execute() : []).map((p) => [p.numen!, p]),
    );
    const ids = [...personnes.values()].filter((p) => p.academie_code === c.academieCode).map((p) => p.id);
    const existantes = ids.length
      ? await trx
          .selectFrom('indisponibilite')
          .select(['id', 'personne_id', 'date_debut', 'heure_debut', 'date_fin', 'heure_fin', 'source', 'motif'])
          .where(sql<boolean>`personne_id = any(${sql.val(ids)}::int[])`)
          .where('source', 'in', ['EPP', 'SIRHEN'])
          .execute()
      : [];
    const cleDe = (personneId: number, dd: string, hd: string, df: string, hf: string, source: string) => `${personneId}|${dd} ${hd.slice(0, 5)}|${df} ${hf.slice(0, 5)}|${source}`;
    const existante = new Map(existantes.map((x) => [cleDe(x.personne_id, x.date_debut, x.heure_debut, x.date_fin, x.heure_fin, x.source), x]));
    const aInserer: Array<{ personne_id: number; v: LigneIndisponibilite }> = [];
    const aModifier: Array<{ id: number; motif: string }> = [];
    let inchangees = 0;
    for (const { ligne, valeur: v } of lignes) {
      const p = personneDeLAcademie(personnes, v.numen, c);
      if (estMotif(p)) {
        rejets.push({ ligne, champ: 'NUMEN', motif: p.motif });
        continue;
      }
      const e = existante.get(cleDe(p.id, v.dateDebut, v.heureDebut, v.dateFin, v.heureFin, v.source));
      if (!e) aInserer.push({ personne_id: p.id, v });
      else if (e.motif === v.motif) inchangees++;
      else aModifier.push({ id: e.id, motif: v.motif });
    }
    for (let i = 0; i < aInserer.length; i += 1000) {
      await trx
        .insertInto('indisponibilite')
        .values(
          aInserer.slice(i, i + 1000).map(({ personne_id, v }) => ({
            personne_id,
            academie_code: c.academieCode,
            date_debut: v.dateDebut,
            heure_debut: v.heureDebut,
            date_fin: v.dateFin,
            heure_fin: v.heureFin,
            motif: v.motif,
            source: v.source,
            cree_le: c.le,
          })),
        )
        .execute();
    }
    for (const m of aModifier) await trx.updateTable('indisponibilite').set({ motif: m.motif }).where('id', '=', m.id).execute();
    return { rejets, ajoutees: aInserer.length, modifiees: aModifier.length, inchangees };
  },
};
