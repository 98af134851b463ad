// The mass validation of the états de frais (gestionnaire, decision 0032): the états « Validé » under the
// filters the gestionnaire chose move to « Validé par gestionnaire », by batches of 200, each in one
// step (a retried treatment does not redo a batch). Each état is checked again when its batch runs;
// refused with its reason: no longer « Validé » (changed since the launch), service non fait, or its
// figure differs from the centre's constat (to examine one by one). The compte rendu counts them,
// lists every refused one and gives them in a CSV.
import { z } from 'zod';
import { audit } from '../platform/audit.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import { definirTraitement } from '../platform/traitements/traitements.ts';
import { LIBELLE_STATUT, type EtatWorkflow } from '../../domain/imagin/frais/types.ts';
import * as repo from './gestion.repo.ts';

export const TRAITEMENT_VALIDATION_MASSE = 'etats-frais.validation-masse';
const TAILLE_LOT = 200;

const parametres = z.object({
  academieCode: z.string().regex(/^[0-9A-Z]{2,4}$/, "Code d'académie invalide."),
  filtres: z.object({
    examen: z.string().optional(),
    session: z.number().int().optional(),
    type: z.string().optional(),
    centre: z.number().int().optional(),
    statut: z.literal('valide'),
    du: z.string().optional(),
    au: z.string().optional(),
    pieces: z.boolean().optional(),
    ecart: z.boolean().optional(),
    recherche: z.string().optional(),
  }),
  compteId: z.number().int(),
  acteur: z.string(),
});

interface Refus {
  id: number;
  numeroOrdre: number | null;
  intervenant: string;
  mission: number;
  motif: string;
}

export const validationMasseTraitement = definirTraitement({
  type: TRAITEMENT_VALIDATION_MASSE,
  parametres,
  executer: async (t) => {
    const { academieCode, filtres, compteId, acteur } = t.parametres;
    const ids = await t.etape('selection', (trx) => repo.idsFiltres(trx, academieCode, filtres));
    await t.log('info', `${ids.length} état(s) de frais « Validé » correspondent aux filtres.`);
    let valides = 0;
    const refus: Refus[] = [];
    for (let i = 0; i < ids.length; i += TAILLE_LOT) {
      const lot = ids.slice(i, i + TAILLE_LOT);
      const r = await t.etape(`lot-${i / TAILLE_LOT}`, async (trx) => {
        const le = t.ctx.clock.now();
        const etats = await repo.etatsPourValidation(trx, academieCode, lot);
        const ok: number[] = [];
        const non: Refus[] = [];
        const vus = new Set(etats.map((e) => e.id));
        for (const id of lot) if (!vus.has(id)) non.push({ id, numeroOrdre: null, intervenant: '', mission: 0, motif: "L'état de frais n'existe plus." });
        for (const e of etats) {
          const qui = { id: e.id, numeroOrdre: e.numero_ordre, intervenant: `${e.nom} ${e.prenom}`, mission: e.mission_numero };
          if (e.statut !== 'valide') non.push({ ...qui, motif: `Il n'est plus « Validé » (statut actuel : ${LIBELLE_STATUT[e.statut as EtatWorkflow] ?? e.statut}).` });
          else if (e.service_fait === 'non_fait') non.push({ ...qui, motif: 'Le centre a constaté le service non fait.' });
          else if (e.ecart) non.push({ ...qui, motif: 'Le chiffre saisi diffère du constat de service fait : examinez-le et corrigez-le un par un.' });
          else ok.push(e.id);
        }
        await repo.validerEnMasse(trx, ok, compteId, le);
        await audit(trx, { academieCode, compteId, acteur }, { action: 'etats-frais.validation-masse', entite: 'etat_frais', entiteId: null, apres: { traitement: t.id, valides: ok, refuses: non.map((x) => x.id) } });
        return { valides: ok.length, refus: non };
      });
      valides += r.valides;
      refus.push(...r.refus);
      await t.progression(Math.min(i + TAILLE_LOT, ids.length), ids.length);
    }
    for (const x of refus.slice(0, 500)) {
      await t.log('avertissement', `Refusé — ${x.numeroOrdre ? `état n° ${x.numeroOrdre}, ` : ''}mission n° ${x.mission}${x.intervenant ? `, ${x.intervenant}` : ''} : ${x.motif}`);
    }
    if (refus.length > 500) await t.log('avertissement', `… ${refus.length - 500} autre(s) état(s) refusé(s) : voir le document « États refusés ».`);
    if (refus.length) {
      await t.document(
        'États refusés',
        TYPE_CSV,
        genererCsv(
          [
            { libelle: "Numéro d'ordre", valeur: (x: Refus) => x.numeroOrdre ?? '' },
            { libelle: 'Mission', valeur: (x: Refus) => x.mission },
            { libelle: 'Intervenant', valeur: (x: Refus) => x.intervenant },
            { libelle: 'Motif', valeur: (x: Refus) => x.motif },
          ],
          refus,
        ),
      );
    }
    await t.log(refus.length ? 'avertissement' : 'info', `Bilan : ${valides} état(s) validé(s) par le gestionnaire, ${refus.length} refusé(s), sur ${ids.length}.`);
    await t.progression(ids.length, ids.length);
  },
});
