// Every route module and every job of the platform. A new context adds its lines here.
import type { AppContext } from './platform/context.ts';
import type { RouteModule } from './platform/http/app.ts';
import type { JobDef } from './platform/jobs/jobs.ts';
import { healthRoutes } from './platform/health.routes.ts';
import { mailJob } from './platform/mail/mail.ts';
import { identiteRoutes } from './identite/identite.routes.ts';
import { gestionRoutes } from './gestion/gestion.routes.ts';
import { adminRoutes } from './admin/admin.routes.ts';

export const routeModules: RouteModule[] = [healthRoutes, identiteRoutes, gestionRoutes, adminRoutes];

export function jobDefinitions(ctx: AppContext): JobDef<any>[] {
  return [mailJob(ctx)];
}
