// The papillons de connexion (seed 002 §1.1): one per page, or two per page, one in each half of the
// A4 sheet with the dashed cut line at mid-page (a guillotine cuts the stack in one stroke). Each
// papillon is complete by itself once cut: the « Titre édition » of a regeneration, académie, session,
// candidate, the grouping, the identifiant and the temporary password, the espace candidat address and
// the advice to change it.
import type { Readable } from 'node:stream';
import { genererPdf, type DocumentPdf } from '../platform/documents/pdf.ts';

export interface Papillon {
  nom: string;
  prenom: string;
  numeroCandidat: string;
  session: string;
  /** "Division de classe : 3A". */
  regroupement: string;
  login: string;
  motDePasse: string;
}

export interface OptionsPapillons {
  /** "ACADÉMIE DE RENNES". */
  academie: string;
  /** "CLG DU PARC RENNES (0350711H)". */
  etablissement: string;
  /** ctx.config.publicUrl + /connexion/candidat */
  adresseEspaceCandidat: string;
  editeLe: Date;
  parPage: 1 | 2;
  /** « Titre édition » typed for a regeneration (seed 002 §2), printed on every papillon. */
  titreEdition?: string;
}

export const TITRE_PAPILLONS = 'Papillons de connexion à l’espace candidat CYCLADES';
export const INVITE = 'Identifiez-vous avec le compte qui vous a été attribué :';
export const CONSEIL = '(*) Nous vous conseillons de changer ce mot de passe lors de votre première connexion.';
export const LEGENDE_DECOUPE = 'Découpez selon le pointillé';
/** Room left between the cut line and the second papillon of a page. */
const ECART_DECOUPE = 22;

function ecrirePapillon(doc: DocumentPdf, p: Papillon, o: OptionsPapillons): void {
  // Few text runs per papillon (lines of one style share one): 5,000 papillons are laid out per PDF.
  if (o.titreEdition) doc.paragraphe(o.titreEdition, { style: 'gras', taille: 10 });
  doc.paragraphe(`${o.academie} — Session ${p.session}\n${p.nom} ${p.prenom} — N° candidat : ${p.numeroCandidat}`, { style: 'gras', taille: 11 });
  doc.paragraphe(`${p.regroupement}\n\n${INVITE}`, { taille: 10 });
  doc.paragraphe(`Votre identifiant de connexion : ${p.login}\nVotre mot de passe (*) : ${p.motDePasse}`, { style: 'gras', taille: 12, sansCrenage: true });
  doc.paragraphe(`Connectez-vous à votre espace candidat : ${o.adresseEspaceCandidat}`, { taille: 10 });
  doc.paragraphe(CONSEIL, { style: 'italique', taille: 9 });
}

/** The papillons in the order given (grouping, then nom, prénom), as a PDF stream. */
export function genererPapillons(papillons: readonly Papillon[], o: OptionsPapillons): Readable {
  return genererPdf(
    {
      entete: { academie: o.academie, etablissement: o.etablissement },
      titre: TITRE_PAPILLONS,
      sousTitre: `${o.titreEdition ? `${o.titreEdition} — ` : ''}${o.parPage === 1 ? 'Un papillon par page' : 'Deux papillons par page, à découper selon le pointillé'}`,
      editeLe: o.editeLe,
      auteur: 'CYCLADES',
    },
    async (doc) => {
      for (const [i, p] of papillons.entries()) {
        if (o.parPage === 1) {
          if (i > 0) doc.sautDePage();
        } else if (i % 2 === 0) {
          // The top half: the page's header, then the first papillon; the cut line exactly at mid-page.
          if (i > 0) doc.sautDePage();
          doc.ligneDeDecoupe(doc.hauteurPage / 2, LEGENDE_DECOUPE);
        } else {
          // The bottom half, whatever the length of the first papillon.
          doc.allerA(doc.hauteurPage / 2 + ECART_DECOUPE);
        }
        ecrirePapillon(doc, p, o);
        await doc.respirer();
      }
      if (papillons.length === 0) doc.paragraphe('Aucun papillon.', { style: 'italique' });
    },
  );
}

