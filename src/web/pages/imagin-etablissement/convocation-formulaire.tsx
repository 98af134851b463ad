// « Détail de l'affectation » (003 §4.2.3): who is convoked (a teacher of the établissement found by
// discipline — every match pre-checked —, or anyone of the académie by « NOM Prénom »), the qualité,
// the commission / salle / jury, the code salle, the dates from the calendar with their hours, the
// observations; « Convoquer » or « Annuler ». The server's answers drive two questions: overlapping
// indisponibilités or convocations (« Convoquer quand même »), and, for COEC, the popup « Saisie sur
// la mission » (« Oui » carries the dates and observations over to the next convocations).
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { isoVersFr } from '../../forms/dates.ts';
import { Chargement } from '../../shell/Pages.tsx';
import { CalendrierAffectation } from './convocation-calendrier.tsx';
import { BASE_CONVOCATION as BASE, pluriel, type ConvocationLue, type Creneau, type DetailMission, type IntervenantPropose, type ResultatConvocation } from './convocation-commun.ts';

const modaleCoec = createModal({ id: 'modale-report-coec', isOpenedByDefault: false });

interface Candidat {
  id: number;
  nom: string;
  prenom: string;
  info: string;
  coche: boolean;
  dejaConvoque: boolean;
}

interface Corps {
  personneIds?: number[];
  qualiteId: number | null;
  commissionId: number | null;
  juryId: number | null;
  salleId: number | null;
  codeSalle: string;
  dates: Creneau[];
  observation: string;
  confirmerChevauchements?: boolean;
  reporterSurMission?: boolean;
}

type Issue = { type: 'fait'; r: ResultatConvocation } | { type: 'chevauchement'; message: string; corps: Corps } | { type: 'coec'; corps: Corps };

const texteIntervenant = (i: IntervenantPropose) => `${i.nom} ${i.prenom}${i.etablissement ? ` — ${i.etablissement}` : ''}${i.disciplinePoste ? ` — ${i.disciplinePoste}` : ''}`;

function Erreur({ id, message }: { id: string; message?: string }) {
  return (
    <div className="fr-messages-group" aria-live="polite">
      {message && (
        <p className="fr-message fr-message--error" id={id}>
          {message}
        </p>
      )}
    </div>
  );
}

/** A select of the form; `vide`: the label of the empty choice. */
function Choix(props: { id: string; label: string; valeur: string; surChangement: (v: string) => void; options: Array<{ valeur: string; libelle: string }>; vide: string; erreur?: string; indice?: string; obligatoire?: boolean }) {
  return (
    <div className={`fr-select-group ${props.erreur ? 'fr-select-group--error' : ''}`}>
      <label className="fr-label" htmlFor={props.id}>
        {props.label}
        {props.obligatoire && <span aria-hidden="true"> *</span>}
        {props.indice && <span className="fr-hint-text">{props.indice}</span>}
      </label>
      <select
        className={`fr-select ${props.erreur ? 'fr-select--error' : ''}`}
        id={props.id}
        name={props.id}
        value={props.valeur}
        aria-describedby={props.erreur ? `${props.id}-erreur` : undefined}
        onChange={(e) => props.surChangement(e.target.value)}
      >
        <option value="">{props.vide}</option>
        {props.options.map((o) => (
          <option key={o.valeur} value={o.valeur}>
            {o.libelle}
          </option>
        ))}
      </select>
      <Erreur id={`${props.id}-erreur`} message={props.erreur} />
    </div>
  );
}

/** An input with suggestions (datalist) asked to the server as you type. */
function ChampSuggestions(props: { id: string; label: string; indice: string; valeur: string; surChangement: (v: string) => void; suggestions: string[]; chargement: boolean; erreur?: string }) {
  return (
    <div className={`fr-input-group ${props.erreur ? 'fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={props.id}>
        {props.label}
        <span className="fr-hint-text" id={`${props.id}-indice`}>
          {props.indice}
        </span>
      </label>
      <input
        className={`fr-input ${props.erreur ? 'fr-input--error' : ''}`}
        id={props.id}
        name={props.id}
        list={`${props.id}-liste`}
        autoComplete="off"
        value={props.valeur}
        aria-describedby={`${props.id}-indice${props.erreur ? ` ${props.id}-erreur` : ''}`}
        aria-busy={props.chargement || undefined}
        onChange={(e) => props.surChangement(e.target.value)}
      />
      <datalist id={`${props.id}-liste`}>
        {props.suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <Erreur id={`${props.id}-erreur`} message={props.erreur} />
    </div>
  );
}

export function FormulaireAffectation({ detail, convocation, surFin }: { detail: DetailMission; convocation?: ConvocationLue; surFin: () => void }) {
  const client = useQueryClient();
  const id = useId();
  const missionId = detail.mission.id;
  const creation = !convocation;
  const unique = <T extends { id: number }>(l: readonly T[]) => (l.length === 1 ? String(l[0]!.id) : '');

  // --- Who ----------------------------------------------------------------------------------
  const [candidats, setCandidats] = useState<Candidat[]>([]);
  const [nom, setNom] = useState('');
  const nomDiffere = useDeferredValue(nom.trim());
  const suggestionsNoms = useQuery({
    queryKey: ['centre', 'convocation', missionId, 'intervenants', nomDiffere],
    queryFn: () => api.get<{ lignes: IntervenantPropose[] }>(`${BASE}/missions/${missionId}/intervenants?q=${encodeURIComponent(nomDiffere)}`),
    enabled: creation && nomDiffere.length >= 2,
    placeholderData: (p) => p,
  });
  const [discipline, setDiscipline] = useState('');
  const disciplineDifferee = useDeferredValue(discipline.trim());
  const disciplines = useQuery({
    queryKey: ['centre', 'convocation', 'disciplines', disciplineDifferee],
    queryFn: () => api.get<{ lignes: string[] }>(`${BASE}/disciplines?q=${encodeURIComponent(disciplineDifferee)}`),
    enabled: creation && disciplineDifferee.length >= 1,
    placeholderData: (p) => p,
  });
  const disciplineChoisie = disciplines.data?.lignes.find((d) => d === discipline.trim().toUpperCase()) ?? null;
  const enseignants = useQuery({
    queryKey: ['centre', 'convocation', missionId, 'enseignants', disciplineChoisie],
    queryFn: () => api.get<{ lignes: IntervenantPropose[] }>(`${BASE}/missions/${missionId}/enseignants?discipline=${encodeURIComponent(disciplineChoisie!)}`),
    enabled: creation && !!disciplineChoisie,
  });

  const ajouter = (l: readonly IntervenantPropose[]) =>
    setCandidats((c) => {
      const deja = new Set(c.map((x) => x.id));
      const nouveaux = l
        .filter((i) => !deja.has(i.id))
        .map((i) => ({ id: i.id, nom: i.nom, prenom: i.prenom, info: [i.etablissement, i.disciplinePoste].filter(Boolean).join(' — '), coche: !i.dejaConvoque, dejaConvoque: i.dejaConvoque }));
      return [...c, ...nouveaux];
    });
  // Every teacher found for the discipline is pre-checked ("Décocher ceux qui ne sont pas concernés").
  useEffect(() => {
    if (enseignants.data) ajouter(enseignants.data.lignes);
  }, [enseignants.data]);
  // A suggestion chosen in the list: the person joins the identified intervenants.
  useEffect(() => {
    const choisi = suggestionsNoms.data?.lignes.find((i) => texteIntervenant(i) === nom);
    if (choisi) {
      ajouter([choisi]);
      setNom('');
    }
  }, [nom, suggestionsNoms.data]);

  // --- What ---------------------------------------------------------------------------------
  const [qualiteId, setQualiteId] = useState(convocation?.qualiteId ? String(convocation.qualiteId) : '');
  const [commissionId, setCommissionId] = useState(convocation?.commissionId ? String(convocation.commissionId) : unique(detail.commissions));
  const [juryId, setJuryId] = useState(convocation?.juryId ? String(convocation.juryId) : unique(detail.jurys));
  const [salleId, setSalleId] = useState(convocation?.salleId ? String(convocation.salleId) : unique(detail.salles));
  const [codeSalle, setCodeSalle] = useState(convocation?.codeSalle ?? '');
  const [dates, setDates] = useState<Creneau[]>(convocation?.dates ?? detail.datesReportees);
  const [observation, setObservation] = useState(convocation?.observation ?? detail.observation);
  const [chevauchement, setChevauchement] = useState<{ message: string; corps: Corps } | null>(null);
  const enAttenteCoec = useRef<Corps | null>(null);

  const commission = detail.commissions.find((k) => String(k.id) === commissionId) ?? null;
  const selectionnables = detail.commissions.length ? (commission?.joursSelectionnables ?? []) : detail.joursSelectionnables;

  const basculer = (c: Creneau) =>
    setDates((d) => (d.some((x) => x.jour === c.jour) ? d.filter((x) => x.jour !== c.jour) : [...d, { ...c }].sort((a, b) => a.jour.localeCompare(b.jour))));
  const changerHeure = (jour: string, champ: 'heureDebut' | 'heureFin', v: string) => setDates((d) => d.map((x) => (x.jour === jour ? { ...x, [champ]: v } : x)));

  // --- Sending ------------------------------------------------------------------------------
  const envoyer = useAction(async (corps: Corps): Promise<Issue> => {
    try {
      const r = convocation
        ? await api.put<ResultatConvocation>(`${BASE}/convocations/${convocation.id}`, corps)
        : await api.post<ResultatConvocation>(`${BASE}/missions/${missionId}/convocations`, corps);
      return { type: 'fait', r };
    } catch (e) {
      if (e instanceof ErreurApi && e.code === 'CHEVAUCHEMENT') return { type: 'chevauchement', message: e.message, corps };
      if (e instanceof ErreurApi && e.code === 'REPORT_COEC') return { type: 'coec', corps };
      throw e;
    }
  });

  const executer = async (corps: Corps) => {
    const issue = await envoyer.executer(corps);
    if (!issue) return;
    if (issue.type === 'chevauchement') {
      setChevauchement({ message: issue.message, corps: issue.corps });
      consoleMessages.avertissement(issue.message);
      return;
    }
    if (issue.type === 'coec') {
      enAttenteCoec.current = issue.corps;
      modaleCoec.open();
      return;
    }
    setChevauchement(null);
    consoleMessages.succes(issue.r.reportSurMission ? `${issue.r.message} Dates et observations enregistrées sur la mission.` : issue.r.message);
    if (issue.r.avertissementHLP) consoleMessages.avertissement(issue.r.avertissementHLP);
    await client.invalidateQueries({ queryKey: ['centre', 'convocation'] });
    surFin();
  };

  const repondreCoec = (oui: boolean) => {
    const corps = enAttenteCoec.current;
    enAttenteCoec.current = null;
    if (corps) void executer({ ...corps, reporterSurMission: oui });
  };

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    setChevauchement(null);
    const personneIds = candidats.filter((c) => c.coche).map((c) => c.id);
    const champs: Record<string, string> = {};
    if (creation && personneIds.length === 0) champs.personneIds = 'Intervenant(s) : recherchez et cochez au moins un intervenant à convoquer.';
    if (detail.commissions.length > 1 && !commissionId) champs.commissionId = 'Commission : choisissez la commission sur laquelle vous convoquez.';
    if (dates.length === 0) champs.dates = "Dates de l'affectation : sélectionnez au moins une date dans le calendrier.";
    if (Object.keys(champs).length) return envoyer.signalerChamps(champs);
    void executer({
      ...(creation ? { personneIds } : {}),
      qualiteId: qualiteId ? Number(qualiteId) : null,
      commissionId: commissionId ? Number(commissionId) : null,
      juryId: juryId ? Number(juryId) : null,
      salleId: salleId ? Number(salleId) : null,
      codeSalle,
      dates,
      observation,
    });
  };

  // A message goes away as soon as its field is corrected (not at the next « Convoquer »).
  const { effacerChamp } = envoyer;
  useEffect(() => {
    if (candidats.some((c) => c.coche)) effacerChamp('personneIds');
  }, [candidats, effacerChamp]);
  useEffect(() => {
    if (commissionId) effacerChamp('commissionId');
  }, [commissionId, effacerChamp]);
  useEffect(() => {
    if (dates.length) effacerChamp('dates');
  }, [dates, effacerChamp]);

  const err = envoyer.erreursChamps;
  const erreursDates = Object.entries(err).filter(([k]) => k === 'dates' || /^dates\.\d+\.jour$/.test(k));
  const cochesVisibles = candidats.filter((c) => !c.dejaConvoque);
  const tous = cochesVisibles.length > 0 && cochesVisibles.every((c) => c.coche);
  const formulaire = useRef<HTMLFormElement>(null);
  useEffect(() => formulaire.current?.querySelector<HTMLElement>('input, select')?.focus(), []);

  return (
    <>
    <form ref={formulaire} className="formulaire-affectation" onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`}>
      <h3 className="fr-h5" id={`${id}-titre`}>
        Détail de l'affectation{convocation ? ` — ${convocation.personne.nom} ${convocation.personne.prenom}` : ''}
      </h3>
      <p className="fr-text--sm">Mission n° {detail.mission.numero} — {detail.mission.typeMission}. Les champs marqués d’un astérisque (*) sont obligatoires.</p>

      {creation && (
        <fieldset className="fr-fieldset" aria-labelledby={`${id}-qui`}>
          <legend className="fr-fieldset__legend" id={`${id}-qui`}>
            Détails de la convocation
          </legend>
          <div className="fr-fieldset__element">
            <ChampSuggestions
              id="recherche-nom"
              label="Recherche d'un intervenant par nom prénom"
              indice="Saisissez « NOM Prénom » puis choisissez dans la liste des intervenants de l'académie. Introuvable ? Le gestionnaire IMAG'IN peut le créer."
              valeur={nom}
              surChangement={setNom}
              suggestions={(suggestionsNoms.data?.lignes ?? []).map(texteIntervenant)}
              chargement={suggestionsNoms.isFetching}
            />
          </div>
          <div className="fr-fieldset__element">
            <ChampSuggestions
              id="recherche-discipline"
              label="Recherche d'intervenants dans mon établissement"
              indice="Discipline : saisissez quelques lettres puis choisissez dans la liste ; les enseignants trouvés sont tous cochés."
              valeur={discipline}
              surChangement={setDiscipline}
              suggestions={disciplines.data?.lignes ?? []}
              chargement={disciplines.isFetching || enseignants.isFetching}
            />
            {disciplineChoisie && enseignants.data && (
              <p className="fr-text--sm fr-mb-1w" role="status">
                {enseignants.data.lignes.length === 0 ? `Aucun enseignant de l'établissement pour la discipline ${disciplineChoisie}.` : `${pluriel(enseignants.data.lignes.length, 'enseignant')} pour la discipline ${disciplineChoisie}.`}
              </p>
            )}
          </div>
          <div className="fr-fieldset__element">
            <fieldset className={`fr-fieldset ${err.personneIds ? 'fr-fieldset--error' : ''}`} id="intervenants-identifies" aria-labelledby={`${id}-identifies`}>
              <legend className="fr-fieldset__legend fr-text--regular" id={`${id}-identifies`}>
                Intervenant(s) identifié(s) *{candidats.length > 0 && ` : ${pluriel(candidats.filter((c) => c.coche).length, 'coché')} sur ${candidats.length}`}
              </legend>
              {candidats.length === 0 && <p className="fr-fieldset__element fr-text--sm">Aucun intervenant : utilisez l'une des deux recherches ci-dessus.</p>}
              {candidats.length > 0 && (
                <div className="fr-fieldset__element">
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input
                      type="checkbox"
                      id={`${id}-tous`}
                      checked={tous}
                      onChange={(e) => setCandidats((c) => c.map((x) => (x.dejaConvoque ? x : { ...x, coche: e.target.checked })))}
                    />
                    <label className="fr-label" htmlFor={`${id}-tous`}>
                      Tout sélectionner
                    </label>
                  </div>
                </div>
              )}
              {candidats.map((c) => (
                <div className="fr-fieldset__element" key={c.id}>
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input
                      type="checkbox"
                      id={`${id}-p${c.id}`}
                      name="personneIds"
                      value={c.id}
                      checked={c.coche}
                      disabled={c.dejaConvoque}
                      onChange={(e) => setCandidats((l) => l.map((x) => (x.id === c.id ? { ...x, coche: e.target.checked } : x)))}
                    />
                    <label className="fr-label" htmlFor={`${id}-p${c.id}`}>
                      {c.nom} {c.prenom}
                      <span className="fr-hint-text">{[c.info, c.dejaConvoque ? 'déjà sur la mission' : ''].filter(Boolean).join(' — ')}</span>
                    </label>
                  </div>
                </div>
              ))}
              <Erreur id={`${id}-personnes-erreur`} message={err.personneIds} />
            </fieldset>
          </div>
        </fieldset>
      )}

      <fieldset className="fr-fieldset" aria-labelledby={`${id}-convocation`}>
        <legend className="fr-fieldset__legend" id={`${id}-convocation`}>
          Convocation
        </legend>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          {detail.regles.sansQualite ? (
            <p className="fr-text--sm">Qualité : la qualité n'est pas à renseigner pour une mission « {detail.mission.typeMission} ».</p>
          ) : (
            <Choix
              id="qualite"
              label="Qualité"
              valeur={qualiteId}
              surChangement={(v) => {
                setQualiteId(v);
                effacerChamp('qualiteId');
              }}
              options={detail.qualites.map((q) => ({ valeur: String(q.id), libelle: q.libelle }))}
              vide={detail.regles.qualiteParDefaut ? `Non renseignée (${detail.regles.qualiteParDefaut})` : 'Non renseignée'}
              indice={detail.regles.correctionDematerialisee ? 'Correction dématérialisée : qualités SANTORIN.' : undefined}
              erreur={err.qualiteId}
            />
          )}
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <div className={`fr-input-group ${err.codeSalle ? 'fr-input-group--error' : ''}`}>
            <label className="fr-label" htmlFor="code-salle">
              Code salle
            </label>
            <input className="fr-input" id="code-salle" name="codeSalle" maxLength={20} autoComplete="off" value={codeSalle} onChange={(e) => {
                setCodeSalle(e.target.value);
                effacerChamp('codeSalle');
              }} />
            <Erreur id="code-salle-erreur" message={err.codeSalle} />
          </div>
        </div>
        {detail.commissions.length > 1 && (
          <div className="fr-fieldset__element">
            <Choix
              id="commission"
              label="Commission"
              obligatoire
              valeur={commissionId}
              surChangement={(v) => {
                setCommissionId(v);
                setDates([]);
              }}
              options={detail.commissions.map((k) => ({ valeur: String(k.id), libelle: `${k.code} (${pluriel(k.nbCandidats, 'candidat')})` }))}
              vide="Choisissez une commission"
              indice="Les dates de la commission choisie s'affichent dans le calendrier."
              erreur={err.commissionId}
            />
          </div>
        )}
        {commission && (
          <p className="fr-fieldset__element fr-text--sm" id="commission-choisie">
            Commission {commission.code}{detail.commissions.length === 1 ? ' (unique, choisie d’office)' : ''} : {pluriel(commission.nbCandidats, 'candidat')}.
          </p>
        )}
        {detail.salles.length > 1 && (
          <div className="fr-fieldset__element">
            <Choix
              id="salle"
              label="Salle"
              obligatoire={detail.commissions.length === 0}
              valeur={salleId}
              surChangement={(v) => {
                setSalleId(v);
                effacerChamp('salleId');
              }}
              options={detail.salles.map((s) => ({ valeur: String(s.id), libelle: `${s.code}${s.libelle ? ` - ${s.libelle}` : ''} (${pluriel(s.nbCandidats, 'candidat')})` }))}
              vide="Choisissez une salle"
              erreur={err.salleId}
            />
          </div>
        )}
        {detail.salles.length === 1 && (
          <p className="fr-fieldset__element fr-text--sm">
            Salle {detail.salles[0]!.code} (unique) : {pluriel(detail.salles[0]!.nbCandidats, 'candidat')}.
          </p>
        )}
        {detail.jurys.length > 1 && (
          <div className="fr-fieldset__element">
            <Choix id="jury" label="Jury" obligatoire valeur={juryId} surChangement={(v) => {
                setJuryId(v);
                effacerChamp('juryId');
              }} options={detail.jurys.map((j) => ({ valeur: String(j.id), libelle: j.libelle ? `${j.code} - ${j.libelle}` : j.code }))} vide="Choisissez un jury" erreur={err.juryId} />
          </div>
        )}
        {detail.jurys.length === 1 && <p className="fr-fieldset__element fr-text--sm">Jury {detail.jurys[0]!.code} (unique).</p>}
      </fieldset>

      <fieldset className={`fr-fieldset ${erreursDates.length ? 'fr-fieldset--error' : ''}`} aria-labelledby={`${id}-dates`}>
        <legend className="fr-fieldset__legend" id={`${id}-dates`}>
          Dates de mission *
        </legend>
        <div className="fr-fieldset__element">
          {detail.commissions.length > 1 && !commission ? (
            <p className="fr-text--sm">Choisissez d'abord une commission : ses dates s'afficheront dans le calendrier.</p>
          ) : detail.regles.datesLimitees && detail.regles.dateLimitee ? (
            <p className="fr-text--sm">Pour cette mission, la convocation porte sur la date fixée par le gestionnaire : le {isoVersFr(detail.regles.dateLimitee)}.</p>
          ) : null}
          <CalendrierAffectation selectionnables={selectionnables} choisis={dates.map((d) => d.jour)} surBasculer={basculer} moisParDefaut={detail.datesMission[0]?.jour ?? detail.mission.debut ?? `${detail.mission.annee}-06-01`} />
        </div>
        <div className="fr-fieldset__element">
          <div className="fr-table fr-table--sm fr-mb-1w">
            <table id="dates-selectionnees">
              <caption>Dates d'affectation sélectionnées</caption>
              <thead>
                <tr>
                  <th scope="col">Date *</th>
                  <th scope="col">Heure de début *</th>
                  <th scope="col">Heure de fin *</th>
                  <th scope="col">
                    <span className="fr-sr-only">Retirer</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dates.length === 0 && (
                  <tr>
                    <td colSpan={4}>Aucune date : cliquez sur une date proposée du calendrier.</td>
                  </tr>
                )}
                {dates.map((d, i) => {
                  const eDebut = err[`dates.${i}.heureDebut`];
                  const eFin = err[`dates.${i}.heureFin`];
                  return (
                    <tr key={d.jour}>
                      <td>{isoVersFr(d.jour)}</td>
                      {(['heureDebut', 'heureFin'] as const).map((champ) => {
                        const e = champ === 'heureDebut' ? eDebut : eFin;
                        const idc = `${id}-${champ}-${d.jour}`;
                        return (
                          <td key={champ}>
                            <label className="fr-sr-only" htmlFor={idc}>
                              {champ === 'heureDebut' ? 'Heure de début' : 'Heure de fin'} du {isoVersFr(d.jour)} (HH:MM)
                            </label>
                            <input
                              className={`fr-input champ-heure ${e ? 'fr-input--error' : ''}`}
                              id={idc}
                              name={`${champ}-${d.jour}`}
                              inputMode="numeric"
                              placeholder="HH:MM"
                              autoComplete="off"
                              value={d[champ]}
                              aria-invalid={e ? true : undefined}
                              aria-describedby={e ? `${idc}-e` : undefined}
                              onChange={(ev) => {
                                changerHeure(d.jour, champ, ev.target.value);
                                effacerChamp(`dates.${i}.${champ}`);
                              }}
                            />
                            {e && (
                              <p className="fr-message fr-message--error fr-text--xs" id={`${idc}-e`}>
                                {e}
                              </p>
                            )}
                          </td>
                        );
                      })}
                      <td>
                        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line fr-btn--icon-only" title={`Retirer le ${isoVersFr(d.jour)}`} onClick={() => basculer(d)}>
                          Retirer le {isoVersFr(d.jour)}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="fr-messages-group" aria-live="polite">
            {erreursDates.map(([k, m]) => (
              <p className="fr-message fr-message--error" key={k}>
                {m}
              </p>
            ))}
          </div>
        </div>
      </fieldset>

      <div className={`fr-input-group ${err.observation ? 'fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor="observation">
          Observations sur la convocation
          <span className="fr-hint-text">Texte d'observation à faire figurer sur la convocation.</span>
        </label>
        <textarea className="fr-input" id="observation" name="observation" rows={3} maxLength={2000} value={observation} onChange={(e) => {
            setObservation(e.target.value);
            effacerChamp('observation');
          }} />
        <Erreur id="observation-erreur" message={err.observation} />
      </div>

      {chevauchement && (
        <div className="fr-alert fr-alert--warning fr-mb-2w" id="avertissement-chevauchement">
          <h4 className="fr-alert__title">Indisponibilité ou autre convocation sur ces dates</h4>
          <p>{chevauchement.message}</p>
          <p>Vous pouvez convoquer quand même : le centre décide.</p>
          <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w" disabled={envoyer.enCours} onClick={() => void executer({ ...chevauchement.corps, confirmerChevauchements: true })}>
            Convoquer quand même
          </button>
        </div>
      )}

      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={surFin}>
            Annuler
          </button>
        </li>
        <li>
          <button type="submit" className="fr-btn" disabled={envoyer.enCours}>
            {creation ? 'Convoquer' : 'Enregistrer la convocation'}
          </button>
        </li>
      </ul>
      {envoyer.enCours && <Chargement texte="Enregistrement…" />}
    </form>
      <modaleCoec.Component
        title="Saisie sur la mission"
        titleAs="h2"
        buttons={[
          { children: 'Non', doClosesModal: true, priority: 'secondary', onClick: () => repondreCoec(false) },
          { children: 'Oui', doClosesModal: true, onClick: () => repondreCoec(true) },
        ]}
      >
        <p>Vous avez modifié les dates d'affectation.</p>
        <p>Souhaitez-vous enregistrer votre saisie sur la mission ?</p>
        <p className="fr-mb-0">Dans les deux cas, la convocation sera effectuée.</p>
      </modaleCoec.Component>
    </>
  );
}
