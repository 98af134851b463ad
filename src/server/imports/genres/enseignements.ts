// Import of the enseignements from STS-WEB (issue 4 from the command line, issue 17 in « Imports de
// données »; decision 0035, docs/imports/enseignements.md): the same layout as
// `npm run import:enseignements` (src/server/imagin-etablissement/enseignements-import.ts), one line
// per (établissement, person, year, MEF, matière, modalité, structure). A line already known is
// unchanged; a known line whose MEF libellé or type changed is updated; a new line is added. The
// file is a full extract of its établissements for its school years: the teachings of those
// (établissement, year) pairs absent from the file are reported, never deleted. After the last batch
// the SYS(C) compétences of the académie are generated again from its enseignements (same
// transaction: the preview rolls them back with the rest). Établissement and person must be of the
// gestionnaire's académie.
import { sql } from 'kysely';
import { genererCompetencesSys } from '../../imagin-etablissement/competences-sys.ts';
import type { RejetLigne } from '../fichier-csv.ts';
import type { BilanImport, GenreImport } from '../genres.ts';
import { estMotif, etablissementDeLAcademie, lireNumen, lireUai, personneDeLAcademie } from './controles.ts';

export interface LigneEnseignement {
  uai: string;
  numen: string;
  anneeScolaire: string;
  mefCode: string;
  mefLibelle: string;
  typeMef: string;
  matiere: string;
  modaliteCours: string;
  structure: string;
}

const SEP = '\u001f';
const cleDe = (x: { uai: string; anneeScolaire: string; numen: string; mefCode: string; matiere: string; modaliteCours: string; structure: string }) =>
  [x.uai, x.anneeScolaire, x.numen, x.mefCode, x.matiere, x.modaliteCours, x.structure].join(SEP);

export const importEnseignements: GenreImport<LigneEnseignement> = {
  code: 'enseignements',
  libelle: 'Enseignements (STS-WEB)',
  description:
    "L'export des services d'enseignement de STS-WEB : pour chaque établissement de l'académie et chaque année scolaire, qui enseigne quelle matière dans quelle formation (MEF) et quelle structure. Les compétences SYS (C) des intervenants sont recalculées après l'import. Importer deux fois le même fichier ne change rien ; les enseignements de ces établissements absents du fichier sont signalés, jamais supprimés.",
  documentation: 'docs/imports/enseignements.md',
  unite: 'enseignement(s)',
  colonnes: [
    { nom: 'UAI', obligatoire: true, description: 'UAI de l\'établissement, un établissement de votre académie (0350710G).' },
    { nom: 'NUMEN', obligatoire: true, description: "NUMEN de l'enseignant, une personne de votre académie." },
    { nom: 'ANNEE_SCOLAIRE', obligatoire: true, description: 'AAAA-AAAA (2026-2027).' },
    { nom: 'MEF_CODE', obligatoire: true, description: 'Code du module élémentaire de formation (11 caractères).' },
    { nom: 'MEF_LIBELLE', obligatoire: true, description: 'Libellé du MEF (1ERE GENERALE).' },
    { nom: 'TYPE_MEF', obligatoire: true, description: 'Type de MEF (1ERE G).' },
    { nom: 'MATIERE', obligatoire: true, description: 'Matière enseignée (MATHEMATIQUES).' },
    { nom: 'MODALITE_COURS', obligatoire: true, description: 'Modalité de cours (CG, AP…).' },
    { nom: 'STRUCTURE', obligatoire: false, description: 'Structure STS-WEB (Div. Classe : 1G2, Groupe : 3B).' },
  ],
  lire(champ, ligne) {
    const rejets: RejetLigne[] = [];
    const rejet = (c: string, motif: string) => rejets.push({ ligne, champ: c, motif });
    const v = {
      uai: champ('UAI').toUpperCase(),
      numen: champ('NUMEN').toUpperCase(),
      anneeScolaire: champ('ANNEE_SCOLAIRE'),
      mefCode: champ('MEF_CODE'),
      mefLibelle: champ('MEF_LIBELLE'),
      typeMef: champ('TYPE_MEF'),
      matiere: champ('MATIERE').toUpperCase(),
      modaliteCours: champ('MODALITE_COURS').toUpperCase(),
      structure: champ('STRUCTURE'),
    };
    for (const c of ['UAI', 'NUMEN', 'ANNEE_SCOLAIRE', 'MEF_CODE', 'MEF_LIBELLE', 'TYPE_MEF', 'MATIERE', 'MODALITE_COURS']) {
      if (!champ(c)) rejet(c, 'vide : cette colonne est obligatoire.');
      else if (champ(c).length > 200) rejet(c, `200 caractères au plus (${champ(c).length} donnés).`);
    }
    // Empty, they are refused above.
    lireUai(champ, rejet, null);
    lireNumen(champ, rejet, null);
    const a = v.anneeScolaire;
    if (a && (!/^\d{4}-\d{4}$/.test(a) || Number(a.slice(5)) !== Number(a.slice(0, 4)) + 1)) rejet('ANNEE_SCOLAIRE', `« ${a} » n'est pas une année scolaire : AAAA-AAAA attendu (2026-2027).`);
    if (rejets.length) return { rejets };
    return { valeur: v };
  },
  cle: cleDe,
  complet: true,
  async appliquer(trx, c, lignes): Promise<BilanImport> {
    const rejets: RejetLigne[] = [];
    const uais = [...new Set(lignes.map((l) => l.valeur.uai))];
    const numens = [...new Set(lignes.map((l) => l.valeur.numen))];
    const etabs = new Map((uais.length ? await trx.selectFrom('etablissement').select(['id', 'uai', 'academie_code']).where('uai', 'in', uais).execute() : []).map((e) => [e.uai, e]));
    const personnes = new Map(
      (numens.length ? await trx.selectFrom('personne').select(['id', 'numen', 'academie_code']).where(sql<boolean>`numen = any(${sql.val(numens)}::text[])`).execute() : []).map((p) => [p.numen!, p]),
    );
    const pids = [...personnes.values()].filter((p) => p.academie_code === c.academieCode).map((p) => p.id);
    const existants = pids.length
      ? await trx
          .selectFrom('enseignement as en')
          .innerJoin('etablissement as e', 'e.id', 'en.etablissement_id')
          .innerJoin('personne as p', 'p.id', 'en.personne_id')
          .select(['en.id', 'e.uai', 'p.numen', 'en.annee_scolaire', 'en.mef_code', 'en.mef_libelle', 'en.type_mef', 'en.matiere', 'en.modalite_cours', 'en.structure'])
          .where(sql<boolean>`en.personne_id = any(${sql.val(pids)}::int[])`)
          .execute()
      : [];
    const existant = new Map(
      existants.map((x) => [cleDe({ uai: x.uai, anneeScolaire: x.annee_scolaire, numen: x.numen!, mefCode: x.mef_code, matiere: x.matiere, modaliteCours: x.modalite_cours, structure: x.structure }), x]),
    );
    const aInserer: Array<{ personne_id: number; etablissement_id: number; v: LigneEnseignement }> = [];
    const aModifier: Array<{ id: number; mef_libelle: string; type_mef: string }> = [];
    let inchangees = 0;
    for (const { ligne, valeur: v } of lignes) {
      const e = etablissementDeLAcademie(etabs, v.uai, c);
      if (estMotif(e)) {
        rejets.push({ ligne, champ: 'UAI', motif: e.motif });
        continue;
      }
      const p = personneDeLAcademie(personnes, v.numen, c);
      if (estMotif(p)) {
        rejets.push({ ligne, champ: 'NUMEN', motif: p.motif });
        continue;
      }
      const x = existant.get(cleDe(v));
      if (!x) aInserer.push({ personne_id: p.id, etablissement_id: e.id, v });
      else if (x.mef_libelle === v.mefLibelle && x.type_mef === v.typeMef) inchangees++;
      else aModifier.push({ id: x.id, mef_libelle: v.mefLibelle, type_mef: v.typeMef });
    }
    for (let i = 0; i < aInserer.length; i += 1000) {
      await trx
        .insertInto('enseignement')
        .values(
          aInserer.slice(i, i + 1000).map(({ personne_id, etablissement_id, v }) => ({
            personne_id,
            etablissement_id,
            annee_scolaire: v.anneeScolaire,
            mef_code: v.mefCode,
            mef_libelle: v.mefLibelle,
            type_mef: v.typeMef,
            matiere: v.matiere,
            modalite_cours: v.modaliteCours,
            structure: v.structure,
          })),
        )
        .execute();
    }
    for (const m of aModifier) await trx.updateTable('enseignement').set({ mef_libelle: m.mef_libelle, type_mef: m.type_mef }).where('id', '=', m.id).execute();
    return { rejets, ajoutees: aInserer.length, modifiees: aModifier.length, inchangees };
  },
  async absents(trx, c, cles) {
    // The (établissement, year) pairs the file covers, read back from its keys.
    const paires = new Set([...cles].map((k) => k.split(SEP).slice(0, 2).join(SEP)));
    const uais = [...new Set([...paires].map((p) => p.split(SEP)[0]!))];
    const rows = uais.length
      ? await trx
          .selectFrom('enseignement as en')
          .innerJoin('etablissement as e', 'e.id', 'en.etablissement_id')
          .innerJoin('personne as p', 'p.id', 'en.personne_id')
          .select(['e.uai', 'p.numen', 'p.nom', 'p.prenom', 'en.annee_scolaire', 'en.mef_code', 'en.mef_libelle', 'en.matiere', 'en.modalite_cours', 'en.structure'])
          .where('e.academie_code', '=', c.academieCode)
          .where('e.uai', 'in', uais)
          .orderBy('e.uai')
          .orderBy('p.nom')
          .execute()
      : [];
    const absents = rows
      .filter((r) => paires.has([r.uai, r.annee_scolaire].join(SEP)))
      .filter((r) => !cles.has(cleDe({ uai: r.uai, anneeScolaire: r.annee_scolaire, numen: r.numen ?? '', mefCode: r.mef_code, matiere: r.matiere, modaliteCours: r.modalite_cours, structure: r.structure })))
      .map((r) => `${r.uai} ${r.annee_scolaire} : ${r.nom} ${r.prenom}, ${r.matiere} en ${r.mef_libelle}${r.structure ? ` (${r.structure})` : ''}`);
    // The SYS(C) compétences follow the enseignements (the same as after `npm run import:enseignements`).
    if (cles.size) await genererCompetencesSys(trx, c.academieCode, c.le);
    return absents;
  },
};
