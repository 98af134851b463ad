// Import of the personnels and their affectation principale (issue 17, decision 0035;
// docs/imports/personnels.md): an EPP/SIRHEN-like full extract of the académie, one line per person,
// keyed by NUMEN. A new NUMEN creates the `personne` and its établissement principal; a known one is
// compared field by field and updated only when something differs (importing the same file twice
// changes nothing). An optional column left empty keeps what IMAG'IN knows (a NIR the person entered
// is never erased by an extract without it). The établissement must be one of the gestionnaire's
// académie, and a NUMEN already held by a person of another académie is rejected: one académie never
// imports into another. The académie's EPP/SIRHEN persons absent from the file are reported, never
// deleted.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { controlerNir } from '../../../domain/referentiel/identifiants.ts';
import { estMotif, etablissementDeLAcademie, lireIdentite, lireNumen, lireUai, numenCourt, rejetsDeLigne } from './controles.ts';

export { lireDateFr, numenCourt } from './controles.ts';
import type { DB } from '../../platform/db/tables.ts';
import type { RejetLigne } from '../fichier-csv.ts';
import type { BilanImport, GenreImport } from '../genres.ts';

export interface LignePersonnel {
  numen: string;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  /** AAAA-MM-JJ. */
  dateNaissance: string;
  nir: string | null;
  uai: string;
  disciplinePoste: string | null;
  grade: string | null;
  emailPro: string | null;
  telPro: string | null;
  adresse: string | null;
  codePostal: string | null;
  commune: string | null;
  source: 'EPP' | 'SIRHEN';
}

export const importPersonnels: GenreImport<LignePersonnel> = {
  code: 'personnels',
  libelle: 'Personnels et affectations (EPP / SIRHEN)',
  description:
    "L'extraction complète des personnels de l'académie (EPP ou SIRHEN) : identité, NUMEN, NIR, établissement principal (UAI), discipline de poste, grade et coordonnées professionnelles. Un NUMEN inconnu crée la personne et son affectation principale ; un NUMEN connu met à jour ce qui a changé. Les personnes de l'académie absentes du fichier sont signalées, jamais supprimées.",
  documentation: 'docs/imports/personnels.md',
  unite: 'personne(s)',
  colonnes: [
    { nom: 'NUMEN', obligatoire: true, description: '13 caractères : 2 chiffres, 1 lettre, 7 chiffres, 3 lettres (14E0512345ABC).' },
    { nom: 'CIVILITE', obligatoire: true, description: 'M. ou Mme (MONSIEUR, MADAME acceptés).' },
    { nom: 'NOM', obligatoire: true, description: "Nom d'usage." },
    { nom: 'PRENOM', obligatoire: true, description: 'Prénom.' },
    { nom: 'DATE_NAISSANCE', obligatoire: true, description: 'JJ/MM/AAAA.' },
    { nom: 'UAI', obligatoire: true, description: "UAI de l'établissement principal, un établissement de votre académie (0350710G)." },
    { nom: 'NIR', obligatoire: false, description: 'Numéro de sécurité sociale, 15 caractères avec la clé ; vide : inchangé.' },
    { nom: 'DISCIPLINE_POSTE', obligatoire: false, description: 'Discipline de poste (MATHEMATIQUES) ; vide : inchangée.' },
    { nom: 'GRADE', obligatoire: false, description: 'Grade (PROFESSEUR CERTIFIE) ; vide : inchangé.' },
    { nom: 'EMAIL_PRO', obligatoire: false, description: 'Adresse électronique professionnelle ; vide : inchangée.' },
    { nom: 'TELEPHONE', obligatoire: false, description: 'Téléphone professionnel, 10 chiffres ; vide : inchangé.' },
    { nom: 'ADRESSE', obligatoire: false, description: 'Adresse ; vide : inchangée.' },
    { nom: 'CODE_POSTAL', obligatoire: false, description: '5 chiffres ; vide : inchangé.' },
    { nom: 'COMMUNE', obligatoire: false, description: 'Commune ; vide : inchangée.' },
    { nom: 'SOURCE', obligatoire: false, description: 'EPP ou SIRHEN ; vide : EPP.' },
  ],
  lire(champ, ligne) {
    const { rejets, rejet } = rejetsDeLigne(ligne);
    const numen = lireNumen(champ, rejet);
    const { civilite, nom, prenom, dateNaissance } = lireIdentite(champ, rejet, '20/05/1980');
    const uai = lireUai(champ, rejet, "vide : l'UAI de l'établissement principal est obligatoire.");
    const nir = champ('NIR').replace(/\s/g, '').toUpperCase();
    if (nir) {
      const c = controlerNir(nir);
      if (!c.ok) rejet('NIR', c.message);
    }
    const email = champ('EMAIL_PRO');
    if (email && !/^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/.test(email)) rejet('EMAIL_PRO', `« ${email} » n'est pas une adresse électronique (prenom.nom@ac-rennes.fr).`);
    const tel = champ('TELEPHONE');
    const chiffres = tel.replace(/[\s.-]/g, '').replace(/^\+33/, '0');
    if (tel && !/^0\d{9}$/.test(chiffres)) rejet('TELEPHONE', `« ${tel} » n'est pas un numéro de téléphone : 10 chiffres attendus (02 99 00 00 00).`);
    const cp = champ('CODE_POSTAL');
    if (cp && !/^\d{5}$/.test(cp)) rejet('CODE_POSTAL', `« ${cp} » n'est pas un code postal : 5 chiffres attendus.`);
    const src = champ('SOURCE').toUpperCase();
    if (src && src !== 'EPP' && src !== 'SIRHEN') rejet('SOURCE', `« ${src} » : EPP ou SIRHEN est attendu.`);
    for (const c of ['DISCIPLINE_POSTE', 'GRADE', 'ADRESSE', 'COMMUNE']) {
      const v = champ(c);
      if (v.length > 200) rejet(c, `200 caractères au plus (${v.length} donnés).`);
    }
    if (rejets.length) return { rejets };
    const ouNull = (v: string) => v || null;
    return {
      valeur: {
        numen,
        civilite: civilite!,
        nom,
        prenom,
        dateNaissance: dateNaissance!,
        nir: nir || null,
        uai,
        disciplinePoste: ouNull(champ('DISCIPLINE_POSTE').toUpperCase()),
        grade: ouNull(champ('GRADE').toUpperCase()),
        emailPro: ouNull(email.toLowerCase()),
        telPro: tel ? chiffres.replace(/(\d{2})(?=\d)/g, '$1 ') : null,
        adresse: ouNull(champ('ADRESSE')),
        codePostal: ouNull(cp),
        commune: ouNull(champ('COMMUNE').toUpperCase()),
        source: (src || 'EPP') as 'EPP' | 'SIRHEN',
      },
    };
  },
  cle: (v) => v.numen,
  complet: true,
  async appliquer(trx, c, lignes): Promise<BilanImport> {
    return appliquerPersonnels(trx, c, lignes);
  },
  async absents(trx, c, cles) {
    const rows = await trx
      .selectFrom('personne')
      .select(['numen', 'nom', 'prenom', 'source'])
      .where('academie_code', '=', c.academieCode)
      .where('source', 'in', ['EPP', 'SIRHEN'])
      .where('numen', 'is not', null)
      .orderBy('nom')
      .orderBy('prenom')
      .execute();
    return rows.filter((r) => !cles.has(r.numen!)).map((r) => `${r.nom} ${r.prenom} (NUMEN ${numenCourt(r.numen!)}, source ${r.source})`);
  },
};

interface LigneComplete {
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  date_naissance: string | null;
  nir: string | null;
  discipline_poste: string;
  grade: string;
  email_pro: string | null;
  tel_pro: string | null;
  adresse: string;
  code_postal: string;
  commune: string;
  source: string;
}

type Modifs = Partial<{
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  date_naissance: string;
  nir: string;
  discipline_poste: string;
  grade: string;
  email_pro: string;
  tel_pro: string;
  adresse: string;
  code_postal: string;
  commune: string;
  source: 'EPP' | 'SIRHEN';
}>;

async function appliquerPersonnels(trx: Transaction<DB>, c: Parameters<GenreImport['appliquer']>[1], lignes: ReadonlyArray<{ ligne: number; valeur: LignePersonnel }>): Promise<BilanImport> {
  const rejets: RejetLigne[] = [];
  const uais = [...new Set(lignes.map((l) => l.valeur.uai))];
  const etabs = new Map(
    (uais.length ? await trx.selectFrom('etablissement').select(['id', 'uai', 'academie_code']).where('uai', 'in', uais).execute() : []).map((e) => [e.uai, e]),
  );
  const numens = lignes.map((l) => l.valeur.numen);
  const existantes = numens.length
    ? await trx
        .selectFrom('personne')
        .select(['id', 'numen', 'academie_code', 'civilite', 'nom', 'prenom', 'date_naissance', 'nir', 'discipline_poste', 'grade', 'email_pro', 'tel_pro', 'adresse', 'code_postal', 'commune', 'source'])
        .where(sql<boolean>`numen = any(${sql.val(numens)}::text[])`)
        .execute()
    : [];
  const parNumen = new Map(existantes.map((p) => [p.numen!, p]));
  const ids = existantes.filter((p) => p.academie_code === c.academieCode).map((p) => p.id);
  const principaux = new Map(
    (ids.length
      ? await trx.selectFrom('personne_etablissement').select(['personne_id', 'etablissement_id']).where('principal', '=', true).where(sql<boolean>`personne_id = any(${sql.val(ids)}::int[])`).execute()
      : []
    ).map((x) => [x.personne_id, x.etablissement_id]),
  );

  const nouvelles: Array<{ v: LignePersonnel; etablissementId: number }> = [];
  const changements: Array<{ id: number; modifs: Modifs; ligne: LigneComplete; ancienPrincipal: number | undefined; etablissementId: number | null }> = [];
  let inchangees = 0;
  for (const { ligne, valeur: v } of lignes) {
    const e = etablissementDeLAcademie(etabs, v.uai, c);
    if (estMotif(e)) {
      rejets.push({ ligne, champ: 'UAI', motif: e.motif });
      continue;
    }
    const p = parNumen.get(v.numen);
    if (!p) {
      nouvelles.push({ v, etablissementId: e.id });
      continue;
    }
    if (p.academie_code !== c.academieCode) {
      rejets.push({ ligne, champ: 'NUMEN', motif: `le NUMEN ${numenCourt(v.numen)} est celui d'une personne d'une autre académie : elle ne peut être importée que par son académie.` });
      continue;
    }
    const modifs: Modifs = {};
    const comparer = <K extends keyof Modifs>(k: K, nouveau: Modifs[K] | null, ancien: unknown) => {
      if (nouveau !== null && nouveau !== undefined && nouveau !== ancien) modifs[k] = nouveau;
    };
    comparer('civilite', v.civilite, p.civilite);
    comparer('nom', v.nom, p.nom);
    comparer('prenom', v.prenom, p.prenom);
    comparer('date_naissance', v.dateNaissance, p.date_naissance);
    comparer('nir', v.nir, p.nir);
    comparer('discipline_poste', v.disciplinePoste, p.discipline_poste);
    comparer('grade', v.grade, p.grade);
    comparer('email_pro', v.emailPro, p.email_pro);
    comparer('tel_pro', v.telPro, p.tel_pro);
    comparer('adresse', v.adresse, p.adresse);
    comparer('code_postal', v.codePostal, p.code_postal);
    comparer('commune', v.commune, p.commune);
    // A person created in IMAG'IN (source IMAGIN) found in the extract becomes an EPP/SIRHEN person.
    comparer('source', v.source, p.source);
    const ancien = principaux.get(p.id);
    const changeEtab = ancien !== e.id;
    if (!Object.keys(modifs).length && !changeEtab) {
      inchangees++;
      continue;
    }
    changements.push({
      id: p.id,
      modifs,
      // The whole row as it will be (the bulk update writes every column).
      ligne: {
        civilite: modifs.civilite ?? p.civilite,
        nom: modifs.nom ?? p.nom,
        prenom: modifs.prenom ?? p.prenom,
        date_naissance: modifs.date_naissance ?? p.date_naissance,
        nir: modifs.nir ?? p.nir,
        discipline_poste: modifs.discipline_poste ?? p.discipline_poste,
        grade: modifs.grade ?? p.grade,
        email_pro: modifs.email_pro ?? p.email_pro,
        tel_pro: modifs.tel_pro ?? p.tel_pro,
        adresse: modifs.adresse ?? p.adresse,
        code_postal: modifs.code_postal ?? p.code_postal,
        commune: modifs.commune ?? p.commune,
        source: modifs.source ?? p.source,
      },
      ancienPrincipal: ancien,
      etablissementId: changeEtab ? e.id : null,
    });
  }

  for (let i = 0; i < nouvelles.length; i += 1000) {
    const tranche = nouvelles.slice(i, i + 1000);
    const crees = await trx
      .insertInto('personne')
      .values(
        tranche.map(({ v }) => ({
          academie_code: c.academieCode,
          numen: v.numen,
          civilite: v.civilite,
          nom: v.nom,
          prenom: v.prenom,
          date_naissance: v.dateNaissance,
          nir: v.nir,
          discipline_poste: v.disciplinePoste ?? '',
          grade: v.grade ?? '',
          email_pro: v.emailPro,
          tel_pro: v.telPro,
          adresse: v.adresse ?? '',
          code_postal: v.codePostal ?? '',
          commune: v.commune ?? '',
          source: v.source,
          cree_le: c.le,
          modifie_le: c.le,
        })),
      )
      .returning(['id', 'numen'])
      .execute();
    const etabDe = new Map(tranche.map((t) => [t.v.numen, t.etablissementId]));
    await trx
      .insertInto('personne_etablissement')
      .values(crees.map((p) => ({ personne_id: p.id, etablissement_id: etabDe.get(p.numen!)!, principal: true })))
      .execute();
  }
  // The changed persons, 500 rows per statement (one round trip instead of one per person).
  for (let i = 0; i < changements.length; i += 500) {
    const tranche = changements.slice(i, i + 500);
    const valeurs = tranche.map(({ id, ligne: l }) =>
      sql`(${id}::int, ${l.civilite}::text, ${l.nom}::text, ${l.prenom}::text, ${l.date_naissance}::date, ${l.nir}::text, ${l.discipline_poste}::text, ${l.grade}::text, ${l.email_pro}::text, ${l.tel_pro}::text, ${l.adresse}::text, ${l.code_postal}::text, ${l.commune}::text, ${l.source}::text)`,
    );
    await sql`update personne as p set civilite = v.civilite, nom = v.nom, prenom = v.prenom, date_naissance = v.date_naissance, nir = v.nir,
        discipline_poste = v.discipline_poste, grade = v.grade, email_pro = v.email_pro, tel_pro = v.tel_pro, adresse = v.adresse,
        code_postal = v.code_postal, commune = v.commune, source = v.source, modifie_le = ${c.le}
      from (values ${sql.join(valeurs)}) as v(id, civilite, nom, prenom, date_naissance, nir, discipline_poste, grade, email_pro, tel_pro, adresse, code_postal, commune, source)
      where p.id = v.id and p.academie_code = ${c.academieCode}`.execute(trx);
  }
  for (const ch of changements) {
    if (ch.etablissementId !== null) {
      // The affectation principale moves: the former one is withdrawn (the person no longer works
      // there for EPP/SIRHEN); a secondary affectation in the new établissement becomes principal.
      if (ch.ancienPrincipal !== undefined) await trx.deleteFrom('personne_etablissement').where('personne_id', '=', ch.id).where('etablissement_id', '=', ch.ancienPrincipal).execute();
      await trx
        .insertInto('personne_etablissement')
        .values({ personne_id: ch.id, etablissement_id: ch.etablissementId, principal: true })
        .onConflict((oc) => oc.columns(['personne_id', 'etablissement_id']).doUpdateSet({ principal: true }))
        .execute();
    }
  }
  return { rejets, ajoutees: nouvelles.length, modifiees: changements.length, inchangees };
}
