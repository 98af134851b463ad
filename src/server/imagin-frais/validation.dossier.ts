// The dossier of one état de frais as validation and its récapitulatif read it (decision 0031): the
// mission, the person, what was entered, the estimated amounts (dated rates), the receipts required and
// those deposited. Read with any executor (the validation's transaction included), no I/O on the store.
import { intituleAcademie } from '../../domain/referentiel/academies.ts';
import { heureCourte, isoParis } from '../../domain/imagin/dates.ts';
import { montantDeplacement, tauxEnVigueur as tauxDeplacementEnVigueur } from '../../domain/imagin/frais/deplacement.ts';
import { piecesRequises } from '../../domain/imagin/frais/pieces.ts';
import { montantRemuneration, saisieAttendue, tauxApplicables, tauxEnVigueur as tauxRemunerationEnVigueur } from '../../domain/imagin/frais/remuneration.ts';
import { saisieModifiable } from '../../domain/imagin/frais/statuts.ts';
import type { EtatWorkflow, GroupePiece, LigneDeplacement, PieceRequise, SaisieRemuneration } from '../../domain/imagin/frais/types.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import { piecesDematerialisees } from './pieces.repo.ts';
import * as repo from './validation.repo.ts';

type Executeur = Kysely<DB> | Transaction<DB>;

export interface PieceDossier {
  id: string;
  groupe: GroupePiece;
  nom: string;
  typeMime: string;
  taille: number;
  deposeLe: Date;
  deposeParGestionnaire: boolean;
  cleStockage: string;
}

export interface DossierEtat {
  id: number;
  academieCode: string;
  /** « ACADEMIE DE NORMANDIE ». */
  academie: string;
  personneId: number;
  workflow: EtatWorkflow;
  version: number;
  numeroOrdre: number | null;
  valideLe: Date | null;
  intervenant: { civilite: string; nom: string; prenom: string; adresse: string };
  mission: {
    numero: number;
    examen: string;
    session: string;
    type: string;
    lieu: string;
    specialite: string | null;
    epreuve: string | null;
    dates: Array<{ jour: string; debut: string; fin: string }>;
  };
  /** The intervenant may still edit and validate it (statuts.ts: not validated, mission started). */
  modifiable: boolean;
  remuneration: SaisieRemuneration | null;
  lignes: LigneDeplacement[];
  montants: { remunerationCentimes: number | null; deplacementCentimes: number | null };
  piecesRequises: PieceRequise[];
  pieces: PieceDossier[];
  piecesParCourrier: boolean;
  /** The académie lets intervenants upload receipts (frais_parametres); otherwise they go by post. */
  piecesDematerialisees: boolean;
}

/** 'AAAA-MM-JJTHH:MM' in Paris time. */
function dateHeureParis(d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  const heure = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${isoParis(date)}T${heure}`;
}

function ligne(r: Awaited<ReturnType<typeof repo.lignesDeplacement>>[number]): LigneDeplacement {
  return {
    villeDepart: r.ville_depart,
    villeArrivee: r.ville_arrivee,
    depart: dateHeureParis(r.depart_le),
    retour: dateHeureParis(r.retour_le),
    mode: r.mode,
    puissanceFiscale: r.puissance_fiscale,
    km: r.km,
    trajets: r.trajets,
    nuitees: r.nuitees,
    repas: r.repas,
    fraisDiversCentimes: r.frais_divers_centimes,
    billetsCentimes: r.billets_centimes,
    commentaire: r.commentaire,
  };
}

function lireSaisie(v: unknown): SaisieRemuneration | null {
  const o = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  if (!o || typeof o !== 'object' || !('type' in o)) return null;
  return o as SaisieRemuneration;
}

/**
 * The receipts still missing: a group that requires some and holds none — unless they are sent by post
 * (declared, or the académie does not take them online: then the post is the only way).
 */
export function piecesManquantes(d: Pick<DossierEtat, 'piecesRequises' | 'pieces' | 'piecesParCourrier' | 'piecesDematerialisees'>): PieceRequise[] {
  if (d.piecesParCourrier || !d.piecesDematerialisees) return [];
  const deposees = new Set(d.pieces.map((p) => p.groupe));
  return d.piecesRequises.filter((r) => !deposees.has(r.groupe));
}

/** The dossier of an état, or undefined when it does not exist. */
export async function lireDossier(db: Executeur, etatFraisId: number, maintenant: Date): Promise<DossierEtat | undefined> {
  const e = await repo.etat(db, etatFraisId);
  if (!e) return undefined;
  const c = await repo.contexte(db, etatFraisId);
  if (!c) return undefined;
  const [dates, lignesLues, piecesLues] = await Promise.all([
    repo.dates(db, c.convocation_id, c.mission_id, c.dates_specifiques),
    repo.lignesDeplacement(db, etatFraisId),
    repo.pieces(db, etatFraisId),
  ]);
  const creneaux = dates.map((d) => ({ jour: d.jour, debut: heureCourte(d.heure_debut), fin: heureCourte(d.heure_fin) }));
  const premierJour = creneaux[0]?.jour ?? isoParis(maintenant);
  const lignes = lignesLues.map(ligne);
  const saisie = lireSaisie(e.remuneration);

  const [lignesTaux, [km, forfaits], dematerialisees] = await Promise.all([repo.tauxRemuneration(db), repo.tauxDeplacementDates(db), piecesDematerialisees(db, e.academie_code)]);
  const applicables = tauxApplicables({ tauxEpreuve: c.taux_remuneration, examenSigle: c.examen_sigle });
  const copie = tauxRemunerationEnVigueur(lignesTaux, applicables.copie, premierJour);
  const heure = tauxRemunerationEnVigueur(lignesTaux, applicables.heure, premierJour);
  const tauxKm = tauxDeplacementEnVigueur(km, forfaits, premierJour);
  const montants = {
    remunerationCentimes: montantRemuneration(saisie, copie ? { copieCentimes: copie.copie_centimes, heureCentimes: heure?.heure_centimes ?? null } : null),
    deplacementCentimes: lignes.length ? montantDeplacement(lignes, tauxKm) : null,
  };
  const attendue = saisieAttendue({
    mode: c.mode_remuneration,
    typeCode: c.type_code,
    typeLibelle: c.type_libelle,
    epreuveCode: c.epreuve_code,
    correctionDematerialisee: c.correction_dematerialisee,
  });
  return {
    id: e.id,
    academieCode: e.academie_code,
    academie: intituleAcademie({ nomMajuscule: c.nom_majuscule, interAcademique: c.inter_academique }),
    personneId: e.personne_id,
    workflow: e.statut as EtatWorkflow,
    version: e.version,
    numeroOrdre: e.numero_ordre,
    valideLe: e.valide_le,
    intervenant: {
      civilite: c.civilite,
      nom: c.nom,
      prenom: c.prenom,
      adresse: [c.adresse, `${c.code_postal} ${c.commune}`.trim()].filter(Boolean).join(', '),
    },
    mission: {
      numero: c.numero,
      examen: c.examen_libelle,
      session: c.session_libelle,
      type: c.type_libelle,
      lieu: [c.centre_nom, c.lieu].filter(Boolean).join(' — ') || (c.centre_commune ?? ''),
      specialite: c.specialite_libelle,
      epreuve: c.epreuve_libelle ? `${c.epreuve_code ?? ''} ${c.epreuve_libelle}`.trim() : null,
      dates: creneaux,
    },
    modifiable: saisieModifiable({
      workflow: e.statut as EtatWorkflow,
      aujourdhui: isoParis(maintenant),
      premierJour: creneaux[0]?.jour ?? null,
      dernierJour: creneaux.at(-1)?.jour ?? null,
    }),
    remuneration: saisie,
    lignes,
    montants,
    piecesRequises: piecesRequises({
      dossierFinancierActif: c.dossier_financier_actif,
      nir: c.nir,
      lignes,
      remuneration: saisie !== null || attendue !== null || c.mode_remuneration === 'gestionnaire',
    }),
    pieces: piecesLues.map((p) => ({
      id: p.id,
      groupe: p.groupe,
      nom: p.nom,
      typeMime: p.type_mime,
      taille: Number(p.taille),
      deposeLe: new Date(p.depose_le),
      deposeParGestionnaire: p.depose_par_gestionnaire,
      cleStockage: p.cle_stockage,
    })),
    piecesParCourrier: e.pieces_par_courrier,
    piecesDematerialisees: dematerialisees,
  };
}
