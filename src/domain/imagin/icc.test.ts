import { describe, expect, it } from 'vitest';
import {
  depassement,
  dixiemes,
  euros,
  lireJournees,
  lireMontant,
  lirePourcentage,
  montantGlobal,
  montantPourcentage,
  periodesIcc,
  suiviTraitement,
  TAUX_PAR_DEFAUT,
  tauxEnVigueur,
  totaux,
  TRANCHES,
  typeIcc,
} from './icc.ts';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('sessions concernées', () => {
  it('BAC (43A, 47A, 400, 430, 470) et BTS (320), pas de remplacement pour le BTS', () => {
    expect(['43A', '47A', '400', '430', '470'].map(typeIcc)).toEqual(['BAC', 'BAC', 'BAC', 'BAC', 'BAC']);
    expect(typeIcc('320')).toBe('BTS');
    expect(typeIcc('450')).toBeNull();
    expect(periodesIcc('BAC')).toEqual(['normale', 'remplacement']);
    expect(periodesIcc('BTS')).toEqual(['normale']);
  });
});

describe('montant global', () => {
  it("l'exemple du seed : 6 journées ≤ 600 et 1 journée > 600 font 1 268,00 €", () => {
    const t = tauxEnVigueur(TAUX_PAR_DEFAUT, 'BAC', '2022-06-15');
    expect(t.slice(0, 2)).toEqual([17_300, 23_000]);
    const m = montantGlobal([60, 10, 0], t);
    expect(m).toBe(126_800);
    expect(nbsp(euros(m))).toBe('1 268,00 €');
  });
  it('BTS : 50, 80 et 150 € par journée selon la tranche', () => {
    const t = tauxEnVigueur(TAUX_PAR_DEFAUT, 'BTS', '2023-06-01');
    expect(t).toEqual([5_000, 8_000, 15_000]);
    expect(montantGlobal([20, 15, 5], t)).toBe(10_000 + 12_000 + 7_500);
  });
  it('journées au dixième, arrondi au centime', () => {
    expect(montantGlobal([5, 0, 0], [17_300, 23_000, 17_300])).toBe(8_650);
    expect(montantGlobal([1, 0, 0], [333, 0, 0])).toBe(33);
  });
  it('taux datés : le plus récent qui ne suit pas la date', () => {
    const taux = [...TAUX_PAR_DEFAUT, { type: 'BAC' as const, tranche: 1 as const, depuis: '2030-01-01', centimes: 20_000 }];
    expect(tauxEnVigueur(taux, 'BAC', '2029-12-31')[0]).toBe(17_300);
    expect(tauxEnVigueur(taux, 'BAC', '2030-06-01')[0]).toBe(20_000);
  });
});

describe('répartition', () => {
  it('5,5 % de 1 268,00 € = 69,74 € ; totaux réparti et restant du seed', () => {
    expect(montantPourcentage(126_800, 55)).toBe(6_974);
    const lignes = [
      { pourcentageDixiemes: 55, centimes: 6_974 },
      { pourcentageDixiemes: null, centimes: 25_000 },
      { pourcentageDixiemes: 55, centimes: 6_974 },
    ];
    const t = totaux(126_800, lignes);
    expect(nbsp(euros(t.reparti))).toBe('389,48 €');
    expect(nbsp(euros(t.restant))).toBe('878,52 €');
    expect(depassement(126_800, lignes)).toBeNull();
  });
  it('arrondi au demi-centime supérieur', () => {
    expect(montantPourcentage(1_050, 10)).toBe(11); // 1 % de 10,50 € = 10,5 centimes → 0,11 €
    expect(montantPourcentage(1_049, 10)).toBe(10); // 10,49 centimes → 0,10 €
  });
  it('un total réparti au-dessus du montant global est refusé avec un message clair', () => {
    const m = depassement(126_800, [{ pourcentageDixiemes: 1000, centimes: 126_800 }, { pourcentageDixiemes: null, centimes: 1 }]);
    expect(m && nbsp(m)).toBe('Le total réparti (1 268,01 €) dépasse le montant global calculé (1 268,00 €) de 0,01 € : réduisez la répartition.');
  });
});

describe('formats', () => {
  it('journées xx,x < 100 et supplémentaires x,x ≤ 3', () => {
    const [t1, , sup] = TRANCHES.BAC;
    expect(lireJournees('6', t1)).toEqual({ ok: true, valeur: 60 });
    expect(lireJournees('6,5', t1)).toEqual({ ok: true, valeur: 65 });
    expect(lireJournees('', t1)).toEqual({ ok: true, valeur: 0 });
    expect(lireJournees('99,9', t1)).toEqual({ ok: true, valeur: 999 });
    expect(lireJournees('100', t1).ok).toBe(false);
    expect(lireJournees('6,55', t1).ok).toBe(false);
    const lettres = lireJournees('six', t1);
    expect(lettres.ok === false && lettres.message).toContain('De 1 à 600 candidats');
    expect(lireJournees('3', sup)).toEqual({ ok: true, valeur: 30 });
    const trop = lireJournees('3,1', sup);
    expect(trop.ok === false && trop.message).toContain('inférieure ou égale à 3');
  });
  it('pourcentage x,x ≤ 100 et montant x,xx > 0', () => {
    expect(lirePourcentage('5,5')).toEqual({ ok: true, valeur: 55 });
    expect(lirePourcentage('100')).toEqual({ ok: true, valeur: 1000 });
    expect(lirePourcentage('100,1').ok).toBe(false);
    expect(lirePourcentage('0').ok).toBe(false);
    expect(lireMontant('250')).toEqual({ ok: true, valeur: 25_000 });
    expect(lireMontant('69,74')).toEqual({ ok: true, valeur: 6_974 });
    expect(lireMontant('1,234').ok).toBe(false);
    expect(lireMontant('0,00').ok).toBe(false);
    expect(lireMontant('abc').ok).toBe(false);
  });
  it('affichage', () => {
    expect(dixiemes(60)).toBe('6,0');
    expect(nbsp(euros(0))).toBe('0,00 €');
    expect(nbsp(euros(123_456_789))).toBe('1 234 567,89 €');
  });
});

describe('suivi de traitement', () => {
  it('rien avant transmission ; Initialisé ; Rejeté dès une ligne rejetée ; Validé ; Accepté quand tout est payé', () => {
    expect(suiviTraitement('non_transmis', ['valide'])).toBeNull();
    expect(suiviTraitement('transmis', [])).toBe('initialise');
    expect(suiviTraitement('transmis', ['a_traiter', 'valide'])).toBe('initialise');
    expect(suiviTraitement('transmis', ['rejete', 'valide'])).toBe('rejete');
    expect(suiviTraitement('transmis', ['valide', 'paye'])).toBe('valide');
    expect(suiviTraitement('transmis', ['paye', 'paye'])).toBe('accepte');
  });
});
