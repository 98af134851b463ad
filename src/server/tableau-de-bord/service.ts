// The gestionnaire's « Tableau de bord » (issue 17, decision 0037): for one session of his académie,
// four panels (convocations per mission against need, constat de service fait per centre, états de frais
// per status with amounts, CYCLADES jurys per centre and état), each as rows, and the CSV of each.
// Scope: the académie only; a session the académie does not work on is « introuvable » (404).
import type { Readable } from 'node:stream';
import { ETATS_JURY, LIBELLE_ETAT_JURY, type EtatJury } from '../../domain/cyclades/jury.ts';
import { LIBELLE_STATUT, type StatutAffiche } from '../../domain/imagin/frais/types.ts';
import type { AppContext } from '../platform/context.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import type { Colonne } from '../platform/documents/tableau.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import * as repo from './repo.ts';
import type { Panneau } from './schemas.ts';
import type { LigneConvocationsTdb, LigneCsfTdb, LigneFraisTdb, LigneJurysTdb, TableauDeBord } from '../../domain/imagin/tableau-de-bord.ts';

/** The statuses in the order of the pipeline (seed 004 §2.4.2). */
export const ORDRE_STATUTS: readonly StatutAffiche[] = [
  'mission_non_effectuee',
  'mission_en_cours',
  'non_valide',
  'invalidable',
  'valide',
  'a_traiter_gestionnaire',
  'valide_gestionnaire',
  'traite_gestionnaire',
  'pas_de_frais',
  'annule',
];

const SANS_CENTRE = 'Sans centre';

export async function listerSessions(ctx: AppContext, actor: Actor) {
  return { sessions: await repo.sessionsAcademie(ctx.db, actor.academieCode) };
}

export async function tableauDeBord(ctx: AppContext, actor: Actor, sessionId: number, now = new Date()): Promise<TableauDeBord> {
  const a = actor.academieCode;
  const session = await repo.sessionDeLAcademie(ctx.db, a, sessionId);
  if (!session) throw introuvable("Cette session d'examen n'existe pas ou ne concerne pas votre académie.");
  const [conv, csf, frais, jurys] = await Promise.all([
    repo.convocationsParMission(ctx.db, a, sessionId),
    repo.csfParCentre(ctx.db, a, sessionId),
    repo.fraisParStatut(ctx.db, a, sessionId),
    repo.jurysParCentre(ctx.db, a, sessionId),
  ]);
  const parStatut = new Map(frais.map((f) => [f.statut, f]));
  const parCentre = new Map<string, LigneJurysTdb>();
  for (const j of jurys) {
    const l = parCentre.get(j.centre) ?? { centre: j.centre, parEtat: Object.fromEntries(ETATS_JURY.map((e) => [String(e), 0])), total: 0 };
    l.parEtat[String(j.etat)] = (l.parEtat[String(j.etat)] ?? 0) + j.nombre;
    l.total += j.nombre;
    parCentre.set(j.centre, l);
  }
  return {
    session,
    genereLe: now.toISOString(),
    convocations: conv.map((c) => ({
      missionId: c.mission_id,
      numero: c.numero,
      mission: `${c.numero} – ${c.type_libelle}${c.epreuve ? ` – ${c.epreuve}` : ''}`,
      centre: c.centre,
      besoin: c.besoin,
      affectees: c.affectees,
      convoquees: c.convoquees,
      manquantes: c.besoin === null ? 0 : Math.max(0, c.besoin - c.convoquees),
    })),
    csf: csf.map((c) => ({
      centre: c.centre ?? SANS_CENTRE,
      convoquees: c.convoquees,
      constatees: c.constatees,
      serviceFait: c.service_fait,
      serviceNonFait: c.service_non_fait,
      pourcentage: c.convoquees === 0 ? 0 : Math.floor((100 * c.constatees) / c.convoquees),
    })),
    frais: ORDRE_STATUTS.map((s) => {
      const f = parStatut.get(s);
      const r = f?.remuneration_centimes ?? 0;
      const d = f?.deplacement_centimes ?? 0;
      return { statut: s, libelle: LIBELLE_STATUT[s], nombre: f?.nombre ?? 0, remunerationCentimes: r, deplacementCentimes: d, totalCentimes: r + d };
    }),
    etatsJury: ETATS_JURY.map((e) => ({ etat: e, libelle: LIBELLE_ETAT_JURY[e] })),
    jurys: [...parCentre.values()],
  };
}

const euros = (centimes: number) => centimes / 100;

/** The CSV of one panel (platform CSV: UTF-8 with BOM, `;`), the same rows as the page's table. */
export async function exporterPanneau(
  ctx: AppContext,
  actor: Actor,
  sessionId: number,
  panneau: Panneau,
): Promise<{ flux: Readable; fichier: string; typeMime: string }> {
  const t = await tableauDeBord(ctx, actor, sessionId);
  const fichier = `tableau-de-bord-${panneau}-${t.session.examen_code}-${t.session.code}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
  const flux = (() => {
    switch (panneau) {
      case 'convocations': {
        const c: Colonne<LigneConvocationsTdb>[] = [
          { libelle: 'Mission', valeur: (l) => l.mission },
          { libelle: 'Centre', valeur: (l) => l.centre ?? '' },
          { libelle: 'Besoin', valeur: (l) => l.besoin },
          { libelle: 'Convoquées', valeur: (l) => l.convoquees },
          { libelle: 'Affectées (non convoquées)', valeur: (l) => l.affectees },
          { libelle: 'Manquantes', valeur: (l) => l.manquantes },
        ];
        return genererCsv(c, t.convocations);
      }
      case 'csf': {
        const c: Colonne<LigneCsfTdb>[] = [
          { libelle: 'Centre', valeur: (l) => l.centre },
          { libelle: 'Convocations', valeur: (l) => l.convoquees },
          { libelle: 'Constats saisis', valeur: (l) => l.constatees },
          { libelle: 'Service fait', valeur: (l) => l.serviceFait },
          { libelle: 'Service non fait', valeur: (l) => l.serviceNonFait },
          { libelle: 'Avancement (%)', valeur: (l) => l.pourcentage },
        ];
        return genererCsv(c, t.csf);
      }
      case 'frais': {
        const c: Colonne<LigneFraisTdb>[] = [
          { libelle: 'Statut', valeur: (l) => l.libelle },
          { libelle: 'Nombre', valeur: (l) => l.nombre },
          { libelle: 'Rémunération (€)', valeur: (l) => euros(l.remunerationCentimes) },
          { libelle: 'Déplacement (€)', valeur: (l) => euros(l.deplacementCentimes) },
          { libelle: 'Total (€)', valeur: (l) => euros(l.totalCentimes) },
        ];
        return genererCsv(c, t.frais);
      }
      case 'jurys': {
        const c: Colonne<LigneJurysTdb>[] = [
          { libelle: 'Centre de délibération', valeur: (l) => l.centre },
          ...t.etatsJury.map((e): Colonne<LigneJurysTdb> => ({ libelle: `${e.etat} - ${e.libelle}`, valeur: (l) => l.parEtat[String(e.etat)] ?? 0 })),
          { libelle: 'Total', valeur: (l) => l.total },
        ];
        return genererCsv(c, t.jurys);
      }
    }
  })();
  return { flux, fichier, typeMime: TYPE_CSV };
}
