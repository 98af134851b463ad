// The shared layer of the deliberation (issue 7) on the demo: juries and their scope, candidates with
// results that are the rule engine's, and état changes (once under two concurrent calls, refused with
// the domain's French message from another état, audited).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultatDefinitif, resultatPremierGroupe, type Epreuve, type Note } from '../../domain/cyclades/deliberation.ts';
import { AppError } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { acteurDemo, mettreEtat, plateformeDeliberation, type PlateformeDeliberation } from './dec.fixtures.ts';
import { chargerCandidatsJury, chargerJurys, JURY_INTROUVABLE_ACADEMIE, JURY_INTROUVABLE_CENTRE, jurysDansPortee, jurysDeLActeur } from './jurys.repo.ts';
import { changerEtat } from './transitions.ts';

let d: PlateformeDeliberation;
let dec: Actor;
let brequigny: Actor;
let promenade: Actor;
const trace = { ip: '10.0.0.1', requestId: 'test' };

beforeAll(async () => {
  d = await plateformeDeliberation();
  dec = await acteurDemo(d.p, 'dec.rennes');
  brequigny = await acteurDemo(d.p, 'ce.0350059z');
  promenade = await acteurDemo(d.p, 'ce.0350710g');
});
afterAll(async () => {
  await d?.p.close();
});

async function refus(promesse: Promise<unknown>): Promise<AppError> {
  const e = await promesse.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('jurys de la délibération', () => {
  it('charge les jurys de BREQUIGNY avec spécialité, centre, groupe de décision et état', async () => {
    const jurys = await chargerJurys(d.p.ctx.db, { academieCode: '14', centreId: d.etabs.brequigny });
    // The three juries of the deliberation demo at 140, and the Jury portal's 25590 (portail-jury.ts) at 210.
    expect(jurys.map((j) => j.numero)).toEqual(['25510', '25590', '31202', '31210']);
    expect(jurys[2]).toMatchObject({
      numero: '31202',
      specialite: { code: '31202', libelle: 'Commerce' },
      centre: { uai: '0350059Z', nom: 'BREQUIGNY', commune: 'RENNES CEDEX 2' },
      groupeDecision: '11',
      etat: 140,
      libelleEtat: '140 - 1er groupe terminé en centre',
      version: 0,
      session: { code: '2026-06', examenCode: '400' },
    });
    expect(jurys[1]).toMatchObject({
      numero: '25590',
      specialite: { code: '25510', libelle: "Métiers de l'électricité et de ses environnements connectés" },
      centre: { uai: '0350059Z', nom: 'BREQUIGNY', commune: 'RENNES CEDEX 2' },
      groupeDecision: '11',
      etat: 210,
      libelleEtat: "210 - Délibération de l'épreuve de contrôle",
      session: { code: '2026-06', examenCode: '400' },
    });
    // Nantes' jury 44590 (Commerce too) is deliberated in BREQUIGNY but belongs to académie 17.
    expect((await chargerJurys(d.p.ctx.db, { academieCode: '14', q: 'commerce' })).map((j) => j.numero)).toEqual(['31202']);
    expect((await chargerJurys(d.p.ctx.db, { academieCode: '17', centreId: d.etabs.brequigny })).map((j) => [j.numero, j.etat])).toEqual([['44590', 210]]);
    expect(await chargerJurys(d.p.ctx.db, { academieCode: '16' })).toEqual([]);
  });

  it("limite le chef de centre aux jurys délibérés dans son centre et le gestionnaire à son académie (404 sinon)", async () => {
    // Nantes' 44590, deliberated in BREQUIGNY, is not reached through académie 14's scope.
    expect((await jurysDeLActeur(d.p.ctx.db, brequigny)).map((j) => j.numero)).toEqual(['25510', '25590', '31202', '31210']);
    expect((await jurysDeLActeur(d.p.ctx.db, promenade)).map((j) => j.numero)).toEqual(['30001']);
    expect((await jurysDeLActeur(d.p.ctx.db, dec)).map((j) => j.numero)).toEqual(['25510', '25590', '30001', '31202', '31210']);
    expect((await refus(jurysDansPortee(d.p.ctx.db, brequigny, [d.jurys['44590']!]))).message).toBe(JURY_INTROUVABLE_CENTRE);
    expect((await refus(jurysDansPortee(d.p.ctx.db, dec, [d.jurys['44590']!]))).message).toBe(JURY_INTROUVABLE_ACADEMIE);
    const e = await refus(jurysDansPortee(d.p.ctx.db, promenade, [d.jurys['31202']!]));
    expect(e.status).toBe(404);
    expect(e.message).toBe(JURY_INTROUVABLE_CENTRE);
    const toulouse: Actor = { ...dec, academieCode: '16' };
    expect((await refus(jurysDansPortee(d.p.ctx.db, toulouse, [d.jurys['31202']!]))).message).toBe(JURY_INTROUVABLE_ACADEMIE);
  });

  it('calcule les résultats des candidats avec le moteur de règles (5 admis, 5 admissibles, 2 ajournés par jury)', async () => {
    const db = d.p.ctx.db;
    const candidats = await chargerCandidatsJury(db, d.jurys['31202']!);
    expect(candidats).toHaveLength(12);
    expect(candidats[0]!.numeroCandidat).toMatch(/^0195002\d{4} - 001$/);
    expect(candidats.map((c) => c.resultat.premierGroupe.decision)).toEqual([
      'admis', 'admissible', 'admis', 'admissible', 'ajourne', 'admis', 'admissible', 'admis', 'admissible', 'ajourne', 'admis', 'admissible',
    ]);
    // The 3rd (admis) is on the liste rouge, the 9th (admissible) presumed fraudulent.
    expect(candidats.map((c) => c.listeRouge)).toEqual(candidats.map((_, i) => i === 2));
    expect(candidats.map((c) => c.presumeFraudeur)).toEqual(candidats.map((_, i) => i === 8));
    expect(candidats[1]!.centreControle).toMatchObject({ uai: '0350059Z', nom: 'BREQUIGNY' });
    // Each admissible chose the épreuves his two orals replace; no contrôle grade yet.
    const admissible = candidats[1]!;
    expect(admissible.oraux.map((o) => [o.oral, o.epreuveControle?.code, !!o.epreuveRemplacee, o.note])).toEqual([
      ['scientifique', 'ECT1', true, null],
      ['francais_hg', 'ECT2', true, null],
    ]);
    expect(admissible.resultat.definitif.decision).toBe('incomplet');
    expect(admissible.resultat.manquantesControle.map((m) => m.libelle)).toEqual([
      'Epreuve de contrôle : épr. Scientifique et Technique',
      'Epreuve de contrôle : épr. Français et Histoire Géographie',
    ]);

    // Recomputed independently from the rows: the same results as the engine's.
    for (const c of candidats) {
      const eps = await db
        .selectFrom('candidature_epreuve as ce')
        .innerJoin('epreuve_option as eo', 'eo.id', 'ce.epreuve_option_id')
        .select(['eo.id', 'eo.code', 'eo.libelle', 'eo.coefficient', 'eo.domaine', 'eo.facultative', 'eo.controle'])
        .where('ce.candidature_id', '=', c.candidatureId)
        .where('eo.est_controle', 'is', null)
        .execute();
      const notes = await db.selectFrom('note').select(['epreuve_option_id', 'valeur']).where('candidature_id', '=', c.candidatureId).where('groupe', '=', 1).execute();
      const epreuves: Epreuve[] = eps.map((e) => ({ ...e, id: String(e.id), coefficient: Number(e.coefficient) }));
      const parId: Record<string, Note> = Object.fromEntries(notes.map((n) => [String(n.epreuve_option_id), { type: 'note', valeur: Number(n.valeur) }]));
      const attendu = resultatPremierGroupe(epreuves, parId);
      expect(c.resultat.premierGroupe.decision).toBe(attendu.decision);
      expect(c.resultat.premierGroupe.moyenne?.valeur).toBe(attendu.moyenne?.valeur);
      expect(c.resultat.premierGroupe.explication).toEqual(attendu.explication);
      if (c.resultat.premierGroupe.decision !== 'admissible') expect(c.resultat.definitif).toMatchObject({ decision: resultatDefinitif(epreuves, parId).decision, groupe: 1 });
    }
  });

  it("prend en compte les notes de l'épreuve de contrôle : un oral meilleur remplace la note, sans mention", async () => {
    const db = d.p.ctx.db;
    const [, admissible] = await chargerCandidatsJury(db, d.jurys['25510']!);
    const [sci, fr] = admissible!.oraux;
    await db
      .insertInto('note')
      .values([
        { candidature_id: admissible!.candidatureId, epreuve_option_id: sci!.epreuveControle!.id, groupe: 2, statut: 'note', valeur: 20 },
        { candidature_id: admissible!.candidatureId, epreuve_option_id: fr!.epreuveControle!.id, groupe: 2, statut: 'absent', valeur: null },
      ])
      .execute();
    const apres = (await chargerCandidatsJury(db, d.jurys['25510']!))[1]!;
    expect(apres.oraux.map((o) => o.note?.statut)).toEqual(['note', 'absent']);
    expect(apres.resultat.manquantesControle).toEqual([]);
    const r = apres.resultat.apresControle!;
    expect(r.remplacements.map((x) => [x.oral, x.remplace])).toEqual([
      ['scientifique', true],
      ['francais_hg', false],
    ]);
    expect(apres.resultat.definitif).toMatchObject({ groupe: 2, mention: null });
    expect(['admis', 'ajourne']).toContain(apres.resultat.definitif.decision);
    expect(r.moyenne!.valeur).toBeGreaterThan(apres.resultat.premierGroupe.moyenne!.valeur);
  });

  it("change l'état une seule fois sous deux demandes simultanées et refuse l'autre avec le message du domaine", async () => {
    const db = d.p.ctx.db;
    const id = d.jurys['31210']!;
    const verrouiller = () => db.transaction().execute((trx) => changerEtat(trx, dec, { juryIds: [id], de: 140, vers: 198, trace }));
    const resultats = await Promise.allSettled([verrouiller(), verrouiller()]);
    const ok = resultats.filter((r) => r.status === 'fulfilled');
    const ko = resultats.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect((ok[0] as PromiseFulfilledResult<number[]>).value).toEqual([id]);
    expect(ko).toHaveLength(1);
    expect(ko[0]!.reason).toBeInstanceOf(AppError);
    expect(ko[0]!.reason.status).toBe(409);
    expect(ko[0]!.reason.message).toBe(
      "Le jury 31210 est à l'état 198 - 1er groupe verrouillé en académie : le verrouillage du 1er groupe demande l'état 140 - 1er groupe terminé en centre.",
    );
    const jury = await db.selectFrom('jury').select(['etat', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(jury).toEqual({ etat: 198, version: 1 });
    expect(await db.selectFrom('jury_transition').select(['de', 'vers', 'par_compte_id']).where('jury_id', '=', id).execute()).toEqual([{ de: 140, vers: 198, par_compte_id: dec.compteId }]);
    const journal = await db.selectFrom('audit_log').select(['action', 'acteur', 'avant', 'apres', 'request_id']).where('entite', '=', 'jury').where('entite_id', '=', String(id)).execute();
    expect(journal).toEqual([
      { action: 'jury.verrouiller', acteur: 'dec.rennes', avant: { numero: '31210', etat: 140 }, apres: { numero: '31210', etat: 198, version: 1 }, request_id: 'test' },
    ]);
  });

  it("refuse tout le lot quand un jury n'est pas dans l'état requis, et ce que le rôle ne peut pas faire", async () => {
    const db = d.p.ctx.db;
    const ids = [d.jurys['25510']!, d.jurys['31210']!];
    const e = await refus(db.transaction().execute((trx) => changerEtat(trx, dec, { juryIds: ids, de: 198, vers: 200, trace })));
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      "Le jury 25510 est à l'état 140 - 1er groupe terminé en centre : l'ouverture de l'épreuve de contrôle demande l'état 198 - 1er groupe verrouillé en académie.",
    );
    expect((await db.selectFrom('jury').select('etat').where('id', '=', d.jurys['31210']!).executeTakeFirstOrThrow()).etat).toBe(198);
    // A chef de centre does not lock the first group; nor reaches another centre's jury.
    const role = await refus(db.transaction().execute((trx) => changerEtat(trx, brequigny, { juryIds: [d.jurys['25510']!], de: 140, vers: 198, trace })));
    expect(role.message).toBe('Le verrouillage du 1er groupe revient au gestionnaire DEC.');
    const autre = await refus(db.transaction().execute((trx) => changerEtat(trx, promenade, { juryIds: [d.jurys['25510']!], de: 200, vers: 210, trace })));
    expect([autre.status, autre.message]).toEqual([404, JURY_INTROUVABLE_CENTRE]);
  });

  it('ne clôt pas un jury dont des candidats sont sans décision', async () => {
    const db = d.p.ctx.db;
    const id = d.jurys['30001']!;
    await mettreEtat(d.p, [id], 210);
    const e = await refus(db.transaction().execute((trx) => changerEtat(trx, dec, { juryIds: [id], de: 210, vers: 211, trace })));
    expect(e.message).toMatch(/^Le jury 30001 ne peut pas être clos : 12 candidats sont sans résultat \(0195002\d{4} - 001, /);
  });
});
