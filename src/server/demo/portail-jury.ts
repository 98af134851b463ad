// Demo of the portail Jury (issue 8, seeds 000 and 004): what a président and a vice-président need to
// deliberate in the browser (Cas 1), and a présidente who also deliberates a jury of another académie
// in the same centre (Cas 2).
// - Jury 25590 (académie 14, spécialité 25510) and jury 44590 (académie 17 = Nantes, spécialité
//   31202), both deliberated in BREQUIGNY (0350059Z) and at état 210, their candidates graded in the
//   first group and, when admissible, at both contrôle orals: every result can be computed, some
//   admissibles pass thanks to the contrôle and some stay ajournés. From their own stream
//   ('portail-jury'): the rest of the demo is unchanged.
// - JURY DE DELIBERATION missions: 149002 (Rennes, jury 25590) convokes the président and the
//   vice-président of 25510 (cles-otp.ts); 179001 (Nantes, jury 44590) convokes the same présidente,
//   as Nantes' IMAG'IN knows her (a personne of académie 17 with the same name and birth date).
// - Their accounts (comptes.ts, COMPTES_JURY), the présidente's mobile phone (SMS code), two OTP keys of
//   Nantes given to BREQUIGNY, Rennes' backup portal (closed) and the intervenants' activity « Portail
//   délibération de jury » opened in Rennes by its administrator.
// Fixed dates and draws: two loads give the same rows.
import type { Transaction } from 'kysely';
import { resultatApresControle, type Domaine, type Epreuve, type Note, type NotesControle } from '../../domain/cyclades/deliberation.ts';
import type { DB, EtatJury } from '../platform/db/tables.ts';
import { hacher } from '../platform/passwords.ts';
import { Alea } from './alea.ts';
import { insererCles, type CleDemo } from './cles-otp.ts';
import { DEFINITIONS_COMPTES_JURY, MOTS_DE_PASSE, type PersonneJury, type TypeMotDePasse } from './comptes.ts';
import { chargerJury, PROFILS, SESSION_BCP, type JuryACharger, type JuryDemoCharge } from './deliberation.ts';
import { QUALITES } from './donnees-missions.ts';
import { UAI_LP_RENNES } from './donnees.ts';

export { COMPTES_JURY, MOT_DE_PASSE_INTERVENANT, MOT_DE_PASSE_TEMPORAIRE } from './comptes.ts';

/** The jury the président and the vice-président deliberate in Rennes (Cas 1). */
export const JURY_PORTAIL_RENNES = '25590';
/** The jury of Nantes deliberated in BREQUIGNY (Cas 2). */
export const JURY_PORTAIL_NANTES = '44590';
/** Numbers of the JURY DE DELIBERATION missions that convoke them (149001 is cles-otp.ts'). */
export const MISSION_PORTAIL_RENNES = 149002;
export const MISSION_PORTAIL_NANTES = 179001;
/** The présidente's mobile phone (personne.tel_perso), where the SMS code goes. */
export const TELEPHONE_PRESIDENT = '0612345678';
export const ACADEMIE_NANTES = '17';

/** Nantes' keys given to BREQUIGNY (same mechanism as CLES_OTP_DEMO: demo secrets, encrypted at first use). */
export const CLES_OTP_NANTES: readonly CleDemo[] = [
  { identifiant: 'OTP-DEMO-NANTES-01', numeroSerie: 'NTE0001', type: 'HOTP', chiffres: 6, periode: null, secretHex: '4e414e5445532d44454d4f2d484f54502d303031', pin: '4321', etat: 'remise', centres: [UAI_LP_RENNES] },
  { identifiant: 'OTP-DEMO-NANTES-02', numeroSerie: 'NTE0002', type: 'TOTP', chiffres: 6, periode: 30, secretHex: '4e414e5445532d44454d4f2d544f54502d303032', pin: '8765', etat: 'remise', centres: [UAI_LP_RENNES] },
];

const ETAT_DELIBERATION: EtatJury = 210;

const JURYS_PORTAIL: ReadonlyArray<Omit<JuryACharger, 'etat'>> = [
  // Numbering after the deliberation demo's 48 candidates (INE and numéros de candidat are unique).
  { numero: JURY_PORTAIL_RENNES, specialite: '25510', uai: UAI_LP_RENNES, academie: '14', profils: PROFILS, apres: 100, commune: { nom: 'RENNES', codePostal: '35000' } },
  { numero: JURY_PORTAIL_NANTES, specialite: '31202', uai: UAI_LP_RENNES, academie: ACADEMIE_NANTES, profils: PROFILS.slice(0, 8), apres: 200, commune: { nom: 'NANTES', codePostal: '44000' } },
];

/** A fixed date for the rows (as cles-otp.ts): the jury reached 210 on the day of the deliberation. */
const ANNEE = SESSION_BCP.code.slice(0, 4);
const LE = new Date(`${ANNEE}-05-04T08:00:00.000Z`);
const JOUR_DELIBERATION = `${ANNEE}-07-07`;
const TRANSITIONS: ReadonlyArray<{ de: EtatJury; vers: EtatJury; le: Date }> = [
  { de: 140, vers: 198, le: new Date(`${ANNEE}-07-03T14:00:00.000Z`) },
  { de: 198, vers: 200, le: new Date(`${ANNEE}-07-03T14:05:00.000Z`) },
  { de: 200, vers: 210, le: new Date(`${JOUR_DELIBERATION}T07:30:00.000Z`) },
];

/** The candidate's épreuves and grades as the rule engine takes them. */
function entreeMoteur(jury: JuryDemoCharge, candidat: JuryDemoCharge['candidats'][number]) {
  const epreuves: Epreuve[] = jury.epreuves
    .filter((e) => !e.facultative && !e.est_controle)
    .map((e) => ({ id: String(e.id), code: e.code, libelle: e.libelle, coefficient: Number(e.coefficient), domaine: e.domaine as Domaine | null, facultative: false, controle: e.controle }));
  const notes: Record<string, Note> = {};
  for (const [id, valeur] of candidat.notes) notes[String(id)] = { type: 'note', valeur };
  return { epreuves, notes };
}

/**
 * The two contrôle grades of each admissible candidate, halves: every other one aims at admis (high
 * orals, when they can lift the average to 10), the others at ajourné (orals below the grades they
 * would replace). Checked by the rule engine; at least one of each per jury.
 */
function notesControle(alea: Alea, jury: JuryDemoCharge): Array<{ candidature_id: number; epreuve_option_id: number; groupe: 2; statut: 'note'; valeur: number }> {
  const lignes: Array<{ candidature_id: number; epreuve_option_id: number; groupe: 2; statut: 'note'; valeur: number }> = [];
  const decisions: string[] = [];
  const oral = (id: number) => jury.epreuves.find((e) => e.id === id)!.est_controle!;
  for (const [i, c] of jury.candidats.filter((x) => x.profil === 'admissible').entries()) {
    const { epreuves, notes } = entreeMoteur(jury, c);
    const vise = i % 2 === 0 ? 'admis' : 'ajourne';
    const [min, max] = vise === 'admis' ? [13, 19] : [4, 8];
    let tirage: { valeurs: number[]; decision: string } | null = null;
    for (let essai = 0; essai < 200 && (!tirage || tirage.decision !== vise); essai++) {
      const valeurs = c.choix.map(() => Math.round((min + alea.suivant() * (max - min)) * 2) / 2);
      const controle: NotesControle = Object.fromEntries(
        c.choix.map((ch, k) => [oral(ch.epreuve_controle_id), { epreuve: String(ch.epreuve_remplacee_id), note: { type: 'note' as const, valeur: valeurs[k]! } }]),
      );
      tirage = { valeurs, decision: resultatApresControle(epreuves, notes, controle).decision };
    }
    decisions.push(tirage!.decision);
    c.choix.forEach((ch, k) => lignes.push({ candidature_id: c.candidatureId, epreuve_option_id: ch.epreuve_controle_id, groupe: 2, statut: 'note', valeur: tirage!.valeurs[k]! }));
  }
  if (!decisions.includes('admis') || !decisions.includes('ajourne')) {
    throw new Error(`Démonstration : le jury ${jury.juryId} n'a pas d'admis et d'ajourné après l'épreuve de contrôle.`);
  }
  return lignes;
}

export async function chargerPortailJury(
  trx: Transaction<DB>,
  cles: { etabId: Map<string, number>; empreintes: ReadonlyMap<TypeMotDePasse, string> },
): Promise<{ jurys: number; candidats: number; personnes: number; convocations: number; comptes: number; cles: number }> {
  const session = await trx.selectFrom('session_examen').select('id').where('examen_code', '=', SESSION_BCP.examen).where('code', '=', SESSION_BCP.code).executeTakeFirstOrThrow();
  const brequigny = cles.etabId.get(UAI_LP_RENNES)!;

  // 1. The juries at 210, their candidates and the contrôle grades.
  const alea = new Alea('portail-jury');
  const juryId = new Map<string, number>();
  let candidats = 0;
  for (const j of JURYS_PORTAIL) {
    const jury = await chargerJury(trx, alea, { ...j, etat: ETAT_DELIBERATION }, { etabId: cles.etabId, sessionId: session.id });
    await trx.insertInto('note').values(notesControle(alea, jury)).execute();
    await trx.updateTable('jury').set({ modifie_le: TRANSITIONS.at(-1)!.le }).where('id', '=', jury.juryId).execute();
    await trx
      .insertInto('jury_transition')
      .values(TRANSITIONS.map((t) => ({ jury_id: jury.juryId, de: t.de, vers: t.vers, par_compte_id: null, le: t.le })))
      .execute();
    juryId.set(j.numero, jury.juryId);
    candidats += jury.candidats.length;
  }

  // 2. The persons: those cles-otp.ts convoked on mission 149001, and the présidente as Nantes knows her.
  const convoques = await trx
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('mission_jury as mj', 'mj.id', 'c.jury_id')
    .innerJoin('qualite as q', 'q.id', 'c.qualite_id')
    .select(['c.personne_id', 'mj.code', 'q.libelle'])
    .where('m.academie_code', '=', '14')
    .where('m.numero', '=', 149001)
    .where('c.statut', '=', 'convoquee')
    .execute();
  const convoque = (jury: string, qualite: string) => {
    const c = convoques.find((x) => x.code === jury && x.libelle === qualite);
    if (!c) throw new Error(`Démonstration : pas de ${qualite.toLowerCase()} convoqué pour le jury ${jury} (cles-otp.ts).`);
    return c.personne_id;
  };
  const president = convoque('25510', 'Président de jury');
  await trx.updateTable('personne').set({ tel_perso: TELEPHONE_PRESIDENT }).where('id', '=', president).execute();
  const p = await trx.selectFrom('personne').selectAll().where('id', '=', president).executeTakeFirstOrThrow();
  // Created by Nantes' gestionnaire in its IMAG'IN (seed 000, Cas 2): no NUMEN (unique to the Rennes
  // record), no établissement of Nantes.
  const nantes = await trx
    .insertInto('personne')
    .values({
      academie_code: ACADEMIE_NANTES,
      civilite: p.civilite,
      nom: p.nom,
      prenom: p.prenom,
      date_naissance: p.date_naissance,
      numen: null,
      discipline_poste: p.discipline_poste,
      email_pro: p.email_pro,
      email_perso: p.email_perso,
      tel_pro: null,
      tel_perso: TELEPHONE_PRESIDENT,
      adresse: p.adresse,
      code_postal: p.code_postal,
      commune: p.commune,
      nir: null,
      iban_chiffre: null,
      iban_fin: null,
      bic: null,
      source: 'IMAGIN',
      cree_le: LE,
      modifie_le: LE,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const personnes: Record<PersonneJury, number> = {
    'president-25510': president,
    'vice-president-25510': convoque('25510', 'Vice-président'),
    'president-31202': convoque('31202', 'Président de jury'),
    'president-nantes': nantes.id,
  };

  // 3. The JURY DE DELIBERATION missions and their convocations (Nantes gets its deliberation qualités).
  await trx
    .insertInto('qualite')
    .values(QUALITES.flatMap((q, ordre) => (q.deliberation ? [{ academie_code: ACADEMIE_NANTES, libelle: q.libelle, deliberation: true, ordre }] : [])))
    .onConflict((oc) => oc.columns(['academie_code', 'libelle']).doNothing())
    .execute();
  const type = await trx.selectFrom('type_mission').select('code').where('libelle', '=', 'JURY DE DELIBERATION').executeTakeFirstOrThrow();
  const missions = [
    { academie: '14', numero: MISSION_PORTAIL_RENNES, jury: JURY_PORTAIL_RENNES, convocations: [{ personne: personnes['president-25510'], qualite: 'Président de jury' }, { personne: personnes['vice-president-25510'], qualite: 'Vice-président' }] },
    { academie: ACADEMIE_NANTES, numero: MISSION_PORTAIL_NANTES, jury: JURY_PORTAIL_NANTES, convocations: [{ personne: personnes['president-nantes'], qualite: 'Président de jury' }] },
  ];
  let convocations = 0;
  for (const m of missions) {
    const mission = await trx
      .insertInto('mission')
      .values({ academie_code: m.academie, numero: m.numero, session_examen_id: session.id, type_mission: type.code, centre_id: brequigny, signataire: 'gestionnaire', ciblee_etablissement: true, observation_defaut: 'Délibération du second groupe du baccalauréat professionnel.', cree_le: LE, modifie_le: LE })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('mission_date').values({ mission_id: mission.id, jour: JOUR_DELIBERATION, heure_debut: '09:00', heure_fin: '17:00' }).execute();
    const jury = await trx.insertInto('mission_jury').values({ mission_id: mission.id, code: m.jury, libelle: `Jury ${m.jury}` }).returning('id').executeTakeFirstOrThrow();
    const qualites = await trx.selectFrom('qualite').select(['id', 'libelle']).where('academie_code', '=', m.academie).where('deliberation', '=', true).execute();
    await trx
      .insertInto('convocation')
      .values(
        m.convocations.map((c) => ({
          academie_code: m.academie,
          mission_id: mission.id,
          personne_id: c.personne,
          qualite_id: qualites.find((q) => q.libelle === c.qualite)!.id,
          jury_id: jury.id,
          statut: 'convoquee' as const,
          origine: 'gestionnaire' as const,
          cree_le: LE,
          modifie_le: LE,
        })),
      )
      .execute();
    convocations += m.convocations.length;
  }

  // 4. The accounts (intervenant service), as the demo's other intervenants.
  const change = new Date('2026-01-05T09:00:00Z');
  for (const def of DEFINITIONS_COMPTES_JURY) {
    const empreinte = cles.empreintes.get(def.motDePasse) ?? (await hacher(MOTS_DE_PASSE[def.motDePasse]));
    const compte = await trx
      .insertInto('compte')
      .values({ login: def.login, password_hash: empreinte, mot_de_passe_temporaire: def.motDePasse === 'temporaire', email: def.email, type: 'intervenant', personne_id: personnes[def.personne], mot_de_passe_change_le: change })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('role_attribution').values({ compte_id: compte.id, role: 'intervenant', academie_code: def.academie, etablissement_id: null, personne_id: personnes[def.personne] }).execute();
  }

  // 5. Nantes' OTP keys, given to BREQUIGNY.
  await insererCles(trx, ACADEMIE_NANTES, CLES_OTP_NANTES, cles.etabId);

  // 6. Rennes' backup portal, closed; 7. the intervenants' activity, opened by Rennes' administrator.
  await trx.insertInto('portail_secours').values({ academie_code: '14', actif: false, reference_autorisation: null, autorise_par: null, modifie_par: null, modifie_le: LE }).execute();
  const admin = await trx.selectFrom('compte').select('id').where('login', '=', 'admin.rennes').executeTakeFirst();
  await trx
    .insertInto('activite_ouverture')
    .values({ academie_code: '14', service: 'imagin-intervenant', activite: 'portail-deliberation-jury', ouverte: true, motif: null, modifie_le: LE, modifie_par: admin?.id ?? null })
    .onConflict((oc) => oc.columns(['academie_code', 'service', 'activite']).doNothing())
    .execute();

  return { jurys: JURYS_PORTAIL.length, candidats, personnes: 1, convocations, comptes: DEFINITIONS_COMPTES_JURY.length, cles: CLES_OTP_NANTES.length };
}
