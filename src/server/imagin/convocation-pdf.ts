// The convocation of an intervenant to a mission, as a PDF: académie header, the intervenant, the
// mission (session, épreuve, centre and its address, qualité, commission, jury, salle), its dates with
// the weekday and hours, the observations and the signature block (003 §4.2, §4.4). Used for the
// duplicata (issue 4, "Affectations convoquées") and the centre's convocations (issue 5).
import type { Readable } from 'node:stream';
import { dateFr, heureCourte, jourSemaine } from '../../domain/imagin/dates.ts';
import { intituleAcademie } from '../../domain/referentiel/academies.ts';
import { genererPdf, type DocumentPdf, type OptionsPdf } from '../platform/documents/pdf.ts';
import { dateFr as dateFrParis } from '../platform/documents/tableau.ts';
import type { DonneesConvocation } from './convocation.repo.ts';

export const MENTION_CENTRE = "Dossier suivi par le centre d'examen";

export interface OptionsConvocation {
  /** The edition date printed in the footer and after "Fait à …, le". */
  editeLe: Date;
  /** A copy of a convocation already edited: "Duplicata" under the title. */
  duplicata?: boolean;
}

export function optionsPdfConvocation(d: DonneesConvocation, o: OptionsConvocation): OptionsPdf {
  return {
    entete: {
      academie: intituleAcademie(d.academie),
      // The sender: the centre for a convocation it made, otherwise the division des examens.
      etablissement: d.origine === 'centre' && d.centre ? `${d.centre.libelle} (${d.centre.uai})` : 'DIVISION DES EXAMENS ET CONCOURS',
    },
    titre: 'Convocation',
    sousTitre: o.duplicata ? 'Duplicata' : undefined,
    editeLe: o.editeLe,
    auteur: d.academie.interAcademique ? `IMAG'IN - ${d.academie.libelle}` : `IMAG'IN - Académie de ${d.academie.libelle}`,
  };
}

function adresse(...parties: Array<string | null | undefined>): string {
  return parties.map((p) => (p ?? '').trim()).filter(Boolean).join(' ');
}

/** Writes one convocation into `doc` (several convocations can follow one another, one per page). */
export async function ecrireConvocation(doc: DocumentPdf, d: DonneesConvocation, o: OptionsConvocation): Promise<void> {
  if (d.origine === 'centre') doc.paragraphe(MENTION_CENTRE, { style: 'gras', alignement: 'droite' });

  const i = d.intervenant;
  doc.paragraphe(`${i.civilite} ${i.nom} ${i.prenom}`, { style: 'gras', taille: 11, alignement: 'droite' });
  const ligneAdresse = adresse(i.adresse);
  const ligneCommune = adresse(i.codePostal, i.commune);
  if (ligneAdresse) doc.paragraphe(ligneAdresse, { alignement: 'droite' });
  if (ligneCommune) doc.paragraphe(ligneCommune, { alignement: 'droite' });
  if (i.etablissementPrincipal) doc.paragraphe(i.etablissementPrincipal, { alignement: 'droite', taille: 9 });
  doc.espace(10);

  if (d.acces) {
    // Seed 004 §2: the identifiant in the convocation's header, the temporary password to change at first login.
    const lignes: Array<[string, string]> = [["Identifiant IMAG'IN", d.acces.identifiant]];
    if (d.acces.motDePasseProvisoire) lignes.push(['Mot de passe temporaire', d.acces.motDePasseProvisoire]);
    doc.cleValeur(lignes, 10, { sansCrenage: true });
    doc.paragraphe(
      d.acces.motDePasseProvisoire
        ? "Connectez-vous au service intervenants d'IMAG'IN avec cet identifiant et ce mot de passe temporaire : vous choisirez votre mot de passe personnel lors de cette première connexion."
        : "Connectez-vous au service intervenants d'IMAG'IN avec cet identifiant et votre mot de passe personnel.",
      { taille: 9 },
    );
    doc.espace(8);
  }

  doc.paragraphe(
    d.qualite
      ? `Vous êtes convoqué(e), en qualité de ${d.qualite}, pour la mission décrite ci-dessous.`
      : 'Vous êtes convoqué(e) pour la mission décrite ci-dessous.',
  );
  doc.espace(4);

  const m = d.mission;
  const paires: Array<[string, string]> = [
    ['Mission', `N° ${m.numero} ${m.type}`],
    ['Session', m.session],
  ];
  if (m.specialite) paires.push(['Spécialité', m.specialite]);
  if (m.epreuve) paires.push(['Epreuve', m.epreuve]);
  if (d.qualite) paires.push(['Qualité', d.qualite]);
  if (d.commission) paires.push(['Commission', d.commission]);
  if (d.jury) paires.push(['Jury', d.jury]);
  if (d.salle || d.codeSalle) paires.push(['Salle', [d.salle, d.codeSalle].filter(Boolean).join(' - ')]);
  if (d.centre) {
    paires.push(["Centre d'examen", `${d.centre.libelle} (${d.centre.uai})`]);
    paires.push(['Adresse', adresse(d.centre.adresse, d.centre.codePostal, d.centre.commune)]);
    if (d.centre.telephone) paires.push(['Téléphone', d.centre.telephone]);
  }
  if (m.lieu) paires.push(['Lieu', m.lieu]);
  doc.cleValeur(paires);

  doc.intertitre(d.datesPropres ? "Dates de l'affectation" : 'Dates de la mission');
  await doc.tableau({
    colonnes: [
      { libelle: 'Date', largeur: 2, valeur: (c: DonneesConvocation['creneaux'][number]) => `${jourSemaine(c.jour)} ${dateFr(c.jour)}` },
      { libelle: 'Heure de début', largeur: 1, alignement: 'centre', valeur: (c) => heureCourte(c.heureDebut) },
      { libelle: 'Heure de fin', largeur: 1, alignement: 'centre', valeur: (c) => heureCourte(c.heureFin) },
    ],
    lignes: d.creneaux,
    siVide: 'Les dates seront précisées par le service des examens.',
    taillePolice: 10,
  });

  if (d.observation.trim()) {
    doc.intertitre('Observations');
    doc.paragraphe(d.observation.trim());
  }

  doc.espace(12);
  const sig = d.signature;
  const ville = sig?.ville || (d.origine === 'centre' && d.centre ? d.centre.commune : d.academie.libelle.toUpperCase());
  // A duplicata is dated as the convocation it copies; the footer says when it was printed.
  const faitLe = (o.duplicata && d.editeeLe) || o.editeLe;
  doc.paragraphe(`Fait à ${ville}, le ${dateFrParis(faitLe)}`, { alignement: 'droite' });
  if (sig) {
    for (const ligne of [sig.autorite, sig.intitule, sig.nom]) if (ligne.trim()) doc.paragraphe(ligne.trim(), { alignement: 'droite' });
  } else if (m.signataire === 'gestionnaire' || d.origine === 'gestionnaire') {
    const delegant = d.academie.interAcademique ? `le service inter-académique ${d.academie.libelle}` : `le recteur de l'académie de ${d.academie.libelle}`;
    doc.paragraphe(`Pour ${delegant} et par délégation,`, { alignement: 'droite' });
    doc.paragraphe('Le chef de la division des examens et concours', { alignement: 'droite' });
  } else {
    doc.paragraphe(m.signataire === 'chef_centre' ? "Le chef de centre d'examen" : "Le chef d'établissement", { alignement: 'droite' });
  }
}

/** The convocation as a PDF stream. */
export function genererConvocationPdf(d: DonneesConvocation, o: OptionsConvocation): Readable {
  return genererPdf(optionsPdfConvocation(d, o), (doc) => ecrireConvocation(doc, d, o));
}

/** "The .pdf document bears the agent's nom_prénom" (003 §4.2.2). */
export function nomFichierConvocation(d: DonneesConvocation): string {
  const propre = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
  return `${propre(d.intervenant.nom)}_${propre(d.intervenant.prenom)}_${d.mission.numero}.pdf`;
}
