// For the tests of malware scanning (decision 0030): the EICAR test file, and a small clamd speaking the
// INSTREAM protocol on a real Unix socket, used when no real clamd is configured (CLAMAV_SOCKET unset:
// a developer's machine) so that the protocol code always runs; in CI, .ci/run starts the real clamd with
// a signature database made on the spot and exports CLAMAV_SOCKET.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The EICAR anti-malware test file (68 bytes, eicar.org), built in two halves so this source is not itself detected. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export interface FauxClamd {
  socket: string;
  /** What the fake received, per scan (to check the chunks arrive whole). */
  recus: Buffer[];
  fermer(): Promise<void>;
}

/** A fake clamd: INSTREAM (chunks with their 4-byte big-endian length, zero length ends), PING. */
export async function demarrerFauxClamd(): Promise<FauxClamd> {
  const dossier = mkdtempSync(join(tmpdir(), 'faux-clamd-'));
  const socket = join(dossier, 'clamd.sock');
  const recus: Buffer[] = [];
  const server: Server = createServer((c) => {
    let tampon = Buffer.alloc(0);
    let commande: string | null = null;
    const contenu: Buffer[] = [];
    c.on('error', () => {});
    c.on('data', (d: Buffer) => {
      tampon = Buffer.concat([tampon, d]);
      if (commande === null) {
        const fin = tampon.indexOf(0);
        if (fin < 0) return;
        commande = tampon.subarray(0, fin).toString('latin1');
        tampon = tampon.subarray(fin + 1);
        if (commande === 'zPING') return void c.end('PONG\0');
        if (commande !== 'zINSTREAM') return void c.end('UNKNOWN COMMAND\0');
      }
      while (tampon.length >= 4) {
        const n = tampon.readUInt32BE(0);
        if (n === 0) {
          const fichier = Buffer.concat(contenu);
          recus.push(fichier);
          c.end(fichier.includes(Buffer.from(EICAR, 'latin1')) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          tampon = Buffer.alloc(0);
          return;
        }
        if (tampon.length < 4 + n) return;
        contenu.push(Buffer.from(tampon.subarray(4, 4 + n)));
        tampon = tampon.subarray(4 + n);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    socket,
    recus,
    fermer: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(dossier, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** The real clamd when CLAMAV_SOCKET is set (CI), otherwise a fake one started here. */
export async function clamdPourLesTests(): Promise<{ socket: string; reel: boolean; fermer(): Promise<void> }> {
  const reel = process.env.CLAMAV_SOCKET;
  if (reel) return { socket: reel, reel: true, fermer: async () => {} };
  const faux = await demarrerFauxClamd();
  return { socket: faux.socket, reel: false, fermer: faux.fermer };
}
