// « Traitement des états de frais » (gestionnaire DEC, issue 16 §7, decision 0032). Every état of the
// actor's académie (another académie's: 404), filtered, counted per status and paginated in the
// database; one état read-only with its mission, the centre's constat, its lines, receipts and the
// corrections history; the decisions — correct a figure (old → new, reason), Valider (« Validé par
// gestionnaire »), Rejeter (back to the intervenant with the reason, by mail), Annuler (unless in a
// liquidation batch), group the contrôle continu missions of one session onto one état — each with the
// version the page read (stale → 409 naming who changed it and when), each audited; the mass
// validation of the filtered selection is a treatment (gestion.traitement.ts), one per académie at a time.
import { estControleContinu, LIBELLE_CHAMP_CORRECTION, refusDecision, texteValeur, euros, verifierRegroupement, type ChampCorrection, type DecisionGestion } from '../../domain/imagin/frais/gestion.ts';
import { LIBELLE_STATUT, type EtatWorkflow, type LigneDeplacement, type PieceVue } from '../../domain/imagin/frais/types.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { dateFr, dateHeureFr } from '../platform/documents/tableau.ts';
import { AppError, conflit, introuvable, invalide } from '../platform/errors.ts';
import { envoyerMail } from '../platform/mail/mail.ts';
import type { Actor } from '../platform/policy.ts';
import { lancerTraitement } from '../platform/traitements/traitements.ts';
import { academieGeree, contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import * as repo from './gestion.repo.ts';
import type { DemandeCorrection, DemandeRegroupement, ListeQuery } from './gestion.schemas.ts';
import { TRAITEMENT_VALIDATION_MASSE } from './gestion.traitement.ts';
import { vueEtat } from './intervenant.service.ts';
import { parametresDeLAcademie } from './parametres.service.ts';

export const BASE_GESTION = '/api/gestion/etats-frais';
export const ETAT_INTROUVABLE = "Cet état de frais n'existe pas ou n'appartient pas à votre académie.";

export const libelleStatut = (s: repo.StatutGestion) => LIBELLE_STATUT[s as EtatWorkflow];

// ---------------------------------------------------------------------------------------------
// Lecture

function filtresDe(q: Partial<ListeQuery>): repo.Filtres {
  const { examen, session, type, centre, statut, du, au, pieces, ecart, recherche } = q;
  return { examen: examen || undefined, session, type: type || undefined, centre, statut: statut as repo.StatutGestion | undefined, du, au, pieces, ecart, recherche: recherche || undefined };
}

export async function listerEtats(ctx: AppContext, actor: Actor, q: ListeQuery) {
  const academieCode = academieGeree(actor);
  const f = filtresDe(q);
  if (f.du && f.au && f.du > f.au) throw invalide('Période : la date de début est après la date de fin.', { au: 'Date de fin : elle précède la date de début.' });
  const [comptes, lignes] = await Promise.all([
    repo.comptesParStatut(ctx.db, academieCode, f),
    repo.page(ctx.db, academieCode, f, { tri: q.tri, sens: q.sens, limite: q.parPage, decalage: (q.page - 1) * q.parPage }),
  ]);
  const total = f.statut ? comptes[f.statut] : Object.values(comptes).reduce((a, b) => a + b, 0);
  return {
    total,
    page: q.page,
    parPage: q.parPage,
    comptes: repo.STATUTS_GESTION.map((s) => ({ statut: s, libelle: libelleStatut(s), nombre: comptes[s] })),
    lignes: lignes.map((l) => ({
      id: l.id,
      version: l.version,
      statut: l.statut,
      libelleStatut: libelleStatut(l.statut),
      numeroOrdre: l.numero_ordre,
      intervenant: `${l.nom} ${l.prenom}`,
      missionNumero: l.mission_numero,
      examen: l.examen_sigle,
      session: l.session_libelle,
      type: l.type_libelle,
      centre: l.centre,
      debut: l.debut,
      montantRemunerationCentimes: l.montant_remuneration,
      montantDeplacementCentimes: l.montant_deplacement,
      nbPieces: l.nb_pieces,
      ecartConstat: l.ecart,
      regroupeDansId: l.regroupe_dans_id,
      payeLe: l.paye_le,
      modifieLe: l.modifie_le,
    })),
  };
}

export async function optionsFiltres(ctx: AppContext, actor: Actor) {
  const academieCode = academieGeree(actor);
  const o = await repo.optionsFiltres(ctx.db, academieCode);
  const examens = [...new Map(o.sessions.map((s) => [s.examen_code, { code: s.examen_code, libelle: `${s.examen_sigle} — ${s.examen_libelle}` }])).values()];
  return {
    examens,
    sessions: o.sessions.map((s) => ({ id: s.id, examen: s.examen_code, libelle: `${s.examen_sigle} ${s.libelle}` })),
    types: o.types.map((t) => ({ code: t.code, libelle: t.libelle })),
    centres: o.centres.map((c) => ({ id: c.id, libelle: `${c.type} ${c.nom} ${c.commune} (${c.uai})` })),
    statuts: repo.STATUTS_GESTION.map((s) => ({ statut: s, libelle: libelleStatut(s) })),
  };
}

const FUSEAU = 'Europe/Paris';
/** 'AAAA-MM-JJTHH:MM' in Paris time. */
function localParis(d: Date | string): string {
  const x = new Date(d);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', { timeZone: FUSEAU, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(x)
      .map((q) => [q.type, q.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function constatChiffre(e: repo.EtatLu): { chiffre: number | null; libelle: string } {
  switch (e.mode_remuneration) {
    case 'copies':
    case 'santorin':
      return { chiffre: e.csf_nb_copies, libelle: 'Nombre de copies' };
    case 'candidats':
      return { chiffre: e.csf_nb_candidats, libelle: 'Nombre de candidats' };
    default:
      return { chiffre: e.csf_heures_centiemes, libelle: "Nombre d'heures (centièmes)" };
  }
}

function decisions(e: repo.EtatLu) {
  const x = { workflow: e.statut as EtatWorkflow, enLot: e.en_lot };
  const d = (k: DecisionGestion) => ({ possible: refusDecision(k, x) === null, raison: refusDecision(k, x) });
  return { valider: d('valider'), rejeter: d('rejeter'), annuler: d('annuler'), corriger: d('corriger') };
}

async function charger(ctx: AppContext, db: repo.Executeur, academieCode: string, id: number, pourMaj = false) {
  const e = await repo.etat(db, academieCode, id, pourMaj);
  if (!e) throw introuvable(ETAT_INTROUVABLE);
  return e;
}

/** One état, read-only, as the gestionnaire examines it. */
export async function detailEtat(ctx: AppContext, actor: Actor, id: number) {
  const academieCode = academieGeree(actor);
  const e = await charger(ctx, ctx.db, academieCode, id);
  const cc = estControleContinu(e.type_code, e.type_libelle);
  const [dates, lignes, pieces, corrections, regroupes, parametres, memeSession, vue] = await Promise.all([
    repo.datesMission(ctx.db, e.mission_id),
    repo.lignesDeplacement(ctx.db, id),
    repo.pieces(ctx.db, id),
    repo.corrections(ctx.db, id),
    repo.regroupes(ctx.db, id),
    parametresDeLAcademie(ctx.db, academieCode),
    cc && e.regroupe_dans_id === null ? repo.etatsMemeSession(ctx.db, academieCode, e.personne_id, e.session_examen_id, e.id) : Promise.resolve([]),
    // The intervenant's view of the same état (his two statuses, the receipts asked for, « Invalidable »).
    vueEtat(ctx.db, ctx, id, { academieCode }),
  ]);
  const c = constatChiffre(e);
  return {
    id: e.id,
    version: e.version,
    statut: e.statut,
    libelleStatut: libelleStatut(e.statut),
    numeroOrdre: e.numero_ordre,
    personne: { civilite: e.civilite, nom: e.nom, prenom: e.prenom, courriel: e.email_pro ?? e.email_perso },
    mission: {
      numero: e.mission_numero,
      examen: `${e.examen_sigle} — ${e.examen_libelle}`,
      session: e.session_libelle,
      typeCode: e.type_code,
      type: e.type_libelle,
      modeRemuneration: e.mode_remuneration,
      specialite: e.specialite_libelle,
      epreuveOption: e.epreuve_code ? `${e.epreuve_code} — ${e.epreuve_libelle ?? ''}` : null,
      centre: e.centre,
      lieu: e.lieu,
      dates: dates.map((d) => ({ jour: String(d.jour).slice(0, 10), debut: String(d.heure_debut).slice(0, 5), fin: String(d.heure_fin).slice(0, 5) })),
      emiseParMinistere: e.emise_par_ministere,
      correctionDematerialisee: e.correction_dematerialisee,
    },
    remuneration: e.remuneration ?? null,
    constat: {
      serviceFait: e.service_fait,
      motifServiceNonFait: e.motif_service_non_fait,
      chiffre: c.chiffre,
      libelle: c.libelle,
      copies: e.csf_nb_copies,
      candidats: e.csf_nb_candidats,
      heuresCentiemes: e.csf_heures_centiemes,
      par: e.csf_par,
      le: e.csf_le,
    },
    ecartConstat: e.ecart,
    lignes: lignes.map(
      (l): LigneDeplacement => ({
        villeDepart: l.ville_depart,
        villeArrivee: l.ville_arrivee,
        depart: localParis(l.depart_le),
        retour: localParis(l.retour_le),
        mode: l.mode,
        puissanceFiscale: l.puissance_fiscale,
        km: l.km,
        trajets: l.trajets,
        nuitees: l.nuitees,
        repas: l.repas,
        fraisDiversCentimes: l.frais_divers_centimes,
        billetsCentimes: l.billets_centimes,
        commentaire: l.commentaire,
      }),
    ),
    pieces: pieces.map(
      (p): PieceVue => ({
        id: p.id,
        groupe: p.groupe,
        nom: p.nom,
        typeMime: p.type_mime,
        taille: Number(p.taille),
        deposeLe: new Date(p.depose_le).toISOString(),
        deposeParGestionnaire: p.depose_par_gestionnaire,
        supprimable: false,
      }),
    ),
    piecesRequises: vue?.piecesRequises ?? [],
    statutsIntervenant: vue ? { remuneration: vue.statuts.remuneration, deplacement: vue.statuts.deplacement } : null,
    invalidable: vue?.invalidable ?? false,
    piecesParCourrier: e.pieces_par_courrier,
    piecesDematerialisees: parametres.piecesDematerialisees,
    montants: {
      remunerationCentimes: e.montant_remuneration_centimes,
      deplacementCentimes: e.montant_deplacement_centimes,
      retenuRemunerationCentimes: e.montant_retenu_remuneration_centimes,
      retenuDeplacementCentimes: e.montant_retenu_deplacement_centimes,
    },
    suivi: {
      saisieCommenceeLe: e.saisie_commencee_le,
      valideLe: e.valide_le,
      traiteLe: e.traite_le,
      traitePar: e.traite_par,
      rejetMotif: e.rejet_motif,
      rejeteLe: e.rejete_le,
      annulationMotif: e.annulation_motif,
      payeLe: e.paye_le,
      modifieLe: e.modifie_le,
      modifiePar: e.modifie_par,
      enLot: e.en_lot,
    },
    regroupement: {
      regroupeDansId: e.regroupe_dans_id,
      commentaire: e.commentaire_regroupement,
      regroupes: regroupes.map((r) => ({ id: r.id, missionNumero: r.mission_numero })),
      /** The person's other contrôle continu états of the session that may be grouped onto this one. */
      regroupables: memeSession
        .filter((x) => estControleContinu(x.type_code, x.type_libelle))
        .map((x) => ({ id: x.id, version: x.version, missionNumero: x.mission_numero, type: x.type_libelle, debut: x.debut, libelleStatut: libelleStatut(x.statut as repo.StatutGestion) })),
    },
    corrections: corrections.map((k) => ({
      id: k.id,
      champ: k.champ,
      libelle: LIBELLE_CHAMP_CORRECTION[k.champ as ChampCorrection] ?? k.champ,
      avant: k.avant,
      apres: k.apres,
      motif: k.motif,
      par: k.par,
      le: k.le,
    })),
    decisions: decisions(e),
  };
}

// ---------------------------------------------------------------------------------------------
// Décisions

const nommer = (e: { numero_ordre?: number | null; mission_numero: number; nom?: string; prenom?: string }) =>
  `L'état de frais${e.numero_ordre ? ` n° ${e.numero_ordre}` : ''} de la mission n° ${e.mission_numero}${e.nom ? ` (${e.nom} ${e.prenom})` : ''}`;

function verifierVersion(e: { version: number; modifie_le: Date; modifie_par: string | null; numero_ordre?: number | null; mission_numero: number; nom?: string; prenom?: string }, vue: number, actor: Actor) {
  if (e.version === vue) return;
  const qui = e.modifie_par === actor.login ? 'par vous-même (dans une autre fenêtre)' : e.modifie_par ? `par ${e.modifie_par}` : "par l'intervenant ou un traitement";
  throw conflit(
    `${nommer(e)} a été modifié le ${dateHeureFr(new Date(e.modifie_le))} ${qui} depuis l'affichage de cette page. Rien n'a été enregistré : rechargez l'état de frais pour voir ses valeurs actuelles, puis recommencez.`,
  );
}

function exiger(d: DecisionGestion, e: repo.EtatLu, verbe: string) {
  const refus = refusDecision(d, { workflow: e.statut as EtatWorkflow, enLot: e.en_lot });
  if (refus) throw new AppError('CONFLIT', `${nommer(e)} ne peut pas être ${verbe} : ${refus}`);
}

/** Which kind of figure each pay mode lets the gestionnaire correct. */
const CHAMPS_PAR_MODE: Record<string, ChampCorrection[]> = {
  copies: ['copies'],
  santorin: ['copies'],
  candidats: ['candidats'],
  heures: ['heures'],
  heures_minutes: ['heures'],
};

interface Saisie {
  type?: string;
  copies?: number | null;
  candidats?: number | null;
  heures?: number | null;
  minutes?: number | null;
}

function valeurActuelle(champ: ChampCorrection, e: repo.EtatLu): number | null {
  const r = (e.remuneration ?? {}) as Saisie;
  switch (champ) {
    case 'copies':
      return r.type === 'copies' ? (r.copies ?? null) : null;
    case 'candidats':
      return r.type === 'candidats' ? (r.candidats ?? null) : null;
    case 'heures':
      return r.type === 'heures_minutes' && (r.heures != null || r.minutes != null) ? (r.heures ?? 0) * 60 + (r.minutes ?? 0) : null;
    case 'montantRetenuRemuneration':
      return e.montant_retenu_remuneration_centimes;
    case 'montantRetenuDeplacement':
      return e.montant_retenu_deplacement_centimes;
  }
}

export async function corrigerEtat(ctx: AppContext, actor: Actor, id: number, d: DemandeCorrection, trace: Trace) {
  const academieCode = academieGeree(actor);
  const le = ctx.clock.now();
  const champ = d.champ as ChampCorrection;
  return ctx.db.transaction().execute(async (trx) => {
    const e = await charger(ctx, trx, academieCode, id, true);
    verifierVersion(e, d.version, actor);
    exiger('corriger', e, 'corrigé');
    const estMontant = champ === 'montantRetenuRemuneration' || champ === 'montantRetenuDeplacement';
    if (!estMontant && !(CHAMPS_PAR_MODE[e.mode_remuneration] ?? []).includes(champ)) {
      throw invalide(`${LIBELLE_CHAMP_CORRECTION[champ]} : ce chiffre ne s'applique pas à une mission « ${e.type_libelle} » ; corrigez le montant retenu.`, { champ: 'Chiffre sans objet pour cette mission.' });
    }
    if (!estMontant && d.valeur === null) throw invalide(`${LIBELLE_CHAMP_CORRECTION[champ]} : indiquez la nouvelle valeur.`, { valeur: 'Nouvelle valeur : obligatoire.' });
    const ancienne = valeurActuelle(champ, e);
    if (ancienne === d.valeur) throw invalide(`${LIBELLE_CHAMP_CORRECTION[champ]} : la nouvelle valeur est celle déjà enregistrée.`, { valeur: 'Nouvelle valeur : identique à la valeur actuelle.' });
    const ch: repo.Changements = {};
    const r = { ...((e.remuneration ?? {}) as Saisie) };
    if (champ === 'copies') ch.remuneration = JSON.stringify({ ...(r.type === 'copies' ? r : {}), type: 'copies', copies: d.valeur });
    else if (champ === 'candidats') ch.remuneration = JSON.stringify({ ...(r.type === 'candidats' ? r : {}), type: 'candidats', candidats: d.valeur });
    else if (champ === 'heures') ch.remuneration = JSON.stringify({ type: 'heures_minutes', heures: Math.floor(d.valeur! / 60), minutes: d.valeur! % 60 });
    else if (champ === 'montantRetenuRemuneration') ch.montant_retenu_remuneration_centimes = d.valeur;
    else ch.montant_retenu_deplacement_centimes = d.valeur;
    const estimation = champ === 'montantRetenuRemuneration' ? e.montant_remuneration_centimes : champ === 'montantRetenuDeplacement' ? e.montant_deplacement_centimes : null;
    const avant = texteValeur(champ, ancienne) ?? (estimation !== null ? `${euros(estimation)} (estimation)` : null);
    const apres = texteValeur(champ, d.valeur) ?? (estimation !== null ? `${euros(estimation)} (estimation)` : null);
    const version = await repo.modifierEtat(trx, id, ch, actor.compteId, le);
    await repo.ajouterCorrection(trx, { etatId: id, champ, avant, apres, motif: d.motif, par: actor.compteId, le });
    await audit(trx, contexteAudit(actor, trace), {
      action: 'etats-frais.correction',
      entite: 'etat_frais',
      entiteId: id,
      avant: { champ, valeur: ancienne, version: e.version },
      apres: { champ, valeur: d.valeur, motif: d.motif, version },
    });
    return { version, message: `${LIBELLE_CHAMP_CORRECTION[champ]} corrigé : ${avant ?? 'non renseigné'} → ${apres ?? 'non renseigné'}.` };
  });
}

export async function validerEtat(ctx: AppContext, actor: Actor, id: number, vue: number, trace: Trace) {
  const academieCode = academieGeree(actor);
  const le = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const e = await charger(ctx, trx, academieCode, id, true);
    verifierVersion(e, vue, actor);
    exiger('valider', e, 'validé');
    const version = await repo.modifierEtat(trx, id, { statut: 'valide_gestionnaire', traite_le: le, traite_par: actor.compteId }, actor.compteId, le);
    await audit(trx, contexteAudit(actor, trace), { action: 'etats-frais.validation-gestionnaire', entite: 'etat_frais', entiteId: id, avant: { statut: e.statut, version: e.version }, apres: { statut: 'valide_gestionnaire', version } });
    return { version, statut: 'valide_gestionnaire', message: `${nommer(e)} est validé par le gestionnaire : il entrera dans le prochain lot de liquidation.` };
  });
}

export async function rejeterEtat(ctx: AppContext, actor: Actor, id: number, d: { version: number; motif: string }, trace: Trace) {
  const academieCode = academieGeree(actor);
  const le = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const e = await charger(ctx, trx, academieCode, id, true);
    verifierVersion(e, d.version, actor);
    exiger('rejeter', e, 'rejeté');
    const version = await repo.modifierEtat(trx, id, { statut: 'non_valide', rejet_motif: d.motif, rejete_le: le, traite_le: null, traite_par: null }, actor.compteId, le);
    const courriel = await repo.courrielPersonne(trx, e.personne_id);
    if (courriel) {
      await envoyerMail(ctx, trx, {
        academieCode,
        a: [courriel],
        objet: `IMAG'IN - Votre état de frais de la mission n° ${e.mission_numero} est à reprendre`,
        texte: [
          'Bonjour,',
          '',
          `Le service gestionnaire de l'académie a rejeté votre état de frais${e.numero_ordre ? ` n° ${e.numero_ordre}` : ''} pour la mission n° ${e.mission_numero} (${e.examen_sigle}, ${e.type_libelle}${e.centre ? `, ${e.centre}` : ''}).`,
          '',
          `Motif : ${d.motif}`,
          '',
          "Connectez-vous à IMAG'IN, activité « Saisie/consultation états de frais », pour le compléter ou le corriger, puis validez-le de nouveau.",
          '',
          "Ce message a été envoyé automatiquement par IMAG'IN.",
        ].join('\n'),
        cleIdempotence: `etat-frais:${id}:rejet:${version}`,
      });
    }
    await audit(trx, contexteAudit(actor, trace), {
      action: 'etats-frais.rejet',
      entite: 'etat_frais',
      entiteId: id,
      avant: { statut: e.statut, version: e.version },
      apres: { statut: 'non_valide', motif: d.motif, courrielEnvoye: courriel !== null, version },
    });
    return {
      version,
      statut: 'non_valide',
      message: courriel
        ? `${nommer(e)} est rejeté : il revient à l'intervenant, prévenu par courriel avec le motif.`
        : `${nommer(e)} est rejeté : il revient à l'intervenant, qui voit le motif dans son état de frais (aucune adresse électronique connue pour le prévenir par courriel).`,
    };
  });
}

export async function annulerEtat(ctx: AppContext, actor: Actor, id: number, d: { version: number; motif: string }, trace: Trace) {
  const academieCode = academieGeree(actor);
  const le = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const e = await charger(ctx, trx, academieCode, id, true);
    verifierVersion(e, d.version, actor);
    exiger('annuler', e, 'annulé');
    const version = await repo.modifierEtat(trx, id, { statut: 'annule', annulation_motif: d.motif, statut_avant_annulation: null }, actor.compteId, le);
    await audit(trx, contexteAudit(actor, trace), { action: 'etats-frais.annulation', entite: 'etat_frais', entiteId: id, avant: { statut: e.statut, version: e.version }, apres: { statut: 'annule', motif: d.motif, version } });
    return { version, statut: 'annule', message: `${nommer(e)} est annulé : il ne sera pas payé.` };
  });
}

/** Groups contrôle continu missions of one session onto the first état of `etatIds`. */
export async function regrouperEtats(ctx: AppContext, actor: Actor, d: DemandeRegroupement, trace: Trace) {
  const academieCode = academieGeree(actor);
  const le = ctx.clock.now();
  const ids = [...new Set(d.etatIds)];
  if (ids.length !== d.etatIds.length) throw invalide('États à regrouper : un même état est cité deux fois.', { etatIds: 'Un même état est cité deux fois.' });
  if (d.versions.length !== ids.length) throw invalide('Versions des états : une version par état, dans le même ordre.', { versions: 'Une version par état.' });
  return ctx.db.transaction().execute(async (trx) => {
    const lus = await repo.etatsPourRegroupement(trx, academieCode, ids);
    if (lus.length !== ids.length) throw introuvable(ETAT_INTROUVABLE);
    const parId = new Map(lus.map((x) => [x.id, x]));
    const etats = ids.map((i) => parId.get(i)!);
    etats.forEach((x, i) => verifierVersion(x, d.versions[i]!, actor));
    const erreurs = verifierRegroupement(
      etats.map((x) => ({
        id: x.id,
        personneId: x.personne_id,
        sessionExamenId: x.session_examen_id,
        typeCode: x.type_code,
        typeLibelle: x.type_libelle,
        missionNumero: x.mission_numero,
        regroupeDansId: x.regroupe_dans_id,
        workflow: x.statut as EtatWorkflow,
        enLot: x.en_lot,
      })),
    );
    if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);
    const [garde, ...autres] = etats as [(typeof etats)[number], ...typeof etats];
    const commentaire = d.commentaire;
    const versionGarde = await repo.modifierEtat(trx, garde.id, { commentaire_regroupement: commentaire }, actor.compteId, le);
    for (const x of autres) {
      await repo.modifierEtat(
        trx,
        x.id,
        { regroupe_dans_id: garde.id, statut: 'annule', statut_avant_annulation: null, annulation_motif: `Regroupé sur l'état de frais de la mission n° ${garde.mission_numero}.` },
        actor.compteId,
        le,
      );
    }
    await audit(trx, contexteAudit(actor, trace), {
      action: 'etats-frais.regroupement',
      entite: 'etat_frais',
      entiteId: garde.id,
      avant: { etats: etats.map((x) => ({ id: x.id, statut: x.statut, version: x.version })) },
      apres: { garde: garde.id, regroupes: autres.map((x) => x.id), commentaire },
    });
    return {
      id: garde.id,
      version: versionGarde,
      message: `${autres.length} état(s) regroupé(s) sur celui de la mission n° ${garde.mission_numero} (missions n° ${autres.map((x) => x.mission_numero).join(', ')}) ; l'intervenant lit votre commentaire sur cet état.`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Validation en masse

export async function lancerValidationMasse(ctx: AppContext, actor: Actor, b: { filtres: Partial<ListeQuery>; titre?: string }, trace: Trace) {
  const academieCode = academieGeree(actor);
  const f = { ...filtresDe(b.filtres), statut: 'valide' as const };
  const n = (await repo.comptesParStatut(ctx.db, academieCode, f)).valide;
  if (n === 0) throw invalide('Aucun état de frais « Validé » ne correspond à ces filtres : il n’y a rien à valider.');
  await parametresDeLAcademie(ctx.db, academieCode);
  return ctx.db.transaction().execute(async (trx) => {
    // One mass validation per académie at a time: the académie's parameters row is the lock.
    await repo.verrouAcademie(trx, academieCode);
    const enCours = await repo.traitementEnCours(trx, academieCode, TRAITEMENT_VALIDATION_MASSE);
    if (enCours) {
      throw conflit(
        `Une validation en masse est déjà en cours dans l'académie : « ${enCours.titre} », lancée le ${dateHeureFr(new Date(enCours.cree_le))}${enCours.par ? ` par ${enCours.par}` : ''}. Attendez qu'elle se termine (voir son compte rendu dans « Traitements ») avant d'en lancer une autre.`,
      );
    }
    const titre = b.titre?.trim() || `Validation en masse de ${n} état(s) de frais du ${dateFr(ctx.clock.now())}`;
    const { id } = await lancerTraitement(ctx, trx, {
      type: TRAITEMENT_VALIDATION_MASSE,
      titre,
      parametres: { academieCode, filtres: f, compteId: actor.compteId, acteur: actor.login },
      academieCode,
      creePar: actor.compteId,
      visibilite: 'academie',
    });
    await audit(trx, contexteAudit(actor, trace), { action: 'etats-frais.validation-masse.lancement', entite: 'traitement', entiteId: id, apres: { filtres: f, etats: n } });
    return { traitementId: id, etats: n, message: `Validation en masse lancée pour ${n} état(s) « Validé » : son compte rendu dit lesquels sont validés et pourquoi d'autres sont refusés.` };
  });
}
