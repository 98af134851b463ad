// What a page knows about where it runs: the service, the activity, its label and help text, and the
// base path of the activity (details are sub-paths of it).
import { createContext, useContext } from 'react';
import type { ServiceCode } from '../../domain/services.ts';

export interface ContexteActivite {
  service: ServiceCode;
  code: string;
  libelle: string;
  aide: string;
  /** "/imagin-admin/boite-envoi" */
  base: string;
}

export const ActiviteContext = createContext<ContexteActivite | null>(null);

export function useActivite(): ContexteActivite {
  const a = useContext(ActiviteContext);
  if (!a) throw new Error('useActivite doit être appelé dans une page d’activité.');
  return a;
}

export function useActiviteOptionnelle(): ContexteActivite | null {
  return useContext(ActiviteContext);
}
