// The intervenant's lists by convoking académie (seed 004 §2.3 « Consultation missions », §2.6 « Portail
// d'accès aux missions »): while loading, on error (with « Réessayer »), then the list alone when one
// académie convoked the person, or one DSFR tab per académie.
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import type { ReactNode } from 'react';
import { Chargement } from '../../shell/Pages.tsx';

export function ParAcademie<O extends { code: string }>(props: {
  requete: { isPending: boolean; error: Error | null; refetch: () => unknown };
  onglets: readonly O[];
  actif: O | undefined;
  surChoix: (code: string) => void;
  libelleOnglet: (o: O) => string;
  className?: string;
  /** The list of the active tab. */
  children: ReactNode;
}) {
  const { requete, onglets, actif } = props;
  return (
    <>
      {requete.isPending && <Chargement />}
      {requete.error && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{requete.error.message}</p>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={() => void requete.refetch()}>
            Réessayer
          </button>
        </div>
      )}
      {actif && onglets.length === 1 && props.children}
      {actif && onglets.length > 1 && (
        <Tabs
          className={props.className}
          label="Missions par académie"
          selectedTabId={actif.code}
          onTabChange={props.surChoix}
          tabs={onglets.map((o) => ({ tabId: o.code, label: props.libelleOnglet(o) }))}
        >
          {props.children}
        </Tabs>
      )}
    </>
  );
}
