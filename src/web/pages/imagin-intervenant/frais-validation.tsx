// « Valider » / « Dévalider » an état de frais and download its « Récapitulatif PDF » (seed 004 §2.4.4.4,
// issue 16 §6, decision 0031). Rendered by the intervenant's état (etats-frais.tsx) beside Précédent /
// Enregistrer:
// - Valider (while the état is modifiable): the app's confirmation says the récapitulatif will be
//   generated with a numéro d'ordre; the server checks the receipts — when some are missing, its message
//   is shown and the page goes to the Récapitulatif tab — then validates, and the PDF (with the receipts
//   appended) is downloaded; « Votre dossier est maintenant pris en compte. Numéro d'ordre : … ».
// - Dévalider (confirmation) while the gestionnaire has not processed it; Récapitulatif PDF once validated.
// Buttons are disabled while their request runs (a double click validates once anyway, server-side).
import { useState } from 'react';
import type { EtatFraisVue, EtatWorkflow } from '../../../domain/imagin/frais/types.ts';
import { api, ErreurApi, telecharger } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useConfirmation } from '../../shell/Confirmation.tsx';

const BASE = '/api/intervenant/etats-frais';

/** Validated states: a récapitulatif PDF exists. */
const VALIDES: ReadonlySet<EtatWorkflow> = new Set(['valide', 'valide_gestionnaire', 'traite_gestionnaire']);

export interface BoutonsValidationProps {
  etat: Pick<EtatFraisVue, 'id' | 'version' | 'workflow' | 'numeroOrdre' | 'modifiable' | 'devalidable' | 'mission'>;
  /** After a validation or dévalidation (or a 409 saying the état changed): the page reads the état again. */
  onChange: (r?: { version: number; workflow: EtatWorkflow; numeroOrdre: number | null }) => void;
  /** Receipts are missing: the page shows the Récapitulatif tab (where they are deposited). */
  onAllerAuRecapitulatif: () => void;
  /**
   * Called before validating, for the page to save what is being edited (« Enregistrer »): returns the
   * version to validate, or null when saving failed (nothing is validated then).
   */
  enregistrerAvant?: () => Promise<number | null>;
}

const nomRecapitulatif = (e: BoutonsValidationProps['etat'], numero: number | null) => `recapitulatif-etat-de-frais-${numero ?? 'provisoire'}-mission-${e.mission.numero}.pdf`;

export function BoutonsValidation({ etat, onChange, onAllerAuRecapitulatif, enregistrerAvant }: BoutonsValidationProps) {
  const confirmation = useConfirmation();
  const [prisEnCompte, setPrisEnCompte] = useState<number | null>(null);

  const valider = useAction(async () => {
    const version = enregistrerAvant ? await enregistrerAvant() : etat.version;
    if (version === null) return undefined;
    let r: { documentId: string; numeroOrdre: number; version: number };
    try {
      r = await api.post<{ documentId: string; numeroOrdre: number; version: number }>(`${BASE}/${etat.id}/valider`, { version });
    } catch (err) {
      if (err instanceof ErreurApi && err.status === 409) {
        if (Object.keys(err.fields).some((c) => c.startsWith('pieces'))) onAllerAuRecapitulatif();
        else onChange();
      }
      throw err;
    }
    setPrisEnCompte(r.numeroOrdre);
    onChange({ version: r.version, workflow: 'valide', numeroOrdre: r.numeroOrdre });
    // The validation is done: a failed download is reported, the button below downloads it again.
    await telecharger(`${BASE}/${etat.id}/recapitulatif`, nomRecapitulatif(etat, r.numeroOrdre));
    return r;
  });

  const devalider = useAction(
    async () => {
      try {
        return await api.post<{ version: number }>(`${BASE}/${etat.id}/devalider`, { version: etat.version });
      } catch (err) {
        if (err instanceof ErreurApi && err.status === 409) onChange();
        throw err;
      }
    },
    { succes: () => 'Votre état de frais est dévalidé : vous pouvez de nouveau le modifier, puis le valider.' },
  );

  const recapitulatif = useAction(() => telecharger(`${BASE}/${etat.id}/recapitulatif`, nomRecapitulatif(etat, etat.numeroOrdre)), {
    succes: (nom) => `Récapitulatif téléchargé : ${nom}.`,
  });

  const demanderValidation = () =>
    confirmation.demander({
      titre: "Valider l'état de frais",
      message: (
        <>
          <p>
            Votre état de frais sera transmis au service de gestion académique et ne sera plus modifiable. Un fichier récapitulatif au format PDF sera généré avec un numéro
            d'ordre, à rappeler pour tout échange avec le gestionnaire ; vos pièces justificatives déposées y sont jointes.
          </p>
          <p>Conservez ce document. Si vous envoyez vos justificatifs par voie postale, joignez-y une copie du récapitulatif.</p>
        </>
      ),
      bouton: "Valider l'état de frais",
      surConfirmation: () => void valider.executer(),
    });

  const demanderDevalidation = () =>
    confirmation.demander({
      titre: "Dévalider l'état de frais",
      message: "Votre état de frais ne sera plus transmis au service de gestion tant que vous ne l'aurez pas validé de nouveau. Son numéro d'ordre est conservé.",
      bouton: "Dévalider l'état de frais",
      surConfirmation: () =>
        void devalider.executer().then((r) => {
          if (!r) return;
          setPrisEnCompte(null);
          onChange({ version: r.version, workflow: 'non_valide', numeroOrdre: etat.numeroOrdre });
        }),
    });

  // Validated, or just validated while the page reads the état again.
  const valide = VALIDES.has(etat.workflow) || (prisEnCompte !== null && etat.workflow === 'non_valide');
  const numero = prisEnCompte ?? etat.numeroOrdre;
  return (
    <div className="frais-validation">
      {prisEnCompte !== null && (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>
            Votre dossier est maintenant pris en compte. Numéro d'ordre : <strong>{prisEnCompte}</strong>. Conservez le récapitulatif téléchargé ; rappelez ce numéro pour tout
            échange avec le gestionnaire.
          </p>
        </div>
      )}
      {valide && prisEnCompte === null && numero !== null && (
        <p className="fr-mb-1w">
          État de frais validé. Numéro d'ordre : <strong>{numero}</strong>.
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {etat.modifiable && !valide && (
          <li>
            <button type="button" className="fr-btn fr-icon-check-line" disabled={valider.enCours} onClick={demanderValidation}>
              {valider.enCours ? 'Validation en cours…' : 'Valider'}
            </button>
          </li>
        )}
        {valide && etat.devalidable && (
          <li>
            <button type="button" className="fr-btn fr-btn--secondary fr-icon-arrow-go-back-line" disabled={devalider.enCours} onClick={demanderDevalidation}>
              {devalider.enCours ? 'Dévalidation en cours…' : 'Dévalider'}
            </button>
          </li>
        )}
        {valide && (
          <li>
            <button type="button" className="fr-btn fr-btn--tertiary fr-icon-download-line" disabled={recapitulatif.enCours} onClick={() => void recapitulatif.executer()}>
              {recapitulatif.enCours ? 'Téléchargement…' : 'Récapitulatif PDF'}
            </button>
          </li>
        )}
      </ul>
      {confirmation.dialogue}
    </div>
  );
}
