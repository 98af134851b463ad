// Screen readers hear every console error at once (role="alert") and every information politely
// (role="status"). The regions stay in the page from the start, as live regions must.
import { useEffect, useRef, useState } from 'react';
import { consoleMessages, LIBELLE_NIVEAU, useConsoleMessages } from './console.ts';

export function Annonces() {
  const messages = useConsoleMessages();
  const [alerte, setAlerte] = useState('');
  const [statut, setStatut] = useState('');
  const vus = useRef<{ erreur: number; info: number }>({ erreur: consoleMessages.dernierAnnonce.erreur?.id ?? 0, info: consoleMessages.dernierAnnonce.info?.id ?? 0 });

  useEffect(() => {
    const { erreur, info } = consoleMessages.dernierAnnonce;
    if (erreur && erreur.id !== vus.current.erreur) {
      vus.current.erreur = erreur.id;
      setAlerte('');
      setTimeout(() => setAlerte(`${LIBELLE_NIVEAU.erreur} : ${erreur.texte}`), 50);
    }
    if (info && info.id !== vus.current.info) {
      vus.current.info = info.id;
      setStatut('');
      setTimeout(() => setStatut(`${LIBELLE_NIVEAU[info.niveau]} : ${info.texte}`), 50);
    }
  }, [messages]);

  return (
    <>
      <div className="fr-sr-only" role="alert" id="annonce-erreur">
        {alerte}
      </div>
      <div className="fr-sr-only" role="status" id="annonce-information">
        {statut}
      </div>
    </>
  );
}
