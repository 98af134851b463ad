// The hand-off to an external application (decision 0022): the tab is opened at the click (a tab
// opened after the server's answer would be blocked by the browser), it says « Ouverture de … »
// while the server checks that the application answers and signs the token, then it goes to the
// address with `location.replace`, so that the token does not stay in its history; on refusal it is
// closed and the console says why (not configured, unavailable: « prenez contact avec votre gestionnaire »).
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';

export interface Passage {
  url: string;
  application: string;
  libelle: string;
  expireLe: string;
}

export const MESSAGE_ONGLET_BLOQUE =
  "Votre navigateur a empêché l'ouverture d'un nouvel onglet : autorisez les fenêtres surgissantes (pop-up) pour ce site, puis cliquez de nouveau.";

export function usePassage() {
  return useAction(
    async (chemin: string, libelle: string) => {
      const onglet = window.open('', '_blank');
      if (onglet) {
        try {
          onglet.document.title = `Ouverture de ${libelle}…`;
          onglet.document.body.textContent = `Ouverture de ${libelle}…`;
        } catch {
          // The tab is not ours to write in: it still goes to the address below.
        }
      }
      try {
        const r = await api.post<Passage>(chemin);
        if (!onglet || onglet.closed) throw new ErreurApi(0, 'ONGLET_BLOQUE', MESSAGE_ONGLET_BLOQUE);
        onglet.opener = null;
        onglet.location.replace(r.url);
        return r;
      } catch (e) {
        onglet?.close();
        throw e;
      }
    },
    { succes: (r) => `${r.libelle} s'ouvre dans un nouvel onglet.` },
  );
}
