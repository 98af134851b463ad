// The downloads of "Consultation des personnels" (003 §3.1.2): the personnels, the personnels and
// their enseignements, the personnels and their missions — each in CSV and PDF — and the detailed PDF
// "Détails des missions affectées par personne". Only the lines the user displays are exported (their
// ids, in the order shown); the missions are those of the years chosen in the popup. Streamed: the
// file is written while it is downloaded.
import { dateFr } from '../../domain/imagin/dates.ts';
import type { Colonne } from '../platform/documents/tableau.ts';
import { genererCsv, TYPE_CSV } from '../platform/documents/csv.ts';
import { TYPE_PDF, type EntetePdf } from '../platform/documents/pdf.ts';
import type { AppContext } from '../platform/context.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { libelleSession } from '../imagin/convocation.repo.ts';
import * as repo from './imagin-etablissement.repo.ts';
import type { LigneAffectation } from './imagin-etablissement.repo.ts';
import type { DemandeExport } from './imagin-etablissement.schemas.ts';
import { genererListePdf, type ColonneListe, type ElementListe } from './liste-pdf.ts';
import { PERSONNEL_INTROUVABLE, portee, type FichierGenere } from './personnels.service.ts';
import { anneesAffectation, dateIso, libelleCentre, libelleLieu, libelleSpecialiteEpreuve, libelleStatut, libellesDatesAffectation, trierAffectations } from './presentation.ts';

type Personnel = Awaited<ReturnType<typeof repo.personnels>>[number];
type Enseignement = Awaited<ReturnType<typeof repo.enseignements>>[number];

const TITRES = {
  personnels: 'Liste des personnels',
  enseignements: 'Liste des enseignements par personne',
  missions: 'Liste des missions affectées par personne',
  'missions-detaillees': 'Détails des missions affectées par personne',
} as const;

const FICHIERS = {
  personnels: 'personnels',
  enseignements: 'personnels_enseignements',
  missions: 'personnels_missions',
  'missions-detaillees': 'personnels_missions_details',
} as const;

const nomPrenom = (p: { nom: string; prenom: string }) => `${p.nom} ${p.prenom}`;

// ---------------------------------------------------------------------------------------------
// Columns, shared by the CSV and the PDF of each list

const COLONNES_PERSONNELS: ColonneListe<Personnel>[] = [
  { libelle: 'Nom', largeur: 2, valeur: (p) => p.nom },
  { libelle: 'Prénom', largeur: 2, valeur: (p) => p.prenom },
  { libelle: 'Discipline de poste', largeur: 4, valeur: (p) => p.discipline_poste },
  { libelle: 'Dernière convoc.', largeur: 1.3, alignement: 'centre', valeur: (p) => (p.derniere_convocation ? dateFr(dateIso(p.derniere_convocation)!) : '') },
];

interface LigneEnseignement {
  personne: Personnel;
  e: Enseignement | null;
}

const COLONNES_ENSEIGNEMENT: ColonneListe<LigneEnseignement>[] = [
  { libelle: 'Etablissement', largeur: 3, valeur: (l) => (l.e ? `${l.e.etablissement_type} ${l.e.etablissement_nom} ${l.e.etablissement_commune}` : '') },
  { libelle: 'Module élémentaire de formation', largeur: 3, valeur: (l) => l.e?.mef_libelle },
  { libelle: 'Type de M.E.F.', largeur: 1.5, valeur: (l) => l.e?.type_mef },
  { libelle: 'Matière enseignée', largeur: 3, valeur: (l) => l.e?.matiere },
  { libelle: 'Modalité cours', largeur: 1.2, valeur: (l) => l.e?.modalite_cours },
  { libelle: 'Structure enseignement', largeur: 2, valeur: (l) => l.e?.structure },
];

const COLONNES_CSV_ENSEIGNEMENTS: Colonne<LigneEnseignement>[] = [
  { libelle: 'Nom', valeur: (l) => l.personne.nom },
  { libelle: 'Prénom', valeur: (l) => l.personne.prenom },
  { libelle: 'Discipline de poste', valeur: (l) => l.personne.discipline_poste },
  ...COLONNES_ENSEIGNEMENT,
  { libelle: 'Année scolaire', valeur: (l) => l.e?.annee_scolaire },
];

interface LigneMission {
  personne: Personnel;
  a: LigneAffectation;
}

/**
 * The seed's CSV columns. Its sample row is garbled; we read it as: N° the mission number, Poste the
 * discipline de poste, Spécialité the type of mission (the seed prints "VAE Enrhet" there), Session the
 * session code, Examen the sigle, then "<spécialité>,<épreuve>" as in the PDF.
 */
const COLONNES_CSV_MISSIONS: Colonne<LigneMission>[] = [
  { libelle: 'N°', valeur: (l) => l.a.numero },
  { libelle: 'Nom', valeur: (l) => l.personne.nom },
  { libelle: 'Prénom', valeur: (l) => l.personne.prenom },
  { libelle: 'Poste', valeur: (l) => l.personne.discipline_poste },
  { libelle: 'Spécialité', valeur: (l) => l.a.type_libelle },
  { libelle: 'Session', valeur: (l) => l.a.session_code },
  { libelle: 'Examen', valeur: (l) => l.a.sigle },
  { libelle: 'Spécialité Epreuve-option', valeur: (l) => libelleSpecialiteEpreuve(l.a) },
  { libelle: 'Lieu', valeur: (l) => libelleLieu(l.a) },
  { libelle: 'Dates', valeur: (l) => libellesDatesAffectation(l.a).join(' / ') },
  { libelle: 'Comm.', valeur: (l) => l.a.commission },
  { libelle: 'Jury(s)', valeur: (l) => l.a.jury },
  { libelle: 'Qualité', valeur: (l) => l.a.qualite },
  { libelle: 'Statut', valeur: (l) => libelleStatut(l.a) },
];

const COLONNES_PDF_MISSIONS: ColonneListe<LigneAffectation>[] = [
  { libelle: 'N° Mission', largeur: 1.6, valeur: (a) => `${a.numero}\n${a.type_libelle}` },
  { libelle: 'Session Examen', largeur: 1.1, valeur: (a) => `${a.session_code} ${a.sigle}` },
  { libelle: 'Spécialité Epreuve-option', largeur: 2.6, valeur: (a) => libelleSpecialiteEpreuve(a) },
  { libelle: 'Lieu', largeur: 2, valeur: (a) => libelleLieu(a) },
  { libelle: 'Dates', largeur: 2.3, valeur: (a) => libellesDatesAffectation(a).join('\n') },
  { libelle: 'Comm.', largeur: 0.8, valeur: (a) => a.commission },
  { libelle: 'Jury(s)', largeur: 0.8, valeur: (a) => a.jury },
  { libelle: 'Qualité', largeur: 1.3, valeur: (a) => a.qualite },
  { libelle: 'Statut', largeur: 1.1, valeur: (a) => libelleStatut(a) },
];

// ---------------------------------------------------------------------------------------------

function yyyymmdd(d: Date): string {
  return (dateIso(d) ?? '').replaceAll('-', '');
}

/** The ids asked for, without repeats, in their order; every one must be a personnel of the établissement. */
async function verifierIds(ctx: AppContext, p: repo.Portee, ids: readonly number[]): Promise<number[]> {
  const uniques = [...new Set(ids)];
  const dedans = await repo.idsDansEtablissement(ctx.db, p, uniques);
  // One id out of scope and nothing is exported: the answer does not tell which.
  if (dedans.size !== uniques.length) throw introuvable(PERSONNEL_INTROUVABLE);
  return uniques;
}

export async function exporter(ctx: AppContext, actor: Actor, demande: DemandeExport): Promise<FichierGenere> {
  const p = portee(actor);
  const ids = await verifierIds(ctx, p, demande.ids);
  const etab = await repo.etablissement(ctx.db, p.etablissementId);
  const maintenant = ctx.clock.now();
  const entete: EntetePdf = { academie: `ACADEMIE DE ${etab.nom_majuscule}`, etablissement: `${etab.type} ${etab.nom} ${etab.commune} (${etab.uai})` };
  const annees = [...new Set(demande.annees)].sort();
  const fichier = `${FICHIERS[demande.contenu]}_${etab.uai}_${yyyymmdd(maintenant)}.${demande.format}`;
  const typeMime = demande.format === 'csv' ? TYPE_CSV : TYPE_PDF;
  const titre = TITRES[demande.contenu];
  const sousTitre = demande.contenu === 'missions' || demande.contenu === 'missions-detaillees' ? `Missions de ${annees.join(', ')}` : undefined;
  const optionsPdf = { entete, titre, sousTitre, editeLe: maintenant };

  const tous = await repo.personnels(ctx.db, p);
  const parId = new Map(tous.map((r) => [r.id, r]));
  const personnes = ids.map((id) => parId.get(id)!);

  if (demande.contenu === 'personnels') {
    const flux = demande.format === 'csv' ? genererCsv(COLONNES_PERSONNELS, personnes) : genererListePdf(optionsPdf, [{ type: 'tableau', colonnes: COLONNES_PERSONNELS, lignes: personnes, siVide: 'Aucun personnel.' }]);
    return { flux, fichier, typeMime };
  }

  if (demande.contenu === 'enseignements') {
    const rows = await repo.enseignements(ctx.db, ids);
    const parPersonne = grouper(rows, (e) => e.personne_id);
    if (demande.format === 'csv') {
      const lignes = personnes.flatMap((personne): LigneEnseignement[] => {
        const es = parPersonne.get(personne.id) ?? [];
        return es.length ? es.map((e) => ({ personne, e })) : [{ personne, e: null }];
      });
      return { flux: genererCsv(COLONNES_CSV_ENSEIGNEMENTS, lignes), fichier, typeMime };
    }
    const flux = genererListePdf(
      { ...optionsPdf, orientation: 'paysage' },
      personnes.map((personne): ElementListe<LigneEnseignement> => ({
        type: 'tableau',
        legende: legende(personne),
        colonnes: COLONNES_ENSEIGNEMENT,
        lignes: (parPersonne.get(personne.id) ?? []).map((e) => ({ personne, e })),
        siVide: 'Aucun enseignement connu (STS-WEB).',
      })),
    );
    return { flux, fichier, typeMime };
  }

  // The missions of the académie in the chosen years, per person, in date order.
  const affectations = (await repo.affectations(ctx.db, ids, { academieCode: p.academieCode })).filter((a) => anneesAffectation(a).some((y) => annees.includes(y)));
  const parPersonne = grouper(affectations, (a) => a.personne_id);
  for (const l of parPersonne.values()) trierAffectations(l);

  if (demande.contenu === 'missions') {
    if (demande.format === 'csv') {
      const lignes = personnes.flatMap((personne) => (parPersonne.get(personne.id) ?? []).map((a) => ({ personne, a })));
      return { flux: genererCsv(COLONNES_CSV_MISSIONS, lignes), fichier, typeMime };
    }
    const flux = genererListePdf(
      { ...optionsPdf, orientation: 'paysage' },
      personnes.map((personne): ElementListe<LigneAffectation> => ({
        type: 'tableau',
        legende: legende(personne),
        colonnes: COLONNES_PDF_MISSIONS,
        lignes: parPersonne.get(personne.id) ?? [],
        siVide: 'Aucune mission affectée sur ces années.',
        taille: 7.5,
      })),
    );
    return { flux, fichier, typeMime };
  }

  const fiches = new Map((await repo.fichesPersonnels(ctx.db, ids)).map((f) => [f.id, f]));
  const flux = genererListePdf(optionsPdf, elementsDetail(personnes.map((p) => fiches.get(p.id)!), parPersonne));
  return { flux, fichier, typeMime };
}

function legende(p: Personnel): string {
  return `Intervenant : ${p.civilite} ${nomPrenom(p)}\nDiscipline de poste : ${p.discipline_poste}`;
}

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

type Fiche = Awaited<ReturnType<typeof repo.fichesPersonnels>>[number];

const CLES_MISSION = ['Mission', 'Session', 'Epreuve', 'Centre examen', 'Lieu', 'Dates', 'Qualité', 'Commission / jury', 'Observations'];

/** "Détails des missions affectées par personne": per person, coordinates, poste, each mission in full. */
function* elementsDetail(fiches: Fiche[], parPersonne: Map<number, LigneAffectation[]>): Generator<ElementListe> {
  for (const f of fiches) yield* elementsPersonne(f, parPersonne.get(f.id) ?? []);
}

function* elementsPersonne(f: Fiche, missions: LigneAffectation[]): Generator<ElementListe> {
  yield { type: 'intertitre', texte: `${f.civilite} ${nomPrenom(f)}` };
  const adresse = [f.adresse, [f.code_postal, f.commune].filter(Boolean).join(' ')].filter((s) => s.trim()).join(', ');
  const tels = [f.tel_perso, f.tel_pro ? `professionnel : ${f.tel_pro}` : null].filter(Boolean).join(' / ');
  const poste = [f.discipline_poste, f.principal ? `${f.principal.type} ${f.principal.nom} ${f.principal.commune} (${f.principal.uai})` : null].filter(Boolean).join(' - ');
  yield {
    type: 'paires',
    paires: [
      ['Adresse', adresse],
      ['Téléphone', tels],
      ['Poste', poste],
    ],
  };
  if (missions.length === 0) {
    yield { type: 'paragraphe', texte: 'Missions affectées : aucune sur ces années.', style: 'italique', taille: 9 };
    return;
  }
  yield { type: 'paragraphe', texte: 'Missions affectées :', style: 'gras', taille: 9 };
  for (const a of missions) {
    const paires: Array<[string, string]> = [
      ['Mission', `N° ${a.numero} ${a.type_libelle} (${libelleStatut(a)})`],
      ['Session', [libelleSession(a), a.specialite_libelle].filter(Boolean).join(' ')],
    ];
    if (a.epreuve_code) paires.push(['Epreuve', `${a.epreuve_code}, ${a.epreuve_libelle}`]);
    const centre = libelleCentre(a);
    if (centre) paires.push(['Centre examen', `${centre} (${a.centre_uai})`]);
    if (a.lieu) paires.push(['Lieu', a.lieu]);
    paires.push(['Dates', libellesDatesAffectation(a).join('\n')]);
    if (a.qualite) paires.push(['Qualité', a.qualite]);
    if (a.commission || a.jury) paires.push(['Commission / jury', [a.commission, a.jury].filter(Boolean).join(' / ')]);
    const observation = a.observation.trim() || a.observation_defaut.trim();
    if (observation) paires.push(['Observations', observation]);
    yield { type: 'paires', paires, taille: 8.5, cles: CLES_MISSION };
    yield { type: 'espace', points: 3 };
  }
}
