// Secrets at rest (bank details now, OTP seeds later): AES-256-GCM with the key from the
// configuration (ENCRYPTION_KEY), a random 96-bit nonce per value, the tag checked on reading.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export function chiffrer(key: Buffer, clair: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(clair, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function dechiffrer(key: Buffer, chiffre: string): string {
  const [version, iv, tag, data] = chiffre.split('.');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Valeur chiffrée illisible');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
