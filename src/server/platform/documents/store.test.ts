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

// Issue 18 §6: a document interrupted by a killed process leaves its `.part` file; the retry of the
// same document removes it, and the nightly purge removes those older than an hour elsewhere.
describe('fichiers temporaires interrompus (répertoire)', () => {
  it('la reprise du même document et la purge nocturne les suppriment', async () => {
    const racine = mkdtempSync(join(tmpdir(), 'store-part-'));
    const store = new DirectoryStore(racine);
    const { mkdirSync, writeFileSync, readdirSync, utimesSync } = await import('node:fs');
    const dossier = join(racine, 'traitements/42');
    mkdirSync(dossier, { recursive: true });
    // What a process killed in the middle of the plan de secours ZIP leaves.
    writeFileSync(join(dossier, 'plan.zip.999.1733400000000.part'), 'moitié');
    writeFileSync(join(dossier, 'autre.pdf.999.1733400000000.part'), 'moitié');
    await (store as DocumentStore).put('traitements/42/plan.zip', 'complet', 'application/zip');
    expect(readdirSync(dossier).sort()).toEqual(['autre.pdf.999.1733400000000.part', 'plan.zip']);
    // The purge keeps a recent temporary file (a write may be going on) and removes an old one.
    const vieux = join(dossier, 'autre.pdf.999.1733400000000.part');
    utimesSync(vieux, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    writeFileSync(join(dossier, 'encours.pdf.1.2.part'), 'en cours');
    expect(await store.purgerTemporaires(new Date(Date.now() - 3600_000))).toBe(1);
    expect(readdirSync(dossier).sort()).toEqual(['encours.pdf.1.2.part', 'plan.zip']);
  });
});
