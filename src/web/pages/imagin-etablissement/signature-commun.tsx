// The screen shared by « Signature centre pour la convocation » and « Signature établissement pour la
// convocation » (seed 003 §4.4): the signatory (CHEF DE CENTRE or CHEF D'ETABLISSEMENT), Autorité,
// Intitulé, Nom, Ville; « Prévisualiser convocation » downloads a fictitious convocation signed with
// what is typed (saved or not); « Sauvegarder » records it. What is typed survives the session's end.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type FormEvent } from 'react';
import { api, telecharger } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useBrouillon } from '../../app/brouillons.ts';
import { consoleMessages } from '../../app/console.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Chargement } from '../../shell/Pages.tsx';

export type TypeSignature = 'centre' | 'etablissement';

interface Valeurs {
  autorite: string;
  intitule: string;
  nom: string;
  ville: string;
}

interface Signature extends Valeurs {
  type: TypeSignature;
  sousTitre: string;
  enregistree: boolean;
  modifieLe: string | null;
}

/** The fields, their label, the article of their messages and their longest value (as the server checks). */
const CHAMPS: Array<{ id: keyof Valeurs; libelle: string; nomme: string; max: number; aide: string }> = [
  { id: 'autorite', libelle: 'Autorité', nomme: "L'autorité", max: 80, aide: 'Par exemple « Pour le recteur et par délégation » ou « Le chef de centre ».' },
  { id: 'intitule', libelle: 'Intitulé', nomme: "L'intitulé", max: 80, aide: 'La fonction du signataire, par exemple « Le proviseur, chef de centre ».' },
  { id: 'nom', libelle: 'Nom', nomme: 'Le nom', max: 80, aide: 'Le nom du signataire, tel qu’il doit figurer sous la signature.' },
  { id: 'ville', libelle: 'Ville', nomme: 'La ville', max: 50, aide: 'Imprimée dans « Fait à <ville>, le <date> ».' },
];

/** The same checks as the server's, to show each field's message before sending. */
export function erreursSignature(v: Valeurs): Record<string, string> {
  const erreurs: Record<string, string> = {};
  for (const c of CHAMPS) {
    const t = v[c.id].trim();
    if (!t) erreurs[c.id] = `${c.nomme} est obligatoire.`;
    else if (t.length > c.max) erreurs[c.id] = `${c.nomme} ne doit pas dépasser ${c.max} caractères.`;
  }
  return erreurs;
}

function nettoyer(v: Valeurs): Valeurs {
  return { autorite: v.autorite.trim(), intitule: v.intitule.trim(), nom: v.nom.trim(), ville: v.ville.trim() };
}

const QUI: Record<TypeSignature, string> = { centre: 'du chef de centre', etablissement: 'du chef d’établissement' };

function Formulaire({ s }: { s: Signature }) {
  const client = useQueryClient();
  const url = `/api/centre/signatures/${s.type}`;
  const initiale: Valeurs = { autorite: s.autorite, intitule: s.intitule, nom: s.nom, ville: s.ville };
  const b = useBrouillon<Valeurs>(`signature:${s.type}`, `Signature ${QUI[s.type]} pour la convocation`, initiale);
  useEffect(() => {
    if (b.restaure) consoleMessages.info(`Votre saisie non sauvegardée de la signature ${QUI[s.type]} a été restaurée : vérifiez-la puis sauvegardez-la.`);
    // Only once, when the form opens with a restored draft.
  }, []);

  const sauvegarder = useAction(
    async (v: Valeurs) => {
      const r = await api.put<Signature & { message: string }>(url, v);
      b.enregistre({ autorite: r.autorite, intitule: r.intitule, nom: r.nom, ville: r.ville });
      client.setQueryData(['centre', 'signature', s.type], r);
      return r;
    },
    { succes: (r) => r.message },
  );
  const previsualiser = useAction((v: Valeurs) => telecharger(`${url}/previsualisation`, `convocation-fictive-signature-${s.type}.pdf`, { methode: 'POST', corps: v }), {
    succes: (nom) => `Convocation fictive téléchargée : ${nom}.`,
  });
  // The fields' messages come from the last action, whichever it was.
  const erreurs = { ...previsualiser.erreursChamps, ...sauvegarder.erreursChamps };

  const verifier = (action: typeof sauvegarder | typeof previsualiser): Valeurs | null => {
    const e = erreursSignature(b.valeur);
    sauvegarder.effacerErreurs();
    previsualiser.effacerErreurs();
    if (Object.keys(e).length) {
      action.signalerChamps(e);
      document.getElementById(`signature-${Object.keys(e)[0]}`)?.focus();
      return null;
    }
    return nettoyer(b.valeur);
  };
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const v = verifier(sauvegarder);
    if (v) void sauvegarder.executer(v);
  };

  return (
    <form onSubmit={soumettre} noValidate className="signature" aria-labelledby="signataire">
      <h2 className="fr-h5" id="signataire">
        {s.sousTitre}
      </h2>
      {b.restaure && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>Ces valeurs sont votre saisie non sauvegardée, conservée lors de la fin de votre session précédente. Sauvegardez-la ou annulez-la.</p>
        </div>
      )}
      {!s.enregistree ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="signature-etat">
          <p>
            Aucune signature {QUI[s.type]} n’est encore sauvegardée : les convocations portent alors la seule mention «{' '}
            {s.type === 'centre' ? 'Le chef de centre d’examen' : 'Le chef d’établissement'} ». Complétez les champs puis sauvegardez.
          </p>
        </div>
      ) : (
        <p className="fr-text--sm" id="signature-etat">
          Signature sauvegardée le {formaterDateHeure(s.modifieLe)}. Elle figure au bas des convocations que signe le {s.type === 'centre' ? 'chef de centre' : 'chef d’établissement'}.
        </p>
      )}
      <p className="fr-text--sm">Tous les champs sont obligatoires.</p>
      {CHAMPS.map((c) => (
        <Input
          key={c.id}
          label={c.libelle}
          hintText={`${c.aide} ${c.max} caractères au plus.`}
          state={erreurs[c.id] ? 'error' : 'default'}
          stateRelatedMessage={erreurs[c.id]}
          nativeInputProps={{
            id: `signature-${c.id}`,
            name: c.id,
            value: b.valeur[c.id],
            autoComplete: 'off',
            required: true,
            onChange: (e) => b.modifier((p) => ({ ...p, [c.id]: e.target.value })),
          }}
        />
      ))}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
        <li>
          <button
            type="button"
            className="fr-btn fr-btn--secondary"
            disabled={previsualiser.enCours}
            title="Télécharge une convocation fictive (PDF) signée avec les valeurs saisies, même non sauvegardées"
            onClick={() => {
              const v = verifier(previsualiser);
              if (v) void previsualiser.executer(v);
            }}
          >
            Prévisualiser convocation
          </button>
        </li>
        <li>
          <button type="submit" className="fr-btn" disabled={sauvegarder.enCours}>
            Sauvegarder
          </button>
        </li>
        {b.modifie && (
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary"
              onClick={() => {
                b.annuler();
                sauvegarder.effacerErreurs();
                previsualiser.effacerErreurs();
              }}
            >
              Annuler les modifications
            </button>
          </li>
        )}
      </ul>
    </form>
  );
}

export function SignatureConvocation({ type }: { type: TypeSignature }) {
  const q = useQuery({ queryKey: ['centre', 'signature', type], queryFn: () => api.get<Signature>(`/api/centre/signatures/${type}`) });
  return (
    <>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {q.data && <Formulaire key={q.data.type} s={q.data} />}
    </>
  );
}
