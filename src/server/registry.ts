// Every route module and every job of the platform. A new context adds its lines here.
import type { AppContext } from './platform/context.ts';
import type { RouteModule } from './platform/http/app.ts';
import type { JobDef } from './platform/jobs/jobs.ts';
import { healthRoutes } from './platform/health.routes.ts';
import { metriquesRoutes } from './platform/metriques.routes.ts';
import { mailJob } from './platform/mail/mail.ts';
import { purgeJob } from './platform/documents/purge.ts';
import { identiteRoutes } from './identite/identite.routes.ts';
import { gestionRoutes } from './gestion/gestion.routes.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { traitementJobs, type DefinitionTraitement } from './platform/traitements/traitements.ts';
import { traitementsRoutes } from './traitements/traitements.routes.ts';
import { guideRoutes } from './guide/guide.routes.ts';
import { imaginEtablissementRoutes } from './imagin-etablissement/imagin-etablissement.routes.ts';
import { competencesSysTraitement } from './imagin-etablissement/competences-sys.ts';
import { imaginGestionRoutes } from './imagin-gestion/imagin-gestion.routes.ts';
import { suggestionsRoutes } from './imagin-gestion/suggestions.routes.ts';
import { consultationMissionsRoutes } from './imagin-centre/consultation-missions.routes.ts';
import { convocationMissionRoutes } from './imagin-centre/convocation-mission.routes.ts';
import { envoiConvocationsTraitement } from './imagin-centre/envoi-convocations.ts';
import { signaturesAccesRoutes } from './imagin-centre/signatures-acces.routes.ts';
import { constatRoutes } from './imagin-constat/constat.routes.ts';
import { iccRoutes } from './imagin-constat/icc.routes.ts';
import { cycladesComptesRoutes } from './cyclades-comptes/comptes.routes.ts';
import { generationComptesTraitement, regenerationMotsDePasseTraitement } from './cyclades-comptes/comptes.traitements.ts';
import { espaceCandidatRoutes } from './espace-candidat/espace-candidat.routes.ts';
import { gestionCandidatsRoutes } from './cyclades-gestion/gestion-candidats.routes.ts';
import { centreDeliberationRoutes } from './cyclades-deliberation/centre.routes.ts';
import { planSecoursTraitement } from './cyclades-deliberation/centre.plan-secours.ts';
import { decDeliberationRoutes } from './cyclades-deliberation/dec.routes.ts';
import { dsiRoutes } from './portail-jury/dsi.routes.ts';
import { portailJuryRoutes } from './portail-jury/portail.routes.ts';
import { portailRoutes } from './imagin-intervenant/portail.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { importTraitement } from './imports/imports.traitement.ts';
import { enqueteDcsRoutes } from './imagin-intervenant/enquete-dcs.routes.ts';
import { missionsIntervenantRoutes } from './imagin-intervenant/missions.routes.ts';
import { informationsPersonnellesRoutes } from './imagin-intervenant/informations.routes.ts';
import { fraisJobs, fraisRouteModules, fraisTraitements } from './imagin-frais/registre.ts';
import { tableauDeBordRoutes } from './tableau-de-bord/routes.ts';

export const routeModules: RouteModule[] = [healthRoutes, metriquesRoutes, identiteRoutes, gestionRoutes, adminRoutes, traitementsRoutes, guideRoutes, imaginEtablissementRoutes,
  imaginGestionRoutes, suggestionsRoutes, consultationMissionsRoutes, convocationMissionRoutes, signaturesAccesRoutes,
  constatRoutes, iccRoutes,
  cycladesComptesRoutes,
  espaceCandidatRoutes, gestionCandidatsRoutes,
  centreDeliberationRoutes,
  decDeliberationRoutes,
  dsiRoutes,
  portailJuryRoutes,
  portailRoutes, importsRoutes,
  enqueteDcsRoutes,
  missionsIntervenantRoutes,
  informationsPersonnellesRoutes,
  ...fraisRouteModules,
  tableauDeBordRoutes,
];

/** Every type of treatment (long work with a compte rendu); a context adds its definitions here. */
export const traitementDefinitions: DefinitionTraitement[] = [competencesSysTraitement, envoiConvocationsTraitement,
  generationComptesTraitement, regenerationMotsDePasseTraitement,
  planSecoursTraitement,
  importTraitement,
  ...fraisTraitements,
];

export function jobDefinitions(ctx: AppContext): JobDef<any>[] {
  return [mailJob(ctx), purgeJob(ctx), ...traitementJobs(ctx, traitementDefinitions), ...fraisJobs(ctx)];
}
