// « Informations personnelles » (intervenant, seed 004 §2.5): the postal address, the telephones and the
// e-mail addresses, editable with a message on each wrong field (the server's checks, run here first);
// « Enregistrer » sends them with the version shown, a change made elsewhere meanwhile is said and
// nothing typed is lost. The bank details are shown masked, read-only, with the sentence of the seed.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CHAMPS_COORDONNEES, erreursCoordonnees, type ChampCoordonnees } from '../../../domain/referentiel/coordonnees.ts';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useBrouillon } from '../../app/brouillons.ts';
import { consoleMessages } from '../../app/console.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Chargement } from '../../shell/Pages.tsx';

const URL = '/api/intervenant/informations';
const CLE = ['intervenant', 'informations'] as const;

type Valeurs = Record<ChampCoordonnees, string> & { version: string };

interface Informations extends Valeurs {
  civilite: string;
  nom: string;
  prenom: string;
  derniereModification: { le: string; par: string } | null;
  banque: { iban: string | null; bic: string | null; message: string };
}

function valeurs(i: Informations): Valeurs {
  return {
    version: i.version,
    adresse: i.adresse,
    codePostal: i.codePostal,
    commune: i.commune,
    telPro: i.telPro,
    telPerso: i.telPerso,
    emailPro: i.emailPro,
    emailPerso: i.emailPerso,
  };
}

interface Presentation {
  indice: string;
  type?: 'tel' | 'email' | 'text';
  inputMode?: 'tel' | 'email' | 'numeric' | 'text';
  autoComplete: string;
  max: number;
  obligatoire?: boolean;
}

const TELEPHONE = '10 chiffres, par exemple 06 12 34 56 78, ou +33 6 12 34 56 78 ; facultatif.';
const PRESENTATION: Record<ChampCoordonnees, Presentation> = {
  adresse: { indice: 'Numéro et voie, sur une ligne, par exemple 12 rue des Lilas.', autoComplete: 'street-address', max: 200, obligatoire: true },
  codePostal: { indice: '5 chiffres, par exemple 35000 (en Corse : 20000, 20200…).', inputMode: 'numeric', autoComplete: 'postal-code', max: 6, obligatoire: true },
  commune: { indice: 'En lettres, par exemple SAINT-MALO.', autoComplete: 'address-level2', max: 80, obligatoire: true },
  telPro: { indice: TELEPHONE, type: 'tel', inputMode: 'tel', autoComplete: 'work tel', max: 30 },
  telPerso: { indice: TELEPHONE, type: 'tel', inputMode: 'tel', autoComplete: 'home tel', max: 30 },
  emailPro: { indice: 'Par exemple prenom.nom@ac-academie.fr ; facultatif.', type: 'email', inputMode: 'email', autoComplete: 'work email', max: 254 },
  emailPerso: { indice: 'Par exemple prenom.nom@exemple.fr ; facultatif.', type: 'email', inputMode: 'email', autoComplete: 'home email', max: 254 },
};

const GROUPES: Array<{ id: string; legende: string; aide?: string; champs: Array<{ champ: ChampCoordonnees; colonnes: string }> }> = [
  {
    id: 'adresse-postale',
    legende: 'Adresse postale',
    champs: [
      { champ: 'adresse', colonnes: 'fr-col-12' },
      { champ: 'codePostal', colonnes: 'fr-col-12 fr-col-md-4' },
      { champ: 'commune', colonnes: 'fr-col-12 fr-col-md-8' },
    ],
  },
  {
    id: 'telephones',
    legende: 'Téléphones',
    champs: [
      { champ: 'telPro', colonnes: 'fr-col-12 fr-col-md-6' },
      { champ: 'telPerso', colonnes: 'fr-col-12 fr-col-md-6' },
    ],
  },
  {
    id: 'mels',
    legende: 'Méls',
    aide: 'Les convocations envoyées par courriel partent vers votre mél professionnel, ou à défaut vers votre mél personnel.',
    champs: [
      { champ: 'emailPro', colonnes: 'fr-col-12 fr-col-md-6' },
      { champ: 'emailPerso', colonnes: 'fr-col-12 fr-col-md-6' },
    ],
  },
];

function Formulaire({ i }: { i: Informations }) {
  const client = useQueryClient();
  const b = useBrouillon<Valeurs>('informations-personnelles', 'Informations personnelles', valeurs(i));
  useEffect(() => {
    if (b.restaure) consoleMessages.info('Votre saisie non enregistrée de vos informations personnelles a été restaurée : vérifiez-la puis enregistrez-la.');
    // Only once, when the form opens with a restored draft.
  }, []);

  // A change made elsewhere since the page was shown (409): said above the form, the input kept.
  const [perime, setPerime] = useState<string | null>(null);
  const alertePerime = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (perime) alertePerime.current?.focus();
  }, [perime]);
  const enregistrer = useAction(
    async (v: Valeurs) => {
      setPerime(null);
      try {
        const r = await api.put<Informations & { message: string }>(URL, v);
        b.enregistre(valeurs(r));
        client.setQueryData(CLE, r);
        return r;
      } catch (e) {
        if (e instanceof ErreurApi && e.status === 409) setPerime(e.message);
        throw e;
      }
    },
    { succes: (r) => r.message },
  );
  const erreurs = enregistrer.erreursChamps as Partial<Record<ChampCoordonnees, string>>;

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const fautes = erreursCoordonnees(b.valeur);
    if (Object.keys(fautes).length) {
      enregistrer.signalerChamps(fautes as Record<string, string>);
      document.getElementById(`info-${Object.keys(fautes)[0]}`)?.focus();
      return;
    }
    void enregistrer.executer(b.valeur);
  };

  const recharger = useAction(
    async () => {
      const r = await client.fetchQuery({ queryKey: CLE, queryFn: () => api.get<Informations>(URL), staleTime: 0 });
      b.enregistre(valeurs(r));
      enregistrer.effacerErreurs();
      setPerime(null);
      document.getElementById('info-adresse')?.focus();
      return r;
    },
    { succes: () => 'Les valeurs enregistrées sont affichées : refaites vos modifications, puis enregistrez.' },
  );

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby="titre-coordonnees" className="fr-mb-4w">
      <h2 className="fr-h5" id="titre-coordonnees">
        {i.civilite} {i.prenom} {i.nom}
      </h2>
      {i.derniereModification ? (
        <p className="fr-text--sm" id="derniere-modification">
          Dernière modification le {formaterDateHeure(i.derniereModification.le)} par {i.derniereModification.par}.
        </p>
      ) : null}
      {b.restaure && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>Ces valeurs sont votre saisie non enregistrée, conservée lors de la fin de votre session précédente. Enregistrez-la ou annulez-la.</p>
        </div>
      )}
      {perime && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="informations-perimees" tabIndex={-1} ref={alertePerime}>
          <p>{perime}</p>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" disabled={recharger.enCours} onClick={() => void recharger.executer()}>
            Afficher les valeurs enregistrées (votre saisie sera abandonnée)
          </button>
        </div>
      )}
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      {GROUPES.map((g) => (
        <fieldset className="fr-fieldset" key={g.id} aria-labelledby={`legende-${g.id}`}>
          <legend className="fr-fieldset__legend" id={`legende-${g.id}`}>
            {g.legende}
            {g.aide && <span className="fr-hint-text">{g.aide}</span>}
          </legend>
          <div className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              {g.champs.map(({ champ, colonnes }) => {
                const pr = PRESENTATION[champ];
                return (
                  <div className={colonnes} key={champ}>
                    <Input
                      label={`${CHAMPS_COORDONNEES[champ].libelle}${pr.obligatoire ? ' *' : ''}`}
                      hintText={pr.indice}
                      state={erreurs[champ] ? 'error' : 'default'}
                      stateRelatedMessage={erreurs[champ]}
                      nativeInputProps={{
                        id: `info-${champ}`,
                        name: champ,
                        type: pr.type ?? 'text',
                        inputMode: pr.inputMode,
                        autoComplete: pr.autoComplete,
                        maxLength: pr.max,
                        required: pr.obligatoire,
                        'aria-invalid': erreurs[champ] ? true : undefined,
                        value: b.valeur[champ],
                        onChange: (e) => {
                          const v = e.target.value;
                          b.modifier((p) => ({ ...p, [champ]: v }));
                          enregistrer.effacerChamp(champ);
                        },
                      }}
                    />
                  </div>
                );
              })}
            </div>
          </div>
        </fieldset>
      ))}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={enregistrer.enCours} aria-busy={enregistrer.enCours || undefined}>
            Enregistrer
          </button>
        </li>
        {b.modifie && (
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary"
              onClick={() => {
                b.annuler();
                enregistrer.effacerErreurs();
              }}
            >
              Annuler les modifications
            </button>
          </li>
        )}
      </ul>
    </form>
  );
}

function CoordonneesBancaires({ banque }: { banque: Informations['banque'] }) {
  return (
    <section aria-labelledby="titre-banque" id="coordonnees-bancaires">
      <h2 className="fr-h5" id="titre-banque">
        Coordonnées bancaires
      </h2>
      {banque.iban || banque.bic ? (
        <>
          <p className="fr-mb-1w">
            <strong>IBAN</strong> : <span id="banque-iban">{banque.iban ?? 'non renseigné'}</span>
          </p>
          <p className="fr-mb-1w">
            <strong>BIC</strong> : <span id="banque-bic">{banque.bic ?? 'non renseigné'}</span>
          </p>
        </>
      ) : (
        <p>Aucune coordonnée bancaire n’est enregistrée pour vous.</p>
      )}
      <p className="fr-text--sm">Seuls les derniers caractères sont affichés ; ces informations ne sont pas modifiables ici.</p>
      <div className="fr-callout fr-py-2w">
        <p className="fr-callout__text fr-text--md" id="message-banque">
          {banque.message}
        </p>
      </div>
    </section>
  );
}

export default function InformationsPersonnelles() {
  const q = useQuery({ queryKey: CLE, queryFn: () => api.get<Informations>(URL) });
  return (
    <>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error instanceof ErreurApi ? q.error.message : 'Vos informations personnelles n’ont pas pu être lues.'}</p>
        </div>
      )}
      {q.data && (
        <>
          <Formulaire i={q.data} />
          <CoordonneesBancaires banque={q.data.banque} />
        </>
      )}
    </>
  );
}
