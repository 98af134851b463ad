// The « Déplacement » tab (decision 0029): the dialog's form read into a line with messages on its
// fields, and the tab as rendered (prefilled line, invalidable, read-only, server's field errors).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lignePreremplie, tauxVersVue, type TauxDeplacement } from '../../../domain/imagin/frais/deplacement.ts';
import type { LigneDeplacement } from '../../../domain/imagin/frais/types.ts';
import { lireFormulaire, OngletDeplacement, versFormulaire, type OngletDeplacementProps } from './frais-deplacement.tsx';

const rien = () => {};
const TAUX: TauxDeplacement = { kmCentimes: (c) => ({ '5CV': 32, '6-7CV': 41, '8CV': 45, MOTO: 15, CYCLO: 12 })[c], nuiteeCentimes: 9000, repasCentimes: 2000 };
const pre = lignePreremplie({ villeDepart: 'Versailles', lieu: 'Nanterre', debut: '2024-06-12T08:00', fin: '2024-06-14T12:00' });
const complete: LigneDeplacement = { ...pre, puissanceFiscale: 6, km: 25, trajets: 3 };

const rendu = (p: Partial<OngletDeplacementProps>) =>
  renderToStaticMarkup(createElement(OngletDeplacement, { lignes: [], lignePreremplie: pre, onChange: rien, modifiable: true, invalidable: false, ...p }));

describe('formulaire d’une ligne', () => {
  it('une ligne relue telle quelle', () => {
    const f = versFormulaire(complete);
    expect(f).toMatchObject({ dateDepart: '12/06/2024', heureDepart: '08:00', dateRetour: '14/06/2024', heureRetour: '12:00', km: '25', trajets: '3', puissanceFiscale: '6' });
    expect(lireFormulaire(f, 0, 'Versailles')).toEqual({ ligne: complete, erreurs: {} });
  });
  it('les messages vont sur les champs du dialogue', () => {
    const f = { ...versFormulaire(pre), km: '12a', heureRetour: '25:00', fraisDivers: '8,50' };
    const r = lireFormulaire(f, 1, null);
    expect(r.ligne).toBeNull();
    expect(r.erreurs.km).toBe('Déplacement 2, nombre de kilomètres : nombre entier attendu.');
    expect(r.erreurs.heureRetour).toMatch(/n’existe pas/);
    expect(r.erreurs.puissanceFiscale).toBe('Déplacement 2, puissance fiscale : obligatoire pour une automobile (en CV).');
    expect(r.erreurs.commentaire).toMatch(/commentaire : obligatoire quand des frais divers/);
  });
  it('la ville de départ fixée l’emporte ; ce que le mode n’utilise pas est effacé', () => {
    const f = { ...versFormulaire(complete), villeDepart: 'Chartres', mode: 'TRAIN_2EME_CLASSE' as const, billets: '45,60', fraisDivers: '3' };
    const r = lireFormulaire(f, 0, 'Versailles');
    expect(r.ligne).toMatchObject({ villeDepart: 'Versailles', mode: 'TRAIN_2EME_CLASSE', km: null, puissanceFiscale: null, trajets: 1, billetsCentimes: 4560, fraisDiversCentimes: 0 });
  });
  it('mode à choisir', () => {
    expect(lireFormulaire({ ...versFormulaire(complete), mode: '' }, 0, null).erreurs.mode).toBe('Déplacement 1, mode de transport : à choisir dans la liste.');
  });
});

describe('onglet', () => {
  it('propose la ligne de la mission, à compléter, et le bouton d’ajout', () => {
    const html = rendu({});
    expect(html).toContain('Versailles');
    expect(html).toContain('à compléter');
    expect(html).toContain('Ajouter un déplacement');
    expect(html).toContain('Modifier le déplacement 1');
    expect(html).not.toContain('Supprimer le déplacement 1');
    expect(html).toContain('le montant retenu par le gestionnaire prévaut');
  });
  it('lignes saisies : montant estimé par ligne avec les taux, suppression proposée', () => {
    const html = rendu({ lignes: [complete], estimation: { taux: tauxVersVue(TAUX) } });
    expect(html).toContain('25 km, 3 trajets (6 CV)');
    expect(html).toContain('61,50'); // 25 × 2 × 3 × 0,41 €
    expect(html).toContain('Supprimer le déplacement 1');
  });
  it('Invalidable : le dit, sans saisie', () => {
    const html = rendu({ invalidable: true });
    expect(html).toContain('première mission de la journée');
    expect(html).not.toContain('Ajouter un déplacement');
    expect(html).not.toContain('Modifier le déplacement');
  });
  it('lecture seule : ni ajout ni modification, le montant du serveur', () => {
    const html = rendu({ lignes: [complete], modifiable: false, estimation: 6150 });
    expect(html).not.toContain('Ajouter un déplacement');
    expect(html).not.toContain('Modifier le déplacement');
    expect(html).toContain('61,50');
    expect(html).not.toContain('au dernier enregistrement');
    expect(rendu({ lignes: [complete], estimation: 6150 })).toContain('61,50\u00a0€</strong> (au dernier enregistrement)');
  });
  it('les erreurs du serveur s’affichent sous la ligne', () => {
    const html = rendu({ lignes: [complete], erreurs: { 'lignes.0.km': 'Déplacement 1, nombre de kilomètres : obligatoire.' } });
    expect(html).toContain('Déplacement 1, nombre de kilomètres : obligatoire.');
  });
});
