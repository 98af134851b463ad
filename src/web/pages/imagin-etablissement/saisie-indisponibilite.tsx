// Saisie d'indisponibilité (seed 003 §3.2): the personnels of the établissement, then a person's
// indisponibilités (the most recent first); « Ajouter une indisponibilité » at the last minute, and
// « ✗ » to delete one the établissement declared itself.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { ChampDate, ChampHeure } from '../../forms/ChampDate.tsx';
import { formaterDate, isoVersFr } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { colonnesIndisponibilites, type Indisponibilite } from './commun.tsx';

const BASE = '/api/etablissement/indisponibilites/personnels';

interface Personnel {
  id: number;
  civilite: string;
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  disciplinePoste: string | null;
}

interface Fiche {
  personne: Personnel;
  total: number;
  lignes: Indisponibilite[];
}

const colonnes: Colonne<Personnel>[] = [
  { id: 'nom', libelle: 'Nom', valeur: (p) => p.nom },
  { id: 'prenom', libelle: 'Prénom', valeur: (p) => p.prenom },
  { id: 'naissance', libelle: 'Date de naissance', valeur: (p) => p.dateNaissance, type: 'date' },
  { id: 'discipline', libelle: 'Discipline de poste', valeur: (p) => p.disciplinePoste, poids: 2 },
];

function ListePersonnels() {
  const a = useActivite();
  const q = useQuery({ queryKey: ['etablissement', 'indisponibilites'], queryFn: () => api.get<{ lignes: Personnel[] }>(BASE) });
  return (
    <Liste
      id="personnels"
      titre="Liste des personnels"
      lignes={q.data?.lignes}
      colonnes={colonnes}
      cle={(p) => p.id}
      triParDefaut={{ colonne: 'nom', sens: 'asc' }}
      lien={(p) => `${a.base}/${p.id}`}
      libelleLien={(p) => `${p.nom} ${p.prenom}`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucun personnel n’est rattaché à votre établissement."
    />
  );
}

interface Saisie {
  dateDebut: string;
  heureDebut: string;
  dateFin: string;
  heureFin: string;
  motif: string;
}

const VIDE: Saisie = { dateDebut: '', heureDebut: '', dateFin: '', heureFin: '', motif: '' };

/** The server refuses a longer motif (400 on the field): said on the field, counted as it is typed. */
const MOTIF_MAX = 200;
const messageMotifLong = (n: number) => `Le motif ne doit pas dépasser ${MOTIF_MAX} caractères (${n} saisis).`;

function FormulaireAjout({ id, surFin }: { id: string; surFin: () => void }) {
  const client = useQueryClient();
  const [s, setS] = useState<Saisie>(VIDE);
  const ajouter = useAction(
    async (corps: Saisie) => {
      const r = await api.post<{ message: string }>(`${BASE}/${id}`, {
        dateDebut: corps.dateDebut.trim(),
        heureDebut: corps.heureDebut.trim() || undefined,
        dateFin: corps.dateFin.trim(),
        heureFin: corps.heureFin.trim() || undefined,
        motif: corps.motif,
      });
      await client.invalidateQueries({ queryKey: ['etablissement'] });
      setS(VIDE);
      surFin();
      return r;
    },
    { succes: (r) => r.message },
  );
  // A corrected field loses its message at once (the others keep theirs until the next attempt).
  const modifier = (k: keyof Saisie, v: string) => {
    setS((x) => ({ ...x, [k]: v }));
    ajouter.effacerChamp(k);
  };
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const manquants: Record<string, string> = {};
    if (!s.dateDebut.trim()) manquants.dateDebut = 'La date de début est obligatoire (format JJ/MM/AAAA).';
    if (!s.dateFin.trim()) manquants.dateFin = 'La date de fin est obligatoire (format JJ/MM/AAAA).';
    if (!s.motif.trim()) manquants.motif = 'Le motif est obligatoire.';
    else if (s.motif.trim().length > MOTIF_MAX) manquants.motif = messageMotifLong(s.motif.trim().length);
    if (Object.keys(manquants).length) return ajouter.signalerChamps(manquants);
    void ajouter.executer(s);
  };
  const err = ajouter.erreursChamps;
  const longueurMotif = s.motif.trim().length;
  const motifTropLong = longueurMotif > MOTIF_MAX;
  const erreurMotif = err.motif ?? (motifTropLong ? messageMotifLong(longueurMotif) : undefined);
  const formulaire = useRef<HTMLFormElement>(null);
  useEffect(() => formulaire.current?.querySelector<HTMLElement>('input')?.focus(), []);
  return (
    <form ref={formulaire} className="fr-mt-3w formulaire-indisponibilite" onSubmit={soumettre} noValidate aria-labelledby="titre-ajout-indisponibilite">
      <h3 className="fr-h6" id="titre-ajout-indisponibilite">
        Ajouter une indisponibilité
      </h3>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires. Sans heure, l’indisponibilité couvre les journées entières.</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <ChampDate label="Date de début" name="dateDebut" obligatoire valeur={s.dateDebut} surChangement={(v) => modifier('dateDebut', v)} erreur={err.dateDebut} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChampHeure label="Heure de début" name="heureDebut" valeur={s.heureDebut} surChangement={(v) => modifier('heureDebut', v)} erreur={err.heureDebut} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChampDate label="Date de fin" name="dateFin" obligatoire valeur={s.dateFin} surChangement={(v) => modifier('dateFin', v)} erreur={err.dateFin} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChampHeure label="Heure de fin" name="heureFin" valeur={s.heureFin} surChangement={(v) => modifier('heureFin', v)} erreur={err.heureFin} />
        </div>
      </div>
      <Input
        label="Motif *"
        hintText={`${MOTIF_MAX} caractères au plus.`}
        state={erreurMotif ? 'error' : 'default'}
        stateRelatedMessage={erreurMotif}
        className="fr-mb-1w"
        nativeInputProps={{
          id: 'motif-indisponibilite',
          name: 'motif',
          value: s.motif,
          required: true,
          'aria-describedby': 'motif-indisponibilite-compteur',
          'aria-invalid': erreurMotif ? true : undefined,
          onChange: (e) => modifier('motif', e.target.value),
        }}
      />
      <p id="motif-indisponibilite-compteur" className={`fr-text--xs fr-mb-2w compteur-caracteres ${motifTropLong ? 'compteur-caracteres--depasse' : ''}`}>
        {longueurMotif} / {MOTIF_MAX} caractères
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={ajouter.enCours}>
            Enregistrer l’indisponibilité
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={surFin}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}

function DetailPersonnel({ id }: { id: string }) {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['etablissement', 'indisponibilites', id], queryFn: () => api.get<Fiche>(`${BASE}/${id}`) });
  const [ajout, setAjout] = useState(false);
  const boutonAjout = useRef<HTMLButtonElement>(null);
  const confirmation = useConfirmation();
  const supprimer = useAction(
    async (i: Indisponibilite) => {
      const r = await api.delete<{ message: string }>(`${BASE}/${id}/${i.id}`);
      await client.invalidateQueries({ queryKey: ['etablissement'] });
      return r;
    },
    { succes: (r) => r.message },
  );
  const cols: Colonne<Indisponibilite>[] = [
    ...colonnesIndisponibilites,
    {
      id: 'suppression',
      libelle: 'Suppression',
      valeur: () => '',
      triable: false,
      exportable: false,
      alignement: 'centre',
      rendu: (i) =>
        i.supprimable ? (
          <button
            type="button"
            className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm bouton-suppression"
            aria-label={`Supprimer l’indisponibilité du ${isoVersFr(i.dateDebut)} au ${isoVersFr(i.dateFin)}`}
            title="Supprimer cette indisponibilité"
            onClick={() =>
              confirmation.demander({
                titre: 'Supprimer l’indisponibilité',
                message: (
                  <p className="texte-long">
                    Supprimer l’indisponibilité du {isoVersFr(i.dateDebut)} au {isoVersFr(i.dateFin)} (motif : {i.motif}) ? La suppression est définitive.
                  </p>
                ),
                bouton: 'Supprimer',
                surConfirmation: () => void supprimer.executer(i),
              })
            }
            disabled={supprimer.enCours}
          >
            <span aria-hidden="true">✗</span>
          </button>
        ) : null,
    },
  ];
  const p = q.data?.personne;
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Personnel sélectionné</h2>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {p && (
        <Details
          lignes={[
            ['Nom', p.nom],
            ['Prénom', p.prenom],
            ['Date de naissance', formaterDate(p.dateNaissance)],
            ['Discipline de poste', p.disciplinePoste],
          ]}
        />
      )}
      {q.data && (
        <Liste
          id={`indisponibilites-${id}`}
          titre="Liste des indisponibilités"
          lignes={q.data.lignes}
          colonnes={cols}
          cle={(i) => i.id}
          messageVide="Aucune indisponibilité déclarée."
          actions={
            !ajout && (
              <button
                ref={boutonAjout}
                type="button"
                className="fr-btn fr-icon-add-line fr-btn--icon-left fr-mb-2w"
                onClick={() => setAjout(true)}
              >
                Ajouter une indisponibilité
              </button>
            )
          }
        />
      )}
      {ajout && (
        <FormulaireAjout
          id={id}
          surFin={() => {
            setAjout(false);
            setTimeout(() => boutonAjout.current?.focus(), 0);
          }}
        />
      )}
      {confirmation.dialogue}
    </>
  );
}

export default function SaisieIndisponibilite() {
  return <ListeOuDetail liste={<ListePersonnels />} detail={(id) => <DetailPersonnel id={id} />} />;
}
