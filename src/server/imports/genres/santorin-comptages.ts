// Import of the SANTORIN counts (issue 17, decision 0036; docs/imports/santorin-comptages.md):
// NUMERO_MISSION;NUMEN;NB_COPIES;NB_CANDIDATS — for a corrector or an examiner convoked to a mission of
// the gestionnaire's académie, the number of copies SANTORIN counts for him and the number of
// candidates he examined. Kept on the convocation (santorin_nb_copies, santorin_nb_candidats, migration
// 032); for a mission paid « santorin » (correction dématérialisée, épreuve écrite ponctuelle du
// contrôle continu) the copies are also the constat's figure the état de frais reads (csf_nb_copies,
// « Nombre de copies transmis par SANTORIN ») unless a centre or a gestionnaire has made the constat.
// The correction state per mission is the kind `santorin-etats` (not duplicated here). Importing the
// same file twice changes nothing; an empty count leaves the known one unchanged.
import { sql } from 'kysely';
import type { RejetLigne } from '../fichier-csv.ts';
import type { BilanImport, GenreImport } from '../genres.ts';
import { lireNumen, numenCourt } from './controles.ts';

export interface LigneComptage {
  numero: number;
  numen: string;
  copies: number | null;
  candidats: number | null;
}

const MAX = 9999;

function lireEntier(v: string): number | null | undefined {
  if (!v) return null;
  if (!/^\d{1,4}$/.test(v)) return undefined;
  return Number(v);
}

export const importSantorinComptages: GenreImport<LigneComptage> = {
  code: 'santorin-comptages',
  libelle: 'Comptages SANTORIN (copies et candidats)',
  description:
    "Les comptages exportés de SANTORIN : pour chaque correcteur ou examinateur convoqué à une mission de l'académie (NUMEN), le nombre de copies corrigées et le nombre de candidats examinés. Pour les missions rémunérées d'après SANTORIN (correction dématérialisée, épreuve écrite ponctuelle du contrôle continu), le nombre de copies est celui que l'état de frais affiche, sauf constat déjà fait par le centre ou le gestionnaire. Les états de correction par mission s'importent avec « États de correction SANTORIN ».",
  documentation: 'docs/imports/santorin-comptages.md',
  unite: 'comptage(s)',
  colonnes: [
    { nom: 'NUMERO_MISSION', obligatoire: true, description: "Numéro de la mission dans IMAG'IN (votre académie)." },
    { nom: 'NUMEN', obligatoire: true, description: 'NUMEN du correcteur ou de l’examinateur convoqué à la mission.' },
    { nom: 'NB_COPIES', obligatoire: false, description: `Nombre de copies (0 à ${MAX}) ; vide : inchangé.` },
    { nom: 'NB_CANDIDATS', obligatoire: false, description: `Nombre de candidats examinés (0 à ${MAX}) ; vide : inchangé.` },
  ],
  lire(champ, ligne) {
    const rejets: RejetLigne[] = [];
    const rejet = (c: string, motif: string) => rejets.push({ ligne, champ: c, motif });
    const n = champ('NUMERO_MISSION');
    if (!n) rejet('NUMERO_MISSION', 'vide : le numéro de la mission est obligatoire.');
    else if (!/^\d{1,9}$/.test(n) || Number(n) === 0) rejet('NUMERO_MISSION', `« ${n} » n'est pas un numéro de mission : un nombre entier positif est attendu.`);
    const numen = lireNumen(champ, rejet, 'vide : le NUMEN du correcteur ou de l’examinateur est obligatoire.');
    const copies = lireEntier(champ('NB_COPIES'));
    if (copies === undefined) rejet('NB_COPIES', `« ${champ('NB_COPIES')} » : un nombre entier de 0 à ${MAX} est attendu.`);
    const candidats = lireEntier(champ('NB_CANDIDATS'));
    if (candidats === undefined) rejet('NB_CANDIDATS', `« ${champ('NB_CANDIDATS')} » : un nombre entier de 0 à ${MAX} est attendu.`);
    if (copies === null && candidats === null) rejet('NB_COPIES', 'vide, comme NB_CANDIDATS : au moins un des deux nombres est attendu.');
    if (rejets.length) return { rejets };
    return { valeur: { numero: Number(n), numen, copies: copies!, candidats: candidats! } };
  },
  cle: (v) => `${v.numero}|${v.numen}`,
  async appliquer(trx, c, lignes): Promise<BilanImport> {
    const rejets: RejetLigne[] = [];
    const numeros = [...new Set(lignes.map((l) => l.valeur.numero))];
    const missions = new Map(
      (numeros.length
        ? await trx
            .selectFrom('mission as m')
            .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
            .select(['m.id', 'm.numero', 'tm.mode_remuneration'])
            .where('m.academie_code', '=', c.academieCode)
            .where(sql<boolean>`m.numero = any(${sql.val(numeros)}::int[])`)
            .execute()
        : []
      ).map((m) => [m.numero, m]),
    );
    const ids = [...missions.values()].map((m) => m.id);
    const numens = [...new Set(lignes.map((l) => l.valeur.numen))];
    const convocations = new Map(
      (ids.length
        ? await trx
            .selectFrom('convocation as cv')
            .innerJoin('personne as p', 'p.id', 'cv.personne_id')
            .select(['cv.id', 'cv.mission_id', 'p.numen', 'cv.santorin_nb_copies', 'cv.santorin_nb_candidats', 'cv.csf_nb_copies', 'cv.csf_par'])
            .where(sql<boolean>`cv.mission_id = any(${sql.val(ids)}::int[])`)
            .where('cv.statut', '=', 'convoquee')
            .where('p.numen', 'in', numens)
            .execute()
        : []
      ).map((x) => [`${x.mission_id}|${x.numen}`, x]),
    );
    let ajoutees = 0;
    let modifiees = 0;
    let inchangees = 0;
    for (const { ligne, valeur: v } of lignes) {
      const m = missions.get(v.numero);
      if (!m) {
        rejets.push({ ligne, champ: 'NUMERO_MISSION', motif: `aucune mission n° ${v.numero} dans l'académie de ${c.academieLibelle}.` });
        continue;
      }
      const cv = convocations.get(`${m.id}|${v.numen}`);
      if (!cv) {
        rejets.push({ ligne, champ: 'NUMEN', motif: `aucun intervenant de NUMEN ${numenCourt(v.numen)} n'est convoqué à la mission n° ${v.numero}.` });
        continue;
      }
      if (m.mode_remuneration === 'santorin' && v.copies !== null && v.copies > 999) {
        rejets.push({ ligne, champ: 'NB_COPIES', motif: `${v.copies} copies : le constat de service fait de la mission n° ${v.numero} en compte 999 au plus.` });
        continue;
      }
      const modifs: { santorin_nb_copies?: number; santorin_nb_candidats?: number; csf_nb_copies?: number } = {};
      if (v.copies !== null && v.copies !== cv.santorin_nb_copies) modifs.santorin_nb_copies = v.copies;
      if (v.candidats !== null && v.candidats !== cv.santorin_nb_candidats) modifs.santorin_nb_candidats = v.candidats;
      // The figure the état de frais reads for a mission paid on SANTORIN's counts.
      if (m.mode_remuneration === 'santorin' && v.copies !== null && cv.csf_par === null && cv.csf_nb_copies !== v.copies) modifs.csf_nb_copies = v.copies;
      if (!Object.keys(modifs).length) {
        inchangees++;
        continue;
      }
      const premier = cv.santorin_nb_copies === null && cv.santorin_nb_candidats === null;
      await trx
        .updateTable('convocation')
        .set({ ...modifs, santorin_le: c.le, santorin_traitement_id: c.traitementId })
        .where('id', '=', cv.id)
        .execute();
      if (premier) ajoutees++;
      else modifiees++;
    }
    return { rejets, ajoutees, modifiees, inchangees };
  },
};
