// Benchmark of the constat de service fait (issue 14): LGT LA PROMENADE as centre of 2 000 missions of
// the current year (3 convocations each) and of one mission of 300 convoked intervenants; server time
// (fastify inject, whole body received) of
//   (a) « Enregistrer » of the 300 rows of the big mission in one transaction — p95 < 200 ms;
//   (b) the CSF list of the centre (2 001 missions, états computed) — p95 < 300 ms;
//   (c) « Télécharger liste (pdf) » of the 300 intervenants — median < 1 s, with the ratio to a baseline
//       measured in the same run: the same table written with raw pdfkit (one text call per cell, fixed
//       row height, no header repeat nor page numbers), i.e. the PDF engine's own speed.
// Run with `node bench/imagin-constat.bench.ts` (or `npm run bench -- imagin-constat`); one JSON line on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import PDFDocument from 'pdfkit';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { hacher, utiliserHachageRapide } from '../src/server/platform/passwords.ts';
import { startPlatform } from '../src/server/server.ts';
import { textePdf } from '../src/server/testing/documents.ts';

const MISSIONS = 2000;
const PAR_MISSION = 3;
const INTERVENANTS = 300;
const ESSAIS_SAUVEGARDE = 20;
const ESSAIS_LISTE = 20;
const ESSAIS_PDF = 5;
const LOGIN = 'ce.bench.constat';
const MOT_DE_PASSE = 'Bench-Constat-2026!';

const dataDir = mkdtempSync(join(tmpdir(), 'bench-constat-'));
const database = await openDatabase({ dataDir });
utiliserHachageRapide(true);
const log = (m: string) => console.error(m);

const p95 = (l: number[]) => Math.round([...l].sort((a, b) => a - b)[Math.ceil(l.length * 0.95) - 1]! * 10) / 10;
const mediane = (l: number[]) => Math.round([...l].sort((a, b) => a - b)[Math.floor(l.length / 2)]! * 10) / 10;

try {
  await migrateToLatest(database.db);
  const db = database.db;
  const annee = new Date().getUTCFullYear();
  const jour = (i: number) => `${annee}-01-${String(2 + (i % 27)).padStart(2, '0')}`;
  log('Données…');
  await db.insertInto('academie').values({ code: '14', libelle: 'Rennes', nom_majuscule: 'RENNES', domaine_mail: 'ac-rennes.fr' }).execute();
  const etab = (await db.insertInto('etablissement').values({ uai: '0350710G', academie_code: '14', nom: 'LA PROMENADE', type: 'LGT', commune: 'RENNES', est_centre_examen: true }).returning('id').executeTakeFirstOrThrow()).id;
  const compte = (await db.insertInto('compte').values({ login: LOGIN, password_hash: await hacher(MOT_DE_PASSE), mot_de_passe_temporaire: false, type: 'agent' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('role_attribution').values({ compte_id: compte, role: 'chef_etablissement', academie_code: '14', etablissement_id: etab }).execute();
  await db.insertInto('examen').values({ code: '470', sigle: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).execute();
  const session = (await db.insertInto('session_examen').values({ examen_code: '470', code: `${annee}-06`, libelle: `BGT ${annee}`, annee }).returning('id').executeTakeFirstOrThrow()).id;
  const sp = (await db.insertInto('specialite').values({ examen_code: '470', code: 'BCG', libelle: 'BACCALAUREAT GENERAL' }).returning('id').executeTakeFirstOrThrow()).id;
  const ep = (await db.insertInto('epreuve_option').values({ specialite_id: sp, code: 'C010', libelle: 'Mathématiques', nature: 'ecrite' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('type_mission').values({ code: 'CORCOP', libelle: 'CORRECTION DE COPIES', mode_remuneration: 'copies' }).execute();
  const personnes = (
    await db
      .insertInto('personne')
      .values(Array.from({ length: INTERVENANTS }, (_, i) => ({ academie_code: '14', civilite: 'Mme' as const, nom: `NOM-${String(i).padStart(3, '0')}-BENCH`, prenom: `Prenom${i}`, tel_perso: '0601020304' })))
      .returning('id')
      .execute()
  ).map((x) => x.id);
  await db.insertInto('personne_etablissement').values(personnes.map((personne_id) => ({ personne_id, etablissement_id: etab, principal: true }))).execute();
  const grande = (await db.insertInto('mission').values({ academie_code: '14', numero: 100_000, session_examen_id: session, specialite_id: sp, epreuve_option_id: ep, type_mission: 'CORCOP', centre_id: etab }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('mission_date').values({ mission_id: grande, jour: jour(0), heure_debut: '08:00', heure_fin: '18:00' }).execute();
  await db.insertInto('convocation').values(personnes.map((personne_id) => ({ academie_code: '14', mission_id: grande, personne_id, origine: 'gestionnaire' as const }))).execute();
  for (let lot = 0; lot < MISSIONS; lot += 500) {
    const ids = (
      await db
        .insertInto('mission')
        .values(Array.from({ length: Math.min(500, MISSIONS - lot) }, (_, k) => ({ academie_code: '14', numero: 100_001 + lot + k, session_examen_id: session, specialite_id: sp, epreuve_option_id: ep, type_mission: 'CORCOP', centre_id: etab })))
        .returning('id')
        .execute()
    ).map((x) => x.id);
    await db.insertInto('mission_date').values(ids.map((mission_id, k) => ({ mission_id, jour: jour(lot + k), heure_debut: '08:00', heure_fin: '12:00' }))).execute();
    await db
      .insertInto('convocation')
      .values(ids.flatMap((mission_id, k) => Array.from({ length: PAR_MISSION }, (_, j) => ({ academie_code: '14', mission_id, personne_id: personnes[(lot + k + j * 97) % INTERVENANTS]!, origine: 'gestionnaire' as const, service_fait: (lot + k) % 3 === 0 ? ('fait' as const) : null }))))
      .execute();
  }
  await sql`analyze`.execute(db);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const silencieux = { info: () => {}, warn: () => {}, error: (o: unknown) => console.error(o) };
  const platform = await startPlatform(config, { database, webRoot: null, logger: silencieux, pollingIntervalSeconds: 5 });
  try {
    const cx = await platform.app.inject({ method: 'POST', url: '/api/auth/connexion', payload: { service: 'imagin-etablissement', identifiant: LOGIN, motDePasse: MOT_DE_PASSE } });
    if (cx.statusCode !== 200) throw new Error(`Connexion refusée : ${cx.body}`);
    const cookie = String([cx.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = cx.json().session.csrfToken as string;
    const appel = (method: 'GET' | 'PUT', url: string, payload?: unknown) => platform.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, payload: payload as any });

    // (a) Save of the 300 rows, versions as the page holds them.
    const detail = await appel('GET', `/api/centre/constat/missions/${grande}`);
    if (detail.statusCode !== 200) throw new Error(`Mission : ${detail.statusCode} ${detail.body.slice(0, 300)}`);
    const versions = new Map<number, number>(detail.json().intervenants.map((i: { convocationId: number; version: number }) => [i.convocationId, i.version]));
    if (versions.size !== INTERVENANTS) throw new Error(`Mission : ${versions.size} intervenants au lieu de ${INTERVENANTS}.`);
    const sauvegardes: number[] = [];
    for (let e = 0; e <= ESSAIS_SAUVEGARDE; e++) {
      const lignes = [...versions].map(([convocationId, version], k) => ({ convocationId, version, serviceFait: k % 10 === 0 ? 'non_fait' : 'fait', motif: k % 10 === 0 ? 'Absent' : '', nbCopies: String((k + e) % 120) }));
      const t = performance.now();
      const r = await appel('PUT', `/api/centre/constat/missions/${grande}`, { lignes });
      const ms = performance.now() - t;
      if (r.statusCode !== 200) throw new Error(`Enregistrer : ${r.statusCode} ${r.body.slice(0, 300)}`);
      for (const i of r.json().intervenants as Array<{ convocationId: number; version: number }>) versions.set(i.convocationId, i.version);
      if (e > 0) sauvegardes.push(ms);
    }
    const n = await db.selectFrom('convocation').select(sql<number>`count(*)::int`.as('n')).where('mission_id', '=', grande).where('csf_version', '=', ESSAIS_SAUVEGARDE + 1).executeTakeFirstOrThrow();
    if (n.n !== INTERVENANTS) throw new Error(`Enregistrer : ${n.n} lignes à la version ${ESSAIS_SAUVEGARDE + 1}.`);
    const sauvegarde = { p95: p95(sauvegardes), mediane: mediane(sauvegardes), essais: ESSAIS_SAUVEGARDE };
    log(`Enregistrer 300 lignes : p95 ${sauvegarde.p95} ms, médiane ${sauvegarde.mediane} ms`);

    // (b) The list of 2 001 missions.
    const listes: number[] = [];
    let lignesListe = 0;
    for (let e = 0; e <= ESSAIS_LISTE; e++) {
      const t = performance.now();
      const r = await appel('GET', '/api/centre/constat/missions');
      const ms = performance.now() - t;
      if (r.statusCode !== 200) throw new Error(`Liste : ${r.statusCode} ${r.body.slice(0, 300)}`);
      lignesListe = r.json().total;
      if (e > 0) listes.push(ms);
    }
    if (lignesListe !== MISSIONS + 1) throw new Error(`Liste : ${lignesListe} missions au lieu de ${MISSIONS + 1}.`);
    const liste = { p95: p95(listes), mediane: mediane(listes), missions: lignesListe };
    log(`Liste de ${lignesListe} missions : p95 ${liste.p95} ms, médiane ${liste.mediane} ms`);

    // (c) The PDF of the 300 intervenants, and its raw-pdfkit baseline.
    const pdfs: number[] = [];
    let dernier: Buffer = Buffer.alloc(0);
    for (let e = 0; e <= ESSAIS_PDF; e++) {
      const t = performance.now();
      const r = await appel('GET', `/api/centre/constat/missions/${grande}/pdf`);
      const ms = performance.now() - t;
      if (r.statusCode !== 200) throw new Error(`PDF : ${r.statusCode}`);
      dernier = r.rawPayload;
      if (e > 0) pdfs.push(ms);
    }
    const lu = await textePdf(dernier);
    const texte = lu.pages.join(' ');
    if (!texte.includes('NOM-299-BENCH Prenom299') || !texte.includes('Nombre de copies')) throw new Error('PDF : la dernière ligne ou la rémunération manque.');
    const base: number[] = [];
    for (let e = 0; e <= ESSAIS_PDF; e++) {
      const t = performance.now();
      await pdfBrut(INTERVENANTS);
      if (e > 0) base.push(performance.now() - t);
    }
    const pdf = { mediane: mediane(pdfs), p95: p95(pdfs), pages: lu.pages.length, octets: dernier.length, baselineMs: mediane(base), ratio: Math.round((mediane(pdfs) / mediane(base)) * 100) / 100 };
    log(`PDF 300 intervenants : médiane ${pdf.mediane} ms (${pdf.pages} pages) ; pdfkit brut ${pdf.baselineMs} ms ; rapport ${pdf.ratio}`);

    const cibles = { sauvegardeP95: 200, listeP95: 300, pdfMediane: 1000 };
    const ok = sauvegarde.p95 < cibles.sauvegardeP95 && liste.p95 < cibles.listeP95 && pdf.mediane < cibles.pdfMediane;
    console.log(JSON.stringify({ name: 'imagin-constat', missions: MISSIONS + 1, intervenants: INTERVENANTS, resultats: { sauvegarde, liste, pdf }, ciblesMs: cibles, ok }));
    if (!ok) process.exitCode = 1;
  } finally {
    await platform.close();
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The baseline: the same five columns written with pdfkit alone, as fast as it goes. */
async function pdfBrut(n: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 30 });
  const morceaux: Buffer[] = [];
  doc.on('data', (c: Buffer) => morceaux.push(c));
  const fin = new Promise<void>((r) => doc.on('end', () => r()));
  const largeurs = [150, 230, 80, 90, 160];
  let y = 60;
  doc.fontSize(9);
  for (let i = 0; i < n; i++) {
    if (y > 540) {
      doc.addPage();
      y = 40;
    }
    let x = 30;
    const cellules = [`NOM-${i}-BENCH Prenom${i}`, 'LGT LA PROMENADE RENNES (0350710G)', 'OUI', 'Service fait', `Nombre de copies : ${i % 120}`];
    cellules.forEach((c, k) => {
      doc.text(c, x, y, { width: largeurs[k]!, lineBreak: false });
      x += largeurs[k]!;
    });
    y += 16;
  }
  doc.end();
  await fin;
  return Buffer.concat(morceaux);
}
