// The demo's personnels, affectations principales and enseignements built through the imports of the
// gestionnaire (issue 17 §2, decision 0039), and their EPP/SIRHEN indisponibilités: the generated persons are written as the EPP/SIRHEN
// extract of their académie (docs/imports/personnels.md) and their teachings as the STS-WEB export
// (docs/imports/enseignements.md), then read, checked and applied by the same code as « Imports de
// données » (appliquerFichierDansTransaction: same parser, same `lire`, same `appliquer`), inside the
// demo's transaction. What those extracts do not carry is written as the person would have entered it
// in IMAG'IN (personal e-mail and phone, dossier financier), and the persons no such extract holds
// (private sector, other sources, no établissement principal) are inserted as before.
import { sql, type Transaction } from 'kysely';
import { dateFr } from '../../domain/imagin/dates.ts';
import type { DB } from '../platform/db/tables.ts';
import { genererCsv } from '../platform/documents/csv.ts';
import type { Colonne } from '../platform/documents/tableau.ts';
import { appliquerFichierDansTransaction } from '../imports/imports.traitement.ts';
import { importPersonnels } from '../imports/genres/personnels.ts';
import { importEnseignements } from '../imports/genres/enseignements.ts';
import { importIndisponibilites } from '../imports/genres/indisponibilites.ts';
import type { ContexteImport, GenreImport } from '../imports/genres.ts';
import type { AffectationGeneree, DonneesDemo, EnseignementGenere, PersonneGeneree } from './generateur.ts';
import type { IndisponibiliteGeneree } from './missions.ts';

const LOT = 1000;

const COLONNES_PERSONNELS: readonly Colonne<{ p: PersonneGeneree; uai: string }>[] = [
  { libelle: 'NUMEN', valeur: (x) => x.p.numen },
  { libelle: 'CIVILITE', valeur: (x) => x.p.civilite },
  { libelle: 'NOM', valeur: (x) => x.p.nom },
  { libelle: 'PRENOM', valeur: (x) => x.p.prenom },
  { libelle: 'DATE_NAISSANCE', valeur: (x) => dateFr(x.p.date_naissance) },
  { libelle: 'UAI', valeur: (x) => x.uai },
  { libelle: 'NIR', valeur: (x) => x.p.nir },
  { libelle: 'DISCIPLINE_POSTE', valeur: (x) => x.p.discipline_poste },
  { libelle: 'GRADE', valeur: () => '' },
  { libelle: 'EMAIL_PRO', valeur: (x) => x.p.email_pro },
  { libelle: 'TELEPHONE', valeur: (x) => x.p.tel_pro },
  { libelle: 'ADRESSE', valeur: (x) => x.p.adresse },
  { libelle: 'CODE_POSTAL', valeur: (x) => x.p.code_postal },
  { libelle: 'COMMUNE', valeur: (x) => x.p.commune },
  { libelle: 'SOURCE', valeur: (x) => x.p.source },
];

const COLONNES_ENSEIGNEMENTS: readonly Colonne<EnseignementGenere & { numen: string }>[] = [
  { libelle: 'UAI', valeur: (e) => e.uai },
  { libelle: 'NUMEN', valeur: (e) => e.numen },
  { libelle: 'ANNEE_SCOLAIRE', valeur: (e) => e.annee_scolaire },
  { libelle: 'MEF_CODE', valeur: (e) => e.mef_code },
  { libelle: 'MEF_LIBELLE', valeur: (e) => e.mef_libelle },
  { libelle: 'TYPE_MEF', valeur: (e) => e.type_mef },
  { libelle: 'MATIERE', valeur: (e) => e.matiere },
  { libelle: 'MODALITE_COURS', valeur: (e) => e.modalite_cours },
  { libelle: 'STRUCTURE', valeur: (e) => e.structure },
];

/**
 * One académie's file of new rows through an import, in the demo's transaction: every line must be
 * created (the demo loads into an empty base), else the demo stops with the import's words.
 */
export async function importerNeuf<L>(
  trx: Transaction<DB>,
  academie: { code: string; libelle: string },
  genre: GenreImport,
  colonnes: readonly Colonne<L>[],
  lignes: readonly L[],
  le: Date,
): Promise<number> {
  if (!lignes.length) return 0;
  const c: ContexteImport = { academieCode: academie.code, academieLibelle: academie.libelle, traitementId: 'demo', le };
  const r = await appliquerFichierDansTransaction(trx, genre, c, genererCsv(colonnes, lignes));
  if (r.ajoutees !== lignes.length) throw new Error(`Démonstration, import « ${genre.libelle} » de ${academie.libelle} : ${r.ajoutees} ligne(s) créée(s) au lieu de ${lignes.length}.`);
  return lignes.length;
}

export interface ChargementPersonnes {
  personneId: Map<string, number>;
  /** The demo persons that came through the personnels import, and their teachings through STS-WEB. */
  importees: number;
  enseignementsImportes: number;
}

type DonneesPersonnes = Pick<DonneesDemo, 'academies' | 'etablissements' | 'personnes' | 'affectations' | 'enseignements'>;

/** The persons of an EPP/SIRHEN extract: source EPP or SIRHEN, a NUMEN, an établissement principal of their académie. */
function selection(d: DonneesPersonnes) {
  const academieDeUai = new Map(d.etablissements.map((e) => [e.uai, e.academie_code]));
  const principal = new Map<string, string>();
  for (const a of d.affectations) if (a.principal) principal.set(a.personne, a.uai);
  const uaiImport = (p: PersonneGeneree): string | null => {
    const uai = principal.get(p.cle);
    return (p.source === 'EPP' || p.source === 'SIRHEN') && p.numen && uai && academieDeUai.get(uai) === p.academie_code ? uai : null;
  };
  const importees = new Map(d.personnes.filter((p) => uaiImport(p) !== null).map((p) => [p.cle, p]));
  return {
    uaiImport,
    importees,
    personnels: (academie: string) => d.personnes.flatMap((p) => (p.academie_code === academie && uaiImport(p) ? [{ p, uai: uaiImport(p)! }] : [])),
    /** The teachings of the imported persons in their académie's établissements. */
    enseignementImporte: (e: EnseignementGenere) => {
      const p = importees.get(e.personne);
      return p !== undefined && academieDeUai.get(e.uai) === p.academie_code;
    },
    enseignements: (academie: string) =>
      d.enseignements.flatMap((e) => {
        const p = importees.get(e.personne);
        return p && p.academie_code === academie && academieDeUai.get(e.uai) === academie ? [{ ...e, numen: p.numen! }] : [];
      }),
  };
}

/**
 * The demo's files for one académie, as an EPP/SIRHEN extract and an STS-WEB export would give them
 * (the layouts of docs/imports/): what `npm run demo` imports, and what a test imports again.
 */
export function fichiersDemo(d: DonneesPersonnes & Pick<DonneesDemo, 'imagin'>, academie: string) {
  const s = selection(d);
  return {
    personnels: () => genererCsv(COLONNES_PERSONNELS, s.personnels(academie)),
    enseignements: () => genererCsv(COLONNES_ENSEIGNEMENTS, s.enseignements(academie)),
    indisponibilites: () => genererCsv(COLONNES_INDISPONIBILITES, lignesIndisponibilites(d, d.imagin.indisponibilites, academie)),
    /**
     * SANTORIN's counts for a few convocations of the académie: copies on the missions paid on SANTORIN's
     * counts, candidates on the interrogations orales (the demo loads none: they are new to it).
     */
    santorinComptages: () => genererCsv(COLONNES_SANTORIN, comptagesSantorin(d, academie)),
  };
}

/**
 * Loads the demo's persons, affectations and enseignements. Persons of source EPP or SIRHEN with a
 * NUMEN and an établissement principal of their académie go through the personnels import, one file
 * per académie; their teachings through the enseignements import. Throws on any rejected line (the
 * generator must write files the imports accept).
 */
export async function chargerPersonnesParLesImports(trx: Transaction<DB>, d: DonneesPersonnes, etabId: ReadonlyMap<string, number>, le: Date): Promise<ChargementPersonnes> {
  const s = selection(d);
  const personneId = new Map<string, number>();
  let importees = 0;
  for (const academie of d.academies) {
    const lignes = s.personnels(academie.code);
    importees += await importerNeuf(trx, academie, importPersonnels, COLONNES_PERSONNELS, lignes, le);
    const parNumen = new Map(lignes.map(({ p }) => [p.numen!, p]));
    const numens = [...parNumen.keys()];
    for (let i = 0; i < numens.length; i += LOT) {
      const rows = await trx.selectFrom('personne').select(['id', 'numen']).where('academie_code', '=', academie.code).where('numen', 'in', numens.slice(i, i + LOT)).execute();
      for (const r of rows) personneId.set(parNumen.get(r.numen!)!.cle, r.id);
    }
  }

  // What the person enters in IMAG'IN rather than the extract: personal contact and dossier financier.
  const personnels = d.personnes.filter((p) => personneId.has(p.cle) && (p.email_perso || p.tel_perso || p.iban_fin || p.bic || p.dossier_financier_actif));
  for (let i = 0; i < personnels.length; i += LOT) {
    const valeurs = personnels
      .slice(i, i + LOT)
      .map((p) => sql`(${personneId.get(p.cle)!}::int, ${p.email_perso}::text, ${p.tel_perso}::text, ${p.iban_fin}::text, ${p.bic}::text, ${p.dossier_financier_actif}::boolean)`);
    await sql`update personne as p set email_perso = v.email_perso, tel_perso = v.tel_perso, iban_fin = v.iban_fin, bic = v.bic, dossier_financier_actif = v.dossier_financier_actif
      from (values ${sql.join(valeurs)}) as v(id, email_perso, tel_perso, iban_fin, bic, dossier_financier_actif)
      where p.id = v.id`.execute(trx);
  }

  // The others, as they are generated.
  const autres = d.personnes.filter((p) => !personneId.has(p.cle));
  for (let i = 0; i < autres.length; i += LOT) {
    const lot = autres.slice(i, i + LOT);
    const rows = await trx
      .insertInto('personne')
      .values(lot.map(({ cle: _cle, ...p }) => ({ ...p, iban_chiffre: null })))
      .returning(['id', 'nom', 'prenom', 'date_naissance'])
      .execute();
    // PostgreSQL returns the rows of a multi-row VALUES in order; checked rather than assumed.
    rows.forEach((r, j) => {
      const p = lot[j]!;
      if (r.nom !== p.nom || r.prenom !== p.prenom || r.date_naissance !== p.date_naissance) {
        throw new Error(`Chargement de la démonstration : ordre inattendu des lignes insérées (${p.cle}).`);
      }
      personneId.set(p.cle, r.id);
    });
  }
  const affectations = d.affectations.filter((a: AffectationGeneree) => !(a.principal && s.importees.has(a.personne)));
  for (let i = 0; i < affectations.length; i += LOT) {
    await trx
      .insertInto('personne_etablissement')
      .values(affectations.slice(i, i + LOT).map((a) => ({ personne_id: personneId.get(a.personne)!, etablissement_id: etabId.get(a.uai)!, principal: a.principal })))
      .execute();
  }

  // Teachings: through STS-WEB for the imported persons in their académie's établissements.
  let enseignementsImportes = 0;
  for (const academie of d.academies) enseignementsImportes += await importerNeuf(trx, academie, importEnseignements, COLONNES_ENSEIGNEMENTS, s.enseignements(academie.code), le);
  const directs = d.enseignements.filter((e) => !s.enseignementImporte(e));
  for (let i = 0; i < directs.length; i += LOT) {
    await trx
      .insertInto('enseignement')
      .values(directs.slice(i, i + LOT).map(({ personne, uai, ...e }) => ({ ...e, personne_id: personneId.get(personne)!, etablissement_id: etabId.get(uai)! })))
      .execute();
  }
  return { personneId, importees, enseignementsImportes };
}

const COLONNES_INDISPONIBILITES: readonly Colonne<IndisponibiliteGeneree & { numen: string }>[] = [
  { libelle: 'NUMEN', valeur: (i) => i.numen },
  { libelle: 'DATE_DEBUT', valeur: (i) => dateFr(i.date_debut) },
  { libelle: 'HEURE_DEBUT', valeur: (i) => i.heure_debut.slice(0, 5) },
  { libelle: 'DATE_FIN', valeur: (i) => dateFr(i.date_fin) },
  { libelle: 'HEURE_FIN', valeur: (i) => i.heure_fin.slice(0, 5) },
  { libelle: 'MOTIF', valeur: (i) => i.motif },
  { libelle: 'SOURCE', valeur: (i) => i.source },
];

function importableIndisponibilite(personne: ReadonlyMap<string, PersonneGeneree>, i: IndisponibiliteGeneree): boolean {
  const p = personne.get(i.personne);
  return (i.source === 'EPP' || i.source === 'SIRHEN') && !!p?.numen && p.academie_code === i.academie_code;
}

function lignesIndisponibilites(d: Pick<DonneesDemo, 'personnes'>, indisponibilites: readonly IndisponibiliteGeneree[], academie: string) {
  const personne = new Map(d.personnes.map((p) => [p.cle, p]));
  return indisponibilites.filter((i) => i.academie_code === academie && importableIndisponibilite(personne, i)).map((i) => ({ ...i, numen: personne.get(i.personne)!.numen! }));
}

/**
 * The indisponibilités known to EPP or SIRHEN (source EPP/SIRHEN, a person with a NUMEN of the same
 * académie) through the import of the indisponibilités déclarées hors IMAG'IN, one file per académie;
 * returns the others (declared by an établissement…), for the demo to insert as before.
 */
export async function chargerIndisponibilitesParImport(
  trx: Transaction<DB>,
  d: Pick<DonneesDemo, 'academies' | 'personnes'>,
  indisponibilites: readonly IndisponibiliteGeneree[],
  le: Date,
): Promise<{ importees: number; autres: IndisponibiliteGeneree[] }> {
  let importees = 0;
  for (const academie of d.academies) importees += await importerNeuf(trx, academie, importIndisponibilites, COLONNES_INDISPONIBILITES, lignesIndisponibilites(d, indisponibilites, academie.code), le);
  const personne = new Map(d.personnes.map((p) => [p.cle, p]));
  return { importees, autres: indisponibilites.filter((i) => !importableIndisponibilite(personne, i)) };
}

const COLONNES_SANTORIN: readonly Colonne<{ numero: number; numen: string; copies: number | null; candidats: number | null }>[] = [
  { libelle: 'NUMERO_MISSION', valeur: (x) => x.numero },
  { libelle: 'NUMEN', valeur: (x) => x.numen },
  { libelle: 'NB_COPIES', valeur: (x) => x.copies },
  { libelle: 'NB_CANDIDATS', valeur: (x) => x.candidats },
];

/** Up to 5 convocations of the académie on missions paid on SANTORIN's counts and 3 on orals, with counts drawn from their rank. */
function comptagesSantorin(d: Pick<DonneesDemo, 'personnes' | 'imagin'>, academie: string) {
  const personne = new Map(d.personnes.map((p) => [p.cle, p]));
  const mode = new Map(d.imagin.typesMission.map((t) => [t.code, t.mode_remuneration]));
  const typeDe = new Map(d.imagin.missions.filter((m) => m.academie_code === academie).map((m) => [m.numero, m.type_mission]));
  const convoquees = d.imagin.convocations.filter((c) => c.academie_code === academie && c.statut === 'convoquee' && personne.get(c.personne)?.numen && typeDe.has(c.numero));
  const santorin = convoquees.filter((c) => mode.get(typeDe.get(c.numero)!) === 'santorin').slice(0, 5);
  const oraux = convoquees.filter((c) => mode.get(typeDe.get(c.numero)!) === 'candidats').slice(0, 3);
  return [
    ...santorin.map((c, i) => ({ numero: c.numero, numen: personne.get(c.personne)!.numen!, copies: 30 + ((i * 7) % 25), candidats: null })),
    ...oraux.map((c, i) => ({ numero: c.numero, numen: personne.get(c.personne)!.numen!, copies: null, candidats: 12 + i * 3 })),
  ];
}
