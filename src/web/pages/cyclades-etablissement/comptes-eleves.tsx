// « Générer les comptes Cyclades de mes élèves » (seed 002 §1): the prerequisite, the reopening message
// (every eligible pupil has an account, or how many have none), the grouping of the papillons, the
// number of pupils who already have an account, « Forcer la création d'un nouveau mot de passe »
// (confirmed: the older papillons stop working), « Générer le(s) compte(s) » then the compte rendu,
// and « Accéder aux comptes » (/comptes): the papillons of every run, always available.
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour } from '../../shell/Pages.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { LIBELLE_REGROUPEMENT, MESSAGE_RIEN_A_GENERER, REGROUPEMENTS, type Regroupement } from '../../../domain/cyclades/comptes.ts';
import { AvecServiceGestion, BASE_CYCLADES, DocumentsGeneres, pluriel, SuiviLancement, type EtatComptes, type Lancement } from './commun.tsx';

export const AIDE_FORCER =
  "En cochant cette case, le mot de passe est régénéré pour les élèves qui possèdent déjà un compte ayant un login de type « prenom.nom » généré par l'établissement (établissement actuel ou ancien établissement de l'élève). Si un élève possède déjà un compte avec un login de type « email » (compte créé depuis l'espace candidat à partir d'un email), son mot de passe n'est pas régénéré.";

function Generation({ etat }: { etat: EtatComptes }) {
  const a = useActivite();
  const navigate = useNavigate();
  const [regroupement, setRegroupement] = useState<Regroupement>('division');
  const [forcer, setForcer] = useState(false);
  const [lancement, setLancement] = useState<Lancement | null>(null);
  const confirmation = useConfirmation();
  const generer = useAction(
    async (corps: { regroupement: Regroupement; forcer: boolean }) => {
      const r = await api.post<Lancement>(`${BASE_CYCLADES}/comptes/generer`, corps);
      setLancement(r);
      return r;
    },
    { succes: (r) => r.message },
  );
  // One request at a time, even for a double click faster than React re-renders the disabled button
  // (the server also refuses a second generation while one runs: 409).
  const enVol = useRef(false);
  const lancer = () => {
    if (enVol.current) return;
    enVol.current = true;
    void generer.executer({ regroupement, forcer }).finally(() => {
      enVol.current = false;
    });
  };
  const tousOntUnCompte = etat.nbEligibles > 0 && etat.nbSansCompte === 0;
  // Nothing to generate: the button says why instead of launching an empty run.
  const rienAFaire = etat.nbEligibles === 0 || (forcer ? etat.nbSansCompte + etat.nbRegenerables === 0 : etat.nbSansCompte === 0);
  const pourquoiRien = etat.nbEligibles === 0 ? 'Aucun de vos élèves n’est éligible à un compte CYCLADES : vérifiez leurs candidatures.' : forcer ? 'Aucun compte à créer ni mot de passe à régénérer.' : MESSAGE_RIEN_A_GENERER;
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (rienAFaire || generer.enCours) return;
    if (!forcer) return lancer();
    confirmation.demander({
      titre: 'Confirmer la régénération des mots de passe',
      bouton: 'Régénérer les mots de passe',
      surConfirmation: lancer,
      message: (
        <>
          <p>
            Les mots de passe des comptes « prenom.nom » de vos élèves éligibles ({etat.nbAvecCompte} ont déjà un compte) seront régénérés, et les élèves sans compte en
            recevront un.
          </p>
          <p>
            <strong>Les papillons édités auparavant pour ces élèves ne permettront plus de se connecter</strong> : il faudra leur remettre les nouveaux. Les comptes qu’un élève
            a créés avec son adresse électronique ne sont pas modifiés.
          </p>
        </>
      ),
    });
  };
  const err = generer.erreursChamps;
  // A message of the server that names no field (a generation already running…) is shown beside the button.
  const erreurGenerale = generer.erreur && !Object.keys(err).length ? generer.erreur : null;

  return (
    <>
      <div className={`fr-alert fr-alert--sm fr-mb-3w ${tousOntUnCompte ? 'fr-alert--success' : 'fr-alert--info'}`} id="etat-comptes">
        <p>{etat.message}</p>
      </div>
      <div className="fr-callout fr-mb-3w">
        <p className="fr-callout__text fr-text--md">
          {etat.sessions.length > 0 ? `Session${etat.sessions.length > 1 ? 's' : ''} : ${etat.sessions.map((s) => s.libelle).join(', ')}. ` : 'Aucune session en cours. '}
          {pluriel(etat.nbCandidatures, 'candidature')} de vos élèves, dont {pluriel(etat.nbEligibles, 'éligible')} à un compte CYCLADES.
        </p>
        <p className="fr-text--sm fr-mt-1w">
          Seuls les candidats à l’état « Inscrit » ou « Pré-inscrit » et dont la candidature porte une adresse électronique reçoivent un compte
          {etat.nbNonEligibles > 0 ? ` : ${pluriel(etat.nbNonEligibles, 'candidature n’est pas éligible', 'candidatures ne sont pas éligibles')} (le compte rendu du traitement dit pourquoi).` : '.'} Vérifiez les
          candidatures de vos élèves avant de générer leurs comptes.
        </p>
      </div>

      <form onSubmit={soumettre} noValidate aria-labelledby="titre-generer">
        <h2 className="fr-h5" id="titre-generer">
          Générer les comptes
        </h2>
        <RadioButtons
          legend="Regroupement des comptes"
          hintText="Les papillons de connexion sont classés selon ce regroupement, puis par nom et prénom."
          name="regroupement"
          state={err.regroupement ? 'error' : 'default'}
          stateRelatedMessage={err.regroupement}
          options={REGROUPEMENTS.map((r) => ({
            label: LIBELLE_REGROUPEMENT[r],
            nativeInputProps: { value: r, checked: regroupement === r, onChange: () => setRegroupement(r) },
          }))}
        />
        <p id="nb-avec-compte">
          Nombre de candidats ayant un compte Cyclades généré : <strong>{etat.nbAvecCompte}</strong>
          {etat.nbEligibles > 0 && <span className="fr-text--sm"> (sur {pluriel(etat.nbEligibles, 'candidat éligible', 'candidats éligibles')})</span>}
        </p>
        <div className={`fr-checkbox-group fr-mb-3w ${err.forcer ? 'fr-checkbox-group--error' : ''}`}>
          <input type="checkbox" id="forcer" name="forcer" checked={forcer} onChange={(e) => setForcer(e.target.checked)} aria-describedby={err.forcer ? 'forcer-erreur' : undefined} />
          <label className="fr-label" htmlFor="forcer">
            Forcer la création d’un nouveau mot de passe
            <span className="fr-hint-text">{AIDE_FORCER}</span>
          </label>
          {err.forcer && (
            <p className="fr-message fr-message--error" id="forcer-erreur">
              {err.forcer}
            </p>
          )}
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <button type="submit" className="fr-btn" disabled={generer.enCours || rienAFaire} aria-describedby={rienAFaire ? 'rien-a-generer' : undefined}>
              {etat.dejaGenere ? 'Générer des comptes supplémentaires' : 'Générer le(s) compte(s)'}
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary fr-icon-file-pdf-line" onClick={() => navigate(`${a.base}/comptes`)}>
              Accéder aux comptes
            </button>
          </li>
        </ul>
        {rienAFaire && (
          <p className="fr-message fr-message--info fr-mb-2w" id="rien-a-generer">
            {pourquoiRien}
          </p>
        )}
        {erreurGenerale && (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" id="erreur-generation">
            <p>{erreurGenerale}</p>
          </div>
        )}
        <p className="fr-text--sm">
          Le traitement produit deux documents : l’un avec un papillon de connexion par page, l’autre avec deux papillons par page. Il peut durer quelques minutes. Remettez
          ensuite à chaque élève son papillon : il s’y connecte à son espace candidat et il lui est conseillé de changer son mot de passe à la première connexion.
        </p>
      </form>
      {lancement && <SuiviLancement lancement={lancement} libelleLien="Afficher le compte rendu du traitement" />}

      {confirmation.dialogue}
    </>
  );
}

function AccesComptes() {
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Accéder aux comptes</h2>
      <p>
        Chaque génération produit deux documents : un papillon de connexion par page et deux papillons par page. À un papillon correspond un compte candidat. Ils restent
        toujours disponibles ici.
      </p>
      <DocumentsGeneres />
    </>
  );
}

export default function ComptesEleves() {
  return (
    <AvecServiceGestion>
      {(etat) => <ListeOuDetail liste={<Generation etat={etat} />} detail={() => <AccesComptes />} />}
    </AvecServiceGestion>
  );
}
