import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.ts';
import {
  compterParEtat,
  estEtatJury,
  etatPermet,
  ETATS_JURY,
  ETATS_VUE_OUVERTURE,
  ETATS_VUE_TERMINER,
  libelleEtatJury,
  OPERATIONS_JURY,
  verifierOperation,
  type EtatJury,
  type OperationJury,
} from './jury.ts';

const jury = (etat: EtatJury) => ({ numero: '31202', etat });

describe('états du jury', () => {
  it('libellés tels que les écrans les affichent', () => {
    expect(ETATS_JURY.map(libelleEtatJury)).toEqual([
      '140 - 1er groupe terminé en centre',
      '198 - 1er groupe verrouillé en académie',
      "200 - Recueil des notes de l'épreuve de contrôle",
      "210 - Délibération de l'épreuve de contrôle",
      "211 - Editions après la délibération de l'épreuve de contrôle",
      '214 - Epreuve de contrôle terminée en centre',
    ]);
    expect(estEtatJury(210)).toBe(true);
    expect(estEtatJury(212)).toBe(false);
    expect(estEtatJury('210')).toBe(false);
  });

  it('la chaîne complète, de 140 à la publication', () => {
    const etapes: [OperationJury, Role, EtatJury][] = [
      ['verrouiller', 'gestionnaire', 198],
      ['ouvrir_controle', 'gestionnaire', 200],
      ['ouvrir_deliberation', 'chef_etablissement', 210],
      ['clore', 'membre_jury', 211],
      ['terminer', 'chef_etablissement', 214],
      ['publier', 'gestionnaire', 214],
    ];
    let etat: EtatJury = 140;
    for (const [operation, acteur, attendu] of etapes) {
      const r = verifierOperation(jury(etat), operation, acteur);
      expect(r).toEqual({ ok: true, etat: attendu });
      if (r.ok) etat = r.etat;
    }
  });

  it('le gestionnaire peut clore un jury en attendant le portail Jury', () => {
    expect(verifierOperation(jury(210), 'clore', 'gestionnaire')).toEqual({ ok: true, etat: 211 });
  });

  it("chaque opération n'est permise que depuis ses états", () => {
    const attendus: Record<OperationJury, EtatJury[]> = {
      verrouiller: [140],
      ouvrir_controle: [198],
      ouvrir_deliberation: [200],
      clore: [210],
      terminer: [211],
      publier: [214],
      controler_notes_manquantes: [200],
      generer_plan_secours: [200, 210],
      editer_pv: [211],
      editer_listes: [211],
    };
    for (const [operation, etats] of Object.entries(attendus) as [OperationJury, EtatJury[]][]) {
      expect(ETATS_JURY.filter((e) => etatPermet(e, operation))).toEqual(etats);
      const acteur = OPERATIONS_JURY[operation].acteurs[0]!;
      for (const e of ETATS_JURY) expect(verifierOperation(jury(e), operation, acteur).ok).toBe(etats.includes(e));
    }
  });

  it('une seconde ouverture (double clic) est refusée : le jury est déjà à 210', () => {
    const r = verifierOperation(jury(210), 'ouvrir_deliberation', 'chef_etablissement');
    expect(r).toMatchObject({ ok: false, code: 'ETAT' });
  });
});

describe('messages de refus', () => {
  it("nomment le jury, son état et l'état demandé", () => {
    expect(verifierOperation(jury(198), 'ouvrir_deliberation', 'chef_etablissement')).toEqual({
      ok: false,
      code: 'ETAT',
      message:
        "Le jury 31202 est à l'état 198 - 1er groupe verrouillé en académie : l'ouverture de la délibération demande l'état 200 - Recueil des notes de l'épreuve de contrôle.",
    });
    expect(verifierOperation(jury(210), 'terminer', 'chef_etablissement')).toMatchObject({
      message:
        "Le jury 31202 est à l'état 210 - Délibération de l'épreuve de contrôle : la fin de l'épreuve de contrôle demande l'état 211 - Editions après la délibération de l'épreuve de contrôle.",
    });
    expect(verifierOperation(jury(140), 'generer_plan_secours', 'chef_etablissement')).toMatchObject({
      message:
        "Le jury 31202 est à l'état 140 - 1er groupe terminé en centre : le plan de secours demande l'état 200 - Recueil des notes de l'épreuve de contrôle ou 210 - Délibération de l'épreuve de contrôle.",
    });
  });

  it('refusent un acteur qui ne fait pas cette opération', () => {
    expect(verifierOperation(jury(214), 'publier', 'chef_etablissement')).toEqual({
      ok: false,
      code: 'ACTEUR',
      message: 'La publication des résultats revient au gestionnaire DEC.',
    });
    expect(verifierOperation(jury(200), 'ouvrir_deliberation', 'gestionnaire')).toMatchObject({
      code: 'ACTEUR',
      message: "L'ouverture de la délibération revient au chef de centre de délibération.",
    });
    expect(verifierOperation(jury(210), 'clore', 'chef_etablissement')).toMatchObject({
      message: 'La clôture du jury revient au jury ou au gestionnaire DEC.',
    });
  });

  it('refusent de clore un jury dont un candidat est sans résultat', () => {
    expect(verifierOperation(jury(210), 'clore', 'gestionnaire', ['01950022359 - 002'])).toEqual({
      ok: false,
      code: 'SANS_RESULTAT',
      candidats: ['01950022359 - 002'],
      message: 'Le jury 31202 ne peut pas être clos : 1 candidat est sans résultat (01950022359 - 002).',
    });
    expect(verifierOperation(jury(210), 'clore', 'membre_jury', ['01950022359 - 002', '01950022360 - 003'])).toMatchObject({
      message: 'Le jury 31202 ne peut pas être clos : 2 candidats sont sans résultat (01950022359 - 002, 01950022360 - 003).',
    });
  });
});

describe('PV indispensable (décision 0011)', () => {
  it('refuse de terminer un jury clos dont le PV de tenue de délibération n’a pas été édité', () => {
    const j = { numero: '30001', etat: 211 as const };
    const v = verifierOperation(j, 'terminer', 'chef_etablissement', [], false);
    expect(v).toMatchObject({ ok: false, code: 'SANS_PV' });
    expect(!v.ok && v.message).toMatch(/^Le jury 30001 ne peut pas être terminé : son procès-verbal de tenue de délibération n'a pas été édité/);
    expect(verifierOperation(j, 'terminer', 'chef_etablissement', [], true)).toEqual({ ok: true, etat: 214 });
    // The état first: a jury at 210 is refused for its état, not for its PV.
    expect(verifierOperation({ numero: '30001', etat: 210 }, 'terminer', 'chef_etablissement', [], false)).toMatchObject({ ok: false, code: 'ETAT' });
  });
});

describe('vues synthétiques', () => {
  it('comptent les jurys par état, zéros compris', () => {
    const jurys = [{ etat: 200 }, { etat: 200 }, { etat: 210 }, { etat: 214 }] as { etat: EtatJury }[];
    expect([...compterParEtat(jurys, ETATS_VUE_OUVERTURE)]).toEqual([
      [140, 0],
      [198, 0],
      [200, 2],
      [210, 1],
    ]);
    expect([...compterParEtat(jurys, ETATS_VUE_TERMINER)]).toEqual([
      [198, 0],
      [200, 2],
      [210, 1],
      [211, 0],
      [214, 1],
    ]);
  });

  it('les boutons des vues', () => {
    expect(OPERATIONS_JURY.ouvrir_deliberation.action).toBe('Ouvrir délibération épreuve de contrôle');
    expect(OPERATIONS_JURY.terminer.action).toBe('Terminer épreuve de contrôle');
  });
});
