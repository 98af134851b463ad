// Intervenants (gestionnaire DEC, issue 5): search the intervenants of the académie (nom, prénom,
// établissement principal, discipline, whether they have an IMAG'IN account), see one with his
// convocations, and create an intervenant the académie does not know yet so that he can be convoked
// (his account comes with his first convocation).
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { ChampDate } from '../../forms/ChampDate.tsx';
import { formaterDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/gestion/intervenants';
const NOUVEAU = 'nouveau';

interface Intervenant {
  id: number;
  civilite: string;
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  disciplinePoste: string;
  etablissement: string | null;
  aUnCompte: boolean;
  source: string;
}

interface Fiche {
  id: number;
  civilite: string;
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  numen: string | null;
  disciplinePoste: string;
  emailPro: string | null;
  emailPerso: string | null;
  telPro: string | null;
  telPerso: string | null;
  adresse: string;
  source: string;
  etablissement: string | null;
  identifiant: string | null;
  convocations: Array<{ id: number; missionId: number; numeroMission: number; typeMission: string; session: string; qualite: string | null; debut: string | null; statut: string }>;
}

const colonnes: Colonne<Intervenant>[] = [
  { id: 'nom', libelle: 'Nom', valeur: (i) => i.nom },
  { id: 'prenom', libelle: 'Prénom', valeur: (i) => i.prenom },
  { id: 'naissance', libelle: 'Date de naissance', valeur: (i) => i.dateNaissance, type: 'date' },
  { id: 'etablissement', libelle: 'Etablissement principal', valeur: (i) => i.etablissement, poids: 2 },
  { id: 'discipline', libelle: 'Discipline de poste', valeur: (i) => i.disciplinePoste, poids: 2 },
  { id: 'compte', libelle: 'Compte IMAG’IN', valeur: (i) => i.aUnCompte, type: 'booleen' },
];

function ListeIntervenants() {
  const a = useActivite();
  const navigate = useNavigate();
  const f = useFiltres('intervenants', { q: '' });
  const recherche = f.appliques.q.trim();
  const q = useQuery({
    queryKey: ['gestion', 'intervenants', 'liste', recherche],
    queryFn: () => api.get<{ tronque: boolean; max: number; lignes: Intervenant[] }>(`${BASE}?q=${encodeURIComponent(recherche)}`),
    placeholderData: (p) => p,
  });
  return (
    <>
      {q.data?.tronque && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
          <p>Seuls les {q.data.max} premiers intervenants sont affichés : précisez la recherche.</p>
        </div>
      )}
      <Liste
        id="intervenants"
        titre="Liste des intervenants"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(i) => i.id}
        triParDefaut={{ colonne: 'nom', sens: 'asc' }}
        lien={(i) => `${a.base}/${i.id}`}
        libelleLien={(i) => `${i.nom} ${i.prenom}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun intervenant de l’académie ne correspond à la recherche. S’il n’est pas connu, créez-le."
        filtres={{
          ...f.proprietes,
          legende: 'Rechercher un intervenant',
          libelleFiltrer: 'Rechercher',
          contenu: (
            <Input
              label="Nom, prénom, établissement ou discipline"
              nativeInputProps={{ id: 'recherche-intervenant', name: 'q', value: f.saisie.q, maxLength: 100, onChange: (e) => f.modifier('q', e.target.value) }}
            />
          ),
        }}
        actions={
          <button type="button" className="fr-btn fr-icon-add-line fr-btn--icon-left" onClick={() => navigate(`${a.base}/${NOUVEAU}`)}>
            Créer un intervenant
          </button>
        }
      />
    </>
  );
}

function DetailIntervenant({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['gestion', 'intervenants', Number(id)], queryFn: () => api.get<Fiche>(`${BASE}/${id}`) });
  const p = q.data;
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Intervenant sélectionné</h2>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {p && (
        <>
          <Details
            lignes={[
              ['Nom', `${p.civilite} ${p.nom} ${p.prenom}`],
              ['Date de naissance', formaterDate(p.dateNaissance)],
              ['NUMEN', p.numen],
              ['Discipline de poste', p.disciplinePoste],
              ['Etablissement principal', p.etablissement],
              ['Courriel professionnel', p.emailPro],
              ['Courriel personnel', p.emailPerso],
              ['Téléphone professionnel', p.telPro],
              ['Téléphone personnel', p.telPerso],
              ['Adresse', p.adresse],
              ['Origine', p.source === 'IMAGIN' ? 'Créé dans IMAG’IN' : `Importé (${p.source})`],
              ['Compte IMAG’IN', p.identifiant ?? 'Pas encore : il sera créé avec sa première convocation'],
            ]}
          />
          <Liste
            id={`convocations-intervenant-${p.id}`}
            titre="Convocations dans l’académie"
            lignes={p.convocations}
            colonnes={colonnesConvocations}
            cle={(c) => c.id}
            triParDefaut={{ colonne: 'debut', sens: 'desc' }}
            messageVide="Aucune convocation dans l’académie."
            hauteurMax="24rem"
          />
        </>
      )}
    </>
  );
}

const colonnesConvocations: Colonne<Fiche['convocations'][number]>[] = [
  { id: 'numero', libelle: 'N° mission', valeur: (c) => c.numeroMission, texte: (c) => String(c.numeroMission) },
  { id: 'type', libelle: 'Type de mission', valeur: (c) => c.typeMission, poids: 2 },
  { id: 'session', libelle: 'Session examen', valeur: (c) => c.session, poids: 2 },
  { id: 'qualite', libelle: 'Qualité', valeur: (c) => c.qualite },
  { id: 'debut', libelle: 'Début', valeur: (c) => c.debut, type: 'date' },
  { id: 'statut', libelle: 'Statut', valeur: (c) => c.statut },
];

interface Saisie {
  civilite: string;
  nom: string;
  prenom: string;
  dateNaissance: string;
  numen: string;
  disciplinePoste: string;
  emailPro: string;
  emailPerso: string;
  telPro: string;
  telPerso: string;
  adresse: string;
  codePostal: string;
  commune: string;
  etablissementUai: string;
}

const VIDE: Saisie = { civilite: '', nom: '', prenom: '', dateNaissance: '', numen: '', disciplinePoste: '', emailPro: '', emailPerso: '', telPro: '', telPerso: '', adresse: '', codePostal: '', commune: '', etablissementUai: '' };

function CreationIntervenant() {
  const a = useActivite();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [s, setS] = useState<Saisie>(VIDE);
  const modifier = (k: keyof Saisie, v: string) => setS((x) => ({ ...x, [k]: v }));
  const creer = useAction(
    async (corps: Saisie) => {
      const r = await api.post<{ id: number; message: string }>(BASE, corps);
      await client.invalidateQueries({ queryKey: ['gestion', 'intervenants'] });
      navigate(`${a.base}/${r.id}`, { replace: true });
      return r;
    },
    { succes: (r) => r.message },
  );
  const err = creer.erreursChamps;
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const manquants: Record<string, string> = {};
    if (!s.civilite) manquants.civilite = 'Choisissez la civilité : M. ou Mme.';
    if (!s.nom.trim()) manquants.nom = 'Le nom est obligatoire.';
    if (!s.prenom.trim()) manquants.prenom = 'Le prénom est obligatoire.';
    if (!s.dateNaissance.trim()) manquants.dateNaissance = 'La date de naissance est obligatoire (format JJ/MM/AAAA).';
    if (Object.keys(manquants).length) return creer.signalerChamps(manquants);
    void creer.executer(s);
  };
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), []);
  const champ = (k: keyof Saisie, label: string, o: { indice?: string; max?: number; type?: string; inputMode?: 'numeric' | 'email' | 'tel'; autoComplete?: string } = {}) => (
    <Input
      label={label}
      hintText={o.indice}
      state={err[k] ? 'error' : 'default'}
      stateRelatedMessage={err[k]}
      nativeInputProps={{ id: `intervenant-${k}`, name: k, 'aria-invalid': err[k] ? true : undefined, maxLength: o.max ?? 80, type: o.type ?? 'text', inputMode: o.inputMode, autoComplete: o.autoComplete ?? 'off', value: s[k], onChange: (e) => modifier(k, e.target.value) }}
    />
  );
  return (
    <>
      <BoutonRetour />
      <form className="formulaire-intervenant" onSubmit={soumettre} noValidate aria-labelledby="titre-creation-intervenant">
        <h2 className="fr-h5" id="titre-creation-intervenant" tabIndex={-1} ref={titre}>
          Créer un intervenant
        </h2>
        <p className="fr-text--sm">
          Pour un intervenant que l’académie ne connaît pas encore (les personnels sont importés des bases académiques). Les champs marqués d’un astérisque (*) sont obligatoires. Son compte IMAG’IN sera créé avec sa première convocation.
        </p>
        <fieldset className={`fr-fieldset ${err.civilite ? 'fr-fieldset--error' : ''}`} id="intervenant-civilite" aria-labelledby="intervenant-civilite-legende">
          <legend className="fr-fieldset__legend fr-text--regular" id="intervenant-civilite-legende">
            Civilité *
          </legend>
          {['M.', 'Mme'].map((c) => (
            <div className="fr-fieldset__element fr-fieldset__element--inline" key={c}>
              <div className="fr-radio-group">
                <input type="radio" id={`civilite-${c}`} name="civilite" value={c} checked={s.civilite === c} onChange={() => modifier('civilite', c)} />
                <label className="fr-label" htmlFor={`civilite-${c}`}>
                  {c}
                </label>
              </div>
            </div>
          ))}
          {err.civilite && <p className="fr-message fr-message--error fr-fieldset__element">{err.civilite}</p>}
        </fieldset>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">{champ('nom', 'Nom *')}</div>
          <div className="fr-col-12 fr-col-md-6">{champ('prenom', 'Prénom *')}</div>
          <div className="fr-col-12 fr-col-md-6">
            <ChampDate label="Date de naissance" name="dateNaissance" obligatoire valeur={s.dateNaissance} surChangement={(v) => modifier('dateNaissance', v)} erreur={err.dateNaissance} moisInitial="1980-01-01" />
          </div>
          <div className="fr-col-12 fr-col-md-6">{champ('numen', 'NUMEN', { indice: '13 caractères, par exemple 14E0512345ABC ; facultatif', max: 20 })}</div>
          <div className="fr-col-12 fr-col-md-6">{champ('disciplinePoste', 'Discipline de poste', { indice: 'Par exemple MATHEMATIQUES' })}</div>
          <div className="fr-col-12 fr-col-md-6">{champ('etablissementUai', 'Établissement principal (UAI)', { indice: 'UAI d’un établissement de l’académie, par exemple 0350710G ; facultatif', max: 8 })}</div>
          <div className="fr-col-12 fr-col-md-6">{champ('emailPro', 'Courriel professionnel', { type: 'email', inputMode: 'email', max: 200, indice: 'Format attendu : prenom.nom@ac-academie.fr' })}</div>
          <div className="fr-col-12 fr-col-md-6">{champ('emailPerso', 'Courriel personnel', { type: 'email', inputMode: 'email', max: 200, indice: 'Format attendu : prenom.nom@exemple.fr' })}</div>
          <div className="fr-col-12 fr-col-md-6">{champ('telPro', 'Téléphone professionnel', { type: 'tel', inputMode: 'tel', max: 30 })}</div>
          <div className="fr-col-12 fr-col-md-6">{champ('telPerso', 'Téléphone personnel', { type: 'tel', inputMode: 'tel', max: 30 })}</div>
          <div className="fr-col-12">{champ('adresse', 'Adresse', { max: 200 })}</div>
          <div className="fr-col-12 fr-col-md-4">{champ('codePostal', 'Code postal', { inputMode: 'numeric', max: 5 })}</div>
          <div className="fr-col-12 fr-col-md-8">{champ('commune', 'Commune')}</div>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <button type="submit" className="fr-btn" disabled={creer.enCours}>
              Créer l’intervenant
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => navigate(a.base)}>
              Annuler
            </button>
          </li>
        </ul>
      </form>
    </>
  );
}

export default function Intervenants() {
  return <ListeOuDetail liste={<ListeIntervenants />} detail={(id) => (id === NOUVEAU ? <CreationIntervenant /> : <DetailIntervenant id={id} />)} />;
}
