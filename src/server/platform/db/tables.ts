// Table types for Kysely, kept in step with migrations/. Dates are 'YYYY-MM-DD' strings, numerics numbers.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type TypeEtablissement =
  | 'CLG' | 'LGT' | 'LP' | 'LPO' | 'EREA' | 'SEP' | 'LYC' | 'CFA' | 'GRETA' | 'UNIV' | 'DSDEN' | 'RECT' | 'ECOLE' | 'AUTRE';
export type Role = 'gestionnaire' | 'chef_etablissement' | 'intervenant' | 'administrateur' | 'dsi' | 'candidat' | 'membre_jury';
export type TypeCompte = 'agent' | 'intervenant' | 'candidat' | 'jury';
export type StatutTraitement = 'en_attente' | 'en_cours' | 'termine' | 'erreur';
export type Visibilite = 'createur' | 'etablissement' | 'academie' | 'personne';

export interface AcademieTable {
  code: string;
  libelle: string;
  nom_majuscule: string;
  domaine_mail: string;
  /** SIEC, DGRH… (migration 005). */
  inter_academique: Generated<boolean>;
  /** Not offered by "Accès autres académies" (DGRH). */
  exclue_acces_autres: Generated<boolean>;
  /** False while the académie's service is unreachable: its button is greyed (003 §4.6). */
  service_joignable: Generated<boolean>;
}

export interface EtablissementTable {
  id: Generated<number>;
  uai: string;
  academie_code: string;
  nom: string;
  type: TypeEtablissement;
  adresse: Generated<string>;
  code_postal: Generated<string>;
  commune: string;
  telephone: string | null;
  email: string | null;
  est_centre_examen: Generated<boolean>;
  est_centre_deliberation: Generated<boolean>;
  service_gestion_candidats: Generated<boolean>;
  actif: Generated<boolean>;
}

export interface PersonneTable {
  id: Generated<number>;
  academie_code: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  date_naissance: string | null;
  numen: string | null;
  discipline_poste: Generated<string>;
  /** Issue 15: the grade (IGESR: inspecteur général). */
  grade: Generated<string>;
  email_pro: string | null;
  email_perso: string | null;
  tel_pro: string | null;
  tel_perso: string | null;
  adresse: Generated<string>;
  code_postal: Generated<string>;
  commune: Generated<string>;
  nir: string | null;
  iban_chiffre: string | null;
  iban_fin: string | null;
  bic: string | null;
  dossier_financier_actif: Generated<boolean>;
  source: Generated<'EPP' | 'EPP_PRIVE' | 'AGAPE' | 'RENOIRH' | 'SIRHEN' | 'IMAGIN'>;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
}

export interface PersonneEtablissementTable {
  personne_id: number;
  etablissement_id: number;
  principal: boolean;
}

export interface EnseignementTable {
  id: Generated<number>;
  personne_id: number;
  etablissement_id: number;
  annee_scolaire: string;
  mef_code: string;
  mef_libelle: string;
  type_mef: string;
  matiere: string;
  modalite_cours: string;
  /** Migration 004: STS-WEB "Structure enseignement". */
  structure: Generated<string>;
}

export interface ExamenTable {
  code: string;
  sigle: string;
  libelle: string;
}

export interface SessionExamenTable {
  id: Generated<number>;
  examen_code: string;
  code: string;
  libelle: string;
  annee: number;
}

export interface SpecialiteTable {
  id: Generated<number>;
  examen_code: string;
  code: string;
  libelle: string;
}

export interface EpreuveOptionTable {
  id: Generated<number>;
  specialite_id: number;
  code: string;
  libelle: string;
  coefficient: Generated<number>;
  nature: 'ecrite' | 'orale' | 'pratique';
  domaine: 'professionnel' | 'general' | null;
  facultative: Generated<boolean>;
  /** Migration 007: the contrôle oral that may replace this first-group épreuve (Bac Pro). */
  controle: ColumnType<EpreuveDeControle | null, EpreuveDeControle | null | undefined, EpreuveDeControle | null>;
  /** Migration 007: this épreuve is that contrôle oral. */
  est_controle: ColumnType<EpreuveDeControle | null, EpreuveDeControle | null | undefined, EpreuveDeControle | null>;
  /** Migration 022: taux 1–5 of the arrêté du 13 avril 2012; null: by the exam. */
  taux_remuneration: number | null;
}

export interface CompteTable {
  id: Generated<number>;
  login: string;
  password_hash: string | null;
  mot_de_passe_temporaire: Generated<boolean>;
  email: string | null;
  type: TypeCompte;
  personne_id: number | null;
  actif: Generated<boolean>;
  cree_le: Generated<Date>;
  mot_de_passe_change_le: TimestampNull;
  derniere_connexion: TimestampNull;
  /** The temporary password printed on convocations, encrypted; null once a personal one is chosen. */
  mot_de_passe_provisoire_chiffre: string | null;
}

export interface RoleAttributionTable {
  id: Generated<number>;
  compte_id: number;
  role: Role;
  academie_code: string;
  etablissement_id: number | null;
  personne_id: number | null;
  actif: Generated<boolean>;
  /** An administrateur who also reads the audit entries of no académie (migration 010). */
  national: Generated<boolean>;
}

export interface SessionUtilisateurTable {
  id: string;
  compte_id: number;
  role_attribution_id: number;
  service: string;
  academie_code: string;
  etablissement_id: number | null;
  csrf_token: string;
  parent_session_id: string | null;
  cree_le: Generated<Date>;
  derniere_activite: Timestamp;
  fin_le: TimestampNull;
  motif_fin: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface JetonReinitialisationTable {
  id: string;
  compte_id: number;
  cree_le: Generated<Date>;
  expire_le: Timestamp;
  utilise_le: TimestampNull;
}

export interface LimitationConnexionTable {
  cle: string;
  echecs: Generated<number>;
  dernier_echec: TimestampNull;
  bloque_jusqua: TimestampNull;
}

export interface ActiviteOuvertureTable {
  academie_code: string;
  service: string;
  activite: string;
  ouverte: boolean;
  motif: string | null;
  modifie_le: Generated<Date>;
  modifie_par: number | null;
}

export interface MessageAccueilTable {
  academie_code: string;
  service: string;
  texte: string;
  modifie_le: Generated<Date>;
}

export interface PreferenceUtilisateurTable {
  compte_id: number;
  preferences: Json<Record<string, unknown>>;
}

export interface AuditLogTable {
  id: Generated<number>;
  le: Generated<Date>;
  academie_code: string | null;
  compte_id: number | null;
  acteur: string;
  action: string;
  entite: string;
  entite_id: string | null;
  avant: Json | null;
  apres: Json | null;
  ip: string | null;
  request_id: string | null;
}

export interface TraitementTable {
  id: string;
  academie_code: string;
  type: string;
  titre: string;
  parametres: Json<Record<string, unknown>>;
  statut: Generated<StatutTraitement>;
  progression: Generated<number>;
  total: number | null;
  cree_par: number | null;
  etablissement_id: number | null;
  personne_id: number | null;
  visibilite: Generated<'createur' | 'etablissement' | 'academie'>;
  cle_idempotence: string | null;
  cree_le: Generated<Date>;
  debut: TimestampNull;
  fin: TimestampNull;
  tentatives: Generated<number>;
  serveur: string | null;
  erreur: string | null;
}

export interface TraitementLogTable {
  id: Generated<number>;
  traitement_id: string;
  le: Generated<Date>;
  niveau: 'info' | 'avertissement' | 'erreur';
  message: string;
}

export interface TraitementEtapeTable {
  traitement_id: string;
  cle: string;
  resultat: Json | null;
  fait_le: Generated<Date>;
}

export interface DocumentTable {
  id: string;
  traitement_id: string | null;
  academie_code: string;
  etablissement_id: number | null;
  personne_id: number | null;
  compte_id: number | null;
  visibilite: Generated<Visibilite>;
  nom: string;
  type_mime: string;
  taille: number;
  sha256: string;
  cle_stockage: string;
  cree_le: Generated<Date>;
  expire_le: TimestampNull;
}

export interface MailTable {
  id: string;
  academie_code: string | null;
  destinataires: string[];
  copies: Generated<string[]>;
  objet: string;
  texte: string;
  html: string | null;
  pieces_jointes: ColumnType<Array<{ documentId: string; nom: string }>, string | undefined, string>;
  statut: Generated<'en_attente' | 'envoye' | 'boite_sortie' | 'echec'>;
  tentatives: Generated<number>;
  cle_idempotence: string | null;
  message_id: string | null;
  erreur: string | null;
  cree_le: Generated<Date>;
  envoye_le: TimestampNull;
}

export interface ParametreTable {
  academie_code: string;
  cle: string;
  valeur: Json;
}

// --- Constat de service fait and ICC (migration 015) ----------------------------------------------

export interface ConstatHoraireTable {
  convocation_id: number;
  jour: string;
  debut_matin: string | null;
  fin_matin: string | null;
  debut_apres_midi: string | null;
  fin_apres_midi: string | null;
}

export interface IccTauxTable {
  type: 'BAC' | 'BTS';
  tranche: number;
  depuis: string;
  centimes: number;
}

export interface IccDonneesCycladesTable {
  session_examen_id: number;
  etablissement_id: number;
  periode: 'normale' | 'remplacement';
  date_debut: string | null;
  journees_1: Generated<number>;
  journees_2: Generated<number>;
  journees_3: Generated<number>;
}

export interface IccDeclarationTable {
  id: Generated<number>;
  academie_code: string;
  session_examen_id: number;
  etablissement_id: number;
  periode: 'normale' | 'remplacement';
  date_debut: string | null;
  journees_1: Generated<number>;
  journees_2: Generated<number>;
  journees_3: Generated<number>;
  montant_centimes: Generated<number>;
  prerempli_gestionnaire: Generated<boolean>;
  statut_saisie: Generated<'non_transmis' | 'transmis'>;
  version: Generated<number>;
  modifie_par: number | null;
  modifie_le: Generated<Date>;
  transmis_le: TimestampNull;
  transmis_par: number | null;
}

export interface IccRepartitionTable {
  id: Generated<number>;
  declaration_id: number;
  personne_id: number;
  pourcentage_dixiemes: number | null;
  montant_centimes: number;
  statut: Generated<'a_traiter' | 'valide' | 'rejete' | 'paye'>;
  motif_rejet: string | null;
  traite_par: number | null;
  traite_le: TimestampNull;
}

export interface ConstatIccDB {
  constat_horaire: ConstatHoraireTable;
  icc_taux: IccTauxTable;
  icc_donnees_cyclades: IccDonneesCycladesTable;
  icc_declaration: IccDeclarationTable;
  icc_repartition: IccRepartitionTable;
}

export interface DB extends EtatsFraisDB, EnqueteDcsDB, PortailsIntervenantDB, ConstatIccDB, MissionsDB, ImaginEtablissementDB, CandidatsDB, DeliberationDB, ClesOtpDB, PortailJuryDB {
  academie: AcademieTable;
  etablissement: EtablissementTable;
  personne: PersonneTable;
  personne_etablissement: PersonneEtablissementTable;
  enseignement: EnseignementTable;
  examen: ExamenTable;
  session_examen: SessionExamenTable;
  specialite: SpecialiteTable;
  epreuve_option: EpreuveOptionTable;
  compte: CompteTable;
  role_attribution: RoleAttributionTable;
  session_utilisateur: SessionUtilisateurTable;
  jeton_reinitialisation: JetonReinitialisationTable;
  limitation_connexion: LimitationConnexionTable;
  activite_ouverture: ActiviteOuvertureTable;
  message_accueil: MessageAccueilTable;
  preference_utilisateur: PreferenceUtilisateurTable;
  audit_log: AuditLogTable;
  traitement: TraitementTable;
  traitement_log: TraitementLogTable;
  traitement_etape: TraitementEtapeTable;
  document: DocumentTable;
  mail: MailTable;
  parametre: ParametreTable;
}

export type Etablissement = Selectable<EtablissementTable>;
export type Personne = Selectable<PersonneTable>;
export type NewPersonne = Insertable<PersonneTable>;
export type PersonneUpdate = Updateable<PersonneTable>;
export type Compte = Selectable<CompteTable>;
export type RoleAttribution = Selectable<RoleAttributionTable>;
export type Traitement = Selectable<TraitementTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type MailRow = Selectable<MailTable>;

// --- IMAG'IN missions (migration 003) ---------------------------------------------------------

export type ModeRemuneration = 'copies' | 'candidats' | 'demi_journees' | 'heures' | 'heures_minutes' | 'santorin' | 'gestionnaire';

export interface TypeMissionTable {
  code: string;
  libelle: string;
  mode_remuneration: ModeRemuneration;
  ouverte_sans_ciblage: Generated<boolean>;
  correction_dematerialisee: Generated<boolean>;
  sans_qualite: Generated<boolean>;
  ordre: Generated<number>;
}

export interface QualiteTable {
  id: Generated<number>;
  academie_code: string;
  libelle: string;
  santorin: Generated<boolean>;
  deliberation: Generated<boolean>;
  actif: Generated<boolean>;
  ordre: Generated<number>;
}

export interface MissionTable {
  id: Generated<number>;
  academie_code: string;
  numero: number;
  session_examen_id: number;
  specialite_id: number | null;
  epreuve_option_id: number | null;
  type_mission: string;
  centre_id: number | null;
  lieu: string | null;
  observation_defaut: Generated<string>;
  signataire: Generated<'chef_etablissement' | 'chef_centre' | 'gestionnaire'>;
  ciblee_etablissement: Generated<boolean>;
  date_limitee: string | null;
  candidats_affectes: Generated<boolean>;
  etat_service: Generated<'non_effectuee' | 'commencee' | 'effectuee' | 'constatee'>;
  /** COEC: observations carried over onto the next convocations (migration 005). */
  observation_reportee: string | null;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
  /** Migration 022: convocation issued by the ministry (the président de jury enters the pay figures). */
  emise_par_ministere: Generated<boolean>;
}

/** Times are 'HH:MM:SS' strings. */
export interface CreneauTable {
  jour: string;
  heure_debut: string;
  heure_fin: string;
}

export interface MissionDateTable extends CreneauTable {
  mission_id: number;
}

export interface CommissionTable {
  id: Generated<number>;
  mission_id: number;
  code: string;
  nb_candidats: Generated<number>;
}

export interface CommissionDateTable extends CreneauTable {
  commission_id: number;
}

export interface MissionJuryTable {
  id: Generated<number>;
  mission_id: number;
  code: string;
  libelle: Generated<string>;
}

export interface SalleTable {
  id: Generated<number>;
  mission_id: number;
  code: string;
  libelle: Generated<string>;
  nb_candidats: Generated<number>;
}

export interface ConvocationTable {
  id: Generated<number>;
  academie_code: string;
  mission_id: number;
  personne_id: number;
  qualite_id: number | null;
  commission_id: number | null;
  jury_id: number | null;
  salle_id: number | null;
  code_salle: string | null;
  observation: Generated<string>;
  statut: Generated<'affectee' | 'convoquee'>;
  origine: 'gestionnaire' | 'centre';
  etablissement_createur_id: number | null;
  modifiee_par_gestionnaire: Generated<boolean>;
  dates_specifiques: Generated<boolean>;
  editee_le: TimestampNull;
  service_fait: 'fait' | 'non_fait' | null;
  motif_service_non_fait: string | null;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
  /** Last mailed (migration 005). */
  envoyee_le: TimestampNull;
  /** The account that last created or changed it. */
  modifiee_par: number | null;
  /** Constat de service fait (migration 015): the figure by pay mode, who recorded it, its version. */
  csf_nb_copies: number | null;
  csf_nb_candidats: number | null;
  csf_heures_centiemes: number | null;
  csf_version: Generated<number>;
  csf_par: 'centre' | 'gestionnaire' | null;
  csf_compte_id: number | null;
  csf_le: TimestampNull;
  /** Migration 032: the SANTORIN counts imported (kind santorin-comptages, decision 0036). */
  santorin_nb_copies: ColumnType<number | null, number | null | undefined, number | null>;
  santorin_nb_candidats: ColumnType<number | null, number | null | undefined, number | null>;
  santorin_le: TimestampNull;
  santorin_traitement_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ConvocationDateTable extends CreneauTable {
  convocation_id: number;
}

export interface IndisponibiliteTable {
  id: Generated<number>;
  personne_id: number;
  academie_code: string;
  date_debut: string;
  heure_debut: Generated<string>;
  date_fin: string;
  heure_fin: Generated<string>;
  motif: string;
  source: 'ETABLISSEMENT' | 'EPP' | 'SIRHEN' | 'CONVOCATION' | 'GESTIONNAIRE';
  etablissement_id: number | null;
  convocation_id: number | null;
  cree_le: Generated<Date>;
}

export interface CompetenceTable {
  id: Generated<number>;
  personne_id: number;
  epreuve_option_id: number;
}

export interface CompetenceAuteurTable {
  competence_id: number;
  auteur: string;
  type_auteur: 'SYS' | 'ETABLISSEMENT' | 'INTERVENANT' | 'GESTIONNAIRE';
  nature: 'C' | 'I';
  le: Generated<Date>;
}

export interface CorrespondanceEnseignementTable {
  matiere: string;
  epreuve_option_id: number;
}

export interface ValidationCompetencesTable {
  etablissement_id: number;
  annee_scolaire: string;
  validee: Generated<boolean>;
  validee_le: TimestampNull;
  validee_par: number | null;
  rouverte_le: TimestampNull;
  rouverte_par: number | null;
}

export interface SignatureConvocationTable {
  etablissement_id: number;
  type: 'centre' | 'etablissement';
  autorite: Generated<string>;
  intitule: Generated<string>;
  nom: Generated<string>;
  ville: Generated<string>;
  modifie_le: Generated<Date>;
}

export type StatutEtatFrais =
  | 'pas_de_frais'
  | 'annule'
  | 'mission_non_effectuee'
  | 'mission_en_cours'
  | 'non_valide'
  | 'valide'
  | 'valide_gestionnaire'
  | 'invalidable'
  | 'traite_gestionnaire'
  | 'a_traiter_gestionnaire';

export interface EtatFraisTable {
  id: Generated<number>;
  convocation_id: number;
  statut: Generated<StatutEtatFrais>;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
  /** The status a « service non fait » cancelled, restored by « service fait » (migration 015). */
  statut_avant_annulation: StatutEtatFrais | null;
  // Migration 022 (issue 16): set by the trigger that creates the état with its convocation.
  academie_code: string;
  personne_id: number;
  version: Generated<number>;
  modifie_par: number | null;
  /** « Compléter » clicked once (the first-access choice is no longer offered). */
  saisie_commencee_le: TimestampNull;
  /** The intervenant's figures for the rémunération (src/domain/imagin/frais). */
  remuneration: ColumnType<unknown, string | null | undefined, string | null>;
  pieces_par_courrier: Generated<boolean>;
  /** Given at the first validation, unique in the académie, kept after a dévalidation. */
  numero_ordre: number | null;
  montant_remuneration_centimes: number | null;
  montant_deplacement_centimes: number | null;
  /** The gestionnaire's figure, which prevails over the estimate. */
  montant_retenu_remuneration_centimes: number | null;
  montant_retenu_deplacement_centimes: number | null;
  valide_le: TimestampNull;
  recapitulatif_document_id: string | null;
  traite_le: TimestampNull;
  traite_par: number | null;
  rejet_motif: string | null;
  rejete_le: TimestampNull;
  annulation_motif: string | null;
  regroupe_dans_id: number | null;
  commentaire_regroupement: string | null;
  paye_le: TimestampNull;
}

export interface MissionDateReporteeTable extends CreneauTable {
  mission_id: number;
}

export interface MissionsDB {
  mission_date_reportee: MissionDateReporteeTable;
  etat_frais: EtatFraisTable;
  type_mission: TypeMissionTable;
  qualite: QualiteTable;
  mission: MissionTable;
  mission_date: MissionDateTable;
  commission: CommissionTable;
  commission_date: CommissionDateTable;
  mission_jury: MissionJuryTable;
  salle: SalleTable;
  convocation: ConvocationTable;
  convocation_date: ConvocationDateTable;
  indisponibilite: IndisponibiliteTable;
  competence: CompetenceTable;
  competence_auteur: CompetenceAuteurTable;
  correspondance_enseignement: CorrespondanceEnseignementTable;
  validation_competences: ValidationCompetencesTable;
  signature_convocation: SignatureConvocationTable;
}

// --- IMAG'IN service établissement (migration 004) ---------------------------------------------

export interface GestionnaireExamenTable {
  compte_id: number;
  academie_code: string;
  examen_code: string;
}

/** View: the dates a convocation holds its intervenant (own, else commission, else mission dates). */
export interface ConvocationCreneauView {
  convocation_id: number;
  personne_id: number;
  jour: string;
  heure_debut: string;
  heure_fin: string;
  origine: 'convocation' | 'commission' | 'mission';
}

export interface ImaginEtablissementDB {
  gestionnaire_examen: GestionnaireExamenTable;
  convocation_creneau: ConvocationCreneauView;
}

// CYCLADES candidates (migration 006, issue 6).
export type EtatCandidature = 'en_cours_saisie' | 'pre_inscrit' | 'inscrit' | 'annule' | 'refuse';
export type Regroupement = 'serie' | 'division' | 'division_qualification';

export interface CandidatTable {
  id: Generated<number>;
  academie_code: string;
  ine: string | null;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  date_naissance: string | null;
  adresse: Generated<string>;
  code_postal: Generated<string>;
  commune: Generated<string>;
  cree_le: Generated<Date>;
}

export interface CandidatureTable {
  id: Generated<number>;
  candidat_id: number;
  session_examen_id: number;
  academie_code: string;
  etablissement_id: number | null;
  numero_candidat: string;
  etat: EtatCandidature;
  email: string | null;
  serie_code: Generated<string>;
  serie_libelle: Generated<string>;
  division_classe: Generated<string>;
  qualification_presentee: Generated<string>;
  specialite_id: number | null;
  liste_rouge: Generated<boolean>;
  presume_fraudeur: Generated<boolean>;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
  /** Migration 007: the jury that deliberates the candidate, the centre of his contrôle orals. */
  jury_id: ColumnType<number | null, number | null | undefined, number | null>;
  centre_controle_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CandidatureEpreuveTable {
  candidature_id: number;
  epreuve_option_id: number;
}

export interface GenerationComptesTable {
  id: Generated<number>;
  academie_code: string;
  etablissement_id: number;
  session_examen_id: number | null;
  type: 'generation' | 'regeneration';
  regroupement: Regroupement;
  forcer: Generated<boolean>;
  titre: Generated<string>;
  traitement_id: string | null;
  nb_comptes_crees: Generated<number>;
  nb_mots_de_passe_regeneres: Generated<number>;
  cree_par: number | null;
  cree_le: Generated<Date>;
}

export interface CompteCandidatTable {
  compte_id: number;
  candidat_id: number;
  type_login: 'prenom_nom' | 'email';
  etablissement_id: number | null;
  derniere_generation_id: number | null;
  genere_le: TimestampNull;
}

export interface PublicationResultatsTable {
  academie_code: string;
  session_examen_id: number;
  publie_le: Generated<Date>;
  publie_par: number | null;
}

export interface NotePubliee {
  epreuve: string;
  coefficient: number;
  /** "12.50", or "ABS" (absent), "DISP" (dispensé). */
  note: string;
  groupe: 1 | 2;
}

export interface ResultatPublieTable {
  candidature_id: number;
  decision: string;
  mention: string | null;
  moyenne: ColumnType<number | null, number | null | undefined, number | null>;
  notes: Json<NotePubliee[]>;
  publie_le: Generated<Date>;
}

export interface CandidatsDB {
  candidat: CandidatTable;
  candidature: CandidatureTable;
  candidature_epreuve: CandidatureEpreuveTable;
  generation_comptes: GenerationComptesTable;
  compte_candidat: CompteCandidatTable;
  publication_resultats: PublicationResultatsTable;
  resultat_publie: ResultatPublieTable;
}

// CYCLADES deliberation of the Bac Pro second group (migration 007, issue 7).
export type EtatJury = 140 | 198 | 200 | 210 | 211 | 214;
export type EpreuveDeControle = 'scientifique' | 'francais_hg';
export type StatutNote = 'note' | 'absent' | 'dispense' | 'conservee';

export interface JuryTable {
  id: Generated<number>;
  academie_code: string;
  session_examen_id: number;
  numero: string;
  specialite_id: number;
  centre_deliberation_id: number;
  groupe_decision: Generated<string>;
  etat: ColumnType<EtatJury, EtatJury | undefined, EtatJury>;
  version: Generated<number>;
  login_secours: string | null;
  mot_de_passe_secours_hash: string | null;
  mot_de_passe_secours_chiffre: string | null;
  modifie_le: Generated<Date>;
}

export interface JuryTransitionTable {
  id: Generated<number>;
  jury_id: number;
  de: number;
  vers: number;
  par_compte_id: number | null;
  le: Generated<Date>;
}

export interface NoteTable {
  candidature_id: number;
  epreuve_option_id: number;
  groupe: 1 | 2;
  statut: StatutNote;
  valeur: number | null;
  session_origine: string | null;
  saisie_par: number | null;
  saisie_le: Generated<Date>;
}

export interface ChoixControleTable {
  candidature_id: number;
  epreuve_controle_id: number;
  epreuve_remplacee_id: number;
}

export interface ModificationNoteTable {
  id: Generated<number>;
  candidature_id: number;
  epreuve_option_id: number;
  groupe: number;
  ancien_statut: StatutNote | null;
  ancienne_valeur: number | null;
  nouveau_statut: StatutNote;
  nouvelle_valeur: number | null;
  motif: string;
  par_compte_id: number | null;
  par_libelle: string;
  le: Generated<Date>;
}

export interface DecisionJuryTable {
  candidature_id: number;
  jury_id: number;
  decision: string;
  moyenne: number | null;
  mention: string | null;
  explication: Json<string[]>;
  decide_par: number | null;
  decide_le: Generated<Date>;
}

export interface DeliberationDB {
  jury: JuryTable;
  jury_transition: JuryTransitionTable;
  note: NoteTable;
  choix_controle: ChoixControleTable;
  modification_note: ModificationNoteTable;
  decision_jury: DecisionJuryTable;
}

// Portail Jury: the académie's OTP keys (migration 008, issue 8).
export type EtatCleOtp = 'en_stock' | 'remise' | 'active' | 'verrouillee' | 'revoquee';

export interface CleOtpTable {
  id: Generated<number>;
  academie_code: string;
  identifiant: string;
  numero_serie: string;
  type: 'HOTP' | 'TOTP';
  chiffres: 6 | 8;
  periode: 30 | 60 | null;
  secret_chiffre: string;
  compteur: ColumnType<number, number | undefined, number>;
  dernier_pas: number | null;
  derive: Generated<number>;
  pin_hash: string | null;
  etat: ColumnType<EtatCleOtp, EtatCleOtp | undefined, EtatCleOtp>;
  echecs: Generated<number>;
  derniere_utilisation: TimestampNull;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
}

export interface CleOtpCentreTable {
  cle_id: number;
  etablissement_id: number;
}

export interface ClesOtpDB {
  cle_otp: CleOtpTable;
  cle_otp_centre: CleOtpCentreTable;
}

// Portail Jury: screens, sessions, backup portal, SMS codes (migration 009, issue 8).
export interface PortailJuryCleTable {
  id: string;
  cle_otp_id: number;
  academie_code: string;
  session_id: string | null;
  cree_le: Generated<Date>;
  expire_le: Timestamp;
  utilise_le: TimestampNull;
}

export type ModeAccesJury = 'cle' | 'sms' | 'secours';

export interface SessionJuryTable {
  session_id: string;
  jury_id: number;
  academie_code: string;
  mode: ModeAccesJury;
  compte_id: number | null;
  personne_id: number | null;
  qualite: string;
  cle_otp_id: number | null;
  ouvert_le: Generated<Date>;
}

export interface PortailSecoursTable {
  academie_code: string;
  actif: boolean;
  reference_autorisation: string | null;
  autorise_par: string | null;
  modifie_par: number | null;
  modifie_le: Generated<Date>;
}

export interface CodeSmsTable {
  id: Generated<number>;
  compte_id: number;
  personne_id: number;
  academie_code: string;
  code_hash: string;
  telephone: string;
  cree_le: Generated<Date>;
  expire_le: Timestamp;
  echecs: Generated<number>;
  utilise_le: TimestampNull;
}

export interface SmsTable {
  id: Generated<number>;
  academie_code: string | null;
  telephone: string;
  texte: string;
  statut: Generated<'en_attente' | 'envoye' | 'conserve'>;
  cree_le: Generated<Date>;
  envoye_le: TimestampNull;
}

export interface PortailJuryDB {
  portail_jury_cle: PortailJuryCleTable;
  session_jury: SessionJuryTable;
  portail_secours: PortailSecoursTable;
  code_sms: CodeSmsTable;
  sms: SmsTable;
}

// --- Portails du service intervenant (migration 020, issue 15) ------------------------------------

export type EtatSantorin = 'a_corriger' | 'a_numeriser' | 'service_fait';
export type ApplicationExterne = 'SANTORIN' | 'CYCLADES' | 'CYCLADES_EPS' | 'DELOS_BNS' | 'SANTORIN_STATS';

export interface SantorinEtatTable {
  id: Generated<number>;
  academie_code: string;
  mission_id: number;
  /** Null: the state of the whole mission; else this corrector's own state. */
  personne_id: number | null;
  etat: EtatSantorin;
  importe_le: Generated<Date>;
  traitement_id: string | null;
}

export interface ApplicationExterneTable {
  academie_code: string;
  application: ApplicationExterne;
  url: string;
  version: Generated<number>;
  modifie_le: Generated<Date>;
  modifie_par: number | null;
}

export interface PortailsIntervenantDB {
  santorin_etat: SantorinEtatTable;
  application_externe: ApplicationExterneTable;
}

// --- Enquête DCS (migration 021, issue 15, decision 0023) -----------------------------------------

export interface EnqueteDcsTable {
  id: Generated<number>;
  academie_code: string;
  annee: number;
  cree_le: Timestamp;
  ouverte_le: TimestampNull;
  ouverte_par: number | null;
  fermee_le: TimestampNull;
  fermee_par: number | null;
}

/** The six steps' answers (src/domain/imagin/enquete-dcs.ts, ReponsesEtapes), null until saved. */
export interface EnqueteDcsReponseTable {
  enquete_id: number;
  personne_id: number;
  activite: Json | null;
  etablissements: Json | null;
  enseignements: Json | null;
  vae: Json | null;
  epreuves_ecrites: Json | null;
  epreuves_orales: Json | null;
  version: Generated<number>;
  derniere_etape: string | null;
  modifie_le: Timestamp;
  valide_le: TimestampNull;
}

export interface EnqueteDcsDB {
  enquete_dcs: EnqueteDcsTable;
  enquete_dcs_reponse: EnqueteDcsReponseTable;
}

// ---------------------------------------------------------------------------------------------
// États de frais (migration 022, issue 16)

export type ModeTransport = 'AUTOMOBILE' | 'TRAIN_2EME_CLASSE' | 'TRANSPORT_EN_COMMUN' | 'BON_DE_TRANSPORT' | 'AVION' | 'BATEAU' | 'MOTO' | 'CYCLOMOTEUR' | 'COVOITURAGE_PASSAGER' | 'AUCUN';
export type NatureFrais = 'remuneration' | 'deplacement';

export interface FraisParametresTable {
  academie_code: string;
  conditions_texte: string;
  conditions_version: Generated<number>;
  conditions_modifie_le: TimestampNull;
  conditions_modifie_par: number | null;
  pieces_dematerialisees: Generated<boolean>;
  relance_intervalle_jours: Generated<number>;
  version: Generated<number>;
}

export interface FraisConditionsAcceptationTable {
  personne_id: number;
  academie_code: string;
  version: number;
  accepte_le: Date | string;
}

export interface FraisDeplacementLigneTable {
  id: Generated<number>;
  etat_frais_id: number;
  ordre: number;
  ville_depart: string;
  ville_arrivee: string;
  depart_le: Date | string;
  retour_le: Date | string;
  mode: ModeTransport;
  puissance_fiscale: number | null;
  km: number | null;
  trajets: Generated<number>;
  nuitees: Generated<number>;
  repas: Generated<number>;
  frais_divers_centimes: Generated<number>;
  billets_centimes: Generated<number>;
  commentaire: Generated<string>;
}

export interface FraisPieceTable {
  id: string;
  etat_frais_id: number;
  academie_code: string;
  personne_id: number;
  groupe: 'paie' | 'deplacement';
  nom: string;
  type_mime: string;
  taille: ColumnType<number, number, number>;
  sha256: string;
  cle_stockage: string;
  depose_le: Date | string;
  depose_par: number | null;
  depose_par_gestionnaire: Generated<boolean>;
  analyse_antivirus: 'saine' | 'non_analysee';
}

export interface FraisCorrectionTable {
  id: Generated<number>;
  etat_frais_id: number;
  champ: string;
  avant: string | null;
  apres: string | null;
  motif: string;
  par: number | null;
  le: Date | string;
}

export interface FraisTauxRemunerationTable {
  taux: number;
  depuis: string;
  copie_centimes: number;
  heure_centimes: number | null;
}

export interface FraisTauxKmTable {
  categorie: '5CV' | '6-7CV' | '8CV' | 'MOTO' | 'CYCLO';
  bande: number;
  depuis: string;
  centimes: number;
}

export interface FraisTauxForfaitTable {
  nature: 'nuitee_base' | 'nuitee_grande_ville' | 'nuitee_paris' | 'nuitee_pmr' | 'repas';
  depuis: string;
  centimes: number;
}

export interface LiquidationLotTable {
  id: Generated<number>;
  academie_code: string;
  numero: number;
  statut: Generated<'en_preparation' | 'produit' | 'paye'>;
  traitement_id: string | null;
  cree_le: Date | string;
  cree_par: number | null;
  nb_frais: Generated<number>;
  total_centimes: ColumnType<string | number, number | undefined, number>;
  paye_le: TimestampNull;
}

export interface LiquidationLigneTable {
  lot_id: number;
  etat_frais_id: number;
  nature: NatureFrais;
  montant_centimes: number;
  paye_le: TimestampNull;
}

export interface FraisRelanceTable {
  personne_id: number;
  academie_code: string;
  derniere_le: Date | string;
}

export interface EtatsFraisDB {
  frais_parametres: FraisParametresTable;
  frais_conditions_acceptation: FraisConditionsAcceptationTable;
  frais_deplacement_ligne: FraisDeplacementLigneTable;
  frais_piece: FraisPieceTable;
  frais_correction: FraisCorrectionTable;
  frais_taux_remuneration: FraisTauxRemunerationTable;
  frais_taux_km: FraisTauxKmTable;
  frais_taux_forfait: FraisTauxForfaitTable;
  liquidation_lot: LiquidationLotTable;
  liquidation_ligne: LiquidationLigneTable;
  frais_relance: FraisRelanceTable;
}
