// An activity whose list opens a detail: /<service>/<activité> shows the list, /<service>/<activité>/<id>
// the detail (with « Retour »). The list keeps its state in between (Liste's persistent state).
import type { ReactNode } from 'react';
import { useParams } from 'react-router';

export function ListeOuDetail({ liste, detail }: { liste: ReactNode; detail: (id: string) => ReactNode }) {
  const { '*': reste = '' } = useParams();
  const id = reste.split('/').filter(Boolean)[0];
  return <>{id ? detail(decodeURIComponent(id)) : liste}</>;
}

/** A read-only description list for detail views. */
export function Details({ lignes }: { lignes: Array<[string, ReactNode]> }) {
  return (
    <dl className="detail__grille">
      {lignes.map(([terme, valeur]) => (
        <div key={terme} style={{ display: 'contents' }}>
          <dt>{terme}</dt>
          <dd>{valeur === null || valeur === undefined || valeur === '' ? '—' : valeur}</dd>
        </div>
      ))}
    </dl>
  );
}
