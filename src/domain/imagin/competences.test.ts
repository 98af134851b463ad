import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliquer,
  AUTEUR_SYS,
  competencesSysAttendues,
  existe,
  libelleAuteurs,
  marqueDe,
  MESSAGE_EXISTE_DEJA,
  NATURES_PERMISES,
  type Auteur,
  type Marque,
  type Operation,
} from './competences.ts';

const ETAB: Auteur = { type: 'ETABLISSEMENT', code: '0120006S' };
const AUTRE_ETAB: Auteur = { type: 'ETABLISSEMENT', code: '0310001H' };
const AGENT: Auteur = { type: 'INTERVENANT', code: '16E0712345ABC' };
const GEST: Auteur = { type: 'GESTIONNAIRE', code: 'DEC.TOULOUSE' };

function ok(r: ReturnType<typeof appliquer>) {
  if (!r.ok) throw new Error(`refusé : ${r.message}`);
  return r;
}

describe("l'exemple du guide (003 §3.3.2)", () => {
  it('SYS (C), puis + de l’établissement, puis × de l’établissement', () => {
    // "La compétence est initialement attribuée par le Système: SYS (C)"
    const initiale: Marque[] = [{ ...AUTEUR_SYS, nature: 'C' }];
    expect(libelleAuteurs(initiale)).toBe('SYS (C)');
    // "L'établissement (0120006S) reconnaît la compétence"
    const reconnue = ok(appliquer(initiale, 'reconnaitre', ETAB));
    expect(libelleAuteurs(reconnue.marques)).toBe('0120006S (C) SYS (C)');
    expect(reconnue.supprimee).toBe(false);
    // "L'établissement (0120006S) invalide la compétence"
    const invalidee = ok(appliquer(reconnue.marques, 'invalider', ETAB));
    expect(libelleAuteurs(invalidee.marques)).toBe('0120006S (I) SYS (C)');
    expect(invalidee.supprimee).toBe(false);
  });

  it("une compétence saisie uniquement par l'établissement disparaît à sa suppression", () => {
    const ajoutee = ok(appliquer(null, 'ajouter', ETAB));
    expect(libelleAuteurs(ajoutee.marques)).toBe('0120006S (C)');
    const r = ok(appliquer(ajoutee.marques, 'invalider', ETAB));
    expect(r.supprimee).toBe(true);
    expect(r.marques).toEqual([]);
  });

  it("saisie par l'établissement et l'agent, elle reste avec le (I) de l'établissement tant que l'agent la déclare", () => {
    const m: Marque[] = [{ ...ETAB, nature: 'C' }, { ...AGENT, nature: 'C' }];
    const r = ok(appliquer(m, 'invalider', ETAB));
    expect(r.supprimee).toBe(false);
    expect(libelleAuteurs(r.marques)).toBe('0120006S (I) 16E0712345ABC (C)');
    // … and disappears once the agent removes it too: every author removed it.
    const fin = ok(appliquer(r.marques, 'invalider', AGENT));
    expect(fin.supprimee).toBe(true);
  });

  it("saisie par l'établissement et un gestionnaire, elle reste : le gestionnaire la déclare toujours", () => {
    const m: Marque[] = [{ ...ETAB, nature: 'C' }, { ...GEST, nature: 'C' }];
    const r = ok(appliquer(m, 'invalider', ETAB));
    expect(libelleAuteurs(r.marques)).toBe('0120006S (I) DEC.TOULOUSE (C)');
    // The gestionnaire has no (I): he withdraws; then no author declares it any more.
    expect(appliquer(r.marques, 'invalider', GEST)).toMatchObject({ ok: false, code: 'NATURE_INTERDITE' });
    expect(ok(appliquer(r.marques, 'retirer', GEST)).supprimee).toBe(true);
  });

  it("refuse d'ajouter une compétence déjà dans la liste, avec le message de la console", () => {
    for (const m of [[{ ...AUTEUR_SYS, nature: 'C' }], [{ ...ETAB, nature: 'I' }, { ...AGENT, nature: 'C' }], [{ ...ETAB, nature: 'C' }]] as Marque[][]) {
      expect(appliquer(m, 'ajouter', ETAB)).toEqual({ ok: false, code: 'EXISTE_DEJA', message: MESSAGE_EXISTE_DEJA });
    }
    expect(MESSAGE_EXISTE_DEJA).toBe("Impossible de créer cette epreuve option. L'épreuve option que vous voulez ajouter existe déjà dans la liste des compétences.");
  });
});

describe('combinaisons d’auteurs', () => {
  const AUTEURS: Auteur[] = [AUTEUR_SYS, ETAB, AUTRE_ETAB, AGENT, GEST];
  // Every set of marks an author may hold: none, C, or I where his type allows it.
  const etats: Marque[][] = [[]];
  for (const a of AUTEURS) {
    const suivants: Marque[][] = [];
    for (const e of etats) {
      suivants.push(e);
      for (const n of NATURES_PERMISES[a.type]) suivants.push([...e, { ...a, nature: n }]);
    }
    etats.splice(0, etats.length, ...suivants);
  }
  const presents = etats.filter(existe);

  it('énumère toutes les combinaisons (2 × 3 × 3 × 3 × 2 = 108, dont celles avec au moins un (C))', () => {
    expect(etats).toHaveLength(108);
    expect(presents.length).toBe(108 - 8); // 8 = the combinations of (I) marks and absences only
  });

  it.each(presents.map((m) => [libelleAuteurs(m), m] as const))('%s : + puis × de l’établissement', (_l, m) => {
    const plus = ok(appliquer(m, 'reconnaitre', ETAB));
    expect(marqueDe(plus.marques, ETAB)?.nature).toBe('C');
    expect(plus.supprimee).toBe(false);
    const moins = ok(appliquer(m, 'invalider', ETAB));
    // Other authors' marks never change.
    const autres = (x: Marque[]) => x.filter((y) => y.code !== ETAB.code).sort((a, b) => a.code.localeCompare(b.code));
    const autresDeclarent = m.some((x) => x.code !== ETAB.code && x.nature === 'C');
    if (autresDeclarent) {
      expect(moins.supprimee).toBe(false);
      expect(marqueDe(moins.marques, ETAB)?.nature).toBe('I');
      expect(autres(moins.marques)).toEqual(autres(m));
    } else {
      // Only this établissement declared it: it disappears.
      expect(moins.supprimee).toBe(true);
    }
  });

  it('refuse + et × sur une compétence absente de la liste', () => {
    for (const m of etats.filter((e) => !existe(e))) {
      for (const op of ['reconnaitre', 'invalider', 'retirer'] as const) expect(appliquer(m, op, ETAB)).toMatchObject({ ok: false, code: 'INTROUVABLE' });
    }
    expect(appliquer(null, 'reconnaitre', ETAB)).toMatchObject({ ok: false, code: 'INTROUVABLE' });
  });

  it('un second clic ne change rien', () => {
    for (const m of presents) {
      const plus = ok(appliquer(m, 'reconnaitre', ETAB));
      expect(ok(appliquer(plus.marques, 'reconnaitre', ETAB)).inchangee).toBe(true);
      const moins = ok(appliquer(m, 'invalider', ETAB));
      if (!moins.supprimee) expect(ok(appliquer(moins.marques, 'invalider', ETAB)).inchangee).toBe(true);
    }
  });

  it("ni le système ni le gestionnaire ne portent de (I)", () => {
    for (const m of presents) {
      expect(appliquer(m, 'invalider', AUTEUR_SYS)).toMatchObject({ ok: false, code: 'NATURE_INTERDITE' });
      expect(appliquer(m, 'invalider', GEST)).toMatchObject({ ok: false, code: 'NATURE_INTERDITE' });
    }
  });

  it("retirer SYS (C) fait disparaître une compétence que personne d'autre ne déclare", () => {
    const r = ok(appliquer([{ ...AUTEUR_SYS, nature: 'C' }, { ...ETAB, nature: 'I' }], 'retirer', AUTEUR_SYS));
    expect(r.supprimee).toBe(true);
    const s = ok(appliquer([{ ...AUTEUR_SYS, nature: 'C' }, { ...AGENT, nature: 'C' }], 'retirer', AUTEUR_SYS));
    expect(libelleAuteurs(s.marques)).toBe('16E0712345ABC (C)');
  });
});

describe('propriétés sur des suites quelconques d’opérations', () => {
  const auteur = fc.constantFrom<Auteur>(AUTEUR_SYS, ETAB, AUTRE_ETAB, AGENT, GEST);
  const operation = fc.constantFrom<Operation>('ajouter', 'reconnaitre', 'invalider', 'retirer');

  it('garde les invariants : une marque par auteur, existe ⇔ au moins un (C), natures permises, auteurs non concernés intacts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(operation, auteur), { maxLength: 30 }), (suite) => {
        let marques: Marque[] | null = null;
        for (const [op, a] of suite) {
          const r = appliquer(marques, op, a);
          if (!r.ok) {
            if (r.code === 'EXISTE_DEJA') expect(marques && existe(marques)).toBe(true);
            if (r.code === 'INTROUVABLE') expect(marques === null || !existe(marques)).toBe(true);
            if (r.code === 'NATURE_INTERDITE') expect(NATURES_PERMISES[a.type]).not.toContain('I');
            continue;
          }
          const avant: Marque[] = marques ?? [];
          for (const m of r.marques) expect(NATURES_PERMISES[m.type]).toContain(m.nature);
          expect(new Set(r.marques.map((m) => `${m.type}/${m.code}`)).size).toBe(r.marques.length);
          if (r.supprimee) expect(r.marques).toEqual([]);
          else {
            expect(existe(r.marques)).toBe(true);
            for (const m of avant.filter((x) => !(x.type === a.type && x.code === a.code))) expect(r.marques).toContainEqual(m);
          }
          marques = r.supprimee ? null : r.marques;
        }
      }),
    );
  });

  it('après un + de l’établissement, la compétence est dans la liste avec son (C)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(operation, auteur), { maxLength: 20 }), (suite) => {
        let marques: Marque[] | null = null;
        for (const [op, a] of suite) {
          const r = appliquer(marques, op, a);
          if (r.ok) marques = r.supprimee ? null : r.marques;
        }
        const r = marques ? appliquer(marques, 'reconnaitre', ETAB) : appliquer(null, 'ajouter', ETAB);
        expect(r.ok).toBe(true);
        if (r.ok) expect(marqueDe(r.marques, ETAB)?.nature).toBe('C');
      }),
    );
  });
});

describe('génération SYS (C) depuis la table de correspondance', () => {
  it('associe chaque enseignement aux épreuves-options de sa matière, sans tenir compte de la casse ni des espaces', () => {
    const attendues = competencesSysAttendues(
      [
        { personneId: 1, matiere: 'MATHEMATIQUES' },
        { personneId: 1, matiere: 'mathematiques ' },
        { personneId: 2, matiere: 'PHYSIQUE-CHIMIE' },
        { personneId: 3, matiere: 'LATIN' },
      ],
      [
        { matiere: 'MATHEMATIQUES', epreuveOptionId: 10 },
        { matiere: 'MATHEMATIQUES', epreuveOptionId: 11 },
        { matiere: 'PHYSIQUE-CHIMIE', epreuveOptionId: 12 },
        { matiere: 'PHYSIQUE  -CHIMIE', epreuveOptionId: 13 },
      ],
    );
    expect([...attendues].sort()).toEqual(['1:10', '1:11', '2:12']);
  });
});
