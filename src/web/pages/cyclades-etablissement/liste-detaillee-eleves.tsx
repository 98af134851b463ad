// « Liste détaillée de mes élèves » (seed 002 §1.3, « Truc & astuce »): the établissement's candidates
// of the current sessions and their CYCLADES login (« Pas de compte candidat Cyclades » when none has
// been generated yet), and the CSV export of the whole list built by the server.
import { useQuery } from '@tanstack/react-query';
import { telecharger } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { Liste, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { PAS_DE_COMPTE } from '../../../domain/cyclades/comptes.ts';
import { AvecServiceGestion, BASE_CYCLADES, etatLecture, type Eleve, type ListeEleves } from './commun.tsx';

const TRI: Tri = { colonne: 'nom', sens: 'asc' };

const colonnes: Colonne<Eleve>[] = [
  { id: 'numero', libelle: 'N° candidat', valeur: (e) => e.numeroCandidat },
  { id: 'nom', libelle: 'Nom', valeur: (e) => e.nom, poids: 1.5 },
  { id: 'prenom', libelle: 'Prénom', valeur: (e) => e.prenom, poids: 1.5 },
  {
    id: 'login',
    libelle: 'Identifiant de connexion',
    valeur: (e) => e.login ?? PAS_DE_COMPTE,
    poids: 2.5,
    rendu: (e) => (e.login ? e.login : <em>{PAS_DE_COMPTE}</em>),
  },
  { id: 'naissance', libelle: 'Date de naissance', valeur: (e) => e.dateNaissance, type: 'date' },
  { id: 'division', libelle: 'Division de classe', valeur: (e) => e.division },
  { id: 'serie', libelle: 'Série', valeur: (e) => e.serieLibelle, poids: 1.5 },
  { id: 'qualification', libelle: 'Qualification présentée', valeur: (e) => e.qualification, poids: 1.5 },
  { id: 'etat', libelle: 'Etat de la candidature', valeur: (e) => e.etat },
  { id: 'email', libelle: 'Adresse électronique', valeur: (e) => e.email, poids: 2.5 },
];

function ListeDetaillee() {
  const q = useQuery(lecture<ListeEleves>(LECTURES.cycladesEleves));
  const exporter = useAction(() => telecharger(`${BASE_CYCLADES}/eleves/export.csv`, 'liste-detaillee-eleves.csv'), { succes: (nom) => `Liste détaillée de vos élèves téléchargée au format CSV : ${nom}.` });
  return (
    <>
      <p>
        Les candidats de votre établissement aux sessions en cours. La colonne « Identifiant de connexion » donne le login du compte CYCLADES de chaque élève, ou « {PAS_DE_COMPTE} »
        lorsque son papillon de connexion n’a pas encore été généré.
      </p>
      <Liste
        id="eleves"
        titre="Liste détaillée de mes élèves"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(e) => e.candidatureId}
        triParDefaut={TRI}
        {...etatLecture(q)}
        messageVide="Aucun de vos élèves n’est candidat à une session en cours."
        exports={false}
        actions={
          <div role="group" aria-labelledby="titre-export">
            <p className="fr-text--sm fr-mb-1w" id="titre-export">
              Toute la liste, pour un tableur (séparateur point-virgule)
            </p>
            <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" onClick={() => void exporter.executer()} disabled={exporter.enCours}>
              Export CSV
            </button>
          </div>
        }
      />
    </>
  );
}

export default function ListeDetailleeEleves() {
  return <AvecServiceGestion>{() => <ListeDetaillee />}</AvecServiceGestion>;
}
