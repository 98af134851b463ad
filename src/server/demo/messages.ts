// Welcome messages (message_accueil) of the demo académies, one per service, as a DEC would write them.
import { SERVICE_CODES, type ServiceCode } from '../../domain/services.ts';
import { ANNEE_SESSION } from './donnees.ts';

const MESSAGES: Record<ServiceCode, (academie: string) => string> = {
  'imagin-etablissement': (a) =>
    `Bienvenue sur IMAG'IN, académie de ${a}. Les convocations de la session ${ANNEE_SESSION} sont en cours d'édition : ` +
    `vérifiez les indisponibilités de vos personnels avant le 15 mai. Pour toute question, contactez la DEC.`,
  'imagin-intervenant': (a) =>
    `Bienvenue sur le service intervenants de l'académie de ${a}. Consultez vos missions et le duplicata de vos convocations, ` +
    `et tenez à jour vos informations personnelles. Si votre dossier financier n'est pas actif, envoyez votre RIB au service de gestion.`,
  'imagin-gestion': (a) =>
    `Gestionnaires DEC de ${a} : la campagne de convocation de la session ${ANNEE_SESSION} est ouverte. ` +
    `Ouvrez le constat de service fait aux centres après la dernière épreuve de chaque examen.`,
  'imagin-admin': (a) =>
    `Administration IMAG'IN de l'académie de ${a}. Relisez les messages d'accueil avant chaque ouverture de campagne.`,
  dsi: (a) =>
    `DSI de l'académie de ${a} : le journal d'audit conserve les connexions et les modifications. ` +
    `Signalez toute anomalie au RSSI académique.`,
  'cyclades-etablissement': (a) =>
    `Portail établissement CYCLADES, académie de ${a}. Session ${ANNEE_SESSION} : générez les comptes candidats de vos élèves ` +
    `inscrits et remettez-leur leur papillon de connexion.`,
  // No year here: the home page names the session of each candidate's own candidatures (a pupil of 3e
  // sits the DNB of next June, a former pupil reads last year's results).
  'espace-candidat': (a) =>
    `Bienvenue dans votre espace candidat (académie de ${a}). Vos convocations et vos relevés de notes ` +
    `y seront publiés pour la session de votre inscription.`,
  'portail-jury': (a) =>
    `Portail délibération de jury, académie de ${a}. Connectez-vous avec la clé OTP remise au centre de délibération.`,
};

export function messagesAccueil(academieCode: string, libelle: string): Array<{ academie_code: string; service: ServiceCode; texte: string }> {
  return SERVICE_CODES.map((service) => ({ academie_code: academieCode, service, texte: MESSAGES[service](libelle) }));
}
