// The web application: one SPA under src/web, built into dist/web (served by the Node service with a
// SPA fallback). DSFR's CSS, fonts and icons are copied from node_modules into src/web/public/dsfr at
// build and dev start by react-dsfr's own tools, never fetched from a CDN at run time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const racine = import.meta.dirname;
const webDir = resolve(racine, 'src/web');

function dsfrAssets(): Plugin {
  let fait = false;
  const copier = () => {
    if (fait) return;
    fait = true;
    const bin = join(dirname(createRequire(import.meta.url).resolve('@codegouvfr/react-dsfr/package.json')), 'bin');
    // The public directory holds only the copied DSFR (gitignored): absent from a fresh clone.
    mkdirSync(resolve(webDir, 'public'), { recursive: true });
    // copy-dsfr-to-public: dsfr.min.css, Marianne fonts, favicons into src/web/public/dsfr (gitignored).
    execFileSync(process.execPath, [join(bin, 'copy-dsfr-to-public.js'), '--projectDir', webDir], { stdio: 'inherit' });
    // only-include-used-icons: trims icons.min.css to the fr-icon-* classes the sources use.
    execFileSync(process.execPath, [join(bin, 'only-include-used-icons.js'), '--projectDir', webDir, '--silent'], { stdio: 'inherit' });
  };
  return {
    name: 'dsfr-assets',
    buildStart: copier,
    configureServer: copier,
    // Marianne is requested by dsfr.min.css only once the CSS is parsed: preload it. (Added to the
    // built page, because copy-dsfr-to-public rewrites the /dsfr/ hrefs of index.html with a ?v=,
    // which the CSS's own font URLs do not carry.)
    transformIndexHtml: {
      order: 'post',
      handler: () =>
        ['Regular', 'Medium', 'Bold'].map((graisse) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `/dsfr/fonts/Marianne-${graisse}.woff2`, as: 'font', type: 'font/woff2', crossorigin: 'anonymous' },
          injectTo: 'head' as const,
        })),
    },
  };
}

/** .gz and .br beside every text asset, for a server or proxy that serves precompressed files. */
function precompression(): Plugin {
  let sortie = '';
  return {
    name: 'precompression',
    apply: 'build',
    configResolved: (c) => {
      sortie = c.build.outDir;
    },
    closeBundle: () => {
      const parcourir = (dir: string) => {
        for (const nom of readdirSync(dir)) {
          const p = join(dir, nom);
          if (statSync(p).isDirectory()) parcourir(p);
          else if (/\.(js|css|html|svg|json|webmanifest)$/.test(nom) && statSync(p).size > 1024) {
            const brut = readFileSync(p);
            writeFileSync(p + '.gz', gzipSync(brut, { level: 9 }));
            writeFileSync(p + '.br', brotliCompressSync(brut, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          }
        }
      };
      parcourir(sortie);
    },
  };
}

export default defineConfig(({ command }) => {
  // A build started from the test runner inherits NODE_ENV=test, which would ship React's
  // development build: a build is always for production (Vite reads NODE_ENV after this file).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});

const config = {
  root: webDir,
  publicDir: resolve(webDir, 'public'),
  plugins: [dsfrAssets(), react(), precompression()],
  build: {
    outDir: resolve(racine, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Read by bench/web-bundle-size.bench.ts to weigh the shell and each page apart.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
} satisfies UserConfig;
