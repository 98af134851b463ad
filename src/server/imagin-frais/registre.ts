// The états de frais (issue 16): their route modules and treatments, added to the platform's registry
// (src/server/registry.ts). Each part of the context adds its line here.
import type { RouteModule } from '../platform/http/app.ts';
import type { DefinitionTraitement } from '../platform/traitements/traitements.ts';
import { liquidationRoutes } from './liquidation.routes.ts';
import { liquidationTraitement } from './liquidation.traitement.ts';

export const fraisRouteModules: RouteModule[] = [
  liquidationRoutes,
];

export const fraisTraitements: DefinitionTraitement[] = [
  liquidationTraitement,
];
