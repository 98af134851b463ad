// Convocation par mission (seed 003 §4.2): the missions of the centre open to its convocations (years
// N and N+1 by default, filters Année and Examen), then a mission's header and its convoked
// intervenants — PDF, courriel, modification and suppression on the centre's own convocations —,
// « Télécharger convocations (zip) », « Envoyer convocations par mail », and the form « Détail de
// l'affectation » to convoke (convocation-formulaire.tsx).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { formaterDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import {
  BASE_CONVOCATION as BASE,
  pluriel,
  type ConvocationLue,
  type ConvocationMission,
  type DetailMission,
  type FiltresMissions,
  type MissionProposee,
} from './convocation-commun.ts';
import { FormulaireAffectation } from './convocation-formulaire.tsx';


interface FiltreMissions extends Record<string, string> {
  /** Comma-separated years; empty: N and N+1. */
  annees: string;
  /** Comma-separated exam codes. */
  examens: string;
}

const TRI_MISSIONS: Tri = { colonne: 'debut', sens: 'asc' };
const TRI_INTERVENANTS: Tri = { colonne: 'nom', sens: 'asc' };

const colonnesMissions: Colonne<MissionProposee>[] = [
  { id: 'numero', libelle: 'N°', valeur: (m) => m.numero, texte: (m) => String(m.numero) },
  { id: 'session', libelle: 'Session examen', valeur: (m) => m.session, poids: 2 },
  { id: 'specialite', libelle: 'Spécialité', valeur: (m) => m.specialite, poids: 2 },
  { id: 'epreuve', libelle: 'Epreuve-option', valeur: (m) => m.epreuveOption, poids: 2 },
  { id: 'type', libelle: 'Type de mission', valeur: (m) => m.typeMission, poids: 1.5 },
  { id: 'debut', libelle: 'Début', valeur: (m) => m.debut, type: 'date' },
  { id: 'nb', libelle: 'Nbr itv.', valeur: (m) => m.nbIntervenants ?? 0, type: 'nombre', alignement: 'droite' },
  { id: 'signature', libelle: 'Signature convocation', valeur: (m) => m.signature, poids: 1.5 },
];

const liste = (s: string) => s.split(',').filter(Boolean);
const basculer = (s: string, v: string, coche: boolean) => {
  const l = liste(s).filter((x) => x !== v);
  return (coche ? [...l, v] : l).sort().join(',');
};

function CasesACocher({ id, legende, options, valeur, surChangement }: { id: string; legende: string; options: Array<{ valeur: string; libelle: string }>; valeur: string; surChangement: (v: string) => void }) {
  const choisies = liste(valeur);
  return (
    <fieldset className="fr-fieldset" id={id} aria-labelledby={`${id}-legende`}>
      <legend className="fr-fieldset__legend fr-text--regular" id={`${id}-legende`}>
        {legende}
      </legend>
      {options.length === 0 && <p className="fr-fieldset__element fr-text--sm">Aucun choix proposé.</p>}
      {options.map((o) => (
        <div className="fr-fieldset__element fr-fieldset__element--inline" key={o.valeur}>
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`${id}-${o.valeur}`} name={id} value={o.valeur} checked={choisies.includes(o.valeur)} onChange={(e) => surChangement(basculer(valeur, o.valeur, e.target.checked))} />
            <label className="fr-label" htmlFor={`${id}-${o.valeur}`}>
              {o.libelle}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function ListeMissions() {
  const a = useActivite();
  const f = useFiltres<FiltreMissions>('missions', { annees: '', examens: '' });
  const { annees, examens } = f.appliques;
  const params = new URLSearchParams();
  if (annees) params.set('annees', annees);
  if (examens) params.set('examens', examens);
  const qs = params.toString() ? `?${params}` : '';
  const filtres = useQuery({ queryKey: ['centre', 'convocation', 'filtres'], queryFn: () => api.get<FiltresMissions>(`${BASE}/filtres`) });
  const q = useQuery({
    queryKey: ['centre', 'convocation', 'missions', qs],
    queryFn: () => api.get<{ total: number; annees: number[]; lignes: MissionProposee[] }>(`${BASE}/missions${qs}`),
  });
  const resume = [annees && `années ${liste(annees).join(', ')}`, examens && `examens ${liste(examens).join(', ')}`].filter(Boolean).join(' ; ');
  const parDefaut = filtres.data?.anneesParDefaut.join(' et ');

  return (
    <>
      <Liste
        id="missions"
        titre="Liste des missions"
        lignes={q.data?.lignes}
        colonnes={colonnesMissions}
        cle={(m) => m.id}
        triParDefaut={TRI_MISSIONS}
        lien={(m) => `${a.base}/${m.id}`}
        libelleLien={(m) => `Mission n° ${m.numero}, ${m.typeMission}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide={resume ? 'Aucune mission ne correspond à ces filtres.' : 'Aucune mission de votre centre n’est ouverte aux convocations pour ces années.'}
        exports={false}
        filtres={{
          ...f.proprietes,
          legende: 'Filtrer les missions',
          libelleFiltrer: 'Filtrer missions',
          contenu: filtres.isPending ? (
            <Chargement />
          ) : (
            <>
              <CasesACocher
                id="filtre-annees"
                legende={`Année${parDefaut ? ` (sans choix : ${parDefaut})` : ''}`}
                options={(filtres.data?.annees ?? []).map((x) => ({ valeur: String(x), libelle: String(x) }))}
                valeur={f.saisie.annees}
                surChangement={(v) => f.modifier('annees', v)}
              />
              <CasesACocher
                id="filtre-examens"
                legende="Examen"
                options={(filtres.data?.examens ?? []).map((x) => ({ valeur: x.code, libelle: x.libelle }))}
                valeur={f.saisie.examens}
                surChangement={(v) => f.modifier('examens', v)}
              />
            </>
          ),
        }}
      />
      <p className="fr-text--sm fr-mt-1w" role="status">
        {q.data ? `Missions ${q.data.annees.length > 1 ? 'des années' : "de l'année"} ${q.data.annees.join(', ')}${examens ? ` ; examens ${liste(examens).join(', ')}` : ''}, triées par date de début.` : ''}
      </p>
    </>
  );
}

/** An icon button of a row; its name says what it does and for whom (the title shows it on hover). */
function BoutonAction({ icone, titre, surClic, desactive }: { icone: string; titre: string; surClic: () => void; desactive?: boolean }) {
  return (
    <button type="button" className={`fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-only ${icone}`} title={titre} onClick={surClic} disabled={desactive}>
      <span className="fr-sr-only">{titre}</span>
    </button>
  );
}

type Ecran = { mode: 'liste' } | { mode: 'creation' } | { mode: 'modification'; convocation: ConvocationLue };

function DetailMission({ id }: { id: string }) {
  const client = useQueryClient();
  const a = useActivite();
  const detail = useQuery({ queryKey: ['centre', 'convocation', 'mission', id], queryFn: () => api.get<DetailMission>(`${BASE}/missions/${id}`) });
  const q = useQuery({
    queryKey: ['centre', 'convocation', 'mission', id, 'convocations'],
    queryFn: () => api.get<{ total: number; lignes: ConvocationMission[] }>(`${BASE}/missions/${id}/convocations`),
    enabled: detail.isSuccess,
  });
  const [ecran, setEcran] = useState<Ecran>({ mode: 'liste' });
  const confirmation = useConfirmation();
  const [envoi, setEnvoi] = useState<{ id: string; message: string } | null>(null);
  const haut = useRef<HTMLHeadingElement>(null);
  const d = detail.data;

  const rafraichir = () => client.invalidateQueries({ queryKey: ['centre', 'convocation'] });
  const pdf = useAction((c: ConvocationMission) => telecharger(`${BASE}/convocations/${c.id}/pdf`, `${c.nom}_${c.prenom}.pdf`), { succes: (nom) => `Convocation téléchargée : ${nom}.` });
  const mail = useAction(
    async (c: ConvocationMission) => {
      const r = await api.post<{ message: string }>(`${BASE}/convocations/${c.id}/mail`);
      await rafraichir();
      return r;
    },
    { succes: (r) => r.message },
  );
  const ouvrirModification = useAction(async (c: ConvocationMission) => {
    const lue = await api.get<ConvocationLue>(`${BASE}/convocations/${c.id}`);
    setEcran({ mode: 'modification', convocation: lue });
    return lue;
  });
  const supprimer = useAction(
    async (c: ConvocationMission) => {
      const r = await api.delete<{ message: string }>(`${BASE}/convocations/${c.id}`);
      await rafraichir();
      return r;
    },
    { succes: (r) => r.message },
  );
  const zip = useAction(
    async (ids: number[]) => {
      const nom = await telecharger(`${BASE}/missions/${id}/zip`, 'convocations.zip', { methode: 'POST', corps: { ids } });
      return { nom, n: ids.length };
    },
    { succes: (r) => `Convocations téléchargées (${pluriel(r.n, 'convocation')}) : ${r.nom}.` },
  );
  const envoyer = useAction(
    async (ids: number[]) => {
      const r = await api.post<{ traitementId: string; total: number; message: string }>(`${BASE}/missions/${id}/envoi-mail`, { ids });
      setEnvoi({ id: r.traitementId, message: r.message });
      return r;
    },
    { succes: (r) => r.message },
  );

  const duCentre = (l: readonly ConvocationMission[]) => l.filter((c) => c.duCentre).map((c) => c.id);
  const lancerGroupe = (action: 'zip' | 'mail', affichees: readonly ConvocationMission[]) => {
    const ids = duCentre(affichees);
    if (ids.length === 0) {
      consoleMessages.erreur("Aucune convocation créée par votre centre n'est affichée : il n'y a rien à télécharger ni à envoyer.");
      return;
    }
    void (action === 'zip' ? zip.executer(ids) : envoyer.executer(ids));
  };

  const colonnes: Colonne<ConvocationMission>[] = [
    { id: 'nom', libelle: 'Nom', valeur: (c) => c.nom },
    { id: 'prenom', libelle: 'Prénom', valeur: (c) => c.prenom },
    { id: 'etablissement', libelle: 'Etablissement', valeur: (c) => c.etablissement, poids: 2.5, rendu: (c) => <span className="cellule-longue">{c.etablissement ?? '—'}</span> },
    { id: 'discipline', libelle: 'Discipline poste', valeur: (c) => c.disciplinePoste, poids: 1.5, rendu: (c) => <span className="cellule-longue">{c.disciplinePoste ?? '—'}</span> },
    { id: 'affectation', libelle: 'Affectation', valeur: (c) => c.affectation, poids: 2, rendu: (c) => <span className="cellule-longue">{c.affectation}</span> },
    {
      id: 'actions',
      libelle: 'Actions',
      valeur: (c) => (c.duCentre ? 'Convocation du centre' : ''),
      triable: false,
      exportable: false,
      poids: 2,
      rendu: (c) =>
        c.duCentre ? (
          <div className="actions-convocation">
            <BoutonAction icone="fr-icon-file-pdf-line" titre={`Convocation PDF de ${c.nom} ${c.prenom}`} surClic={() => void pdf.executer(c)} desactive={pdf.enCours} />
            <BoutonAction icone="fr-icon-mail-line" titre={`Envoyer la convocation de ${c.nom} ${c.prenom} par courriel`} surClic={() => void mail.executer(c)} desactive={mail.enCours} />
            <BoutonAction icone="fr-icon-edit-line" titre={`Modifier la convocation de ${c.nom} ${c.prenom}`} surClic={() => void ouvrirModification.executer(c)} desactive={ouvrirModification.enCours} />
            <BoutonAction
              icone="fr-icon-delete-line"
              titre={`Supprimer la convocation de ${c.nom} ${c.prenom}`}
              desactive={supprimer.enCours}
              surClic={() =>
                confirmation.demander({
                  titre: 'Supprimer la convocation',
                  message: `Supprimer la convocation de ${c.nom} ${c.prenom} ? L'intervenant ne sera plus convoqué à la mission n° ${d?.mission.numero}. La suppression est refusée si les frais qui en résultent sont en cours de traitement.`,
                  bouton: 'Supprimer',
                  surConfirmation: () => void supprimer.executer(c),
                })
              }
            />
          </div>
        ) : null,
    },
  ];

  const revenir = () => {
    setEcran({ mode: 'liste' });
    requestAnimationFrame(() => haut.current?.focus());
  };

  let contenu: ReactNode = null;
  if (detail.isPending) contenu = <Chargement />;
  else if (detail.isError)
    contenu = (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{detail.error.message}</p>
      </div>
    );
  else if (d && ecran.mode !== 'liste')
    contenu = <FormulaireAffectation key={ecran.mode === 'modification' ? ecran.convocation.id : 'creation'} detail={d} convocation={ecran.mode === 'modification' ? ecran.convocation : undefined} surFin={revenir} />;
  else if (d)
    contenu = (
      <>
        {d.refusEC && (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="refus-ec">
            <p>{d.refusEC}</p>
          </div>
        )}
        {d.avertissementHLP && (
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="avertissement-hlp">
            <p>{d.avertissementHLP}</p>
          </div>
        )}
        <Liste
          id={`convocations-${id}`}
          titre="Liste des intervenants convoqués"
          lignes={q.data?.lignes}
          colonnes={colonnes}
          cle={(c) => c.id}
          triParDefaut={TRI_INTERVENANTS}
          chargement={q.isPending}
          erreur={q.error}
          surReessayer={() => void q.refetch()}
          messageVide="Aucun intervenant n’est convoqué à cette mission."
          exports={false}
          actions={(affichees) => (
            <div role="group" aria-labelledby="titre-convocations-centre">
              <p className="fr-text--sm fr-mb-1w" id="titre-convocations-centre">
                Convocations créées par votre centre parmi les intervenants affichés : {duCentre(affichees).length}
              </p>
              <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
                <li>
                  <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line" onClick={() => lancerGroupe('zip', affichees)} disabled={zip.enCours}>
                    Télécharger convocations (zip)
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--secondary fr-icon-mail-line" onClick={() => lancerGroupe('mail', affichees)} disabled={envoyer.enCours}>
                    Envoyer convocations par mail
                  </button>
                </li>
              </ul>
            </div>
          )}
        />
        {envoi && (
          <p className="fr-text--sm" role="status">
            {envoi.message} <Link to={`/${a.service}/traitements/${envoi.id}`}>Afficher le compte rendu de l’envoi</Link>
          </p>
        )}
        {(zip.enCours || envoyer.enCours) && <Chargement texte="Préparation des convocations…" />}
        <div className="creation-convocation">
          <button type="button" className="fr-btn fr-icon-add-line fr-btn--icon-left" onClick={() => setEcran({ mode: 'creation' })} disabled={!!d.refusEC} aria-describedby={d.refusEC ? 'refus-ec' : undefined}>
            Convoquer des intervenants
          </button>
        </div>
      </>
    );

  return (
    <>
      <BoutonRetour />
      <h2 className="fr-h5" tabIndex={-1} ref={haut}>
        Mission sélectionnée
      </h2>
      {d && (
        <div className="detail-mission fr-mb-2w">
          <Details
            lignes={[
              ['Numéro mission', String(d.mission.numero)],
              ['Type de mission', d.mission.typeMission],
              ['Date début mission', formaterDate(d.mission.debut)],
              ['Session examen', d.mission.session],
              ['Spécialité', d.mission.specialite],
              ['Epreuve-option', d.mission.epreuveOption],
              ['Signature convocation', d.mission.signature],
            ]}
          />
        </div>
      )}
      {contenu}
      <style>{'.actions-convocation { display: flex; gap: 0.25rem; flex-wrap: nowrap; } .cellule-longue { display: inline-block; white-space: normal; min-width: 8rem; max-width: 18rem; } .creation-convocation { display: flex; justify-content: flex-end; margin-top: 1rem; }'}</style>
{confirmation.dialogue}
    </>
  );
}

export default function ConvocationMission() {
  return <ListeOuDetail liste={<ListeMissions />} detail={(id) => <DetailMission id={id} />} />;
}
