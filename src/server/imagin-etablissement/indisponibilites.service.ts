// "Saisie d'indisponibilité" (003 §3.2): the établissement follows its personnels' indisponibilités
// (imported from EPP and SIRHEN, or created by a convocation in another académie) and adds, as an
// exception, a last-minute one. When the new period overlaps missions the person is already affected
// to, the gestionnaire(s) of each exam concerned get an e-mail listing them, in the same transaction.
import { dateFr } from '../../domain/imagin/dates.ts';
import { affectationsChevauchees } from '../../domain/imagin/periodes.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { conflit, interdit, introuvable } from '../platform/errors.ts';
import { envoyerMail } from '../platform/mail/mail.ts';
import type { Actor } from '../platform/policy.ts';
import { libelleSession } from '../imagin/convocation.repo.ts';
import * as repo from './imagin-etablissement.repo.ts';
import type { LigneAffectation } from './imagin-etablissement.repo.ts';
import type { IndisponibiliteSaisie } from './imagin-etablissement.schemas.ts';
import { contexteAudit, exigerPersonnel, portee, presenterEntete, presenterIndisponibilite } from './personnels.service.ts';
import { libelleEpreuve, libelleLieu, libelleStatut, libellesDatesAffectation, trierAffectations } from './presentation.ts';

const BASE = '/api/etablissement/indisponibilites/personnels';

export async function listerPersonnelsIndisponibilites(ctx: AppContext, actor: Actor) {
  const rows = await repo.personnels(ctx.db, portee(actor));
  return {
    total: rows.length,
    lignes: rows.map((r) => ({ id: r.id, civilite: r.civilite, nom: r.nom, prenom: r.prenom, dateNaissance: r.date_naissance, disciplinePoste: r.discipline_poste })),
  };
}

export async function ficheIndisponibilites(ctx: AppContext, actor: Actor, personneId: number) {
  const p = portee(actor);
  const personne = await exigerPersonnel(ctx, p, personneId);
  const rows = await repo.indisponibilites(ctx.db, personneId);
  return { personne: presenterEntete(personne), total: rows.length, lignes: rows.map((r) => presenterIndisponibilite(r, p, personneId, BASE)) };
}

function ligneMission(a: LigneAffectation): string {
  const parties = [
    `N° ${a.numero} ${a.type_libelle}`,
    libelleSession({ examen_code: a.examen_code, sigle: a.sigle, session_code: a.session_code, session_libelle: a.session_libelle }),
    libelleEpreuve(a),
    libelleLieu(a) || null,
    libellesDatesAffectation(a).join(', '),
    libelleStatut(a),
  ];
  return `- ${parties.filter(Boolean).join(' — ')}`;
}

export async function ajouterIndisponibilite(ctx: AppContext, actor: Actor, personneId: number, saisie: IndisponibiliteSaisie, trace: { ip?: string; requestId?: string }) {
  const p = portee(actor);
  const maintenant = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const personne = await repo.personnel(trx, p, personneId);
    if (!personne) throw introuvable("Ce personnel n'existe pas ou n'exerce pas dans votre établissement.");
    const etab = await repo.etablissement(trx, p.etablissementId);
    if (await repo.indisponibiliteIdentique(trx, { personneId, etablissementId: p.etablissementId, ...saisie })) {
      throw conflit('Cette indisponibilité est déjà enregistrée pour cette personne (mêmes dates, heures et motif).');
    }
    const { id } = await repo.creerIndisponibilite(trx, { personneId, academieCode: p.academieCode, etablissementId: p.etablissementId, ...saisie, creeLe: maintenant });

    // Missions in any académie: an intervenant convoked elsewhere is as unavailable there.
    const periode = { debut: { date: saisie.dateDebut, heure: saisie.heureDebut }, fin: { date: saisie.dateFin, heure: saisie.heureFin } };
    const touchees = trierAffectations(affectationsChevauchees(periode, await repo.affectations(trx, [personneId])));

    const groupes = new Map<string, LigneAffectation[]>();
    for (const a of touchees) {
      const k = `${a.academie_code}|${a.examen_code}`;
      groupes.set(k, [...(groupes.get(k) ?? []), a]);
    }
    const qui = `${personne.civilite} ${personne.nom} ${personne.prenom}`;
    const etablissement = `${etab.type} ${etab.nom} ${etab.commune} (${etab.uai})`;
    const du = `${dateFr(saisie.dateDebut)} ${saisie.heureDebut}`;
    const au = `${dateFr(saisie.dateFin)} ${saisie.heureFin}`;
    const mails: Array<{ academie: string; examen: string; destinataires: string[] }> = [];
    const sansDestinataire: string[] = [];
    for (const [k, missions] of groupes) {
      const [academieCode, examenCode] = k.split('|') as [string, string];
      const premier = missions[0]!;
      const destinataires = await repo.destinatairesExamen(trx, academieCode, examenCode);
      if (destinataires.length === 0) {
        sansDestinataire.push(premier.sigle);
        continue;
      }
      await envoyerMail(ctx, trx, {
        academieCode,
        a: destinataires,
        objet: `IMAG'IN - Indisponibilité de ${qui} sur des missions ${premier.sigle} affectées`,
        texte: [
          'Bonjour,',
          '',
          `L'établissement ${etablissement} a déclaré dans IMAG'IN une indisponibilité de ${qui}`,
          `du ${du} au ${au} (motif : ${saisie.motif}).`,
          '',
          `Cette personne est déjà affectée, sur cette période, aux missions suivantes de l'examen ${premier.sigle} (${premier.examen_libelle}) :`,
          ...missions.map(ligneMission),
          '',
          'Merci de vérifier ces affectations et, si besoin, de pourvoir à son remplacement.',
          '',
          "Ce message a été envoyé automatiquement par IMAG'IN.",
        ].join('\n'),
        cleIdempotence: `indisponibilite:${id}:${academieCode}:${examenCode}`,
      });
      mails.push({ academie: academieCode, examen: premier.sigle, destinataires });
    }

    const apres = { personneId, dateDebut: saisie.dateDebut, heureDebut: saisie.heureDebut, dateFin: saisie.dateFin, heureFin: saisie.heureFin, motif: saisie.motif, missionsConcernees: touchees.map((a) => a.numero), mails };
    await audit(trx, contexteAudit(actor, trace), { action: 'indisponibilite.creation', entite: 'indisponibilite', entiteId: id, apres });

    const message =
      touchees.length === 0
        ? 'Indisponibilité ajoutée.'
        : `Indisponibilité ajoutée. La personne est déjà affectée à ${touchees.length} mission(s) sur cette période : ` +
          (mails.length
            ? `le gestionnaire des examens concernés (${mails.map((m) => m.examen).join(', ')}) en a été informé par courriel.`
            : "aucun gestionnaire n'a pu être informé par courriel (adresse inconnue) : prévenez le service des examens.") +
          (mails.length && sansDestinataire.length ? ` Aucun gestionnaire n'a pu être informé pour ${sansDestinataire.join(', ')} (adresse inconnue).` : '');
    return {
      id,
      message,
      missionsConcernees: touchees.map((a) => ({ convocationId: a.id, numeroMission: a.numero, mission: a.type_libelle, examen: a.sigle, academie: a.academie_code, dates: libellesDatesAffectation(a) })),
      gestionnairesInformes: mails.flatMap((m) => m.destinataires),
    };
  });
}

export async function supprimerIndisponibilite(ctx: AppContext, actor: Actor, personneId: number, indisponibiliteId: number, trace: { ip?: string; requestId?: string }) {
  const p = portee(actor);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.personnel(trx, p, personneId))) throw introuvable("Ce personnel n'existe pas ou n'exerce pas dans votre établissement.");
    const i = await repo.indisponibilite(trx, personneId, indisponibiliteId);
    if (!i) throw introuvable("Cette indisponibilité n'existe pas (ou plus).");
    if (i.source !== 'ETABLISSEMENT' || i.etablissement_id !== p.etablissementId) {
      const origine =
        i.source === 'CONVOCATION'
          ? "elle provient d'une convocation dans une autre académie"
          : i.source === 'EPP' || i.source === 'SIRHEN'
            ? `elle est importée de ${i.source}`
            : i.source === 'ETABLISSEMENT'
              ? 'elle a été déclarée par un autre établissement'
              : 'elle a été déclarée par le service des examens';
      throw interdit(`Vous ne pouvez supprimer que les indisponibilités déclarées par votre établissement : ${origine}.`);
    }
    await repo.supprimerIndisponibilite(trx, i.id);
    await audit(trx, contexteAudit(actor, trace), {
      action: 'indisponibilite.suppression',
      entite: 'indisponibilite',
      entiteId: i.id,
      avant: { personneId, dateDebut: i.date_debut, heureDebut: i.heure_debut, dateFin: i.date_fin, heureFin: i.heure_fin, motif: i.motif },
    });
  });
  return { message: 'Indisponibilité supprimée.' };
}
