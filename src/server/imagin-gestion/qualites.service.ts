// The académie's list of qualités offered when convoking (Président de jury, Correcteur,
// Interrogateur…): libellé unique in the académie, SANTORIN (offered alone on dematerialised
// correction), délibération (opens the Jury portal: présidents, vice-présidents), active, order. A
// qualité used by a convocation is deactivated, never deleted.
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { champInvalide, conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { academieGeree, contexteAudit, estViolationUnicite, type Trace } from './commun.ts';
import type { QualiteSaisie } from './imagin-gestion.schemas.ts';

const INTROUVABLE = "Cette qualité n'existe pas (ou plus) dans votre académie.";

export async function listerQualites(ctx: AppContext, actor: Actor) {
  const ac = academieGeree(actor);
  const rows = await ctx.db
    .selectFrom('qualite as q')
    .select((eb) => [
      'q.id',
      'q.libelle',
      'q.santorin',
      'q.deliberation',
      'q.actif',
      'q.ordre',
      eb.selectFrom('convocation as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.qualite_id', '=', 'q.id').as('utilisations'),
    ])
    .where('q.academie_code', '=', ac)
    .orderBy('q.ordre')
    .orderBy('q.libelle')
    .execute();
  return {
    total: rows.length,
    lignes: rows.map((r) => ({ id: r.id, libelle: r.libelle, santorin: r.santorin, deliberation: r.deliberation, actif: r.actif, ordre: r.ordre, utilisations: Number(r.utilisations ?? 0) })),
  };
}

async function libelleLibre(trx: Db, ac: string, libelle: string, sauf: number | null) {
  const homonyme = await trx
    .selectFrom('qualite')
    .select(['id', 'libelle'])
    .where('academie_code', '=', ac)
    .where((eb) => eb(eb.fn('lower', ['libelle']), '=', libelle.toLowerCase()))
    .$if(sauf !== null, (q) => q.where('id', '<>', sauf!))
    .executeTakeFirst();
  if (homonyme) throw champInvalide('libelle', `La qualité « ${homonyme.libelle} » existe déjà dans votre académie : choisissez un autre libellé ou modifiez celle-ci.`);
}

const dejaPrise = (s: QualiteSaisie) => champInvalide('libelle', `La qualité « ${s.libelle} » existe déjà dans votre académie : choisissez un autre libellé.`);

export async function creerQualite(ctx: AppContext, actor: Actor, s: QualiteSaisie, trace: Trace) {
  const ac = academieGeree(actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await libelleLibre(trx, ac, s.libelle, null);
      const q = await trx
        .insertInto('qualite')
        .values({ academie_code: ac, libelle: s.libelle, santorin: s.santorin, deliberation: s.deliberation, actif: s.actif, ordre: s.ordre })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, contexteAudit(actor, trace), { action: 'qualite.creation', entite: 'qualite', entiteId: q.id, apres: s });
      return { id: q.id, message: `Qualité « ${s.libelle} » ajoutée.` };
    });
  } catch (e) {
    if (estViolationUnicite(e)) throw dejaPrise(s);
    throw e;
  }
}

async function qualiteDeLAcademie(trx: Db, ac: string, id: number) {
  const q = await trx.selectFrom('qualite').selectAll().where('id', '=', id).where('academie_code', '=', ac).executeTakeFirst();
  if (!q) throw introuvable(INTROUVABLE);
  return q;
}

export async function modifierQualite(ctx: AppContext, actor: Actor, id: number, s: QualiteSaisie, trace: Trace) {
  const ac = academieGeree(actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const avant = await qualiteDeLAcademie(trx, ac, id);
      await libelleLibre(trx, ac, s.libelle, id);
      await trx.updateTable('qualite').set({ libelle: s.libelle, santorin: s.santorin, deliberation: s.deliberation, actif: s.actif, ordre: s.ordre }).where('id', '=', id).execute();
      await audit(trx, contexteAudit(actor, trace), {
        action: 'qualite.modification',
        entite: 'qualite',
        entiteId: id,
        avant: { libelle: avant.libelle, santorin: avant.santorin, deliberation: avant.deliberation, actif: avant.actif, ordre: avant.ordre },
        apres: s,
      });
      const etat = avant.actif && !s.actif ? ' Elle n’est plus proposée lors des convocations ; les convocations existantes la gardent.' : !avant.actif && s.actif ? ' Elle est de nouveau proposée lors des convocations.' : '';
      return { id, message: `Qualité « ${s.libelle} » enregistrée.${etat}` };
    });
  } catch (e) {
    if (estViolationUnicite(e)) throw dejaPrise(s);
    throw e;
  }
}

export async function supprimerQualite(ctx: AppContext, actor: Actor, id: number, trace: Trace) {
  const ac = academieGeree(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const q = await qualiteDeLAcademie(trx, ac, id);
    const { n } = await trx.selectFrom('convocation').select((eb) => eb.fn.countAll<number>().as('n')).where('qualite_id', '=', id).executeTakeFirstOrThrow();
    if (Number(n) > 0) {
      throw conflit(`La qualité « ${q.libelle} » ne peut être supprimée : ${n} convocation(s) la portent. Désactivez-la plutôt (décochez « Active ») : elle ne sera plus proposée.`);
    }
    await trx.deleteFrom('qualite').where('id', '=', id).execute();
    await audit(trx, contexteAudit(actor, trace), { action: 'qualite.suppression', entite: 'qualite', entiteId: id, avant: { libelle: q.libelle, santorin: q.santorin, deliberation: q.deliberation, actif: q.actif, ordre: q.ordre } });
    return { message: `Qualité « ${q.libelle} » supprimée.` };
  });
}
