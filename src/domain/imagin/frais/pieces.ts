// Pièces justificatives (seed 004 §2.4.4.4, decision 0030): the receipts the récapitulatif asks for, and
// the checks of an uploaded file. Pure: the server calls verifierFichier with the first bytes it read
// from the stream, the web page with the first bytes of the chosen file, so both say the same thing.
import { LIBELLE_MODE_TRANSPORT, type GroupePiece, type LigneDeplacement, type ModeTransport, type PieceRequise } from './types.ts';

/** The formats the seed allows, by extension (lower case, without the dot), and the type each must hold. */
export const EXTENSIONS_PIECES = ['jpeg', 'jpg', 'png', 'pdf', 'gif'] as const;
export type ExtensionPiece = (typeof EXTENSIONS_PIECES)[number];
export const TYPE_SELON_EXTENSION: Record<ExtensionPiece, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  gif: 'image/gif',
};
/** For the file input: accept=".jpeg,.jpg,.png,.pdf,.gif". */
export const ACCEPT_PIECES = EXTENSIONS_PIECES.map((e) => `.${e}`).join(',');

/** 5 Mo = 5 × 1 024 × 1 024 octets (decision 0030). */
export const TAILLE_MAX_PIECE = 5 * 1024 * 1024;
export const PIECES_MAX_PAR_GROUPE = 20;
export const LONGUEUR_MAX_NOM_PIECE = 50;
/** How many first bytes verifierFichier needs to recognise a format. */
export const OCTETS_SIGNATURE = 8;

export const LIBELLE_GROUPE_PIECE: Record<GroupePiece, string> = {
  paie: 'dossier paie',
  deplacement: 'déplacement',
};
export const TITRE_GROUPE_PIECE: Record<GroupePiece, string> = {
  paie: 'Récapitulatif des pièces justificatives du dossier paie',
  deplacement: 'Récapitulatif des pièces justificatives du déplacement',
};

/** The transport modes whose tickets are receipts (« TRAIN 2EME CLASSE », « TRANSPORT EN COMMUN », « BON DE TRANSPORT… »). */
export const MODES_AVEC_BILLETS: ReadonlySet<ModeTransport> = new Set(['TRAIN_2EME_CLASSE', 'TRANSPORT_EN_COMMUN', 'BON_DE_TRANSPORT', 'AVION', 'BATEAU']);

/**
 * The receipts the récapitulatif lists (004 §2.4.4.4). Dossier paie — when something is to be paid
 * (a rémunération, or déplacement lines): the RIB when the financial file is not active, a copy of the
 * carte Vitale when the NIR (numéro INSEE) is missing. Déplacement: the hotel invoices when nights are
 * claimed, the tickets when a line travels by train, public transport, or with a bon de transport
 * (train, plane, boat).
 */
export function piecesRequises(e: { dossierFinancierActif: boolean; nir: string | null; lignes: LigneDeplacement[]; remuneration: boolean }): PieceRequise[] {
  const requises: PieceRequise[] = [];
  const aPayer = e.remuneration || e.lignes.length > 0;
  if (aPayer && !e.dossierFinancierActif) {
    requises.push({ groupe: 'paie', code: 'rib', libelle: 'Relevé d’identité bancaire (RIB) : votre dossier financier n’est pas actif.' });
  }
  if (aPayer && !(e.nir ?? '').trim()) {
    requises.push({ groupe: 'paie', code: 'carte_vitale', libelle: 'Copie de la carte Vitale : votre numéro INSEE (NIR) est absent de votre dossier.' });
  }
  const nuitees = e.lignes.reduce((n, l) => n + Math.max(0, l.nuitees || 0), 0);
  if (nuitees > 0) {
    requises.push({ groupe: 'deplacement', code: 'facture_nuitee', libelle: `Factures des nuitées d’hôtel (${nuitees} nuitée${nuitees > 1 ? 's' : ''} à rembourser).` });
  }
  const modes = [...new Set(e.lignes.map((l) => l.mode).filter((m) => MODES_AVEC_BILLETS.has(m)))];
  if (modes.length > 0) {
    requises.push({ groupe: 'deplacement', code: 'billet_transport', libelle: `Billets de transport (${modes.map((m) => LIBELLE_MODE_TRANSPORT[m]).join(', ')}).` });
  }
  return requises;
}

/** The format a file holds, read from its first bytes (never from its name); null: none of the allowed ones. */
export function typeSelonContenu(o: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/gif' | null {
  const debut = (sig: number[]) => o.length >= sig.length && sig.every((b, i) => o[i] === b);
  if (debut([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (debut([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'; // \x89PNG\r\n\x1a\n
  if (debut([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (debut([0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) || debut([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) return 'image/gif'; // GIF87a, GIF89a
  return null;
}

const LIBELLE_TYPE: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/gif': 'GIF' };

export const messageTailleMax = () => `Fichier : la taille est limitée à 5 Mo par document ; réduisez-le (par exemple en le numérisant en 150 ppp) puis déposez-le à nouveau.`;
export const messageNombreMax = (groupe: GroupePiece) =>
  `Fichier : ${PIECES_MAX_PAR_GROUPE} documents au plus peuvent être déposés pour le ${LIBELLE_GROUPE_PIECE[groupe]} ; supprimez-en un avant d’en déposer un autre.`;

/** The name's checks alone (the server makes them before reading the body). */
export function verifierNom(nom: string): { extension: ExtensionPiece } | { erreur: string } {
  const point = nom.lastIndexOf('.');
  const extension = point >= 0 ? nom.slice(point + 1).toLowerCase() : '';
  const base = point >= 0 ? nom.slice(0, point) : nom;
  if (!(EXTENSIONS_PIECES as readonly string[]).includes(extension)) {
    return { erreur: `Fichier : le format doit être l’un de ${EXTENSIONS_PIECES.map((e) => `.${e}`).join(', ')} (« ${nom} » n’en est pas un).` };
  }
  if (base.length === 0) return { erreur: 'Fichier : le nom du fichier est vide avant son extension.' };
  if (base.length > LONGUEUR_MAX_NOM_PIECE) {
    return { erreur: `Fichier : le nom compte ${base.length} caractères, ${LONGUEUR_MAX_NOM_PIECE} au plus sont acceptés (sans l’extension) ; renommez le fichier.` };
  }
  if (!/^[A-Za-z0-9_-]+$/.test(base)) {
    return { erreur: 'Fichier : le nom ne peut contenir que des lettres sans accent, des chiffres, « _ » et « - » (ni espace ni point) ; renommez le fichier.' };
  }
  return { extension: extension as ExtensionPiece };
}

/**
 * The seed's rules for one uploaded receipt: extension .jpeg .jpg .png .pdf .gif, the format read from
 * the content and matching the extension (a « .pdf » holding a web page is refused), a name of at most 50
 * letters, digits, « _ » and « - » before the extension, at most 5 Mo, at most 20 per group.
 * `dejaDansLeGroupe`: the receipts already in the group. The first failed rule, in French naming the field.
 */
export function verifierFichier(nom: string, taille: number, premiersOctets: Uint8Array, dejaDansLeGroupe: number, groupe: GroupePiece = 'paie'): { typeMime: string } | { erreur: string } {
  if (dejaDansLeGroupe >= PIECES_MAX_PAR_GROUPE) return { erreur: messageNombreMax(groupe) };
  const n = verifierNom(nom);
  if ('erreur' in n) return n;
  if (taille <= 0) return { erreur: 'Fichier : le document est vide.' };
  if (taille > TAILLE_MAX_PIECE) return { erreur: messageTailleMax() };
  const attendu = TYPE_SELON_EXTENSION[n.extension];
  const lu = typeSelonContenu(premiersOctets);
  if (lu === null) {
    return { erreur: `Fichier : le contenu de « ${nom} » n’est pas un document ${LIBELLE_TYPE[attendu]} (seuls les fichiers PDF, PNG, JPEG et GIF sont acceptés).` };
  }
  if (lu !== attendu) {
    return { erreur: `Fichier : « ${nom} » contient un document ${LIBELLE_TYPE[lu]}, pas ${LIBELLE_TYPE[attendu]} : renommez-le avec l’extension qui correspond à son contenu.` };
  }
  return { typeMime: lu };
}
