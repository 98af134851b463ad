// The états de frais (issue 16): their route modules and treatments, added to the platform's registry
// (src/server/registry.ts). Each part of the context adds its line here.
import type { AppContext } from '../platform/context.ts';
import type { RouteModule } from '../platform/http/app.ts';
import type { JobDef } from '../platform/jobs/jobs.ts';
import type { DefinitionTraitement } from '../platform/traitements/traitements.ts';
import { etatsFraisIntervenantRoutes } from './intervenant.routes.ts';
import { piecesRoutes } from './pieces.routes.ts';
import { gestionFraisRoutes } from './gestion.routes.ts';
import { validationMasseTraitement } from './gestion.traitement.ts';
import { parametresFraisRoutes } from './parametres.routes.ts';
import { validationRoutes } from './validation.routes.ts';
import { liquidationRoutes } from './liquidation.routes.ts';
import { liquidationTraitement } from './liquidation.traitement.ts';
import { relancesJob } from './relances.ts';

export const fraisRouteModules: RouteModule[] = [
  etatsFraisIntervenantRoutes,
  piecesRoutes,
  gestionFraisRoutes,
  parametresFraisRoutes,
  validationRoutes,
  liquidationRoutes,
];

export const fraisTraitements: DefinitionTraitement[] = [
  validationMasseTraitement,
  liquidationTraitement,
];

/** The scheduled jobs of the états de frais (the nightly reminders); registry.ts adds them to jobDefinitions. */
export function fraisJobs(ctx: AppContext): JobDef<any>[] {
  return [relancesJob(ctx)];
}
