import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CODES } from '../../domain/services.ts';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  await p.close();
});

describe('guide utilisateur', () => {
  it('sert le guide de chaque service et le tutoriel, sans connexion', async () => {
    const c = p.client();
    for (const doc of [...SERVICE_CODES, 'tutoriel']) {
      const r = await c.get(`/api/guide/${doc}`);
      expect(r.status, doc).toBe(200);
      expect(r.body.document).toBe(doc);
      expect(r.body.titre.length).toBeGreaterThan(5);
      expect(r.body.markdown).toMatch(/^# /);
    }
  });

  it('refuse en français un document inconnu ou un chemin détourné', async () => {
    const c = p.client();
    const inconnu = await c.get('/api/guide/inconnu');
    expect(inconnu.status).toBe(404);
    expect(inconnu.body.message).toBe('Aucun guide « inconnu ».');
    const detour = await c.get('/api/guide/..%2F..%2Fpackage');
    expect([400, 404]).toContain(detour.status);
    expect(detour.body.message).toMatch(/guide/i);
  });
});
