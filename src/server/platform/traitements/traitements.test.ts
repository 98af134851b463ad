import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, type TestPlatform } from '../../testing/harness.ts';
import { lireFlux } from '../../testing/documents.ts';
import { genererCsv, TYPE_CSV } from '../documents/csv.ts';
import { genererPdf, TYPE_PDF } from '../documents/pdf.ts';
import { AppError } from '../errors.ts';
import {
  enregistrerDocument,
  ErreurTraitement,
  lancerTraitement,
  libelleType,
  nomFichier,
  registerTraitement,
  REPRISES,
  traitementJobs,
  type DemandeTraitement,
  repriseApresInterruption,
} from './traitements.ts';

let p: TestPlatform;
let etabs: Awaited<ReturnType<typeof fixtureReferentiel>>;
let chef: Awaited<ReturnType<typeof fixtureCompte>>;

beforeEach(async () => {
  p = await createTestPlatform();
  etabs = await fixtureReferentiel(p);
  chef = await fixtureCompte(p, { login: 'ce.0350710g', role: 'chef_etablissement', etablissementId: etabs.lycee });
});
afterEach(async () => {
  await p.close();
});

function demande(type: string, extra: Partial<DemandeTraitement<unknown>> = {}): DemandeTraitement<unknown> {
  return { type, titre: 'Edition des papillons', parametres: {}, academieCode: '14', creePar: chef.compteId, etablissementId: etabs.lycee, visibilite: 'etablissement', ...extra };
}

async function lancer(d: DemandeTraitement<unknown>) {
  return p.ctx.db.transaction().execute((trx) => lancerTraitement(p.ctx, trx, d));
}

async function fini(id: string) {
  return attendre(() =>
    p.ctx.db.selectFrom('traitement').selectAll().where('id', '=', id).where('statut', 'in', ['termine', 'erreur']).executeTakeFirst(),
  );
}

async function journal(id: string) {
  return (await p.ctx.db.selectFrom('traitement_log').select(['niveau', 'message']).where('traitement_id', '=', id).orderBy('id').execute());
}

describe('traitements', () => {
  it('reprend un traitement interrompu sans dupliquer ses documents ni ses effets', async () => {
    let effets = 0;
    const tentatives: number[] = [];
    registerTraitement(p.ctx, {
      type: 'test.reprise',
      executer: async (t) => {
        tentatives.push(t.tentative);
        await t.log('info', 'Récupération de la liste des jurys');
        const comptes = await t.etape('comptes', async (trx) => {
          effets++;
          await trx.insertInto('parametre').values({ academie_code: '14', cle: `effet-${t.id}`, valeur: JSON.stringify({ n: 1 }) }).execute();
          return { crees: 12 };
        });
        expect(comptes).toEqual({ crees: 12 });
        await t.document('Liste des papillons', TYPE_PDF, `pdf tentative ${t.tentative}`);
        await t.document('Export.csv', TYPE_CSV, `csv tentative ${t.tentative}`);
        if (t.tentative === 1) throw new Error('Coupure simulée');
        await t.document('Récapitulatif', 'application/zip', 'zip');
        await t.progression(3, 3);
      },
    });
    const { id } = await lancer(demande('test.reprise'));
    const row = await fini(id);
    expect(row.statut).toBe('termine');
    expect(row.tentatives).toBe(2);
    expect(row.progression).toBe(3);
    expect(row.total).toBe(3);
    expect(row.serveur).toMatch(/^host=.+ pid=\d+$/);
    expect(tentatives).toEqual([1, 2]);
    expect(effets).toBe(1);
    expect(await p.ctx.db.selectFrom('parametre').select('cle').where('cle', '=', `effet-${id}`).execute()).toHaveLength(1);

    const docs = await p.ctx.db.selectFrom('document').selectAll().where('traitement_id', '=', id).orderBy('nom').execute();
    expect(docs.map((d) => d.nom)).toEqual(['Export.csv', 'Liste des papillons', 'Récapitulatif']);
    const liste = docs.find((d) => d.nom === 'Liste des papillons')!;
    expect(liste.taille).toBe('pdf tentative 2'.length);
    expect(liste).toMatchObject({ academie_code: '14', etablissement_id: etabs.lycee, compte_id: chef.compteId, visibilite: 'etablissement' });
    expect((await lireFlux(await p.ctx.store.get(liste.cle_stockage))).toString()).toBe('pdf tentative 2');
    // One stored object per name: the retry wrote over the first try's.
    expect(readdirSync(join(p.config.documents.directory, 'traitements', id))).toHaveLength(3);

    const lignes = await journal(id);
    const messages = lignes.map((l) => l.message);
    expect(messages).toContain(repriseApresInterruption(2));
    expect(lignes.find((l) => l.message.startsWith('La tentative 1 a échoué'))).toMatchObject({ niveau: 'avertissement' });
    // A technical failure shows its reference, never the system's message (issue 18 §5).
    expect(messages.find((m) => m.startsWith('La tentative 1 a échoué'))).toMatch(/Erreur technique \(réf\. [0-9A-F]{8}\)/);
    expect(messages.join('\n')).not.toContain('Coupure simulée');
    expect(messages).toContain("Étape « comptes » déjà faite lors d'une tentative précédente : elle n'est pas refaite.");
    expect(messages.at(-1)).toBe("Le traitement s'est bien déroulé.");
    // Issue 18 §8: the retry does not repeat the lines the first try wrote.
    expect(messages.filter((m) => m === 'Récupération de la liste des jurys')).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('Document produit : Liste des papillons'))).toHaveLength(1);
    expect(messages.indexOf(repriseApresInterruption(2))).toBeGreaterThan(messages.findIndex((m) => m.startsWith('La tentative 1 a échoué')));
  });

  async function tentativeActive(retryCount: number) {
    return attendre(async () => {
      const r = await sql<{ id: string }>`select id from pgboss.job where name = 'traitement' and state = 'active' and retry_count = ${retryCount}`.execute(p.ctx.db);
      return r.rows[0];
    });
  }

  it("reprend un traitement dont le processus est tenu pour mort, sans que ce processus, s'il se réveille, change quoi que ce soit", async () => {
    let reveiller!: () => void;
    const sommeil = new Promise<void>((r) => (reveiller = r));
    registerTraitement(p.ctx, {
      type: 'test.panne-processus',
      executer: async (t) => {
        await t.document('Liste', TYPE_PDF, `tentative ${t.tentative}`);
        if (t.tentative === 1) {
          await sommeil;
          await t.document('Liste', TYPE_PDF, 'réveil tardif');
        }
      },
    });
    const { id } = await lancer(demande('test.panne-processus'));
    const job = await tentativeActive(0);
    // What pg-boss's monitor does when a worker stops beating: the job fails and is retried.
    await p.ctx.jobs.boss.fail('traitement', job.id, { message: 'processus disparu' });
    const row = await fini(id);
    expect(row).toMatchObject({ statut: 'termine', tentatives: 2 });
    reveiller();
    await new Promise((r) => setTimeout(r, 1000));
    const apres = await p.ctx.db.selectFrom('traitement').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(apres).toMatchObject({ statut: 'termine', tentatives: 2, erreur: null });
    const docs = await p.ctx.db.selectFrom('document').selectAll().where('traitement_id', '=', id).execute();
    expect(docs).toHaveLength(1);
    expect((await lireFlux(await p.ctx.store.get(docs[0]!.cle_stockage))).toString()).toBe('tentative 2');
    const messages = (await journal(id)).map((l) => l.message);
    expect(messages).toContain(repriseApresInterruption(2));
    expect(messages.at(-1)).toBe("Le traitement s'est bien déroulé.");
    expect(messages.some((m) => m.startsWith('La tentative 1 a échoué'))).toBe(false);
  });

  it('finit en erreur quand le processus meurt aussi à la dernière tentative', async () => {
    const reveils: Array<() => void> = [];
    registerTraitement(p.ctx, {
      type: 'test.pannes',
      executer: () => new Promise<void>((_, echec) => reveils.push(() => echec(new Error('processus arrêté')))),
    });
    const { id } = await lancer(demande('test.pannes'));
    for (let n = 0; n <= REPRISES; n++) {
      const job = await tentativeActive(n);
      await p.ctx.jobs.boss.fail('traitement', job.id, { message: 'processus disparu' });
      // Frees the worker slot for the next try; the last one stays asleep, as a dead process would.
      if (n < REPRISES) reveils.shift()!();
    }
    const row = await fini(id);
    expect(row.statut).toBe('erreur');
    expect(row.erreur).toBe("Le traitement a été interrompu (arrêt ou panne du serveur) et n'a pas pu être repris.");
    expect((await journal(id)).at(-1)).toEqual({ niveau: 'erreur', message: row.erreur });
    // Waking up late changes nothing.
    reveils.shift()!();
    await new Promise((r) => setTimeout(r, 500));
    expect(await p.ctx.db.selectFrom('traitement').select(['statut', 'erreur']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ statut: 'erreur', erreur: row.erreur });
  });

  it("finit en erreur, avec son message, quand toutes les tentatives échouent", async () => {
    let appels = 0;
    registerTraitement(p.ctx, {
      type: 'test.panne',
      executer: async () => {
        appels++;
        throw new Error('Disque plein');
      },
    });
    const { id } = await lancer(demande('test.panne'));
    const row = await fini(id);
    expect(row.statut).toBe('erreur');
    expect(appels).toBe(REPRISES + 1);
    expect(row.tentatives).toBe(REPRISES + 1);
    // The reference users quote; the system's own message (« Disque plein ») stays in the log.
    expect(row.erreur).toMatch(/^Erreur technique \(réf\. [0-9A-F]{8}\), communiquez cette référence/);
    expect(row.erreur).not.toContain('Disque plein');
    expect(row.fin).not.toBeNull();
    const messages = (await journal(id)).map((l) => l.message);
    expect(messages.at(-1)).toBe(`Le traitement a échoué : ${row.erreur}`);
    expect(messages).toContain(repriseApresInterruption(REPRISES + 1));
  });

  it("ne réessaie pas un échec attendu et en garde le message tel quel", async () => {
    let appels = 0;
    registerTraitement(p.ctx, {
      type: 'test.attendu',
      executer: async () => {
        appels++;
        throw new ErreurTraitement("Aucun candidat ne correspond aux critères de sélection.");
      },
    });
    const { id } = await lancer(demande('test.attendu'));
    const row = await fini(id);
    expect(row).toMatchObject({ statut: 'erreur', tentatives: 1, erreur: 'Aucun candidat ne correspond aux critères de sélection.' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(appels).toBe(1);
    expect((await journal(id)).at(-1)!).toEqual({ niveau: 'erreur', message: 'Le traitement a échoué : Aucun candidat ne correspond aux critères de sélection.' });
  });

  it('produit de vrais documents PDF et CSV en flux', async () => {
    registerTraitement(p.ctx, {
      type: 'test.edition',
      parametres: z.object({ n: z.number().int().min(1, 'Au moins une ligne.') }),
      executer: async (t) => {
        const lignes = Array.from({ length: t.parametres.n }, (_, i) => [String(i + 1), `CANDIDAT-${i + 1}`]);
        await t.document('Liste', TYPE_PDF, genererPdf({ entete: { academie: 'ACADEMIE DE RENNES', etablissement: 'LGT LA PROMENADE RENNES (0350710G)' }, titre: 'Liste des candidats', editeLe: t.ctx.clock.now() }, (doc) =>
          doc.tableau({ colonnes: [{ libelle: 'N°' }, { libelle: 'Nom' }], lignes }),
        ));
        await t.document('Liste', TYPE_CSV, genererCsv([{ libelle: 'N°' }, { libelle: 'Nom' }], lignes));
        await t.document('Liste.pdf', TYPE_PDF, genererPdf({ entete: { academie: 'ACADEMIE DE RENNES' }, titre: 'Liste', editeLe: t.ctx.clock.now() }, (doc) => doc.paragraphe('ok')));
      },
    });
    await expect(lancer({ ...demande('test.edition'), parametres: { n: 0 } })).rejects.toMatchObject({ code: 'VALIDATION' });
    const { id } = await lancer({ ...demande('test.edition'), parametres: { n: 120 } });
    expect((await fini(id)).statut).toBe('termine');
    const docs = await p.ctx.db.selectFrom('document').selectAll().where('traitement_id', '=', id).orderBy('nom').execute();
    // Same name twice: the second replaces the first (a CSV now).
    expect(docs.map((d) => [d.nom, d.type_mime])).toEqual([
      ['Liste', TYPE_CSV],
      ['Liste.pdf', TYPE_PDF],
    ]);
    const csv = await lireFlux(await p.ctx.store.get(docs[0]!.cle_stockage));
    expect(csv.toString('utf8')).toContain('120;CANDIDAT-120\r\n');
    expect(docs[0]!.taille).toBe(csv.length);
    expect(docs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await lireFlux(await p.ctx.store.get(docs[1]!.cle_stockage));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lance une seule fois pour une même clé, refuse un type inconnu ou un titre vide', async () => {
    registerTraitement(p.ctx, { type: 'test.simple', executer: async () => {} });
    const a = await lancer(demande('test.simple', { cleIdempotence: 'cle-1' }));
    const b = await lancer(demande('test.simple', { cleIdempotence: 'cle-1' }));
    expect(b).toEqual({ id: a.id, existant: true });
    expect(await p.ctx.db.selectFrom('traitement').select('id').where('type', '=', 'test.simple').execute()).toHaveLength(1);
    await expect(lancer(demande('test.inconnu'))).rejects.toThrow('Aucun gestionnaire pour le type de traitement « test.inconnu »');
    const vide = await lancer(demande('test.simple', { titre: '  ' })).catch((e: unknown) => e);
    expect(vide).toBeInstanceOf(AppError);
    expect((vide as AppError).fields).toEqual({ titre: "Le titre de l'édition est obligatoire." });
    // Nothing was written by the refused launches.
    expect(await p.ctx.db.selectFrom('traitement').select('id').execute()).toHaveLength(1);
  });

  it('ne lance pas le traitement si la transaction qui le demande est annulée', async () => {
    registerTraitement(p.ctx, { type: 'test.simple', executer: async () => {} });
    await expect(
      p.ctx.db.transaction().execute(async (trx) => {
        await lancerTraitement(p.ctx, trx, demande('test.simple'));
        throw new Error('annulation');
      }),
    ).rejects.toThrow('annulation');
    expect(await p.ctx.db.selectFrom('traitement').select('id').execute()).toHaveLength(0);
    expect((await p.ctx.jobs.counts('traitement')).total).toBe(0);
  });

  it('refuse au démarrage un type sans gestionnaire ou déclaré deux fois', () => {
    expect(() => traitementJobs(p.ctx, [{ type: 'test.sans', executer: undefined as never }])).toThrow('Aucun gestionnaire pour le type de traitement « test.sans »');
    registerTraitement(p.ctx, { type: 'test.double', executer: async () => {} });
    expect(() => registerTraitement(p.ctx, { type: 'test.double', executer: async () => {} })).toThrow('déclaré deux fois');
  });

  it('enregistre un document produit hors traitement', async () => {
    const d = await enregistrerDocument(p.ctx, { nom: 'Convocation', typeMime: TYPE_PDF, body: Buffer.from('%PDF-1.7'), academieCode: '14', compteId: chef.compteId, visibilite: 'createur' });
    const row = await p.ctx.db.selectFrom('document').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ nom: 'Convocation', taille: 8, traitement_id: null, compte_id: chef.compteId });
    expect(new Date(row.expire_le!).getTime() - p.clock.now().getTime()).toBe(p.config.documentRetentionDays * 86_400_000);
    expect((await lireFlux(await p.ctx.store.get(row.cle_stockage))).toString()).toBe('%PDF-1.7');
  });

  it('nomme les fichiers et leurs types comme la liste des documents générés', () => {
    expect(nomFichier('Papillon de connexion', TYPE_PDF)).toBe('Papillon de connexion.pdf');
    expect(nomFichier('Liste.csv', TYPE_CSV)).toBe('Liste.csv');
    expect(nomFichier('CYCLADES_DELIB_0350059Z_BCP_2021-06_GRD_11', 'application/zip')).toBe('CYCLADES_DELIB_0350059Z_BCP_2021-06_GRD_11.zip');
    expect(nomFichier('a/b:c', TYPE_PDF)).toBe('a_b_c.pdf');
    expect([libelleType(TYPE_PDF), libelleType(TYPE_CSV), libelleType('application/zip'), libelleType('image/png')]).toEqual(['PDF', 'CSV', 'ZIP', 'Fichier']);
  });
});
