// Loads the demo's IMAG'IN data (missions.ts) in the demo transaction: natural keys become ids,
// multi-row inserts in batches, rows returned in insertion order checked rather than assumed. The
// indisponibilités that convocations by another académie give are then made by the application's own
// synchroniserIndisponibilitesAutreAcademie, as after any convocation.
import { sql, type Transaction } from 'kysely';
import { synchroniserIndisponibilitesAutreAcademie } from '../imagin/convocation-effets.ts';
import type { DB } from '../platform/db/tables.ts';
import type { DonneesImagin } from './missions.ts';

const LOT = 1000;

async function parLots<T, R>(lignes: readonly T[], inserer: (lot: T[]) => Promise<R[]>): Promise<R[]> {
  const res: R[] = [];
  for (let i = 0; i < lignes.length; i += LOT) res.push(...(await inserer(lignes.slice(i, i + LOT))));
  return res;
}

export interface Cles {
  etabId: Map<string, number>;
  personneId: Map<string, number>;
  compteId: Map<string, number>;
}

export interface RapportImagin {
  missions: number;
  convocations: number;
  indisponibilites: number;
  competences: number;
}

export async function chargerImagin(trx: Transaction<DB>, d: DonneesImagin, cles: Cles): Promise<RapportImagin> {
  const compte = (login: string | null | undefined) => {
    if (!login) return null;
    const id = cles.compteId.get(login);
    if (id === undefined) throw new Error(`Démonstration : compte inconnu ${login}`);
    return id;
  };
  const etab = (uai: string) => {
    const id = cles.etabId.get(uai);
    if (id === undefined) throw new Error(`Démonstration : établissement inconnu ${uai}`);
    return id;
  };
  const personne = (cle: string) => {
    const id = cles.personneId.get(cle);
    if (id === undefined) throw new Error(`Démonstration : personne inconnue ${cle}`);
    return id;
  };

  await trx.insertInto('type_mission').values(d.typesMission.map((t, ordre) => ({ ...t, ordre }))).onConflict((oc) => oc.column('code').doNothing()).execute();
  await trx.insertInto('qualite').values(d.qualites).onConflict((oc) => oc.columns(['academie_code', 'libelle']).doNothing()).execute();
  const qualites = await trx.selectFrom('qualite').select(['id', 'academie_code', 'libelle']).execute();
  const qualiteId = new Map(qualites.map((q) => [`${q.academie_code}/${q.libelle}`, q.id]));

  await trx.insertInto('session_examen').values([...d.sessionsPrecedentes, ...d.sessionsSuivantes]).onConflict((oc) => oc.columns(['examen_code', 'code']).doNothing()).execute();
  const sessions = await trx.selectFrom('session_examen').select(['id', 'examen_code', 'code']).execute();
  const sessionId = new Map(sessions.map((s) => [`${s.examen_code}/${s.code}`, s.id]));
  const specialites = await trx.selectFrom('specialite').select(['id', 'examen_code', 'code']).execute();
  const specialiteId = new Map(specialites.map((s) => [`${s.examen_code}/${s.code}`, s.id]));
  const epreuves = await trx
    .selectFrom('epreuve_option as e')
    .innerJoin('specialite as s', 's.id', 'e.specialite_id')
    .select(['e.id', 's.examen_code', 's.code as specialite', 'e.code'])
    .execute();
  const epreuveId = new Map(epreuves.map((e) => [`${e.examen_code}/${e.specialite}/${e.code}`, e.id]));

  // Missions and what hangs off them.
  const missions = await parLots(d.missions, (lot) =>
    trx
      .insertInto('mission')
      .values(
        lot.map((m) => ({
          academie_code: m.academie_code,
          numero: m.numero,
          session_examen_id: sessionId.get(m.session)!,
          specialite_id: m.specialite ? specialiteId.get(m.specialite)! : null,
          epreuve_option_id: m.epreuve ? epreuveId.get(m.epreuve)! : null,
          type_mission: m.type_mission,
          centre_id: etab(m.centre),
          lieu: m.lieu,
          observation_defaut: m.observation_defaut,
          signataire: m.signataire,
          ciblee_etablissement: m.ciblee_etablissement,
          date_limitee: m.date_limitee ?? null,
          candidats_affectes: m.candidats_affectes ?? false,
        })),
      )
      .returning(['id', 'academie_code', 'numero'])
      .execute(),
  );
  const missionId = new Map(missions.map((m) => [`${m.academie_code}/${m.numero}`, m.id]));
  const mid = (academie: string, numero: number) => missionId.get(`${academie}/${numero}`)!;
  await parLots(
    d.missions.flatMap((m) => m.dates.map((c) => ({ mission_id: mid(m.academie_code, m.numero), ...c }))),
    (lot) => trx.insertInto('mission_date').values(lot).execute(),
  );
  const commissions = await parLots(
    d.missions.flatMap((m) => m.commissions.map((k) => ({ mission_id: mid(m.academie_code, m.numero), code: k.code, nb_candidats: k.nb_candidats }))),
    (lot) => trx.insertInto('commission').values(lot).returning(['id', 'mission_id', 'code']).execute(),
  );
  const commissionId = new Map(commissions.map((k) => [`${k.mission_id}/${k.code}`, k.id]));
  await parLots(
    d.missions.flatMap((m) => m.commissions.flatMap((k) => k.dates.map((c) => ({ commission_id: commissionId.get(`${mid(m.academie_code, m.numero)}/${k.code}`)!, ...c })))),
    (lot) => trx.insertInto('commission_date').values(lot).execute(),
  );
  const jurys = await parLots(
    d.missions.flatMap((m) => m.jurys.map((j) => ({ mission_id: mid(m.academie_code, m.numero), ...j }))),
    (lot) => trx.insertInto('mission_jury').values(lot).returning(['id', 'mission_id', 'code']).execute(),
  );
  const juryId = new Map(jurys.map((j) => [`${j.mission_id}/${j.code}`, j.id]));
  const salles = await parLots(
    d.missions.flatMap((m) => m.salles.map((s) => ({ mission_id: mid(m.academie_code, m.numero), ...s }))),
    (lot) => trx.insertInto('salle').values(lot).returning(['id', 'mission_id', 'code']).execute(),
  );
  const salleId = new Map(salles.map((s) => [`${s.mission_id}/${s.code}`, s.id]));

  // Convocations and their own dates.
  const premierJour = new Map(d.missions.map((m) => [`${m.academie_code}/${m.numero}`, m.dates[0]?.jour ?? '2026-01-01']));
  const convocations = await parLots(d.convocations, async (lot) => {
    const rows = await trx
      .insertInto('convocation')
      .values(
        lot.map((c) => {
          const m = mid(c.academie_code, c.numero);
          return {
            academie_code: c.academie_code,
            mission_id: m,
            personne_id: personne(c.personne),
            qualite_id: c.qualite ? qualiteId.get(`${c.academie_code}/${c.qualite}`)! : null,
            commission_id: c.commission ? commissionId.get(`${m}/${c.commission}`)! : null,
            jury_id: c.jury ? juryId.get(`${m}/${c.jury}`)! : null,
            salle_id: c.salle ? salleId.get(`${m}/${c.salle}`)! : null,
            code_salle: c.code_salle,
            observation: c.observation,
            statut: c.statut,
            origine: c.origine,
            etablissement_createur_id: c.createur ? etab(c.createur) : null,
            dates_specifiques: c.dates_specifiques,
            modifiee_par_gestionnaire: c.modifiee_par_gestionnaire ?? false,
            modifiee_par: compte(c.modifiee_par),
            editee_le: c.editee_le,
            // Created when edited, or a month before the mission: fixed dates, not the clock.
            cree_le: new Date(c.editee_le ?? `${premierJour.get(`${c.academie_code}/${c.numero}`)}T08:00:00.000Z`),
          };
        }),
      )
      .returning(['id', 'mission_id', 'personne_id'])
      .execute();
    rows.forEach((r, i) => {
      const c = lot[i]!;
      if (r.personne_id !== personne(c.personne) || r.mission_id !== mid(c.academie_code, c.numero)) {
        throw new Error('Chargement de la démonstration : ordre inattendu des convocations insérées.');
      }
    });
    return rows;
  });
  const convocationId = new Map(convocations.map((c, i) => [`${d.convocations[i]!.academie_code}/${d.convocations[i]!.numero}/${d.convocations[i]!.personne}`, c.id]));
  await parLots(
    d.convocations.flatMap((c) => c.dates.map((x) => ({ convocation_id: convocationId.get(`${c.academie_code}/${c.numero}/${c.personne}`)!, ...x }))),
    (lot) => trx.insertInto('convocation_date').values(lot).execute(),
  );

  await parLots(d.indisponibilites, (lot) =>
    trx
      .insertInto('indisponibilite')
      .values(
        lot.map((i) => ({
          personne_id: personne(i.personne),
          academie_code: i.academie_code,
          date_debut: i.date_debut,
          heure_debut: i.heure_debut,
          date_fin: i.date_fin,
          heure_fin: i.heure_fin,
          motif: i.motif,
          source: i.source,
          etablissement_id: i.etablissement ? etab(i.etablissement) : null,
          cree_le: new Date(`${i.date_debut}T07:00:00.000Z`),
        })),
      )
      .execute()
      .then(() => []),
  );

  await trx
    .insertInto('correspondance_enseignement')
    .values(d.correspondances.map((c) => ({ matiere: c.matiere, epreuve_option_id: epreuveId.get(c.epreuve)! })))
    .onConflict((oc) => oc.doNothing())
    .execute();

  const competences = await parLots(d.competences, (lot) =>
    trx
      .insertInto('competence')
      .values(lot.map((c) => ({ personne_id: personne(c.personne), epreuve_option_id: epreuveId.get(c.epreuve)! })))
      .returning(['id', 'personne_id', 'epreuve_option_id'])
      .execute(),
  );
  const competenceId = new Map(competences.map((k) => [`${k.personne_id}/${k.epreuve_option_id}`, k.id]));
  // A fixed date rather than the clock: the demo is the same whenever it is loaded.
  const le = new Date('2026-09-15T08:00:00.000Z');
  await parLots(
    d.competences.flatMap((c) => {
      const id = competenceId.get(`${personne(c.personne)}/${epreuveId.get(c.epreuve)!}`)!;
      return c.auteurs.map((a) => ({ competence_id: id, auteur: a.auteur, type_auteur: a.type_auteur, nature: a.nature, le }));
    }),
    (lot) => trx.insertInto('competence_auteur').values(lot).execute().then(() => []),
  );

  for (const v of d.validations) {
    if (!cles.etabId.has(v.uai)) continue;
    await trx
      .insertInto('validation_competences')
      .values({ etablissement_id: etab(v.uai), annee_scolaire: v.annee_scolaire, validee: true, validee_le: v.validee_le, validee_par: v.login ? (cles.compteId.get(v.login) ?? null) : null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (d.signatures.length) {
    await trx
      .insertInto('signature_convocation')
      .values(d.signatures.map((s) => ({ etablissement_id: etab(s.uai), type: s.type, autorite: s.autorite, intitule: s.intitule, nom: s.nom, ville: s.ville })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const gestionnaires = d.gestionnairesExamens.filter((g) => cles.compteId.has(g.login));
  if (gestionnaires.length) {
    await trx
      .insertInto('gestionnaire_examen')
      .values(gestionnaires.map((g) => ({ compte_id: cles.compteId.get(g.login)!, academie_code: g.academie_code, examen_code: g.examen_code })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  // Convocations by another académie (Toulouse, the SIEC): the indisponibilités "CONVOCATION PAR IMAGIN
  // <ACADEMIE>" in the person's home académie, made as the application makes them; dated like the others
  // (the morning of their first day) rather than by the clock, so that the demo is the same at every load.
  const autreAcademie = await trx
    .selectFrom('convocation as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .select('c.id')
    .whereRef('c.academie_code', '<>', 'p.academie_code')
    .orderBy('c.id')
    .execute();
  await synchroniserIndisponibilitesAutreAcademie(trx, autreAcademie.map((c) => c.id));
  const parConvocation = await trx
    .updateTable('indisponibilite')
    .set({ cree_le: sql<Date>`(date_debut + time '07:00') at time zone 'UTC'` })
    .where('source', '=', 'CONVOCATION')
    .executeTakeFirst();

  return {
    missions: d.missions.length,
    convocations: d.convocations.length,
    indisponibilites: d.indisponibilites.length + Number(parConvocation.numUpdatedRows),
    competences: d.competences.length,
  };
}
