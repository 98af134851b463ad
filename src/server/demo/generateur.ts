// Pure generation of the demo data set: the same scale gives the same rows, byte for byte.
// Rows reference each other by natural keys (UAI, personne key, login); demo.ts turns them into ids.
import { avecCleNir, avecCleUai } from '../../domain/referentiel/identifiants.ts';
import type { ServiceCode } from '../../domain/services.ts';
import type { TypeEtablissement } from '../platform/db/tables.ts';
import { Alea, TirageCumule } from './alea.ts';
import { DEFINITIONS_COMPTES, PERSONNES_DEMO, type DefinitionCompte, type PersonneDemo } from './comptes.ts';
import {
  ACADEMIES,
  ACADEMIES_PEUPLEES,
  ANNEE_SCOLAIRE,
  ANNEE_SESSION,
  BICS,
  DISCIPLINES,
  ETABLISSEMENTS_FIXES,
  EXAMENS,
  MEFS,
  MODALITES,
  NIVEAUX_PAR_TYPE,
  NOMS_ETABLISSEMENT,
  NOMS_FAMILLE,
  PRENOMS_FEMININS,
  PRENOMS_MASCULINS,
  SANS_DISCIPLINE,
  SESSIONS,
  SPECIALITES,
  VOIES,
  UAI_COLLEGE_RENNES,
  UAI_LYCEE_RENNES,
  matieresPour,
  type Departement,
  type Discipline,
  type Niveau,
  type VolumeAcademie,
} from './donnees.ts';
import { PROFESSEURS_HLP_PROMENADE } from './donnees-centre.ts';
import { messagesAccueil } from './messages.ts';
import { genererImagin, structureEnseignement, type DonneesImagin } from './missions.ts';

export const ECHELLE_MAX = 1000;

/**
 * About 300 candidates per unit of scale (30,000 at scale 100, an académie's June session): the pupils
 * of 3e of the collèges with a service_gestion_candidats (candidats.ts).
 */
export const CANDIDATS_PAR_ECHELLE = 300;

/** Share of intervenants who already have an account (they were convoked in an earlier session). */
const PART_COMPTES_INTERVENANTS = 0.1;

export interface EtablissementGenere {
  uai: string;
  academie_code: string;
  nom: string;
  type: TypeEtablissement;
  adresse: string;
  code_postal: string;
  commune: string;
  telephone: string | null;
  email: string | null;
  est_centre_examen: boolean;
  est_centre_deliberation: boolean;
  service_gestion_candidats: boolean;
}

export interface PersonneGeneree {
  cle: string;
  academie_code: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  date_naissance: string;
  numen: string | null;
  discipline_poste: string;
  email_pro: string | null;
  email_perso: string | null;
  tel_pro: string | null;
  tel_perso: string | null;
  adresse: string;
  code_postal: string;
  commune: string;
  nir: string | null;
  /** Encryption of the full IBAN comes with the dossier financier issue: only the last 4 characters for now. */
  iban_fin: string | null;
  bic: string | null;
  dossier_financier_actif: boolean;
  source: 'EPP' | 'EPP_PRIVE' | 'AGAPE' | 'RENOIRH' | 'SIRHEN' | 'IMAGIN';
}

export interface AffectationGeneree {
  personne: string;
  uai: string;
  principal: boolean;
}

export interface EnseignementGenere {
  personne: string;
  uai: string;
  annee_scolaire: string;
  mef_code: string;
  mef_libelle: string;
  type_mef: string;
  matiere: string;
  modalite_cours: string;
  /** STS-WEB "Structure enseignement" (migration 004): "Div. Classe : 2NDE3", "Groupe : G1". */
  structure: string;
}

export interface CompteGenere {
  login: string;
  type: DefinitionCompte['type'];
  /** Which demo password; null for an account whose owner has not chosen one yet. */
  motDePasse: DefinitionCompte['motDePasse'] | null;
  email: string | null;
  personne: string | null;
  attribution: { role: DefinitionCompte['role']; academie_code: string; uai: string | null; personne: string | null };
}

export interface DonneesDemo {
  echelle: number;
  academies: Array<{ code: string; libelle: string; nom_majuscule: string; domaine_mail: string; inter_academique: boolean; exclue_acces_autres: boolean; service_joignable: boolean }>;
  etablissements: EtablissementGenere[];
  personnes: PersonneGeneree[];
  affectations: AffectationGeneree[];
  enseignements: EnseignementGenere[];
  examens: Array<{ code: string; sigle: string; libelle: string }>;
  sessions: Array<{ examen_code: string; code: string; libelle: string; annee: number }>;
  specialites: typeof SPECIALITES;
  comptes: CompteGenere[];
  messages: Array<{ academie_code: string; service: ServiceCode; texte: string }>;
  /** IMAG'IN missions, convocations, indisponibilités, compétences (issue 4, missions.ts). */
  imagin: DonneesImagin;
}

export function verifierEchelle(echelle: number): void {
  if (!Number.isFinite(echelle) || echelle <= 0 || echelle > ECHELLE_MAX) {
    throw new Error(`Échelle de démonstration invalide : ${echelle}. Indiquez un nombre strictement positif, au plus ${ECHELLE_MAX} (1 = petite, 100 = taille d'une académie).`);
  }
}

// ---------------------------------------------------------------------------------------------
// Small builders

/** "Gwenaëlle" → "gwenaelle", "LE GOFF-DEMO" → "le-goff-demo": the local part of an e-mail. */
export function slug(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function deuxChiffres(n: number): string {
  return String(n).padStart(2, '0');
}

// Phone numbers in the blocks ARCEP reserves for works of fiction, so none rings anyone.
const TELEPHONE_FICTION = { '01': '01 99 00', '02': '02 61 91', '03': '03 53 73', '04': '04 65 71', '05': '05 36 49' } as const;
const MOBILE_FICTION = '06 39 98';

function telephone(alea: Alea, prefixe: keyof typeof TELEPHONE_FICTION | 'mobile'): string {
  const bloc = prefixe === 'mobile' ? MOBILE_FICTION : TELEPHONE_FICTION[prefixe];
  return `${bloc} ${alea.chiffres(2)} ${alea.chiffres(2)}`;
}

/** A French IBAN with a valid RIB key and ISO 13616 check digits. */
export function genererIban(alea: Alea): string {
  const banque = alea.chiffres(5);
  const guichet = alea.chiffres(5);
  const compte = alea.chiffres(11);
  const cleRib = 97 - Number((89n * BigInt(banque) + 15n * BigInt(guichet) + 3n * BigInt(compte)) % 97n);
  const bban = banque + guichet + compte + deuxChiffres(cleRib);
  // FR → 15 27, then "00" in place of the check digits.
  const controle = 98 - Number(BigInt(bban + '152700') % 97n);
  return `FR${deuxChiffres(controle)}${bban}`;
}

const DEPARTEMENTS_NAISSANCE = ['75', '69', '13', '59', '33', '44', '67', '2A', '2B', '971', '99'] as const;

function genererNir(alea: Alea, civilite: 'M.' | 'Mme', dateNaissance: string, departementAcademie: string): string {
  const sexe = civilite === 'M.' ? '1' : '2';
  const annee = dateNaissance.slice(2, 4);
  const mois = dateNaissance.slice(5, 7);
  let lieu: string;
  const autre = alea.chance(0.3) ? alea.choisir(DEPARTEMENTS_NAISSANCE) : departementAcademie;
  if (autre === '971') {
    // Overseas départements take three digits: 97 + 1, then a two-digit commune.
    lieu = '971' + alea.chiffres(2).replace(/^00$/, '01');
  } else if (autre === '99') {
    // Born abroad: 99 then the INSEE country code (here Morocco, Belgium, Portugal, Germany…).
    lieu = '99' + alea.choisir(['350', '131', '139', '109', '134']);
  } else {
    lieu = autre + String(alea.entre(1, 400)).padStart(3, '0');
  }
  const ordre = String(alea.entre(1, 999)).padStart(3, '0');
  return avecCleNir(sexe + annee + mois + lieu + ordre);
}

const LETTRES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * NUMEN: académie, a letter, a two-digit year, five digits, three letters. The five digits are a
 * permutation of the person's index (below 99,000), so NUMENs never collide within an académie;
 * 99,000–99,999 is left to the named demo persons.
 */
function genererNumen(alea: Alea, academie: string, lettre: string, annee: number, index: number): string {
  const cinq = String((index * 7919 + 12345) % 99000).padStart(5, '0');
  let fin = '';
  for (let i = 0; i < 3; i++) fin += LETTRES[alea.entier(26)];
  return `${academie}${lettre}${deuxChiffres(annee % 100)}${cinq}${fin}`;
}

function emailUnique(vus: Set<string>, prenom: string, nom: string, domaine: string): string {
  const base = `${slug(prenom)}.${slug(nom)}`;
  let local = base;
  for (let n = 2; vus.has(local); n++) local = `${base}${n}`;
  vus.add(local);
  return `${local}@${domaine}`;
}

// ---------------------------------------------------------------------------------------------
// Établissements

const TYPES_GENERES: readonly (readonly [TypeEtablissement, number])[] = [['CLG', 50], ['LGT', 18], ['LP', 16], ['LPO', 16]];
const POIDS_PERSONNEL: Partial<Record<TypeEtablissement, number>> = { CLG: 1.6, LGT: 3, LP: 2, LPO: 4 };

function emailEtablissement(uai: string, domaine: string): string {
  // The real convention is ce.<uai>@<domaine>; the "demo." subdomain keeps mail away from real schools.
  return `ce.${uai.toLowerCase()}@demo.${domaine}`;
}

function genererEtablissements(vol: VolumeAcademie, echelle: number, domaine: string, uais: Set<string>, nomMajuscule: string): EtablissementGenere[] {
  const res: EtablissementGenere[] = [];
  const fixes = ETABLISSEMENTS_FIXES.filter((f) => f.academie === vol.code);
  for (const f of fixes) {
    const alea = new Alea(`${vol.code}/etablissement-fixe/${f.uai}`);
    res.push({
      uai: f.uai,
      academie_code: vol.code,
      nom: f.nom,
      type: f.type,
      adresse: f.adresse,
      code_postal: f.codePostal,
      commune: f.commune,
      telephone: telephone(alea, vol.telephone),
      email: emailEtablissement(f.uai, domaine),
      est_centre_examen: f.centreExamen,
      est_centre_deliberation: f.centreDeliberation,
      service_gestion_candidats: f.gestionCandidats,
    });
  }
  const tirerUai = (alea: Alea, dep: Departement) => {
    for (;;) {
      const uai = avecCleUai(dep.uai + String(alea.entier(10000)).padStart(4, '0'));
      if (!uais.has(uai)) {
        uais.add(uai);
        return uai;
      }
    }
  };
  const depPrincipal = vol.departements[0]!;
  if (!fixes.some((f) => f.type === 'RECT')) {
    const alea = new Alea(`${vol.code}/rectorat`);
    const uai = tirerUai(alea, depPrincipal);
    const commune = depPrincipal.communes[0]!;
    res.push({
      uai,
      academie_code: vol.code,
      nom: `RECTORAT ACADEMIE DE ${nomMajuscule}`,
      type: 'RECT',
      adresse: `${alea.entre(1, 99)} ${alea.choisir(VOIES)}`,
      code_postal: commune.codePostal,
      commune: `${commune.nom} CEDEX`,
      telephone: telephone(alea, vol.telephone),
      email: emailEtablissement(uai, domaine),
      est_centre_examen: true,
      est_centre_deliberation: false,
      service_gestion_candidats: false,
    });
  }
  const nombre = Math.max(0, Math.round(vol.etablissementsBase + vol.etablissementsParEchelle * echelle) - fixes.length);
  const departements = new TirageCumule(vol.departements.map((dep, i) => [dep, dep.communes.length * (i === 0 ? 2 : 1)] as const));
  for (let i = 0; i < nombre; i++) {
    const alea = new Alea(`${vol.code}/etablissement/${i}`);
    const dep = departements.tirer(alea);
    const commune = alea.choisir(dep.communes);
    const type = alea.ponderer(TYPES_GENERES);
    const uai = tirerUai(alea, dep);
    const lycee = type !== 'CLG';
    const centreExamen = alea.chance(lycee ? 0.8 : 0.45);
    res.push({
      uai,
      academie_code: vol.code,
      nom: alea.choisir(NOMS_ETABLISSEMENT),
      type,
      adresse: `${alea.entre(1, 120)} ${alea.choisir(VOIES)}`,
      code_postal: commune.codePostal,
      commune: commune.nom,
      telephone: telephone(alea, vol.telephone),
      email: emailEtablissement(uai, domaine),
      est_centre_examen: centreExamen,
      est_centre_deliberation: centreExamen && alea.chance(lycee ? 0.35 : 0.1),
      service_gestion_candidats: alea.chance(0.9),
    });
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Personnes, their établissements and their teaching

type TypePoste = 'CLG' | 'LGT' | 'LP' | 'LPO';

function tirageDisciplines(type: TypePoste): TirageCumule<Discipline> {
  const poids = (dsc: Discipline) =>
    type === 'LPO' ? (dsc.poids.LGT ?? 0) + (dsc.poids.LP ?? 0) : (dsc.poids[type] ?? 0);
  return new TirageCumule(DISCIPLINES.filter((dsc) => poids(dsc) > 0).map((dsc) => [dsc, poids(dsc)] as const));
}

const DISCIPLINES_PAR_TYPE: Record<TypePoste, TirageCumule<Discipline>> = {
  CLG: tirageDisciplines('CLG'),
  LGT: tirageDisciplines('LGT'),
  LP: tirageDisciplines('LP'),
  LPO: tirageDisciplines('LPO'),
};

const DISCIPLINE_PAR_LIBELLE = new Map(DISCIPLINES.map((dsc) => [dsc.libelle, dsc]));

function enseignementsDans(alea: Alea, cle: string, discipline: Discipline | undefined, etab: EtablissementGenere, nombre: number): EnseignementGenere[] {
  if (!discipline || discipline.matieres.length === 0) return [];
  const niveaux: readonly Niveau[] = NIVEAUX_PAR_TYPE[etab.type] ?? [];
  const mefs = MEFS.filter((m) => niveaux.includes(m.niveau) && discipline.niveaux.includes(m.niveau));
  if (mefs.length === 0) return [];
  const res: EnseignementGenere[] = [];
  const vus = new Set<string>();
  for (let essai = 0; res.length < nombre && essai < nombre * 4; essai++) {
    const mef = alea.choisir(mefs);
    const matieres = matieresPour(discipline, mef.niveau);
    if (matieres.length === 0) continue;
    const matiere = alea.choisir(matieres);
    const modalite = alea.ponderer(MODALITES);
    const k = `${mef.code}|${matiere}|${modalite}`;
    if (vus.has(k)) continue;
    vus.add(k);
    res.push({
      personne: cle,
      uai: etab.uai,
      annee_scolaire: ANNEE_SCOLAIRE,
      mef_code: mef.code,
      mef_libelle: mef.libelle,
      type_mef: mef.type,
      matiere,
      modalite_cours: modalite,
      structure: '',
    });
  }
  return res;
}

const SOURCES: readonly (readonly [PersonneGeneree['source'], number])[] = [
  ['EPP', 86],
  ['EPP_PRIVE', 6],
  ['SIRHEN', 2],
  ['RENOIRH', 2],
  ['IMAGIN', 4],
];
const LETTRE_NUMEN: Record<PersonneGeneree['source'], string> = { EPP: 'E', EPP_PRIVE: 'P', SIRHEN: 'E', RENOIRH: 'A', AGAPE: 'G', IMAGIN: 'E' };

interface Contexte {
  vol: VolumeAcademie;
  domaine: string;
  etablissements: EtablissementGenere[];
  parUai: Map<string, EtablissementGenere>;
  departementDe: Map<string, Departement>;
  emailsPro: Set<string>;
}

function adresseDans(alea: Alea, dep: Departement) {
  const commune = alea.choisir(dep.communes);
  return { adresse: `${alea.entre(1, 150)} ${alea.choisir(VOIES)}`, code_postal: commune.codePostal, commune: commune.nom };
}

function dossierFinancier(alea: Alea, p: PersonneGeneree, departementInsee: string, tauxNir: number, tauxIban: number) {
  if (alea.chance(tauxNir)) p.nir = genererNir(alea, p.civilite, p.date_naissance, departementInsee);
  if (alea.chance(tauxIban)) {
    p.iban_fin = genererIban(alea).slice(-4);
    p.bic = alea.choisir(BICS);
  }
  p.dossier_financier_actif = p.nir !== null && p.iban_fin !== null && alea.chance(0.85);
}

function personneNommee(ctx: Contexte, def: PersonneDemo, index: number, sortie: Sorties): void {
  const alea = new Alea(`${def.academie}/${def.cle}`);
  const principal = ctx.parUai.get(def.uaiPrincipal)!;
  const dep = ctx.departementDe.get(principal.uai)!;
  const p: PersonneGeneree = {
    cle: def.cle,
    academie_code: def.academie,
    civilite: def.civilite,
    nom: def.nom,
    prenom: def.prenom,
    date_naissance: def.dateNaissance,
    // Digits 99,000+ are never drawn for generated persons (genererNumen).
    numen: `${def.academie}E${deuxChiffres((Number(def.dateNaissance.slice(0, 4)) + 25) % 100)}${99000 + index}DEM`,
    discipline_poste: def.discipline,
    email_pro: def.emailPro,
    email_perso: def.emailPerso,
    tel_pro: def.emailPro ? telephone(alea, ctx.vol.telephone) : null,
    tel_perso: def.dossierComplet ? telephone(alea, 'mobile') : null,
    ...adresseDans(alea, dep),
    nir: null,
    iban_fin: null,
    bic: null,
    dossier_financier_actif: false,
    source: 'EPP',
  };
  if (def.emailPro) ctx.emailsPro.add(def.emailPro.split('@')[0]!);
  if (def.dossierComplet) {
    p.nir = genererNir(alea, p.civilite, p.date_naissance, dep.insee);
    p.iban_fin = genererIban(alea).slice(-4);
    p.bic = BICS[0]!;
    p.dossier_financier_actif = true;
  }
  sortie.personnes.push(p);
  const discipline = DISCIPLINE_PAR_LIBELLE.get(def.discipline);
  sortie.affectations.push({ personne: def.cle, uai: principal.uai, principal: true });
  sortie.enseignements.push(...enseignementsDans(alea, def.cle, discipline, principal, 2));
  if (def.uaiSecondaire) {
    const secondaire = ctx.parUai.get(def.uaiSecondaire)!;
    sortie.affectations.push({ personne: def.cle, uai: secondaire.uai, principal: false });
    sortie.enseignements.push(...enseignementsDans(alea, def.cle, discipline, secondaire, 1));
  }
}

interface Sorties {
  personnes: PersonneGeneree[];
  affectations: AffectationGeneree[];
  enseignements: EnseignementGenere[];
  /** Keys of the generated personnes who get an (unused) intervenant account. */
  avecCompte: PersonneGeneree[];
}

/** How many more personnels the demo lycée LA PROMENADE gets, so that each activity shows a full list. */
export const RENFORT_PROMENADE = 14;

/**
 * Personnels of LA PROMENADE drawn from their own streams ("14/promenade/<i>"), appended after the
 * académie's generated persons: the rest of the data set is unchanged. Some also teach in a collège
 * (à titre secondaire), and a few teachers of other établissements come to LA PROMENADE à titre secondaire.
 */
function renforcerPromenade(ctx: Contexte, sortie: Sorties): void {
  const lycee = ctx.parUai.get(UAI_LYCEE_RENNES);
  const college = ctx.parUai.get(UAI_COLLEGE_RENNES);
  if (!lycee || !college) return;
  const dep = ctx.departementDe.get(lycee.uai)!;
  for (let i = 0; i < RENFORT_PROMENADE; i++) {
    const cle = `14/promenade/${i}`;
    const alea = new Alea(cle);
    const femme = alea.chance(0.55);
    const civilite = femme ? 'Mme' : 'M.';
    const prenom = alea.choisir(femme ? PRENOMS_FEMININS : PRENOMS_MASCULINS);
    const nom = `${alea.choisir(NOMS_FAMILLE)}-DEMO`;
    const anneeNaissance = alea.entre(1964, 1996);
    const date_naissance = `${anneeNaissance}-${deuxChiffres(alea.entre(1, 12))}-${deuxChiffres(alea.entre(1, 28))}`;
    const tiree = DISCIPLINES_PAR_TYPE.LGT.tirer(alea);
    // Two of them do not teach (a CPE): no enseignement, hence "Compétences définies : NON".
    const discipline = i % 7 === 3 ? DISCIPLINE_PAR_LIBELLE.get('EDUCATION (CE, CRE)')! : tiree;
    const p: PersonneGeneree = {
      cle,
      academie_code: '14',
      civilite,
      nom,
      prenom,
      date_naissance,
      // Five digits of 98,500+ are never drawn for the académie's generated persons (genererNumen).
      numen: genererNumen(alea, '14', 'E', Math.min(anneeNaissance + 25, ANNEE_SESSION - 1), 98_500 + i),
      discipline_poste: discipline.libelle,
      email_pro: emailUnique(ctx.emailsPro, prenom, nom, ctx.domaine),
      email_perso: alea.chance(0.4) ? `${slug(prenom)}.${slug(nom)}${alea.entre(1, 99)}@example.org` : null,
      tel_pro: alea.chance(0.5) ? telephone(alea, ctx.vol.telephone) : null,
      tel_perso: alea.chance(0.8) ? telephone(alea, 'mobile') : null,
      ...adresseDans(alea, dep),
      nir: null,
      iban_fin: null,
      bic: null,
      dossier_financier_actif: false,
      source: 'EPP',
    };
    dossierFinancier(alea, p, dep.insee, 0.8, 0.8);
    sortie.personnes.push(p);
    sortie.affectations.push({ personne: cle, uai: lycee.uai, principal: true });
    sortie.enseignements.push(...enseignementsDans(alea, cle, discipline, lycee, alea.entre(2, 4)));
    if (i % 5 === 2) {
      sortie.affectations.push({ personne: cle, uai: college.uai, principal: false });
      sortie.enseignements.push(...enseignementsDans(alea, cle, DISCIPLINE_PAR_LIBELLE.get(discipline.libelle), college, 1));
    }
  }
  // Teachers of other lycées who complete their service at LA PROMENADE.
  const autres = sortie.affectations.filter((a) => a.principal && a.uai !== lycee.uai && ctx.parUai.get(a.uai)?.type === 'LGT' && a.personne.startsWith('14/'));
  const dejaSecondaire = new Set(sortie.affectations.filter((a) => !a.principal).map((a) => a.personne));
  let ajoutes = 0;
  for (const a of autres) {
    if (ajoutes >= 3) break;
    if (dejaSecondaire.has(a.personne)) continue;
    sortie.affectations.push({ personne: a.personne, uai: lycee.uai, principal: false });
    ajoutes++;
  }
}

/**
 * A lettres and a philosophie teacher of LA PROMENADE who both teach HLP in première and terminale, so
 * that the HLP COEC mission (issue 5) can always be staffed with both profiles. Each from its own
 * stream, appended after the others: the rest of the data set is unchanged.
 */
function professeursHlpPromenade(ctx: Contexte, sortie: Sorties): void {
  const lycee = ctx.parUai.get(UAI_LYCEE_RENNES);
  if (!lycee) return;
  const dep = ctx.departementDe.get(lycee.uai)!;
  PROFESSEURS_HLP_PROMENADE.forEach((def, i) => {
    const alea = new Alea(def.cle);
    const femme = i === 0;
    const prenom = alea.choisir(femme ? PRENOMS_FEMININS : PRENOMS_MASCULINS);
    const nom = `${alea.choisir(NOMS_FAMILLE)}-DEMO`;
    const anneeNaissance = alea.entre(1970, 1990);
    const p: PersonneGeneree = {
      cle: def.cle,
      academie_code: '14',
      civilite: femme ? 'Mme' : 'M.',
      nom,
      prenom,
      date_naissance: `${anneeNaissance}-${deuxChiffres(alea.entre(1, 12))}-${deuxChiffres(alea.entre(1, 28))}`,
      // Five digits of 98,600+ are never drawn for the académie's generated persons (genererNumen).
      numen: genererNumen(alea, '14', 'E', anneeNaissance + 25, 98_600 + i),
      discipline_poste: def.discipline,
      email_pro: emailUnique(ctx.emailsPro, prenom, nom, ctx.domaine),
      email_perso: null,
      tel_pro: telephone(alea, ctx.vol.telephone),
      tel_perso: telephone(alea, 'mobile'),
      ...adresseDans(alea, dep),
      nir: null,
      iban_fin: null,
      bic: null,
      dossier_financier_actif: false,
      source: 'EPP',
    };
    dossierFinancier(alea, p, dep.insee, 1, 1);
    sortie.personnes.push(p);
    sortie.affectations.push({ personne: def.cle, uai: lycee.uai, principal: true });
    for (const [matiere, mefCode] of def.cours) {
      const mef = MEFS.find((m) => m.code === mefCode)!;
      sortie.enseignements.push({ personne: def.cle, uai: lycee.uai, annee_scolaire: ANNEE_SCOLAIRE, mef_code: mef.code, mef_libelle: mef.libelle, type_mef: mef.type, matiere, modalite_cours: 'CG', structure: '' });
    }
  });
}

function genererPersonnes(ctx: Contexte, echelle: number, sortie: Sorties): void {
  const { vol } = ctx;
  PERSONNES_DEMO.filter((def) => def.academie === vol.code).forEach((def, i) => personneNommee(ctx, def, i, sortie));

  const postes = ctx.etablissements.filter((e) => POIDS_PERSONNEL[e.type]);
  const tirageEtab = new TirageCumule(postes.map((e) => [e, POIDS_PERSONNEL[e.type]!] as const));
  const nombre = Math.round(vol.personnesParEchelle * echelle);
  for (let i = 0; i < nombre; i++) {
    const cle = `${vol.code}/${i}`;
    const alea = new Alea(`${vol.code}/personne/${i}`);
    const source = alea.ponderer(SOURCES);
    const femme = alea.chance(0.6);
    const civilite = femme ? 'Mme' : 'M.';
    const prenom = alea.choisir(femme ? PRENOMS_FEMININS : PRENOMS_MASCULINS);
    const nom = `${alea.choisir(NOMS_FAMILLE)}-DEMO`;
    const anneeNaissance = alea.entre(1962, 1999);
    const date_naissance = `${anneeNaissance}-${deuxChiffres(alea.entre(1, 12))}-${deuxChiffres(alea.entre(1, 28))}`;
    const professionnel = source === 'IMAGIN';
    const principal = professionnel ? null : tirageEtab.tirer(alea);
    const dep = principal ? ctx.departementDe.get(principal.uai)! : alea.choisir(vol.departements);
    let discipline: Discipline | undefined;
    let discipline_poste = SANS_DISCIPLINE;
    if (source === 'RENOIRH') {
      discipline_poste = alea.choisir(['GESTION MATERIELLE', 'ADMINISTRATION ET GESTION', 'SANS DISCIPLINE']);
    } else if (principal) {
      discipline = DISCIPLINES_PAR_TYPE[principal.type as TypePoste].tirer(alea);
      discipline_poste = discipline.libelle;
    }
    const anneeEntree = Math.min(anneeNaissance + alea.entre(22, 30), ANNEE_SESSION - 1);
    const p: PersonneGeneree = {
      cle,
      academie_code: vol.code,
      civilite,
      nom,
      prenom,
      date_naissance,
      numen: professionnel ? null : genererNumen(alea, vol.code, LETTRE_NUMEN[source], anneeEntree, i),
      discipline_poste,
      email_pro: professionnel ? null : emailUnique(ctx.emailsPro, prenom, nom, ctx.domaine),
      email_perso: professionnel || alea.chance(0.3) ? `${slug(prenom)}.${slug(nom)}${alea.entre(1, 99)}@${alea.choisir(['example.org', 'example.net', 'example.com'])}` : null,
      tel_pro: !professionnel && alea.chance(0.35) ? telephone(alea, vol.telephone) : null,
      tel_perso: alea.chance(0.65) ? telephone(alea, 'mobile') : null,
      ...(alea.chance(0.9) ? adresseDans(alea, dep) : { adresse: '', code_postal: '', commune: '' }),
      nir: null,
      iban_fin: null,
      bic: null,
      dossier_financier_actif: false,
      source,
    };
    dossierFinancier(alea, p, dep.insee, professionnel ? 0.7 : 0.65, professionnel ? 0.7 : 0.6);
    sortie.personnes.push(p);
    if (alea.chance(PART_COMPTES_INTERVENANTS)) sortie.avecCompte.push(p);
    if (!principal) continue;

    sortie.affectations.push({ personne: cle, uai: principal.uai, principal: true });
    const enseigne = source !== 'RENOIRH';
    if (enseigne) sortie.enseignements.push(...enseignementsDans(alea, cle, discipline, principal, alea.ponderer([[1, 30], [2, 45], [3, 25]])));
    if (alea.chance(0.12)) {
      // A complement de service in a second établissement, preferably of the same département.
      let secondaire: EtablissementGenere | null = null;
      for (let essai = 0; essai < 6 && !secondaire; essai++) {
        const e = tirageEtab.tirer(alea);
        if (e.uai !== principal.uai && (essai >= 3 || ctx.departementDe.get(e.uai) === dep)) secondaire = e;
      }
      if (secondaire) {
        sortie.affectations.push({ personne: cle, uai: secondaire.uai, principal: false });
        if (enseigne) sortie.enseignements.push(...enseignementsDans(alea, cle, discipline, secondaire, 1));
      }
    }
  }
  if (vol.code === '14') {
    renforcerPromenade(ctx, sortie);
    professeursHlpPromenade(ctx, sortie);
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts

function genererComptes(avecCompte: PersonneGeneree[]): CompteGenere[] {
  const comptes: CompteGenere[] = DEFINITIONS_COMPTES.map((def) => ({
    login: def.login,
    type: def.type,
    motDePasse: def.motDePasse,
    email: def.email,
    personne: def.personne,
    attribution: { role: def.role, academie_code: def.academie, uai: def.uai, personne: def.personne },
  }));
  const logins = new Set(comptes.map((c) => c.login.toLowerCase()));
  for (const p of avecCompte) {
    // Intervenants' identifiants: prenom.nom as on the convocation, a number on a collision.
    const base = `${slug(p.prenom).replace(/-/g, '')}.${slug(p.nom)}`;
    let login = base;
    for (let n = 2; logins.has(login); n++) login = `${base}${n}`;
    logins.add(login);
    comptes.push({
      login,
      type: 'intervenant',
      motDePasse: null,
      email: p.email_pro ?? p.email_perso,
      personne: p.cle,
      attribution: { role: 'intervenant', academie_code: p.academie_code, uai: null, personne: p.cle },
    });
  }
  return comptes;
}

// ---------------------------------------------------------------------------------------------

export function genererDemo(echelle: number): DonneesDemo {
  verifierEchelle(echelle);
  const uais = new Set(ETABLISSEMENTS_FIXES.map((f) => f.uai));
  const etablissements: EtablissementGenere[] = [];
  const sortie: Sorties = { personnes: [], affectations: [], enseignements: [], avecCompte: [] };
  const messages: DonneesDemo['messages'] = [];

  for (const vol of ACADEMIES_PEUPLEES) {
    const academie = ACADEMIES.find((a) => a.code === vol.code)!;
    const etabs = genererEtablissements(vol, echelle, academie.domaineMail, uais, academie.nomMajuscule);
    etablissements.push(...etabs);
    const departementDe = new Map<string, Departement>();
    for (const e of etabs) {
      departementDe.set(e.uai, vol.departements.find((dep) => e.uai.startsWith(dep.uai)) ?? vol.departements[0]!);
    }
    genererPersonnes(
      { vol, domaine: academie.domaineMail, etablissements: etabs, parUai: new Map(etabs.map((e) => [e.uai, e])), departementDe, emailsPro: new Set() },
      echelle,
      sortie,
    );
    if (vol.code === '14' || vol.code === '16') messages.push(...messagesAccueil(vol.code, academie.libelle));
  }

  // From its own stream per row, so that the other draws are unchanged.
  for (const e of sortie.enseignements) e.structure = structureEnseignement(e);

  const base = {
    echelle,
    academies: ACADEMIES.map((a) => ({
      code: a.code,
      libelle: a.libelle,
      nom_majuscule: a.nomMajuscule,
      domaine_mail: a.domaineMail,
      inter_academique: a.interAcademique ?? false,
      exclue_acces_autres: a.exclueAccesAutres ?? false,
      service_joignable: a.serviceJoignable ?? true,
    })),
    etablissements,
    personnes: sortie.personnes,
    affectations: sortie.affectations,
    enseignements: sortie.enseignements,
    examens: EXAMENS.map((x) => ({ code: x.code, sigle: x.sigle, libelle: x.libelle })),
    sessions: SESSIONS.map((s) => ({ examen_code: s.examen, code: s.code, libelle: s.libelle, annee: s.annee ?? ANNEE_SESSION })),
    specialites: SPECIALITES,
    comptes: genererComptes(sortie.avecCompte),
    messages,
  };
  return { ...base, imagin: genererImagin(base) };
}
