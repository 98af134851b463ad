// Signature centre / Signature établissement pour la convocation (003 §4.4): the autorité, intitulé,
// nom and ville printed at the foot of the convocations the chef de centre or the chef d'établissement
// signs (convocation.repo.ts reads them); a fictitious convocation shows them before they are saved.
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ajouterJours, isoParis } from '../../domain/imagin/dates.ts';
import { audit } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { genererPdf, TYPE_PDF } from '../platform/documents/pdf.ts';
import { introuvable } from '../platform/errors.ts';
import type { Actor } from '../platform/policy.ts';
import { ecrireConvocation, optionsPdfConvocation } from '../imagin/convocation-pdf.ts';
import { libelleEtablissement, type DonneesConvocation } from '../imagin/convocation.repo.ts';

export type TypeSignature = 'centre' | 'etablissement';
export const TYPES_SIGNATURE: readonly TypeSignature[] = ['centre', 'etablissement'];

/** The sub-title of each screen, as the seed shows it, and how the signatory is named in messages. */
export const SIGNATAIRES: Record<TypeSignature, { sousTitre: string; libelle: string; signataire: DonneesConvocation['mission']['signataire'] }> = {
  centre: { sousTitre: 'CHEF DE CENTRE', libelle: 'du chef de centre', signataire: 'chef_centre' },
  etablissement: { sousTitre: "CHEF D'ETABLISSEMENT", libelle: "du chef d'établissement", signataire: 'chef_etablissement' },
};

/** Longest value of each field: one line each at the foot of the convocation. */
export const LONGUEURS_SIGNATURE = { autorite: 80, intitule: 80, nom: 80, ville: 50 } as const;

function champ(libelle: string, max: number) {
  const obligatoire = `${libelle} est obligatoire.`;
  return z
    .string({ error: obligatoire })
    .trim()
    .min(1, obligatoire)
    .max(max, `${libelle} ne doit pas dépasser ${max} caractères.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${libelle} doit tenir sur une ligne.`);
}

export const signatureBody = z.object({
  autorite: champ("L'autorité", LONGUEURS_SIGNATURE.autorite),
  intitule: champ("L'intitulé", LONGUEURS_SIGNATURE.intitule),
  nom: champ('Le nom', LONGUEURS_SIGNATURE.nom),
  ville: champ('La ville', LONGUEURS_SIGNATURE.ville),
});
export type SignatureSaisie = z.infer<typeof signatureBody>;

type Trace = { ip?: string; requestId?: string };

export interface Signature extends SignatureSaisie {
  type: TypeSignature;
  sousTitre: string;
  /** False while nothing is saved: the fields then hold a proposal. */
  enregistree: boolean;
  modifieLe: string | null;
}

/** The actor's établissement; the centre's signature only exists for a centre d'examen. */
async function etablissementSignataire(ctx: AppContext, actor: Actor, type: TypeSignature) {
  if (actor.role !== 'chef_etablissement' || actor.etablissementId === null) throw introuvable();
  const e = await ctx.db
    .selectFrom('etablissement')
    .select(['id', 'uai', 'type', 'nom', 'adresse', 'code_postal', 'commune', 'telephone', 'est_centre_examen'])
    .where('id', '=', actor.etablissementId)
    .executeTakeFirst();
  if (!e) throw introuvable();
  if (type === 'centre' && !e.est_centre_examen) throw introuvable("Votre établissement n'est pas centre d'examen : il n'a pas de signature de chef de centre.");
  return e;
}

export async function lireSignature(ctx: AppContext, actor: Actor, type: TypeSignature): Promise<Signature> {
  const e = await etablissementSignataire(ctx, actor, type);
  const row = await ctx.db.selectFrom('signature_convocation').selectAll().where('etablissement_id', '=', e.id).where('type', '=', type).executeTakeFirst();
  const s = SIGNATAIRES[type];
  if (!row) {
    // A proposal: what a convocation prints without a signature, and the établissement's town.
    return {
      type,
      sousTitre: s.sousTitre,
      autorite: type === 'centre' ? "Le chef de centre d'examen" : "Le chef d'établissement",
      intitule: '',
      nom: '',
      ville: e.commune,
      enregistree: false,
      modifieLe: null,
    };
  }
  return {
    type,
    sousTitre: s.sousTitre,
    autorite: row.autorite,
    intitule: row.intitule,
    nom: row.nom,
    ville: row.ville,
    enregistree: true,
    modifieLe: new Date(row.modifie_le).toISOString(),
  };
}

export async function enregistrerSignature(ctx: AppContext, actor: Actor, type: TypeSignature, saisie: SignatureSaisie, trace: Trace): Promise<Signature & { message: string }> {
  const e = await etablissementSignataire(ctx, actor, type);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const avant = await trx
      .selectFrom('signature_convocation')
      .select(['autorite', 'intitule', 'nom', 'ville'])
      .where('etablissement_id', '=', e.id)
      .where('type', '=', type)
      .forUpdate()
      .executeTakeFirst();
    const valeurs = { autorite: saisie.autorite, intitule: saisie.intitule, nom: saisie.nom, ville: saisie.ville, modifie_le: now };
    await trx
      .insertInto('signature_convocation')
      .values({ etablissement_id: e.id, type, ...valeurs })
      .onConflict((oc) => oc.columns(['etablissement_id', 'type']).doUpdateSet(valeurs))
      .execute();
    await audit(trx, { academieCode: actor.academieCode, compteId: actor.compteId, acteur: actor.login, ip: trace.ip ?? null, requestId: trace.requestId ?? null }, {
      action: 'signature_convocation.modification',
      entite: 'signature_convocation',
      entiteId: `${e.uai}:${type}`,
      avant: avant ?? null,
      apres: { autorite: saisie.autorite, intitule: saisie.intitule, nom: saisie.nom, ville: saisie.ville },
    });
  });
  const lue = await lireSignature(ctx, actor, type);
  return { ...lue, message: `La signature ${SIGNATAIRES[type].libelle} est enregistrée : elle figurera sur les prochaines convocations éditées.` };
}

/**
 * A convocation of a fictitious intervenant to a fictitious mission in the actor's établissement,
 * signed with the signature as typed (saved or not).
 */
export async function convocationFictive(ctx: AppContext, actor: Actor, type: TypeSignature, saisie: SignatureSaisie): Promise<DonneesConvocation> {
  const e = await etablissementSignataire(ctx, actor, type);
  const academie = await ctx.db.selectFrom('academie').select(['code', 'libelle', 'nom_majuscule', 'inter_academique']).where('code', '=', actor.academieCode).executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const jour = isoParis(now);
  const annee = Number(jour.slice(0, 4));
  const centre = {
    uai: e.uai,
    libelle: libelleEtablissement(e),
    adresse: e.adresse,
    codePostal: e.code_postal,
    commune: e.commune,
    telephone: e.telephone,
  };
  return {
    id: 0,
    statut: 'convoquee',
    origine: 'centre',
    academie: { code: academie.code, libelle: academie.libelle, nomMajuscule: academie.nom_majuscule, interAcademique: academie.inter_academique },
    intervenant: {
      id: 0,
      civilite: 'M.',
      nom: 'DUPONT',
      prenom: 'Jean',
      adresse: "1 RUE DE L'EXEMPLE",
      codePostal: e.code_postal,
      commune: e.commune,
      disciplinePoste: 'MATHEMATIQUES',
      etablissementPrincipal: `${centre.libelle} (${centre.uai})`,
    },
    mission: {
      id: 0,
      numero: 999999,
      typeCode: 'CORCOP',
      type: 'CORRECTION DE COPIES',
      session: `EXEMPLE, SESSION ${annee} (convocation fictive)`,
      examen: { code: '000', sigle: 'EXEMPLE', libelle: 'EXAMEN FICTIF' },
      annee,
      specialite: null,
      epreuve: 'Epreuve fictive',
      lieu: null,
      signataire: SIGNATAIRES[type].signataire,
    },
    centre,
    qualite: 'Correcteur',
    commission: null,
    jury: null,
    salle: null,
    codeSalle: null,
    observation: "Convocation fictive éditée pour prévisualiser la signature : elle ne convoque personne.",
    creneaux: [
      { jour: ajouterJours(jour, 14), heureDebut: '08:00', heureFin: '12:00' },
      { jour: ajouterJours(jour, 15), heureDebut: '13:30', heureFin: '17:30' },
    ],
    datesPropres: false,
    signature: { autorite: saisie.autorite, intitule: saisie.intitule, nom: saisie.nom, ville: saisie.ville },
    editeeLe: null,
    acces: null,
  };
}

export async function previsualiserSignature(ctx: AppContext, actor: Actor, type: TypeSignature, saisie: SignatureSaisie): Promise<{ flux: Readable; fichier: string; typeMime: string }> {
  const d = await convocationFictive(ctx, actor, type, saisie);
  const o = { editeLe: ctx.clock.now() };
  const flux = genererPdf({ ...optionsPdfConvocation(d, o), sousTitre: 'Convocation fictive — prévisualisation de la signature' }, (doc) => ecrireConvocation(doc, d, o));
  return { flux, fichier: `convocation-fictive-signature-${type}.pdf`, typeMime: TYPE_PDF };
}
