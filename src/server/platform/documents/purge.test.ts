import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestPlatform, fixtureReferentiel, type TestPlatform } from '../../testing/harness.ts';
import { purgerDocumentsExpires } from './purge.ts';

let p: TestPlatform;
beforeEach(async () => {
  p = await createTestPlatform();
  await fixtureReferentiel(p);
});
afterEach(async () => {
  await p.close();
});

async function document(expireLe: Date | null) {
  const id = randomUUID();
  const cle = `essais/${id}.txt`;
  const stored = await p.ctx.store.put(cle, 'contenu', 'text/plain');
  await p.ctx.db
    .insertInto('document')
    .values({ id, academie_code: '14', nom: `${id}.txt`, type_mime: 'text/plain', taille: stored.taille, sha256: stored.sha256, cle_stockage: cle, expire_le: expireLe, etablissement_id: null, personne_id: null, compte_id: null, traitement_id: null })
    .execute();
  return { id, cle };
}

describe('purge des documents expirés', () => {
  it('supprime fichier et ligne des seuls documents expirés', async () => {
    const now = p.clock.now().getTime();
    const vieux = await document(new Date(now - 1000));
    const valide = await document(new Date(now + 86_400_000));
    const permanent = await document(null);
    expect(await purgerDocumentsExpires(p.ctx, 1)).toBe(1);
    const restants = (await p.ctx.db.selectFrom('document').select('id').execute()).map((d) => d.id).sort();
    expect(restants).toEqual([valide.id, permanent.id].sort());
    expect(await p.ctx.store.exists(vieux.cle)).toBe(false);
    expect(await p.ctx.store.exists(valide.cle)).toBe(true);
  });
});
