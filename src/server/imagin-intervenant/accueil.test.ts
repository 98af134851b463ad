// The intervenant service's entrance (issue 15, seed 004 §2.1–§2.2): the identifiant and temporary
// password printed on a convocation open the service (the e-mail can be given before the password is
// changed); the menu of each kind of intervenant holds exactly the activities he is entitled to; the
// activities hidden from him are refused at their address with the French reason; the rules of the
// personal conditions (habilitations.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ligneAccueilIntervenant } from '../../domain/imagin/accueil-intervenant.ts';
import { RAISON_CONDITION_PERSONNE, SERVICES, type ConditionPersonne } from '../../domain/services.ts';
import { chargerDemo } from '../demo/demo.ts';
import { MOT_DE_PASSE_INTERVENANT, MOT_DE_PASSE_TEMPORAIRE } from '../demo/comptes.ts';
import { fixtureImagin } from '../imagin-etablissement/fixtures.ts';
import { exigencesAction, RULES, type Action, type Actor, type Rule } from '../platform/policy.ts';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { conditionsPersonne } from './habilitations.ts';

const NOUVEAU = 'Mon-Nouveau-Mot2passe!';

describe('la convocation donne l’identifiant et le mot de passe du service intervenants', () => {
  let p: TestPlatform;
  let f: Awaited<ReturnType<typeof fixtureImagin>>;
  let dec: TestClient;
  const pdf = (m: number, c: number) => dec.get(`/api/gestion/missions/${m}/convocations/${c}/pdf`);
  /** The identifiant and temporary password as printed (one « libellé valeur » line each). */
  const acces = (texte: string) => ({
    identifiant: /Identifiant IMAG'IN\s*:?\s*(\S+)/.exec(texte)?.[1],
    motDePasse: /Mot de passe temporaire\s*:?\s*(\S+)/.exec(texte)?.[1],
  });

  beforeAll(async () => {
    p = await createTestPlatform();
    f = await fixtureImagin(p);
    dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE);
  });
  afterAll(async () => {
    await p?.close();
  });

  it('une personne jamais connectée se connecte avec ce que porte sa convocation, renseigne son adresse puis choisit son mot de passe', async () => {
    expect(await p.ctx.db.selectFrom('compte').select('id').where('personne_id', '=', f.personnes.alice).execute()).toEqual([]);
    const r = await pdf(f.missions.m1, f.convocations.cAliceM1);
    expect(r.status).toBe(200);
    const texte = (await textePdf(r.raw)).pages.join('\n');
    const { identifiant, motDePasse } = acces(texte);
    expect(identifiant).toBe('anne.alice-test');
    expect(motDePasse).toMatch(/^\S{10,}$/);
    // A reprint before the first login shows the same ones.
    expect(acces((await textePdf((await pdf(f.missions.m1, f.convocations.cAliceM1)).raw)).pages.join('\n'))).toEqual({ identifiant, motDePasse });

    const alice = p.client();
    // « Les majuscules et les minuscules sont prises en compte » in the password.
    const inverse = [...motDePasse!].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    expect(inverse).not.toBe(motDePasse);
    expect((await alice.post('/api/auth/connexion', { service: 'imagin-intervenant', identifiant, motDePasse: inverse })).status).toBe(401);
    const s = await alice.login('imagin-intervenant', identifiant!, motDePasse!);
    expect(s.role).toBe('intervenant');
    expect(s.personne).toMatchObject({ nom: 'ALICE-TEST', prenom: 'Anne' });
    expect(s.academie.code).toBe('14');
    // No address known: the web shell asks for it first (decision 0019), the temporary password after.
    expect(s.compte).toMatchObject({ login: identifiant, motDePasseTemporaire: true, emailManquant: true });
    // Before the password is changed, only the e-mail and the password may be given.
    expect((await alice.get('/api/preferences')).status).toBe(403);
    const mauvaise = await alice.post('/api/auth/email', { email: 'pas-une-adresse' });
    expect(mauvaise.status).toBe(400);
    expect(JSON.stringify(mauvaise.body)).toContain('Adresse électronique incorrecte');
    expect((await alice.post('/api/auth/email', { email: 'anne.alice@example.fr' })).status).toBe(200);
    expect((await alice.get('/api/auth/session')).body.compte).toMatchObject({ motDePasseTemporaire: true, emailManquant: false });
    const change = await alice.post('/api/auth/mot-de-passe', { ancien: motDePasse, nouveau: NOUVEAU, confirmation: NOUVEAU });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    expect((await alice.get('/api/auth/session')).body.compte).toMatchObject({ motDePasseTemporaire: false, emailManquant: false });

    // Once she chose her password, the convocation prints the identifiant only.
    const apres = (await textePdf((await pdf(f.missions.m1, f.convocations.cAliceM1)).raw)).pages.join('\n');
    expect(acces(apres)).toEqual({ identifiant, motDePasse: undefined });
    expect(apres).toContain('votre mot de passe personnel');
    const encore = p.client();
    expect((await encore.post('/api/auth/connexion', { service: 'imagin-intervenant', identifiant, motDePasse })).status).toBe(401);
    expect((await encore.login('imagin-intervenant', identifiant!, NOUVEAU)).compte.motDePasseTemporaire).toBe(false);
  });
});

describe('le menu de chaque sorte d’intervenant (démonstration)', () => {
  let p: TestPlatform;
  const sessions = new Map<string, { client: TestClient; session: any }>();
  const codes = (s: any): string[] => s.menu.flatMap((g: any) => g.activites.map((a: any) => a.code));
  // Every intervenant: his missions, his états de frais (issue 16), his personal information.
  const COMMUNES = ['consultation-missions', 'etats-frais', 'informations-personnelles'];

  beforeAll(async () => {
    p = await createTestPlatform();
    await chargerDemo(p.ctx.db, { scale: 1 });
    for (const login of ['prof.martin', 'prof.sport', 'habilite.sujets', 'inspecteur.general', 'president.jury']) {
      const client = p.client();
      const session = await client.login('imagin-intervenant', login, MOT_DE_PASSE_INTERVENANT);
      sessions.set(login, { client, session });
    }
  });
  afterAll(async () => {
    await p?.close();
  });

  it('chacun ne voit que les activités auxquelles il a droit, à la connexion comme en relisant sa session', async () => {
    const attendu: Record<string, string[]> = {
      // Convoked to correct copies (CORCOP): the portal of SANTORIN and CYCLADES.
      'prof.martin': [...COMMUNES, 'portail-acces-missions'],
      'prof.sport': [...COMMUNES, 'gestion-epreuves-eps'],
      'habilite.sujets': [...COMMUNES, 'gestion-sujets'],
      'inspecteur.general': [...COMMUNES, 'gestion-sujets', 'statistiques-notation'],
      // Président of a JURY DE DELIBERATION mission, the activity opened by Rennes' administrator.
      'president.jury': [...COMMUNES, 'portail-deliberation-jury'],
    };
    for (const [login, codesAttendus] of Object.entries(attendu)) {
      const { client, session } = sessions.get(login)!;
      expect(codes(session), login).toEqual(codesAttendus);
      const relue = await client.get('/api/auth/session');
      expect(relue.status).toBe(200);
      expect(codes(relue.body), login).toEqual(codesAttendus);
      // The home page: the académie's message and one line per activity of the menu.
      expect(relue.body.messageAccueil, login).toContain("Bienvenue sur le service intervenants de l'académie de Rennes");
      for (const code of codesAttendus) expect(ligneAccueilIntervenant(code), code).toMatch(/^Cliquez sur le menu « .+ » pour /);
      // The états de frais are the intervenant's own (issue 16), never the gestionnaire's processing; no
      // enquête DCS (the SIEC's only).
      expect(codes(relue.body).filter((c) => c.includes('frais')), login).toEqual(['etats-frais']);
      expect(codes(relue.body), login).not.toContain('enquete-dcs');
    }
  });

  it('une activité cachée est refusée à son adresse, avec la raison en français', async () => {
    const { client, session } = sessions.get('prof.martin')!;
    const visibles = new Set(codes(session));
    const personneId = Number((await p.ctx.db.selectFrom('compte').select('personne_id').where('login', '=', 'prof.martin').executeTakeFirstOrThrow()).personne_id);
    const actor = { service: 'imagin-intervenant', role: 'intervenant', academieCode: '14', personneId } as Actor;
    // Every action of an activity hidden from him: the server asks the same condition as the menu.
    const duService = new Set(SERVICES['imagin-intervenant'].activites.map((a) => a.code));
    const cachees = (Object.keys(RULES) as Action[]).filter((a) => {
      const activite = (RULES[a] as Rule).activite;
      return (RULES[a] as Rule).roles.includes('intervenant') && !!activite && duService.has(activite) && !visibles.has(activite);
    });
    expect(cachees).toEqual(expect.arrayContaining(['portail-eps.acceder', 'portail-sujets.acceder', 'portail-statistiques.acceder', 'portail-jury.code-sms', 'enquete-dcs.repondre']));
    for (const action of cachees) {
      const { conditionPersonne } = exigencesAction(actor, action);
      expect(conditionPersonne, action).not.toBeNull();
      expect((await conditionsPersonne(p.ctx.db, personneId, '14', [conditionPersonne!])).has(conditionPersonne!), action).toBe(false);
    }
    // Over HTTP: every declared route of those actions answers 403 with the condition's reason.
    let routes = 0;
    for (const r of p.app.routesDeclarees.filter((x) => x.action && cachees.includes(x.action))) {
      const url = r.url.replace(/:[a-zA-Z]+/g, '1');
      const res = await client.request(r.method as 'GET' | 'POST' | 'PUT' | 'DELETE', url, r.method === 'GET' ? undefined : {});
      const condition = exigencesAction(actor, r.action!).conditionPersonne as ConditionPersonne;
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
      expect([RAISON_CONDITION_PERSONNE[condition], "L'enquête DCS n'existe que dans l'IMAG'IN du SIEC."], `${r.method} ${r.url}`).toContain(res.body.message);
      routes++;
    }
    // At least the portail Jury's routes (issue 8); the portals' and the survey's when declared.
    expect(routes).toBeGreaterThanOrEqual(3);
    const jury = await client.get('/api/intervenant/portail-jury');
    expect(jury.body.message).toBe(RAISON_CONDITION_PERSONNE.convoque_deliberation);
    const president = sessions.get('president.jury')!.client;
    expect((await president.get('/api/intervenant/portail-jury')).status).toBe(200);
  });

  it("l'activité fermée par l'administrateur disparaît du menu du président et son adresse répond « non ouverte »", async () => {
    const { client } = sessions.get('president.jury')!;
    await p.ctx.db.updateTable('activite_ouverture').set({ ouverte: false }).where('academie_code', '=', '14').where('service', '=', 'imagin-intervenant').where('activite', '=', 'portail-deliberation-jury').execute();
    try {
      expect(codes((await client.get('/api/auth/session')).body)).toEqual([...COMMUNES]);
      const r = await client.get('/api/intervenant/portail-jury');
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('ACTIVITE_FERMEE');
    } finally {
      await p.ctx.db.updateTable('activite_ouverture').set({ ouverte: true }).where('academie_code', '=', '14').where('service', '=', 'imagin-intervenant').where('activite', '=', 'portail-deliberation-jury').execute();
    }
  });

  it("une activité fermée par le gestionnaire reste au menu de qui y a droit, avec son motif", async () => {
    const { client } = sessions.get('inspecteur.general')!;
    await p.ctx.db
      .insertInto('activite_ouverture')
      .values({ academie_code: '14', service: 'imagin-intervenant', activite: 'statistiques-notation', ouverte: false, motif: 'Campagne terminée.' })
      .onConflict((oc) => oc.columns(['academie_code', 'service', 'activite']).doUpdateSet({ ouverte: false, motif: 'Campagne terminée.' }))
      .execute();
    try {
      const menu = (await client.get('/api/auth/session')).body.menu.flatMap((g: any) => g.activites);
      expect(menu.find((a: any) => a.code === 'statistiques-notation')).toMatchObject({ ouverte: false, motif: 'Campagne terminée.' });
      expect(menu.find((a: any) => a.code === 'gestion-sujets')).toMatchObject({ ouverte: true });
      // Still hidden from who is not entitled, open or closed.
      expect(codes((await sessions.get('habilite.sujets')!.client.get('/api/auth/session')).body)).not.toContain('statistiques-notation');
    } finally {
      await p.ctx.db.deleteFrom('activite_ouverture').where('academie_code', '=', '14').where('service', '=', 'imagin-intervenant').where('activite', '=', 'statistiques-notation').execute();
    }
  });

  it('prof.abricotier (première connexion) peut renseigner son adresse avant de changer son mot de passe', async () => {
    const c = p.client();
    const s = await c.login('imagin-intervenant', 'prof.abricotier', MOT_DE_PASSE_TEMPORAIRE);
    expect(s.compte).toMatchObject({ motDePasseTemporaire: true, emailManquant: true });
    expect(codes(s)).toEqual(COMMUNES);
  });
});

describe('les règles des habilitations', () => {
  let p: TestPlatform;
  let etab: number;
  const TOUTES: ConditionPersonne[] = ['convoque_deliberation', 'convoque_portail', 'enseignant_eps', 'habilite_sujets', 'habilite_statistiques', 'enseignant_dcs'];

  beforeAll(async () => {
    p = await createTestPlatform();
    etab = (await fixtureImagin(p)).etabs.lycee;
  });
  afterAll(async () => {
    await p?.close();
  });

  async function personne(v: { discipline?: string; grade?: string; enseignements?: Array<[typeMef: string, matiere: string]>; academie?: string }) {
    const { id } = await p.ctx.db
      .insertInto('personne')
      .values({ academie_code: v.academie ?? '14', civilite: 'M.', nom: 'REGLE-TEST', prenom: 'Jean', discipline_poste: v.discipline ?? 'MATHEMATIQUES', grade: v.grade ?? '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [type_mef, matiere] of v.enseignements ?? []) {
      await p.ctx.db.insertInto('enseignement').values({ personne_id: id, etablissement_id: etab, annee_scolaire: '2026-2027', mef_code: '00000000000', mef_libelle: type_mef, type_mef, matiere, modalite_cours: 'CG' }).execute();
    }
    return id;
  }
  const remplies = async (id: number, academie = '14') => [...(await conditionsPersonne(p.ctx.db, id, academie, TOUTES))].sort();

  it('inspecteur général, IMSUJ, IMSTA', async () => {
    expect(await remplies(await personne({ grade: 'IGESR' }))).toEqual(['habilite_statistiques', 'habilite_sujets']);
    expect(await remplies(await personne({ grade: ' igen ' }))).toEqual(['habilite_statistiques', 'habilite_sujets']);
    expect(await remplies(await personne({ discipline: 'IMSUJ' }))).toEqual(['habilite_sujets']);
    expect(await remplies(await personne({ discipline: 'IMSTA' }))).toEqual(['habilite_statistiques']);
    expect(await remplies(await personne({ grade: 'IA-IPR' }))).toEqual([]);
  });

  it("l'EPS en BGT, BCP ou CAP, pas au collège ni en BTS ; une autre matière ne suffit pas", async () => {
    expect(await remplies(await personne({ enseignements: [['1CAP2', 'EDUCATION PHYSIQUE ET SPORTIVE']] }))).toEqual(['enseignant_eps']);
    expect(await remplies(await personne({ enseignements: [['TLE G', 'education physique et sportive']] }))).toEqual(['enseignant_eps']);
    expect(await remplies(await personne({ enseignements: [['3EME', 'EDUCATION PHYSIQUE ET SPORTIVE'], ['BTS 1A', 'EDUCATION PHYSIQUE ET SPORTIVE']] }))).toEqual([]);
    expect(await remplies(await personne({ enseignements: [['2NDE GT', 'MATHEMATIQUES']] }))).toEqual([]);
  });

  it('le DCS seulement dans le SIEC', async () => {
    const id = await personne({ enseignements: [['DCG 1A', 'COMPTABILITE']] });
    expect(await remplies(id)).toEqual([]);
    expect(await remplies(id, 'SIEC')).toEqual(['enseignant_dcs']);
  });

  it('le portail : une convocation (pas une simple affectation) à une mission de correction', async () => {
    const db = p.ctx.db;
    const mission = await db.selectFrom('mission').select(['id', 'type_mission']).where('numero', '=', 112440).executeTakeFirstOrThrow();
    expect(mission.type_mission).toBe('CORCOP');
    const id = await personne({});
    await db.insertInto('convocation').values({ academie_code: '14', mission_id: mission.id, personne_id: id, statut: 'affectee', origine: 'gestionnaire' }).execute();
    expect(await remplies(id)).toEqual([]);
    await db.updateTable('convocation').set({ statut: 'convoquee' }).where('personne_id', '=', id).execute();
    expect(await remplies(id)).toEqual(['convoque_portail']);
  });

  it('chaque activité du service intervenant a sa ligne d’accueil', () => {
    for (const a of SERVICES['imagin-intervenant'].activites) expect(ligneAccueilIntervenant(a.code), a.code).toContain(`« ${a.libelle} »`);
  });
});
