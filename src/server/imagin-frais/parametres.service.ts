// « Paramètres des états de frais » (gestionnaire, issue 16, decision 0032): the conditions
// d'utilisation the intervenants accept before entering their états de frais (a new text is a new
// version: they accept again), whether receipts may be uploaded (pièces dématérialisées), and how often
// the reminders go (days). One row per académie, created on first read with a default French text.
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { dateHeureFr } from '../platform/documents/tableau.ts';
import { conflit } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { academieGeree, contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import * as repo from './parametres.repo.ts';

export const BASE_PARAMETRES = '/api/gestion/frais-parametres';

export const CONDITIONS_PAR_DEFAUT = [
  "Conditions d'utilisation du service de saisie des états de frais",
  '',
  "Ce service vous permet de déclarer les frais de rémunération et de déplacement liés aux missions d'examen pour lesquelles vous avez été convoqué(e) par l'académie.",
  '',
  "En validant un état de frais, vous certifiez sur l'honneur l'exactitude des informations saisies (nombre de copies corrigées, candidats examinés, heures effectuées, déplacements, nuitées et repas) et l'effectivité du service fait.",
  '',
  "Les montants affichés sont des estimations calculées à partir des barèmes en vigueur ; seul le montant retenu par le service gestionnaire après contrôle fait foi.",
  '',
  "Les pièces justificatives demandées (RIB, copie de la carte Vitale, factures d'hôtel, billets de transport) doivent être jointes à l'état de frais ou adressées par courrier au service gestionnaire. Un état de frais incomplet ne peut pas être mis en paiement.",
  '',
  "Toute fausse déclaration expose son auteur à des poursuites et au reversement des sommes indûment perçues.",
  '',
  "Les données saisies sont traitées par le rectorat pour la liquidation et le paiement des frais ; vous pouvez exercer vos droits d'accès et de rectification auprès du délégué à la protection des données de l'académie.",
].join('\n');

export interface ParametresFrais {
  academieCode: string;
  version: number;
  conditionsTexte: string;
  conditionsVersion: number;
  conditionsModifieLe: Date | null;
  conditionsModifiePar: string | null;
  piecesDematerialisees: boolean;
  relanceIntervalleJours: number;
}

function vue(r: repo.LigneParametres): ParametresFrais {
  return {
    academieCode: r.academie_code,
    version: r.version,
    conditionsTexte: r.conditions_texte,
    conditionsVersion: r.conditions_version,
    conditionsModifieLe: r.conditions_modifie_le,
    conditionsModifiePar: r.conditions_modifie_par,
    piecesDematerialisees: r.pieces_dematerialisees,
    relanceIntervalleJours: r.relance_intervalle_jours,
  };
}

/**
 * The parameters of an académie, its row created with the default text when it has none. For every
 * part of the états de frais (the intervenant's conditions, the receipts, the reminders).
 */
export async function parametresDeLAcademie(db: repo.Executeur, academieCode: string): Promise<ParametresFrais> {
  let r = await repo.lire(db, academieCode);
  if (!r) {
    await repo.creerSiAbsent(db, academieCode, CONDITIONS_PAR_DEFAUT);
    r = (await repo.lire(db, academieCode))!;
  }
  return vue(r);
}

export async function lireParametres(ctx: AppContext, actor: Actor): Promise<ParametresFrais> {
  return parametresDeLAcademie(ctx.db, academieGeree(actor));
}

export interface DemandeParametres {
  version: number;
  conditionsTexte: string;
  piecesDematerialisees: boolean;
  relanceIntervalleJours: number;
}

/** « Enregistrer »: with the version the page read (changed since → 409 naming who and when). */
export async function modifierParametres(ctx: AppContext, actor: Actor, d: DemandeParametres, trace: Trace) {
  const academieCode = academieGeree(actor);
  const le = ctx.clock.now();
  const resultat = await ctx.db.transaction().execute(async (trx) => {
    await repo.creerSiAbsent(trx, academieCode, CONDITIONS_PAR_DEFAUT);
    const r = (await repo.lire(trx, academieCode, true))!;
    if (r.version !== d.version) {
      const m = await repo.derniereModification(trx, academieCode);
      const qui = m ? ` par ${m.acteur} le ${dateHeureFr(new Date(m.le))}` : '';
      throw conflit(
        `Les paramètres des états de frais ont été modifiés${qui} depuis l'affichage de cette page. Rien n'a été enregistré : rechargez la page pour voir les valeurs actuelles, puis refaites vos modifications.`,
      );
    }
    const texte = d.conditionsTexte.replace(/\r\n/g, '\n').trim();
    const nouveauTexte = texte !== r.conditions_texte.trim();
    const change = nouveauTexte || d.piecesDematerialisees !== r.pieces_dematerialisees || d.relanceIntervalleJours !== r.relance_intervalle_jours;
    if (!change) return { change: false, nouveauTexte: false };
    await repo.modifier(trx, academieCode, { conditionsTexte: texte, nouveauTexte, piecesDematerialisees: d.piecesDematerialisees, relanceIntervalleJours: d.relanceIntervalleJours, compteId: actor.compteId, le });
    await audit(trx, contexteAudit(actor, trace), {
      action: 'frais-parametres.modifier',
      entite: 'frais_parametres',
      entiteId: academieCode,
      avant: { version: r.version, conditionsVersion: r.conditions_version, piecesDematerialisees: r.pieces_dematerialisees, relanceIntervalleJours: r.relance_intervalle_jours },
      apres: {
        version: r.version + 1,
        conditionsVersion: r.conditions_version + (nouveauTexte ? 1 : 0),
        nouveauTexte,
        piecesDematerialisees: d.piecesDematerialisees,
        relanceIntervalleJours: d.relanceIntervalleJours,
      },
    });
    return { change: true, nouveauTexte };
  });
  const p = await parametresDeLAcademie(ctx.db, academieCode);
  return {
    ...p,
    message: !resultat.change
      ? 'Aucune modification : les paramètres étaient déjà ceux-ci.'
      : resultat.nouveauTexte
        ? `Paramètres enregistrés. Les conditions d'utilisation passent à la version ${p.conditionsVersion} : chaque intervenant les acceptera de nouveau avant de saisir ses états de frais.`
        : 'Paramètres enregistrés.',
  };
}
