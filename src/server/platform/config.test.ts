import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'config-'));

function erreur(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ DATA_DIR: dir(), ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('aucune erreur');
}

describe('configuration', () => {
  it('a des valeurs par défaut utilisables', () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.documents.kind).toBe('directory');
    expect(c.sessionIdleSeconds).toBe(1800);
    expect(c.sessionWarningSeconds).toBe(300);
    expect(c.encryptionKey).toHaveLength(32);
  });

  it('génère SESSION_SECRET une fois et le garde dans DATA_DIR', () => {
    const d = dir();
    const a = loadConfig({ DATA_DIR: d });
    const b = loadConfig({ DATA_DIR: d });
    expect(a.sessionSecret).toBe(b.sessionSecret);
    expect(readFileSync(join(d, 'session_secret'), 'utf8').trim()).toBe(a.sessionSecret);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'un entier entre 0 et 65535'],
    [{ PORT: '70000' }, 'PORT', 'un entier'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', 'le protocole doit être postgres: ou postgresql:'],
    [{ SMTP_URL: 'pas une url' }, 'SMTP_URL', 'une URL est attendue'],
    [{ LOG_LEVEL: 'bavard' }, 'LOG_LEVEL', 'une valeur parmi'],
    [{ DOCUMENT_STORE: 'ftp' }, 'DOCUMENT_STORE', '« directory » ou « s3 »'],
    [{ DOCUMENT_STORE: 's3', S3_ENDPOINT: 'http://s3.local' }, 'S3_BUCKET', 'obligatoire lorsque DOCUMENT_STORE=s3'],
    [{ SESSION_SECRET: 'court' }, 'SESSION_SECRET', 'au moins 32 caractères'],
    [{ SESSION_IDLE_MINUTES: '5', SESSION_WARNING_MINUTES: '5' }, 'SESSION_WARNING_MINUTES', 'inférieur'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL', 'le protocole'],
  ])('arrête sur %o en nommant la variable', (env, variable, attendu) => {
    const e = erreur(env);
    expect(e.variable).toBe(variable);
    expect(e.message).toContain(variable);
    expect(e.message).toContain(attendu);
  });
});

describe('démarrage', () => {
  it('arrête le processus avec un message nommant la variable incorrecte', () => {
    const run = spawnSync(process.execPath, ['src/server/main.ts'], { env: { ...process.env, PORT: 'abc', DATA_DIR: dir() }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Configuration invalide : PORT');
  });
});
