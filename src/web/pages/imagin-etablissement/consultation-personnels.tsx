// Consultation des personnels (seed 003 §3.1): the personnels of the établissement, filtered by a
// period of disponibilité or of convocation; the downloads of the displayed rows (personnels, their
// enseignements, their missions) after asking the years of the missions; an agent's convoked
// affectations (duplicata of each convocation), indisponibilités and enseignements.
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { useEtatPersistant } from '../../app/etat.ts';
import { useSessionOuverte } from '../../app/session.tsx';
import { ChampDate } from '../../forms/ChampDate.tsx';
import { formaterDate, isoVersFr, lireDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { colonnesIndisponibilites, lignesAffichees, telechargerPost, type Enseignement, type Indisponibilite } from './commun.tsx';

const BASE = '/api/etablissement/consultation';

interface Personnel {
  id: number;
  civilite: string;
  nom: string;
  prenom: string;
  disciplinePoste: string | null;
  derniereConvocation: string | null;
  principal: boolean;
}

interface Affectation {
  convocationId: number;
  numeroMission: string | number;
  debut: string | null;
  examen: string | null;
  mission: string | null;
  centreExamen: string | null;
  qualite: string | null;
  specialite: string | null;
  epreuveOption: string | null;
  duplicata: string;
}

interface Recapitulatif {
  academie: string;
  statut: string;
  numeroMission: string | number;
  mission: string;
  session: string | null;
  specialite: string | null;
  epreuveOption: string | null;
  centreExamen: string | null;
  adresseCentre: string | null;
  lieu: string | null;
  qualite: string | null;
  commission: string | null;
  jury: string | null;
  salle: string | null;
  observation: string | null;
  dates: Array<{ jour: string; heureDebut: string | null; heureFin: string | null }>;
}

type Contenu = 'personnels' | 'enseignements' | 'missions' | 'missions-detaillees';
type Format = 'csv' | 'pdf';

const LIBELLE_CONTENU: Record<Contenu, string> = {
  personnels: 'les personnels',
  enseignements: 'les personnels et leurs enseignements',
  missions: 'les personnels et leurs missions',
  'missions-detaillees': 'les personnels et leurs missions (liste détaillée)',
};

const TITRE_CONTENU: Record<Contenu, string> = {
  personnels: 'Personnels',
  enseignements: 'Personnels et leurs enseignements',
  missions: 'Personnels et leurs missions',
  'missions-detaillees': 'Personnels et leurs missions (liste détaillée)',
};

const TRI_PERSONNELS: Tri = { colonne: 'nom', sens: 'asc' };

const colonnes: Colonne<Personnel>[] = [
  { id: 'nom', libelle: 'Nom', valeur: (p) => p.nom },
  { id: 'prenom', libelle: 'Prénom', valeur: (p) => p.prenom },
  { id: 'discipline', libelle: 'Discipline de poste', valeur: (p) => p.disciplinePoste, poids: 2 },
  { id: 'derniereConvocation', libelle: 'Dernière convoc.', valeur: (p) => p.derniereConvocation, type: 'date' },
];

const OBLIGATOIRE = '* Champ obligatoire au format JJ/MM/AAAA';

interface FiltrePeriode extends Record<string, string> {
  type: string;
  du: string;
  au: string;
}

function validerPeriode(f: FiltrePeriode): Partial<Record<keyof FiltrePeriode, string>> {
  const e: Partial<Record<keyof FiltrePeriode, string>> = {};
  const du = f.du.trim() ? lireDate(f.du, 'La date de début de la période') : null;
  const au = f.au.trim() ? lireDate(f.au, 'La date de fin de la période') : null;
  if (!du) e.du = `La date de début de la période est obligatoire (format JJ/MM/AAAA).`;
  else if (!du.ok) e.du = du.message;
  if (!au) e.au = `La date de fin de la période est obligatoire (format JJ/MM/AAAA).`;
  else if (!au.ok) e.au = au.message;
  if (du?.ok && au?.ok && au.iso < du.iso) e.au = 'La date de fin de la période doit être postérieure ou égale à sa date de début.';
  return e;
}

const modaleAnnees = createModal({ id: 'modale-annees-missions', isOpenedByDefault: false });
const modaleRecapitulatif = createModal({ id: 'modale-recapitulatif-convocation', isOpenedByDefault: false });

function ListePersonnels() {
  const a = useActivite();
  const session = useSessionOuverte();
  const f = useFiltres<FiltrePeriode>('personnels', { type: 'disponibilite', du: '', au: '' }, validerPeriode);
  const { type, du, au } = f.appliques;
  const filtre = du && au ? `?filtre=${type}&du=${encodeURIComponent(du)}&au=${encodeURIComponent(au)}` : '';
  const q = useQuery({
    queryKey: ['etablissement', 'consultation', 'personnels', filtre],
    queryFn: () => api.get<{ total: number; lignes: Personnel[] }>(`${BASE}/personnels${filtre}`),
  });
  const annees = useQuery({ queryKey: ['etablissement', 'consultation', 'annees-missions'], queryFn: () => api.get<{ annees: number[]; parDefaut: number[] }>(`${BASE}/annees-missions`) });
  const [demande, setDemande] = useState<{ contenu: Contenu; format: Format } | null>(null);
  const [choisies, setChoisies] = useState<number[]>([]);
  const [erreurAnnees, setErreurAnnees] = useState<string | null>(null);

  const exporter = useAction(
    async (d: { contenu: Contenu; format: Format }, ids: number[], an: number[]) => {
      const nom = await telechargerPost(`${BASE}/exports`, { contenu: d.contenu, format: d.format, ids, annees: an }, session.csrfToken, `personnels.${d.format}`);
      return { nom, n: ids.length, d };
    },
    { succes: (r) => `Liste « ${TITRE_CONTENU[r.d.contenu]} » téléchargée au format ${r.d.format.toUpperCase()} (${r.n} personnel${r.n > 1 ? 's' : ''}) : ${r.nom}.` },
  );

  const demander = (contenu: Contenu, format: Format) => {
    setDemande({ contenu, format });
    setChoisies(annees.data?.parDefaut ?? []);
    setErreurAnnees(null);
    modaleAnnees.open();
  };

  const lancer = () => {
    if (!demande || !q.data) return;
    const avecMissions = demande.contenu === 'missions' || demande.contenu === 'missions-detaillees';
    if (avecMissions && choisies.length === 0) {
      const m = 'Précisez au moins une année où se déroulent les missions éditées.';
      setErreurAnnees(m);
      consoleMessages.erreur(m);
      return;
    }
    const ids = lignesAffichees(a.base, 'personnels', q.data.lignes, colonnes, TRI_PERSONNELS).map((p) => p.id);
    modaleAnnees.close();
    if (ids.length === 0) {
      consoleMessages.erreur('La liste affichée est vide : aucun personnel à télécharger.');
      return;
    }
    void exporter.executer(demande, ids, [...choisies].sort());
  };

  const bouton = (contenu: Contenu, format: Format, libelle: string) => (
    <li>
      <button
        type="button"
        className={`fr-btn fr-btn--secondary fr-btn--sm ${format === 'pdf' ? 'fr-icon-file-pdf-line' : 'fr-icon-download-line'}`}
        onClick={() => demander(contenu, format)}
        disabled={exporter.enCours}
      >
        {libelle}
      </button>
    </li>
  );

  const groupe = (titre: string, idTitre: string, boutons: ReactNode) => (
    <div className="fr-mb-2w" role="group" aria-labelledby={idTitre}>
      <p className="fr-text--sm fr-text--bold fr-mb-1w" id={idTitre}>
        {titre}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">{boutons}</ul>
    </div>
  );

  return (
    <>
      <Liste
        id="personnels"
        titre="Liste des personnels"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(p) => p.id}
        triParDefaut={TRI_PERSONNELS}
        lien={(p) => `${a.base}/${p.id}`}
        libelleLien={(p) => `${p.nom} ${p.prenom}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide={filtre ? 'Aucun personnel ne correspond à cette période.' : 'Aucun personnel n’est rattaché à votre établissement.'}
        exports={false}
        filtres={{
          ...f.proprietes,
          legende: 'Filtrer par période',
          libelleFiltrer: 'Filtrer personnels',
          contenu: (
            <>
              <RadioButtons
                legend="Période"
                name="type-periode"
                orientation="horizontal"
                small
                options={[
                  { label: 'de disponibilité', nativeInputProps: { value: 'disponibilite', checked: f.saisie.type === 'disponibilite', onChange: () => f.modifier('type', 'disponibilite') } },
                  { label: 'de convocation', nativeInputProps: { value: 'convocation', checked: f.saisie.type === 'convocation', onChange: () => f.modifier('type', 'convocation') } },
                ]}
              />
              <ChampDate label="du" name="du" obligatoire indice={OBLIGATOIRE} valeur={f.saisie.du} surChangement={(v) => f.modifier('du', v)} erreur={f.erreurs.du} />
              <ChampDate label="au" name="au" obligatoire indice={OBLIGATOIRE} valeur={f.saisie.au} surChangement={(v) => f.modifier('au', v)} erreur={f.erreurs.au} />
            </>
          ),
        }}
        actions={
          <div className="telechargements-personnels">
            {groupe(
              'Télécharger les personnels',
              'dl-personnels',
              <>
                {bouton('personnels', 'csv', 'Format CSV')}
                {bouton('personnels', 'pdf', 'Format PDF')}
              </>,
            )}
            {groupe(
              'Télécharger les personnels et leurs enseignements',
              'dl-enseignements',
              <>
                {bouton('enseignements', 'csv', 'Format CSV')}
                {bouton('enseignements', 'pdf', 'Format PDF')}
              </>,
            )}
            {groupe(
              'Télécharger les personnels et leurs missions',
              'dl-missions',
              <>
                {bouton('missions', 'csv', 'Format CSV')}
                {bouton('missions', 'pdf', 'Format PDF')}
                {bouton('missions-detaillees', 'pdf', 'Format PDF (Liste détaillée)')}
              </>,
            )}
          </div>
        }
      />
      {filtre && (
        <p className="fr-text--sm fr-mt-1w" role="status">
          Personnels {type === 'disponibilite' ? 'disponibles' : 'convoqués'} du {du} au {au}.
        </p>
      )}
      <modaleAnnees.Component
        title="Années des missions"
        titleAs="h2"
        buttons={[
          { children: 'Annuler', doClosesModal: true, priority: 'secondary' },
          { children: 'Télécharger', doClosesModal: false, onClick: lancer },
        ]}
      >
        {demande && (
          <p className="fr-text--sm">
            Télécharger {LIBELLE_CONTENU[demande.contenu]} au format {demande.format.toUpperCase()} : cochez les années où se déroulent les missions à éditer.
          </p>
        )}
        <fieldset className={`fr-fieldset ${erreurAnnees ? 'fr-fieldset--error' : ''}`} aria-labelledby="legende-annees" id="annees-missions">
          <legend className="fr-fieldset__legend fr-text--regular" id="legende-annees">
            Années des missions
          </legend>
          {annees.isPending && <Chargement />}
          {annees.data && annees.data.annees.length === 0 && <p className="fr-fieldset__element">Aucune mission n’est affectée aux personnels de votre établissement.</p>}
          {annees.data?.annees.map((an) => (
            <div className="fr-fieldset__element fr-fieldset__element--inline" key={an}>
              <div className="fr-checkbox-group fr-checkbox-group--sm">
                <input
                  type="checkbox"
                  id={`annee-${an}`}
                  name="annees"
                  value={an}
                  checked={choisies.includes(an)}
                  onChange={(e) => setChoisies((c) => (e.target.checked ? [...c, an] : c.filter((x) => x !== an)))}
                />
                <label className="fr-label" htmlFor={`annee-${an}`}>
                  {an}
                </label>
              </div>
            </div>
          ))}
          <div className="fr-messages-group" aria-live="polite">
            {erreurAnnees && <p className="fr-message fr-message--error">{erreurAnnees}</p>}
          </div>
        </fieldset>
      </modaleAnnees.Component>
    </>
  );
}

const colonnesAffectations = (dl: (a: Affectation) => void, enCours: boolean): Colonne<Affectation>[] => [
  { id: 'debut', libelle: 'Début', valeur: (x) => x.debut, type: 'date' },
  { id: 'examen', libelle: 'Examen', valeur: (x) => x.examen },
  { id: 'mission', libelle: 'Mission', valeur: (x) => x.mission, poids: 2 },
  { id: 'centre', libelle: 'Centre Examen', valeur: (x) => x.centreExamen, poids: 2 },
  { id: 'qualite', libelle: 'Qualité', valeur: (x) => x.qualite },
  { id: 'specialite', libelle: 'Spécialité', valeur: (x) => x.specialite, poids: 2 },
  { id: 'epreuve', libelle: 'Epreuve-option', valeur: (x) => x.epreuveOption, poids: 2 },
  {
    id: 'duplicata',
    libelle: 'Duplicata',
    valeur: () => '',
    triable: false,
    exportable: false,
    rendu: (x) => (
      <button
        type="button"
        className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-file-pdf-line fr-btn--icon-left"
        aria-label={`Duplicata PDF de la convocation, mission n° ${x.numeroMission}`}
        title={`Télécharger le duplicata de la convocation (mission n° ${x.numeroMission})`}
        onClick={() => dl(x)}
        disabled={enCours}
      >
        Duplicata PDF
      </button>
    ),
  },
];

const colonnesEnseignements: Colonne<Enseignement>[] = [
  { id: 'etablissement', libelle: 'Etablissement', valeur: (e) => e.etablissement, poids: 2 },
  { id: 'matiere', libelle: 'Matière enseignée', valeur: (e) => e.matiere, poids: 2 },
  { id: 'modalite', libelle: 'Modalité de cours', valeur: (e) => e.modaliteCours },
  { id: 'mef', libelle: 'Module élémentaire de formation', valeur: (e) => e.mef, poids: 2 },
  { id: 'structure', libelle: 'Structure enseignement', valeur: (e) => e.structure },
];

function OngletAffectations({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['etablissement', 'consultation', id, 'affectations'], queryFn: () => api.get<{ total: number; lignes: Affectation[]; message: string | null }>(`${BASE}/personnels/${id}/affectations`) });
  const dl = useAction((x: Affectation) => telecharger(x.duplicata, `convocation-${x.numeroMission}.pdf`), { succes: (nom) => `Duplicata de la convocation téléchargé : ${nom}.` });
  const cols = colonnesAffectations((x) => void dl.executer(x), dl.enCours);
  return (
    <>
      {q.data?.message && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="message-non-convoquees">
          <p>{q.data.message}</p>
        </div>
      )}
      <Liste
        id={`affectations-${id}`}
        titre="Liste des missions convoquées"
        lignes={q.data?.lignes}
        colonnes={cols}
        cle={(x) => x.convocationId}
        triParDefaut={{ colonne: 'debut', sens: 'asc' }}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune mission convoquée."
        hauteurMax="24rem"
      />
    </>
  );
}

function OngletIndisponibilites({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['etablissement', 'consultation', id, 'indisponibilites'], queryFn: () => api.get<{ total: number; lignes: Indisponibilite[] }>(`${BASE}/personnels/${id}/indisponibilites`) });
  const [recap, setRecap] = useState<Recapitulatif | null>(null);
  const ouvrir = useAction(async (i: Indisponibilite) => {
    const r = await api.get<Recapitulatif>(i.recapitulatif!);
    setRecap(r);
    modaleRecapitulatif.open();
    return r;
  });
  const cols: Colonne<Indisponibilite>[] = [
    ...colonnesIndisponibilites,
    {
      id: 'convocation',
      libelle: 'Convocation',
      valeur: (i) => (i.recapitulatif ? 'Autre académie' : ''),
      triable: false,
      exportable: false,
      rendu: (i) =>
        i.recapitulatif ? (
          <button
            type="button"
            className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-eye-line fr-btn--icon-left"
            aria-label={`Récapitulatif de la convocation du ${isoVersFr(i.dateDebut)}`}
            onClick={() => void ouvrir.executer(i)}
            disabled={ouvrir.enCours}
          >
            Récapitulatif
          </button>
        ) : null,
    },
  ];
  return (
    <>
      <Liste
        id={`indisponibilites-${id}`}
        titre="Liste des indisponibilités"
        lignes={q.data?.lignes}
        colonnes={cols}
        cle={(i) => i.id}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune indisponibilité déclarée."
        hauteurMax="24rem"
      />
      <modaleRecapitulatif.Component title="Récapitulatif de la convocation" titleAs="h2" size="large">
        {recap && (
          <Details
            lignes={[
              ['Académie', recap.academie],
              ['Statut', recap.statut],
              ['Mission', `N° ${recap.numeroMission} ${recap.mission}`],
              ['Session', recap.session],
              ['Spécialité', recap.specialite],
              ['Épreuve-option', recap.epreuveOption],
              ['Centre examen', recap.centreExamen],
              ['Adresse du centre', recap.adresseCentre],
              ['Lieu', recap.lieu],
              ['Qualité', recap.qualite],
              ['Commission', recap.commission],
              ['Jury', recap.jury],
              ['Salle', recap.salle],
              ['Dates', recap.dates.map((d) => `${formaterDate(d.jour)}${d.heureDebut ? ` ${d.heureDebut}` : ''}${d.heureFin ? ` - ${d.heureFin}` : ''}`).join(' ; ')],
              ['Observation', recap.observation],
            ]}
          />
        )}
      </modaleRecapitulatif.Component>
    </>
  );
}

function OngletEnseignements({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['etablissement', 'consultation', id, 'enseignements'], queryFn: () => api.get<{ total: number; lignes: Enseignement[] }>(`${BASE}/personnels/${id}/enseignements`) });
  return (
    <Liste
      id={`enseignements-${id}`}
      titre="Liste des enseignements"
      lignes={q.data?.lignes}
      colonnes={colonnesEnseignements}
      cle={(e) => e.id}
      chargement={q.isPending}
      erreur={q.error}
      surReessayer={() => void q.refetch()}
      messageVide="Aucun enseignement n’est connu pour cet agent (import STS-WEB)."
      hauteurMax="24rem"
    />
  );
}

function DetailPersonnel({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['etablissement', 'consultation', id], queryFn: () => api.get<Personnel & { dateNaissance: string | null }>(`${BASE}/personnels/${id}`) });
  const [onglet, setOnglet] = useEtatPersistant<string>(`consultation-personnels:${id}:onglet`, 'affectations');
  const p = q.data;
  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5">Agent sélectionné</h2>
      {q.isPending && <Chargement />}
      {q.isError && (
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error.message}</p>
        </div>
      )}
      {p && (
        <>
          <Details
            lignes={[
              ['Nom', p.nom],
              ['Prénom', p.prenom],
              ['Discipline de poste', p.disciplinePoste],
              ['Dernière convocation', formaterDate(p.derniereConvocation)],
            ]}
          />
          <Tabs
            label="Informations de l’agent"
            selectedTabId={onglet}
            onTabChange={setOnglet}
            tabs={[
              { tabId: 'affectations', label: 'Affectations convoquées' },
              { tabId: 'indisponibilites', label: 'Indisponibilités' },
              { tabId: 'enseignements', label: 'Enseignements' },
            ]}
          >
            {onglet === 'affectations' && <OngletAffectations id={id} />}
            {onglet === 'indisponibilites' && <OngletIndisponibilites id={id} />}
            {onglet === 'enseignements' && <OngletEnseignements id={id} />}
          </Tabs>
        </>
      )}
    </>
  );
}

export default function ConsultationPersonnels() {
  return <ListeOuDetail liste={<ListePersonnels />} detail={(id) => <DetailPersonnel id={id} />} />;
}
