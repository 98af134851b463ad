// First connection (seed 004 §2): the temporary password is changed, then an e-mail address is asked
// for when none is known; and the page of the link mailed for a forgotten password.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ErreurApi } from '../../app/api.ts';
import { consoleMessages, texteErreur } from '../../app/console.ts';
import { useSession, useSessionOuverte } from '../../app/session.tsx';
import { reporterEmail } from '../../shell/Pages.tsx';
import { PagePublique } from './PagePublique.tsx';

function useFormulaire() {
  const [enCours, setEnCours] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [champs, setChamps] = useState<Record<string, string>>({});
  const alerte = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (erreur) alerte.current?.focus();
  }, [erreur]);
  const executer = async <R,>(f: () => Promise<R>): Promise<R | undefined> => {
    setEnCours(true);
    setErreur(null);
    setChamps({});
    try {
      return await f();
    } catch (e) {
      setErreur(texteErreur(e));
      if (e instanceof ErreurApi) setChamps(e.fields);
      return undefined;
    } finally {
      setEnCours(false);
    }
  };
  const manquants = (m: Record<string, string>) => {
    setChamps(m);
    setErreur(Object.values(m).join(' '));
  };
  const bandeau = erreur ? (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" tabIndex={-1} ref={alerte}>
      <p>{erreur}</p>
    </div>
  ) : null;
  return { enCours, champs, executer, manquants, bandeau };
}

const messagesChamp = (m: string | undefined) => (m ? [{ severity: 'error' as const, message: m }] : []);

function ChampsNouveauMotDePasse(p: {
  regles: string;
  nouveau: string;
  confirmation: string;
  setNouveau: (v: string) => void;
  setConfirmation: (v: string) => void;
  champs: Record<string, string>;
}) {
  return (
    <>
      <PasswordInput
        label="Nouveau mot de passe"
        hintText={p.regles}
        messagesHint=""
        messages={messagesChamp(p.champs.nouveau)}
        nativeInputProps={{ id: 'nouveau', name: 'nouveau', autoComplete: 'new-password', value: p.nouveau, onChange: (e) => p.setNouveau(e.target.value) }}
      />
      <PasswordInput
        label="Confirmation du nouveau mot de passe"
        messagesHint=""
        messages={messagesChamp(p.champs.confirmation)}
        nativeInputProps={{ id: 'confirmation', name: 'confirmation', autoComplete: 'new-password', value: p.confirmation, onChange: (e) => p.setConfirmation(e.target.value) }}
      />
    </>
  );
}

export function PageChangementMotDePasse() {
  const session = useSessionOuverte();
  const { recharger, quitter } = useSession();
  const navigate = useNavigate();
  const f = useFormulaire();
  const [ancien, setAncien] = useState('');
  const [nouveau, setNouveau] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const temporaire = session.compte.motDePasseTemporaire;

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!ancien) m.ancien = 'Le mot de passe actuel est obligatoire.';
    if (!nouveau) m.nouveau = 'Le nouveau mot de passe est obligatoire.';
    if (!confirmation) m.confirmation = 'La confirmation du nouveau mot de passe est obligatoire.';
    else if (nouveau !== confirmation) m.confirmation = 'La confirmation ne correspond pas au nouveau mot de passe.';
    if (Object.keys(m).length) return f.manquants(m);
    const r = await f.executer(() => api.post<{ message: string }>('/api/auth/mot-de-passe', { ancien, nouveau, confirmation }));
    if (!r) return;
    consoleMessages.succes(r.message);
    await f.executer(() => recharger());
    navigate(`/${session.service.code}`, { replace: true });
  };

  return (
    <PagePublique titre="Changement du mot de passe" sousTitre={`${session.service.application} — ${session.service.libelle}`}>
      <h1 className="fr-h2">{temporaire ? 'Choisissez votre mot de passe' : 'Changer de mot de passe'}</h1>
      {temporaire && (
        <p>
          Vous vous êtes connecté avec un mot de passe temporaire (identifiant <strong>{session.compte.login}</strong>). Choisissez maintenant votre mot de passe personnel : il vous
          sera demandé lors de vos prochaines connexions.
        </p>
      )}
      {f.bandeau}
      <form onSubmit={soumettre} noValidate>
        <PasswordInput
          label={temporaire ? 'Mot de passe temporaire' : 'Mot de passe actuel'}
          messagesHint=""
          messages={messagesChamp(f.champs.ancien)}
          nativeInputProps={{ id: 'ancien', name: 'ancien', autoComplete: 'current-password', value: ancien, onChange: (e) => setAncien(e.target.value) }}
        />
        <ChampsNouveauMotDePasse regles={session.reglesMotDePasse} nouveau={nouveau} confirmation={confirmation} setNouveau={setNouveau} setConfirmation={setConfirmation} champs={f.champs} />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn" disabled={f.enCours}>
              Enregistrer le mot de passe
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => void quitter().catch(() => undefined)}>
              Quitter
            </button>
          </li>
        </ul>
      </form>
    </PagePublique>
  );
}

export function PageAdresseElectronique() {
  const session = useSessionOuverte();
  const { recharger } = useSession();
  const navigate = useNavigate();
  const f = useFormulaire();
  const [email, setEmail] = useState('');

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) return f.manquants({ email: "L'adresse électronique est obligatoire." });
    const r = await f.executer(() => api.post<{ message: string }>('/api/auth/email', { email: email.trim() }));
    if (!r) return;
    consoleMessages.succes(r.message);
    await f.executer(() => recharger());
    navigate(`/${session.service.code}`, { replace: true });
  };

  return (
    <PagePublique titre="Adresse électronique" sousTitre={`${session.service.application} — ${session.service.libelle}`}>
      <h1 className="fr-h2">Votre adresse électronique</h1>
      <p>
        Aucune adresse électronique n’est connue pour vous (identifiant <strong>{session.compte.login}</strong>). Renseignez-la : elle servira à vous envoyer un lien si vous oubliez votre
        mot de passe.
        {session.compte.motDePasseTemporaire && ' Vous choisirez ensuite votre mot de passe personnel.'}
      </p>
      {f.bandeau}
      <form onSubmit={soumettre} noValidate>
        <Input
          label="Adresse électronique"
          hintText="Format attendu : prenom.nom@exemple.fr"
          state={f.champs.email ? 'error' : 'default'}
          stateRelatedMessage={f.champs.email}
          nativeInputProps={{ id: 'email', name: 'email', type: 'email', autoComplete: 'email', value: email, onChange: (e) => setEmail(e.target.value) }}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn" disabled={f.enCours}>
              Enregistrer l’adresse
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--secondary"
              onClick={() => {
                reporterEmail(session);
                consoleMessages.avertissement('Aucune adresse électronique n’est connue pour vous : en cas d’oubli du mot de passe, contactez le gestionnaire de votre académie.');
                navigate(`/${session.service.code}`, { replace: true });
              }}
            >
              Plus tard
            </button>
          </li>
        </ul>
      </form>
    </PagePublique>
  );
}

export function PageReinitialisation() {
  const [params] = useSearchParams();
  const jeton = params.get('jeton') ?? '';
  const f = useFormulaire();
  const [regles, setRegles] = useState('');
  const [nouveau, setNouveau] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [fait, setFait] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<{ regles: string }>('/api/auth/regles-mot-de-passe', { public: true })
      .then((r) => setRegles(r.regles))
      .catch(() => undefined);
  }, []);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!nouveau) m.nouveau = 'Le nouveau mot de passe est obligatoire.';
    if (!confirmation) m.confirmation = 'La confirmation du nouveau mot de passe est obligatoire.';
    else if (nouveau !== confirmation) m.confirmation = 'La confirmation ne correspond pas au nouveau mot de passe.';
    if (Object.keys(m).length) return f.manquants(m);
    const r = await f.executer(() => api.post<{ message: string }>('/api/auth/reinitialisation', { jeton, nouveau, confirmation }, { public: true }));
    if (r) setFait(r.message);
  };

  return (
    <PagePublique titre="Nouveau mot de passe">
      <h1 className="fr-h2">Choisir un nouveau mot de passe</h1>
      {fait ? (
        <>
          <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
            <p>{fait}</p>
          </div>
          <p>
            <Link className="fr-btn" to="/">
              Se connecter
            </Link>
          </p>
        </>
      ) : !jeton ? (
        <div className="fr-alert fr-alert--error">
          <p>Le lien de réinitialisation est incomplet. Ouvrez le lien reçu par courriel, ou demandez-en un nouveau depuis « Mot de passe oublié ? ».</p>
        </div>
      ) : (
        <>
          {f.bandeau}
          <form onSubmit={soumettre} noValidate>
            <ChampsNouveauMotDePasse regles={regles} nouveau={nouveau} confirmation={confirmation} setNouveau={setNouveau} setConfirmation={setConfirmation} champs={f.champs} />
            <button type="submit" className="fr-btn" disabled={f.enCours}>
              Enregistrer le mot de passe
            </button>
          </form>
        </>
      )}
    </PagePublique>
  );
}
