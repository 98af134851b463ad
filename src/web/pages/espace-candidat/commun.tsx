// What the pages of the espace candidat share: the head of a candidature as the API gives it, and the
// message said when no candidature is linked to the account.

/** A candidature as both activities name it. */
export interface EnteteCandidature {
  id: number;
  session: string;
  annee: number;
  examen: string;
  etablissement: string | null;
  numeroCandidat: string;
}

/** The server's message (no candidature linked to the account), above the list. */
export function MessageDossier({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
      <p>{message}</p>
    </div>
  );
}

/**
 * On the home page of the espace candidat: the session(s) of the candidate's own candidatures, from the
 * server (issue 13) — a pupil of 3e reads the DNB he sits next June, never a year written in advance.
 */
export function SessionsCandidat({ candidat }: { candidat: { prenom: string; nom: string; sessions: ReadonlyArray<{ libelle: string; examen: string }> } }) {
  const s = candidat.sessions;
  return (
    <div className="fr-callout fr-callout--blue-cumulus fr-mb-3w" id="sessions-candidat">
      <h2 className="fr-callout__title fr-h6">
        {candidat.prenom} {candidat.nom}
      </h2>
      {s.length === 0 ? (
        <p className="fr-callout__text fr-text--md">Aucune candidature n’est rattachée à votre compte.</p>
      ) : (
        <>
          <p className="fr-callout__text fr-text--md">{s.length > 1 ? 'Vos sessions d’examen :' : `Votre session d’examen : ${s[0]!.libelle} — ${s[0]!.examen}.`}</p>
          {s.length > 1 && (
            <ul>
              {s.map((x) => (
                <li key={x.libelle}>
                  {x.libelle} — {x.examen}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
