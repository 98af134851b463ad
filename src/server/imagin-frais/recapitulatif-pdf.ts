// « Récapitulatif de l'état de frais » (seed 004 §2.4.4.4, issue 16 §6, decision 0031): what the
// intervenant entered and the estimates, the receipts required and deposited, then the receipts
// themselves — every page of each PDF receipt, each image as a full page — so that the intervenant and
// the gestionnaire hold ONE file.
// The first part is the platform's edition (pdfkit, Marianne, header and footer); pdf-lib (pure JS)
// then appends the receipts to it. pdf-lib works on whole documents in memory: at most 2 × 20 receipts
// of 5 MB, read one at a time from the store.
import { Readable } from 'node:stream';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
  type PDFFont,
  type PDFRef,
} from 'pdf-lib';
import { dateFr as dateIsoFr } from '../../domain/imagin/dates.ts';
import { euros } from '../../domain/imagin/icc.ts';
import { libelleSaisie } from '../../domain/imagin/frais/remuneration.ts';
import { LIBELLE_MODE_TRANSPORT, type GroupePiece, type LigneDeplacement, type SaisieRemuneration } from '../../domain/imagin/frais/types.ts';
import type { AppContext } from '../platform/context.ts';
import { genererPdf, TYPE_PDF, type DocumentPdf } from '../platform/documents/pdf.ts';
import { dateFr, dateHeureFr } from '../platform/documents/tableau.ts';
import { introuvable } from '../platform/errors.ts';
import { lireFluxPiece } from './pieces.service.ts';
import { gifEnPng } from './recapitulatif-gif.ts';
import { lireDossier, piecesManquantes, type DossierEtat, type PieceDossier } from './validation.dossier.ts';

export { TYPE_PDF };

export const TITRE_RECAPITULATIF = "Récapitulatif de l'état de frais";
export const PHRASE_COURRIER =
  'Une copie de ce récapitulatif est à joindre en accompagnement des justificatifs si vous les envoyez au service gestionnaire par voie postale.';

const GROUPE: Record<GroupePiece, string> = { paie: 'Dossier paie', deplacement: 'Déplacement' };

/** A receipt to append, read from the store when its turn comes. */
export interface PieceAJoindre {
  nom: string;
  typeMime: string;
  groupe: GroupePiece;
  lire(): Promise<Uint8Array>;
}

async function lireTout(flux: Readable | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const morceaux: Buffer[] = [];
  for await (const m of flux) morceaux.push(Buffer.from(m as Uint8Array));
  return Buffer.concat(morceaux);
}

export function nomFichierRecapitulatif(d: Pick<DossierEtat, 'numeroOrdre' | 'mission'>): string {
  return `recapitulatif-etat-de-frais-${d.numeroOrdre ?? 'provisoire'}-mission-${d.mission.numero}.pdf`;
}

function texteRemuneration(s: SaisieRemuneration | null): Array<[string, string]> {
  if (!s) return [['Saisie', 'Aucune saisie (rémunération calculée par le gestionnaire, ou pas de rémunération)']];
  const lignes: Array<[string, string]> = [['Saisie', libelleSaisie(s)]];
  if (s.type === 'demi_journees') s.demiJournees.forEach((d, i) => lignes.push([`Demi-journée ${i + 1}`, `${dateIsoFr(d.jour)} de ${d.debut} à ${d.fin}`]));
  return lignes;
}

function dateHeureSaisie(s: string): string {
  return `${dateIsoFr(s.slice(0, 10))} ${s.slice(11, 16)}`;
}

function detailLigne(l: LigneDeplacement): string {
  const parts: string[] = [];
  if (l.mode === 'AUTOMOBILE' && l.puissanceFiscale) parts.push(`${l.puissanceFiscale} CV`);
  if (l.km !== null) parts.push(`${l.km} km${l.trajets > 1 ? ` × ${l.trajets} trajets` : ''}`);
  if (l.nuitees) parts.push(`${l.nuitees} nuitée(s)`);
  if (l.repas) parts.push(`${l.repas} repas`);
  if (l.billetsCentimes) parts.push(`billets ${euros(l.billetsCentimes)}`);
  if (l.fraisDiversCentimes) parts.push(`frais divers ${euros(l.fraisDiversCentimes)}${l.commentaire ? ` (${l.commentaire})` : ''}`);
  return parts.join(', ');
}

/** The récapitulatif pages themselves (pdfkit, the platform's edition). */
async function ecrireRecapitulatif(doc: DocumentPdf, d: DossierEtat): Promise<void> {
  doc.cleValeur([
    ["Numéro d'ordre", d.numeroOrdre === null ? 'Attribué à la validation' : String(d.numeroOrdre)],
    ['Validé le', d.valideLe ? dateHeureFr(d.valideLe) : 'Non validé'],
  ]);
  doc.paragraphe("Conservez ce document. Le numéro d'ordre est à rappeler pour tout échange avec le service gestionnaire.", { style: 'italique', taille: 9 });

  doc.intertitre('Intervenant');
  doc.cleValeur([
    ['Nom et prénom', `${d.intervenant.civilite} ${d.intervenant.nom} ${d.intervenant.prenom}`],
    ['Adresse', d.intervenant.adresse || 'Non renseignée'],
  ]);

  doc.intertitre('Mission');
  doc.cleValeur([
    ['Numéro', d.mission.numero],
    ['Examen', `${d.mission.examen} — ${d.mission.session}`],
    ['Type de mission', d.mission.type],
    ['Lieu', d.mission.lieu || 'Non renseigné'],
    ...(d.mission.specialite ? [['Spécialité', d.mission.specialite] as [string, string]] : []),
    ...(d.mission.epreuve ? [['Épreuve-option', d.mission.epreuve] as [string, string]] : []),
    ['Dates', d.mission.dates.map((c) => `${dateIsoFr(c.jour)} ${c.debut} - ${c.fin}`).join(' ; ') || 'Non renseignées'],
  ]);

  doc.intertitre('Rémunération');
  doc.cleValeur([
    ...texteRemuneration(d.remuneration),
    ['Montant estimé', d.montants.remunerationCentimes === null ? 'Calculé par le gestionnaire' : euros(d.montants.remunerationCentimes)],
  ]);

  doc.intertitre('Déplacement');
  await doc.tableau({
    colonnes: [
      { libelle: 'Trajet', valeur: (l: LigneDeplacement) => `${l.villeDepart} → ${l.villeArrivee}`, largeur: 2.2 },
      { libelle: 'Départ', valeur: (l) => dateHeureSaisie(l.depart), largeur: 1.2 },
      { libelle: 'Retour', valeur: (l) => dateHeureSaisie(l.retour), largeur: 1.2 },
      { libelle: 'Mode de transport', valeur: (l) => LIBELLE_MODE_TRANSPORT[l.mode], largeur: 1.6 },
      { libelle: 'Détail', valeur: (l) => detailLigne(l), largeur: 2.6 },
    ],
    lignes: d.lignes,
    siVide: 'Aucun déplacement déclaré.',
  });
  doc.cleValeur([['Montant estimé', d.montants.deplacementCentimes === null ? 'Aucun' : euros(d.montants.deplacementCentimes)]]);
  doc.paragraphe('Les montants sont des estimations calculées avec les taux en vigueur à la date de la mission ; le montant retenu par le gestionnaire prévaut.', {
    style: 'italique',
    taille: 9,
  });

  for (const groupe of ['paie', 'deplacement'] as const) {
    const requises = d.piecesRequises.filter((r) => r.groupe === groupe);
    const deposees = d.pieces.filter((p) => p.groupe === groupe);
    doc.intertitre(groupe === 'paie' ? 'Récapitulatif des pièces justificatives du dossier paie' : 'Récapitulatif des pièces justificatives du déplacement');
    const etat = deposees.length
      ? `Déposée(s) (${deposees.length} fichier(s))`
      : d.piecesParCourrier
        ? 'Envoyée(s) par voie postale'
        : d.piecesDematerialisees
          ? 'Manquante'
          : 'À envoyer par voie postale';
    await doc.tableau({
      colonnes: [
        { libelle: 'Pièce requise', valeur: (r: { libelle: string }) => r.libelle, largeur: 3 },
        { libelle: 'État', valeur: () => etat, largeur: 2 },
      ],
      lignes: requises,
      siVide: 'Aucune pièce requise.',
    });
    if (deposees.length) {
      await doc.tableau({
        legende: 'Fichiers déposés (reproduits à la suite de ce récapitulatif)',
        colonnes: [
          { libelle: 'Fichier', valeur: (p: PieceDossier) => p.nom, largeur: 3 },
          { libelle: 'Déposé le', valeur: (p) => dateFr(p.deposeLe), largeur: 1.2 },
          { libelle: 'Par', valeur: (p) => (p.deposeParGestionnaire ? 'Déposé par le gestionnaire' : "L'intervenant"), largeur: 1.8 },
        ],
        lignes: deposees,
      });
    }
  }
  if (d.piecesParCourrier) doc.paragraphe('Les pièces justificatives sont envoyées par voie postale au service gestionnaire.', { style: 'gras' });
  else if (!d.piecesDematerialisees && d.piecesRequises.length)
    doc.paragraphe("Votre académie ne prévoit pas le dépôt des pièces justificatives en ligne : envoyez-les par voie postale au service gestionnaire.", { style: 'gras' });
  const manquantes = piecesManquantes(d);
  if (manquantes.length) doc.paragraphe(`Pièces manquantes : ${manquantes.map((m) => m.libelle).join(', ')}.`, { style: 'gras' });
  doc.paragraphe(PHRASE_COURRIER);
}

// ---------------------------------------------------------------------------------------------
// Appending the receipts (pdf-lib).

const A4: [number, number] = [595.28, 841.89];
const MARGE = 28;

/** A page saying a receipt could not be reproduced (protected PDF, unreadable image). */
function pageIllisible(sortie: PDFDocument, police: PDFFont, p: PieceAJoindre, raison: string): void {
  const page = sortie.addPage(A4);
  const lignes = [
    `Pièce justificative (${GROUPE[p.groupe]}) : ${p.nom}`,
    `Cette pièce n'a pas pu être reproduite ici (${raison}).`,
    "Elle reste téléchargeable depuis l'état de frais.",
  ];
  lignes.forEach((t, i) => page.drawText(t, { x: 50, y: A4[1] - 80 - i * 18, size: 11, font: police, color: rgb(0.09, 0.09, 0.09) }));
}

/** An image in the output document: its XObject, its size in pixels, its EXIF orientation (JPEG). */
interface ImageEmbarquee {
  ref: PDFRef;
  largeur: number;
  hauteur: number;
  /** 1: as stored; 3: upside down; 6: to turn 90° clockwise; 8: to turn 90° anticlockwise. */
  orientation?: number;
}

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0): phones store photos as the sensor saw them and
 * say how to turn them. 1 when absent or unreadable; mirrored orientations (2, 4, 5, 7) read as 1.
 */
export function orientationJpeg(o: Uint8Array): number {
  const b = Buffer.from(o.buffer, o.byteOffset, o.byteLength);
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return 1;
  for (let p = 2; p + 4 <= b.length; ) {
    if (b[p] !== 0xff) return 1;
    const marqueur = b[p + 1]!;
    if (marqueur === 0xda || marqueur === 0xd9) return 1; // image data: no EXIF before it
    const n = b.readUInt16BE(p + 2);
    if (marqueur === 0xe1 && b.toString('latin1', p + 4, p + 10) === 'Exif\0\0') {
      const t = p + 10;
      const le = b.toString('latin1', t, t + 2) === 'II';
      const u16 = (q: number) => (le ? b.readUInt16LE(q) : b.readUInt16BE(q));
      const u32 = (q: number) => (le ? b.readUInt32LE(q) : b.readUInt32BE(q));
      const ifd = t + u32(t + 4);
      if (ifd + 2 > b.length) return 1;
      const entrees = u16(ifd);
      for (let i = 0; i < entrees; i++) {
        const e = ifd + 2 + i * 12;
        if (e + 12 > b.length) return 1;
        if (u16(e) === 0x0112) {
          const v = u16(e + 8);
          return v === 3 || v === 6 || v === 8 ? v : 1;
        }
      }
      return 1;
    }
    p += 2 + n;
  }
  return 1;
}

/**
 * A PNG whose compressed data PDF reads as is (FlateDecode with the PNG predictors): 8-bit grey or RGB,
 * or a palette, not interlaced, without transparency — scans and photos, the usual receipts. Its IDAT
 * chunks are copied, nothing is decoded nor compressed again (pdf-lib's embedPng decodes and re-encodes
 * every pixel: seconds for 20 photos). Otherwise null, and pdf-lib's general path is used.
 */
function pngDirect(sortie: PDFDocument, o: Uint8Array): ImageEmbarquee | null {
  const b = Buffer.from(o.buffer, o.byteOffset, o.byteLength);
  if (b.length < 33 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  const largeur = b.readUInt32BE(16);
  const hauteur = b.readUInt32BE(20);
  const bits = b[24]!;
  const couleur = b[25]!;
  if (b[28] !== 0 || b[26] !== 0 || b[27] !== 0) return null; // interlaced, or unknown methods
  if (!(couleur === 0 || couleur === 2 || couleur === 3)) return null; // alpha channels: general path
  if (couleur !== 3 && bits !== 8) return null;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let p = 8; p + 8 <= b.length; ) {
    const n = b.readUInt32BE(p);
    const type = b.toString('ascii', p + 4, p + 8);
    const donnees = b.subarray(p + 8, p + 8 + n);
    if (type === 'PLTE') palette = donnees;
    else if (type === 'tRNS') return null;
    else if (type === 'IDAT') idat.push(donnees);
    else if (type === 'IEND') break;
    p += 12 + n;
  }
  if (!idat.length || (couleur === 3 && !palette)) return null;
  const composantes = couleur === 2 ? 3 : 1;
  const espace =
    couleur === 0
      ? PDFName.of('DeviceGray')
      : couleur === 2
        ? PDFName.of('DeviceRGB')
        : sortie.context.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), palette!.length / 3 - 1, PDFHexString.of(palette!.toString('hex'))]);
  const dict = sortie.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: largeur,
    Height: hauteur,
    BitsPerComponent: bits,
    ColorSpace: espace,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: composantes, BitsPerComponent: bits, Columns: largeur },
  });
  return { ref: sortie.context.register(PDFRawStream.of(dict, Buffer.concat(idat))), largeur, hauteur };
}

async function embarquerImage(sortie: PDFDocument, typeMime: string, octets: Uint8Array): Promise<ImageEmbarquee | null> {
  if (typeMime === 'image/png' || typeMime === 'image/gif') {
    const png = typeMime === 'image/gif' ? gifEnPng(octets) : octets;
    const direct = pngDirect(sortie, png);
    if (direct) return direct;
    const i = await sortie.embedPng(png);
    return { ref: i.ref, largeur: i.width, hauteur: i.height };
  }
  if (typeMime === 'image/jpeg') {
    // pdf-lib reads a JPEG through its whole ArrayBuffer, ignoring the view's offset: a small Buffer cut
    // from Node's shared pool would be read from the wrong bytes (« SOI not found »). A copy starts at 0.
    const i = await sortie.embedJpg(new Uint8Array(octets));
    return { ref: i.ref, largeur: i.width, hauteur: i.height, orientation: orientationJpeg(octets) };
  }
  return null;
}

/** An image receipt as a full A4 page (turned to landscape for a wide image), with its name on top. */
function pageImage(sortie: PDFDocument, police: PDFFont, p: PieceAJoindre, image: ImageEmbarquee): void {
  const tourne = image.orientation === 6 || image.orientation === 8;
  // The size as the photo is seen (turned as EXIF says).
  const [vueL, vueH] = tourne ? [image.hauteur, image.largeur] : [image.largeur, image.hauteur];
  const [l, h] = vueL > vueH ? [A4[1], A4[0]] : A4;
  const page = sortie.addPage([l, h]);
  page.drawText(`Pièce justificative (${GROUPE[p.groupe]}) : ${p.nom}`, { x: MARGE, y: h - MARGE - 6, size: 9, font: police, color: rgb(0.09, 0.09, 0.09) });
  const dispoL = l - 2 * MARGE;
  const dispoH = h - 2 * MARGE - 14;
  const echelle = Math.min(dispoL / vueL, dispoH / vueH, 1.5);
  const w = vueL * echelle;
  const hh = vueH * echelle;
  const x = (l - w) / 2;
  const y = MARGE + (dispoH - hh) / 2;
  // The image's unit square onto the box (x, y, w, hh), turned as its orientation says.
  const matrice: [number, number, number, number, number, number] =
    image.orientation === 6 ? [0, -hh, w, 0, x, y + hh] : image.orientation === 8 ? [0, hh, -w, 0, x + w, y] : image.orientation === 3 ? [-w, 0, 0, -hh, x + w, y + hh] : [w, 0, 0, hh, x, y];
  const nom = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrice), drawObject(nom), popGraphicsState());
}

/**
 * The récapitulatif followed by the receipts: each PDF page by page, each image as a page. Returns the
 * bytes and how many pages come from the récapitulatif itself.
 */
export async function assemblerRecapitulatif(recapitulatif: Uint8Array, pieces: Iterable<PieceAJoindre> | AsyncIterable<PieceAJoindre>): Promise<Uint8Array> {
  const sortie = await PDFDocument.load(recapitulatif, { updateMetadata: false });
  const police = await sortie.embedFont(StandardFonts.Helvetica);
  for await (const p of pieces) {
    let octets: Uint8Array;
    try {
      octets = await p.lire();
    } catch {
      pageIllisible(sortie, police, p, 'fichier introuvable dans le stockage');
      continue;
    }
    try {
      if (p.typeMime === 'application/pdf') {
        const source = await PDFDocument.load(octets, { ignoreEncryption: true, updateMetadata: false });
        if (source.isEncrypted) {
          pageIllisible(sortie, police, p, 'PDF protégé par un mot de passe');
          continue;
        }
        const pages = await sortie.copyPages(source, source.getPageIndices());
        for (const page of pages) sortie.addPage(page);
      } else {
        const image = await embarquerImage(sortie, p.typeMime, octets);
        if (image) pageImage(sortie, police, p, image);
        else pageIllisible(sortie, police, p, `type de fichier ${p.typeMime} non reproductible`);
      }
    } catch {
      pageIllisible(sortie, police, p, 'fichier illisible');
    }
  }
  return sortie.save({ useObjectStreams: false });
}

/** The récapitulatif of this dossier with its receipts, read through `lirePiece`. */
export async function construireRecapitulatif(d: DossierEtat, editeLe: Date, lirePiece: (p: PieceDossier) => Promise<Uint8Array>): Promise<Uint8Array> {
  const recap = await lireTout(
    genererPdf({ entete: { academie: d.academie, etablissement: "Service de gestion des frais d'examens" }, titre: TITRE_RECAPITULATIF, sousTitre: `Mission n° ${d.mission.numero} — ${d.mission.type}`, editeLe, auteur: "IMAG'IN" }, (doc) =>
      ecrireRecapitulatif(doc, d),
    ),
  );
  return assemblerRecapitulatif(
    recap,
    d.pieces.map((p) => ({ nom: p.nom, typeMime: p.typeMime, groupe: p.groupe, lire: () => lirePiece(p) })),
  );
}

/** The récapitulatif of a dossier already read, as a stream (the PDF's bytes, not copied). */
export async function recapitulatifDuDossier(ctx: AppContext, d: DossierEtat): Promise<Readable> {
  const octets = await construireRecapitulatif(d, ctx.clock.now(), async (p) => lireTout(await lireFluxPiece(ctx, p)));
  return Readable.from([Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength)]);
}

/**
 * The récapitulatif PDF of an état (with its receipts), as a stream: for the validation (stored), and for
 * the gestionnaire's and the liquidation's needs (E, F). No scope check here: the caller has done it.
 */
export async function genererRecapitulatif(ctx: AppContext, etatFraisId: number): Promise<Readable> {
  const d = await lireDossier(ctx.db, etatFraisId, ctx.clock.now());
  if (!d) throw introuvable("Cet état de frais n'existe pas.");
  return recapitulatifDuDossier(ctx, d);
}
