// The clamd client (decision 0030): against the real clamd in CI (.ci/run starts it with a signature
// database made on the spot and exports CLAMAV_SOCKET), against a fake clamd on a real Unix socket
// elsewhere — the INSTREAM protocol code runs in both cases.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyserFlux, antivirusClamd, AntivirusIndisponible, etatAntivirus, interpreterReponse, MESSAGE_ANTIVIRUS_ABSENT } from './antivirus.ts';
import { clamdPourLesTests, demarrerFauxClamd, EICAR } from './antivirus.fixture.ts';
import { avertirAuDemarrage, ConfigError, loadConfig } from './config.ts';

let clamd: Awaited<ReturnType<typeof clamdPourLesTests>>;
beforeAll(async () => {
  clamd = await clamdPourLesTests();
});
afterAll(async () => {
  await clamd?.fermer();
});

describe('analyse antivirus (clamd, INSTREAM)', () => {
  it('le fichier de test EICAR est détecté ; un document ordinaire est sain', async () => {
    const av = antivirusClamd(clamd.socket);
    expect(await av.repond()).toBe(true);
    const eicar = await analyserFlux(av, Readable.from([Buffer.from(EICAR, 'latin1')]));
    expect(eicar.saine).toBe(false);
    expect(eicar.saine === false && eicar.signature).toMatch(/Eicar/i);
    const sain = await analyserFlux(av, Readable.from([Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n')]));
    expect(sain).toEqual({ saine: true });
  });

  it('EICAR noyé dans un « PDF » et envoyé en plusieurs morceaux est détecté aussi', async () => {
    const av = antivirusClamd(clamd.socket);
    const contenu = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR, 'latin1'), Buffer.from('\n%%EOF\n')]);
    const morceaux = [contenu.subarray(0, 5), contenu.subarray(5, 30), contenu.subarray(30)];
    const v = await analyserFlux(av, Readable.from(morceaux));
    expect(v.saine).toBe(false);
  });

  it('un fichier de plusieurs Mo passe par morceaux (longueurs sur 4 octets gros-boutistes)', async () => {
    const faux = await demarrerFauxClamd();
    try {
      const av = antivirusClamd(faux.socket);
      const gros = Buffer.alloc(3 * 1024 * 1024 + 17, 0x41);
      expect(await analyserFlux(av, Readable.from([gros.subarray(0, 100_000), gros.subarray(100_000)]))).toEqual({ saine: true });
      expect(faux.recus.at(-1)!.equals(gros)).toBe(true);
    } finally {
      await faux.fermer();
    }
  });

  it('un clamd injoignable : AntivirusIndisponible, jamais « sain »', async () => {
    const absent = join(mkdtempSync(join(tmpdir(), 'sans-clamd-')), 'clamd.sock');
    const av = antivirusClamd(absent, { delaiConnexionMs: 1000 });
    await expect(av.ouvrir()).rejects.toBeInstanceOf(AntivirusIndisponible);
    expect(await av.repond()).toBe(false);
    expect(await etatAntivirus({ clamavSocket: absent })).toMatchObject({ etat: 'injoignable' });
  });

  it('interprète les réponses de clamd ; une réponse inattendue est une indisponibilité', () => {
    expect(interpreterReponse('stream: OK')).toEqual({ saine: true });
    expect(interpreterReponse('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({ saine: false, signature: 'Win.Test.EICAR_HDB-1' });
    expect(() => interpreterReponse('INSTREAM size limit exceeded. ERROR')).toThrow(AntivirusIndisponible);
    expect(() => interpreterReponse('')).toThrow(AntivirusIndisponible);
  });
});

describe('configuration (CLAMAV_SOCKET)', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'config-av-'));
  it('lu depuis CLAMAV_SOCKET ; un chemin relatif est refusé en nommant la variable', () => {
    expect(loadConfig({ DATA_DIR: dir(), CLAMAV_SOCKET: '/run/clamav/clamd.ctl' }).clamavSocket).toBe('/run/clamav/clamd.ctl');
    expect(loadConfig({ DATA_DIR: dir() }).clamavSocket).toBeUndefined();
    expect(() => loadConfig({ DATA_DIR: dir(), CLAMAV_SOCKET: 'clamd.ctl' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir(), CLAMAV_SOCKET: 'clamd.ctl' })).toThrow(/CLAMAV_SOCKET/);
  });

  it('sans antivirus, le démarrage le dit clairement dans le journal', async () => {
    const lignes: string[] = [];
    avertirAuDemarrage(loadConfig({ DATA_DIR: dir(), PUBLIC_URL: 'https://examens.ac-rennes.fr' }), (l) => lignes.push(l));
    expect(lignes).toEqual([`ATTENTION : ${MESSAGE_ANTIVIRUS_ABSENT}`]);
    expect(MESSAGE_ANTIVIRUS_ABSENT).toContain('ne sont pas analysés');
    const avec: string[] = [];
    avertirAuDemarrage(loadConfig({ DATA_DIR: dir(), PUBLIC_URL: 'https://examens.ac-rennes.fr', CLAMAV_SOCKET: clamd.socket }), (l) => avec.push(l));
    expect(avec).toEqual([]);
    expect(await etatAntivirus({})).toEqual({ etat: 'non_configure', message: MESSAGE_ANTIVIRUS_ABSENT });
    expect(await etatAntivirus({ clamavSocket: clamd.socket })).toMatchObject({ etat: 'ok' });
  });
});
