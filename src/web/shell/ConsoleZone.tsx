// The console at the bottom of every service page (seed 003 §1.3.4): each message with its time
// stamp (Paris time, as the documents), newest first, kept for the session; a lost connection offers
// « Réessayer ». It may be folded to its title bar, which still shows the newest message: shown or
// folded, it takes its own place in the frame and never covers the content (issue 13).
import { useId } from 'react';
import { consoleMessages, LIBELLE_NIVEAU, useConsoleMessages, type MessageConsole } from '../app/console.ts';
import { useEtatPersistant } from '../app/etat.ts';
import { formaterDateHeureSecondes } from '../forms/dates.ts';

function Message({ m }: { m: MessageConsole }) {
  return (
    <>
      <span className="console__date">({formaterDateHeureSecondes(m.le)})</span> <strong className="console__niveau">{LIBELLE_NIVEAU[m.niveau]} :</strong> {m.texte}
      {m.reessayer && (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-refresh-line fr-btn--icon-left console__reessayer"
          onClick={() => {
            const f = m.reessayer!;
            consoleMessages.retirerReessai(m.id);
            f();
          }}
        >
          Réessayer
        </button>
      )}
    </>
  );
}

export function ConsoleZone() {
  const messages = useConsoleMessages();
  const [repliee, setRepliee] = useEtatPersistant('shell:console-repliee', false);
  const id = useId();
  const dernier = messages[0];
  return (
    <section className={`console ${repliee ? 'console--repliee' : ''}`} id="console" aria-labelledby={`${id}-titre`}>
      <div className="console__barre">
        <h2 className="console__titre" id={`${id}-titre`}>
          Messages
          <span className="console__compte"> ({messages.length})</span>
        </h2>
        {repliee && dernier && (
          <p className={`console__dernier console__message--${dernier.niveau}`}>
            <Message m={dernier} />
          </p>
        )}
        <button
          type="button"
          className={`fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-right console__bascule ${repliee ? 'fr-icon-arrow-up-s-line' : 'fr-icon-arrow-down-s-line'}`}
          aria-expanded={!repliee}
          aria-controls={`${id}-messages`}
          onClick={() => setRepliee(!repliee)}
        >
          {repliee ? 'Afficher les messages' : 'Replier les messages'}
        </button>
      </div>
      <div
        className="console__defilement"
        id={`${id}-messages`}
        hidden={repliee}
        tabIndex={0}
        role="region"
        aria-label="Messages de la console, du plus récent au plus ancien"
      >
        {messages.length === 0 ? (
          <p className="console__vide">Aucun message.</p>
        ) : (
          <ol className="console__liste">
            {messages.map((m) => (
              <li key={m.id} className={`console__message console__message--${m.niveau}`}>
                <Message m={m} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
