// Pièces justificatives of an état de frais (seed 004 §2.4.4.4, decision 0030), one group at a time:
// « Récapitulatif des pièces justificatives du dossier paie » / « … du déplacement ». The receipts asked
// for, the files deposited (date, « déposé par le gestionnaire »), the upload (checked here with the
// same rules as the server, the format read from the file's first bytes; progress while sending), ✗ to
// remove after the app's confirmation — or, when the académie does not allow uploads, the sentence that
// the receipts go by post. Rendered by the intervenant's état (etats-frais.tsx, base '/api/intervenant')
// and the gestionnaire's (base '/api/gestion': he deposits at any time, never removes).
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { ACCEPT_PIECES, LIBELLE_GROUPE_PIECE, OCTETS_SIGNATURE, PIECES_MAX_PAR_GROUPE, TITRE_GROUPE_PIECE, verifierFichier } from '../../../domain/imagin/frais/pieces.ts';
import type { GroupePiece, PieceRequise, PieceVue } from '../../../domain/imagin/frais/types.ts';
import { api, ErreurApi, telecharger, televerser } from '../../app/api.ts';
import { useConfirmation } from '../../shell/Confirmation.tsx';

export interface PiecesJustificativesProps {
  etatId: number;
  groupe: GroupePiece;
  /** The état's receipts (all groups: those of `groupe` are shown). */
  pieces: PieceVue[];
  /** The receipts the récapitulatif asks for (all groups). */
  requises: PieceRequise[];
  /** The état may still change (intervenant: not validated). The gestionnaire's page passes true. */
  modifiable: boolean;
  /** '/api/intervenant' or '/api/gestion'. */
  base: '/api/intervenant' | '/api/gestion';
  /** After a deposit or a removal: the page reads the état again. */
  onChange?: () => void;
  /** The académie allows dematerialised receipts (frais_parametres); otherwise they go by post. Default: true. */
  dematerialisees?: boolean;
}

export const MESSAGE_PAR_COURRIER =
  'Votre académie n’autorise pas le dépôt des pièces justificatives en ligne : envoyez-les par voie postale au service gestionnaire de la division des examens et concours.';

const dateDepot = (iso: string) => {
  const d = new Date(iso);
  return `${d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} à ${d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })}`;
};

export const tailleLisible = (octets: number) =>
  octets >= 1024 * 1024 ? `${(octets / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo` : `${Math.max(1, Math.round(octets / 1024)).toLocaleString('fr-FR')} ko`;

const messageErreur = (e: unknown) => (e instanceof ErreurApi ? (e.fields.fichier ?? e.message) : e instanceof Error ? e.message : String(e));

export function PiecesJustificatives({ etatId, groupe, pieces, requises, modifiable, base, onChange, dematerialisees = true }: PiecesJustificativesProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const champ = useRef<HTMLInputElement>(null);
  const confirmation = useConfirmation();
  const [envoi, setEnvoi] = useState<{ nom: string; fraction: number } | null>(null);
  const [suppression, setSuppression] = useState<string | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [annonce, setAnnonce] = useState<string>('');

  const gestionnaire = base === '/api/gestion';
  const duGroupe = pieces.filter((p) => p.groupe === groupe);
  const demandees = requises.filter((r) => r.groupe === groupe);
  const depotPossible = modifiable && (gestionnaire || dematerialisees);
  const complet = duGroupe.length >= PIECES_MAX_PAR_GROUPE;
  const url = `${base}/etats-frais/${etatId}/pieces`;

  async function choisir(e: ChangeEvent<HTMLInputElement>) {
    const fichier = e.target.files?.[0];
    setErreur(null);
    setAnnonce('');
    if (!fichier) return;
    const premiers = new Uint8Array(await fichier.slice(0, OCTETS_SIGNATURE * 2).arrayBuffer());
    const verdict = verifierFichier(fichier.name, fichier.size, premiers, duGroupe.length, groupe);
    if ('erreur' in verdict) {
      setErreur(verdict.erreur);
      if (champ.current) champ.current.value = '';
      return;
    }
    setEnvoi({ nom: fichier.name, fraction: 0 });
    try {
      await televerser<PieceVue>(`${url}?groupe=${groupe}&nom=${encodeURIComponent(fichier.name)}`, fichier, (fraction) => setEnvoi({ nom: fichier.name, fraction }));
      setAnnonce(`« ${fichier.name} » a été déposé.`);
      onChange?.();
    } catch (err) {
      setErreur(messageErreur(err));
    } finally {
      setEnvoi(null);
      if (champ.current) champ.current.value = '';
    }
  }

  function supprimer(p: PieceVue) {
    confirmation.demander({
      titre: 'Supprimer la pièce justificative',
      message: `« ${p.nom} » sera supprimé des pièces justificatives du ${LIBELLE_GROUPE_PIECE[groupe]}.`,
      bouton: 'Supprimer',
      surConfirmation: async () => {
        setSuppression(p.id);
        setErreur(null);
        try {
          const r = await api.delete<{ message: string }>(`${url}/${p.id}`);
          setAnnonce(r.message);
          onChange?.();
        } catch (err) {
          setErreur(messageErreur(err));
        } finally {
          setSuppression(null);
        }
      },
    });
  }

  async function ouvrir(p: PieceVue) {
    setErreur(null);
    try {
      await telecharger(`${url}/${p.id}`, p.nom);
    } catch (err) {
      setErreur(messageErreur(err));
    }
  }

  return (
    <section className="fr-mb-4w pieces-justificatives" aria-labelledby={`titre-pieces-${id}`} id={`pieces-${groupe}`}>
      <h3 className="fr-h6" id={`titre-pieces-${id}`}>
        {TITRE_GROUPE_PIECE[groupe]}
      </h3>
      {demandees.length > 0 ? (
        <>
          <p className="fr-mb-1w">Pièces à fournir :</p>
          <ul className="fr-mb-2w">
            {demandees.map((r) => (
              <li key={r.code}>{r.libelle}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="fr-mb-2w">Aucune pièce justificative n’est demandée pour le {LIBELLE_GROUPE_PIECE[groupe]}.</p>
      )}

      {duGroupe.length > 0 ? (
        <>
          <p className="fr-mb-1w">Documents déposés ({duGroupe.length} sur {PIECES_MAX_PAR_GROUPE} au plus) :</p>
          <ul className="fr-mb-2w pieces-justificatives__liste">
            {duGroupe.map((p) => (
              <li key={p.id} className="fr-mb-1v">
                <button type="button" className="fr-link fr-icon-download-line fr-link--icon-left" onClick={() => ouvrir(p)} title={`Télécharger « ${p.nom} »`}>
                  {p.nom}
                </button>{' '}
                <span className="fr-text--sm">
                  — {tailleLisible(p.taille)}, déposé le {dateDepot(p.deposeLe)}
                </span>
                {p.deposeParGestionnaire && <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">déposé par le gestionnaire</span>}
                {!gestionnaire && modifiable && p.supprimable && (
                  <button
                    type="button"
                    className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-ml-1w"
                    aria-label={`Supprimer « ${p.nom} »`}
                    title={`Supprimer « ${p.nom} »`}
                    disabled={suppression !== null || envoi !== null}
                    onClick={() => supprimer(p)}
                  >
                    ✗
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        depotPossible && <p className="fr-mb-2w">Aucun document n’a encore été déposé pour le {LIBELLE_GROUPE_PIECE[groupe]}.</p>
      )}

      {!gestionnaire && !dematerialisees && <p className="fr-mb-2w">{MESSAGE_PAR_COURRIER}</p>}

      {depotPossible &&
        (complet ? (
          <p className="fr-mb-2w">
            {PIECES_MAX_PAR_GROUPE} documents ont été déposés pour le {LIBELLE_GROUPE_PIECE[groupe]} : supprimez-en un pour en déposer un autre.
          </p>
        ) : (
          <div className={`fr-upload-group${erreur ? ' fr-input-group--error' : ''}`}>
            <label className="fr-label" htmlFor={`fichier-${id}`}>
              Ajouter un document au {LIBELLE_GROUPE_PIECE[groupe]}
              <span className="fr-hint-text">
                Formats .jpeg, .jpg, .png, .pdf, .gif ; 5 Mo au plus ; nom de 50 caractères au plus (lettres sans accent, chiffres, « _ » et « - ») ; {PIECES_MAX_PAR_GROUPE} documents au plus.
              </span>
            </label>
            <input
              ref={champ}
              className="fr-upload"
              type="file"
              id={`fichier-${id}`}
              name={`fichier-${groupe}`}
              accept={ACCEPT_PIECES}
              disabled={envoi !== null || suppression !== null}
              aria-describedby={erreur ? `erreur-${id}` : undefined}
              onChange={choisir}
            />
            {erreur && (
              <p className="fr-error-text" id={`erreur-${id}`}>
                {erreur}
              </p>
            )}
          </div>
        ))}
      {!depotPossible && erreur && (
        <p className="fr-error-text" id={`erreur-${id}`}>
          {erreur}
        </p>
      )}
      {envoi && (
        <div className="fr-mt-1w">
          <progress max={100} value={Math.round(envoi.fraction * 100)} aria-label={`Envoi de « ${envoi.nom} »`} />{' '}
          <span className="fr-text--sm">Envoi de « {envoi.nom} » : {Math.round(envoi.fraction * 100)} %</span>
        </div>
      )}
      <p className="fr-sr-only" role="status">
        {annonce}
      </p>
      {confirmation.dialogue}
    </section>
  );
}
