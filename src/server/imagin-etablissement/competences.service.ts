// "Saisie des compétences" and "Validation saisie compétence" (003 §3.3, §3.4), and the gestionnaire's
// follow-up of the validations. The établissement acts as the author "<UAI>": "+" puts its (C), "×" its
// (I), under the authorship rules of src/domain/imagin/competences.ts. Once the établissement has
// validated, its compétences are read-only — the server refuses every write — until the gestionnaire
// reopens them.
import { appliquer, libelleAuteurs, libelleMarque, marqueDe, MESSAGE_EXISTE_DEJA, trierMarques, type Auteur, type Marque } from '../../domain/imagin/competences.ts';
import { anneeScolaire, dateFr, isoParis } from '../../domain/imagin/dates.ts';
import { correspond, siglesProposes, SIGLES_COLLEGE, SIGLES_LYCEE } from '../../domain/imagin/examens.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, champInvalide, conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import * as repo from './imagin-etablissement.repo.ts';
import type { LigneCompetence, Portee } from './imagin-etablissement.repo.ts';
import { contexteAudit, exigerPersonnel, PERSONNEL_INTROUVABLE, portee, presenterEnseignement } from './personnels.service.ts';
import { dateIso } from './presentation.ts';

type Trace = { ip?: string; requestId?: string };

function messageLectureSeule(valideeLe: Date | string | null | undefined): string {
  const le = valideeLe ? ` le ${dateFr(isoParis(new Date(valideeLe)))}` : '';
  return `La saisie des compétences de votre établissement a été validée${le} : elle n'est plus modifiable. Pour la modifier, prenez contact avec le service des examens.`;
}

async function etatValidation(ctx: AppContext, p: Portee) {
  const annee = anneeScolaire(ctx.clock.now());
  const v = await repo.validation(ctx.db, p.etablissementId, annee);
  return { annee, v, lectureSeule: v?.validee === true };
}

function auteurEtablissement(uai: string): Auteur {
  return { type: 'ETABLISSEMENT', code: uai };
}

function presenterCompetence(k: LigneCompetence, uai: string, lectureSeule: boolean) {
  const marques = trierMarques(k.marques);
  const mienne = marqueDe(marques, auteurEtablissement(uai));
  return {
    id: k.id,
    epreuveOptionId: k.epreuve_option_id,
    examen: { code: k.examen_code, sigle: k.sigle, libelle: k.examen_libelle },
    /** "BCG - BACCALAUREAT GENERAL" */
    specialite: `${k.specialite_code} - ${k.specialite_libelle}`,
    /** "C010, Mathématiques" */
    epreuveOption: `${k.epreuve_code}, ${k.epreuve_libelle}`,
    auteurs: marques.map((m) => ({ code: m.code, type: m.type, nature: m.nature, libelle: libelleMarque(m) })),
    libelleAuteurs: libelleAuteurs(marques),
    marqueEtablissement: mienne?.nature ?? null,
    actions: { reconnaitre: !lectureSeule && mienne?.nature !== 'C', invalider: !lectureSeule && mienne?.nature !== 'I' },
  };
}

export async function listerPersonnelsCompetences(ctx: AppContext, actor: Actor) {
  const p = portee(actor);
  const [rows, etat] = await Promise.all([repo.personnels(ctx.db, p), etatValidation(ctx, p)]);
  return {
    lectureSeule: etat.lectureSeule,
    message: etat.lectureSeule ? messageLectureSeule(etat.v?.validee_le) : null,
    total: rows.length,
    lignes: rows.map((r) => ({
      id: r.id,
      civilite: r.civilite,
      nom: r.nom,
      prenom: r.prenom,
      disciplinePoste: r.discipline_poste,
      competencesDefinies: r.competences_definies ? 'OUI' : 'NON',
    })),
  };
}

export async function ficheCompetences(ctx: AppContext, actor: Actor, personneId: number) {
  const p = portee(actor);
  const personne = await exigerPersonnel(ctx, p, personneId);
  const [etab, etat, lignes] = await Promise.all([repo.etablissement(ctx.db, p.etablissementId), etatValidation(ctx, p), repo.competences(ctx.db, personneId)]);
  const competences = lignes.filter((k) => k.marques.some((m) => m.nature === 'C'));
  return {
    personne: {
      id: personne.id,
      civilite: personne.civilite,
      nom: personne.nom,
      prenom: personne.prenom,
      disciplinePoste: personne.discipline_poste,
      competencesDefinies: competences.length > 0 ? 'OUI' : 'NON',
    },
    lectureSeule: etat.lectureSeule,
    message: etat.lectureSeule ? messageLectureSeule(etat.v?.validee_le) : null,
    total: competences.length,
    competences: competences.map((k) => presenterCompetence(k, etab.uai, etat.lectureSeule)),
  };
}

/** "Liste des enseignements" of the compétences screen (read-only, from STS-WEB). */
export async function enseignementsCompetences(ctx: AppContext, actor: Actor, personneId: number) {
  const p = portee(actor);
  await exigerPersonnel(ctx, p, personneId);
  const rows = await repo.enseignements(ctx.db, [personneId]);
  return { total: rows.length, lignes: rows.map(presenterEnseignement) };
}

// ---------------------------------------------------------------------------------------------
// "Ajouter une compétence": the exams of the établissement's category, then spécialités and épreuves.

export async function examensProposes(ctx: AppContext, actor: Actor) {
  const p = portee(actor);
  const etab = await repo.etablissement(ctx.db, p.etablissementId);
  const sigles = siglesProposes(etab.type);
  const examens = await repo.examensParSigles(ctx.db, sigles);
  const ordre = new Map(sigles.map((s, i) => [s, i]));
  return {
    categorie: SIGLES_COLLEGE.includes(sigles[0] ?? '') ? 'college' : SIGLES_LYCEE.includes(sigles[0] ?? '') ? 'lycee' : null,
    lignes: examens.sort((a, b) => ordre.get(a.sigle)! - ordre.get(b.sigle)!).map((x) => ({ code: x.code, sigle: x.sigle, libelle: x.libelle, texte: `${x.sigle} - ${x.libelle}` })),
  };
}

async function exigerExamenPropose(ctx: AppContext, p: Portee, examenCode: string) {
  const etab = await repo.etablissement(ctx.db, p.etablissementId);
  const examens = await repo.examensParSigles(ctx.db, siglesProposes(etab.type));
  if (!examens.some((x) => x.code === examenCode)) {
    throw champInvalide('examen', "Cet examen n'est pas proposé aux établissements de votre catégorie.");
  }
}

export async function specialitesProposees(ctx: AppContext, actor: Actor, examenCode: string, saisie: string) {
  const p = portee(actor);
  await exigerExamenPropose(ctx, p, examenCode);
  const rows = await repo.specialitesDe(ctx.db, examenCode);
  return {
    lignes: rows
      .map((s) => ({ id: s.id, code: s.code, libelle: s.libelle, texte: `${s.code} - ${s.libelle}` }))
      .filter((s) => correspond(s.texte, saisie))
      .slice(0, 100),
  };
}

export async function epreuvesProposees(ctx: AppContext, actor: Actor, specialiteId: number, saisie: string) {
  const p = portee(actor);
  const rows = await repo.epreuvesDe(ctx.db, specialiteId);
  if (rows.length) await exigerExamenPropose(ctx, p, rows[0]!.examen_code);
  return {
    lignes: rows
      .map((e) => ({ id: e.id, code: e.code, libelle: e.libelle, texte: `${e.code}, ${e.libelle}` }))
      .filter((e) => correspond(e.texte, saisie))
      .slice(0, 100),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes

/** The write happens only while the établissement has not validated (the validation row is locked). */
async function exigerModifiable(trx: Parameters<typeof repo.validationPourMaj>[0], ctx: AppContext, p: Portee) {
  const v = await repo.validationPourMaj(trx, p.etablissementId, anneeScolaire(ctx.clock.now()));
  if (v?.validee) throw conflit(messageLectureSeule(v.validee_le));
}

export async function ajouterCompetence(ctx: AppContext, actor: Actor, personneId: number, epreuveOptionId: number, trace: Trace) {
  const p = portee(actor);
  await exigerPersonnel(ctx, p, personneId);
  const epreuve = await repo.epreuveOption(ctx.db, epreuveOptionId);
  if (!epreuve) throw champInvalide('epreuveOptionId', "Cette épreuve option n'existe pas.");
  await exigerExamenPropose(ctx, p, epreuve.examen_code);
  const etab = await repo.etablissement(ctx.db, p.etablissementId);
  const auteur = auteurEtablissement(etab.uai);
  const maintenant = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await exigerModifiable(trx, ctx, p);
    if (!(await repo.personnel(trx, p, personneId))) throw introuvable(PERSONNEL_INTROUVABLE);
    const existante = await repo.competencePourMaj(trx, personneId, { epreuveOptionId });
    const r = appliquer(existante?.marques ?? null, 'ajouter', auteur);
    if (!r.ok) throw conflit(r.message);
    // A compétence row left without any (C) is not in the list: it is reused.
    const competenceId = existante?.id ?? (await repo.creerCompetence(trx, personneId, epreuveOptionId));
    // Created by a simultaneous request (two clicks): it exists now.
    if (competenceId === null) throw conflit(MESSAGE_EXISTE_DEJA);
    await repo.poserMarque(trx, competenceId, auteur, r.marques[0]!, maintenant);
    await audit(trx, contexteAudit(actor, trace), {
      action: 'competence.ajout',
      entite: 'competence',
      entiteId: competenceId,
      apres: { personneId, epreuveOptionId, epreuve: `${epreuve.sigle} ${epreuve.specialite_code} ${epreuve.code}`, auteurs: libelleAuteurs(r.marques) },
    });
    return { competenceId, message: `Compétence ajoutée : ${epreuve.code}, ${epreuve.libelle} (${epreuve.sigle}).` };
  });
}

async function changerMarque(ctx: AppContext, actor: Actor, personneId: number, competenceId: number, operation: 'reconnaitre' | 'invalider', trace: Trace) {
  const p = portee(actor);
  await exigerPersonnel(ctx, p, personneId);
  const etab = await repo.etablissement(ctx.db, p.etablissementId);
  const auteur = auteurEtablissement(etab.uai);
  const maintenant = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await exigerModifiable(trx, ctx, p);
    const k = await repo.competencePourMaj(trx, personneId, { id: competenceId });
    if (!k) throw introuvable("Cette compétence n'existe pas (ou plus) dans la liste des compétences de l'agent.");
    const r = appliquer(k.marques, operation, auteur);
    if (!r.ok) throw r.code === 'INTROUVABLE' ? introuvable(r.message) : new AppError('CONFLIT', r.message);
    if (r.inchangee) {
      return {
        supprimee: false,
        libelleAuteurs: libelleAuteurs(r.marques),
        message: operation === 'reconnaitre' ? 'Cette compétence est déjà reconnue par votre établissement.' : 'Cette compétence est déjà invalidée par votre établissement.',
      };
    }
    if (r.supprimee) await repo.supprimerCompetence(trx, k.id);
    else await repo.poserMarque(trx, k.id, auteur, marqueDe(r.marques, auteur) ?? null, maintenant);
    await audit(trx, contexteAudit(actor, trace), {
      action: operation === 'reconnaitre' ? 'competence.reconnaissance' : r.supprimee ? 'competence.suppression' : 'competence.invalidation',
      entite: 'competence',
      entiteId: k.id,
      avant: { personneId, epreuveOptionId: k.epreuveOptionId, auteurs: libelleAuteurs(k.marques as Marque[]) },
      apres: r.supprimee ? null : { auteurs: libelleAuteurs(r.marques) },
    });
    return {
      supprimee: r.supprimee,
      libelleAuteurs: libelleAuteurs(r.marques),
      message:
        operation === 'reconnaitre'
          ? `Compétence reconnue par votre établissement (${etab.uai}).`
          : r.supprimee
            ? 'Compétence supprimée : plus aucun auteur ne la déclare.'
            : `Compétence invalidée par votre établissement (${etab.uai}) : elle reste dans la liste tant qu'un autre auteur la déclare.`,
    };
  });
}

export const reconnaitreCompetence = (ctx: AppContext, actor: Actor, personneId: number, competenceId: number, trace: Trace) =>
  changerMarque(ctx, actor, personneId, competenceId, 'reconnaitre', trace);
export const invaliderCompetence = (ctx: AppContext, actor: Actor, personneId: number, competenceId: number, trace: Trace) =>
  changerMarque(ctx, actor, personneId, competenceId, 'invalider', trace);

// ---------------------------------------------------------------------------------------------
// Validation (003 §3.4)

function presenterValidation(annee: string, v: Awaited<ReturnType<typeof repo.validation>>) {
  return {
    anneeScolaire: annee,
    validee: v?.validee === true,
    valideeLe: v?.validee_le ? new Date(v.validee_le).toISOString() : null,
    valideePar: v?.validee_par ?? null,
    rouverteLe: v?.rouverte_le ? new Date(v.rouverte_le).toISOString() : null,
  };
}

export async function lireValidation(ctx: AppContext, actor: Actor) {
  const p = portee(actor);
  const { annee, v, lectureSeule } = await etatValidation(ctx, p);
  return {
    ...presenterValidation(annee, v),
    message: lectureSeule
      ? messageLectureSeule(v?.validee_le)
      : v?.rouverte_le
        ? `La saisie des compétences a été rouverte par le service des examens le ${dateFr(isoParis(new Date(v.rouverte_le)))} : validez-la de nouveau une fois terminée.`
        : null,
  };
}

export async function validerCompetences(ctx: AppContext, actor: Actor, trace: Trace) {
  const p = portee(actor);
  const annee = anneeScolaire(ctx.clock.now());
  const maintenant = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const v = await repo.validationPourMaj(trx, p.etablissementId, annee);
    if (v?.validee) throw conflit(`La saisie des compétences est déjà validée (le ${dateFr(isoParis(new Date(v.validee_le!)))}).`);
    await repo.valider(trx, p.etablissementId, annee, actor.compteId, maintenant);
    await audit(trx, contexteAudit(actor, trace), { action: 'competences.validation', entite: 'validation_competences', entiteId: `${p.etablissementId}/${annee}`, avant: v ?? null, apres: { validee: true } });
  });
  return {
    ...presenterValidation(annee, await repo.validation(ctx.db, p.etablissementId, annee)),
    message: "La saisie des compétences est validée : elle n'est plus modifiable. Pour la modifier, prenez contact avec le service des examens.",
  };
}

// ---------------------------------------------------------------------------------------------
// The gestionnaire's follow-up

const TYPES_AVEC_COMPETENCES = ['CLG', 'EREA', 'LGT', 'LP', 'LPO', 'LYC', 'SEP'].filter((t) => siglesProposes(t).length > 0);

export async function suiviValidations(ctx: AppContext, actor: Actor, annee?: string) {
  const anneeScol = annee ?? anneeScolaire(ctx.clock.now());
  const rows = await repo.suiviValidations(ctx.db, actor.academieCode, anneeScol, TYPES_AVEC_COMPETENCES);
  const lignes = rows.map((r) => {
    const etat = r.validee ? 'validee' : r.rouverte_le ? 'rouverte' : 'non_validee';
    return {
      etablissementId: r.id,
      uai: r.uai,
      etablissement: `${r.type} ${r.nom} ${r.commune}`,
      type: r.type,
      commune: r.commune,
      nbPersonnels: Number(r.nb_personnels ?? 0),
      etat,
      libelleEtat: etat === 'validee' ? 'Validée' : etat === 'rouverte' ? 'Rouverte' : 'Non validée',
      valideeLe: dateIso(r.validee_le),
      valideePar: r.validee_par,
      rouverteLe: dateIso(r.rouverte_le),
    };
  });
  return { anneeScolaire: anneeScol, total: lignes.length, validees: lignes.filter((l) => l.etat === 'validee').length, lignes };
}

export async function rouvrirCompetences(ctx: AppContext, actor: Actor, etablissementId: number, trace: Trace) {
  const annee = anneeScolaire(ctx.clock.now());
  const maintenant = ctx.clock.now();
  const etab = await repo.etablissementAcademie(ctx.db, actor.academieCode, etablissementId);
  if (!etab) throw introuvable("Cet établissement n'existe pas dans votre académie.");
  await ctx.db.transaction().execute(async (trx) => {
    const v = await repo.validationPourMaj(trx, etablissementId, annee);
    if (!v?.validee) throw conflit("La saisie des compétences de cet établissement n'est pas validée : elle est déjà modifiable.");
    await repo.rouvrir(trx, etablissementId, annee, actor.compteId, maintenant);
    await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null }, {
      action: 'competences.reouverture',
      entite: 'validation_competences',
      entiteId: `${etablissementId}/${annee}`,
      avant: { validee: true, valideeLe: v.validee_le },
      apres: { validee: false },
    });
  });
  return { message: `La saisie des compétences de ${etab.type} ${etab.nom} ${etab.commune} (${etab.uai}) est rouverte : l'établissement peut de nouveau la modifier.` };
}
