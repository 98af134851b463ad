// Import of the CYCLADES figures of the ICC (issue 17, decision 0036; docs/imports/cyclades-icc.md):
// per centre d'examen (UAI), examen, session and période, the first day of the épreuves and the number
// of days by band (tenths, as the ICC screen shows them: 6,0). They are the « Données issues de
// Cyclades » the ICC screens read (table icc_donnees_cyclades, migration 015; imagin-constat/icc.*).
// Only the BAC and BTS examens of the ICC, centres of the gestionnaire's académie. Importing the same
// file twice changes nothing; a changed line updates the figures (the declarations already made are
// left as they are: the ICC screen shows both).
import { sql } from 'kysely';
import { EXAMENS_ICC, lireJournees, periodesIcc, TRANCHES, typeIcc, type PeriodeIcc } from '../../../domain/imagin/icc.ts';
import type { RejetLigne } from '../fichier-csv.ts';
import type { BilanImport, GenreImport } from '../genres.ts';
import { estMotif, etablissementDeLAcademie, lireDateFr, lireUai } from './controles.ts';

export interface LigneIcc {
  uai: string;
  examen: string;
  session: string;
  periode: PeriodeIcc;
  dateDebut: string;
  journees: [number, number, number];
}

const PERIODES: Record<string, PeriodeIcc> = { NORMALE: 'normale', 'SESSION NORMALE': 'normale', REMPLACEMENT: 'remplacement', 'EPREUVES DE REMPLACEMENT': 'remplacement' };
const sansAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export const importCycladesIcc: GenreImport<LigneIcc> = {
  code: 'cyclades-icc',
  libelle: "Données CYCLADES de l'ICC",
  description:
    "Les données de CYCLADES pour l'indemnité de chef de centre (ICC) : pour chaque centre d'examen de l'académie (UAI), examen du baccalauréat ou du BTS, session et période, le premier jour des épreuves et le nombre de journées par tranche. Elles sont affichées comme « Données issues de Cyclades » dans la saisie de l'ICC ; les déclarations déjà faites ne sont pas modifiées.",
  documentation: 'docs/imports/cyclades-icc.md',
  unite: 'donnée(s) de centre',
  colonnes: [
    { nom: 'UAI', obligatoire: true, description: "UAI du centre d'examen, un établissement de votre académie." },
    { nom: 'EXAMEN', obligatoire: true, description: `Code de l'examen : ${EXAMENS_ICC.join(', ')}.` },
    { nom: 'SESSION', obligatoire: true, description: 'Code de la session de cet examen (2027-06).' },
    { nom: 'PERIODE', obligatoire: false, description: 'NORMALE ou REMPLACEMENT (baccalauréat seulement) ; vide : NORMALE.' },
    { nom: 'DATE_DEBUT', obligatoire: true, description: 'Premier jour des épreuves, JJ/MM/AAAA.' },
    { nom: 'JOURNEES_1', obligatoire: true, description: 'Journées de la tranche 1 (BAC : de 1 à 600 candidats ; BTS : de 11 à 50), xx,x.' },
    { nom: 'JOURNEES_2', obligatoire: false, description: 'Journées de la tranche 2 (BAC : plus de 600 candidats ; BTS : de 51 à 100), xx,x ; vide : 0.' },
    { nom: 'JOURNEES_3', obligatoire: false, description: 'Journées de la tranche 3 (BAC : supplémentaires, 3,0 au plus ; BTS : plus de 100), xx,x ; vide : 0.' },
  ],
  lire(champ, ligne) {
    const rejets: RejetLigne[] = [];
    const rejet = (c: string, motif: string) => rejets.push({ ligne, champ: c, motif });
    const uai = lireUai(champ, rejet, "vide : l'UAI du centre d'examen est obligatoire.");
    const examen = champ('EXAMEN').toUpperCase();
    const type = typeIcc(examen);
    if (!examen) rejet('EXAMEN', "vide : le code de l'examen est obligatoire.");
    else if (!type) rejet('EXAMEN', `« ${examen} » n'est pas un examen de l'ICC : ${EXAMENS_ICC.join(', ')} est attendu.`);
    const session = champ('SESSION');
    if (!session) rejet('SESSION', 'vide : le code de la session est obligatoire.');
    const p = champ('PERIODE');
    const periode = p ? PERIODES[sansAccents(p).toUpperCase()] : 'normale';
    if (!periode) rejet('PERIODE', `« ${p} » n'est pas une période : NORMALE ou REMPLACEMENT est attendu.`);
    else if (type && !periodesIcc(type).includes(periode)) rejet('PERIODE', `pas d'épreuves de remplacement pour le ${type} : NORMALE est attendu.`);
    const d = champ('DATE_DEBUT');
    const dateDebut = lireDateFr(d);
    if (!d) rejet('DATE_DEBUT', 'vide : le premier jour des épreuves (JJ/MM/AAAA) est obligatoire.');
    else if (!dateDebut) rejet('DATE_DEBUT', `« ${d} » n'est pas une date JJ/MM/AAAA (par exemple 15/06/2027).`);
    const journees: number[] = [];
    if (!champ('JOURNEES_1')) rejet('JOURNEES_1', 'vide : le nombre de journées de la tranche 1 est obligatoire (0 si aucune).');
    if (type) {
      TRANCHES[type].forEach((t, i) => {
        const col = `JOURNEES_${i + 1}`;
        const v = champ(col);
        if (i === 0 && !v) return;
        const r = lireJournees(v, t);
        if (r.ok) journees.push(r.valeur);
        else rejet(col, r.message);
      });
    }
    if (rejets.length) return { rejets };
    return { valeur: { uai, examen, session, periode: periode!, dateDebut: dateDebut!, journees: journees as [number, number, number] } };
  },
  cle: (v) => `${v.uai}|${v.examen}|${v.session}|${v.periode}`,
  async appliquer(trx, c, lignes): Promise<BilanImport> {
    const rejets: RejetLigne[] = [];
    const examens = [...new Set(lignes.map((l) => l.valeur.examen))];
    const sessions = new Map(
      (examens.length ? await trx.selectFrom('session_examen').select(['id', 'examen_code', 'code']).where('examen_code', 'in', examens).execute() : []).map((s) => [`${s.examen_code}|${s.code}`, s.id]),
    );
    const uais = [...new Set(lignes.map((l) => l.valeur.uai))];
    const etabs = new Map((uais.length ? await trx.selectFrom('etablissement').select(['id', 'uai', 'academie_code']).where('uai', 'in', uais).execute() : []).map((e) => [e.uai, e]));
    const etabIds = [...etabs.values()].map((e) => e.id);
    const existants = new Map(
      (etabIds.length
        ? await trx
            .selectFrom('icc_donnees_cyclades')
            .select(['session_examen_id', 'etablissement_id', 'periode', sql<string | null>`date_debut::text`.as('date_debut'), 'journees_1', 'journees_2', 'journees_3'])
            .where(sql<boolean>`etablissement_id = any(${sql.val(etabIds)}::int[])`)
            .execute()
        : []
      ).map((x) => [`${x.session_examen_id}|${x.etablissement_id}|${x.periode}`, x]),
    );
    let ajoutees = 0;
    let modifiees = 0;
    let inchangees = 0;
    for (const { ligne, valeur: v } of lignes) {
      const e = etablissementDeLAcademie(etabs, v.uai, c);
      if (estMotif(e)) {
        rejets.push({ ligne, champ: 'UAI', motif: e.motif });
        continue;
      }
      const sessionId = sessions.get(`${v.examen}|${v.session}`);
      if (sessionId === undefined) {
        rejets.push({ ligne, champ: 'SESSION', motif: `aucune session ${v.session} de l'examen ${v.examen}.` });
        continue;
      }
      const valeurs = { date_debut: v.dateDebut, journees_1: v.journees[0], journees_2: v.journees[1], journees_3: v.journees[2] };
      const x = existants.get(`${sessionId}|${e.id}|${v.periode}`);
      if (!x) {
        await trx.insertInto('icc_donnees_cyclades').values({ session_examen_id: sessionId, etablissement_id: e.id, periode: v.periode, ...valeurs }).execute();
        ajoutees++;
      } else if (x.date_debut === v.dateDebut && x.journees_1 === v.journees[0] && x.journees_2 === v.journees[1] && x.journees_3 === v.journees[2]) {
        inchangees++;
      } else {
        await trx.updateTable('icc_donnees_cyclades').set(valeurs).where('session_examen_id', '=', sessionId).where('etablissement_id', '=', e.id).where('periode', '=', v.periode).execute();
        modifiees++;
      }
    }
    return { rejets, ajoutees, modifiees, inchangees };
  },
};
