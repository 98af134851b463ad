// The DEC's deliberation activities over HTTP, on the demo (issue 7): juries of the académie with their
// counts, 140 → 198 → 200, contrôle grades by form and by CSV (all or nothing, line-numbered French
// errors), modifications at 210 with a motif, decisions and closing with the jury's version,
// publication once every jury of the session is at 214, never twice; another académie sees nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCompte, MOT_DE_PASSE, type TestClient } from '../testing/harness.ts';
import { MOT_DE_PASSE_AGENTS, mettreEtat, plateformeDeliberation, type PlateformeDeliberation } from './dec.fixtures.ts';
import { MESSAGE_DEJA_PUBLIE } from './dec.service.ts';
import { JURY_INTROUVABLE_ACADEMIE } from './jurys.repo.ts';

const B = '/api/gestion/deliberation';
let d: PlateformeDeliberation;
let dec: TestClient;
let toulouse: TestClient;

beforeAll(async () => {
  d = await plateformeDeliberation();
  dec = d.p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
  await fixtureCompte(d.p, { login: 'dec.essai16', role: 'gestionnaire', academie: '16' });
  toulouse = d.p.client();
  await toulouse.login('imagin-gestion', 'dec.essai16', MOT_DE_PASSE);
});
afterAll(async () => {
  await d?.p.close();
});

const jury = (n: string) => d.jurys[n]!;

async function candidats(numero: string) {
  const r = await dec.get(`${B}/jurys/${jury(numero)}/candidats`);
  expect(r.status).toBe(200);
  return r.body as { jury: { version: number; etat: number }; candidats: any[] };
}

async function journal(action: string) {
  return d.p.ctx.db.selectFrom('audit_log').select(['entite_id', 'acteur', 'avant', 'apres']).where('action', '=', action).orderBy('id').execute();
}

describe('DEC — jurys de délibération', () => {
  it("liste les jurys de l'académie avec centre, état et effectifs ; rien pour une autre académie", async () => {
    const r = await dec.get(`${B}/jurys`);
    expect(r.status).toBe(200);
    expect(r.body.sessions).toEqual([expect.objectContaining({ id: d.sessionId, code: '2026-06', libelle: 'BCP JUIN 2026' })]);
    // Académie 14's juries only (Nantes' 44590, deliberated in BREQUIGNY, is not listed).
    expect(r.body.jurys.map((j: any) => j.numero)).toEqual(['25510', '25590', '30001', '31202', '31210']);
    expect(r.body.jurys[3]).toMatchObject({
      numero: '31202',
      specialite: { code: '31202', libelle: 'Commerce' },
      centre: { uai: '0350059Z', libelle: 'LPO BREQUIGNY – RENNES CEDEX 2 (0350059Z)' },
      etat: 140,
      libelleEtat: '140 - 1er groupe terminé en centre',
      nbCandidats: 12,
      nbAdmis: 5,
      nbAdmissibles: 5,
      nbAjournes: 2,
      nbNotesControleManquantes: 10,
      nbDecisions: 0,
    });
    // The Jury portal's jury: in deliberation, its contrôle grades entered, no decision recorded yet.
    expect(r.body.jurys[1]).toMatchObject({
      numero: '25590',
      specialite: { code: '25510' },
      centre: { uai: '0350059Z', libelle: 'LPO BREQUIGNY – RENNES CEDEX 2 (0350059Z)' },
      etat: 210,
      libelleEtat: "210 - Délibération de l'épreuve de contrôle",
      nbCandidats: 12,
      nbAdmis: 5,
      nbAdmissibles: 5,
      nbAjournes: 2,
      nbNotesControleManquantes: 0,
      nbDecisions: 0,
    });
    expect((await dec.get(`${B}/jurys?q=commerce`)).body.jurys.map((j: any) => j.numero)).toEqual(['31202']);
    expect((await dec.get(`${B}/jurys?etat=198`)).body.jurys).toEqual([]);
    expect((await dec.get(`${B}/jurys?etat=210`)).body.jurys.map((j: any) => j.numero)).toEqual(['25590']);
    expect((await dec.get(`${B}/jurys?etat=150`)).status).toBe(400);
    expect((await toulouse.get(`${B}/jurys`)).body.jurys).toEqual([]);
    const autre = await toulouse.get(`${B}/jurys/${jury('31202')}/candidats`);
    expect([autre.status, autre.body.message]).toEqual([404, JURY_INTROUVABLE_ACADEMIE]);
  });

  it("verrouille le 1er groupe puis ouvre l'épreuve de contrôle ; refuse un jury qui n'est pas dans l'état requis", async () => {
    const breq = [jury('25510'), jury('31202'), jury('31210')];
    const trop = await dec.post(`${B}/jurys/transition`, { juryIds: breq, vers: 200 });
    expect(trop.status).toBe(409);
    expect(trop.body.message).toContain("Le jury 25510 est à l'état 140 - 1er groupe terminé en centre : l'ouverture de l'épreuve de contrôle demande l'état 198 - 1er groupe verrouillé en académie.");
    const v = await dec.post(`${B}/jurys/transition`, { juryIds: breq, vers: 198 });
    expect(v.status).toBe(200);
    expect(v.body).toEqual({ message: "Enregistrement effectué : les jurys 25510, 31202, 31210 sont à l'état 198 - 1er groupe verrouillé en académie.", deplaces: [...breq].sort((a, b) => a - b), refus: [] });
    const encore = await dec.post(`${B}/jurys/transition`, { juryIds: [jury('31202')], vers: 198 });
    expect(encore.status).toBe(409);
    const o = await dec.post(`${B}/jurys/transition`, { juryIds: breq, vers: 200 });
    expect(o.body.message).toBe("Enregistrement effectué : les jurys 25510, 31202, 31210 sont à l'état 200 - Recueil des notes de l'épreuve de contrôle.");
    expect((await journal('jury.ouvrir_controle')).map((j) => j.acteur)).toEqual(['dec.rennes', 'dec.rennes', 'dec.rennes']);
    const autre = await toulouse.post(`${B}/jurys/transition`, { juryIds: [jury('30001')], vers: 198 });
    expect(autre.status).toBe(404);
    expect((await dec.post(`${B}/jurys/transition`, { juryIds: [], vers: 200 })).body.message).toBe('Sélectionnez au moins un jury.');
  });

  it("montre les candidats d'un jury : notes, résultat calculé et explication ligne à ligne", async () => {
    const { candidats: cs } = await candidats('31202');
    expect(cs).toHaveLength(12);
    const a = cs[1];
    expect(a.premierGroupe.decision).toBe('admissible');
    expect(a.resultat).toMatchObject({ groupe: 2, decision: 'incomplet' });
    expect(a.resultat.explication.at(-1)).toBe('Décision : incomplet, délibération impossible : 2 notes manquantes');
    expect(a.oraux.map((o: any) => [o.code, o.note])).toEqual([
      ['ECT1', ''],
      ['ECT2', ''],
    ]);
    expect(cs[0].resultat.explication.at(-1)).toMatch(/^Décision : admis à l'issue du 1er groupe/);
    expect(cs[2].listeRouge).toBe(true);
  });
});

describe('DEC — notes de l’épreuve de contrôle', () => {
  it('saisit une note à 200, refuse un candidat non admissible et un jury à 140', async () => {
    const { candidats: cs } = await candidats('31202');
    const a = cs[1];
    const r = await dec.put(`${B}/notes-controle`, { candidatureId: a.candidatureId, epreuve: 'scientifique', statut: 'note', valeur: 14.5, attendu: null });
    expect(r.status).toBe(200);
    expect(r.body.message).toBe(`Note enregistrée : ${a.numeroCandidat}, épreuve de contrôle scientifique et technique : 14,50.`);
    expect(r.body.candidat.oraux[0].note).toBe('14,50');
    expect((await journal('note-controle.saisie')).at(-1)).toMatchObject({ entite_id: String(a.candidatureId), apres: { epreuve: 'ECT1', statut: 'note', valeur: 14.5 } });

    const admis = await dec.put(`${B}/notes-controle`, { candidatureId: cs[0].candidatureId, epreuve: 'scientifique', statut: 'note', valeur: 12, attendu: null });
    expect([admis.status, admis.body.message]).toEqual([409, `Le candidat ${cs[0].numeroCandidat} n'est pas admissible à l'épreuve de contrôle (résultat du 1er groupe : Admis).`]);
    const { candidats: c30001 } = await candidats('30001');
    const tot = await dec.put(`${B}/notes-controle`, { candidatureId: c30001[1].candidatureId, epreuve: 'scientifique', statut: 'absent', attendu: null });
    expect(tot.status).toBe(409);
    expect(tot.body.message).toBe(
      "Le jury 30001 est à l'état 140 - 1er groupe terminé en centre : la saisie des notes de l'épreuve de contrôle demande l'état 200 - Recueil des notes de l'épreuve de contrôle ou 210 - Délibération de l'épreuve de contrôle.",
    );
    const sansNote = await dec.put(`${B}/notes-controle`, { candidatureId: a.candidatureId, epreuve: 'scientifique', statut: 'note', attendu: null });
    expect(sansNote.status).toBe(400);
    expect(sansNote.body.fields.valeur).toBe('Note : saisissez une note entre 0 et 20 (ou choisissez « absent »).');
    const autre = await toulouse.put(`${B}/notes-controle`, { candidatureId: a.candidatureId, epreuve: 'scientifique', statut: 'absent', attendu: null });
    expect(autre.status).toBe(404);
  });

  it("importe un fichier CSV tout ou rien, avec des erreurs numérotées par ligne", async () => {
    const { candidats: cs } = await candidats('31202');
    const adm = cs.filter((c) => c.admissible);
    const mauvais = [
      'N° candidat;Epreuve;Note',
      `${adm[1].numeroCandidat};ECT1;12,5`,
      `${cs[0].numeroCandidat};ECT1;11`,
      `${adm[2].numeroCandidat};ECT3;10`,
      `${adm[2].numeroCandidat};ECT2;21`,
      '99999999999 - 999;ECT1;ABS',
      `${adm[1].numeroCandidat};ECT1;13`,
    ].join('\r\n');
    const r = await dec.post(`${B}/notes-controle/import`, { contenu: mauvais, nomFichier: 'notes.csv' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^Le fichier contient 5 erreurs : aucune note n'a été importée\./);
    expect(Object.values(r.body.fields)).toEqual([
      `Ligne 3 : le candidat ${cs[0].numeroCandidat} n'est pas admissible à l'épreuve de contrôle (résultat du 1er groupe : Admis).`,
      "Ligne 4 : épreuve « ECT3 » inconnue : ECT1 (épreuve scientifique et technique) ou ECT2 (épreuve de français et histoire-géographie) est attendue.",
      'Ligne 5 : note « 21 » invalide : une note sur 20 avec au plus deux décimales (12 ou 12,5) ou ABS est attendue.',
      'Ligne 6 : candidat 99999999999 - 999 inconnu des jurys de votre académie.',
      `Ligne 7 : le candidat ${adm[1].numeroCandidat} a déjà une note pour cette épreuve ligne 2.`,
    ]);
    // Nothing was written, not even line 2.
    expect((await candidats('31202')).candidats.find((c) => c.candidatureId === adm[1].candidatureId).oraux[0].note).toBe('');

    const entete = await dec.post(`${B}/notes-controle/import`, { contenu: 'numero,epreuve,note\n1,2,3' });
    expect(entete.body.message).toContain("Ligne 1 : la ligne d'en-tête doit être « N° candidat;Epreuve;Note » (séparateur point-virgule).");

    // Every admissible of 31202 and 25510 gets both orals, one of them absent.
    const lignes = ['N° candidat;Epreuve;Note'];
    for (const n of ['31202', '25510']) {
      for (const [i, c] of (await candidats(n)).candidats.filter((x) => x.admissible).entries()) {
        lignes.push(`${c.numeroCandidat};ECT1;${i === 0 ? '15' : '18,5'}`, `${c.numeroCandidat};épr. Français et Histoire Géographie;${i === 4 ? 'ABS' : '16'}`);
      }
    }
    const ok = await dec.post(`${B}/notes-controle/import`, { contenu: '\uFEFF' + lignes.join('\n') + '\n', nomFichier: 'notes.csv' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ message: '20 notes importées (jurys 25510, 31202).', importees: 20 });
    const apres = (await candidats('31202')).candidats.filter((c) => c.admissible);
    expect(apres.every((c) => c.resultat.decision !== 'incomplet')).toBe(true);
    expect(apres[0].oraux.map((o: any) => o.note)).toEqual(['15,00', '16,00']);
    expect(apres[4].oraux.map((o: any) => o.note)).toEqual(['18,50', 'ABS']);
    expect(apres.every((c) => c.resultat.mention === null)).toBe(true);
    expect((await journal('note-controle.import')).map((j) => (j.apres as any).numero)).toEqual(['25510', '31202']);
  });

  it("à l'état 210, une modification demande un motif et figure dans les modifications ; l'import est refusé", async () => {
    await mettreEtat(d.p, [jury('31202')], 210);
    const { candidats: cs } = await candidats('31202');
    const a = cs.filter((c) => c.admissible)[0];
    const sans = await dec.put(`${B}/notes-controle`, { candidatureId: a.candidatureId, epreuve: 'francais_hg', statut: 'note', valeur: 17, attendu: { statut: 'note', valeur: 16 } });
    expect(sans.status).toBe(400);
    expect(sans.body.fields.motif).toMatch(/^Motif : obligatoire/);
    const avec = await dec.put(`${B}/notes-controle`, { candidatureId: a.candidatureId, epreuve: 'francais_hg', statut: 'note', valeur: 17, motif: 'Erreur de report', attendu: { statut: 'note', valeur: 16 } });
    expect(avec.status).toBe(200);
    expect(avec.body.candidat.modifications).toEqual([expect.objectContaining({ epreuve: expect.any(String), avant: '16,00', apres: '17,00', motif: 'Erreur de report', par: expect.stringContaining('dec.rennes') })]);
    const row = await d.p.ctx.db.selectFrom('modification_note').selectAll().where('candidature_id', '=', a.candidatureId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ groupe: 2, ancien_statut: 'note', ancienne_valeur: 16, nouveau_statut: 'note', nouvelle_valeur: 17, motif: 'Erreur de report' });
    const imp = await dec.post(`${B}/notes-controle/import`, { contenu: `N° candidat;Epreuve;Note\n${a.numeroCandidat};ECT1;12` });
    expect(imp.status).toBe(400);
    expect(imp.body.fields).toEqual({
      ligne0000:
        "Ligne 2 : le jury 31202 est à l'état 210 - Délibération de l'épreuve de contrôle : la saisie des notes de l'épreuve de contrôle demande l'état 200 - Recueil des notes de l'épreuve de contrôle ; pendant la délibération, modifiez la note une à une avec un motif.",
    });
  });
});

describe('DEC — décisions, clôture et publication', () => {
  it('enregistre les décisions avec la version affichée, refuse une version périmée, puis clôt le jury', async () => {
    const { jury: j } = await candidats('31202');
    const perime = await dec.post(`${B}/jurys/${jury('31202')}/decisions`, { version: j.version - 1 });
    expect(perime.status).toBe(409);
    expect(perime.body.message).toBe(
      `Le jury 31202 a été modifié depuis l'affichage de la page (version ${j.version}, la page affichait la version ${j.version - 1}) : rechargez la page pour voir ses données à jour, puis recommencez.`,
    );
    const tot = await dec.post(`${B}/jurys/${jury('31202')}/clore`, { version: j.version });
    expect(tot.status).toBe(409);
    expect(tot.body.message).toMatch(/^Le jury 31202 ne peut pas être clos : 12 candidats sont sans résultat/);

    const r = await dec.post(`${B}/jurys/${jury('31202')}/decisions`, { version: j.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ message: 'Décisions enregistrées pour 12 candidats du jury 31202.', version: j.version + 1, enregistrees: 12, sansDecision: [] });
    const { candidats: cs } = await candidats('31202');
    expect(cs.every((c) => c.decision?.conforme)).toBe(true);
    expect(cs[0].decision.libelle).toBe('Admis');

    // Two clicks on « Clore le jury » with the same page: one closes, the other is refused.
    const deux = await Promise.all([1, 2].map(() => dec.post(`${B}/jurys/${jury('31202')}/clore`, { version: r.body.version })));
    expect(deux.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(deux.find((x) => x.status === 200)!.body.message).toBe("Enregistrement effectué : le jury 31202 est clos (211 - Editions après la délibération de l'épreuve de contrôle).");
    expect(deux.find((x) => x.status === 409)!.body.message).toBe(
      "Le jury 31202 est à l'état 211 - Editions après la délibération de l'épreuve de contrôle : la clôture du jury demande l'état 210 - Délibération de l'épreuve de contrôle.",
    );
    expect(await d.p.ctx.db.selectFrom('jury_transition').select(['de', 'vers']).where('jury_id', '=', jury('31202')).where('vers', '=', 211).execute()).toHaveLength(1);
    expect((await journal('jury.decisions')).length).toBe(1);
  });

  it("retient la décision du jury quand elle s'écarte du calcul, avec l'explication", async () => {
    await mettreEtat(d.p, [jury('25510')], 210);
    const { jury: j, candidats: cs } = await candidats('25510');
    const ajourne = cs.find((c) => c.premierGroupe.decision === 'ajourne');
    const r = await dec.post(`${B}/jurys/${jury('25510')}/decisions`, { version: j.version, decisions: [{ candidatureId: ajourne.candidatureId, decision: 'admis' }] });
    expect(r.status).toBe(200);
    const apres = (await candidats('25510')).candidats.find((c) => c.candidatureId === ajourne.candidatureId);
    expect(apres.decision).toMatchObject({ decision: 'admis', conforme: false });
    const row = await d.p.ctx.db.selectFrom('decision_jury').select('explication').where('candidature_id', '=', ajourne.candidatureId).executeTakeFirstOrThrow();
    expect((row.explication as string[]).at(-1)).toBe('Décision du jury : admis (le calcul donnait : ajourné)');
  });

  it("publie les résultats quand tous les jurys de la session sont à 214, une seule fois, figés pour l'espace candidat", async () => {
    const refus = await dec.post(`${B}/publication`, { sessionId: d.sessionId });
    expect(refus.status).toBe(409);
    expect(refus.body.message).toBe(
      "La publication des résultats demande que tous les jurys de la session soient à l'état 214 - Epreuve de contrôle terminée en centre : 5 jurys ne le sont pas (" +
        "25510 à l'état 210 - Délibération de l'épreuve de contrôle ; 25590 à l'état 210 - Délibération de l'épreuve de contrôle ; 30001 à l'état 140 - 1er groupe terminé en centre ; " +
        "31202 à l'état 211 - Editions après la délibération de l'épreuve de contrôle ; 31210 à l'état 200 - Recueil des notes de l'épreuve de contrôle).",
    );
    const etat = await dec.get(`${B}/publication`);
    expect(etat.body.sessions[0]).toMatchObject({ id: d.sessionId, nbJurys: 5, publiable: false, publication: null });
    expect(etat.body.sessions[0].parEtat.find((e: any) => e.etat === 211)).toEqual({ etat: 211, libelle: "Editions après la délibération de l'épreuve de contrôle", nombre: 1 });
    expect(etat.body.sessions[0].parEtat.find((e: any) => e.etat === 210)).toEqual({ etat: 210, libelle: "Délibération de l'épreuve de contrôle", nombre: 2 });

    // Académie 14's juries at 214; Nantes' 44590 (same session, deliberated in BREQUIGNY) stays at 210
    // and does not hold Rennes' publication back.
    const rennes = ['25510', '25590', '30001', '31202', '31210'].map(jury);
    await mettreEtat(d.p, rennes, 214);
    expect((await dec.get(`${B}/publication`)).body.sessions[0].publiable).toBe(true);
    expect((await toulouse.post(`${B}/publication`, { sessionId: d.sessionId })).status).toBe(404);
    const ok = await dec.post(`${B}/publication`, { sessionId: d.sessionId });
    expect(ok.status).toBe(200);
    // Issue 13 §18: the five presumed fraudsters (one per jury) get no published result before the disciplinary decision.
    expect(ok.body).toEqual({
      message:
        'Résultats publiés : 55 candidats de la session BCP JUIN 2026 (5 jurys) ; les candidats les consultent dans leur espace candidat. 5 résultats de candidats présumés fraudeurs ne sont pas publiés avant la décision disciplinaire.',
      publies: 55,
      reserves: 5,
    });
    const encore = await dec.post(`${B}/publication`, { sessionId: d.sessionId });
    expect([encore.status, encore.body.message]).toEqual([409, MESSAGE_DEJA_PUBLIE]);

    const { candidats: cs } = await candidats('31202');
    const db = d.p.ctx.db;
    const publie = await db.selectFrom('resultat_publie').selectAll().where('candidature_id', '=', cs[1].candidatureId).executeTakeFirstOrThrow();
    expect(publie.decision).toBe(cs[1].decision.libelle);
    expect(publie.mention).toBeNull();
    expect((publie.notes as any[]).filter((n) => n.groupe === 2).map((n) => n.note)).toEqual(['15.00', '17.00']);
    const admisPremier = await db.selectFrom('resultat_publie').select(['decision', 'moyenne']).where('candidature_id', '=', cs[0].candidatureId).executeTakeFirstOrThrow();
    expect(admisPremier.decision).toBe('Admis');
    expect(admisPremier.moyenne).toBeGreaterThanOrEqual(10);
    // Frozen: a later change of a grade does not touch what was published.
    await db.updateTable('note').set({ valeur: 0 }).where('candidature_id', '=', cs[0].candidatureId).execute();
    expect((await db.selectFrom('resultat_publie').select('moyenne').where('candidature_id', '=', cs[0].candidatureId).executeTakeFirstOrThrow()).moyenne).toBe(admisPremier.moyenne);
    expect((await journal('resultats.publication')).map((j) => j.apres)).toEqual([{ session: 'BCP JUIN 2026', jurys: ['25510', '25590', '30001', '31202', '31210'], candidats: 55, reserves: 5 }]);
    // Nothing of Nantes' jury was published.
    const nantes = await db.selectFrom('candidature').select('id').where('jury_id', '=', jury('44590')).execute();
    expect(nantes).toHaveLength(8);
    expect(await db.selectFrom('resultat_publie').select('candidature_id').where('candidature_id', 'in', nantes.map((c) => c.id)).execute()).toEqual([]);
  });
});
