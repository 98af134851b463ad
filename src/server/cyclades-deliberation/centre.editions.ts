// The chef de centre de délibération's editions (seed 001), on the platform's PDF toolkit: the check of
// the missing contrôle grades, the procès-verbaux individuels de notes (PVI) and the papillons d'accès
// aux jurys of the plan de secours, the PV de tenue de délibération (its three documents, each with the
// président's signature area), the liste d'affichage des admis, the liste des non admis and the liste
// des candidats présumés fraudeurs ou inscrits en liste rouge.
//
// These builders take plain data, already scoped and decided by the service: they print, nothing else.
// Every one streams (built while it is read) and yields to the event loop between pages.
import type { Readable } from 'node:stream';
import { formatCoefficient, LIBELLE_NOTE_MANQUANTE, type OralControle } from '../../domain/cyclades/deliberation.ts';
import { genererPdf, type ColonnePdf, type DocumentPdf } from '../platform/documents/pdf.ts';
import { dateHeureFr } from '../platform/documents/tableau.ts';

export const TITRE_NOTES_MANQUANTES = "CONTROLE DES NOTES MANQUANTES A L'EPREUVE DE CONTROLE";
export const TITRE_PVI = 'Procès-verbal individuel de notes';
export const TITRE_PAPILLONS_JURYS = "Papillons d'accès aux jurys — portail CYCLADES-JURY de secours";
export const TITRE_PV = "Procès-verbal de tenue de délibération de l'épreuve de contrôle";
export const TITRE_LISTE_ADMIS = "Liste d'affichage des admis";
export const TITRE_LISTE_NON_ADMIS = 'Liste des non admis';
export const TITRE_LISTE_ROUGE = 'Liste des candidats présumés fraudeurs ou inscrits en liste rouge';

/** The seed's warning on the papillons (§3). */
export const AVERTISSEMENT_PAPILLON =
  "À utiliser seulement avec l'accord de votre correspondant académique (nécessite l'intervention de la DSII). Cette adresse n'est disponible qu'en cas de nécessité et après autorisation du RSSI académique.";
export const MENTION_NE_PAS_AFFICHER = 'Liste à ne pas afficher.';
export const MENTION_A_AFFICHER = 'À afficher dans le centre de délibération.';

export type DocumentPv = 'admis' | 'notes_modifiees' | 'non_admis';
export const DOCUMENTS_PV: readonly DocumentPv[] = ['admis', 'notes_modifiees', 'non_admis'];
export const TITRE_DOCUMENT_PV: Record<DocumentPv, string> = {
  admis: 'PV des admis',
  notes_modifiees: 'PV de la liste des notes modifiées au cours de la délibération',
  non_admis: 'PV des candidats non admis',
};

// ---------------------------------------------------------------------------------------------
// Data the editions print

export interface EnteteEdition {
  /** "ACADEMIE DE RENNES" */
  academie: string;
  /** "LPO BREQUIGNY – RENNES CEDEX 2 (0350059Z)" */
  centre: string;
  /** "BCP JUIN 2026" */
  session: string;
  editeLe: Date;
}

export interface JuryEdite {
  numero: string;
  specialite: string;
}

export interface CandidatEdite {
  numeroCandidat: string;
  nom: string;
  prenom: string;
}

export interface LigneNotesManquantes extends CandidatEdite {
  manquantes: string[];
  /** "LPO BREQUIGNY – RENNES CEDEX 2 (0350059Z)" */
  centreControle: string;
}

export interface NoteEditee {
  libelle: string;
  coefficient: number;
  /** "12,50", "ABS", "DISP"… */
  note: string;
  /** Points counted, or null when out of the average. */
  points: number | null;
  facultative: boolean;
}

export interface Pvi extends CandidatEdite {
  dateNaissance: string | null;
  centreControle: string;
  notes: NoteEditee[];
  moyenne: string;
  moyenneProfessionnelle: string | null;
  decision: string;
  /**
   * For each oral: the first-group épreuve it may replace (chosen at registration) and its grade; the
   * oral's grade when already entered ("14,50", "ABS"), null to be written by the jury.
   */
  oraux: Array<{ oral: OralControle; epreuve: string; notePremierGroupe: string; noteOrale?: string | null }>;
}

export interface PapillonJury extends JuryEdite {
  url: string;
  login: string;
  motDePasse: string;
}

export interface ResultatEdite extends CandidatEdite {
  /** "Admis", "Ajourné"… */
  decision: string;
  moyenne: string | null;
  mention: string | null;
  /** "1er groupe" or "Epreuve de contrôle". */
  groupe: string;
  /** Presumed fraudulent: marked on the PV, its result not published before the disciplinary decision. */
  presumeFraudeur?: boolean;
}

/** What the PV says of a presumed fraudster (issue 13 §18). */
export const OBSERVATION_PRESUME_FRAUDEUR = 'Présumé fraudeur : résultat non publié avant la décision disciplinaire';

export interface ModificationEditee extends CandidatEdite {
  epreuve: string;
  ancienne: string;
  nouvelle: string;
  par: string;
  le: Date;
  motif: string;
}

export interface JuryPv extends JuryEdite {
  admis: ResultatEdite[];
  nonAdmis: ResultatEdite[];
  modifications: ModificationEditee[];
}

export interface LigneListeRouge extends CandidatEdite {
  jury: string;
  listeRouge: boolean;
  presumeFraudeur: boolean;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Points with 2 decimals, up to 4 when exact needs them (12,25 × 1,5 = 18,375). */
function texteP(points: number): string {
  return points.toFixed(4).replace(/0{1,2}$/, '').replace('.', ',');
}

const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** By nom, then prénom, then numéro (lists and PV). */
export function parNom<T extends CandidatEdite>(lignes: readonly T[]): T[] {
  return [...lignes].sort((a, b) => COLLATOR.compare(a.nom, b.nom) || COLLATOR.compare(a.prenom, b.prenom) || a.numeroCandidat.localeCompare(b.numeroCandidat));
}

const libelleJury = (j: JuryEdite) => `Jury : ${j.numero} — ${j.specialite}`;

function options(e: EnteteEdition, titre: string, sousTitre?: string) {
  return {
    entete: { academie: e.academie, etablissement: `Centre de délibération : ${e.centre}` },
    titre,
    sousTitre: sousTitre ? `${sousTitre} — ${e.session}` : e.session,
    editeLe: e.editeLe,
    auteur: 'CYCLADES',
  };
}

const COLONNES_CANDIDAT: ColonnePdf<CandidatEdite>[] = [
  { libelle: 'N° Candidat', valeur: (l) => l.numeroCandidat, largeur: 1.3 },
  { libelle: 'Nom', valeur: (l) => l.nom, largeur: 1.3 },
  { libelle: 'Prénom', valeur: (l) => l.prenom, largeur: 1.1 },
];

/** The président's signature area, at the end of each document of the PV. */
function signature(doc: DocumentPdf, j: JuryEdite): void {
  doc.espace(14);
  doc.paragraphe(`Jury ${j.numero} — Le président du jury (ou le vice-président ayant modifié des notes en délibération)`, { style: 'gras' });
  doc.paragraphe('Nom et prénom : ..................................................................................................');
  doc.paragraphe('Fait à ......................................................, le ......../......../................');
  doc.paragraphe('Signature :');
  doc.espace(48);
}

// ---------------------------------------------------------------------------------------------
// Contrôler les notes manquantes (seed 001 §2)

export function pdfNotesManquantes(e: EnteteEdition, titreEdition: string, jurys: ReadonlyArray<{ jury: JuryEdite; lignes: LigneNotesManquantes[] }>): Readable {
  return genererPdf({ ...options(e, TITRE_NOTES_MANQUANTES, titreEdition), orientation: 'paysage' }, async (doc) => {
    for (const { jury, lignes } of jurys) {
      doc.intertitre(`Jury : ${jury.numero}`);
      doc.paragraphe(`Spécialité : ${jury.specialite}`, { taille: 9 });
      await doc.tableau<LigneNotesManquantes>({
        colonnes: [
          ...COLONNES_CANDIDAT,
          { libelle: 'Note(s) manquante(s)', valeur: (l) => l.manquantes.join('\n'), largeur: 2.8 },
          { libelle: 'Centre épreuve de contrôle', valeur: (l) => l.centreControle, largeur: 2.2 },
        ],
        lignes: parNom(lignes),
        siVide: 'Pas de notes manquantes.',
        taillePolice: 8.5,
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Plan de secours (seed 001 §3): PVI and papillons

// Few text runs per page (lines of one style share one): a plan de secours prints 1,500 of them.
async function ecrirePvi(doc: DocumentPdf, jury: JuryEdite, p: Pvi): Promise<void> {
  const naissance = p.dateNaissance ? `${p.dateNaissance.slice(8, 10)}/${p.dateNaissance.slice(5, 7)}/${p.dateNaissance.slice(0, 4)}` : 'Non renseignée';
  doc.paragraphe(`${libelleJury(jury)}\nN° Candidat : ${p.numeroCandidat}\n${p.nom} ${p.prenom}`, { style: 'gras', taille: 11 });
  doc.paragraphe(`Date de naissance : ${naissance}\nCentre épreuve de contrôle : ${p.centreControle}`);
  doc.intertitre('Notes du 1er groupe');
  await doc.tableau<NoteEditee>({
    colonnes: [
      { libelle: 'Epreuve', valeur: (n) => (n.facultative ? `${n.libelle} (facultative)` : n.libelle), largeur: 4 },
      { libelle: 'Coef.', valeur: (n) => formatCoefficient(n.coefficient), alignement: 'droite', largeur: 0.7 },
      { libelle: 'Note', valeur: (n) => n.note, alignement: 'droite', largeur: 1.2 },
      { libelle: 'Points', valeur: (n) => (n.points === null ? '—' : texteP(n.points)), alignement: 'droite', largeur: 0.9 },
    ],
    lignes: p.notes,
    taillePolice: 8.5,
  });
  const moyennes = [`Moyenne générale du 1er groupe : ${p.moyenne}`, ...(p.moyenneProfessionnelle ? [`Moyenne des épreuves professionnelles : ${p.moyenneProfessionnelle}`] : []), `Décision du 1er groupe : ${p.decision}`];
  doc.paragraphe(moyennes.join('\n'), { style: 'gras' });
  doc.intertitre('Epreuve de contrôle');
  doc.paragraphe(
    p.oraux
      .map((o) => `${LIBELLE_NOTE_MANQUANTE[o.oral]} — remplace, si elle est meilleure, la note de ${o.epreuve} (${o.notePremierGroupe})\nNote obtenue : ${o.noteOrale ? (o.noteOrale === 'ABS' ? 'absent' : `${o.noteOrale} / 20`) : '............ / 20'}`)
      .join('\n'),
  );
  doc.paragraphe("Moyenne après l'épreuve de contrôle : ............      Décision du jury : ....................................\n\nLe président du jury — Nom, prénom et signature :", { style: 'gras' });
}

/** One page per candidate admissible to the contrôle, in the order given. */
export function pdfPvi(e: EnteteEdition, jury: JuryEdite, pvis: readonly Pvi[]): Readable {
  return genererPdf(options(e, TITRE_PVI, `Jury ${jury.numero}`), async (doc) => {
    for (const [i, p] of pvis.entries()) {
      if (i > 0) doc.sautDePage();
      await ecrirePvi(doc, jury, p);
      await doc.respirer();
    }
  });
}

/** One papillon per page: the backup portal's address, the jury's login and password. */
export function pdfPapillonsJurys(e: EnteteEdition, papillons: readonly PapillonJury[]): Readable {
  return genererPdf(options(e, TITRE_PAPILLONS_JURYS), async (doc) => {
    for (const [i, p] of papillons.entries()) {
      if (i > 0) doc.sautDePage();
      doc.paragraphe(`${libelleJury(p)}`, { style: 'gras', taille: 12 });
      doc.paragraphe('Informations utiles au jury pour accéder au portail CYCLADES-JURY de secours :', { taille: 10 });
      doc.cleValeur(
        [
          ["URL d'accès", p.url],
          ['Login du jury', p.login],
          ['Mot de passe', p.motDePasse],
        ],
        12,
        { sansCrenage: true },
      );
      doc.paragraphe(AVERTISSEMENT_PAPILLON, { style: 'italique', taille: 9 });
      await doc.respirer();
    }
    if (papillons.length === 0) doc.paragraphe('Aucun jury.', { style: 'italique' });
  });
}

// ---------------------------------------------------------------------------------------------
// PV de tenue de délibération (seed 001 §5)

const COLONNES_RESULTAT: ColonnePdf<ResultatEdite>[] = [
  ...COLONNES_CANDIDAT,
  { libelle: 'Moyenne', valeur: (l) => l.moyenne ?? '', alignement: 'droite', largeur: 0.8 },
  { libelle: 'Décision', valeur: (l) => l.decision, largeur: 1 },
  { libelle: 'Mention', valeur: (l) => l.mention ?? '', largeur: 1.3 },
  { libelle: 'À l\'issue du', valeur: (l) => l.groupe, largeur: 1.1 },
  { libelle: 'Observation', valeur: (l) => (l.presumeFraudeur ? OBSERVATION_PRESUME_FRAUDEUR : ''), largeur: 1.8 },
];

async function ecrireDocumentPv(doc: DocumentPdf, j: JuryPv, d: DocumentPv): Promise<void> {
  doc.intertitre(`${TITRE_DOCUMENT_PV[d]} — ${libelleJury(j)}`);
  if (d === 'notes_modifiees') {
    await doc.tableau<ModificationEditee>({
      colonnes: [
        ...COLONNES_CANDIDAT,
        { libelle: 'Epreuve', valeur: (m) => m.epreuve, largeur: 1.8 },
        { libelle: 'Ancienne note', valeur: (m) => m.ancienne, alignement: 'droite', largeur: 0.8 },
        { libelle: 'Nouvelle note', valeur: (m) => m.nouvelle, alignement: 'droite', largeur: 0.8 },
        { libelle: 'Modifiée par', valeur: (m) => m.par, largeur: 1.2 },
        { libelle: 'Le', valeur: (m) => dateHeureFr(m.le), largeur: 1 },
        { libelle: 'Motif', valeur: (m) => m.motif, largeur: 1.6 },
      ],
      lignes: j.modifications,
      siVide: "Aucune note n'a été modifiée au cours de la délibération.",
      taillePolice: 8,
    });
  } else {
    const lignes = parNom(d === 'admis' ? j.admis : j.nonAdmis);
    await doc.tableau({ colonnes: COLONNES_RESULTAT, lignes, siVide: d === 'admis' ? 'Aucun candidat admis.' : 'Aucun candidat non admis.', taillePolice: 8.5 });
    doc.paragraphe(`Nombre de candidats : ${lignes.length}`, { taille: 9 });
  }
  signature(doc, j);
}

/**
 * The PV of the juries given: each jury's documents, each starting on a new page. "Une édition
 * contenant tous les documents du PV": every document; a ZIP entry: one document of one jury.
 */
export function pdfPv(e: EnteteEdition, jurys: readonly JuryPv[], documents: readonly DocumentPv[] = DOCUMENTS_PV): Readable {
  const titre = documents.length === 1 ? `${TITRE_PV} — ${TITRE_DOCUMENT_PV[documents[0]!]}` : TITRE_PV;
  return genererPdf({ ...options(e, titre), orientation: 'paysage' }, async (doc) => {
    let premier = true;
    for (const j of jurys) {
      for (const d of documents) {
        if (!premier) doc.sautDePage();
        premier = false;
        await ecrireDocumentPv(doc, j, d);
        await doc.respirer();
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Listes des résultats (seed 001 §6) and liste rouge

type Liste = 'admis' | 'non_admis';

const LISTES: Record<Liste, { titre: string; mention: string; style: 'italique' | 'gras'; colonnes: ColonnePdf<ResultatEdite>[]; siVide: string }> = {
  admis: {
    titre: TITRE_LISTE_ADMIS,
    mention: MENTION_A_AFFICHER,
    style: 'italique',
    colonnes: [
      { libelle: 'Nom', valeur: (l) => l.nom, largeur: 1.5 },
      { libelle: 'Prénom', valeur: (l) => l.prenom, largeur: 1.3 },
      { libelle: 'Mention', valeur: (l) => l.mention ?? '', largeur: 1.5 },
    ],
    siVide: 'Aucun candidat admis.',
  },
  non_admis: {
    titre: TITRE_LISTE_NON_ADMIS,
    mention: MENTION_NE_PAS_AFFICHER,
    style: 'gras',
    colonnes: [
      ...COLONNES_CANDIDAT,
      { libelle: 'Moyenne', valeur: (l) => l.moyenne ?? '', alignement: 'droite', largeur: 0.8 },
      { libelle: 'Décision', valeur: (l) => l.decision, largeur: 1 },
      { libelle: "À l'issue du", valeur: (l) => l.groupe, largeur: 1.1 },
    ],
    siVide: 'Aucun candidat non admis.',
  },
};

/**
 * « Liste d'affichage des admis » (to post in the centre: the caller has left out every liste-rouge and
 * présumé-fraudeur candidate) or « Liste des non admis » (not to post), one jury per page.
 */
export function pdfListeResultats(e: EnteteEdition, titreEdition: string, liste: Liste, jurys: ReadonlyArray<{ jury: JuryEdite; candidats: ResultatEdite[] }>): Readable {
  const l = LISTES[liste];
  return genererPdf(options(e, l.titre, titreEdition), async (doc) => {
    doc.paragraphe(l.mention, { style: l.style, taille: 9 });
    for (const [i, { jury, candidats }] of jurys.entries()) {
      if (i > 0) doc.sautDePage();
      doc.intertitre(libelleJury(jury));
      await doc.tableau<ResultatEdite>({ colonnes: l.colonnes, lignes: parNom(candidats), siVide: l.siVide, taillePolice: 9 });
    }
  });
}

export function pdfListeRouge(e: EnteteEdition, titreEdition: string, lignes: readonly LigneListeRouge[]): Readable {
  return genererPdf(options(e, TITRE_LISTE_ROUGE, titreEdition), async (doc) => {
    doc.paragraphe('Ces candidats sont exclus des listes officielles d’affichage des résultats.', { style: 'italique', taille: 9 });
    const tries = [...lignes].sort((a, b) => a.jury.localeCompare(b.jury) || COLLATOR.compare(a.nom, b.nom) || COLLATOR.compare(a.prenom, b.prenom));
    await doc.tableau<LigneListeRouge>({
      colonnes: [
        { libelle: 'Jury', valeur: (l) => l.jury, largeur: 0.7 },
        ...COLONNES_CANDIDAT,
        { libelle: 'Liste rouge', valeur: (l) => (l.listeRouge ? 'Oui' : 'Non'), largeur: 0.8 },
        { libelle: 'Présumé fraudeur', valeur: (l) => (l.presumeFraudeur ? 'Oui' : 'Non'), largeur: 0.9 },
      ],
      lignes: tries,
      siVide: "Aucun candidat présumé fraudeur ou inscrit en liste rouge dans les jurys de votre centre.",
      taillePolice: 8.5,
    });
  });
}
