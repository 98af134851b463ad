// IMAG'IN service établissement (issue 4, seed 003 §3): consultation des personnels, saisie
// d'indisponibilité, saisie et validation des compétences; and the gestionnaire's follow-up of the
// validations. Thin routes: policy action → schema → service.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { envoyerFichier } from '../platform/http/telechargement.ts';
import {
  ajouterCompetence,
  enseignementsCompetences,
  epreuvesProposees,
  examensProposes,
  ficheCompetences,
  invaliderCompetence,
  listerPersonnelsCompetences,
  lireValidation,
  reconnaitreCompetence,
  rouvrirCompetences,
  specialitesProposees,
  suiviValidations,
  validerCompetences,
} from './competences.service.ts';
import { exporter } from './exports.ts';
import {
  ajoutCompetenceBody,
  competenceParams,
  convocationParams,
  epreuvesQuery,
  etablissementParams,
  exportBody,
  indisponibiliteBody,
  indisponibiliteParams,
  personneParams,
  personnelsQuery,
  specialitesQuery,
  suiviValidationQuery,
  validationBody,
} from './imagin-etablissement.schemas.ts';
import { ajouterIndisponibilite, ficheIndisponibilites, listerPersonnelsIndisponibilites, supprimerIndisponibilite } from './indisponibilites.service.ts';
import {
  affectationsConvoquees,
  anneesMissions,
  duplicataConvocation,
  enseignementsConsultation,
  fichePersonnel,
  indisponibilitesConsultation,
  listerPersonnels,
  recapitulatifConvocation,
} from './personnels.service.ts';

const trace = (r: FastifyRequest) => ({ ip: r.ip, requestId: String(r.id) });

export function imaginEtablissementRoutes(app: App, ctx: AppContext) {
  const tags = ['imagin-etablissement'];
  const C = '/api/etablissement/consultation';

  // --- Consultation des personnels (003 §3.1) ---------------------------------------------------
  app.get(`${C}/personnels`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: 'Personnels de l’établissement, filtrés par disponibilité ou convocation sur une période', querystring: personnelsQuery } }, async (request) =>
    listerPersonnels(ctx, request.actor!, request.query.filtre),
  );
  app.get(`${C}/annees-missions`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: 'Années où les personnels ont des missions (fenêtre des téléchargements)' } }, async (request) =>
    anneesMissions(ctx, request.actor!),
  );
  app.post(`${C}/exports`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: 'Télécharger les personnels (et leurs enseignements ou leurs missions) en CSV ou PDF', body: exportBody } }, async (request, reply) =>
    envoyerFichier(reply, await exporter(ctx, request.actor!, request.body)),
  );
  app.get(`${C}/personnels/:id`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: "En-tête de l'agent", params: personneParams } }, async (request) =>
    fichePersonnel(ctx, request.actor!, request.params.id),
  );
  app.get(`${C}/personnels/:id/affectations`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: 'Onglet « Affectations convoquées »', params: personneParams } }, async (request) =>
    affectationsConvoquees(ctx, request.actor!, request.params.id),
  );
  app.get(`${C}/personnels/:id/affectations/:convocationId/duplicata`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: 'Duplicata de la convocation (PDF)', params: convocationParams } }, async (request, reply) =>
    envoyerFichier(reply, await duplicataConvocation(ctx, request.actor!, request.params.id, request.params.convocationId, trace(request))),
  );
  app.get(`${C}/personnels/:id/indisponibilites`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: 'Onglet « Indisponibilités »', params: personneParams } }, async (request) =>
    indisponibilitesConsultation(ctx, request.actor!, request.params.id),
  );
  app.get(`${C}/personnels/:id/indisponibilites/:indisponibiliteId/convocation`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: "Récapitulatif de la convocation d'une autre académie", params: indisponibiliteParams } }, async (request) =>
    recapitulatifConvocation(ctx, request.actor!, request.params.id, request.params.indisponibiliteId),
  );
  app.get(`${C}/personnels/:id/enseignements`, { config: { action: 'personnels.consulter' }, schema: { tags, summary: 'Onglet « Enseignements » (STS-WEB, non modifiable)', params: personneParams } }, async (request) =>
    enseignementsConsultation(ctx, request.actor!, request.params.id),
  );

  // --- Saisie d'indisponibilité (003 §3.2) -----------------------------------------------------
  const I = '/api/etablissement/indisponibilites/personnels';
  app.get(I, { config: { action: 'indisponibilites.consulter' }, schema: { tags, summary: 'Personnels (nom, prénom, date de naissance, discipline de poste)' } }, async (request) =>
    listerPersonnelsIndisponibilites(ctx, request.actor!),
  );
  app.get(`${I}/:id`, { config: { action: 'indisponibilites.consulter' }, schema: { tags, summary: "Indisponibilités d'un personnel, la plus récente d'abord", params: personneParams } }, async (request) =>
    ficheIndisponibilites(ctx, request.actor!, request.params.id),
  );
  app.get(`${I}/:id/indisponibilites/:indisponibiliteId/convocation`, { config: { action: 'indisponibilites.consulter' }, schema: { tags, summary: "Récapitulatif de la convocation d'une autre académie", params: indisponibiliteParams } }, async (request) =>
    recapitulatifConvocation(ctx, request.actor!, request.params.id, request.params.indisponibiliteId),
  );
  app.post(`${I}/:id`, { config: { action: 'indisponibilites.gerer' }, schema: { tags, summary: 'Ajouter une indisponibilité', params: personneParams, body: indisponibiliteBody } }, async (request) =>
    ajouterIndisponibilite(ctx, request.actor!, request.params.id, request.body, trace(request)),
  );
  app.delete(`${I}/:id/:indisponibiliteId`, { config: { action: 'indisponibilites.gerer' }, schema: { tags, summary: 'Supprimer une indisponibilité déclarée par l’établissement', params: indisponibiliteParams } }, async (request) =>
    supprimerIndisponibilite(ctx, request.actor!, request.params.id, request.params.indisponibiliteId, trace(request)),
  );

  // --- Saisie des compétences (003 §3.3) -------------------------------------------------------
  const K = '/api/etablissement/competences';
  app.get(`${K}/personnels`, { config: { action: 'competences.consulter' }, schema: { tags, summary: 'Personnels et « Compétences définies »' } }, async (request) =>
    listerPersonnelsCompetences(ctx, request.actor!),
  );
  app.get(`${K}/examens`, { config: { action: 'competences.consulter' }, schema: { tags, summary: "Examens proposés selon la catégorie de l'établissement" } }, async (request) =>
    examensProposes(ctx, request.actor!),
  );
  app.get(`${K}/specialites`, { config: { action: 'competences.consulter' }, schema: { tags, summary: "Spécialités d'un examen (propositions)", querystring: specialitesQuery } }, async (request) =>
    specialitesProposees(ctx, request.actor!, request.query.examen, request.query.q),
  );
  app.get(`${K}/epreuves`, { config: { action: 'competences.consulter' }, schema: { tags, summary: "Épreuves options d'une spécialité (propositions)", querystring: epreuvesQuery } }, async (request) =>
    epreuvesProposees(ctx, request.actor!, request.query.specialiteId, request.query.q),
  );
  app.get(`${K}/personnels/:id`, { config: { action: 'competences.consulter' }, schema: { tags, summary: 'Onglet « Liste des compétences »', params: personneParams } }, async (request) =>
    ficheCompetences(ctx, request.actor!, request.params.id),
  );
  app.get(`${K}/personnels/:id/enseignements`, { config: { action: 'competences.consulter' }, schema: { tags, summary: 'Onglet « Liste des enseignements »', params: personneParams } }, async (request) =>
    enseignementsCompetences(ctx, request.actor!, request.params.id),
  );
  app.post(`${K}/personnels/:id`, { config: { action: 'competences.gerer' }, schema: { tags, summary: 'Ajouter une compétence', params: personneParams, body: ajoutCompetenceBody } }, async (request) =>
    ajouterCompetence(ctx, request.actor!, request.params.id, request.body.epreuveOptionId, trace(request)),
  );
  app.post(`${K}/personnels/:id/:competenceId/reconnaissance`, { config: { action: 'competences.gerer' }, schema: { tags, summary: '« + » : reconnaître la compétence', params: competenceParams } }, async (request) =>
    reconnaitreCompetence(ctx, request.actor!, request.params.id, request.params.competenceId, trace(request)),
  );
  app.post(`${K}/personnels/:id/:competenceId/invalidation`, { config: { action: 'competences.gerer' }, schema: { tags, summary: '« × » : invalider la compétence', params: competenceParams } }, async (request) =>
    invaliderCompetence(ctx, request.actor!, request.params.id, request.params.competenceId, trace(request)),
  );

  // --- Validation saisie compétence (003 §3.4) --------------------------------------------------
  app.get('/api/etablissement/validation-competences', { config: { action: 'competences.valider' }, schema: { tags, summary: 'État de la validation des compétences' } }, async (request) =>
    lireValidation(ctx, request.actor!),
  );
  app.post('/api/etablissement/validation-competences', { config: { action: 'competences.valider' }, schema: { tags, summary: 'Valider la saisie des compétences', body: validationBody } }, async (request) =>
    validerCompetences(ctx, request.actor!, trace(request)),
  );

  // --- Gestionnaire: follow-up and reopening ----------------------------------------------------
  app.get('/api/gestion/validation-competences', { config: { action: 'competences.suivre-validation' }, schema: { tags: ['gestion'], summary: 'Établissements et validation de leurs compétences', querystring: suiviValidationQuery } }, async (request) =>
    suiviValidations(ctx, request.actor!, request.query.anneeScolaire),
  );
  app.post('/api/gestion/validation-competences/:etablissementId/reouverture', { config: { action: 'competences.rouvrir' }, schema: { tags: ['gestion'], summary: 'Rouvrir la saisie des compétences d’un établissement', params: etablissementParams } }, async (request) =>
    rouvrirCompetences(ctx, request.actor!, request.params.etablissementId, trace(request)),
  );
}
