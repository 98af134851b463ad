// Aide (help for the current activity) and Paramètres d'affichage (seed 003 §1.3.1).
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../app/api.ts';
import { signalerErreur } from '../app/console.ts';
import { appliquerPreferences, preferencesCompletes, preferencesCourantes } from '../app/preferences.ts';
import type { ActiviteMenu, Preferences, Session } from '../app/types.ts';
import { modaleAide, modaleParametres } from './modales.ts';

export function ModaleAide({ session, activite }: { session: Session; activite: ActiviteMenu | null }) {
  return (
    <modaleAide.Component title={activite ? `Aide : ${activite.libelle}` : `Aide : accueil du ${session.service.libelle}`} titleAs="h2" iconId="fr-icon-question-line">
      {activite ? (
        <p>{activite.aide}</p>
      ) : (
        <p>
          L’écran d’accueil affiche le message de votre académie. Pour accéder à une activité, cliquez sur son libellé dans le menu à gauche de l’écran. Une
          activité grisée n’est pas encore ouverte par le service gestionnaire de la division des examens et concours.
        </p>
      )}
      <p className="fr-text--sm">
        Les messages d’information et d’erreur s’affichent dans la console, en bas de l’écran, du plus récent au plus ancien. Pour en savoir plus, consultez le{' '}
        <Link to={`/guide/${session.service.code}`} target="_blank" rel="noopener" title="Guide utilisateur — nouvelle fenêtre">
          guide utilisateur
        </Link>
        .
      </p>
    </modaleAide.Component>
  );
}

const CHOIX: Array<{ cle: keyof Preferences; legende: string; options: Array<{ valeur: string; libelle: string }> }> = [
  {
    cle: 'theme',
    legende: 'Thème',
    options: [
      { valeur: 'light', libelle: 'Thème clair' },
      { valeur: 'dark', libelle: 'Thème sombre' },
      { valeur: 'system', libelle: 'Thème du système' },
    ],
  },
  {
    cle: 'contraste',
    legende: 'Contraste',
    options: [
      { valeur: 'normal', libelle: 'Normal' },
      { valeur: 'renforce', libelle: 'Renforcé' },
    ],
  },
  {
    cle: 'taillePolice',
    legende: 'Taille de police',
    options: [
      { valeur: 'normale', libelle: 'Normale' },
      { valeur: 'grande', libelle: 'Grande' },
      { valeur: 'tres-grande', libelle: 'Très grande' },
    ],
  },
  {
    cle: 'interlignage',
    legende: 'Interlignage',
    options: [
      { valeur: 'normal', libelle: 'Normal' },
      { valeur: 'large', libelle: 'Large' },
    ],
  },
  {
    cle: 'justification',
    legende: 'Justification du texte',
    options: [
      { valeur: 'gauche', libelle: 'Alignée à gauche' },
      { valeur: 'justifie', libelle: 'Justifiée' },
    ],
  },
];

/** The display settings; `enregistrer` is false on the login pages (no user yet: this device only). */
export function ModaleParametres({ enregistrer }: { enregistrer: boolean }) {
  const [prefs, setPrefs] = useState<Required<Preferences>>(() => preferencesCourantes());
  const changer = (cle: keyof Preferences, valeur: string) => {
    const p = preferencesCompletes({ ...prefs, [cle]: valeur });
    setPrefs(p);
    appliquerPreferences(p, { memoriser: true });
    if (enregistrer) api.put('/api/preferences', p).catch((e) => signalerErreur(e));
  };
  return (
    <modaleParametres.Component title="Paramètres d’affichage" titleAs="h2" iconId="fr-icon-user-setting-line">
      <p className="fr-text--sm">
        {enregistrer ? 'Vos choix s’appliquent immédiatement et sont conservés pour vos prochaines connexions.' : 'Vos choix s’appliquent immédiatement sur cet appareil.'}
      </p>
      {CHOIX.map((c) => (
        <RadioButtons
          key={c.cle}
          legend={c.legende}
          name={`preference-${c.cle}`}
          orientation="horizontal"
          small
          options={c.options.map((o) => ({
            label: o.libelle,
            nativeInputProps: { value: o.valeur, checked: prefs[c.cle] === o.valeur, onChange: () => changer(c.cle, o.valeur) },
          }))}
        />
      ))}
    </modaleParametres.Component>
  );
}
