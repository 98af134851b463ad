// The shapes the web app receives from the API (src/server/identite/identite.routes.ts and others).
import type { ServiceCode } from '../../domain/services.ts';

export interface ActiviteMenu {
  code: string;
  libelle: string;
  ouverte: boolean;
  motif: string | null;
  aide: string;
}

export interface GroupeMenu {
  groupe: string;
  activites: ActiviteMenu[];
}

export interface Preferences {
  theme?: 'light' | 'dark' | 'system';
  contraste?: 'normal' | 'renforce';
  taillePolice?: 'normale' | 'grande' | 'tres-grande';
  interlignage?: 'normal' | 'large';
  justification?: 'gauche' | 'justifie';
}

export interface Session {
  compte: { login: string; motDePasseTemporaire: boolean; emailManquant: boolean };
  role: string;
  libelleRole: string;
  service: { code: ServiceCode; libelle: string; application: "IMAG'IN" | 'CYCLADES'; entree: Entree };
  /** `interAcademique`: a service such as the SIEC, named by itself (never « académie de SIEC »). */
  academie: { code: string; libelle: string; nomMajuscule: string; interAcademique: boolean };
  etablissement: { uai: string; nom: string; type: string; commune: string } | null;
  personne: { civilite: string; nom: string; prenom: string } | null;
  /** A candidate's account (espace candidat): his name and the sessions of his candidatures. */
  candidat?: { prenom: string; nom: string; sessions: Array<{ libelle: string; examen: string; annee: number }> } | null;
  entete: string;
  /** A tab opened by « Accès autres académies »: the établissement's own académie (003 §4.6). */
  accesAutreAcademie: { academieOrigine: string } | null;
  connecteEnTantQue: string;
  csrfToken: string;
  secondesRestantes: number;
  dureeInactiviteSecondes: number;
  avertissementSecondes: number;
  menu: GroupeMenu[];
  /** Centre activities not offered to this établissement (not a centre), with the reason (issue 13). */
  activitesReservees?: Array<{ code: string; libelle: string; raison: string }>;
  messageAccueil: string | null;
  /** What the administrator must know of the platform (no antivirus configured…), shown on his home page. */
  avertissementsPlateforme?: string[];
  preferences: Preferences;
  reglesMotDePasse: string;
}

export type Entree = 'agents' | 'intervenants' | 'cyclades' | 'candidat' | 'jury';
