// Test fixtures of the établissement service: a small référentiel of exams, three établissements
// (fixtureReferentiel), personnels working in one or two of them, missions in Rennes and Toulouse,
// convocations, indisponibilités of every source, compétences with several authors.
import type { Platform } from '../server.ts';
import { fixtureCompte, fixtureReferentiel } from '../testing/harness.ts';

export async function fixtureImagin(p: Platform) {
  const db = p.ctx.db;
  const etabs = await fixtureReferentiel(p);
  await db
    .updateTable('etablissement')
    .set({ adresse: '12 AVENUE DE LA PROMENADE', code_postal: '35000' })
    .where('id', '=', etabs.lycee)
    .execute();

  await db
    .insertInto('examen')
    .values([
      { code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
      { code: '47A', sigle: 'EA-BCG', libelle: 'EPREUVES ANTICIPEES DU BACCALAUREAT GENERAL' },
      { code: '100', sigle: 'DNB', libelle: 'DIPLOME NATIONAL DU BREVET' },
      { code: '500', sigle: 'CAP', libelle: "CERTIFICAT D'APTITUDE PROFESSIONNELLE" },
    ])
    .execute();
  const sessions = await db
    .insertInto('session_examen')
    .values([
      { examen_code: '470', code: '2026-06', libelle: 'BGT 2026', annee: 2026 },
      { examen_code: '470', code: '2025-06', libelle: 'BGT 2025', annee: 2025 },
      { examen_code: '100', code: '2026-06', libelle: 'DNB 2026', annee: 2026 },
    ])
    .returning(['id', 'examen_code', 'code'])
    .execute();
  const session = (x: string, c: string) => sessions.find((s) => s.examen_code === x && s.code === c)!.id;
  const specs = await db
    .insertInto('specialite')
    .values([
      { examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
      { examen_code: '47A', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' },
      { examen_code: '100', code: 'GEN', libelle: 'SERIE GENERALE' },
      { examen_code: '500', code: 'TOUTES', libelle: 'TOUTES SPECIALITES CAP' },
    ])
    .returning(['id', 'examen_code'])
    .execute();
  const spec = (x: string) => specs.find((s) => s.examen_code === x)!.id;
  const eps = await db
    .insertInto('epreuve_option')
    .values([
      { specialite_id: spec('470'), code: 'C010', libelle: 'Mathématiques', nature: 'ecrite' },
      { specialite_id: spec('470'), code: 'C012', libelle: 'Physique-Chimie', nature: 'ecrite' },
      { specialite_id: spec('470'), code: '1-T004-1', libelle: 'Epr orale terminale (Gd oral)', nature: 'orale' },
      { specialite_id: spec('47A'), code: 'C004', libelle: 'Enseignement scientifique', nature: 'ecrite' },
      { specialite_id: spec('100'), code: 'MATH', libelle: 'MATHEMATIQUES', nature: 'ecrite' },
      { specialite_id: spec('500'), code: 'CHEOEUVR', libelle: "CHEF D'OEUVRE", nature: 'orale' },
    ])
    .returning(['id', 'code'])
    .execute();
  const ep = (c: string) => eps.find((e) => e.code === c)!.id;

  await db
    .insertInto('type_mission')
    .values([
      { code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' },
      { code: 'INTORA', libelle: 'INTERROGATION ORALE', mode_remuneration: 'candidats' },
      { code: 'JURY', libelle: 'JURY DE DELIBERATION', mode_remuneration: 'gestionnaire' },
    ])
    .execute();
  const qualites = await db
    .insertInto('qualite')
    .values([
      { academie_code: '14', libelle: 'Correcteur' },
      { academie_code: '16', libelle: 'Interrogateur' },
    ])
    .returning(['id', 'academie_code'])
    .execute();

  const personne = async (v: { nom: string; prenom: string; academie?: string; numen?: string; discipline?: string; naissance?: string; adresse?: string; telPerso?: string; telPro?: string }) =>
    (
      await db
        .insertInto('personne')
        .values({
          academie_code: v.academie ?? '14',
          civilite: 'Mme',
          nom: v.nom,
          prenom: v.prenom,
          numen: v.numen ?? null,
          discipline_poste: v.discipline ?? 'MATHEMATIQUES',
          date_naissance: v.naissance ?? '1980-05-20',
          adresse: v.adresse ?? '',
          code_postal: v.adresse ? '35000' : '',
          commune: v.adresse ? 'RENNES' : '',
          tel_perso: v.telPerso ?? null,
          tel_pro: v.telPro ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const alice = await personne({ nom: 'ALICE-TEST', prenom: 'Anne', numen: '14E0512345ABC', adresse: '3 RUE DES LILAS', telPerso: '06 39 98 00 01', telPro: '02 61 91 00 02' });
  const bruno = await personne({ nom: 'BRUNO-TEST', prenom: 'Bruno', numen: '14E0612345ABD', discipline: 'PHYSIQUE CHIMIE', naissance: '1975-01-02' });
  const chloe = await personne({ nom: 'CHLOE-TEST', prenom: 'Chloé', discipline: 'LETTRES MODERNES' });
  const denis = await personne({ nom: 'DENIS-TEST', prenom: 'Denis', academie: '16' });
  const emma = await personne({ nom: 'EMMA-TEST', prenom: 'Emma', numen: '14E0712345ABE' });
  await db
    .insertInto('personne_etablissement')
    .values([
      { personne_id: alice, etablissement_id: etabs.lycee, principal: true },
      { personne_id: bruno, etablissement_id: etabs.college, principal: true },
      { personne_id: bruno, etablissement_id: etabs.lycee, principal: false },
      { personne_id: chloe, etablissement_id: etabs.college, principal: true },
      { personne_id: denis, etablissement_id: etabs.toulouse, principal: true },
      { personne_id: emma, etablissement_id: etabs.lycee, principal: true },
    ])
    .execute();
  await db
    .insertInto('enseignement')
    .values([
      { personne_id: alice, etablissement_id: etabs.lycee, annee_scolaire: '2025-2026', mef_code: '20110019110', mef_libelle: '1ERE GENERALE', type_mef: '1ERE G', matiere: 'MATHEMATIQUES', modalite_cours: 'CG', structure: 'Div. Classe : 1G2' },
      { personne_id: bruno, etablissement_id: etabs.college, annee_scolaire: '2025-2026', mef_code: '10310019110', mef_libelle: '3EME', type_mef: '3EME', matiere: 'PHYSIQUE-CHIMIE', modalite_cours: 'CG', structure: 'Groupe : 3B' },
    ])
    .execute();

  // Missions: two in Rennes this year (one with a commission), one last year, one in Toulouse.
  const mission = async (v: { numero: number; academie?: string; session: number; epreuve?: number; specialite?: number; type: string; centre: number; observation?: string; signataire?: 'chef_etablissement' | 'chef_centre' | 'gestionnaire' }) =>
    (
      await db
        .insertInto('mission')
        .values({
          academie_code: v.academie ?? '14',
          numero: v.numero,
          session_examen_id: v.session,
          specialite_id: v.specialite ?? spec('470'),
          epreuve_option_id: v.epreuve ?? null,
          type_mission: v.type,
          centre_id: v.centre,
          observation_defaut: v.observation ?? '',
          signataire: v.signataire ?? 'gestionnaire',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const m1 = await mission({ numero: 112440, session: session('470', '2026-06'), epreuve: ep('C010'), type: 'CORCOP', centre: etabs.lycee, observation: "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée." });
  const m2 = await mission({ numero: 112441, session: session('470', '2026-06'), epreuve: ep('1-T004-1'), type: 'INTORA', centre: etabs.lycee, signataire: 'chef_centre' });
  const m3 = await mission({ numero: 111759, session: session('470', '2025-06'), epreuve: ep('C010'), type: 'CORCOP', centre: etabs.lycee });
  const m4 = await mission({ numero: 195466, academie: '16', session: session('470', '2026-06'), epreuve: ep('1-T004-1'), type: 'INTORA', centre: etabs.toulouse });
  await db
    .insertInto('mission_date')
    .values([
      { mission_id: m1, jour: '2026-06-15', heure_debut: '08:00', heure_fin: '12:00' },
      { mission_id: m1, jour: '2026-06-16', heure_debut: '08:00', heure_fin: '12:00' },
      { mission_id: m2, jour: '2026-06-22', heure_debut: '08:00', heure_fin: '18:00' },
      { mission_id: m2, jour: '2026-06-23', heure_debut: '08:00', heure_fin: '18:00' },
      { mission_id: m3, jour: '2025-06-18', heure_debut: '09:00', heure_fin: '17:00' },
      { mission_id: m4, jour: '2026-06-25', heure_debut: '08:00', heure_fin: '12:00' },
    ])
    .execute();
  const com = await db.insertInto('commission').values({ mission_id: m2, code: 'COM1', nb_candidats: 24 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('commission_date').values({ commission_id: com.id, jour: '2026-06-23', heure_debut: '14:00', heure_fin: '18:00' }).execute();
  await db.insertInto('signature_convocation').values({ etablissement_id: etabs.lycee, type: 'centre', autorite: 'Pour le recteur et par délégation', intitule: 'Le proviseur, chef de centre', nom: 'M. PROVISEUR-TEST', ville: 'RENNES' }).execute();

  const convocation = async (v: { mission: number; personne: number; academie?: string; statut?: 'affectee' | 'convoquee'; origine?: 'gestionnaire' | 'centre'; commission?: number; qualite?: number; editee?: string }) =>
    (
      await db
        .insertInto('convocation')
        .values({
          academie_code: v.academie ?? '14',
          mission_id: v.mission,
          personne_id: v.personne,
          statut: v.statut ?? 'convoquee',
          origine: v.origine ?? 'gestionnaire',
          etablissement_createur_id: v.origine === 'centre' ? etabs.lycee : null,
          commission_id: v.commission ?? null,
          qualite_id: v.qualite ?? null,
          editee_le: v.editee ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const correcteur = qualites.find((q) => q.academie_code === '14')!.id;
  const interrogateur = qualites.find((q) => q.academie_code === '16')!.id;
  const cAliceM1 = await convocation({ mission: m1, personne: alice, qualite: correcteur, editee: '2026-05-20T10:00:00Z' });
  const cAliceM2 = await convocation({ mission: m2, personne: alice, origine: 'centre', commission: com.id, editee: '2026-05-28T10:00:00Z' });
  const cAliceM3 = await convocation({ mission: m3, personne: alice, editee: '2025-05-12T10:00:00Z' });
  const cAliceM4 = await convocation({ mission: m4, personne: alice, academie: '16', qualite: interrogateur, editee: '2026-06-01T10:00:00Z' });
  const cEmmaM1 = await convocation({ mission: m1, personne: emma, statut: 'affectee' });
  const cBrunoM2 = await convocation({ mission: m2, personne: bruno, commission: com.id, editee: '2026-05-29T10:00:00Z' });
  // Bruno's own dates on M2: a specific affectation.
  await db.insertInto('convocation_date').values({ convocation_id: cBrunoM2, jour: '2026-06-22', heure_debut: '09:00', heure_fin: '12:00' }).execute();

  const indispo = async (v: { personne: number; debut: string; fin: string; hd?: string; hf?: string; motif: string; source: 'ETABLISSEMENT' | 'EPP' | 'SIRHEN' | 'CONVOCATION'; etab?: number; convocation?: number; academie?: string }) =>
    (
      await db
        .insertInto('indisponibilite')
        .values({
          personne_id: v.personne,
          academie_code: v.academie ?? '14',
          date_debut: v.debut,
          heure_debut: v.hd ?? '00:00',
          date_fin: v.fin,
          heure_fin: v.hf ?? '23:59',
          motif: v.motif,
          source: v.source,
          etablissement_id: v.etab ?? null,
          convocation_id: v.convocation ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const iEpp = await indispo({ personne: alice, debut: '2026-03-01', fin: '2026-03-10', motif: 'CONGE DE MALADIE', source: 'EPP' });
  const iSirhen = await indispo({ personne: alice, debut: '2026-01-05', fin: '2026-01-06', motif: 'CONGE DE FORMATION PROFESSIONNELLE', source: 'SIRHEN' });
  const iToulouse = await indispo({ personne: alice, debut: '2026-06-25', fin: '2026-06-25', hd: '08:00', hf: '12:00', motif: 'CONVOCATION PAR IMAGIN TOULOUSE', source: 'CONVOCATION', convocation: cAliceM4 });
  const iLycee = await indispo({ personne: alice, debut: '2026-04-02', fin: '2026-04-03', motif: 'SORTIE PEDAGOGIQUE', source: 'ETABLISSEMENT', etab: etabs.lycee });
  const iCollege = await indispo({ personne: bruno, debut: '2026-05-04', fin: '2026-05-04', motif: 'SECRETARIAT EXAMEN DNB', source: 'ETABLISSEMENT', etab: etabs.college });

  // Compétences: Alice SYS(C) on C010; Bruno C012 by the college (C) and himself (C); Emma none.
  const competence = async (personne: number, epreuve: number, auteurs: Array<[string, 'SYS' | 'ETABLISSEMENT' | 'INTERVENANT' | 'GESTIONNAIRE', 'C' | 'I']>) => {
    const k = await db.insertInto('competence').values({ personne_id: personne, epreuve_option_id: epreuve }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('competence_auteur')
      .values(auteurs.map(([auteur, type_auteur, nature]) => ({ competence_id: k.id, auteur, type_auteur, nature })))
      .execute();
    return k.id;
  };
  const kAliceC010 = await competence(alice, ep('C010'), [['SYS', 'SYS', 'C']]);
  const kBrunoC012 = await competence(bruno, ep('C012'), [['0350711H', 'ETABLISSEMENT', 'C'], ['14E0612345ABD', 'INTERVENANT', 'C']]);
  const kChloeMath = await competence(chloe, ep('MATH'), [['0350711H', 'ETABLISSEMENT', 'C']]);
  await db.insertInto('correspondance_enseignement').values([
    { matiere: 'MATHEMATIQUES', epreuve_option_id: ep('C010') },
    { matiere: 'PHYSIQUE-CHIMIE', epreuve_option_id: ep('C012') },
    { matiere: 'PHYSIQUE-CHIMIE', epreuve_option_id: ep('C004') },
  ]).execute();

  const comptes = {
    lycee: await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee }),
    college: await fixtureCompte(p, { login: 'ce.0350711h', role: 'chef_etablissement', etablissementId: etabs.college }),
    toulouse: await fixtureCompte(p, { login: 'ce.0120006s', role: 'chef_etablissement', etablissementId: etabs.toulouse, academie: '16' }),
    decRennes: await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire', email: 'dec@ac-rennes.fr' }),
    decRennes2: await fixtureCompte(p, { login: 'dec.rennes.bcg', role: 'gestionnaire', email: 'bcg@ac-rennes.fr' }),
    decToulouse: await fixtureCompte(p, { login: 'dec.toulouse', role: 'gestionnaire', academie: '16', email: 'dec@ac-toulouse.fr' }),
  };

  return {
    etabs,
    personnes: { alice, bruno, chloe, denis, emma },
    epreuves: { c010: ep('C010'), c012: ep('C012'), oral: ep('1-T004-1'), c004: ep('C004'), math: ep('MATH'), cap: ep('CHEOEUVR') },
    specialites: { bcg: spec('470'), ea: spec('47A'), dnb: spec('100'), cap: spec('500') },
    missions: { m1, m2, m3, m4 },
    convocations: { cAliceM1, cAliceM2, cAliceM3, cAliceM4, cEmmaM1, cBrunoM2 },
    indisponibilites: { iEpp, iSirhen, iToulouse, iLycee, iCollege },
    competences: { kAliceC010, kBrunoC012, kChloeMath },
    comptes,
  };
}
