// Indemnités des chefs de centre (seed 003 §4.5), shared by the chef de centre (/api/centre/icc: his
// sessions) and the gestionnaire (/api/gestion/icc: every declaration of the académie, pre-fill,
// modification after transmission, decision per line). The declaration form recomputes « Montant
// global calculé », the amounts of the % lines, « Total réparti » and « Total restant » as one types,
// with the same rules as the server (src/domain/imagin/icc.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { dixiemes, euros, lireJournees, lireMontant, lirePourcentage, montantGlobal, montantPourcentage, TRANCHES, CONFIRMATION_TRANSMISSION, type TypeIcc } from '../../../domain/imagin/icc.ts';
import { api } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { formaterDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { ChoixEnLigne, CochesEnLigne, ListeCompacte, Texte } from './liste-compacte.tsx';

interface Statuts {
  statutSaisie: string;
  suivi: string;
}
interface SessionLigne {
  sessionId: number;
  session: string;
  examen: string;
  annee: number;
  type: TypeIcc;
  normale: Statuts;
  remplacement: Statuts;
}
interface DeclarationLigne {
  id: number;
  sessionId: number;
  centreId: number;
  session: string;
  centre: string;
  periode: 'normale' | 'remplacement';
  libellePeriode: string;
  montant: number;
  reparti: number;
  nbLignes: number;
  statutSaisie: string;
  suivi: string;
}
interface Ligne {
  id?: number;
  personneId: number;
  nomPrenom: string;
  discipline: string;
  pourcentage: number | null;
  montant: number;
  statut?: 'a_traiter' | 'valide' | 'rejete' | 'paye';
  libelleStatut?: string;
  motifRejet?: string | null;
}
interface Detail {
  session: { id: number; libelle: string; examen: string; type: TypeIcc };
  centre: { id: number; libelle: string };
  periode: 'normale' | 'remplacement';
  libellePeriode: string;
  periodes: Array<{ code: 'normale' | 'remplacement'; libelle: string }>;
  tranches: Array<{ libelle: string; format: string }>;
  taux: [number, number, number];
  cyclades: { dateDebut: string | null; journees: [number, number, number] } | null;
  declaration: {
    id: number;
    version: number;
    dateDebut: string | null;
    journees: [number, number, number];
    montant: number;
    prerempli: boolean;
    statutSaisie: 'non_transmis' | 'transmis';
    libelleStatutSaisie: string;
    libelleSuivi: string | null;
    lignes: Ligne[];
    totaux: { reparti: number; restant: number };
  } | null;
  modifiable: boolean;
  journeesModifiables: boolean;
  message: string | null;
}
interface Filtres {
  annees: number[];
  anneesParDefaut: number[];
  examens: Array<{ code: string; sigle: string; libelle: string }>;
  centres?: Array<{ id: number; libelle: string }>;
  sessions?: Array<{ id: number; libelle: string; annee: number; type: TypeIcc }>;
}
interface FiltreSaisi extends Record<string, string> {
  annees: string;
  examens: string;
  centre: string;
}

const eurosTexte = (c: number) => euros(c);
const TRI: Tri = { colonne: 'session', sens: 'asc' };

function useFiltresIcc(base: string) {
  const f = useFiltres<FiltreSaisi>('icc', { annees: '', examens: '', centre: '' });
  const params = new URLSearchParams();
  if (f.appliques.annees) params.set('annees', f.appliques.annees);
  if (f.appliques.examens) params.set('examens', f.appliques.examens);
  if (f.appliques.centre) params.set('centre', f.appliques.centre);
  const filtres = useQuery({ queryKey: ['icc', base, 'filtres'], queryFn: () => api.get<Filtres>(`${base}/filtres`) });
  return { f, qs: `?${params}`, filtres };
}

function contenuFiltres(f: ReturnType<typeof useFiltresIcc>['f'], filtres: Filtres | undefined, avecCentre: boolean) {
  return (
    <>
      <CochesEnLigne id="icc-annees" legende="Année" options={(filtres?.annees ?? []).map((x) => ({ valeur: String(x), libelle: String(x) }))} valeur={f.saisie.annees || (filtres?.anneesParDefaut.join(',') ?? '')} surChangement={(v) => f.modifier('annees', v)} />
      <CochesEnLigne id="icc-examens" legende="Examen" options={(filtres?.examens ?? []).map((x) => ({ valeur: x.code, libelle: x.sigle }))} valeur={f.saisie.examens} surChangement={(v) => f.modifier('examens', v)} />
      {avecCentre && (
        <ChoixEnLigne id="icc-centre" libelle="Centre d'examen" valeur={f.saisie.centre} surChangement={(v) => f.modifier('centre', v)}>
          <option value="">Tous les centres</option>
          {filtres?.centres?.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.libelle}
            </option>
          ))}
        </ChoixEnLigne>
      )}
    </>
  );
}

function ListeSessions({ base }: { base: string }) {
  const a = useActivite();
  const { f, qs, filtres } = useFiltresIcc(base);
  const q = useQuery({ queryKey: ['icc', base, 'sessions', qs], queryFn: () => api.get<{ total: number; lignes: SessionLigne[]; messageVide: string }>(`${base}/sessions${qs}`) });
  const colonnes: Colonne<SessionLigne>[] = [
    { id: 'session', libelle: 'Session examen', valeur: (s) => s.session, poids: 3, rendu: (s) => <Texte valeur={s.session} /> },
    { id: 'sn', libelle: 'Statut saisie Session normale', valeur: (s) => s.normale.statutSaisie },
    { id: 'tn', libelle: 'Suivi traitement Session normale', valeur: (s) => s.normale.suivi },
    { id: 'sr', libelle: 'Statut saisie Session remplacement', valeur: (s) => s.remplacement.statutSaisie },
    { id: 'tr', libelle: 'Suivi traitement Session remplacement', valeur: (s) => s.remplacement.suivi },
  ];
  return (
    <ListeCompacte classe="icc-sessions" largeurs={['32%', null, null, null, null]}>
    <Liste
      id="icc-sessions"
      titre="Liste des sessions d'examen"
      lignes={q.data?.lignes}
      colonnes={colonnes}
      cle={(s) => s.sessionId}
      triParDefaut={TRI}
      lien={(s) => `${a.base}/${s.sessionId}/normale`}
      libelleLien={(s) => `Session ${s.session}`}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucune session d'examen"
      exports={false}
      filtres={{ ...f.proprietes, legende: 'Filtrer les sessions', libelleFiltrer: 'Filtrer', contenu: filtres.isPending ? <Chargement /> : contenuFiltres(f, filtres.data, false) }}
    />
    </ListeCompacte>
  );
}

function ListeDeclarations({ base }: { base: string }) {
  const a = useActivite();
  const navigate = useNavigate();
  const { f, qs, filtres } = useFiltresIcc(base);
  const q = useQuery({ queryKey: ['icc', base, 'declarations', qs], queryFn: () => api.get<{ total: number; lignes: DeclarationLigne[] }>(`${base}/declarations${qs}`) });
  const [choix, setChoix] = useState({ session: '', centre: '', periode: 'normale' });
  const colonnes: Colonne<DeclarationLigne>[] = [
    { id: 'session', libelle: 'Session examen', valeur: (d) => d.session, poids: 2, rendu: (d) => <Texte valeur={d.session} /> },
    { id: 'centre', libelle: 'Centre', valeur: (d) => d.centre, poids: 2, rendu: (d) => <Texte valeur={d.centre} /> },
    { id: 'periode', libelle: 'Période', valeur: (d) => d.libellePeriode },
    { id: 'montant', libelle: 'Montant global', valeur: (d) => d.montant, type: 'nombre', texte: (d) => eurosTexte(d.montant), alignement: 'droite' },
    { id: 'reparti', libelle: 'Total réparti', valeur: (d) => d.reparti, type: 'nombre', texte: (d) => eurosTexte(d.reparti), alignement: 'droite' },
    { id: 'statut', libelle: 'Statut saisie', valeur: (d) => d.statutSaisie },
    { id: 'suivi', libelle: 'Suivi traitement', valeur: (d) => d.suivi },
  ];
  const session = filtres.data?.sessions?.find((s) => String(s.id) === choix.session);
  return (
    <>
      <ListeCompacte classe="icc-declarations" largeurs={['17%', '22%', '15%', '8rem', '8rem', null, null]}>
      <Liste
        id="icc-declarations"
        titre="Déclarations d'indemnités"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(d) => d.id}
        triParDefaut={TRI}
        lien={(d) => `${a.base}/${d.sessionId}/${d.centreId}/${d.periode}`}
        libelleLien={(d) => `${d.session}, ${d.centre}, ${d.libellePeriode}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune déclaration ne correspond à ces filtres."
        filtres={{ ...f.proprietes, legende: 'Filtrer les déclarations', libelleFiltrer: 'Filtrer', contenu: filtres.isPending ? <Chargement /> : contenuFiltres(f, filtres.data, true) }}
      />
      </ListeCompacte>
      <form
        className="fr-mt-4w"
        aria-labelledby="icc-prerenseigner"
        onSubmit={(e) => {
          e.preventDefault();
          if (choix.session && choix.centre) navigate(`${a.base}/${choix.session}/${choix.centre}/${session?.type === 'BTS' ? 'normale' : choix.periode}`);
        }}
      >
        <h2 className="fr-h6" id="icc-prerenseigner">
          Pré-renseigner ou ouvrir l'indemnité d'un centre
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-5 fr-select-group">
            <label className="fr-label" htmlFor="icc-choix-session">
              Session examen
            </label>
            <select className="fr-select" id="icc-choix-session" value={choix.session} onChange={(e) => setChoix({ ...choix, session: e.target.value })}>
              <option value="">Choisir une session</option>
              {filtres.data?.sessions?.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.libelle}
                </option>
              ))}
            </select>
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-select-group">
            <label className="fr-label" htmlFor="icc-choix-centre">
              Centre d'examen
            </label>
            <select className="fr-select" id="icc-choix-centre" value={choix.centre} onChange={(e) => setChoix({ ...choix, centre: e.target.value })}>
              <option value="">Choisir un centre</option>
              {filtres.data?.centres?.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.libelle}
                </option>
              ))}
            </select>
          </div>
          <div className="fr-col-12 fr-col-md-3 fr-select-group">
            <label className="fr-label" htmlFor="icc-choix-periode">
              Période
            </label>
            <select className="fr-select" id="icc-choix-periode" value={choix.periode} disabled={session?.type === 'BTS'} onChange={(e) => setChoix({ ...choix, periode: e.target.value })}>
              <option value="normale">Session normale</option>
              <option value="remplacement">Epreuves de remplacement</option>
            </select>
          </div>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary" disabled={!choix.session || !choix.centre}>
          Ouvrir
        </button>
      </form>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Declaration

interface Saisie {
  dateDebut: string;
  journees: [string, string, string];
  lignes: Array<{ personneId: number; nomPrenom: string; discipline: string; pourcentage: string; montant: string }>;
}

const saisieDe = (d: Detail): Saisie => {
  const dec = d.declaration;
  return {
    dateDebut: dec?.dateDebut ? formaterDate(dec.dateDebut) : '',
    journees: dec ? (dec.journees.map((j) => dixiemes(j)) as [string, string, string]) : ['0,0', '0,0', '0,0'],
    lignes: (dec?.lignes ?? []).map((l) => ({ personneId: l.personneId, nomPrenom: l.nomPrenom, discipline: l.discipline, pourcentage: l.pourcentage === null ? '' : dixiemes(l.pourcentage), montant: l.pourcentage === null ? (l.montant / 100).toFixed(2).replace('.', ',') : '' })),
  };
};

function AjoutIntervenant({ base, surAjout, deja }: { base: string; surAjout: (l: Saisie['lignes'][number]) => void; deja: number[] }) {
  const [q, setQ] = useState('');
  const [choisi, setChoisi] = useState<{ id: number; nomPrenom: string; discipline: string } | null>(null);
  const [mode, setMode] = useState<'pourcentage' | 'montant'>('pourcentage');
  const [valeur, setValeur] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const suggestions = useQuery({ queryKey: ['icc', base, 'personnels', q], queryFn: () => api.get<{ lignes: Array<{ id: number; nomPrenom: string; discipline: string; etablissement: string | null }> }>(`${base}/personnels?q=${encodeURIComponent(q)}`), enabled: q.trim().length >= 2 && !choisi });
  const ajouter = () => {
    if (!choisi) return setErreur('Nom prénom : choisissez un intervenant dans les suggestions.');
    const r = mode === 'pourcentage' ? lirePourcentage(valeur) : lireMontant(valeur);
    if (!r.ok) return setErreur(r.message);
    if (r.valeur === null) return setErreur(mode === 'pourcentage' ? 'Répartition (%) : saisissez un pourcentage.' : 'Montant (€) : saisissez un montant.');
    if (deja.includes(choisi.id)) return setErreur('Cet intervenant figure déjà dans la répartition.');
    surAjout({ personneId: choisi.id, nomPrenom: choisi.nomPrenom, discipline: choisi.discipline, pourcentage: mode === 'pourcentage' ? valeur : '', montant: mode === 'montant' ? valeur : '' });
    setQ('');
    setChoisi(null);
    setValeur('');
    setErreur(null);
  };
  return (
    <fieldset className="fr-fieldset fr-mt-2w icc-ajout" aria-labelledby="icc-ajout-legende">
      <legend className="fr-fieldset__legend" id="icc-ajout-legende">
        Ajouter un intervenant
      </legend>
      <div className="fr-fieldset__element fr-input-group">
        <label className="fr-label" htmlFor="icc-ajout-nom">
          Nom prénom *<span className="fr-hint-text">Suggestions parmi les personnels de l'académie dès deux lettres.</span>
        </label>
        <input className="fr-input" id="icc-ajout-nom" value={choisi ? choisi.nomPrenom : q} autoComplete="off" onChange={(e) => { setChoisi(null); setQ(e.target.value); }} />
        {!choisi && (suggestions.data?.lignes.length ?? 0) > 0 && (
          <ul className="fr-mt-1v icc-suggestions" aria-label="Suggestions">
            {suggestions.data!.lignes.map((s) => (
              <li key={s.id}>
                <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" onClick={() => setChoisi({ id: s.id, nomPrenom: s.nomPrenom, discipline: s.discipline })}>
                  {s.nomPrenom}
                  {s.etablissement ? ` - ${s.etablissement}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="fr-fieldset__element">
        <div className="fr-radio-group fr-radio-group--sm">
          <input type="radio" id="icc-ajout-pct" name="icc-ajout-mode" checked={mode === 'pourcentage'} onChange={() => setMode('pourcentage')} />
          <label className="fr-label" htmlFor="icc-ajout-pct">
            Répartition (%) — format x,x &lt;= 100
          </label>
        </div>
        <div className="fr-radio-group fr-radio-group--sm">
          <input type="radio" id="icc-ajout-mt" name="icc-ajout-mode" checked={mode === 'montant'} onChange={() => setMode('montant')} />
          <label className="fr-label" htmlFor="icc-ajout-mt">
            Montant (€) — format x,xx &gt; 0
          </label>
        </div>
      </div>
      <div className="fr-fieldset__element fr-input-group" style={{ maxWidth: '12rem' }}>
        <label className="fr-label" htmlFor="icc-ajout-valeur">
          {mode === 'pourcentage' ? 'Répartition (%)' : 'Montant (€)'}
        </label>
        <input className={`fr-input${erreur ? ' fr-input--error' : ''}`} id="icc-ajout-valeur" inputMode="decimal" value={valeur} aria-describedby={erreur ? 'icc-ajout-erreur' : undefined} onChange={(e) => setValeur(e.target.value)} />
      </div>
      {erreur && (
        <p className="fr-error-text fr-fieldset__element" id="icc-ajout-erreur">
          {erreur}
        </p>
      )}
      <div className="fr-fieldset__element">
        <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={ajouter}>
          Ajouter
        </button>
      </div>
    </fieldset>
  );
}

function EcranDeclaration({ base, url, gestion }: { base: string; url: string; gestion: boolean }) {
  const a = useActivite();
  const navigate = useNavigate();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['icc', base, 'detail', url], queryFn: () => api.get<Detail>(url) });
  const [saisie, setSaisie] = useState<Saisie | null>(null);
  const [ajout, setAjout] = useState(false);
  const [motifs, setMotifs] = useState<Record<number, string>>({});
  const confirmation = useConfirmation();
  const d = q.data;
  const s = saisie ?? (d ? saisieDe(d) : null);
  const apres = (r: Detail | undefined) => {
    if (!r) return;
    client.setQueryData(['icc', base, 'detail', url], r);
    setSaisie(null);
    setAjout(false);
    void client.invalidateQueries({ queryKey: ['icc', base, 'sessions'] });
    void client.invalidateQueries({ queryKey: ['icc', base, 'declarations'] });
  };
  const enregistrer = useAction(() => api.put<Detail>(url, { version: d!.declaration?.version ?? null, dateDebut: s!.dateDebut, journees: s!.journees, lignes: s!.lignes.map((l) => ({ personneId: l.personneId, pourcentage: l.pourcentage || null, montant: l.montant || null })) }), { succes: 'Indemnité enregistrée.' });
  const transmettre = useAction(() => api.post<Detail>(`${url}/transmission`, { version: d!.declaration!.version }), { succes: 'Indemnité transmise au service gestionnaire.' });
  const supprimer = useAction(() => api.delete<Detail>(`${url}?version=${d!.declaration!.version}`), { succes: 'Indemnité supprimée.' });
  const decider = useAction((ligneId: number, decision: 'valide' | 'rejete') => api.post<Detail>(`${base}/lignes/${ligneId}/decision`, { version: d!.declaration!.version, decision, motif: motifs[ligneId] ?? '' }), { succes: 'Décision enregistrée.' });

  if (q.isPending || !s) return <Chargement />;
  if (q.isError || !d)
    return (
      <>
        <BoutonRetour />
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error?.message}</p>
        </div>
      </>
    );
  const dec = d.declaration;
  const modif = (x: Partial<Saisie>) => setSaisie({ ...s, ...x });
  // The global amount, recomputed as one types (the server's rule).
  const tranches = TRANCHES[d.session.type];
  const lues = tranches.map((t, i) => lireJournees(s.journees[i], t));
  const journeesLues = lues.map((r) => (r.ok ? r.valeur : 0)) as [number, number, number];
  const montant = d.journeesModifiables ? montantGlobal(journeesLues, d.taux) : (dec?.montant ?? 0);
  const montants = s.lignes.map((l) => {
    const p = lirePourcentage(l.pourcentage);
    if (l.pourcentage && p.ok && p.valeur !== null) return montantPourcentage(montant, p.valeur);
    const m = lireMontant(l.montant);
    return m.ok && m.valeur !== null ? m.valeur : 0;
  });
  const reparti = montants.reduce((x, y) => x + y, 0);
  const erreurs = { ...enregistrer.erreursChamps };
  lues.forEach((r, i) => {
    if (!r.ok && !erreurs[`journees.${i}`]) erreurs[`journees.${i}`] = r.message;
  });
  const lectureSeule = !d.modifiable;
  const enCours = enregistrer.enCours || transmettre.enCours || supprimer.enCours || decider.enCours;

  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Indemnités chef de centre</h2>
      <p>
        Session examen : <strong>{d.session.libelle}</strong>
        {gestion && (
          <>
            <br />
            Centre : <strong>{d.centre.libelle}</strong>
          </>
        )}
      </p>
      {d.periodes.length > 1 && (
        <div className="fr-select-group" style={{ maxWidth: '20rem' }}>
          <label className="fr-label" htmlFor="icc-periode">
            Choix de la période
          </label>
          <select className="fr-select" id="icc-periode" value={d.periode} onChange={(e) => navigate(`${url.includes('/centres/') ? `${a.base}/${d.session.id}/${d.centre.id}` : `${a.base}/${d.session.id}`}/${e.target.value}`)}>
            {d.periodes.map((p) => (
              <option key={p.code} value={p.code}>
                {p.libelle}
              </option>
            ))}
          </select>
        </div>
      )}
      <h3 className="fr-h6">{d.libellePeriode}</h3>
      {d.message && (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w">
          <p>{d.message}</p>
        </div>
      )}
      {dec && (
        <Details
          lignes={[
            ['Statut', dec.libelleStatutSaisie],
            ['Suivi de traitement', dec.libelleSuivi ? dec.libelleSuivi.toUpperCase() : ''],
            ['Montant alloué', eurosTexte(dec.montant)],
          ]}
        />
      )}
      {lectureSeule ? (
        <Details
          lignes={[
            ['Date de début des épreuves', dec?.dateDebut ? formaterDate(dec.dateDebut) : ''],
            ...tranches.map((t, i) => [`Nombre de journées ${t.libelle.toLowerCase()}`, dec ? dixiemes(dec.journees[i]!) : ''] as [string, string]),
          ]}
        />
      ) : (
        <fieldset className="fr-fieldset fr-mt-2w" aria-labelledby="icc-indemnite">
          <legend className="fr-fieldset__legend" id="icc-indemnite">
            Indemnité <span className="fr-hint-text">* Champ obligatoire au format JJ/MM/AAAA</span>
          </legend>
          <div className="fr-fieldset__element fr-input-group" style={{ maxWidth: '20rem' }}>
            <label className="fr-label" htmlFor="icc-date">
              Début des épreuves — date à saisir *
              {d.cyclades?.dateDebut && <span className="fr-hint-text">Date issue de Cyclades : {formaterDate(d.cyclades.dateDebut)}</span>}
            </label>
            <input className={`fr-input${erreurs.dateDebut ? ' fr-input--error' : ''}`} id="icc-date" value={s.dateDebut} disabled={!d.journeesModifiables} placeholder="JJ/MM/AAAA" aria-describedby={erreurs.dateDebut ? 'icc-date-e' : undefined} onChange={(e) => { modif({ dateDebut: e.target.value }); enregistrer.effacerChamp('dateDebut'); }} />
            {erreurs.dateDebut && (
              <p className="fr-error-text" id="icc-date-e">
                {erreurs.dateDebut}
              </p>
            )}
          </div>
          {tranches.map((t, i) => (
            <div className="fr-fieldset__element fr-input-group" key={t.libelle} style={{ maxWidth: '28rem' }}>
              <label className="fr-label" htmlFor={`icc-j${i}`}>
                Nombre de journées — {t.libelle}
                <span className="fr-hint-text">
                  Format {t.format}
                  {d.cyclades ? ` ; donnée issue de Cyclades : ${dixiemes(d.cyclades.journees[i]!)}` : ''}
                </span>
              </label>
              <input className={`fr-input${erreurs[`journees.${i}`] ? ' fr-input--error' : ''}`} id={`icc-j${i}`} inputMode="decimal" disabled={!d.journeesModifiables} value={s.journees[i]} aria-describedby={erreurs[`journees.${i}`] ? `icc-j${i}-e` : undefined} onChange={(e) => { const j = [...s.journees] as Saisie['journees']; j[i] = e.target.value; modif({ journees: j }); enregistrer.effacerChamp(`journees.${i}`); }} />
              {erreurs[`journees.${i}`] && (
                <p className="fr-error-text" id={`icc-j${i}-e`}>
                  {erreurs[`journees.${i}`]}
                </p>
              )}
            </div>
          ))}
          {!d.journeesModifiables && <p className="fr-fieldset__element fr-text--sm">Le service gestionnaire a pré-renseigné les journées et le montant : vous effectuez la répartition.</p>}
          <p className="fr-fieldset__element" role="status">
            Montant global calculé : <strong data-montant-global>{eurosTexte(montant)}</strong>
          </p>
        </fieldset>
      )}
      <div className="fr-table fr-table--sm fr-mt-2w">
        <table>
          <caption>Liste des intervenants</caption>
          <thead>
            <tr>
              <th scope="col">Nom prénom</th>
              <th scope="col">Discipline de poste</th>
              <th scope="col">Répartition (%)</th>
              <th scope="col">Montant (€)</th>
              {gestion && dec?.statutSaisie === 'transmis' && <th scope="col">Traitement</th>}
              {!lectureSeule && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {s.lignes.length === 0 && (
              <tr>
                <td colSpan={6}>Aucun intervenant</td>
              </tr>
            )}
            {s.lignes.map((l, k) => {
              const serveur = dec?.lignes.find((x) => x.personneId === l.personneId);
              const e = erreurs[`lignes.${l.personneId}`] ?? erreurs[`lignes.${l.personneId}.pourcentage`] ?? erreurs[`lignes.${l.personneId}.montant`];
              return (
                <tr key={l.personneId}>
                  <td>
                    {l.nomPrenom}
                    {e && <p className="fr-error-text fr-text--xs">{e}</p>}
                  </td>
                  <td>{l.discipline}</td>
                  <td>{l.pourcentage}</td>
                  <td>{eurosTexte(montants[k]!)}</td>
                  {gestion && dec?.statutSaisie === 'transmis' && (
                    <td>
                      {serveur ? (
                        <>
                          <span className="fr-badge fr-badge--sm">{serveur.libelleStatut}</span>
                          {serveur.motifRejet && <p className="fr-text--xs">Motif : {serveur.motifRejet}</p>}
                          {serveur.statut !== 'paye' && serveur.id && (
                            <div className="fr-mt-1v">
                              <input className="fr-input fr-input--sm" aria-label={`Motif du rejet — ${l.nomPrenom}`} placeholder="Motif du rejet" value={motifs[serveur.id] ?? ''} onChange={(ev) => setMotifs({ ...motifs, [serveur.id!]: ev.target.value })} />
                              <button type="button" className="fr-btn fr-btn--sm fr-mt-1v" disabled={enCours} onClick={() => void decider.executer(serveur.id!, 'valide').then(apres)}>
                                Valider
                              </button>{' '}
                              <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1v" disabled={enCours} onClick={() => void decider.executer(serveur.id!, 'rejete').then(apres)}>
                                Rejeter
                              </button>
                            </div>
                          )}
                        </>
                      ) : (
                        'Non enregistrée'
                      )}
                    </td>
                  )}
                  {!lectureSeule && (
                    <td>
                      <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" title={`Retirer ${l.nomPrenom}`} aria-label={`Retirer ${l.nomPrenom} de la répartition`} onClick={() => modif({ lignes: s.lignes.filter((x) => x.personneId !== l.personneId) })}>
                        ✗
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status">
        Total réparti : <strong data-total-reparti>{eurosTexte(reparti)}</strong>
        <br />
        Total restant : <strong data-total-restant>{eurosTexte(montant - reparti)}</strong>
      </p>
      {reparti > montant && <p className="fr-error-text">Le total réparti dépasse le montant global calculé : réduisez la répartition.</p>}
      {erreurs.total && <p className="fr-error-text">{erreurs.total}</p>}
      {!lectureSeule && (
        <>
          {ajout ? (
            <AjoutIntervenant base={base} deja={s.lignes.map((l) => l.personneId)} surAjout={(l) => modif({ lignes: [...s.lignes, l] })} />
          ) : (
            <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" onClick={() => setAjout(true)}>
              Ajouter un intervenant
            </button>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
            <li>
              <button type="button" className="fr-btn" disabled={enCours} onClick={() => void enregistrer.executer().then(apres)}>
                {enregistrer.enCours ? 'Enregistrement…' : 'Enregistrer'}
              </button>
            </li>
            {!gestion && dec && dec.statutSaisie === 'non_transmis' && (
              <>
                <li>
                  <button type="button" className="fr-btn fr-btn--secondary" disabled={enCours || saisie !== null} title={saisie !== null ? 'Enregistrez d’abord vos modifications.' : undefined} onClick={() => confirmation.demander({ titre: 'Transmettre', message: CONFIRMATION_TRANSMISSION, bouton: 'Transmettre', surConfirmation: () => void transmettre.executer().then(apres) })}>
                    Transmettre
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--tertiary" disabled={enCours} onClick={() => confirmation.demander({ titre: 'Supprimer l’indemnité', message: dec.prerempli ? 'Supprimer votre répartition ? Les journées pré-renseignées par le service gestionnaire restent.' : 'Supprimer cette indemnité et sa répartition ?', bouton: 'Supprimer', surConfirmation: () => void supprimer.executer().then(apres) })}>
                    Supprimer
                  </button>
                </li>
              </>
            )}
          </ul>
        </>
      )}
      {confirmation.dialogue}
    </>
  );
}

export function PageIcc({ base, gestion }: { base: string; gestion: boolean }) {
  const { '*': reste = '' } = useParams();
  const p = reste.split('/').filter(Boolean);
  // Keyed by its address: another période or session starts from its own figures, not the previous draft.
  if (gestion && p.length === 3) {
    const url = `${base}/sessions/${p[0]}/centres/${p[1]}/${p[2]}`;
    return <EcranDeclaration key={url} base={base} gestion url={url} />;
  }
  if (!gestion && p.length === 2) {
    const url = `${base}/sessions/${p[0]}/${p[1]}`;
    return <EcranDeclaration key={url} base={base} gestion={false} url={url} />;
  }
  return gestion ? <ListeDeclarations base={base} /> : <ListeSessions base={base} />;
}
