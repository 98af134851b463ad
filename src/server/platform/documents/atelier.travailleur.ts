// A worker thread of the PDF workshop (atelier.ts): builds one document at a time with the edition
// function it is named, and hands back its bytes (transferred, not copied). An error goes back as its
// message; the caller fails the document as it would on its own thread.
import { parentPort } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import type { TachePdf } from './atelier.ts';

parentPort!.on('message', async (tache: TachePdf) => {
  try {
    const m = (await import(tache.module)) as Record<string, (...args: unknown[]) => Readable>;
    const morceaux: Buffer[] = [];
    for await (const c of m[tache.fonction]!(...tache.arguments)) morceaux.push(c as Buffer);
    const octets = new Uint8Array(morceaux.reduce((n, c) => n + c.length, 0));
    let p = 0;
    for (const c of morceaux) {
      octets.set(c, p);
      p += c.length;
    }
    parentPort!.postMessage({ octets: octets.buffer }, [octets.buffer]);
  } catch (err) {
    parentPort!.postMessage({ erreur: err instanceof Error ? err.message : String(err) });
  }
});
