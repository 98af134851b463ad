// « Enquête DCS » (gestionnaire du SIEC, seed 004 §2.9, decision 0023): the campaign and whether it is
// open (the same switch as « Ouverture des activités » for the intervenant service), « Ouvrir
// l'enquête » / « Fermer l'enquête » through the confirmation dialog (with the state the page read:
// changed meanwhile → the server's 409), the DCS teachers and where their answers stand (a row opens
// the six steps' answers), « Exporter les réponses (CSV) ».
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ETAPES, LIBELLE_ETAPE, type Etape } from '../../../domain/imagin/enquete-dcs.ts';
import { api, ErreurApi, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { useEtatPersistant } from '../../app/etat.ts';
import { formaterDateHeure } from '../../forms/dates.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';

const URL_GESTION = '/api/gestion/enquete-dcs';

type EtatReponse = 'non_commencee' | 'en_cours' | 'validee';
const LIBELLE_ETAT: Record<EtatReponse, string> = { non_commencee: 'Non commencée', en_cours: 'En cours', validee: 'Validée' };
const BADGE: Record<EtatReponse, string> = { non_commencee: 'fr-badge--warning', en_cours: 'fr-badge--info', validee: 'fr-badge--success' };

interface LigneSuivi {
  personneId: number;
  civilite: string;
  nom: string;
  prenom: string;
  emailPro: string | null;
  etablissement: string | null;
  enseignantDcs: boolean;
  etat: EtatReponse;
  etapesEnregistrees: number;
  valideLe: string | null;
  modifieLe: string | null;
  modifieeApresValidation: boolean;
}

interface Suivi {
  campagne: { annee: number; ouverteLe: string | null; ouvertePar: string | null; fermeeLe: string | null; fermeePar: string | null; courante: boolean } | null;
  annees: number[];
  anneeProposee: number;
  ouverte: boolean;
  ouvertureModifieeLe: string | null;
  ouvertureModifieePar: string | null;
  lignes: LigneSuivi[];
}

interface DetailReponses extends LigneSuivi {
  annee: number;
  resumes: Record<Etape, string>;
}

/** « En cours (3/6) »: the steps saved, while not validated. */
const etatLigne = (l: LigneSuivi) => (l.etat === 'en_cours' ? `${LIBELLE_ETAT[l.etat]} (${l.etapesEnregistrees}/6)` : LIBELLE_ETAT[l.etat]);

// Six columns that fit at 1280 px: the name with the first name, the établissement cut (whole in the
// tooltip), the state with the steps saved.
const colonnes: Colonne<LigneSuivi>[] = [
  { id: 'nom', libelle: 'Nom', valeur: (l) => `${l.nom} ${l.prenom}`, poids: 2.5 },
  {
    id: 'etablissement',
    libelle: 'Etablissement',
    valeur: (l) => l.etablissement ?? '',
    rendu: (l) => (
      <span className="enquete-dcs__coupe" title={l.etablissement ?? undefined}>
        {l.etablissement}
      </span>
    ),
    poids: 3,
  },
  {
    id: 'etat',
    libelle: 'Réponse',
    valeur: (l) => etatLigne(l),
    rendu: (l) => <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[l.etat]}`}>{etatLigne(l)}</span>,
  },
  { id: 'valideLe', libelle: 'Validée le', valeur: (l) => l.valideLe, type: 'dateHeure' },
  {
    id: 'modifieLe',
    libelle: 'Modifiée le',
    valeur: (l) => l.modifieLe,
    type: 'dateHeure',
    texte: (l) => (l.modifieLe ? `${formaterDateHeure(l.modifieLe)}${l.modifieeApresValidation ? ' (après validation)' : ''}` : ''),
    poids: 1.5,
  },
];

function useSuivi(annee: number | null) {
  return useQuery({ queryKey: ['gestion', 'enquete-dcs', annee], queryFn: () => api.get<Suivi>(annee ? `${URL_GESTION}?annee=${annee}` : URL_GESTION) });
}

export default function EnqueteDcsGestion() {
  const [annee, setAnnee] = useEtatPersistant<number | null>('enquete-dcs:annee', null);
  return <ListeOuDetail liste={<Suivi annee={annee} choisirAnnee={setAnnee} />} detail={(id) => <Detail personneId={id} annee={annee} />} />;
}

function Suivi({ annee, choisirAnnee }: { annee: number | null; choisirAnnee: (a: number | null) => void }) {
  const a = useActivite();
  const q = useSuivi(annee);
  const s = q.data;
  const dl = useAction(() => telecharger(`${URL_GESTION}/export${s?.campagne ? `?annee=${s.campagne.annee}` : ''}`, 'enquete-dcs.csv'), {
    succes: (nom) => `Réponses à l'enquête DCS exportées : ${nom}.`,
  });
  return (
    <>
      {q.isPending && <Chargement />}
      {s && <Ouverture suivi={s} annee={annee} choisirAnnee={choisirAnnee} />}
      <Liste
        id="enquete-dcs-reponses"
        titre={s?.campagne ? `Enseignants du DCS — campagne ${s.campagne.annee}` : 'Enseignants du DCS'}
        lignes={s?.lignes}
        colonnes={colonnes}
        cle={(l) => l.personneId}
        triParDefaut={{ colonne: 'nom', sens: 'asc' }}
        lien={(l) => `${a.base}/${l.personneId}`}
        libelleLien={(l) => `Réponses de ${l.civilite} ${l.nom} ${l.prenom}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        exports={false}
        messageVide={s?.campagne ? "Aucun enseignant du DCS dans l'académie." : "L'enquête n'a encore jamais été ouverte : ouvrez-la pour que les enseignants du DCS y répondent."}
        actions={
          s?.campagne ? (
            <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-download-line fr-btn--icon-left" disabled={dl.enCours} onClick={() => void dl.executer()}>
              Exporter les réponses (CSV)
            </button>
          ) : null
        }
      />
    </>
  );
}

function Ouverture({ suivi: s, annee, choisirAnnee }: { suivi: Suivi; annee: number | null; choisirAnnee: (a: number | null) => void }) {
  const client = useQueryClient();
  const confirmation = useConfirmation();
  const courante = !s.campagne || s.campagne.courante;
  const [anneeSaisie, setAnneeSaisie] = useState(String(s.campagne?.courante ? s.campagne.annee : s.anneeProposee));
  const changer = useAction(
    async (ouverte: boolean, anneeDemandee?: number) => {
      let r: { message: string; annee: number };
      try {
        r = await api.put<{ message: string; annee: number }>(`${URL_GESTION}/ouverture`, { ouverte, ouverteVue: s.ouverte, ...(anneeDemandee ? { annee: anneeDemandee } : {}) });
      } catch (e) {
        // Opened or closed meanwhile (409): the page shows the state now, the message says who and when.
        if (e instanceof ErreurApi && e.status === 409) void client.invalidateQueries({ queryKey: ['gestion', 'enquete-dcs'] });
        throw e;
      }
      choisirAnnee(null);
      await Promise.all([client.invalidateQueries({ queryKey: ['gestion', 'enquete-dcs'] }), client.invalidateQueries({ queryKey: ['gestion', 'activites'] })]);
      return r;
    },
    { succes: (r) => r.message },
  );
  const ouvrir = () => {
    const n = Number(anneeSaisie);
    if (!/^\d{4}$/.test(anneeSaisie.trim()) || n < 2000 || n > 2100) return changer.signalerChamps({ annee: "Année de la campagne : indiquez une année sur 4 chiffres (par exemple 2027)." });
    const nouvelle = s.campagne && n > s.campagne.annee;
    confirmation.demander({
      titre: "Ouvrir l'enquête DCS",
      message: nouvelle
        ? `Une nouvelle campagne ${n} commence : les enseignants du DCS répondent de nouveau, sans reprendre les réponses de la campagne ${s.campagne!.annee}, qui reste consultable.`
        : `Les enseignants du DCS verront l'enquête ${n} dans leur menu et pourront y répondre ou modifier leurs réponses jusqu'à ce que vous la fermiez.`,
      bouton: "Ouvrir l'enquête",
      surConfirmation: () => void changer.executer(true, n),
    });
  };
  const fermer = () =>
    confirmation.demander({
      titre: "Fermer l'enquête DCS",
      message: "Les enseignants du DCS ne pourront plus répondre ni modifier leurs réponses ; l'activité est grisée dans leur menu. Vous pourrez la rouvrir.",
      bouton: "Fermer l'enquête",
      surConfirmation: () => void changer.executer(false),
    });
  const c = s.campagne;
  return (
    <section className="fr-mb-3w" aria-labelledby="enquete-etat">
      <h2 id="enquete-etat" className="fr-h6 fr-mb-1w">
        {c ? `Campagne ${c.annee} : ` : ''}
        {courante ? (s.ouverte ? 'enquête ouverte' : 'enquête fermée') : 'campagne terminée'}
      </h2>
      <p className="fr-text--sm fr-mb-1w">
        {!c && "L'enquête n'a encore jamais été ouverte."}
        {c && courante && s.ouvertureModifieeLe && `${s.ouverte ? 'Ouverte' : 'Fermée'} le ${formaterDateHeure(s.ouvertureModifieeLe)}${s.ouvertureModifieePar ? ` par ${s.ouvertureModifieePar}` : ''}.`}
        {c && !courante && `Fermée${c.fermeeLe ? ` le ${formaterDateHeure(c.fermeeLe)}` : ''} ; une campagne plus récente l'a remplacée.`}{' '}
        {c && `${s.lignes.filter((l) => l.etat === 'validee').length} réponse(s) validée(s), ${s.lignes.filter((l) => l.etat === 'en_cours').length} en cours, sur ${s.lignes.length} enseignant(s) du DCS.`}
      </p>
      <div className="enquete-dcs__commandes">
        {s.annees.length > 1 && (
          <Select
            label="Campagne affichée"
            nativeSelectProps={{ value: String(c?.annee ?? ''), onChange: (e) => choisirAnnee(Number(e.target.value) === s.annees[0] ? null : Number(e.target.value)) }}
          >
            {s.annees.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        )}
        {courante && !s.ouverte && (
          <Input
            label="Année de la campagne"
            hintText="Une année postérieure commence une nouvelle campagne."
            state={changer.erreursChamps.annee ? 'error' : 'default'}
            stateRelatedMessage={changer.erreursChamps.annee}
            nativeInputProps={{ name: 'annee', inputMode: 'numeric', maxLength: 4, value: anneeSaisie, onChange: (e) => { setAnneeSaisie(e.target.value); changer.effacerChamp('annee'); } }}
          />
        )}
        {courante && (
          <button type="button" className={`fr-btn ${s.ouverte ? 'fr-btn--secondary' : ''}`} disabled={changer.enCours} onClick={s.ouverte ? fermer : ouvrir}>
            {s.ouverte ? "Fermer l'enquête" : "Ouvrir l'enquête"}
          </button>
        )}
      </div>
      {annee !== null && (
        <button type="button" className="fr-link fr-mt-1w" onClick={() => choisirAnnee(null)}>
          Revenir à la campagne en cours
        </button>
      )}
      {confirmation.dialogue}
    </section>
  );
}

function Detail({ personneId, annee }: { personneId: string; annee: number | null }) {
  const q = useQuery({
    queryKey: ['gestion', 'enquete-dcs', annee, 'reponses', personneId],
    queryFn: () => api.get<DetailReponses>(`${URL_GESTION}/reponses/${encodeURIComponent(personneId)}${annee ? `?annee=${annee}` : ''}`),
  });
  const d = q.data;
  return (
    <>
      <BoutonRetour />
      {q.isPending && <Chargement />}
      {q.error && (
        <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
          <p>{q.error.message}</p>
        </div>
      )}
      {d && (
        <>
          <h2 className="fr-h5">
            Réponses de {d.civilite} {d.nom} {d.prenom} — campagne {d.annee}
          </h2>
          <Details
            lignes={[
              ['Etablissement principal', d.etablissement],
              ['Mél professionnel', d.emailPro],
              ['Réponse', `${LIBELLE_ETAT[d.etat]} (${d.etapesEnregistrees} étape(s) sur 6 enregistrée(s))`],
              ['Validée le', d.valideLe ? formaterDateHeure(d.valideLe) : null],
              ['Modifiée le', d.modifieLe ? `${formaterDateHeure(d.modifieLe)}${d.modifieeApresValidation ? ' (après validation)' : ''}` : null],
              ...ETAPES.map((e, i): [string, string] => [`${i + 1}. ${LIBELLE_ETAPE[e]}`, d.resumes[e] || 'Non renseignée']),
            ]}
          />
        </>
      )}
    </>
  );
}
