// Malware scanning of uploaded files (issue 16 §5, decision 0030): a client of ClamAV's daemon (Debian's
// clamav-daemon) over its Unix socket, configured by CLAMAV_SOCKET (platform/config.ts).
// Protocol (clamd(8), INSTREAM): send « zINSTREAM\0 », then the file in chunks, each preceded by its
// length on 4 bytes (big-endian), then a zero length; clamd answers « stream: OK\0 » or
// « stream: <signature> FOUND\0 » (or « … ERROR\0 »). The caller streams the file to the scanner while it
// writes it to the document store, and keeps it only when the verdict is « OK ».
// Without CLAMAV_SOCKET nothing is scanned: the platform says so at start-up and to the administrator.
import { createConnection, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

export type Verdict = { saine: true } | { saine: false; signature: string };

/** The scanner is configured but does not answer (socket absent, daemon stopped, timeout, odd reply). */
export class AntivirusIndisponible extends Error {
  constructor(cause: string) {
    super(`Analyse antivirus impossible : ${cause}`);
  }
}

export const MESSAGE_ANTIVIRUS_ABSENT =
  "Aucun antivirus n'est configuré (CLAMAV_SOCKET n'est pas défini) : les fichiers déposés par les utilisateurs (pièces justificatives des états de frais) ne sont pas analysés. Installez clamav-daemon et définissez CLAMAV_SOCKET (par exemple /run/clamav/clamd.ctl).";
export const MESSAGE_ANTIVIRUS_INDISPONIBLE =
  "Le dépôt de fichiers est momentanément indisponible : l'analyse antivirus ne répond pas. Le fichier n'a pas été conservé ; réessayez dans quelques minutes ou envoyez vos pièces par courrier.";

/** One scan in progress: write the file's chunks, then read the verdict. */
export interface AnalyseEnCours {
  ecrire(morceau: Uint8Array): Promise<void>;
  terminer(): Promise<Verdict>;
  /** Stops the scan (the upload was refused): closes the connection. */
  abandonner(): void;
}

export interface Antivirus {
  /** Where the scanner listens, for messages to the operator. */
  readonly adresse: string;
  /** Connects and starts a scan; AntivirusIndisponible when the daemon does not answer. */
  ouvrir(): Promise<AnalyseEnCours>;
  /** PING → PONG: the daemon answers. */
  repond(): Promise<boolean>;
}

/** Largest chunk sent at once (clamd reads chunks of any size up to StreamMaxLength). */
const MORCEAU_MAX = 64 * 1024;

function connecter(chemin: string, delaiMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path: chemin });
    const minuterie = setTimeout(() => {
      socket.destroy();
      reject(new AntivirusIndisponible(`pas de réponse de clamd sur ${chemin} en ${delaiMs} ms`));
    }, delaiMs);
    socket.once('connect', () => {
      clearTimeout(minuterie);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(minuterie);
      reject(new AntivirusIndisponible(`clamd injoignable sur ${chemin} (${err.code ?? err.message})`));
    });
  });
}

/** Reads clamd's NUL-terminated reply (or what came before the connection closed). */
function lireReponse(socket: Socket, delaiMs: number): { reponse: Promise<string>; recue: () => string | null } {
  let tampon = Buffer.alloc(0);
  let finale: string | null = null;
  const reponse = new Promise<string>((resolve, reject) => {
    const finir = () => {
      if (finale !== null) return;
      finale = tampon.toString('utf8').replace(/\0[\s\S]*$/, '').trim();
      clearTimeout(minuterie);
      resolve(finale);
    };
    const minuterie = setTimeout(() => {
      socket.destroy();
      reject(new AntivirusIndisponible(`clamd n'a pas rendu son verdict en ${delaiMs} ms`));
    }, delaiMs);
    minuterie.unref?.();
    socket.on('data', (d: Buffer) => {
      tampon = Buffer.concat([tampon, d]);
      if (tampon.includes(0)) finir();
    });
    socket.on('end', finir);
    socket.on('close', finir);
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (finale !== null) return;
      clearTimeout(minuterie);
      reject(new AntivirusIndisponible(`connexion à clamd interrompue (${err.code ?? err.message})`));
    });
  });
  reponse.catch(() => {});
  return { reponse, recue: () => finale };
}

export function interpreterReponse(reponse: string): Verdict {
  if (reponse === 'stream: OK') return { saine: true };
  const trouve = /^stream: (.+) FOUND$/.exec(reponse);
  if (trouve) return { saine: false, signature: trouve[1]! };
  throw new AntivirusIndisponible(`réponse inattendue de clamd : « ${reponse.slice(0, 200)} »`);
}

/** The clamd client over its Unix socket (LocalSocket of clamd.conf). */
export function antivirusClamd(chemin: string, o: { delaiConnexionMs?: number; delaiVerdictMs?: number } = {}): Antivirus {
  const delaiConnexion = o.delaiConnexionMs ?? 5000;
  const delaiVerdict = o.delaiVerdictMs ?? 60_000;
  return {
    adresse: chemin,
    async ouvrir() {
      const socket = await connecter(chemin, delaiConnexion);
      const { reponse, recue } = lireReponse(socket, delaiVerdict);
      let erreur: Error | null = null;
      socket.on('error', (e) => (erreur ??= e));
      const envoyer = (donnees: Uint8Array) =>
        new Promise<void>((resolve, reject) => {
          if (erreur || socket.destroyed) return reject(new AntivirusIndisponible(`connexion à clamd interrompue${erreur ? ` (${(erreur as NodeJS.ErrnoException).code ?? erreur.message})` : ''}`));
          // clamd answered before the end (a limit it enforces): no use sending more.
          if (recue() !== null) return reject(new AntivirusIndisponible(`clamd a interrompu l'analyse : « ${recue()} »`));
          if (socket.write(donnees)) return resolve();
          const fin = () => {
            socket.off('drain', fin);
            socket.off('close', fin);
            if (erreur || socket.destroyed) reject(new AntivirusIndisponible('connexion à clamd interrompue'));
            else resolve();
          };
          socket.on('drain', fin);
          socket.on('close', fin);
        });
      await envoyer(Buffer.from('zINSTREAM\0', 'latin1'));
      return {
        async ecrire(morceau: Uint8Array) {
          for (let i = 0; i < morceau.length; i += MORCEAU_MAX) {
            const part = morceau.subarray(i, i + MORCEAU_MAX);
            const longueur = Buffer.alloc(4);
            longueur.writeUInt32BE(part.length, 0);
            await envoyer(Buffer.concat([longueur, part]));
          }
        },
        async terminer() {
          await envoyer(Buffer.alloc(4));
          try {
            return interpreterReponse(await reponse);
          } finally {
            socket.end();
          }
        },
        abandonner() {
          socket.destroy();
        },
      };
    },
    async repond() {
      try {
        const socket = await connecter(chemin, delaiConnexion);
        const { reponse } = lireReponse(socket, delaiConnexion);
        socket.write('zPING\0');
        const r = await reponse;
        socket.destroy();
        return r === 'PONG';
      } catch {
        return false;
      }
    },
  };
}

/** What the administrator's home page says of the scanner: nothing when configured. */
export function avertissementsAntivirus(config: { clamavSocket?: string | undefined }): string[] {
  return config.clamavSocket ? [] : [MESSAGE_ANTIVIRUS_ABSENT];
}

/** The scanner the configuration names, or null (nothing scanned: say so). */
export function antivirusConfigure(config: { clamavSocket?: string | undefined }): Antivirus | null {
  return config.clamavSocket ? antivirusClamd(config.clamavSocket) : null;
}

/** Scans a whole stream (tests, tools): the verdict. */
export async function analyserFlux(antivirus: Antivirus, flux: Readable | AsyncIterable<Uint8Array>): Promise<Verdict> {
  const analyse = await antivirus.ouvrir();
  try {
    for await (const morceau of flux) await analyse.ecrire(typeof morceau === 'string' ? Buffer.from(morceau) : morceau);
    return await analyse.terminer();
  } catch (err) {
    analyse.abandonner();
    throw err;
  }
}

/** What the administrator reads about the scanner: not configured, or configured (answering or not). */
export async function etatAntivirus(config: { clamavSocket?: string | undefined }): Promise<{ etat: 'non_configure' | 'ok' | 'injoignable'; message: string }> {
  const a = antivirusConfigure(config);
  if (!a) return { etat: 'non_configure', message: MESSAGE_ANTIVIRUS_ABSENT };
  if (await a.repond()) return { etat: 'ok', message: 'Les fichiers déposés sont analysés par ClamAV (clamd).' };
  return { etat: 'injoignable', message: "L'antivirus (clamd) ne répond pas : les dépôts de fichiers sont refusés tant qu'il n'est pas rétabli." };
}
