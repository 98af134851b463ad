// What the pages of the établissement service share: the shapes of the API's answers, the header of
// a selected personnel, the ids of the rows a list displays (for the server-side exports), and the
// download of a file produced by a POST (exports of « Consultation des personnels »).
import { ErreurApi, ErreurReseau, enregistrerFichier, ecouteursApi, entetesSession, messageErreurTechnique, referenceErreur } from '../../app/api.ts';
import { lireEtat } from '../../app/etat.ts';
import { correspond, indexRecherche, termesRecherche, trierIndices, type Colonne, type Tri } from '../../liste/logique.ts';

export interface Enseignement {
  id: number;
  etablissement: string;
  uai: string;
  anneeScolaire: string;
  mef: string | null;
  mefCode: string | null;
  typeMef: string | null;
  matiere: string | null;
  modaliteCours: string | null;
  structure: string | null;
}

export interface Indisponibilite {
  id: number;
  dateDebut: string;
  heureDebut: string;
  dateFin: string;
  heureFin: string;
  motif: string;
  source: string;
  libelleSource: string;
  supprimable: boolean;
  declareePar: string | null;
  convocationAutreAcademie: boolean;
  recapitulatif: string | null;
}

export const colonnesIndisponibilites: Colonne<Indisponibilite>[] = [
  { id: 'dateDebut', libelle: 'Date de début', valeur: (i) => i.dateDebut, type: 'date' },
  { id: 'heureDebut', libelle: 'Heure de début', valeur: (i) => i.heureDebut },
  { id: 'dateFin', libelle: 'Date de fin', valeur: (i) => i.dateFin, type: 'date' },
  { id: 'heureFin', libelle: 'Heure de fin', valeur: (i) => i.heureFin },
  { id: 'motif', libelle: 'Motif', valeur: (i) => i.motif, poids: 3, rendu: (i) => <span className="texte-long">{i.motif}</span> },
];

/**
 * The rows a list shows at this moment, in its order: the same keyword and sort as the list
 * component (kept under `${base}#${id}`), so that a server export holds exactly the displayed rows.
 */
export function lignesAffichees<T>(base: string, id: string, lignes: readonly T[], colonnes: readonly Colonne<T>[], triParDefaut?: Tri): T[] {
  const motCle = lireEtat<string>(`${base}#${id}:motCle`) ?? '';
  const tri = lireEtat<Tri | null>(`${base}#${id}:tri`) ?? triParDefaut ?? null;
  const colonne = tri ? colonnes.find((c) => c.id === tri.colonne) : undefined;
  let ordre = lignes.map((_, i) => i);
  if (colonne && tri) ordre = trierIndices(lignes, ordre, colonne, tri.sens);
  const termes = termesRecherche(motCle);
  if (termes.length) {
    const index = indexRecherche(lignes, colonnes);
    ordre = ordre.filter((i) => correspond(index[i]!, termes));
  }
  return ordre.map((i) => lignes[i]!);
}

function nomDeFichier(disposition: string | null, parDefaut: string): string {
  if (!disposition) return parDefaut;
  const etoile = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (etoile) return decodeURIComponent(etoile[1]!);
  const simple = /filename="?([^";]+)"?/i.exec(disposition);
  return simple ? simple[1]! : parDefaut;
}

/** POSTs `corps` and saves the file the server answers; its French error becomes an ErreurApi. */
export async function telechargerPost(url: string, corps: unknown, jetonCsrf: string, nomParDefaut: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/pdf, text/csv', 'x-csrf-token': jetonCsrf, ...entetesSession() },
      body: JSON.stringify(corps),
      credentials: 'same-origin',
    });
  } catch {
    throw new ErreurReseau();
  }
  if (!res.ok) {
    type Corps = { code?: unknown; message?: unknown; fields?: unknown } | null;
    const c: Corps = await res.json().then(
      (j: unknown) => j as Corps,
      () => null,
    );
    const message = typeof c?.message === 'string' && c.message ? c.message : messageErreurTechnique(referenceErreur(res.status));
    const err = new ErreurApi(res.status, typeof c?.code === 'string' ? c.code : 'INCONNU', message, c?.fields && typeof c.fields === 'object' ? (c.fields as Record<string, string>) : {});
    if (res.status === 401) ecouteursApi.sessionPerdue?.(err);
    throw err;
  }
  ecouteursApi.activite?.();
  const nom = nomDeFichier(res.headers.get('content-disposition'), nomParDefaut);
  enregistrerFichier(await res.blob(), nom);
  return nom;
}
