// The déplacement lines in the database (frais_deplacement_ligne) and the dated rates (decision 0029):
// lines come back as entered, in their order, with their Paris hours (summer and winter); the rate in
// force on the mission's day applies (a June 2023 meal is 17,50 €, a 2024 one 20 €).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { montantDeplacement, montantLigne } from '../../domain/imagin/frais/deplacement.ts';
import type { LigneDeplacement } from '../../domain/imagin/frais/types.ts';
import { fixtureConstat } from '../imagin-constat/fixtures.ts';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { lireLignes, lireLignesDe, remplacerLignes, tauxDeplacement } from './deplacement.repo.ts';

let p: TestPlatform;
let etatA: number;
let etatB: number;

beforeAll(async () => {
  p = await createTestPlatform();
  const f = await fixtureConstat(p);
  const id = async (convocationId: number) =>
    (await p.ctx.db.selectFrom('etat_frais').select('id').where('convocation_id', '=', convocationId).executeTakeFirstOrThrow()).id;
  etatA = await id(f.convocations.oral2Alice);
  etatB = await id(f.convocations.toulouseDenis);
});
afterAll(async () => {
  await p?.close();
});

const ligne = (l: Partial<LigneDeplacement> = {}): LigneDeplacement => ({
  villeDepart: 'Versailles',
  villeArrivee: 'Nanterre',
  depart: '2024-01-15T07:30',
  retour: '2024-01-15T18:05',
  mode: 'AUTOMOBILE',
  puissanceFiscale: 6,
  km: 25,
  trajets: 1,
  nuitees: 0,
  repas: 0,
  fraisDiversCentimes: 0,
  billetsCentimes: 0,
  commentaire: '',
  ...l,
});

describe('taux datés', () => {
  it('un repas de juin 2023 vaut 17,50 €, un repas de 2024 vaut 20 € ; la nuitée 70 € puis 90 €', async () => {
    const juin2023 = await tauxDeplacement(p.ctx.db, '2023-06-15');
    const mars2024 = await tauxDeplacement(p.ctx.db, '2024-03-10');
    expect(juin2023.repasCentimes).toBe(1750);
    expect(juin2023.nuiteeCentimes).toBe(7000);
    expect(mars2024.repasCentimes).toBe(2000);
    expect(mars2024.nuiteeCentimes).toBe(9000);
    // the day the arrêté du 20 septembre 2023 applies, and the day before
    expect((await tauxDeplacement(p.ctx.db, '2023-09-21')).repasCentimes).toBe(1750);
    expect((await tauxDeplacement(p.ctx.db, '2023-09-22')).repasCentimes).toBe(2000);
    const l = ligne({ mode: 'AUCUN', km: null, puissanceFiscale: null, repas: 2, nuitees: 1, retour: '2024-01-16T18:00' });
    expect(montantLigne(l, juin2023)).toBe(2 * 1750 + 7000);
    expect(montantLigne(l, mars2024)).toBe(2 * 2000 + 9000);
  });

  it('indemnités kilométriques par catégorie et par tranche annuelle (1 par défaut), nuitée choisie', async () => {
    const t = await tauxDeplacement(p.ctx.db, '2024-03-10');
    expect(['5CV', '6-7CV', '8CV', 'MOTO', 'CYCLO'].map((c) => t.kmCentimes(c as '5CV'))).toEqual([32, 41, 45, 15, 12]);
    const b2 = await tauxDeplacement(p.ctx.db, '2024-03-10', 2);
    expect(b2.kmCentimes('6-7CV')).toBe(51);
    expect((await tauxDeplacement(p.ctx.db, '2024-03-10', 3)).kmCentimes('8CV')).toBe(32);
    expect((await tauxDeplacement(p.ctx.db, '2024-03-10', 1, 'nuitee_paris')).nuiteeCentimes).toBe(14000);
    expect(montantLigne(ligne({ km: 40, trajets: 3 }), t)).toBe(40 * 2 * 3 * 41);
  });

  it('un taux ajouté par le gestionnaire s’applique à partir de sa date, pas avant', async () => {
    await p.ctx.db.insertInto('frais_taux_forfait').values({ nature: 'repas', depuis: '2030-01-01', centimes: 2150 }).execute();
    try {
      expect((await tauxDeplacement(p.ctx.db, '2029-12-31')).repasCentimes).toBe(2000);
      expect((await tauxDeplacement(p.ctx.db, '2030-01-01')).repasCentimes).toBe(2150);
      expect((await tauxDeplacement(p.ctx.db, '2030-06-01T08:00')).repasCentimes).toBe(2150);
    } finally {
      await p.ctx.db.deleteFrom('frais_taux_forfait').where('depuis', '=', '2030-01-01').execute();
    }
  });

  it('avant 2022, aucune indemnité kilométrique connue : 0 (le gestionnaire fixe le montant)', async () => {
    expect((await tauxDeplacement(p.ctx.db, '2021-06-15')).kmCentimes('5CV')).toBe(0);
  });
});

describe('lignes de déplacement', () => {
  it('reviennent telles que saisies, dans leur ordre, aux heures de Paris (hiver et été)', async () => {
    const lignes = [
      ligne(),
      ligne({ villeDepart: 'Nanterre', villeArrivee: 'Lyon', mode: 'TRAIN_2EME_CLASSE', puissanceFiscale: null, km: null, depart: '2024-07-01T08:00', retour: '2024-07-03T21:15', nuitees: 2, repas: 5, billetsCentimes: 12345 }),
      ligne({ mode: 'BON_DE_TRANSPORT', puissanceFiscale: null, km: null, fraisDiversCentimes: 850, commentaire: 'Parking de la gare' }),
      ligne({ mode: 'AUTOMOBILE', puissanceFiscale: 9, km: 120, trajets: 3, depart: '2024-03-31T01:30', retour: '2024-04-02T19:00' }),
    ];
    await p.ctx.db.transaction().execute((trx) => remplacerLignes(trx, etatA, lignes));
    expect(await lireLignes(p.ctx.db, etatA)).toEqual(lignes);
    // stored as instants: 07:30 in Paris in January is 06:30 UTC, 08:00 in July is 06:00 UTC
    const instants = await p.ctx.db
      .selectFrom('frais_deplacement_ligne')
      .select(['ordre', sql<string>`to_char(depart_le at time zone 'UTC', 'YYYY-MM-DD HH24:MI')`.as('utc')])
      .where('etat_frais_id', '=', etatA)
      .orderBy('ordre')
      .execute();
    expect(instants.map((x) => [x.ordre, x.utc])).toEqual([
      [0, '2024-01-15 06:30'],
      [1, '2024-07-01 06:00'],
      [2, '2024-01-15 06:30'],
      [3, '2024-03-31 00:30'],
    ]);
  });

  it('remplacer : l’ordre nouveau est gardé, les lignes en trop disparaissent, un autre état n’est pas touché', async () => {
    const deB = [ligne({ villeArrivee: 'Toulouse' })];
    await p.ctx.db.transaction().execute((trx) => remplacerLignes(trx, etatB, deB));
    const avant = await lireLignes(p.ctx.db, etatA);
    const nouvelles = [avant[2]!, avant[0]!];
    await p.ctx.db.transaction().execute((trx) => remplacerLignes(trx, etatA, nouvelles));
    expect(await lireLignes(p.ctx.db, etatA)).toEqual(nouvelles);
    expect(await lireLignes(p.ctx.db, etatB)).toEqual(deB);
    const lots = await lireLignesDe(p.ctx.db, [etatA, etatB, 999_999]);
    expect(lots.get(etatA)).toEqual(nouvelles);
    expect(lots.get(etatB)).toEqual(deB);
    expect(lots.has(999_999)).toBe(false);
    // estimated amount of what was stored
    const t = await tauxDeplacement(p.ctx.db, '2024-01-15');
    expect(montantDeplacement(await lireLignes(p.ctx.db, etatA), t)).toBe(850 + 25 * 2 * 41);
  });

  it('aucune ligne : tout est effacé ; une transaction annulée ne laisse rien', async () => {
    await p.ctx.db.transaction().execute((trx) => remplacerLignes(trx, etatA, []));
    expect(await lireLignes(p.ctx.db, etatA)).toEqual([]);
    await expect(
      p.ctx.db.transaction().execute(async (trx) => {
        await remplacerLignes(trx, etatA, [ligne()]);
        throw new Error('version périmée');
      }),
    ).rejects.toThrow('version périmée');
    expect(await lireLignes(p.ctx.db, etatA)).toEqual([]);
    expect(await lireLignes(p.ctx.db, etatB)).toHaveLength(1);
  });

  it('la base refuse un retour avant le départ (dernier rempart après verifierLigne)', async () => {
    await expect(p.ctx.db.transaction().execute((trx) => remplacerLignes(trx, etatA, [ligne({ retour: '2024-01-15T07:00' })]))).rejects.toThrow();
    expect(await lireLignes(p.ctx.db, etatA)).toEqual([]);
  });
});
