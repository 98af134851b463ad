// The entry points and their login pages (seed 003 §2.1, seed 004 §2): agents (with the choice of
// service), intervenants, CYCLADES établissement, espace candidat; the tile of the Jury portal
// (its two screens are in PortailJury.tsx).
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { SERVICES, type ServiceCode } from '../../../domain/services.ts';
import { api, ErreurApi } from '../../app/api.ts';
import { texteErreur } from '../../app/console.ts';
import { useSession, type ChoixEtablissement, type EtatNavigationConnexion } from '../../app/session.tsx';
import type { Entree } from '../../app/types.ts';
import { PagePublique } from './PagePublique.tsx';

interface DefinitionEntree {
  entree: Entree;
  titre: string;
  sousTitre: string;
  intro: ReactNode;
  services: ServiceCode[];
  libellesServices?: Partial<Record<ServiceCode, string>>;
  indiceIdentifiant: string;
  indiceMotDePasse?: string;
}

const CASSE = 'Attention : les majuscules et les minuscules sont prises en compte. Exemple : « DENIS » est différent de « Denis ».';

export const ENTREES: Record<Exclude<Entree, 'jury'>, DefinitionEntree> = {
  agents: {
    entree: 'agents',
    titre: 'Connexion des agents',
    sousTitre: 'IMAG’IN — établissements, division des examens et concours, administration',
    intro: <p>Chefs d’établissement, gestionnaires de la division des examens et concours, administrateurs et DSI : identifiez-vous puis choisissez le service.</p>,
    services: ['imagin-etablissement', 'imagin-gestion', 'imagin-admin', 'dsi'],
    libellesServices: {
      'imagin-etablissement': 'Service établissement',
      'imagin-gestion': 'Gestionnaire DEC',
      'imagin-admin': 'Administration',
      dsi: 'DSI',
    },
    indiceIdentifiant: 'Votre identifiant de messagerie académique.',
  },
  intervenants: {
    entree: 'intervenants',
    titre: 'Connexion des intervenants',
    sousTitre: 'IMAG’IN — service intervenants extérieurs',
    intro: <p>Vous participez à des missions d’examen (correction, interrogation, surveillance, jury) : identifiez-vous pour consulter vos missions et vos convocations, et vérifier vos informations personnelles.</p>,
    services: ['imagin-intervenant'],
    indiceIdentifiant: 'Votre identifiant figure en en-tête de votre convocation.',
    indiceMotDePasse: 'Première connexion : saisissez le mot de passe temporaire imprimé sur votre convocation ; vous serez invité à le modifier.',
  },
  cyclades: {
    entree: 'cyclades',
    titre: 'Portail établissement CYCLADES',
    sousTitre: 'CYCLADES — portail établissement',
    intro: <p>Établissements, centres d’examen et de délibération : identifiez-vous pour accéder au portail CYCLADES.</p>,
    services: ['cyclades-etablissement'],
    indiceIdentifiant: 'L’identifiant de votre établissement.',
  },
  candidat: {
    entree: 'candidat',
    titre: 'Espace candidat',
    sousTitre: 'CYCLADES — espace candidat',
    intro: <p>Candidats aux examens : identifiez-vous pour consulter votre dossier, vos convocations et vos résultats.</p>,
    services: ['espace-candidat'],
    indiceIdentifiant: 'L’identifiant qui vous a été communiqué lors de votre inscription.',
  },
};

/** Where to go after login: back to the page the session ended on, if it belongs to this service. */
function destination(service: ServiceCode, retour: string | undefined): string {
  if (retour && (retour === `/${service}` || retour.startsWith(`/${service}/`)) && !retour.includes('/mot-de-passe')) return retour;
  return `/${service}`;
}

export function PageConnexion({ entree }: { entree: Exclude<Entree, 'jury'> }) {
  const def = ENTREES[entree];
  const location = useLocation();
  const navigate = useNavigate();
  const { connecter, session } = useSession();
  const etatNav = (location.state ?? {}) as EtatNavigationConnexion;
  // Sent back here from a service (session over): that service is the one to choose again.
  const serviceRetour = def.services.find((x) => etatNav.retour === `/${x}` || etatNav.retour?.startsWith(`/${x}/`));
  const [service, setService] = useState<ServiceCode>(serviceRetour ?? def.services[0]!);
  const [identifiant, setIdentifiant] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [choix, setChoix] = useState<ChoixEtablissement[] | null>(null);
  const [attribution, setAttribution] = useState<number | null>(null);
  const [enCours, setEnCours] = useState(false);
  const [demandeEnCours, setDemandeEnCours] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [champs, setChamps] = useState<Record<string, string>>({});
  const [info, setInfo] = useState<string | null>(etatNav.message ?? null);
  const alerte = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (erreur) alerte.current?.focus();
  }, [erreur]);

  if (session && def.services.includes(session.service.code)) return <Navigate to={destination(session.service.code, etatNav.retour)} replace />;

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setErreur(null);
    setChamps({});
    const manquants: Record<string, string> = {};
    if (!identifiant.trim()) manquants.identifiant = "L'identifiant est obligatoire.";
    if (!motDePasse) manquants.motDePasse = 'Le mot de passe est obligatoire.';
    if (Object.keys(manquants).length) {
      setChamps(manquants);
      setErreur(Object.values(manquants).join(' '));
      return;
    }
    setEnCours(true);
    try {
      const r = await connecter({ service, identifiant: identifiant.trim(), motDePasse, attributionId: attribution ?? undefined });
      if (r.choix) {
        setChoix(r.choix);
        setAttribution(null);
        setInfo('Votre compte donne accès à plusieurs établissements : choisissez celui pour lequel vous vous connectez.');
        return;
      }
      if (r.session) navigate(destination(r.session.service.code, etatNav.retour), { replace: true });
    } catch (err) {
      setErreur(texteErreur(err));
      if (err instanceof ErreurApi) setChamps(err.fields);
    } finally {
      setEnCours(false);
    }
  };

  const oublie = async () => {
    if (demandeEnCours) return;
    setErreur(null);
    setChamps({});
    setInfo(null);
    if (!identifiant.trim()) {
      const m = "Saisissez d'abord votre identifiant, puis cliquez sur « Mot de passe oublié ? ».";
      setChamps({ identifiant: m });
      setErreur(m);
      return;
    }
    setDemandeEnCours(true);
    try {
      // The same sentence whatever the identifiant (it never shows an address): see MESSAGE_MOT_DE_PASSE_OUBLIE.
      const r = await api.post<{ message: string }>('/api/auth/mot-de-passe-oublie', { identifiant: identifiant.trim() }, { public: true });
      setInfo(r.message);
    } catch (err) {
      setErreur(texteErreur(err));
      if (err instanceof ErreurApi) setChamps(err.fields);
    } finally {
      setDemandeEnCours(false);
    }
  };

  return (
    <PagePublique titre={def.titre} sousTitre={def.sousTitre}>
      <h1 className="fr-h2">{def.titre}</h1>
      {def.intro}
      {info && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status" id="message-connexion">
          <p>{info}</p>
        </div>
      )}
      {erreur && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" tabIndex={-1} ref={alerte} id="erreur-connexion">
          <p>{erreur}</p>
        </div>
      )}
      <form onSubmit={soumettre} noValidate className="connexion">
        {choix ? (
          <RadioButtons
            legend="Établissement"
            name="attribution"
            state={champs.attributionId ? 'error' : 'default'}
            stateRelatedMessage={champs.attributionId}
            options={choix.map((c) => ({
              label: c.libelle,
              nativeInputProps: { value: String(c.id), checked: attribution === c.id, onChange: () => setAttribution(c.id) },
            }))}
          />
        ) : (
          <>
            {def.services.length > 1 && (
              <RadioButtons
                legend="Service"
                name="service"
                orientation="horizontal"
                options={def.services.map((s) => ({
                  label: def.libellesServices?.[s] ?? SERVICES[s].libelle,
                  nativeInputProps: { value: s, checked: service === s, onChange: () => setService(s) },
                }))}
              />
            )}
            <Input
              label="Identifiant"
              hintText={def.indiceIdentifiant}
              state={champs.identifiant ? 'error' : 'default'}
              stateRelatedMessage={champs.identifiant}
              nativeInputProps={{
                id: 'identifiant',
                name: 'identifiant',
                autoComplete: 'username',
                value: identifiant,
                onChange: (e) => setIdentifiant(e.target.value),
                autoCapitalize: 'off',
                spellCheck: false,
              }}
            />
            <PasswordInput
              label="Mot de passe"
              hintText={def.indiceMotDePasse}
              messagesHint=""
              messages={champs.motDePasse ? [{ severity: 'error', message: champs.motDePasse }] : []}
              nativeInputProps={{ id: 'mot-de-passe', name: 'motDePasse', autoComplete: 'current-password', value: motDePasse, onChange: (e) => setMotDePasse(e.target.value) }}
            />
            <p className="fr-text--sm connexion__casse">{CASSE}</p>
          </>
        )}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn" disabled={enCours || (!!choix && attribution === null)}>
              Valider
            </button>
          </li>
          {choix && (
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                onClick={() => {
                  setChoix(null);
                  setAttribution(null);
                  setInfo(null);
                }}
              >
                Changer d’identifiant
              </button>
            </li>
          )}
        </ul>
        {!choix && (
          <p>
            <button type="button" className="fr-link fr-icon-question-line fr-link--icon-left" onClick={() => void oublie()} id="mot-de-passe-oublie" disabled={demandeEnCours} aria-disabled={demandeEnCours}>
              Mot de passe oublié ?
            </button>
          </p>
        )}
      </form>
      <p className="fr-text--sm fr-mt-4w">
        <Link to="/">Autres accès à la plateforme</Link>
      </p>
    </PagePublique>
  );
}

const TUILES: Array<{ chemin: string; titre: string; texte: string }> = [
  { chemin: '/connexion/agents', titre: 'Agents', texte: 'Chefs d’établissement, gestionnaires DEC, administrateurs et DSI (IMAG’IN).' },
  { chemin: '/connexion/intervenants', titre: 'Intervenants', texte: 'Correcteurs, examinateurs, surveillants, membres de jury : vos missions, vos convocations et vos informations personnelles.' },
  { chemin: '/connexion/cyclades', titre: 'Établissement CYCLADES', texte: 'Portail établissement, centres d’examen et de délibération.' },
  { chemin: '/connexion/candidat', titre: 'Espace candidat', texte: 'Votre dossier d’inscription, vos convocations, vos résultats.' },
  { chemin: '/connexion/jury', titre: 'Portail Jury', texte: 'Présidents et vice-présidents de jury : délibération des jurys (clé OTP puis identifiants de la convocation IMAG’IN).' },
];

export function PagePortail() {
  return (
    <PagePublique titre="Accès à la plateforme" large>
      <h1 className="fr-h2">IMAG’IN et CYCLADES</h1>
      <p>Choisissez votre accès.</p>
      <ul className="fr-grid-row fr-grid-row--gutters portail">
        {TUILES.map((t) => (
          <li key={t.chemin} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <div className="fr-tile fr-enlarge-link">
              <div className="fr-tile__body">
                <div className="fr-tile__content">
                  <h2 className="fr-tile__title">
                    <Link to={t.chemin}>{t.titre}</Link>
                  </h2>
                  <p className="fr-tile__detail">{t.texte}</p>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </PagePublique>
  );
}
