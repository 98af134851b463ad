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

/** Every demo login, for the "already loaded?" check. */
export const LOGINS_DEMO: readonly string[] = DEFINITIONS_COMPTES.map((c) => c.login);

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
  return DEFINITIONS_COMPTES.flatMap((def) =>
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
}
