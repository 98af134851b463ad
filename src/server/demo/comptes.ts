// The demo accounts: one per role the platform serves today, with stable logins and passwords so
// that the README, the e2e scenarios and a person trying the demo all use the same ones.
// Pure: no database, so `npm run demo:accounts` can print them anywhere.
import { genererMotDePasseTemporaire } from '../../domain/identite/mot-de-passe.ts';
import type { Role } from '../../domain/roles.ts';
import type { ServiceCode } from '../../domain/services.ts';
import type { TypeCompte } from '../platform/db/tables.ts';
import { Alea } from './alea.ts';
import { ACADEMIES, ANNEE_SESSION, ETABLISSEMENTS_FIXES, UAI_COLLEGE_RENNES, UAI_LA_DECOUVERTE, UAI_LP_RENNES, UAI_LYCEE_RENNES } from './donnees.ts';

// A type alias rather than an interface, so that a CompteDemo is also a Record<string, unknown>.
export type CompteDemo = {
  role: Role;
  service: ServiceCode;
  login: string;
  motDePasse: string;
  /** Who or what the account acts for, in French: "Académie de Rennes", "LGT LA PROMENADE RENNES (0350710G)". */
  portee: string;
  /** Libellé of the académie ("Rennes"). */
  academie: string;
  academieCode: string;
  /** True when the password is temporary and must be changed at the first connection. */
  temporaire: boolean;
  email: string | null;
};

/** Shared by every agent account (gestionnaire, administrateur, DSI, chefs d'établissement). */
export const MOT_DE_PASSE_AGENTS = 'Demo-Academie-2026!';
/** The intervenant who has already chosen a personal password. */
export const MOT_DE_PASSE_INTERVENANT = 'Demo-Intervenant-2026!';
/** The intervenant at his first connection: a temporary password as the gestionnaire would give. */
export const MOT_DE_PASSE_TEMPORAIRE = (() => {
  const alea = new Alea('demo/mot-de-passe-temporaire');
  return genererMotDePasseTemporaire((max) => alea.entier(max), 10);
})();

/** The demo candidate (espace candidat, issue 6): a former pupil of DU PARC with a personal password. */
export const MOT_DE_PASSE_CANDIDAT = 'Demo-Candidat-2026!';
export const CANDIDAT_DEMO = { login: 'lea.moreau', nom: 'MOREAU', prenom: 'Léa', email: 'lea.moreau200@famille-demo.fr' } as const;

export type TypeMotDePasse = 'agents' | 'intervenant' | 'temporaire';

export const MOTS_DE_PASSE: Record<TypeMotDePasse, string> = {
  agents: MOT_DE_PASSE_AGENTS,
  intervenant: MOT_DE_PASSE_INTERVENANT,
  temporaire: MOT_DE_PASSE_TEMPORAIRE,
};

/** The two intervenants who have an account, generated before the others (see generateur.ts). */
export interface PersonneDemo {
  cle: string;
  academie: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  dateNaissance: string;
  discipline: string;
  uaiPrincipal: string;
  uaiSecondaire: string | null;
  emailPro: string | null;
  emailPerso: string | null;
  /** Whether to give a NIR, bank details and an active dossier financier. */
  dossierComplet: boolean;
}

export const PERSONNES_DEMO: readonly PersonneDemo[] = [
  {
    cle: 'demo/martin',
    academie: '14',
    civilite: 'M.',
    nom: 'MARTIN-DEMO',
    prenom: 'Paul',
    dateNaissance: '1978-03-14',
    discipline: 'MATHEMATIQUES',
    uaiPrincipal: UAI_LYCEE_RENNES,
    uaiSecondaire: UAI_COLLEGE_RENNES,
    emailPro: 'paul.martin-demo@ac-rennes.fr',
    emailPerso: 'paul.martin-demo@example.org',
    dossierComplet: true,
  },
  {
    cle: 'demo/abricotier',
    academie: '14',
    civilite: 'Mme',
    nom: 'ABRICOTIER-DEMO',
    prenom: 'Claire',
    dateNaissance: '1985-11-02',
    discipline: 'ECONOMIE ET GESTION OPTION COMMERCE ET VENTE',
    uaiPrincipal: UAI_LP_RENNES,
    uaiSecondaire: null,
    emailPro: null,
    emailPerso: null,
    dossierComplet: false,
  },
];

export interface DefinitionCompte {
  login: string;
  type: TypeCompte;
  motDePasse: TypeMotDePasse;
  email: string | null;
  role: Role;
  academie: string;
  uai: string | null;
  personne: string | null;
  services: readonly ServiceCode[];
}

const CHEF: readonly ServiceCode[] = ['imagin-etablissement', 'cyclades-etablissement'];

export const DEFINITIONS_COMPTES: readonly DefinitionCompte[] = [
  { login: 'dec.rennes', type: 'agent', motDePasse: 'agents', email: 'dec@demo.ac-rennes.fr', role: 'gestionnaire', academie: '14', uai: null, personne: null, services: ['imagin-gestion'] },
  { login: 'dec.toulouse', type: 'agent', motDePasse: 'agents', email: 'dec@demo.ac-toulouse.fr', role: 'gestionnaire', academie: '16', uai: null, personne: null, services: ['imagin-gestion'] },
  { login: 'admin.rennes', type: 'agent', motDePasse: 'agents', email: 'admin-imagin@demo.ac-rennes.fr', role: 'administrateur', academie: '14', uai: null, personne: null, services: ['imagin-admin'] },
  { login: 'dsi.rennes', type: 'agent', motDePasse: 'agents', email: 'dsi@demo.ac-rennes.fr', role: 'dsi', academie: '14', uai: null, personne: null, services: ['dsi'] },
  { login: `ce.${UAI_LYCEE_RENNES.toLowerCase()}`, type: 'agent', motDePasse: 'agents', email: `ce.${UAI_LYCEE_RENNES.toLowerCase()}@demo.ac-rennes.fr`, role: 'chef_etablissement', academie: '14', uai: UAI_LYCEE_RENNES, personne: null, services: CHEF },
  { login: `ce.${UAI_LP_RENNES.toLowerCase()}`, type: 'agent', motDePasse: 'agents', email: `ce.${UAI_LP_RENNES.toLowerCase()}@demo.ac-rennes.fr`, role: 'chef_etablissement', academie: '14', uai: UAI_LP_RENNES, personne: null, services: CHEF },
  { login: `ce.${UAI_COLLEGE_RENNES.toLowerCase()}`, type: 'agent', motDePasse: 'agents', email: `ce.${UAI_COLLEGE_RENNES.toLowerCase()}@demo.ac-rennes.fr`, role: 'chef_etablissement', academie: '14', uai: UAI_COLLEGE_RENNES, personne: null, services: CHEF },
  { login: `ce.${UAI_LA_DECOUVERTE.toLowerCase()}`, type: 'agent', motDePasse: 'agents', email: `ce.${UAI_LA_DECOUVERTE.toLowerCase()}@demo.ac-toulouse.fr`, role: 'chef_etablissement', academie: '16', uai: UAI_LA_DECOUVERTE, personne: null, services: CHEF },
  { login: 'prof.martin', type: 'intervenant', motDePasse: 'intervenant', email: 'paul.martin-demo@ac-rennes.fr', role: 'intervenant', academie: '14', uai: null, personne: 'demo/martin', services: ['imagin-intervenant'] },
  { login: 'prof.abricotier', type: 'intervenant', motDePasse: 'temporaire', email: null, role: 'intervenant', academie: '14', uai: null, personne: 'demo/abricotier', services: ['imagin-intervenant'] },
];

/**
 * The demo's administrator is also the platform's national administrator (role_attribution.national,
 * issue 13 §5): his journal shows, beside Rennes', what belongs to no académie (failed logins on an
 * unknown identifiant, an address's blocks).
 */
export const ADMIN_NATIONAL_DEMO = 'admin.rennes';

/** The portail Jury's accounts (issue 8): intervenants convoked to deliberate juries of the BCP session. */
export const COMPTES_JURY = {
  /** Présidente of 25510 and 25590 (Rennes); her personne has a mobile phone for the SMS code. */
  president: 'president.jury',
  /** Vice-présidente of 25510 and 25590. */
  vicePresident: 'vicepresident.jury',
  /** Président of 31202, whose password is still the temporary one: the portal refuses it. */
  presidentTemporaire: 'president.temporaire',
  /** The same présidente as convoked by Nantes for its jury 44590 deliberated in BREQUIGNY (Cas 2). */
  presidentNantes: 'president.nantes',
} as const;

/**
 * Who a portail Jury account belongs to. Not a generated personne's key: these are the persons
 * cles-otp.ts convokes on mission 149001 (BREQUIGNY's first teachers without an account, chosen in the
 * database), so the accounts are loaded after it, by portail-jury.ts, not with DEFINITIONS_COMPTES.
 */
export type PersonneJury = 'president-25510' | 'vice-president-25510' | 'president-31202' | 'president-nantes';

export interface DefinitionCompteJury {
  login: string;
  motDePasse: Exclude<TypeMotDePasse, 'agents'>;
  email: string | null;
  academie: string;
  personne: PersonneJury;
  /** The person's name (at scale 1, the demo's: checked by portail-jury.test.ts) and the juries. */
  portee: string;
}

export const DEFINITIONS_COMPTES_JURY: readonly DefinitionCompteJury[] = [
  { login: COMPTES_JURY.president, motDePasse: 'intervenant', email: 'president.jury@demo.ac-rennes.fr', academie: '14', personne: 'president-25510', portee: 'Mme BOULEAU-DEMO Aurélie, présidente des jurys 25510 et 25590' },
  { login: COMPTES_JURY.vicePresident, motDePasse: 'intervenant', email: 'vicepresident.jury@demo.ac-rennes.fr', academie: '14', personne: 'vice-president-25510', portee: 'Mme MESANGE-DEMO Virginie, vice-présidente des jurys 25510 et 25590' },
  { login: COMPTES_JURY.presidentTemporaire, motDePasse: 'temporaire', email: null, academie: '14', personne: 'president-31202', portee: 'Mme GIRARD-DEMO Anne, présidente du jury 31202' },
  { login: COMPTES_JURY.presidentNantes, motDePasse: 'intervenant', email: 'president.jury@demo.ac-nantes.fr', academie: '17', personne: 'president-nantes', portee: 'Mme BOULEAU-DEMO Aurélie, présidente du jury 44590 de Nantes' },
];

/**
 * Issue 15 (seed 004 §2.7, §2.10): intervenants entitled to the activities of the intervenant service
 * that depend on who they are, loaded by intervenants-habilitations.ts (their personnes are made there).
 */
export const COMPTES_HABILITATIONS = {
  /** EPS teacher in BGT and BCP classes: « Gestion des épreuves EPS ». */
  eps: 'prof.sport',
  /** Discipline de poste IMSUJ: « Gestion des sujets ». */
  sujets: 'habilite.sujets',
  /** Inspecteur général (grade IGESR): « Gestion des sujets » and « Statistiques nationales de notation ». */
  inspecteurGeneral: 'inspecteur.general',
} as const;

export interface DefinitionCompteHabilitation {
  login: string;
  email: string;
  academie: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  /** personne.discipline_poste and personne.grade. */
  discipline: string;
  grade: string;
  portee: string;
}

export const DEFINITIONS_COMPTES_HABILITATIONS: readonly DefinitionCompteHabilitation[] = [
  { login: COMPTES_HABILITATIONS.eps, email: 'hugo.gazelle-demo@ac-rennes.fr', academie: '14', civilite: 'M.', nom: 'GAZELLE-DEMO', prenom: 'Hugo', discipline: 'EDUCATION PHYSIQUE ET SPORTIVE', grade: 'PROFESSEUR CERTIFIE', portee: "M. GAZELLE-DEMO Hugo, professeur d'EPS en BGT, BCP et CAP" },
  { login: COMPTES_HABILITATIONS.sujets, email: 'lucie.sureau-demo@ac-rennes.fr', academie: '14', civilite: 'Mme', nom: 'SUREAU-DEMO', prenom: 'Lucie', discipline: 'IMSUJ', grade: 'PROFESSEUR AGREGE', portee: 'Mme SUREAU-DEMO Lucie, habilitée à la gestion des sujets (IMSUJ)' },
  { login: COMPTES_HABILITATIONS.inspecteurGeneral, email: 'marc.chene-demo@education.gouv.fr', academie: '14', civilite: 'M.', nom: 'CHENE-DEMO', prenom: 'Marc', discipline: 'LETTRES MODERNES', grade: 'IGESR', portee: 'M. CHENE-DEMO Marc, inspecteur général (IGESR)' },
];

/** Issue 15 (seed 004 §2.9): the Enquête DCS of the SIEC, loaded by enquete-dcs.ts (their personnes are made there). */
export const COMPTES_ENQUETE_DCS = {
  /** The SIEC's gestionnaire: opens and closes the survey, follows and exports the answers. */
  gestionnaire: 'dec.siec',
  /** A DCS teacher of the SIEC (DCG 3A and DSCG 1A): « Enquête DCS » in his menu. */
  enseignant: 'prof.dcs',
} as const;

export interface DefinitionCompteEnqueteDcs {
  login: string;
  role: 'gestionnaire' | 'intervenant';
  motDePasse: Exclude<TypeMotDePasse, 'temporaire'>;
  email: string;
  service: ServiceCode;
  personne: { civilite: 'M.' | 'Mme'; nom: string; prenom: string; discipline: string; mef: 'dcg3' | 'bts'; matiere: string } | null;
  portee: string;
}

export const DEFINITIONS_COMPTES_ENQUETE_DCS: readonly DefinitionCompteEnqueteDcs[] = [
  { login: COMPTES_ENQUETE_DCS.gestionnaire, role: 'gestionnaire', motDePasse: 'agents', email: 'dec@demo.siec.education.fr', service: 'imagin-gestion', personne: null, portee: 'SIEC (enquête DCS 2027 ouverte)' },
  {
    login: COMPTES_ENQUETE_DCS.enseignant,
    role: 'intervenant',
    motDePasse: 'intervenant',
    email: 'helene.laurier-demo@demo.siec.education.fr',
    service: 'imagin-intervenant',
    personne: { civilite: 'Mme', nom: 'LAURIER-DEMO', prenom: 'Hélène', discipline: 'ECONOMIE ET GESTION', mef: 'dcg3', matiere: 'CONTROLE DE GESTION' },
    portee: 'Mme LAURIER-DEMO Hélène, enseignante en DCG et DSCG au SIEC : « Enquête DCS »',
  },
  {
    login: 'prof.bts.siec',
    role: 'intervenant',
    motDePasse: 'intervenant',
    email: 'remi.saule-demo@demo.siec.education.fr',
    service: 'imagin-intervenant',
    personne: { civilite: 'M.', nom: 'SAULE-DEMO', prenom: 'Rémi', discipline: 'ECONOMIE ET GESTION', mef: 'bts', matiere: 'COMPTABILITE' },
    portee: "M. SAULE-DEMO Rémi, enseignant en BTS au SIEC : pas d'enquête DCS",
  },
];

/** Every demo login, for the "already loaded?" check. */
export const LOGINS_DEMO: readonly string[] = [...DEFINITIONS_COMPTES, ...DEFINITIONS_COMPTES_JURY, ...DEFINITIONS_COMPTES_HABILITATIONS, ...DEFINITIONS_COMPTES_ENQUETE_DCS].map((c) => c.login);

export function libelleAcademie(code: string): string {
  const a = ACADEMIES.find((x) => x.code === code);
  if (!a) throw new Error(`Académie inconnue : ${code}`);
  return a.libelle;
}

/** "Académie de Rennes", "Académie d'Aix-Marseille". */
export function nomAcademie(code: string): string {
  const libelle = libelleAcademie(code);
  return /^[AEIOUÉ]/i.test(libelle) ? `Académie d'${libelle}` : `Académie de ${libelle}`;
}

function portee(def: DefinitionCompte): string {
  if (def.uai) {
    const e = ETABLISSEMENTS_FIXES.find((x) => x.uai === def.uai);
    if (!e) throw new Error(`Établissement de démonstration inconnu : ${def.uai}`);
    return `${e.type} ${e.nom} ${e.commune} (${e.uai})`;
  }
  if (def.personne) {
    const p = PERSONNES_DEMO.find((x) => x.cle === def.personne)!;
    return `${p.civilite} ${p.nom} ${p.prenom}`;
  }
  return nomAcademie(def.academie);
}

/** The demo accounts, one line per (account, service) it opens. */
export function comptesDemo(): CompteDemo[] {
  // The candidate's account is loaded with the candidates (candidats.ts), not from DEFINITIONS_COMPTES.
  const candidat: CompteDemo = {
    role: 'candidat',
    service: 'espace-candidat',
    login: CANDIDAT_DEMO.login,
    motDePasse: MOT_DE_PASSE_CANDIDAT,
    portee: `${CANDIDAT_DEMO.prenom} ${CANDIDAT_DEMO.nom}, candidate au DNB ${ANNEE_SESSION} (collège DU PARC, RENNES)`,
    academie: libelleAcademie('14'),
    academieCode: '14',
    temporaire: false,
    email: CANDIDAT_DEMO.email,
  };
  return [...comptesDefinis(), candidat];
}

function comptesDefinis(): CompteDemo[] {
  const definis = DEFINITIONS_COMPTES.flatMap((def) =>
    def.services.map((service) => ({
      role: def.role,
      service,
      login: def.login,
      motDePasse: MOTS_DE_PASSE[def.motDePasse],
      portee: portee(def),
      academie: libelleAcademie(def.academie),
      academieCode: def.academie,
      temporaire: def.motDePasse === 'temporaire',
      email: def.email,
    })),
  );
  const jury = DEFINITIONS_COMPTES_JURY.map((def) => ({
    role: 'intervenant' as const,
    service: 'imagin-intervenant' as const,
    login: def.login,
    motDePasse: MOTS_DE_PASSE[def.motDePasse],
    portee: def.portee,
    academie: libelleAcademie(def.academie),
    academieCode: def.academie,
    temporaire: def.motDePasse === 'temporaire',
    email: def.email,
  }));
  const habilites = DEFINITIONS_COMPTES_HABILITATIONS.map((def) => ({
    role: 'intervenant' as const,
    service: 'imagin-intervenant' as const,
    login: def.login,
    motDePasse: MOT_DE_PASSE_INTERVENANT,
    portee: def.portee,
    academie: libelleAcademie(def.academie),
    academieCode: def.academie,
    temporaire: false,
    email: def.email,
  }));
  const enqueteDcs = DEFINITIONS_COMPTES_ENQUETE_DCS.map((def) => ({
    role: def.role,
    service: def.service,
    login: def.login,
    motDePasse: MOTS_DE_PASSE[def.motDePasse],
    portee: def.portee,
    academie: libelleAcademie('SIEC'),
    academieCode: 'SIEC',
    temporaire: false,
    email: def.email,
  }));
  return [...definis, ...jury, ...habilites, ...enqueteDcs];
}
