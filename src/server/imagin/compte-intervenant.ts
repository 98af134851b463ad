// The intervenant's IMAG'IN account as a convocation prints it (seed 004 §2): "Vous trouvez votre
// identifiant en entête de votre convocation" and, while the intervenant has no personal password,
// "Un mot de passe temporaire figure sur votre convocation". The account is created the first time a
// convocation of the person is printed or mailed; the temporary password is kept encrypted so that
// every reprint shows the same one, and dropped when the intervenant chooses a password.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { genererMotDePasseTemporaire } from '../../domain/identite/mot-de-passe.ts';
import type { AppContext } from '../platform/context.ts';
import { chiffrer, dechiffrer } from '../platform/crypto.ts';
import type { Db } from '../platform/db/database.ts';
import { hacher } from '../platform/passwords.ts';

export interface AccesIntervenant {
  identifiant: string;
  /** Null when the intervenant already has a personal password. */
  motDePasseProvisoire: string | null;
}

/** "prenom.nom" without accents nor spaces, as the demo's prof.martin; a number when it is taken. */
export function identifiantPropose(prenom: string, nom: string): string {
  const propre = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${propre(prenom) || 'intervenant'}.${propre(nom) || 'imagin'}`.slice(0, 60);
}

/**
 * A free identifiant for each base, in one query: "prenom.nom", else "prenom.nom2", "prenom.nom3"…
 * Two bases alike in the same batch get different numbers.
 */
async function identifiantsLibres(db: Db, bases: readonly string[]): Promise<string[]> {
  if (bases.length === 0) return [];
  const motifs = [...new Set(bases)].map((b) => `${b.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const pris = new Set(
    (await db.selectFrom('compte').select('login').where(sql<boolean>`lower(login) like any(${sql.val(motifs)}::text[])`).execute()).map((r) => r.login.toLowerCase()),
  );
  return bases.map((base) => {
    let login = base;
    for (let i = 2; pris.has(login); i++) login = `${base}${i}`;
    pris.add(login);
    return login;
  });
}

/**
 * The identifiant (and the temporary password, when there is still one) of each person, creating the
 * intervenant account where there is none. Run inside the caller's transaction.
 */
export async function accesIntervenants(ctx: AppContext, trx: Db, personneIds: readonly number[]): Promise<Map<number, AccesIntervenant>> {
  const resultat = new Map<number, AccesIntervenant>();
  if (personneIds.length === 0) return resultat;
  const ids = [...new Set(personneIds)];
  const comptes = await trx
    .selectFrom('compte')
    .select(['id', 'login', 'personne_id', 'mot_de_passe_temporaire', 'mot_de_passe_provisoire_chiffre'])
    .where('personne_id', 'in', ids)
    .where('type', '=', 'intervenant')
    .orderBy('id')
    .execute();
  const parPersonne = new Map<number, (typeof comptes)[number]>();
  for (const c of comptes) if (c.personne_id !== null && !parPersonne.has(c.personne_id)) parPersonne.set(c.personne_id, c);

  // Accounts to create, or whose temporary password is not kept: a new temporary password each.
  const aCreer: number[] = [];
  const aRenouveler: Array<{ personneId: number; compteId: number; login: string }> = [];
  for (const personneId of ids) {
    const c = parPersonne.get(personneId);
    if (c && !c.mot_de_passe_temporaire) {
      resultat.set(personneId, { identifiant: c.login, motDePasseProvisoire: null });
    } else if (c && c.mot_de_passe_provisoire_chiffre) {
      resultat.set(personneId, { identifiant: c.login, motDePasseProvisoire: dechiffrer(ctx.config.encryptionKey, c.mot_de_passe_provisoire_chiffre) });
    } else if (c) {
      aRenouveler.push({ personneId, compteId: c.id, login: c.login });
    } else {
      aCreer.push(personneId);
    }
  }
  if (aCreer.length === 0 && aRenouveler.length === 0) return resultat;

  // argon2 runs in libuv's thread pool: the hashes of a batch are computed side by side.
  const nouveaux = async (n: number) =>
    Promise.all(
      Array.from({ length: n }, async () => {
        const motDePasse = genererMotDePasseTemporaire((max) => randomInt(max));
        return { motDePasse, hash: await hacher(motDePasse), chiffre: chiffrer(ctx.config.encryptionKey, motDePasse) };
      }),
    );

  const renouveles = await nouveaux(aRenouveler.length);
  for (const [i, r] of aRenouveler.entries()) {
    const m = renouveles[i]!;
    await trx.updateTable('compte').set({ password_hash: m.hash, mot_de_passe_temporaire: true, mot_de_passe_provisoire_chiffre: m.chiffre }).where('id', '=', r.compteId).execute();
    resultat.set(r.personneId, { identifiant: r.login, motDePasseProvisoire: m.motDePasse });
  }

  if (aCreer.length) {
    // Created in one pass: the persons, their identifiants, the hashes, the accounts, the roles.
    const personnes = await trx
      .selectFrom('personne')
      .select(['id', 'prenom', 'nom', 'academie_code', 'email_pro', 'email_perso'])
      .where('id', 'in', aCreer)
      .execute();
    const parId = new Map(personnes.map((p) => [p.id, p]));
    const aCreerConnus = aCreer.filter((id) => parId.has(id));
    const logins = await identifiantsLibres(
      trx,
      aCreerConnus.map((id) => identifiantPropose(parId.get(id)!.prenom, parId.get(id)!.nom)),
    );
    const mots = await nouveaux(aCreerConnus.length);
    const comptes = await trx
      .insertInto('compte')
      .values(
        aCreerConnus.map((id, i) => {
          const p = parId.get(id)!;
          return {
            login: logins[i]!,
            password_hash: mots[i]!.hash,
            mot_de_passe_temporaire: true,
            mot_de_passe_provisoire_chiffre: mots[i]!.chiffre,
            email: p.email_pro ?? p.email_perso ?? null,
            type: 'intervenant' as const,
            personne_id: id,
          };
        }),
      )
      .returning(['id', 'personne_id'])
      .execute();
    const compteDe = new Map(comptes.map((c) => [c.personne_id!, c.id]));
    await trx
      .insertInto('role_attribution')
      .values(aCreerConnus.map((id) => ({ compte_id: compteDe.get(id)!, role: 'intervenant' as const, academie_code: parId.get(id)!.academie_code, personne_id: id })))
      .execute();
    aCreerConnus.forEach((id, i) => resultat.set(id, { identifiant: logins[i]!, motDePasseProvisoire: mots[i]!.motDePasse }));
  }
  return resultat;
}
