// The data of bench/imagin-etablissement.bench.ts: one établissement of 300 personnels with five
// years of missions (1,250 missions, 6,000 convocations), built directly in the database.
import { Alea } from '../src/server/demo/alea.ts';
import type { Db } from '../src/server/platform/db/database.ts';
import { hacher } from '../src/server/platform/passwords.ts';

export const PERSONNELS = 300;
export const ANNEES = [2022, 2023, 2024, 2025, 2026];
const MISSIONS_PAR_AN = 250;
const CONVOCATIONS_PAR_PERSONNE_ET_AN = 4;
const LOT = 1000;
export const LOGIN = 'ce.0350710g';
export const MOT_DE_PASSE = 'Bench-Mot-De-Passe-2026!';

async function parLots<T>(lignes: T[], f: (lot: T[]) => Promise<unknown>) {
  for (let i = 0; i < lignes.length; i += LOT) await f(lignes.slice(i, i + LOT));
}

export async function construireEtablissement(db: Db, log: (m: string) => void = () => {}) {
  const alea = new Alea('bench/imagin-etablissement');
  log('Données : 300 personnels, cinq ans de missions…');
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).execute();
  const etabs = await db
    .insertInto('etablissement')
    .values([
      { uai: '0350710G', academie_code: '14', nom: 'LA PROMENADE', type: 'LGT', commune: 'RENNES', adresse: '12 AVENUE DE LA PROMENADE', code_postal: '35000', est_centre_examen: true },
      ...Array.from({ length: 9 }, (_, i) => ({ uai: `035${String(1000 + i)}X`, academie_code: '14', nom: `CENTRE ${i + 1}`, type: 'LPO' as const, commune: 'RENNES', est_centre_examen: true })),
    ])
    .returning('id')
    .execute();
  const etab = etabs[0]!.id;
  await db.insertInto('examen').values([{ code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' }, { code: '400', sigle: 'BCP', libelle: 'BACCALAUREAT PROFESSIONNEL' }, { code: '320', sigle: 'BTS', libelle: 'BREVET DE TECHNICIEN SUPERIEUR' }]).execute();
  const sessions = await db
    .insertInto('session_examen')
    .values(ANNEES.flatMap((a) => [{ examen_code: '470', code: `${a}-06`, libelle: `BGT ${a}`, annee: a }, { examen_code: '400', code: `${a}-06`, libelle: `BCP JUIN ${a}`, annee: a }, { examen_code: '320', code: `${a}-06`, libelle: `BTS ${a}`, annee: a }]))
    .returning(['id', 'annee'])
    .execute();
  const specs = await db.insertInto('specialite').values([{ examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' }, { examen_code: '400', code: '31202', libelle: 'Commerce' }, { examen_code: '320', code: '31209', libelle: 'MANAGEMENT UNITES COMMERCIALES' }]).returning('id').execute();
  const epreuves = await db
    .insertInto('epreuve_option')
    .values(specs.flatMap((s, k) => Array.from({ length: 6 }, (_, i) => ({ specialite_id: s.id, code: `E${k}${i}`, libelle: `EPREUVE ${k}-${i} AVEC UN LIBELLE ASSEZ LONG`, nature: (i % 2 ? 'orale' : 'ecrite') as 'orale' | 'ecrite' }))))
    .returning(['id', 'specialite_id'])
    .execute();
  await db.insertInto('type_mission').values([{ code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' }, { code: 'INTORA', libelle: 'INTERROGATION ORALE', mode_remuneration: 'candidats' }, { code: 'JURY', libelle: 'JURY DE DELIBERATION', mode_remuneration: 'gestionnaire' }]).execute();
  const qualites = await db.insertInto('qualite').values([{ academie_code: '14', libelle: 'Correcteur' }, { academie_code: '14', libelle: 'Interrogateur' }]).returning('id').execute();

  const personnes = await db
    .insertInto('personne')
    .values(Array.from({ length: PERSONNELS }, (_, i) => ({ academie_code: '14', civilite: (i % 2 ? 'M.' : 'Mme') as 'M.' | 'Mme', nom: `NOM-${String(i).padStart(3, '0')}-BENCH`, prenom: `Prénom${i}`, date_naissance: '1980-01-01', discipline_poste: 'MATHEMATIQUES', adresse: `${i} RUE DES ECOLES`, code_postal: '35000', commune: 'RENNES', tel_perso: '06 39 98 00 00', tel_pro: '02 61 91 00 00' })))
    .returning('id')
    .execute();
  await db.insertInto('personne_etablissement').values(personnes.map((p) => ({ personne_id: p.id, etablissement_id: etab, principal: true }))).execute();
  await db
    .insertInto('enseignement')
    .values(personnes.flatMap((p) => [0, 1].map((k) => ({ personne_id: p.id, etablissement_id: etab, annee_scolaire: '2026-2027', mef_code: `2011001911${k}`, mef_libelle: k ? 'TERMINALE GENERALE' : '1ERE GENERALE', type_mef: 'MEF NATIONAL', matiere: 'MATHEMATIQUES', modalite_cours: 'CG', structure: `Div. Classe : ${k ? 'T' : '1'}G${k + 1}` }))))
    .execute();

  let numero = 100_000;
  const missions: Array<{ id: number; annee: number; jour: string }> = [];
  for (const annee of ANNEES) {
    const sess = sessions.filter((s) => s.annee === annee);
    const lignes = Array.from({ length: MISSIONS_PAR_AN }, () => {
      const s = alea.choisir(sess);
      const e = alea.choisir(epreuves);
      return { academie_code: '14', numero: numero++, session_examen_id: s.id, specialite_id: e.specialite_id, epreuve_option_id: e.id, type_mission: alea.choisir(['CORCOP', 'INTORA', 'JURY']), centre_id: alea.choisir(etabs).id, observation_defaut: "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée." };
    });
    const ids = await db.insertInto('mission').values(lignes).returning('id').execute();
    const dates = ids.flatMap((m) => {
      const jour = `${annee}-06-${String(alea.entre(1, 25)).padStart(2, '0')}`;
      const n = alea.entre(1, 3);
      missions.push({ id: m.id, annee, jour });
      return Array.from({ length: n }, (_, k) => ({ mission_id: m.id, jour: `${annee}-06-${String(Number(jour.slice(8)) + k).padStart(2, '0')}`, heure_debut: '08:00', heure_fin: '12:00' }));
    });
    await parLots(dates, (lot) => db.insertInto('mission_date').values(lot).execute());
  }
  const convocations: Array<{ academie_code: string; mission_id: number; personne_id: number; qualite_id: number; statut: 'convoquee' | 'affectee'; origine: 'gestionnaire' | 'centre'; editee_le: Date | null }> = [];
  for (const p of personnes) {
    for (const annee of ANNEES) {
      const dispo = missions.filter((m) => m.annee === annee);
      const vus = new Set<number>();
      while (vus.size < CONVOCATIONS_PAR_PERSONNE_ET_AN) vus.add(alea.choisir(dispo).id);
      for (const id of vus) {
        const convoquee = alea.chance(0.9);
        convocations.push({ academie_code: '14', mission_id: id, personne_id: p.id, qualite_id: alea.choisir(qualites).id, statut: convoquee ? 'convoquee' : 'affectee', origine: alea.chance(0.2) ? 'centre' : 'gestionnaire', editee_le: convoquee ? new Date(`${annee}-05-15T10:00:00Z`) : null });
      }
    }
  }
  await parLots(convocations, (lot) => db.insertInto('convocation').values(lot).execute());
  await parLots(
    // Spread over March: a period filter keeps some personnels and drops others.
    personnes.flatMap((p, i) => ANNEES.slice(-2).map((a) => ({ personne_id: p.id, academie_code: '14', date_debut: `${a}-03-${String((i % 25) + 1).padStart(2, '0')}`, date_fin: `${a}-03-${String((i % 25) + 4).padStart(2, '0')}`, motif: 'STAGE DE FORMATION CONTINUE', source: 'EPP' as const }))),
    (lot) => db.insertInto('indisponibilite').values(lot).execute(),
  );

  const compte = await db.insertInto('compte').values({ login: 'ce.0350710g', password_hash: await hacher(MOT_DE_PASSE), mot_de_passe_temporaire: false, type: 'agent' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('role_attribution').values({ compte_id: compte.id, role: 'chef_etablissement', academie_code: '14', etablissement_id: etab }).execute();

  return { etablissementId: etab, personnes: personnes.map((p) => p.id), missions: missions.length, convocations: convocations.length };
}
