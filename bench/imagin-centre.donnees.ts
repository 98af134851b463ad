// The data of bench/imagin-centre.bench.ts: LGT LA PROMENADE, centre d'examen, with one targeted
// mission of 500 intervenants convoked by the centre (commissions, salles, observations, dates of
// their own for some), and a few other missions around it. 450 of the intervenants already have their
// IMAG'IN account with a personal password; the other 50 have none yet, so that the first ZIP creates
// their accounts and prints a temporary password (seed 004 §2). Built directly in the database.
import { Alea } from '../src/server/demo/alea.ts';
import type { Db } from '../src/server/platform/db/database.ts';
import { hacher } from '../src/server/platform/passwords.ts';

export const INTERVENANTS = 500;
/** Intervenants without an account yet (the first ZIP creates them). */
export const SANS_COMPTE = 50;
export const LOGIN = 'ce.0350710g';
export const MOT_DE_PASSE = 'Bench-Mot-De-Passe-2026!';
export const NUMERO_MISSION = 140_500;
const LOT = 1000;
const COMMISSIONS = 10;

async function parLots<T>(lignes: T[], f: (lot: T[]) => Promise<unknown>) {
  for (let i = 0; i < lignes.length; i += LOT) await f(lignes.slice(i, i + LOT));
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Builds the centre and its 500-intervenant mission; `annee` is the session year (the current one). */
export async function construireCentre(db: Db, annee: number, log: (m: string) => void = () => {}) {
  const alea = new Alea('bench/imagin-centre');
  log(`Données : une mission de ${INTERVENANTS} intervenants convoqués par le centre LA PROMENADE…`);
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).execute();
  const etabs = await db
    .insertInto('etablissement')
    .values([
      { uai: '0350710G', academie_code: '14', nom: 'LA PROMENADE', type: 'LGT', commune: 'RENNES', adresse: '12 AVENUE DE LA PROMENADE', code_postal: '35000', telephone: '02 61 91 00 00', est_centre_examen: true },
      ...Array.from({ length: 19 }, (_, i) => ({ uai: `035${String(2000 + i)}X`, academie_code: '14', nom: `LYCEE ${i + 1}`, type: 'LPO' as const, commune: 'RENNES', adresse: `${i + 1} RUE DES ECOLES`, code_postal: '35000', est_centre_examen: true })),
    ])
    .returning('id')
    .execute();
  const centre = etabs[0]!.id;
  await db.insertInto('signature_convocation').values({ etablissement_id: centre, type: 'centre', autorite: 'Le chef de centre', intitule: 'M. le Proviseur', nom: 'M. PROVISEUR-BENCH', ville: 'RENNES' }).execute();
  await db.insertInto('examen').values({ code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).execute();
  const session = await db.insertInto('session_examen').values({ examen_code: '470', code: `${annee}-06`, libelle: `BGT ${annee}`, annee }).returning('id').executeTakeFirstOrThrow();
  const specialite = await db.insertInto('specialite').values({ examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).returning('id').executeTakeFirstOrThrow();
  const epreuve = await db
    .insertInto('epreuve_option')
    .values({ specialite_id: specialite.id, code: '1-T004-1', libelle: 'Epr orale terminale (Gd oral)', nature: 'orale' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('type_mission').values([{ code: 'INTORA', libelle: 'INTERROGATION ORALE', mode_remuneration: 'candidats' }, { code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' }]).execute();
  const qualites = await db.insertInto('qualite').values([{ academie_code: '14', libelle: 'Interrogateur' }, { academie_code: '14', libelle: 'Correcteur' }]).returning('id').execute();

  // The mission: targeted, two weeks of orals, ten commissions, ten salles.
  const jours = Array.from({ length: 10 }, (_, k) => `${annee}-06-${p2(15 + k + 2 * Math.floor(k / 5))}`);
  const mission = await db
    .insertInto('mission')
    .values({
      academie_code: '14',
      numero: NUMERO_MISSION,
      session_examen_id: session.id,
      specialite_id: specialite.id,
      epreuve_option_id: epreuve.id,
      type_mission: 'INTORA',
      centre_id: centre,
      observation_defaut: "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée. Munissez-vous de votre convocation et d'une pièce d'identité.",
      signataire: 'chef_centre',
      ciblee_etablissement: true,
      candidats_affectes: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('mission_date').values(jours.map((jour) => ({ mission_id: mission.id, jour, heure_debut: '08:00', heure_fin: '18:00' }))).execute();
  const commissions = await db
    .insertInto('commission')
    .values(Array.from({ length: COMMISSIONS }, (_, k) => ({ mission_id: mission.id, code: `COM${k + 1}`, nb_candidats: 20 + k })))
    .returning(['id', 'code'])
    .execute();
  await db
    .insertInto('commission_date')
    .values(commissions.map((k, i) => ({ commission_id: k.id, jour: jours[i]!, heure_debut: '08:00', heure_fin: '18:00' })))
    .execute();
  const salles = await db
    .insertInto('salle')
    .values(Array.from({ length: 10 }, (_, k) => ({ mission_id: mission.id, code: `S${101 + k}`, libelle: `Salle ${101 + k}`, nb_candidats: 25 })))
    .returning('id')
    .execute();
  // A few other missions of the centre, so that the mission is not alone in its tables.
  const autres = await db
    .insertInto('mission')
    .values(Array.from({ length: 30 }, (_, k) => ({ academie_code: '14', numero: NUMERO_MISSION + 1 + k, session_examen_id: session.id, specialite_id: specialite.id, epreuve_option_id: epreuve.id, type_mission: 'CORCOP', centre_id: etabs[k % etabs.length]!.id, ciblee_etablissement: true })))
    .returning('id')
    .execute();
  await db.insertInto('mission_date').values(autres.map((m, k) => ({ mission_id: m.id, jour: jours[k % jours.length]!, heure_debut: '09:00', heure_fin: '17:00' }))).execute();

  // The intervenants: teachers of the centre and of the other lycées.
  const personnes = await db
    .insertInto('personne')
    .values(
      Array.from({ length: INTERVENANTS }, (_, i) => ({
        academie_code: '14',
        civilite: (i % 2 ? 'M.' : 'Mme') as 'M.' | 'Mme',
        nom: `NOM-${String(i).padStart(3, '0')}-BENCH`,
        prenom: `Prénom${i}`,
        date_naissance: '1980-01-01',
        discipline_poste: alea.choisir(['MATHEMATIQUES', 'LETTRES MODERNES', 'HISTOIRE GEOGRAPHIE', 'ANGLAIS', 'PHILOSOPHIE']),
        adresse: `${i + 1} RUE DES ECOLES`,
        code_postal: '35000',
        commune: 'RENNES',
        email_pro: `prenom${i}.nom-${i}-bench@ac-rennes.fr`,
        tel_perso: '06 39 98 00 00',
        tel_pro: '02 61 91 00 00',
      })),
    )
    .returning('id')
    .execute();
  await parLots(
    personnes.map((p, i) => ({ personne_id: p.id, etablissement_id: etabs[i % etabs.length]!.id, principal: true })),
    (lot) => db.insertInto('personne_etablissement').values(lot).execute(),
  );

  // Their accounts (personal password chosen), except the last SANS_COMPTE.
  const hash = await hacher('Intervenant-Bench-2026!');
  const comptes = await db
    .insertInto('compte')
    .values(personnes.slice(0, INTERVENANTS - SANS_COMPTE).map((p, i) => ({ login: `prenom${i}.nom-${i}-bench`, password_hash: hash, mot_de_passe_temporaire: false, type: 'intervenant' as const, personne_id: p.id })))
    .returning(['id', 'personne_id'])
    .execute();
  await parLots(
    comptes.map((c) => ({ compte_id: c.id, role: 'intervenant' as const, academie_code: '14', personne_id: c.personne_id })),
    (lot) => db.insertInto('role_attribution').values(lot).execute(),
  );

  // 500 convocations by the centre: a commission each, a salle, some with dates of their own.
  const convocations = await db
    .insertInto('convocation')
    .values(
      personnes.map((p, i) => ({
        academie_code: '14',
        mission_id: mission.id,
        personne_id: p.id,
        qualite_id: qualites[0]!.id,
        commission_id: commissions[i % COMMISSIONS]!.id,
        salle_id: salles[i % salles.length]!.id,
        code_salle: i % 4 === 0 ? `B${100 + (i % 50)}` : null,
        observation: "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée.",
        statut: 'convoquee' as const,
        origine: 'centre' as const,
        etablissement_createur_id: centre,
        dates_specifiques: i % 10 === 0,
      })),
    )
    .returning(['id', 'commission_id'])
    .execute();
  const parCommission = new Map(commissions.map((k, i) => [k.id, jours[i]!]));
  await db
    .insertInto('convocation_date')
    .values(convocations.filter((_, i) => i % 10 === 0).map((c) => ({ convocation_id: c.id, jour: parCommission.get(c.commission_id!)!, heure_debut: '08:00', heure_fin: '12:00' })))
    .execute();
  // Some convocations of the same intervenants elsewhere (their other missions).
  await parLots(
    personnes.flatMap((p, i) => (i % 3 === 0 ? [{ academie_code: '14', mission_id: autres[i % autres.length]!.id, personne_id: p.id, qualite_id: qualites[1]!.id, origine: 'gestionnaire' as const }] : [])),
    (lot) => db.insertInto('convocation').values(lot).execute(),
  );

  const compte = await db.insertInto('compte').values({ login: LOGIN, password_hash: await hacher(MOT_DE_PASSE), mot_de_passe_temporaire: false, type: 'agent', email: `${LOGIN}@demo.ac-rennes.fr` }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('role_attribution').values({ compte_id: compte.id, role: 'chef_etablissement', academie_code: '14', etablissement_id: centre }).execute();

  return { missionId: mission.id, convocations: convocations.length };
}
