// « Mes résultats » (espace candidat, issue 6): each candidature with « Résultats non publiés » until
// the service des examens publishes its session, then the decision; a row opens the result with its
// grades (épreuve, coefficient, note, groupe), as published.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { formaterDate } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { MessageDossier, type EnteteCandidature } from './commun.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

interface Resultat extends EnteteCandidature {
  publie: boolean;
  publieLe: string | null;
  resultat: string;
  decision: string | null;
  mention: string | null;
  moyenne: number | null;
}

interface Note {
  epreuve: string;
  coefficient: number;
  note: string;
  groupe: 1 | 2;
}

const DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const moyenne = (m: number | null) => (m === null ? '' : `${DECIMAL.format(m)} / 20`);
const NOTES_SPECIALES: Record<string, string> = { ABS: 'Absent', DISP: 'Dispensé' };
const texteNote = (n: string) => NOTES_SPECIALES[n] ?? (Number.isFinite(Number(n)) ? DECIMAL.format(Number(n)) : n);
const GROUPE = { 1: '1er groupe', 2: '2nd groupe' } as const;

function badge(r: Resultat) {
  if (!r.publie || !r.decision) return 'fr-badge--info';
  return /^admis/i.test(r.decision) ? 'fr-badge--success' : 'fr-badge--warning';
}

const colonnes: Colonne<Resultat>[] = [
  { id: 'session', libelle: 'Session', valeur: (r) => r.annee, type: 'nombre', texte: (r) => r.session },
  { id: 'examen', libelle: 'Examen', valeur: (r) => r.examen, poids: 2 },
  { id: 'numero', libelle: 'N° candidat', valeur: (r) => r.numeroCandidat },
  { id: 'resultat', libelle: 'Résultat', valeur: (r) => r.resultat, rendu: (r) => <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${badge(r)}`}>{r.resultat}</span>, poids: 2 },
  { id: 'moyenne', libelle: 'Moyenne', valeur: (r) => r.moyenne, texte: (r) => moyenne(r.moyenne), alignement: 'droite' },
  { id: 'publieLe', libelle: 'Publiés le', valeur: (r) => r.publieLe, type: 'date' },
];

const colonnesNotes: Colonne<Note>[] = [
  { id: 'epreuve', libelle: 'Épreuve', valeur: (n) => n.epreuve, poids: 3 },
  { id: 'coefficient', libelle: 'Coefficient', valeur: (n) => n.coefficient, type: 'nombre', alignement: 'droite' },
  { id: 'note', libelle: 'Note', valeur: (n) => (Number.isFinite(Number(n.note)) ? Number(n.note) : null), texte: (n) => texteNote(n.note), alignement: 'droite' },
  { id: 'groupe', libelle: 'Groupe', valeur: (n) => n.groupe, texte: (n) => GROUPE[n.groupe] ?? String(n.groupe) },
];

function ListeResultats() {
  const a = useActivite();
  const q = useQuery(lecture<{ message: string | null; lignes: Resultat[] }>(LECTURES.resultatsCandidat));
  return (
    <>
      <MessageDossier message={q.data?.message} />
      <Liste
        id="resultats"
        titre="Mes résultats par examen"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(r) => r.id}
        triParDefaut={{ colonne: 'session', sens: 'desc' }}
        lien={(r) => `${a.base}/${r.id}`}
        libelleLien={(r) => `${r.session} : ${r.resultat}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune inscription n’est rattachée à votre compte."
        exports={false}
      />
    </>
  );
}

function DetailResultat({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['candidat', 'resultats', id], queryFn: () => api.get<Resultat & { notes: Note[] }>(`/api/candidat/resultats/${encodeURIComponent(id)}`) });
  const titre = useRef<HTMLHeadingElement>(null);
  const r = q.data;
  useEffect(() => titre.current?.focus(), [r?.id]);
  return (
    <>
      <BoutonRetour />
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {r && (
        <>
          <h2 className="fr-h5" id="titre-resultat" tabIndex={-1} ref={titre}>
            {r.examen} — session {r.session}
          </h2>
          {!r.publie ? (
            <div className="fr-alert fr-alert--info" id="resultats-non-publies">
              <h3 className="fr-alert__title">Résultats non publiés</h3>
              <p>Vos résultats seront consultables ici dès leur publication par le service des examens de votre académie.</p>
            </div>
          ) : !r.decision ? (
            <div className="fr-alert fr-alert--info">
              <p>{r.resultat}</p>
            </div>
          ) : (
            <>
              <Details
                lignes={[
                  ['N° candidat', r.numeroCandidat],
                  ['Établissement', r.etablissement],
                  ['Décision', <strong key="d">{r.decision}</strong>],
                  ['Mention', r.mention ?? 'Sans mention'],
                  ['Moyenne', moyenne(r.moyenne)],
                  ['Publiés le', formaterDate(r.publieLe)],
                ]}
              />
              <Liste
                id={`notes-${r.id}`}
                titre="Mes notes"
                lignes={r.notes}
                colonnes={colonnesNotes}
                cle={(n) => `${n.groupe}-${n.epreuve}`}
                messageVide="Aucune note n’a été publiée pour cet examen."
                sousTitrePdf={`${r.examen} — session ${r.session} — candidat n° ${r.numeroCandidat}`}
              />
            </>
          )}
        </>
      )}
    </>
  );
}

export default function Resultats() {
  return <ListeOuDetail liste={<ListeResultats />} detail={(id) => <DetailResultat id={id} />} />;
}
