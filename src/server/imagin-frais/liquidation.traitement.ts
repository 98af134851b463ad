// The liquidation batch as a treatment (issue 16 §8, décision 0033): take the ready états into the batch
// with the validated ICC répartition lines (one recorded step: a retry does not take them again, and the
// primary key of liquidation_ligne keeps any frais in one batch ever), then produce the export file for the financial system (CSV « ; » with
// BOM, docs/imports/liquidation-frais.md) and the PDF bordereau (totals per nature and per examen), then
// close the batch. Re-running the treatment never duplicates a payment.
import { z } from 'zod';
import { euros } from '../../domain/imagin/icc.ts';
import { LIBELLE_NATURE, montantFichier, type NatureLigne } from '../../domain/imagin/frais/liquidation.ts';
import { masquerIban } from '../../domain/referentiel/identifiants.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import { genererPdf, TYPE_PDF } from '../platform/documents/pdf.ts';
import type { Colonne } from '../platform/documents/tableau.ts';
import { definirTraitement } from '../platform/traitements/traitements.ts';
import * as repo from './liquidation.repo.ts';

export const TRAITEMENT_LIQUIDATION = 'liquidation-frais';

const parametres = z.object({
  lotId: z.number().int().positive(),
  numero: z.number().int().positive(),
  academieCode: z.string(),
  examenCode: z.string().optional(),
  sessionId: z.number().int().positive().optional(),
});

export const nomExport = (numero: number) => `Liquidation lot ${numero} - export financier.csv`;
export const nomBordereau = (numero: number) => `Liquidation lot ${numero} - bordereau.pdf`;

/** The columns of the export file, in order (documented in docs/imports/liquidation-frais.md). */
export const COLONNES_EXPORT: ReadonlyArray<Colonne<repo.LigneExport & { lot: number; academie: string }>> = [
  { libelle: 'ACADEMIE', valeur: (l) => l.academie },
  { libelle: 'NUMERO_LOT', valeur: (l) => l.lot },
  { libelle: 'NUMERO_ORDRE', valeur: (l) => l.reference },
  { libelle: 'NATURE', valeur: (l) => LIBELLE_NATURE[l.nature] },
  { libelle: 'MONTANT', valeur: (l) => montantFichier(l.montant_centimes) },
  { libelle: 'NOM', valeur: (l) => l.nom },
  { libelle: 'PRENOM', valeur: (l) => l.prenom },
  { libelle: 'NUMEN', valeur: (l) => l.numen ?? '' },
  { libelle: 'NIR', valeur: (l) => l.nir ?? '' },
  { libelle: 'REFERENCE_IBAN', valeur: (l) => (l.iban_fin ? masquerIban(l.iban_fin).replace(/\u2022/g, '*') : '') },
  { libelle: 'NUMERO_MISSION', valeur: (l) => l.mission_numero ?? '' },
  { libelle: 'TYPE_MISSION', valeur: (l) => l.type_mission },
  { libelle: 'EXAMEN', valeur: (l) => l.examen },
  { libelle: 'SESSION', valeur: (l) => l.session },
  { libelle: 'DEBUT_MISSION', valeur: (l) => (l.debut ? l.debut.split('-').reverse().join('/') : '') },
];

interface Total {
  libelle: string;
  nb: number;
  remuneration: number;
  deplacement: number;
  icc: number;
}

/** Totals per examen and per nature, the grand total, the number of frais and of ICC lines. */
export function totauxBordereau(lignes: readonly repo.LigneExport[]) {
  const parExamen = new Map<string, Total & { frais: Set<number> }>();
  const frais = new Set<number>();
  const parNature: Record<NatureLigne, { nb: number; total: number }> = { remuneration: { nb: 0, total: 0 }, deplacement: { nb: 0, total: 0 }, icc: { nb: 0, total: 0 } };
  for (const l of lignes) {
    let t = parExamen.get(l.examen_code);
    if (!t) parExamen.set(l.examen_code, (t = { libelle: `${l.examen} (${l.examen_code})`, nb: 0, remuneration: 0, deplacement: 0, icc: 0, frais: new Set() }));
    t[l.nature] += l.montant_centimes;
    if (l.etat_frais_id !== null) {
      t.frais.add(l.etat_frais_id);
      frais.add(l.etat_frais_id);
    }
    parNature[l.nature].nb++;
    parNature[l.nature].total += l.montant_centimes;
  }
  const examens = [...parExamen.values()].map((t) => ({ libelle: t.libelle, nb: t.frais.size, remuneration: t.remuneration, deplacement: t.deplacement, icc: t.icc })).sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'));
  return { examens, parNature, nbFrais: frais.size, nbIcc: parNature.icc.nb, total: parNature.remuneration.total + parNature.deplacement.total + parNature.icc.total };
}

export const liquidationTraitement = definirTraitement({
  type: TRAITEMENT_LIQUIDATION,
  parametres,
  relancable: true,
  executer: async (t) => {
    const { lotId, numero, academieCode } = t.parametres;
    const ctx = t.ctx;
    const lot = await repo.lot(ctx.db, academieCode, lotId);
    if (!lot) throw new Error(`lot ${lotId} introuvable`);
    const filtres = { examenCode: t.parametres.examenCode, sessionId: t.parametres.sessionId };
    const constitution = await t.etape('constitution', async (trx) => ({
      ...(await repo.prendreFrais(trx, { lotId, academieCode, filtres, le: ctx.clock.now(), par: lot.cree_par })),
      nbIcc: await repo.prendreIcc(trx, { lotId, academieCode, filtres }),
    }));
    await t.log('info', `Lot n° ${numero} : ${constitution.nbFrais} état(s) de frais pris (${constitution.nbLignes} ligne(s) de paiement), passés « Traité par le gestionnaire ».`);
    if (constitution.nbIcc) await t.log('info', `Lot n° ${numero} : ${constitution.nbIcc} ligne(s) de répartition d'indemnités de chef de centre (ICC) validées prises.`);

    const lignes = await repo.lignesLot(ctx.db, lotId);
    const academie = await ctx.db.selectFrom('academie').select(['libelle', 'nom_majuscule']).where('code', '=', academieCode).executeTakeFirstOrThrow();
    const sansNir = new Set(lignes.filter((l) => !l.nir).map((l) => l.etat_frais_id)).size;
    const sansIban = new Set(lignes.filter((l) => !l.iban_fin).map((l) => l.etat_frais_id)).size;
    if (sansNir) await t.log('avertissement', `${sansNir} état(s) de frais d'intervenants sans NIR connu : le service financier les complétera.`);
    if (sansIban) await t.log('avertissement', `${sansIban} état(s) de frais d'intervenants sans coordonnées bancaires connues.`);

    if (!(await t.documentExistant(nomExport(numero)))) {
      await t.document(nomExport(numero), TYPE_CSV, genererCsv(COLONNES_EXPORT, lignes.map((l) => ({ ...l, lot: numero, academie: academieCode }))));
    }
    const tot = totauxBordereau(lignes);
    if (!(await t.documentExistant(nomBordereau(numero)))) {
      const editeLe = ctx.clock.now();
      await t.document(
        nomBordereau(numero),
        TYPE_PDF,
        genererPdf({ entete: { academie: `ACADEMIE DE ${academie.nom_majuscule}`, etablissement: 'Service gestionnaire des examens' }, titre: `Bordereau de liquidation — lot n° ${numero}`, editeLe, auteur: "IMAG'IN" }, async (doc) => {
          doc.cleValeur([
            ['Lot', `n° ${numero}`],
            ['Constitué le', lot.cree_le ? new Date(lot.cree_le).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : ''],
            ["Nombre d'états de frais", String(tot.nbFrais)],
            ...(tot.nbIcc ? [["Nombre d'indemnités de chef de centre", String(tot.nbIcc)] as const] : []),
            ['Nombre de lignes de paiement', String(lignes.length)],
            ['Total général', euros(tot.total)],
          ]);
          doc.espace(8);
          doc.intertitre('Totaux par nature');
          await doc.tableau<[string, number, number]>({
            colonnes: [
              { libelle: 'Nature', valeur: (l) => l[0], largeur: 3 },
              { libelle: 'Lignes', valeur: (l) => l[1], alignement: 'droite' },
              { libelle: 'Montant', valeur: (l) => euros(l[2]), largeur: 2, alignement: 'droite' },
            ],
            lignes: [
              ['Rémunération', tot.parNature.remuneration.nb, tot.parNature.remuneration.total],
              ['Déplacement', tot.parNature.deplacement.nb, tot.parNature.deplacement.total],
              ...(tot.nbIcc ? [['Indemnité chef de centre', tot.parNature.icc.nb, tot.parNature.icc.total] as [string, number, number]] : []),
              ['Total', lignes.length, tot.total],
            ],
          });
          doc.espace(8);
          doc.intertitre('Totaux par examen');
          await doc.tableau<Total>({
            colonnes: [
              { libelle: 'Examen', valeur: (l) => l.libelle, largeur: 4 },
              { libelle: 'États de frais', valeur: (l) => l.nb, alignement: 'droite' },
              { libelle: 'Rémunération', valeur: (l) => euros(l.remuneration), largeur: 1.6, alignement: 'droite' },
              { libelle: 'Déplacement', valeur: (l) => euros(l.deplacement), largeur: 1.6, alignement: 'droite' },
              ...(tot.nbIcc ? [{ libelle: 'ICC', valeur: (l: Total) => euros(l.icc), largeur: 1.6, alignement: 'droite' as const }] : []),
              { libelle: 'Total', valeur: (l) => euros(l.remuneration + l.deplacement + l.icc), largeur: 1.6, alignement: 'droite' },
            ],
            lignes: tot.examens,
            siVide: 'Aucun état de frais dans ce lot.',
          });
        }),
      );
    }
    await t.etape('cloture', async (trx) => {
      await repo.cloturerLot(trx, lotId, { nbFrais: tot.nbFrais, total: tot.total });
      return null;
    });
    await t.log('info', `Bilan : ${tot.nbFrais} état(s) de frais, total ${euros(tot.total)} (rémunération ${euros(tot.parNature.remuneration.total)}, déplacement ${euros(tot.parNature.deplacement.total)}${tot.nbIcc ? `, indemnités de chef de centre ${euros(tot.parNature.icc.total)}` : ''}).`);
  },
});
