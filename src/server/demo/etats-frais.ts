// Demo of the états de frais (issue 16, seed 004 §2.4): Rennes allows dematerialised receipts and has
// its conditions d'utilisation; Paul MARTIN-DEMO (prof.martin) has past missions of every pay mode —
// copies (validated, with two receipts in the document store and its numéro d'ordre), candidates
// (rejected by the gestionnaire, with the reason), half-days (not started), hours and minutes (an
// entretien de recrutement entered and saved; a lecture de mémoire already paid), two épreuves
// écrites ponctuelles du contrôle continu of one session grouped onto one état (SANTORIN count), an aide
// au déroulement the gestionnaire computes —, two missions on the same day with a déplacement (the
// second « Invalidable »), and missions of next year (« Mission non effectuée »). Other teachers of the
// académie fill the gestionnaire's queue with every workflow state, one whose figure differs from the
// centre's constat; liquidation batch no. 1 is paid. Fixed numbers and dates: two loads give the same
// rows (and the same receipt bytes).
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { sql, type Transaction, type Updateable } from 'kysely';
import type { DB, EtatFraisTable, StatutEtatFrais } from '../platform/db/tables.ts';
import type { DocumentStore } from '../platform/documents/store.ts';
import { genererPdf, TYPE_PDF } from '../platform/documents/pdf.ts';
import type { LigneDeplacement, SaisieRemuneration } from '../../domain/imagin/frais/types.ts';
import { montantDeplacement } from '../../domain/imagin/frais/deplacement.ts';
import { lireLignes, tauxDeplacement } from '../imagin-frais/deplacement.repo.ts';
import { estimerRemuneration } from '../imagin-frais/intervenant.service.ts';
import { ANNEE_SESSION, UAI_LYCEE_RENNES } from './donnees.ts';

const A = ANNEE_SESSION;
const LOGIN_INTERVENANT = 'prof.martin';
const LOGIN_GESTIONNAIRE = 'dec.rennes';

/** The missions of the demo (Rennes): numbers the README, the guide and the tests name. */
export const MISSIONS_FRAIS_DEMO = {
  /** CORRECTION DE COPIES, 15/06: « Validé », numéro d'ordre 1, a RIB (PDF) and a toll ticket (PNG). */
  copiesValide: 146001,
  /** INTERROGATION ORALE, 24/06: rejected by the gestionnaire (« Non validé » with the reason). */
  oralRejete: 146002,
  /** épreuve pratique (half-days), 10-11/06: nothing entered yet. */
  pratique: 146003,
  /** entretien recrutement sans concours (hours and minutes), 14/04: entered and saved, not validated. */
  recrutement: 146004,
  /** lecture de mémoire (hours and minutes), 05/05: paid in batch no. 1. */
  memoirePaye: 146005,
  /** Epreuve commune de contrôle continu, vague 1, 16/03: the SANTORIN count, grouped état. */
  controleContinu1: 146006,
  /** Same session and vague, 17/03: grouped onto controleContinu1's état. */
  controleContinu2: 146007,
  /** AIDE EXTER. AU DEROULEMENT DES EPREUVES, 12/06: the gestionnaire computes the pay. */
  aideDeroulement: 146008,
  /** CORRECTION SUR PLACE, 26/06 morning at Dinan (a déplacement): the first mission of the day. */
  memeJourMatin: 146009,
  /** LECTURE DE DOSSIER, 26/06 afternoon at Dinan: its déplacement is « Invalidable ». */
  memeJourApresMidi: 146010,
  /** Next year's correction and oral: « Mission non effectuée » (to come). */
  futureCorrection: 146011,
  futurOral: 146012,
  /** The gestionnaire's queue: other teachers of the académie. */
  fileCopies: 146020,
  fileOral: 146021,
  fileSurveillance: 146022,
} as const;

/** Numéros d'ordre given in the demo (the next validation in Rennes takes the next one). */
export const NUMEROS_ORDRE_DEMO = { copiesValide: 1, oralRejete: 2 } as const;

export const MOTIF_REJET_DEMO =
  'Le nombre de candidats saisi (31) dépasse celui de votre commission (24) : corrigez-le, puis validez de nouveau votre état de frais.';

export const CONDITIONS_DEMO = [
  "L'état de frais est une déclaration sur l'honneur : vous attestez l'exactitude des informations saisies (nombre de copies, de candidats, heures effectuées, trajets, nuitées et repas).",
  'Les montants affichés sont des estimations calculées avec les taux en vigueur à la date de la mission ; le montant retenu par le gestionnaire académique prévaut.',
  "Les pièces justificatives (RIB, copie de la carte Vitale, factures d'hôtel, billets) sont déposées en ligne au format JPEG, PNG, GIF ou PDF (5 Mo au plus chacune) ou envoyées par courrier au service des examens du rectorat de Rennes.",
  "Un état de frais doit être validé dans les trois mois qui suivent la mission. Toute fausse déclaration expose à la restitution des sommes perçues et à des poursuites.",
].join('\n\n');

/** The two receipts of the validated état (frais_piece), the names the tests look for. */
export const PIECES_DEMO = {
  rib: { nom: 'RIB_Paul_Martin.pdf', groupe: 'paie' as const, typeMime: TYPE_PDF },
  peage: { nom: 'ticket_peage.png', groupe: 'deplacement' as const, typeMime: 'image/png' },
};

export const LOT_PAYE_DEMO = { numero: 1, creeLe: `${A}-07-08T09:00:00.000Z`, payeLe: `${A}-07-24T09:00:00.000Z` } as const;

const LE = new Date(`${A}-03-02T08:00:00.000Z`);
/** Paris summer time: the demo's déplacement hours (entered as Paris times). */
const paris = (jourHeure: string) => new Date(`${jourHeure}:00+02:00`);

// ------------------------------------------------------------------------------------------------
// Receipts: a small PNG drawn here (deterministic bytes) and a small PDF made with the platform's builder.

const TABLE_CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = TABLE_CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function bloc(type: string, donnees: Buffer): Buffer {
  const longueur = Buffer.alloc(4);
  longueur.writeUInt32BE(donnees.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), donnees]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([longueur, td, crc]);
}

/** A 160×90 toll ticket: white paper, a blue header band and grey « lines » (an image receipt). */
export function ticketPng(): Buffer {
  const l = 160;
  const h = 90;
  const lignes: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const ligne = Buffer.alloc(1 + l * 3);
    for (let x = 0; x < l; x++) {
      let rgb: [number, number, number] = [250, 250, 246];
      if (y < 16) rgb = [0, 0, 145];
      else if (y % 12 === 4 && x > 10 && x < (y > 60 ? 90 : 150)) rgb = [110, 110, 110];
      else if (x === 0 || y === h - 1 || x === l - 1) rgb = [180, 180, 180];
      ligne.writeUInt8(rgb[0], 1 + x * 3);
      ligne.writeUInt8(rgb[1], 2 + x * 3);
      ligne.writeUInt8(rgb[2], 3 + x * 3);
    }
    lignes.push(ligne);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(l, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.writeUInt8(8, 8); // 8 bits per sample
  ihdr.writeUInt8(2, 9); // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    bloc('IHDR', ihdr),
    bloc('IDAT', deflateSync(Buffer.concat(lignes))),
    bloc('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page RIB in PDF (the platform's builder, fixed edition date). */
export function ribPdf(): Readable {
  return genererPdf(
    { entete: { academie: 'RELEVÉ D’IDENTITÉ BANCAIRE' }, titre: 'Relevé d’identité bancaire', sousTitre: 'Document de démonstration', editeLe: new Date(`${A}-06-20T08:00:00.000Z`), auteur: "IMAG'IN démonstration" },
    (doc) => {
      doc.cleValeur([
        ['Titulaire', 'M. Paul MARTIN-DEMO'],
        ['Banque', 'BANQUE DE DÉMONSTRATION'],
        ['IBAN', 'FR76 3000 4000 0100 0000 0000 000 (fictif)'],
        ['BIC', 'DEMOFRPPXXX'],
      ]);
      doc.paragraphe('Document fictif produit par le jeu de démonstration : aucun compte réel.', { style: 'italique', taille: 9 });
    },
  );
}

/** A uuid made from a text: the same rows at every load. */
function uuidDe(texte: string): string {
  const h = createHash('sha256').update(texte).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ------------------------------------------------------------------------------------------------

interface MissionFrais {
  numero: number;
  type: string;
  /** "<examen>/<session code>" */
  session: string;
  /** [jour, début, fin] */
  dates: Array<[string, string, string]>;
  centre: 'promenade' | 'premier';
  commission?: number;
}

const N = MISSIONS_FRAIS_DEMO;

const MISSIONS_MARTIN: readonly MissionFrais[] = [
  { numero: N.copiesValide, type: 'CORCOP', session: `470/${A}-06`, dates: [[`${A}-06-15`, '08:30', '17:00']], centre: 'premier' },
  { numero: N.oralRejete, type: 'INTORA', session: `470/${A}-06`, dates: [[`${A}-06-24`, '08:00', '18:00']], centre: 'promenade', commission: 24 },
  { numero: N.pratique, type: 'PRATIQUE', session: `470/${A}-06`, dates: [[`${A}-06-10`, '08:00', '17:30'], [`${A}-06-11`, '08:00', '12:00']], centre: 'promenade' },
  { numero: N.recrutement, type: 'RECRUT', session: `470/${A}-06`, dates: [[`${A}-04-14`, '09:00', '12:00']], centre: 'promenade' },
  { numero: N.memoirePaye, type: 'MEMOIRE', session: `470/${A}-06`, dates: [[`${A}-05-05`, '14:00', '17:00']], centre: 'promenade' },
  { numero: N.controleContinu1, type: 'ECCC', session: `47A/${A}-06`, dates: [[`${A}-03-16`, '08:00', '12:00']], centre: 'promenade' },
  { numero: N.controleContinu2, type: 'ECCC', session: `47A/${A}-06`, dates: [[`${A}-03-17`, '08:00', '12:00']], centre: 'promenade' },
  { numero: N.aideDeroulement, type: 'AIDEXT', session: `470/${A}-06`, dates: [[`${A}-06-12`, '07:30', '12:30']], centre: 'promenade' },
  { numero: N.memeJourMatin, type: 'CORPLA', session: `470/${A}-06`, dates: [[`${A}-06-26`, '08:00', '12:00']], centre: 'premier' },
  { numero: N.memeJourApresMidi, type: 'LECDOS', session: `470/${A}-06`, dates: [[`${A}-06-26`, '13:30', '17:30']], centre: 'premier' },
  { numero: N.futureCorrection, type: 'CORCOP', session: `470/${A + 1}-06`, dates: [[`${A + 1}-06-16`, '08:30', '17:00'], [`${A + 1}-06-17`, '08:30', '17:00']], centre: 'premier' },
  { numero: N.futurOral, type: 'INTORA', session: `470/${A + 1}-06`, dates: [[`${A + 1}-06-28`, '08:00', '18:00']], centre: 'promenade', commission: 20 },
];

const MISSIONS_FILE: readonly MissionFrais[] = [
  { numero: N.fileCopies, type: 'CORCOP', session: `470/${A}-06`, dates: [[`${A}-06-18`, '08:30', '17:00']], centre: 'promenade' },
  { numero: N.fileOral, type: 'INTORA', session: `470/${A}-06`, dates: [[`${A}-06-25`, '08:00', '18:00']], centre: 'promenade', commission: 22 },
  { numero: N.fileSurveillance, type: 'SURV', session: `470/${A}-06`, dates: [[`${A}-06-16`, '07:30', '12:30']], centre: 'promenade' },
];

export interface RapportEtatsFrais {
  missions: number;
  convocations: number;
  etats: number;
  pieces: number;
}

/**
 * Loads the demo's états de frais inside the demo's transaction. `store`: where the receipts' files
 * go (the platform's document store); without one (some tests load the demo without a platform), the
 * validated état declares its receipts sent by post instead.
 */
export async function chargerEtatsFrais(trx: Transaction<DB>, o: { store: DocumentStore | null }): Promise<RapportEtatsFrais> {
  const rapport: RapportEtatsFrais = { missions: 0, convocations: 0, etats: 0, pieces: 0 };
  const gestionnaire = (await trx.selectFrom('compte').select('id').where('login', '=', LOGIN_GESTIONNAIRE).executeTakeFirst())?.id ?? null;
  const martin = await trx.selectFrom('compte').select(['id', 'personne_id']).where('login', '=', LOGIN_INTERVENANT).executeTakeFirst();

  // The académie's parameters: its conditions and dematerialised receipts.
  await trx
    .insertInto('frais_parametres')
    .values({ academie_code: '14', conditions_texte: CONDITIONS_DEMO, conditions_version: 1, conditions_modifie_le: LE, conditions_modifie_par: gestionnaire, pieces_dematerialisees: true, relance_intervalle_jours: 7 })
    .onConflict((oc) => oc.column('academie_code').doNothing())
    .execute();
  if (!martin?.personne_id) return rapport;

  const lycee = (await trx.selectFrom('etablissement').select(['id', 'commune']).where('uai', '=', UAI_LYCEE_RENNES).executeTakeFirstOrThrow());
  const premier = await trx.selectFrom('etablissement').select(['id', 'commune']).where('academie_code', '=', '14').where('type', 'in', ['LGT', 'LPO']).orderBy('uai').executeTakeFirstOrThrow();
  const centres = { promenade: lycee, premier };
  const sessions = await trx.selectFrom('session_examen').select(['id', 'examen_code', 'code']).where('examen_code', 'in', ['470', '47A']).execute();
  const specialites = await trx.selectFrom('specialite').select(['id', 'examen_code']).where('code', '=', 'BCG').where('examen_code', 'in', ['470', '47A']).execute();
  const epreuves = await trx
    .selectFrom('epreuve_option as eo')
    .innerJoin('specialite as sp', 'sp.id', 'eo.specialite_id')
    .select(['eo.id', 'eo.code', 'sp.examen_code'])
    .where('sp.code', '=', 'BCG')
    .where('sp.examen_code', 'in', ['470', '47A'])
    .execute();
  const epreuveDe = (examen: string, type: string) => {
    const code = examen === '47A' ? 'C004' : type === 'INTORA' ? '1-T004-1' : type === 'CORCOP' || type === 'CORPLA' || type === 'LECDOS' ? 'C010' : null;
    return code ? (epreuves.find((e) => e.examen_code === examen && e.code === code)?.id ?? null) : null;
  };
  const qualites = await trx.selectFrom('qualite').select(['id', 'libelle']).where('academie_code', '=', '14').execute();
  const qualiteDe = (type: string) => qualites.find((q) => q.libelle === (type === 'INTORA' ? 'Interrogateur' : type === 'CORCOP' || type === 'CORPLA' || type === 'LECDOS' || type === 'ECCC' ? 'Correcteur' : ''))?.id ?? null;

  // One mission (and its commission); missions already there (a second load) are skipped.
  const missionIds = new Map<number, { id: number; commission: number | null }>();
  const creerMission = async (d: MissionFrais) => {
    const [examen, code] = d.session.split('/') as [string, string];
    const session = sessions.find((s) => s.examen_code === examen && s.code === code);
    if (!session) return;
    const existante = await trx.selectFrom('mission').select('id').where('academie_code', '=', '14').where('numero', '=', d.numero).executeTakeFirst();
    if (existante) return;
    const m = await trx
      .insertInto('mission')
      .values({
        academie_code: '14',
        numero: d.numero,
        session_examen_id: session.id,
        specialite_id: specialites.find((s) => s.examen_code === examen)?.id ?? null,
        epreuve_option_id: epreuveDe(examen, d.type),
        type_mission: d.type,
        centre_id: centres[d.centre].id,
        signataire: 'gestionnaire',
        cree_le: LE,
        modifie_le: LE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('mission_date').values(d.dates.map(([jour, heure_debut, heure_fin]) => ({ mission_id: m.id, jour, heure_debut, heure_fin }))).execute();
    let commission: number | null = null;
    if (d.commission) {
      commission = (await trx.insertInto('commission').values({ mission_id: m.id, code: 'C1', nb_candidats: d.commission }).returning('id').executeTakeFirstOrThrow()).id;
      await trx.insertInto('commission_date').values(d.dates.map(([jour, heure_debut, heure_fin]) => ({ commission_id: commission!, jour, heure_debut, heure_fin }))).execute();
    }
    missionIds.set(d.numero, { id: m.id, commission });
    rapport.missions++;
  };
  for (const d of [...MISSIONS_MARTIN, ...MISSIONS_FILE]) await creerMission(d);
  if (missionIds.size === 0) return rapport;

  // A convocation « convoquee »: the trigger creates its état de frais; returns the état's id.
  const convoquer = async (numero: number, personneId: number, editee: string): Promise<{ convocation: number; etat: number } | null> => {
    const m = missionIds.get(numero);
    if (!m) return null;
    const d = [...MISSIONS_MARTIN, ...MISSIONS_FILE].find((x) => x.numero === numero)!;
    const c = await trx
      .insertInto('convocation')
      .values({
        academie_code: '14',
        mission_id: m.id,
        personne_id: personneId,
        qualite_id: qualiteDe(d.type),
        commission_id: m.commission,
        statut: 'convoquee',
        origine: 'gestionnaire',
        editee_le: `${editee}T10:00:00.000Z`,
        cree_le: LE,
        modifie_le: LE,
      })
      .onConflict((oc) => oc.columns(['mission_id', 'personne_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!c) return null;
    rapport.convocations++;
    const e = await trx.selectFrom('etat_frais').select('id').where('convocation_id', '=', c.id).executeTakeFirstOrThrow();
    // Fixed time stamps (the trigger's are the clock's).
    await trx.updateTable('etat_frais').set({ cree_le: new Date(`${editee}T10:00:00.000Z`), modifie_le: new Date(`${editee}T10:00:00.000Z`) }).where('id', '=', e.id).execute();
    rapport.etats++;
    return { convocation: c.id, etat: e.id };
  };
  const maj = (id: number, v: Updateable<EtatFraisTable>) => trx.updateTable('etat_frais').set(v).where('id', '=', id).execute();
  const j = (x: string) => new Date(x);
  const P = martin.personne_id;
  const moi = martin.id;
  // Amounts as the application estimates them (A's and B's rules, rates in force on the mission's day).
  const remunerationDe = async (saisie: SaisieRemuneration, jour: string, sigle = 'BCG') => (await estimerRemuneration(trx, { taux_epreuve: null, examen_sigle: sigle }, saisie, jour)) ?? 0;
  const deplacementDe = async (etat: number, jour: string) => {
    const lignes: LigneDeplacement[] = await lireLignes(trx, etat);
    return lignes.length ? montantDeplacement(lignes, await tauxDeplacement(trx, jour)) : 0;
  };

  // --- Paul MARTIN-DEMO ---------------------------------------------------------------------------
  const personneMartin = await trx.selectFrom('personne').select(['commune']).where('id', '=', P).executeTakeFirstOrThrow();
  const domicile = personneMartin.commune || 'RENNES';
  const valide = await convoquer(N.copiesValide, P, `${A}-05-20`);
  if (valide) {
    await trx
      .insertInto('frais_deplacement_ligne')
      .values({
        etat_frais_id: valide.etat,
        ordre: 1,
        ville_depart: domicile,
        ville_arrivee: premier.commune,
        depart_le: paris(`${A}-06-15T07:45`),
        retour_le: paris(`${A}-06-15T17:45`),
        mode: 'AUTOMOBILE',
        puissance_fiscale: 5,
        km: 55,
        trajets: 1,
        nuitees: 0,
        repas: 1,
        frais_divers_centimes: 420,
        commentaire: 'Péage de la rocade (ticket joint).',
      })
      .execute();
    let pieces = 0;
    if (o.store) {
      const fichiers: Array<[typeof PIECES_DEMO.rib | typeof PIECES_DEMO.peage, Readable | Buffer]> = [
        [PIECES_DEMO.rib, ribPdf()],
        [PIECES_DEMO.peage, ticketPng()],
      ];
      for (const [f, contenu] of fichiers) {
        const id = uuidDe(`demo/etat-frais/${N.copiesValide}/${f.nom}`);
        const cle = `frais/pieces/14/${valide.etat}/${id}`;
        const stocke = await o.store.put(cle, contenu, f.typeMime);
        await trx
          .insertInto('frais_piece')
          .values({
            id,
            etat_frais_id: valide.etat,
            academie_code: '14',
            personne_id: P,
            groupe: f.groupe,
            nom: f.nom,
            type_mime: f.typeMime,
            taille: stocke.taille,
            sha256: stocke.sha256,
            cle_stockage: cle,
            depose_le: j(`${A}-06-20T18:1${pieces}:00.000Z`),
            depose_par: moi,
            analyse_antivirus: 'non_analysee',
          })
          .execute();
        pieces++;
      }
    }
    rapport.pieces += pieces;
    await maj(valide.etat, {
      statut: 'valide',
      version: 4,
      modifie_par: moi,
      modifie_le: j(`${A}-06-20T18:20:00.000Z`),
      saisie_commencee_le: j(`${A}-06-20T18:00:00.000Z`),
      remuneration: JSON.stringify({ type: 'copies', copies: 42 }),
      pieces_par_courrier: pieces === 0,
      numero_ordre: NUMEROS_ORDRE_DEMO.copiesValide,
      montant_remuneration_centimes: await remunerationDe({ type: 'copies', copies: 42 }, `${A}-06-15`),
      montant_deplacement_centimes: await deplacementDe(valide.etat, `${A}-06-15`),
      valide_le: j(`${A}-06-20T18:20:00.000Z`),
    });
  }

  const rejete = await convoquer(N.oralRejete, P, `${A}-06-01`);
  if (rejete) {
    await maj(rejete.etat, {
      statut: 'non_valide',
      version: 5,
      modifie_par: gestionnaire,
      modifie_le: j(`${A}-07-02T09:30:00.000Z`),
      saisie_commencee_le: j(`${A}-06-26T17:00:00.000Z`),
      remuneration: JSON.stringify({ type: 'candidats', candidats: 31 }),
      pieces_par_courrier: true,
      numero_ordre: NUMEROS_ORDRE_DEMO.oralRejete,
      montant_remuneration_centimes: await remunerationDe({ type: 'candidats', candidats: 31 }, `${A}-06-24`),
      montant_deplacement_centimes: 0,
      valide_le: null,
      rejet_motif: MOTIF_REJET_DEMO,
      rejete_le: j(`${A}-07-02T09:30:00.000Z`),
    });
  }

  await convoquer(N.pratique, P, `${A}-05-18`); // nothing entered: « Non validé », first access offered

  const recrutement = await convoquer(N.recrutement, P, `${A}-03-24`);
  if (recrutement) {
    await maj(recrutement.etat, {
      version: 2,
      modifie_par: moi,
      modifie_le: j(`${A}-04-15T19:00:00.000Z`),
      saisie_commencee_le: j(`${A}-04-15T18:50:00.000Z`),
      remuneration: JSON.stringify({ type: 'heures_minutes', heures: 2, minutes: 45 }),
    });
  }

  const memoire = await convoquer(N.memoirePaye, P, `${A}-04-14`);

  // Two épreuves écrites ponctuelles of one session and vague: the SANTORIN count on one état.
  const cc1 = await convoquer(N.controleContinu1, P, `${A}-02-23`);
  const cc2 = await convoquer(N.controleContinu2, P, `${A}-02-23`);
  if (cc1 && cc2) {
    const commentaire = `Épreuves écrites ponctuelles du contrôle continu de la session EA ${A}, vague 1 : les copies corrigées des missions ${N.controleContinu1} (16/03, 35 copies) et ${N.controleContinu2} (17/03, 28 copies) sont regroupées sur cet état, soit 63 copies remontées de SANTORIN.`;
    await maj(cc1.etat, { version: 2, modifie_par: gestionnaire, modifie_le: j(`${A}-04-02T09:00:00.000Z`), commentaire_regroupement: commentaire });
    // As « regrouper » does (gestion.service.ts): the other état is cancelled onto the one kept.
    await maj(cc2.etat, {
      version: 2,
      modifie_par: gestionnaire,
      modifie_le: j(`${A}-04-02T09:00:00.000Z`),
      statut: 'annule',
      regroupe_dans_id: cc1.etat,
      annulation_motif: `Regroupé sur l'état de frais de la mission n° ${N.controleContinu1}.`,
    });
    // The SANTORIN count the état shows is its convocation's: the grouped total on the kept one.
    for (const [c, n] of [[cc1.convocation, 63], [cc2.convocation, 28]] as const) {
      await trx.updateTable('convocation').set({ csf_nb_copies: n }).where('id', '=', c).execute();
    }
  }

  await convoquer(N.aideDeroulement, P, `${A}-05-25`); // « A traiter par le gestionnaire »

  // Two missions on 26/06 at the Dinan lycée (outside his communes, so with a déplacement): the trip
  // goes on the morning's, the afternoon's is « Invalidable ».
  const matin = await convoquer(N.memeJourMatin, P, `${A}-06-02`);
  await convoquer(N.memeJourApresMidi, P, `${A}-06-02`);
  if (matin) {
    await trx
      .insertInto('frais_deplacement_ligne')
      .values({
        etat_frais_id: matin.etat,
        ordre: 1,
        ville_depart: domicile,
        ville_arrivee: premier.commune,
        depart_le: paris(`${A}-06-26T07:00`),
        retour_le: paris(`${A}-06-26T18:30`),
        mode: 'AUTOMOBILE',
        puissance_fiscale: 5,
        km: 55,
        trajets: 1,
        repas: 1,
      })
      .execute();
    await maj(matin.etat, { version: 2, modifie_par: moi, modifie_le: j(`${A}-06-22T20:00:00.000Z`), saisie_commencee_le: j(`${A}-06-22T19:50:00.000Z`), remuneration: JSON.stringify({ type: 'copies', copies: 18 }) });
  }

  // Next year's missions: to come.
  await convoquer(N.futureCorrection, P, `${A}-11-30`);
  await convoquer(N.futurOral, P, `${A}-11-30`);

  // --- The gestionnaire's queue: other teachers of the académie (no demo account), one état per workflow state ---
  const autres = (
    await trx
      .selectFrom('personne as p')
      .innerJoin('personne_etablissement as pe', 'pe.personne_id', 'p.id')
      .innerJoin('etablissement as e', 'e.id', 'pe.etablissement_id')
      .select('p.id')
      .where('e.academie_code', '=', '14')
      .where('pe.principal', '=', true)
      .where('p.id', '!=', P)
      .where('e.uai', '!=', UAI_LYCEE_RENNES)
      // Not the demo's accounts (their menus and lists are what other scenarios check).
      .where((eb) => eb.not(eb.exists(eb.selectFrom('compte as co').select('co.id').whereRef('co.personne_id', '=', 'p.id'))))
      .orderBy('p.id')
      .limit(9)
      .execute()
  ).map((x) => x.id);
  const compteCentre = (await trx.selectFrom('compte').select('id').where(sql<boolean>`lower(login) = ${`ce.${UAI_LYCEE_RENNES.toLowerCase()}`}`).executeTakeFirst())?.id ?? null;
  const constat = (c: number, v: { copies?: number; candidats?: number; heures?: number }) =>
    trx
      .updateTable('convocation')
      .set({
        service_fait: 'fait',
        csf_nb_copies: v.copies ?? null,
        csf_nb_candidats: v.candidats ?? null,
        csf_heures_centiemes: v.heures ?? null,
        csf_version: 1,
        csf_par: 'centre',
        csf_compte_id: compteCentre,
        csf_le: j(`${A}-06-27T10:00:00.000Z`),
      })
      .where('id', '=', c)
      .execute();

  interface EtatFile {
    mission: number;
    statut: StatutEtatFrais;
    saisie?: SaisieRemuneration;
    constat?: { copies?: number; candidats?: number; heures?: number };
    numero?: number;
    motifAnnulation?: string;
  }
  const FILE: EtatFile[] = [
    { mission: N.fileCopies, statut: 'valide', saisie: { type: 'copies', copies: 30 }, constat: { copies: 30 }, numero: 3 },
    // The figure differs from the centre's constat (38 entered, 32 constatées).
    { mission: N.fileCopies, statut: 'valide', saisie: { type: 'copies', copies: 38 }, constat: { copies: 32 }, numero: 4 },
    { mission: N.fileCopies, statut: 'valide_gestionnaire', saisie: { type: 'copies', copies: 27 }, constat: { copies: 27 }, numero: 5 },
    { mission: N.fileOral, statut: 'traite_gestionnaire', saisie: { type: 'candidats', candidats: 22 }, constat: { candidats: 22 }, numero: 6 },
    { mission: N.fileOral, statut: 'annule', motifAnnulation: "Convocation annulée : l'interrogateur a été remplacé le matin de l'épreuve." },
    { mission: N.fileOral, statut: 'mission_non_effectuee' },
    { mission: N.fileSurveillance, statut: 'non_valide' },
    // SURVEILLANCE: the gestionnaire computes the pay (5 h constatées).
    { mission: N.fileSurveillance, statut: 'valide', constat: { heures: 500 }, numero: 7 },
    { mission: N.fileCopies, statut: 'non_valide', saisie: { type: 'copies', copies: 25 } },
  ];
  const payes: Array<{ etat: number; montant: number }> = [];
  for (let i = 0; i < FILE.length && i < autres.length; i++) {
    const f = FILE[i]!;
    const e = await convoquer(f.mission, autres[i]!, `${A}-06-0${1 + (i % 8)}`);
    if (!e) continue;
    if (f.constat) await constat(e.convocation, f.constat);
    const valideLe = f.numero ? j(`${A}-06-2${i % 10}T17:00:00.000Z`) : null;
    const parGestionnaire = ['valide_gestionnaire', 'traite_gestionnaire', 'annule'].includes(f.statut);
    const d = [...MISSIONS_FILE].find((x) => x.numero === f.mission)!;
    const montant = f.saisie && f.numero ? await remunerationDe(f.saisie, d.dates[0]![0]) : null;
    await maj(e.etat, {
      statut: f.statut,
      version: f.statut === 'non_valide' && !f.saisie ? 1 : parGestionnaire ? 4 : 3,
      modifie_par: parGestionnaire ? gestionnaire : null,
      modifie_le: j(`${A}-07-0${1 + (i % 5)}T09:00:00.000Z`),
      saisie_commencee_le: f.saisie || f.statut === 'mission_non_effectuee' || f.numero ? j(`${A}-06-28T18:00:00.000Z`) : null,
      remuneration: f.saisie ? JSON.stringify(f.saisie) : null,
      pieces_par_courrier: f.numero !== undefined,
      numero_ordre: f.numero ?? null,
      montant_remuneration_centimes: montant,
      montant_deplacement_centimes: f.numero ? 0 : null,
      montant_retenu_remuneration_centimes: parGestionnaire ? montant : null,
      valide_le: valideLe,
      traite_le: parGestionnaire ? j(`${A}-07-0${1 + (i % 5)}T09:00:00.000Z`) : null,
      traite_par: parGestionnaire ? gestionnaire : null,
      annulation_motif: f.motifAnnulation ?? null,
    });
    if (f.statut === 'traite_gestionnaire' && montant) payes.push({ etat: e.etat, montant });
  }

  // --- Liquidation batch no. 1, paid: the lecture de mémoire of Paul MARTIN-DEMO and an oral ------
  if (memoire) {
    const montant = await remunerationDe({ type: 'heures_minutes', heures: 2, minutes: 30 }, `${A}-05-05`);
    await maj(memoire.etat, {
      statut: 'traite_gestionnaire',
      version: 5,
      modifie_par: gestionnaire,
      modifie_le: j(LOT_PAYE_DEMO.creeLe),
      saisie_commencee_le: j(`${A}-05-06T18:00:00.000Z`),
      remuneration: JSON.stringify({ type: 'heures_minutes', heures: 2, minutes: 30 }),
      pieces_par_courrier: true,
      numero_ordre: 8,
      montant_remuneration_centimes: montant,
      montant_retenu_remuneration_centimes: montant,
      montant_deplacement_centimes: 0,
      valide_le: j(`${A}-05-06T18:05:00.000Z`),
      traite_le: j(LOT_PAYE_DEMO.creeLe),
      traite_par: gestionnaire,
    });
    payes.unshift({ etat: memoire.etat, montant });
  }
  if (payes.length) {
    const total = payes.reduce((s, p) => s + p.montant, 0);
    const lot = await trx
      .insertInto('liquidation_lot')
      .values({ academie_code: '14', numero: LOT_PAYE_DEMO.numero, statut: 'paye', cree_le: LOT_PAYE_DEMO.creeLe, cree_par: gestionnaire, nb_frais: payes.length, total_centimes: total, paye_le: LOT_PAYE_DEMO.payeLe })
      .onConflict((oc) => oc.columns(['academie_code', 'numero']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (lot) {
      await trx
        .insertInto('liquidation_ligne')
        .values(payes.map((p) => ({ lot_id: lot.id, etat_frais_id: p.etat, nature: 'remuneration' as const, montant_centimes: p.montant, paye_le: LOT_PAYE_DEMO.payeLe })))
        .execute();
      await trx.updateTable('etat_frais').set({ paye_le: LOT_PAYE_DEMO.payeLe }).where('id', 'in', payes.map((p) => p.etat)).execute();
    }
  }
  return rapport;
}
