// Demo candidates (issue 6, seed 002): the pupils of 3e registered to the DNB 2027 through their collège,
// in the académies the demo peoples, about CANDIDATS_PAR_ECHELLE per unit of scale. The collège DU PARC
// (Rennes) is fixed: five divisions, a few pre-registrations, cancellations and missing e-mails, two
// pupils who created their own account with their e-mail, and a namesake of a former pupil, so that
// the generated logins meet a collision. Its former pupils, now at LA PROMENADE, passed the DNB 2026
// with an account DU PARC generated; their results are published (the espace candidat shows them).
import { sql, type Transaction } from 'kysely';
import { genererCsv } from '../platform/documents/csv.ts';
import type { Colonne } from '../platform/documents/tableau.ts';
import { importerNeuf } from './par-les-imports.ts';
import { dateFr } from '../../domain/imagin/dates.ts';
import { importInscriptions } from '../imports/genres/inscriptions.ts';
import type { DB, EtatCandidature, NotePubliee } from '../platform/db/tables.ts';
import { Alea } from './alea.ts';
import { ANNEE_SESSION, CODE_EXAMEN_DNB, NOMS_FAMILLE, PRENOMS_FEMININS, PRENOMS_MASCULINS, SPECIALITES, UAI_COLLEGE_RENNES } from './donnees.ts';
import { slug } from './generateur.ts';
import { CANDIDAT_DEMO } from './comptes.ts';

/** The DNB session the pupils of 3e of the demo's school year register to. */
export const SESSION_CANDIDATS = { examen: CODE_EXAMEN_DNB, code: `${ANNEE_SESSION + 1}-06`, libelle: `DNB ${ANNEE_SESSION + 1}`, annee: ANNEE_SESSION + 1 } as const;
/** The last DNB session, whose results are published. */
export const SESSION_PUBLIEE = { examen: CODE_EXAMEN_DNB, code: `${ANNEE_SESSION}-06` } as const;


const DOMAINE_FAMILLES = 'famille-demo.fr';
const DIVISIONS_DU_PARC = ['3A', '3B', '3C', '3D', '3E'] as const;
const LANGUES: readonly (readonly [string, number])[] = [['LV1 ANGLAIS', 80], ['LV1 ALLEMAND', 8], ['LV1 ESPAGNOL', 7], ['LV1 BRETON', 5]];

export interface CandidatGenere {
  cle: string;
  academie_code: string;
  ine: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  date_naissance: string;
  adresse: string;
  code_postal: string;
  commune: string;
}

export interface CandidatureGeneree {
  candidat: string;
  session: { examen: string; code: string };
  academie_code: string;
  uai: string;
  numero_candidat: string;
  etat: EtatCandidature;
  email: string | null;
  serie_code: string;
  serie_libelle: string;
  division_classe: string;
  qualification_presentee: string;
  /** Spécialité code under the DNB ('GEN' or 'PRO'). */
  specialite: string;
}

export interface CompteCandidatGenere {
  candidat: string;
  login: string;
  email: string | null;
  typeLogin: 'prenom_nom' | 'email';
  /** The établissement that generated a "prenom.nom" account. */
  uai: string | null;
}

export interface ResultatGenere {
  candidat: string;
  decision: string;
  mention: string | null;
  moyenne: number;
  notes: NotePubliee[];
}

export interface DonneesCandidats {
  session: typeof SESSION_CANDIDATS;
  candidats: CandidatGenere[];
  candidatures: CandidatureGeneree[];
  comptes: CompteCandidatGenere[];
  resultats: ResultatGenere[];
}

export interface CollegeCandidats {
  uai: string;
  academie_code: string;
  commune: string;
  code_postal: string;
}

const sansAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function email(prenom: string, nom: string, n: number): string {
  return `${slug(prenom).replace(/-/g, '')}.${slug(nom).replace(/-/g, '')}${n}@${DOMAINE_FAMILLES}`;
}

function ine(alea: Alea, n: number): string {
  // Ten digits and a key letter, as the INE of a pupil (not a real algorithm: the demo's own).
  const chiffres = `${String(n).padStart(6, '0')}${alea.chiffres(4)}`;
  return `${chiffres}${'ABCDEFGHJKLMNPRSTUVWXYZ'[Number(BigInt(chiffres) % 23n)]}`;
}

/** The collèges the demo gives candidates to: those of Rennes and Toulouse that manage their candidates. */
export function collegesCandidats(etablissements: ReadonlyArray<{ uai: string; academie_code: string; type: string; service_gestion_candidats: boolean; commune: string; code_postal: string }>): CollegeCandidats[] {
  return etablissements
    .filter((e) => e.type === 'CLG' && e.service_gestion_candidats && (e.academie_code === '14' || e.academie_code === '16'))
    .map((e) => ({ uai: e.uai, academie_code: e.academie_code, commune: e.commune, code_postal: e.code_postal }));
}

/**
 * The demo's candidates: DU PARC's fixed pupils, then for each other collège of the peopled académies
 * that has a service de gestion des candidats, its share of `total`.
 */
export function genererCandidats(colleges: readonly CollegeCandidats[], total: number): DonneesCandidats {
  const alea = new Alea('candidats');
  const d: DonneesCandidats = { session: SESSION_CANDIDATS, candidats: [], candidatures: [], comptes: [], resultats: [] };
  let n = 0;
  const serie = (code: 'GEN' | 'PRO') => SPECIALITES.find((s) => s.examen === CODE_EXAMEN_DNB && s.code === code)!;

  const eleve = (college: CollegeCandidats, fixe?: { nom: string; prenom: string; civilite: 'M.' | 'Mme' }) => {
    n++;
    const civilite = fixe?.civilite ?? (alea.chance(0.5) ? 'Mme' : 'M.');
    const prenom = fixe?.prenom ?? alea.choisir(civilite === 'Mme' ? PRENOMS_FEMININS : PRENOMS_MASCULINS);
    const nom = fixe?.nom ?? alea.choisir(NOMS_FAMILLE);
    const cle = `candidat/${n}`;
    d.candidats.push({
      cle,
      academie_code: college.academie_code,
      ine: ine(alea, n),
      civilite,
      nom,
      prenom,
      date_naissance: `${ANNEE_SESSION - 14}-${String(alea.entre(1, 12)).padStart(2, '0')}-${String(alea.entre(1, 28)).padStart(2, '0')}`,
      adresse: `${alea.entre(1, 120)} RUE ${alea.choisir(NOMS_FAMILLE)}`,
      code_postal: college.code_postal,
      commune: college.commune,
    });
    return { cle, nom, prenom };
  };

  const candidature = (college: CollegeCandidats, e: { cle: string; nom: string; prenom: string }, division: string, rang: number, options: { etat?: EtatCandidature; sansEmail?: boolean } = {}) => {
    const pro = division.endsWith('E') && college.uai === UAI_COLLEGE_RENNES;
    const s = serie(pro ? 'PRO' : 'GEN');
    d.candidatures.push({
      candidat: e.cle,
      session: SESSION_CANDIDATS,
      academie_code: college.academie_code,
      uai: college.uai,
      numero_candidat: `${SESSION_CANDIDATS.annee}${college.uai.slice(0, 7)}${String(rang).padStart(3, '0')}`,
      etat: options.etat ?? (alea.chance(0.1) ? 'pre_inscrit' : 'inscrit'),
      email: options.sansEmail ? null : email(e.prenom, e.nom, rang),
      serie_code: pro ? 'P' : 'G',
      serie_libelle: s.libelle,
      division_classe: division,
      qualification_presentee: alea.ponderer(LANGUES),
      specialite: s.code,
    });
  };

  // DU PARC: 28 pupils per division; the 3E is a "prépa-métiers" class (série professionnelle).
  const duParc = colleges.find((c) => c.uai === UAI_COLLEGE_RENNES);
  if (duParc) {
    let rang = 0;
    for (const division of DIVISIONS_DU_PARC) {
      for (let i = 0; i < 28; i++) {
        rang++;
        // A namesake of the demo candidate: her login "lea.moreau" is taken, the generation adds a suffix.
        const fixe = division === '3B' && i === 0 ? { nom: CANDIDAT_DEMO.nom, prenom: CANDIDAT_DEMO.prenom, civilite: 'Mme' as const } : undefined;
        const e = eleve(duParc, fixe);
        const etat: EtatCandidature | undefined = [5, 61, 117].includes(rang) ? 'annule' : undefined;
        candidature(duParc, e, division, rang, { etat, sansEmail: [9, 40, 88, 131].includes(rang) });
        // Two pupils created their account themselves from the espace candidat, with their e-mail.
        if (rang === 12 || rang === 70) {
          const c = d.candidatures.at(-1)!;
          c.etat = 'inscrit';
          d.comptes.push({ candidat: e.cle, login: c.email!, email: c.email, typeLogin: 'email', uai: null });
        }
      }
    }
    genererAnciens(alea, d, duParc, eleve);
  }

  // The other collèges share the rest, in divisions of about 28.
  const autres = colleges.filter((c) => c.uai !== UAI_COLLEGE_RENNES);
  const reste = Math.max(0, total - d.candidatures.filter((c) => c.session === SESSION_CANDIDATS).length);
  autres.forEach((college, k) => {
    const nb = Math.floor(reste / autres.length) + (k < reste % autres.length ? 1 : 0);
    for (let rang = 1; rang <= nb; rang++) {
      const division = `3${'ABCDEFGH'[Math.floor((rang - 1) / 28) % 8]}`;
      candidature(college, eleve(college), division, rang, { etat: alea.chance(0.01) ? 'annule' : undefined, sansEmail: alea.chance(0.02) });
    }
  });
  return d;
}

/**
 * Six former pupils of DU PARC, now in seconde at LA PROMENADE: DNB 2026 candidatures through DU PARC,
 * accounts DU PARC generated ("prenom.nom"), published results.
 */
function genererAnciens(alea: Alea, d: DonneesCandidats, duParc: CollegeCandidats, eleve: (c: CollegeCandidats, fixe?: { nom: string; prenom: string; civilite: 'M.' | 'Mme' }) => { cle: string; nom: string; prenom: string }) {
  const anciens = [
    { nom: CANDIDAT_DEMO.nom, prenom: CANDIDAT_DEMO.prenom, civilite: 'Mme' as const },
    { nom: 'LE GOFF', prenom: 'Erwan', civilite: 'M.' as const },
    { nom: 'KERMARREC', prenom: 'Maëlle', civilite: 'Mme' as const },
    { nom: 'FONTAINE', prenom: 'Hugo', civilite: 'M.' as const },
    { nom: 'ROUSSEL', prenom: 'Inès', civilite: 'Mme' as const },
    { nom: 'GUILLOU', prenom: 'Loïc', civilite: 'M.' as const },
  ];
  const s = SPECIALITES.find((x) => x.examen === CODE_EXAMEN_DNB && x.code === 'GEN')!;
  anciens.forEach((a, i) => {
    const e = eleve(duParc, a);
    const rang = 200 + i;
    d.candidatures.push({
      candidat: e.cle,
      session: SESSION_PUBLIEE,
      academie_code: duParc.academie_code,
      uai: duParc.uai,
      numero_candidat: `${ANNEE_SESSION}${duParc.uai.slice(0, 7)}${rang}`,
      etat: 'inscrit',
      email: i === 0 ? CANDIDAT_DEMO.email : email(a.prenom, a.nom, rang),
      serie_code: 'G',
      serie_libelle: s.libelle,
      division_classe: '3C',
      qualification_presentee: 'LV1 ANGLAIS',
      specialite: s.code,
    });
    const login = i === 0 ? CANDIDAT_DEMO.login : `${sansAccents(a.prenom).toLowerCase()}.${sansAccents(a.nom).toLowerCase().replace(/[^a-z]/g, '')}`;
    d.comptes.push({ candidat: e.cle, login, email: i === 0 ? CANDIDAT_DEMO.email : email(a.prenom, a.nom, rang), typeLogin: 'prenom_nom', uai: duParc.uai });
    d.resultats.push(resultatDnb(alea, e.cle, s.epreuves, i === 0 ? 15.5 : undefined));
  });
}

/**
 * A DNB result from session 2026 (arrêté du 10 avril 2025): 40 % contrôle continu, 60 % épreuves
 * finales (coefficient-weighted); admis at 10; mentions at 12, 14, 16, 18.
 */
function resultatDnb(alea: Alea, candidat: string, epreuves: ReadonlyArray<{ libelle: string; coefficient: number }>, cible?: number): ResultatGenere {
  const base = cible ?? alea.entre(70, 170) / 10;
  const note = () => Math.max(0, Math.min(20, Math.round((base + (alea.suivant() - 0.5) * 6) * 2) / 2));
  const controleContinu = note();
  const finales = epreuves.map((e) => ({ e, n: note() }));
  const somme = finales.reduce((t, f) => t + f.n * f.e.coefficient, 0);
  const coefs = finales.reduce((t, f) => t + f.e.coefficient, 0);
  const moyenne = Math.round((0.4 * controleContinu + (0.6 * somme) / coefs) * 100) / 100;
  const mention = moyenne >= 18 ? 'Très bien avec les félicitations du jury' : moyenne >= 16 ? 'Très bien' : moyenne >= 14 ? 'Bien' : moyenne >= 12 ? 'Assez bien' : null;
  return {
    candidat,
    decision: moyenne >= 10 ? 'Admis' : 'Refusé',
    mention: moyenne >= 10 ? mention : null,
    moyenne,
    notes: [
      { epreuve: 'CONTROLE CONTINU (MOYENNE DES DISCIPLINES DE 3E)', coefficient: 0.4, note: controleContinu.toFixed(2), groupe: 1 },
      ...finales.map((f) => ({ epreuve: f.e.libelle, coefficient: f.e.coefficient, note: f.n.toFixed(2), groupe: 1 as const })),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Loading

const LOT = 1000;

async function parLots<T>(lignes: readonly T[], inserer: (lot: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < lignes.length; i += LOT) await inserer(lignes.slice(i, i + LOT));
}

/** The states a CYCLADES extract gives (the demo generates no other). */
const ETAT_CYCLADES: Partial<Record<EtatCandidature, string>> = { inscrit: 'Inscrit', pre_inscrit: 'Pré-inscrit', annule: 'Annulé' };

/** The layout of docs/imports/inscriptions.md, for the demo's candidatures. */
const COLONNES_INSCRIPTIONS = (candidat: ReadonlyMap<string, CandidatGenere>, epreuves: (specialite: string) => string): readonly Colonne<CandidatureGeneree>[] => [
  { libelle: 'EXAMEN', valeur: (c) => c.session.examen },
  { libelle: 'SESSION', valeur: (c) => c.session.code },
  { libelle: 'NUMERO_CANDIDAT', valeur: (c) => c.numero_candidat },
  { libelle: 'INE', valeur: (c) => candidat.get(c.candidat)!.ine },
  { libelle: 'CIVILITE', valeur: (c) => candidat.get(c.candidat)!.civilite },
  { libelle: 'NOM', valeur: (c) => candidat.get(c.candidat)!.nom },
  { libelle: 'PRENOM', valeur: (c) => candidat.get(c.candidat)!.prenom },
  { libelle: 'DATE_NAISSANCE', valeur: (c) => dateFr(candidat.get(c.candidat)!.date_naissance) },
  { libelle: 'EMAIL', valeur: (c) => c.email },
  { libelle: 'UAI', valeur: (c) => c.uai },
  { libelle: 'SERIE', valeur: (c) => c.serie_code },
  { libelle: 'SERIE_LIBELLE', valeur: (c) => c.serie_libelle },
  { libelle: 'SPECIALITE', valeur: (c) => c.specialite },
  { libelle: 'DIVISION', valeur: (c) => c.division_classe },
  { libelle: 'EPREUVES', valeur: (c) => epreuves(c.specialite) },
  {
    libelle: 'ETAT',
    valeur: (c) => {
      const etat = ETAT_CYCLADES[c.etat];
      if (!etat) throw new Error(`Démonstration : l'état « ${c.etat} » n'est pas un état d'une extraction CYCLADES.`);
      return etat;
    },
  },
];

/** The demo's candidatures of one académie as a CYCLADES extract (docs/imports/inscriptions.md): what the demo imports. */
export function fichierInscriptions(d: Pick<DonneesCandidats, 'candidats' | 'candidatures'>, academie: string) {
  return genererCsv(colonnesInscriptions(d), d.candidatures.filter((c) => c.academie_code === academie));
}

function colonnesInscriptions(d: Pick<DonneesCandidats, 'candidats'>) {
  const epreuvesDe = (specialite: string) => (SPECIALITES.find((s) => s.examen === CODE_EXAMEN_DNB && s.code === specialite)?.epreuves ?? []).map((e) => e.code).join('|');
  return COLONNES_INSCRIPTIONS(new Map(d.candidats.map((c) => [c.cle, c])), epreuvesDe);
}

/** Loads the candidates into the demo's transaction; the sessions, spécialités and épreuves exist already. */
export async function chargerCandidats(
  trx: Transaction<DB>,
  d: DonneesCandidats,
  cles: { etabId: Map<string, number>; hashCandidat: string; maintenant: Date },
): Promise<{ candidats: number; candidatures: number; comptes: number }> {
  const sessions = await trx.selectFrom('session_examen').select(['id', 'examen_code', 'code']).where('examen_code', '=', CODE_EXAMEN_DNB).execute();
  const sessionId = (s: { examen: string; code: string }) => sessions.find((x) => x.examen_code === s.examen && x.code === s.code)!.id;
  const specialites = await trx.selectFrom('specialite').select(['id', 'code']).where('examen_code', '=', CODE_EXAMEN_DNB).execute();
  const specId = new Map(specialites.map((s) => [s.code, s.id]));

  // Candidates, candidatures and their épreuves through the import « Candidats et inscriptions
  // (CYCLADES) », one file per académie as CYCLADES would export it (decision 0039); what that extract
  // does not carry (the pupil's address, the qualification présentée) is written afterwards.
  const academies = await trx.selectFrom('academie').select(['code', 'libelle']).execute();
  for (const a of academies) await importerNeuf(trx, a, importInscriptions, colonnesInscriptions(d), d.candidatures.filter((c) => c.academie_code === a.code), cles.maintenant);
  const candidatId = new Map<string, number>();
  const parIne = new Map(d.candidats.map((c) => [c.ine, c.cle]));
  await parLots(d.candidats, async (lot) => {
    const rows = await trx.selectFrom('candidat').select(['id', 'ine']).where('ine', 'in', lot.map((c) => c.ine)).execute();
    for (const r of rows) candidatId.set(parIne.get(r.ine!)!, r.id);
    const valeurs = lot.map((c) => sql`(${candidatId.get(c.cle)!}::int, ${c.adresse}::text, ${c.code_postal}::text, ${c.commune}::text)`);
    await sql`update candidat as c set adresse = v.adresse, code_postal = v.code_postal, commune = v.commune
      from (values ${sql.join(valeurs)}) as v(id, adresse, code_postal, commune) where c.id = v.id`.execute(trx);
  });
  const candidatureId = new Map<string, number>();
  await parLots(d.candidatures, async (lot) => {
    const rows = await trx
      .selectFrom('candidature')
      .select(['id', 'candidat_id', 'session_examen_id'])
      .where('candidat_id', 'in', [...new Set(lot.map((c) => candidatId.get(c.candidat)!))])
      .execute();
    const parCle = new Map(rows.map((r) => [`${r.candidat_id}/${r.session_examen_id}`, r.id]));
    for (const c of lot) candidatureId.set(`${c.candidat}/${c.session.code}`, parCle.get(`${candidatId.get(c.candidat)}/${sessionId(c.session)}`)!);
    const valeurs = lot.map((c) => sql`(${candidatureId.get(`${c.candidat}/${c.session.code}`)!}::int, ${c.qualification_presentee}::text)`);
    await sql`update candidature as c set qualification_presentee = v.qualification_presentee
      from (values ${sql.join(valeurs)}) as v(id, qualification_presentee) where c.id = v.id`.execute(trx);
  });

  const academieDe = new Map(d.candidats.map((c) => [c.cle, c.academie_code]));
  for (const c of d.comptes) {
    const compte = await trx
      .insertInto('compte')
      .values({
        login: c.login,
        password_hash: cles.hashCandidat,
        mot_de_passe_temporaire: false,
        email: c.email,
        type: 'candidat',
        mot_de_passe_change_le: cles.maintenant,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('role_attribution').values({ compte_id: compte.id, role: 'candidat', academie_code: academieDe.get(c.candidat)! }).execute();
    await trx
      .insertInto('compte_candidat')
      .values({
        compte_id: compte.id,
        candidat_id: candidatId.get(c.candidat)!,
        type_login: c.typeLogin,
        etablissement_id: c.uai ? cles.etabId.get(c.uai)! : null,
        genere_le: c.uai ? cles.maintenant : null,
      })
      .execute();
  }

  if (d.resultats.length) {
    const publiee = sessionId(SESSION_PUBLIEE);
    await trx.insertInto('publication_resultats').values({ academie_code: '14', session_examen_id: publiee, publie_le: new Date(`${ANNEE_SESSION}-07-09T08:00:00Z`) }).execute();
    await trx
      .insertInto('resultat_publie')
      .values(
        d.resultats.map((r) => ({
          candidature_id: candidatureId.get(`${r.candidat}/${SESSION_PUBLIEE.code}`)!,
          decision: r.decision,
          mention: r.mention,
          moyenne: r.moyenne,
          notes: JSON.stringify(r.notes),
          publie_le: new Date(`${ANNEE_SESSION}-07-09T08:00:00Z`),
        })),
      )
      .execute();
  }
  return { candidats: d.candidats.length, candidatures: d.candidatures.length, comptes: d.comptes.length };
}
