// Import of enseignements from an STS-WEB CSV (issue 4: a CLI is enough; the full imports come
// later). Each (établissement, school year) present in the file replaces what was there, so importing
// the same file twice gives the same rows; then the SYS(C) compétences treatment is launched for each
// académie concerned, in the same transaction.
// Used by `npm run import:enseignements` (kept). The gestionnaire's import in « Imports de données »
// (issue 17) is src/server/imports/genres/enseignements.ts: same layout and checks, one académie,
// preview, nothing deleted (decision 0035).
import { lancerTraitement } from '../platform/traitements/traitements.ts';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit.ts';
import * as repo from './imagin-etablissement.repo.ts';
import { TRAITEMENT_COMPETENCES_SYS } from './competences-sys.ts';
import { champsCsv } from '../platform/documents/csv.ts';

export const COLONNES_IMPORT = ['UAI', 'NUMEN', 'ANNEE_SCOLAIRE', 'MEF_CODE', 'MEF_LIBELLE', 'TYPE_MEF', 'MATIERE', 'MODALITE_COURS'] as const;
const FACULTATIVES = ['STRUCTURE'] as const;

export interface LigneImport {
  ligne: number;
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

/** Reads the file; every rejected line is reported with its number and why, in French. */
export function lireCsvEnseignements(texte: string): { lignes: LigneImport[]; erreurs: string[] } {
  const brutes = texte.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entete = brutes[0] ?? '';
  const sep = entete.includes(';') ? ';' : ',';
  const noms = champsCsv(entete, sep).map((s) => s.toUpperCase());
  const manquantes = COLONNES_IMPORT.filter((c) => !noms.includes(c));
  if (manquantes.length) {
    return { lignes: [], erreurs: [`Colonnes absentes de la ligne d'en-tête : ${manquantes.join(', ')} (attendu : ${[...COLONNES_IMPORT, ...FACULTATIVES].join(';')}).`] };
  }
  const pos = (n: string) => noms.indexOf(n);
  const lignes: LigneImport[] = [];
  const erreurs: string[] = [];
  for (let i = 1; i < brutes.length; i++) {
    if (!brutes[i]!.trim()) continue;
    const f = champsCsv(brutes[i]!, sep);
    const v = (n: string) => (pos(n) >= 0 ? (f[pos(n)] ?? '') : '');
    const l: LigneImport = {
      ligne: i + 1,
      uai: v('UAI').toUpperCase(),
      numen: v('NUMEN').toUpperCase(),
      anneeScolaire: v('ANNEE_SCOLAIRE'),
      mefCode: v('MEF_CODE'),
      mefLibelle: v('MEF_LIBELLE'),
      typeMef: v('TYPE_MEF'),
      matiere: v('MATIERE'),
      modaliteCours: v('MODALITE_COURS'),
      structure: v('STRUCTURE'),
    };
    const vides = COLONNES_IMPORT.filter((c) => !v(c));
    if (vides.length) erreurs.push(`Ligne ${l.ligne} : ${vides.join(', ')} vide(s).`);
    else if (!/^\d{4}-\d{4}$/.test(l.anneeScolaire) || Number(l.anneeScolaire.slice(5)) !== Number(l.anneeScolaire.slice(0, 4)) + 1) {
      erreurs.push(`Ligne ${l.ligne} : année scolaire « ${l.anneeScolaire} » invalide (attendu : 2026-2027).`);
    } else lignes.push(l);
  }
  return { lignes, erreurs };
}

export interface RapportImport {
  lues: number;
  importees: number;
  rejets: string[];
  /** "<UAI> <année>": the (établissement, year) pairs replaced. */
  remplacements: Array<{ uai: string; academieCode: string; anneeScolaire: string; supprimees: number; inserees: number }>;
  traitements: Array<{ academieCode: string; id: string }>;
}

export async function importerEnseignements(ctx: AppContext, texte: string, opts: { fichier: string }): Promise<RapportImport> {
  const { lignes, erreurs } = lireCsvEnseignements(texte);
  const rejets = [...erreurs];
  const etabs = new Map((await repo.etablissementsParUai(ctx.db, [...new Set(lignes.map((l) => l.uai))])).map((e) => [e.uai, e]));
  const personnes = new Map((await repo.personnesParNumen(ctx.db, [...new Set(lignes.map((l) => l.numen))])).map((p) => [p.numen!, p]));
  const groupes = new Map<string, { etablissementId: number; uai: string; academieCode: string; annee: string; lignes: Parameters<typeof repo.remplacerEnseignements>[3] }>();
  for (const l of lignes) {
    const e = etabs.get(l.uai);
    const p = personnes.get(l.numen);
    if (!e) {
      rejets.push(`Ligne ${l.ligne} : établissement ${l.uai} inconnu.`);
      continue;
    }
    if (!p) {
      rejets.push(`Ligne ${l.ligne} : aucune personne de NUMEN ${l.numen.slice(0, 3)}… n'est connue.`);
      continue;
    }
    if (p.academie_code !== e.academie_code) {
      rejets.push(`Ligne ${l.ligne} : la personne et l'établissement ${l.uai} ne sont pas de la même académie.`);
      continue;
    }
    const k = `${e.id}|${l.anneeScolaire}`;
    let g = groupes.get(k);
    if (!g) groupes.set(k, (g = { etablissementId: e.id, uai: e.uai, academieCode: e.academie_code, annee: l.anneeScolaire, lignes: [] }));
    g.lignes.push({ personne_id: p.id, mef_code: l.mefCode, mef_libelle: l.mefLibelle, type_mef: l.typeMef, matiere: l.matiere, modalite_cours: l.modaliteCours, structure: l.structure });
  }
  const rapport: RapportImport = { lues: lignes.length + erreurs.length, importees: 0, rejets, remplacements: [], traitements: [] };
  await ctx.db.transaction().execute(async (trx) => {
    for (const g of groupes.values()) {
      const r = await repo.remplacerEnseignements(trx, g.etablissementId, g.annee, g.lignes);
      rapport.remplacements.push({ uai: g.uai, academieCode: g.academieCode, anneeScolaire: g.annee, ...r });
      rapport.importees += r.inserees;
    }
    for (const academieCode of [...new Set([...groupes.values()].map((g) => g.academieCode))].sort()) {
      const { id } = await lancerTraitement(ctx, trx, {
        type: TRAITEMENT_COMPETENCES_SYS,
        titre: `Compétences SYS (C) après l'import des enseignements (${opts.fichier})`,
        parametres: { academieCode },
        academieCode,
        creePar: null,
        visibilite: 'academie',
      });
      rapport.traitements.push({ academieCode, id });
      await audit(trx, { academieCode, compteId: null, acteur: 'import-enseignements' }, {
        action: 'enseignements.import',
        entite: 'enseignement',
        apres: { fichier: opts.fichier, remplacements: rapport.remplacements.filter((r) => r.academieCode === academieCode), traitement: id },
      });
    }
  });
  return rapport;
}
