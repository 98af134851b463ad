// Demo of the Enquête DCS (issue 15, seed 004 §2.9, decision 0023), in the SIEC's IMAG'IN:
// - an établissement of the SIEC with DCG and DSCG classes (the SIEC had none): LYCEE DES METIERS DE LA
//   GESTION-DEMO, Paris;
// - twelve DCS teachers there (teachings of MEF type DCG/DSCG): prof.dcs, who has not begun (the
//   e2e scenario answers the six steps), and eleven others whose answers are validated (one modified
//   after validating), in progress, or not begun — the gestionnaire's list has some of each;
// - a BTS teacher of the same lycée, who does not see the survey (not a DCS teacher);
// - dec.siec, the SIEC's gestionnaire, who opened the 2027 campaign.
import type { Transaction } from 'kysely';
import type { ReponsesEtapes } from '../../domain/imagin/enquete-dcs.ts';
import type { DB } from '../platform/db/tables.ts';
import { hacher } from '../platform/passwords.ts';
import { COMPTES_ENQUETE_DCS, DEFINITIONS_COMPTES_ENQUETE_DCS, MOTS_DE_PASSE, type TypeMotDePasse } from './comptes.ts';
import { ANNEE_SCOLAIRE } from './donnees.ts';

const LE = new Date('2026-01-05T09:00:00Z');
const OUVERTE_LE = new Date('2026-11-16T08:30:00Z');
export const ANNEE_ENQUETE_DCS_DEMO = 2027;
const SIEC = 'SIEC';

/** The SIEC's établissement of the demo (UAI with its key, see controlerUai). */
export const UAI_LYCEE_GESTION_SIEC = '0750690T';

/** MEFs of the DCS classes (type_mef as TYPES_MEF_DCS reads them) and of a BTS class. */
const MEF = {
  dcg1: { code: '36031000010', libelle: 'DCG1 COMPTABILITE ET GESTION', type: 'DCG 1A' },
  dcg2: { code: '36131000010', libelle: 'DCG2 COMPTABILITE ET GESTION', type: 'DCG 2A' },
  dcg3: { code: '36231000010', libelle: 'DCG3 COMPTABILITE ET GESTION', type: 'DCG 3A' },
  dscg1: { code: '37031000010', libelle: 'DSCG1 COMPTABILITE ET GESTION', type: 'DSCG 1A' },
  dscg2: { code: '37131000010', libelle: 'DSCG2 COMPTABILITE ET GESTION', type: 'DSCG 2A' },
  bts: { code: '32031214210', libelle: '1BTS2 COMPTABILITE ET GESTION', type: 'BTS 1A' },
} as const;

type Etat = 'validee' | 'modifiee' | 'en_cours' | 'aucune';

interface EnseignantDcs {
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  mef: keyof typeof MEF;
  matiere: string;
  etat: Etat;
  reponses?: Partial<ReponsesEtapes>;
}

const en = (fonction: string): ReponsesEtapes['activite'] => ({ situation: 'en_activite', fonction, anneeRetraite: '', precision: '' });
const ici: ReponsesEtapes['etablissements'] = { aucun: false, etablissements: [{ uai: UAI_LYCEE_GESTION_SIEC, libelle: 'LGT LYCEE DES METIERS DE LA GESTION-DEMO PARIS' }] };
const complet = (activite: ReponsesEtapes['activite'], ues: string[], vae: ReponsesEtapes['vae'], ecrites: string[], orales: string[]): ReponsesEtapes => ({
  activite,
  etablissements: ici,
  enseignements: { aucun: false, ues },
  vae,
  'epreuves-ecrites': ecrites.length ? { souhaite: 'oui', ues: ecrites } : { souhaite: 'non', ues: [] },
  'epreuves-orales': orales.length ? { souhaite: 'oui', ues: orales } : { souhaite: 'non', ues: [] },
});

/** The eleven other DCS teachers (prof.dcs is in DEFINITIONS_COMPTES_ENQUETE_DCS). */
const AUTRES: readonly EnseignantDcs[] = [
  { civilite: 'M.', nom: 'ACACIA-DEMO', prenom: 'Bruno', mef: 'dcg1', matiere: 'DROIT', etat: 'validee', reponses: complet(en('Professeur agrégé d’économie et gestion'), ['DCG-1', 'DCG-3'], { disponible: 'non', diplomes: [] }, ['DCG-1', 'DCG-3'], []) },
  { civilite: 'Mme', nom: 'BOULEAU-DCS-DEMO', prenom: 'Nadia', mef: 'dscg1', matiere: 'FINANCE', etat: 'validee', reponses: complet(en('Professeure agrégée d’économie et gestion'), ['DSCG-2', 'DCG-6'], { disponible: 'oui', diplomes: ['DSCG'] }, ['DSCG-2'], ['DSCG-7']) },
  { civilite: 'M.', nom: 'CEDRE-DEMO', prenom: 'Olivier', mef: 'dcg3', matiere: 'CONTROLE DE GESTION', etat: 'modifiee', reponses: complet(en('Expert-comptable, enseignant vacataire'), ['DCG-11'], { disponible: 'oui', diplomes: ['DCG', 'DSCG'] }, ['DCG-11', 'DSCG-3'], ['DCG-13']) },
  { civilite: 'Mme', nom: 'DATTIER-DEMO', prenom: 'Sophie', mef: 'dcg2', matiere: 'COMPTABILITE', etat: 'validee', reponses: complet(en('Professeure certifiée d’économie et gestion'), ['DCG-9', 'DCG-10'], { disponible: 'non', diplomes: [] }, ['DCG-9', 'DCG-10'], []) },
  { civilite: 'M.', nom: 'EPICEA-DEMO', prenom: 'Thomas', mef: 'dscg2', matiere: 'ANGLAIS', etat: 'validee', reponses: complet(en('Professeur agrégé d’anglais'), ['DCG-12'], { disponible: 'non', diplomes: [] }, ['DCG-12'], ['DSCG-6']) },
  {
    civilite: 'Mme',
    nom: 'FRENE-DEMO',
    prenom: 'Martine',
    mef: 'dcg1',
    matiere: 'ECONOMIE',
    etat: 'validee',
    reponses: { ...complet({ situation: 'retraite', fonction: '', anneeRetraite: '2024', precision: '' }, [], { disponible: 'oui', diplomes: ['DCG'] }, ['DCG-5'], []), etablissements: { aucun: true, etablissements: [] }, enseignements: { aucun: true, ues: [] } },
  },
  { civilite: 'M.', nom: 'GINKGO-DEMO', prenom: 'Karim', mef: 'dcg2', matiere: 'SYSTEMES D INFORMATION', etat: 'en_cours', reponses: { activite: en('Professeur certifié d’économie et gestion'), etablissements: ici, enseignements: { aucun: false, ues: ['DCG-8'] } } },
  { civilite: 'Mme', nom: 'HETRE-DEMO', prenom: 'Julie', mef: 'dscg1', matiere: 'DROIT', etat: 'en_cours', reponses: { activite: en('Avocate, enseignante vacataire') } },
  { civilite: 'M.', nom: 'IF-DEMO', prenom: 'Laurent', mef: 'dcg3', matiere: 'MANAGEMENT', etat: 'en_cours', reponses: { activite: en('Professeur agrégé d’économie et gestion'), etablissements: ici } },
  { civilite: 'Mme', nom: 'JUJUBIER-DEMO', prenom: 'Amandine', mef: 'dcg1', matiere: 'DROIT', etat: 'aucune' },
  { civilite: 'M.', nom: 'KAPOKIER-DEMO', prenom: 'Yann', mef: 'dscg2', matiere: 'AUDIT', etat: 'aucune' },
];

const COLONNE = { activite: 'activite', etablissements: 'etablissements', enseignements: 'enseignements', vae: 'vae', 'epreuves-ecrites': 'epreuves_ecrites', 'epreuves-orales': 'epreuves_orales' } as const;

export async function chargerEnqueteDcs(trx: Transaction<DB>, cles: { empreintes: ReadonlyMap<TypeMotDePasse, string> }): Promise<{ personnes: number; comptes: number; enseignements: number }> {
  const etab = await trx
    .insertInto('etablissement')
    .values({ uai: UAI_LYCEE_GESTION_SIEC, academie_code: SIEC, nom: 'LYCEE DES METIERS DE LA GESTION-DEMO', type: 'LGT', adresse: '12 rue des Comptes-Demo', code_postal: '75013', commune: 'PARIS', telephone: null, email: null })
    .returning('id')
    .executeTakeFirstOrThrow();

  const personne = async (p: { civilite: 'M.' | 'Mme'; nom: string; prenom: string; email: string | null; discipline: string }) =>
    (
      await trx
        .insertInto('personne')
        .values({
          academie_code: SIEC,
          civilite: p.civilite,
          nom: p.nom,
          prenom: p.prenom,
          date_naissance: null,
          numen: null,
          discipline_poste: p.discipline,
          grade: 'PROFESSEUR AGREGE',
          email_pro: p.email,
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
        .executeTakeFirstOrThrow()
    ).id;
  const enseigne = async (personneId: number, mef: keyof typeof MEF, matiere: string) => {
    await trx.insertInto('personne_etablissement').values({ personne_id: personneId, etablissement_id: etab.id, principal: true }).execute();
    const m = MEF[mef];
    await trx
      .insertInto('enseignement')
      .values({ personne_id: personneId, etablissement_id: etab.id, annee_scolaire: ANNEE_SCOLAIRE, mef_code: m.code, mef_libelle: m.libelle, type_mef: m.type, matiere, modalite_cours: 'CG', structure: `Div. Classe : ${m.libelle.split(' ')[0]}` })
      .execute();
  };

  // The accounts: the gestionnaire, prof.dcs (DCG 3A and DSCG 1A) and the BTS teacher.
  const compteIds = new Map<string, number>();
  let enseignements = 0;
  let personnes = 0;
  for (const def of DEFINITIONS_COMPTES_ENQUETE_DCS) {
    const empreinte = cles.empreintes.get(def.motDePasse) ?? (await hacher(MOTS_DE_PASSE[def.motDePasse]));
    let personneId: number | null = null;
    if (def.personne) {
      personneId = await personne({ ...def.personne, email: def.email });
      personnes++;
      await enseigne(personneId, def.personne.mef, def.personne.matiere);
      enseignements++;
      if (def.login === COMPTES_ENQUETE_DCS.enseignant) {
        const m = MEF.dscg1;
        await trx
          .insertInto('enseignement')
          .values({ personne_id: personneId, etablissement_id: etab.id, annee_scolaire: ANNEE_SCOLAIRE, mef_code: m.code, mef_libelle: m.libelle, type_mef: m.type, matiere: 'MANAGEMENT ET CONTROLE DE GESTION', modalite_cours: 'CG', structure: 'Div. Classe : DSCG1' })
          .execute();
        enseignements++;
      }
    }
    const compte = await trx
      .insertInto('compte')
      .values({ login: def.login, password_hash: empreinte, mot_de_passe_temporaire: false, email: def.email, type: def.role === 'gestionnaire' ? 'agent' : 'intervenant', personne_id: personneId, mot_de_passe_change_le: LE })
      .returning('id')
      .executeTakeFirstOrThrow();
    compteIds.set(def.login, compte.id);
    await trx.insertInto('role_attribution').values({ compte_id: compte.id, role: def.role, academie_code: SIEC, etablissement_id: null, personne_id: personneId }).execute();
  }

  // The campaign 2027, opened by dec.siec.
  const gestionnaire = compteIds.get(COMPTES_ENQUETE_DCS.gestionnaire)!;
  const enquete = await trx
    .insertInto('enquete_dcs')
    .values({ academie_code: SIEC, annee: ANNEE_ENQUETE_DCS_DEMO, cree_le: OUVERTE_LE, ouverte_le: OUVERTE_LE, ouverte_par: gestionnaire })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('activite_ouverture')
    .values({ academie_code: SIEC, service: 'imagin-intervenant', activite: 'enquete-dcs', ouverte: true, motif: null, modifie_le: OUVERTE_LE, modifie_par: gestionnaire })
    .onConflict((oc) => oc.columns(['academie_code', 'service', 'activite']).doNothing())
    .execute();

  // The other DCS teachers and their answers.
  for (const [i, t] of AUTRES.entries()) {
    const id = await personne({ civilite: t.civilite, nom: t.nom, prenom: t.prenom, email: `${t.prenom.toLowerCase()}.${t.nom.toLowerCase()}@demo.siec.education.fr`, discipline: 'ECONOMIE ET GESTION' });
    personnes++;
    await enseigne(id, t.mef, t.matiere);
    enseignements++;
    if (t.etat === 'aucune' || !t.reponses) continue;
    const modifie = new Date(OUVERTE_LE.getTime() + (i + 1) * 86_400_000);
    const colonnes: Record<string, string> = {};
    for (const [etape, valeur] of Object.entries(t.reponses)) colonnes[COLONNE[etape as keyof typeof COLONNE]] = JSON.stringify(valeur);
    const valide = t.etat === 'validee' || t.etat === 'modifiee';
    await trx
      .insertInto('enquete_dcs_reponse')
      .values({
        enquete_id: enquete.id,
        personne_id: id,
        ...colonnes,
        version: Object.keys(t.reponses).length + (valide ? 1 : 0) + (t.etat === 'modifiee' ? 1 : 0),
        derniere_etape: t.etat === 'modifiee' ? 'vae' : Object.keys(t.reponses).at(-1)!,
        // Modified two days after validating: still validated, the date of the change shown.
        modifie_le: t.etat === 'modifiee' ? new Date(modifie.getTime() + 2 * 86_400_000) : modifie,
        valide_le: valide ? modifie : null,
      })
      .execute();
  }
  return { personnes, comptes: DEFINITIONS_COMPTES_ENQUETE_DCS.length, enseignements };
}
