// Benchmark: the weight of the web app's JavaScript, gzipped (target: the shell under 300 kB,
// issue 3). "Shell" = what the browser loads to show any service page: the entry chunk with its
// static imports, plus the DSFR script that startReactDsfr loads at once. Activity pages, the guide
// and the PDF writer are separate chunks loaded on demand, reported apart. Reads the Vite manifest
// of dist/web (built first if stale). Prints one JSON line on stdout.
// Run with `node bench/web-bundle-size.bench.ts`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { construireWeb } from '../scripts/build-web.ts';

interface Entree {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  name?: string;
  src?: string;
}

const CIBLE_KO = 300;
construireWeb();
const web = resolve(import.meta.dirname, '../dist/web');
const manifeste = JSON.parse(readFileSync(join(web, '.vite/manifest.json'), 'utf8')) as Record<string, Entree>;
const taille = (fichier: string) => {
  const brut = readFileSync(join(web, fichier));
  return { brut: brut.length, gzip: gzipSync(brut, { level: 9 }).length };
};
const ko = (o: number) => Math.round((o / 1024) * 10) / 10;

/** A chunk and its static imports, each counted once. */
function graphe(cle: string, vus = new Set<string>()): Set<string> {
  if (vus.has(cle)) return vus;
  vus.add(cle);
  for (const i of manifeste[cle]?.imports ?? []) graphe(i, vus);
  return vus;
}

const entree = Object.keys(manifeste).find((k) => manifeste[k]!.isEntry)!;
const coquille = graphe(entree);
// DSFR's own script is imported dynamically by startReactDsfr, but at start-up, on every page.
const dsfr = Object.keys(manifeste).find((k) => k.includes('dsfr.module'));
if (dsfr) graphe(dsfr, coquille);

let coquilleBrut = 0;
let coquilleGzip = 0;
const detail: Record<string, number> = {};
for (const k of coquille) {
  const t = taille(manifeste[k]!.file);
  coquilleBrut += t.brut;
  coquilleGzip += t.gzip;
  detail[manifeste[k]!.file] = ko(t.gzip);
}
const css = [...coquille].flatMap((k) => manifeste[k]!.css ?? []);
const cssGzip = css.reduce((a, f) => a + taille(f).gzip, 0) + taille('dsfr/dsfr.min.css').gzip + taille('dsfr/utility/icons/icons.min.css').gzip;

const aLaDemande: Record<string, number> = {};
for (const [k, e] of Object.entries(manifeste)) {
  if (coquille.has(k) || !e.file.endsWith('.js')) continue;
  aLaDemande[e.src ?? e.name ?? k] = ko(taille(e.file).gzip);
}

console.log(
  JSON.stringify({
    name: 'web-bundle-size',
    cibleKo: CIBLE_KO,
    coquilleJsGzipKo: ko(coquilleGzip),
    coquilleJsBrutKo: ko(coquilleBrut),
    sousLaCible: ko(coquilleGzip) < CIBLE_KO,
    coquilleDetailGzipKo: detail,
    cssGzipKo: ko(cssGzip),
    chargesALaDemandeGzipKo: aLaDemande,
  }),
);
