// Benchmark of « Valider » an état de frais (issue 16 §6, decision 0031): an état with 20 receipts
// (10 in the dossier paie, 10 for the déplacement: 10 PDFs of 2 pages with a scanned image, 10 photos as
// PNG of 1000 × 800 pixels — PNG is the costly case, pdf-lib decodes and re-encodes it), validated through
// the HTTP route (session, policy, checks, numéro d'ordre, transaction, audit, then the récapitulatif
// generated with the receipts read from the store and appended, stored, recorded) — target < 3 s per
// validation. Each run is followed by a dévalidation (not measured) so that the next one validates again.
// Baseline measured in the same run: pdfkit writing a one-page récapitulatif then pdf-lib appending the same
// 20 receipts, from memory, with nothing else — the engines' own speed; the ratio is reported.
// Check: the stored récapitulatif holds the receipts' pages (read back with pdfjs).
// On PostgreSQL with BENCH_DATABASE_URL; on the embedded database by default.
// Run with `node bench/etat-frais-validation.bench.ts` (or `npm run bench -- etat-frais-validation`); one JSON line on stdout.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { PDFDocument as PdfLib, StandardFonts } from 'pdf-lib';
import PDFDocument from 'pdfkit';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { hacher, utiliserHachageRapide } from '../src/server/platform/passwords.ts';
import { startPlatform } from '../src/server/server.ts';
import { textePdf } from '../src/server/testing/documents.ts';
import { encoderPng } from '../src/server/imagin-frais/recapitulatif-gif.ts';
import { assemblerRecapitulatif } from '../src/server/imagin-frais/recapitulatif-pdf.ts';
import { baseDuBanc } from './support/base.ts';

const ESSAIS = Number(process.env.BENCH_ESSAIS ?? 5);
const LOGIN = 'prof.bench.frais';
const MOT_DE_PASSE = 'Bench-Frais-2026!';
const CIBLE_MS = 3000;

utiliserHachageRapide(true);
const log = (m: string) => console.error(m);
const rang = (xs: number[], q: number) => {
  const t = [...xs].sort((a, b) => a - b);
  return Math.round(t[Math.min(t.length - 1, Math.max(0, Math.ceil(t.length * q) - 1))]! * 10) / 10;
};

/** A « photo »: a gradient with noise (compresses like a photo, poorly). */
function photo(largeur: number, hauteur: number, graine: number): Uint8Array {
  const rgb = new Uint8Array(largeur * hauteur * 3);
  const bruit = randomBytes(largeur * hauteur);
  for (let y = 0; y < hauteur; y++)
    for (let x = 0; x < largeur; x++) {
      const i = y * largeur + x;
      const b = bruit[i]! >> 3;
      rgb[i * 3] = (x + graine * 7 + b) & 255;
      rgb[i * 3 + 1] = (y + b) & 255;
      rgb[i * 3 + 2] = (200 + b) & 255;
    }
  return encoderPng(largeur, hauteur, rgb);
}

/** A scanned receipt: 2 pages, each with a line of text and a scanned image. */
async function pdfScanne(n: number, image: Uint8Array): Promise<Uint8Array> {
  const d = await PdfLib.create();
  const police = await d.embedFont(StandardFonts.Helvetica);
  const img = await d.embedPng(image);
  for (let p = 1; p <= 2; p++) {
    const page = d.addPage([595, 842]);
    page.drawText(`FACTURE-BENCH-${n} page ${p}`, { x: 50, y: 800, size: 12, font: police });
    page.drawImage(img, { x: 50, y: 100, width: 495, height: 650 });
  }
  return d.save();
}

interface Recu {
  groupe: 'paie' | 'deplacement';
  nom: string;
  typeMime: string;
  octets: Uint8Array;
}

async function recus(): Promise<Recu[]> {
  const scan = photo(600, 800, 1);
  const r: Recu[] = [];
  for (let i = 0; i < 20; i++) {
    const groupe = i < 10 ? 'paie' : 'deplacement';
    if (i % 2 === 0) r.push({ groupe, nom: `facture_${i}.pdf`, typeMime: 'application/pdf', octets: await pdfScanne(i, scan) });
    else r.push({ groupe, nom: `photo_${i}.png`, typeMime: 'image/png', octets: photo(1000, 800, i) });
  }
  return r;
}

/** The baseline: pdfkit writes a one-page récapitulatif, pdf-lib appends the receipts (from memory). */
async function brut(pieces: Recu[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const morceaux: Buffer[] = [];
  doc.on('data', (c: Buffer) => morceaux.push(c));
  const fin = new Promise<void>((r) => doc.on('end', () => r()));
  doc.fontSize(14).text("Récapitulatif de l'état de frais");
  doc.fontSize(10);
  for (const p of pieces) doc.text(`${p.groupe} ${p.nom}`);
  doc.end();
  await fin;
  const sortie = await PdfLib.load(Buffer.concat(morceaux));
  for (const p of pieces) {
    if (p.typeMime === 'application/pdf') {
      const src = await PdfLib.load(p.octets);
      for (const page of await sortie.copyPages(src, src.getPageIndices())) sortie.addPage(page);
    } else {
      const img = await sortie.embedPng(p.octets);
      sortie.addPage([595.28, 841.89]).drawImage(img, { x: 28, y: 28, width: 539, height: 431 });
    }
  }
  return sortie.save();
}

const baseBanc = await baseDuBanc('frais_validation');
const { dataDir, urlBench } = baseBanc;
const serveur = process.env.BENCH_DATABASE_URL;
const database = await openDatabase({ dataDir, databaseUrl: urlBench });
try {
  await migrateToLatest(database.db);
  const db = database.db;
  log('Données…');
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).execute();
  const etab = (await db.insertInto('etablissement').values({ uai: '0350710G', academie_code: '14', nom: 'LA PROMENADE', type: 'LGT', commune: 'RENNES', est_centre_examen: true }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('examen').values({ code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).execute();
  const session = (await db.insertInto('session_examen').values({ examen_code: '470', code: '2026-06', libelle: 'BGT 2026', annee: 2026 }).returning('id').executeTakeFirstOrThrow()).id;
  const sp = (await db.insertInto('specialite').values({ examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).returning('id').executeTakeFirstOrThrow()).id;
  const ep = (await db.insertInto('epreuve_option').values({ specialite_id: sp, code: 'C010', libelle: 'Mathématiques', nature: 'ecrite' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('type_mission').values({ code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' }).execute();
  const personne = (await db.insertInto('personne').values({ academie_code: '14', civilite: 'Mme', nom: 'BENCH-FRAIS', prenom: 'Anne', adresse: '1 rue de la Paix', code_postal: '35000', commune: 'RENNES' }).returning('id').executeTakeFirstOrThrow()).id;
  const compte = (await db.insertInto('compte').values({ login: LOGIN, password_hash: await hacher(MOT_DE_PASSE), mot_de_passe_temporaire: false, type: 'intervenant', personne_id: personne }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('role_attribution').values({ compte_id: compte, role: 'intervenant', academie_code: '14', personne_id: personne }).execute();
  const mission = (await db.insertInto('mission').values({ academie_code: '14', numero: 160_001, session_examen_id: session, specialite_id: sp, epreuve_option_id: ep, type_mission: 'CORCOP', centre_id: etab }).returning('id').executeTakeFirstOrThrow()).id;
  // A mission in the past (whatever the date of the run): the état may be validated.
  await db.insertInto('mission_date').values({ mission_id: mission, jour: '2026-01-12', heure_debut: '08:00', heure_fin: '17:00' }).execute();
  await db.insertInto('convocation').values({ academie_code: '14', mission_id: mission, personne_id: personne, origine: 'gestionnaire', statut: 'convoquee' }).execute();
  const etat = await db.selectFrom('etat_frais').select(['id', 'version']).where('personne_id', '=', personne).executeTakeFirstOrThrow();
  // The académie's conditions of use (version 1), accepted: the validation requires it.
  await db.insertInto('frais_conditions_acceptation').values({ personne_id: personne, academie_code: '14', version: 1, accepte_le: new Date() }).execute();
  await db.updateTable('etat_frais').set({ remuneration: JSON.stringify({ type: 'copies', copies: 120 }) }).where('id', '=', etat.id).execute();
  await db
    .insertInto('frais_deplacement_ligne')
    .values({ etat_frais_id: etat.id, ordre: 1, ville_depart: 'RENNES', ville_arrivee: 'VANNES', depart_le: new Date('2026-01-12T06:30:00Z'), retour_le: new Date('2026-01-12T18:00:00Z'), mode: 'TRAIN_2EME_CLASSE', billets_centimes: 4_200, repas: 1 })
    .execute();

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 5 });
  try {
    const pieces = await recus();
    for (const r of pieces) {
      const id = randomUUID();
      const cle = `etats-frais/14/${etat.id}/pieces/${id}`;
      const s = await platform.ctx.store.put(cle, r.octets, r.typeMime);
      await db
        .insertInto('frais_piece')
        .values({ id, etat_frais_id: etat.id, academie_code: '14', personne_id: personne, groupe: r.groupe, nom: r.nom, type_mime: r.typeMime, taille: s.taille, sha256: s.sha256, cle_stockage: cle, depose_le: new Date(), depose_par: compte, analyse_antivirus: 'saine' })
        .execute();
    }
    const octetsRecus = pieces.reduce((n, r) => n + r.octets.length, 0);
    log(`20 pièces : ${(octetsRecus / 1024 / 1024).toFixed(1)} Mo (10 PDF de 2 pages, 10 PNG 1000 × 800).`);

    const cx = await platform.app.inject({ method: 'POST', url: '/api/auth/connexion', payload: { service: 'imagin-intervenant', identifiant: LOGIN, motDePasse: MOT_DE_PASSE } });
    if (cx.statusCode !== 200) throw new Error(`Connexion refusée : ${cx.body}`);
    const cookie = String([cx.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = cx.json().session.csrfToken as string;
    const post = (url: string, payload: unknown) => platform.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload: payload as any });
    const charge = loadavg().map((x) => Math.round(x * 10) / 10);

    const temps: number[] = [];
    const cpu: number[] = [];
    let version = etat.version;
    let numero = 0;
    for (let i = 0; i < ESSAIS + 1; i++) {
      const t = performance.now();
      const u = process.cpuUsage();
      const r = await post(`/api/intervenant/etats-frais/${etat.id}/valider`, { version });
      const ms = performance.now() - t;
      const du = process.cpuUsage(u);
      if (r.statusCode !== 200) throw new Error(`Valider : ${r.statusCode} ${r.body.slice(0, 400)}`);
      numero = r.json().numeroOrdre;
      version = r.json().version;
      if (i > 0) {
        temps.push(ms);
        cpu.push((du.user + du.system) / 1000);
      }
      log(`Validation ${i}${i === 0 ? ' (chauffe)' : ''} : ${Math.round(ms)} ms`);
      if (i < ESSAIS) {
        const d = await post(`/api/intervenant/etats-frais/${etat.id}/devalider`, { version });
        if (d.statusCode !== 200) throw new Error(`Dévalider : ${d.statusCode} ${d.body.slice(0, 300)}`);
        version = d.json().version;
      }
    }
    // The récapitulatif holds the receipts: 10 × 2 PDF pages + 10 image pages after its own.
    const recap = await platform.app.inject({ method: 'GET', url: `/api/intervenant/etats-frais/${etat.id}/recapitulatif`, headers: { cookie } });
    if (recap.statusCode !== 200) throw new Error(`Récapitulatif : ${recap.statusCode}`);
    const lu = await textePdf(recap.rawPayload);
    const propres = lu.pages.length - 30;
    if (propres < 1 || !lu.pages[propres]!.includes('FACTURE-BENCH-0 page 1') || !lu.pages.at(-1)!.includes('photo_19.png')) throw new Error(`Récapitulatif : ${lu.pages.length} pages, pièces absentes ou dans le désordre.`);

    const base: number[] = [];
    let octetsBrut = 0;
    for (let i = 0; i < ESSAIS + 1; i++) {
      const t = performance.now();
      octetsBrut = (await brut(pieces)).length;
      if (i > 0) base.push(performance.now() - t);
    }
    // pdf-lib alone on the same receipts with the platform's assembly (no store, no database, no HTTP).
    const assemblage: number[] = [];
    const recapSeul = await (async () => {
      const d = await PdfLib.create();
      d.addPage();
      return d.save();
    })();
    for (let i = 0; i < ESSAIS + 1; i++) {
      const t = performance.now();
      await assemblerRecapitulatif(recapSeul, pieces.map((p) => ({ nom: p.nom, typeMime: p.typeMime, groupe: p.groupe, lire: async () => p.octets })));
      if (i > 0) assemblage.push(performance.now() - t);
    }

    const validation = { p50Ms: rang(temps, 0.5), maxMs: rang(temps, 1), cpuMs: rang(cpu, 0.5), essais: ESSAIS, numeroOrdre: numero };
    const baseline = { p50Ms: rang(base, 0.5), maxMs: rang(base, 1), octets: octetsBrut };
    const ratio = Math.round((validation.p50Ms / baseline.p50Ms) * 100) / 100;
    const ok = validation.maxMs < CIBLE_MS;
    log(
      `Valider avec 20 pièces : p50 ${validation.p50Ms} ms, max ${validation.maxMs} ms (cible ${CIBLE_MS} ms) ; pdfkit + pdf-lib brut ${baseline.p50Ms} ms ; rapport ${ratio} ; assemblage seul ${rang(assemblage, 0.5)} ms`,
    );
    console.log(
      JSON.stringify({
        name: 'etat-frais-validation',
        base: serveur ? 'postgresql' : 'pglite',
        machine: { processeurs: cpus().length, chargeAvant: charge, chargeApres: loadavg().map((x) => Math.round(x * 10) / 10) },
        pieces: { nombre: pieces.length, pdf: 10, png: 10, octets: octetsRecus },
        recapitulatif: { pages: lu.pages.length, pagesPropres: propres, octets: recap.rawPayload.length },
        resultats: { validation, baseline, assemblageSeulP50Ms: rang(assemblage, 0.5), ratio },
        cibleMs: CIBLE_MS,
        ok,
      }),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  await baseBanc.nettoyer();
}
