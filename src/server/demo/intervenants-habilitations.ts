// Demo of the intervenant service's activities that depend on who the person is (issue 15, seed 004
// §2.7 and §2.10; rules in src/server/imagin-intervenant/habilitations.ts):
// - prof.sport, an EPS teacher of LA PROMENADE (2nde GT, terminale générale) and BREQUIGNY (2nde pro,
//   CAP): « Gestion des épreuves EPS »;
// - habilite.sujets, discipline de poste IMSUJ: « Gestion des sujets »;
// - inspecteur.general, grade IGESR: « Gestion des sujets » and « Statistiques nationales de notation ».
// Personnes of Rennes created here with their accounts (password of the demo's intervenants).
import { genererCompetencesSys } from '../imagin-etablissement/competences-sys.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/tables.ts';
import { hacher } from '../platform/passwords.ts';
import { COMPTES_HABILITATIONS, DEFINITIONS_COMPTES_HABILITATIONS, MOTS_DE_PASSE, type TypeMotDePasse } from './comptes.ts';
import { ANNEE_SCOLAIRE, MEFS, UAI_LP_RENNES, UAI_LYCEE_RENNES } from './donnees.ts';

const LE = new Date('2026-01-05T09:00:00Z');
const MATIERE_EPS = 'EDUCATION PHYSIQUE ET SPORTIVE';

/** prof.sport's teachings: BGT classes at LA PROMENADE, BCP and CAP classes at BREQUIGNY. */
const ENSEIGNEMENTS_EPS: ReadonlyArray<{ uai: string; mef: string; structure: string }> = [
  { uai: UAI_LYCEE_RENNES, mef: '20010018110', structure: 'Div. Classe : 2NDE3' },
  { uai: UAI_LYCEE_RENNES, mef: '20212001110', structure: 'Div. Classe : TG1' },
  { uai: UAI_LP_RENNES, mef: '24731208210', structure: 'Div. Classe : 2MRC' },
  { uai: UAI_LP_RENNES, mef: '24331208210', structure: 'Div. Classe : 1CAPEPC' },
];

export async function chargerIntervenantsHabilitations(
  trx: Transaction<DB>,
  cles: { etabId: ReadonlyMap<string, number>; empreintes: ReadonlyMap<TypeMotDePasse, string> },
): Promise<{ personnes: number; comptes: number; enseignements: number }> {
  const empreinte = cles.empreintes.get('intervenant') ?? (await hacher(MOTS_DE_PASSE.intervenant));
  const personneDe = new Map<string, number>();
  for (const def of DEFINITIONS_COMPTES_HABILITATIONS) {
    const p = await trx
      .insertInto('personne')
      .values({
        academie_code: def.academie,
        civilite: def.civilite,
        nom: def.nom,
        prenom: def.prenom,
        date_naissance: null,
        numen: null,
        discipline_poste: def.discipline,
        grade: def.grade,
        email_pro: def.email,
        email_perso: null,
        tel_pro: null,
        tel_perso: null,
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
    personneDe.set(def.login, p.id);
    const compte = await trx
      .insertInto('compte')
      .values({ login: def.login, password_hash: empreinte, mot_de_passe_temporaire: false, email: def.email, type: 'intervenant', personne_id: p.id, mot_de_passe_change_le: LE })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('role_attribution').values({ compte_id: compte.id, role: 'intervenant', academie_code: def.academie, etablissement_id: null, personne_id: p.id }).execute();
  }

  const sport = personneDe.get(COMPTES_HABILITATIONS.eps)!;
  const etab = (uai: string) => {
    const id = cles.etabId.get(uai);
    if (id === undefined) throw new Error(`Démonstration : établissement ${uai} absent.`);
    return id;
  };
  await trx
    .insertInto('personne_etablissement')
    .values([
      { personne_id: sport, etablissement_id: etab(UAI_LYCEE_RENNES), principal: true },
      { personne_id: sport, etablissement_id: etab(UAI_LP_RENNES), principal: false },
    ])
    .execute();
  await trx
    .insertInto('enseignement')
    .values(
      ENSEIGNEMENTS_EPS.map((e) => {
        const mef = MEFS.find((m) => m.code === e.mef)!;
        return { personne_id: sport, etablissement_id: etab(e.uai), annee_scolaire: ANNEE_SCOLAIRE, mef_code: mef.code, mef_libelle: mef.libelle, type_mef: mef.type, matiere: MATIERE_EPS, modalite_cours: 'CG', structure: e.structure };
      }),
    )
    .execute();
  // His teachings give him the SYS (C) compétences the generation treatment would give (issue 4):
  // the demo holds what the application holds, and running the treatment again changes nothing.
  await genererCompetencesSys(trx, '14', LE);
  return { personnes: personneDe.size, comptes: personneDe.size, enseignements: ENSEIGNEMENTS_EPS.length };
}
