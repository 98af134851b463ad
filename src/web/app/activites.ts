// The page of each activity, keyed by (service, activity code). The activity itself (label, group,
// help, opening) is declared in src/domain/services.ts; a later issue adds its page with one line here.
import type { QueryClient } from '@tanstack/react-query';
import { createElement, use, type ComponentType } from 'react';
import type { ServiceCode } from '../../domain/services.ts';
import { LECTURES, lecture, type Lecture } from './requetes.ts';

type Module = { default: ComponentType };
type PromesseSuivie = Promise<Module> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: Module; reason?: unknown };

type Page = ComponentType & { precharger: () => Promise<Module>; lectures: readonly Lecture[] };

/**
 * A page loaded on demand. Unlike React.lazy, a page whose module already arrived (preloaded at
 * start-up) renders at once, without showing « Chargement… » nor waiting for React's reveal delay:
 * `use` reads a promise that says it is fulfilled synchronously. `lectures`: the reads its list
 * starts with, asked for at start-up when the visit begins on this page (prechargerPageDuChemin).
 */
function page(charger: () => Promise<Module>, lectures: readonly Lecture[] = []): Page {
  let promesse: PromesseSuivie | null = null;
  const precharger = (): PromesseSuivie => {
    if (promesse) return promesse;
    const p: PromesseSuivie = charger();
    p.status = 'pending';
    p.then(
      (m) => {
        p.status = 'fulfilled';
        p.value = m;
      },
      (e: unknown) => {
        p.status = 'rejected';
        p.reason = e;
        // A lost connection: the next visit of the page tries again.
        promesse = null;
      },
    );
    return (promesse = p);
  };
  function PageActivite() {
    const m = use(precharger() as Promise<Module>);
    return createElement(m.default);
  }
  return Object.assign(PageActivite, { precharger, lectures });
}

const traitements = page(() => import('../pages/commun/traitements.tsx'), [LECTURES.traitements]);
const journal = page(() => import('../pages/commun/journal.tsx'), [LECTURES.journal]);
/** « Gestion des épreuves EPS », « Gestion des sujets », « Statistiques nationales de notation »: one page. */
const portailApplication = page(() => import('../pages/imagin-intervenant/portail-application.tsx'));

export const PAGES_ACTIVITES: Partial<Record<ServiceCode, Record<string, Page>>> = {
  'imagin-etablissement': {
    traitements,
    'consultation-personnels': page(() => import('../pages/imagin-etablissement/consultation-personnels.tsx')),
    'saisie-indisponibilite': page(() => import('../pages/imagin-etablissement/saisie-indisponibilite.tsx')),
    'saisie-competences': page(() => import('../pages/imagin-etablissement/saisie-competences.tsx')),
    'validation-competences': page(() => import('../pages/imagin-etablissement/validation-competences.tsx')),
    'signature-centre': page(() => import('../pages/imagin-etablissement/signature-centre.tsx')),
    'signature-etablissement': page(() => import('../pages/imagin-etablissement/signature-etablissement.tsx')),
    'acces-autres-academies': page(() => import('../pages/imagin-etablissement/acces-autres-academies.tsx')),
    'consultation-missions': page(() => import('../pages/imagin-etablissement/consultation-missions.tsx')),
    'convocation-mission': page(() => import('../pages/imagin-etablissement/convocation-mission.tsx')),
    'constat-service-fait': page(() => import('../pages/imagin-etablissement/constat-service-fait.tsx')),
    'indemnites-chef-centre': page(() => import('../pages/imagin-etablissement/indemnites-chef-centre.tsx')),
  },
  'cyclades-etablissement': {
    traitements,
    'comptes-eleves': page(() => import('../pages/cyclades-etablissement/comptes-eleves.tsx'), [LECTURES.cycladesEtatComptes]),
    'regeneration-mot-de-passe': page(() => import('../pages/cyclades-etablissement/regeneration-mot-de-passe.tsx'), [LECTURES.cycladesEtatComptes]),
    'liste-detaillee-eleves': page(() => import('../pages/cyclades-etablissement/liste-detaillee-eleves.tsx'), [LECTURES.cycladesEtatComptes]),
    'controle-notes-manquantes': page(() => import('../pages/cyclades-etablissement/deliberation-notes-manquantes.tsx'), [LECTURES.deliberationJurys, LECTURES.deliberationEtapes]),
    'plan-de-secours': page(() => import('../pages/cyclades-etablissement/deliberation-plan-de-secours.tsx'), [LECTURES.deliberationEtapes]),
    'ouvrir-deliberation': page(() => import('../pages/cyclades-etablissement/deliberation-ouvrir.tsx'), [LECTURES.deliberationEtapes]),
    'pv-deliberation': page(() => import('../pages/cyclades-etablissement/deliberation-pv.tsx'), [LECTURES.deliberationJurys, LECTURES.deliberationEtapes]),
    'listes-resultats': page(() => import('../pages/cyclades-etablissement/deliberation-listes-resultats.tsx'), [LECTURES.deliberationJurys, LECTURES.deliberationEtapes]),
    'liste-rouge-fraudeurs': page(() => import('../pages/cyclades-etablissement/deliberation-liste-rouge.tsx'), [LECTURES.deliberationEtapes]),
    'terminer-controle': page(() => import('../pages/cyclades-etablissement/deliberation-terminer.tsx'), [LECTURES.deliberationEtapes]),
  },
  'imagin-gestion': {
    'ouverture-activites': page(() => import('../pages/imagin-gestion/ouverture-activites.tsx'), [LECTURES.activites]),
    'tableau-de-bord': page(() => import('../pages/imagin-gestion/tableau-de-bord.tsx')),
    comptes: page(() => import('../pages/imagin-gestion/comptes.tsx'), [LECTURES.comptes]),
    'validation-competences': page(() => import('../pages/imagin-gestion/validation-competences.tsx'), [LECTURES.validationCompetences]),
    missions: page(() => import('../pages/imagin-gestion/missions.tsx'), [LECTURES.missionsGestion]),
    qualites: page(() => import('../pages/imagin-gestion/qualites.tsx'), [LECTURES.qualites]),
    intervenants: page(() => import('../pages/imagin-gestion/intervenants.tsx'), [LECTURES.intervenants]),
    'constat-service-fait': page(() => import('../pages/imagin-gestion/constat-service-fait.tsx')),
    'indemnites-chefs-centre': page(() => import('../pages/imagin-gestion/indemnites-chefs-centre.tsx')),
    'gestion-candidats': page(() => import('../pages/imagin-gestion/gestion-candidats.tsx'), [LECTURES.gestionCandidats]),
    'jurys-deliberation': page(() => import('../pages/imagin-gestion/jurys-deliberation.tsx')),
    'notes-controle': page(() => import('../pages/imagin-gestion/notes-controle.tsx')),
    'publication-resultats': page(() => import('../pages/imagin-gestion/publication-resultats.tsx')),
    'enquete-dcs': page(() => import('../pages/imagin-gestion/enquete-dcs.tsx')),
    imports: page(() => import('../pages/imagin-gestion/imports.tsx')),
    'traitement-etats-frais': page(() => import('../pages/imagin-gestion/traitement-etats-frais.tsx')),
    'parametres-frais': page(() => import('../pages/imagin-gestion/parametres-frais.tsx')),
    'liquidation-frais': page(() => import('../pages/imagin-gestion/liquidation-frais.tsx')),
    traitements,
    journal,
  },
  'espace-candidat': {
    recapitulatif: page(() => import('../pages/espace-candidat/recapitulatif.tsx'), [LECTURES.dossierCandidat]),
    resultats: page(() => import('../pages/espace-candidat/resultats.tsx'), [LECTURES.resultatsCandidat]),
  },
  'imagin-admin': {
    'message-accueil': page(() => import('../pages/imagin-admin/message-accueil.tsx'), [LECTURES.messagesAccueil]),
    'boite-envoi': page(() => import('../pages/imagin-admin/boite-envoi.tsx'), [LECTURES.boiteEnvoi]),
    'applications-externes': page(() => import('../pages/imagin-admin/applications-externes.tsx')),
    journal,
  },
  dsi: {
    'cles-otp': page(() => import('../pages/dsi/cles-otp.tsx')),
    'controle-jurys': page(() => import('../pages/dsi/controle-jurys.tsx')),
    'portail-secours': page(() => import('../pages/dsi/portail-secours.tsx')),
    journal,
  },
  'imagin-intervenant': {
    'etats-frais': page(() => import('../pages/imagin-intervenant/etats-frais.tsx')),
    'portail-deliberation-jury': page(() => import('../pages/imagin-intervenant/portail-deliberation-jury.tsx')),
    'enquete-dcs': page(() => import('../pages/imagin-intervenant/enquete-dcs.tsx')),
    'informations-personnelles': page(() => import('../pages/imagin-intervenant/informations-personnelles.tsx')),
    'consultation-missions': page(() => import('../pages/imagin-intervenant/consultation-missions.tsx')),
    'portail-acces-missions': page(() => import('../pages/imagin-intervenant/portail-acces-missions.tsx')),
    'gestion-epreuves-eps': portailApplication,
    'gestion-sujets': portailApplication,
    'statistiques-notation': portailApplication,
  },
  'portail-jury': {
    jurys: page(() => import('../pages/portail-jury/jurys.tsx')),
    'autre-academie': page(() => import('../pages/portail-jury/autre-academie.tsx')),
  },
};

export function pageActivite(service: ServiceCode, code: string): Page | undefined {
  return PAGES_ACTIVITES[service]?.[code];
}

/**
 * At start-up, the page of the address being opened starts loading while the session is checked,
 * and so does its list (the API checks the session cookie itself).
 */
export function prechargerPageDuChemin(chemin: string, client: QueryClient): { module: Promise<unknown>; donnees: Promise<unknown> } | null {
  const [service, code, detail] = chemin.split('/').filter(Boolean);
  if (!service || !code) return null;
  const p = (PAGES_ACTIVITES as Record<string, Record<string, Page> | undefined>)[service]?.[decodeURIComponent(code)];
  if (!p) return null;
  const module = p.precharger().catch(() => undefined);
  const donnees = detail ? Promise.resolve() : Promise.all(p.lectures.map((l) => client.prefetchQuery(lecture(l))));
  return { module, donnees };
}
