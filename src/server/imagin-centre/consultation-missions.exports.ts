// The downloads of "Consultation des missions" (003 §4.1.2, §4.1.3). On the list: « Extraction CSV »,
// « Télécharger liste (pdf) », « Télécharger détails (pdf) » of the missions displayed (their ids, in
// the order shown). On a mission: « Extraction CSV », « Télécharger liste par jury (pdf) »,
// « Télécharger détails (pdf) » of the intervenants displayed. Only the centre's missions and their
// convoked affectations are ever written; one id out of scope and nothing is: 404.
import { dateFr, libellesDates } from '../../domain/imagin/dates.ts';
import { isoParis } from '../../domain/imagin/dates.ts';
import { intituleAcademie } from '../../domain/referentiel/academies.ts';
import type { AppContext } from '../platform/context.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import type { Colonne } from '../platform/documents/tableau.ts';
import { TYPE_PDF, type EntetePdf } from '../platform/documents/pdf.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { libelleSession } from '../imagin/convocation.repo.ts';
import { genererListePdf, type ColonneListe, type ElementListe } from '../imagin-etablissement/liste-pdf.ts';
import type { FichierGenere } from '../imagin-etablissement/personnels.service.ts';
import * as repo from './consultation-missions.repo.ts';
import type { LigneIntervenant, LigneMission, PorteeCentre } from './consultation-missions.repo.ts';
import type { DemandeExportMission, DemandeExportMissions } from './consultation-missions.schemas.ts';
import {
  CONVOCATION_INTROUVABLE,
  exigerMission,
  libelleDatesSpecifiques,
  libelleEpreuve,
  libelleJury,
  libellePrincipal,
  libelleSalle,
  libelleSpecialite,
  MISSION_INTROUVABLE,
  observation,
  porteeCentre,
} from './consultation-missions.service.ts';

const debutFr = (m: LigneMission) => (m.debut ? dateFr(m.debut) : '');
const datesIntervenant = (i: LigneIntervenant) => libellesDates(i.creneaux, i.origineDates === 'convocation');

// ---------------------------------------------------------------------------------------------
// Columns, shared by the CSV and the PDF

const COLONNES_MISSIONS: ColonneListe<LigneMission>[] = [
  { libelle: 'N°', largeur: 0.9, valeur: (m) => String(m.numero) },
  { libelle: 'Session examen', largeur: 2.2, valeur: (m) => libelleSession(m) },
  { libelle: 'Spécialité', largeur: 2.2, valeur: (m) => libelleSpecialite(m) },
  { libelle: 'Epreuve-option', largeur: 2.4, valeur: (m) => libelleEpreuve(m) },
  { libelle: 'Type de mission', largeur: 1.8, valeur: (m) => m.type_libelle },
  { libelle: 'Début', largeur: 0.9, alignement: 'centre', valeur: debutFr },
  { libelle: 'Nbr. itv.', largeur: 0.6, alignement: 'centre', valeur: (m) => String(m.nb) },
];

const COLONNES_CSV_MISSIONS: Colonne<LigneMission>[] = [
  { libelle: 'N°', valeur: (m) => m.numero },
  ...COLONNES_MISSIONS.slice(1, -1),
  { libelle: 'Nbr. itv.', valeur: (m) => m.nb },
];

/** The intervenants of a mission in the PDF editions. */
const COLONNES_INTERVENANTS: ColonneListe<LigneIntervenant>[] = [
  { libelle: 'Nom', largeur: 1.5, valeur: (i) => i.nom },
  { libelle: 'Prénom', largeur: 1.2, valeur: (i) => i.prenom },
  { libelle: 'Etablissement principal', largeur: 2.2, valeur: libellePrincipal },
  { libelle: 'Tél pers.', largeur: 1.1, valeur: (i) => i.tel_perso },
  { libelle: 'Tél prof.', largeur: 1.1, valeur: (i) => i.tel_pro },
  { libelle: 'Qualité', largeur: 1.3, valeur: (i) => i.qualite },
  { libelle: 'Com. / Jury / Salle', largeur: 1.4, valeur: (i) => [i.commission, libelleJury(i), libelleSalle(i)].filter(Boolean).join('\n') },
  { libelle: 'Dates', largeur: 2.4, valeur: (i) => datesIntervenant(i).join('\n') },
];

/** The intervenants' CSV: the list's columns, then the detail of the affectation. */
function colonnesCsvIntervenants(missions: ReadonlyMap<number, LigneMission>, avecMission: boolean): Colonne<LigneIntervenant>[] {
  const mission = (i: LigneIntervenant) => missions.get(i.mission_id)!;
  return [
    ...(avecMission ? [{ libelle: 'N° mission', valeur: (i: LigneIntervenant) => mission(i).numero }] : []),
    { libelle: 'Nom', valeur: (i) => i.nom },
    { libelle: 'Prénom', valeur: (i) => i.prenom },
    { libelle: 'Etablissement principal', valeur: libellePrincipal },
    { libelle: 'Tél pers.', valeur: (i) => i.tel_perso },
    { libelle: 'Tél prof.', valeur: (i) => i.tel_pro },
    { libelle: 'Qualité', valeur: (i) => i.qualite },
    { libelle: 'Dates spécifiques', valeur: libelleDatesSpecifiques },
    { libelle: 'Commission(s)', valeur: (i) => i.commission },
    { libelle: 'Jury(s)', valeur: libelleJury },
    { libelle: 'Salle', valeur: libelleSalle },
    { libelle: 'Date de début', valeur: (i) => (i.creneaux[0] ? `${dateFr(i.creneaux[0].jour)} ${i.creneaux[0].heureDebut}` : '') },
    { libelle: 'Date de fin', valeur: (i) => (i.creneaux.at(-1) ? `${dateFr(i.creneaux.at(-1)!.jour)} ${i.creneaux.at(-1)!.heureFin}` : '') },
    { libelle: 'Dates', valeur: (i) => datesIntervenant(i).join(' / ') },
    { libelle: 'Observation', valeur: (i) => observation(i, mission(i)) },
  ];
}

// ---------------------------------------------------------------------------------------------

function yyyymmdd(d: Date): string {
  return isoParis(d).replaceAll('-', '');
}

async function contexte(ctx: AppContext, p: PorteeCentre) {
  const c = await repo.centre(ctx.db, p);
  const entete: EntetePdf = { academie: intituleAcademie({ nomMajuscule: c.academie.nom_majuscule, interAcademique: c.academie.inter_academique }), etablissement: `${c.type} ${c.nom} ${c.commune} (${c.uai})` };
  return { centre: c, entete, maintenant: ctx.clock.now() };
}

/** The header of a mission, as the detail screen shows it. */
function pairesMission(m: LigneMission): Array<[string, string]> {
  return [
    ['Numéro mission', String(m.numero)],
    ['Type de mission', m.type_libelle],
    ['Date début mission', debutFr(m)],
    ['Session examen', libelleSession(m)],
    ['Spécialité', libelleSpecialite(m) ?? ''],
    ['Epreuve-option', libelleEpreuve(m) ?? ''],
  ];
}

const CLES_MISSION = ['Numéro mission', 'Type de mission', 'Date début mission', 'Session examen', 'Spécialité', 'Epreuve-option', 'Intervenants convoqués'];
const CLES_AFFECTATION = ['Etablissement principal', 'Téléphone', 'Qualité', 'Commission(s)', 'Jury(s)', 'Salle', 'Dates', 'Observation'];

function grouper<T>(rows: readonly T[], cle: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = cle(r);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(r);
  }
  return m;
}

/** The missions displayed, in their order: each must be a mission of the centre with convoked intervenants. */
export async function exporterMissions(ctx: AppContext, actor: Actor, demande: DemandeExportMissions): Promise<FichierGenere> {
  const p = porteeCentre(actor);
  const ids = [...new Set(demande.ids)];
  const rows = await repo.missions(ctx.db, p, { annees: [], ids });
  // One id out of scope and nothing is exported: the answer does not tell which.
  if (rows.length !== ids.length) throw introuvable(MISSION_INTROUVABLE);
  const parId = new Map(rows.map((m) => [m.id, m]));
  const missions = ids.map((id) => parId.get(id)!);
  const { centre, entete, maintenant } = await contexte(ctx, p);
  const suffixe = `${centre.uai}_${yyyymmdd(maintenant)}`;

  if (demande.document === 'csv') {
    return { flux: genererCsv(COLONNES_CSV_MISSIONS, missions), fichier: `missions_centre_${suffixe}.csv`, typeMime: TYPE_CSV };
  }
  const n = missions.length;
  const sousTitre = `${n} mission${n > 1 ? 's' : ''} — seules les affectations convoquées`;
  if (demande.document === 'liste-pdf') {
    const flux = genererListePdf({ entete, titre: 'Liste des missions', sousTitre, editeLe: maintenant, orientation: 'paysage' }, [
      { type: 'tableau', colonnes: COLONNES_MISSIONS, lignes: missions, siVide: 'Aucune mission.', taille: 8 },
    ]);
    return { flux, fichier: `missions_centre_${suffixe}.pdf`, typeMime: TYPE_PDF };
  }
  const intervenants = grouper(await repo.intervenants(ctx.db, ids), (i) => i.mission_id);
  function* elements(): Generator<ElementListe> {
    for (const m of missions) {
      const liste = intervenants.get(m.id) ?? [];
      yield { type: 'intertitre', texte: `Mission N° ${m.numero} — ${m.type_libelle}` };
      yield { type: 'paires', paires: [...pairesMission(m).slice(2), ['Intervenants convoqués', String(liste.length)]], taille: 8.5, cles: CLES_MISSION };
      yield { type: 'tableau', colonnes: COLONNES_INTERVENANTS, lignes: liste, siVide: 'Aucun intervenant convoqué.', taille: 7.5 };
      yield { type: 'espace', points: 6 };
    }
  }
  const flux = genererListePdf({ entete, titre: 'Détails des missions', sousTitre, editeLe: maintenant, orientation: 'paysage' }, elements());
  return { flux, fichier: `missions_centre_details_${suffixe}.pdf`, typeMime: TYPE_PDF };
}

/** The intervenants displayed of one mission, in their order: each a convoked convocation of this mission. */
export async function exporterMission(ctx: AppContext, actor: Actor, missionId: number, demande: DemandeExportMission): Promise<FichierGenere> {
  const p = porteeCentre(actor);
  const m = await exigerMission(ctx, p, missionId);
  const ids = [...new Set(demande.ids)];
  const rows = await repo.intervenants(ctx.db, [m.id], ids);
  if (rows.length !== ids.length) throw introuvable(CONVOCATION_INTROUVABLE);
  const parId = new Map(rows.map((i) => [i.id, i]));
  const intervenants = ids.map((id) => parId.get(id)!);
  const { entete, maintenant } = await contexte(ctx, p);
  const suffixe = `${m.numero}_${yyyymmdd(maintenant)}`;

  if (demande.document === 'csv') {
    return { flux: genererCsv(colonnesCsvIntervenants(new Map([[m.id, m]]), false), intervenants), fichier: `mission_${suffixe}_intervenants.csv`, typeMime: TYPE_CSV };
  }
  const n = intervenants.length;
  const sousTitre = `Mission N° ${m.numero} — ${m.type_libelle} — ${n} intervenant${n > 1 ? 's' : ''} convoqué${n > 1 ? 's' : ''}`;
  const enTete: ElementListe = { type: 'paires', paires: pairesMission(m), taille: 9, cles: CLES_MISSION };

  if (demande.document === 'liste-jury-pdf') {
    // Every jury of the mission in code order, then those convoked without a jury.
    const jurys = await repo.jurys(ctx.db, m.id);
    const parJury = grouper(intervenants, (i) => i.jury_id ?? 0);
    const elements: ElementListe[] = [enTete, { type: 'espace', points: 6 }];
    for (const j of jurys) {
      const liste = parJury.get(j.id) ?? [];
      const titre = j.libelle ? `Jury ${j.code} - ${j.libelle}` : `Jury ${j.code}`;
      elements.push({ type: 'tableau', legende: `${titre} (${liste.length} intervenant${liste.length > 1 ? 's' : ''})`, colonnes: COLONNES_INTERVENANTS, lignes: liste, siVide: 'Aucun intervenant convoqué sur ce jury.', taille: 7.5 });
      elements.push({ type: 'espace', points: 6 });
    }
    const sans = parJury.get(0) ?? [];
    if (sans.length || jurys.length === 0) {
      elements.push({ type: 'tableau', legende: `Sans jury (${sans.length} intervenant${sans.length > 1 ? 's' : ''})`, colonnes: COLONNES_INTERVENANTS, lignes: sans, siVide: 'Aucun intervenant convoqué.', taille: 7.5 });
    }
    const flux = genererListePdf({ entete, titre: 'Liste des intervenants par jury', sousTitre, editeLe: maintenant, orientation: 'paysage' }, elements);
    return { flux, fichier: `mission_${suffixe}_liste_par_jury.pdf`, typeMime: TYPE_PDF };
  }

  function* elements(): Generator<ElementListe> {
    yield enTete;
    yield { type: 'espace', points: 6 };
    for (const i of intervenants) {
      yield { type: 'intertitre', texte: `${i.civilite} ${i.nom} ${i.prenom}` };
      const tels = [i.tel_perso ? `personnel : ${i.tel_perso}` : null, i.tel_pro ? `professionnel : ${i.tel_pro}` : null].filter(Boolean).join(' / ');
      const paires: Array<[string, string]> = [
        ['Etablissement principal', libellePrincipal(i) ?? ''],
        ['Téléphone', tels],
        ['Qualité', i.qualite ?? ''],
        ['Commission(s)', i.commission ?? ''],
        ['Jury(s)', libelleJury(i) ?? ''],
        ['Salle', libelleSalle(i) ?? ''],
        ['Dates', datesIntervenant(i).join('\n')],
        ['Observation', observation(i, m)],
      ];
      yield { type: 'paires', paires, taille: 8.5, cles: CLES_AFFECTATION };
      yield { type: 'espace', points: 4 };
    }
  }
  const flux = genererListePdf({ entete, titre: 'Détails des affectations de la mission', sousTitre, editeLe: maintenant }, elements());
  return { flux, fichier: `mission_${suffixe}_details.pdf`, typeMime: TYPE_PDF };
}
