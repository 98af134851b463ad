// Both document stores against real backends: a temporary directory, and an S3-protocol server
// (s3rver) started in-process on the loopback.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryStore, S3Store, type DocumentStore } from './store.ts';

let s3rver: any;
let endpoint = '';

beforeAll(async () => {
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync(join(tmpdir(), 's3rver-')), configureBuckets: [{ name: 'documents' }] });
  const addr = (await s3rver.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  await s3rver?.close();
});

const stores: Array<[string, () => DocumentStore]> = [
  ['répertoire', () => new DirectoryStore(mkdtempSync(join(tmpdir(), 'store-')))],
  ['S3', () => new S3Store({ endpoint, region: 'us-east-1', bucket: 'documents', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true })],
];

describe.each(stores)('stockage %s', (_nom, make) => {
  it('écrit en flux, hache, relit et supprime', async () => {
    const store = make();
    async function* morceaux() {
      for (let i = 0; i < 100; i++) yield Buffer.from(`ligne ${i};é\n`);
    }
    const stored = await store.put('traitements/abc/liste.csv', morceaux(), 'text/csv');
    const attendu = Array.from({ length: 100 }, (_, i) => `ligne ${i};é\n`).join('');
    expect(stored.taille).toBe(Buffer.byteLength(attendu));
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await text(await store.get('traitements/abc/liste.csv'))).toBe(attendu);
    expect(await store.exists('traitements/abc/liste.csv')).toBe(true);
    // Writing again under the same key replaces the document (a retried treatment).
    await store.put('traitements/abc/liste.csv', Readable.from([Buffer.from('v2')]), 'text/csv');
    expect(await text(await store.get('traitements/abc/liste.csv'))).toBe('v2');
    await store.delete('traitements/abc/liste.csv');
    expect(await store.exists('traitements/abc/liste.csv')).toBe(false);
  });

  it('refuse une clé qui sortirait du stockage', async () => {
    const store = make();
    await expect(store.put('../evasion.txt', 'x', 'text/plain')).rejects.toThrow('Clé de document invalide');
  });
});
