// « Liquidation des frais » (gestionnaire, issue 16 §8, décision 0033): how many états de frais validated
// by the gestionnaire wait for a batch (optionally for one session), « Constituer un lot de liquidation »
// (through the confirmation dialog; a treatment builds it, one at a time per académie), the batches with
// their status, totals (ICC indemnities included), documents (export financier CSV, bordereau PDF) and
// compte rendu, and the
// payment return of a batch (CSV: numéro d'ordre, nature, montant payé, date).
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ErreurApi, telecharger } from '../../app/api.ts';
import { useActivite } from '../../app/activite.tsx';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';
import { Chargement } from '../../shell/Pages.tsx';

const BASE = '/api/gestion/liquidation-frais';

interface Lot {
  id: number;
  numero: number;
  statut: 'en_preparation' | 'produit' | 'paye';
  libelleStatut: string;
  traitementId: string | null;
  traitementStatut: string | null;
  creeLe: string;
  par: string | null;
  nbFrais: number;
  totalCentimes: number;
  totalRemunerationCentimes: number;
  totalDeplacementCentimes: number;
  totalIccCentimes: number;
  nbIcc: number;
  nbLignes: number;
  nbLignesPayees: number;
  payeLe: string | null;
  documents: Array<{ id: string; nom: string; typeMime: string; taille: number; url: string }>;
}

interface Ecran {
  prets: { nb: number; total: number; sansMontant: number; icc: { nb: number; total: number } };
  enCours: { lotId: number; numero: number; traitementId: string } | null;
  sessions: Array<{ sessionId: number; session: string; examenCode: string; examen: string }>;
  lots: Lot[];
}

interface BilanRetour {
  lot: number;
  payees: number;
  dejaPayees: number;
  etatsPayes: number;
  lotPaye: boolean;
  rejets: Array<{ ligne: number; champ: string; motif: string }>;
}

/** 126800 → « 1 268,00 € ». */
function euros(centimes: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(centimes / 100);
}

async function base64(fichier: File): Promise<string> {
  const octets = new Uint8Array(await fichier.arrayBuffer());
  let binaire = '';
  for (let i = 0; i < octets.length; i += 0x8000) binaire += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(binaire);
}

function RetourPaiement({ lot, surFin }: { lot: Lot; surFin: () => void }) {
  const champ = useRef<HTMLInputElement>(null);
  const [bilan, setBilan] = useState<BilanRetour | null>(null);
  const importer = useAction(
    async (fichier: File) => {
      const r = await api.post<BilanRetour>(`${BASE}/${lot.id}/retour-paiement`, { nomFichier: fichier.name, contenu: await base64(fichier) });
      if (champ.current) champ.current.value = '';
      setBilan(r);
      surFin();
      return r;
    },
    { succes: (r) => `Retour de paiement du lot n° ${r.lot} : ${r.payees} ligne(s) marquée(s) payée(s)${r.dejaPayees ? `, ${r.dejaPayees} déjà payée(s)` : ''}${r.rejets.length ? `, ${r.rejets.length} rejet(s)` : ''}.` },
  );
  const id = `retour-${lot.id}`;
  const erreur = importer.erreursChamps.fichier ?? importer.erreursChamps.contenu;
  const lancer = () => {
    const f = champ.current?.files?.[0];
    if (!f) return importer.signalerChamps({ fichier: 'Fichier : choisissez le fichier de retour de paiement (CSV).' });
    if (f.size > 1024 * 1024) return importer.signalerChamps({ fichier: 'Fichier : 1 Mo au plus.' });
    void importer.executer(f);
  };
  return (
    <div className="fr-mt-2w">
      <div className={`fr-upload-group ${erreur ? 'fr-upload-group--error' : ''}`}>
        <label className="fr-label" htmlFor={id}>
          Retour de paiement du lot n° {lot.numero}
          <span className="fr-hint-text">CSV « ; » : NUMERO_ORDRE, NATURE, MONTANT_PAYE, DATE_PAIEMENT (1 Mo au plus). Importer deux fois le même fichier ne change rien.</span>
        </label>
        <input className="fr-upload" type="file" id={id} ref={champ} accept=".csv,text/csv" aria-describedby={erreur ? `${id}-erreur` : undefined} onChange={() => importer.effacerChamp('fichier')} />
        {erreur && (
          <p className="fr-error-text" id={`${id}-erreur`}>
            {erreur}
          </p>
        )}
      </div>
      <button type="button" className="fr-btn fr-btn--secondary fr-mt-1w" disabled={importer.enCours} onClick={lancer}>
        {importer.enCours ? 'Import en cours…' : 'Importer le retour de paiement'}
      </button>
      {bilan && (
        <div className={`fr-alert fr-alert--sm fr-mt-1w ${bilan.rejets.length ? 'fr-alert--warning' : 'fr-alert--success'}`} role="status">
          <p>
            {bilan.payees} ligne(s) marquée(s) payée(s), {bilan.dejaPayees} déjà payée(s), {bilan.etatsPayes} état(s) de frais payé(s){bilan.lotPaye ? ' ; le lot est entièrement payé.' : '.'}
          </p>
          {bilan.rejets.length > 0 && (
            <ul className="fr-mb-0">
              {bilan.rejets.map((r, i) => (
                <li key={i} className="fr-text--sm fr-mb-0">
                  {r.motif}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function DetailLot({ lot, surFin }: { lot: Lot; surFin: () => void }) {
  const a = useActivite();
  const dl = useAction((d: Lot['documents'][number]) => telecharger(d.url, d.nom));
  return (
    <section className="fr-mt-3w" aria-labelledby={`titre-lot-${lot.id}`}>
      <h2 className="fr-h6" id={`titre-lot-${lot.id}`}>
        Lot n° {lot.numero} — {lot.libelleStatut}
      </h2>
      <p className="fr-text--sm fr-mb-1w">
        {lot.nbFrais} état(s) de frais, {lot.nbLignes} ligne(s) de paiement : rémunération {euros(lot.totalRemunerationCentimes)}, déplacement {euros(lot.totalDeplacementCentimes)}
        {lot.nbIcc > 0 && `, ${lot.nbIcc} indemnité(s) de chef de centre ${euros(lot.totalIccCentimes)}`}, total {euros(lot.totalCentimes)} ; {lot.nbLignesPayees} ligne(s) payée(s).
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        {lot.documents.map((d) => (
          <li key={d.id}>
            <button type="button" className="fr-btn fr-btn--tertiary fr-icon-download-line" disabled={dl.enCours} onClick={() => void dl.executer(d)}>
              {d.typeMime.includes('csv') ? 'Export financier (CSV)' : 'Bordereau (PDF)'}
            </button>
          </li>
        ))}
        {lot.traitementId && (
          <li>
            <Link className="fr-btn fr-btn--tertiary fr-icon-file-text-line" to={`/${a.service}/traitements/${encodeURIComponent(lot.traitementId)}`}>
              Compte rendu du traitement
            </Link>
          </li>
        )}
      </ul>
      {lot.statut !== 'en_preparation' && lot.statut !== 'paye' && <RetourPaiement lot={lot} surFin={surFin} />}
    </section>
  );
}

export default function LiquidationFrais() {
  const client = useQueryClient();
  const confirmation = useConfirmation();
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [choisi, setChoisi] = useState<number | null>(null);
  const cle = ['gestion', 'liquidation-frais', sessionId];
  const q = useQuery({
    queryKey: cle,
    queryFn: () => api.get<Ecran>(`${BASE}${sessionId ? `?sessionId=${sessionId}` : ''}`),
    // While a batch is being built, its status and documents are followed.
    refetchInterval: (qq) => (qq.state.data?.enCours ? 1000 : false),
  });
  const rafraichir = () => void client.invalidateQueries({ queryKey: ['gestion', 'liquidation-frais'] });
  const constituer = useAction(
    async () => {
      try {
        const r = await api.post<{ lotId: number; numero: number; traitementId: string }>(BASE, sessionId ? { sessionId } : {});
        setChoisi(r.lotId);
        return r;
      } finally {
        rafraichir();
      }
    },
    { succes: (r) => `Lot de liquidation n° ${r.numero} en cours de constitution : l'export financier et le bordereau seront disponibles à la fin du traitement.` },
  );
  const colonnes = useMemo<Colonne<Lot>[]>(
    () => [
      { id: 'numero', libelle: 'Lot', valeur: (l) => l.numero, type: 'nombre', texte: (l) => `n° ${l.numero}` },
      { id: 'creeLe', libelle: 'Constitué le', valeur: (l) => l.creeLe, type: 'dateHeure' },
      { id: 'par', libelle: 'Par', valeur: (l) => l.par },
      { id: 'statut', libelle: 'Statut', valeur: (l) => l.libelleStatut },
      { id: 'nbFrais', libelle: 'États de frais', valeur: (l) => l.nbFrais, type: 'nombre', alignement: 'droite' },
      { id: 'total', libelle: 'Total', valeur: (l) => l.totalCentimes, texte: (l) => euros(l.totalCentimes), alignement: 'droite' },
      { id: 'payees', libelle: 'Lignes payées', valeur: (l) => l.nbLignesPayees, texte: (l) => `${l.nbLignesPayees} / ${l.nbLignes}`, alignement: 'droite' },
    ],
    [],
  );
  if (q.isPending) return <Chargement />;
  if (q.isError)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>{q.error instanceof ErreurApi || q.error instanceof Error ? q.error.message : 'Erreur'}</p>
      </div>
    );
  const e = q.data;
  const lotChoisi = e.lots.find((l) => l.id === choisi) ?? e.lots[0];
  const demander = () =>
    confirmation.demander({
      titre: 'Constituer un lot de liquidation',
      message: `${e.prets.nb} état(s) de frais validé(s) par le gestionnaire (${euros(e.prets.total)})${e.prets.icc.nb ? ` et ${e.prets.icc.nb} indemnité(s) de chef de centre validée(s) (${euros(e.prets.icc.total)})` : ''} entreront dans le lot ; les états de frais passeront « Traité par le gestionnaire » ; ils ne pourront plus être dévalidés ni entrer dans un autre lot. Le fichier d'export financier et le bordereau seront produits par un traitement.`,
      bouton: 'Constituer le lot',
      surConfirmation: () => void constituer.executer(),
    });
  return (
    <>
      <section className="fr-mb-2w" aria-labelledby="titre-prets">
        <h2 className="fr-h6 fr-mb-1w" id="titre-prets">
          États de frais prêts à liquider : {e.prets.nb} ({euros(e.prets.total)})
        </h2>
        {e.prets.icc.nb > 0 && (
          <p className="fr-text--sm fr-mb-1w">
            Et {e.prets.icc.nb} indemnité(s) de chef de centre validée(s) ({euros(e.prets.icc.total)}), qui entrent dans le même lot.
          </p>
        )}
        {e.prets.sansMontant > 0 && <p className="fr-text--sm fr-mb-1w">{e.prets.sansMontant} état(s) validé(s) sans montant à payer n'entrent dans aucun lot.</p>}
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'flex-end', flexWrap: 'wrap' }}>
          {e.sessions.length > 1 && (
            <Select label="Session" nativeSelectProps={{ value: String(sessionId ?? ''), onChange: (ev) => setSessionId(ev.target.value ? Number(ev.target.value) : null) }}>
              <option value="">Toutes les sessions</option>
              {e.sessions.map((s) => (
                <option key={s.sessionId} value={s.sessionId}>
                  {s.examen} — {s.session}
                </option>
              ))}
            </Select>
          )}
          <button type="button" className="fr-btn" disabled={constituer.enCours || !!e.enCours || e.prets.nb + e.prets.icc.nb === 0} onClick={demander}>
            {constituer.enCours || e.enCours ? 'Constitution en cours…' : 'Constituer un lot de liquidation'}
          </button>
        </div>
        {e.enCours && (
          <p className="fr-text--sm fr-mt-1w" role="status">
            Le lot n° {e.enCours.numero} est en cours de constitution.
          </p>
        )}
      </section>
      <Liste
        id="liquidation-lots"
        titre="Lots de liquidation"
        lignes={e.lots}
        colonnes={colonnes}
        cle={(l) => l.id}
        triParDefaut={{ colonne: 'numero', sens: 'desc' }}
        messageVide="Aucun lot de liquidation n'a encore été constitué."
        hauteurMax="40vh"
        actions={
          e.lots.length > 1 ? (
            <Select label="Lot affiché" nativeSelectProps={{ value: String(lotChoisi?.id ?? ''), onChange: (ev) => setChoisi(Number(ev.target.value)) }}>
              {e.lots.map((l) => (
                <option key={l.id} value={l.id}>
                  Lot n° {l.numero} — {l.libelleStatut}
                </option>
              ))}
            </Select>
          ) : undefined
        }
      />
      {lotChoisi && <DetailLot key={lotChoisi.id} lot={lotChoisi} surFin={rafraichir} />}
      {confirmation.dialogue}
    </>
  );
}
