// SQL of « Informations personnelles »: the person's own row (never the encrypted IBAN), its update,
// and the audited changes of it (audit_log, entite 'personne', whose `apres.version` is the
// personne.modifie_le each change set) to say who changed what and when.
import { sql } from 'kysely';
import type { Executeur } from '../cyclades-deliberation/jurys.repo.ts';

/** The person of this id in this académie, with what the page shows; `pourMaj`: row locked until the transaction ends. */
export async function personne(db: Executeur, personneId: number, academieCode: string, pourMaj = false) {
  return db
    .selectFrom('personne')
    .select(['id', 'civilite', 'nom', 'prenom', 'adresse', 'code_postal', 'commune', 'tel_pro', 'tel_perso', 'email_pro', 'email_perso', 'iban_fin', 'bic', 'modifie_le'])
    .where('id', '=', personneId)
    .where('academie_code', '=', academieCode)
    .$if(pourMaj, (q) => q.forUpdate())
    .executeTakeFirst();
}

export type PersonneLue = NonNullable<Awaited<ReturnType<typeof personne>>>;

export interface Coordonnees {
  adresse: string;
  code_postal: string;
  commune: string;
  tel_pro: string | null;
  tel_perso: string | null;
  email_pro: string | null;
  email_perso: string | null;
}

export async function majCoordonnees(db: Executeur, personneId: number, c: Partial<Coordonnees>, modifieLe: Date): Promise<void> {
  await db
    .updateTable('personne')
    .set({ ...c, modifie_le: modifieLe })
    .where('id', '=', personneId)
    .execute();
}

export interface ModificationLue {
  compteId: number | null;
  acteur: string;
  compteType: string | null;
  civilite: string | null;
  nom: string | null;
  prenom: string | null;
  /** personne.modifie_le set by this change (ISO). */
  version: string;
  champs: string[];
}

/**
 * The audited changes of this person, newest first (at most `limite`): those that carry the version they
 * set (this activity, and any other path that edits a person's data the same way).
 */
export async function modifications(db: Executeur, personneId: number, limite: number): Promise<ModificationLue[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('compte as c', 'c.id', 'a.compte_id')
    .leftJoin('personne as p', 'p.id', 'c.personne_id')
    .select(['a.compte_id', 'a.acteur', 'a.apres', 'c.type', 'p.civilite', 'p.nom', 'p.prenom'])
    .where('a.entite', '=', 'personne')
    .where('a.entite_id', '=', String(personneId))
    .where(sql<boolean>`a.apres ? 'version'`)
    .orderBy('a.id', 'desc')
    .limit(limite)
    .execute();
  return rows.map((r) => {
    const apres = (typeof r.apres === 'string' ? JSON.parse(r.apres) : r.apres) as { version: string; champs?: string[] };
    return {
      compteId: r.compte_id,
      acteur: r.acteur,
      compteType: r.type,
      civilite: r.civilite,
      nom: r.nom,
      prenom: r.prenom,
      version: apres.version,
      champs: Array.isArray(apres.champs) ? apres.champs : [],
    };
  });
}
