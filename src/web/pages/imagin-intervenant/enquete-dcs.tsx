// « Enquête DCS » (intervenant, seed 004 §2.9): shown in the SIEC's IMAG'IN to the DCS teachers while
// the gestionnaire keeps it open. Six steps (DSFR Stepper): each one checked here with the server's own
// rules (the message on the field), saved on its own by « Enregistrer » with the version the page read
// (another window saved meanwhile → the server's 409, and « Recharger mes réponses enregistrées »);
// « Précédent » / « Suivant » keep what is typed in each step until it is saved. The summary lists the
// steps saved; « Valider mes réponses » (confirmation) says the survey is answered; the answers stay
// editable while it is open, and remain validated (decision 0023).
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  anneeCivile,
  controlerEtape,
  EPREUVES_ECRITES,
  EPREUVES_ORALES,
  ETAPES,
  LIBELLE_ETAPE,
  LIBELLE_SITUATION,
  MAX_ETABLISSEMENTS,
  reponseVide,
  SITUATIONS,
  UNITES_ENSEIGNEMENT,
  type Diplome,
  type Etape,
  type OuiNon,
  type ReponseActivite,
  type ReponseEnseignements,
  type ReponseEpreuves,
  type ReponseEtablissements,
  type ReponsesEtapes,
  type ReponseVae,
  type UniteEnseignement,
} from '../../../domain/imagin/enquete-dcs.ts';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { texteErreur } from '../../app/console.ts';
import { Chargement } from '../../shell/Pages.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';

const URL_ENQUETE = '/api/intervenant/enquete-dcs';
const CLE = ['intervenant', 'enquete-dcs'];

type Etapes = { [E in Etape]: ReponsesEtapes[E] | null };

interface MesReponses {
  annee: number;
  version: number;
  etapes: Etapes;
  enregistrees: Etape[];
  modifieLe: string | null;
  valideLe: string | null;
  etablissementsConnus: Array<{ uai: string; libelle: string; principal: boolean }>;
}

type Erreurs = Record<string, string>;

const dateHeure = (iso: string) => {
  const d = new Date(iso);
  return `${d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} à ${d.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' })}`;
};

/** What the form starts with: the saved answer, else step 2's établissements from the personnel data. */
function brouillonsInitiaux(d: MesReponses): ReponsesEtapes {
  const b = {} as Record<Etape, unknown>;
  for (const e of ETAPES) b[e] = d.etapes[e] ?? reponseVide(e);
  if (!d.etapes.etablissements && d.etablissementsConnus.length > 0) {
    b.etablissements = { aucun: false, etablissements: d.etablissementsConnus.slice(0, MAX_ETABLISSEMENTS).map(({ uai, libelle }) => ({ uai, libelle })) };
  }
  return b as unknown as ReponsesEtapes;
}

export default function EnqueteDcs() {
  const q = useQuery({ queryKey: CLE, queryFn: () => api.get<MesReponses>(URL_ENQUETE) });
  const [rechargements, setRechargements] = useState(0);
  if (q.isPending) return <Chargement />;
  if (q.error)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
        <p>{texteErreur(q.error)}</p>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={() => void q.refetch()}>
          Réessayer
        </button>
      </div>
    );
  // A new key after « Recharger mes réponses enregistrées »: the form starts again from what is saved.
  return (
    <Enquete
      key={rechargements}
      donnees={q.data}
      recharger={() =>
        void q.refetch().then(() => {
          setRechargements((n) => n + 1);
        })
      }
    />
  );
}

function Enquete({ donnees, recharger }: { donnees: MesReponses; recharger: () => void }) {
  const client = useQueryClient();
  const confirmation = useConfirmation();
  const [courante, setCourante] = useState(() => Math.max(0, ETAPES.findIndex((e) => !donnees.enregistrees.includes(e))));
  const [version, setVersion] = useState(donnees.version);
  const [enregistrees, setEnregistrees] = useState<Etapes>(donnees.etapes);
  const [brouillons, setBrouillons] = useState<ReponsesEtapes>(() => brouillonsInitiaux(donnees));
  const [valideLe, setValideLe] = useState(donnees.valideLe);
  const [modifieLe, setModifieLe] = useState(donnees.modifieLe);
  const [perime, setPerime] = useState(false);
  const titre = useRef<HTMLHeadingElement>(null);
  const premierAffichage = useRef(true);

  const etape = ETAPES[courante]!;
  const modifiee = JSON.stringify(brouillons[etape]) !== JSON.stringify(enregistrees[etape] ?? null);

  // Going to another step brings the focus to its title (keyboard and screen reader users).
  useEffect(() => {
    if (premierAffichage.current) {
      premierAffichage.current = false;
      return;
    }
    titre.current?.focus();
  }, [courante]);

  const majCache = (m: Partial<MesReponses>) => client.setQueryData<MesReponses>(CLE, (d) => (d ? { ...d, ...m } : d));

  const enregistrer = useAction(
    async (e: Etape, reponse: unknown) => {
      try {
        return await api.put<{ version: number; valeur: ReponsesEtapes[Etape]; modifieLe: string; message: string }>(`${URL_ENQUETE}/etapes/${e}`, { version, reponse });
      } catch (err) {
        if (err instanceof ErreurApi && err.status === 409) setPerime(true);
        throw err;
      }
    },
    { succes: (r) => r.message },
  );
  const valider = useAction(
    async () => {
      try {
        return await api.post<{ version: number; valideLe: string; message: string }>(`${URL_ENQUETE}/validation`, { version });
      } catch (err) {
        if (err instanceof ErreurApi && err.status === 409) setPerime(true);
        throw err;
      }
    },
    { succes: (r) => r.message },
  );

  const modifier = <E extends Etape>(e: E, v: ReponsesEtapes[E], champ?: string) => {
    setBrouillons((b) => ({ ...b, [e]: v }));
    if (champ) enregistrer.effacerChamp(champ);
  };

  const soumettre = async (ev: FormEvent) => {
    ev.preventDefault();
    const controle = controlerEtape(etape, brouillons[etape], anneeCivile(new Date()));
    if (!controle.ok) {
      enregistrer.signalerChamps(controle.champs);
      // The first field at fault gets the focus.
      const premier = Object.keys(controle.champs)[0]!;
      document.querySelector<HTMLElement>(`form [name="${premier}"], [data-champ="${premier}"] input, [data-champ="${premier}"]`)?.focus();
      return;
    }
    const r = await enregistrer.executer(etape, brouillons[etape]);
    if (!r) return;
    setVersion(r.version);
    setEnregistrees((x) => ({ ...x, [etape]: r.valeur }));
    setBrouillons((b) => ({ ...b, [etape]: r.valeur }));
    setModifieLe(r.modifieLe);
    majCache({ version: r.version, modifieLe: r.modifieLe });
  };

  const aller = (i: number) => {
    enregistrer.effacerErreurs();
    setCourante(i);
  };

  const manquantes = ETAPES.filter((e) => enregistrees[e] === null);
  const demanderValidation = () =>
    confirmation.demander({
      titre: 'Valider mes réponses',
      message: valideLe
        ? `Vos réponses ont déjà été validées le ${dateHeure(valideLe)}. Les valider de nouveau signale au service de gestion que vous avez terminé vos modifications.`
        : "Vous signalez au service de gestion que vous avez terminé de répondre à l'enquête DCS. Tant que l'enquête est ouverte, vous pourrez encore modifier vos réponses.",
      bouton: 'Valider mes réponses',
      surConfirmation: () =>
        void valider.executer().then((r) => {
          if (!r) return;
          setVersion(r.version);
          setValideLe(r.valideLe);
          majCache({ version: r.version, valideLe: r.valideLe });
        }),
    });

  const erreurs = enregistrer.erreursChamps;
  return (
    <div className="enquete-dcs">
      <p className="fr-mb-2w">
        Campagne {donnees.annee}.{' '}
        {valideLe ? (
          <strong>
            Réponses validées le {dateHeure(valideLe)}
            {modifieLe && modifieLe > valideLe ? `, modifiées le ${dateHeure(modifieLe)}` : ''}.
          </strong>
        ) : (
          <span>Réponses non validées.</span>
        )}{' '}
        Tant que l'enquête est ouverte, vous pouvez modifier vos réponses.
      </p>
      {perime && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="alert">
          <p>Vos réponses ont été enregistrées depuis une autre fenêtre ou un autre appareil. Rechargez-les avant de les modifier (votre saisie non enregistrée sera perdue).</p>
          <button type="button" className="fr-btn fr-btn--sm fr-mt-1w" onClick={recharger}>
            Recharger mes réponses enregistrées
          </button>
        </div>
      )}
      <Stepper
        currentStep={courante + 1}
        stepCount={ETAPES.length}
        title={<span ref={titre} tabIndex={-1}>{LIBELLE_ETAPE[etape]}</span>}
        nextTitle={courante < ETAPES.length - 1 ? LIBELLE_ETAPE[ETAPES[courante + 1]!] : undefined}
      />
      <form onSubmit={(e) => void soumettre(e)} noValidate aria-label={`Étape ${courante + 1} : ${LIBELLE_ETAPE[etape]}`}>
        {etape === 'activite' && <EtapeActivite v={brouillons.activite} erreurs={erreurs} modifier={(v, c) => modifier('activite', v, c)} />}
        {etape === 'etablissements' && <EtapeEtablissements v={brouillons.etablissements} erreurs={erreurs} modifier={(v, c) => modifier('etablissements', v, c)} />}
        {etape === 'enseignements' && <EtapeEnseignements v={brouillons.enseignements} erreurs={erreurs} modifier={(v, c) => modifier('enseignements', v, c)} />}
        {etape === 'vae' && <EtapeVae v={brouillons.vae} erreurs={erreurs} modifier={(v, c) => modifier('vae', v, c)} />}
        {etape === 'epreuves-ecrites' && <EtapeEpreuves ecrites v={brouillons['epreuves-ecrites']} erreurs={erreurs} modifier={(v, c) => modifier('epreuves-ecrites', v, c)} />}
        {etape === 'epreuves-orales' && <EtapeEpreuves ecrites={false} v={brouillons['epreuves-orales']} erreurs={erreurs} modifier={(v, c) => modifier('epreuves-orales', v, c)} />}
        <p className="fr-text--sm fr-mb-1w" aria-live="polite">
          {enregistrees[etape] === null ? 'Étape non enregistrée.' : modifiee ? 'Modifications non enregistrées.' : 'Étape enregistrée.'}
        </p>
        <div className="enquete-dcs__navigation">
          <button type="button" className="fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left" disabled={courante === 0} onClick={() => aller(courante - 1)}>
            Précédent
          </button>
          <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
            Enregistrer
          </button>
          <button type="button" className="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right" disabled={courante === ETAPES.length - 1} onClick={() => aller(courante + 1)}>
            Suivant
          </button>
        </div>
      </form>
      <h2 className="fr-h6 fr-mt-3w">Récapitulatif</h2>
      <ol className="enquete-dcs__recap">
        {ETAPES.map((e, i) => (
          <li key={e}>
            <button type="button" className="fr-link" aria-current={i === courante ? 'step' : undefined} onClick={() => aller(i)}>
              {LIBELLE_ETAPE[e]}
            </button>{' '}
            : {enregistrees[e] === null ? <span className="fr-badge fr-badge--sm fr-badge--warning">À enregistrer</span> : <span className="fr-badge fr-badge--sm fr-badge--success">Enregistrée</span>}
          </li>
        ))}
      </ol>
      <button type="button" className="fr-btn fr-mt-1w" disabled={valider.enCours || manquantes.length > 0 || perime} onClick={demanderValidation}>
        Valider mes réponses
      </button>
      {manquantes.length > 0 && <p className="fr-hint-text fr-mt-1w">Enregistrez les six étapes pour pouvoir valider vos réponses ({manquantes.length} restante{manquantes.length > 1 ? 's' : ''}).</p>}
      {confirmation.dialogue}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The steps

interface EtapeProps<T> {
  v: T;
  erreurs: Erreurs;
  modifier: (v: T, champ?: string) => void;
}

const etat = (m: string | undefined) => (m ? ('error' as const) : ('default' as const));

function EtapeActivite({ v, erreurs, modifier }: EtapeProps<ReponseActivite>) {
  return (
    <>
      <div data-champ="situation">
        <RadioButtons
          legend="Situation actuelle"
          name="situation"
          state={etat(erreurs.situation)}
          stateRelatedMessage={erreurs.situation}
          options={SITUATIONS.map((s) => ({ label: LIBELLE_SITUATION[s], nativeInputProps: { value: s, checked: v.situation === s, onChange: () => modifier({ ...v, situation: s }, 'situation') } }))}
        />
      </div>
      {v.situation === 'en_activite' && (
        <Input
          label="Fonction exercée"
          hintText="Par exemple : professeur agrégé d’économie et gestion, expert-comptable, commissaire aux comptes."
          state={etat(erreurs.fonction)}
          stateRelatedMessage={erreurs.fonction}
          nativeInputProps={{ name: 'fonction', value: v.fonction, maxLength: 200, onChange: (e) => modifier({ ...v, fonction: e.target.value }, 'fonction') }}
        />
      )}
      {v.situation === 'retraite' && (
        <Input
          label="Année de départ en retraite"
          hintText="Sur 4 chiffres, par exemple 2022."
          state={etat(erreurs.anneeRetraite)}
          stateRelatedMessage={erreurs.anneeRetraite}
          nativeInputProps={{ name: 'anneeRetraite', inputMode: 'numeric', value: v.anneeRetraite, maxLength: 4, onChange: (e) => modifier({ ...v, anneeRetraite: e.target.value }, 'anneeRetraite') }}
        />
      )}
      {v.situation === 'autre' && (
        <Input
          label="Précisez votre situation"
          state={etat(erreurs.precision)}
          stateRelatedMessage={erreurs.precision}
          nativeInputProps={{ name: 'precision', value: v.precision, maxLength: 200, onChange: (e) => modifier({ ...v, precision: e.target.value }, 'precision') }}
        />
      )}
    </>
  );
}

function EtapeEtablissements({ v, erreurs, modifier }: EtapeProps<ReponseEtablissements>) {
  const maj = (i: number, champ: 'uai' | 'libelle', valeur: string) =>
    modifier({ ...v, etablissements: v.etablissements.map((x, j) => (j === i ? { ...x, [champ]: valeur } : x)) }, `etablissements.${i}.${champ}`);
  return (
    <>
      <p>Vos établissements d'exercice, proposés d'après vos données de gestion : corrigez-les, ajoutez-en ou retirez-en ({MAX_ETABLISSEMENTS} au plus).</p>
      <div data-champ="aucun">
        <Checkbox
          options={[{ label: "Je n'exerce actuellement dans aucun établissement", nativeInputProps: { name: 'aucun', checked: v.aucun, onChange: (e) => modifier({ ...v, aucun: e.target.checked }, 'etablissements') } }]}
        />
      </div>
      {!v.aucun && (
        <fieldset className="enquete-dcs__etablissements">
          <legend className="fr-text--bold fr-mb-1w">
            Etablissements d'exercice
          </legend>
          {erreurs.etablissements && (
            <p className="fr-error-text fr-mb-2w" data-champ="etablissements" tabIndex={-1}>
              {erreurs.etablissements}
            </p>
          )}
          {v.etablissements.map((x, i) => (
            <div key={i} className="enquete-dcs__etablissement">
              <Input
                label={`UAI de l'établissement ${i + 1}`}
                hintText="8 caractères, par exemple 0750652B."
                state={etat(erreurs[`etablissements.${i}.uai`])}
                stateRelatedMessage={erreurs[`etablissements.${i}.uai`]}
                nativeInputProps={{ name: `etablissements.${i}.uai`, value: x.uai, maxLength: 8, autoCapitalize: 'characters', onChange: (e) => maj(i, 'uai', e.target.value) }}
              />
              <Input
                label={`Nom de l'établissement ${i + 1}`}
                state={etat(erreurs[`etablissements.${i}.libelle`])}
                stateRelatedMessage={erreurs[`etablissements.${i}.libelle`]}
                nativeInputProps={{ name: `etablissements.${i}.libelle`, value: x.libelle, maxLength: 200, onChange: (e) => maj(i, 'libelle', e.target.value) }}
              />
              <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left" onClick={() => modifier({ ...v, etablissements: v.etablissements.filter((_, j) => j !== i) }, 'etablissements')}>
                Retirer l'établissement {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
            disabled={v.etablissements.length >= MAX_ETABLISSEMENTS}
            onClick={() => modifier({ ...v, etablissements: [...v.etablissements, { uai: '', libelle: '' }] }, 'etablissements')}
          >
            Ajouter un établissement
          </button>
        </fieldset>
      )}
    </>
  );
}

function CasesUe({ legende, name, ues, offertes, erreur, surChanger }: { legende: string; name: string; ues: string[]; offertes: readonly UniteEnseignement[]; erreur?: string; surChanger: (ues: string[]) => void }) {
  const basculer = (code: string, coche: boolean) => surChanger(coche ? [...ues, code] : ues.filter((c) => c !== code));
  const groupe = (diplome: 'DCG' | 'DSCG'): ReactNode => {
    const liste = offertes.filter((u) => u.diplome === diplome);
    if (liste.length === 0) return null;
    return (
      <Checkbox
        legend={`${legende} — ${diplome}`}
        small
        state={etat(erreur)}
        stateRelatedMessage={diplome === 'DCG' || !offertes.some((u) => u.diplome === 'DCG') ? erreur : undefined}
        options={liste.map((u) => ({
          label: `${u.diplome} UE ${u.numero} — ${u.intitule}`,
          nativeInputProps: { name, value: u.code, checked: ues.includes(u.code), onChange: (e) => basculer(u.code, e.target.checked) },
        }))}
      />
    );
  };
  return (
    <div data-champ="ues" className="enquete-dcs__ues">
      {groupe('DCG')}
      {groupe('DSCG')}
    </div>
  );
}

function EtapeEnseignements({ v, erreurs, modifier }: EtapeProps<ReponseEnseignements>) {
  return (
    <>
      <div data-champ="aucun">
        <Checkbox options={[{ label: "Je n'enseigne actuellement aucune UE du DCG ou du DSCG", nativeInputProps: { name: 'aucun', checked: v.aucun, onChange: (e) => modifier({ ...v, aucun: e.target.checked }, 'ues') } }]} />
      </div>
      {!v.aucun && <CasesUe legende="Unités d'enseignement où vous enseignez" name="ues" ues={v.ues} offertes={UNITES_ENSEIGNEMENT} erreur={erreurs.ues} surChanger={(ues) => modifier({ ...v, ues }, 'ues')} />}
    </>
  );
}

function OuiNonChoix({ legende, name, valeur, erreur, surChanger }: { legende: string; name: string; valeur: OuiNon; erreur?: string; surChanger: (v: OuiNon) => void }) {
  return (
    <div data-champ={name}>
      <RadioButtons
        legend={legende}
        name={name}
        orientation="horizontal"
        state={etat(erreur)}
        stateRelatedMessage={erreur}
        options={(['oui', 'non'] as const).map((o) => ({ label: o === 'oui' ? 'Oui' : 'Non', nativeInputProps: { value: o, checked: valeur === o, onChange: () => surChanger(o) } }))}
      />
    </div>
  );
}

function EtapeVae({ v, erreurs, modifier }: EtapeProps<ReponseVae>) {
  const basculer = (d: Diplome, coche: boolean) => modifier({ ...v, diplomes: coche ? [...v.diplomes, d] : v.diplomes.filter((x) => x !== d) }, 'diplomes');
  return (
    <>
      <OuiNonChoix legende="Êtes-vous disponible comme examinateur VAE (validation des acquis de l'expérience) ?" name="disponible" valeur={v.disponible} erreur={erreurs.disponible} surChanger={(d) => modifier({ ...v, disponible: d }, 'disponible')} />
      {v.disponible === 'oui' && (
        <div data-champ="diplomes">
          <Checkbox
            legend="Pour quels diplômes ?"
            orientation="horizontal"
            state={etat(erreurs.diplomes)}
            stateRelatedMessage={erreurs.diplomes}
            options={(['DCG', 'DSCG'] as const).map((d) => ({ label: d, nativeInputProps: { name: 'diplomes', value: d, checked: v.diplomes.includes(d), onChange: (e) => basculer(d, e.target.checked) } }))}
          />
        </div>
      )}
    </>
  );
}

function EtapeEpreuves({ ecrites, v, erreurs, modifier }: EtapeProps<ReponseEpreuves> & { ecrites: boolean }) {
  return (
    <>
      <OuiNonChoix
        legende={ecrites ? 'Souhaitez-vous corriger des épreuves écrites du DCG ou du DSCG ?' : 'Souhaitez-vous interroger à des épreuves orales du DCG ou du DSCG ?'}
        name="souhaite"
        valeur={v.souhaite}
        erreur={erreurs.souhaite}
        surChanger={(s) => modifier({ ...v, souhaite: s }, 'souhaite')}
      />
      {v.souhaite === 'oui' && (
        <CasesUe
          legende={ecrites ? 'Epreuves écrites que vous souhaitez corriger' : 'Epreuves orales où vous souhaitez interroger'}
          name="ues"
          ues={v.ues}
          offertes={ecrites ? EPREUVES_ECRITES : EPREUVES_ORALES}
          erreur={erreurs.ues}
          surChanger={(ues) => modifier({ ...v, ues }, 'ues')}
        />
      )}
    </>
  );
}
