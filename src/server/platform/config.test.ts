import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { avertissementsConfiguration, ConfigError, loadConfig } from './config.ts';

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
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY', "« true » n'en est pas une"],
    [{ TRUST_PROXY: '10.0.0.1,*' }, 'TRUST_PROXY', "« * » n'en est pas une"],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY', 'plages CIDR'],
    [{ TRUST_PROXY: '10.0.0.1,,10.0.0.2' }, 'TRUST_PROXY', 'séparées par des virgules'],
    [{ TRUST_PROXY: '300.1.1.1' }, 'TRUST_PROXY', 'adresses IP'],
  ])('arrête sur %o en nommant la variable', (env, variable, attendu) => {
    const e = erreur(env);
    expect(e.variable).toBe(variable);
    expect(e.message).toContain(variable);
    expect(e.message).toContain(attendu);
  });
});

describe('mandataires de confiance (TRUST_PROXY)', () => {
  it("n'en a aucun par défaut : l'adresse d'une requête est celle de la connexion", () => {
    expect(loadConfig({ DATA_DIR: dir() }).trustProxy).toEqual([]);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: ' ' }).trustProxy).toEqual([]);
  });

  it('accepte des adresses et des plages CIDR, IPv4 et IPv6, et les plages nommées', () => {
    const c = loadConfig({ DATA_DIR: dir(), TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8,::1,loopback' });
    expect(c.trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback']);
  });
});

describe('adresse publique (PUBLIC_URL)', () => {
  it('avertit au démarrage quand PUBLIC_URL manque : les documents porteraient une adresse locale', () => {
    const c = loadConfig({ DATA_DIR: dir(), PORT: '3100' });
    expect(c.publicUrlParDefaut).toBe(true);
    const [avertissement, ...autres] = avertissementsConfiguration(c);
    expect(autres).toEqual([]);
    expect(avertissement).toContain("PUBLIC_URL n'est pas défini");
    expect(avertissement).toContain("porteront l'adresse locale http://localhost:3100");
  });

  it("n'avertit pas quand PUBLIC_URL est en https ; avertit d'une adresse publique en http", () => {
    const https = loadConfig({ DATA_DIR: dir(), PUBLIC_URL: 'https://examens.ac-rennes.fr/' });
    expect(https.publicUrl).toBe('https://examens.ac-rennes.fr');
    expect(https.publicUrlParDefaut).toBe(false);
    expect(avertissementsConfiguration(https)).toEqual([]);
    expect(avertissementsConfiguration(loadConfig({ DATA_DIR: dir(), PUBLIC_URL: 'http://localhost:3000' }))).toEqual([]);
    expect(avertissementsConfiguration(loadConfig({ DATA_DIR: dir(), PUBLIC_URL: 'http://examens.ac-rennes.fr' }))[0]).toContain("n'est pas en https");
  });
});

describe('démarrage', () => {
  it('arrête le processus avec un message nommant la variable incorrecte', () => {
    const run = spawnSync(process.execPath, ['src/server/main.ts'], { env: { ...process.env, PORT: 'abc', DATA_DIR: dir() }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Configuration invalide : PORT');
  });

  it("avertit dès le démarrage que PUBLIC_URL n'est pas défini (les documents porteraient une adresse locale)", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dir(), LOG_LEVEL: 'silent', RUN_WORKERS: 'false' };
    delete env.PUBLIC_URL;
    const serveur = spawn(process.execPath, ['src/server/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    try {
      await new Promise<void>((ok, ko) => {
        const delai = setTimeout(() => ko(new Error(`aucun avertissement en 60 s : ${stderr}`)), 60_000);
        serveur.stderr!.on('data', (d) => {
          stderr += String(d);
          if (stderr.includes('\n')) {
            clearTimeout(delai);
            ok();
          }
        });
        serveur.on('exit', () => ko(new Error(`arrêt sans avertissement : ${stderr}`)));
      });
    } finally {
      serveur.kill('SIGKILL');
    }
    expect(stderr).toContain("ATTENTION : PUBLIC_URL n'est pas défini : les documents et les courriels (papillons d'accès des jurys");
    expect(stderr).toContain("porteront l'adresse locale http://localhost:0");
  }, 70_000);
});
