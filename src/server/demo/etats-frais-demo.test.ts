// The demo of the états de frais (issue 16) holds what the README walks through: Rennes' conditions and
// dematerialised receipts, prof.martin's past missions of every pay mode, the « Invalidable » pair, the
// validated état with its receipts readable from the document store, the rejected one, next year's
// missions, the gestionnaire's queue with every workflow state (one differing from the constat), and
// the paid liquidation batch. A second load changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '../testing/harness.ts';
import { MOT_DE_PASSE_AGENTS, MOT_DE_PASSE_INTERVENANT } from './comptes.ts';
import { chargerDemo } from './demo.ts';
import { LOT_PAYE_DEMO, MISSIONS_FRAIS_DEMO as N, MOTIF_REJET_DEMO, NUMEROS_ORDRE_DEMO, PIECES_DEMO, ticketPng } from './etats-frais.ts';

let p: TestPlatform;

async function lire(flux: NodeJS.ReadableStream): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  for await (const m of flux) morceaux.push(Buffer.from(m as Buffer));
  return Buffer.concat(morceaux);
}

beforeAll(async () => {
  p = await createTestPlatform();
  p.clock.set(new Date('2026-12-06T09:00:00Z'));
  await chargerDemo(p.ctx.db, { scale: 1, store: p.ctx.store });
  etatsMartinPersonne = (await p.ctx.db.selectFrom('compte').select('personne_id').where('login', '=', 'prof.martin').executeTakeFirstOrThrow()).personne_id!;
}, 240_000);
afterAll(async () => {
  await p?.close();
});

let etatsMartinPersonne = 0;

async function etatsDeMartin() {
  return p.ctx.db
    .selectFrom('etat_frais as f')
    .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('type_mission as t', 't.code', 'm.type_mission')
    .innerJoin('compte as co', 'co.personne_id', 'f.personne_id')
    .select(['f.id', 'f.statut', 'f.numero_ordre', 'f.rejet_motif', 'f.remuneration', 'f.regroupe_dans_id', 'f.commentaire_regroupement', 'f.paye_le', 'f.pieces_par_courrier', 'm.numero', 'm.type_mission', 't.mode_remuneration', 'c.id as convocation_id'])
    .where('co.login', '=', 'prof.martin')
    .where('f.academie_code', '=', '14')
    .execute();
}

const premierJour = (numero: number) =>
  p.ctx.db
    .selectFrom('mission_date as d')
    .innerJoin('mission as m', 'm.id', 'd.mission_id')
    .select(['d.jour', 'd.heure_debut'])
    .where('m.academie_code', '=', '14')
    .where('m.numero', '=', numero)
    .orderBy('d.jour')
    .orderBy('d.heure_debut')
    .executeTakeFirstOrThrow();

describe('démonstration des états de frais', () => {
  it("Rennes : conditions d'utilisation en français et pièces dématérialisées", async () => {
    const r = await p.ctx.db.selectFrom('frais_parametres').selectAll().where('academie_code', '=', '14').executeTakeFirstOrThrow();
    expect(r.pieces_dematerialisees).toBe(true);
    expect(r.conditions_texte).toMatch(/déclaration sur l'honneur/);
  });

  it('prof.martin : missions passées de chaque mode de rémunération, futures à venir', async () => {
    const etats = await etatsDeMartin();
    const modes = new Set(etats.map((e) => e.mode_remuneration));
    for (const m of ['copies', 'candidats', 'demi_journees', 'heures_minutes', 'santorin', 'heures'] as const) expect(modes).toContain(m);
    const types = new Set(etats.map((e) => e.type_mission));
    for (const t of ['CORCOP', 'INTORA', 'PRATIQUE', 'RECRUT', 'MEMOIRE', 'ECCC', 'AIDEXT']) expect(types).toContain(t);
    const aujourdhui = p.clock.now().toISOString().slice(0, 10);
    for (const n of [N.copiesValide, N.oralRejete, N.pratique, N.recrutement, N.memoirePaye, N.controleContinu1, N.aideDeroulement, N.memeJourMatin]) {
      expect((await premierJour(n)).jour < aujourdhui).toBe(true);
    }
    for (const n of [N.futureCorrection, N.futurOral]) {
      expect((await premierJour(n)).jour > aujourdhui).toBe(true);
      expect(etats.find((e) => e.numero === n)?.statut).toBe('non_valide');
    }
    // Not started: nothing entered on the épreuve pratique.
    expect(etats.find((e) => e.numero === N.pratique)).toMatchObject({ statut: 'non_valide', remuneration: null });
    // The two CC missions of one session and vague are on one état, with the comment.
    const cc1 = etats.find((e) => e.numero === N.controleContinu1)!;
    const cc2 = etats.find((e) => e.numero === N.controleContinu2)!;
    expect(cc2).toMatchObject({ regroupe_dans_id: cc1.id, statut: 'annule' });
    expect(cc1.commentaire_regroupement).toMatch(/63 copies/);
  });

  it('deux missions le même jour avec déplacement : le déplacement sur la première, la seconde invalidable', async () => {
    const matin = await premierJour(N.memeJourMatin);
    const apresMidi = await premierJour(N.memeJourApresMidi);
    expect(matin.jour).toBe(apresMidi.jour);
    expect(matin.heure_debut < apresMidi.heure_debut).toBe(true);
    const etats = await etatsDeMartin();
    const lignes = async (numero: number) =>
      p.ctx.db.selectFrom('frais_deplacement_ligne').select('mode').where('etat_frais_id', '=', etats.find((e) => e.numero === numero)!.id).execute();
    expect(await lignes(N.memeJourMatin)).toEqual([{ mode: 'AUTOMOBILE' }]);
    expect(await lignes(N.memeJourApresMidi)).toEqual([]);
  });

  it('un état validé avec son numéro d’ordre et deux pièces lisibles dans le magasin de documents ; un état rejeté', async () => {
    const etats = await etatsDeMartin();
    const valide = etats.find((e) => e.numero === N.copiesValide)!;
    expect(valide).toMatchObject({ statut: 'valide', numero_ordre: NUMEROS_ORDRE_DEMO.copiesValide, pieces_par_courrier: false });
    const pieces = await p.ctx.db.selectFrom('frais_piece').selectAll().where('etat_frais_id', '=', valide.id).orderBy('nom').execute();
    expect(pieces.map((x) => [x.nom, x.groupe, x.type_mime])).toEqual([
      [PIECES_DEMO.rib.nom, 'paie', 'application/pdf'],
      [PIECES_DEMO.peage.nom, 'deplacement', 'image/png'],
    ]);
    const pdf = await lire(await p.ctx.store.get(pieces[0]!.cle_stockage));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(Number(pieces[0]!.taille));
    const png = await lire(await p.ctx.store.get(pieces[1]!.cle_stockage));
    expect(png.equals(ticketPng())).toBe(true);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    const rejete = etats.find((e) => e.numero === N.oralRejete)!;
    expect(rejete).toMatchObject({ statut: 'non_valide', rejet_motif: MOTIF_REJET_DEMO, numero_ordre: NUMEROS_ORDRE_DEMO.oralRejete });
  });

  it('la file du gestionnaire de Rennes : chaque statut, plusieurs intervenants, un écart au constat', async () => {
    const file = await p.ctx.db
      .selectFrom('etat_frais as f')
      .innerJoin('convocation as c', 'c.id', 'f.convocation_id')
      .innerJoin('mission as m', 'm.id', 'c.mission_id')
      .select(['f.statut', 'f.personne_id', 'f.remuneration', 'c.csf_nb_copies'])
      .where('f.academie_code', '=', '14')
      .where('m.numero', 'in', [N.fileCopies, N.fileOral, N.fileSurveillance, N.copiesValide, N.memoirePaye])
      .execute();
    const statuts = new Set(file.map((f) => f.statut));
    for (const s of ['non_valide', 'valide', 'valide_gestionnaire', 'traite_gestionnaire', 'annule', 'mission_non_effectuee'] as const) expect(statuts).toContain(s);
    expect(new Set(file.map((f) => f.personne_id)).size).toBeGreaterThanOrEqual(5);
    const ecart = file.filter((f) => f.csf_nb_copies !== null && (f.remuneration as { copies?: number } | null)?.copies !== undefined && (f.remuneration as { copies: number }).copies !== f.csf_nb_copies);
    expect(ecart).toHaveLength(1);
    expect(ecart[0]).toMatchObject({ statut: 'valide', csf_nb_copies: 32 });
    // Only teachers without a demo account (the other scenarios check those accounts' menus and lists).
    const comptes = await p.ctx.db.selectFrom('compte').select('personne_id').where('personne_id', 'in', [...new Set(file.map((f) => f.personne_id))]).execute();
    expect(comptes.map((c) => c.personne_id).filter((id) => id !== etatsMartinPersonne)).toEqual([]);
  });

  it('un lot de liquidation payé, ses lignes et la date de paiement sur les états', async () => {
    const lot = await p.ctx.db.selectFrom('liquidation_lot').selectAll().where('academie_code', '=', '14').where('numero', '=', LOT_PAYE_DEMO.numero).executeTakeFirstOrThrow();
    expect(lot.statut).toBe('paye');
    const lignes = await p.ctx.db
      .selectFrom('liquidation_ligne as l')
      .innerJoin('etat_frais as f', 'f.id', 'l.etat_frais_id')
      .select(['l.montant_centimes', 'l.paye_le', 'f.statut', 'f.paye_le as etat_paye_le'])
      .where('l.lot_id', '=', lot.id)
      .execute();
    expect(lignes.length).toBe(lot.nb_frais);
    expect(lignes.reduce((s, l) => s + l.montant_centimes, 0)).toBe(Number(lot.total_centimes));
    for (const l of lignes) {
      expect(l.statut).toBe('traite_gestionnaire');
      expect(l.paye_le).not.toBeNull();
      expect(l.etat_paye_le).not.toBeNull();
    }
    expect((await etatsDeMartin()).find((e) => e.numero === N.memoirePaye)?.paye_le).not.toBeNull();
  });

  it("prof.martin, par l'application : les statuts de sa liste, les pièces téléchargées, le motif du rejet, le nombre SANTORIN regroupé", async () => {
    const m: TestClient = p.client();
    await m.login('imagin-intervenant', 'prof.martin', MOT_DE_PASSE_INTERVENANT);
    const avant = await m.get('/api/intervenant/etats-frais');
    expect(avant.status).toBe(200);
    expect(avant.body.conditions).toMatchObject({ acceptee: false });
    expect((await m.post('/api/intervenant/etats-frais/conditions', { version: avant.body.conditions.version, accepte: true })).status).toBe(200);
    const liste = (await m.get('/api/intervenant/etats-frais')).body;
    const ligne = (n: number) => liste.lignes.find((l: any) => l.numero === n);
    expect(ligne(N.copiesValide)).toMatchObject({ statutRemuneration: 'valide', statutDeplacement: 'valide' });
    expect(ligne(N.oralRejete)).toMatchObject({ statutRemuneration: 'non_valide' });
    expect(ligne(N.pratique)).toMatchObject({ statutRemuneration: 'non_valide' });
    expect(ligne(N.memoirePaye)).toMatchObject({ statutRemuneration: 'traite_gestionnaire' });
    expect(ligne(N.aideDeroulement)).toMatchObject({ statutRemuneration: 'a_traiter_gestionnaire' });
    expect(ligne(N.controleContinu2)).toMatchObject({ statutRemuneration: 'annule' });
    expect(ligne(N.memeJourMatin).statutDeplacement).toBe('non_valide');
    expect(ligne(N.memeJourApresMidi).statutDeplacement).toBe('invalidable');
    for (const n of [N.futureCorrection, N.futurOral]) expect(ligne(n)).toMatchObject({ statutRemuneration: 'mission_non_effectuee' });

    const valide = (await m.get(`/api/intervenant/etats-frais/${ligne(N.copiesValide).id}`)).body;
    expect(valide).toMatchObject({ numeroOrdre: NUMEROS_ORDRE_DEMO.copiesValide, workflow: 'valide', devalidable: true, piecesDematerialisees: true });
    expect(valide.montants.remunerationCentimes).toBeGreaterThan(0);
    expect(valide.montants.deplacementCentimes).toBeGreaterThan(0);
    expect(valide.pieces.map((x: any) => x.nom).sort()).toEqual([PIECES_DEMO.rib.nom, PIECES_DEMO.peage.nom]);
    const png = valide.pieces.find((x: any) => x.nom === PIECES_DEMO.peage.nom);
    const telecharge = await m.get(`/api/intervenant/etats-frais/${valide.id}/pieces/${png.id}`);
    expect(telecharge.status).toBe(200);
    expect(telecharge.raw.equals(ticketPng())).toBe(true);

    const rejete = (await m.get(`/api/intervenant/etats-frais/${ligne(N.oralRejete).id}`)).body;
    expect(rejete).toMatchObject({ rejetMotif: MOTIF_REJET_DEMO, modifiable: true });
    const cc = (await m.get(`/api/intervenant/etats-frais/${ligne(N.controleContinu1).id}`)).body;
    expect(cc).toMatchObject({ saisieAttendue: 'santorin', constat: { chiffre: 63 } });
    expect(cc.commentaireRegroupement).toMatch(/63 copies/);
  });

  it("dec.rennes, par l'application : chaque statut compté, l'écart au constat filtré, le lot n° 1 payé", async () => {
    const g: TestClient = p.client();
    await g.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
    const liste = await g.get('/api/gestion/etats-frais?parPage=500');
    expect(liste.status).toBe(200);
    const comptes = new Map<string, number>(liste.body.comptes.map((c: any) => [c.statut, c.nombre]));
    for (const s of ['non_valide', 'mission_non_effectuee', 'valide', 'valide_gestionnaire', 'traite_gestionnaire', 'annule']) expect(comptes.get(s) ?? 0, s).toBeGreaterThan(0);
    const ecart = (await g.get('/api/gestion/etats-frais?parPage=500&ecart=oui')).body.lignes;
    expect(ecart.map((l: any) => [l.missionNumero, l.statut])).toEqual(expect.arrayContaining([[N.fileCopies, 'valide']]));
    const lots = (await g.get('/api/gestion/liquidation-frais')).body.lots;
    const lot = lots.find((l: any) => l.numero === LOT_PAYE_DEMO.numero);
    expect(lot).toMatchObject({ statut: 'paye', payeLe: LOT_PAYE_DEMO.payeLe });
    expect(lot.nbLignesPayees).toBe(lot.nbLignes);
  });

  it('un second chargement ne change rien', async () => {
    const avant = await p.ctx.db.selectFrom('etat_frais').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await chargerDemo(p.ctx.db, { scale: 1, store: p.ctx.store });
    expect(r.dejaPresente).toBe(true);
    const apres = await p.ctx.db.selectFrom('etat_frais').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(apres.n)).toBe(Number(avant.n));
  });
});
