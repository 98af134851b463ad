// Constat service fait (seed 003 §4.3), shared by the chef de centre (/api/centre/constat) and the
// gestionnaire (/api/gestion/constat, every centre, with the follow-up counts): the list of missions
// with their computed état and filters; the mission screen with one row per convoked intervenant —
// figure by pay mode, Service fait / non fait, motif — saved in one « Enregistrer »; « Détails
// Constat Service Fait » (half-days) for the missions paid by the half-day; « Télécharger liste (pdf) ».
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { centiemesHeures, erreursHoraires, heuresFr, type HoraireJour } from '../../../domain/imagin/constat.ts';
import { api, ErreurApi, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { formaterDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne, type Tri } from '../../liste/Liste.tsx';
import { Details } from '../../liste/ListeOuDetail.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { CalendrierAffectation } from '../imagin-etablissement/convocation-calendrier.tsx';
import { CasesEnLigne, ChoixEnLigne, CochesEnLigne, ListeCompacte, Texte } from './liste-compacte.tsx';

type Etat = 'non_effectuee' | 'commencee' | 'effectuee' | 'constatee';

interface Mission {
  id: number;
  numero: number;
  centreId: number;
  centre: string;
  session: string;
  examen: string;
  specialite: string | null;
  epreuveOption: string | null;
  typeMission: string;
  debut: string | null;
  etat: Etat;
  libelleEtat: string;
  nbConvoques: number;
  nbConstates: number;
  nbNonFaits: number;
}

interface Intervenant {
  convocationId: number;
  nom: string;
  prenom: string;
  etablissementPrincipal: string | null;
  telephone: string | null;
  candidatsInscrits: number | null;
  serviceFait: 'fait' | 'non_fait' | null;
  motif: string;
  nbCopies: number | null;
  nbCandidats: number | null;
  heures: number | null;
  version: number;
  constatPar: 'centre' | 'gestionnaire' | null;
  constatLe: string | null;
  constatLogin: string | null;
  traite: boolean;
  mention: string | null;
}

interface DetailMission {
  mission: Mission;
  regles: { chiffre: 'copies' | 'candidats' | 'horaires' | 'heures' | null; libelleChiffre: string | null; avecInscrits: boolean; candidatsExiges: boolean; saisieOuverte: boolean; horairesOuverts: boolean; message: string | null };
  joursMission: string[];
  total: number;
  intervenants: Intervenant[];
}

interface Filtres {
  annees: number[];
  anneesParDefaut: number[];
  centres: Array<{ id: number; libelle: string }>;
  examens: Array<{ code: string; sigle: string; libelle: string }>;
}

interface FiltreSaisi extends Record<string, string> {
  annees: string;
  masquerNonEffectuees: string;
  masquerConstatees: string;
  centre: string;
  examens: string;
}

const TRI: Tri = { colonne: 'debut', sens: 'asc' };
// Widths of the columns: N°, Début and Etat (its badge) get what they need, the text columns share
// the rest (a long label ends with « … », whole on the mission screen and as a tooltip). The
// gestionnaire's 11 columns cannot share 1280 px: they keep their width (labels cut at 10rem).
const LARGEURS_CENTRE = ['5rem', null, null, null, null, '6.5rem', '11rem'] as const;
const BADGE: Record<Etat, string> = { non_effectuee: 'fr-badge--info', commencee: 'fr-badge--new', effectuee: 'fr-badge--warning', constatee: 'fr-badge--success' };

function ListeMissions({ api: base, gestion }: { api: string; gestion: boolean }) {
  const a = useActivite();
  const f = useFiltres<FiltreSaisi>('missions-csf', { annees: '', masquerNonEffectuees: '', masquerConstatees: '1', centre: '', examens: '' });
  const ap = f.appliques;
  const params = new URLSearchParams();
  if (ap.annees) params.set('annees', ap.annees);
  if (ap.masquerNonEffectuees) params.set('masquerNonEffectuees', 'true');
  if (ap.masquerConstatees) params.set('masquerConstatees', 'true');
  if (gestion && ap.centre) params.set('centre', ap.centre);
  if (gestion && ap.examens) params.set('examens', ap.examens);
  const qs = `?${params}`;
  const filtres = useQuery({ queryKey: ['constat', base, 'filtres'], queryFn: () => api.get<Filtres>(`${base}/filtres`) });
  const q = useQuery({ queryKey: ['constat', base, 'missions', qs], queryFn: () => api.get<{ annees: number[]; total: number; parEtat: Record<Etat, number>; lignes: Mission[] }>(`${base}/missions${qs}`) });
  const anneesSaisies = f.saisie.annees || (filtres.data ? filtres.data.anneesParDefaut.join(',') : '');

  const colonnes: Colonne<Mission>[] = [
    { id: 'numero', libelle: 'N°', valeur: (m) => m.numero, type: 'nombre', texte: (m) => String(m.numero) },
    ...(gestion ? [{ id: 'centre', libelle: 'Centre', valeur: (m: Mission) => m.centre, poids: 2, rendu: (m: Mission) => <Texte valeur={m.centre} /> }] : []),
    { id: 'session', libelle: 'Session examen', valeur: (m) => m.session, poids: 2, rendu: (m) => <Texte valeur={m.session} /> },
    { id: 'specialite', libelle: 'Spécialité/série', valeur: (m) => m.specialite, poids: 2, rendu: (m) => <Texte valeur={m.specialite} /> },
    { id: 'epreuve', libelle: 'Epreuve-option', valeur: (m) => m.epreuveOption, poids: 2, rendu: (m) => <Texte valeur={m.epreuveOption} /> },
    { id: 'type', libelle: 'Type de mission', valeur: (m) => m.typeMission, poids: 2, rendu: (m) => <Texte valeur={m.typeMission} /> },
    { id: 'debut', libelle: 'Début', valeur: (m) => m.debut, type: 'date' },
    { id: 'etat', libelle: 'Etat', valeur: (m) => m.libelleEtat, poids: 1.5, rendu: (m) => <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[m.etat]}`}>{m.libelleEtat}</span> },
    ...(gestion
      ? [
          { id: 'convoques', libelle: 'Convoqués', valeur: (m: Mission) => m.nbConvoques, type: 'nombre' as const, alignement: 'droite' as const },
          { id: 'constates', libelle: 'Constatés', valeur: (m: Mission) => m.nbConstates, type: 'nombre' as const, alignement: 'droite' as const },
          { id: 'nonFaits', libelle: 'Non faits', valeur: (m: Mission) => m.nbNonFaits, type: 'nombre' as const, alignement: 'droite' as const },
        ]
      : []),
  ];

  return (
    <>
      {gestion && q.data && (
        <p className="fr-text--sm" role="status">
          Par état : {q.data.parEtat.effectuee} mission(s) effectuée(s) à constater, {q.data.parEtat.commencee} commencée(s), {q.data.parEtat.non_effectuee} non effectuée(s), {q.data.parEtat.constatee} constatée(s)
          {ap.masquerConstatees ? ' (masquées dans la liste)' : ''}.
        </p>
      )}
      <ListeCompacte classe={gestion ? 'csf-missions-gestion' : 'csf-missions'} largeurs={gestion ? 'libres' : LARGEURS_CENTRE}>
      <Liste
        id="missions-csf"
        titre="Liste des missions"
        lignes={q.data?.lignes}
        colonnes={colonnes}
        cle={(m) => m.id}
        triParDefaut={TRI}
        lien={(m) => `${a.base}/${m.id}`}
        libelleLien={(m) => `Mission n° ${m.numero}, ${m.typeMission}, ${m.libelleEtat}`}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucune mission ne correspond à ces filtres."
        exports={gestion ? ['csv', 'pdf'] : false}
        filtres={{
          ...f.proprietes,
          legende: 'Filtrer les missions',
          libelleFiltrer: 'Filtrer missions',
          contenu: filtres.isPending ? (
            <Chargement />
          ) : (
            <>
              <CochesEnLigne id="csf-annees" legende="Année" options={(filtres.data?.annees ?? []).map((x) => ({ valeur: String(x), libelle: String(x) }))} valeur={anneesSaisies} surChangement={(v) => f.modifier('annees', v)} />
              {gestion && (
                <>
                  <ChoixEnLigne id="csf-centre" libelle="Centre d'examen" valeur={f.saisie.centre} surChangement={(v) => f.modifier('centre', v)}>
                    <option value="">Tous les centres</option>
                    {filtres.data?.centres.map((c) => (
                      <option key={c.id} value={String(c.id)}>
                        {c.libelle}
                      </option>
                    ))}
                  </ChoixEnLigne>
                  <CochesEnLigne id="csf-examens" legende="Examen" options={(filtres.data?.examens ?? []).map((x) => ({ valeur: x.code, libelle: x.sigle }))} valeur={f.saisie.examens} surChangement={(v) => f.modifier('examens', v)} />
                </>
              )}
              <CasesEnLigne
                cases={[
                  { id: 'csf-masquer-non-effectuees', libelle: 'Masquer les missions non effectuées', coche: !!f.saisie.masquerNonEffectuees, surChangement: (c) => f.modifier('masquerNonEffectuees', c ? '1' : '') },
                  { id: 'csf-masquer-constatees', libelle: 'Masquer les missions déjà constatées', coche: !!f.saisie.masquerConstatees, surChangement: (c) => f.modifier('masquerConstatees', c ? '1' : '') },
                ]}
              />
            </>
          ),
        }}
      />
      </ListeCompacte>
      <p className="fr-text--sm fr-mt-1w" role="status">
        {q.data ? `Missions débutant en ${q.data.annees.join(', ')}${ap.masquerConstatees ? ', missions déjà constatées masquées' : ''}${ap.masquerNonEffectuees ? ', missions non effectuées masquées' : ''}.` : ''}
      </p>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Mission screen

interface Brouillon {
  serviceFait: '' | 'fait' | 'non_fait';
  motif: string;
  chiffre: string;
}

function brouillonDe(i: Intervenant, chiffre: DetailMission['regles']['chiffre']): Brouillon {
  const v = chiffre === 'copies' ? i.nbCopies : chiffre === 'candidats' ? i.nbCandidats : chiffre === 'heures' && i.heures !== null ? heuresFr(i.heures) : null;
  return { serviceFait: i.serviceFait ?? '', motif: i.motif, chiffre: v === null ? '' : String(v) };
}

const identiques = (a: Brouillon, b: Brouillon) => a.serviceFait === b.serviceFait && a.motif.trim() === b.motif.trim() && a.chiffre.trim() === b.chiffre.trim();

// The mission summary in columns (label over value), so that the intervenants list gets the room.
const STYLE_MISSION = `
.resume-mission__tete { display: flex; flex-wrap: wrap; align-items: center; gap: 0 1.5rem; margin-bottom: 0.5rem; }
.resume-mission__tete > * { margin: 0 !important; }
.resume-mission { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.25rem 1.5rem; margin: 0 0 0.5rem; font-size: 0.875rem; line-height: 1.25rem; }
.resume-mission__item { min-width: 0; }
.resume-mission__item dt { font-weight: 700; color: var(--text-mention-grey); }
.resume-mission__item dd { margin: 0; padding: 0; overflow-wrap: anywhere; }
.resume-mission__motcle { display: flex; align-items: center; gap: 0.75rem; margin-bottom: 0.25rem; font-size: 0.875rem; }
.resume-mission__motcle .fr-label { white-space: nowrap; font-size: 0.875rem; }
.resume-mission__motcle .fr-input { margin-top: 0; max-width: 20rem; min-height: 2rem; padding-top: 0.25rem; padding-bottom: 0.25rem; }
.constat-table { margin-bottom: 0.5rem; }
.constat-table caption { margin-bottom: 0.25rem; font-size: 1.125rem; line-height: 1.5rem; }
.constat-table thead th { padding: 0.25rem 0.5rem !important; font-size: 0.875rem; line-height: 1.25rem; }
.constat-table tbody td { padding: 0.25rem 0.5rem !important; font-size: 0.875rem; line-height: 1.25rem; vertical-align: middle; }
.constat-table .fr-input, .constat-table .fr-select { min-height: 2rem; padding-top: 0.25rem; padding-bottom: 0.25rem; font-size: 0.875rem; }
.constat-table .constat-table__tel { white-space: nowrap; }
.constat-table thead th:nth-child(3) { min-width: 10rem; }
`;

function Erreur({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="fr-error-text fr-text--xs fr-mt-1v" id={id}>
      {message}
    </p>
  );
}

function EcranMission({ api: base, id }: { api: string; id: string }) {
  const a = useActivite();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['constat', base, 'mission', id], queryFn: () => api.get<DetailMission>(`${base}/missions/${id}`) });
  const d = q.data;
  const [brouillons, setBrouillons] = useState<Record<number, Brouillon>>({});
  const [motCle, setMotCle] = useState('');
  const [conflit, setConflit] = useState<string | null>(null);
  const confirmation = useConfirmation();

  const origine = useMemo(() => Object.fromEntries((d?.intervenants ?? []).map((i) => [i.convocationId, brouillonDe(i, d!.regles.chiffre)])) as Record<number, Brouillon>, [d]);
  const valeur = (cid: number) => brouillons[cid] ?? origine[cid]!;
  const modifiees = (d?.intervenants ?? []).filter((i) => brouillons[i.convocationId] && !identiques(brouillons[i.convocationId]!, origine[i.convocationId]!));

  const enregistrer = useAction(
    async () => {
      const lignes = modifiees.map((i) => {
        const b = valeur(i.convocationId);
        const champ = d!.regles.chiffre;
        return {
          convocationId: i.convocationId,
          version: i.version,
          serviceFait: b.serviceFait || null,
          motif: b.motif,
          ...(champ === 'copies' ? { nbCopies: b.chiffre } : champ === 'candidats' ? { nbCandidats: b.chiffre } : champ === 'heures' ? { heures: b.chiffre } : {}),
        };
      });
      try {
        return await api.put<DetailMission & { enregistrees: number }>(`${base}/missions/${id}`, { lignes });
      } catch (e) {
        if (e instanceof ErreurApi && e.status === 409) setConflit(e.message);
        throw e;
      }
    },
    { succes: (r) => `Constat enregistré : ${r.enregistrees} ligne(s).` },
  );
  const surEnregistrer = async () => {
    setConflit(null);
    const r = await enregistrer.executer();
    if (r) {
      client.setQueryData(['constat', base, 'mission', id], r);
      setBrouillons({});
      void client.invalidateQueries({ queryKey: ['constat', base, 'missions'] });
    }
  };
  const pdf = useAction(() => telecharger(`${base}/missions/${id}/pdf`, 'constat_service.pdf'), { succes: (nom) => `« Constat de service » téléchargé : ${nom}.` });

  const modifier = (cid: number, champ: keyof Brouillon, v: string) => {
    setBrouillons((b) => ({ ...b, [cid]: { ...valeur(cid), [champ]: v } }));
    enregistrer.effacerChamp(`lignes.${cid}.${champ === 'chiffre' ? (d!.regles.chiffre === 'copies' ? 'nbCopies' : d!.regles.chiffre === 'candidats' ? 'nbCandidats' : 'heures') : champ}`);
  };

  if (q.isPending) return <Chargement />;
  if (q.isError || !d)
    return (
      <>
        <BoutonRetour />
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error?.message}</p>
        </div>
      </>
    );
  const m = d.mission;
  const r = d.regles;
  const termes = motCle.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/\s+/).filter(Boolean);
  const affiches = d.intervenants.filter((i) => {
    const t = `${i.nom} ${i.prenom} ${i.etablissementPrincipal ?? ''}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return termes.every((x) => t.includes(x));
  });
  const champErreur = (cid: number, champ: string) => enregistrer.erreursChamps[`lignes.${cid}.${champ}`];
  const nomChiffre = r.chiffre === 'copies' ? 'nbCopies' : r.chiffre === 'candidats' ? 'nbCandidats' : 'heures';

  return (
    <>
      <div className="resume-mission__tete">
        <BoutonRetour />
        <h2 className="fr-h5">Mission n° {m.numero}</h2>
      </div>
      <dl className="resume-mission">
        {(
          [
            ['Numéro de mission', String(m.numero)],
            ['Type de mission', m.typeMission],
            ['Date début de mission', formaterDate(m.debut)],
            ['Etat de mission', m.libelleEtat],
            ['Session examen', m.session],
            ['Spécialité', m.specialite],
            ['Epreuve-option', m.epreuveOption],
            ...(base.includes('/gestion/') ? ([['Centre d’examen', m.centre]] as Array<[string, string]>) : []),
          ] as Array<[string, string | null]>
        ).map(([terme, v]) => (
          <div key={terme} className="resume-mission__item">
            <dt>{terme}</dt>
            <dd>{v || '—'}</dd>
          </div>
        ))}
      </dl>
      <style>{STYLE_MISSION}</style>
      {r.message && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
          <p>{r.message}</p>
        </div>
      )}
      {conflit && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="alert">
          <p>{conflit}</p>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={() => { setConflit(null); setBrouillons({}); void q.refetch(); }}>
            Recharger la mission (vos saisies non enregistrées seront perdues)
          </button>
        </div>
      )}
      <div className="resume-mission__motcle">
        <label className="fr-label" htmlFor="csf-mot-cle">
          Filtrer par mot-clé
        </label>
        <input className="fr-input" id="csf-mot-cle" type="search" value={motCle} onChange={(e) => setMotCle(e.target.value)} />
      </div>
      <div className="fr-table fr-table--sm fr-table--no-caption-xx constat-table">
        <table>
          <caption>
            Liste des intervenants convoqués ({d.total} ligne{d.total > 1 ? 's' : ''})
          </caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Prénom</th>
              <th scope="col">Etablissement principal</th>
              <th scope="col">Téléphone</th>
              {r.avecInscrits && <th scope="col">Candidats inscrits</th>}
              {r.chiffre && <th scope="col">{r.chiffre === 'candidats' ? 'Nombre de candidats' : r.libelleChiffre}</th>}
              <th scope="col">Service fait</th>
              <th scope="col">Motif service non fait</th>
            </tr>
          </thead>
          <tbody>
            {affiches.length === 0 && (
              <tr>
                <td colSpan={8}>{d.total === 0 ? "Aucun intervenant n'est convoqué à cette mission." : 'Aucun intervenant ne correspond au mot-clé.'}</td>
              </tr>
            )}
            {affiches.map((i) => {
              const b = valeur(i.convocationId);
              const qui = `${i.nom} ${i.prenom}`;
              const fige = i.traite || !r.saisieOuverte;
              const idc = (c: string) => `csf-${i.convocationId}-${c}`;
              const errChiffre = champErreur(i.convocationId, nomChiffre);
              const errService = champErreur(i.convocationId, 'serviceFait');
              const errMotif = champErreur(i.convocationId, 'motif');
              return (
                <tr key={i.convocationId} data-convocation={i.convocationId}>
                  <td>{i.nom}</td>
                  <td>{i.prenom}</td>
                  <td>{i.etablissementPrincipal ?? '—'}</td>
                  <td className="constat-table__tel">{i.telephone ?? ''}</td>
                  {r.avecInscrits && <td>{i.candidatsInscrits ?? '-'}</td>}
                  {r.chiffre && (
                    <td>
                      {r.chiffre === 'horaires' ? (
                        <>
                          {i.heures !== null ? `${heuresFr(i.heures)} h ` : '- '}
                          {r.horairesOuverts && !i.traite ? (
                            <Link to={`${a.base}/${id}/horaires/${i.convocationId}`} aria-label={`Détails Constat Service Fait de ${qui}`}>
                              Détails Constat Service Fait
                            </Link>
                          ) : null}
                        </>
                      ) : fige ? (
                        (r.chiffre === 'copies' ? i.nbCopies : r.chiffre === 'candidats' ? i.nbCandidats : i.heures !== null ? heuresFr(i.heures) : null) ?? '-'
                      ) : (
                        <>
                          <input
                            className={`fr-input fr-input--sm${errChiffre ? ' fr-input--error' : ''}`}
                            id={idc('chiffre')}
                            inputMode={r.chiffre === 'heures' ? 'decimal' : 'numeric'}
                            aria-label={`${r.libelleChiffre} — ${qui}`}
                            aria-invalid={errChiffre ? true : undefined}
                            aria-describedby={errChiffre ? idc('chiffre-erreur') : undefined}
                            style={{ width: '6rem' }}
                            value={b.chiffre}
                            onChange={(e) => modifier(i.convocationId, 'chiffre', e.target.value)}
                          />
                          <Erreur id={idc('chiffre-erreur')} message={errChiffre} />
                        </>
                      )}
                    </td>
                  )}
                  <td>
                    {fige ? (
                      <>
                        {i.serviceFait === 'fait' ? 'Service fait' : i.serviceFait === 'non_fait' ? 'Service non fait' : ''}
                        {i.mention && (
                          <p className="fr-badge fr-badge--sm fr-badge--info fr-mt-1v" data-mention="traite">
                            {i.mention}
                          </p>
                        )}
                      </>
                    ) : (
                      <>
                        <select
                          className={`fr-select fr-select--sm${errService ? ' fr-select--error' : ''}`}
                          id={idc('service')}
                          aria-label={`Service fait — ${qui}`}
                          aria-invalid={errService ? true : undefined}
                          aria-describedby={errService ? idc('service-erreur') : undefined}
                          value={b.serviceFait}
                          onChange={(e) => modifier(i.convocationId, 'serviceFait', e.target.value)}
                        >
                          <option value="">—</option>
                          <option value="fait">Service fait</option>
                          <option value="non_fait">Service non fait</option>
                        </select>
                        <Erreur id={idc('service-erreur')} message={errService} />
                      </>
                    )}
                  </td>
                  <td>
                    {fige ? (
                      i.motif
                    ) : (
                      <>
                        <input
                          className={`fr-input fr-input--sm${errMotif ? ' fr-input--error' : ''}`}
                          id={idc('motif')}
                          aria-label={`Motif service non fait — ${qui}`}
                          aria-required={b.serviceFait === 'non_fait'}
                          aria-invalid={errMotif ? true : undefined}
                          aria-describedby={errMotif ? idc('motif-erreur') : undefined}
                          disabled={b.serviceFait !== 'non_fait'}
                          value={b.motif}
                          maxLength={500}
                          onChange={(e) => modifier(i.convocationId, 'motif', e.target.value)}
                        />
                        <Erreur id={idc('motif-erreur')} message={errMotif} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-2w">
        {r.saisieOuverte && (
          <li>
            <button type="button" className="fr-btn" disabled={enregistrer.enCours || modifiees.length === 0} onClick={() => void surEnregistrer()}>
              {enregistrer.enCours ? 'Enregistrement…' : `Enregistrer${modifiees.length ? ` (${modifiees.length} ligne${modifiees.length > 1 ? 's' : ''} modifiée${modifiees.length > 1 ? 's' : ''})` : ''}`}
            </button>
          </li>
        )}
        <li>
          <button type="button" className="fr-btn fr-btn--secondary fr-icon-file-pdf-line fr-btn--icon-left" disabled={pdf.enCours} onClick={() => void pdf.executer()}>
            Télécharger liste (pdf)
          </button>
        </li>
        {modifiees.length > 0 && (
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary"
              onClick={() => confirmation.demander({ titre: 'Abandonner les saisies', message: `Abandonner les saisies non enregistrées de ${modifiees.length} ligne(s) ?`, bouton: 'Abandonner', surConfirmation: () => setBrouillons({}) })}
            >
              Abandonner les saisies
            </button>
          </li>
        )}
      </ul>
      {confirmation.dialogue}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// « Détails Constat Service Fait »

interface DetailHoraires {
  mission: Mission;
  intervenant: Intervenant;
  joursMission: string[];
  horaires: HoraireJour[];
  saisieOuverte: boolean;
  horairesOuverts: boolean;
}

type LigneHoraire = { jour: string; debutMatin: string; finMatin: string; debutApresMidi: string; finApresMidi: string };

function RetourMission({ id }: { id: string }) {
  const a = useActivite();
  return (
    <Link className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-arrow-left-line fr-btn--icon-left fr-mb-2w" to={`${a.base}/${id}`}>
      Retour
    </Link>
  );
}

function EcranHoraires({ api: base, id, cid }: { api: string; id: string; cid: string }) {
  const client = useQueryClient();
  const url = `${base}/missions/${id}/intervenants/${cid}/horaires`;
  const q = useQuery({ queryKey: ['constat', base, 'horaires', id, cid], queryFn: () => api.get<DetailHoraires>(url) });
  const d = q.data;
  const [lignes, setLignes] = useState<LigneHoraire[] | null>(null);
  const [motif, setMotif] = useState<string | null>(null);
  useEffect(() => {
    if (d && lignes === null) {
      setLignes(d.horaires.map((h) => ({ jour: h.jour, debutMatin: h.debutMatin ?? '', finMatin: h.finMatin ?? '', debutApresMidi: h.debutApresMidi ?? '', finApresMidi: h.finApresMidi ?? '' })));
      setMotif(d.intervenant.motif);
    }
  }, [d, lignes]);
  const enregistrer = useAction(
    async (serviceFait: 'fait' | 'non_fait' | undefined) =>
      api.put<DetailHoraires>(url, {
        version: d!.intervenant.version,
        horaires: (lignes ?? []).map((l) => ({ jour: l.jour, debutMatin: l.debutMatin || null, finMatin: l.finMatin || null, debutApresMidi: l.debutApresMidi || null, finApresMidi: l.finApresMidi || null })),
        ...(serviceFait ? { serviceFait, motif: motif ?? '' } : {}),
      }),
    { succes: 'Horaires enregistrés.' },
  );
  if (q.isPending || lignes === null) return <Chargement />;
  if (q.isError || !d)
    return (
      <>
        <BoutonRetour />
        <div className="fr-alert fr-alert--error fr-alert--sm">
          <p>{q.error?.message}</p>
        </div>
      </>
    );
  const versHoraire = (l: LigneHoraire): HoraireJour => ({ jour: l.jour, debutMatin: l.debutMatin || null, finMatin: l.finMatin || null, debutApresMidi: l.debutApresMidi || null, finApresMidi: l.finApresMidi || null });
  const locales = erreursHoraires(lignes.map(versHoraire), d.joursMission);
  const total = Object.keys(locales).length ? null : centiemesHeures(lignes.map(versHoraire));
  const erreurs = { ...locales, ...enregistrer.erreursChamps };
  const basculerJour = (jour: string) =>
    setLignes((ls) => {
      const l = ls ?? [];
      return l.some((x) => x.jour === jour) ? l.filter((x) => x.jour !== jour) : [...l, { jour, debutMatin: '', finMatin: '', debutApresMidi: '', finApresMidi: '' }].sort((a, b) => a.jour.localeCompare(b.jour));
    });
  const changer = (jour: string, champ: keyof LigneHoraire, v: string) => setLignes((ls) => (ls ?? []).map((x) => (x.jour === jour ? { ...x, [champ]: v } : x)));
  const envoyer = async (serviceFait?: 'fait' | 'non_fait') => {
    if (Object.keys(locales).length) {
      enregistrer.signalerChamps(locales);
      return;
    }
    const r = await enregistrer.executer(serviceFait);
    if (r) {
      client.setQueryData(['constat', base, 'horaires', id, cid], r);
      void client.invalidateQueries({ queryKey: ['constat', base, 'mission', id] });
      void client.invalidateQueries({ queryKey: ['constat', base, 'missions'] });
      setLignes(r.horaires.map((h) => ({ jour: h.jour, debutMatin: h.debutMatin ?? '', finMatin: h.finMatin ?? '', debutApresMidi: h.debutApresMidi ?? '', finApresMidi: h.finApresMidi ?? '' })));
    }
  };
  const i = d.intervenant;
  const champs: Array<[keyof LigneHoraire, string]> = [
    ['debutMatin', 'Début matin'],
    ['finMatin', 'Fin matin'],
    ['debutApresMidi', 'Début après-midi'],
    ['finApresMidi', 'Fin après-midi'],
  ];
  return (
    <>
      <RetourMission id={id} />
      <h2 className="fr-h5">Détails Constat Service Fait</h2>
      <Details
        lignes={[
          ['Numéro de mission', String(d.mission.numero)],
          ['Session examen', d.mission.session],
          ['Nom', i.nom],
          ['Prénom', i.prenom],
          ['Etablissement principal', i.etablissementPrincipal],
        ]}
      />
      <h3 className="fr-h6 fr-mt-2w">Dates de mission</h3>
      <div className="calendrier-csf">
        <CalendrierAffectation selectionnables={d.joursMission.map((jour) => ({ jour, heureDebut: '08:00', heureFin: '18:00' }))} choisis={lignes.map((l) => l.jour)} surBasculer={(c) => basculerJour(c.jour)} moisParDefaut={d.joursMission[0] ?? d.mission.debut ?? ''} indice="les dates en vert sont les dates de la mission" />
      </div>
      <style>{'.calendrier-csf .calendrier__jour--autorise { background-color: var(--background-contrast-green-emeraude) !important; } .calendrier-csf .calendrier__jour--choisi { background-color: var(--background-action-high-green-emeraude) !important; color: #fff; }'}</style>
      <div className="fr-table fr-table--sm fr-mt-2w">
        <table>
          <caption>Liste des dates de l'état de frais ({lignes.length} ligne{lignes.length > 1 ? 's' : ''})</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {champs.map(([, l]) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lignes.length === 0 && (
              <tr>
                <td colSpan={5}>Choisissez dans le calendrier les jours de présence, puis renseignez les horaires.</td>
              </tr>
            )}
            {lignes.map((l) => (
              <tr key={l.jour}>
                <th scope="row">{formaterDate(l.jour)}</th>
                {champs.map(([c, libelle]) => {
                  const e = erreurs[`horaires.${l.jour}.${c}`];
                  const idc = `csf-h-${l.jour}-${c}`;
                  return (
                    <td key={c}>
                      <input className={`fr-input fr-input--sm${e ? ' fr-input--error' : ''}`} type="time" id={idc} aria-label={`${libelle} le ${formaterDate(l.jour)}`} aria-invalid={e ? true : undefined} aria-describedby={e ? `${idc}-e` : undefined} value={l[c]} disabled={!d.horairesOuverts || i.traite} onChange={(ev) => changer(l.jour, c, ev.target.value)} />
                      <Erreur id={`${idc}-e`} message={e} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fr-text--sm">* Les dates en vert correspondent aux dates de mission. Renseignez les horaires pour les jours de présence.</p>
      <p role="status">
        Nombre d'heures constatées : <strong>{total === null ? '—' : `${heuresFr(total)} h`}</strong>
      </p>
      {d.saisieOuverte && (
        <div className="fr-input-group" style={{ maxWidth: '32rem' }}>
          <label className="fr-label" htmlFor="csf-h-motif">
            Motif service non fait
          </label>
          <input className={`fr-input${erreurs.motif ? ' fr-input--error' : ''}`} id="csf-h-motif" value={motif ?? ''} maxLength={500} aria-describedby={erreurs.motif ? 'csf-h-motif-e' : undefined} onChange={(e) => setMotif(e.target.value)} disabled={i.traite} />
          <Erreur id="csf-h-motif-e" message={erreurs.motif} />
        </div>
      )}
      {!i.traite && d.horairesOuverts && (
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
          {d.saisieOuverte ? (
            <>
              <li>
                <button type="button" className="fr-btn" disabled={enregistrer.enCours} onClick={() => void envoyer('fait')}>
                  Service Fait
                </button>
              </li>
              <li>
                <button type="button" className="fr-btn fr-btn--secondary" disabled={enregistrer.enCours} onClick={() => void envoyer('non_fait')}>
                  Service Non Fait
                </button>
              </li>
            </>
          ) : (
            <li>
              <button type="button" className="fr-btn" disabled={enregistrer.enCours} onClick={() => void envoyer()}>
                Enregistrer les horaires
              </button>
            </li>
          )}
        </ul>
      )}
      {i.mention && <p className="fr-badge fr-badge--info">{i.mention}</p>}
    </>
  );
}

export function PageConstat({ api: base, gestion }: { api: string; gestion: boolean }) {
  const { '*': reste = '' } = useParams();
  const [id, sous, cid] = reste.split('/').filter(Boolean);
  if (id && sous === 'horaires' && cid) return <EcranHoraires key={`${id}/${cid}`} api={base} id={id} cid={cid} />;
  if (id) return <EcranMission key={id} api={base} id={id} />;
  return <ListeMissions api={base} gestion={gestion} />;
}
