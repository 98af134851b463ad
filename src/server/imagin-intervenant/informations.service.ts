// « Informations personnelles » (seed 004 §2.5): the signed-in intervenant reads and edits his own
// postal address, telephones and e-mail addresses; his bank details are shown masked, read-only. Scope:
// actor.personneId in the session's académie, never an id from the request. Every change carries the
// version (personne.modifie_le) the page saw — a stale one is refused naming who changed what and when —
// and is audited with its values minimised (docs/decisions/0021-informations-personnelles.md).
import { createHmac } from 'node:crypto';
import { lireCourriel, lireTelephone, masquerAdresse, masquerBic, masquerCourriel, masquerTelephone, type Lecture } from '../../domain/referentiel/coordonnees.ts';
import { masquerIban } from '../../domain/referentiel/identifiants.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { conflit, introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { contexteAudit, type Trace } from '../imagin-gestion/commun.ts';
import * as repo from './informations.repo.ts';
import { CHAMPS_INFORMATIONS, type ChampInformations, type InformationsSaisie } from './informations.schemas.ts';

export const BASE = '/api/intervenant/informations';

export const MESSAGE_BANQUE = 'Si vous avez besoin de modifier vos coordonnées bancaires, veuillez envoyer votre RIB au service de gestion.';
const INTROUVABLE = "Vos informations personnelles ne sont pas accessibles avec ce compte : adressez-vous au service de gestion de votre académie.";
export const ACTION_AUDIT = 'informations-personnelles.modifier';

interface Colonne {
  colonne: keyof repo.Coordonnees;
  masquer: (v: string | null) => string | null;
  /** A stored value written otherwise (« 0601020304 ») is the same as its normalised form: not a change. */
  lire?: (s: string, champ: string) => Lecture<string | null>;
}

/** Each edited field ↔ its column, and how it appears in the audit log. */
const COLONNES: Record<ChampInformations, Colonne> = {
  adresse: { colonne: 'adresse', masquer: masquerAdresse },
  // Code postal and commune in clear: the gestionnaire sees a move (frais de déplacement) in his journal.
  codePostal: { colonne: 'code_postal', masquer: (v) => v || null },
  commune: { colonne: 'commune', masquer: (v) => v || null },
  telPro: { colonne: 'tel_pro', masquer: masquerTelephone, lire: lireTelephone },
  telPerso: { colonne: 'tel_perso', masquer: masquerTelephone, lire: lireTelephone },
  emailPro: { colonne: 'email_pro', masquer: masquerCourriel, lire: lireCourriel },
  emailPerso: { colonne: 'email_perso', masquer: masquerCourriel, lire: lireCourriel },
};

function inchange(c: Colonne, ancien: string | null, nouveau: string | null): boolean {
  if (ancien === nouveau) return true;
  if (!ancien || !c.lire) return false;
  const lu = c.lire(ancien, '');
  return lu.ok && lu.valeur === nouveau;
}
const CHAMPS = Object.keys(COLONNES) as ChampInformations[];

function personneDe(actor: Actor): number {
  if (actor.role !== 'intervenant' || actor.personneId === null) throw introuvable(INTROUVABLE);
  return actor.personneId;
}

const quand = (d: Date) =>
  `le ${d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} à ${d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })}`;

/** Who made a change, as the person reads it. */
function auteur(m: repo.ModificationLue, actor: Actor): string {
  if (m.compteId !== null && m.compteId === actor.compteId) return 'vous-même';
  if (m.compteType === 'agent' || !m.nom) return `${m.acteur} (service de gestion)`;
  return `${m.civilite ?? ''} ${m.prenom ?? ''} ${m.nom}`.replace(/\s+/g, ' ').trim();
}

/**
 * A keyed fingerprint of a new value, kept in the audit entry instead of the value itself: whoever holds
 * the value can check that it is the one recorded, nobody can read it from the log.
 */
function empreinte(ctx: AppContext, champ: string, valeur: string): string {
  const cle = createHmac('sha256', ctx.config.encryptionKey).update('audit:informations-personnelles').digest();
  return createHmac('sha256', cle).update(`${champ}\u0000${valeur}`).digest('hex').slice(0, 16);
}

function vue(p: repo.PersonneLue, derniere: repo.ModificationLue | undefined, actor: Actor) {
  return {
    civilite: p.civilite,
    nom: p.nom,
    prenom: p.prenom,
    adresse: p.adresse,
    codePostal: p.code_postal,
    commune: p.commune,
    telPro: p.tel_pro ?? '',
    telPerso: p.tel_perso ?? '',
    emailPro: p.email_pro ?? '',
    emailPerso: p.email_perso ?? '',
    version: p.modifie_le.toISOString(),
    derniereModification: derniere ? { le: derniere.version, par: auteur(derniere, actor) } : null,
    // Never the encrypted IBAN: only its last characters, kept in clear for this display.
    banque: { iban: p.iban_fin ? masquerIban(p.iban_fin) : null, bic: masquerBic(p.bic), message: MESSAGE_BANQUE },
  };
}

export type InformationsPersonnelles = ReturnType<typeof vue>;

export async function lireInformations(ctx: AppContext, actor: Actor): Promise<InformationsPersonnelles> {
  const id = personneDe(actor);
  const [p, [derniere]] = await Promise.all([repo.personne(ctx.db, id, actor.academieCode), repo.modifications(ctx.db, id, 1)]);
  if (!p) throw introuvable(INTROUVABLE);
  return vue(p, derniere, actor);
}

/** « Enregistrer »: the fields that changed, if the data is still the version the page saw. */
export async function modifierInformations(ctx: AppContext, actor: Actor, s: InformationsSaisie, trace: Trace) {
  const id = personneDe(actor);
  const vueLe = new Date(s.version).getTime();
  const resultat = await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.personne(trx, id, actor.academieCode, true);
    if (!p) throw introuvable(INTROUVABLE);
    if (p.modifie_le.getTime() !== vueLe) {
      const depuis = (await repo.modifications(trx, id, 50)).filter((m) => new Date(m.version).getTime() > vueLe);
      const champs = [...new Set(depuis.flatMap((m) => m.champs))];
      const par = depuis[0] ? auteur(depuis[0], actor) : null;
      const qui = par === null ? 'par le service de gestion ou une mise à jour des bases académiques' : par === 'vous-même' ? 'par vous-même dans une autre fenêtre ou un autre onglet' : `par ${par}`;
      throw conflit(
        `Vos informations personnelles ont été modifiées ${quand(p.modifie_le)} ${qui} depuis l'affichage de cette page${champs.length ? ` (champs modifiés : ${champs.join(', ')})` : ''}. ` +
          "Rien n'a été enregistré : rechargez la page pour voir les valeurs actuelles, puis refaites vos modifications.",
      );
    }
    const changes: Partial<repo.Coordonnees> = {};
    const avant: Record<string, unknown> = {};
    const apres: Record<string, unknown> = {};
    const empreintes: Record<string, string> = {};
    const libelles: string[] = [];
    for (const champ of CHAMPS) {
      const c = COLONNES[champ];
      const { colonne, masquer } = c;
      const ancien = p[colonne] || null;
      const nouveau = s[champ] || null;
      if (inchange(c, ancien, nouveau)) continue;
      (changes as Record<string, string | null>)[colonne] = colonne === 'adresse' || colonne === 'code_postal' || colonne === 'commune' ? (nouveau ?? '') : nouveau;
      avant[champ] = masquer(ancien);
      apres[champ] = masquer(nouveau);
      if (nouveau) empreintes[champ] = empreinte(ctx, champ, nouveau);
      libelles.push(CHAMPS_INFORMATIONS[champ].libelle.toLowerCase());
    }
    if (!libelles.length) return { change: false };
    // A new version even within the same millisecond as the last one (the page compares them exactly).
    const le = new Date(Math.max(ctx.clock.now().getTime(), p.modifie_le.getTime() + 1));
    await repo.majCoordonnees(trx, id, changes, le);
    await audit(trx, contexteAudit(actor, trace), {
      action: ACTION_AUDIT,
      entite: 'personne',
      entiteId: id,
      avant: { ...avant, version: p.modifie_le.toISOString() },
      apres: { ...apres, champs: libelles, empreintes, version: le.toISOString() },
    });
    return { change: true };
  });
  const informations = await lireInformations(ctx, actor);
  return {
    ...informations,
    message: resultat.change ? 'Vos informations personnelles sont enregistrées.' : "Aucune modification : vos informations personnelles étaient déjà celles-ci.",
  };
}
