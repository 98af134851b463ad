// The Enquête DCS's rules (seed 004 §2.9): the official units, written vs oral, each step's check
// (French message naming the field), the cleaning of what a choice makes irrelevant, the campaign year.
import { describe, expect, it } from 'vitest';
import { anneeCampagne, controlerEtape, EPREUVES_ECRITES, EPREUVES_ORALES, libelleUe, resumeEtape, UNITES_ENSEIGNEMENT } from './enquete-dcs.ts';

const champs = (r: { ok: boolean; champs?: Record<string, string> }) => (r.ok ? {} : r.champs!);

describe('unités d’enseignement', () => {
  it('DCG UE 1 à 13 et DSCG UE 1 à 7, les oraux étant DCG 13, DSCG 6 et 7', () => {
    expect(UNITES_ENSEIGNEMENT.filter((u) => u.diplome === 'DCG').map((u) => u.numero)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(UNITES_ENSEIGNEMENT.filter((u) => u.diplome === 'DSCG').map((u) => u.numero)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(EPREUVES_ORALES.map((u) => u.code)).toEqual(['DCG-13', 'DSCG-6', 'DSCG-7']);
    expect(EPREUVES_ECRITES).toHaveLength(17);
    expect(libelleUe('DCG-11')).toBe('DCG UE 11 — Contrôle de gestion');
    expect(libelleUe('DSCG-4')).toBe('DSCG UE 4 — Comptabilité et audit');
  });
});

describe('étape 1, Activité', () => {
  it('la situation est obligatoire, puis le champ qu’elle demande', () => {
    expect(champs(controlerEtape('activite', {}, 2027))).toEqual({ situation: 'Situation actuelle : choisissez « En activité », « Retraité(e) » ou « Autre situation ».' });
    expect(champs(controlerEtape('activite', { situation: 'en_activite', fonction: '  ' }, 2027)).fonction).toMatch(/^Fonction exercée : renseignez/);
    expect(champs(controlerEtape('activite', { situation: 'retraite', anneeRetraite: '2030' }, 2027)).anneeRetraite).toBe(
      'Année de départ en retraite : indiquez une année sur 4 chiffres, entre 1970 et 2027.',
    );
    expect(champs(controlerEtape('activite', { situation: 'autre' }, 2027)).precision).toMatch(/^Précisez votre situation/);
  });
  it('nettoie : espaces, champs que la situation rend sans objet', () => {
    const r = controlerEtape('activite', { situation: 'retraite', anneeRetraite: ' 2020 ', fonction: 'Professeur', precision: 'x' }, 2027);
    expect(r).toEqual({ ok: true, valeur: { situation: 'retraite', fonction: '', anneeRetraite: '2020', precision: '' } });
  });
});

describe('étape 2, Etablissements', () => {
  it('au moins un établissement, UAI à clé juste, sans doublon, nom obligatoire ; ou « aucun »', () => {
    expect(champs(controlerEtape('etablissements', { etablissements: [] }, 2027)).etablissements).toMatch(/ajoutez au moins un établissement/);
    const c = champs(controlerEtape('etablissements', { etablissements: [{ uai: '0350710A', libelle: 'A' }, { uai: '035071', libelle: '' }, { uai: '0350710g', libelle: 'B' }, { uai: '0350710G', libelle: 'C' }] }, 2027));
    expect(c['etablissements.0.uai']).toBe("UAI de l'établissement 1 : La clé de l'UAI 0350710A est incorrecte : la lettre attendue est G.");
    expect(c['etablissements.1.uai']).toMatch(/^UAI de l'établissement 2 : L'UAI doit compter 8 caractères/);
    expect(c['etablissements.1.libelle']).toBe("Nom de l'établissement 2 : ce champ est obligatoire.");
    expect(c['etablissements.2.uai']).toBeUndefined();
    expect(c['etablissements.3.uai']).toBe("UAI de l'établissement 4 : l'établissement 0350710G figure déjà dans la liste.");
    expect(controlerEtape('etablissements', { aucun: true, etablissements: [{ uai: 'x' }] }, 2027)).toEqual({ ok: true, valeur: { aucun: true, etablissements: [] } });
    expect(controlerEtape('etablissements', { etablissements: [{ uai: '0350710g', libelle: ' LGT  LA PROMENADE ' }] }, 2027)).toEqual({
      ok: true,
      valeur: { aucun: false, etablissements: [{ uai: '0350710G', libelle: 'LGT LA PROMENADE' }] },
    });
  });
  it('cinq établissements au plus', () => {
    const six = Array.from({ length: 6 }, () => ({ uai: '0350710G', libelle: 'X' }));
    expect(champs(controlerEtape('etablissements', { etablissements: six }, 2027)).etablissements).toBe("Etablissements d'exercice : 5 établissements au plus.");
  });
});

describe('étape 3, Enseignements', () => {
  it('au moins une UE connue, rangées dans l’ordre officiel ; ou « aucune »', () => {
    expect(champs(controlerEtape('enseignements', { ues: [] }, 2027)).ues).toMatch(/^Unités d'enseignement : cochez au moins une UE/);
    expect(champs(controlerEtape('enseignements', { ues: ['DCG-14'] }, 2027)).ues).toBe('Unités d’enseignement : DCG-14 ne fait pas partie des choix proposés.');
    expect(controlerEtape('enseignements', { ues: ['DSCG-1', 'DCG-2', 'DCG-1'] }, 2027)).toEqual({ ok: true, valeur: { aucun: false, ues: ['DCG-1', 'DCG-2', 'DSCG-1'] } });
    expect(controlerEtape('enseignements', { aucun: true, ues: ['DCG-1'] }, 2027)).toEqual({ ok: true, valeur: { aucun: true, ues: [] } });
  });
});

describe('étape 4, VAE', () => {
  it('oui ou non ; oui demande au moins un diplôme', () => {
    expect(champs(controlerEtape('vae', {}, 2027)).disponible).toBe('Disponibilité comme examinateur VAE : répondez « Oui » ou « Non ».');
    expect(champs(controlerEtape('vae', { disponible: 'oui', diplomes: [] }, 2027)).diplomes).toBe('Diplômes : cochez le DCG, le DSCG ou les deux.');
    expect(champs(controlerEtape('vae', { disponible: 'oui', diplomes: ['DEC'] }, 2027)).diplomes).toBe('Diplômes : seuls le DCG et le DSCG sont proposés.');
    expect(controlerEtape('vae', { disponible: 'non', diplomes: ['DCG'] }, 2027)).toEqual({ ok: true, valeur: { disponible: 'non', diplomes: [] } });
  });
});

describe('étapes 5 et 6, épreuves écrites et orales', () => {
  it('les écrites n’acceptent que des épreuves écrites, les orales que des orales', () => {
    expect(champs(controlerEtape('epreuves-ecrites', { souhaite: 'oui', ues: ['DCG-13'] }, 2027)).ues).toBe('Epreuves écrites : DCG-13 ne fait pas partie des choix proposés.');
    expect(champs(controlerEtape('epreuves-orales', { souhaite: 'oui', ues: ['DCG-1'] }, 2027)).ues).toBe('Epreuves orales : DCG-1 ne fait pas partie des choix proposés.');
    expect(champs(controlerEtape('epreuves-orales', { souhaite: 'oui', ues: [] }, 2027)).ues).toBe('Epreuves orales : cochez au moins une épreuve.');
    expect(champs(controlerEtape('epreuves-ecrites', {}, 2027)).souhaite).toBe('Souhaitez-vous corriger des épreuves écrites : répondez « Oui » ou « Non ».');
    expect(controlerEtape('epreuves-orales', { souhaite: 'oui', ues: ['DSCG-7', 'DCG-13'] }, 2027)).toEqual({ ok: true, valeur: { souhaite: 'oui', ues: ['DCG-13', 'DSCG-7'] } });
  });
});

describe('résumés et campagne', () => {
  it('résumés lisibles pour le gestionnaire et l’export', () => {
    expect(resumeEtape('activite', { situation: 'retraite', fonction: '', anneeRetraite: '2020', precision: '' })).toBe('Retraité(e) — depuis 2020');
    expect(resumeEtape('epreuves-orales', { souhaite: 'oui', ues: ['DCG-13', 'DSCG-6'] })).toBe('Oui : DCG UE 13, DSCG UE 6');
    expect(resumeEtape('vae', null)).toBe('');
  });
  it('dès septembre (heure de Paris), la campagne est celle de la session suivante', () => {
    expect(anneeCampagne(new Date('2026-08-31T21:59:00Z'))).toBe(2026);
    expect(anneeCampagne(new Date('2026-08-31T22:00:00Z'))).toBe(2027);
    expect(anneeCampagne(new Date('2026-12-06T12:00:00Z'))).toBe(2027);
  });
});
