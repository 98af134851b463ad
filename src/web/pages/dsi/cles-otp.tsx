// « Clés OTP du portail Jury » (DSI, issue 8 §1, seed 000): the académie's hardware OATH keys with
// their état (en stock, remise, active, verrouillée, révoquée), the centres de délibération they were
// given to, their failures and last use. A key is registered one by one (« Enregistrer une clé »:
// identifiant, n° de série, HOTP/TOTP, secret, chiffres, période, compteur) or by importing a seed
// file (PSKC, or CSV serial;secret;type;digits;period) read in the browser and imported all or
// nothing, its errors listed line by line. A row opens the key's detail: « Remettre » (centres + PIN),
// « Activer », « Déverrouiller », « Resynchroniser » (two consecutive codes), « Révoquer » (motif).
// The server's French messages are shown next to the fields they concern and in the console.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { identifiantCleValide, REGLE_IDENTIFIANT_CLE } from '../../../domain/identite/cles-otp-import.ts';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useActivite } from '../../app/activite.tsx';
import { consoleMessages } from '../../app/console.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { Choix, pluriel } from '../imagin-gestion/jurys-deliberation.tsx';

export const BASE_DSI = '/api/dsi';
const BASE = `${BASE_DSI}/cles-otp`;
const NOUVELLE = 'nouvelle';

export type EtatCle = 'en_stock' | 'remise' | 'active' | 'verrouillee' | 'revoquee';

export interface CentreCle {
  id: number;
  uai: string;
  libelle: string;
}

export interface CleOtp {
  id: number;
  identifiant: string;
  numeroSerie: string;
  type: 'HOTP' | 'TOTP';
  chiffres: number;
  periode: number | null;
  etat: EtatCle;
  libelleEtat: string;
  centres: CentreCle[];
  /** Wrong PINs typed with a valid code since the last success (5 lock the key). */
  echecs: number;
  /** The server's alert when the key seems under attack (many failed attempts in 24 h), else null. */
  alerte: string | null;
  derniereUtilisation: string | null;
  creeLe: string;
}

/** Keys under attack (issue 13 §4): said above the list, each with a link to its detail. */
function AlertesAttaque({ cles, base }: { cles: readonly CleOtp[]; base: string }) {
  const attaquees = cles.filter((c) => c.alerte);
  if (!attaquees.length) return null;
  return (
    <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="alertes-cles-attaquees" role="status">
      <h2 className="fr-alert__title">
        {attaquees.length > 1 ? `${attaquees.length} clés sont peut-être attaquées` : 'Une clé est peut-être attaquée'}
      </h2>
      <ul>
        {attaquees.map((c) => (
          <li key={c.id}>
            <Link className="fr-link" to={`${base}/${c.id}`}>
              Clé {c.identifiant}
            </Link>{' '}
            : {c.alerte}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ReponseCles {
  lignes: CleOtp[];
  centres: Array<CentreCle & { academie: string }>;
}

const ETATS: Array<[EtatCle, string]> = [
  ['en_stock', 'En stock'],
  ['remise', 'Remise'],
  ['active', 'Active'],
  ['verrouillee', 'Verrouillée'],
  ['revoquee', 'Révoquée'],
];

const COULEUR_ETAT: Record<EtatCle, string> = {
  en_stock: '',
  remise: 'fr-badge--info',
  active: 'fr-badge--success',
  verrouillee: 'fr-badge--warning',
  revoquee: 'fr-badge--error',
};

export function BadgeEtatCle({ c }: { c: Pick<CleOtp, 'etat' | 'libelleEtat'> }) {
  return <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${COULEUR_ETAT[c.etat] ?? ''}`}>{c.libelleEtat}</span>;
}

const listeCentres = (c: CleOtp) => c.centres.map((x) => x.libelle).join(', ');

const colonnes: Colonne<CleOtp>[] = [
  { id: 'identifiant', libelle: 'Identifiant', valeur: (c) => c.identifiant, poids: 2 },
  { id: 'serie', libelle: 'N° de série', valeur: (c) => c.numeroSerie, poids: 2 },
  { id: 'type', libelle: 'Type', valeur: (c) => `${c.type} ${c.chiffres} chiffres${c.type === 'TOTP' && c.periode ? `, ${c.periode} s` : ''}`, poids: 2 },
  { id: 'etat', libelle: 'État', valeur: (c) => c.libelleEtat, rendu: (c) => <BadgeEtatCle c={c} /> },
  { id: 'centres', libelle: 'Centres', valeur: listeCentres, poids: 3 },
  { id: 'echecs', libelle: 'Échecs', valeur: (c) => c.echecs, type: 'nombre', alignement: 'droite' },
  { id: 'derniere', libelle: 'Dernière utilisation', valeur: (c) => (c.derniereUtilisation ? new Date(c.derniereUtilisation) : null), type: 'dateHeure', poids: 2 },
];

function useCles(etat = '') {
  return useQuery({
    queryKey: ['dsi', 'cles-otp', etat],
    queryFn: () => api.get<ReponseCles>(`${BASE}${etat ? `?etat=${encodeURIComponent(etat)}` : ''}`),
    placeholderData: (p) => p,
  });
}

const invaliderDsi = (client: ReturnType<typeof useQueryClient>) => client.invalidateQueries({ queryKey: ['dsi'] });

/** The line errors of an import: the server's `fields` (one per line) or its message. */
function erreursImport(e: unknown): string[] {
  if (!(e instanceof ErreurApi)) return [];
  const champs = Object.entries(e.fields)
    .sort(([a], [b]) => a.localeCompare(b, 'fr', { numeric: true }))
    .map(([, m]) => m);
  return champs.length ? champs : e.status === 400 ? [e.message] : [];
}

function ImportGraines() {
  const client = useQueryClient();
  const champ = useRef<HTMLInputElement>(null);
  const [prefixe, setPrefixe] = useState('');
  const [erreurs, setErreurs] = useState<string[]>([]);
  const importer = useAction(
    async (fichier: File) => {
      setErreurs([]);
      try {
        const corps: { contenu: string; prefixeIdentifiant?: string } = { contenu: await fichier.text() };
        if (prefixe.trim()) corps.prefixeIdentifiant = prefixe.trim();
        const r = await api.post<{ message: string; importees: number }>(`${BASE}/import`, corps);
        if (champ.current) champ.current.value = '';
        await invaliderDsi(client);
        return r;
      } catch (e) {
        setErreurs(erreursImport(e));
        throw e;
      }
    },
    { succes: (r) => r.message },
  );
  const lancer = () => {
    const f = champ.current?.files?.[0];
    if (!f) {
      consoleMessages.erreur('Fichier de graines : choisissez le fichier PSKC ou CSV fourni avec les clés.');
      return;
    }
    void importer.executer(f);
  };
  return (
    <section className="fr-mt-4w" aria-labelledby="titre-import-graines">
      <h2 className="fr-h6" id="titre-import-graines">
        Importer un fichier de graines
      </h2>
      <div className={`fr-upload-group${erreurs.length ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor="fichier-graines">
          Fichier de graines
          <span className="fr-hint-text">
            Fichier PSKC (XML) fourni par le fabricant, ou CSV « numéro de série;secret;type;chiffres;période » (secret en base32 ou hexadécimal, type HOTP ou TOTP, 6 ou 8
            chiffres, période en secondes pour TOTP). Le fichier est lu dans votre navigateur puis importé en entier ou pas du tout ; les secrets sont chiffrés dès leur
            enregistrement.
          </span>
        </label>
        <input className="fr-upload" type="file" id="fichier-graines" name="fichier-graines" accept=".csv,.txt,.xml,.pskc,text/csv,application/xml,text/xml" ref={champ} aria-describedby={erreurs.length ? 'erreurs-import-graines' : undefined} />
      </div>
      <Input
        className="fr-mt-2w"
        label="Préfixe des identifiants (facultatif)"
        hintText="Par défaut, l’identifiant d’une clé importée est « OTP- » suivi de son numéro de série."
        nativeInputProps={{ id: 'prefixe-identifiant', name: 'prefixeIdentifiant', maxLength: 40, value: prefixe, onChange: (e) => setPrefixe(e.target.value) }}
      />
      <button type="button" className="fr-btn fr-icon-upload-line fr-btn--icon-left" onClick={lancer} disabled={importer.enCours}>
        Importer le fichier
      </button>
      {erreurs.length > 0 && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mt-2w" id="erreurs-import-graines" role="alert">
          <p>{pluriel(erreurs.length, 'erreur', 'erreurs')} : aucune clé n’a été importée.</p>
          <ul>
            {erreurs.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ListeCles() {
  const a = useActivite();
  const navigate = useNavigate();
  const f = useFiltres('cles-otp', { etat: '', centre: '' });
  const q = useCles(f.appliques.etat);
  const lignes = useMemo(() => q.data?.lignes.filter((c) => !f.appliques.centre || c.centres.some((x) => String(x.id) === f.appliques.centre)), [q.data, f.appliques.centre]);
  return (
    <>
      <AlertesAttaque cles={q.data?.lignes ?? []} base={a.base} />
      <Liste
        id="cles-otp"
        titre="Clés OTP de l’académie"
        lignes={lignes}
        colonnes={colonnes}
        cle={(c) => c.id}
        triParDefaut={{ colonne: 'identifiant', sens: 'asc' }}
        lien={(c) => `${a.base}/${c.id}`}
        libelleLien={(c) => `Clé ${c.identifiant} (${c.libelleEtat}) : détail et opérations`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune clé OTP ne correspond aux filtres."
        filtres={{
          ...f.proprietes,
          contenu: (
            <>
              <Choix id="cles-otp-etat" label="État" valeur={f.saisie.etat} options={[['', 'Tous'], ...ETATS]} surChangement={(v) => f.modifier('etat', v)} />
              <Choix
                id="cles-otp-centre"
                label="Centre de délibération"
                valeur={f.saisie.centre}
                options={[['', 'Tous'], ...(q.data?.centres ?? []).map((c): [string, string] => [String(c.id), c.libelle])]}
                surChangement={(v) => f.modifier('centre', v)}
              />
            </>
          ),
        }}
        actions={
          <button type="button" className="fr-btn fr-icon-add-line fr-btn--icon-left" onClick={() => navigate(`${a.base}/${NOUVELLE}`)}>
            Enregistrer une clé
          </button>
        }
      />
      <ImportGraines />
    </>
  );
}

interface SaisieCle {
  identifiant: string;
  numeroSerie: string;
  type: 'HOTP' | 'TOTP';
  secret: string;
  chiffres: string;
  periode: string;
  compteur: string;
}

/** A DSFR text field whose error is the server's message for `nom`. */
function Champ({
  id,
  nom,
  label,
  indice,
  valeur,
  erreurs,
  surChangement,
  type = 'text',
  mode,
  autoComplete = 'off',
}: {
  id: string;
  nom: string;
  label: string;
  indice?: ReactNode;
  valeur: string;
  erreurs: Record<string, string>;
  surChangement: (v: string) => void;
  type?: 'text' | 'password';
  mode?: 'numeric' | 'text';
  autoComplete?: string;
}) {
  const e = erreurs[nom];
  return (
    <Input
      label={label}
      hintText={indice}
      state={e ? 'error' : 'default'}
      stateRelatedMessage={e}
      nativeInputProps={{ id, name: nom, type, inputMode: mode, autoComplete, spellCheck: false, 'aria-invalid': e ? true : undefined, value: valeur, onChange: (x) => surChangement(x.target.value) }}
    />
  );
}

function NouvelleCle() {
  const a = useActivite();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [s, setS] = useState<SaisieCle>({ identifiant: '', numeroSerie: '', type: 'HOTP', secret: '', chiffres: '6', periode: '30', compteur: '0' });
  const modifier = <K extends keyof SaisieCle>(k: K, v: SaisieCle[K]) => setS((x) => ({ ...x, [k]: v }));
  const enregistrer = useAction(
    async () => {
      const corps: Record<string, unknown> = { identifiant: s.identifiant.trim(), numeroSerie: s.numeroSerie.trim(), type: s.type, secret: s.secret.replace(/\s+/g, ''), chiffres: Number(s.chiffres) };
      if (s.type === 'TOTP') corps.periode = Number(s.periode);
      else corps.compteur = Number(s.compteur);
      const r = await api.post<{ id: number; message: string }>(BASE, corps);
      await invaliderDsi(client);
      navigate(`${a.base}/${r.id}`);
      return r;
    },
    { succes: (r) => r.message },
  );
  const err = enregistrer.erreursChamps;
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const manquants: Record<string, string> = {};
    if (!s.identifiant.trim()) manquants.identifiant = 'Identifiant : saisissez l’identifiant qui sera communiqué avec la clé.';
    else if (!identifiantCleValide(s.identifiant.trim())) manquants.identifiant = `Identifiant : ${REGLE_IDENTIFIANT_CLE}.`;
    if (!s.numeroSerie.trim()) manquants.numeroSerie = 'N° de série : saisissez le numéro inscrit au dos de la clé.';
    if (!s.secret.trim()) manquants.secret = 'Secret : saisissez la graine de la clé, en base32 ou en hexadécimal.';
    if (Object.keys(manquants).length) return enregistrer.signalerChamps(manquants);
    void enregistrer.executer();
  };
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), []);
  return (
    <>
      <BoutonRetour />
      <form onSubmit={soumettre} noValidate aria-labelledby="titre-nouvelle-cle" className="formulaire-cle">
        <h2 className="fr-h5" id="titre-nouvelle-cle" tabIndex={-1} ref={titre}>
          Enregistrer une clé
        </h2>
        <p className="fr-text--sm">La clé est enregistrée « en stock » dans votre académie ; elle servira après sa remise à un centre de délibération avec son code PIN.</p>
        <Champ id="cle-identifiant" nom="identifiant" label="Identifiant *" indice="L’identifiant communiqué avec la clé, saisi sur la première mire du portail Jury (unique)." valeur={s.identifiant} erreurs={err} surChangement={(v) => modifier('identifiant', v)} />
        <Champ id="cle-numero-serie" nom="numeroSerie" label="N° de série *" indice="Le numéro inscrit sur la clé." valeur={s.numeroSerie} erreurs={err} surChangement={(v) => modifier('numeroSerie', v)} />
        <fieldset className={`fr-fieldset${err.type ? ' fr-fieldset--error' : ''}`} id="cle-type" aria-labelledby="cle-type-legende">
          <legend className="fr-fieldset__legend fr-text--regular" id="cle-type-legende">
            Type *
          </legend>
          {(['HOTP', 'TOTP'] as const).map((t) => (
            <div className="fr-fieldset__element fr-fieldset__element--inline" key={t}>
              <div className="fr-radio-group">
                <input type="radio" id={`cle-type-${t}`} name="type" value={t} checked={s.type === t} onChange={() => modifier('type', t)} />
                <label className="fr-label" htmlFor={`cle-type-${t}`}>
                  {t === 'HOTP' ? 'HOTP (événementielle : un code à chaque appui)' : 'TOTP (temporelle : un code par période)'}
                </label>
              </div>
            </div>
          ))}
          {err.type && (
            <div className="fr-messages-group">
              <p className="fr-message fr-message--error">{err.type}</p>
            </div>
          )}
        </fieldset>
        <Champ id="cle-secret" nom="secret" label="Secret *" indice="La graine fournie par le fabricant, en base32 ou en hexadécimal ; elle est chiffrée dès l’enregistrement et n’est plus jamais affichée." valeur={s.secret} erreurs={err} surChangement={(v) => modifier('secret', v)} type="password" autoComplete="new-password" />
        <div className="fr-select-group">
          <label className="fr-label" htmlFor="cle-chiffres">
            Chiffres
          </label>
          <select className={`fr-select${err.chiffres ? ' fr-select--error' : ''}`} id="cle-chiffres" name="chiffres" value={s.chiffres} onChange={(e) => modifier('chiffres', e.target.value)} aria-invalid={err.chiffres ? true : undefined}>
            <option value="6">6</option>
            <option value="8">8</option>
          </select>
          {err.chiffres && <p className="fr-error-text">{err.chiffres}</p>}
        </div>
        {s.type === 'TOTP' ? (
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="cle-periode">
              Période
              <span className="fr-hint-text">Durée de validité d’un code, 30 secondes le plus souvent.</span>
            </label>
            <select className={`fr-select${err.periode ? ' fr-select--error' : ''}`} id="cle-periode" name="periode" value={s.periode} onChange={(e) => modifier('periode', e.target.value)} aria-invalid={err.periode ? true : undefined}>
              <option value="30">30 secondes</option>
              <option value="60">60 secondes</option>
            </select>
            {err.periode && <p className="fr-error-text">{err.periode}</p>}
          </div>
        ) : (
          <Champ id="cle-compteur" nom="compteur" label="Compteur" indice="Valeur du compteur de la clé neuve, 0 le plus souvent." valeur={s.compteur} erreurs={err} surChangement={(v) => modifier('compteur', v)} mode="numeric" />
        )}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn" disabled={enregistrer.enCours}>
              Enregistrer la clé
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => navigate(a.base)}>
              Annuler
            </button>
          </li>
        </ul>
      </form>
    </>
  );
}

/** One operation of the detail: a titled section, its fields and its button (in a form when it has fields). */
function Operation({ id, titre, texte, surEnvoi, children }: { id: string; titre: string; texte: ReactNode; surEnvoi?: () => void; children: ReactNode }) {
  return (
    <section className="fr-mt-4w operation-cle" aria-labelledby={`titre-${id}`}>
      <h3 className="fr-h6 fr-mb-1w" id={`titre-${id}`}>
        {titre}
      </h3>
      <p className="fr-text--sm fr-mb-2w">{texte}</p>
      {surEnvoi ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            surEnvoi();
          }}
        >
          {children}
        </form>
      ) : (
        children
      )}
    </section>
  );
}

/** An operation on a key (POST /cles-otp/:id/<chemin>): the server's message, the list refreshed. */
function useOperation(id: string, chemin: string, apres?: () => void) {
  const client = useQueryClient();
  return useAction(
    async (corps?: unknown) => {
      const r = await api.post<{ message: string }>(`${BASE}/${id}/${chemin}`, corps ?? {});
      apres?.();
      await invaliderDsi(client);
      return r;
    },
    { succes: (r) => r.message },
  );
}

function DetailCle({ id }: { id: string }) {
  const confirmation = useConfirmation();
  const q = useCles();
  const cle = q.data?.lignes.find((c) => String(c.id) === id);
  const centres = q.data?.centres ?? [];
  const [centreIds, setCentreIds] = useState<ReadonlySet<number>>(new Set());
  const [pin, setPin] = useState('');
  const [code1, setCode1] = useState('');
  const [code2, setCode2] = useState('');
  const [motif, setMotif] = useState('');
  useEffect(() => {
    if (cle) setCentreIds(new Set(cle.centres.map((c) => c.id)));
  }, [cle?.id, cle?.etat]);

  const remettre = useOperation(id, 'remise', () => setPin(''));
  const activer = useOperation(id, 'activer');
  const deverrouiller = useOperation(id, 'deverrouiller');
  const resynchroniser = useOperation(id, 'resynchroniser', () => {
    setCode1('');
    setCode2('');
  });
  const revoquer = useOperation(id, 'revoquer', () => setMotif(''));
  const enCours = [remettre, activer, deverrouiller, resynchroniser, revoquer].some((o) => o.enCours);

  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), [cle?.id]);
  if (!cle) {
    return (
      <>
        <BoutonRetour />
        {q.isPending ? <Chargement /> : <p>Cette clé n’existe pas (ou plus) dans votre académie.</p>}
      </>
    );
  }
  const revoquee = cle.etat === 'revoquee';
  const cocher = (c: number, coche: boolean) =>
    setCentreIds((s) => {
      const n = new Set(s);
      if (coche) n.add(c);
      else n.delete(c);
      return n;
    });

  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5" id="titre-cle" tabIndex={-1} ref={titre}>
        Clé {cle.identifiant}
      </h2>
      {cle.alerte && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="alerte-cle-attaquee">
          <p>{cle.alerte}</p>
        </div>
      )}
      <Details
        lignes={[
          ['Identifiant', cle.identifiant],
          ['N° de série', cle.numeroSerie],
          ['Type', `${cle.type}, ${cle.chiffres} chiffres${cle.type === 'TOTP' && cle.periode ? `, période ${cle.periode} s` : ''}`],
          ['État', <BadgeEtatCle c={cle} />],
          ['Centres de délibération', listeCentres(cle)],
          ['Échecs consécutifs', `${cle.echecs} (codes PIN faux saisis avec un code valide ; la clé se verrouille à 5)`],
          ['Dernière utilisation', cle.derniereUtilisation ? new Date(cle.derniereUtilisation).toLocaleString('fr-FR') : 'Jamais'],
          ['Enregistrée le', new Date(cle.creeLe).toLocaleString('fr-FR')],
        ]}
      />
      {revoquee ? (
        <p className="fr-text--sm">Cette clé est révoquée : elle n’ouvre plus le portail Jury et ne peut plus être remise.</p>
      ) : (
        <>
          {(cle.etat === 'en_stock' || cle.etat === 'remise') && (
            <Operation
              id="remise"
              titre="Remettre la clé"
              texte="Cochez le ou les centres de délibération auxquels la clé est remise et fixez son code PIN (4 à 8 chiffres), à communiquer avec l’identifiant. Le PIN est conservé sous forme hachée : il ne pourra pas être relu."
              surEnvoi={() => void remettre.executer({ centreIds: [...centreIds], pin })}
            >
              <fieldset className={`fr-fieldset${remettre.erreursChamps.centreIds ? ' fr-fieldset--error' : ''}`} id="remise-centres" aria-labelledby="remise-centres-legende">
                <legend className="fr-fieldset__legend fr-text--regular" id="remise-centres-legende">
                  Centres de délibération
                </legend>
                {centres.map((c) => (
                  <div className="fr-fieldset__element" key={c.id}>
                    <div className="fr-checkbox-group fr-checkbox-group--sm">
                      <input type="checkbox" id={`remise-centre-${c.id}`} name="centreIds" value={c.id} checked={centreIds.has(c.id)} onChange={(e) => cocher(c.id, e.target.checked)} />
                      <label className="fr-label" htmlFor={`remise-centre-${c.id}`}>
                        {c.libelle}
                        <span className="fr-hint-text">Académie {c.academie}</span>
                      </label>
                    </div>
                  </div>
                ))}
                {remettre.erreursChamps.centreIds && (
                  <div className="fr-messages-group">
                    <p className="fr-message fr-message--error">{remettre.erreursChamps.centreIds}</p>
                  </div>
                )}
              </fieldset>
              <div className="fr-grid-row">
                <div className="fr-col-12 fr-col-md-4">
                  <Champ id="remise-pin" nom="pin" label="Code PIN" indice="4 à 8 chiffres" valeur={pin} erreurs={remettre.erreursChamps} surChangement={setPin} type="password" mode="numeric" autoComplete="new-password" />
                </div>
              </div>
              <button type="submit" className="fr-btn fr-icon-send-plane-line fr-btn--icon-left fr-mt-2w" disabled={enCours}>
                Remettre
              </button>
            </Operation>
          )}
          {cle.etat === 'remise' && (
            <Operation id="activer" titre="Activer la clé" texte="Une clé remise devient active à sa première authentification réussie ; vous pouvez aussi l’activer dès sa remise confirmée.">
              <button type="button" className="fr-btn fr-btn--secondary fr-icon-check-line fr-btn--icon-left" disabled={enCours} onClick={() => void activer.executer()}>
                Activer
              </button>
            </Operation>
          )}
          {cle.etat === 'verrouillee' && (
            <Operation
              id="deverrouiller"
              titre="Déverrouiller la clé"
              texte="Après cinq échecs, la clé est verrouillée et même un code juste est refusé. Déverrouillez-la après avoir vérifié l’identité du demandeur : l’opération est inscrite au journal d’audit."
            >
              <button type="button" className="fr-btn fr-btn--secondary fr-icon-lock-unlock-line fr-btn--icon-left" disabled={enCours} onClick={() => void deverrouiller.executer()}>
                Déverrouiller
              </button>
            </Operation>
          )}
          <Operation
            id="resynchroniser"
            titre="Resynchroniser la clé"
            texte="Une clé désynchronisée (appuis répétés hors connexion, horloge dérivée) : saisissez deux codes consécutifs affichés par la clé."
            surEnvoi={() => void resynchroniser.executer({ code1: code1.trim(), code2: code2.trim() })}
          >
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-4">
                <Champ id="resync-code1" nom="code1" label="Premier code" valeur={code1} erreurs={resynchroniser.erreursChamps} surChangement={setCode1} mode="numeric" />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Champ id="resync-code2" nom="code2" label="Code suivant" valeur={code2} erreurs={resynchroniser.erreursChamps} surChangement={setCode2} mode="numeric" />
              </div>
            </div>
            <button type="submit" className="fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left fr-mt-2w" disabled={enCours}>
              Resynchroniser
            </button>
          </Operation>
          <Operation
            id="revoquer"
            titre="Révoquer la clé"
            texte="Clé perdue, volée ou défectueuse : une clé révoquée n’ouvre plus jamais le portail Jury. L’opération est définitive."
            surEnvoi={() => {
              if (!motif.trim()) return revoquer.signalerChamps({ motif: 'Motif : indiquez pourquoi la clé est révoquée (perte, vol, défaut…).' });
              confirmation.demander({
                titre: 'Révoquer la clé',
                message: `Révoquer définitivement la clé ${cle.identifiant} ? Elle n’ouvrira plus jamais le portail Jury.`,
                bouton: 'Révoquer',
                surConfirmation: () => void revoquer.executer({ motif: motif.trim() }),
              });
            }}
          >
            <Champ id="revocation-motif" nom="motif" label="Motif" indice="Par exemple « clé perdue par le centre »." valeur={motif} erreurs={revoquer.erreursChamps} surChangement={setMotif} />
            <button type="submit" className="fr-btn fr-btn--tertiary fr-icon-close-circle-line fr-btn--icon-left" disabled={enCours}>
              Révoquer
            </button>
          </Operation>
        </>
      )}
      {confirmation.dialogue}
    </>
  );
}

export default function ClesOtp() {
  return <ListeOuDetail liste={<ListeCles />} detail={(id) => (id === NOUVELLE ? <NouvelleCle /> : <DetailCle id={id} />)} />;
}
