// Import of the candidates and their registrations (issue 17, decision 0036; docs/imports/inscriptions.md):
// a CYCLADES-inscriptions-like file, one line per candidature, keyed by examen + session + numéro de
// candidat (the key of the `candidature` table: unique per session). A new key creates the candidature
// and, when its INE is unknown, the `candidat`; a known key is compared field by field and updated only
// when something differs (importing the same file twice changes nothing). The établissement (UAI) must
// be one of the gestionnaire's académie; a candidature or an INE of another académie is rejected: one
// académie never imports into another. Empty UAI: an individual candidate (no établissement).
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/tables.ts';
import type { RejetLigne } from '../fichier-csv.ts';
import type { BilanImport, ContexteImport, GenreImport } from '../genres.ts';
import { estMotif, etablissementDeLAcademie, LONGUEUR_MAX_NOM, lireIdentite, lireUai, rejetsDeLigne } from './controles.ts';

export type EtatInscription = 'inscrit' | 'pre_inscrit' | 'annule';

export interface LigneInscription {
  ine: string | null;
  numero: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  dateNaissance: string;
  email: string | null;
  uai: string | null;
  examen: string;
  session: string;
  serie: string;
  serieLibelle: string;
  specialite: string | null;
  division: string;
  epreuves: string[];
  etat: EtatInscription;
}

/** The labels CYCLADES exports, and the codes the candidature table stores. */
const ETATS: Record<string, EtatInscription> = {
  INSCRIT: 'inscrit',
  'PRE-INSCRIT': 'pre_inscrit',
  PRE_INSCRIT: 'pre_inscrit',
  PREINSCRIT: 'pre_inscrit',
  ANNULE: 'annule',
};

const sansAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export function lireEtatInscription(s: string): EtatInscription | null {
  return ETATS[sansAccents(s).toUpperCase().replace(/\s+/g, '-')] ?? null;
}


export const importInscriptions: GenreImport<LigneInscription> = {
  code: 'inscriptions',
  libelle: 'Candidats et inscriptions (CYCLADES)',
  description:
    "L'extraction des inscriptions de CYCLADES : une ligne par candidature (numéro de candidat d'une session d'examen), avec l'identité du candidat (INE), son adresse électronique, son établissement (UAI), sa série ou spécialité, sa division, ses épreuves et l'état Inscrit, Pré-inscrit ou Annulé. Un numéro inconnu crée la candidature (et le candidat si son INE est inconnu) ; un numéro connu met à jour ce qui a changé.",
  documentation: 'docs/imports/inscriptions.md',
  unite: 'inscription(s)',
  colonnes: [
    { nom: 'EXAMEN', obligatoire: true, description: "Code de l'examen dans CYCLADES (100 : DNB…)." },
    { nom: 'SESSION', obligatoire: true, description: 'Code de la session de cet examen (2027-06).' },
    { nom: 'NUMERO_CANDIDAT', obligatoire: true, description: 'Numéro de candidat, unique dans la session (lettres et chiffres, 20 au plus).' },
    { nom: 'INE', obligatoire: false, description: "Identifiant national élève, 11 chiffres ou lettres ; vide pour un candidat individuel sans INE." },
    { nom: 'CIVILITE', obligatoire: true, description: 'M. ou Mme (MONSIEUR, MADAME acceptés).' },
    { nom: 'NOM', obligatoire: true, description: 'Nom.' },
    { nom: 'PRENOM', obligatoire: true, description: 'Prénom.' },
    { nom: 'DATE_NAISSANCE', obligatoire: true, description: 'JJ/MM/AAAA.' },
    { nom: 'EMAIL', obligatoire: false, description: 'Adresse électronique du candidat.' },
    { nom: 'UAI', obligatoire: false, description: "UAI de l'établissement d'inscription, de votre académie ; vide : candidat individuel." },
    { nom: 'SERIE', obligatoire: false, description: 'Code de la série (G, STMG…).' },
    { nom: 'SERIE_LIBELLE', obligatoire: false, description: 'Libellé de la série.' },
    { nom: 'SPECIALITE', obligatoire: false, description: "Code de la spécialité de l'examen (obligatoire quand des épreuves sont données)." },
    { nom: 'DIVISION', obligatoire: false, description: 'Division de classe (3A, TSTMG2…).' },
    { nom: 'EPREUVES', obligatoire: false, description: 'Codes des épreuves de la spécialité, séparés par « | » (E1|E2|E31).' },
    { nom: 'ETAT', obligatoire: true, description: 'Inscrit, Pré-inscrit ou Annulé.' },
  ],
  lire(champ, ligne) {
    const { rejets, rejet } = rejetsDeLigne(ligne);
    const examen = champ('EXAMEN').toUpperCase();
    if (!examen) rejet('EXAMEN', "vide : le code de l'examen est obligatoire.");
    const session = champ('SESSION');
    if (!session) rejet('SESSION', 'vide : le code de la session est obligatoire.');
    const numero = champ('NUMERO_CANDIDAT').toUpperCase();
    if (!numero) rejet('NUMERO_CANDIDAT', 'vide : le numéro de candidat est obligatoire.');
    else if (!/^[0-9A-Z]{1,20}$/.test(numero)) rejet('NUMERO_CANDIDAT', `« ${numero} » n'est pas un numéro de candidat : 1 à 20 chiffres ou lettres attendus.`);
    const ine = champ('INE').toUpperCase();
    if (ine && !/^[0-9A-Z]{11}$/.test(ine)) rejet('INE', `« ${ine} » n'est pas un INE : 11 chiffres ou lettres attendus (123456789AB).`);
    const { civilite, nom, prenom, dateNaissance } = lireIdentite(champ, rejet, '14/03/2011');
    const email = champ('EMAIL');
    if (email && !/^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/.test(email)) rejet('EMAIL', `« ${email} » n'est pas une adresse électronique (prenom.nom@exemple.fr).`);
    const uai = lireUai(champ, rejet, null);
    const specialite = champ('SPECIALITE').toUpperCase();
    const epreuves = champ('EPREUVES')
      .split('|')
      .map((e) => e.trim().toUpperCase())
      .filter(Boolean);
    if (epreuves.length && !specialite) rejet('SPECIALITE', 'vide : la spécialité est obligatoire quand des épreuves sont données.');
    const doublon = epreuves.find((e, i) => epreuves.indexOf(e) !== i);
    if (doublon) rejet('EPREUVES', `l'épreuve ${doublon} est donnée deux fois.`);
    const e = champ('ETAT');
    const etat = lireEtatInscription(e);
    if (!e) rejet('ETAT', 'vide : Inscrit, Pré-inscrit ou Annulé est attendu.');
    else if (!etat) rejet('ETAT', `« ${e} » n'est pas un état d'inscription : Inscrit, Pré-inscrit ou Annulé est attendu.`);
    for (const c of ['SERIE', 'SERIE_LIBELLE', 'DIVISION']) {
      const v = champ(c);
      if (v.length > LONGUEUR_MAX_NOM) rejet(c, `${LONGUEUR_MAX_NOM} caractères au plus (${v.length} donnés).`);
    }
    if (rejets.length) return { rejets };
    return {
      valeur: {
        ine: ine || null,
        numero,
        civilite: civilite!,
        nom,
        prenom,
        dateNaissance: dateNaissance!,
        email: email ? email.toLowerCase() : null,
        uai: uai || null,
        examen,
        session,
        serie: champ('SERIE').toUpperCase(),
        serieLibelle: champ('SERIE_LIBELLE'),
        specialite: specialite || null,
        division: champ('DIVISION').toUpperCase(),
        epreuves: [...epreuves].sort(),
        etat: etat!,
      },
    };
  },
  cle: (v) => `${v.examen}|${v.session}|${v.numero}`,
  appliquer: (trx, c, lignes) => appliquerInscriptions(trx, c, lignes),
};

const memeListe = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

async function appliquerInscriptions(trx: Transaction<DB>, c: ContexteImport, lignes: ReadonlyArray<{ ligne: number; valeur: LigneInscription }>): Promise<BilanImport> {
  const rejets: RejetLigne[] = [];
  const rejet = (ligne: number, champ: string, motif: string) => rejets.push({ ligne, champ, motif });

  // Référentiel of the batch: sessions, établissements, spécialités and their épreuves.
  const examens = [...new Set(lignes.map((l) => l.valeur.examen))];
  const sessions = examens.length ? await trx.selectFrom('session_examen').select(['id', 'examen_code', 'code']).where('examen_code', 'in', examens).execute() : [];
  const sessionDe = new Map(sessions.map((s) => [`${s.examen_code}|${s.code}`, s.id]));
  const examensConnus = new Set(sessions.map((s) => s.examen_code));
  const uais = [...new Set(lignes.flatMap((l) => (l.valeur.uai ? [l.valeur.uai] : [])))];
  const etabs = new Map((uais.length ? await trx.selectFrom('etablissement').select(['id', 'uai', 'academie_code']).where('uai', 'in', uais).execute() : []).map((e) => [e.uai, e]));
  const specs = examens.length ? await trx.selectFrom('specialite').select(['id', 'examen_code', 'code']).where('examen_code', 'in', examens).execute() : [];
  const specDe = new Map(specs.map((s) => [`${s.examen_code}|${s.code}`, s.id]));
  const specIds = specs.map((s) => s.id);
  const options = specIds.length ? await trx.selectFrom('epreuve_option').select(['id', 'specialite_id', 'code']).where(sql<boolean>`specialite_id = any(${sql.val(specIds)}::int[])`).execute() : [];
  const optionDe = new Map(options.map((o) => [`${o.specialite_id}|${o.code}`, o.id]));

  // What IMAG'IN already knows: the candidatures of the batch's keys, the candidats of its INE.
  const sessionIds = [...new Set(sessions.map((s) => s.id))];
  const numeros = [...new Set(lignes.map((l) => l.valeur.numero))];
  const candidatures = sessionIds.length
    ? await trx
        .selectFrom('candidature as ca')
        .innerJoin('candidat as cd', 'cd.id', 'ca.candidat_id')
        .select([
          'ca.id',
          'ca.session_examen_id',
          'ca.numero_candidat',
          'ca.academie_code',
          'ca.etablissement_id',
          'ca.etat',
          'ca.email',
          'ca.serie_code',
          'ca.serie_libelle',
          'ca.division_classe',
          'ca.specialite_id',
          'cd.id as candidat_id',
          'cd.ine',
        ])
        .where(sql<boolean>`ca.session_examen_id = any(${sql.val(sessionIds)}::int[])`)
        .where(sql<boolean>`ca.numero_candidat = any(${sql.val(numeros)}::text[])`)
        .execute()
    : [];
  const candidatureDe = new Map(candidatures.map((x) => [`${x.session_examen_id}|${x.numero_candidat}`, x]));
  const ines = [...new Set(lignes.flatMap((l) => (l.valeur.ine ? [l.valeur.ine] : [])))];
  const candidatsIne = ines.length
    ? await trx.selectFrom('candidat').select(['id', 'ine', 'academie_code', 'civilite', 'nom', 'prenom', 'date_naissance']).where(sql<boolean>`ine = any(${sql.val(ines)}::text[])`).execute()
    : [];
  const candidatDeIne = new Map(candidatsIne.map((x) => [x.ine!, x]));
  const candidatIdsConnus = [...new Set([...candidatures.map((x) => x.candidat_id), ...candidatsIne.map((x) => x.id)])];
  const identites = new Map(
    (candidatIdsConnus.length
      ? await trx.selectFrom('candidat').select(['id', 'ine', 'academie_code', 'civilite', 'nom', 'prenom', 'date_naissance']).where(sql<boolean>`id = any(${sql.val(candidatIdsConnus)}::int[])`).execute()
      : []
    ).map((x) => [x.id, x]),
  );
  // The sessions each known candidat is already registered to (one candidature per session at most).
  const autresCandidatures = candidatIdsConnus.length
    ? await trx.selectFrom('candidature').select(['candidat_id', 'session_examen_id', 'numero_candidat']).where(sql<boolean>`candidat_id = any(${sql.val(candidatIdsConnus)}::int[])`).execute()
    : [];
  const numeroDuCandidatDansSession = new Map(autresCandidatures.map((x) => [`${x.candidat_id}|${x.session_examen_id}`, x.numero_candidat]));
  const ids = candidatures.map((x) => x.id);
  const epreuvesDe = new Map<number, number[]>();
  if (ids.length) {
    for (const r of await trx.selectFrom('candidature_epreuve').select(['candidature_id', 'epreuve_option_id']).where(sql<boolean>`candidature_id = any(${sql.val(ids)}::int[])`).orderBy('epreuve_option_id').execute()) {
      epreuvesDe.set(r.candidature_id, [...(epreuvesDe.get(r.candidature_id) ?? []), r.epreuve_option_id]);
    }
  }

  interface Nouvelle {
    v: LigneInscription;
    sessionId: number;
    etablissementId: number | null;
    specialiteId: number | null;
    options: number[];
    candidatId: number | null;
  }
  const nouvelles: Nouvelle[] = [];
  const candidatsACreer = new Map<string, LigneInscription>();
  const changementsCandidat = new Map<number, Record<string, unknown>>();
  const changementsCandidature: Array<{ id: number; modifs: Record<string, unknown>; options: number[] | null }> = [];
  let inchangees = 0;

  for (const { ligne, valeur: v } of lignes) {
    if (!examensConnus.has(v.examen)) {
      rejet(ligne, 'EXAMEN', `aucun examen de code ${v.examen} n'a de session dans IMAG'IN.`);
      continue;
    }
    const sessionId = sessionDe.get(`${v.examen}|${v.session}`);
    if (sessionId === undefined) {
      rejet(ligne, 'SESSION', `aucune session ${v.session} de l'examen ${v.examen}.`);
      continue;
    }
    let etablissementId: number | null = null;
    if (v.uai) {
      const e = etablissementDeLAcademie(etabs, v.uai, c);
      if (estMotif(e)) {
        rejet(ligne, 'UAI', e.motif);
        continue;
      }
      etablissementId = e.id;
    }
    let specialiteId: number | null = null;
    if (v.specialite) {
      const s = specDe.get(`${v.examen}|${v.specialite}`);
      if (s === undefined) {
        rejet(ligne, 'SPECIALITE', `aucune spécialité ${v.specialite} de l'examen ${v.examen}.`);
        continue;
      }
      specialiteId = s;
    }
    const opts: number[] = [];
    const inconnues = v.epreuves.filter((code) => {
      const o = optionDe.get(`${specialiteId}|${code}`);
      if (o !== undefined) opts.push(o);
      return o === undefined;
    });
    if (inconnues.length) {
      rejet(ligne, 'EPREUVES', `${inconnues.length > 1 ? 'épreuves inconnues' : 'épreuve inconnue'} dans la spécialité ${v.specialite} : ${inconnues.join(', ')}.`);
      continue;
    }
    opts.sort((a, b) => a - b);
    const existante = candidatureDe.get(`${sessionId}|${v.numero}`);
    if (existante && existante.academie_code !== c.academieCode) {
      rejet(ligne, 'NUMERO_CANDIDAT', `le candidat n° ${v.numero} de la session ${v.session} est inscrit dans une autre académie : il ne peut être importé que par elle.`);
      continue;
    }
    const parIne = v.ine ? candidatDeIne.get(v.ine) : undefined;
    if (parIne && parIne.academie_code !== c.academieCode) {
      rejet(ligne, 'INE', `l'INE ${v.ine!.slice(0, 3)}… est celui d'un candidat d'une autre académie : il ne peut être importé que par elle.`);
      continue;
    }
    if (existante && parIne && parIne.id !== existante.candidat_id) {
      rejet(ligne, 'INE', `l'INE ${v.ine!.slice(0, 3)}… est celui d'un autre candidat que le candidat n° ${v.numero}.`);
      continue;
    }
    if (!existante && parIne) {
      const autre = numeroDuCandidatDansSession.get(`${parIne.id}|${sessionId}`);
      if (autre !== undefined) {
        rejet(ligne, 'NUMERO_CANDIDAT', `le candidat d'INE ${v.ine!.slice(0, 3)}… est déjà inscrit à la session ${v.session} sous le n° ${autre}.`);
        continue;
      }
    }

    // The candidat's identity.
    const candidatId = existante?.candidat_id ?? parIne?.id ?? null;
    let candidatChange = false;
    if (candidatId !== null) {
      const id = identites.get(candidatId)!;
      const m: Record<string, unknown> = { ...(changementsCandidat.get(candidatId) ?? {}) };
      const avant = Object.keys(m).length;
      if (v.civilite !== id.civilite) m.civilite = v.civilite;
      if (v.nom !== id.nom) m.nom = v.nom;
      if (v.prenom !== id.prenom) m.prenom = v.prenom;
      if (v.dateNaissance !== id.date_naissance) m.date_naissance = v.dateNaissance;
      if (v.ine && v.ine !== id.ine) {
        if (candidatDeIne.has(v.ine) || candidatsACreer.has(v.ine)) {
          rejet(ligne, 'INE', `l'INE ${v.ine.slice(0, 3)}… est celui d'un autre candidat que le candidat n° ${v.numero}.`);
          continue;
        }
        m.ine = v.ine;
      }
      candidatChange = Object.keys(m).length > avant || (Object.keys(m).length > 0 && !changementsCandidat.has(candidatId));
      if (Object.keys(m).length) changementsCandidat.set(candidatId, m);
    }

    if (!existante) {
      if (candidatId === null && v.ine) {
        const deja = candidatsACreer.get(v.ine);
        if (deja && deja.examen === v.examen && deja.session === v.session) {
          rejet(ligne, 'INE', `le candidat d'INE ${v.ine.slice(0, 3)}… est déjà inscrit à la session ${v.session} sous le n° ${deja.numero} dans ce fichier.`);
          continue;
        }
        if (!deja) candidatsACreer.set(v.ine, v);
      }
      nouvelles.push({ v, sessionId, etablissementId, specialiteId, options: opts, candidatId });
      continue;
    }
    const modifs: Record<string, unknown> = {};
    if (existante.etablissement_id !== etablissementId) modifs.etablissement_id = etablissementId;
    if (existante.etat !== v.etat) modifs.etat = v.etat;
    if ((existante.email ?? null) !== v.email) modifs.email = v.email;
    if (existante.serie_code !== v.serie) modifs.serie_code = v.serie;
    if (existante.serie_libelle !== v.serieLibelle) modifs.serie_libelle = v.serieLibelle;
    if (existante.division_classe !== v.division) modifs.division_classe = v.division;
    if ((existante.specialite_id ?? null) !== specialiteId) modifs.specialite_id = specialiteId;
    const optionsChangent = !memeListe(epreuvesDe.get(existante.id) ?? [], opts);
    if (!Object.keys(modifs).length && !optionsChangent && !candidatChange) {
      inchangees++;
      continue;
    }
    changementsCandidature.push({ id: existante.id, modifs, options: optionsChangent ? opts : null });
  }

  // Writes: new candidats, new candidatures and their épreuves, then the changes.
  const aCreer = [...candidatsACreer.values()];
  const sansIne = nouvelles.filter((n) => n.candidatId === null && !n.v.ine);
  const idDeIne = new Map<string, number>();
  const identite = (v: LigneInscription) => ({ academie_code: c.academieCode, ine: v.ine, civilite: v.civilite, nom: v.nom, prenom: v.prenom, date_naissance: v.dateNaissance, cree_le: c.le });
  for (let i = 0; i < aCreer.length; i += 1000) {
    const r = await trx.insertInto('candidat').values(aCreer.slice(i, i + 1000).map(identite)).returning(['id', 'ine']).execute();
    for (const x of r) idDeIne.set(x.ine!, x.id);
  }
  for (let i = 0; i < sansIne.length; i += 1000) {
    const tranche = sansIne.slice(i, i + 1000);
    const r = await trx.insertInto('candidat').values(tranche.map((n) => identite(n.v))).returning('id').execute();
    r.forEach((x, k) => (tranche[k]!.candidatId = x.id));
  }
  for (let i = 0; i < nouvelles.length; i += 1000) {
    const tranche = nouvelles.slice(i, i + 1000);
    const r = await trx
      .insertInto('candidature')
      .values(
        tranche.map((n) => ({
          candidat_id: n.candidatId ?? idDeIne.get(n.v.ine!)!,
          session_examen_id: n.sessionId,
          academie_code: c.academieCode,
          etablissement_id: n.etablissementId,
          numero_candidat: n.v.numero,
          etat: n.v.etat,
          email: n.v.email,
          serie_code: n.v.serie,
          serie_libelle: n.v.serieLibelle,
          division_classe: n.v.division,
          specialite_id: n.specialiteId,
          cree_le: c.le,
          modifie_le: c.le,
        })),
      )
      .returning('id')
      .execute();
    const epreuves = r.flatMap((x, k) => tranche[k]!.options.map((o) => ({ candidature_id: x.id, epreuve_option_id: o })));
    for (let j = 0; j < epreuves.length; j += 5000) await trx.insertInto('candidature_epreuve').values(epreuves.slice(j, j + 5000)).execute();
  }
  for (const [id, m] of changementsCandidat) await trx.updateTable('candidat').set(m).where('id', '=', id).execute();
  for (const ch of changementsCandidature) {
    await trx
      .updateTable('candidature')
      .set({ ...ch.modifs, modifie_le: c.le })
      .where('id', '=', ch.id)
      .execute();
    if (ch.options) {
      await trx.deleteFrom('candidature_epreuve').where('candidature_id', '=', ch.id).execute();
      if (ch.options.length) await trx.insertInto('candidature_epreuve').values(ch.options.map((o) => ({ candidature_id: ch.id, epreuve_option_id: o }))).execute();
    }
  }
  return { rejets, ajoutees: nouvelles.length, modifiees: changementsCandidature.length, inchangees };
}
