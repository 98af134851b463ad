// The portail Jury's demo (issue 8): what the Cas 1 and Cas 2 scenarios rely on — two juries at 210 in
// BREQUIGNY whose every candidate has a computable result, the convocations that open them, the
// accounts of the convoked, Nantes' keys given to BREQUIGNY, the closed backup portal and the opened
// intervenant activity; the same rows at each load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculerHotp } from '../../domain/identite/otp.ts';
import { chargerCandidats } from '../cyclades-deliberation/jurys.repo.ts';
import { activiteOuverte } from '../platform/activites.ts';
import type { Db } from '../platform/db/database.ts';
import { verifier } from '../platform/passwords.ts';
import { PREFIXE_SECRET_DEMO } from '../portail-jury/cles.repo.ts';
import { authentifierCle } from '../portail-jury/cles.service.ts';
import { createTestPlatform, freshDatabase, type TestPlatform } from '../testing/harness.ts';
import { DEFINITIONS_COMPTES_JURY, MOT_DE_PASSE_INTERVENANT, MOT_DE_PASSE_TEMPORAIRE } from './comptes.ts';
import { chargerDemo } from './demo.ts';
import { UAI_LP_RENNES } from './donnees.ts';
import { CLES_OTP_NANTES, COMPTES_JURY, JURY_PORTAIL_NANTES, JURY_PORTAIL_RENNES, MISSION_PORTAIL_NANTES, MISSION_PORTAIL_RENNES, TELEPHONE_PRESIDENT } from './portail-jury.ts';

let p: TestPlatform;
let db: Db;

beforeAll(async () => {
  p = await createTestPlatform();
  await chargerDemo(p.ctx.db, { scale: 1 });
  db = p.ctx.db;
});
afterAll(async () => {
  await p?.close();
});

const jury = (numero: string) => db.selectFrom('jury as j').innerJoin('etablissement as e', 'e.id', 'j.centre_deliberation_id').selectAll('j').select('e.uai').where('j.numero', '=', numero).executeTakeFirstOrThrow();

/** The convocations of a mission: person, jury, qualité, statut. */
const convocations = (academie: string, numero: number) =>
  db
    .selectFrom('convocation as c')
    .innerJoin('mission as m', 'm.id', 'c.mission_id')
    .innerJoin('mission_jury as mj', 'mj.id', 'c.jury_id')
    .innerJoin('qualite as q', 'q.id', 'c.qualite_id')
    .innerJoin('type_mission as t', 't.code', 'm.type_mission')
    .select(['c.personne_id', 'c.academie_code', 'mj.code as jury', 'q.libelle as qualite', 'q.deliberation', 'c.statut', 't.libelle as type'])
    .where('m.academie_code', '=', academie)
    .where('m.numero', '=', numero)
    .orderBy('c.id')
    .execute();

const compte = (login: string) =>
  db
    .selectFrom('compte as c')
    .innerJoin('personne as p', 'p.id', 'c.personne_id')
    .innerJoin('role_attribution as ra', 'ra.compte_id', 'c.id')
    .select(['c.id', 'c.personne_id', 'c.mot_de_passe_temporaire', 'c.email', 'c.type', 'ra.role', 'ra.academie_code', 'p.academie_code as academie_personne', 'p.civilite', 'p.nom', 'p.prenom', 'p.date_naissance', 'p.tel_perso'])
    .where('c.login', '=', login)
    .executeTakeFirstOrThrow();

describe('démonstration du portail Jury', () => {
  it('met 25590 (Rennes) et 44590 (Nantes) à l’état 210 à BREQUIGNY, chaque candidat avec un résultat calculable', async () => {
    for (const [numero, academie, nombre] of [
      [JURY_PORTAIL_RENNES, '14', 12],
      [JURY_PORTAIL_NANTES, '17', 8],
    ] as const) {
      const j = await jury(numero);
      expect(j, numero).toMatchObject({ academie_code: academie, etat: 210, uai: UAI_LP_RENNES, groupe_decision: '11' });
      const transitions = await db.selectFrom('jury_transition').select(['de', 'vers']).where('jury_id', '=', j.id).orderBy('id').execute();
      expect(transitions).toEqual([
        { de: 140, vers: 198 },
        { de: 198, vers: 200 },
        { de: 200, vers: 210 },
      ]);
      const candidats = await chargerCandidats(db, [j.id]);
      expect(candidats).toHaveLength(nombre);
      for (const c of candidats) {
        expect(c.resultat.erreur, c.numeroCandidat).toBeNull();
        expect(c.resultat.definitif.decision, c.numeroCandidat).not.toBe('incomplet');
        // The admissibles took both orals, on the spécialité's ECT1 and ECT2, in halves.
        if (c.resultat.premierGroupe.decision === 'admissible') {
          expect(c.oraux.map((o) => o.epreuveControle?.code)).toEqual(['ECT1', 'ECT2']);
          for (const o of c.oraux) expect(Number.isInteger(o.note!.valeur! * 2), c.numeroCandidat).toBe(true);
        } else {
          expect(c.oraux.every((o) => o.note === null)).toBe(true);
        }
      }
      const apresControle = candidats.filter((c) => c.resultat.definitif.groupe === 2).map((c) => c.resultat.definitif.decision);
      expect(apresControle).toContain('admis');
      expect(apresControle).toContain('ajourne');
      expect(new Set(candidats.map((c) => c.resultat.premierGroupe.decision))).toEqual(new Set(['admis', 'admissible', 'ajourne']));
    }
    // Nantes' candidates belong to Nantes, registered in BREQUIGNY.
    const nantes = await db
      .selectFrom('candidature as c')
      .innerJoin('candidat as ca', 'ca.id', 'c.candidat_id')
      .innerJoin('jury as j', 'j.id', 'c.jury_id')
      .innerJoin('etablissement as e', 'e.id', 'c.etablissement_id')
      .select(['c.academie_code', 'ca.academie_code as academie_candidat', 'e.uai'])
      .where('j.numero', '=', JURY_PORTAIL_NANTES)
      .execute();
    expect(new Set(nantes.map((c) => `${c.academie_code}/${c.academie_candidat}/${c.uai}`))).toEqual(new Set([`17/17/${UAI_LP_RENNES}`]));
  });

  it('convoque la présidente et la vice-présidente de 25510 sur 25590, et la même présidente à Nantes sur 44590', async () => {
    const origine = await convocations('14', 149001);
    const president = origine.find((c) => c.jury === '25510' && c.qualite === 'Président de jury')!.personne_id;
    const vice = origine.find((c) => c.jury === '25510' && c.qualite === 'Vice-président')!.personne_id;
    const rennes = await convocations('14', MISSION_PORTAIL_RENNES);
    expect(rennes).toEqual([
      { personne_id: president, academie_code: '14', jury: JURY_PORTAIL_RENNES, qualite: 'Président de jury', deliberation: true, statut: 'convoquee', type: 'JURY DE DELIBERATION' },
      { personne_id: vice, academie_code: '14', jury: JURY_PORTAIL_RENNES, qualite: 'Vice-président', deliberation: true, statut: 'convoquee', type: 'JURY DE DELIBERATION' },
    ]);
    const nantes = await convocations('17', MISSION_PORTAIL_NANTES);
    expect(nantes).toHaveLength(1);
    expect(nantes[0]).toMatchObject({ academie_code: '17', jury: JURY_PORTAIL_NANTES, qualite: 'Président de jury', deliberation: true, statut: 'convoquee', type: 'JURY DE DELIBERATION' });
    // The same human, as Nantes' IMAG'IN knows her.
    const humain = (id: number) => db.selectFrom('personne').select(['civilite', 'nom', 'prenom', 'date_naissance']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(nantes[0]!.personne_id).not.toBe(president);
    expect(await humain(nantes[0]!.personne_id)).toEqual(await humain(president));
    expect((await db.selectFrom('personne').select('academie_code').where('id', '=', nantes[0]!.personne_id).executeTakeFirstOrThrow()).academie_code).toBe('17');
    // Nantes has its deliberation qualités.
    const qualites = await db.selectFrom('qualite').select('libelle').where('academie_code', '=', '17').where('deliberation', '=', true).orderBy('ordre').execute();
    expect(qualites.map((q) => q.libelle)).toEqual(['Président de jury', 'Vice-président', 'Responsable de délibération']);
  });

  it('donne un compte intervenant à chaque convoqué (temporaire pour president.temporaire), au nom que la liste des comptes affiche', async () => {
    const origine = await convocations('14', 149001);
    const convoque = (jury: string, qualite: string) => origine.find((c) => c.jury === jury && c.qualite === qualite)!.personne_id;
    const president = await compte(COMPTES_JURY.president);
    expect(president).toMatchObject({ personne_id: convoque('25510', 'Président de jury'), role: 'intervenant', type: 'intervenant', academie_code: '14', mot_de_passe_temporaire: false, tel_perso: TELEPHONE_PRESIDENT });
    expect(president.email).toBeTruthy();
    expect(await compte(COMPTES_JURY.vicePresident)).toMatchObject({ personne_id: convoque('25510', 'Vice-président'), academie_code: '14', mot_de_passe_temporaire: false });
    expect(await compte(COMPTES_JURY.presidentTemporaire)).toMatchObject({ personne_id: convoque('31202', 'Président de jury'), academie_code: '14', mot_de_passe_temporaire: true });
    const nantes = await compte(COMPTES_JURY.presidentNantes);
    expect(nantes).toMatchObject({ role: 'intervenant', academie_code: '17', academie_personne: '17', mot_de_passe_temporaire: false, nom: president.nom, prenom: president.prenom });
    // The names comptes.ts prints are those of the persons loaded (at scale 1).
    for (const def of DEFINITIONS_COMPTES_JURY) {
      const c = await compte(def.login);
      expect(def.portee, def.login).toContain(`${c.civilite} ${c.nom} ${c.prenom}`);
    }
    const s = await p.client().login('imagin-intervenant', COMPTES_JURY.president, MOT_DE_PASSE_INTERVENANT);
    expect(s.personne.nom).toBe(president.nom);
    const t = await p.client().login('imagin-intervenant', COMPTES_JURY.presidentTemporaire, MOT_DE_PASSE_TEMPORAIRE);
    expect(t.compte.motDePasseTemporaire).toBe(true);
  });

  it('remet les deux clés OTP de Nantes à BREQUIGNY ; la HOTP ouvre avec son PIN suivi du code', async () => {
    const cles = await db
      .selectFrom('cle_otp as k')
      .innerJoin('cle_otp_centre as kc', 'kc.cle_id', 'k.id')
      .innerJoin('etablissement as e', 'e.id', 'kc.etablissement_id')
      .select(['k.identifiant', 'k.numero_serie', 'k.type', 'k.periode', 'k.etat', 'k.secret_chiffre', 'k.pin_hash', 'e.uai'])
      .where('k.academie_code', '=', '17')
      .orderBy('k.identifiant')
      .execute();
    expect(cles.map((k) => [k.identifiant, k.type, k.periode, k.etat, k.uai])).toEqual([
      ['OTP-DEMO-NANTES-01', 'HOTP', null, 'remise', UAI_LP_RENNES],
      ['OTP-DEMO-NANTES-02', 'TOTP', 30, 'remise', UAI_LP_RENNES],
    ]);
    for (const [i, k] of cles.entries()) {
      expect(k.secret_chiffre).toBe(PREFIXE_SECRET_DEMO + CLES_OTP_NANTES[i]!.secretHex);
      expect(await verifier(k.pin_hash, CLES_OTP_NANTES[i]!.pin!)).toBe(true);
    }
    expect(new Set(cles.map((k) => k.numero_serie)).size).toBe(2);
    const hotp = CLES_OTP_NANTES[0]!;
    const code = calculerHotp(Buffer.from(hotp.secretHex, 'hex'), 0);
    expect(code).toBe('548620'); // the README's
    expect(await authentifierCle(p.ctx, { identifiant: hotp.identifiant, motDePasse: `${hotp.pin}${code}`, now: p.clock.now() })).toMatchObject({ ok: true, academieCode: '17' });
  });

  it("ferme le portail de secours de Rennes et ouvre, à Rennes seulement, l'activité « Portail délibération de jury »", async () => {
    expect(await db.selectFrom('portail_secours').select(['academie_code', 'actif', 'reference_autorisation']).execute()).toEqual([{ academie_code: '14', actif: false, reference_autorisation: null }]);
    expect(await activiteOuverte(db, '14', 'imagin-intervenant', 'portail-deliberation-jury')).toBe(true);
    expect(await activiteOuverte(db, '17', 'imagin-intervenant', 'portail-deliberation-jury')).toBe(false);
  });
});

/** The rows of the portail Jury's demo (without hashes, salted at each load, nor what the tests above use: a key's state and secret). */
async function lignesPortail(d: Db) {
  const jurys = await d.selectFrom('jury').select(['id', 'academie_code', 'numero', 'etat', 'modifie_le']).where('numero', 'in', [JURY_PORTAIL_RENNES, JURY_PORTAIL_NANTES]).orderBy('id').execute();
  const ids = jurys.map((j) => j.id);
  const [candidats, notes, transitions, convocations, comptes, cles, secours, activites] = await Promise.all([
    d.selectFrom('candidature as c').innerJoin('candidat as ca', 'ca.id', 'c.candidat_id').select(['c.id', 'c.numero_candidat', 'c.academie_code', 'ca.ine', 'ca.nom', 'ca.prenom', 'ca.date_naissance']).where('c.jury_id', 'in', ids).orderBy('c.id').execute(),
    d
      .selectFrom('note')
      .select(['candidature_id', 'epreuve_option_id', 'groupe', 'statut', 'valeur'])
      .where('candidature_id', 'in', (eb) => eb.selectFrom('candidature').select('id').where('jury_id', 'in', ids))
      .orderBy('candidature_id')
      .orderBy('groupe')
      .orderBy('epreuve_option_id')
      .execute(),
    d.selectFrom('jury_transition').select(['jury_id', 'de', 'vers', 'le']).where('jury_id', 'in', ids).orderBy('id').execute(),
    d
      .selectFrom('convocation as c')
      .innerJoin('mission as m', 'm.id', 'c.mission_id')
      .innerJoin('personne as p', 'p.id', 'c.personne_id')
      .select(['m.numero', 'm.academie_code', 'm.cree_le', 'p.id', 'p.nom', 'p.academie_code as academie_personne', 'p.tel_perso', 'c.statut', 'c.cree_le as convoque_le'])
      .where('m.numero', 'in', [MISSION_PORTAIL_RENNES, MISSION_PORTAIL_NANTES])
      .orderBy('c.id')
      .execute(),
    d.selectFrom('compte').select(['login', 'email', 'personne_id', 'mot_de_passe_temporaire']).where('login', 'in', DEFINITIONS_COMPTES_JURY.map((c) => c.login)).orderBy('login').execute(),
    d.selectFrom('cle_otp').select(['identifiant', 'numero_serie', 'type', 'cree_le']).where('academie_code', '=', '17').orderBy('identifiant').execute(),
    d.selectFrom('portail_secours').selectAll().execute(),
    d.selectFrom('activite_ouverture').selectAll().where('activite', '=', 'portail-deliberation-jury').execute(),
  ]);
  return { jurys, candidats, notes, transitions, convocations, comptes, cles, secours, activites };
}

describe('chargement de la démonstration du portail Jury', () => {
  it('donne les mêmes lignes à chaque chargement', async () => {
    const autre = await freshDatabase();
    try {
      await chargerDemo(autre.db, { scale: 1 });
      const a = await lignesPortail(db);
      expect(a.candidats).toHaveLength(20);
      expect(a.convocations).toHaveLength(3);
      expect(await lignesPortail(autre.db)).toEqual(a);
    } finally {
      await autre.close();
    }
  });
});
