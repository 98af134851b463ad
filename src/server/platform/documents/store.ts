// Where generated documents live: a directory by default, an S3-compatible bucket by configuration.
// Writes are streamed and hashed on the way; nothing is held whole in memory.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentStoreConfig } from '../config.ts';

export type Body = Buffer | Uint8Array | string | Readable | AsyncIterable<Uint8Array>;

export interface Stored {
  taille: number;
  sha256: string;
}

export interface DocumentStore {
  readonly kind: 'directory' | 's3';
  put(key: string, body: Body, contentType: string): Promise<Stored>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Removes temporary files left by an interrupted write (a process killed mid-document) older than
   * `avant`; returns how many. S3 has none: an interrupted multipart upload is never visible.
   */
  purgerTemporaires?(avant: Date): Promise<number>;
}

function toReadable(body: Body): Readable {
  if (body instanceof Readable) return body;
  if (typeof body === 'string' || body instanceof Uint8Array) return Readable.from([Buffer.from(body)]);
  return Readable.from(body);
}

function hasher(): { transform: Transform; result: () => Stored } {
  const hash = createHash('sha256');
  let taille = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      taille += chunk.length;
      cb(null, chunk);
    },
  });
  return { transform, result: () => ({ taille, sha256: hash.digest('hex') }) };
}

function safeKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(key) || key.includes('..')) throw new Error(`Clé de document invalide : ${key}`);
  return key;
}

export class DirectoryStore implements DocumentStore {
  readonly kind = 'directory' as const;
  readonly #root: string;
  constructor(root: string) {
    this.#root = resolve(root);
  }
  #path(key: string): string {
    const p = resolve(join(this.#root, safeKey(key)));
    if (!p.startsWith(this.#root + sep)) throw new Error(`Clé de document invalide : ${key}`);
    return p;
  }
  async put(key: string, body: Body): Promise<Stored> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    // A retry of the same document first removes what an interrupted earlier attempt left.
    await this.#supprimerTemporaires(dirname(path), (nom) => nom.startsWith(`${basename(path)}.`) && nom.endsWith('.part'));
    const tmp = `${path}.${process.pid}.${Date.now()}.part`;
    const h = hasher();
    try {
      await pipeline(toReadable(body), h.transform, createWriteStream(tmp));
      // Rename is atomic: a reader never sees half a document, a retry simply replaces it.
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return h.result();
  }
  async get(key: string): Promise<Readable> {
    const path = this.#path(key);
    await stat(path);
    return createReadStream(path);
  }
  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.#path(key));
      return true;
    } catch {
      return false;
    }
  }
  async #supprimerTemporaires(dossier: string, garder: (nom: string) => boolean, avant?: Date): Promise<number> {
    let n = 0;
    let noms: string[];
    try {
      noms = await readdir(dossier);
    } catch {
      return 0;
    }
    for (const nom of noms.filter(garder)) {
      const p = join(dossier, nom);
      try {
        if (avant && (await stat(p)).mtime >= avant) continue;
        await rm(p, { force: true });
        n++;
      } catch {
        // Removed meanwhile by another process: nothing to do.
      }
    }
    return n;
  }
  async purgerTemporaires(avant: Date): Promise<number> {
    let n = 0;
    const parcourir = async (dossier: string): Promise<void> => {
      n += await this.#supprimerTemporaires(dossier, (nom) => nom.endsWith('.part'), avant);
      let entrees;
      try {
        entrees = await readdir(dossier, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entrees) if (e.isDirectory()) await parcourir(join(dossier, e.name));
    };
    await parcourir(this.#root);
    return n;
  }
}

export class S3Store implements DocumentStore {
  readonly kind = 's3' as const;
  readonly #cfg: NonNullable<DocumentStoreConfig['s3']>;
  #client: Promise<import('@aws-sdk/client-s3').S3Client> | undefined;
  constructor(cfg: NonNullable<DocumentStoreConfig['s3']>) {
    this.#cfg = cfg;
  }
  #s3() {
    this.#client ??= import('@aws-sdk/client-s3').then(
      ({ S3Client }) =>
        new S3Client({
          endpoint: this.#cfg.endpoint,
          region: this.#cfg.region,
          forcePathStyle: this.#cfg.forcePathStyle,
          credentials: { accessKeyId: this.#cfg.accessKeyId, secretAccessKey: this.#cfg.secretAccessKey },
          // S3-compatible stores (MinIO, Ceph, Garage, OVH, Scaleway…) do not all accept the SDK's
          // default trailing checksums: send them only where S3 requires them.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    );
    return this.#client;
  }
  async put(key: string, body: Body, contentType: string): Promise<Stored> {
    const { Upload } = await import('@aws-sdk/lib-storage');
    const client = await this.#s3();
    const h = hasher();
    const pass = new PassThrough();
    const upload = new Upload({ client, params: { Bucket: this.#cfg.bucket, Key: safeKey(key), Body: pass, ContentType: contentType } });
    await Promise.all([pipeline(toReadable(body), h.transform, pass), upload.done()]);
    return h.result();
  }
  async get(key: string): Promise<Readable> {
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const res = await (await this.#s3()).send(new GetObjectCommand({ Bucket: this.#cfg.bucket, Key: safeKey(key) }));
    return res.Body as Readable;
  }
  async delete(key: string): Promise<void> {
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await (await this.#s3()).send(new DeleteObjectCommand({ Bucket: this.#cfg.bucket, Key: safeKey(key) }));
  }
  async exists(key: string): Promise<boolean> {
    const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
    try {
      await (await this.#s3()).send(new HeadObjectCommand({ Bucket: this.#cfg.bucket, Key: safeKey(key) }));
      return true;
    } catch {
      return false;
    }
  }
}

export function openStore(cfg: DocumentStoreConfig): DocumentStore {
  return cfg.kind === 's3' ? new S3Store(cfg.s3!) : new DirectoryStore(cfg.directory);
}
