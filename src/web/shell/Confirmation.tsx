// The app's one confirmation dialog, for every irreversible action (delete, revoke, publish, close…):
// a DSFR modal with the question, « Annuler » and the action's own verb. Never the browser's confirm().
//
//   const confirmation = useConfirmation();
//   confirmation.demander({ titre: 'Supprimer la qualité', message: '…', bouton: 'Supprimer', surConfirmation: () => … });
//   return <>{…}{confirmation.dialogue}</>;
//
// Focus goes back, when the dialog closes, to the element that asked (the button in the list).
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen.js';
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';

export interface DemandeConfirmation {
  titre: string;
  message: ReactNode;
  /** The verb of the action (« Supprimer », « Révoquer »…), never a bare « OK ». */
  bouton: string;
  surConfirmation: () => void;
  /** Label of the button that gives up; « Annuler » by default. */
  annuler?: string;
}

export interface Confirmation {
  demander(d: DemandeConfirmation): void;
  /** To render once in the page. */
  dialogue: ReactNode;
}

export function useConfirmation(): Confirmation {
  const brut = useId();
  const [modale] = useState(() => createModal({ id: `confirmation-${brut.replace(/[^a-zA-Z0-9_-]/g, '')}`, isOpenedByDefault: false }));
  const [demande, setDemande] = useState<DemandeConfirmation | null>(null);
  const origine = useRef<HTMLElement | null>(null);

  useIsModalOpen(modale, {
    onConceal: () => {
      const element = origine.current;
      origine.current = null;
      if (element?.isConnected) element.focus();
    },
  });

  const demander = useCallback(
    (d: DemandeConfirmation) => {
      origine.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setDemande(d);
      modale.open();
    },
    [modale],
  );

  const dialogue = (
    <modale.Component
      title={demande?.titre ?? 'Confirmation'}
      titleAs="h2"
      buttons={[
        { children: demande?.annuler ?? 'Annuler', doClosesModal: true, priority: 'secondary' },
        {
          children: demande?.bouton ?? 'Confirmer',
          doClosesModal: true,
          onClick: () => demande?.surConfirmation(),
        },
      ]}
    >
      {typeof demande?.message === 'string' ? <p>{demande.message}</p> : demande?.message}
    </modale.Component>
  );

  return { demander, dialogue };
}
