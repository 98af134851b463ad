// The demo's candidates (issue 6): what the CYCLADES scenarios and the README rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { genererCandidats } from './candidats.ts';
import { CANDIDAT_DEMO, MOT_DE_PASSE_CANDIDAT } from './comptes.ts';
import { chargerDemo } from './demo.ts';
import { UAI_COLLEGE_RENNES } from './donnees.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
  await chargerDemo(p.ctx.db, { scale: 1 });
});
afterAll(async () => {
  await p?.close();
});

describe('candidats de démonstration', () => {
  it('sont les mêmes à chaque génération, environ 300 par unité d’échelle', () => {
    const colleges = [
      { uai: UAI_COLLEGE_RENNES, academie_code: '14', commune: 'RENNES', code_postal: '35000' },
      { uai: '0350999X', academie_code: '14', commune: 'VITRE', code_postal: '35500' },
    ];
    const a = genererCandidats(colleges, 600);
    expect(genererCandidats(colleges, 600)).toEqual(a);
    expect(a.candidatures.filter((c) => c.session.code === a.session.code)).toHaveLength(600);
  });

  it('DU PARC : cinq divisions de 3e au DNB 2027, des annulées, des adresses manquantes, deux comptes « email »', async () => {
    const db = p.ctx.db;
    const lignes = await db
      .selectFrom('candidature as c')
      .innerJoin('etablissement as e', 'e.id', 'c.etablissement_id')
      .innerJoin('session_examen as s', 's.id', 'c.session_examen_id')
      .select(['c.division_classe', 'c.etat', 'c.email', 's.libelle', 's.annee', 'c.candidat_id'])
      .where('e.uai', '=', UAI_COLLEGE_RENNES)
      .where('s.annee', '=', 2027)
      .execute();
    expect(lignes).toHaveLength(140);
    expect(new Set(lignes.map((l) => l.division_classe))).toEqual(new Set(['3A', '3B', '3C', '3D', '3E']));
    expect(lignes.filter((l) => l.etat === 'annule')).toHaveLength(3);
    expect(lignes.filter((l) => l.email === null)).toHaveLength(4);
    expect(lignes.some((l) => l.etat === 'pre_inscrit')).toBe(true);
    const emails = await db
      .selectFrom('compte_candidat as cc')
      .innerJoin('compte', 'compte.id', 'cc.compte_id')
      .select(['compte.login', 'cc.candidat_id'])
      .where('cc.type_login', '=', 'email')
      .execute();
    expect(emails).toHaveLength(2);
    for (const e of emails) expect(lignes.map((l) => l.candidat_id)).toContain(e.candidat_id);
    expect(emails.every((e) => e.login.includes('@'))).toBe(true);
  });

  it('la candidate de démonstration se connecte et a des résultats publiés au DNB 2026 ; une homonyme est en 3B', async () => {
    const s = await p.client().login('espace-candidat', CANDIDAT_DEMO.login, MOT_DE_PASSE_CANDIDAT);
    expect(s.role).toBe('candidat');
    expect(s.compte.motDePasseTemporaire).toBe(false);
    const db = p.ctx.db;
    const resultat = await db
      .selectFrom('compte')
      .innerJoin('compte_candidat as cc', 'cc.compte_id', 'compte.id')
      .innerJoin('candidature as c', 'c.candidat_id', 'cc.candidat_id')
      .innerJoin('resultat_publie as r', 'r.candidature_id', 'c.id')
      .innerJoin('publication_resultats as p', (j) => j.onRef('p.session_examen_id', '=', 'c.session_examen_id').onRef('p.academie_code', '=', 'c.academie_code'))
      .select(['r.decision', 'r.mention', 'r.moyenne', 'r.notes', 'cc.type_login'])
      .where('compte.login', '=', CANDIDAT_DEMO.login)
      .executeTakeFirstOrThrow();
    expect(resultat.type_login).toBe('prenom_nom');
    expect(resultat.decision).toBe('Admis');
    expect(resultat.moyenne).toBeGreaterThanOrEqual(10);
    expect((resultat.notes as unknown as unknown[]).length).toBe(7);
    const homonymes = await db
      .selectFrom('candidat')
      .innerJoin('candidature', 'candidature.candidat_id', 'candidat.id')
      .select('candidature.division_classe')
      .where('candidat.nom', '=', CANDIDAT_DEMO.nom)
      .where('candidat.prenom', '=', CANDIDAT_DEMO.prenom)
      .execute();
    expect(homonymes.map((h) => h.division_classe).sort()).toEqual(['3B', '3C']);
  });
});
