// THE list of the platform (seeds 003 §1.3.6–1.3.9, 004 §1.3.6–1.3.8), used by every list of every
// activity: title with the count, filter area (« Filtrer » / « Effacer filtre »), « Filtrer par
// mot-clé » as you type over every displayed label, sort on any column header (accessible pattern:
// aria-sort on the th, a button inside), header kept visible while scrolling, row → detail and back
// as it was, export of exactly the displayed rows. Long lists are windowed, so 10,000 rows stay smooth.
import { useCallback, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { enregistrerFichier } from '../app/api.ts';
import { useActiviteOptionnelle } from '../app/activite.tsx';
import { consoleMessages, signalerErreur, texteErreur } from '../app/console.ts';
import { lireEtat, ecrireEtat, useEtatPersistant } from '../app/etat.ts';
import { useSession } from '../app/session.tsx';
import { conserverDefilement } from '../shell/Shell.tsx';
import { formaterDateHeure } from '../forms/dates.ts';
import {
  correspond,
  indexRecherche,
  nomFichier,
  tableExport,
  termesRecherche,
  texteCellule,
  titreAvecCompte,
  trierIndices,
  triSuivant,
  versCsv,
  type Colonne,
  type Tri,
} from './logique.ts';

export type { Colonne, Tri } from './logique.ts';

export interface ProprietesFiltres {
  /** The filter fields (dates, selects...). */
  contenu: ReactNode;
  surFiltrer: () => void;
  surEffacer: () => void;
  /** Default « Filtrer ». */
  libelleFiltrer?: string;
  /** A legend for the filter area (default « Filtres »). */
  legende?: string;
}

export interface ListeProps<T> {
  /** Identifies the list inside its activity: its keyword, sort and scroll come back after « Retour ». */
  id: string;
  /** « Liste des personnels » → « Liste des personnels (154 lignes) ». */
  titre: string;
  lignes: readonly T[] | undefined;
  /** Must be stable (a constant or useMemo). */
  colonnes: readonly Colonne<T>[];
  cle: (ligne: T) => string | number;
  triParDefaut?: Tri;
  /** Path of a row's detail: the first cell becomes a link, a click anywhere on the row opens it. */
  lien?: (ligne: T) => string;
  /** Accessible name of that link, when the first cell alone is not explicit enough. */
  libelleLien?: (ligne: T) => string;
  filtres?: ProprietesFiltres;
  /** Exports of the displayed rows (default CSV and PDF); false for none. */
  exports?: false | Array<'csv' | 'pdf'>;
  /**
   * Other action buttons of the activity, at the bottom. As a function, it receives the rows
   * displayed (after filter and keyword, in the displayed order): a server-side export sends them.
   */
  actions?: ReactNode | ((affichees: T[]) => ReactNode);
  chargement?: boolean;
  erreur?: unknown;
  surReessayer?: () => void;
  messageVide?: string;
  /** A line under the PDF title (the académie and the établissement, usually). */
  sousTitrePdf?: string;
  /**
   * Max height of the scrolling area when the list shares its page with others (default: what the
   * content zone allows). In the frame it never goes under the height of 10 rows nor over the zone.
   */
  hauteurMax?: string;
}

interface EtatDefilement {
  liste: number;
  zone: number;
}

const SEUIL_FENETRAGE = 150;
const DEBORD = 12;

export function Liste<T>(props: ListeProps<T>) {
  const { id, titre, lignes, colonnes, cle, triParDefaut, lien, libelleLien, filtres, actions, chargement, erreur, surReessayer, messageVide, sousTitrePdf, hauteurMax } = props;
  const exports = props.exports === undefined ? (['csv', 'pdf'] as const) : props.exports || [];
  const activite = useActiviteOptionnelle();
  const cleEtat = `${activite?.base ?? ''}#${id}`;
  const uid = useId();
  const navigate = useNavigate();
  const { session } = useSession();
  const sousTitre = sousTitrePdf ?? session?.entete;

  const [motCle, setMotCle] = useEtatPersistant(`${cleEtat}:motCle`, '');
  const [tri, setTri] = useEtatPersistant<Tri | null>(`${cleEtat}:tri`, triParDefaut ?? null);
  const motCleDiffere = useDeferredValue(motCle);

  const index = useMemo(() => (lignes ? indexRecherche(lignes, colonnes) : []), [lignes, colonnes]);
  const colonneTri = tri ? colonnes.find((c) => c.id === tri.colonne) : undefined;
  const ordre = useMemo(() => {
    if (!lignes) return [];
    const tous = lignes.map((_, i) => i);
    return colonneTri && tri ? trierIndices(lignes, tous, colonneTri, tri.sens) : tous;
  }, [lignes, colonneTri, tri]);
  const affiches = useMemo(() => {
    const termes = termesRecherche(motCleDiffere);
    return termes.length ? ordre.filter((i) => correspond(index[i]!, termes)) : ordre;
  }, [ordre, index, motCleDiffere]);

  const n = affiches.length;
  const titreComplet = titreAvecCompte(titre, n);

  // Status message for screen readers when the count changes after typing (WCAG 4.1.3).
  const [annonce, setAnnonce] = useState('');
  const premiereAnnonce = useRef(true);
  useEffect(() => {
    if (!lignes) return;
    if (premiereAnnonce.current) {
      premiereAnnonce.current = false;
      return;
    }
    const t = setTimeout(() => setAnnonce(`${n} ligne${n > 1 ? 's' : ''} affichée${n > 1 ? 's' : ''}.`), 600);
    return () => clearTimeout(t);
  }, [n, lignes]);

  // Windowing: only the rows in view (plus a margin) are in the DOM; spacer rows keep the height.
  const defilement = useRef<HTMLDivElement>(null);
  const [haut, setHaut] = useState(0);
  const [hauteurVue, setHauteurVue] = useState(600);
  const [hauteurLigne, setHauteurLigne] = useState(41);
  const fenetre = n > SEUIL_FENETRAGE;
  const premiereLigne = useRef<HTMLTableRowElement>(null);

  useLayoutEffect(() => {
    const el = defilement.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      setHauteurVue(el.clientHeight || 600);
      const h = premiereLigne.current?.getBoundingClientRect().height;
      if (h && Math.abs(h - hauteurLigne) > 0.5) setHauteurLigne(h);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [hauteurLigne, lignes !== undefined]);

  useLayoutEffect(() => {
    const h = premiereLigne.current?.getBoundingClientRect().height;
    if (h && Math.abs(h - hauteurLigne) > 0.5) setHauteurLigne(h);
  });

  const cadre = useRef(0);
  const surDefilement = useCallback(() => {
    if (cadre.current) return;
    cadre.current = requestAnimationFrame(() => {
      cadre.current = 0;
      setHaut(defilement.current?.scrollTop ?? 0);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(cadre.current), []);

  const debut = fenetre ? Math.max(0, Math.floor(haut / hauteurLigne) - DEBORD) : 0;
  const fin = fenetre ? Math.min(n, Math.ceil((haut + hauteurVue) / hauteurLigne) + DEBORD) : n;

  // Back from a detail: the scroll positions come back once the rows are there.
  const restaure = useRef(false);
  useLayoutEffect(() => {
    if (restaure.current || !lignes) return;
    restaure.current = true;
    const d = lireEtat<EtatDefilement>(`${cleEtat}:defilement`);
    if (!d) return;
    if (defilement.current) {
      defilement.current.scrollTop = d.liste;
      setHaut(d.liste);
    }
    const zone = document.getElementById('zone-contenu');
    if (zone) zone.scrollTop = d.zone;
    conserverDefilement();
  }, [lignes, cleEtat]);
  // Where the user was, kept when a detail opens (and when the list goes for any other reason).
  const memoriserDefilement = useCallback(() => {
    ecrireEtat<EtatDefilement>(`${cleEtat}:defilement`, {
      liste: defilement.current?.scrollTop ?? 0,
      zone: document.getElementById('zone-contenu')?.scrollTop ?? 0,
    });
  }, [cleEtat]);
  // A layout cleanup still sees the scrolling element (a passive one runs after refs are cleared).
  useLayoutEffect(() => memoriserDefilement, [memoriserDefilement]);

  const trier = (c: Colonne<T>) => {
    const t = triSuivant(tri, c.id);
    setTri(t);
    setAnnonce(`Liste triée par ${c.libelle}, ordre ${t.sens === 'asc' ? 'croissant' : 'décroissant'}.`);
  };

  const lignesAffichees = useCallback(() => affiches.map((i) => lignes![i]!), [affiches, lignes]);

  const exporterCsv = () => {
    const t = tableExport(colonnes, lignesAffichees());
    const fichier = nomFichier(titre, 'csv');
    enregistrerFichier(new Blob(['\ufeff' + versCsv(t.entetes, t.lignes)], { type: 'text/csv;charset=utf-8' }), fichier);
    consoleMessages.info(`Liste « ${titre} » téléchargée au format CSV (${t.lignes.length} ligne${t.lignes.length > 1 ? 's' : ''}) : ${fichier}.`);
  };

  const [pdfEnCours, setPdfEnCours] = useState(false);
  const exporterPdf = async () => {
    setPdfEnCours(true);
    try {
      const { genererPdfTable } = await import('./export-pdf.ts');
      const t = tableExport(colonnes, lignesAffichees());
      const fichier = nomFichier(titre, 'pdf');
      const octets = genererPdfTable({
        titre: titreAvecCompte(titre, t.lignes.length),
        sousTitre: [sousTitre, `Édité le ${formaterDateHeure(new Date()).replace(' ', ' à ')}`, motCle.trim() ? `mot-clé « ${motCle.trim()} »` : ''].filter(Boolean).join(' — '),
        entetes: t.entetes,
        lignes: t.lignes,
        poids: colonnes.filter((c) => c.exportable !== false).map((c) => c.poids ?? 1),
      });
      enregistrerFichier(new Blob([octets as BlobPart], { type: 'application/pdf' }), fichier);
      consoleMessages.info(`Liste « ${titre} » téléchargée au format PDF (${t.lignes.length} ligne${t.lignes.length > 1 ? 's' : ''}) : ${fichier}.`);
    } catch (e) {
      signalerErreur(e);
    } finally {
      setPdfEnCours(false);
    }
  };

  const ouvrir = (e: MouseEvent<HTMLTableRowElement>, ligne: T) => {
    if (!lien) return;
    const cible = e.target as HTMLElement;
    if (cible.closest('a, button, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    memoriserDefilement();
    navigate(lien(ligne), { state: { depuisListe: true } });
  };

  const idTitre = `${uid}-titre`;
  const idMotCle = `${uid}-motcle`;
  const idExports = `${uid}-exports`;

  return (
    <section className="liste" aria-labelledby={idTitre}>
      {filtres && (
        <form
          className="liste__filtres"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            filtres.surFiltrer();
          }}
        >
          <fieldset className="fr-fieldset liste__fieldset">
            <legend className="fr-fieldset__legend fr-text--md fr-mb-1w">{filtres.legende ?? 'Filtres'}</legend>
            <div className="liste__champs-filtres">{filtres.contenu}</div>
            <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left liste__boutons-filtres">
              <li>
                <button type="submit" className="fr-btn fr-icon-filter-line">
                  {filtres.libelleFiltrer ?? 'Filtrer'}
                </button>
              </li>
              <li>
                <button type="button" className="fr-btn fr-btn--secondary fr-icon-close-circle-line" onClick={filtres.surEffacer}>
                  Effacer filtre
                </button>
              </li>
            </ul>
          </fieldset>
        </form>
      )}

      <div className="liste__barre">
        <h2 className="fr-h5 liste__titre" id={idTitre}>
          {lignes ? titreComplet : titre}
        </h2>
        <div className="fr-input-group liste__motcle">
          <label className="fr-label" htmlFor={idMotCle}>
            Filtrer par mot-clé
          </label>
          <input
            className="fr-input"
            id={idMotCle}
            type="search"
            autoComplete="off"
            value={motCle}
            onChange={(e) => setMotCle(e.target.value)}
            disabled={!lignes}
          />
        </div>
      </div>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {annonce}
      </p>

      {erreur ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
          <p>{texteErreur(erreur)}</p>
          {surReessayer && (
            <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={surReessayer}>
              Réessayer
            </button>
          )}
        </div>
      ) : null}

      {!lignes ? (
        chargement || !erreur ? (
          <p className="liste__chargement" aria-busy="true">
            Chargement de la liste…
          </p>
        ) : null
      ) : (
        <div
          className="liste__defilement"
          ref={defilement}
          onScroll={surDefilement}
          tabIndex={0}
          role="region"
          aria-labelledby={idTitre}
          style={hauteurMax ? ({ '--liste-hauteur-max': hauteurMax } as CSSProperties) : undefined}
        >
          <table className="liste__table" aria-rowcount={n + 1}>
            <caption className="fr-sr-only">{titreComplet}</caption>
            <thead>
              <tr aria-rowindex={1}>
                {colonnes.map((c) => {
                  const trie = tri?.colonne === c.id;
                  const triable = c.triable !== false;
                  return (
                    <th
                      key={c.id}
                      scope="col"
                      className={`liste__th liste__th--${c.alignement ?? 'gauche'}`}
                      aria-sort={trie ? (tri!.sens === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {triable ? (
                        <button type="button" className="liste__tri" onClick={() => trier(c)}>
                          <span>{c.libelle}</span>
                          <span className={`liste__triangle ${trie ? '' : 'liste__triangle--inactif'}`} aria-hidden="true">
                            {trie ? (tri!.sens === 'asc' ? '▲' : '▼') : '△'}
                          </span>
                        </button>
                      ) : (
                        c.libelle
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {n === 0 && (
                <tr>
                  <td colSpan={colonnes.length} className="liste__vide">
                    {lignes.length === 0 ? (messageVide ?? 'Aucun élément à afficher.') : 'Aucune ligne ne correspond au mot-clé saisi.'}
                  </td>
                </tr>
              )}
              {debut > 0 && (
                <tr aria-hidden="true" className="liste__espace">
                  <td colSpan={colonnes.length} style={{ height: debut * hauteurLigne }} />
                </tr>
              )}
              {affiches.slice(debut, fin).map((i, k) => {
                const l = lignes[i]!;
                return (
                  <tr
                    key={cle(l)}
                    ref={k === 0 ? premiereLigne : undefined}
                    aria-rowindex={debut + k + 2}
                    className={lien ? 'liste__ligne liste__ligne--cliquable' : 'liste__ligne'}
                    onClick={lien ? (e) => ouvrir(e, l) : undefined}
                  >
                    {colonnes.map((c, j) => {
                      const brut = c.rendu ? c.rendu(l) : texteCellule(c, l);
                      const contenu = c.coupe ? (
                        <span className="liste__coupe" title={texteCellule(c, l)} style={typeof c.coupe === 'number' ? { maxWidth: `${c.coupe}rem` } : undefined}>
                          {brut}
                        </span>
                      ) : (
                        brut
                      );
                      return (
                        <td key={c.id} className={`liste__td--${c.alignement ?? 'gauche'}`}>
                          {j === 0 && lien ? (
                            <Link to={lien(l)} state={{ depuisListe: true }} className="liste__lien" aria-label={libelleLien?.(l)} onClick={memoriserDefilement}>
                              {contenu || '—'}
                            </Link>
                          ) : (
                            contenu
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              {fin < n && (
                <tr aria-hidden="true" className="liste__espace">
                  <td colSpan={colonnes.length} style={{ height: (n - fin) * hauteurLigne }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}

      {(exports.length > 0 || actions) && lignes && (
        <div className="liste__actions">
          {exports.length > 0 && (
            <div className="liste__exports" role="group" aria-labelledby={idExports}>
              <p className="fr-text--sm fr-mb-1w" id={idExports}>
                Télécharger la liste affichée ({n} ligne{n > 1 ? 's' : ''})
              </p>
              <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
                {exports.includes('csv') && (
                  <li>
                    <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line" onClick={exporterCsv}>
                      Format CSV
                    </button>
                  </li>
                )}
                {exports.includes('pdf') && (
                  <li>
                    <button type="button" className="fr-btn fr-btn--secondary fr-icon-file-pdf-line" onClick={exporterPdf} disabled={pdfEnCours}>
                      Format PDF
                    </button>
                  </li>
                )}
              </ul>
            </div>
          )}
          {typeof actions === 'function' ? actions(lignesAffichees()) : actions}
        </div>
      )}
    </section>
  );
}

export interface Filtres<F extends Record<string, string>> {
  saisie: F;
  appliques: F;
  erreurs: Partial<Record<keyof F, string>>;
  modifier: <K extends keyof F>(nom: K, valeur: F[K]) => void;
  /** True when some applied filter differs from the initial one. */
  actifs: boolean;
  proprietes: Omit<ProprietesFiltres, 'contenu'>;
}

/**
 * The values of a filter area: what is typed, what was applied by « Filtrer », errors of the last
 * « Filtrer ». Kept with the list's state, so « Retour » finds them again.
 */
export function useFiltres<F extends Record<string, string>>(id: string, initial: F, valider?: (f: F) => Partial<Record<keyof F, string>>): Filtres<F> {
  const activite = useActiviteOptionnelle();
  const [etat, setEtat] = useEtatPersistant(`${activite?.base ?? ''}#${id}:filtres`, { saisie: initial, appliques: initial });
  const [erreurs, setErreurs] = useState<Partial<Record<keyof F, string>>>({});
  const modifier = useCallback(<K extends keyof F>(nom: K, valeur: F[K]) => setEtat((e) => ({ ...e, saisie: { ...e.saisie, [nom]: valeur } })), [setEtat]);
  const surFiltrer = () => {
    const e = valider?.(etat.saisie) ?? {};
    setErreurs(e);
    const messages = Object.values(e).filter(Boolean) as string[];
    if (messages.length) {
      consoleMessages.erreur(messages.join(' '));
      return;
    }
    setEtat((x) => ({ ...x, appliques: x.saisie }));
  };
  const surEffacer = () => {
    setErreurs({});
    setEtat({ saisie: initial, appliques: initial });
  };
  const actifs = JSON.stringify(etat.appliques) !== JSON.stringify(initial);
  return { saisie: etat.saisie, appliques: etat.appliques, erreurs, modifier, actifs, proprietes: { surFiltrer, surEffacer } };
}
