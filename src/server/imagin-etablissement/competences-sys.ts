// The treatment that generates the SYS(C) compétences of an académie from its enseignements and the
// correspondence table épreuves ↔ enseignements (003 §3.3), run after each enseignements import.
// One step (`etape`): a retried treatment does not run it twice, and running it again changes nothing.
import { z } from 'zod';
import { competencesSysAttendues } from '../../domain/imagin/competences.ts';
import type { AppContext } from '../platform/context.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import { definirTraitement } from '../platform/traitements/traitements.ts';
import * as repo from './imagin-etablissement.repo.ts';

export const TRAITEMENT_COMPETENCES_SYS = 'imagin.competences-sys';

/** Computes and writes the académie's SYS(C) marks; used by the treatment and the demo loader. */
export async function genererCompetencesSys(trx: Transaction<DB>, academieCode: string, le: Date) {
  const [enseignements, correspondances] = await Promise.all([repo.enseignementsAcademie(trx, academieCode), repo.correspondances(trx)]);
  const attendues = competencesSysAttendues(
    enseignements.map((e) => ({ personneId: e.personne_id, matiere: e.matiere })),
    correspondances.map((c) => ({ matiere: c.matiere, epreuveOptionId: c.epreuve_option_id })),
  );
  const r = await repo.synchroniserCompetencesSys(trx, academieCode, attendues, le);
  return { ...r, enseignements: enseignements.length, attendues: attendues.size };
}

export const competencesSysTraitement = definirTraitement({
  type: TRAITEMENT_COMPETENCES_SYS,
  parametres: z.object({ academieCode: z.string().regex(/^[0-9A-Z]{2,4}$/, "Code d'académie invalide.") }),
  executer: async (t) => {
    const ctx: AppContext = t.ctx;
    await t.log('info', `Génération des compétences SYS (C) de l'académie ${t.parametres.academieCode} à partir des enseignements et de la table de correspondance.`);
    const r = await t.etape('generation', (trx) => genererCompetencesSys(trx, t.parametres.academieCode, ctx.clock.now()));
    await t.log('info', `${r.enseignements} enseignement(s) lu(s) ; ${r.attendues} compétence(s) SYS (C) justifiée(s).`);
    await t.log('info', `${r.ajoutees} compétence(s) SYS (C) ajoutée(s), ${r.retirees} retirée(s) ; ${r.supprimees} compétence(s) sans autre auteur supprimée(s).`);
    await t.progression(1, 1);
  },
});
