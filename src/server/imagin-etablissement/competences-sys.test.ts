import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendre, createTestPlatform, type TestPlatform } from '../testing/harness.ts';
import { importerEnseignements, lireCsvEnseignements } from './enseignements-import.ts';
import { fixtureImagin } from './fixtures.ts';

let p: TestPlatform;
let f: Awaited<ReturnType<typeof fixtureImagin>>;

beforeEach(async () => {
  p = await createTestPlatform();
  f = await fixtureImagin(p);
});
afterEach(async () => {
  await p?.close();
});

const ENTETE = 'UAI;NUMEN;ANNEE_SCOLAIRE;MEF_CODE;MEF_LIBELLE;TYPE_MEF;MATIERE;MODALITE_COURS;STRUCTURE';

async function terminer(id: string) {
  return attendre(async () => {
    const t = await p.ctx.db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', id).executeTakeFirst();
    return t && (t.statut === 'termine' || t.statut === 'erreur') ? t : null;
  });
}

async function marques(personneId: number) {
  const rows = await p.ctx.db
    .selectFrom('competence as k')
    .innerJoin('epreuve_option as e', 'e.id', 'k.epreuve_option_id')
    .innerJoin('competence_auteur as a', 'a.competence_id', 'k.id')
    .select(['e.code', 'a.auteur', 'a.nature'])
    .where('k.personne_id', '=', personneId)
    .orderBy('e.code')
    .orderBy('a.auteur')
    .execute();
  return rows.map((r) => `${r.code}:${r.auteur}(${r.nature})`);
}

describe('import des enseignements (CSV STS-WEB)', () => {
  it('lit le fichier et signale chaque ligne rejetée', () => {
    const { lignes, erreurs } = lireCsvEnseignements(
      `\uFEFF${ENTETE}\r\n0350710G;14e0712345abe;2026-2027;20110019110;1ERE GENERALE;1ERE G;"PHYSIQUE-CHIMIE";CG;"Div. Classe : 1G3"\r\n0350710G;;2026-2027;x;x;x;x;x;\r\n0350710G;14E0712345ABE;2026;x;x;x;x;x;\r\n`,
    );
    expect(lignes).toEqual([
      { ligne: 2, uai: '0350710G', numen: '14E0712345ABE', anneeScolaire: '2026-2027', mefCode: '20110019110', mefLibelle: '1ERE GENERALE', typeMef: '1ERE G', matiere: 'PHYSIQUE-CHIMIE', modaliteCours: 'CG', structure: 'Div. Classe : 1G3' },
    ]);
    expect(erreurs).toEqual(['Ligne 3 : NUMEN vide(s).', 'Ligne 4 : année scolaire « 2026 » invalide (attendu : 2026-2027).']);
    expect(lireCsvEnseignements('UAI;NUMEN\n').erreurs[0]).toContain('Colonnes absentes de la ligne d\'en-tête : ANNEE_SCOLAIRE, MEF_CODE');
  });
});

describe('génération des compétences SYS (C) après un import', () => {
  it('ajoute, retire et reste idempotente, sans toucher aux autres auteurs', async () => {
    // Emma starts teaching physique-chimie (→ C012, C004); Bruno stops (his C012 keeps its other authors).
    const csv = [ENTETE, '0350710G;14E0712345ABE;2025-2026;20110019110;1ERE GENERALE;1ERE G;PHYSIQUE-CHIMIE;CG;Div. Classe : 1G3', '0350711H;14E0612345ABD;2025-2026;10310019110;3EME;3EME;TECHNOLOGIE;CG;', '0350710G;99X0000000XXX;2025-2026;a;b;c;d;e;', '9999999Z;14E0512345ABC;2025-2026;a;b;c;d;e;'].join('\n');
    // Before: SYS(C) on Bruno's C012 (from his old enseignement) and a stale one for Alice's C010 is justified.
    await p.ctx.db.insertInto('competence_auteur').values({ competence_id: f.competences.kBrunoC012, auteur: 'SYS', type_auteur: 'SYS', nature: 'C' }).execute();
    const r = await importerEnseignements(p.ctx, csv, { fichier: 'sts.csv' });
    expect(r.lues).toBe(4);
    expect(r.importees).toBe(2);
    expect(r.rejets).toEqual(['Ligne 4 : aucune personne de NUMEN 99X… n\'est connue.', 'Ligne 5 : établissement 9999999Z inconnu.']);
    expect(r.remplacements).toEqual([
      { uai: '0350710G', academieCode: '14', anneeScolaire: '2025-2026', supprimees: 1, inserees: 1 },
      { uai: '0350711H', academieCode: '14', anneeScolaire: '2025-2026', supprimees: 1, inserees: 1 },
    ]);
    // Alice's enseignement at the lycée was replaced by the file (she is not in it any more).
    expect(r.traitements.map((t) => t.academieCode)).toEqual(['14']);
    const t = await terminer(r.traitements[0]!.id);
    expect(t).toEqual({ statut: 'termine', erreur: null });
    const journal = await p.ctx.db.selectFrom('traitement_log').select('message').where('traitement_id', '=', r.traitements[0]!.id).orderBy('id').execute();
    expect(journal.map((j) => j.message)).toContain('2 compétence(s) SYS (C) ajoutée(s), 2 retirée(s) ; 1 compétence(s) sans autre auteur supprimée(s).');

    expect(await marques(f.personnes.emma)).toEqual(['C004:SYS(C)', 'C012:SYS(C)']);
    // Bruno: SYS withdrawn, the college's and his own (C) remain.
    expect(await marques(f.personnes.bruno)).toEqual(['C012:0350711H(C)', 'C012:14E0612345ABD(C)']);
    // Alice: her only author was SYS, and she no longer teaches mathématiques in the file: gone.
    expect(await marques(f.personnes.alice)).toEqual([]);
    expect(await marques(f.personnes.chloe)).toEqual(['MATH:0350711H(C)']);

    // Same file again: same rows, nothing added or withdrawn.
    const r2 = await importerEnseignements(p.ctx, csv, { fichier: 'sts.csv' });
    await terminer(r2.traitements[0]!.id);
    const journal2 = await p.ctx.db.selectFrom('traitement_log').select('message').where('traitement_id', '=', r2.traitements[0]!.id).orderBy('id').execute();
    expect(journal2.map((j) => j.message)).toContain('0 compétence(s) SYS (C) ajoutée(s), 0 retirée(s) ; 0 compétence(s) sans autre auteur supprimée(s).');
    expect(await marques(f.personnes.emma)).toEqual(['C004:SYS(C)', 'C012:SYS(C)']);
    const n = await p.ctx.db.selectFrom('enseignement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it("garde le (I) de l'établissement sur une compétence SYS (C) toujours justifiée", async () => {
    await p.ctx.db.insertInto('competence_auteur').values({ competence_id: f.competences.kAliceC010, auteur: '0350710G', type_auteur: 'ETABLISSEMENT', nature: 'I' }).execute();
    const csv = [ENTETE, '0350710G;14E0512345ABC;2025-2026;20110019110;1ERE GENERALE;1ERE G;mathematiques;CG;'].join('\n');
    const r = await importerEnseignements(p.ctx, csv, { fichier: 'sts.csv' });
    await terminer(r.traitements[0]!.id);
    expect(await marques(f.personnes.alice)).toEqual(['C010:0350710G(I)', 'C010:SYS(C)']);
  });
});
