// Saisie des compétences (seed 003 §3.3): the personnels and whether their compétences are defined;
// for one of them, the épreuves options he is competent on (« + » recognises one in the name of the
// établissement, « × » invalidates it), « Ajouter une compétence » through suggestion lists that
// narrow as you type, and his enseignements (STS-WEB, read-only). Read-only once validated.
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { useEtatPersistant } from '../../app/etat.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import type { Enseignement } from './commun.tsx';

const BASE = '/api/etablissement/competences';

interface Personnel {
  id: number;
  civilite: string;
  nom: string;
  prenom: string;
  disciplinePoste: string | null;
  competencesDefinies: 'OUI' | 'NON';
}

interface Competence {
  id: number;
  epreuveOptionId: number;
  examen: { code: string; sigle: string; libelle: string };
  specialite: string;
  epreuveOption: string;
  libelleAuteurs: string;
  actions: { reconnaitre: boolean; invalider: boolean };
}

interface Fiche {
  personne: Personnel;
  lectureSeule: boolean;
  message: string | null;
  total: number;
  competences: Competence[];
}

interface Proposition {
  id?: number;
  code: string;
  texte: string;
}

const colonnes: Colonne<Personnel>[] = [
  { id: 'nom', libelle: 'Nom', valeur: (p) => p.nom },
  { id: 'prenom', libelle: 'Prénom', valeur: (p) => p.prenom },
  { id: 'discipline', libelle: 'Discipline de poste', valeur: (p) => p.disciplinePoste, poids: 2 },
  { id: 'definies', libelle: 'Compétences définies', valeur: (p) => p.competencesDefinies },
];

const colonnesEnseignements: Colonne<Enseignement>[] = [
  { id: 'etablissement', libelle: 'Libellé établissement', valeur: (e) => e.etablissement, poids: 2 },
  { id: 'mef', libelle: 'Module élémentaire de formation', valeur: (e) => e.mef, poids: 2 },
  { id: 'typeMef', libelle: 'Type de M.E.F.', valeur: (e) => e.typeMef },
  { id: 'matiere', libelle: 'Matière enseignée', valeur: (e) => e.matiere },
  { id: 'modalite', libelle: 'Modalité cours', valeur: (e) => e.modaliteCours },
];

function MessageLectureSeule({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="message-lecture-seule">
      <p>{message}</p>
    </div>
  );
}

function ListePersonnels() {
  const a = useActivite();
  const q = useQuery({ queryKey: ['etablissement', 'competences'], queryFn: () => api.get<{ lectureSeule: boolean; message: string | null; lignes: Personnel[] }>(`${BASE}/personnels`) });
  return (
    <>
      <MessageLectureSeule message={q.data?.message ?? null} />
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
    </>
  );
}

/** An input with a datalist of suggestions asked to the server as you type. */
function ChampPropositions(props: {
  label: string;
  name: string;
  valeur: string;
  surChangement: (v: string) => void;
  propositions: Proposition[] | undefined;
  chargement: boolean;
  desactive?: boolean;
  erreur?: string;
}) {
  const id = useId();
  return (
    <div className={`fr-input-group ${props.erreur ? 'fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={`${id}-saisie`}>
        {props.label} *
        <span className="fr-hint-text" id={`${id}-indice`}>
          {props.desactive ? 'Choisissez d’abord le champ précédent.' : `Saisissez quelques caractères puis choisissez dans la liste (${props.propositions?.length ?? 0} proposition${(props.propositions?.length ?? 0) > 1 ? 's' : ''}).`}
        </span>
      </label>
      <input
        className={`fr-input ${props.erreur ? 'fr-input--error' : ''}`}
        id={`${id}-saisie`}
        name={props.name}
        list={`${id}-liste`}
        autoComplete="off"
        value={props.valeur}
        disabled={props.desactive}
        aria-describedby={`${id}-indice${props.erreur ? ` ${id}-erreur` : ''}`}
        aria-invalid={props.erreur ? true : undefined}
        aria-busy={props.chargement || undefined}
        onChange={(e) => props.surChangement(e.target.value)}
      />
      <datalist id={`${id}-liste`}>
        {props.propositions?.map((p) => <option key={p.id ?? p.code} value={p.texte} />)}
      </datalist>
      <div className="fr-messages-group" aria-live="polite">
        {props.erreur && (
          <p className="fr-message fr-message--error" id={`${id}-erreur`}>
            {props.erreur}
          </p>
        )}
      </div>
    </div>
  );
}

function AjoutCompetence({ id, surFin }: { id: string; surFin: () => void }) {
  const client = useQueryClient();
  const [examen, setExamen] = useState('');
  const [specialite, setSpecialite] = useState('');
  const [epreuve, setEpreuve] = useState('');
  const examens = useQuery({ queryKey: ['etablissement', 'competences', 'examens'], queryFn: () => api.get<{ lignes: Proposition[] }>(`${BASE}/examens`) });
  const saisieSpe = useDeferredValue(specialite);
  const specialites = useQuery({
    queryKey: ['etablissement', 'competences', 'specialites', examen, saisieSpe],
    queryFn: () => api.get<{ lignes: Proposition[] }>(`${BASE}/specialites?examen=${encodeURIComponent(examen)}&q=${encodeURIComponent(saisieSpe)}`),
    enabled: !!examen,
    placeholderData: (p) => p,
  });
  // Once a proposition is chosen, its text is the whole field: the list of the whole spécialité is kept.
  const specialiteChoisie = specialites.data?.lignes.find((s) => s.texte === specialite);
  const saisieEp = useDeferredValue(epreuve);
  const epreuves = useQuery({
    queryKey: ['etablissement', 'competences', 'epreuves', specialiteChoisie?.id, saisieEp],
    queryFn: () => api.get<{ lignes: Proposition[] }>(`${BASE}/epreuves?specialiteId=${specialiteChoisie!.id}&q=${encodeURIComponent(saisieEp)}`),
    enabled: !!specialiteChoisie,
    placeholderData: (p) => p,
  });
  const epreuveChoisie = epreuves.data?.lignes.find((e) => e.texte === epreuve);

  const ajouter = useAction(
    async (epreuveOptionId: number) => {
      const r = await api.post<{ message?: string }>(`${BASE}/personnels/${id}`, { epreuveOptionId });
      await client.invalidateQueries({ queryKey: ['etablissement', 'competences'] });
      // The spécialité stays chosen: another épreuve of it may follow.
      setEpreuve('');
      return r;
    },
    { succes: (r) => r?.message ?? 'Compétence ajoutée.' },
  );

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (!examen) return ajouter.signalerChamps({ examen: 'Choisissez un examen.' });
    if (!specialiteChoisie) return ajouter.signalerChamps({ specialite: 'Choisissez une spécialité dans la liste des propositions.' });
    if (!epreuveChoisie?.id) return ajouter.signalerChamps({ epreuveOptionId: 'Choisissez une épreuve option dans la liste des propositions.' });
    void ajouter.executer(epreuveChoisie.id);
  };
  const err = ajouter.erreursChamps;
  const formulaire = useRef<HTMLFormElement>(null);
  useEffect(() => formulaire.current?.querySelector<HTMLElement>('select, input')?.focus(), []);
  return (
    <form ref={formulaire} className="fr-mt-3w formulaire-competence" onSubmit={soumettre} noValidate aria-labelledby="titre-ajout-competence">
      <h3 className="fr-h6" id="titre-ajout-competence">
        Ajouter une compétence
      </h3>
      <p className="fr-text--sm">Les examens proposés sont ceux de la catégorie de votre établissement. Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <div className={`fr-select-group ${err.examen ? 'fr-select-group--error' : ''}`}>
        <label className="fr-label" htmlFor="examen-competence">
          Examen *
        </label>
        <select
          className="fr-select"
          id="examen-competence"
          name="examen"
          value={examen}
          aria-describedby={err.examen ? 'examen-competence-erreur' : undefined}
          onChange={(e) => {
            setExamen(e.target.value);
            setSpecialite('');
            setEpreuve('');
          }}
        >
          <option value="">Choisissez un examen</option>
          {examens.data?.lignes.map((x) => (
            <option key={x.code} value={x.code}>
              {x.texte}
            </option>
          ))}
        </select>
        {err.examen && (
          <p className="fr-error-text" id="examen-competence-erreur">
            {err.examen}
          </p>
        )}
      </div>
      <ChampPropositions
        label="Spécialité"
        name="specialite"
        valeur={specialite}
        surChangement={(v) => {
          setSpecialite(v);
          setEpreuve('');
        }}
        propositions={specialites.data?.lignes}
        chargement={specialites.isFetching}
        desactive={!examen}
        erreur={err.specialite}
      />
      <ChampPropositions
        label="Epreuve option"
        name="epreuve"
        valeur={epreuve}
        surChangement={setEpreuve}
        propositions={epreuves.data?.lignes}
        chargement={epreuves.isFetching}
        desactive={!specialiteChoisie}
        erreur={err.epreuveOptionId}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={ajouter.enCours}>
            Ajouter la compétence
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={surFin}>
            Fermer
          </button>
        </li>
      </ul>
    </form>
  );
}

function OngletCompetences({ id, fiche }: { id: string; fiche: Fiche }) {
  const client = useQueryClient();
  const [ajout, setAjout] = useState(false);
  const marquer = useAction(
    async (k: Competence, action: 'reconnaissance' | 'invalidation') => {
      const r = await api.post<{ message?: string }>(`${BASE}/personnels/${id}/${k.id}/${action}`);
      await client.invalidateQueries({ queryKey: ['etablissement', 'competences'] });
      return { r, k, action };
    },
    { succes: ({ r, k, action }) => r?.message ?? `Compétence ${action === 'reconnaissance' ? 'reconnue' : 'invalidée'} : ${k.epreuveOption}.` },
  );
  const cols: Colonne<Competence>[] = [
    { id: 'examen', libelle: 'Examen', valeur: (k) => k.examen.sigle },
    { id: 'specialite', libelle: 'Spécialité', valeur: (k) => k.specialite, poids: 2 },
    { id: 'epreuve', libelle: 'Epreuve option', valeur: (k) => k.epreuveOption, poids: 2 },
    { id: 'auteurs', libelle: 'Auteurs', valeur: (k) => k.libelleAuteurs, poids: 2 },
  ];
  if (!fiche.lectureSeule) {
    cols.push({
      id: 'actions',
      libelle: 'Actions',
      valeur: () => '',
      triable: false,
      exportable: false,
      rendu: (k) => (
        <span className="actions-competence">
          {k.actions.reconnaitre && (
            <button
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm bouton-reconnaitre"
              aria-label={`Reconnaître la compétence ${k.epreuveOption}`}
              title="Reconnaître la compétence au nom de l’établissement"
              onClick={() => void marquer.executer(k, 'reconnaissance')}
              disabled={marquer.enCours}
            >
              <span aria-hidden="true">+</span>
            </button>
          )}
          {k.actions.invalider && (
            <button
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm bouton-invalider"
              aria-label={`Invalider la compétence ${k.epreuveOption}`}
              title="Invalider la compétence au nom de l’établissement"
              onClick={() => void marquer.executer(k, 'invalidation')}
              disabled={marquer.enCours}
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        </span>
      ),
    });
  }
  return (
    <>
      <Liste
        id={`competences-${id}`}
        titre="Liste des compétences"
        lignes={fiche.competences}
        colonnes={cols}
        cle={(k) => k.id}
        messageVide="Aucune compétence n’est déclarée pour cet agent."
        hauteurMax="28rem"
        actions={
          !fiche.lectureSeule &&
          !ajout && (
            <button type="button" className="fr-btn fr-icon-add-line fr-btn--icon-left fr-mb-2w" onClick={() => setAjout(true)}>
              Ajouter une compétence
            </button>
          )
        }
      />
      {ajout && !fiche.lectureSeule && <AjoutCompetence id={id} surFin={() => setAjout(false)} />}
    </>
  );
}

function OngletEnseignements({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['etablissement', 'competences', id, 'enseignements'], queryFn: () => api.get<{ lignes: Enseignement[] }>(`${BASE}/personnels/${id}/enseignements`) });
  return (
    <Liste
      id={`enseignements-${id}`}
      titre="Liste des enseignements"
      lignes={q.data?.lignes}
      colonnes={colonnesEnseignements}
      cle={(e) => e.id}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucun enseignement n’est connu pour cet agent (import STS-WEB)."
      hauteurMax="28rem"
    />
  );
}

function DetailPersonnel({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['etablissement', 'competences', id], queryFn: () => api.get<Fiche>(`${BASE}/personnels/${id}`) });
  const [onglet, setOnglet] = useEtatPersistant<string>(`saisie-competences:${id}:onglet`, 'competences');
  const f = q.data;
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
      {f && (
        <>
          <Details
            lignes={[
              ['Nom', f.personne.nom],
              ['Prénom', f.personne.prenom],
              ['Discipline de poste', f.personne.disciplinePoste],
              ['Compétences définies', f.personne.competencesDefinies],
            ]}
          />
          <MessageLectureSeule message={f.message} />
          <Tabs
            label="Compétences et enseignements"
            selectedTabId={onglet}
            onTabChange={setOnglet}
            tabs={[
              { tabId: 'competences', label: 'Liste des compétences' },
              { tabId: 'enseignements', label: 'Liste des enseignements' },
            ]}
          >
            {onglet === 'competences' ? <OngletCompetences id={id} fiche={f} /> : <OngletEnseignements id={id} />}
          </Tabs>
        </>
      )}
    </>
  );
}

export default function SaisieCompetences() {
  return <ListeOuDetail liste={<ListePersonnels />} detail={(id) => <DetailPersonnel id={id} />} />;
}
