// Validation saisie compétence (seed 003 §3.4): the établissement tells the service des examens that
// the compétences of its personnels are entered; they are then read-only until the service reopens them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Chargement } from '../../shell/Pages.tsx';

const URL_VALIDATION = '/api/etablissement/validation-competences';

interface Validation {
  anneeScolaire: string;
  validee: boolean;
  valideeLe: string | null;
  valideePar: string | null;
  rouverteLe: string | null;
  message: string | null;
}

export default function ValidationCompetences() {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['etablissement', 'validation-competences'], queryFn: () => api.get<Validation>(URL_VALIDATION) });
  const [termine, setTermine] = useState(false);
  const valider = useAction(
    async () => {
      const r = await api.post<Validation>(URL_VALIDATION, { termine: true });
      client.setQueryData(['etablissement', 'validation-competences'], r);
      await client.invalidateQueries({ queryKey: ['etablissement', 'competences'] });
      return r;
    },
    { succes: (r) => r.message ?? 'La saisie des compétences est validée.' },
  );
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (!termine) return valider.signalerChamps({ termine: "Cochez « J'ai terminé la saisie des compétences. » avant de valider." });
    void valider.executer();
  };
  const v = q.data;
  const erreur = valider.erreursChamps.termine;
  return (
    <>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {v && (
        <>
          {!v.validee && (
            <>
              <p>
                Lorsque la saisie des compétences des enseignants de votre établissement est terminée, vous devez valider la saisie. Pour ce faire, veuillez cocher la case et cliquer
                sur le bouton « Valider ».
              </p>
              <p>Vous ne pourrez plus alors modifier la saisie des compétences.</p>
              <p>Si vous deviez ultérieurement procéder à des modifications, il vous faudrait prendre contact avec le service des examens.</p>
            </>
          )}
          <p className="fr-text--sm">Année scolaire {v.anneeScolaire}.</p>
          {v.validee ? (
            <div className="fr-alert fr-alert--success fr-mb-2w" id="etat-validation" role="status">
              <h2 className="fr-alert__title">Saisie des compétences validée</h2>
              <p>
                Validée le {formaterDateHeure(v.valideeLe)}
                {v.valideePar ? ` par ${v.valideePar}` : ''}.
              </p>
              {v.message && <p>{v.message}</p>}
            </div>
          ) : (
            <>
              {v.message && (
                <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="etat-validation">
                  <p>{v.message}</p>
                </div>
              )}
              <form onSubmit={soumettre} noValidate>
                <p className="fr-text--sm">* Champ obligatoire</p>
                <fieldset className={`fr-fieldset ${erreur ? 'fr-fieldset--error' : ''}`} aria-labelledby="legende-validation" aria-describedby={erreur ? 'erreur-validation' : undefined}>
                  <legend className="fr-sr-only" id="legende-validation">
                    Validation de la saisie des compétences
                  </legend>
                  <div className="fr-fieldset__element">
                    <div className="fr-checkbox-group">
                      <input type="checkbox" id="saisie-terminee" name="termine" checked={termine} onChange={(e) => setTermine(e.target.checked)} aria-invalid={erreur ? true : undefined} />
                      <label className="fr-label" htmlFor="saisie-terminee">
                        J'ai terminé la saisie des compétences. *
                      </label>
                    </div>
                  </div>
                  <div className="fr-messages-group" aria-live="polite">
                    {erreur && (
                      <p className="fr-message fr-message--error" id="erreur-validation">
                        {erreur}
                      </p>
                    )}
                  </div>
                </fieldset>
                <button type="submit" className="fr-btn" disabled={valider.enCours}>
                  Valider
                </button>
              </form>
            </>
          )}
        </>
      )}
    </>
  );
}
