// « Traitement des états de frais » (gestionnaire DEC, issue 16 §7, decision 0032). The list of the
// académie's états: filters (examen, session, type de mission, centre, statut, période, pièces, écart
// avec le constat, recherche), the number per status (a click filters on it), a page sorted by the
// server (500 rows at most: the filters narrow 50,000 états down), « Valider en masse » of the filtered
// « Validé » états (a treatment: link to its compte rendu). One état, read-only: mission, the
// intervenant's figure beside the centre's constat, the déplacement lines (the intervenant's tab,
// read-only), the receipts, the follow-up; corrections (reason required) and their history; Valider /
// Rejeter / Annuler (reason) through the confirmation dialog; grouping of contrôle continu missions.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { euros, heuresMinutes, LIBELLE_CHAMP_CORRECTION, type ChampCorrection } from '../../../domain/imagin/frais/gestion.ts';
import { LIBELLE_STATUT, type LigneDeplacement, type PieceRequise, type PieceVue, type StatutAffiche } from '../../../domain/imagin/frais/types.ts';
import { api, ErreurApi, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { ChampDate } from '../../forms/ChampDate.tsx';
import { formaterDate, formaterDateHeure, lireDate } from '../../forms/dates.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { BoutonRetour, Chargement } from '../../shell/Pages.tsx';
import { OngletDeplacement } from '../imagin-intervenant/frais-deplacement.tsx';
import { PiecesJustificatives } from '../imagin-intervenant/frais-pieces.tsx';

const BASE = '/api/gestion/etats-frais';
const PAR_PAGE = 500;

type Statut = 'non_valide' | 'mission_non_effectuee' | 'valide' | 'valide_gestionnaire' | 'traite_gestionnaire' | 'annule';
const BADGE: Record<Statut, string> = {
  non_valide: 'fr-badge--warning',
  mission_non_effectuee: 'fr-badge--new',
  valide: 'fr-badge--info',
  valide_gestionnaire: 'fr-badge--success',
  traite_gestionnaire: 'fr-badge--success',
  annule: 'fr-badge--error',
};

interface Ligne {
  id: number;
  version: number;
  statut: Statut;
  libelleStatut: string;
  numeroOrdre: number | null;
  intervenant: string;
  missionNumero: number;
  examen: string;
  session: string;
  type: string;
  centre: string | null;
  debut: string | null;
  montantRemunerationCentimes: number | null;
  montantDeplacementCentimes: number | null;
  nbPieces: number;
  ecartConstat: boolean;
  regroupeDansId: number | null;
  payeLe: string | null;
}

interface ReponseListe {
  total: number;
  comptes: Array<{ statut: Statut; libelle: string; nombre: number }>;
  lignes: Ligne[];
}

interface Options {
  examens: Array<{ code: string; libelle: string }>;
  sessions: Array<{ id: number; examen: string; libelle: string }>;
  types: Array<{ code: string; libelle: string }>;
  centres: Array<{ id: number; libelle: string }>;
}

const FILTRES = { examen: '', session: '', type: '', centre: '', statut: '', du: '', au: '', pieces: '', ecart: '', recherche: '' };
type FiltresSaisis = typeof FILTRES;

/** The query string of the applied filters (dates typed JJ/MM/AAAA → ISO). */
function requete(f: FiltresSaisis): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    const t = v.trim();
    if (!t) continue;
    if (k === 'du' || k === 'au') {
      const d = lireDate(t);
      if (d.ok) q[k] = d.iso;
    } else q[k] = t;
  }
  return q;
}

function verifierFiltres(f: FiltresSaisis): Partial<Record<keyof FiltresSaisis, string>> {
  const e: Partial<Record<keyof FiltresSaisis, string>> = {};
  for (const [k, libelle] of [['du', 'Date de début'], ['au', 'Date de fin']] as const) {
    if (f[k].trim()) {
      const d = lireDate(f[k], libelle);
      if (!d.ok) e[k] = d.message;
    }
  }
  return e;
}

// Inline layout (no stylesheet of its own): the rémunération beside the follow-up, the correction's fields in a row.
const COUPE = { display: 'inline-block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' } as const;
const DEUX_COLONNES = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(24rem, 1fr))', gap: '1rem 2rem' } as const;
const GRILLE_CORRECTION = { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) minmax(0, 2fr) auto', gap: '0 1rem', alignItems: 'end' } as const;

const montant = (c: number | null) => (c === null ? '' : euros(c));

/** A cell cut to `largeur` (the whole text in the tooltip): seven columns fit at 1280 px. */
const coupe = (texte: string, largeur: string) => (
  <span style={{ ...COUPE, maxWidth: largeur }} title={texte}>
    {texte}
  </span>
);

const colonnes: Colonne<Ligne>[] = [
  { id: 'intervenant', libelle: 'Intervenant', valeur: (l) => l.intervenant, rendu: (l) => coupe(l.intervenant, '9rem'), poids: 2 },
  {
    id: 'mission',
    libelle: 'Mission',
    valeur: (l) => l.missionNumero,
    type: 'nombre',
    texte: (l) => `${l.missionNumero} — ${l.type} (${l.examen})`,
    rendu: (l) => coupe(`${l.missionNumero} — ${l.type} (${l.examen})`, '10rem'),
    alignement: 'gauche',
    poids: 2.5,
  },
  { id: 'centre', libelle: 'Centre', valeur: (l) => l.centre ?? '', rendu: (l) => coupe(l.centre ?? '', '8rem'), poids: 2 },
  { id: 'debut', libelle: 'Début', valeur: (l) => l.debut, type: 'date' },
  {
    id: 'statut',
    libelle: 'Statut',
    valeur: (l) => `${l.libelleStatut}${l.numeroOrdre ? ` n° ${l.numeroOrdre}` : ''}${l.ecartConstat ? ' — écart constat' : ''}`,
    rendu: (l) => (
      <>
        <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[l.statut]}`}>{l.libelleStatut}</span>
        {l.numeroOrdre ? <span className="fr-text--xs"> n° {l.numeroOrdre}</span> : null}
        {l.ecartConstat && (
          <>
            <br />
            <span className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--warning">Écart constat</span>
          </>
        )}
      </>
    ),
    poids: 1.8,
  },
  {
    id: 'montant',
    libelle: 'Montant',
    valeur: (l) => (l.montantRemunerationCentimes ?? 0) + (l.montantDeplacementCentimes ?? 0),
    type: 'nombre',
    texte: (l) => (l.montantRemunerationCentimes === null && l.montantDeplacementCentimes === null ? '' : euros((l.montantRemunerationCentimes ?? 0) + (l.montantDeplacementCentimes ?? 0))),
    alignement: 'droite',
  },
];

export default function TraitementEtatsFrais() {
  return <ListeOuDetail liste={<ListeEtats />} detail={(id) => <DetailEtat id={id} />} />;
}

function ListeEtats() {
  const a = useActivite();
  const client = useQueryClient();
  const confirmation = useConfirmation();
  const f = useFiltres('etats-frais', FILTRES, verifierFiltres);
  const q = requete(f.appliques);
  const cle = new URLSearchParams({ ...q, parPage: String(PAR_PAGE), tri: 'debut', sens: 'desc' }).toString();
  const liste = useQuery({ queryKey: ['gestion', 'etats-frais', cle], queryFn: () => api.get<ReponseListe>(`${BASE}?${cle}`) });
  const options = useQuery({ queryKey: ['gestion', 'etats-frais', 'filtres'], queryFn: () => api.get<Options>(`${BASE}/filtres`), staleTime: 60_000 });
  const [lancement, setLancement] = useState<{ traitementId: string; message: string } | null>(null);
  const masse = useAction(
    async () => {
      const { statut: _s, ...filtres } = q;
      const r = await api.post<{ traitementId: string; message: string }>(`${BASE}/validation-masse`, { filtres });
      setLancement(r);
      void client.invalidateQueries({ queryKey: ['gestion', 'etats-frais'] });
      return r;
    },
    { succes: (r) => r.message },
  );
  const d = liste.data;
  const valides = d?.comptes.find((c) => c.statut === 'valide')?.nombre ?? 0;
  const o = options.data;
  const sessions = (o?.sessions ?? []).filter((s) => !f.saisie.examen || s.examen === f.saisie.examen);
  const choisirStatut = (s: string) => {
    f.modifier('statut', s);
    // Applied at once: a count is a shortcut to its rows.
    f.proprietes.surFiltrer();
  };
  const select = (nom: keyof FiltresSaisis, label: string, choix: Array<{ valeur: string; libelle: string }>, tous = 'Tous') => (
    <Select label={label} nativeSelectProps={{ name: nom, value: f.saisie[nom], onChange: (e) => f.modifier(nom, e.target.value) }}>
      <option value="">{tous}</option>
      {choix.map((c) => (
        <option key={c.valeur} value={c.valeur}>
          {c.libelle}
        </option>
      ))}
    </Select>
  );
  return (
    <>
      <section className="fr-mb-2w" aria-labelledby="frais-comptes">
        <h2 id="frais-comptes" className="fr-sr-only">
          Nombre d'états de frais par statut
        </h2>
        <ul className="fr-tags-group" aria-label="Nombre d'états par statut (filtrer sur un statut)">
          <li>
            <button type="button" className="fr-tag fr-tag--sm" aria-pressed={!f.appliques.statut} onClick={() => choisirStatut('')}>
              Tous ({d ? d.comptes.reduce((s, c) => s + c.nombre, 0) : '…'})
            </button>
          </li>
          {(d?.comptes ?? []).map((c) => (
            <li key={c.statut}>
              <button type="button" className="fr-tag fr-tag--sm" aria-pressed={f.appliques.statut === c.statut} onClick={() => choisirStatut(c.statut)}>
                {c.libelle} ({c.nombre})
              </button>
            </li>
          ))}
        </ul>
        {d && d.total > d.lignes.length && (
          <p className="fr-text--sm fr-mb-0" role="status">
            {d.total} états correspondent : les {d.lignes.length} premiers (par date de début, les plus récents d'abord) sont affichés ; précisez les filtres pour voir les autres.
          </p>
        )}
        {lancement && (
          <p className="fr-text--sm fr-mb-0" role="status">
            {lancement.message} <Link to={`/${a.service}/traitements/${encodeURIComponent(lancement.traitementId)}`}>Afficher le compte rendu de la validation en masse</Link>
          </p>
        )}
      </section>
      <Liste
        id="etats-frais"
        titre="États de frais"
        lignes={d?.lignes}
        colonnes={colonnes}
        cle={(l) => l.id}
        lien={(l) => `${a.base}/${l.id}`}
        libelleLien={(l) => `État de frais de ${l.intervenant}, mission ${l.missionNumero}`}
        chargement={liste.isPending}
        erreur={liste.error}
        surReessayer={() => void liste.refetch()}
        messageVide="Aucun état de frais ne correspond à ces filtres."
        filtres={{
          ...f.proprietes,
          legende: 'Filtrer les états de frais',
          contenu: (
            <>
              {select('examen', 'Examen', (o?.examens ?? []).map((x) => ({ valeur: x.code, libelle: x.libelle })))}
              {select('session', 'Session', sessions.map((x) => ({ valeur: String(x.id), libelle: x.libelle })), 'Toutes')}
              {select('type', 'Type de mission', (o?.types ?? []).map((x) => ({ valeur: x.code, libelle: x.libelle })))}
              {select('centre', "Centre d'examen", (o?.centres ?? []).map((x) => ({ valeur: String(x.id), libelle: x.libelle })))}
              {select('statut', 'Statut', (d?.comptes ?? []).map((c) => ({ valeur: c.statut, libelle: c.libelle })))}
              <ChampDate label="Mission du" name="du" valeur={f.saisie.du} surChangement={(v) => f.modifier('du', v)} erreur={f.erreurs.du} />
              <ChampDate label="au" name="au" valeur={f.saisie.au} surChangement={(v) => f.modifier('au', v)} erreur={f.erreurs.au} />
              {select('pieces', 'Pièces justificatives', [{ valeur: 'oui', libelle: 'Avec pièces déposées' }, { valeur: 'non', libelle: 'Sans pièce déposée' }], 'Indifférent')}
              {select('ecart', 'Écart avec le constat', [{ valeur: 'oui', libelle: 'Diffère du constat' }, { valeur: 'non', libelle: 'Conforme au constat' }], 'Indifférent')}
              <Input label="Nom, n° de mission ou n° d'ordre" nativeInputProps={{ name: 'recherche', value: f.saisie.recherche, maxLength: 100, onChange: (e) => f.modifier('recherche', e.target.value) }} />
            </>
          ),
        }}
        actions={
          <button
            type="button"
            className="fr-btn fr-btn--sm fr-icon-checkbox-circle-line fr-btn--icon-left"
            disabled={masse.enCours || valides === 0}
            title={valides === 0 ? 'Aucun état « Validé » parmi les états filtrés.' : undefined}
            onClick={() =>
              confirmation.demander({
                titre: 'Valider en masse',
                message: `Les ${valides} état(s) « Validé » correspondant aux filtres passent à « Validé par gestionnaire », sauf ceux dont le chiffre diffère du constat ou dont le service n'a pas été fait : le compte rendu du traitement les liste avec leur motif.`,
                bouton: `Valider ${valides} état(s)`,
                surConfirmation: () => void masse.executer(),
              })
            }
          >
            Valider en masse les états « Validé » filtrés ({valides})
          </button>
        }
      />
      {confirmation.dialogue}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Un état

interface Decision {
  possible: boolean;
  raison: string | null;
}

interface Detail {
  id: number;
  version: number;
  statut: Statut;
  libelleStatut: string;
  numeroOrdre: number | null;
  personne: { civilite: string; nom: string; prenom: string; courriel: string | null };
  mission: { numero: number; examen: string; session: string; type: string; modeRemuneration: string; specialite: string | null; epreuveOption: string | null; centre: string | null; lieu: string | null; dates: Array<{ jour: string; debut: string; fin: string }>; emiseParMinistere: boolean; correctionDematerialisee: boolean };
  remuneration: { type?: string; copies?: number | null; candidats?: number | null; heures?: number | null; minutes?: number | null; demiJournees?: Array<{ jour: string; debut: string; fin: string }> } | null;
  constat: { serviceFait: 'fait' | 'non_fait' | null; motifServiceNonFait: string | null; chiffre: number | null; libelle: string; par: string | null; le: string | null };
  ecartConstat: boolean;
  lignes: LigneDeplacement[];
  pieces: PieceVue[];
  piecesRequises: PieceRequise[];
  piecesDematerialisees: boolean;
  statutsIntervenant: { remuneration: StatutAffiche; deplacement: StatutAffiche } | null;
  invalidable: boolean;
  piecesParCourrier: boolean;
  montants: { remunerationCentimes: number | null; deplacementCentimes: number | null; retenuRemunerationCentimes: number | null; retenuDeplacementCentimes: number | null };
  suivi: { valideLe: string | null; traiteLe: string | null; traitePar: string | null; rejetMotif: string | null; rejeteLe: string | null; annulationMotif: string | null; payeLe: string | null; modifieLe: string; modifiePar: string | null; enLot: boolean };
  regroupement: { regroupeDansId: number | null; commentaire: string | null; regroupes: Array<{ id: number; missionNumero: number }>; regroupables: Array<{ id: number; version: number; missionNumero: number; type: string; debut: string | null; libelleStatut: string }> };
  corrections: Array<{ id: number; libelle: string; avant: string | null; apres: string | null; motif: string; par: string | null; le: string }>;
  decisions: { valider: Decision; rejeter: Decision; annuler: Decision; corriger: Decision };
}

function saisieIntervenant(d: Detail): string {
  const r = d.remuneration;
  if (!r?.type) return 'Non saisi';
  switch (r.type) {
    case 'copies':
      return r.copies == null ? 'Non saisi' : `${r.copies} copie(s)`;
    case 'candidats':
      return r.candidats == null ? 'Non saisi' : `${r.candidats} candidat(s)`;
    case 'heures_minutes':
      return heuresMinutes((r.heures ?? 0) * 60 + (r.minutes ?? 0));
    case 'demi_journees':
      return (r.demiJournees ?? []).map((x) => `${formaterDate(x.jour)} ${x.debut}–${x.fin}`).join(' ; ') || 'Non saisi';
    default:
      return 'Non saisi';
  }
}

function chiffreConstat(d: Detail): string {
  if (d.constat.serviceFait === 'non_fait') return `Service non fait${d.constat.motifServiceNonFait ? ` (${d.constat.motifServiceNonFait})` : ''}`;
  if (d.constat.chiffre === null) return 'Pas encore constaté';
  if (d.constat.libelle.startsWith("Nombre d'heures")) return heuresMinutes(Math.round((d.constat.chiffre * 60) / 100));
  return `${d.constat.chiffre}`;
}

const CHAMPS_PAR_MODE: Record<string, ChampCorrection[]> = { copies: ['copies'], santorin: ['copies'], candidats: ['candidats'], heures: ['heures'], heures_minutes: ['heures'] };

/** « 12,50 » → 1250 centimes; « 3:30 » or « 3 h 30 » → 210 minutes; counts as they are. */
function lireValeur(champ: ChampCorrection, s: string): number | null | string {
  const t = s.trim();
  if (champ === 'montantRetenuRemuneration' || champ === 'montantRetenuDeplacement') {
    if (!t) return null;
    const m = /^(\d{1,7})(?:[.,](\d{1,2}))?\s*€?$/.exec(t.replace(/\s/g, ''));
    return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : 'Montant : en euros, par exemple 45,50.';
  }
  if (champ === 'heures') {
    const m = /^(\d{1,4})\s*(?:h|:)\s*(\d{1,2})?$/i.exec(t) ?? /^(\d{1,4})()$/.exec(t);
    if (!m || Number(m[2] || 0) > 59) return "Heures : par exemple 3:30 ou 3 h 30.";
    return Number(m[1]) * 60 + Number(m[2] || 0);
  }
  return /^\d{1,6}$/.test(t) ? Number(t) : 'Nouvelle valeur : nombre entier positif attendu.';
}

function DetailEtat({ id }: { id: string }) {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['gestion', 'etats-frais', 'etat', id], queryFn: () => api.get<Detail>(`${BASE}/${encodeURIComponent(id)}`) });
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
      {d && <Etat d={d} relire={() => Promise.all([client.invalidateQueries({ queryKey: ['gestion', 'etats-frais'] })])} />}
    </>
  );
}

function Etat({ d, relire }: { d: Detail; relire: () => Promise<unknown> }) {
  const m = d.mission;
  return (
    <>
      <h2 className="fr-h5 fr-mb-1w">
        État de frais{d.numeroOrdre ? ` n° ${d.numeroOrdre}` : ''} — {d.personne.civilite} {d.personne.nom} {d.personne.prenom}{' '}
        <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[d.statut]}`}>{d.libelleStatut}</span>
      </h2>
      {d.ecartConstat && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>Le chiffre saisi par l'intervenant diffère du constat de service fait du centre : vérifiez-le et corrigez-le si besoin.</p>
        </div>
      )}
      {d.regroupement.regroupeDansId && (
        <p className="fr-text--sm">
          Cet état est regroupé sur <Link to={`../${d.regroupement.regroupeDansId}`} relative="path">un autre état de frais</Link>.
        </p>
      )}
      <Details
        lignes={[
          ['Mission', `n° ${m.numero} — ${m.type}${m.emiseParMinistere ? ' (convocation ministérielle)' : ''}`],
          ['Examen', `${m.examen} — ${m.session}`],
          ['Spécialité / épreuve', [m.specialite, m.epreuveOption].filter(Boolean).join(' — ')],
          ['Lieu', m.centre ?? m.lieu],
          ['Dates', m.dates.map((x) => `${formaterDate(x.jour)} ${x.debut}–${x.fin}`).join(' ; ')],
          ['Courriel', d.personne.courriel],
          ["Statuts vus par l'intervenant", d.statutsIntervenant ? `Rémunération : ${LIBELLE_STATUT[d.statutsIntervenant.remuneration]} ; déplacement : ${LIBELLE_STATUT[d.statutsIntervenant.deplacement]}` : null],
        ]}
      />
      <div className="fr-mt-2w" style={DEUX_COLONNES}>
        <section aria-labelledby="frais-remuneration">
          <h3 id="frais-remuneration" className="fr-h6">
            Rémunération
          </h3>
          <Details
            lignes={[
              ["Saisi par l'intervenant", saisieIntervenant(d)],
              [`Constat du centre (${d.constat.libelle.toLowerCase()})`, chiffreConstat(d)],
              ['Montant estimé', montant(d.montants.remunerationCentimes)],
              ['Montant retenu', d.montants.retenuRemunerationCentimes === null ? 'Montant estimé' : montant(d.montants.retenuRemunerationCentimes)],
            ]}
          />
        </section>
        <section aria-labelledby="frais-suivi">
          <h3 id="frais-suivi" className="fr-h6">
            Suivi
          </h3>
          <Details
            lignes={[
              ["Validé par l'intervenant le", d.suivi.valideLe ? formaterDateHeure(d.suivi.valideLe) : null],
              ['Traité le', d.suivi.traiteLe ? `${formaterDateHeure(d.suivi.traiteLe)}${d.suivi.traitePar ? ` par ${d.suivi.traitePar}` : ''}` : null],
              ['Motif du rejet', d.suivi.rejetMotif ? `${d.suivi.rejetMotif}${d.suivi.rejeteLe ? ` (le ${formaterDateHeure(d.suivi.rejeteLe)})` : ''}` : null],
              ["Motif de l'annulation", d.suivi.annulationMotif],
              ['Payé le', d.suivi.payeLe ? formaterDateHeure(d.suivi.payeLe) : null],
              ['Dernière modification', `${formaterDateHeure(d.suivi.modifieLe)}${d.suivi.modifiePar ? ` par ${d.suivi.modifiePar}` : ''}`],
              ['Commentaire de regroupement', d.regroupement.commentaire],
            ]}
          />
        </section>
      </div>
      <section aria-labelledby="frais-deplacement" className="fr-mt-2w">
        <h3 id="frais-deplacement" className="fr-h6">
          Déplacement
        </h3>
        {d.lignes.length === 0 ? (
          <p className="fr-text--sm">Aucun déplacement saisi.</p>
        ) : (
          <OngletDeplacement
            lignes={d.lignes}
            lignePreremplie={null}
            onChange={() => {}}
            modifiable={false}
            invalidable={d.invalidable}
            estimation={{ totalCentimes: d.montants.deplacementCentimes, retenuCentimes: d.montants.retenuDeplacementCentimes }}
          />
        )}
      </section>
      <section aria-labelledby="frais-pieces" className="fr-mt-2w">
        <h3 id="frais-pieces" className="fr-h6">
          Pièces justificatives
        </h3>
        {d.piecesParCourrier && <p className="fr-text--sm">L'intervenant a déclaré envoyer ses pièces par courrier.</p>}
        {(['paie', 'deplacement'] as const).map((g) => (
          <PiecesJustificatives key={g} etatId={d.id} groupe={g} pieces={d.pieces} requises={d.piecesRequises} modifiable={d.statut !== 'annule' && d.statut !== 'traite_gestionnaire'} base="/api/gestion" onChange={() => void relire()} />
        ))}
        <RecapitulatifPdf d={d} />
      </section>
      <Decisions d={d} relire={relire} />
      <Corrections d={d} relire={relire} />
      {d.regroupement.regroupables.length > 0 && <Regroupement d={d} relire={relire} />}
    </>
  );
}

/** Statuses in which the intervenant has validated: the récapitulatif PDF (with the receipts) exists. */
const AVEC_RECAPITULATIF: ReadonlySet<Statut> = new Set(['valide', 'valide_gestionnaire', 'traite_gestionnaire']);

/** « Récapitulatif PDF » of a validated état: the same file as the intervenant's, receipts appended. */
function RecapitulatifPdf({ d }: { d: Detail }) {
  const nom = `recapitulatif-etat-de-frais-${d.numeroOrdre ?? 'provisoire'}-mission-${d.mission.numero}.pdf`;
  const recapitulatif = useAction(() => telecharger(`${BASE}/${d.id}/recapitulatif`, nom), { succes: (n) => `Récapitulatif téléchargé : ${n}.` });
  if (!AVEC_RECAPITULATIF.has(d.statut)) return null;
  return (
    <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-download-line fr-btn--icon-left fr-mt-1w" disabled={recapitulatif.enCours} onClick={() => void recapitulatif.executer()}>
      {recapitulatif.enCours ? 'Téléchargement…' : 'Récapitulatif PDF'}
    </button>
  );
}

function useRelectureSur409(relire: () => Promise<unknown>) {
  return async <T,>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      // Changed meanwhile (409): the page shows the état as it is now; the message says who and when.
      if (e instanceof ErreurApi && e.status === 409) void relire();
      throw e;
    }
  };
}

function Decisions({ d, relire }: { d: Detail; relire: () => Promise<unknown> }) {
  const confirmation = useConfirmation();
  const [motif, setMotif] = useState('');
  const avec409 = useRelectureSur409(relire);
  const action = useAction(
    async (quoi: 'valider' | 'rejeter' | 'annuler') => {
      const r = await avec409(() => api.post<{ message: string }>(`${BASE}/${d.id}/${quoi}`, quoi === 'valider' ? { version: d.version } : { version: d.version, motif: motif.trim() }));
      setMotif('');
      await relire();
      return r;
    },
    { succes: (r) => r.message },
  );
  const avecMotif = (quoi: 'rejeter' | 'annuler', titre: string, message: string, bouton: string) => {
    if (motif.trim().length < 3) return action.signalerChamps({ motif: `Motif : indiquez pourquoi vous ${quoi === 'rejeter' ? 'rejetez' : 'annulez'} cet état de frais (3 caractères au moins).` });
    confirmation.demander({ titre, message: `${message} Motif : « ${motif.trim()} ».`, bouton, surConfirmation: () => void action.executer(quoi) });
  };
  const raisons = [d.decisions.valider, d.decisions.rejeter, d.decisions.annuler].every((x) => !x.possible) ? d.decisions.annuler.raison : null;
  return (
    <section aria-labelledby="frais-decision" className="fr-mt-3w">
      <h3 id="frais-decision" className="fr-h6">
        Décision
      </h3>
      {raisons ? (
        <p className="fr-text--sm">Aucune décision possible : {raisons}</p>
      ) : (
        <>
          <Input
            textArea
            label="Motif (obligatoire pour rejeter ou annuler)"
            hintText="Pour un rejet, l'intervenant le lit dans son état de frais et dans le courriel qui le prévient."
            state={action.erreursChamps.motif ? 'error' : 'default'}
            stateRelatedMessage={action.erreursChamps.motif}
            nativeTextAreaProps={{ name: 'motif', rows: 2, maxLength: 1000, value: motif, onChange: (e) => { setMotif(e.target.value); action.effacerChamp('motif'); } }}
          />
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
            <li>
              <button
                type="button"
                className="fr-btn"
                disabled={action.enCours || !d.decisions.valider.possible}
                title={d.decisions.valider.raison ?? undefined}
                onClick={() =>
                  confirmation.demander({
                    titre: "Valider l'état de frais",
                    message: "L'état passe à « Validé par gestionnaire » : il entrera dans le prochain lot de liquidation et l'intervenant ne peut plus le dévalider.",
                    bouton: 'Valider',
                    surConfirmation: () => void action.executer('valider'),
                  })
                }
              >
                Valider
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" disabled={action.enCours || !d.decisions.rejeter.possible} title={d.decisions.rejeter.raison ?? undefined} onClick={() => avecMotif('rejeter', "Rejeter l'état de frais", "L'état revient à l'intervenant (« Non validé ») ; il est prévenu par courriel.", 'Rejeter')}>
                Rejeter
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn fr-btn--tertiary" disabled={action.enCours || !d.decisions.annuler.possible} title={d.decisions.annuler.raison ?? undefined} onClick={() => avecMotif('annuler', "Annuler l'état de frais", "L'état est annulé : il ne sera pas payé.", "Annuler l'état")}>
                Annuler l'état
              </button>
            </li>
          </ul>
        </>
      )}
      {confirmation.dialogue}
    </section>
  );
}

function Corrections({ d, relire }: { d: Detail; relire: () => Promise<unknown> }) {
  const confirmation = useConfirmation();
  const champs: ChampCorrection[] = [...(CHAMPS_PAR_MODE[d.mission.modeRemuneration] ?? []), 'montantRetenuRemuneration', 'montantRetenuDeplacement'];
  const [champ, setChamp] = useState<ChampCorrection>(champs[0]!);
  const [valeur, setValeur] = useState('');
  const [motif, setMotif] = useState('');
  const avec409 = useRelectureSur409(relire);
  const corriger = useAction(
    async (v: number | null) => {
      const r = await avec409(() => api.post<{ message: string }>(`${BASE}/${d.id}/corriger`, { version: d.version, champ, valeur: v, motif: motif.trim() }));
      setValeur('');
      setMotif('');
      await relire();
      return r;
    },
    { succes: (r) => r.message },
  );
  const demander = () => {
    const v = lireValeur(champ, valeur);
    const erreurs: Record<string, string> = {};
    if (typeof v === 'string') erreurs.valeur = v;
    if (v === null && !champ.startsWith('montant')) erreurs.valeur = 'Nouvelle valeur : obligatoire.';
    if (motif.trim().length < 3) erreurs.motif = 'Motif de la correction : obligatoire (3 caractères au moins).';
    if (Object.keys(erreurs).length) return corriger.signalerChamps(erreurs);
    confirmation.demander({
      titre: 'Corriger un chiffre',
      message: `${LIBELLE_CHAMP_CORRECTION[champ]} : nouvelle valeur « ${valeur.trim() || 'montant estimé'} ». La correction est enregistrée avec son motif et reste visible dans l'historique.`,
      bouton: 'Corriger',
      surConfirmation: () => void corriger.executer(v as number | null),
    });
  };
  return (
    <section aria-labelledby="frais-corrections" className="fr-mt-3w">
      <h3 id="frais-corrections" className="fr-h6">
        Corrections
      </h3>
      {d.decisions.corriger.possible ? (
        <div style={GRILLE_CORRECTION}>
          <Select label="Chiffre à corriger" nativeSelectProps={{ name: 'champ', value: champ, onChange: (e) => setChamp(e.target.value as ChampCorrection) }}>
            {champs.map((c) => (
              <option key={c} value={c}>
                {LIBELLE_CHAMP_CORRECTION[c]}
              </option>
            ))}
          </Select>
          <Input
            label="Nouvelle valeur"
            hintText={champ.startsWith('montant') ? 'En euros (45,50) ; vide : le montant estimé' : champ === 'heures' ? 'Par exemple 3:30' : 'Nombre entier'}
            state={corriger.erreursChamps.valeur ? 'error' : 'default'}
            stateRelatedMessage={corriger.erreursChamps.valeur}
            nativeInputProps={{ name: 'valeur', value: valeur, maxLength: 12, onChange: (e) => { setValeur(e.target.value); corriger.effacerChamp('valeur'); } }}
          />
          <Input
            label="Motif de la correction"
            state={corriger.erreursChamps.motif ? 'error' : 'default'}
            stateRelatedMessage={corriger.erreursChamps.motif}
            nativeInputProps={{ name: 'motifCorrection', value: motif, maxLength: 1000, onChange: (e) => { setMotif(e.target.value); corriger.effacerChamp('motif'); } }}
          />
          <button type="button" className="fr-btn fr-btn--secondary" style={{ marginBottom: '1.5rem' }} disabled={corriger.enCours} onClick={demander}>
            Corriger
          </button>
        </div>
      ) : (
        <p className="fr-text--sm">Plus de correction possible : {d.decisions.corriger.raison}</p>
      )}
      {d.corrections.length > 0 ? (
        <div className="fr-table fr-table--sm fr-mt-1w">
          <table>
            <caption className="fr-sr-only">Historique des corrections</caption>
            <thead>
              <tr>
                <th scope="col">Le</th>
                <th scope="col">Par</th>
                <th scope="col">Chiffre</th>
                <th scope="col">Avant → après</th>
                <th scope="col">Motif</th>
              </tr>
            </thead>
            <tbody>
              {d.corrections.map((c) => (
                <tr key={c.id}>
                  <td>{formaterDateHeure(c.le)}</td>
                  <td>{c.par}</td>
                  <td>{c.libelle}</td>
                  <td>
                    {c.avant ?? 'non renseigné'} → {c.apres ?? 'non renseigné'}
                  </td>
                  <td>{c.motif}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="fr-text--sm">Aucune correction.</p>
      )}
      {confirmation.dialogue}
    </section>
  );
}

function Regroupement({ d, relire }: { d: Detail; relire: () => Promise<unknown> }) {
  const confirmation = useConfirmation();
  const [choisis, setChoisis] = useState<number[]>([]);
  const [commentaire, setCommentaire] = useState('');
  const avec409 = useRelectureSur409(relire);
  const regrouper = useAction(
    async () => {
      const autres = d.regroupement.regroupables.filter((x) => choisis.includes(x.id));
      const r = await avec409(() => api.post<{ message: string }>(`${BASE}/regrouper`, { etatIds: [d.id, ...autres.map((x) => x.id)], versions: [d.version, ...autres.map((x) => x.version)], commentaire: commentaire.trim() }));
      setChoisis([]);
      setCommentaire('');
      await relire();
      return r;
    },
    { succes: (r) => r.message },
  );
  const demander = () => {
    const e: Record<string, string> = {};
    if (choisis.length === 0) e.etatIds = 'Cochez au moins un état à regrouper sur celui-ci.';
    if (commentaire.trim().length < 3) e.commentaire = "Commentaire : indiquez ce que l'intervenant lira (3 caractères au moins).";
    if (Object.keys(e).length) return regrouper.signalerChamps(e);
    confirmation.demander({
      titre: 'Regrouper les missions',
      message: `Les ${choisis.length} état(s) coché(s) sont annulés et rattachés à celui-ci ; l'intervenant lit votre commentaire sur cet état.`,
      bouton: 'Regrouper',
      surConfirmation: () => void regrouper.executer(),
    });
  };
  return (
    <section aria-labelledby="frais-regroupement" className="fr-mt-3w">
      <h3 id="frais-regroupement" className="fr-h6">
        Regrouper des missions du contrôle continu de la session sur cet état
      </h3>
      <fieldset className={`fr-fieldset ${regrouper.erreursChamps.etatIds ? 'fr-fieldset--error' : ''}`} aria-labelledby="frais-regroupement-legende">
        <legend id="frais-regroupement-legende" className="fr-fieldset__legend fr-text--regular">
          Autres missions de l'intervenant dans cette session
        </legend>
        {d.regroupement.regroupables.map((x) => (
          <div key={x.id} className="fr-fieldset__element">
            <div className="fr-checkbox-group fr-checkbox-group--sm">
              <input
                type="checkbox"
                id={`regrouper-${x.id}`}
                checked={choisis.includes(x.id)}
                onChange={(e) => setChoisis((c) => (e.target.checked ? [...c, x.id] : c.filter((i) => i !== x.id)))}
              />
              <label className="fr-label" htmlFor={`regrouper-${x.id}`}>
                Mission n° {x.missionNumero} — {x.type}
                {x.debut ? ` — ${formaterDate(x.debut)}` : ''} ({x.libelleStatut})
              </label>
            </div>
          </div>
        ))}
        {regrouper.erreursChamps.etatIds && <p className="fr-message fr-message--error">{regrouper.erreursChamps.etatIds}</p>}
      </fieldset>
      <Input
        label="Commentaire pour l'intervenant"
        state={regrouper.erreursChamps.commentaire ? 'error' : 'default'}
        stateRelatedMessage={regrouper.erreursChamps.commentaire}
        nativeInputProps={{ name: 'commentaire', value: commentaire, maxLength: 1000, onChange: (e) => setCommentaire(e.target.value) }}
      />
      <button type="button" className="fr-btn fr-btn--secondary" disabled={regrouper.enCours} onClick={demander}>
        Regrouper sur cet état
      </button>
      {confirmation.dialogue}
    </section>
  );
}
