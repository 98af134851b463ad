// Demo of the portail Jury's OTP keys (issue 8 §1–2, seed 000) and of the DSI's checklist (Cas 1):
// académie 14 (Rennes) owns five keys with fixed secrets, so that tests and the README can compute
// their codes — BREQUIGNY (0350059Z) holds two usable keys, LA PROMENADE (0350710G) one (an alert),
// one key is in stock and one locked after five failures. A JURY DE DELIBERATION mission of the BCP
// session in BREQUIGNY has the demo juries' numbers as its jurys: 25510 has its président and
// vice-président convoked, 31202 its président convoked and a vice-président only assigned, 31210 and
// 30001 (LA PROMENADE) no président: the checklist shows « convoqué » and alerts side by side.
//
// The secrets are the configuration's to encrypt, and the demo loader has no configuration: they are
// stored with the PREFIXE_SECRET_DEMO marker and encrypted by the service at their first use
// (cles.service.ts, which accepts the marker on the demo's identifiants only). These secrets are public
// anyway: the first is RFC 4226's test secret.
import type { Transaction } from 'kysely';
import type { DB, EtatCleOtp } from '../platform/db/tables.ts';
import { hacher } from '../platform/passwords.ts';
import { PREFIXE_SECRET_DEMO } from '../portail-jury/cles.repo.ts';
import { JURYS_DEMO, SESSION_BCP } from './deliberation.ts';
import { UAI_LP_RENNES, UAI_LYCEE_RENNES } from './donnees.ts';


/** RFC 4226 Appendix D / RFC 6238 Appendix B (SHA-1): the ASCII "12345678901234567890". */
export const SECRET_RFC_HEX = '3132333435363738393031323334353637383930';

export interface CleDemo {
  identifiant: string;
  numeroSerie: string;
  type: 'HOTP' | 'TOTP';
  chiffres: 6 | 8;
  periode: 30 | null;
  secretHex: string;
  pin: string | null;
  etat: EtatCleOtp;
  centres: string[];
  echecs?: number;
}

export const CLES_OTP_DEMO: readonly CleDemo[] = [
  // The README's key: PIN 1234 followed by 755224 (counter 0), then 287082, 359152… (RFC 4226 Appendix D).
  { identifiant: 'OTP-DEMO-01', numeroSerie: 'DEMO0001', type: 'HOTP', chiffres: 6, periode: null, secretHex: SECRET_RFC_HEX, pin: '1234', etat: 'remise', centres: [UAI_LP_RENNES] },
  { identifiant: 'OTP-DEMO-02', numeroSerie: 'DEMO0002', type: 'TOTP', chiffres: 6, periode: 30, secretHex: '00112233445566778899aabbccddeeff00112233', pin: '5678', etat: 'active', centres: [UAI_LP_RENNES] },
  { identifiant: 'OTP-DEMO-03', numeroSerie: 'DEMO0003', type: 'HOTP', chiffres: 6, periode: null, secretHex: 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334', pin: '2468', etat: 'remise', centres: [UAI_LYCEE_RENNES] },
  { identifiant: 'OTP-DEMO-04', numeroSerie: 'DEMO0004', type: 'HOTP', chiffres: 6, periode: null, secretHex: 'ffeeddccbbaa99887766554433221100ffeeddcc', pin: null, etat: 'en_stock', centres: [] },
  { identifiant: 'OTP-DEMO-05', numeroSerie: 'DEMO0005', type: 'HOTP', chiffres: 6, periode: null, secretHex: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c', pin: '1357', etat: 'verrouillee', centres: [UAI_LYCEE_RENNES], echecs: 5 },
];

/** The JURY DE DELIBERATION mission of the BCP session in BREQUIGNY (académie 14). */
export const MISSION_JURY_BCP = 149001;

/** A fixed date for the rows' cree_le / modifie_le: two loads of the demo give the same rows. */
const LE = new Date(`${SESSION_BCP.code.slice(0, 4)}-05-04T08:00:00.000Z`);

/** Inserts demo keys of an académie (secrets marked PREFIXE_SECRET_DEMO) with the centres they were given to. */
export async function insererCles(trx: Transaction<DB>, academieCode: string, liste: readonly CleDemo[], etabId: Map<string, number>): Promise<void> {
  for (const k of liste) {
    const { id } = await trx
      .insertInto('cle_otp')
      .values({
        academie_code: academieCode,
        identifiant: k.identifiant,
        numero_serie: k.numeroSerie,
        type: k.type,
        chiffres: k.chiffres,
        periode: k.periode,
        secret_chiffre: PREFIXE_SECRET_DEMO + k.secretHex,
        compteur: 0,
        pin_hash: k.pin ? await hacher(k.pin) : null,
        etat: k.etat,
        echecs: k.echecs ?? 0,
        cree_le: LE,
        modifie_le: LE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (k.centres.length) await trx.insertInto('cle_otp_centre').values(k.centres.map((uai) => ({ cle_id: id, etablissement_id: etabId.get(uai)! }))).execute();
  }
}

export async function chargerClesOtp(trx: Transaction<DB>, cles: { etabId: Map<string, number> }): Promise<{ cles: number; convocations: number }> {
  await insererCles(trx, '14', CLES_OTP_DEMO, cles.etabId);

  const session = await trx.selectFrom('session_examen').select('id').where('examen_code', '=', SESSION_BCP.examen).where('code', '=', SESSION_BCP.code).executeTakeFirstOrThrow();
  const type = await trx.selectFrom('type_mission').select('code').where('libelle', '=', 'JURY DE DELIBERATION').executeTakeFirstOrThrow();
  const brequigny = cles.etabId.get(UAI_LP_RENNES)!;
  const mission = await trx
    .insertInto('mission')
    .values({ academie_code: '14', numero: MISSION_JURY_BCP, session_examen_id: session.id, type_mission: type.code, centre_id: brequigny, signataire: 'gestionnaire', ciblee_etablissement: true, observation_defaut: 'Délibération du second groupe du baccalauréat professionnel.', cree_le: LE, modifie_le: LE })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('mission_date').values({ mission_id: mission.id, jour: `${SESSION_BCP.code.slice(0, 4)}-07-07`, heure_debut: '09:00', heure_fin: '17:00' }).execute();
  const jurys = await trx
    .insertInto('mission_jury')
    .values(JURYS_DEMO.filter((j) => j.uai === UAI_LP_RENNES).map((j) => ({ mission_id: mission.id, code: j.numero, libelle: `Jury ${j.numero}` })))
    .returning(['id', 'code'])
    .execute();
  const juryId = (numero: string) => jurys.find((j) => j.code === numero)!.id;
  const qualites = await trx.selectFrom('qualite').select(['id', 'libelle']).where('academie_code', '=', '14').where('deliberation', '=', true).execute();
  const qualite = (libelle: string) => qualites.find((q) => q.libelle === libelle)!.id;
  // BREQUIGNY's own teachers, in a fixed order: one convocation each (unique per mission and person).
  // The part of issue 8 that needs a président with IMAG'IN credentials gives them one.
  const personnes = await trx
    .selectFrom('personne_etablissement as pe')
    .innerJoin('personne as p', 'p.id', 'pe.personne_id')
    .select('p.id')
    .distinct()
    .where('pe.etablissement_id', '=', brequigny)
    .where('p.academie_code', '=', '14')
    // Not the demo intervenants who have an account: their own scenarios keep their missions.
    .where((eb) => eb.not(eb.exists(eb.selectFrom('compte as c').select('c.id').whereRef('c.personne_id', '=', 'p.id'))))
    .orderBy('p.id')
    .limit(4)
    .execute();
  // 31202's vice-président is only assigned (not yet convoked): an alert of the checklist.
  const convocations: Array<{ personne: number; jury: string; qualite: string; statut: 'convoquee' | 'affectee' }> = [
    { personne: personnes[0]!.id, jury: '25510', qualite: 'Président de jury', statut: 'convoquee' },
    { personne: personnes[1]!.id, jury: '25510', qualite: 'Vice-président', statut: 'convoquee' },
    { personne: personnes[2]!.id, jury: '31202', qualite: 'Président de jury', statut: 'convoquee' },
    { personne: personnes[3]!.id, jury: '31202', qualite: 'Vice-président', statut: 'affectee' },
  ];
  await trx
    .insertInto('convocation')
    .values(
      convocations.map((c) => ({
        academie_code: '14',
        mission_id: mission.id,
        personne_id: c.personne,
        qualite_id: qualite(c.qualite),
        jury_id: juryId(c.jury),
        statut: c.statut,
        origine: 'gestionnaire' as const,
        cree_le: LE,
        modifie_le: LE,
      })),
    )
    .execute();
  return { cles: CLES_OTP_DEMO.length, convocations: convocations.length };
}
