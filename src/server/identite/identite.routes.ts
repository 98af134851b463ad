import { ACADEMIE_ENQUETE_DCS, conditionsPersonne } from '../imagin-intervenant/habilitations.ts';
import { presentationCandidat } from '../espace-candidat/espace-candidat.service.ts';
import { z } from 'zod';
import { ENONCE_REGLES } from '../../domain/identite/mot-de-passe.ts';
import { intituleAcademie } from '../../domain/referentiel/academies.ts';
import { LIBELLE_ROLE } from '../../domain/roles.ts';
import { estConditionCentre, estConditionPersonne, RAISON_CONDITION, SERVICES, type ConditionPersonne, type ServiceCode } from '../../domain/services.ts';
import { activitesDuService } from '../platform/activites.ts';
import { avertissementsAntivirus } from '../platform/antivirus.ts';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { ACTIONS_AUTRE_ACADEMIE, RULES, type Actor, type Rule } from '../platform/policy.ts';
import {
  changerMotDePasse,
  connecter,
  deconnecter,
  motDePasseOublie,
  reinitialiser,
  renseignerEmail,
} from './identite.service.ts';
import { changementSchema, connexionSchema, emailSchema, oubliSchema, reinitialisationSchema } from './identite.schemas.ts';
import { effacerCookie, poserCookie, secondesRestantes } from './sessions.ts';

const LIBELLE_AGENT: Partial<Record<Actor['role'], string>> = {
  gestionnaire: 'DIVISION DES EXAMENS ET CONCOURS',
  administrateur: "ADMINISTRATION IMAG'IN",
  dsi: 'DIRECTION DES SYSTEMES D\'INFORMATION',
};

/**
 * The activities a session opened in another académie shows (003 §4.6): that académie's centre
 * d'examen activities whose actions such a session may take ("Accès autres académies" excepted).
 */
const ACTIVITES_AUTRE_ACADEMIE: ReadonlySet<string> = new Set(
  [...ACTIONS_AUTRE_ACADEMIE].flatMap((a) => {
    const activite = (RULES[a as keyof typeof RULES] as Rule | undefined)?.activite;
    return activite ? [activite] : [];
  }),
);

/** Everything the web shell needs about the signed-in user: header, menu, timers, CSRF token. */
export async function descriptionSession(ctx: AppContext, actor: Actor, csrfToken: string, derniereActivite: Date) {
  const [academie, etablissement, compte, personne, activites, accueil, prefs] = await Promise.all([
    ctx.db.selectFrom('academie').selectAll().where('code', '=', actor.academieCode).executeTakeFirstOrThrow(),
    actor.etablissementId
      ? ctx.db.selectFrom('etablissement').select(['uai', 'nom', 'type', 'commune', 'academie_code', 'est_centre_examen', 'est_centre_deliberation']).where('id', '=', actor.etablissementId).executeTakeFirst()
      : undefined,
    ctx.db.selectFrom('compte').select(['login', 'email', 'mot_de_passe_temporaire']).where('id', '=', actor.compteId).executeTakeFirstOrThrow(),
    actor.personneId ? ctx.db.selectFrom('personne').select(['civilite', 'nom', 'prenom']).where('id', '=', actor.personneId).executeTakeFirst() : undefined,
    activitesDuService(ctx.db, actor.academieCode, actor.service),
    ctx.db.selectFrom('message_accueil').select('texte').where('academie_code', '=', actor.academieCode).where('service', '=', actor.service).executeTakeFirst(),
    ctx.db.selectFrom('preference_utilisateur').select('preferences').where('compte_id', '=', actor.compteId).executeTakeFirst(),
  ]);
  const service = SERVICES[actor.service];
  // A candidate is named « Prénom NOM », with the sessions of his candidatures for the home page (issue 13).
  const candidat = actor.role === 'candidat' ? await presentationCandidat(ctx.db, actor.compteId, ctx.clock.now()) : null;
  const autreAcademie = !!actor.sessionParenteId;
  // The intervenant's activities (004 §2.2): only those whose personal condition he meets; « Portail
  // délibération de jury » moreover only once the administrator opened it (hidden when closed).
  const conditionsDemandees = activites.flatMap((a) => (estConditionPersonne(a.condition) && (a.condition !== 'convoque_deliberation' || a.ouverte) ? [a.condition] : []));
  const conditions =
    actor.personneId !== null && conditionsDemandees.length > 0 ? await conditionsPersonne(ctx.db, actor.personneId, actor.academieCode, conditionsDemandees) : new Set<ConditionPersonne>();
  const visibles = activites.filter(
    (a) =>
      // In another académie: only its centre activities that académie opened (003 §4.6).
      (!autreAcademie || (a.groupe === 'Centre Examen' && ACTIVITES_AUTRE_ACADEMIE.has(a.code) && a.ouverte)) &&
      (!a.condition ||
        (a.condition === 'centre_examen' && etablissement?.est_centre_examen) ||
        (a.condition === 'centre_deliberation' && etablissement?.est_centre_deliberation) ||
        (estConditionPersonne(a.condition) && conditions.has(a.condition) && (a.condition !== 'convoque_deliberation' || a.ouverte)) ||
        (a.condition === 'academie_enquete_dcs' && actor.academieCode === ACADEMIE_ENQUETE_DCS)),
  );
  // The centre activities hidden from an établissement that is not such a centre, with the reason, for
  // the page at their address (issue 13; the server answers their routes 403 with the same reason).
  const activitesReservees = autreAcademie
    ? []
    : activites.flatMap((a) =>
        estConditionCentre(a.condition) && !(a.condition === 'centre_examen' ? etablissement?.est_centre_examen : etablissement?.est_centre_deliberation)
          ? [{ code: a.code, libelle: a.libelle, raison: RAISON_CONDITION[a.condition] }]
          : [],
      );
  // The académie the établissement belongs to, named in a tab working in another académie.
  const origine = autreAcademie && etablissement ? await ctx.db.selectFrom('academie').select('libelle').where('code', '=', etablissement.academie_code).executeTakeFirst() : undefined;
  const groupes: Array<{ groupe: string; activites: typeof visibles }> = [];
  for (const a of visibles) {
    for (const nom of [a.groupe, ...(a.autresGroupes ?? [])]) {
      let g = groupes.find((x) => x.groupe === nom);
      if (!g) groupes.push((g = { groupe: nom, activites: [] }));
      g.activites.push(a);
    }
  }
  const qui = etablissement
    ? `${etablissement.type} ${etablissement.nom} ${etablissement.commune}`.toUpperCase()
    : personne
      ? `${personne.civilite} ${personne.nom.toUpperCase()} ${personne.prenom}`
      : candidat
        ? `${candidat.prenom} ${candidat.nom}`
        : (LIBELLE_AGENT[actor.role] ?? compte.login);
  return {
    compte: {
      login: compte.login,
      motDePasseTemporaire: compte.mot_de_passe_temporaire,
      emailManquant: !compte.email && (actor.role === 'intervenant' || actor.role === 'candidat'),
    },
    role: actor.role,
    libelleRole: LIBELLE_ROLE[actor.role],
    service: { code: service.code, libelle: service.libelle, application: service.application, entree: service.entree },
    academie: { code: academie.code, libelle: academie.libelle, nomMajuscule: academie.nom_majuscule, interAcademique: academie.inter_academique },
    etablissement: etablissement ? { uai: etablissement.uai, nom: etablissement.nom, type: etablissement.type, commune: etablissement.commune } : null,
    personne: personne ? { civilite: personne.civilite, nom: personne.nom, prenom: personne.prenom } : null,
    candidat,
    entete: `${intituleAcademie({ nomMajuscule: academie.nom_majuscule, interAcademique: academie.inter_academique })} - ${qui}`,
    /** Set in a tab opened by "Accès autres académies": the établissement's own académie. */
    accesAutreAcademie: autreAcademie ? { academieOrigine: origine?.libelle ?? '' } : null,
    connecteEnTantQue: etablissement?.uai ?? compte.login,
    csrfToken,
    secondesRestantes: secondesRestantes(ctx, derniereActivite),
    dureeInactiviteSecondes: ctx.config.sessionIdleSeconds,
    avertissementSecondes: ctx.config.sessionWarningSeconds,
    menu: groupes.map((g) => ({
      groupe: g.groupe,
      activites: g.activites.map((a) => ({ code: a.code, libelle: a.libelle, ouverte: a.ouverte, motif: a.motif, aide: a.aide })),
    })),
    activitesReservees,
    messageAccueil: accueil?.texte ?? null,
    // The administrator reads what the platform lacks (decision 0030: uploads not scanned without ClamAV).
    avertissementsPlateforme: actor.role === 'administrateur' || actor.role === 'dsi' ? avertissementsAntivirus(ctx.config) : [],
    preferences: (prefs?.preferences ?? {}) as Record<string, unknown>,
    reglesMotDePasse: ENONCE_REGLES,
  };
}

export function identiteRoutes(app: App, ctx: AppContext) {
  app.post('/api/auth/connexion', { config: { public: true }, schema: { body: connexionSchema, tags: ['identité'], summary: 'Connexion à un service' } }, async (request, reply) => {
    const body = request.body;
    const res = await connecter(ctx, {
      service: body.service as ServiceCode,
      identifiant: body.identifiant,
      motDePasse: body.motDePasse,
      attributionId: body.attributionId,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    if (res.type === 'choix') return { choix: res.choix };
    poserCookie(ctx, reply, res.token);
    const row = await ctx.db.selectFrom('session_utilisateur').select(['csrf_token', 'derniere_activite']).where('id', '=', res.actor.sessionId).executeTakeFirstOrThrow();
    const session = await descriptionSession(ctx, res.actor, row.csrf_token, new Date(row.derniere_activite));
    // The account took over its own previous session (issue 13): the shell says so in its console.
    return res.reprise ? { session, reprise: res.reprise } : { session };
  });

  app.get('/api/auth/session', { config: { action: 'session.lire', activite: false }, schema: { tags: ['identité'], summary: 'Session en cours (sans prolonger la session)' } }, async (request) => {
    const s = request.session!;
    return descriptionSession(ctx, s.actor, s.csrfToken, s.derniereActivite);
  });

  app.post('/api/auth/prolonger', { config: { action: 'session.lire' }, schema: { tags: ['identité'], summary: 'Rester connecté' } }, async (request) => {
    // In another académie's tab, the home session is kept alive with it (see resoudreSession).
    const a = request.actor!;
    const ids = a.sessionParenteId ? [a.sessionId, a.sessionParenteId] : [a.sessionId];
    await ctx.db.updateTable('session_utilisateur').set({ derniere_activite: ctx.clock.now() }).where('id', 'in', ids).where('fin_le', 'is', null).execute();
    return { secondesRestantes: ctx.config.sessionIdleSeconds };
  });

  app.post('/api/auth/deconnexion', { config: { action: 'session.quitter' }, schema: { tags: ['identité'], summary: 'Quitter' } }, async (request, reply) => {
    const actor = request.actor!;
    await deconnecter(ctx, actor, request.ip);
    // Leaving a tab opened in another académie ends that session only: the cookie is the home
    // session's, which other tabs still use.
    if (actor.sessionParenteId) return { message: "Vous avez quitté le service de cette académie. La session de votre académie reste ouverte dans l'onglet d'origine." };
    effacerCookie(ctx, reply);
    return { message: 'Vous êtes déconnecté.' };
  });

  app.post('/api/auth/mot-de-passe', { config: { action: 'mot-de-passe.changer' }, schema: { body: changementSchema, tags: ['identité'], summary: 'Changer son mot de passe' } }, async (request) => {
    await changerMotDePasse(ctx, request.actor!, request.body, request.ip);
    return { message: 'Votre mot de passe a été modifié.' };
  });

  app.post('/api/auth/email', { config: { action: 'email.renseigner' }, schema: { body: emailSchema, tags: ['identité'], summary: 'Renseigner son adresse électronique' } }, async (request) => {
    await renseignerEmail(ctx, request.actor!, request.body.email, request.ip);
    return { message: 'Votre adresse électronique a été enregistrée.' };
  });

  app.post('/api/auth/mot-de-passe-oublie', { config: { public: true }, schema: { body: oubliSchema, tags: ['identité'], summary: 'Mot de passe oublié' } }, async (request) => {
    return motDePasseOublie(ctx, request.body.identifiant, request.ip);
  });

  app.post('/api/auth/reinitialisation', { config: { public: true }, schema: { body: reinitialisationSchema, tags: ['identité'], summary: 'Choisir un nouveau mot de passe avec un lien reçu par courriel' } }, async (request) => {
    await reinitialiser(ctx, request.body, request.ip);
    return { message: 'Votre mot de passe a été modifié. Vous pouvez vous connecter.' };
  });

  app.get('/api/auth/regles-mot-de-passe', { config: { public: true }, schema: { tags: ['identité'] } }, async () => ({ regles: ENONCE_REGLES }));

  app.get('/api/preferences', { config: { action: 'preferences.lire' }, schema: { tags: ['identité'] } }, async (request) => {
    const row = await ctx.db.selectFrom('preference_utilisateur').select('preferences').where('compte_id', '=', request.actor!.compteId).executeTakeFirst();
    return row?.preferences ?? {};
  });

  app.put(
    '/api/preferences',
    {
      config: { action: 'preferences.modifier' },
      schema: {
        tags: ['identité'],
        body: z.object({
          theme: z.enum(['light', 'dark', 'system']).optional(),
          contraste: z.enum(['normal', 'renforce']).optional(),
          taillePolice: z.enum(['normale', 'grande', 'tres-grande']).optional(),
          interlignage: z.enum(['normal', 'large']).optional(),
          justification: z.enum(['gauche', 'justifie']).optional(),
        }),
      },
    },
    async (request) => {
      const prefs = JSON.stringify(request.body);
      await ctx.db
        .insertInto('preference_utilisateur')
        .values({ compte_id: request.actor!.compteId, preferences: prefs })
        .onConflict((oc) => oc.column('compte_id').doUpdateSet({ preferences: prefs }))
        .execute();
      return request.body;
    },
  );
}
