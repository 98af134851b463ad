// Qualités (gestionnaire DEC, issue 5): the académie's list of qualités offered when convoking
// (Président de jury, Vice-président, Correcteur, Interrogateur, Correcteur suppléant (SANTORIN)…).
// A row opens its form: libellé (unique in the académie), SANTORIN, délibération (access to the Jury
// portal), active, order. A qualité no convocation carries may be deleted; otherwise it is deactivated.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/gestion/qualites';
const NOUVELLE = 'nouvelle';

interface Qualite {
  id: number;
  libelle: string;
  santorin: boolean;
  deliberation: boolean;
  actif: boolean;
  ordre: number;
  utilisations: number;
}

const colonnes: Colonne<Qualite>[] = [
  { id: 'libelle', libelle: 'Libellé', valeur: (q) => q.libelle, poids: 3 },
  { id: 'santorin', libelle: 'SANTORIN', valeur: (q) => q.santorin, type: 'booleen' },
  { id: 'deliberation', libelle: 'Délibération (portail Jury)', valeur: (q) => q.deliberation, type: 'booleen' },
  { id: 'actif', libelle: 'Active', valeur: (q) => q.actif, type: 'booleen' },
  { id: 'ordre', libelle: 'Ordre', valeur: (q) => q.ordre, type: 'nombre', alignement: 'droite' },
  { id: 'utilisations', libelle: 'Convocations', valeur: (q) => q.utilisations, type: 'nombre', alignement: 'droite' },
];

function useQualites() {
  return useQuery({ queryKey: ['gestion', 'qualites'], queryFn: () => api.get<{ total: number; lignes: Qualite[] }>(BASE) });
}

function ListeQualites() {
  const a = useActivite();
  const navigate = useNavigate();
  const q = useQualites();
  return (
    <Liste
      id="qualites"
      titre="Liste des qualités"
      lignes={q.data?.lignes}
      colonnes={colonnes}
      cle={(x) => x.id}
      triParDefaut={{ colonne: 'ordre', sens: 'asc' }}
      lien={(x) => `${a.base}/${x.id}`}
      libelleLien={(x) => `Qualité ${x.libelle}`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucune qualité n’est définie dans votre académie."
      actions={
        <button type="button" className="fr-btn fr-icon-add-line fr-btn--icon-left" onClick={() => navigate(`${a.base}/${NOUVELLE}`)}>
          Ajouter une qualité
        </button>
      }
    />
  );
}

interface Saisie {
  libelle: string;
  santorin: boolean;
  deliberation: boolean;
  actif: boolean;
  ordre: string;
}

function Case({ id, label, indice, coche, surChangement }: { id: string; label: string; indice: string; coche: boolean; surChangement: (v: boolean) => void }) {
  return (
    <div className="fr-checkbox-group fr-mb-2w">
      <input type="checkbox" id={id} name={id} checked={coche} onChange={(e) => surChangement(e.target.checked)} />
      <label className="fr-label" htmlFor={id}>
        {label}
        <span className="fr-hint-text">{indice}</span>
      </label>
    </div>
  );
}

function DetailQualite({ id }: { id: string }) {
  const confirmation = useConfirmation();
  const a = useActivite();
  const navigate = useNavigate();
  const client = useQueryClient();
  const q = useQualites();
  const creation = id === NOUVELLE;
  const qualite = q.data?.lignes.find((x) => String(x.id) === id);
  const [s, setS] = useState<Saisie>({ libelle: '', santorin: false, deliberation: false, actif: true, ordre: '0' });
  useEffect(() => {
    if (qualite) setS({ libelle: qualite.libelle, santorin: qualite.santorin, deliberation: qualite.deliberation, actif: qualite.actif, ordre: String(qualite.ordre) });
  }, [qualite?.id]);
  const modifier = <K extends keyof Saisie>(k: K, v: Saisie[K]) => setS((x) => ({ ...x, [k]: v }));
  const rafraichir = () => client.invalidateQueries({ queryKey: ['gestion'] });
  const enregistrer = useAction(
    async (corps: Saisie) => {
      const r = creation ? await api.post<{ id: number; message: string }>(BASE, corps) : await api.put<{ id: number; message: string }>(`${BASE}/${id}`, corps);
      await rafraichir();
      navigate(a.base);
      return r;
    },
    { succes: (r) => r.message },
  );
  const supprimer = useAction(
    async () => {
      const r = await api.delete<{ message: string }>(`${BASE}/${id}`);
      await rafraichir();
      navigate(a.base);
      return r;
    },
    { succes: (r) => r.message },
  );
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (!s.libelle.trim()) return enregistrer.signalerChamps({ libelle: 'Le libellé de la qualité est obligatoire.' });
    void enregistrer.executer(s);
  };
  const err = enregistrer.erreursChamps;
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), [qualite?.id]);
  if (!creation && !qualite) {
    return (
      <>
        <BoutonRetour />
        {q.isPending ? <Chargement /> : <p>Cette qualité n’existe pas (ou plus) dans votre académie.</p>}
      </>
    );
  }
  return (
    <>
      <BoutonRetour />
      <form className="formulaire-qualite" onSubmit={soumettre} noValidate aria-labelledby="titre-qualite">
        <h2 className="fr-h5" id="titre-qualite" tabIndex={-1} ref={titre}>
          {creation ? 'Ajouter une qualité' : `Qualité « ${qualite!.libelle} »`}
        </h2>
        {qualite && qualite.utilisations > 0 && (
          <p className="fr-text--sm">
            Portée par {qualite.utilisations} convocation{qualite.utilisations > 1 ? 's' : ''} : elle ne peut être supprimée, mais peut être désactivée (elle ne sera plus proposée lors des convocations).
          </p>
        )}
        <Input
          label="Libellé *"
          hintText="Unique dans l’académie, par exemple « Président de jury »"
          state={err.libelle ? 'error' : 'default'}
          stateRelatedMessage={err.libelle}
          nativeInputProps={{ id: 'qualite-libelle', name: 'libelle', 'aria-invalid': err.libelle ? true : undefined, maxLength: 100, value: s.libelle, onChange: (e) => modifier('libelle', e.target.value) }}
        />
        <Case id="qualite-santorin" label="Qualité SANTORIN" indice="Seules les qualités SANTORIN sont proposées pour une correction dématérialisée (correcteur, correcteur suppléant, référent correcteur)." coche={s.santorin} surChangement={(v) => modifier('santorin', v)} />
        <Case id="qualite-deliberation" label="Délibération : accès au portail Jury" indice="Président, vice-président, responsable de délibération : la convocation leur ouvre le portail Jury." coche={s.deliberation} surChangement={(v) => modifier('deliberation', v)} />
        <Case id="qualite-actif" label="Active" indice="Une qualité inactive n’est plus proposée lors des convocations ; les convocations existantes la gardent." coche={s.actif} surChangement={(v) => modifier('actif', v)} />
        <Input
          label="Ordre d’affichage"
          hintText="Nombre entier : les qualités sont proposées dans cet ordre"
          state={err.ordre ? 'error' : 'default'}
          stateRelatedMessage={err.ordre}
          nativeInputProps={{ id: 'qualite-ordre', name: 'ordre', inputMode: 'numeric', value: s.ordre, onChange: (e) => modifier('ordre', e.target.value) }}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
              {creation ? 'Ajouter la qualité' : 'Enregistrer'}
            </button>
          </li>
          {qualite && qualite.utilisations === 0 && (
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left"
                disabled={supprimer.enCours}
                onClick={() =>
                  confirmation.demander({
                    titre: 'Supprimer la qualité',
                    message: `Supprimer la qualité « ${qualite.libelle} » ?`,
                    bouton: 'Supprimer',
                    surConfirmation: () => void supprimer.executer(),
                  })
                }
              >
                Supprimer la qualité
              </button>
            </li>
          )}
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => navigate(a.base)}>
              Annuler
            </button>
          </li>
        </ul>
      </form>
      {confirmation.dialogue}
    </>
  );
}

export default function Qualites() {
  return <ListeOuDetail liste={<ListeQualites />} detail={(id) => <DetailQualite id={id} />} />;
}
