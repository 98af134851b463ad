import { afterEach, describe, expect, it, vi } from 'vitest';
import { reglesNonRespectees } from '../../domain/identite/mot-de-passe.ts';
import { controlerIban, controlerNir, controlerNumen, controlerUai } from '../../domain/referentiel/identifiants.ts';
import type { Database } from '../platform/db/database.ts';
import { createTestPlatform, freshDatabase, type TestPlatform } from '../testing/harness.ts';
import { Alea } from './alea.ts';
import { MOT_DE_PASSE_TEMPORAIRE } from './comptes.ts';
import { chargerDemo, comptesDemo, demoPresente, genererDemo } from './demo.ts';
import { genererIban } from './generateur.ts';

const aFermer: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (aFermer.length) await aFermer.pop()!.close();
});

describe('générateur de démonstration', () => {
  it("donne les mêmes données pour la même échelle, sans Math.random ni horloge", () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random interdit');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('horloge interdite');
    });
    let a, b;
    try {
      a = genererDemo(2);
      b = genererDemo(2);
    } finally {
      vi.restoreAllMocks();
    }
    expect(a).toEqual(b);
    expect(comptesDemo()).toEqual(comptesDemo());
  });

  it('ne produit que des identifiants valides et uniques', () => {
    const d = genererDemo(5);
    for (const e of d.etablissements) expect(controlerUai(e.uai), e.uai).toEqual({ ok: true });
    const nirs = d.personnes.flatMap((p) => (p.nir ? [p.nir] : []));
    const numens = d.personnes.flatMap((p) => (p.numen ? [p.numen] : []));
    expect(nirs.length).toBeGreaterThan(d.personnes.length / 2);
    for (const n of nirs) expect(controlerNir(n), n).toEqual({ ok: true });
    for (const n of numens) expect(controlerNumen(n), n).toEqual({ ok: true });
    expect(new Set(numens).size).toBe(numens.length);
    expect(new Set(d.etablissements.map((e) => e.uai)).size).toBe(d.etablissements.length);
    expect(new Set(d.comptes.map((c) => c.login.toLowerCase())).size).toBe(d.comptes.length);
    for (const a of new Set(d.personnes.map((p) => p.academie_code))) {
      const emails = d.personnes.filter((p) => p.academie_code === a && p.email_pro).map((p) => p.email_pro);
      expect(new Set(emails).size).toBe(emails.length);
    }
    // Every NUMEN starts with its académie's code; every family name is visibly fictitious.
    for (const p of d.personnes) {
      if (p.numen) expect(p.numen.slice(0, 2)).toBe(p.academie_code);
      expect(p.nom).toMatch(/-DEMO$/);
    }
    const alea = new Alea('test/iban');
    for (let i = 0; i < 50; i++) expect(controlerIban(genererIban(alea))).toEqual({ ok: true });
  });

  it("atteint la taille d'une académie à l'échelle 100 (8 000 intervenants à Rennes)", () => {
    const d = genererDemo(100);
    const rennes = d.personnes.filter((p) => p.academie_code === '14').length;
    expect(rennes).toBeGreaterThanOrEqual(8000);
    expect(rennes).toBeLessThan(8100);
    expect(genererDemo(1).etablissements.length).toBeLessThan(80);
    expect(genererDemo(1).personnes.length).toBeLessThan(500);
  });

  it('propose un compte par rôle, avec des mots de passe conformes aux règles', () => {
    const comptes = comptesDemo();
    expect(new Set(comptes.map((c) => c.role))).toEqual(new Set(['gestionnaire', 'administrateur', 'dsi', 'chef_etablissement', 'intervenant', 'candidat']));
    for (const c of comptes.filter((x) => !x.temporaire)) expect(reglesNonRespectees(c.motDePasse, { login: c.login }), c.login).toEqual([]);
    const temporaire = comptes.find((c) => c.temporaire)!;
    expect(temporaire.motDePasse).toBe(MOT_DE_PASSE_TEMPORAIRE);
    expect(temporaire.motDePasse).toHaveLength(10);
    expect(temporaire.email).toBeNull();
    expect(comptes.find((c) => c.login === 'ce.0350710g')!.portee).toBe('LGT LA PROMENADE RENNES (0350710G)');
    expect(comptes.find((c) => c.login === 'ce.0120006s')!.portee).toBe('LGT LA DECOUVERTE DECAZEVILLE (0120006S)');
  });
});

async function lignesCles(database: Database) {
  const db = database.db;
  const [etablissements, personnes, comptes, enseignements, epreuves, missions, convocations, indisponibilites] = await Promise.all([
    db.selectFrom('etablissement').select(['uai', 'nom', 'type', 'commune', 'est_centre_examen', 'est_centre_deliberation']).orderBy('uai').execute(),
    db.selectFrom('personne').select(['academie_code', 'nom', 'prenom', 'date_naissance', 'numen', 'nir', 'email_pro', 'iban_fin']).orderBy('id').execute(),
    db.selectFrom('compte').select(['login', 'email', 'type', 'mot_de_passe_temporaire']).orderBy('login').execute(),
    db.selectFrom('enseignement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('epreuve_option').select(['code', 'libelle', 'coefficient']).orderBy('id').execute(),
    // IMAG'IN, the centre d'examen's fixed missions among them (issue 5).
    db.selectFrom('mission').select(['academie_code', 'numero', 'type_mission', 'ciblee_etablissement', 'date_limitee', 'candidats_affectes', 'signataire']).orderBy('id').execute(),
    db
      .selectFrom('convocation as c')
      .innerJoin('mission as m', 'm.id', 'c.mission_id')
      .select(['m.numero', 'c.personne_id', 'c.origine', 'c.statut', 'c.modifiee_par_gestionnaire', 'c.editee_le', 'c.cree_le'])
      .orderBy('c.id')
      .execute(),
    db.selectFrom('indisponibilite').select(['personne_id', 'date_debut', 'date_fin', 'motif', 'source', 'cree_le']).orderBy('id').execute(),
  ]);
  return { etablissements, personnes, comptes, enseignements: Number(enseignements.n), epreuves, missions, convocations, indisponibilites };
}

describe('chargement de la démonstration', () => {
  it('charge les mêmes lignes dans deux bases neuves, avec des UAI et des NIR valides', async () => {
    const a = await freshDatabase();
    aFermer.push(a);
    const b = await freshDatabase();
    aFermer.push(b);
    expect(await demoPresente(a.db)).toBe(false);
    const ra = await chargerDemo(a.db, { scale: 1 });
    const rb = await chargerDemo(b.db, { scale: 1 });
    expect(ra).toEqual(rb);
    expect(ra.dejaPresente).toBe(false);
    const la = await lignesCles(a);
    const lb = await lignesCles(b);
    expect(la).toEqual(lb);
    expect(la.personnes.length).toBe(ra.personnes);

    for (const e of la.etablissements) expect(controlerUai(e.uai), e.uai).toEqual({ ok: true });
    for (const p of la.personnes.filter((x) => x.nir)) expect(controlerNir(p.nir!), p.nir!).toEqual({ ok: true });
    expect(la.etablissements.find((e) => e.uai === '0120006S')).toMatchObject({ nom: 'LA DECOUVERTE', type: 'LGT', commune: 'DECAZEVILLE' });

    // Académies (all of codes.md), examens with the seeds' session libellés, the BCP contrôle orals.
    const academies = await a.db.selectFrom('academie').selectAll().orderBy('code').execute();
    // 31 académies and the two inter-académie services (SIEC, DGRH); Versailles' service is down (issue 5).
    expect(academies.length).toBe(33);
    const communes = { inter_academique: false, exclue_acces_autres: false, service_joignable: true };
    expect(academies.find((x) => x.code === '02')).toEqual({ code: '02', libelle: 'Aix-Marseille', nom_majuscule: 'AIX-MARSEILLE', domaine_mail: 'ac-aix-marseille.fr', ...communes });
    expect(academies.find((x) => x.code === 'SIEC')).toEqual({ code: 'SIEC', libelle: 'SIEC', nom_majuscule: 'SIEC', domaine_mail: 'siec.education.fr', ...communes, inter_academique: true });
    expect(academies.find((x) => x.code === 'DGRH')).toMatchObject({ inter_academique: true, exclue_acces_autres: true, service_joignable: true });
    expect(academies.find((x) => x.code === '25')).toMatchObject({ libelle: 'Versailles', inter_academique: false, service_joignable: false });
    expect(academies.filter((x) => !x.service_joignable).map((x) => x.code)).toEqual(['25']);
    const sessions = await a.db
      .selectFrom('session_examen as s')
      .innerJoin('examen as x', 'x.code', 's.examen_code')
      .select(['x.code', 'x.sigle', 's.code as session', 's.libelle'])
      .execute();
    expect(sessions).toContainEqual({ code: '400', sigle: 'BCP', session: '2026-06', libelle: 'BCP JUIN 2026' });
    expect(sessions).toContainEqual({ code: '470', sigle: 'BCG', session: '2026-06', libelle: 'BGT 2026' });
    const controle = await a.db
      .selectFrom('epreuve_option as e')
      .innerJoin('specialite as s', 's.id', 'e.specialite_id')
      .select(['e.libelle', 'e.nature'])
      .where('s.examen_code', '=', '400')
      .where('s.code', '=', '31202')
      .where('e.code', 'like', 'ECT%')
      .orderBy('e.code')
      .execute();
    expect(controle).toEqual([
      { libelle: 'épr. Scientifique et Technique', nature: 'orale' },
      { libelle: 'épr. Français et Histoire Géographie', nature: 'orale' },
    ]);

    // Every service of Rennes and Toulouse has its welcome message.
    const messages = await a.db.selectFrom('message_accueil').select(['academie_code', 'service']).execute();
    expect(messages.filter((m) => m.academie_code === '14').length).toBe(8);
    expect(messages.filter((m) => m.academie_code === '16').length).toBe(8);
  });

  let p: TestPlatform | undefined;
  afterEach(async () => {
    await p?.close();
    p = undefined;
  });

  it('ouvre une session pour chaque compte de démonstration, et un second chargement ne duplique rien', async () => {
    p = await createTestPlatform();
    await chargerDemo(p.ctx.db, { scale: 1 });
    for (const compte of comptesDemo()) {
      const session = await p.client().login(compte.service, compte.login, compte.motDePasse);
      expect(session.role, compte.login).toBe(compte.role);
      expect(session.academie.code).toBe(compte.academieCode);
      expect(session.compte.motDePasseTemporaire, compte.login).toBe(compte.temporaire);
      if (compte.role === 'chef_etablissement') expect(compte.portee).toContain(session.etablissement.uai);
      if (compte.role === 'intervenant') expect(compte.portee).toContain(session.personne.nom);
    }
    // The first-connection case: no e-mail known, so the shell asks for one.
    const s = await p.client().login('imagin-intervenant', 'prof.abricotier', MOT_DE_PASSE_TEMPORAIRE);
    expect(s.compte.emailManquant).toBe(true);

    const compter = async () => {
      const n = async (t: 'etablissement' | 'personne' | 'compte' | 'enseignement' | 'epreuve_option' | 'role_attribution') =>
        Number((await p!.ctx.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return [await n('etablissement'), await n('personne'), await n('compte'), await n('enseignement'), await n('epreuve_option'), await n('role_attribution')];
    };
    const avant = await compter();
    expect(await demoPresente(p.ctx.db)).toBe(true);
    const logs: string[] = [];
    const again = await chargerDemo(p.ctx.db, { scale: 1, log: (m) => logs.push(m) });
    expect(again.dejaPresente).toBe(true);
    expect(logs.join('\n')).toMatch(/déjà présentes/);
    expect(await compter()).toEqual(avant);
  });

  it("refuse une échelle invalide avec un message en français", async () => {
    const d = await freshDatabase();
    aFermer.push(d);
    await expect(chargerDemo(d.db, { scale: 0 })).rejects.toThrow(/Échelle de démonstration invalide/);
    await expect(chargerDemo(d.db, { scale: Number.NaN })).rejects.toThrow(/Échelle/);
  });
});
