// Issue 13, « Délibération (seed 001) », items 12 to 19, over HTTP on the demo (BREQUIGNY's 25510,
// 31202, 31210 at 140 and the Jury portal's 25590 at 210 with its contrôle grades; LA PROMENADE's 30001
// at 140):
// - §17 a selection in mixed états moves the juries that can move and reports the others by number;
// - §12 « Où en sommes-nous ? » ticks a step only when it was done for every jury (notes check, plan de
//   secours, PV and lists as produced per jury), names the juries it is still to do for, and the plan
//   de secours' compte rendu names the juries it left out and why;
// - §14 the plan de secours' PVI print the oral grades already entered;
// - §13 a jury is not terminated (211 → 214) before its PV de tenue de délibération is printed;
// - §18 a presumed fraudster is marked on the PV and gets no published result before the disciplinary decision;
// - §19 the DEC's entry of a contrôle grade carries the grade the page showed: of ten simultaneous
//   changes, one is recorded and the nine others get 409 naming who changed it, when and to what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNote } from '../../domain/cyclades/deliberation.ts';
import { lireZip, textePdf } from '../testing/documents.ts';
import { attendre, fixtureCompte, MOT_DE_PASSE, type TestClient } from '../testing/harness.ts';
import { RESULTAT_RESERVE } from '../espace-candidat/espace-candidat.service.ts';
import { OBSERVATION_PRESUME_FRAUDEUR } from './centre.editions.ts';
import { MOT_DE_PASSE_AGENTS, mettreEtat, plateformeDeliberation, type PlateformeDeliberation } from './dec.fixtures.ts';
import { chargerCandidats } from './jurys.repo.ts';
import { decisionCalculee } from './resultats.ts';

const C = '/api/cyclades/deliberation';
const G = '/api/gestion/deliberation';

let d: PlateformeDeliberation;
let chef: TestClient;
let promenade: TestClient;
let dec: TestClient;
const jury = (n: string) => d.jurys[n]!;

beforeAll(async () => {
  d = await plateformeDeliberation();
  chef = d.p.client();
  await chef.login('cyclades-etablissement', 'ce.0350059z', MOT_DE_PASSE_AGENTS);
  promenade = d.p.client();
  await promenade.login('cyclades-etablissement', 'ce.0350710g', MOT_DE_PASSE_AGENTS);
  dec = d.p.client();
  await dec.login('imagin-gestion', 'dec.rennes', MOT_DE_PASSE_AGENTS);
}, 120_000);
afterAll(async () => {
  await d?.p.close();
});

async function etapes(client: TestClient) {
  const r = await client.get(`${C}/ou-en-sommes-nous`);
  expect(r.status).toBe(200);
  return Object.fromEntries((r.body.etapes as Array<{ code: string; faite: boolean; jurysRestants: string[] }>).map((e) => [e.code, { faite: e.faite, restants: e.jurysRestants }]));
}

async function enregistrerDecisions(juryIds: number[]) {
  for (const c of await chargerCandidats(d.p.ctx.db, juryIds)) {
    const r = decisionCalculee(c.resultat);
    await d.p.ctx.db
      .insertInto('decision_jury')
      .values({ candidature_id: c.candidatureId, jury_id: c.juryId, decision: r.decision, moyenne: r.moyenne, mention: r.mention, explication: JSON.stringify(r.explication) })
      .onConflict((oc) => oc.column('candidature_id').doNothing())
      .execute();
  }
}

async function planDeSecours() {
  const r = await chef.post(`${C}/plan-de-secours`, {});
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const cr = await attendre(async () => {
    const t = await chef.get(`/api/traitements/${r.body.traitementId}`);
    return t.body.statut === 'termine' || t.body.statut === 'erreur' ? t.body : null;
  }, 60_000);
  expect(cr.statut, JSON.stringify(cr.journal)).toBe('termine');
  const doc = (cr.documents as Array<{ id: string; nom: string }>)[0]!;
  const zip = await chef.get(`/api/documents/${doc.id}`);
  return { lance: r.body as { message: string; jurysNonCompris: string[] }, journal: (cr.journal as Array<{ message: string }>).map((l) => l.message), entrees: lireZip(zip.raw) };
}

describe('§17 — sélection de jurys dans des états mêlés', () => {
  it('la DEC déplace les jurys qui le peuvent et nomme les autres avec la raison', async () => {
    await mettreEtat(d.p, [jury('31202')], 198);
    const v = await dec.post(`${G}/jurys/transition`, { juryIds: [jury('25510'), jury('31202')], vers: 198 });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(v.body.deplaces).toEqual([jury('25510')]);
    expect(v.body.refus).toEqual([
      { id: jury('31202'), numero: '31202', message: "Le jury 31202 est à l'état 198 - 1er groupe verrouillé en académie : le verrouillage du 1er groupe demande l'état 140 - 1er groupe terminé en centre." },
    ]);
    expect(v.body.message).toBe(
      "Enregistrement effectué : le jury 25510 est à l'état 198 - 1er groupe verrouillé en académie. 1 jury n'a pas été déplacé (31202) : Le jury 31202 est à l'état 198 - 1er groupe verrouillé en académie : le verrouillage du 1er groupe demande l'état 140 - 1er groupe terminé en centre.",
    );
    const o = await dec.post(`${G}/jurys/transition`, { juryIds: [jury('25510'), jury('31202'), jury('31210')], vers: 200 });
    expect(o.status).toBe(200);
    expect(o.body.deplaces).toEqual([jury('25510'), jury('31202')].sort((a, b) => a - b));
    expect(o.body.refus.map((r: any) => r.numero)).toEqual(['31210']);
    // None can move: 409 with every reason.
    const aucun = await dec.post(`${G}/jurys/transition`, { juryIds: [jury('25510'), jury('31202')], vers: 200 });
    expect(aucun.status).toBe(409);
    expect(aucun.body.message).toContain("Le jury 25510 est à l'état 200");
    expect(aucun.body.message).toContain("Le jury 31202 est à l'état 200");
  });
});

describe('§12 et §14 — plan de secours et « Où en sommes-nous ? » jury par jury', () => {
  it('le plan de secours généré sans 31210 (à 140) ne fait pas l’étape 3 ; le compte rendu nomme le jury laissé de côté et pourquoi', async () => {
    const { journal, lance } = await planDeSecours();
    expect(lance.jurysNonCompris).toEqual(['31210']);
    expect(lance.message).toContain("Le jury 31210 n'est pas compris dans ce plan de secours (le plan de secours demande l'état 200 ou 210) : générez-le à nouveau quand il y sera.");
    expect(journal).toContain(
      "Jury 31210 non compris dans ce plan de secours : il est à l'état 140 - 1er groupe terminé en centre : le plan de secours demande l'état 200 - Recueil des notes de l'épreuve de contrôle ou 210 - Délibération de l'épreuve de contrôle. Générez à nouveau le plan de secours quand il y sera.",
    );
    expect(journal).toContain('Jurys non compris dans ce plan de secours : 31210.');
    const e = await etapes(chef);
    expect(e['plan-de-secours']).toEqual({ faite: false, restants: ['31210'] });
    // 25590 went to 210 without any check of its missing grades: step 2 is not done for it.
    expect(e['notes-manquantes']).toEqual({ faite: false, restants: ['25510', '25590', '31202', '31210'] });
    expect(e['ouvrir-deliberation']).toEqual({ faite: false, restants: ['25510', '31202', '31210'] });

    await mettreEtat(d.p, [jury('31210')], 200);
    const encore = await planDeSecours();
    expect(encore.journal.some((l) => l.includes('non compris'))).toBe(false);
    expect((await etapes(chef))['plan-de-secours']).toEqual({ faite: true, restants: [] });
  });

  it('les PVI du plan de secours impriment les notes d’oral déjà saisies (jury 25590)', async () => {
    const { entrees } = await planDeSecours();
    const pvi = await textePdf(entrees.find((e) => e.nom === 'Jury_25590/PVI_jury_25590.pdf')!.contenu);
    const admissibles = (await chargerCandidats(d.p.ctx.db, [jury('25590')])).filter((c) => c.resultat.premierGroupe.decision === 'admissible');
    expect(pvi.pages).toHaveLength(admissibles.length);
    let vues = 0;
    for (const [i, c] of admissibles.entries()) {
      for (const o of c.oraux.filter((x) => x.epreuveRemplacee)) {
        expect(o.note, `${c.numeroCandidat} ${o.oral}`).not.toBeNull();
        const attendu = o.note!.statut === 'absent' ? 'Note obtenue : absent' : `Note obtenue : ${formatNote(o.note!.valeur!)} / 20`;
        expect(pvi.pages[i]).toContain(attendu);
        vues++;
      }
      expect(pvi.pages[i]).not.toContain('Note obtenue : ............');
    }
    expect(vues).toBeGreaterThan(0);
    // A jury without any oral grade yet keeps the blanks to fill in.
    const pvi31202 = await textePdf(entrees.find((e) => e.nom === 'Jury_31202/PVI_jury_31202.pdf')!.contenu);
    expect(pvi31202.pages[0]).toContain('Note obtenue : ............ / 20');
  });

  it('terminer 30001 sans contrôle, plan, PV ni listes ne coche pas ces étapes', async () => {
    await mettreEtat(d.p, [jury('30001')], 214);
    const e = await etapes(promenade);
    expect(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.faite]))).toEqual({
      'ou-en-sommes-nous': true,
      'notes-manquantes': false,
      'plan-de-secours': false,
      'ouvrir-deliberation': true,
      'pv-deliberation': false,
      'listes-resultats': false,
      terminer: true,
    });
    expect(e['pv-deliberation']!.restants).toEqual(['30001']);
    expect(e['notes-manquantes']!.restants).toEqual(['30001']);
  });
});

describe('§13 — le PV de tenue de délibération est indispensable avant de terminer', () => {
  it('refuse 211 → 214 pour un jury dont le PV n’a pas été édité ; termine ceux dont il l’a été', async () => {
    await enregistrerDecisions([jury('25510'), jury('31202')]);
    await mettreEtat(d.p, [jury('25510'), jury('31202')], 211);
    const sans = await chef.post(`${C}/terminer`, { juryIds: [jury('25510'), jury('31202')] });
    expect(sans.status).toBe(409);
    expect(sans.body.message).toContain("Le jury 25510 ne peut pas être terminé : son procès-verbal de tenue de délibération n'a pas été édité");
    expect(sans.body.message).toContain('Le jury 31202 ne peut pas être terminé');

    const pv = await chef.post(`${C}/pv`, { juryIds: [jury('25510')], mode: 'unique' });
    expect(pv.status).toBe(200);
    // Globally: 25510 ends, 31202 (no PV) is reported.
    const r = await chef.post(`${C}/terminer`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.deplaces).toEqual([jury('25510')]);
    expect(r.body.refus.map((x: any) => x.numero)).toEqual(['31202']);
    expect(r.body.message).toMatch(/^Enregistrement effectué pour 1 jury\. 1 jury n'a pas été déplacé \(31202\) : Le jury 31202 ne peut pas être terminé/);
    const e = await etapes(chef);
    expect(e['pv-deliberation']!.restants).toEqual(['25590', '31202', '31210']);
    expect(e.terminer!.restants).toEqual(['25590', '31202', '31210']);
  });
});

describe('§19 — saisie d’une note de contrôle par la DEC : la note affichée est vérifiée', () => {
  it('dix modifications simultanées de la même note : une enregistrée, neuf refusées en nommant qui l’a changée, quand et en quoi', async () => {
    await mettreEtat(d.p, [jury('31210')], 200);
    // 31210's first admissible candidate, whose oral has no grade yet.
    const c = (await chargerCandidats(d.p.ctx.db, [jury('31210')])).find((x) => x.resultat.premierGroupe.decision === 'admissible' && x.oraux[0]!.epreuveRemplacee)!;
    expect(c.oraux[0]!.note).toBeNull();
    const saisie = (valeur: number, attendu: { statut: 'note' | 'absent'; valeur: number | null } | null) =>
      dec.put(`${G}/notes-controle`, { candidatureId: c.candidatureId, epreuve: 'scientifique', statut: 'note', valeur, attendu });

    const sansAttendu = await dec.put(`${G}/notes-controle`, { candidatureId: c.candidatureId, epreuve: 'scientifique', statut: 'note', valeur: 12 });
    expect(sansAttendu.status).toBe(400);
    expect(sansAttendu.body.fields.attendu).toBe('Note affichée : la note que la page affichait (ou null si aucune) est attendue.');

    const dix = await Promise.all(Array.from({ length: 10 }, (_, i) => saisie(10 + i, null)));
    expect(dix.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const gagnante = dix.find((r) => r.status === 200)!;
    const valeur = gagnante.body.candidat.oraux[0].valeur as number;
    for (const r of dix.filter((x) => x.status === 409)) {
      expect(r.body.message).toMatch(
        new RegExp(
          `^La note de l'épreuve de contrôle scientifique et technique du candidat ${c.numeroCandidat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} a été modifiée par dec\\.rennes le \\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2} depuis l'affichage de votre page \\(\\(aucune\\) → ${formatNote(valeur)}\\)\\. Votre saisie n'est pas enregistrée`,
        ),
      );
    }
    const stockee = await d.p.ctx.db.selectFrom('note').select('valeur').where('candidature_id', '=', c.candidatureId).where('groupe', '=', 2).execute();
    expect(stockee.map((n) => n.valeur)).toEqual([valeur]);
    // With the grade now shown, the change goes through.
    const suite = await saisie(valeur === 19 ? 18 : 19, { statut: 'note', valeur });
    expect(suite.status, JSON.stringify(suite.body)).toBe(200);
  });
});

describe('§18 — présumés fraudeurs', () => {
  it('le PV les signale ; aucun résultat ne leur est publié avant la décision disciplinaire', async () => {
    const cs = await chargerCandidats(d.p.ctx.db, [jury('31202')]);
    const fraudeur = cs.find((c) => c.presumeFraudeur)!;
    expect(fraudeur).toBeDefined();
    const pv = await chef.post(`${C}/pv`, { juryIds: [jury('31202')], mode: 'unique' });
    const texte = (await textePdf(pv.raw)).pages.join(' ');
    const ligne = texte.slice(texte.indexOf(fraudeur.numeroCandidat), texte.indexOf(fraudeur.numeroCandidat) + 400);
    expect(ligne).toContain(OBSERVATION_PRESUME_FRAUDEUR);
    for (const c of cs.filter((x) => !x.presumeFraudeur)) {
      const i = texte.indexOf(c.numeroCandidat);
      expect(texte.slice(i, texte.indexOf(' ', i + c.numeroCandidat.length + 30))).not.toContain('Présumé fraudeur');
    }

    // The candidate reads his espace candidat.
    const compte = await fixtureCompte(d.p, { login: 'fraudeur.presume', role: 'candidat', academie: '14' });
    await d.p.ctx.db.insertInto('compte_candidat').values({ compte_id: compte.compteId, candidat_id: fraudeur.candidatId, type_login: 'email', etablissement_id: null }).execute();
    const candidat = d.p.client();
    await candidat.login('espace-candidat', 'fraudeur.presume', MOT_DE_PASSE);

    const rennes = ['25510', '25590', '30001', '31202', '31210'].map(jury);
    await mettreEtat(d.p, rennes, 214);
    const pub = await dec.post(`${G}/publication`, { sessionId: d.sessionId });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const tous = await chargerCandidats(d.p.ctx.db, rennes);
    const presumes = tous.filter((c) => c.presumeFraudeur);
    expect(presumes.length).toBeGreaterThan(0);
    expect(pub.body).toMatchObject({ publies: tous.length - presumes.length, reserves: presumes.length });
    const publies = await d.p.ctx.db.selectFrom('resultat_publie').select('candidature_id').where('candidature_id', 'in', presumes.map((c) => c.candidatureId)).execute();
    expect(publies).toEqual([]);

    const r = await candidat.get(`/api/candidat/resultats/${fraudeur.candidatureId}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ publie: true, resultat: RESULTAT_RESERVE, decision: null, mention: null, moyenne: null, notes: [] });
    const liste = await candidat.get('/api/candidat/resultats');
    expect(liste.body.lignes.find((l: any) => l.id === fraudeur.candidatureId)).toMatchObject({ resultat: RESULTAT_RESERVE, decision: null });
  });
});
