// The pages of the shell itself: the service guard, the home page with the académie's welcome
// message, the site map, and the frame of an activity (its title, its help, its opening state).
import { Suspense, useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { estServiceCode, SERVICES } from '../../domain/services.ts';
import { ActiviteContext, useActivite } from '../app/activite.tsx';
import { pageActivite } from '../app/activites.ts';
import { signalerErreur } from '../app/console.ts';
import { CHEMIN_ACCES_ACADEMIE, cheminConnexion, useSession, useSessionOuverte, type EtatNavigationConnexion } from '../app/session.tsx';
import { PagePublique } from '../pages/connexion/PagePublique.tsx';
import { motifFermeture } from './Menu.tsx';
import { SessionsCandidat } from '../pages/espace-candidat/commun.tsx';
import { INTRODUCTION_ACCUEIL_INTERVENANT, suiteAccueilIntervenant } from '../../domain/imagin/accueil-intervenant.ts';

const CLE_EMAIL_REPORTE = 'email-reporte';

/**
 * « Plus tard » on the e-mail prompt holds for this session only (its CSRF token identifies it): the
 * prompt comes back at the next identification, as long as no address is known (decision 0019).
 */
export function emailReporte(session: { csrfToken: string }): boolean {
  try {
    return sessionStorage.getItem(CLE_EMAIL_REPORTE) === session.csrfToken;
  } catch {
    return false;
  }
}
export function reporterEmail(session: { csrfToken: string }) {
  try {
    sessionStorage.setItem(CLE_EMAIL_REPORTE, session.csrfToken);
  } catch {
    // Nothing to remember then.
  }
}

export function Chargement({ texte = 'Chargement…' }: { texte?: string }) {
  return (
    <p className="chargement" aria-busy="true">
      {texte}
    </p>
  );
}

export function useTitreDocument(titre: string) {
  useEffect(() => {
    document.title = titre;
  }, [titre]);
}

/** /:service — a signed-in user of this service, whose password is not temporary any more. */
export function GardeService() {
  const { service = '' } = useParams();
  const { statut, session, sortie, quitter } = useSession();
  const location = useLocation();
  if (!estServiceCode(service)) return <Introuvable />;
  if (statut === 'chargement') return <Chargement />;
  if (!session) {
    // A tab of another académie that ended goes to its own end page (the home session may still be open).
    if (sortie?.finAccesAcademie) return <Navigate to={CHEMIN_ACCES_ACADEMIE} state={sortie.finAccesAcademie} replace />;
    const etat: EtatNavigationConnexion = { message: sortie?.message, retour: sortie && !sortie.revenir ? undefined : location.pathname + location.search };
    return <Navigate to={cheminConnexion(SERVICES[service].entree)} state={etat} replace />;
  }
  if (session.service.code !== service) {
    const autre = SERVICES[service];
    return (
      <PagePublique titre="Une autre session est ouverte">
        <h1>Une autre session est ouverte</h1>
        <p>
          Vous êtes connecté à {session.service.application} — {session.service.libelle} (identifiant {session.compte.login}). Pour accéder à {autre.application} —{' '}
          {autre.libelle}, quittez d’abord cette session.
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Link className="fr-btn" to={`/${session.service.code}`}>
              Revenir à {session.service.application} — {session.service.libelle}
            </Link>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => quitter().catch((e) => signalerErreur(e))}>
              Quitter
            </button>
          </li>
        </ul>
      </PagePublique>
    );
  }
  const fin = location.pathname.split('/')[2];
  // Seed 004 §2.1: no address known, the prompt comes right after the identification (before the
  // temporary password is changed, before the home page); « Plus tard » lets the user go on (decision 0019).
  if (session.compte.emailManquant && !emailReporte(session)) {
    return fin === 'adresse-electronique' ? <Outlet /> : <Navigate to={`/${service}/adresse-electronique`} replace />;
  }
  if (session.compte.motDePasseTemporaire && fin !== 'mot-de-passe') return <Navigate to={`/${service}/mot-de-passe`} replace />;
  return <Outlet />;
}

export function Accueil() {
  const session = useSessionOuverte();
  const s = session.service;
  useTitreDocument(`Accueil — ${s.application} ${s.libelle}`);
  return (
    <>
      <h1 tabIndex={-1} className="fr-h3">
        Accueil — {s.application} {s.libelle}
      </h1>
      {session.accesAutreAcademie && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" id="acces-autre-academie">
          <p>
            Vous travaillez pour le centre d’examen dans {s.application} {session.academie.libelle}, ouvert depuis votre session de l’académie de{' '}
            {session.accesAutreAcademie.academieOrigine}. « Quitter » ne ferme que cet accès : la session de votre académie reste ouverte dans son onglet.
          </p>
        </div>
      )}
      {session.messageAccueil ? (
        <div className="fr-callout accueil__message">
          <h2 className="fr-callout__title fr-h6">{session.academie.interAcademique ? `Message du service ${session.academie.libelle}` : `Message de l’académie de ${session.academie.libelle}`}</h2>
          <div className="fr-callout__text accueil__texte">{session.messageAccueil}</div>
        </div>
      ) : null}
      {(session.avertissementsPlateforme ?? []).length > 0 && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" id="avertissements-plateforme">
          {session.avertissementsPlateforme!.map((a) => (
            <p key={a}>{a}</p>
          ))}
        </div>
      )}
      {session.candidat && <SessionsCandidat candidat={session.candidat} />}
      {s.code === 'imagin-intervenant' ? (
        <ActivitesIntervenant />
      ) : (
        <>
          <p>Afin d’accéder à une activité, cliquez sur son libellé dans le menu à gauche de l’écran.</p>
          {session.menu.length === 0 && <p>Aucune activité n’est encore proposée dans ce service.</p>}
        </>
      )}
    </>
  );
}

/**
 * Seed 004 §2.2: one line per activity of the intervenant's menu (only those he is entitled to); an
 * activity the gestionnaire has not opened is named with the reason.
 */
function ActivitesIntervenant() {
  const session = useSessionOuverte();
  const vues = new Set<string>();
  const activites = session.menu.flatMap((g) => g.activites).filter((a) => !vues.has(a.code) && vues.add(a.code) && suiteAccueilIntervenant(a.code) !== null);
  if (activites.length === 0) return <p>Aucune activité ne vous est proposée pour le moment dans ce service.</p>;
  return (
    <>
      <p>{INTRODUCTION_ACCUEIL_INTERVENANT}</p>
      <ul className="accueil__activites" id="accueil-activites">
        {activites.map((a) => (
          <li key={a.code} className="fr-mb-1w">
            Cliquez sur le menu « {a.ouverte ? <Link to={`/${session.service.code}/${a.code}`}>{a.libelle}</Link> : a.libelle} » pour {suiteAccueilIntervenant(a.code)}
            {!a.ouverte && <span className="accueil__ferme"> — {motifFermeture(a.motif)}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function PlanDuSite() {
  const session = useSessionOuverte();
  const s = session.service;
  useTitreDocument(`Plan du site — ${s.application} ${s.libelle}`);
  return (
    <>
      <h1 tabIndex={-1} className="fr-h3">
        Plan du site
      </h1>
      <ul className="plan">
        <li>
          <Link to={`/${s.code}`}>Accueil</Link>
        </li>
        {session.menu.map((g) => (
          <li key={g.groupe}>
            <h2 className="fr-h6 fr-mb-1w fr-mt-2w">{g.groupe}</h2>
            <ul>
              {g.activites.map((a) => (
                <li key={a.code}>
                  {a.ouverte ? (
                    <Link to={`/${s.code}/${a.code}`}>{a.libelle}</Link>
                  ) : (
                    <span>
                      {a.libelle} <span className="plan__ferme">({motifFermeture(a.motif)})</span>
                    </span>
                  )}
                  <p className="fr-text--sm fr-mb-1w plan__aide">{a.aide}</p>
                </li>
              ))}
            </ul>
          </li>
        ))}
        <li className="fr-mt-2w">
          <Link to={`/guide/${s.code}`} target="_blank" rel="noopener" title="Guide utilisateur — nouvelle fenêtre">
            Guide utilisateur
          </Link>
        </li>
        <li>
          <Link to="/guide/tutoriel" target="_blank" rel="noopener" title="Tutoriel — nouvelle fenêtre">
            Tutoriel
          </Link>
        </li>
      </ul>
    </>
  );
}

/** /:service/:activite/* — the frame of an activity; the page itself is looked up in PAGES_ACTIVITES. */
export function CadreActivite() {
  const session = useSessionOuverte();
  const { activite: code = '' } = useParams();
  const s = session.service;
  const a = session.menu.flatMap((g) => g.activites).find((x) => x.code === code);
  // A centre activity of an établissement that is not a centre: its name and why (issue 13).
  const reservee = a ? undefined : session.activitesReservees?.find((x) => x.code === code);
  const Page = a ? pageActivite(s.code, a.code) : undefined;
  useTitreDocument(`${a?.libelle ?? reservee?.libelle ?? 'Activité inconnue'} — ${s.application} ${s.libelle}`);
  if (!a && reservee) {
    return (
      <>
        <h1 tabIndex={-1} className="fr-h3 activite__titre">
          {reservee.libelle}
        </h1>
        <div className="fr-alert fr-alert--info" id="activite-reservee">
          <p>{reservee.raison}</p>
        </div>
      </>
    );
  }
  if (!a) {
    return (
      <>
        <h1 tabIndex={-1} className="fr-h3">
          Activité inconnue
        </h1>
        <p>Cette activité n’existe pas dans le {s.libelle}. Choisissez une activité dans le menu.</p>
      </>
    );
  }
  return (
    <ActiviteContext.Provider value={{ service: s.code, code: a.code, libelle: a.libelle, aide: a.aide, base: `/${s.code}/${a.code}` }}>
      <h1 tabIndex={-1} className="fr-h3 activite__titre">
        {a.libelle}
      </h1>
      {!a.ouverte ? (
        <div className="fr-alert fr-alert--info">
          <p>{motifFermeture(a.motif)}</p>
        </div>
      ) : Page ? (
        <Suspense fallback={<Chargement />}>
          <Page />
        </Suspense>
      ) : (
        <p>Cette activité sera disponible dans une prochaine version.</p>
      )}
    </ActiviteContext.Provider>
  );
}

/** « Retour » from a detail: back to the list as it was (003 §1.3.6). */
export function BoutonRetour() {
  const a = useActivite();
  const navigate = useNavigate();
  const location = useLocation();
  const depuisListe = (location.state as { depuisListe?: boolean } | null)?.depuisListe;
  return (
    <button
      type="button"
      className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-arrow-left-line fr-btn--icon-left fr-mb-2w"
      onClick={() => (depuisListe ? navigate(-1) : navigate(a.base))}
    >
      Retour
    </button>
  );
}

export function Introuvable() {
  return (
    <PagePublique titre="Page introuvable">
      <h1>Page introuvable</h1>
      <p>L’adresse demandée ne correspond à aucune page. Vérifiez-la ou revenez à l’accueil.</p>
      <Link className="fr-btn" to="/">
        Accueil de la plateforme
      </Link>
    </PagePublique>
  );
}
