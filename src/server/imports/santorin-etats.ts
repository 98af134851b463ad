// Import of the SANTORIN correction states (issue 15, seed 004 §2.6.1; docs/imports/santorin-etats.md):
// NUMERO_MISSION;ETAT[;NUMEN]. Without NUMEN, the state of the mission for all its correctors; with a
// NUMEN, that corrector's own state (it prevails for him). Only missions of the gestionnaire's
// académie whose type opens SANTORIN; a NUMEN must be convoked to that mission. Importing the same
// file twice changes nothing (states compared before writing).
import { sql } from 'kysely';
import { APPLICATION_DU_TYPE, ETATS_SANTORIN, LIBELLE_ETAT_SANTORIN, lireEtatSantorin, type EtatSantorin } from '../../domain/imagin/portails.ts';
import { lireNumen, numenCourt, rejetsDeLigne } from './genres/controles.ts';
import type { BilanImport, GenreImport } from './genres.ts';
import type { RejetLigne } from './fichier-csv.ts';

interface LigneEtat {
  numero: number;
  etat: EtatSantorin;
  numen: string | null;
}


export const importEtatsSantorin: GenreImport<LigneEtat> = {
  code: 'santorin-etats',
  libelle: 'États de correction SANTORIN',
  description:
    "Le fichier des états de correction exporté de SANTORIN : pour chaque mission de correction, de numérisation ou de notation EPS CCF, « A corriger dans SANTORIN », « A numériser dans SANTORIN » ou « Service fait SANTORIN », pour toute la mission ou pour un correcteur (NUMEN). Les intervenants lisent ces états dans leur « Portail d'accès aux missions ».",
  documentation: 'docs/imports/santorin-etats.md',
  unite: 'état(s) de correction',
  colonnes: [
    { nom: 'NUMERO_MISSION', obligatoire: true, description: "Numéro de la mission dans IMAG'IN (votre académie)." },
    { nom: 'ETAT', obligatoire: true, description: 'A_CORRIGER, A_NUMERISER ou SERVICE_FAIT (ou le libellé : « A corriger dans SANTORIN »…).' },
    { nom: 'NUMEN', obligatoire: false, description: "NUMEN du correcteur convoqué ; vide : l'état de toute la mission." },
  ],
  lire(champ, ligne) {
    const { rejets, rejet } = rejetsDeLigne(ligne);
    const n = champ('NUMERO_MISSION');
    const e = champ('ETAT');
    if (!n) rejet('NUMERO_MISSION', 'vide : le numéro de la mission est obligatoire.');
    else if (!/^\d{1,9}$/.test(n) || Number(n) === 0) rejet('NUMERO_MISSION', `« ${n} » n'est pas un numéro de mission : un nombre entier positif est attendu.`);
    const etat = lireEtatSantorin(e);
    if (!e) rejet('ETAT', `vide : ${ETATS_SANTORIN.map((x) => x.toUpperCase()).join(', ')} est attendu.`);
    else if (!etat) rejet('ETAT', `« ${e} » n'est pas un état connu : A_CORRIGER, A_NUMERISER ou SERVICE_FAIT (ou « ${Object.values(LIBELLE_ETAT_SANTORIN).join(' », « ')} ») est attendu.`);
    const numen = lireNumen(champ, rejet, null);
    if (rejets.length) return { rejets };
    return { valeur: { numero: Number(n), etat: etat!, numen: numen || null } };
  },
  async appliquer(trx, c, lignes): Promise<BilanImport> {
    const rejets: RejetLigne[] = [];
    const numeros = [...new Set(lignes.map((l) => l.valeur.numero))];
    const missions = numeros.length
      ? await trx
          .selectFrom('mission as m')
          .innerJoin('type_mission as tm', 'tm.code', 'm.type_mission')
          .select(['m.id', 'm.numero', 'm.type_mission', 'tm.libelle'])
          .where('m.academie_code', '=', c.academieCode)
          .where(sql<boolean>`m.numero = any(${sql.val(numeros)}::int[])`)
          .execute()
      : [];
    const parNumero = new Map(missions.map((m) => [m.numero, m]));
    const ids = missions.map((m) => m.id);
    const numens = [...new Set(lignes.flatMap((l) => (l.valeur.numen ? [l.valeur.numen] : [])))];
    const convoques = ids.length && numens.length
      ? await trx
          .selectFrom('convocation as cv')
          .innerJoin('personne as p', 'p.id', 'cv.personne_id')
          .select(['cv.mission_id', 'p.id as personne_id', 'p.numen'])
          .where(sql<boolean>`cv.mission_id = any(${sql.val(ids)}::int[])`)
          .where('cv.statut', '=', 'convoquee')
          .where('p.numen', 'in', numens)
          .execute()
      : [];
    const convoque = new Map(convoques.map((x) => [`${x.mission_id}|${x.numen}`, x.personne_id]));
    const existants = ids.length
      ? await trx.selectFrom('santorin_etat').select(['id', 'mission_id', 'personne_id', 'etat']).where(sql<boolean>`mission_id = any(${sql.val(ids)}::int[])`).execute()
      : [];
    const existant = new Map(existants.map((e) => [`${e.mission_id}|${e.personne_id ?? ''}`, e]));

    const vues = new Map<string, number>();
    const aInserer: Array<{ mission_id: number; personne_id: number | null; etat: EtatSantorin }> = [];
    const aModifier = new Map<EtatSantorin, number[]>();
    let inchangees = 0;
    for (const { ligne, valeur: v } of lignes) {
      const m = parNumero.get(v.numero);
      if (!m) {
        rejets.push({ ligne, champ: 'NUMERO_MISSION', motif: `aucune mission n° ${v.numero} dans l'académie de ${c.academieLibelle}.` });
        continue;
      }
      if (APPLICATION_DU_TYPE[m.type_mission] !== 'SANTORIN') {
        rejets.push({ ligne, champ: 'NUMERO_MISSION', motif: `la mission n° ${v.numero} est de type ${m.type_mission} (${m.libelle}) : elle ne donne pas accès à SANTORIN.` });
        continue;
      }
      let personneId: number | null = null;
      if (v.numen) {
        const p = convoque.get(`${m.id}|${v.numen}`);
        if (p === undefined) {
          rejets.push({ ligne, champ: 'NUMEN', motif: `aucun intervenant de NUMEN ${numenCourt(v.numen)} n'est convoqué à la mission n° ${v.numero}.` });
          continue;
        }
        personneId = p;
      }
      const cle = `${m.id}|${personneId ?? ''}`;
      const deja = vues.get(cle);
      if (deja !== undefined) {
        rejets.push({ ligne, champ: v.numen ? 'NUMEN' : 'NUMERO_MISSION', motif: `l'état de ${v.numen ? `ce correcteur pour la mission n° ${v.numero}` : `la mission n° ${v.numero}`} est déjà donné ligne ${deja}.` });
        continue;
      }
      vues.set(cle, ligne);
      const e = existant.get(cle);
      if (!e) aInserer.push({ mission_id: m.id, personne_id: personneId, etat: v.etat });
      else if (e.etat === v.etat) inchangees++;
      else aModifier.set(v.etat, [...(aModifier.get(v.etat) ?? []), e.id]);
    }
    for (let i = 0; i < aInserer.length; i += 1000) {
      await trx
        .insertInto('santorin_etat')
        .values(aInserer.slice(i, i + 1000).map((x) => ({ ...x, academie_code: c.academieCode, importe_le: c.le, traitement_id: c.traitementId })))
        .execute();
    }
    let modifiees = 0;
    for (const [etat, idsModifies] of aModifier) {
      await trx.updateTable('santorin_etat').set({ etat, importe_le: c.le, traitement_id: c.traitementId }).where(sql<boolean>`id = any(${sql.val(idsModifies)}::int[])`).execute();
      modifiees += idsModifies.length;
    }
    return { rejets, ajoutees: aInserer.length, modifiees, inchangees };
  },
};
