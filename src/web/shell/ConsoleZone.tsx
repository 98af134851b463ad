// The console at the bottom of every service page (seed 003 §1.3.4): each message with its time
// stamp, newest first, kept for the session; a lost connection offers « Réessayer ».
import { useId } from 'react';
import { consoleMessages, LIBELLE_NIVEAU, useConsoleMessages } from '../app/console.ts';
import { formaterDateHeureSecondes } from '../forms/dates.ts';

export function ConsoleZone() {
  const messages = useConsoleMessages();
  const id = useId();
  return (
    <section className="console" id="console" aria-labelledby={`${id}-titre`}>
      <h2 className="console__titre" id={`${id}-titre`}>
        Messages
        <span className="console__compte"> ({messages.length})</span>
      </h2>
      <div className="console__defilement" tabIndex={0} role="region" aria-label="Messages de la console, du plus récent au plus ancien">
        {messages.length === 0 ? (
          <p className="console__vide">Aucun message.</p>
        ) : (
          <ol className="console__liste">
            {messages.map((m) => (
              <li key={m.id} className={`console__message console__message--${m.niveau}`}>
                <span className="console__date">({formaterDateHeureSecondes(m.le)})</span>{' '}
                <strong className="console__niveau">{LIBELLE_NIVEAU[m.niveau]} :</strong> {m.texte}
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
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
