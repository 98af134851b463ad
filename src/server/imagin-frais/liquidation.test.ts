// Liquidation des états de frais (issue 16 §8, décision 0033) on the database: two batches asked at once
// (each frais in exactly one batch; one treatment per académie at a time, 409 naming it); the
// treatment re-run takes nothing twice; the export read back (BOM, « ; », columns, masked IBAN); the
// bordereau's totals read back; the payment return (unknown numbers refused with their line, the same
// file twice changes nothing, états and batch paid, the CSF shows « Accepté »); another académie's
// batch is 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireFlux, textePdf } from '../testing/documents.ts';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { fixtureEtatsValides, montantsAttendus } from './liquidation.fixtures.ts';
import * as repo from './liquidation.repo.ts';

let p: TestPlatform;
let dec: TestClient;
let decToulouse: TestClient;
let etats: number[] = [];
let sessions: { bac: number; bts: number };
const B = '/api/gestion/liquidation-frais';
const N = 30;

async function connecte(login: string) {
  const c = p.client();
  await c.login('imagin-gestion', login, MOT_DE_PASSE);
  return c;
}

async function finTraitement(id: string) {
  return attendre(async () => {
    const t = await p.ctx.db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', id).executeTakeFirstOrThrow();
    return t.statut === 'termine' || t.statut === 'erreur' ? t : null;
  });
}

async function telecharger(c: TestClient, url: string): Promise<Buffer> {
  const r = await c.get(url);
  expect(r.status).toBe(200);
  return r.raw;
}

function retour(lignes: string[]): { nomFichier: string; contenu: string } {
  return { nomFichier: 'retour.csv', contenu: Buffer.from(['NUMERO_ORDRE;NATURE;MONTANT_PAYE;DATE_PAIEMENT', ...lignes].join('\r\n'), 'utf8').toString('base64') };
}

beforeAll(async () => {
  p = await createTestPlatform();
  const etabs = await fixtureReferentiel(p);
  await fixtureCompte(p, { login: 'dec.rennes', role: 'gestionnaire', academie: '14' });
  await fixtureCompte(p, { login: 'dec.toulouse', role: 'gestionnaire', academie: '16' });
  const f = await fixtureEtatsValides(p.ctx.db, { academie: '14', centreId: etabs.lycee, n: N });
  etats = f.etats;
  sessions = f.sessions;
  dec = await connecte('dec.rennes');
  decToulouse = await connecte('dec.toulouse');
});

afterAll(async () => {
  await p?.close();
});

describe('Liquidation des frais', () => {
  let lot1 = { lotId: 0, numero: 0, traitementId: '' };

  it('prêts à liquider : le nombre et le total ; un filtre par session', async () => {
    const r = await dec.get(B);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const total = etats.length;
    expect(r.body.prets.nb).toBe(total);
    let attendu = 0;
    for (let i = 1; i <= N; i++) {
      const [rem, dep] = montantsAttendus(i);
      attendu += rem + (dep ?? 0);
    }
    expect(r.body.prets.total).toBe(attendu);
    const bts = await dec.get(`${B}?sessionId=${sessions.bts}`);
    expect(bts.body.prets.nb).toBe(10);
    expect(r.body.lots).toEqual([]);
  });

  it('deux lots demandés en même temps : un seul est constitué, l’autre reçoit 409 nommant le lot en cours ; chaque frais est dans un seul lot', async () => {
    // Two requests at once (a double click, two gestionnaires) for the BTS session.
    const [a, b] = await Promise.all([dec.post(B, { sessionId: sessions.bts }), dec.post(B, { sessionId: sessions.bts })]);
    const statuts = [a.status, b.status].sort();
    expect(statuts).toEqual([200, 409]);
    const ok = a.status === 200 ? a : b;
    const refus = a.status === 200 ? b : a;
    expect(refus.body.message).toContain(`Le lot de liquidation n° ${ok.body.numero} est en cours de constitution (traitement ${ok.body.traitementId})`);
    lot1 = ok.body;
    const t = await finTraitement(lot1.traitementId);
    expect(t.statut, t.erreur ?? '').toBe('termine');
    // Once the first has ended, the next one is accepted and takes only what is left.
    const suite = await dec.post(B, {});
    expect(suite.status).toBe(200);
    expect(suite.body.numero).toBe(lot1.numero + 1);
    expect((await finTraitement(suite.body.traitementId)).statut).toBe('termine');
    const lignes = await p.ctx.db.selectFrom('liquidation_ligne').select(['etat_frais_id', 'nature', 'lot_id']).execute();
    const parEtat = new Map<number, Set<number>>();
    for (const l of lignes) parEtat.set(l.etat_frais_id, (parEtat.get(l.etat_frais_id) ?? new Set()).add(l.lot_id));
    expect([...parEtat.keys()].sort((x, y) => x - y)).toEqual(etats);
    for (const lots of parEtat.values()) expect(lots.size).toBe(1);
    const statuts2 = await p.ctx.db.selectFrom('etat_frais').select('statut').distinct().where('id', 'in', etats).execute();
    expect(statuts2).toEqual([{ statut: 'traite_gestionnaire' }]);
    expect((await dec.post(B, {})).status).toBe(409);
  });

  it('deux constitutions concurrentes au niveau de la base : aucun frais pris deux fois', async () => {
    const etabs = await p.ctx.db.selectFrom('etablissement').select('id').where('uai', '=', '0350710G').executeTakeFirstOrThrow();
    const f = await fixtureEtatsValides(p.ctx.db, { academie: '14', centreId: etabs.id, n: 12, debutNumero: 600_000 });
    const le = p.clock.now();
    const lots = await p.ctx.db.transaction().execute(async (trx) => [await repo.creerLot(trx, { academieCode: '14', creePar: null, le }), await repo.creerLot(trx, { academieCode: '14', creePar: null, le })]);
    const prises = await Promise.all(
      lots.map((l) => p.ctx.db.transaction().execute((trx) => repo.prendreFrais(trx, { lotId: l.id, academieCode: '14', filtres: {}, le, par: null }))),
    );
    expect(prises[0]!.nbFrais + prises[1]!.nbFrais).toBe(12);
    const lignes = await p.ctx.db.selectFrom('liquidation_ligne').select(['etat_frais_id']).where('etat_frais_id', 'in', f.etats).execute();
    const parEtat = new Map<number, number>();
    for (const l of lignes) parEtat.set(l.etat_frais_id, (parEtat.get(l.etat_frais_id) ?? 0) + 1);
    expect(parEtat.size).toBe(12);
    // Re-running a take (a retried step) adds nothing.
    const encore = await p.ctx.db.transaction().execute((trx) => repo.prendreFrais(trx, { lotId: lots[0]!.id, academieCode: '14', filtres: {}, le, par: null }));
    expect(encore).toEqual({ nbFrais: 0, nbLignes: 0 });
    // Cleanup for the next tests: these two lots are not part of the story.
    await p.ctx.db.deleteFrom('liquidation_ligne').where('lot_id', 'in', lots.map((l) => l.id)).execute();
    await p.ctx.db.deleteFrom('liquidation_lot').where('id', 'in', lots.map((l) => l.id)).execute();
    await p.ctx.db.updateTable('etat_frais').set({ statut: 'annule' }).where('id', 'in', f.etats).execute();
  });

  it('le traitement relancé ne reprend aucun frais deux fois (étape enregistrée)', async () => {
    const avant = await p.ctx.db.selectFrom('liquidation_ligne').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    // Replay the job of the first batch as pg-boss would after a crash.
    await p.ctx.db.updateTable('traitement').set({ statut: 'en_cours' }).where('id', '=', lot1.traitementId).execute();
    await p.ctx.jobs.send(null, 'traitement', { id: lot1.traitementId });
    await attendre(async () => {
      const t = await p.ctx.db.selectFrom('traitement').select('statut').where('id', '=', lot1.traitementId).executeTakeFirstOrThrow();
      return t.statut === 'termine';
    });
    const apres = await p.ctx.db.selectFrom('liquidation_ligne').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(apres.n).toBe(avant.n);
    const docs = await p.ctx.db.selectFrom('document').select('nom').where('traitement_id', '=', lot1.traitementId).orderBy('nom').execute();
    expect(docs.map((d) => d.nom)).toEqual([`Liquidation lot ${lot1.numero} - bordereau.pdf`, `Liquidation lot ${lot1.numero} - export financier.csv`]);
  });

  it('le fichier d’export relu : BOM, « ; », colonnes, NIR, IBAN masqué, une ligne par frais et nature', async () => {
    const ecran = await dec.get(B);
    const l1 = ecran.body.lots.find((l: any) => l.id === lot1.lotId);
    expect(l1).toMatchObject({ numero: lot1.numero, statut: 'produit', libelleStatut: 'Transmis au paiement', nbFrais: 10 });
    const csv = l1.documents.find((d: any) => d.nom.endsWith('.csv'));
    const octets = await telecharger(dec, csv.url);
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lignes = octets.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lignes[0]).toBe('ACADEMIE;NUMERO_LOT;NUMERO_ORDRE;NATURE;MONTANT;NOM;PRENOM;NUMEN;NIR;REFERENCE_IBAN;NUMERO_MISSION;TYPE_MISSION;EXAMEN;SESSION;DEBUT_MISSION');
    const data = lignes.slice(1).map((l) => l.split(';'));
    // BTS missions: numéros d'ordre 3, 6, … 30; one rémunération line each, a déplacement line when even.
    const attendues = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30].flatMap((no) => {
      const [rem, dep] = montantsAttendus(no);
      return [[no, 'Rémunération', rem], ...(dep ? [[no, 'Déplacement', dep]] : [])] as Array<[number, string, number]>;
    });
    expect(data.map((d) => [Number(d[2]), d[3], d[4]])).toEqual(attendues.map(([no, n, c]) => [no, n, `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`]));
    const l3 = data.find((d) => d[2] === '3')!;
    expect(l3).toEqual(['14', String(lot1.numero), '3', 'Rémunération', l3[4], 'LIQUIDATION-500003', 'Claire', '14E0500003LIQ', '200000000000003', 'FR** **** **** **** **** **0003', '500003', 'CORRECTION DE COPIES', 'TOUS LES BTS', 'BTS 2026', '10/06/2026']);
    // The full IBAN is never in the file.
    expect(octets.toString('utf8')).not.toMatch(/FR76/);
  });

  it('le bordereau relu : totaux par nature et par examen, total général, nombre de frais', async () => {
    const ecran = await dec.get(B);
    const l2 = ecran.body.lots.find((l: any) => l.numero === lot1.numero + 1);
    const pdf = l2.documents.find((d: any) => d.nom.endsWith('.pdf'));
    const { pages } = await textePdf(await telecharger(dec, pdf.url));
    const texte = pages.join(' ');
    let rem = 0;
    let dep = 0;
    let n = 0;
    for (let i = 1; i <= N; i++) {
      if (i % 3 === 0) continue;
      const [r, d] = montantsAttendus(i);
      rem += r;
      dep += d ?? 0;
      n++;
    }
    const e = (c: number) => `${String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(c % 100).padStart(2, '0')} €`;
    const norm = texte.replace(/[\u00a0\u202f]/g, ' ');
    expect(norm).toContain(`Bordereau de liquidation — lot n° ${lot1.numero + 1}`);
    expect(norm).toContain(`Nombre d'états de frais : ${n}`);
    expect(norm).toContain(`Total général : ${e(rem + dep)}`);
    expect(norm).toContain(`Rémunération ${n} ${e(rem)}`);
    expect(norm).toContain(`BACCALAUREAT GENERAL (470) ${n} ${e(rem)} ${e(dep)} ${e(rem + dep)}`);
    expect(l2.totalCentimes).toBe(rem + dep);
    expect(l2).toMatchObject({ nbFrais: n, totalRemunerationCentimes: rem, totalDeplacementCentimes: dep });
  });

  it('retour de paiement : numéros inconnus et montants faux refusés avec leur ligne ; le même fichier deux fois ne change rien ; lot payé', async () => {
    const attendues = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30].flatMap((no) => {
      const [rem, dep] = montantsAttendus(no);
      const m = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
      return [`${no};Rémunération;${m(rem)};20/07/2026`, ...(dep ? [`${no};Déplacement;${m(dep)};2026-07-20`] : [])];
    });
    const partiel = retour([attendues[0]!, '999;Rémunération;10,00;20/07/2026', '6;Rémunération;1,00;20/07/2026', 'x;Truc;abc;31/02/2026']);
    const r1 = await dec.post(`${B}/${lot1.lotId}/retour-paiement`, partiel);
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body).toMatchObject({ payees: 1, dejaPayees: 0, etatsPayes: 1, lotPaye: false });
    expect(r1.body.rejets.map((x: any) => x.motif)).toEqual([
      `Ligne 3 : numéro d'ordre 999 (Rémunération) inconnu dans le lot n° ${lot1.numero}.`,
      expect.stringContaining("Ligne 4 : montant payé 1,00 différent du montant liquidé"),
      expect.stringContaining("Ligne 5 : numéro d'ordre « x » illisible"),
      expect.stringContaining('Ligne 5 : nature « Truc » inconnue'),
      expect.stringContaining('Ligne 5 : montant « abc » illisible'),
      expect.stringContaining('Ligne 5 : date « 31/02/2026 » illisible'),
    ]);
    const complet = retour(attendues);
    const r2 = await dec.post(`${B}/${lot1.lotId}/retour-paiement`, complet);
    expect(r2.body).toMatchObject({ payees: attendues.length - 1, dejaPayees: 1, etatsPayes: 9, lotPaye: true, rejets: [] });
    const r3 = await dec.post(`${B}/${lot1.lotId}/retour-paiement`, complet);
    expect(r3.body).toMatchObject({ payees: 0, dejaPayees: attendues.length, etatsPayes: 0, lotPaye: false, rejets: [] });
    const lot = await p.ctx.db.selectFrom('liquidation_lot').select(['statut', 'paye_le']).where('id', '=', lot1.lotId).executeTakeFirstOrThrow();
    expect(lot.statut).toBe('paye');
    expect(new Date(lot.paye_le!).toISOString().slice(0, 10)).toBe('2026-07-20');
    const payes = await p.ctx.db
      .selectFrom('etat_frais as f')
      .innerJoin('liquidation_ligne as l', 'l.etat_frais_id', 'f.id')
      .select(['f.id', 'f.paye_le', 'f.version'])
      .where('l.lot_id', '=', lot1.lotId)
      .execute();
    expect(payes.every((x) => x.paye_le !== null)).toBe(true);
    const ecran = await dec.get(B);
    expect(ecran.body.lots.find((l: any) => l.id === lot1.lotId)).toMatchObject({ statut: 'paye', libelleStatut: 'Payé', nbLignesPayees: attendues.length });
    // The constat de service fait shows « Accepté » for a paid frais, « Traité par le gestionnaire » for
    // a processed one not yet paid (lot 2).
    const mission = async (numero: number) => {
      const m = await p.ctx.db.selectFrom('mission').select('id').where('numero', '=', numero).executeTakeFirstOrThrow();
      const d = await dec.get(`/api/gestion/constat/missions/${m.id}`);
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      return d.body.intervenants[0];
    };
    expect(await mission(500_003)).toMatchObject({ traite: true, mention: 'Accepté' });
    expect(await mission(500_001)).toMatchObject({ traite: true, mention: 'Traité par le gestionnaire' });
  });

  it("les indemnités de chef de centre (ICC) validées entrent dans un lot, une seule fois ; payées, la déclaration passe « Accepté »", async () => {
    const db = p.ctx.db;
    const etab = await db.selectFrom('etablissement').select('id').where('uai', '=', '0350710G').executeTakeFirstOrThrow();
    const pers = await db.selectFrom('personne').select('id').where('nom', 'in', ['LIQUIDATION-500001', 'LIQUIDATION-500002']).orderBy('nom').execute();
    const d = await db
      .insertInto('icc_declaration')
      .values({ academie_code: '14', session_examen_id: sessions.bac, etablissement_id: etab.id, periode: 'normale', montant_centimes: 50_000, statut_saisie: 'transmis' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lignesIcc = await db
      .insertInto('icc_repartition')
      .values(pers.map((x, i) => ({ declaration_id: d.id, personne_id: x.id, montant_centimes: 20_000 + i * 5_000, statut: 'valide' as const })))
      .returning('id')
      .execute();
    const ecran = await dec.get(B);
    expect(ecran.body.prets).toMatchObject({ nb: 0, icc: { nb: 2, total: 45_000 } });
    const r = await dec.post(B, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await finTraitement(r.body.traitementId)).statut).toBe('termine');
    // A second batch finds nothing: each ICC line is in one batch only.
    expect((await dec.post(B, {})).status).toBe(409);
    const lot = (await dec.get(B)).body.lots.find((l: any) => l.id === r.body.lotId);
    expect(lot).toMatchObject({ nbFrais: 0, nbIcc: 2, totalIccCentimes: 45_000, totalCentimes: 45_000 });
    const csv = (await telecharger(dec, lot.documents.find((x: any) => x.nom.endsWith('.csv')).url)).subarray(3).toString('utf8').trim().split('\r\n').slice(1).map((l) => l.split(';'));
    expect(csv.map((c) => [c[2], c[3], c[4], c[5]])).toEqual([
      [`ICC-${lignesIcc[0]!.id}`, 'Indemnité chef de centre', '200,00', 'LIQUIDATION-500001'],
      [`ICC-${lignesIcc[1]!.id}`, 'Indemnité chef de centre', '250,00', 'LIQUIDATION-500002'],
    ]);
    const { pages } = await textePdf(await telecharger(dec, lot.documents.find((x: any) => x.nom.endsWith('.pdf')).url));
    expect(pages.join(' ').replace(/[\u00a0\u202f]/g, ' ')).toContain('Indemnité chef de centre 2 450,00 €');
    // Once in a batch, the line's decision no longer changes (409), and no path may change its amount.
    const version = (await db.selectFrom('icc_declaration').select('version').where('id', '=', d.id).executeTakeFirstOrThrow()).version;
    const retour409 = await dec.post(`/api/gestion/icc/lignes/${lignesIcc[0]!.id}/decision`, { version, decision: 'a_traiter' });
    expect(retour409.status).toBe(409);
    expect(retour409.body.message).toBe(`Cette ligne est dans le lot de liquidation n° ${r.body.numero} : sa décision ne change plus.`);
    await expect(db.updateTable('icc_repartition').set({ montant_centimes: 1 }).where('id', '=', lignesIcc[0]!.id).execute()).rejects.toThrow(/lot de liquidation/);
    await expect(db.deleteFrom('icc_repartition').where('id', '=', lignesIcc[0]!.id).execute()).rejects.toThrow(/lot de liquidation/);
    const payer = await dec.post(`${B}/${r.body.lotId}/retour-paiement`, retour([`ICC-${lignesIcc[0]!.id};Indemnité chef de centre;200,00;21/07/2026`, `ICC-${lignesIcc[1]!.id};ICC;250,00;21/07/2026`]));
    expect(payer.body).toMatchObject({ payees: 2, lotPaye: true, rejets: [] });
    const statuts = await db.selectFrom('icc_repartition').select('statut').where('declaration_id', '=', d.id).execute();
    expect(statuts.map((x) => x.statut)).toEqual(['paye', 'paye']);
    const decl = await dec.get('/api/gestion/icc/declarations');
    expect(decl.status).toBe(200);
    expect(decl.body.lignes.find((l: any) => l.id === d.id || l.declarationId === d.id)).toMatchObject({ suivi: 'Accepté' });
  });

  it('un fichier sans les colonnes attendues est refusé en nommant ce qui manque', async () => {
    const r = await dec.post(`${B}/${lot1.lotId}/retour-paiement`, { nomFichier: 'x.csv', contenu: Buffer.from('NUMERO;MONTANT\r\n1;2').toString('base64') });
    expect(r.status).toBe(400);
    expect(r.body.fields.fichier).toContain('NUMERO_ORDRE, NATURE, MONTANT_PAYE, DATE_PAIEMENT');
  });

  it("portée : le lot d'une autre académie est introuvable (404), sa liste ne montre rien de Rennes", async () => {
    const r = await decToulouse.post(`${B}/${lot1.lotId}/retour-paiement`, retour(['3;Rémunération;10,00;20/07/2026']));
    expect(r.status).toBe(404);
    const e = await decToulouse.get(B);
    expect(e.body).toMatchObject({ prets: { nb: 0 }, lots: [] });
    const vide = await decToulouse.post(B, {});
    expect(vide.status).toBe(409);
    expect(vide.body.message).toContain("Aucun état de frais validé par le gestionnaire n'attend de liquidation");
    // The documents of a Rennes batch are not Toulouse's either.
    const docs = await p.ctx.db.selectFrom('document').select('id').where('traitement_id', '=', lot1.traitementId).execute();
    expect((await decToulouse.get(`/api/documents/${docs[0]!.id}`)).status).toBe(404);
  });
});
