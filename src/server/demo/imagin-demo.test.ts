// The demo's IMAG'IN data (issue 4): LGT LA PROMENADE shows rich data in each activity of the
// établissement service, and the data keeps the rules the server enforces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textePdf } from '../testing/documents.ts';
import { createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { genererCompetencesSys } from '../imagin-etablissement/competences-sys.ts';
import { MOT_DE_PASSE_AGENTS } from './comptes.ts';
import { chargerDemo, genererDemo } from './demo.ts';

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
    expect(new Set(d.indisponibilites.map((i) => i.source))).toEqual(new Set(['EPP', 'SIRHEN', 'ETABLISSEMENT', 'CONVOCATION']));
    expect(new Set(d.competences.flatMap((k) => k.auteurs.map((a) => `${a.type_auteur}(${a.nature})`)))).toEqual(
      new Set(['SYS(C)', 'ETABLISSEMENT(C)', 'ETABLISSEMENT(I)', 'INTERVENANT(C)', 'INTERVENANT(I)', 'GESTIONNAIRE(C)']),
    );
  });
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
    expect(annees.annees).toEqual([2026, 2025]);
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

  it('a les mêmes SYS (C) que le traitement de génération : le relancer ne change rien', async () => {
    for (const academie of ['14', '16']) {
      const r = await p.ctx.db.transaction().execute((trx) => genererCompetencesSys(trx, academie, p.clock.now()));
      expect(r, academie).toMatchObject({ ajoutees: 0, retirees: 0, supprimees: 0 });
      expect(r.attendues).toBeGreaterThan(0);
    }
  });
});
