// « Portail délibération de jury » (intervenant, issue 8 §7, seed 004): shown only to those convoked as
// président, vice-président or responsable de délibération on a JURY DE DELIBERATION mission, once the
// administrator opened it. Instead of an OTP key, a code sent by SMS to the person's mobile phone
// (masked here): « Recevoir un code par SMS », then « Code reçu par SMS » and « Accéder au portail »:
// the intervenant's session is replaced by a portal session on those juries.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { estEtatJury, libelleEtatJury } from '../../../domain/cyclades/jury.ts';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Chargement } from '../../shell/Pages.tsx';
import { CHEMIN_PORTAIL, useOuvrirSessionPortail } from '../connexion/PortailJury.tsx';

type Texte = string | { code?: string; libelle: string };

interface JuryConvoque {
  id?: number;
  academie?: Texte;
  numero: string;
  qualite: Texte;
  specialite: Texte;
  centre?: string;
  etat?: number;
}

interface Reponse {
  jurys: JuryConvoque[];
  telephone: string | null;
}

const texte = (t: Texte | null | undefined) => (t === null || t === undefined ? '' : typeof t === 'string' ? t : t.libelle);

const colonnes: Colonne<JuryConvoque>[] = [
  { id: 'numero', libelle: 'Jury', valeur: (j) => j.numero },
  { id: 'qualite', libelle: 'Qualité', valeur: (j) => texte(j.qualite), poids: 2 },
  { id: 'etat', libelle: 'État', valeur: (j) => j.etat ?? null, texte: (j) => (estEtatJury(j.etat) ? libelleEtatJury(j.etat) : ''), poids: 3 },
  { id: 'specialite', libelle: 'Spécialité', valeur: (j) => texte(j.specialite), poids: 3 },
  { id: 'centre', libelle: 'Centre de délibération', valeur: (j) => j.centre ?? texte(j.academie), poids: 2 },
];

export default function PortailDeliberationJury() {
  const q = useQuery({ queryKey: ['intervenant', 'portail-jury'], queryFn: () => api.get<Reponse>('/api/intervenant/portail-jury') });
  const ouvrirPortail = useOuvrirSessionPortail();
  const [envoye, setEnvoye] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const champCode = useRef<HTMLInputElement>(null);

  const demander = useAction(
    async () => {
      const r = await api.post<{ message: string }>('/api/intervenant/portail-jury/sms', {});
      setEnvoye(r.message);
      setCode('');
      return r;
    },
    { succes: (r) => r.message },
  );
  useEffect(() => {
    if (envoye) champCode.current?.focus();
  }, [envoye]);

  const acceder = useAction(async (valeur: string) => {
    await api.post<{ session: unknown }>('/api/intervenant/portail-jury/code', { code: valeur });
    await ouvrirPortail(CHEMIN_PORTAIL);
    return true;
  });
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const v = code.replace(/\s+/g, '');
    if (!v) {
      acceder.signalerChamps({ code: 'Code reçu par SMS : saisissez le code à 6 chiffres reçu sur votre téléphone portable.' });
      champCode.current?.focus();
      return;
    }
    void acceder.executer(v);
  };

  if (q.isPending) return <Chargement />;
  const d = q.data;
  if (!d) {
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>Vos jurys n’ont pas pu être lus.</p>
        <button type="button" className="fr-btn fr-btn--sm fr-mt-1w" onClick={() => void q.refetch()}>
          Réessayer
        </button>
      </div>
    );
  }
  const erreurCode = acceder.erreursChamps.code;
  return (
    <>
      <p>
        Vous êtes convoqué(e) pour délibérer les jurys ci-dessous. Le portail de délibération Jury de CYCLADES s’ouvre d’ordinaire avec une clé OTP ; ici, un code reçu par SMS
        sur votre téléphone portable la remplace.
      </p>
      <Liste
        id="jurys-convoques"
        titre="Vos jurys de délibération"
        lignes={d.jurys}
        colonnes={colonnes}
        cle={(j) => j.id ?? j.numero}
        triParDefaut={{ colonne: 'numero', sens: 'asc' }}
        exports={false}
        messageVide="Vous n’êtes convoqué(e) comme président, vice-président ou responsable de délibération à aucun jury de délibération."
      />
      <section className="fr-mt-4w" aria-labelledby="titre-code-sms">
        <h2 className="fr-h5" id="titre-code-sms">
          Accéder au portail par un code SMS
        </h2>
        {d.telephone ? (
          <p id="telephone-masque">
            Le code est envoyé au numéro de téléphone portable connu d’IMAG’IN : <strong>{d.telephone}</strong>. Il est valable 10 minutes.
          </p>
        ) : (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="telephone-inconnu">
            <p>
              Aucun numéro de téléphone portable n’est connu pour vous dans IMAG’IN : le code ne peut pas vous être envoyé. Demandez au gestionnaire de votre convocation de
              l’enregistrer, ou utilisez une clé OTP remise à votre centre de délibération.
            </p>
          </div>
        )}
        <button type="button" className="fr-btn fr-btn--secondary fr-icon-message-2-line fr-btn--icon-left fr-mb-3w" onClick={() => void demander.executer()} disabled={demander.enCours || !d.telephone}>
          {envoye ? 'Recevoir un nouveau code par SMS' : 'Recevoir un code par SMS'}
        </button>
        {envoye && (
          <>
            <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" role="status" id="code-envoye">
              <p>{envoye}</p>
            </div>
            <form onSubmit={soumettre} noValidate aria-labelledby="titre-code-sms">
              <div className="fr-grid-row">
                <div className="fr-col-12 fr-col-md-4">
                  <Input
                    label="Code reçu par SMS"
                    state={erreurCode ? 'error' : 'default'}
                    stateRelatedMessage={erreurCode}
                    nativeInputProps={{
                      id: 'code-sms',
                      type: 'text',
                      name: 'code',
                      ref: champCode,
                      inputMode: 'numeric',
                      autoComplete: 'one-time-code',
                      maxLength: 12,
                      'aria-invalid': erreurCode ? true : undefined,
                      value: code,
                      onChange: (e) => setCode(e.target.value),
                    }}
                  />
                </div>
              </div>
              {acceder.erreur && !erreurCode && (
                <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
                  <p>{acceder.erreur}</p>
                </div>
              )}
              <button type="submit" className="fr-btn fr-icon-arrow-right-line fr-btn--icon-right" disabled={acceder.enCours}>
                Accéder au portail
              </button>
            </form>
          </>
        )}
      </section>
    </>
  );
}
