// « Mon récapitulatif d'inscription » (espace candidat, issue 6): the candidate's identity as his
// registrations know it, and each of his candidatures (session, examen, établissement, numéro, état,
// série, division, qualification) with the download of its récapitulatif d'inscription (PDF).
import { useQuery } from '@tanstack/react-query';
import { telecharger } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { isoVersFr } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { MessageDossier, type EnteteCandidature } from './commun.tsx';
import { Details } from '../../liste/ListeOuDetail.tsx';

interface Candidature extends EnteteCandidature {
  academie: string;
  etat: string;
  libelleEtat: string;
  serie: string | null;
  specialite: string | null;
  division: string | null;
  qualification: string | null;
  recapitulatif: string;
}

interface Dossier {
  candidat: { civilite: string; nom: string; prenom: string; dateNaissance: string | null; adresse: string; codePostal: string; commune: string; email: string | null } | null;
  message: string | null;
  lignes: Candidature[];
}

const BADGE: Record<string, string> = { inscrit: 'fr-badge--success', pre_inscrit: 'fr-badge--info', annule: 'fr-badge--error', refuse: 'fr-badge--error', en_cours_saisie: 'fr-badge--new' };

export default function Recapitulatif() {
  const q = useQuery(lecture<Dossier>(LECTURES.dossierCandidat));
  const dl = useAction((c: Candidature) => telecharger(c.recapitulatif, `recapitulatif-inscription-${c.numeroCandidat}.pdf`), {
    succes: (nom) => `Récapitulatif d'inscription téléchargé : ${nom}.`,
  });
  const colonnes: Colonne<Candidature>[] = [
    { id: 'session', libelle: 'Session', valeur: (c) => c.annee, type: 'nombre', texte: (c) => c.session },
    { id: 'examen', libelle: 'Examen', valeur: (c) => c.examen, poids: 2 },
    { id: 'etablissement', libelle: 'Établissement', valeur: (c) => c.etablissement, texte: (c) => c.etablissement ?? 'Candidat individuel', poids: 2 },
    { id: 'numero', libelle: 'N° candidat', valeur: (c) => c.numeroCandidat },
    {
      id: 'etat',
      libelle: 'État',
      valeur: (c) => c.libelleEtat,
      rendu: (c) => <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[c.etat] ?? ''}`}>{c.libelleEtat}</span>,
    },
    { id: 'serie', libelle: 'Série / spécialité', valeur: (c) => [c.serie, c.specialite && c.specialite !== c.serie ? c.specialite : null].filter(Boolean).join(' — ') },
    { id: 'division', libelle: 'Division de classe', valeur: (c) => c.division },
    { id: 'qualification', libelle: 'Qualification présentée', valeur: (c) => c.qualification },
    {
      id: 'recapitulatif',
      libelle: 'Récapitulatif',
      valeur: () => '',
      triable: false,
      exportable: false,
      rendu: (c) => (
        <button
          type="button"
          className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-file-pdf-line fr-btn--icon-left"
          aria-label={`Télécharger le récapitulatif d'inscription ${c.session} (PDF)`}
          onClick={() => void dl.executer(c)}
          disabled={dl.enCours}
        >
          PDF
        </button>
      ),
    },
  ];
  const ca = q.data?.candidat;
  return (
    <>
      {ca && (
        <section aria-labelledby="titre-identite" className="fr-mb-3w">
          <h2 className="fr-h5" id="titre-identite">
            Mon identité
          </h2>
          <Details
            lignes={[
              ['Nom et prénom', `${ca.civilite} ${ca.nom} ${ca.prenom}`],
              ['Date de naissance', isoVersFr(ca.dateNaissance)],
              ['Adresse', [ca.adresse, `${ca.codePostal} ${ca.commune}`.trim()].filter(Boolean).join(', ')],
              ['Adresse électronique', ca.email],
            ]}
          />
          <p className="fr-text--sm">Une erreur dans ces informations ? Adressez-vous à votre établissement ou au service des examens de votre académie.</p>
        </section>
      )}
      <MessageDossier message={q.data?.message} />
      <Liste
        id="candidatures"
        titre="Mes inscriptions"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(c) => c.id}
        triParDefaut={{ colonne: 'session', sens: 'desc' }}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune inscription n’est rattachée à votre compte."
        exports={false}
      />
    </>
  );
}
