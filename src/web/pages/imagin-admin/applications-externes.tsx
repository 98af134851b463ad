// « Applications externes » (administrateur, issue 15; decision 0022): the address of each application
// the intervenants' portals open, for the académie, with « Vérifier » (does it answer now?) and what
// the applications need to verify the hand-off tokens (issuer, public key).
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/admin/applications-externes';

interface Application {
  code: string;
  libelle: string;
  role: string;
  url: string;
  version: number;
  modifieLe: string | null;
  modifiePar: string | null;
}

interface Reponse {
  applications: Application[];
  verification: { emetteur: string; cles: string; kid: string; jwk: Record<string, string> };
}

function Adresse({ a }: { a: Application }) {
  const client = useQueryClient();
  const [url, setUrl] = useState(a.url);
  useEffect(() => setUrl(a.url), [a.url, a.version]);
  const id = `url-${a.code}`;
  const enregistrer = useAction(
    async () => {
      const r = await api.put<Reponse>(`${BASE}/${a.code}`, { url, version: a.version });
      client.setQueryData(['admin', 'applications-externes'], r);
      return r;
    },
    { succes: () => (url.trim() ? `Adresse de ${a.libelle} enregistrée.` : `Adresse de ${a.libelle} retirée.`) },
  );
  const verifier = useAction(async () => {
    const r = await api.post<{ disponible: boolean; message: string }>(`${BASE}/${a.code}/verification`, { url });
    if (r.disponible) consoleMessages.succes(r.message);
    else consoleMessages.erreur(r.message);
    return r;
  });
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    void enregistrer.executer();
  };
  const erreur = enregistrer.erreursChamps.url ?? verifier.erreursChamps.url;
  return (
    <form onSubmit={soumettre} className="fr-mb-3w" noValidate aria-labelledby={`titre-${a.code}`}>
      <h2 className="fr-h6 fr-mb-1v" id={`titre-${a.code}`}>
        {a.libelle}
      </h2>
      <p className="fr-text--sm fr-mb-1w">{a.role}</p>
      <Input
        label="Adresse"
        hintText={
          a.modifieLe
            ? `Modifiée le ${formaterDateHeure(a.modifieLe)}${a.modifiePar ? ` par ${a.modifiePar}` : ''}. Laisser vide pour la retirer.`
            : 'Non renseignée : les intervenants sont invités à contacter leur gestionnaire. Exemple : https://santorin.ac-exemple.fr/correcteur'
        }
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur}
        nativeInputProps={{
          id,
          type: 'url',
          value: url,
          autoComplete: 'url',
          spellCheck: false,
          onChange: (e) => {
            setUrl(e.target.value);
            enregistrer.effacerChamp('url');
          },
        }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--left">
        <li>
          <button type="submit" className="fr-btn fr-btn--sm" disabled={enregistrer.enCours || url.trim() === a.url}>
            Enregistrer
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => void verifier.executer()} disabled={verifier.enCours || !url.trim()}>
            {verifier.enCours ? 'Vérification…' : 'Vérifier'}
          </button>
        </li>
      </ul>
    </form>
  );
}

export default function ApplicationsExternes() {
  const q = useQuery({ queryKey: ['admin', 'applications-externes'], queryFn: () => api.get<Reponse>(BASE) });
  if (q.isPending) return <Chargement />;
  if (q.isError)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{q.error.message}</p>
      </div>
    );
  const v = q.data.verification;
  return (
    <>
      <p>
        Les intervenants ouvrent ces applications depuis leur service (portail d'accès aux missions, gestion des épreuves EPS, gestion des
        sujets, statistiques nationales de notation) : un jeton de passage signé, valable 60 secondes, est ajouté à l'adresse (paramètre{' '}
        <code>jeton</code>). Avant chaque passage, la plateforme vérifie que l'application répond (2 secondes au plus ; résultat gardé
        30 secondes).
      </p>
      {q.data.applications.map((a) => (
        <Adresse key={a.code} a={a} />
      ))}
      <section className="fr-mt-4w" aria-labelledby="titre-verification">
        <h2 className="fr-h6" id="titre-verification">
          Pour les équipes des applications : vérification des jetons
        </h2>
        <p className="fr-text--sm">
          Émetteur (<code>iss</code>) : <code>{v.emetteur}</code> ; clé publique Ed25519 (identifiant <code>{v.kid}</code>) publiée à{' '}
          <code>{v.cles}</code> ; audience (<code>aud</code>) : le code de l'application (SANTORIN, CYCLADES, CYCLADES_EPS, DELOS_BNS,
          SANTORIN_STATS). Le format est décrit dans la décision 0022 de la documentation.
        </p>
      </section>
    </>
  );
}
