// « Récapitulatif d'inscription » (issue 6): one page per candidature, on the toolkit's editions
// (Marianne, header with the académie, footer with the edition date): the candidate, the
// registration (session, établissement, numéro, état, série or spécialité, division, qualification)
// and the épreuves with their coefficients. Streamed: built while the response is read.
import type { AppContext } from '../platform/context.ts';
import { genererPdf, TYPE_PDF } from '../platform/documents/pdf.ts';
import { dateHeureFr } from '../platform/documents/tableau.ts';
import type { Actor } from '../platform/policy.ts';
import { donneesRecapitulatif, type DonneesRecapitulatif } from './espace-candidat.service.ts';

const NATURE: Record<string, string> = { ecrite: 'Écrite', orale: 'Orale', pratique: 'Pratique' };

/** 2011-03-12 → 12/03/2011 (a date column, read as text). */
function dateNaissance(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : 'Non renseignée';
}

function nomFichier(d: DonneesRecapitulatif): string {
  const sur = (s: string) => s.replace(/[^0-9A-Za-z-]+/g, '-').replace(/^-+|-+$/g, '');
  return `recapitulatif-inscription-${sur(d.candidature.examenSigle)}-${d.candidature.annee}-${sur(d.candidature.numeroCandidat)}.pdf`;
}

export async function recapitulatifInscription(ctx: AppContext, actor: Actor, candidatureId: number) {
  const d = await donneesRecapitulatif(ctx, actor, candidatureId);
  const { candidat: ca, candidature: c } = d;
  const editeLe = ctx.clock.now();
  const adresse = [ca.adresse, `${ca.codePostal} ${ca.commune}`.trim()].filter(Boolean).join('\n');
  const flux = genererPdf(
    {
      entete: { academie: `ACADEMIE DE ${c.academieMajuscule}`, etablissement: c.etablissement ?? 'Candidat individuel' },
      titre: "Récapitulatif d'inscription",
      sousTitre: `${c.examen} — session ${c.session}`,
      editeLe,
    },
    async (doc) => {
      doc.intertitre('Candidat');
      doc.cleValeur([
        ['Nom et prénom', `${ca.civilite} ${ca.nom} ${ca.prenom}`],
        ['Date de naissance', dateNaissance(ca.dateNaissance)],
        ['Adresse', adresse || 'Non renseignée'],
        ['Adresse électronique', c.email ?? ca.email ?? 'Non renseignée'],
      ]);
      doc.intertitre('Inscription');
      doc.cleValeur([
        ['Académie', c.academie],
        ['Session', c.session],
        ['Examen', c.examen],
        ['Établissement', c.etablissement ?? 'Candidat individuel (sans établissement)'],
        ['Numéro de candidat', c.numeroCandidat],
        ['État de la candidature', c.libelleEtat],
        ...(c.serie ? [['Série', c.serie] as const] : []),
        ...(c.specialite && c.specialite !== c.serie ? [['Spécialité', c.specialite] as const] : []),
        ['Division de classe', c.division ?? 'Non renseignée'],
        ['Qualification présentée', c.qualification ?? 'Non renseignée'],
      ]);
      doc.intertitre('Épreuves présentées');
      await doc.tableau({
        colonnes: [
          { libelle: 'Code', valeur: (e) => e.code, largeur: 1 },
          { libelle: 'Épreuve', valeur: (e) => e.libelle, largeur: 4 },
          { libelle: 'Nature', valeur: (e) => NATURE[e.nature] ?? e.nature, largeur: 1.2 },
          { libelle: 'Coefficient', valeur: (e) => e.coefficient, largeur: 1, alignement: 'droite' },
          { libelle: 'Facultative', valeur: (e) => (e.facultative ? 'Oui' : 'Non'), largeur: 1, alignement: 'centre' },
        ],
        lignes: d.epreuves,
        siVide: 'Aucune épreuve n’est enregistrée pour cette candidature.',
        taillePolice: 9,
      });
      doc.espace(12);
      doc.paragraphe(`Récapitulatif édité le ${dateHeureFr(editeLe)}.`, { style: 'gras' });
      doc.paragraphe(
        `Vérifiez ces informations. En cas d’erreur, adressez-vous à ${c.etablissement ? 'votre établissement' : 'la division des examens et concours de votre académie'}.`,
        { taille: 9, style: 'italique' },
      );
    },
  );
  return { flux, fichier: nomFichier(d), typeMime: TYPE_PDF };
}
