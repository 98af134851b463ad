// « Générer le plan de secours » (seed 001 §3): one ZIP per groupe de décision,
// CYCLADES_DELIB_<UAI>_BCP_<session>_GRD_<groupe>.zip, holding for each jury deliberated in the centre
// the procès-verbaux individuels de notes (PVI) of its candidates admissible to the contrôle — none for
// a jury without such candidates, as the compte rendu says — and the papillons d'accès aux jurys (the
// backup portal's URL, the jury's login and password), with the seed's compte rendu lines.
//
// The jury's backup password is generated once: its argon2 hash (checked by the backup portal) and an
// encrypted copy (AES-256-GCM, ENCRYPTION_KEY) are stored on the jury, so that a later plan de secours
// reprints the same papillon. Idempotent under retry: the logins and passwords are written in a step
// (t.etape; a concurrent run loses the conditional update and reads the winner's), the ZIP is skipped
// when an earlier try stored it (t.documentExistant).
import { randomInt } from 'node:crypto';
import argon2 from 'argon2';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { LIBELLE_DECISION } from '../../domain/cyclades/deliberation.ts';
import { verifierOperation } from '../../domain/cyclades/jury.ts';
import { genererMotDePasseTemporaire } from '../../domain/identite/mot-de-passe.ts';
import { HACHAGE_TEMPORAIRE } from '../cyclades-comptes/comptes.traitements.ts';
import type { AppContext } from '../platform/context.ts';
import { chiffrer, dechiffrer } from '../platform/crypto.ts';
import type { DB } from '../platform/db/tables.ts';
import { enAvance, fenetrePdf, pdfEnAtelier } from '../platform/documents/atelier.ts';
import { genererZip, TYPE_ZIP, type EntreeZip } from '../platform/documents/zip.ts';
import { definirTraitement, ErreurTraitement, type ContexteTraitement } from '../platform/traitements/traitements.ts';
import { pdfPapillonsJurys, pdfPvi, type EnteteEdition, type PapillonJury, type Pvi } from './centre.editions.ts';
import { chargerCandidats, chargerJurys, libelleEtablissement, type CandidatJury, type JuryCharge } from './jurys.repo.ts';
import { texteNote } from './resultats.ts';
import { audit } from '../platform/audit.ts';

export const TRAITEMENT_PLAN_SECOURS = 'cyclades.plan-de-secours';
export const CHEMIN_PORTAIL_SECOURS = '/connexion/jury/secours';
/** Audited once per jury a plan de secours covered: « Où en sommes-nous ? » reads it per jury. */
export const ACTION_PLAN_SECOURS_JURY = 'deliberation.plan-secours';
/** The module of the editions, for the PDF workshop's worker threads. */
const MODULE_EDITIONS = new URL('./centre.editions.ts', import.meta.url).href;

const parametres = z.object({
  centreId: z.number().int().positive(),
  sessionId: z.number().int().positive(),
});
export type ParametresPlanSecours = z.output<typeof parametres>;

/** CYCLADES_DELIB_0350059Z_BCP_2026-06_GRD_11.zip */
export function nomPlanSecours(uai: string, examenSigle: string, sessionCode: string, groupe: string): string {
  return `CYCLADES_DELIB_${uai}_${examenSigle}_${sessionCode}_GRD_${groupe || '0'}.zip`;
}

/** "JURY-31202-0350059Z": the jury's login on the backup portal. */
export function loginSecours(numero: string, uai: string): string {
  return `JURY-${numero}-${uai}`;
}

const HORODATAGE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
/** "17/06/2021 09:59:27", as the seed's compte rendu. */
const horodatage = (d: Date) => HORODATAGE.format(d).replace(',', '');

/** The PVI of one candidate admissible to the contrôle: his first-group grades, the orals he chose. */
export function pviDe(c: CandidatJury, centreControle: string): Pvi {
  const pg = c.resultat.premierGroupe;
  return {
    numeroCandidat: c.numeroCandidat,
    nom: c.nom,
    prenom: c.prenom,
    dateNaissance: c.dateNaissance,
    centreControle: c.centreControle ? libelleEtablissement(c.centreControle) : centreControle,
    notes: pg.lignes.map((l) => ({
      libelle: l.epreuve.libelle,
      coefficient: l.epreuve.coefficient,
      note: texteNote(c.notes.get(Number(l.epreuve.id))),
      points: l.retenue === null ? null : l.points,
      facultative: l.epreuve.facultative,
    })),
    moyenne: pg.moyenne?.texte ?? '',
    moyenneProfessionnelle: pg.moyenneProfessionnelle?.texte ?? null,
    decision: LIBELLE_DECISION[pg.decision],
    // The oral's grade when already entered (issue 13 §14: the backup scenario must not make the jury collect it again).
    oraux: c.oraux.flatMap((o) =>
      o.epreuveRemplacee
        ? [{ oral: o.oral, epreuve: o.epreuveRemplacee.libelle, notePremierGroupe: texteNote(c.notes.get(o.epreuveRemplacee.id)) || 'non saisie', noteOrale: o.note ? texteNote(o.note) : null }]
        : [],
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The juries' backup logins and passwords

interface Identifiant {
  juryId: number;
  motDePasse: string;
  hash: string;
}

/**
 * A jury's backup password and its hash. The password is random (12 characters of 66, about 72 bits),
 * not chosen by a person: as for the pupils' temporary passwords (decision 0006), the hash cost is not
 * what protects it, and a centre's 30 juries must not hold up the plan de secours.
 */
async function nouvelIdentifiant(juryId: number): Promise<Identifiant> {
  const motDePasse = genererMotDePasseTemporaire((max) => randomInt(max), 12);
  return { juryId, motDePasse, hash: await argon2.hash(motDePasse, HACHAGE_TEMPORAIRE) };
}

/** Writes the missing logins and passwords; never replaces a password already printed. */
async function enregistrerIdentifiants(ctx: AppContext, trx: Transaction<DB>, jurys: readonly JuryCharge[], sessionCode: string, prets: readonly Identifiant[]): Promise<number> {
  const cle = ctx.config.encryptionKey;
  const parJury = new Map(prets.map((p) => [p.juryId, p]));
  const lignes = await trx
    .selectFrom('jury')
    .select(['id', 'login_secours', 'mot_de_passe_secours_chiffre'])
    .where('id', 'in', jurys.map((j) => j.id))
    .forUpdate()
    .execute();
  let crees = 0;
  for (const l of lignes) {
    const j = jurys.find((x) => x.id === l.id)!;
    let login = l.login_secours;
    if (!login) {
      login = loginSecours(j.numero, j.centre.uai);
      // The same number in the same centre at another session: the session tells them apart.
      const pris = await trx.selectFrom('jury').select('id').where(sql`lower(login_secours)`, '=', login.toLowerCase()).where('id', '!=', j.id).executeTakeFirst();
      if (pris) login = `${login}-${sessionCode}`;
    }
    let p = l.mot_de_passe_secours_chiffre ? null : parJury.get(l.id);
    // Not prepared (the password was erased meanwhile): hashed now, rare.
    if (!l.mot_de_passe_secours_chiffre && !p) p = await nouvelIdentifiant(l.id);
    await trx
      .updateTable('jury')
      .set({
        login_secours: login,
        ...(p ? { mot_de_passe_secours_hash: p.hash, mot_de_passe_secours_chiffre: chiffrer(cle, p.motDePasse) } : {}),
      })
      .where('id', '=', l.id)
      .execute();
    if (p) crees++;
  }
  return crees;
}

// ---------------------------------------------------------------------------------------------
// Running

async function executer(t: ContexteTraitement<ParametresPlanSecours>): Promise<void> {
  const ctx: AppContext = t.ctx;
  const { centreId, sessionId } = t.parametres;
  const traitement = await ctx.db.selectFrom('traitement').select(['serveur', 'debut']).where('id', '=', t.id).executeTakeFirstOrThrow();
  const debut = traitement.debut ? new Date(traitement.debut) : ctx.clock.now();
  await t.log('info', `Serveur : ${traitement.serveur ?? ''}`);
  await t.log('info', `Début du traitement : ${horodatage(debut)}`);

  const tous = await chargerJurys(ctx.db, { academieCode: t.academieCode, centreId, sessionId });
  const session = await ctx.db
    .selectFrom('session_examen as s')
    .innerJoin('examen as x', 'x.code', 's.examen_code')
    .select(['s.code', 's.libelle', 'x.sigle'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  const centre = await ctx.db
    .selectFrom('etablissement as e')
    .innerJoin('academie as a', 'a.code', 'e.academie_code')
    .select(['e.uai', 'e.type', 'e.nom', 'e.commune', 'a.nom_majuscule'])
    .where('e.id', '=', centreId)
    .executeTakeFirst();
  if (!session || !centre) throw new ErreurTraitement("Le centre de délibération ou la session demandée n'existe plus.");
  const jurys = tous.filter((j) => verifierOperation(j, 'generer_plan_secours', 'chef_etablissement').ok);
  if (!jurys.length) {
    const refus = tous.map((j) => verifierOperation(j, 'generer_plan_secours', 'chef_etablissement')).find((v) => !v.ok);
    throw new ErreurTraitement(refus && !refus.ok ? `Aucun jury de votre centre n'est prêt pour le plan de secours. ${refus.message}` : "Aucun jury n'est délibéré dans votre centre pour cette session.");
  }
  // The juries left out, by number and why: the plan must be generated again for them once they are ready.
  const laisses = tous.flatMap((j) => {
    const v = verifierOperation(j, 'generer_plan_secours', 'chef_etablissement');
    return v.ok ? [] : [{ numero: j.numero, message: v.message }];
  });
  for (const l of laisses) {
    await t.log('avertissement', `Jury ${l.numero} non compris dans ce plan de secours : ${l.message.replace(/^Le jury \S+ est/, 'il est')} Générez à nouveau le plan de secours quand il y sera.`);
  }

  // The backup logins and passwords, once (step recorded: a retry does not do it again).
  const existants = await ctx.db.selectFrom('jury').select(['id', 'mot_de_passe_secours_chiffre as chiffre']).where('id', 'in', jurys.map((j) => j.id)).execute();
  const fait = await ctx.db.selectFrom('traitement_etape').select('cle').where('traitement_id', '=', t.id).where('cle', '=', 'identifiants').executeTakeFirst();
  const prets = fait ? [] : await Promise.all(existants.filter((j) => !j.chiffre).map((j) => nouvelIdentifiant(j.id)));
  await t.etape('identifiants', (trx) => enregistrerIdentifiants(ctx, trx, jurys, session.code, prets));
  const identifiants = new Map(
    (await ctx.db.selectFrom('jury').select(['id', 'login_secours', 'mot_de_passe_secours_chiffre']).where('id', 'in', jurys.map((j) => j.id)).execute()).map((j) => [j.id, j]),
  );

  const entete: EnteteEdition = {
    academie: `ACADEMIE DE ${centre.nom_majuscule}`,
    centre: libelleEtablissement(centre),
    session: session.libelle,
    editeLe: ctx.clock.now(),
  };
  const url = `${ctx.config.publicUrl.replace(/\/+$/, '')}${CHEMIN_PORTAIL_SECOURS}`;
  const groupes = [...new Set(jurys.map((j) => j.groupeDecision))].sort();
  // Every candidate at once (a few batched queries), then printed jury by jury.
  const parJury = new Map<number, CandidatJury[]>();
  for (const c of await chargerCandidats(ctx.db, jurys.map((j) => j.id))) {
    const liste = parJury.get(c.juryId);
    if (liste) liste.push(c);
    else parJury.set(c.juryId, [c]);
  }
  let n = 0;
  await t.progression(0, jurys.length);
  for (const groupe of groupes) {
    const duGroupe = jurys.filter((j) => j.groupeDecision === groupe);
    const nom = nomPlanSecours(centre.uai, session.sigle, session.code, groupe);
    await t.log('info', `Groupe de décision : ${groupe}`);
    await t.log('info', 'Récupération de la liste des jurys');
    await t.log('info', `jurys : ${duGroupe.map((j) => j.numero).join(',')}`);
    if (await t.documentExistant(nom)) {
      await t.log('info', `Le plan de secours ${nom} a été produit lors d'une tentative précédente : il n'est pas refait.`);
      continue;
    }
    const admissiblesDe = (j: JuryCharge) => (parJury.get(j.id) ?? []).filter((c) => c.resultat.premierGroupe.decision === 'admissible');
    // The juries' PVI are independent documents: built side by side in the PDF workshop's worker
    // threads, a few ahead of the one being written into the ZIP (decision 0026).
    const pvisPrets = enAvance(
      duGroupe.flatMap((j) => {
        const admissibles = admissiblesDe(j);
        if (!admissibles.length) return [];
        const args: Parameters<typeof pdfPvi> = [entete, { numero: j.numero, specialite: j.specialite.libelle }, admissibles.map((c) => pviDe(c, entete.centre))];
        return [() => pdfEnAtelier({ module: MODULE_EDITIONS, fonction: 'pdfPvi', arguments: args })];
      }),
      fenetrePdf(),
    );
    async function* entrees(): AsyncGenerator<EntreeZip> {
      for (const j of duGroupe) {
        await t.log('info', `Préparation du plan de secours pour le jury : ${j.numero}`);
        await t.log('info', 'Edition des PVI');
        const admissibles = admissiblesDe(j);
        if (admissibles.length) {
          await t.log('info', `DEBUT PVI pour le jury ${j.numero}`);
          const pvi = (await pvisPrets.next()).value as Awaited<ReturnType<typeof pdfEnAtelier>>;
          yield { nom: `Jury_${j.numero}/PVI_jury_${j.numero}.pdf`, contenu: pvi, dejaCompresse: true };
          await t.log('info', `FIN PVI pour le jury ${j.numero} : ${admissibles.length} procès-verbal(aux) individuel(s) de notes`);
        } else {
          await t.log('info', `Pas de PVI pour le jury ${j.numero} : aucun candidat admis à passer l'épreuve de contrôle à l'issue du 1er groupe`);
        }
        await t.progression(++n);
      }
      await t.log('info', "Edition des papillons d'accès aux jurys");
      const cle = ctx.config.encryptionKey;
      const papillons: PapillonJury[] = duGroupe.map((j) => {
        const id = identifiants.get(j.id)!;
        return { numero: j.numero, specialite: j.specialite.libelle, url, login: id.login_secours!, motDePasse: dechiffrer(cle, id.mot_de_passe_secours_chiffre!) };
      });
      yield { nom: 'Papillons_acces_jurys.pdf', contenu: () => pdfPapillonsJurys(entete, papillons), dejaCompresse: true };
    }
    await t.document(nom, TYPE_ZIP, genererZip(entrees(), { date: entete.editeLe }));
  }
  // The plan de secours holds the juries' passwords, in force for the whole session: not purged with the
  // ordinary documents (as the pupils' papillons).
  await ctx.db.updateTable('document').set({ expire_le: null }).where('traitement_id', '=', t.id).execute();
  // Each jury covered, once per treatment (a retry finds the step done).
  const lanceur = await ctx.db
    .selectFrom('traitement as tr')
    .leftJoin('compte as c', 'c.id', 'tr.cree_par')
    .select(['tr.cree_par', 'c.login'])
    .where('tr.id', '=', t.id)
    .executeTakeFirst();
  await t.etape('jurys-couverts', async (trx) => {
    for (const j of jurys) {
      await audit(trx, { academieCode: j.academieCode, compteId: lanceur?.cree_par ?? null, acteur: lanceur?.login ?? 'traitement' }, {
        action: ACTION_PLAN_SECOURS_JURY,
        entite: 'jury',
        entiteId: j.id,
        apres: { numero: j.numero, traitement: t.id },
      });
    }
    return jurys.length;
  });
  if (laisses.length) {
    await t.log('avertissement', `Jurys non compris dans ce plan de secours : ${laisses.map((l) => l.numero).join(', ')}.`);
  }

  const fin = ctx.clock.now();
  await t.log('info', `Fin du traitement : ${horodatage(fin)}`);
  await t.log('info', `Temps d'exécution : ${Math.max(0, Math.round((fin.getTime() - debut.getTime()) / 1000))} secondes`);
}

export const planSecoursTraitement = definirTraitement({ type: TRAITEMENT_PLAN_SECOURS, parametres, executer });
