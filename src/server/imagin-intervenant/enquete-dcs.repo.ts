// SQL of the Enquête DCS (seed 004 §2.9, decision 0023): campaigns per académie and year, the opening
// of the intervenant activity, each person's answers (one row per campaign, a column per step).
import { sql } from 'kysely';
import type { Etape } from '../../domain/imagin/enquete-dcs.ts';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';
import { TYPES_MEF_DCS } from './habilitations.ts';

export const SERVICE_INTERVENANT = 'imagin-intervenant';
export const ACTIVITE = 'enquete-dcs';

/** The column of each step. */
export const COLONNE_ETAPE = {
  activite: 'activite',
  etablissements: 'etablissements',
  enseignements: 'enseignements',
  vae: 'vae',
  'epreuves-ecrites': 'epreuves_ecrites',
  'epreuves-orales': 'epreuves_orales',
} as const satisfies Record<Etape, string>;

export interface Campagne {
  id: number;
  annee: number;
  ouverte_le: Date | null;
  ouverte_par: string | null;
  fermee_le: Date | null;
  fermee_par: string | null;
}

/** The campaign of that year, or the académie's latest (the current one). */
export async function campagne(db: Executeur, academieCode: string, annee?: number): Promise<Campagne | undefined> {
  return db
    .selectFrom('enquete_dcs as e')
    .leftJoin('compte as o', 'o.id', 'e.ouverte_par')
    .leftJoin('compte as f', 'f.id', 'e.fermee_par')
    .select(['e.id', 'e.annee', 'e.ouverte_le', 'o.login as ouverte_par', 'e.fermee_le', 'f.login as fermee_par'])
    .where('e.academie_code', '=', academieCode)
    .$if(annee !== undefined, (q) => q.where('e.annee', '=', annee!))
    .orderBy('e.annee', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function anneesCampagnes(db: Executeur, academieCode: string): Promise<number[]> {
  const rows = await db.selectFrom('enquete_dcs').select('annee').where('academie_code', '=', academieCode).orderBy('annee', 'desc').execute();
  return rows.map((r) => r.annee);
}

export async function creerCampagne(db: Executeur, academieCode: string, annee: number, le: Date): Promise<void> {
  await db
    .insertInto('enquete_dcs')
    .values({ academie_code: academieCode, annee, cree_le: le })
    .onConflict((oc) => oc.columns(['academie_code', 'annee']).doNothing())
    .execute();
}

export async function noterOuverture(db: Executeur, id: number, ouverte: boolean, compteId: number, le: Date): Promise<void> {
  await db
    .updateTable('enquete_dcs')
    .set(ouverte ? { ouverte_le: le, ouverte_par: compteId } : { fermee_le: le, fermee_par: compteId })
    .where('id', '=', id)
    .execute();
}

/** The row of the activity's opening (none: closed, its default), who changed it last and when. */
export async function ouvertureActivite(db: Executeur, academieCode: string, pourMaj = false) {
  return db
    .selectFrom('activite_ouverture as a')
    .leftJoin('compte as c', 'c.id', 'a.modifie_par')
    .select(['a.ouverte', 'a.modifie_le', 'c.login as modifie_par'])
    .where('a.academie_code', '=', academieCode)
    .where('a.service', '=', SERVICE_INTERVENANT)
    .where('a.activite', '=', ACTIVITE)
    .$if(pourMaj, (q) => q.forUpdate(['a']))
    .executeTakeFirst();
}

export interface LigneReponse {
  enquete_id: number;
  personne_id: number;
  activite: unknown;
  etablissements: unknown;
  enseignements: unknown;
  vae: unknown;
  epreuves_ecrites: unknown;
  epreuves_orales: unknown;
  version: number;
  derniere_etape: string | null;
  modifie_le: Date;
  valide_le: Date | null;
}

export async function reponse(db: Executeur, enqueteId: number, personneId: number, pourMaj = false): Promise<LigneReponse | undefined> {
  return db
    .selectFrom('enquete_dcs_reponse')
    .selectAll()
    .where('enquete_id', '=', enqueteId)
    .where('personne_id', '=', personneId)
    .$if(pourMaj, (q) => q.forUpdate())
    .executeTakeFirst() as Promise<LigneReponse | undefined>;
}

/** The answer row of this person (created empty, version 0, if he never saved a step), locked. */
export async function reponsePourMaj(db: Executeur, enqueteId: number, personneId: number, le: Date): Promise<LigneReponse> {
  await db
    .insertInto('enquete_dcs_reponse')
    .values({ enquete_id: enqueteId, personne_id: personneId, modifie_le: le })
    .onConflict((oc) => oc.columns(['enquete_id', 'personne_id']).doNothing())
    .execute();
  return (await reponse(db, enqueteId, personneId, true))!;
}

export async function enregistrerEtape(db: Executeur, enqueteId: number, personneId: number, etape: Etape, valeur: unknown, le: Date): Promise<number> {
  const r = await db
    .updateTable('enquete_dcs_reponse')
    .set({ [COLONNE_ETAPE[etape]]: JSON.stringify(valeur), derniere_etape: etape, modifie_le: le, version: sql<number>`version + 1` })
    .where('enquete_id', '=', enqueteId)
    .where('personne_id', '=', personneId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

export async function valider(db: Executeur, enqueteId: number, personneId: number, le: Date): Promise<number> {
  const r = await db
    .updateTable('enquete_dcs_reponse')
    .set({ valide_le: le, version: sql<number>`version + 1` })
    .where('enquete_id', '=', enqueteId)
    .where('personne_id', '=', personneId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

/** The person's établissements (principal first), to prefill step 2. */
export async function etablissementsPersonne(db: Executeur, personneId: number) {
  return db
    .selectFrom('personne_etablissement as pe')
    .innerJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .select(['e.uai', 'e.type', 'e.nom', 'e.commune', 'pe.principal'])
    .where('pe.personne_id', '=', personneId)
    .orderBy('pe.principal', 'desc')
    .orderBy('e.uai')
    .execute();
}

export interface LigneSuivi extends Partial<LigneReponse> {
  personne_id: number;
  civilite: string;
  nom: string;
  prenom: string;
  email_pro: string | null;
  etab_uai: string | null;
  etab_type: string | null;
  etab_nom: string | null;
  etab_commune: string | null;
  /** Whether the person still teaches in the DCS (an answer may outlive a teaching). */
  enseignant_dcs: boolean;
}

/**
 * The académie's DCS teachers (a teaching of a DCG/DSCG MEF type) and whoever answered the campaign,
 * with their answers (none: not begun) and their principal établissement. `personneId`: only that one.
 */
export async function lignesSuivi(db: Executeur, academieCode: string, enqueteId: number, personneId?: number): Promise<LigneSuivi[]> {
  const dcs = (eb: any) =>
    eb.exists(eb.selectFrom('enseignement as en').select('en.id').whereRef('en.personne_id', '=', 'p.id').where('en.type_mef', 'in', [...TYPES_MEF_DCS]));
  const rows = await db
    .selectFrom('personne as p')
    .leftJoin('enquete_dcs_reponse as r', (j) => j.onRef('r.personne_id', '=', 'p.id').on('r.enquete_id', '=', enqueteId))
    .leftJoin('personne_etablissement as pe', (j) => j.onRef('pe.personne_id', '=', 'p.id').on('pe.principal', '=', true))
    .leftJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
    .select((eb) => [
      'p.id as personne_id',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.email_pro',
      'e.uai as etab_uai',
      'e.type as etab_type',
      'e.nom as etab_nom',
      'e.commune as etab_commune',
      'r.enquete_id',
      'r.activite',
      'r.etablissements',
      'r.enseignements',
      'r.vae',
      'r.epreuves_ecrites',
      'r.epreuves_orales',
      'r.version',
      'r.derniere_etape',
      'r.modifie_le',
      'r.valide_le',
      dcs(eb).as('enseignant_dcs'),
    ])
    .where('p.academie_code', '=', academieCode)
    .where((eb) => eb.or([dcs(eb), eb('r.enquete_id', 'is not', null)]))
    .$if(personneId !== undefined, (q) => q.where('p.id', '=', personneId!))
    .orderBy('p.nom')
    .orderBy('p.prenom')
    .orderBy('p.id')
    .execute();
  return rows as unknown as LigneSuivi[];
}

export type ExecuteurEnquete = Executeur;

/** Opens or closes the intervenant activity « enquete-dcs » for the académie (activite_ouverture). */
export async function changerOuvertureActivite(db: Executeur, academieCode: string, ouverte: boolean, compteId: number, le: Date): Promise<void> {
  const values = { ouverte, motif: null, modifie_le: le, modifie_par: compteId };
  await db
    .insertInto('activite_ouverture')
    .values({ academie_code: academieCode, service: SERVICE_INTERVENANT, activite: ACTIVITE, ...values })
    .onConflict((oc) => oc.columns(['academie_code', 'service', 'activite']).doUpdateSet(values))
    .execute();
}
