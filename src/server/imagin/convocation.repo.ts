// Everything a convocation document prints, read in a few queries for any number of convocations
// (the duplicata of one, a ZIP of a mission's convocations in issue 5). Scope checks are the caller's.
import type { Creneau } from '../../domain/imagin/dates.ts';

/** The mission columns every convocation and mission listing reads (aliases m, tm, se, x, sp, eo, ce). */
export const COLONNES_MISSION = [
  'm.numero',
  'm.type_mission',
  'tm.libelle as type_libelle',
  'm.lieu',
  'm.observation_defaut',
  'se.examen_code',
  'se.code as session_code',
  'se.libelle as session_libelle',
  'se.annee',
  'x.sigle',
  'x.libelle as examen_libelle',
  'sp.code as specialite_code',
  'sp.libelle as specialite_libelle',
  'eo.code as epreuve_code',
  'eo.libelle as epreuve_libelle',
  'ce.uai as centre_uai',
  'ce.type as centre_type',
  'ce.nom as centre_nom',
  'ce.commune as centre_commune',
] as const;
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { accesIntervenants, type AccesIntervenant } from './compte-intervenant.ts';

export interface EtablissementConvocation {
  uai: string;
  /** "LGT LA PROMENADE RENNES" */
  libelle: string;
  adresse: string;
  codePostal: string;
  commune: string;
  telephone: string | null;
}

export interface DonneesConvocation {
  id: number;
  statut: 'affectee' | 'convoquee';
  origine: 'gestionnaire' | 'centre';
  academie: { code: string; libelle: string; nomMajuscule: string; interAcademique: boolean };
  intervenant: {
    id: number;
    civilite: 'M.' | 'Mme';
    nom: string;
    prenom: string;
    adresse: string;
    codePostal: string;
    commune: string;
    disciplinePoste: string;
    etablissementPrincipal: string | null;
  };
  mission: {
    id: number;
    numero: number;
    typeCode: string;
    type: string;
    /** "470, BCG, 2026-06, BGT 2026" */
    session: string;
    examen: { code: string; sigle: string; libelle: string };
    annee: number;
    /** "BCG - BACCALAUREAT GENERAL" */
    specialite: string | null;
    /** "C010, Mathématiques" */
    epreuve: string | null;
    lieu: string | null;
    signataire: 'chef_etablissement' | 'chef_centre' | 'gestionnaire';
  };
  centre: EtablissementConvocation | null;
  qualite: string | null;
  commission: string | null;
  jury: string | null;
  salle: string | null;
  codeSalle: string | null;
  /** The convocation's observation, else the mission's default text. */
  observation: string;
  creneaux: Creneau[];
  /** Whether the dates are the convocation's own (a partial or specific affectation). */
  datesPropres: boolean;
  signature: { autorite: string; intitule: string; nom: string; ville: string } | null;
  editeeLe: Date | null;
  /** The intervenant's identifiant and, while there is one, temporary password (seed 004 §2). */
  acces?: AccesIntervenant | null;
}

export function libelleEtablissement(e: { type: string; nom: string; commune: string }): string {
  return `${e.type} ${e.nom} ${e.commune}`;
}

export function libelleSession(s: { examen_code: string; sigle: string; session_code: string; session_libelle: string }): string {
  return `${s.examen_code}, ${s.sigle}, ${s.session_code}, ${s.session_libelle}`;
}

/** The convocations of these ids that exist, in the order of `ids`. */
export async function chargerConvocations(db: Db, ids: readonly number[]): Promise<DonneesConvocation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
    .innerJoin('session_examen as se', 'se.id', 'm.session_examen_id')
    .innerJoin('examen as x', 'x.code', 'se.examen_code')
    .innerJoin('academie as a', 'a.code', 'c.academie_code')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .leftJoin('specialite as sp', 'sp.id', 'm.specialite_id')
    .leftJoin('epreuve_option as eo', 'eo.id', 'm.epreuve_option_id')
    .leftJoin('etablissement as ce', 'ce.id', 'm.centre_id')
    .leftJoin('qualite as q', 'q.id', 'c.qualite_id')
    .leftJoin('commission as k', 'k.id', 'c.commission_id')
    .leftJoin('mission_jury as j', 'j.id', 'c.jury_id')
    .leftJoin('salle as s', 's.id', 'c.salle_id')
    .select([
      'c.id',
      'c.statut',
      'c.origine',
      'c.code_salle',
      'c.observation',
      'c.editee_le',
      'a.code as academie_code',
      'a.libelle as academie_libelle',
      'a.nom_majuscule',
      'a.inter_academique',
      'p.id as personne_id',
      'p.civilite',
      'p.nom',
      'p.prenom',
      'p.adresse',
      'p.code_postal',
      'p.commune',
      'p.discipline_poste',
      'm.id as mission_id',
      ...COLONNES_MISSION,
      'm.signataire',
      'm.centre_id',
      'ce.adresse as centre_adresse',
      'ce.code_postal as centre_code_postal',
      'ce.telephone as centre_telephone',
      'q.libelle as qualite',
      'k.code as commission',
      'j.code as jury_code',
      'j.libelle as jury_libelle',
      's.code as salle_code',
      's.libelle as salle_libelle',
    ])
    .where('c.id', 'in', [...ids])
    .execute();
  if (rows.length === 0) return [];
  const convIds = rows.map((r) => r.id);
  const personnes = [...new Set(rows.map((r) => r.personne_id))];
  const centres = [...new Set(rows.flatMap((r) => (r.centre_id ? [r.centre_id] : [])))];
  const [creneaux, principaux, signatures] = await Promise.all([
    db
      .selectFrom('convocation_creneau')
      .select(['convocation_id', 'jour', 'heure_debut', 'heure_fin', 'origine'])
      .where('convocation_id', 'in', convIds)
      .orderBy('jour')
      .orderBy('heure_debut')
      .execute(),
    db
      .selectFrom('personne_etablissement as pe')
      .innerJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
      .select(['pe.personne_id', 'e.type', 'e.nom', 'e.commune', 'e.uai'])
      .where('pe.personne_id', 'in', personnes)
      .where('pe.principal', '=', true)
      .execute(),
    centres.length
      ? db.selectFrom('signature_convocation').selectAll().where('etablissement_id', 'in', centres).execute()
      : Promise.resolve([]),
  ]);
  const parConvocation = new Map<number, { creneaux: Creneau[]; propres: boolean }>();
  for (const c of creneaux) {
    let v = parConvocation.get(c.convocation_id);
    if (!v) parConvocation.set(c.convocation_id, (v = { creneaux: [], propres: c.origine === 'convocation' }));
    v.creneaux.push({ jour: c.jour, heureDebut: c.heure_debut.slice(0, 5), heureFin: c.heure_fin.slice(0, 5) });
  }
  const principal = new Map(principaux.map((p) => [p.personne_id, `${libelleEtablissement(p)} (${p.uai})`]));
  const ordre = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => ordre.get(a.id)! - ordre.get(b.id)!)
    .map((r) => {
      const dates = parConvocation.get(r.id) ?? { creneaux: [], propres: false };
      // Who signs (003 §4.4): the centre's or the établissement's signature set by the centre, or the DEC.
      const typeSignature = r.signataire === 'chef_centre' ? 'centre' : r.signataire === 'chef_etablissement' ? 'etablissement' : null;
      const sig = typeSignature ? signatures.find((s) => s.etablissement_id === r.centre_id && s.type === typeSignature) : undefined;
      return {
        id: r.id,
        statut: r.statut,
        origine: r.origine,
        academie: { code: r.academie_code, libelle: r.academie_libelle, nomMajuscule: r.nom_majuscule, interAcademique: r.inter_academique },
        intervenant: {
          id: r.personne_id,
          civilite: r.civilite,
          nom: r.nom,
          prenom: r.prenom,
          adresse: r.adresse,
          codePostal: r.code_postal,
          commune: r.commune,
          disciplinePoste: r.discipline_poste,
          etablissementPrincipal: principal.get(r.personne_id) ?? null,
        },
        mission: {
          id: r.mission_id,
          numero: r.numero,
          typeCode: r.type_mission,
          type: r.type_libelle,
          session: libelleSession(r),
          examen: { code: r.examen_code, sigle: r.sigle, libelle: r.examen_libelle },
          annee: r.annee,
          specialite: r.specialite_code ? `${r.specialite_code} - ${r.specialite_libelle}` : null,
          epreuve: r.epreuve_code ? `${r.epreuve_code}, ${r.epreuve_libelle}` : null,
          lieu: r.lieu,
          signataire: r.signataire,
        },
        centre: r.centre_uai
          ? {
              uai: r.centre_uai,
              libelle: libelleEtablissement({ type: r.centre_type!, nom: r.centre_nom!, commune: r.centre_commune! }),
              adresse: r.centre_adresse ?? '',
              codePostal: r.centre_code_postal ?? '',
              commune: r.centre_commune ?? '',
              telephone: r.centre_telephone,
            }
          : null,
        qualite: r.qualite,
        commission: r.commission,
        jury: r.jury_code ? (r.jury_libelle ? `${r.jury_code} - ${r.jury_libelle}` : r.jury_code) : null,
        salle: r.salle_code ? (r.salle_libelle ? `${r.salle_code} - ${r.salle_libelle}` : r.salle_code) : null,
        codeSalle: r.code_salle,
        observation: r.observation.trim() || r.observation_defaut,
        creneaux: dates.creneaux,
        datesPropres: dates.propres,
        signature: sig ? { autorite: sig.autorite, intitule: sig.intitule, nom: sig.nom, ville: sig.ville } : null,
        editeeLe: r.editee_le ? new Date(r.editee_le) : null,
      } satisfies DonneesConvocation;
    });
}

/**
 * The convocations as they are sent to the intervenant: with the identifiant and temporary password
 * (creating the intervenant's account where there is none). `trx`: the caller's transaction.
 */
export async function chargerConvocationsAvecAcces(ctx: AppContext, trx: Db, ids: readonly number[]): Promise<DonneesConvocation[]> {
  const convocations = await chargerConvocations(trx, ids);
  const acces = await accesIntervenants(ctx, trx, convocations.map((c) => c.intervenant.id));
  for (const c of convocations) c.acces = acces.get(c.intervenant.id) ?? null;
  return convocations;
}
