// The services of the platform (one web entry point each), who enters them, and their activities
// grouped as the seeds' menus show them (003 §1.3.2, 004 §2.2). Later issues add their activities here.
import type { Role } from './roles.ts';

export type ServiceCode =
  | 'imagin-etablissement'
  | 'imagin-intervenant'
  | 'imagin-gestion'
  | 'imagin-admin'
  | 'dsi'
  | 'cyclades-etablissement'
  | 'espace-candidat'
  | 'portail-jury';

export interface ActiviteDef {
  code: string;
  libelle: string;
  groupe: string;
  /** Whether the activity is open when the gestionnaire has not said otherwise. */
  ouverteParDefaut: boolean;
  /** Whether the gestionnaire may close it (platform activities of the administrator stay open). */
  fermable: boolean;
  /**
   * Only shown when the actor's établissement is a centre d'examen / de délibération, or (intervenant)
   * when the person is convoked as président, vice-président or responsable de délibération on a JURY DE
   * DELIBERATION mission (004 « Portail délibération de jury Concours »).
   */
  condition?: ConditionCentre | ConditionPersonne | 'academie_enquete_dcs';
  /** Further menu paths where the same activity appears (seed 002: "Mon établissement" and "Inscription"). */
  autresGroupes?: readonly string[];
  aide: string;
}

export interface ServiceDef {
  code: ServiceCode;
  application: "IMAG'IN" | 'CYCLADES';
  libelle: string;
  /** The login page that leads to this service. */
  entree: 'agents' | 'intervenants' | 'cyclades' | 'candidat' | 'jury';
  roles: Role[];
  /** One active session per établissement for this service (003 §2.1). */
  sessionUniqueParEtablissement: boolean;
  activites: ActiviteDef[];
}

const platform = (code: string, libelle: string, groupe: string, aide: string): ActiviteDef => ({
  code,
  libelle,
  groupe,
  ouverteParDefaut: true,
  fermable: false,
  aide,
});

/** An activity of the centre d'examen, in the établissement service when the établissement is a centre. */
const centre = (code: string, libelle: string, aide: string): ActiviteDef => ({
  code,
  libelle,
  groupe: 'Centre Examen',
  ouverteParDefaut: true,
  fermable: true,
  condition: 'centre_examen',
  aide,
});

const GROUPE_MON_ETABLISSEMENT = 'Mon établissement — Gérer les comptes Cyclades de mes élèves';
const GROUPE_INSCRIPTION = 'Inscription — Gérer les comptes Cyclades de mes élèves';

const AVANT = "Délibération — Avant la délibération de l'épreuve de contrôle";
const APRES = "Délibération — Après la délibération de l'épreuve de contrôle";

/** An activity of the centre de délibération (CYCLADES établissement, seed 001). */
const deliberation = (code: string, libelle: string, groupe: string, aide: string): ActiviteDef => ({
  code,
  libelle,
  groupe,
  ouverteParDefaut: true,
  fermable: true,
  condition: 'centre_deliberation',
  aide,
});

/** An activity of the intervenant service (seed 004): open unless the gestionnaire closes it for the académie. */
const intervenant = (code: string, libelle: string, groupe: string, aide: string): ActiviteDef => ({
  code,
  libelle,
  groupe,
  ouverteParDefaut: true,
  fermable: true,
  aide,
});

/** An activity of the établissement service: the gestionnaire opens or closes it for the académie. */
const etablissement = (code: string, libelle: string, aide: string): ActiviteDef => ({
  code,
  libelle,
  groupe: 'Etablissement',
  ouverteParDefaut: true,
  fermable: true,
  aide,
});

export const SERVICES: Record<ServiceCode, ServiceDef> = {
  'imagin-etablissement': {
    code: 'imagin-etablissement',
    application: "IMAG'IN",
    libelle: 'Service établissement',
    entree: 'agents',
    roles: ['chef_etablissement'],
    sessionUniqueParEtablissement: true,
    activites: [
      // Issue 4 (003 §3): the établissement's personnels, their indisponibilités and compétences.
      etablissement('consultation-personnels', 'Consultation des personnels', "Consultez les personnels qui exercent dans votre établissement à titre principal ou secondaire : leurs missions convoquées (avec le duplicata de chaque convocation), leurs indisponibilités et leurs enseignements. Filtrez les personnels disponibles ou convoqués sur une période (dates au format JJ/MM/AAAA) et téléchargez les listes au format CSV ou PDF."),
      etablissement('saisie-indisponibilite', "Saisie d'indisponibilité", "Suivez les périodes d'indisponibilité des personnels, actualisées depuis EPP et SIRHEN ou à la suite d'une convocation dans une autre académie. Ajoutez à titre exceptionnel une indisponibilité de dernière minute ; vous ne pouvez supprimer que celles que votre établissement a déclarées. Le gestionnaire des examens concernés est prévenu par courriel si la personne est déjà affectée à une mission sur la période."),
      etablissement('saisie-competences', 'Saisie des compétences', "Contrôlez les épreuves options sur lesquelles les personnels sont déclarés compétents : « + » reconnaît une compétence au nom de votre établissement, « × » l'invalide. Une compétence ne disparaît que lorsque tous ses auteurs l'ont retirée. « Ajouter une compétence » propose les examens de la catégorie de votre établissement."),
      etablissement('validation-competences', 'Validation saisie compétence', "Lorsque la saisie des compétences est terminée, cochez « J'ai terminé la saisie des compétences » puis cliquez sur « Valider ». Les compétences ne sont alors plus modifiables, sauf réouverture par le service des examens."),
      // Issue 5 (003 §4.1, §4.2, §4.4, §4.6): the centre d'examen.
      centre('consultation-missions', 'Consultation des missions', "Consultez les missions qui se déroulent dans votre centre d'examen et comportent des convocations, puis, pour chacune, les intervenants convoqués, le détail de leur affectation et le duplicata de leur convocation. Filtrez par année et par examen ; téléchargez la liste en CSV ou en PDF."),
      centre('convocation-mission', 'Convocation par mission', "Convoquez des intervenants aux missions de votre centre ouvertes par le service des examens : recherchez les enseignants de votre établissement par discipline ou un intervenant de l'académie par « NOM Prénom », choisissez qualité, commission, dates et heures, puis « Convoquer ». Téléchargez ou envoyez par courriel les convocations que votre centre a créées."),
      centre('constat-service-fait', 'Constat service fait', "Constatez le service fait, ou non fait, des intervenants convoqués aux missions qui se sont déroulées dans votre centre : selon la mission, le nombre de copies corrigées, de candidats interrogés, les horaires par demi-journée ou les heures effectuées. « Service non fait » annule les états de frais de l'intervenant sur la mission. Téléchargez le « Constat de service » d'une mission en PDF."),
      centre('signature-centre', 'Signature centre pour la convocation', "Saisissez l'autorité, l'intitulé, le nom et la ville du chef de centre tels qu'ils figurent au bas des convocations qu'il signe. « Prévisualiser convocation » édite une convocation fictive ; « Sauvegarder » enregistre la signature."),
      centre('signature-etablissement', 'Signature établissement pour la convocation', "Saisissez l'autorité, l'intitulé, le nom et la ville du chef d'établissement tels qu'ils figurent au bas des convocations qu'il signe. « Prévisualiser convocation » édite une convocation fictive ; « Sauvegarder » enregistre la signature."),
      centre('indemnites-chef-centre', 'Indemnités chef de centre', "Saisissez, pour chaque session du baccalauréat ou du BTS de votre centre, le début des épreuves et le nombre de journées par tranche de candidats : le montant global est calculé. Répartissez-le entre les intervenants (pourcentage ou montant), enregistrez, puis transmettez-le au service gestionnaire."),
      centre('acces-autres-academies', 'Accès autres académies', "Ouvrez, dans un nouvel onglet et sans vous identifier à nouveau, le service établissement des autres académies (ou services inter-académiques) où votre établissement est centre d'examen."),
      { ...platform('traitements', 'Comptes rendus des traitements', 'Outils', 'Consultez les traitements lancés par votre établissement et téléchargez les documents produits.'), fermable: true },
    ],
  },
  'imagin-intervenant': {
    code: 'imagin-intervenant',
    application: "IMAG'IN",
    libelle: 'Service intervenants extérieurs',
    entree: 'intervenants',
    roles: ['intervenant'],
    sessionUniqueParEtablissement: false,
    activites: [
      // Issue 15 (seed 004 §2.2–§2.10): each activity is shown only to the people it concerns
      // (ConditionPersonne, checked again by the server on every action) and when the académie opened it.
      intervenant('consultation-missions', 'Consultation missions', 'Missions', "Consultez la liste des missions auxquelles vous êtes convoqué(e) par votre académie, et par les autres académies dans leurs onglets ; téléchargez le duplicata de chaque convocation. Cliquez sur une mission pour en voir le détail."),
      // Issue 16 (seed 004 §2.4): the intervenant's états de frais, after accepting the académie's conditions.
      intervenant('etats-frais', 'Saisie/consultation états de frais', 'Missions', "Complétez et validez les états de frais des missions effectuées : rémunération (copies, candidats, horaires ou heures selon la mission), déplacements, pièces justificatives. La validation édite le récapitulatif au format PDF avec son numéro d'ordre ; vous pouvez dévalider tant que le gestionnaire ne l'a pas traité."),
      intervenant('informations-personnelles', 'Informations personnelles', 'Mon dossier', "Vérifiez ou modifiez vos informations personnelles : adresse postale, téléphone, mél professionnel et mél personnel. Vos coordonnées bancaires sont affichées pour consultation."),
      { ...intervenant('portail-acces-missions', "Portail d'accès aux missions", 'Portails', "Accédez aux modules de correction, de numérisation ou de notation de SANTORIN ou de CYCLADES pour les missions auxquelles vous êtes convoqué(e) : cliquez sur la ligne de la mission."), condition: 'convoque_portail' },
      { ...intervenant('gestion-epreuves-eps', 'Gestion des épreuves EPS', 'Portails', "Accédez à l'application CYCLADES pour y gérer les épreuves d'EPS (enseignants d'éducation physique et sportive en BGT, BCP ou CAP)."), condition: 'enseignant_eps' },
      // Issue 8 (seed 004): shown only to those convoked to deliberate, once the administrator opened it.
      {
        code: 'portail-deliberation-jury',
        libelle: 'Portail délibération de jury',
        groupe: 'Portails',
        ouverteParDefaut: false,
        fermable: true,
        condition: 'convoque_deliberation',
        aide: "Accédez au portail de délibération Jury de CYCLADES pour les jurys auxquels vous êtes convoqué(e) comme président, vice-président ou responsable de délibération : un code vous est envoyé par SMS sur votre téléphone portable ; saisissez-le à la place de la clé OTP.",
      },
      { ...intervenant('gestion-sujets', 'Gestion des sujets', 'Portails', "Accédez au module BNS (banque nationale de sujets) de l'application DELOS."), condition: 'habilite_sujets' },
      { ...intervenant('statistiques-notation', 'Statistiques nationales de notation', 'Portails', "Accédez au module de statistiques nationales de notation de l'application SANTORIN."), condition: 'habilite_statistiques' },
      // Seed 004 §2.9: only in the SIEC's IMAG'IN, only for the DCS teachers; the gestionnaire opens it.
      { ...intervenant('enquete-dcs', 'Enquête DCS', 'Enquêtes', "Répondez à l'enquête DCS en six étapes (activité, établissements, enseignements, VAE, épreuves écrites et orales DSCG ou DCG), puis « Valider mes réponses ». Tant que l'enquête est ouverte, vos réponses restent modifiables."), ouverteParDefaut: false, condition: 'enseignant_dcs' },
    ],
  },
  'imagin-gestion': {
    code: 'imagin-gestion',
    application: "IMAG'IN",
    libelle: 'Service gestionnaire DEC',
    entree: 'agents',
    roles: ['gestionnaire'],
    sessionUniqueParEtablissement: false,
    activites: [
      platform('ouverture-activites', 'Ouverture des activités', 'Paramétrage', "Ouvrez ou fermez, pour votre académie, chaque activité des services proposés aux établissements, centres et intervenants."),
      platform('comptes', 'Comptes des intervenants', 'Paramétrage', "Renseignez l'adresse électronique d'un intervenant ou attribuez-lui un mot de passe temporaire."),
      platform('validation-competences', 'Suivi de la validation des compétences', 'Compétences', "Voyez quels établissements ont validé la saisie des compétences de leurs personnels, et rouvrez la saisie d'un établissement qui doit la modifier."),
      // Issue 5: what the centre's work needs from the gestionnaire.
      platform('missions', 'Missions et convocations', 'Missions', "Créez et modifiez les missions de votre académie (session, épreuve, type, centre d'examen, dates, commissions, jurys, salles, signataire, ciblage pour convocation en établissement) et convoquez-y des intervenants."),
      // Issue 14 (003 §4.3, §4.5): the constat de service fait of any centre and the ICC declarations.
      platform('constat-service-fait', 'Constat service fait', 'Missions', "Suivez le constat de service fait des missions de l'académie par état (intervenants convoqués, constatés, services non faits), filtrez par centre et par examen, et saisissez le constat à la place du centre d'examen."),
      platform('indemnites-chefs-centre', 'Indemnités des chefs de centre', 'Missions', "Consultez les indemnités des chefs de centre déclarées par les centres d'examen, pré-renseignez les journées et le montant d'un centre, modifiez une déclaration transmise et validez ou rejetez chaque ligne de répartition."),
      platform('qualites', 'Qualités', 'Missions', "Tenez à jour la liste des qualités proposées lors des convocations (Président de jury, Correcteur, Interrogateur…) ; précisez celles de SANTORIN et celles qui donnent accès au portail de délibération."),
      platform('intervenants', 'Intervenants', 'Missions', "Recherchez les intervenants de votre académie et créez un intervenant qui n'y est pas encore connu, afin de le convoquer."),
      // Issue 6: the prerequisite of the établissements' candidate accounts (seed 002 §1.1).
      platform('gestion-candidats', 'Gestion des candidats en établissement', 'CYCLADES', "Positionnez le service de gestion des candidats en établissement : seuls les établissements qui en disposent génèrent les comptes CYCLADES de leurs élèves."),
      // Issue 7: the DEC's steps of the Bac Pro second group (seed 001, domain-rules.md).
      platform('jurys-deliberation', 'Jurys du 2nd groupe (Bac Pro)', 'CYCLADES — Délibération', "Suivez l'état d'avancement des jurys : verrouillez le 1er groupe en académie (140 → 198), ouvrez l'épreuve de contrôle pour le recueil des notes (198 → 200) ; tant que le portail Jury n'est pas en service, saisissez les décisions d'un jury en délibération et clore-le (210 → 211)."),
      platform('notes-controle', "Notes de l'épreuve de contrôle", 'CYCLADES — Délibération', "Saisissez les notes des deux épreuves orales de contrôle des candidats admis à les passer, ou importez-les depuis un fichier CSV. Une note peut manquer jusqu'au contrôle des notes manquantes."),
      platform('publication-resultats', 'Publication des résultats', 'CYCLADES — Délibération', "Publiez les résultats d'une session dont les jurys ont terminé l'épreuve de contrôle (état 214) : les candidats les lisent dans leur espace ; les résultats publiés sont figés."),
      // Issue 15: the data the platform receives from SANTORIN (correction states of the missions).
      platform('imports', 'Imports de données', 'Paramétrage', "Importez les fichiers reçus des autres applications (états de correction SANTORIN des missions) : chaque ligne est contrôlée, les lignes rejetées sont listées avec leur motif dans le compte rendu du traitement."),
      // Issue 15 (seed 004 §2.9): the DCS survey of the SIEC's intervenants.
      { ...platform('enquete-dcs', 'Enquête DCS', 'Enquêtes', "Ouvrez ou fermez l'enquête DCS auprès des enseignants du DCS, suivez les réponses et exportez-les au format CSV."), condition: 'academie_enquete_dcs' },
      // Issue 17: the follow-up of a session (convocations against need, constat, frais, juries), with charts.
      platform('tableau-de-bord', 'Tableau de bord', 'Suivi', "Suivez une session d'examen : convocations par mission au regard du besoin, avancement du constat de service fait par centre, états de frais par statut et montants, états des jurys pendant la délibération. Chaque graphique a son tableau de données et son export CSV."),
      // Issue 16: the processing of the intervenants' états de frais and their liquidation.
      platform('traitement-etats-frais', 'Traitement des états de frais', 'États de frais', "Suivez les états de frais de l'académie par statut, filtrez-les, ouvrez-en un pour le contrôler avec ses pièces et le constat de service fait, corrigez un chiffre en le motivant, validez, rejetez ou annulez ; validez en masse une sélection filtrée."),
      platform('liquidation-frais', 'Liquidation des frais', 'États de frais', "Constituez un lot de liquidation des frais validés : le fichier d'export pour le système financier et le bordereau PDF sont produits par un traitement ; importez ensuite le retour de paiement pour marquer les frais payés."),
      platform('parametres-frais', 'Paramètres des états de frais', 'États de frais', "Rédigez les conditions d'utilisation que les intervenants acceptent avant de saisir leurs états de frais, autorisez ou non le dépôt des pièces justificatives dématérialisées et réglez la fréquence des relances."),
      platform('traitements', 'Comptes rendus des traitements', 'Outils', 'Consultez les traitements lancés dans votre académie et téléchargez les documents produits.'),
      platform('journal', "Journal d'audit", 'Outils', "Consultez les connexions et les modifications enregistrées dans votre académie."),
    ],
  },
  'imagin-admin': {
    code: 'imagin-admin',
    application: "IMAG'IN",
    libelle: 'Administration',
    entree: 'agents',
    roles: ['administrateur'],
    sessionUniqueParEtablissement: false,
    activites: [
      platform('message-accueil', "Message d'accueil", 'Administration', "Rédigez le message affiché à l'accueil de chaque service de votre académie."),
      // Issue 15 (seed 004 §2.6, §2.7, §2.10): where the intervenants' portals lead.
      platform('applications-externes', 'Applications externes', 'Administration', "Renseignez l'adresse des applications vers lesquelles le service intervenants oriente ses utilisateurs (SANTORIN, CYCLADES, CYCLADES EPS, DELOS BNS, statistiques SANTORIN) et vérifiez qu'elles répondent."),
      platform('boite-envoi', "Boîte d'envoi des messages", 'Administration', "Consultez les messages électroniques émis par la plateforme et téléchargez-les au format .eml, ainsi que les SMS (codes d'accès au portail Jury) gardés dans la boîte d'envoi."),
      platform('journal', "Journal d'audit", 'Administration', 'Consultez les connexions et les modifications enregistrées dans votre académie.'),
    ],
  },
  dsi: {
    code: 'dsi',
    application: 'CYCLADES',
    libelle: 'DSI académique',
    entree: 'agents',
    roles: ['dsi'],
    sessionUniqueParEtablissement: false,
    activites: [
      // Issue 8 (seed 000): the OTP keys of the Jury portal and the checklist of Cas 1.
      platform('cles-otp', 'Clés OTP du portail Jury', 'Portail Jury', "Enregistrez les clés OTP (une à une ou par import d'un fichier de graines PSKC ou CSV), remettez-les aux centres de délibération avec leur code PIN, déverrouillez ou resynchronisez une clé, révoquez-la. Chaque opération est inscrite au journal d'audit."),
      platform('controle-jurys', 'Contrôle des jurys avant délibération', 'Portail Jury', "Vérifiez, pour chaque centre de délibération et chaque jury, qu'au moins deux clés OTP actives ont été remises et que le président et les vice-présidents sont convoqués dans IMAG'IN."),
      platform('portail-secours', 'Portail Jury de secours', 'Portail Jury', "Ouvrez le portail CYCLADES-JURY de secours de votre académie après l'autorisation du RSSI (sa référence est exigée), et fermez-le dès que le portail Jury est rétabli. Tant qu'il est ouvert, le login et le mot de passe d'un jury imprimés sur les papillons du plan de secours ouvrent ce seul jury ; chaque ouverture, fermeture et connexion est inscrite au journal d'audit."),
      platform('journal', "Journal d'audit", 'Sécurité', 'Consultez les connexions et les modifications enregistrées dans votre académie.'),
    ],
  },
  'cyclades-etablissement': {
    code: 'cyclades-etablissement',
    application: 'CYCLADES',
    libelle: 'Portail établissement',
    entree: 'cyclades',
    roles: ['chef_etablissement'],
    sessionUniqueParEtablissement: false,
    activites: [
      // Issue 6 (seed 002): the pupils' CYCLADES accounts, under both menu paths of the seed.
      {
        ...etablissement('comptes-eleves', 'Générer les comptes Cyclades de mes élèves', "Créez les comptes de connexion de vos élèves inscrits ou pré-inscrits qui ont une adresse électronique, regroupés par série, par division de classe ou par division et qualification présentée. Le traitement produit les papillons de connexion (un ou deux par page) à remettre aux élèves ; « Accéder aux comptes » les retrouve à tout moment."),
        groupe: GROUPE_MON_ETABLISSEMENT,
        autresGroupes: [GROUPE_INSCRIPTION],
      },
      {
        ...etablissement('regeneration-mot-de-passe', "Régénérer le mot de passe d'un compte d'un élève", "Régénérez le mot de passe d'un élève (ou de plusieurs, après avoir coché « Supprimer limitation à un élève ») dont le compte « prenom.nom » a été créé par un établissement ; un élève sans compte en reçoit un. Les papillons précédents de ces élèves ne permettent plus de se connecter."),
        groupe: GROUPE_MON_ETABLISSEMENT,
        autresGroupes: [GROUPE_INSCRIPTION],
      },
      {
        ...etablissement('liste-detaillee-eleves', 'Liste détaillée de mes élèves', "Exportez au format CSV la liste détaillée de vos élèves candidats, avec la colonne « Identifiant de connexion » (ou « Pas de compte candidat Cyclades »)."),
        groupe: 'Inscription — Génération de documents — Listes de travail',
      },
      // Issue 7 (seed 001): the chef de centre de délibération, Bac Pro second group.
      deliberation('controle-notes-manquantes', 'Contrôler les notes manquantes', AVANT, "Vérifiez, jury par jury, qu'aucune note de l'épreuve de contrôle ne manque. Possible lorsque la DEC a ouvert l'épreuve de contrôle et que le jury est à l'état 200 : « Visualiser » édite la liste des notes manquantes, ou indique « Pas de notes manquantes. »."),
      deliberation('plan-de-secours', 'Générer le plan de secours', AVANT, "Générez, avant la délibération de l'épreuve de contrôle, le fichier .zip du plan de secours : les procès-verbaux individuels de notes des candidats admis à passer l'épreuve de contrôle et les papillons d'accès aux jurys (à n'utiliser qu'avec l'accord de votre correspondant académique). Le traitement peut durer quelques minutes."),
      deliberation('ouvrir-deliberation', "Ouvrir la délibération de l'épreuve de contrôle", AVANT, "Ouvrez la délibération des jurys à l'état 200, globalement depuis la vue synthétique ou jury par jury dans la vue détaillée."),
      deliberation('pv-deliberation', 'Editer les Procès Verbaux de tenue de délibération', APRES, "Éditez, pour les jurys clos (état 211), le PV de tenue de délibération à faire signer par le président du jury : PV des admis, PV des notes modifiées au cours de la délibération, PV des candidats non admis."),
      deliberation('listes-resultats', 'Editer les listes des résultats', APRES, "Éditez, pour les jurys clos (état 211), la liste d'affichage des admis (à afficher dans le centre) ou la liste des non admis (à ne pas afficher). Les candidats inscrits en liste rouge ou présumés fraudeurs ne figurent jamais sur la liste d'affichage."),
      deliberation('terminer-controle', "Terminer l'épreuve de contrôle", APRES, "Terminez l'épreuve de contrôle des jurys clos (état 211), globalement ou jury par jury. Le gestionnaire DEC reprend ensuite la main pour publier les résultats."),
      deliberation('liste-rouge-fraudeurs', 'Editer la liste des candidats présumés fraudeurs ou inscrits en liste rouge', 'Délibération — Général', "Éditez la liste des candidats inscrits sur liste rouge ou suspectés de fraude : ils sont exclus des listes officielles d'affichage des résultats."),
      { ...platform('traitements', 'Comptes rendus des traitements', 'Outils', 'Consultez les traitements lancés par votre établissement et téléchargez les documents produits.'), fermable: true },
    ],
  },
  'espace-candidat': {
    code: 'espace-candidat',
    application: 'CYCLADES',
    libelle: 'Espace candidat',
    entree: 'candidat',
    roles: ['candidat'],
    sessionUniqueParEtablissement: false,
    activites: [
      // Issue 6 (seed 002): what the candidate's account is for.
      { ...etablissement('recapitulatif', "Mon récapitulatif d'inscription", "Téléchargez le récapitulatif de chacune de vos inscriptions aux examens : vos coordonnées, l'examen, la série ou la spécialité, les épreuves présentées."), groupe: 'Mon dossier' },
      { ...etablissement('resultats', 'Mes résultats', "Consultez vos résultats et vos notes dès que le service des examens de votre académie les a publiés."), groupe: 'Mon dossier' },
    ],
  },
  'portail-jury': {
    code: 'portail-jury',
    application: 'CYCLADES',
    libelle: 'Portail délibération de jury',
    entree: 'jury',
    roles: ['membre_jury'],
    sessionUniqueParEtablissement: false,
    activites: [
      // Issue 8 (seed 000): the juries this session opened, their deliberation, and Cas 2.
      platform('jurys', 'Délibération des jurys', 'Délibération', "Délibérez les jurys pour lesquels vous êtes convoqué(e) : pour chaque candidat, les notes du 1er groupe, les notes de l'épreuve de contrôle et le résultat calculé avec son explication. Modifiez une note en indiquant le motif (il figure au PV des notes modifiées), puis « Clore le jury » quand chaque candidat a un résultat."),
      platform('autre-academie', "Ajouter les jurys d'une autre académie", 'Délibération', "Vous délibérez aussi des jurys d'une autre académie (Cas 2) : identifiez-vous avec une clé OTP de cette académie remise à votre centre, puis avec les identifiants de la convocation IMAG'IN de cette académie."),
    ],
  },
};

export const SERVICE_CODES = Object.keys(SERVICES) as ServiceCode[];

export function estServiceCode(s: string): s is ServiceCode {
  return Object.hasOwn(SERVICES, s);
}

/** A condition an établissement must meet for the centre activities (issue 13): shown and answered when it does not. */
export type ConditionCentre = 'centre_examen' | 'centre_deliberation';

export const RAISON_CONDITION: Record<ConditionCentre, string> = {
  centre_examen:
    "Votre établissement n'est pas centre d'examen : les activités du centre d'examen sont réservées aux établissements désignés comme centres par le service des examens de votre académie.",
  centre_deliberation:
    "Votre établissement n'est pas centre de délibération : les activités de la délibération sont réservées aux établissements désignés comme centres de délibération par le service des examens de votre académie.",
};

/**
 * A condition the intervenant himself must meet (seed 004 « selon vos habilitations »), computed from
 * his convocations, teachings and discipline de poste (src/server/imagin-intervenant/habilitations.ts).
 */
export type ConditionPersonne =
  | 'convoque_deliberation'
  | 'convoque_portail'
  | 'enseignant_eps'
  | 'habilite_sujets'
  | 'habilite_statistiques'
  | 'enseignant_dcs';

export const RAISON_CONDITION_PERSONNE: Record<ConditionPersonne, string> = {
  convoque_deliberation:
    "Cette activité est réservée aux personnes convoquées comme président, vice-président ou responsable de délibération à une mission de délibération de jury.",
  convoque_portail:
    "Cette activité est réservée aux personnes convoquées à une mission qui donne accès à SANTORIN ou à CYCLADES (correction, lecture de dossier, harmonisation, conformité, composition, numérisation, EPS).",
  enseignant_eps:
    "Cette activité est réservée aux enseignants d'éducation physique et sportive qui enseignent en BGT, BCP ou CAP.",
  habilite_sujets:
    "Cette activité est réservée aux inspecteurs généraux et aux personnes habilitées à la gestion des sujets (discipline de poste IMSUJ).",
  habilite_statistiques:
    "Cette activité est réservée aux inspecteurs généraux et aux personnes habilitées aux statistiques nationales de notation (discipline de poste IMSTA).",
  enseignant_dcs:
    "Cette activité est réservée, dans l'IMAG'IN du SIEC, aux enseignants identifiés comme enseignant au DCS (DCG, DSCG).",
};

export function estConditionPersonne(c: ActiviteDef['condition']): c is ConditionPersonne {
  return c !== undefined && Object.hasOwn(RAISON_CONDITION_PERSONNE, c);
}

export function estConditionCentre(c: ActiviteDef['condition']): c is ConditionCentre {
  return c === 'centre_examen' || c === 'centre_deliberation';
}

/** The services, among those a role enters, that have this activity (issue 13: an action belongs to them only). */
export function servicesDeLActivite(code: string, roles: readonly Role[]): ServiceCode[] {
  return SERVICE_CODES.filter((s) => SERVICES[s].roles.some((r) => roles.includes(r)) && SERVICES[s].activites.some((a) => a.code === code));
}

export function servicesPourEntree(entree: ServiceDef['entree']): ServiceDef[] {
  return SERVICE_CODES.map((c) => SERVICES[c]).filter((s) => s.entree === entree);
}
