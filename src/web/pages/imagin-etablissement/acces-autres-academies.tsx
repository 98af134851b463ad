// Accès autres académies (seed 003 §4.6): one button per académie where the établissement is a centre
// d'examen (DGRH excepted). A click opens that académie's établissement service in a new tab, without a
// second login: the server opens a session for it and gives a one-time code that the new tab exchanges
// (pages/connexion/AccesAcademie.tsx). An unreachable académie's button is greyed.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { CHEMIN_ACCES_ACADEMIE } from '../../app/session.tsx';
import { Chargement } from '../../shell/Pages.tsx';

const URL_ACADEMIES = '/api/centre/acces-academies';

export const INFO_BULLE = 'Ouverture dans une nouvelle fenêtre';
export const MESSAGE_INJOIGNABLE = 'Si le problème persiste, merci de le signaler au gestionnaire de votre académie.';
export const MESSAGE_FENETRE_BLOQUEE = 'Aucune nouvelle fenêtre ne s’est ouverte : vérifiez que votre navigateur autorise l’ouverture de fenêtres pour ce site.';

interface Academie {
  code: string;
  libelle: string;
  interAcademique: boolean;
  joignable: boolean;
}

const nomService = (a: Academie) => `IMAG'IN ${a.libelle}`;

class FenetreBloquee extends Error {
  constructor() {
    super(MESSAGE_FENETRE_BLOQUEE);
    this.name = 'FenetreBloquee';
  }
}

/**
 * The new tab, opened at once in the click (a tab opened after waiting for the server is blocked by
 * some browsers), blank until the code is there.
 */
function nouvelOnglet(): Window {
  const w = window.open('about:blank', '_blank');
  if (!w) throw new FenetreBloquee();
  try {
    w.document.title = 'Ouverture…';
    w.document.body.textContent = 'Ouverture du service de l’autre académie…';
    // The new tab has no use of this one.
    w.opener = null;
  } catch {
    // Not reachable any more: it only loses its waiting text.
  }
  return w;
}

export default function AccesAutresAcademies() {
  const q = useQuery({ queryKey: ['centre', 'acces-academies'], queryFn: () => api.get<{ academies: Academie[] }>(URL_ACADEMIES) });
  const [bloquee, setBloquee] = useState(false);

  const ouvrir = useAction(
    async (a: Academie, onglet: Window | null) => {
      // A retry (after a lost connection) opens its own tab if the first one is gone.
      const w = onglet && !onglet.closed ? onglet : nouvelOnglet();
      try {
        const r = await api.post<{ code: string }>(`${URL_ACADEMIES}/${encodeURIComponent(a.code)}`);
        w.location.replace(new URL(`${CHEMIN_ACCES_ACADEMIE}#${encodeURIComponent(r.code)}`, window.location.origin).href);
        return a;
      } catch (e) {
        w.close();
        throw e;
      }
    },
    { succes: (a) => `Le service ${nomService(a)} s’ouvre dans un nouvel onglet.` },
  );

  const cliquer = (a: Academie) => {
    setBloquee(false);
    let w: Window;
    try {
      w = nouvelOnglet();
    } catch {
      setBloquee(true);
      consoleMessages.erreur(MESSAGE_FENETRE_BLOQUEE);
      return;
    }
    void ouvrir.executer(a, w);
  };

  const academies = q.data?.academies;
  return (
    <>
      <p>
        Votre établissement est centre d’examen pour des missions gérées par les académies ou services ci-dessous. Un clic ouvre leur service établissement dans un nouvel onglet, sans
        nouvelle identification ; la session de votre académie reste ouverte dans cet onglet-ci.
      </p>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {academies && academies.length === 0 && (
        <div className="fr-alert fr-alert--info fr-alert--sm" id="aucune-academie">
          <p>Votre établissement n’est centre d’examen d’aucune mission d’une autre académie.</p>
        </div>
      )}
      {academies && academies.length > 0 && (
        <ul className="fr-raw-list" aria-label="Académies où votre établissement est centre d’examen">
          {academies.map((a) => (
            <li key={a.code} className="fr-mb-2w">
              <button
                type="button"
                className="fr-btn fr-icon-external-link-line fr-btn--icon-right"
                title={a.joignable ? INFO_BULLE : `${nomService(a)} n’est pas joignable`}
                disabled={!a.joignable || ouvrir.enCours}
                aria-describedby={a.joignable ? undefined : `injoignable-${a.code}`}
                onClick={() => cliquer(a)}
              >
                {nomService(a)}
              </button>
              {!a.joignable && (
                <p className="fr-message fr-message--info fr-mt-1w" id={`injoignable-${a.code}`}>
                  Le service {nomService(a)} n’est pas joignable pour le moment. {MESSAGE_INJOIGNABLE}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {bloquee && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mt-2w" role="alert" id="fenetre-bloquee">
          <p>{MESSAGE_FENETRE_BLOQUEE}</p>
        </div>
      )}
    </>
  );
}
