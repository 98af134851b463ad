// « Télécharger liste (pdf) » (003 §4.3.4): the « Constat de service » of a mission — the centre, the
// mission, session, spécialité, épreuve-option and start date, then per convoked intervenant Nom
// Prénom, Etablissement principal, Cand. inscrits épreuve (OUI/NON), Service fait, Rémunération; the
// toolkit's footer prints « Page X / Y » and the edition date. Streamed while it is read.
import { dateFr } from '../../domain/imagin/dates.ts';
import type { AppContext } from '../platform/context.ts';
import { genererPdf, TYPE_PDF } from '../platform/documents/pdf.ts';
import type { PorteeConstat } from './constat.repo.ts';
import { donneesPdf } from './constat.service.ts';

export type DonneesConstatPdf = Awaited<ReturnType<typeof donneesPdf>>;

export function constatPdf(d: DonneesConstatPdf, editeLe: Date) {
  const m = d.mission;
  return genererPdf({ entete: { academie: d.academie, etablissement: d.centre }, titre: 'Constat de service', editeLe, orientation: 'paysage', auteur: "IMAG'IN" }, async (doc) => {
    doc.cleValeur([
      ['Mission', `n° ${m.numero} — ${m.typeMission}`],
      ['Session examen', m.session],
      ['Spécialité', m.specialite ?? ''],
      ['Epreuve-option', m.epreuveOption ?? ''],
      ['Date début mission', m.debut ? dateFr(m.debut) : ''],
    ]);
    doc.espace(6);
    await doc.tableau({
      colonnes: [
        { libelle: 'Nom Prénom', valeur: (l) => l.nomPrenom, largeur: 2 },
        { libelle: 'Etablissement principal', valeur: (l) => l.etablissement, largeur: 3 },
        { libelle: 'Cand. inscrits épreuve', valeur: (l) => l.inscrits, largeur: 1, alignement: 'centre' },
        { libelle: 'Service fait', valeur: (l) => l.serviceFait, largeur: 1.2 },
        { libelle: 'Rémunération', valeur: (l) => l.remuneration, largeur: 2 },
      ],
      lignes: d.lignes,
      siVide: 'Aucun intervenant n’est convoqué à cette mission.',
      taillePolice: 9,
    });
  });
}

export async function fichierConstatPdf(ctx: AppContext, p: PorteeConstat, missionId: number) {
  const d = await donneesPdf(ctx, p, missionId);
  return { flux: constatPdf(d, ctx.clock.now()), fichier: `constat_service_mission_${d.mission.numero}.pdf`, typeMime: TYPE_PDF };
}
