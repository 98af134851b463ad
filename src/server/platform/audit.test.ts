import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { audit } from './audit.ts';

let p: TestPlatform;
beforeEach(async () => {
  p = await createTestPlatform();
});
afterEach(async () => {
  await p.close();
});

describe("journal d'audit", () => {
  it('enregistre qui, quand, quoi, avant → après', async () => {
    await audit(p.ctx.db, { academieCode: null, compteId: null, acteur: 'dec.rennes', ip: '10.1.1.1', requestId: 'r1' }, { action: 'note.modification', entite: 'note', entiteId: 42, avant: { note: 8 }, apres: { note: 9.5 } });
    const row = await p.ctx.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ acteur: 'dec.rennes', action: 'note.modification', entite: 'note', entite_id: '42', avant: { note: 8 }, apres: { note: 9.5 }, ip: '10.1.1.1' });
    expect(row.le).toBeInstanceOf(Date);
  });

  it('refuse toute modification ou suppression, même en SQL direct', async () => {
    await audit(p.ctx.db, { academieCode: null, compteId: null, acteur: 'x' }, { action: 'a', entite: 'e' });
    await expect(sql`update audit_log set acteur = 'y'`.execute(p.ctx.db)).rejects.toThrow(/ajout seul/);
    await expect(sql`delete from audit_log`.execute(p.ctx.db)).rejects.toThrow(/ajout seul/);
    const rows = await p.ctx.db.selectFrom('audit_log').select('acteur').execute();
    expect(rows).toEqual([{ acteur: 'x' }]);
  });
});
