// The Jury portal's login (issue 8 §2–4 and §6, seed 000): /connexion/jury shows the first screen
// « Authentification » (the OTP key: identifiant, then PIN followed by the code shown on the key), then,
// at the same address, the second screen (the identifiant and password of the IMAG'IN convocation, with
// « Où trouver mes identifiants ? » and its five situations). GET /api/jury/etape says which screen to
// show (after a reload, or when a portal session adds another académie's juries: Cas 2, `ajout`).
// /connexion/jury/secours: the backup portal (a jury's login and password from the plan de secours
// papillons), usable only while the DSI has opened it for the académie.
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, definirJetonSessionAcademie, ErreurApi } from '../../app/api.ts';
import { changerProprietaireBrouillons } from '../../app/brouillons.ts';
import { consoleMessages, texteErreur } from '../../app/console.ts';
import { viderEtats } from '../../app/etat.ts';
import { useSession, type EtatNavigationConnexion } from '../../app/session.tsx';
import type { Session } from '../../app/types.ts';
import { Chargement } from '../../shell/Pages.tsx';
import { PagePublique } from './PagePublique.tsx';

const SOUS_TITRE = 'CYCLADES — portail délibération de jury';
export const CHEMIN_PORTAIL = '/portail-jury';
export const CHEMIN_JURYS = '/portail-jury/jurys';

interface Academie {
  code: string;
  libelle: string;
}

export interface EtapeJury {
  etape: 'cle' | 'identifiants';
  academie: Academie | null;
  ajout: boolean;
}

const CLE_ETAPE = ['jury', 'etape'] as const;

const modaleIdentifiants = createModal({ id: 'modale-ou-trouver-identifiants', isOpenedByDefault: false });

/**
 * After the server opened a portal session (its `sid` cookie is set): the session is read and
 * installed, what belonged to another user is forgotten, and the portal opens (`vers`).
 */
export function useOuvrirSessionPortail() {
  const { recharger } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  return async (vers: string, message?: (s: Session) => string) => {
    // A login makes this tab the home session's (the cookie), even if it was another académie's.
    definirJetonSessionAcademie(null);
    const s = await recharger();
    if (!s) throw new Error('La session du portail Jury n’a pas pu être ouverte. Recommencez l’authentification.');
    if (changerProprietaireBrouillons(s.compte.login)) {
      consoleMessages.vider();
      viderEtats();
    }
    client.removeQueries({ queryKey: ['portail-jury'] });
    client.removeQueries({ queryKey: CLE_ETAPE });
    consoleMessages.info(message ? message(s) : `Connexion à ${s.service.application} — ${s.service.libelle} (${s.connecteEnTantQue}).`);
    navigate(vers, { replace: true });
  };
}

/** The alert of a refused login: focused when it appears, so that it is read at once. */
function AlerteErreur({ id, message }: { id: string; message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" tabIndex={-1} ref={ref} id={id}>
      <p>{message}</p>
    </div>
  );
}

/** A text or password field of a login screen, its error linked to it. */
function ChampConnexion({
  id,
  nom,
  label,
  indice,
  valeur,
  erreur,
  surChangement,
  motDePasse,
}: {
  id: string;
  nom: string;
  label: string;
  indice?: ReactNode;
  valeur: string;
  erreur?: string;
  surChangement: (v: string) => void;
  motDePasse?: boolean;
}) {
  return (
    <Input
      label={label}
      hintText={indice}
      state={erreur ? 'error' : 'default'}
      stateRelatedMessage={erreur}
      nativeInputProps={{
        id,
        name: nom,
        type: motDePasse ? 'password' : 'text',
        autoComplete: 'off',
        autoCapitalize: 'off',
        spellCheck: false,
        'aria-invalid': erreur ? true : undefined,
        value: valeur,
        onChange: (e) => surChangement(e.target.value),
      }}
    />
  );
}

/** The state and the submission of a login form (identifiant + password) posting to `url`. */
function useFormulaire<R>(url: string, suite: (r: R) => Promise<void> | void, surErreur?: (e: unknown) => boolean) {
  const [identifiant, setIdentifiant] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const [champs, setChamps] = useState<Record<string, string>>({});
  const [enCours, setEnCours] = useState(false);
  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setErreur(null);
    setChamps({});
    const manquants: Record<string, string> = {};
    if (!identifiant.trim()) manquants.identifiant = 'Identifiant : ce champ est obligatoire.';
    if (!motDePasse) manquants.motDePasse = 'Mot de passe : ce champ est obligatoire.';
    if (Object.keys(manquants).length) {
      setChamps(manquants);
      setErreur(Object.values(manquants).join(' '));
      return;
    }
    setEnCours(true);
    try {
      const r = await api.post<R>(url, { identifiant: identifiant.trim(), motDePasse }, { public: true });
      setMotDePasse('');
      await suite(r);
    } catch (err) {
      setMotDePasse('');
      if (surErreur?.(err)) return;
      setErreur(texteErreur(err));
      if (err instanceof ErreurApi) setChamps(err.fields);
    } finally {
      setEnCours(false);
    }
  };
  return { identifiant, setIdentifiant, motDePasse, setMotDePasse, erreur, champs, enCours, soumettre };
}

function BoutonValider({ enCours }: { enCours: boolean }) {
  return (
    <ul className="fr-btns-group fr-btns-group--right fr-btns-group--inline-md fr-mt-2w">
      <li>
        <button type="submit" className="fr-btn" disabled={enCours}>
          Valider
        </button>
      </li>
    </ul>
  );
}

function LienRetourJurys() {
  return (
    <p className="fr-mt-2w">
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={CHEMIN_JURYS} id="revenir-jurys">
        Revenir à mes jurys
      </Link>
    </p>
  );
}

/** 1re mire: the OTP key. */
function MireCle({ etape, message, info, surSucces }: { etape: EtapeJury; message: string | null; info: string | undefined; surSucces: (a: Academie) => void }) {
  const f = useFormulaire<{ academie: Academie }>('/api/jury/cle', (r) => surSucces(r.academie));
  const titre = etape.ajout ? 'Authentification — ajout des jurys d’une autre académie' : 'Authentification';
  return (
    <>
      <h1 className="fr-h2" id="titre-mire">
        {titre}
      </h1>
      {etape.ajout ? (
        <p>
          Pour délibérer aussi les jurys d’une autre académie (Cas 2), identifiez-vous avec une clé OTP <strong>de cette académie</strong> remise à votre centre de
          délibération, puis avec les identifiants de votre convocation IMAG’IN <strong>de cette académie</strong>. Vos jurys actuels restent ouverts.
        </p>
      ) : (
        <p>Première étape : la clé OTP remise à votre centre de délibération par la DSI de l’académie.</p>
      )}
      {info && !message && !f.erreur && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status" id="message-connexion">
          <p>{info}</p>
        </div>
      )}
      {message && !f.erreur && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" role="status" id="message-mire">
          <p>{message}</p>
        </div>
      )}
      <AlerteErreur id="erreur-connexion" message={f.erreur} />
      <form onSubmit={(e) => void f.soumettre(e)} noValidate aria-labelledby="titre-mire" className="connexion">
        <ChampConnexion
          id="identifiant"
          nom="identifiant"
          label="Identifiant"
          indice="L’identifiant communiqué avec la clé OTP."
          valeur={f.identifiant}
          erreur={f.champs.identifiant}
          surChangement={f.setIdentifiant}
        />
        <ChampConnexion
          id="mot-de-passe"
          nom="motDePasse"
          label="Mot de Passe ou Passcode OTP"
          indice="Votre code PIN suivi, sans espace, du code affiché sur la clé au moment de la connexion."
          valeur={f.motDePasse}
          erreur={f.champs.motDePasse}
          surChangement={f.setMotDePasse}
          motDePasse
        />
        <BoutonValider enCours={f.enCours} />
      </form>
      <p className="fr-text--sm fr-mt-2w">
        La clé OTP n’identifie ni le jury ni la personne : elle ouvre la seconde mire, où vous saisissez les identifiants de votre convocation IMAG’IN. Clé bloquée ou
        désynchronisée : contactez la DSI de votre académie.
      </p>
      {etape.ajout && <LienRetourJurys />}
    </>
  );
}

/** The five situations of seed 000, word for word. */
function OuTrouverIdentifiants() {
  return (
    <modaleIdentifiants.Component title="Où trouver mes identifiants ?" titleAs="h2" size="large" buttons={[{ children: 'Fermer', doClosesModal: true, priority: 'secondary' }]}>
      <ul className="situations-identifiants">
        <li>
          <strong>Vous avez un identifiant IMAG'IN non suivi d'un mot de passe, sur votre convocation</strong> : Saisissez votre identifiant IMAG'IN édité sur la convocation,
          puis votre mot de passe.
        </li>
        <li>
          <strong>Si vous avez oublié votre mot de passe associé à l'identifiant IMAG'IN</strong>, accédez à la{' '}
          <Link to="/connexion/intervenants" target="_blank" rel="noopener" title="Page d'authentification IMAG'IN — nouvelle fenêtre">
            page d'authentification IMAG'IN
          </Link>{' '}
          et utilisez la fonctionnalité « Mot de passe oublié », à condition toutefois que votre adresse mel soit connue de IMAG'IN. Sinon, contactez le gestionnaire figurant
          sur votre convocation.
        </li>
        <li>
          <strong>Vous avez un identifiant IMAG'IN suivi d'un mot de passe sur votre convocation</strong> : Il s'agit d'un mot de passe temporaire, que vous devez changer en
          vous connectant à IMAG'IN avant votre connexion au portail Jury.
        </li>
        <li>
          <strong>Vous n'avez pas d'identifiant IMAG'IN sur votre convocation : vous êtes connu de l'annuaire académique</strong> : Saisissez vos identifiants de messagerie
          académique.
        </li>
        <li>
          <strong>Vous avez oublié votre convocation</strong> : Au besoin, le chef de centre peut rééditer votre convocation IMAG'IN.
        </li>
      </ul>
    </modaleIdentifiants.Component>
  );
}

/** 2e mire: the IMAG'IN convocation's credentials. */
function MireIdentifiants({ etape, retour, surRefus }: { etape: EtapeJury; retour: string | undefined; surRefus: (message: string) => void }) {
  const ouvrir = useOuvrirSessionPortail();
  const academie = etape.academie?.libelle;
  const f = useFormulaire<{ session: Session }>(
    '/api/jury/identifiants',
    () =>
      ouvrir(
        etape.ajout ? CHEMIN_JURYS : (retour ?? CHEMIN_PORTAIL),
        etape.ajout ? () => `Les jurys de l’académie de ${academie ?? ''} pour lesquels vous êtes convoqué(e) sont ajoutés à votre session.` : undefined,
      ),
    (e) => {
      // Refused credentials and a first screen whose 10 minutes are over say the same code: the
      // server says which screen is due (the first one again: PagePortailJury shows it, with this message).
      if (e instanceof ErreurApi && e.code === 'NON_AUTHENTIFIE') surRefus(e.message);
      return false;
    },
  );
  const titre = etape.ajout ? `Portail Jury — ajout des jurys de l’académie de ${academie ?? ''}` : `Portail Jury — académie de ${academie ?? ''}`;
  // Arriving from the first screen: the new title is read first.
  const refTitre = useRef<HTMLHeadingElement>(null);
  useEffect(() => refTitre.current?.focus(), []);
  return (
    <>
      <h1 className="fr-h2" id="titre-mire" tabIndex={-1} ref={refTitre}>
        {titre}
      </h1>
      <p>
        Clé OTP acceptée. Saisissez maintenant l’identifiant et le mot de passe de votre convocation IMAG’IN
        {academie ? ` de l’académie de ${academie}` : ''} comme président, vice-président ou responsable de délibération.
      </p>
      <AlerteErreur id="erreur-connexion" message={f.erreur} />
      <form onSubmit={(e) => void f.soumettre(e)} noValidate aria-labelledby="titre-mire" className="connexion">
        <ChampConnexion id="identifiant" nom="identifiant" label="Identifiant" valeur={f.identifiant} erreur={f.champs.identifiant} surChangement={f.setIdentifiant} />
        <ChampConnexion id="mot-de-passe" nom="motDePasse" label="Mot de passe" valeur={f.motDePasse} erreur={f.champs.motDePasse} surChangement={f.setMotDePasse} motDePasse />
        <p>
          <button type="button" className="fr-link fr-icon-question-line fr-link--icon-left" {...modaleIdentifiants.buttonProps} id="ou-trouver-identifiants">
            Où trouver mes identifiants ?
          </button>
        </p>
        <BoutonValider enCours={f.enCours} />
      </form>
      {etape.ajout && <LienRetourJurys />}
      <OuTrouverIdentifiants />
    </>
  );
}

export function PagePortailJury() {
  const client = useQueryClient();
  // Sent here by the portal's guard: why the session ended, and the page to come back to.
  const etatNav = (useLocation().state ?? {}) as EtatNavigationConnexion;
  const retour = etatNav.retour && (etatNav.retour === CHEMIN_PORTAIL || etatNav.retour.startsWith(`${CHEMIN_PORTAIL}/`)) ? etatNav.retour : undefined;
  const q = useQuery({
    queryKey: CLE_ETAPE,
    queryFn: () => api.get<EtapeJury>('/api/jury/etape', { public: true }),
    staleTime: 0,
    gcTime: 0,
    meta: { silencieux: true },
  });
  const [message, setMessage] = useState<string | null>(null);
  let contenu: ReactNode;
  if (q.isPending) contenu = <Chargement />;
  else if (q.error || !q.data) {
    contenu = (
      <>
        <h1 className="fr-h2">Portail Jury</h1>
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
          <p>{texteErreur(q.error)}</p>
        </div>
        <button type="button" className="fr-btn" onClick={() => void q.refetch()}>
          Réessayer
        </button>
      </>
    );
  } else if (q.data.etape === 'identifiants') {
    contenu = (
      <MireIdentifiants
        key="identifiants"
        etape={q.data}
        retour={retour}
        surRefus={(m) => {
          setMessage(m);
          void q.refetch();
        }}
      />
    );
  } else {
    contenu = (
      <MireCle
        key="cle"
        etape={q.data}
        message={message}
        info={etatNav.message}
        surSucces={(academie) => {
          setMessage(null);
          client.setQueryData<EtapeJury>(CLE_ETAPE, (e) => ({ etape: 'identifiants', academie, ajout: e?.ajout ?? false }));
        }}
      />
    );
  }
  return (
    <PagePublique titre="Portail Jury" sousTitre={SOUS_TITRE}>
      {contenu}
      {!q.data?.ajout && (
        <p className="fr-text--sm fr-mt-4w">
          <Link to="/">Autres accès à la plateforme</Link>
        </p>
      )}
    </PagePublique>
  );
}

/** « Portail CYCLADES-JURY de secours » (plan de secours). */
export function PagePortailJurySecours() {
  const ouvrir = useOuvrirSessionPortail();
  const f = useFormulaire<{ session: Session }>('/api/jury/secours', () => ouvrir(CHEMIN_JURYS));
  return (
    <PagePublique titre="Portail CYCLADES-JURY de secours" sousTitre={SOUS_TITRE}>
      <h1 className="fr-h2" id="titre-mire">
        Portail CYCLADES-JURY de secours
      </h1>
      <p>
        À n’utiliser qu’en cas d’indisponibilité du portail Jury, avec l’accord de votre correspondant académique : saisissez le login et le mot de passe du jury imprimés
        sur le papillon du plan de secours. Le portail de secours ne fonctionne que s’il a été ouvert par la DSI de l’académie, après autorisation du RSSI, et il n’ouvre que
        ce jury.
      </p>
      <AlerteErreur id="erreur-connexion" message={f.erreur} />
      <form onSubmit={(e) => void f.soumettre(e)} noValidate aria-labelledby="titre-mire" className="connexion">
        <ChampConnexion
          id="identifiant"
          nom="identifiant"
          label="Login du jury"
          indice="Le login imprimé sur le papillon du plan de secours."
          valeur={f.identifiant}
          erreur={f.champs.identifiant}
          surChangement={f.setIdentifiant}
        />
        <ChampConnexion
          id="mot-de-passe"
          nom="motDePasse"
          label="Mot de passe du jury"
          indice="Le mot de passe imprimé sur le même papillon."
          valeur={f.motDePasse}
          erreur={f.champs.motDePasse}
          surChangement={f.setMotDePasse}
          motDePasse
        />
        <BoutonValider enCours={f.enCours} />
      </form>
      <p className="fr-text--sm fr-mt-4w">
        <Link to="/connexion/jury">Portail Jury (clé OTP)</Link> · <Link to="/">Autres accès à la plateforme</Link>
      </p>
    </PagePublique>
  );
}
