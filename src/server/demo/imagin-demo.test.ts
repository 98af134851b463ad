// The demo's IMAG'IN data (issue 4): LGT LA PROMENADE shows rich data in each activity of the
// établissement service, and the data keeps the rules the server enforces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avertissementHLP, erreursDates, estEpreuveEC, refusInterrogationEC } from '../../domain/imagin/convocations.ts';
import { jourSemaine } from '../../domain/imagin/dates.ts';
import { synchroniserIndisponibilitesAutreAcademie } from '../imagin/convocation-effets.ts';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { genererCompetencesSys } from '../imagin-etablissement/competences-sys.ts';
import { MOT_DE_PASSE_AGENTS } from './comptes.ts';
import { chargerDemo, genererDemo } from './demo.ts';
import { ACADEMIE_DGRH, ACADEMIE_INJOIGNABLE, ACADEMIE_SIEC, MISSIONS_CENTRE_DEMO as N, PROFESSEURS_HLP_PROMENADE } from './donnees-centre.ts';
import { QUALITES, TYPES_MISSION } from './donnees-missions.ts';
import type { CreneauGenere } from './missions.ts';

const LA_PROMENADE = '0350710G';
const academieDe = (numero: number) => (numero === N.siec ? ACADEMIE_SIEC : numero === N.injoignable ? ACADEMIE_INJOIGNABLE : numero === N.dgrh ? ACADEMIE_DGRH : '14');
const creneaux = (l: readonly CreneauGenere[]) => l.map((c) => ({ jour: c.jour, heureDebut: c.heure_debut, heureFin: c.heure_fin }));

describe('données IMAG’IN générées', () => {
  it('respectent les règles : une convocation par mission et personne, chaque compétence déclarée (C) par un auteur', () => {
    const d = genererDemo(3).imagin;
    const cles = d.convocations.map((c) => `${c.academie_code}/${c.numero}/${c.personne}`);
    expect(new Set(cles).size).toBe(cles.length);
    const numeros = d.missions.map((m) => `${m.academie_code}/${m.numero}`);
    expect(new Set(numeros).size).toBe(numeros.length);
    for (const k of d.competences) expect(k.auteurs.some((a) => a.nature === 'C'), `${k.personne} ${k.epreuve}`).toBe(true);
    for (const m of d.missions) expect(m.dates.length).toBeGreaterThan(0);
    for (const i of d.indisponibilites) expect(`${i.date_fin}T${i.heure_fin}` > `${i.date_debut}T${i.heure_debut}`).toBe(true);
    expect(new Set(d.convocations.map((c) => c.statut))).toEqual(new Set(['affectee', 'convoquee']));
    expect(new Set(d.convocations.map((c) => c.origine))).toEqual(new Set(['gestionnaire', 'centre']));
    // Those a convocation by another académie gives are made at loading (synchroniserIndisponibilitesAutreAcademie).
    expect(new Set(d.indisponibilites.map((i) => i.source))).toEqual(new Set(['EPP', 'SIRHEN', 'ETABLISSEMENT']));
    expect(new Set(d.competences.flatMap((k) => k.auteurs.map((a) => `${a.type_auteur}(${a.nature})`)))).toEqual(
      new Set(['SYS(C)', 'ETABLISSEMENT(C)', 'ETABLISSEMENT(I)', 'INTERVENANT(C)', 'INTERVENANT(I)', 'GESTIONNAIRE(C)']),
    );
  });
});

describe("missions fixes du centre d'examen (issue 5)", () => {
  for (const echelle of [1, 3]) {
    it(`existent à l'échelle ${echelle} dans LA PROMENADE, chacune avec la règle qu'elle montre`, () => {
      const d = genererDemo(echelle);
      const im = d.imagin;
      const mission = (numero: number) => im.missions.find((m) => m.numero === numero && m.academie_code === academieDe(numero))!;
      const convocations = (numero: number) => im.convocations.filter((c) => c.numero === numero && c.academie_code === academieDe(numero));
      const santorin = new Set(QUALITES.filter((q) => q.santorin).map((q) => q.libelle));
      const type = (code: string) => TYPES_MISSION.find((t) => t.code === code)!;

      for (const numero of Object.values(N)) {
        const m = mission(numero);
        expect(m, String(numero)).toBeDefined();
        expect(m.centre).toBe(LA_PROMENADE);
        // Weekdays, hours in order; commission, own and limited dates among the mission's.
        for (const c of m.dates) {
          expect(['samedi', 'dimanche'], `${numero} ${c.jour}`).not.toContain(jourSemaine(c.jour));
          expect(c.heure_fin > c.heure_debut).toBe(true);
        }
        const jours = new Set(m.dates.map((c) => c.jour));
        for (const k of m.commissions) for (const c of k.dates) expect(jours.has(c.jour), `${numero} ${k.code}`).toBe(true);
        if (m.date_limitee) expect(jours.has(m.date_limitee)).toBe(true);
        // Each convocation keeps the rules the centre's form enforces.
        for (const c of convocations(numero)) {
          const commission = c.commission ? m.commissions.find((k) => k.code === c.commission)! : null;
          if (c.dates.length) {
            const regles = { typeCode: m.type_mission, mission: creneaux(m.dates), commission: commission && creneaux(commission.dates), aDesCommissions: m.commissions.length > 0, dateLimitee: m.date_limitee ?? null };
            expect(erreursDates(regles, creneaux(c.dates)), `${numero} ${c.personne}`).toEqual({});
          }
          if (m.commissions.length) expect(commission, `${numero} ${c.personne}`).not.toBeNull();
          if (type(m.type_mission).sans_qualite) expect(c.qualite).toBeNull();
          if (c.origine === 'centre') expect(c.createur).toBe(LA_PROMENADE);
        }
      }
      expect(new Set(Object.values(N).map((n) => mission(n).signataire))).toEqual(new Set(['chef_etablissement', 'chef_centre', 'gestionnaire']));

      // Évaluations communes of the EA session, open without targeting.
      for (const n of [N.coecHlp, N.correctionEc, N.numerisation, N.prece]) {
        expect(mission(n).session, String(n)).toBe('47A/2026-06');
        expect(estEpreuveEC(mission(n).epreuve!.split('/')[2]), String(n)).toBe(true);
        expect(type(mission(n).type_mission).ouverte_sans_ciblage, String(n)).toBe(true);
      }
      expect(mission(N.coecHlp)).toMatchObject({ type_mission: 'COEC', epreuve: '47A/BCG/C009', date_limitee: '2026-05-19' });
      expect(convocations(N.coecHlp)).toEqual([]);
      expect(mission(N.prece)).toMatchObject({ type_mission: 'PRECE', date_limitee: '2026-06-02' });
      expect(mission(N.correctionEc)).toMatchObject({ type_mission: 'CEC', epreuve: '47A/BCG/C010' });
      expect(convocations(N.correctionEc).length).toBeGreaterThanOrEqual(3);
      for (const c of convocations(N.correctionEc)) {
        expect(c.origine).toBe('centre');
        expect(santorin.has(c.qualite!), c.qualite!).toBe(true);
      }
      expect(mission(N.numerisation).type_mission).toBe('NUMCOP');
      const oralEc = mission(N.oralEcNonAffecte);
      expect(oralEc).toMatchObject({ type_mission: 'INTORA', ciblee_etablissement: true, candidats_affectes: false });
      expect(refusInterrogationEC({ typeCode: oralEc.type_mission, codeEpreuve: oralEc.epreuve!.split('/')[2]!, candidatsAffectes: false })).toMatch(/CYCLADES/);

      // Targeted missions: convocations by the gestionnaire and by the centre, one changed since by the gestionnaire.
      const oral = mission(N.oralCible);
      expect(oral).toMatchObject({ type_mission: 'INTORA', ciblee_etablissement: true, epreuve: '470/BCG/1-T004-1' });
      expect(oral.commissions.map((k) => k.code)).toEqual(['COM1', 'COM2']);
      expect(oral.salles.length).toBe(2);
      const co = convocations(N.oralCible);
      expect(co.filter((c) => c.origine === 'gestionnaire' && c.statut === 'convoquee').length).toBeGreaterThanOrEqual(3);
      expect(co.filter((c) => c.origine === 'centre').length).toBeGreaterThanOrEqual(3);
      expect(co.filter((c) => c.origine === 'centre' && c.modifiee_par_gestionnaire).length).toBe(1);
      expect(co.some((c) => c.origine === 'centre' && c.dates_specifiques && c.dates.length === 1)).toBe(true);
      const jury = mission(N.juryCible);
      expect(jury).toMatchObject({ type_mission: 'JURY', ciblee_etablissement: true });
      expect(jury.jurys.length).toBe(2);
      const cj = convocations(N.juryCible);
      expect(cj.filter((c) => c.origine === 'gestionnaire').map((c) => c.qualite)).toEqual(expect.arrayContaining(['Président de jury', 'Vice-président']));
      expect(cj.some((c) => c.origine === 'centre')).toBe(true);
      expect(mission(N.correctionCiblee)).toMatchObject({ type_mission: 'CORCOP', ciblee_etablissement: true });
      expect(mission(N.correctionCiblee).commissions.length).toBe(1);
      expect(mission(N.correctionNonCiblee)).toMatchObject({ type_mission: 'CORCOP', ciblee_etablissement: false });
      for (const n of [N.oral2027, N.correction2027]) expect(mission(n)).toMatchObject({ session: '470/2027-06', ciblee_etablissement: true });
      expect(im.sessionsSuivantes).toContainEqual({ examen_code: '470', code: '2027-06', libelle: 'BGT 2027', annee: 2027 });

      // Other académies' missions in LA PROMENADE.
      expect(mission(N.siec)).toMatchObject({ academie_code: 'SIEC', session: '470/2026-06', ciblee_etablissement: true });
      const cs = convocations(N.siec);
      expect(cs.length).toBeGreaterThanOrEqual(2);
      expect(cs.length).toBeLessThanOrEqual(3);
      for (const c of cs) expect(c).toMatchObject({ origine: 'gestionnaire', statut: 'convoquee', qualite: 'Correcteur' });
      expect(im.qualites.filter((q) => q.academie_code === 'SIEC').length).toBe(QUALITES.length);

      // The HLP case: a lettres and a philosophie teacher at LA PROMENADE, free for the demo.
      const personnes = new Map(d.personnes.map((p) => [p.cle, p]));
      const hlp = PROFESSEURS_HLP_PROMENADE.map((x) => personnes.get(x.cle)!);
      expect(hlp.map((p) => p.discipline_poste)).toEqual(['LETTRES MODERNES', 'PHILOSOPHIE']);
      for (const p of hlp) expect(d.affectations).toContainEqual({ personne: p.cle, uai: LA_PROMENADE, principal: true });
      expect(avertissementHLP({ typeCode: 'COEC', codeEpreuve: 'C009', disciplinesConvoquees: hlp.map((p) => p.discipline_poste) })).toBeNull();
      expect(im.convocations.filter((c) => hlp.some((p) => p.cle === c.personne))).toEqual([]);
      expect(im.competences.filter((k) => k.epreuve === '47A/BCG/C009').map((k) => k.personne)).toEqual(expect.arrayContaining(hlp.map((p) => p.cle)));
    });
  }
});

describe('LGT LA PROMENADE dans chaque activité', () => {
  let p: TestPlatform;
  let ce: TestClient;

  beforeAll(async () => {
    p = await createTestPlatform();
    // The demo's school year (validations) is the one of its enseignements: 2026-2027.
    p.clock.set(new Date('2026-11-23T09:00:00Z'));
    await chargerDemo(p.ctx.db, { scale: 1 });
    ce = p.client();
    await ce.login('imagin-etablissement', 'ce.0350710g', MOT_DE_PASSE_AGENTS);
  });
  afterAll(async () => {
    await p?.close();
  });

  it('Consultation des personnels : une liste fournie, des convocations, les trois téléchargements', async () => {
    const l = await ce.get('/api/etablissement/consultation/personnels');
    expect(l.body.total).toBeGreaterThanOrEqual(20);
    expect(l.body.lignes.filter((x: any) => x.derniereConvocation).length).toBeGreaterThanOrEqual(10);
    expect(l.body.lignes.some((x: any) => !x.principal)).toBe(true);
    const martin = l.body.lignes.find((x: any) => x.nom === 'MARTIN-DEMO');
    const aff = await ce.get(`/api/etablissement/consultation/personnels/${martin.id}/affectations`);
    expect(aff.status).toBe(200);
    const ind = await ce.get(`/api/etablissement/consultation/personnels/${martin.id}/indisponibilites`);
    const toul = ind.body.lignes.find((x: any) => x.motif === 'CONVOCATION PAR IMAGIN TOULOUSE');
    expect(toul).toMatchObject({ convocationAutreAcademie: true, supprimable: false });
    expect((await ce.get(toul.recapitulatif)).body.academie).toBe('Académie de Toulouse');
    expect(ind.body.lignes.find((x: any) => x.motif === 'SECRETARIAT EXAMEN DNB')).toMatchObject({ declareePar: '0350711H', supprimable: false });
    const ens = await ce.get(`/api/etablissement/consultation/personnels/${martin.id}/enseignements`);
    expect(ens.body.lignes.length).toBeGreaterThan(0);
    expect(ens.body.lignes[0].structure).toMatch(/^(Div\. Classe|Groupe) : /);

    // Someone affected but not yet convoked, and a duplicata for someone convoked.
    let message = false;
    let duplicata = false;
    for (const x of l.body.lignes) {
      const a = (await ce.get(`/api/etablissement/consultation/personnels/${x.id}/affectations`)).body;
      if (a.message) message = true;
      if (!duplicata && a.lignes.length) {
        const pdf = await ce.get(a.lignes[0].duplicata);
        expect(pdf.status).toBe(200);
        expect((await textePdf(pdf.raw)).pages.join(' ')).toContain(`N° ${a.lignes[0].numeroMission}`);
        duplicata = true;
      }
    }
    expect(message).toBe(true);
    expect(duplicata).toBe(true);

    const annees = (await ce.get('/api/etablissement/consultation/annees-missions')).body;
    // 2027: Paul MARTIN-DEMO, of LA PROMENADE, is convoked to next year's missions (états de frais demo).
    expect(annees.annees).toEqual([2027, 2026, 2025]);
    const ids = l.body.lignes.map((x: any) => x.id);
    const csv = await ce.post('/api/etablissement/consultation/exports', { contenu: 'missions', format: 'csv', ids, annees: [2025, 2026] });
    expect(csv.status).toBe(200);
    expect(csv.raw.toString('utf8').split('\r\n').length).toBeGreaterThan(20);
    const pdf = await ce.post('/api/etablissement/consultation/exports', { contenu: 'missions-detaillees', format: 'pdf', ids, annees: [2026] });
    expect((await textePdf(pdf.raw)).pages.join(' ')).toContain('Détails des missions affectées par personne');
  });

  it("Saisie d'indisponibilité : toutes les sources, dont des supprimables", async () => {
    const l = await ce.get('/api/etablissement/indisponibilites/personnels');
    const sources = new Set<string>();
    let supprimables = 0;
    for (const x of l.body.lignes) {
      for (const i of (await ce.get(`/api/etablissement/indisponibilites/personnels/${x.id}`)).body.lignes) {
        sources.add(i.source);
        if (i.supprimable) supprimables++;
      }
    }
    expect(sources).toEqual(new Set(['EPP', 'SIRHEN', 'ETABLISSEMENT', 'CONVOCATION']));
    expect(supprimables).toBeGreaterThan(0);
  });

  it('Saisie des compétences : des auteurs variés, modifiables ; DU PARC a validé', async () => {
    const l = await ce.get('/api/etablissement/competences/personnels');
    expect(l.body.lectureSeule).toBe(false);
    expect(l.body.lignes.some((x: any) => x.competencesDefinies === 'OUI')).toBe(true);
    expect(l.body.lignes.some((x: any) => x.competencesDefinies === 'NON')).toBe(true);
    const types = new Set<string>();
    for (const x of l.body.lignes) {
      for (const k of (await ce.get(`/api/etablissement/competences/personnels/${x.id}`)).body.competences) {
        for (const a of k.auteurs) types.add(a.type === 'ETABLISSEMENT' ? (a.code === '0350710G' ? `UAI(${a.nature})` : `AUTRE_UAI(${a.nature})`) : `${a.type}(${a.nature})`);
      }
    }
    for (const t of ['SYS(C)', 'UAI(C)', 'UAI(I)', 'INTERVENANT(C)', 'GESTIONNAIRE(C)']) expect(types, t).toContain(t);
    expect((await ce.get('/api/etablissement/competences/examens')).body.lignes.map((x: any) => x.sigle)).toEqual(['BCP', 'BTN', 'BCG', 'EA-BCG', 'EA-BTN', 'BTS']);

    const clg = p.client();
    await clg.login('imagin-etablissement', 'ce.0350711h', MOT_DE_PASSE_AGENTS);
    expect((await clg.get('/api/etablissement/validation-competences')).body).toMatchObject({ anneeScolaire: '2026-2027', validee: true });
    expect((await clg.get('/api/etablissement/competences/examens')).body.lignes.map((x: any) => x.sigle)).toEqual(['DNB']);
    const dec = p.client();
    await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
    const suivi = (await dec.get('/api/gestion/validation-competences')).body;
    expect(suivi.lignes.find((x: any) => x.uai === '0350711H').libelleEtat).toBe('Validée');
    expect(suivi.lignes.find((x: any) => x.uai === '0350710G').libelleEtat).toBe('Non validée');
  });

  it("charge les missions fixes du centre d'examen, les signatures de LA PROMENADE et les qualités du SIEC", async () => {
    const db = p.ctx.db;
    const missions = await db
      .selectFrom('mission as m')
      .innerJoin('etablissement as e', 'e.id', 'm.centre_id')
      .innerJoin('session_examen as s', 's.id', 'm.session_examen_id')
      .select(['m.academie_code', 'm.numero', 'm.type_mission', 'm.ciblee_etablissement', 'm.date_limitee', 'm.candidats_affectes', 'e.uai', 's.annee'])
      .where('m.numero', 'in', Object.values(N))
      .execute();
    expect(missions.length).toBe(Object.values(N).length);
    for (const m of missions) expect(m, String(m.numero)).toMatchObject({ academie_code: academieDe(m.numero), uai: LA_PROMENADE });
    const m = (n: number) => missions.find((x) => x.numero === n)!;
    expect(m(N.coecHlp).date_limitee).toBe('2026-05-19');
    expect(m(N.prece).date_limitee).toBe('2026-06-02');
    expect(m(N.oralEcNonAffecte).candidats_affectes).toBe(false);
    expect(m(N.oralCible).candidats_affectes).toBe(true);
    expect(m(N.oral2027).annee).toBe(2027);

    const modifiee = await db
      .selectFrom('convocation as c')
      .innerJoin('mission as m', 'm.id', 'c.mission_id')
      .innerJoin('etablissement as e', 'e.id', 'c.etablissement_createur_id')
      .innerJoin('compte as k', 'k.id', 'c.modifiee_par')
      .select(['c.origine', 'e.uai', 'k.login'])
      .where('m.numero', '=', N.oralCible)
      .where('c.modifiee_par_gestionnaire', '=', true)
      .execute();
    expect(modifiee).toEqual([{ origine: 'centre', uai: LA_PROMENADE, login: 'dec.rennes' }]);

    const signatures = await db
      .selectFrom('signature_convocation as s')
      .innerJoin('etablissement as e', 'e.id', 's.etablissement_id')
      .select(['s.type', 's.autorite', 's.intitule', 's.ville'])
      .where('e.uai', '=', LA_PROMENADE)
      .orderBy('s.type')
      .execute();
    expect(signatures).toEqual([
      { type: 'centre', autorite: 'Le chef de centre', intitule: 'M. le Proviseur', ville: 'RENNES' },
      expect.objectContaining({ type: 'etablissement', ville: 'RENNES' }),
    ]);
    const siec = await db.selectFrom('qualite').select('libelle').where('academie_code', '=', 'SIEC').where('santorin', '=', true).execute();
    expect(siec.length).toBeGreaterThan(0);
  });

  it("a les indisponibilités « CONVOCATION PAR IMAGIN … » que l'application donne : une par date tenue, sans doublon", async () => {
    const db = p.ctx.db;
    const lire = (x: typeof db) =>
      x
        .selectFrom('indisponibilite as i')
        .select(['i.personne_id', 'i.academie_code', 'i.date_debut', 'i.heure_debut', 'i.date_fin', 'i.heure_fin', 'i.motif', 'i.convocation_id'])
        .where('i.source', '=', 'CONVOCATION')
        .orderBy('i.convocation_id')
        .orderBy('i.date_debut')
        .execute();
    const chargees = await lire(db);
    // What the convocations of other académies hold: one period per date, in the person's académie.
    const attendues = await db
      .selectFrom('convocation as c')
      .innerJoin('personne as p', 'p.id', 'c.personne_id')
      .innerJoin('academie as a', 'a.code', 'c.academie_code')
      .innerJoin('convocation_creneau as cr', 'cr.convocation_id', 'c.id')
      .select(['c.personne_id', 'p.academie_code', 'cr.jour', 'cr.heure_debut', 'cr.heure_fin', 'a.nom_majuscule', 'c.id'])
      .where('c.statut', '=', 'convoquee')
      .whereRef('c.academie_code', '<>', 'p.academie_code')
      .orderBy('c.id')
      .orderBy('cr.jour')
      .execute();
    expect(chargees).toEqual(
      attendues.map((r) => ({
        personne_id: r.personne_id,
        academie_code: r.academie_code,
        date_debut: r.jour,
        heure_debut: r.heure_debut,
        date_fin: r.jour,
        heure_fin: r.heure_fin,
        motif: `CONVOCATION PAR IMAGIN ${r.nom_majuscule}`,
        convocation_id: r.id,
      })),
    );
    expect(new Set(chargees.map((i) => i.motif))).toEqual(new Set(['CONVOCATION PAR IMAGIN TOULOUSE', 'CONVOCATION PAR IMAGIN SIEC', 'CONVOCATION PAR IMAGIN NANTES']));
    // Dated like the other demo rows, not by the clock.
    const dates = await db.selectFrom('indisponibilite').select(['date_debut', 'cree_le']).where('source', '=', 'CONVOCATION').execute();
    for (const r of dates) expect(new Date(r.cree_le).toISOString()).toBe(`${r.date_debut}T07:00:00.000Z`);

    // Running the application's synchronisation again over every convocation changes nothing.
    const tous = (await db.selectFrom('convocation').select('id').execute()).map((c) => c.id);
    class Annuler extends Error {}
    let apres: Awaited<ReturnType<typeof lire>> = [];
    await db
      .transaction()
      .execute(async (trx) => {
        await synchroniserIndisponibilitesAutreAcademie(trx, tous);
        apres = await lire(trx);
        throw new Annuler();
      })
      .catch((e) => {
        if (!(e instanceof Annuler)) throw e;
      });
    expect(apres).toEqual(chargees);
  });

  it('a les mêmes SYS (C) que le traitement de génération : le relancer ne change rien', async () => {
    for (const academie of ['14', '16']) {
      const r = await p.ctx.db.transaction().execute((trx) => genererCompetencesSys(trx, academie, p.clock.now()));
      expect(r, academie).toMatchObject({ ajoutees: 0, retirees: 0, supprimees: 0 });
      expect(r.attendues).toBeGreaterThan(0);
    }
  });
});
