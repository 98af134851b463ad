import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chiffrer, dechiffrer } from './crypto.ts';

describe('chiffrement au repos', () => {
  const key = randomBytes(32);
  it('rend la valeur d’origine et ne laisse rien lire en clair', () => {
    const iban = 'FR7630006000011234567890189';
    const c = chiffrer(key, iban);
    expect(c).not.toContain('30006');
    expect(dechiffrer(key, c)).toBe(iban);
    expect(chiffrer(key, iban)).not.toBe(c);
  });
  it('refuse une valeur altérée ou une autre clé', () => {
    const c = chiffrer(key, 'secret');
    const parts = c.split('.');
    parts[3] = Buffer.from('autre').toString('base64url');
    expect(() => dechiffrer(key, parts.join('.'))).toThrow();
    expect(() => dechiffrer(randomBytes(32), c)).toThrow();
  });
});
