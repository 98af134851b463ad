// The déplacement lines of an état de frais (table frais_deplacement_ligne, migration 022) and the dated
// rates they are estimated with (frais_taux_km, frais_taux_forfait; decision 0029).
// Dates-times travel as 'AAAA-MM-JJTHH:MM' in Paris time (what the intervenant typed) and are stored as
// timestamptz: the conversion is done by the database (`at time zone 'Europe/Paris'`), so a summer or
// winter date keeps its hour whatever the server's time zone.
import { sql, type Kysely, type Transaction } from 'kysely';
import { tauxEnVigueur, type TauxDeplacement, type TauxForfaitDate, type TauxKmDate } from '../../domain/imagin/frais/deplacement.ts';
import type { LigneDeplacement } from '../../domain/imagin/frais/types.ts';
import type { DB } from '../platform/db/tables.ts';

type Executeur = Kysely<DB> | Transaction<DB>;

/** The lines of an état, in their order. */
export async function lireLignes(db: Executeur, etatFraisId: number): Promise<LigneDeplacement[]> {
  return (await lireLignesDe(db, [etatFraisId])).get(etatFraisId) ?? [];
}

/** The lines of several états at once (lists, PDFs, liquidation), by état id. */
export async function lireLignesDe(db: Executeur, etatFraisIds: number[]): Promise<Map<number, LigneDeplacement[]>> {
  const r = new Map<number, LigneDeplacement[]>();
  if (etatFraisIds.length === 0) return r;
  const rows = await db
    .selectFrom('frais_deplacement_ligne')
    .select([
      'etat_frais_id',
      'ville_depart',
      'ville_arrivee',
      sql<string>`to_char(depart_le at time zone 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI')`.as('depart'),
      sql<string>`to_char(retour_le at time zone 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI')`.as('retour'),
      'mode',
      'puissance_fiscale',
      'km',
      'trajets',
      'nuitees',
      'repas',
      'frais_divers_centimes',
      'billets_centimes',
      'commentaire',
    ])
    .where('etat_frais_id', 'in', etatFraisIds)
    .orderBy('etat_frais_id')
    .orderBy('ordre')
    .orderBy('id')
    .execute();
  for (const x of rows) {
    const l: LigneDeplacement = {
      villeDepart: x.ville_depart,
      villeArrivee: x.ville_arrivee,
      depart: x.depart,
      retour: x.retour,
      mode: x.mode,
      puissanceFiscale: x.puissance_fiscale,
      km: x.km,
      trajets: x.trajets,
      nuitees: x.nuitees,
      repas: x.repas,
      fraisDiversCentimes: x.frais_divers_centimes,
      billetsCentimes: x.billets_centimes,
      commentaire: x.commentaire,
    };
    const liste = r.get(x.etat_frais_id);
    if (liste) liste.push(l);
    else r.set(x.etat_frais_id, [l]);
  }
  return r;
}

/**
 * Replaces the lines of an état by `lignes` (in their order: ordre = index). To be called inside the
 * transaction that checks the état's version; the lines are expected already checked (verifierLignes).
 */
export async function remplacerLignes(trx: Executeur, etatFraisId: number, lignes: LigneDeplacement[]): Promise<void> {
  await trx.deleteFrom('frais_deplacement_ligne').where('etat_frais_id', '=', etatFraisId).execute();
  if (lignes.length === 0) return;
  const paris = (v: string) => sql<Date>`(${v.replace('T', ' ')})::timestamp at time zone 'Europe/Paris'`;
  await trx
    .insertInto('frais_deplacement_ligne')
    .values(
      lignes.map((l, i) => ({
        etat_frais_id: etatFraisId,
        ordre: i,
        ville_depart: l.villeDepart.trim(),
        ville_arrivee: l.villeArrivee.trim(),
        depart_le: paris(l.depart),
        retour_le: paris(l.retour),
        mode: l.mode,
        puissance_fiscale: l.puissanceFiscale,
        km: l.km,
        trajets: l.trajets,
        nuitees: l.nuitees,
        repas: l.repas,
        frais_divers_centimes: l.fraisDiversCentimes,
        billets_centimes: l.billetsCentimes,
        commentaire: l.commentaire.trim(),
      })),
    )
    .execute();
}

/**
 * The rates in force on `jour` ('AAAA-MM-JJ', the mission's first day) for the person's yearly distance
 * band (1: up to 2 000 km, 2: 2 001 to 10 000 km, 3: beyond; 1 unless known) and the nuitée rate
 * (base unless known: the hotel's town and a disability are not entered by the intervenant).
 */
export async function tauxDeplacement(db: Executeur, jour: string, bande: 1 | 2 | 3 = 1, nuitee: TauxForfaitDate['nature'] = 'nuitee_base'): Promise<TauxDeplacement> {
  const jourIso = jour.slice(0, 10);
  // One after the other: a transaction (PGlite) has one connection.
  const km = await db
    .selectFrom('frais_taux_km')
    .select(['categorie', 'bande', sql<string>`to_char(depuis, 'YYYY-MM-DD')`.as('depuis'), 'centimes'])
    .where('bande', '=', bande)
    .where('depuis', '<=', jourIso)
    .execute();
  const forfaits = await db
    .selectFrom('frais_taux_forfait')
    .select(['nature', sql<string>`to_char(depuis, 'YYYY-MM-DD')`.as('depuis'), 'centimes'])
    .where('nature', 'in', [nuitee, 'repas'])
    .where('depuis', '<=', jourIso)
    .execute();
  return tauxEnVigueur(km as TauxKmDate[], forfaits as TauxForfaitDate[], jourIso, { bande, nuitee });
}
