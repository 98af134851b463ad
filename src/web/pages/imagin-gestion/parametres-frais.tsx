// « Paramètres des états de frais » (gestionnaire, decision 0032): the conditions d'utilisation the
// intervenants accept before entering their états de frais (a changed text is a new version, accepted
// again: asked through the confirmation dialog), the dematerialised receipts (allowed or not), the
// interval of the reminders. Saved with the version the page read (changed meanwhile → the server's 409).
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/gestion/frais-parametres';

interface Parametres {
  version: number;
  conditionsTexte: string;
  conditionsVersion: number;
  conditionsModifieLe: string | null;
  conditionsModifiePar: string | null;
  piecesDematerialisees: boolean;
  relanceIntervalleJours: number;
}

export default function ParametresFrais() {
  const q = useQuery({ queryKey: ['gestion', 'frais-parametres'], queryFn: () => api.get<Parametres>(BASE) });
  return (
    <>
      {q.isPending && <Chargement />}
      {q.error && (
        <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
          <p>{q.error.message}</p>
        </div>
      )}
      {q.data && <Formulaire p={q.data} />}
    </>
  );
}

function Formulaire({ p }: { p: Parametres }) {
  const client = useQueryClient();
  const confirmation = useConfirmation();
  const [texte, setTexte] = useState(p.conditionsTexte);
  const [pieces, setPieces] = useState(p.piecesDematerialisees);
  const [jours, setJours] = useState(String(p.relanceIntervalleJours));
  // The values saved (or read again after a 409) replace what is shown.
  useEffect(() => {
    setTexte(p.conditionsTexte);
    setPieces(p.piecesDematerialisees);
    setJours(String(p.relanceIntervalleJours));
  }, [p]);
  const enregistrer = useAction(
    async () => {
      try {
        const r = await api.put<Parametres & { message: string }>(BASE, { version: p.version, conditionsTexte: texte, piecesDematerialisees: pieces, relanceIntervalleJours: Number(jours) });
        client.setQueryData(['gestion', 'frais-parametres'], r);
        return r;
      } catch (e) {
        if (e instanceof ErreurApi && e.status === 409) void client.invalidateQueries({ queryKey: ['gestion', 'frais-parametres'] });
        throw e;
      }
    },
    { succes: (r) => r.message },
  );
  const demander = () => {
    const e: Record<string, string> = {};
    if (texte.trim().length < 20) e.conditionsTexte = "Conditions d'utilisation : rédigez un texte d'au moins 20 caractères.";
    const n = Number(jours);
    if (!/^\d{1,2}$/.test(jours.trim()) || n < 1 || n > 90) e.relanceIntervalleJours = 'Intervalle des relances : nombre de jours entre 1 et 90.';
    if (Object.keys(e).length) return enregistrer.signalerChamps(e);
    if (texte.trim() !== p.conditionsTexte.trim()) {
      confirmation.demander({
        titre: "Nouvelles conditions d'utilisation",
        message: `Les conditions passent à la version ${p.conditionsVersion + 1} : chaque intervenant devra les accepter de nouveau avant de saisir ses états de frais.`,
        bouton: 'Enregistrer les nouvelles conditions',
        surConfirmation: () => void enregistrer.executer(),
      });
    } else void enregistrer.executer();
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        demander();
      }}
    >
      <p className="fr-text--sm">
        Conditions d'utilisation en version {p.conditionsVersion}
        {p.conditionsModifieLe ? `, modifiées le ${formaterDateHeure(p.conditionsModifieLe)}${p.conditionsModifiePar ? ` par ${p.conditionsModifiePar}` : ''}` : ' (texte par défaut)'}.
      </p>
      <Input
        textArea
        label="Conditions d'utilisation du service"
        hintText="Les intervenants lisent ce texte et cochent « J'ai lu et j'accepte les conditions relatives à l'utilisation du service » avant leur première saisie ; un texte modifié leur est présenté de nouveau."
        state={enregistrer.erreursChamps.conditionsTexte ? 'error' : 'default'}
        stateRelatedMessage={enregistrer.erreursChamps.conditionsTexte}
        nativeTextAreaProps={{ name: 'conditionsTexte', rows: 12, maxLength: 20000, value: texte, onChange: (e) => { setTexte(e.target.value); enregistrer.effacerChamp('conditionsTexte'); } }}
      />
      <Checkbox
        options={[
          {
            label: 'Autoriser le dépôt des pièces justificatives dématérialisées',
            hintText: "Sinon, l'intervenant envoie ses pièces par courrier au service gestionnaire.",
            nativeInputProps: { name: 'piecesDematerialisees', checked: pieces, onChange: (e) => setPieces(e.target.checked) },
          },
        ]}
      />
      <Input
        label="Intervalle des relances (jours)"
        hintText="Un intervenant dont des états de frais de missions passées restent à valider est relancé par courriel au plus une fois par intervalle."
        state={enregistrer.erreursChamps.relanceIntervalleJours ? 'error' : 'default'}
        stateRelatedMessage={enregistrer.erreursChamps.relanceIntervalleJours}
        nativeInputProps={{ name: 'relanceIntervalleJours', inputMode: 'numeric', maxLength: 2, value: jours, onChange: (e) => { setJours(e.target.value); enregistrer.effacerChamp('relanceIntervalleJours'); }, style: { maxWidth: '8rem' } }}
      />
      <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
        Enregistrer
      </button>
      {confirmation.dialogue}
    </form>
  );
}
