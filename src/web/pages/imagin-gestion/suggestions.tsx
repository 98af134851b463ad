// « Proposer des intervenants » (issue 17 §4), opened from the mission's convocations: the académie's
// available people ranked for the mission's épreuve-option, each with the reasons of its rank, and
// « Convoquer » in one click through the existing convocation (POST …/convocations; its qualité,
// commission or dates are then changed in the convocation list, « Modifier »).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import type { Suggestion } from '../../../domain/imagin/suggestions.ts';

interface Propositions {
  mission: { id: number; numero: number; epreuve: string | null };
  message: string | null;
  suggestions: Suggestion[];
}

export function PropositionsIntervenants({ missionId, numero, surConvocation }: { missionId: number; numero: number; surConvocation: (avertissement: string | null) => void }) {
  const client = useQueryClient();
  const section = useRef<HTMLElement>(null);
  // Opened below the convocations: brought into view, its title focused for screen readers.
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
  }, []);
  const q = useQuery({ queryKey: ['gestion', 'missions', missionId, 'propositions'], queryFn: () => api.get<Propositions>(`/api/gestion/missions/${missionId}/propositions`) });
  const convoquer = useAction(
    async (s: Suggestion) => {
      const r = await api.post<{ message: string; avertissement: string | null }>(`/api/gestion/missions/${missionId}/convocations`, { personneId: s.personneId });
      await client.invalidateQueries({ queryKey: ['gestion', 'missions'] });
      surConvocation(r.avertissement);
      return r;
    },
    { succes: (r) => r.message },
  );
  const lignes = useMemo(() => q.data?.suggestions.map((s, i) => ({ ...s, rang: i + 1 })), [q.data]);
  const colonnes = useMemo<Colonne<Suggestion & { rang: number }>[]>(
    () => [
      { id: 'rang', libelle: 'Rang', valeur: (s) => s.rang, type: 'nombre' },
      { id: 'nom', libelle: 'Nom', valeur: (s) => `${s.nom} ${s.prenom}` },
      {
        id: 'actions',
        libelle: 'Action',
        valeur: () => '',
        triable: false,
        exportable: false,
        rendu: (s) => (
          <button
            type="button"
            className="fr-btn fr-btn--secondary fr-btn--sm"
            aria-label={`Convoquer ${s.nom} ${s.prenom} sur la mission n° ${numero}`}
            onClick={() => void convoquer.executer(s)}
            disabled={convoquer.enCours}
          >
            Convoquer
          </button>
        ),
      },
      {
        id: 'raisons',
        libelle: 'Raisons',
        valeur: (s) => s.raisons.map((r) => r.texte).join(' ; '),
        poids: 3,
      },
      { id: 'etablissement', libelle: 'Établissement', valeur: (s) => s.etablissementLibelle, poids: 2 },
      { id: 'discipline', libelle: 'Discipline poste', valeur: (s) => s.disciplinePoste },
    ],
    [convoquer.enCours, numero],
  );
  return (
    <section ref={section} className="fr-mt-2w" aria-labelledby={`titre-propositions-${missionId}`}>
      <h3 className="fr-h6" id={`titre-propositions-${missionId}`}>
        Intervenants proposés{q.data?.mission.epreuve ? ` — ${q.data.mission.epreuve}` : ''}
      </h3>
      <p className="fr-text--sm fr-mb-1w">
        Classés par compétence sur l’épreuve, distance de leur établissement au centre, convocations déjà reçues dans la session et répartition entre établissements. Une personne indisponible ou
        déjà convoquée sur ces dates n’est jamais proposée.
      </p>
      {q.data?.message && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-1w" role="status">
          <p>{q.data.message}</p>
        </div>
      )}
      {convoquer.erreur && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-1w" role="alert">
          <p>{convoquer.erreur}</p>
        </div>
      )}
      <Liste
        id={`propositions-${missionId}`}
        titre="Intervenants proposés"
        lignes={lignes}
        colonnes={colonnes}
        cle={(s) => s.personneId}
        triParDefaut={{ colonne: 'rang', sens: 'asc' }}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun intervenant disponible à proposer."
        hauteurMax="28rem"
        exports={false}
      />
    </section>
  );
}
