// Suivi de la validation des compétences (gestionnaire DEC): which établissements have validated the
// compétences of their personnels this school year; « Rouvrir la saisie » lets one modify them again.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { formaterDate } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface Ligne {
  etablissementId: number;
  uai: string;
  etablissement: string;
  type: string;
  commune: string;
  nbPersonnels: number;
  etat: 'validee' | 'rouverte' | 'non_validee';
  libelleEtat: string;
  valideeLe: string | null;
  valideePar: string | null;
  rouverteLe: string | null;
}

interface Suivi {
  anneeScolaire: string;
  total: number;
  validees: number;
  lignes: Ligne[];
}

const BADGE: Record<Ligne['etat'], string> = { validee: 'fr-badge--success', rouverte: 'fr-badge--warning', non_validee: 'fr-badge--info' };

const colonnes: Colonne<Ligne>[] = [
  { id: 'uai', libelle: 'UAI', valeur: (l) => l.uai },
  { id: 'etablissement', libelle: 'Établissement', valeur: (l) => l.etablissement, poids: 3 },
  { id: 'commune', libelle: 'Commune', valeur: (l) => l.commune },
  { id: 'nbPersonnels', libelle: 'Personnels', valeur: (l) => l.nbPersonnels, type: 'nombre', alignement: 'droite' },
  {
    id: 'etat',
    libelle: 'État de la saisie',
    valeur: (l) => l.libelleEtat,
    rendu: (l) => <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[l.etat]}`}>{l.libelleEtat}</span>,
  },
  { id: 'valideeLe', libelle: 'Validée le', valeur: (l) => l.valideeLe, type: 'date' },
  { id: 'rouverteLe', libelle: 'Rouverte le', valeur: (l) => l.rouverteLe, type: 'date' },
];

function useSuivi() {
  return useQuery(lecture<Suivi>(LECTURES.validationCompetences));
}

function ListeEtablissements() {
  const a = useActivite();
  const q = useSuivi();
  return (
    <>
      {q.data && (
        <p className="fr-text--sm" id="synthese-validations">
          Année scolaire {q.data.anneeScolaire} : {q.data.validees} établissement{q.data.validees > 1 ? 's ont' : ' a'} validé la saisie des compétences sur {q.data.total}.
        </p>
      )}
      <Liste
        id="etablissements"
        titre="Validation des compétences par établissement"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(l) => l.etablissementId}
        triParDefaut={{ colonne: 'etablissement', sens: 'asc' }}
        lien={(l) => `${a.base}/${l.etablissementId}`}
        libelleLien={(l) => `${l.uai} — ${l.etablissement}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun établissement de votre académie ne saisit de compétences."
      />
    </>
  );
}

function DetailEtablissement({ id }: { id: string }) {
  const client = useQueryClient();
  const q = useSuivi();
  const l = q.data?.lignes.find((x) => String(x.etablissementId) === id);
  const rouvrir = useAction(
    async () => {
      const r = await api.post<{ message: string }>(`/api/gestion/validation-competences/${id}/reouverture`);
      await client.invalidateQueries({ queryKey: LECTURES.validationCompetences.cle });
      return r;
    },
    { succes: (r) => r.message },
  );
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Établissement sélectionné</h2>
      {q.isPending && <Chargement />}
      {q.data && !l && <p>Cet établissement ne figure pas dans la liste.</p>}
      {l && (
        <>
          <Details
            lignes={[
              ['Établissement', `${l.etablissement} (${l.uai})`],
              ['Personnels', String(l.nbPersonnels)],
              ['État de la saisie', l.libelleEtat],
              ['Validée le', formaterDate(l.valideeLe)],
              ['Validée par', l.valideePar],
              ['Rouverte le', formaterDate(l.rouverteLe)],
            ]}
          />
          {l.etat === 'validee' ? (
            <>
              <p>La saisie des compétences de cet établissement est validée : il ne peut plus la modifier. Rouvrez-la s’il doit la corriger.</p>
              <button type="button" className="fr-btn fr-icon-lock-unlock-line fr-btn--icon-left" onClick={() => void rouvrir.executer()} disabled={rouvrir.enCours}>
                Rouvrir la saisie
              </button>
            </>
          ) : (
            <p>La saisie des compétences de cet établissement est modifiable.</p>
          )}
        </>
      )}
    </>
  );
}

export default function SuiviValidationCompetences() {
  return <ListeOuDetail liste={<ListeEtablissements />} detail={(id) => <DetailEtablissement id={id} />} />;
}
