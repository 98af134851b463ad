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
