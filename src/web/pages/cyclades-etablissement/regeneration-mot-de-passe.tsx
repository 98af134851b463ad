// « Régénérer le mot de passe d'un compte d'un élève » (seed 002 §2): « Titre édition », the tab
// « Paramètres » (« Régénération en masse » › « Supprimer limitation à un élève ») and the tab
// « Critères de sélection » (the pupils matching the criteria, with their login or « Pas de compte »,
// one selectable at a time unless the limitation is removed), « Générer » then « Afficher le compte
// rendu » with the papillon, and « Liste des documents générés » of the earlier regenerations.
import { Accordion } from '@codegouvfr/react-dsfr/Accordion.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LIBELLE_ETAT } from '../../../domain/cyclades/comptes.ts';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { Liste, useFiltres, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { AvecServiceGestion, BASE_CYCLADES, etatLecture, DocumentsGeneres, pluriel, SuiviLancement, type Eleve, type Lancement, type ListeEleves } from './commun.tsx';

type Onglet = 'parametres' | 'criteres';

interface Criteres extends Record<string, string> {
  q: string;
  division: string;
  serie: string;
  qualification: string;
  etat: string;
  compte: string;
}

const CRITERES_VIDES: Criteres = { q: '', division: '', serie: '', qualification: '', etat: '', compte: '' };

const ETATS = Object.entries(LIBELLE_ETAT).map(([valeur, libelle]) => ({ valeur, libelle }));
const COMPTES = [
  { valeur: 'avec', libelle: 'Avec un compte « prenom.nom »' },
  { valeur: 'sans', libelle: 'Sans compte' },
  { valeur: 'email', libelle: 'Avec un compte « email »' },
];

const TRI: Tri = { colonne: 'nom', sens: 'asc' };

/** Which tab holds each field the server may name in its answer. */
const ONGLET_DU_CHAMP: Record<string, Onglet> = { supprimerLimitation: 'parametres', candidatIds: 'criteres' };

export const MESSAGE_AUCUN_ELEVE = 'Sélectionnez au moins un élève dans l’onglet « Critères de sélection ».';

const nomComplet = (e: Eleve) => `${e.nom} ${e.prenom}`;

function ChoixCritere({ id, label, valeur, options, surChangement }: { id: string; label: string; valeur: string; options: Array<{ valeur: string; libelle: string }>; surChangement: (v: string) => void }) {
  return (
    <Select label={label} nativeSelectProps={{ id, name: id, value: valeur, onChange: (e) => surChangement(e.target.value) }}>
      <option value="">Tous</option>
      {options.map((o) => (
        <option key={o.valeur} value={o.valeur}>
          {o.libelle}
        </option>
      ))}
    </Select>
  );
}

const enOptions = (l: readonly string[] | undefined) => (l ?? []).map((x) => ({ valeur: x, libelle: x }));

function Regeneration() {
  const [titre, setTitre] = useState('');
  const [onglet, setOnglet] = useState<Onglet>('parametres');
  const [supprimerLimitation, setSupprimerLimitation] = useState(false);
  const [massePliee, setMassePliee] = useState(false);
  const [selection, setSelection] = useState<number[]>([]);
  const [lancement, setLancement] = useState<Lancement | null>(null);
  const f = useFiltres<Criteres>('criteres-eleves', CRITERES_VIDES);

  const qs = new URLSearchParams(Object.entries(f.appliques).filter(([, v]) => v)).toString();
  // The choices of the criteria come from the unfiltered answer (the whole établissement).
  const tous = useQuery(lecture<ListeEleves>(LECTURES.cycladesEleves));
  const filtres = useQuery({ queryKey: ['cyclades', 'eleves', qs], queryFn: () => api.get<ListeEleves>(`${BASE_CYCLADES}/eleves?${qs}`), enabled: !!qs });
  const q = qs ? filtres : tous;
  const choix = tous.data;

  const generer = useAction(
    async (corps: { titre: string; supprimerLimitation: boolean; candidatIds: number[] }) => {
      const r = await api.post<Lancement>(`${BASE_CYCLADES}/comptes/regenerer`, corps);
      setLancement(r);
      return r;
    },
    { succes: (r) => r.message },
  );
  const err = generer.erreursChamps;
  // A message of the server that names no field is shown beside « Générer ».
  const erreurGenerale = generer.erreur && !Object.keys(err).length ? generer.erreur : null;

  const choisir = (e: Eleve, coche: boolean) => {
    generer.effacerErreurs();
    setSelection((s) => (coche ? (supprimerLimitation ? [...s.filter((x) => x !== e.candidatId), e.candidatId] : [e.candidatId]) : s.filter((x) => x !== e.candidatId)));
  };

  const colonnes = useMemo<Colonne<Eleve>[]>(
    () => [
      {
        id: 'choix',
        libelle: 'Sélection',
        valeur: (e) => (selection.includes(e.candidatId) ? 'Sélectionné' : ''),
        exportable: false,
        rendu: (e) => (
          <input
            type={supprimerLimitation ? 'checkbox' : 'radio'}
            className="selection-eleve"
            name="eleve"
            id={`eleve-${e.candidatId}`}
            aria-label={`Sélectionner ${nomComplet(e)}`}
            checked={selection.includes(e.candidatId)}
            onChange={(ev) => choisir(e, ev.target.checked)}
          />
        ),
      },
      { id: 'numero', libelle: 'N° candidat', valeur: (e) => e.numeroCandidat },
      { id: 'nom', libelle: 'Nom', valeur: (e) => nomComplet(e), poids: 2 },
      {
        id: 'login',
        libelle: 'Identifiant de connexion',
        valeur: (e) => e.login ?? 'Pas de compte',
        poids: 2,
        rendu: (e) =>
          e.login ? (
            <>
              {e.login}
              {e.typeLogin === 'email' && (
                <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w" title="Compte créé par l’élève avec son adresse électronique : son mot de passe ne peut pas être régénéré.">
                  email
                </span>
              )}
            </>
          ) : (
            <em>Pas de compte</em>
          ),
      },
      { id: 'division', libelle: 'Division de classe', valeur: (e) => e.division },
      { id: 'serie', libelle: 'Série', valeur: (e) => e.serieLibelle, poids: 1.5 },
      { id: 'qualification', libelle: 'Qualification présentée', valeur: (e) => e.qualification, poids: 1.5 },
      { id: 'etat', libelle: 'État', valeur: (e) => e.etat },
    ],
    // choisir only reads the two values below.
    [selection, supprimerLimitation],
  );

  // One request at a time, even for a double click faster than the re-render that disables « Générer ».
  const enVol = useRef(false);
  const lancer = () => {
    if (enVol.current) return;
    const erreurs: Record<string, string> = {};
    if (!titre.trim()) erreurs.titre = 'Titre édition : saisissez un titre.';
    if (selection.length === 0) erreurs.candidatIds = MESSAGE_AUCUN_ELEVE;
    if (Object.keys(erreurs).length) {
      generer.signalerChamps(erreurs);
      if (erreurs.titre) document.getElementById('titre-edition')?.focus();
      return;
    }
    enVol.current = true;
    void generer.executer({ titre: titre.trim(), supprimerLimitation, candidatIds: selection }).finally(() => {
      enVol.current = false;
    });
  };
  // A field's message (the server's or ours) in the other tab: that tab opens so the message is seen.
  const ongletErreur = Object.keys(err).map((c) => ONGLET_DU_CHAMP[c]).find(Boolean);
  useEffect(() => {
    if (ongletErreur) setOnglet(ongletErreur);
  }, [err, ongletErreur]);

  const selectionnes = selection.length;
  return (
    <>
      <Input
        label="Titre édition"
        hintText="Le titre du papillon édité et de son compte rendu, par exemple « Papillon perdu — 3B »."
        state={err.titre ? 'error' : 'default'}
        stateRelatedMessage={err.titre}
        nativeInputProps={{ id: 'titre-edition', name: 'titre', value: titre, maxLength: 200, autoComplete: 'off', onChange: (e) => setTitre(e.target.value) }}
      />
      <Tabs
        label="Régénération des mots de passe"
        selectedTabId={onglet}
        onTabChange={(t) => setOnglet(t as Onglet)}
        tabs={[
          { tabId: 'parametres', label: 'Paramètres' },
          { tabId: 'criteres', label: `Critères de sélection${selectionnes ? ` (${selectionnes})` : ''}` },
        ]}
      >
        {onglet === 'parametres' ? (
          <Accordion label="Régénération en masse" titleAs="h2" expanded={!massePliee} onExpandedChange={(ouvert) => setMassePliee(!ouvert)}>
            <div className={`fr-checkbox-group ${err.supprimerLimitation ? 'fr-checkbox-group--error' : ''}`}>
              <input
                type="checkbox"
                id="supprimer-limitation"
                name="supprimerLimitation"
                checked={supprimerLimitation}
                aria-describedby={err.supprimerLimitation ? 'supprimer-limitation-erreur' : undefined}
                onChange={(e) => {
                  setSupprimerLimitation(e.target.checked);
                  // Back to one pupil at a time: only the first one chosen stays selected.
                  if (!e.target.checked) setSelection((s) => s.slice(0, 1));
                  generer.effacerErreurs();
                }}
              />
              <label className="fr-label" htmlFor="supprimer-limitation">
                Supprimer limitation à un élève
                <span className="fr-hint-text">
                  Cochée, elle permet de régénérer les mots de passe de plusieurs élèves choisis dans l’onglet « Critères de sélection ». Les élèves dont le compte a un login de type
                  « email » sont alors écartés et cités dans le compte rendu.
                </span>
              </label>
              {err.supprimerLimitation && (
                <p className="fr-message fr-message--error" id="supprimer-limitation-erreur">
                  {err.supprimerLimitation}
                </p>
              )}
            </div>
          </Accordion>
        ) : (
          <>
            <p className="fr-text--sm">
              {supprimerLimitation
                ? 'Cochez les élèves dont le mot de passe doit être régénéré.'
                : 'Choisissez l’élève dont le mot de passe doit être régénéré (un seul élève : pour en choisir plusieurs, cochez « Supprimer limitation à un élève » dans l’onglet Paramètres).'}{' '}
              Un élève sans compte en reçoit un. Le mot de passe d’un compte créé par l’élève avec son adresse électronique (login de type « email ») ne peut pas être régénéré.
            </p>
            <Liste
              id="eleves-regeneration"
              titre="Liste des élèves"
              lignes={q.data?.lignes}
              colonnes={colonnes}
              cle={(e) => e.candidatureId}
              triParDefaut={TRI}
              {...etatLecture(q)}
              messageVide={f.actifs ? 'Aucun élève ne correspond à ces critères.' : 'Aucun élève n’est candidat à une session en cours.'}
              exports={false}
              hauteurMax="28rem"
              filtres={{
                ...f.proprietes,
                legende: 'Critères de sélection des élèves',
                libelleFiltrer: 'Rechercher',
                contenu: (
                  <>
                    <Input
                      label="Candidat"
                      hintText="Nom, prénom ou numéro de candidat"
                      nativeInputProps={{ id: 'critere-q', name: 'q', value: f.saisie.q, autoComplete: 'off', onChange: (e) => f.modifier('q', e.target.value) }}
                    />
                    <ChoixCritere id="critere-division" label="Division de classe" valeur={f.saisie.division} options={enOptions(choix?.divisions)} surChangement={(v) => f.modifier('division', v)} />
                    <ChoixCritere id="critere-serie" label="Série" valeur={f.saisie.serie} options={enOptions(choix?.series)} surChangement={(v) => f.modifier('serie', v)} />
                    <ChoixCritere
                      id="critere-qualification"
                      label="Qualification présentée"
                      valeur={f.saisie.qualification}
                      options={enOptions(choix?.qualifications)}
                      surChangement={(v) => f.modifier('qualification', v)}
                    />
                    <ChoixCritere id="critere-etat" label="État de la candidature" valeur={f.saisie.etat} options={ETATS} surChangement={(v) => f.modifier('etat', v)} />
                    <ChoixCritere id="critere-compte" label="Compte CYCLADES" valeur={f.saisie.compte} options={COMPTES} surChangement={(v) => f.modifier('compte', v)} />
                  </>
                ),
              }}
              actions={(affichees) => (
                <div role="group" aria-labelledby="titre-selection">
                  <p className="fr-text--sm fr-mb-1w" id="titre-selection">
                    {selectionnes ? `${pluriel(selectionnes, 'élève sélectionné', 'élèves sélectionnés')}.` : 'Aucun élève sélectionné.'}
                  </p>
                  <ul className="fr-btns-group fr-btns-group--inline-sm">
                    {supprimerLimitation && (
                      <li>
                        <button
                          type="button"
                          className="fr-btn fr-btn--secondary fr-btn--sm"
                          onClick={() => setSelection((s) => [...new Set([...s, ...affichees.map((e) => e.candidatId)])])}
                          disabled={affichees.length === 0}
                        >
                          Sélectionner les élèves affichés
                        </button>
                      </li>
                    )}
                    <li>
                      <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={() => setSelection([])} disabled={selectionnes === 0}>
                        Tout désélectionner
                      </button>
                    </li>
                  </ul>
                </div>
              )}
            />
            {err.candidatIds && (
              <p className="fr-message fr-message--error fr-mt-1w" id="selection-erreur">
                {err.candidatIds}
              </p>
            )}
          </>
        )}
      </Tabs>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li>
          <button type="button" className="fr-btn" onClick={lancer} disabled={generer.enCours}>
            Générer
          </button>
        </li>
      </ul>
      <p className="fr-text--sm">Les papillons édités auparavant pour les élèves choisis ne permettront plus de se connecter : remettez-leur le nouveau papillon.</p>
      {erreurGenerale && (
        <div className="fr-alert fr-alert--error fr-alert--sm" id="erreur-regeneration">
          <p>{erreurGenerale}</p>
        </div>
      )}
      {lancement && <SuiviLancement lancement={lancement} />}
      <h2 className="fr-h5 fr-mt-4w">Accéder aux codes déjà générés</h2>
      <DocumentsGeneres type="regeneration" />
      <style>{'.selection-eleve { width: 1.25rem; height: 1.25rem; margin: 0.25rem; accent-color: var(--background-active-blue-france); cursor: pointer; }'}</style>
    </>
  );
}

export default function RegenerationMotDePasse() {
  return <AvecServiceGestion>{() => <Regeneration />}</AvecServiceGestion>;
}
