// Constat de service fait (003 §4.3), for the chef de centre (his centre's missions) and for the
// gestionnaire (any centre of his académie: « soit par le chef de centre soit par le service de
// gestion »). The list with the computed état and its filters, the mission screen with one row per
// convoked intervenant, the save of every changed row in one transaction (409 naming who saved a
// stale row; rows whose frais the gestionnaire validated are frozen), the half-day hours, and the
// frais a « service non fait » cancels and a « service fait » restores (decision 0015).
import {
  centiemesHeures,
  chiffreSaisi,
  constatOuvert,
  erreursHoraires,
  erreursLigne,
  etatMission,
  fraisApresConstat,
  FRAIS_TRAITES,
  horairesOuverts,
  horsConstat,
  LIBELLE_ETAT_CSF,
  LIBELLE_SERVICE,
  lireDecimal,
  lireEntier,
  nombreCandidatsExige,
  remunerationTexte,
  TRAITE_PAR_GESTIONNAIRE,
  ACCEPTE,
  type ChiffreCsf,
  type EtatMissionCsf,
  type HoraireJour,
  type LigneConstat,
} from '../../domain/imagin/constat.ts';
import { anneesProposees } from '../../domain/imagin/convocations.ts';
import { isoParis } from '../../domain/imagin/dates.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { conflit, introuvable, invalide } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { contexteAudit } from '../imagin-etablissement/personnels.service.ts';
import { libelleSession } from '../imagin/convocation.repo.ts';
import * as repo from './constat.repo.ts';
import type { LigneIntervenantCsf, LigneMissionCsf, PorteeConstat } from './constat.repo.ts';
import type { EnregistrementConstat, FiltreConstat, HorairesSaisis } from './constat.schemas.ts';

export const MISSION_INTROUVABLE = "Cette mission n'existe pas, ne se déroule pas dans votre centre d'examen ou n'est pas concernée par le constat de service fait.";
export const MISSION_INTROUVABLE_GESTION = "Cette mission n'existe pas dans votre académie ou n'est pas concernée par le constat de service fait.";
export const INTERVENANT_INTROUVABLE = "Cet intervenant n'est pas convoqué à cette mission.";

type Trace = { ip?: string; requestId?: string };

export function porteeCentre(actor: Actor): PorteeConstat {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null) throw introuvable(MISSION_INTROUVABLE);
  return { academieCode: actor.academieCode, etablissementId: actor.etablissementId, par: 'centre' };
}

export function porteeGestionnaire(actor: Actor): PorteeConstat {
  if (actor.role !== 'gestionnaire') throw introuvable(MISSION_INTROUVABLE_GESTION);
  return { academieCode: actor.academieCode, etablissementId: null, par: 'gestionnaire' };
}

const aujourdhui = (ctx: AppContext) => isoParis(ctx.clock.now());
const anneeCourante = (ctx: AppContext) => Number(aujourdhui(ctx).slice(0, 4));

function etat(ctx: AppContext, m: LigneMissionCsf): EtatMissionCsf {
  return etatMission({ debut: m.debut, fin: m.fin, mode: m.mode, nbConvoques: m.nb_convoques, nbConstates: m.nb_constates, aujourdhui: aujourdhui(ctx) });
}

const anneeMission = (m: LigneMissionCsf) => (m.debut ? Number(m.debut.slice(0, 4)) : m.annee);

const concernee = (m: LigneMissionCsf) => !horsConstat({ correctionDematerialisee: m.correction_dematerialisee, examenSigle: m.sigle, examenLibelle: m.examen_libelle });

function presenterMission(ctx: AppContext, m: LigneMissionCsf) {
  const e = etat(ctx, m);
  return {
    id: m.id,
    numero: m.numero,
    centreId: m.centre_id,
    centre: m.centre_libelle,
    session: libelleSession(m),
    examen: m.examen_code,
    sigle: m.sigle,
    specialite: m.specialite_code ? `${m.specialite_code} - ${m.specialite_libelle}` : null,
    epreuveOption: m.epreuve_code ? `${m.epreuve_code}, ${m.epreuve_libelle}` : null,
    typeMission: m.type_libelle,
    debut: m.debut,
    fin: m.fin,
    etat: e,
    libelleEtat: LIBELLE_ETAT_CSF[e],
    nbConvoques: m.nb_convoques,
    nbConstates: m.nb_constates,
    nbNonFaits: m.nb_non_faits,
  };
}

async function exigerMission(ctx: AppContext, p: PorteeConstat, missionId: number, db: repo.Executeur = ctx.db): Promise<LigneMissionCsf> {
  const m = await repo.mission(db, p, missionId);
  if (!m || !concernee(m)) throw introuvable(p.par === 'centre' ? MISSION_INTROUVABLE : MISSION_INTROUVABLE_GESTION);
  return m;
}

// ---------------------------------------------------------------------------------------------
// List

export async function filtres(ctx: AppContext, p: PorteeConstat) {
  const n = anneeCourante(ctx);
  const base = { annees: anneesProposees(n), anneesParDefaut: [n] };
  if (p.par === 'centre') return { ...base, centres: [], examens: [] };
  const { centres, examens } = await repo.centresEtExamens(ctx.db, p.academieCode);
  return { ...base, centres, examens: examens.map((x) => ({ code: x.code, sigle: x.sigle, libelle: `${x.sigle} - ${x.libelle}` })) };
}

/**
 * The missions of the centre (or of the académie) that took place there, except the correction
 * dématérialisée, the concours and the DCS; the year filter on the start date (current year by
 * default, N−3 … N+1 offered); « masquer … » on the computed état. Sorted by start date.
 */
export async function listerMissions(ctx: AppContext, p: PorteeConstat, f: FiltreConstat) {
  const n = anneeCourante(ctx);
  const offertes = new Set(anneesProposees(n));
  const annees = (f.annees?.length ? f.annees : [n]).filter((a) => offertes.has(a));
  if (f.annees?.length && annees.length === 0) throw invalide(`Année : seules les années ${n - 3} à ${n + 1} sont proposées.`, { annees: `Année : seules les années ${n - 3} à ${n + 1} sont proposées.` });
  const rows = await repo.missions(ctx.db, p, p.par === 'gestionnaire' ? { centreId: f.centre ?? null, examens: f.examens ?? [] } : {});
  const toutes = rows.filter((m) => concernee(m) && annees.includes(anneeMission(m))).map((m) => presenterMission(ctx, m));
  // The follow-up counts every mission of the years and centres chosen, hidden ones included.
  const parEtat: Record<EtatMissionCsf, number> = { non_effectuee: 0, commencee: 0, effectuee: 0, constatee: 0 };
  for (const l of toutes) parEtat[l.etat]++;
  const lignes = toutes
    .filter((m) => !(f.masquerNonEffectuees && m.etat === 'non_effectuee') && !(f.masquerConstatees && m.etat === 'constatee'))
    .sort((a, b) => (a.debut ?? '9999').localeCompare(b.debut ?? '9999') || a.numero - b.numero);
  return { annees, total: lignes.length, parEtat, lignes };
}

// ---------------------------------------------------------------------------------------------
// Mission screen

const CHIFFRE_LIBELLE: Record<Exclude<ChiffreCsf, null>, string> = {
  copies: 'Nombre de copies',
  candidats: 'Nombre de candidats interrogés',
  horaires: "Nombre d'heures constatées",
  heures: "Nombre d'heures effectuées",
};

function presenterIntervenant(i: LigneIntervenantCsf, inscrits: number | null) {
  const traite = i.frais_statut !== null && FRAIS_TRAITES.has(i.frais_statut);
  return {
    convocationId: i.id,
    nom: i.nom,
    prenom: i.prenom,
    etablissementPrincipal: i.etablissement_principal,
    telephone: i.tel_perso ?? i.tel_pro,
    candidatsInscrits: i.commission_nb ?? inscrits,
    serviceFait: i.service_fait,
    motif: i.motif_service_non_fait ?? '',
    nbCopies: i.csf_nb_copies,
    nbCandidats: i.csf_nb_candidats,
    heures: i.csf_heures_centiemes,
    version: i.csf_version,
    constatPar: i.csf_par,
    constatLe: i.csf_le,
    constatLogin: i.csf_login,
    frais: i.frais_statut,
    traite,
    mention: traite ? (i.frais_paye ? ACCEPTE : TRAITE_PAR_GESTIONNAIRE) : null,
  };
}

export async function detailMission(ctx: AppContext, p: PorteeConstat, missionId: number) {
  const m = await exigerMission(ctx, p, missionId);
  const [intervenants, inscrits, jours] = await Promise.all([repo.intervenants(ctx.db, m.id), repo.candidatsInscrits(ctx.db, m, p.academieCode), repo.joursMission(ctx.db, m.id)]);
  const e = etat(ctx, m);
  const chiffre = chiffreSaisi(m.mode);
  return {
    mission: presenterMission(ctx, m),
    regles: {
      chiffre,
      libelleChiffre: chiffre ? CHIFFRE_LIBELLE[chiffre] : null,
      /** Candidats inscrits are shown for the written papers, orals and VAE. */
      avecInscrits: chiffre === 'copies' || chiffre === 'candidats',
      candidatsExiges: chiffre === 'candidats' && nombreCandidatsExige({ typeCode: m.type_mission, typeLibelle: m.type_libelle, examenCode: m.examen_code }),
      saisieOuverte: constatOuvert(e),
      horairesOuverts: horairesOuverts(e, m.mode),
      message: constatOuvert(e)
        ? null
        : e === 'commencee'
          ? 'Mission commencée : le constat de service fait sera accessible à la fin de la mission ; les horaires effectués peuvent déjà être renseignés jour par jour.'
          : "Mission non effectuée : le constat de service fait sera accessible lorsque la mission aura eu lieu.",
    },
    joursMission: jours,
    total: intervenants.length,
    intervenants: intervenants.map((i) => presenterIntervenant(i, inscrits)),
  };
}

// ---------------------------------------------------------------------------------------------
// Save

function nomDe(i: { nom: string; prenom: string }) {
  return `${i.nom} ${i.prenom}`;
}

function auteurDe(i: LigneIntervenantCsf): string {
  const qui = i.csf_par === 'gestionnaire' ? `le service de gestion (${i.csf_login ?? 'compte supprimé'})` : `le centre d'examen (${i.csf_login ?? 'compte supprimé'})`;
  return `${qui}${i.csf_le ? ` le ${i.csf_le}` : ''}`;
}

export function messagePerime(i: LigneIntervenantCsf): string {
  return `Le constat de ${nomDe(i)} a été enregistré entre-temps par ${auteurDe(i)}. Rechargez la page pour voir sa saisie, puis recommencez : rien n'a été enregistré.`;
}

function messageTraite(i: LigneIntervenantCsf): string {
  return `Le constat de ${nomDe(i)} n'est plus modifiable : le gestionnaire a validé son état de frais (${TRAITE_PAR_GESTIONNAIRE}). Rien n'a été enregistré.`;
}

/** Reads one row as typed, by pay mode; field errors are keyed `lignes.<convocationId>.<champ>`. */
function lireLigne(l: EnregistrementConstat['lignes'][number], chiffre: ChiffreCsf, candidatsExiges: boolean, erreurs: Record<string, string>): LigneConstat {
  const cle = (c: string) => `lignes.${l.convocationId}.${c}`;
  const lu: LigneConstat = { serviceFait: l.serviceFait, motif: l.motif, nbCopies: null, nbCandidats: null, heures: null };
  if (chiffre === 'copies') {
    const r = lireEntier(l.nbCopies, 'Nombre de copies', 0, 999);
    if (r.ok) lu.nbCopies = r.valeur;
    else erreurs[cle('nbCopies')] = r.message;
  } else if (chiffre === 'candidats') {
    const r = lireEntier(l.nbCandidats, 'Nombre de candidats', 0, 999);
    if (r.ok) lu.nbCandidats = r.valeur;
    else erreurs[cle('nbCandidats')] = r.message;
  } else if (chiffre === 'heures') {
    const r = lireDecimal(l.heures, "Nombre d'heures effectuées", { decimales: 2, format: 'x,xx', max: 999 });
    if (r.ok) lu.heures = r.valeur;
    else erreurs[cle('heures')] = r.message;
  }
  for (const [champ, message] of Object.entries(erreursLigne(lu, { chiffre, candidatsExiges }))) if (!erreurs[cle(champ)]) erreurs[cle(champ)] = message;
  return lu;
}

/**
 * « Enregistrer »: every changed row in one transaction. Each row carries the version the page saw;
 * a row saved by someone else since is refused with 409 naming who, and nothing is written.
 */
export async function enregistrer(ctx: AppContext, actor: Actor, p: PorteeConstat, missionId: number, body: EnregistrementConstat, trace: Trace) {
  const m = await exigerMission(ctx, p, missionId);
  const e = etat(ctx, m);
  if (!constatOuvert(e)) throw conflit(`La mission n° ${m.numero} n'est pas effectuée : le constat de service fait n'est pas encore accessible.`);
  const chiffre = chiffreSaisi(m.mode);
  const candidatsExiges = chiffre === 'candidats' && nombreCandidatsExige({ typeCode: m.type_mission, typeLibelle: m.type_libelle, examenCode: m.examen_code });
  const ids = [...new Set(body.lignes.map((l) => l.convocationId))];
  if (ids.length !== body.lignes.length) throw invalide('Une même ligne est envoyée deux fois.');
  const erreurs: Record<string, string> = {};
  const lues = new Map(body.lignes.map((l) => [l.convocationId, { brute: l, lue: lireLigne(l, chiffre, candidatsExiges, erreurs) }]));
  if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);

  const le = ctx.clock.now();
  const avantApres: unknown[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const actuelles = await repo.verrouillerIntervenants(trx, m.id, ids);
    if (actuelles.length !== ids.length) throw introuvable(INTERVENANT_INTROUVABLE);
    const ecrits: Array<repo.ConstatEcrit & { id: number }> = [];
    for (const a of actuelles) {
      const { brute, lue } = lues.get(a.id)!;
      if (a.csf_version !== brute.version) throw conflit(messagePerime(a));
      if (a.frais_statut !== null && FRAIS_TRAITES.has(a.frais_statut)) throw conflit(messageTraite(a));
      // Half-day missions: the hours come from the details screen, not from the row.
      const heures = chiffre === 'horaires' ? a.csf_heures_centiemes : lue.heures;
      const nouveau = {
        service_fait: lue.serviceFait,
        motif_service_non_fait: lue.serviceFait === 'non_fait' ? lue.motif : null,
        csf_nb_copies: lue.nbCopies,
        csf_nb_candidats: lue.nbCandidats,
        csf_heures_centiemes: heures,
      };
      ecrits.push({ id: a.id, ...nouveau });
      if (a.frais_id !== null && a.frais_statut !== null) {
        const f = fraisApresConstat({ statut: a.frais_statut, statutAvantAnnulation: a.frais_statut_avant }, lue.serviceFait);
        if (f) await repo.ecrireFrais(trx, a.frais_id, f, le);
      }
      avantApres.push({ convocation: a.id, avant: { service: a.service_fait, copies: a.csf_nb_copies, candidats: a.csf_nb_candidats, heures: a.csf_heures_centiemes }, apres: { service: nouveau.service_fait, copies: nouveau.csf_nb_copies, candidats: nouveau.csf_nb_candidats, heures } });
    }
    await repo.ecrireConstats(trx, ecrits, { par: p.par, compteId: actor.compteId, le });
    await audit(trx, contexteAudit(actor, trace), { action: 'constat.enregistrer', entite: 'mission', entiteId: m.id, apres: { par: p.par, lignes: avantApres } });
  });
  return { ...(await detailMission(ctx, p, m.id)), enregistrees: ids.length };
}

// ---------------------------------------------------------------------------------------------
// Half-days (« Détails Constat Service Fait »)

async function exigerIntervenant(ctx: AppContext, m: LigneMissionCsf, convocationId: number) {
  const i = (await repo.intervenants(ctx.db, m.id)).find((x) => x.id === convocationId);
  if (!i) throw introuvable(INTERVENANT_INTROUVABLE);
  return i;
}

export async function detailHoraires(ctx: AppContext, p: PorteeConstat, missionId: number, convocationId: number) {
  const m = await exigerMission(ctx, p, missionId);
  if (chiffreSaisi(m.mode) !== 'horaires') throw introuvable('Cette mission ne se constate pas par demi-journée.');
  const i = await exigerIntervenant(ctx, m, convocationId);
  const [h, jours] = await Promise.all([repo.horaires(ctx.db, [i.id]), repo.joursMission(ctx.db, m.id)]);
  const e = etat(ctx, m);
  return {
    mission: presenterMission(ctx, m),
    intervenant: presenterIntervenant(i, null),
    joursMission: jours,
    horaires: h.map((x) => ({ jour: x.jour, debutMatin: x.debut_matin, finMatin: x.fin_matin, debutApresMidi: x.debut_apres_midi, finApresMidi: x.fin_apres_midi })),
    saisieOuverte: constatOuvert(e),
    horairesOuverts: horairesOuverts(e, m.mode),
  };
}

export async function enregistrerHoraires(ctx: AppContext, actor: Actor, p: PorteeConstat, missionId: number, convocationId: number, body: HorairesSaisis, trace: Trace) {
  const m = await exigerMission(ctx, p, missionId);
  if (chiffreSaisi(m.mode) !== 'horaires') throw introuvable('Cette mission ne se constate pas par demi-journée.');
  const e = etat(ctx, m);
  if (!horairesOuverts(e, m.mode)) throw conflit(`La mission n° ${m.numero} n'a pas commencé : les horaires ne peuvent pas encore être renseignés.`);
  if (body.serviceFait !== undefined && !constatOuvert(e)) throw conflit('Mission commencée : « Service fait » ou « Service non fait » se constate à la fin de la mission ; enregistrez seulement les horaires.');
  const jours = await repo.joursMission(ctx.db, m.id);
  const horaires: HoraireJour[] = body.horaires.map((h) => ({ jour: h.jour, debutMatin: h.debutMatin, finMatin: h.finMatin, debutApresMidi: h.debutApresMidi, finApresMidi: h.finApresMidi }));
  const erreurs = erreursHoraires(horaires, jours);
  if (body.serviceFait === 'non_fait' && !body.motif) erreurs.motif = 'Motif service non fait : obligatoire lorsque le service n’est pas fait.';
  if (Object.keys(erreurs).length) throw invalide(Object.values(erreurs)[0]!, erreurs);
  const le = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const [a] = await repo.verrouillerIntervenants(trx, m.id, [convocationId]);
    if (!a) throw introuvable(INTERVENANT_INTROUVABLE);
    if (a.csf_version !== body.version) throw conflit(messagePerime(a));
    if (a.frais_statut !== null && FRAIS_TRAITES.has(a.frais_statut)) throw conflit(messageTraite(a));
    const service = body.serviceFait === undefined ? a.service_fait : body.serviceFait;
    await repo.remplacerHoraires(trx, a.id, horaires);
    await repo.ecrireConstat(
      trx,
      a.id,
      {
        service_fait: service,
        motif_service_non_fait: service === 'non_fait' ? (body.serviceFait === undefined ? a.motif_service_non_fait : body.motif) : null,
        csf_nb_copies: null,
        csf_nb_candidats: null,
        csf_heures_centiemes: horaires.length ? centiemesHeures(horaires) : null,
      },
      { par: p.par, compteId: actor.compteId, le },
    );
    if (a.frais_id !== null && a.frais_statut !== null && service !== a.service_fait) {
      const f = fraisApresConstat({ statut: a.frais_statut, statutAvantAnnulation: a.frais_statut_avant }, service);
      if (f) await repo.ecrireFrais(trx, a.frais_id, f, le);
    }
    await audit(trx, contexteAudit(actor, trace), { action: 'constat.horaires', entite: 'convocation', entiteId: a.id, avant: { service: a.service_fait, heures: a.csf_heures_centiemes }, apres: { service, horaires } });
  });
  return detailHoraires(ctx, p, m.id, convocationId);
}

// ---------------------------------------------------------------------------------------------
// PDF « Constat de service »

export async function donneesPdf(ctx: AppContext, p: PorteeConstat, missionId: number) {
  const m = await exigerMission(ctx, p, missionId);
  const [intervenants, inscrits, centre, academie] = await Promise.all([
    repo.intervenants(ctx.db, m.id),
    repo.candidatsInscrits(ctx.db, m, p.academieCode),
    repo.libelleCentre(ctx.db, m.centre_id),
    ctx.db.selectFrom('academie').select('nom_majuscule').where('code', '=', p.academieCode).executeTakeFirstOrThrow(),
  ]);
  const chiffre = chiffreSaisi(m.mode);
  return {
    academie: `ACADEMIE DE ${academie.nom_majuscule}`,
    centre: `${centre.type} ${centre.nom} ${centre.commune} (${centre.uai})`,
    mission: presenterMission(ctx, m),
    lignes: intervenants.map((i) => {
      const n = i.commission_nb ?? inscrits;
      return {
        nomPrenom: `${i.nom} ${i.prenom}`,
        etablissement: i.etablissement_principal ?? '',
        inscrits: n === null ? '' : n > 0 ? 'OUI' : 'NON',
        serviceFait: i.service_fait ? LIBELLE_SERVICE[i.service_fait] : '',
        remuneration: i.service_fait === 'fait' ? remunerationTexte(chiffre, { nbCopies: i.csf_nb_copies, nbCandidats: i.csf_nb_candidats, heures: i.csf_heures_centiemes }) : i.service_fait === 'non_fait' ? `Motif : ${i.motif_service_non_fait ?? ''}` : '',
      };
    }),
  };
}
