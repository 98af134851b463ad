// Inactivity (seed 003 §1.3.1): the session ends after 30 minutes without a request; 5 minutes
// before, a dialog offers to stay connected and says which unsaved input would be lost. The deadline
// is checked against the server (another tab may have kept the session alive) before warning.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen.js';
import { api, ErreurApi } from '../app/api.ts';
import { useSaisiesEnCours } from '../app/brouillons.ts';
import { consoleMessages, signalerErreur } from '../app/console.ts';
import { echeance, useEcheance, useSession, useSessionOuverte } from '../app/session.tsx';
import type { Session } from '../app/types.ts';
import { modaleInactivite } from './modales.ts';

function duree(secondes: number): string {
  const s = Math.max(0, Math.ceil(secondes));
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (m === 0) return `${r} seconde${r > 1 ? 's' : ''}`;
  return `${m} minute${m > 1 ? 's' : ''}${r ? ` ${String(r).padStart(2, '0')} s` : ''}`;
}

export function Inactivite() {
  const session = useSessionOuverte();
  const { quitter, perdue } = useSession();
  const fin = useEcheance();
  const saisies = useSaisiesEnCours();
  const [maintenant, setMaintenant] = useState(Date.now());
  // Closing the dialog (Escape, ×, « Rester connecté ») proves someone is there: the session is
  // prolonged, unless the dialog closed because the user quits or activity elsewhere already did it.
  const fermeture = useRef<'quitter' | 'auto' | null>(null);
  const ouverte = useIsModalOpen(modaleInactivite, {
    onConceal: () => {
      const f = fermeture.current;
      fermeture.current = null;
      if (f === null) void rester();
    },
  });
  const verification = useRef<Promise<void> | null>(null);
  // Bumped by « Rester connecté »: a session check that started before it answers with the old,
  // shorter deadline, and must not override the prolonged one (nor reopen the warning).
  const prolongations = useRef(0);
  const avertissementMs = session.avertissementSecondes * 1000;

  useEffect(() => {
    const t = setInterval(() => setMaintenant(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const reste = fin - maintenant;

  // Before warning, and at the end, ask the server how long the session really has.
  useEffect(() => {
    if (!fin || verification.current) return;
    const doitVerifier = (!ouverte && reste <= avertissementMs) || reste <= 0;
    if (!doitVerifier) return;
    const avant = prolongations.current;
    verification.current = (async () => {
      try {
        const s = await api.get<Session>('/api/auth/session', { passif: true });
        if (prolongations.current !== avant) return;
        echeance.definir(Date.now() + s.secondesRestantes * 1000);
        if (s.secondesRestantes * 1000 <= avertissementMs && s.secondesRestantes > 0) modaleInactivite.open();
        else if (s.secondesRestantes > 0 && ouverte) {
          fermeture.current = 'auto';
          modaleInactivite.close();
        }
      } catch (e) {
        // A 401 has already sent the user to the login page; a lost connection is reported.
        if (!(e instanceof ErreurApi && e.status === 401)) signalerErreur(e);
        if (!(e instanceof ErreurApi)) echeance.definir(Date.now() + 15_000);
      } finally {
        verification.current = null;
      }
    })();
  }, [fin, reste, ouverte, avertissementMs]);

  // Leaving the shell (session over, « Quitter »): the dialog must not stay open over the login page.
  useLayoutEffect(
    () => () => {
      try {
        if (document.getElementById(modaleInactivite.id)?.classList.contains('fr-modal--opened')) {
          fermeture.current = 'auto';
          modaleInactivite.close();
        }
      } catch {
        // Already gone with the page.
      }
    },
    [],
  );

  // Activity elsewhere (another request) pushed the deadline back: the warning goes.
  useEffect(() => {
    if (ouverte && reste > avertissementMs) {
      fermeture.current = 'auto';
      modaleInactivite.close();
    }
  }, [ouverte, reste, avertissementMs]);

  async function rester() {
    prolongations.current++;
    try {
      const r = await api.post<{ secondesRestantes: number }>('/api/auth/prolonger');
      echeance.definir(Date.now() + r.secondesRestantes * 1000);
      consoleMessages.info('Votre session a été prolongée.');
    } catch (e) {
      if (e instanceof ErreurApi && e.status === 401) perdue(e);
      else signalerErreur(e, () => void rester());
    }
  }

  return (
    <modaleInactivite.Component
      title="Votre session va bientôt expirer"
      titleAs="h2"
      iconId="fr-icon-timer-line"
      concealingBackdrop={false}
      buttons={[
        {
          children: 'Quitter',
          priority: 'secondary',
          doClosesModal: true,
          onClick: () => {
            fermeture.current = 'quitter';
            void quitter().catch((e) => signalerErreur(e));
          },
          nativeButtonProps: { id: 'inactivite-quitter' },
        },
        { children: 'Rester connecté', doClosesModal: true, nativeButtonProps: { id: 'inactivite-rester' } },
      ]}
    >
      <p>
        Sans action de votre part, votre session se terminera dans <strong role="timer">{duree(reste / 1000)}</strong> (après{' '}
        {duree(session.dureeInactiviteSecondes)} d’inactivité).
      </p>
      {saisies.length > 0 ? (
        <p className="fr-alert fr-alert--warning fr-alert--sm">
          Une saisie n’est pas enregistrée ({saisies.map((s) => `« ${s} »`).join(', ')}). Cliquez sur « Rester connecté » puis enregistrez-la. Si la session expire, elle vous
          sera proposée de nouveau après votre reconnexion.
        </p>
      ) : (
        <p>Les informations saisies et non enregistrées seraient perdues.</p>
      )}
    </modaleInactivite.Component>
  );
}
