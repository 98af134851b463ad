// Indemnités des chefs de centre (003 §4.5): the chef de centre declares, for each BAC or BTS session
// of his centre and each période, the first day of the épreuves and the number of days per band (the
// global amount follows from the dated rates), distributes it between intervenants (% rounded to the
// cent, or an amount), saves, deletes or transmits it (once). The gestionnaire reads every
// declaration of the académie, pre-fills the days of a centre (the centre then only distributes),
// modifies after transmission, and validates or rejects each line — each line is a remuneration owed
// to that person; the liquidation marks it paid (icc.repo.marquerLignesPayees).
import { lireDate } from '../../domain/imagin/dates.ts';
import {
  depassement,
  euros,
  EXAMENS_ICC,
  LIBELLE_LIGNE,
  LIBELLE_PERIODE,
  LIBELLE_STATUT_SAISIE,
  LIBELLE_SUIVI,
  lireJournees,
  lireMontant,
  lirePourcentage,
  montantGlobal,
  montantPourcentage,
  MESSAGE_TRANSMIS,
  periodesIcc,
  suiviTraitement,
  tauxEnVigueur,
  totaux,
  TRANCHES,
  typeIcc,
  type PeriodeIcc,
  type TypeIcc,
} from '../../domain/imagin/icc.ts';
import { anneesProposees } from '../../domain/imagin/convocations.ts';
import { isoParis } from '../../domain/imagin/dates.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { conflit, introuvable, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { contexteAudit } from '../imagin-etablissement/personnels.service.ts';
import { intervenantsAcademie } from '../imagin-centre/convocation-mission.repo.ts';
import { libelleSession } from '../imagin/convocation.repo.ts';
import * as repo from './icc.repo.ts';
import type { DeclarationLue, LigneLue, SessionIcc } from './icc.repo.ts';
import type { DeclarationSaisie, DecisionSaisie, FiltreIcc } from './icc.schemas.ts';

export const SESSION_INTROUVABLE = "Cette session d'examen n'existe pas, n'ouvre pas droit à l'indemnité de chef de centre ou votre établissement n'en est pas centre d'examen.";
export const DECLARATION_INTROUVABLE = "Cette déclaration d'indemnité n'existe pas dans votre académie.";
export const AUCUNE_SESSION = "Aucune session d'examen";

type Trace = { ip?: string; requestId?: string };

interface PorteeIcc {
  academieCode: string;
  etablissementId: number;
  par: 'centre' | 'gestionnaire';
}

const anneeCourante = (ctx: AppContext) => Number(isoParis(ctx.clock.now()).slice(0, 4));

/** The current year and, on request, the 3 previous ones (003 §4.5). */
function anneesIcc(ctx: AppContext) {
  const n = anneeCourante(ctx);
  return anneesProposees(n).filter((a) => a <= n);
}

function lireAnnees(ctx: AppContext, demandees: number[] | undefined): number[] {
  const offertes = anneesIcc(ctx);
  if (!demandees?.length) return [anneeCourante(ctx)];
  const a = demandees.filter((x) => offertes.includes(x));
  if (a.length === 0) throw invalide(`Année : seules les années ${offertes[0]} à ${offertes.at(-1)} sont proposées.`, { annees: `Année : seules les années ${offertes[0]} à ${offertes.at(-1)} sont proposées.` });
  return a;
}

const libelle = (s: SessionIcc) => libelleSession(s);

function statutsPeriode(type: TypeIcc, periode: PeriodeIcc, d: DeclarationLue | undefined, lignes: readonly LigneLue[]) {
  if (!periodesIcc(type).includes(periode)) return { statutSaisie: 'N/A', suivi: 'N/A' };
  if (!d) return { statutSaisie: '', suivi: '' };
  const s = suiviTraitement(d.statut_saisie, lignes.filter((l) => l.declaration_id === d.id).map((l) => l.statut));
  return { statutSaisie: LIBELLE_STATUT_SAISIE[d.statut_saisie], suivi: s ? LIBELLE_SUIVI[s] : '' };
}

// ---------------------------------------------------------------------------------------------
// Centre: list

export function porteeCentre(actor: Actor): PorteeIcc {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null) throw introuvable(SESSION_INTROUVABLE);
  return { academieCode: actor.academieCode, etablissementId: actor.etablissementId, par: 'centre' };
}

export async function filtresCentre(ctx: AppContext) {
  const examens = await ctx.db.selectFrom('examen').select(['code', 'sigle', 'libelle']).where('code', 'in', [...EXAMENS_ICC]).orderBy('code').execute();
  return { annees: anneesIcc(ctx), anneesParDefaut: [anneeCourante(ctx)], examens: examens.map((x) => ({ code: x.code, sigle: x.sigle, libelle: `${x.sigle} - ${x.libelle}` })) };
}

/** « Liste des sessions d'examen (N lignes) » with the statuses of the session normale and de remplacement. */
export async function listerSessions(ctx: AppContext, actor: Actor, f: FiltreIcc) {
  const p = porteeCentre(actor);
  const annees = lireAnnees(ctx, f.annees);
  const sessions = await repo.sessionsDuCentre(ctx.db, p.academieCode, p.etablissementId, annees, f.examens ?? []);
  const ds = await repo.declarationsDuCentre(ctx.db, p.academieCode, p.etablissementId, sessions.map((s) => s.id));
  const ls = await repo.lignes(ctx.db, ds.map((d) => d.id));
  const lignes = sessions.map((s) => {
    const type = typeIcc(s.examen_code)!;
    const de = (per: PeriodeIcc) => ds.find((d) => d.session_examen_id === s.id && d.periode === per);
    return { sessionId: s.id, session: libelle(s), examen: s.examen_code, annee: s.annee, type, normale: statutsPeriode(type, 'normale', de('normale'), ls), remplacement: statutsPeriode(type, 'remplacement', de('remplacement'), ls) };
  });
  return { annees, total: lignes.length, lignes, messageVide: AUCUNE_SESSION };
}

// ---------------------------------------------------------------------------------------------
// Detail (both sides)

async function exigerSessionCentre(ctx: AppContext, p: PorteeIcc, sessionId: number, periode: PeriodeIcc): Promise<SessionIcc> {
  const s = await repo.session(ctx.db, sessionId);
  const type = s ? typeIcc(s.examen_code) : null;
  if (!s || !type || !periodesIcc(type).includes(periode)) throw introuvable(SESSION_INTROUVABLE);
  if (p.par === 'centre') {
    const duCentre = await repo.sessionsDuCentre(ctx.db, p.academieCode, p.etablissementId, [s.annee], [s.examen_code]);
    if (!duCentre.some((x) => x.id === s.id)) throw introuvable(SESSION_INTROUVABLE);
  } else {
    const c = await repo.centreDeLAcademie(ctx.db, p.academieCode, p.etablissementId);
    if (!c) throw introuvable(SESSION_INTROUVABLE);
  }
  return s;
}

function presenterLigne(l: LigneLue) {
  return {
    id: l.id,
    personneId: l.personne_id,
    nomPrenom: `${l.nom} ${l.prenom}`,
    discipline: l.discipline_poste,
    pourcentage: l.pourcentage_dixiemes,
    montant: l.montant_centimes,
    statut: l.statut,
    libelleStatut: LIBELLE_LIGNE[l.statut],
    motifRejet: l.motif_rejet,
  };
}

async function detail(ctx: AppContext, p: PorteeIcc, sessionId: number, periode: PeriodeIcc) {
  const s = await exigerSessionCentre(ctx, p, sessionId, periode);
  const type = typeIcc(s.examen_code)!;
  const [d, cyc, taux, centre] = await Promise.all([
    repo.declaration(ctx.db, p.academieCode, s.id, p.etablissementId, periode),
    repo.donneesCyclades(ctx.db, s.id, p.etablissementId, periode),
    repo.taux(ctx.db),
    repo.centreDeLAcademie(ctx.db, p.academieCode, p.etablissementId),
  ]);
  const ls = d ? await repo.lignes(ctx.db, [d.id]) : [];
  const dateTaux = d?.date_debut ?? cyc?.date_debut ?? `${s.annee}-06-15`;
  const transmis = d?.statut_saisie === 'transmis';
  const suivi = d ? suiviTraitement(d.statut_saisie, ls.map((l) => l.statut)) : null;
  return {
    session: { id: s.id, libelle: libelle(s), examen: s.examen_code, type },
    centre: { id: p.etablissementId, libelle: centre?.libelle ?? '' },
    periode,
    libellePeriode: LIBELLE_PERIODE[periode],
    periodes: periodesIcc(type).map((x) => ({ code: x, libelle: LIBELLE_PERIODE[x] })),
    tranches: TRANCHES[type].map((t) => ({ libelle: t.libelle, format: t.format })),
    /** The rates in force on the start date shown (the page recomputes the amount as one types). */
    taux: tauxEnVigueur(taux, type, dateTaux),
    tauxDates: taux.filter((t) => t.type === type),
    cyclades: cyc ? { dateDebut: cyc.date_debut, journees: [cyc.journees_1, cyc.journees_2, cyc.journees_3] } : null,
    declaration: d
      ? {
          id: d.id,
          version: d.version,
          dateDebut: d.date_debut,
          journees: [d.journees_1, d.journees_2, d.journees_3],
          montant: d.montant_centimes,
          prerempli: d.prerempli_gestionnaire,
          statutSaisie: d.statut_saisie,
          libelleStatutSaisie: LIBELLE_STATUT_SAISIE[d.statut_saisie].toUpperCase(),
          suivi,
          libelleSuivi: suivi ? LIBELLE_SUIVI[suivi] : null,
          modifiePar: d.modifie_par_login,
          modifieLe: d.modifie_le,
          transmisLe: d.transmis_le,
          lignes: ls.map(presenterLigne),
          totaux: totaux(d.montant_centimes, ls.map((l) => ({ pourcentageDixiemes: l.pourcentage_dixiemes, centimes: l.montant_centimes }))),
        }
      : null,
    /** The centre edits until transmission; the gestionnaire always. */
    modifiable: p.par === 'gestionnaire' || !transmis,
    /** Pre-filled by the gestionnaire: the centre only distributes. */
    journeesModifiables: p.par === 'gestionnaire' || !(d?.prerempli_gestionnaire ?? false),
    message: p.par === 'centre' && transmis ? MESSAGE_TRANSMIS : null,
  };
}

export async function detailCentre(ctx: AppContext, actor: Actor, sessionId: number, periode: PeriodeIcc) {
  return detail(ctx, porteeCentre(actor), sessionId, periode);
}

// ---------------------------------------------------------------------------------------------
// Save (both sides)

function nommer(d: DeclarationLue) {
  return `${d.modifie_par_login ?? 'un autre utilisateur'} le ${d.modifie_le}`;
}

async function enregistrer(ctx: AppContext, actor: Actor, p: PorteeIcc, sessionId: number, periode: PeriodeIcc, body: DeclarationSaisie, trace: Trace) {
  const s = await exigerSessionCentre(ctx, p, sessionId, periode);
  const type = typeIcc(s.examen_code)!;
  const erreurs: Record<string, string> = {};
  const journees: [number, number, number] = [0, 0, 0];
  let dateDebut: string | null = null;
  const lireJournal = () => {
    if (body.dateDebut === null || body.dateDebut.trim() === '') erreurs.dateDebut = 'Début des épreuves : la date est obligatoire (format JJ/MM/AAAA).';
    else {
      const r = lireDate(body.dateDebut, 'Début des épreuves');
      if (r.ok) dateDebut = r.valeur;
      else erreurs.dateDebut = r.message;
    }
    TRANCHES[type].forEach((t, i) => {
      const r = lireJournees(body.journees[i], t);
      if (r.ok) journees[i] = r.valeur;
      else erreurs[`journees.${i}`] = r.message;
    });
  };
  const lues: Array<{ personneId: number; pourcentageDixiemes: number | null; montantSaisi: number | null }> = [];
  const vues = new Set<number>();
  for (const l of body.lignes) {
    const cle = `lignes.${l.personneId}`;
    if (vues.has(l.personneId)) erreurs[cle] = 'Cet intervenant figure deux fois dans la répartition.';
    vues.add(l.personneId);
    const pct = lirePourcentage(l.pourcentage);
    const mt = lireMontant(l.montant);
    if (!pct.ok) erreurs[`${cle}.pourcentage`] = pct.message;
    if (!mt.ok) erreurs[`${cle}.montant`] = mt.message;
    if (pct.ok && mt.ok) {
      if ((pct.valeur === null) === (mt.valeur === null)) erreurs[cle] = 'Saisissez soit une répartition en %, soit un montant en €.';
      else lues.push({ personneId: l.personneId, pourcentageDixiemes: pct.valeur, montantSaisi: mt.valeur });
    }
  }

  const le = ctx.clock.now();
  const tauxTable = await repo.taux(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await repo.declaration(trx, p.academieCode, s.id, p.etablissementId, periode, true);
    if (d && body.version === null) throw conflit(`Une déclaration a été enregistrée entre-temps par ${nommer(d)}. Rechargez la page : rien n'a été enregistré.`);
    if (!d && body.version !== null) throw conflit("La déclaration a été supprimée entre-temps. Rechargez la page : rien n'a été enregistré.");
    if (d && d.version !== body.version) throw conflit(`La déclaration a été modifiée entre-temps par ${nommer(d)}. Rechargez la page : rien n'a été enregistré.`);
    if (p.par === 'centre' && d?.statut_saisie === 'transmis') throw conflit(MESSAGE_TRANSMIS);
    const centreDistribueSeulement = p.par === 'centre' && (d?.prerempli_gestionnaire ?? false);
    if (centreDistribueSeulement) {
      dateDebut = d!.date_debut;
      journees[0] = d!.journees_1;
      journees[1] = d!.journees_2;
      journees[2] = d!.journees_3;
    } else lireJournal();
    const personnes = await repo.personnesDeLAcademie(trx, p.academieCode, lues.map((l) => l.personneId));
    for (const l of lues) if (!personnes.some((x) => x.id === l.personneId)) erreurs[`lignes.${l.personneId}`] = "Cet intervenant n'est pas un personnel de l'académie.";
    if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);
    const montant = centreDistribueSeulement ? d!.montant_centimes : montantGlobal(journees, tauxEnVigueur(tauxTable, type, dateDebut!));
    const voulues = lues.map((l) => ({ personneId: l.personneId, pourcentageDixiemes: l.pourcentageDixiemes, centimes: l.pourcentageDixiemes !== null ? montantPourcentage(montant, l.pourcentageDixiemes) : l.montantSaisi! }));
    const trop = depassement(montant, voulues.map((v) => ({ pourcentageDixiemes: v.pourcentageDixiemes, centimes: v.centimes })));
    if (trop) throw invalide(trop, { total: trop });
    const actuelles = d ? await repo.lignes(trx, [d.id]) : [];
    // A line in a liquidation batch (its amount sent to the financial system) keeps its person,
    // amount and share: the database refuses it anyway (migration 028); say so, naming the batch.
    for (const a of actuelles.filter((x) => x.lot_numero !== null)) {
      const v = voulues.find((x) => x.personneId === a.personne_id);
      if (!v || v.centimes !== a.montant_centimes || v.pourcentageDixiemes !== a.pourcentage_dixiemes) {
        throw conflit(
          `Cette ligne de répartition est dans le lot de liquidation n° ${a.lot_numero} : la ligne de ${a.nom} ${a.prenom} (${euros(a.montant_centimes)}) ne peut plus être modifiée ni retirée. Rechargez la page : rien n'a été enregistré.`,
        );
      }
    }
    const payees = actuelles.filter((a) => a.statut === 'paye');
    for (const a of payees) {
      const v = voulues.find((x) => x.personneId === a.personne_id);
      if (!v || v.centimes !== a.montant_centimes) throw conflit(`La ligne de ${a.nom} ${a.prenom} est payée : elle ne peut plus être modifiée ni retirée.`);
    }
    const id =
      d?.id ??
      (await repo.creerDeclaration(trx, { academie_code: p.academieCode, session_examen_id: s.id, etablissement_id: p.etablissementId, periode, prerempli_gestionnaire: p.par === 'gestionnaire', modifie_par: actor.compteId, modifie_le: le }));
    await repo.majDeclaration(trx, id, { date_debut: dateDebut, journees_1: journees[0], journees_2: journees[1], journees_3: journees[2], montant_centimes: montant, modifie_par: actor.compteId, modifie_le: le });
    await repo.ecrireLignes(trx, id, voulues, actuelles);
    await audit(trx, contexteAudit(actor, trace), {
      action: d ? 'icc.modifier' : 'icc.creer',
      entite: 'icc_declaration',
      entiteId: id,
      avant: d ? { journees: [d.journees_1, d.journees_2, d.journees_3], montant: d.montant_centimes, lignes: actuelles.map((a) => [a.personne_id, a.montant_centimes]) } : undefined,
      apres: { par: p.par, dateDebut, journees, montant, lignes: voulues.map((v) => [v.personneId, v.centimes]) },
    });
  });
  return detail(ctx, p, s.id, periode);
}

export async function enregistrerCentre(ctx: AppContext, actor: Actor, sessionId: number, periode: PeriodeIcc, body: DeclarationSaisie, trace: Trace) {
  return enregistrer(ctx, actor, porteeCentre(actor), sessionId, periode, body, trace);
}

/** « Supprimer » until transmitted; a declaration pre-filled by the gestionnaire keeps its days, the centre's répartition is removed. */
export async function supprimerCentre(ctx: AppContext, actor: Actor, sessionId: number, periode: PeriodeIcc, version: number, trace: Trace) {
  const p = porteeCentre(actor);
  const s = await exigerSessionCentre(ctx, p, sessionId, periode);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await repo.declaration(trx, p.academieCode, s.id, p.etablissementId, periode, true);
    if (!d) throw introuvable("Aucune indemnité n'est enregistrée pour cette session et cette période.");
    if (d.version !== version) throw conflit(`La déclaration a été modifiée entre-temps par ${nommer(d)}. Rechargez la page : rien n'a été supprimé.`);
    if (d.statut_saisie === 'transmis') throw conflit(MESSAGE_TRANSMIS);
    if (d.prerempli_gestionnaire) {
      await repo.ecrireLignes(trx, d.id, [], await repo.lignes(trx, [d.id]));
      await repo.majDeclaration(trx, d.id, { modifie_par: actor.compteId, modifie_le: ctx.clock.now() });
    } else {
      await trx.deleteFrom('icc_declaration').where('id', '=', d.id).execute();
    }
    await audit(trx, contexteAudit(actor, trace), { action: 'icc.supprimer', entite: 'icc_declaration', entiteId: d.id, avant: { montant: d.montant_centimes } });
  });
  return detail(ctx, p, s.id, periode);
}

/** « Transmettre »: TRANSMIS, suivi INITIALISE, read-only for the centre. A second transmission changes nothing. */
export async function transmettreCentre(ctx: AppContext, actor: Actor, sessionId: number, periode: PeriodeIcc, version: number, trace: Trace) {
  const p = porteeCentre(actor);
  const s = await exigerSessionCentre(ctx, p, sessionId, periode);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await repo.declaration(trx, p.academieCode, s.id, p.etablissementId, periode, true);
    if (!d) throw conflit("Enregistrez d'abord l'indemnité avant de la transmettre.");
    if (d.statut_saisie === 'transmis') return;
    if (d.version !== version) throw conflit(`La déclaration a été modifiée entre-temps par ${nommer(d)}. Rechargez la page : rien n'a été transmis.`);
    const le = ctx.clock.now();
    await repo.majDeclaration(trx, d.id, { statut_saisie: 'transmis', transmis_le: le, transmis_par: actor.compteId, modifie_par: actor.compteId, modifie_le: le });
    await audit(trx, contexteAudit(actor, trace), { action: 'icc.transmettre', entite: 'icc_declaration', entiteId: d.id, apres: { statut: 'transmis' } });
  });
  return detail(ctx, p, s.id, periode);
}

export async function suggestionsPersonnels(ctx: AppContext, actor: Actor, q: string) {
  const termes = q.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/\s+/).filter(Boolean);
  if (termes.join('').length < 2) return { total: 0, lignes: [] };
  const rows = await intervenantsAcademie(ctx.db, actor.academieCode, termes, 20);
  return {
    total: rows.length,
    lignes: rows.map((r) => ({ id: r.id, nomPrenom: `${r.nom} ${r.prenom}`, discipline: r.discipline_poste, etablissement: r.etab_nom ? `${r.etab_type} ${r.etab_nom} ${r.etab_commune}` : null })),
  };
}

// ---------------------------------------------------------------------------------------------
// Gestionnaire

function porteeGestion(actor: Actor, etablissementId: number): PorteeIcc {
  if (actor.role !== 'gestionnaire') throw introuvable(DECLARATION_INTROUVABLE);
  return { academieCode: actor.academieCode, etablissementId, par: 'gestionnaire' };
}

export async function filtresGestion(ctx: AppContext, actor: Actor) {
  const f = await filtresCentre(ctx);
  const [centres, sessions] = await Promise.all([repo.centresExamen(ctx.db, actor.academieCode), repo.sessionsIccDesAnnees(ctx.db, f.annees)]);
  return { ...f, centres, sessions: sessions.map((s) => ({ id: s.id, libelle: libelle(s), annee: s.annee, type: typeIcc(s.examen_code) })) };
}

export async function listerDeclarations(ctx: AppContext, actor: Actor, f: FiltreIcc) {
  const annees = lireAnnees(ctx, f.annees);
  const ds = await repo.declarationsAcademie(ctx.db, actor.academieCode, { annees, examens: f.examens ?? [], centreId: f.centre ?? null });
  const ls = await repo.lignes(ctx.db, ds.map((d) => d.id));
  const lignes = ds.map((d) => {
    const mes = ls.filter((l) => l.declaration_id === d.id);
    const suivi = suiviTraitement(d.statut_saisie, mes.map((l) => l.statut));
    return {
      id: d.id,
      sessionId: d.session_examen_id,
      centreId: d.etablissement_id,
      session: libelleSession(d),
      centre: d.centre,
      periode: d.periode,
      libellePeriode: LIBELLE_PERIODE[d.periode],
      montant: d.montant_centimes,
      reparti: mes.reduce((s, l) => s + l.montant_centimes, 0),
      nbLignes: mes.length,
      statutSaisie: LIBELLE_STATUT_SAISIE[d.statut_saisie],
      suivi: suivi ? LIBELLE_SUIVI[suivi] : '',
      prerempli: d.prerempli_gestionnaire,
    };
  });
  return { annees, total: lignes.length, lignes };
}

export async function detailGestion(ctx: AppContext, actor: Actor, sessionId: number, etablissementId: number, periode: PeriodeIcc) {
  return detail(ctx, porteeGestion(actor, etablissementId), sessionId, periode);
}

export async function enregistrerGestion(ctx: AppContext, actor: Actor, sessionId: number, etablissementId: number, periode: PeriodeIcc, body: DeclarationSaisie, trace: Trace) {
  return enregistrer(ctx, actor, porteeGestion(actor, etablissementId), sessionId, periode, body, trace);
}

/** Validate or reject (reason required) one répartition line of a transmitted declaration. */
export async function deciderLigne(ctx: AppContext, actor: Actor, ligneId: number, body: DecisionSaisie, trace: Trace) {
  if (body.decision === 'rejete' && !body.motif) throw invalide('Motif du rejet : obligatoire pour rejeter une ligne.', { motif: 'Motif du rejet : obligatoire pour rejeter une ligne.' });
  const l = await repo.ligneDeLAcademie(ctx.db, actor.academieCode, ligneId);
  if (!l) throw introuvable(DECLARATION_INTROUVABLE);
  const p = porteeGestion(actor, l.etablissement_id);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await repo.declaration(trx, p.academieCode, l.session_examen_id, l.etablissement_id, l.periode, true);
    if (!d) throw introuvable(DECLARATION_INTROUVABLE);
    if (d.version !== body.version) throw conflit(`La déclaration a été modifiée entre-temps par ${nommer(d)}. Rechargez la page : rien n'a été enregistré.`);
    if (d.statut_saisie !== 'transmis') throw conflit("La déclaration n'est pas encore transmise par le centre : ses lignes ne se valident qu'après transmission.");
    if (l.statut === 'paye') throw conflit('Cette ligne est payée : sa décision ne change plus.');
    if (l.lot_numero !== null) throw conflit(`Cette ligne est dans le lot de liquidation n° ${l.lot_numero} : sa décision ne change plus.`);
    const le = ctx.clock.now();
    await repo.deciderLigne(trx, l.id, { statut: body.decision, motif: body.decision === 'rejete' ? body.motif : null, par: actor.compteId, le });
    await repo.majDeclaration(trx, d.id, { modifie_par: actor.compteId, modifie_le: le });
    await audit(trx, contexteAudit(actor, trace), { action: 'icc.decider', entite: 'icc_repartition', entiteId: l.id, avant: { statut: l.statut }, apres: { statut: body.decision, motif: body.motif || null } });
  });
  return detail(ctx, p, l.session_examen_id, l.periode);
}
