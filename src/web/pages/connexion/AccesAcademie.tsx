// /acces-academie — the tab opened by « Accès autres académies » (003 §4.6). It arrives with a one-time
// code in its hash, exchanges it for the session of the other académie, keeps that session's token in
// its own sessionStorage (api.ts sends it with every call) and goes to the service's home. The same
// page ends the tab: after « Quitter », or when its session is over, with the home session untouched.
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, definirJetonSessionAcademie } from '../../app/api.ts';
import { consoleMessages } from '../../app/console.ts';
import { viderEtats } from '../../app/etat.ts';
import { useSession, type EtatFinAccesAcademie } from '../../app/session.tsx';
import { Chargement } from '../../shell/Pages.tsx';
import { PagePublique } from './PagePublique.tsx';

const TITRE = 'Accès à une autre académie';

function BoutonFermer() {
  const [refus, setRefus] = useState(false);
  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--secondary"
        onClick={() => {
          window.close();
          // A tab the user opened by hand cannot be closed by the page.
          setTimeout(() => setRefus(true), 300);
        }}
      >
        Fermer cet onglet
      </button>
      {refus && <p className="fr-mt-2w">Le navigateur n’a pas fermé cet onglet : fermez-le vous-même.</p>}
    </>
  );
}

export function PageAccesAcademie() {
  const location = useLocation();
  const navigate = useNavigate();
  const { recharger } = useSession();
  const fin = (location.state as EtatFinAccesAcademie | null)?.fin ? (location.state as EtatFinAccesAcademie) : null;
  const [erreur, setErreur] = useState<string | null>(null);
  const lance = useRef(false);

  useEffect(() => {
    if (fin || lance.current) return;
    lance.current = true;
    const code = decodeURIComponent(location.hash.replace(/^#/, ''));
    // The code serves once: it leaves the address bar (and the history) at once.
    navigate({ pathname: location.pathname, hash: '' }, { replace: true });
    if (!code) {
      setErreur('Cette page s’ouvre depuis l’activité « Accès autres académies » du service établissement de votre académie : aucun code d’accès ne l’accompagne.');
      return;
    }
    void (async () => {
      try {
        const r = await api.post<{ jeton: string }>('/api/auth/acces-academie', { code }, { public: true });
        // The browser copied the home tab's storage into this new tab: none of it belongs here.
        try {
          sessionStorage.clear();
        } catch {
          // Nothing to clear.
        }
        consoleMessages.vider();
        viderEtats();
        definirJetonSessionAcademie(r.jeton);
        const s = await recharger();
        if (!s) throw new Error('La session de l’autre académie n’a pas pu être ouverte. Revenez à l’onglet de votre académie et recommencez.');
        consoleMessages.info(
          `Connexion à ${s.service.application} ${s.academie.libelle} — ${s.service.libelle} (${s.connecteEnTantQue})` +
            (s.accesAutreAcademie ? `, depuis votre session de l’académie de ${s.accesAutreAcademie.academieOrigine}.` : '.'),
        );
        navigate(`/${s.service.code}`, { replace: true });
      } catch (e) {
        definirJetonSessionAcademie(null);
        setErreur(e instanceof Error ? e.message : String(e));
      }
    })();
    // Once, when the tab arrives.
  }, []);

  if (fin) {
    return (
      <PagePublique titre={TITRE}>
        <h1 className="fr-h2">{TITRE}</h1>
        <div className={`fr-alert ${fin.niveau === 'erreur' ? 'fr-alert--warning' : 'fr-alert--info'} fr-alert--sm fr-mb-3w`} role="status" id="message-fin-acces">
          <p>{fin.message}</p>
        </div>
        <p>Vous pouvez fermer cet onglet et poursuivre votre travail dans l’onglet de votre académie.</p>
        <BoutonFermer />
      </PagePublique>
    );
  }
  return (
    <PagePublique titre={TITRE}>
      <h1 className="fr-h2">{TITRE}</h1>
      {erreur ? (
        <>
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" id="erreur-acces">
            <p>{erreur}</p>
          </div>
          <BoutonFermer />
        </>
      ) : (
        <Chargement texte="Ouverture du service de l’autre académie…" />
      )}
    </PagePublique>
  );
}
