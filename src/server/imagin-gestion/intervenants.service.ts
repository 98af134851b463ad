// Intervenants of the académie (issue 5): search them (nom, prénom, établissement principal,
// discipline, whether they have an IMAG'IN account), see one with his convocations, and create an
// intervenant the académie does not know yet (source IMAGIN) so that he can be convoked. His account
// is created later, by his first convocation (src/server/imagin/compte-intervenant.ts).
import { sql } from 'kysely';
import { dateFr } from '../../domain/imagin/dates.ts';
import { libelleEtablissement, libelleSession } from '../imagin/convocation.repo.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { conflit, introuvable, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { academieGeree, contexteAudit, estViolationUnicite, type Trace } from './commun.ts';
import { libelleOrigine } from './convocations.service.ts';
import type { IntervenantSaisie } from './imagin-gestion.schemas.ts';

export const MAX_INTERVENANTS = 500;
const INTROUVABLE = "Cet intervenant n'existe pas ou ne relève pas de votre académie.";

const AVEC_ACCENTS = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ';
const SANS_ACCENTS = 'aaaaaaceeeeiiiinooooouuuuyyeo';

export async function rechercherIntervenants(ctx: AppContext, actor: Actor, saisie: string) {
  const ac = academieGeree(actor);
  let q = ctx.db
    .selectFrom('personne as p')
    .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
    .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .select((eb) => [
      'p.id',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.date_naissance',
      'p.discipline_poste',
      'p.source',
      'e.uai',
      'e.type',
      'e.nom as etab_nom',
      'e.commune',
      eb
        .exists(eb.selectFrom('compte as c').select(sql.lit(1).as('un')).whereRef('c.personne_id', '=', 'p.id').where('c.type', '=', 'intervenant'))
        .as('a_un_compte'),
    ])
    .where('p.academie_code', '=', ac);
  const mots = saisie
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  for (const mot of mots) {
    q = q.where((eb) =>
      eb(
        eb.fn('translate', [
          eb.fn('lower', [eb.fn('concat_ws', [eb.val(' '), 'p.nom', 'p.prenom', 'p.discipline_poste', 'e.uai', 'e.nom', 'e.commune'])]),
          eb.val(AVEC_ACCENTS),
          eb.val(SANS_ACCENTS),
        ]),
        'like',
        `%${mot}%`,
      ),
    );
  }
  const rows = await q.orderBy('p.nom').orderBy('p.prenom').orderBy('p.id').limit(MAX_INTERVENANTS + 1).execute();
  return {
    tronque: rows.length > MAX_INTERVENANTS,
    max: MAX_INTERVENANTS,
    lignes: rows.slice(0, MAX_INTERVENANTS).map((r) => ({
      id: r.id,
      civilite: r.civilite,
      nom: r.nom,
      prenom: r.prenom,
      dateNaissance: r.date_naissance,
      disciplinePoste: r.discipline_poste,
      etablissement: r.uai ? `${libelleEtablissement({ type: r.type!, nom: r.etab_nom!, commune: r.commune! })} (${r.uai})` : null,
      aUnCompte: !!r.a_un_compte,
      source: r.source,
    })),
  };
}

export async function ficheIntervenant(ctx: AppContext, actor: Actor, id: number) {
  const ac = academieGeree(actor);
  const p = await ctx.db
    .selectFrom('personne as p')
    .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
    .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .select([
      'p.id',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.date_naissance',
      'p.numen',
      'p.discipline_poste',
      'p.email_pro',
      'p.email_perso',
      'p.tel_pro',
      'p.tel_perso',
      'p.adresse',
      'p.code_postal',
      'p.commune',
      'p.source',
      'e.uai',
      'e.type',
      'e.nom as etab_nom',
      'e.commune as etab_commune',
    ])
    .where('p.id', '=', id)
    .where('p.academie_code', '=', ac)
    .executeTakeFirst();
  if (!p) throw introuvable(INTROUVABLE);
  const [compte, convocations] = await Promise.all([
    ctx.db.selectFrom('compte').select(['login']).where('personne_id', '=', id).where('type', '=', 'intervenant').orderBy('id').executeTakeFirst(),
    ctx.db
      .selectFrom('convocation as c')
      .innerJoin('mission as m', 'm.id', 'c.mission_id')
      .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
      .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
      .innerJoin('examen as x', 'x.code', 'se.examen_code')
      .leftJoin('qualite as q', 'q.id', 'c.qualite_id')
      .select((eb) => [
        'c.id',
        'c.statut',
        'c.origine',
        'c.modifiee_par_gestionnaire',
        'm.id as mission_id',
        'm.numero',
        'tm.libelle as type_libelle',
        'se.examen_code',
        'se.code as session_code',
        'se.libelle as session_libelle',
        'x.sigle',
        'q.libelle as qualite',
        eb.selectFrom('convocation_creneau as cr').select((e) => e.fn.min('cr.jour').as('d')).whereRef('cr.convocation_id', '=', 'c.id').as('debut'),
      ])
      .where('c.personne_id', '=', id)
      .where('c.academie_code', '=', ac)
      .execute(),
  ]);
  return {
    id: p.id,
    civilite: p.civilite,
    nom: p.nom,
    prenom: p.prenom,
    dateNaissance: p.date_naissance,
    numen: p.numen,
    disciplinePoste: p.discipline_poste,
    emailPro: p.email_pro,
    emailPerso: p.email_perso,
    telPro: p.tel_pro,
    telPerso: p.tel_perso,
    adresse: [p.adresse, [p.code_postal, p.commune].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    source: p.source,
    etablissement: p.uai ? `${libelleEtablissement({ type: p.type!, nom: p.etab_nom!, commune: p.etab_commune! })} (${p.uai})` : null,
    identifiant: compte?.login ?? null,
    convocations: convocations
      .sort((a, b) => String(b.debut ?? '').localeCompare(String(a.debut ?? '')))
      .map((c) => ({
        id: c.id,
        missionId: c.mission_id,
        numeroMission: c.numero,
        typeMission: c.type_libelle,
        session: libelleSession(c),
        qualite: c.qualite,
        debut: c.debut ?? null,
        statut: libelleOrigine(c),
      })),
  };
}

export async function creerIntervenant(ctx: AppContext, actor: Actor, s: IntervenantSaisie, trace: Trace) {
  const ac = academieGeree(actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const erreurs: Record<string, string> = {};
      const [numen, homonyme, etab] = await Promise.all([
        s.numen ? trx.selectFrom('personne').select(['id', 'academie_code']).where('numen', '=', s.numen).executeTakeFirst() : undefined,
        trx
          .selectFrom('personne')
          .select(['id'])
          .where('academie_code', '=', ac)
          .where((eb) => eb(eb.fn('upper', ['nom']), '=', s.nom))
          .where((eb) => eb(eb.fn('lower', ['prenom']), '=', s.prenom.toLowerCase()))
          .where('date_naissance', '=', s.dateNaissance)
          .executeTakeFirst(),
        s.etablissementUai ? trx.selectFrom('etablissement').select(['id', 'academie_code', 'uai', 'actif']).where('uai', '=', s.etablissementUai).executeTakeFirst() : undefined,
      ]);
      if (numen) {
        erreurs.numen =
          numen.academie_code === ac
            ? 'Ce NUMEN est déjà celui d’un intervenant de votre académie : recherchez-le dans la liste plutôt que de le créer.'
            : 'Ce NUMEN est déjà celui d’un intervenant d’une autre académie : pour le convoquer, recherchez-le par son NUMEN dans l’écran de la mission.';
      }
      if (homonyme) erreurs.nom = `${s.nom} ${s.prenom}, né(e) le ${dateFr(s.dateNaissance)}, est déjà connu(e) dans votre académie : recherchez-le (la) dans la liste.`;
      if (s.etablissementUai) {
        if (!etab || etab.academie_code !== ac) erreurs.etablissementUai = `Établissement principal : aucun établissement de votre académie n'a l'UAI ${s.etablissementUai}.`;
        else if (!etab.actif) erreurs.etablissementUai = `Établissement principal : l'établissement ${s.etablissementUai} est fermé.`;
      }
      if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);
      const maintenant = ctx.clock.now();
      const p = await trx
        .insertInto('personne')
        .values({
          academie_code: ac,
          civilite: s.civilite,
          nom: s.nom,
          prenom: s.prenom,
          date_naissance: s.dateNaissance,
          numen: s.numen,
          discipline_poste: s.disciplinePoste,
          email_pro: s.emailPro,
          email_perso: s.emailPerso,
          tel_pro: s.telPro,
          tel_perso: s.telPerso,
          adresse: s.adresse,
          code_postal: s.codePostal,
          commune: s.commune,
          source: 'IMAGIN',
          cree_le: maintenant,
          modifie_le: maintenant,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (etab) await trx.insertInto('personne_etablissement').values({ personne_id: p.id, etablissement_id: etab.id, principal: true }).execute();
      await audit(trx, contexteAudit(actor, trace), {
        action: 'intervenant.creation',
        entite: 'personne',
        entiteId: p.id,
        apres: { ...s, numen: s.numen ? `${s.numen.slice(0, 3)}…` : null },
      });
      return { id: p.id, message: `Intervenant ${s.civilite} ${s.nom} ${s.prenom} créé : vous pouvez le convoquer depuis l'écran d'une mission. Son compte IMAG'IN sera créé avec sa première convocation.` };
    });
  } catch (e) {
    if (estViolationUnicite(e)) throw conflit('Ce NUMEN vient d’être attribué à un autre intervenant : vérifiez-le.');
    throw e;
  }
}
