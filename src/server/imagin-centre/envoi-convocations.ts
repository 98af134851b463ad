// "Envoyer convocations par mail" (003 §4.2.5) as a treatment, and the message of a convocation sent
// by the centre (individual send too): to the intervenant's professional address if there is one,
// otherwise the personal one, with a copy to the centre, the convocation PDF attached.
//
// Sending again sends nothing twice: each message has an idempotency key made of the convocation, its
// last modification and the recipient. A retried treatment (after a crash) or a second grouped send
// finds the message already queued and counts it as "déjà envoyée"; a modified convocation, or a new
// address, is sent again. The PDF of each convocation is a document of the treatment, replaced (not
// duplicated) by a retry.
import { z } from 'zod';
import { dateFr } from '../../domain/imagin/dates.ts';
import { chargerConvocationsAvecAcces, type DonneesConvocation } from '../imagin/convocation.repo.ts';
import { genererConvocationPdf, MENTION_CENTRE, nomFichierConvocation } from '../imagin/convocation-pdf.ts';
import type { AppContext } from '../platform/context.ts';
import { TYPE_PDF } from '../platform/documents/pdf.ts';
import { envoyerMail } from '../platform/mail/mail.ts';
import { definirTraitement } from '../platform/traitements/traitements.ts';
import * as repo from './convocation-mission.repo.ts';

export const TRAITEMENT_ENVOI_CONVOCATIONS = 'imagin.envoi-convocations';

/** The professional address first (003 §4.2.2), the personal one otherwise. */
export function adresseIntervenant(a: { pro: string | null; perso: string | null } | undefined): string | null {
  return a?.pro || a?.perso || null;
}

/** The copy goes to the centre's address, or, when the établissement has none, to the account of the chef who sends. */
export async function adresseCopie(ctx: AppContext, etablissementId: number, compteId: number | null): Promise<string | null> {
  return (await repo.emailEtablissement(ctx.db, etablissementId)) ?? (compteId ? await repo.emailCompte(ctx.db, compteId) : null);
}

export function courrielConvocation(d: DonneesConvocation): { objet: string; texte: string } {
  const m = d.mission;
  const premier = d.creneaux[0];
  const centre = d.centre ? `${d.centre.libelle} (${d.centre.uai})` : null;
  const lignes = [
    'Bonjour,',
    '',
    `Vous êtes convoqué(e)${d.qualite ? ` en qualité de ${d.qualite}` : ''} à la mission n° ${m.numero} (${m.type}), session ${m.session}${m.epreuve ? `, épreuve ${m.epreuve}` : ''}${centre ? `, au centre d'examen ${centre}` : ''}${premier ? `, à partir du ${dateFr(premier.jour)}` : ''}.`,
    '',
    'Votre convocation est jointe à ce message (PDF) : elle précise les dates, les horaires et les observations.',
  ];
  if (d.acces?.motDePasseProvisoire) {
    lignes.push('', "Votre identifiant IMAG'IN et un mot de passe temporaire figurent sur la convocation : vous choisirez votre mot de passe lors de votre première connexion.");
  }
  lignes.push('', `${MENTION_CENTRE}${centre ? ` : ${centre}` : ''}. Pour toute question, adressez-vous à lui.`, '', "Ce message a été envoyé par IMAG'IN ; merci de ne pas y répondre.");
  return { objet: `Convocation - mission n° ${m.numero} ${m.type}`, texte: lignes.join('\n') };
}

/** The idempotency key of the mail of a convocation in its current state to this address. */
export function cleEnvoi(convocationId: number, modifieLe: Date | string, adresse: string): string {
  return `imagin.convocation:${convocationId}:${new Date(modifieLe).getTime()}:${adresse.toLowerCase()}`;
}

const parametres = z.object({
  missionId: z.number().int().positive(),
  convocationIds: z.array(z.number().int().positive()).min(1),
  etablissementId: z.number().int().positive(),
  compteId: z.number().int().positive().nullable(),
});

export type ParametresEnvoi = z.output<typeof parametres>;

export const envoiConvocationsTraitement = definirTraitement({
  type: TRAITEMENT_ENVOI_CONVOCATIONS,
  parametres,
  async executer(t) {
    const ctx: AppContext = t.ctx;
    const { convocationIds, etablissementId, compteId } = t.parametres;
    await t.log('info', `Envoi par courriel de ${convocationIds.length} convocation(s) créée(s) par le centre d'examen.`);

    // Still the centre's, still convoked: one may have been deleted or taken over by the gestionnaire since.
    const encore = await ctx.db
      .selectFrom('convocation')
      .select(['id', 'modifie_le'])
      .where(repo.parmi('id', convocationIds))
      .where('origine', '=', 'centre')
      .where('etablissement_createur_id', '=', etablissementId)
      .where('modifiee_par_gestionnaire', '=', false)
      .where('statut', '=', 'convoquee')
      .execute();
    const modifieLe = new Map(encore.map((c) => [c.id, c.modifie_le]));
    const ids = convocationIds.filter((id) => modifieLe.has(id));
    const retirees = convocationIds.length - ids.length;
    if (retirees) await t.log('avertissement', `${retirees} convocation(s) n'existe(nt) plus ou ne relève(nt) plus du centre : elle(s) n'est (ne sont) pas envoyée(s).`);

    // The intervenants' accounts (identifiant, temporary password) are created once, in one step.
    await t.etape('comptes', async (trx) => {
      await chargerConvocationsAvecAcces(ctx, trx, ids);
      return null;
    });
    const donnees = await chargerConvocationsAvecAcces(ctx, ctx.db, ids);
    const adresses = await repo.adressesPersonnes(ctx.db, donnees.map((d) => d.intervenant.id));
    const copie = await adresseCopie(ctx, etablissementId, compteId);
    const maintenant = ctx.clock.now();
    let envoyees = 0;
    let sansAdresse = 0;
    let deja = 0;
    await t.progression(0, donnees.length);
    for (const [i, d] of donnees.entries()) {
      const nom = `${d.intervenant.nom} ${d.intervenant.prenom}`;
      const a = adresseIntervenant(adresses.get(d.intervenant.id));
      if (!a) {
        sansAdresse++;
        await t.log('avertissement', `${nom} : aucune adresse électronique connue, convocation non envoyée (téléchargez-la en PDF pour la lui remettre).`);
      } else {
        const cle = cleEnvoi(d.id, modifieLe.get(d.id)!, a);
        const existant = await ctx.db.selectFrom('mail').select('id').where('cle_idempotence', '=', cle).executeTakeFirst();
        if (existant) {
          deja++;
          await t.log('info', `${nom} : convocation déjà envoyée à ${a}, inchangée depuis : elle n'est pas envoyée une seconde fois.`);
        } else {
          const fichier = nomFichierConvocation(d);
          const nomDocument = `Convocation ${d.id} - ${fichier}`;
          const doc = (await t.documentExistant(nomDocument)) ?? (await t.document(nomDocument, TYPE_PDF, genererConvocationPdf(d, { editeLe: maintenant })));
          const { objet, texte } = courrielConvocation(d);
          await ctx.db.transaction().execute(async (trx) => {
            await envoyerMail(ctx, trx, { academieCode: t.academieCode, a: [a], cc: copie ? [copie] : [], objet, texte, piecesJointes: [{ documentId: doc.id, nom: fichier }], cleIdempotence: cle });
            await trx.updateTable('convocation').set({ envoyee_le: maintenant, editee_le: maintenant }).where('id', '=', d.id).execute();
          });
          envoyees++;
        }
      }
      await t.progression(i + 1, donnees.length);
    }
    await t.log(
      'info',
      `Compte rendu : ${envoyees} convocation(s) envoyée(s)${copie ? ` (copie à ${copie})` : ''} ; ${sansAdresse} sans adresse électronique ; ${deja} déjà envoyée(s) ; ${retirees} retirée(s) entre-temps.`,
    );
  },
});
