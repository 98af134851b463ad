// Mail over a real SMTP server started in-process, and the outbox when no SMTP server is configured.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { attendre, createTestPlatform, fixtureCompte, fixtureReferentiel, MOT_DE_PASSE, type TestPlatform } from '../../testing/harness.ts';
import { envoyerMail, JOB_MAIL } from './mail.ts';

interface Recu {
  from: string;
  to: string[];
  data: string;
}

async function demarrerSmtp(opts: { echouerPremiere?: boolean } = {}) {
  const recus: Recu[] = [];
  let refus = opts.echouerPremiere ? 1 : 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refus > 0) {
          refus--;
          const err = new Error('Service temporairement indisponible') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        recus.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { recus, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let p: TestPlatform | undefined;
let smtp: Awaited<ReturnType<typeof demarrerSmtp>> | undefined;
afterEach(async () => {
  await p?.close();
  await smtp?.close();
  p = undefined;
  smtp = undefined;
});

describe('mail par SMTP', () => {
  it('envoie le message une seule fois, même si le travail est relancé', async () => {
    smtp = await demarrerSmtp();
    p = await createTestPlatform({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'DEC Rennes <dec@ac-rennes.fr>' } });
    await fixtureReferentiel(p);
    const id = await p.ctx.db.transaction().execute((trx) =>
      envoyerMail(p!.ctx, trx, { academieCode: '14', a: ['alice@example.fr'], cc: ['centre@example.fr'], objet: 'Convocation à une mission', texte: 'Bonjour,\nVous êtes convoquée le mardi 15/06/2026.' }),
    );
    const mail = await attendre(() => p!.ctx.db.selectFrom('mail').selectAll().where('id', '=', id).where('statut', '=', 'envoye').executeTakeFirst());
    expect(mail.envoye_le).not.toBeNull();
    expect(smtp.recus).toHaveLength(1);
    const recu = smtp.recus[0]!;
    expect(recu.from).toBe('dec@ac-rennes.fr');
    expect(recu.to.sort()).toEqual(['alice@example.fr', 'centre@example.fr']);
    expect(recu.data).toContain('Subject: =?UTF-8?Q?Convocation_=C3=A0_une_mission?=');
    expect(recu.data).toContain(`Message-ID: <${id}@ac-rennes.fr>`);
    // A second job for the same message (a retry after a crash, say) sends nothing more.
    await p.ctx.jobs.send(null, JOB_MAIL, { id });
    await new Promise((r) => setTimeout(r, 2000));
    expect(smtp.recus).toHaveLength(1);
  });

  it("réessaie après un refus temporaire du serveur SMTP", async () => {
    smtp = await demarrerSmtp({ echouerPremiere: true });
    p = await createTestPlatform({ env: { SMTP_URL: smtp.url } });
    await fixtureReferentiel(p);
    await p.ctx.db.transaction().execute((trx) => envoyerMail(p!.ctx, trx, { academieCode: '14', a: ['bob@example.fr'], objet: 'Essai', texte: 'Essai' }));
    // The job's retry delay is 30 s with backoff in production; here the first failure is visible.
    const echec = await attendre(() => p!.ctx.db.selectFrom('mail').selectAll().where('erreur', 'is not', null).executeTakeFirst());
    expect(echec.statut).toBe('en_attente');
    expect(echec.tentatives).toBe(1);
    expect(smtp.recus).toHaveLength(0);
  });

  it("n'écrit rien quand la transaction qui demande l'envoi est annulée", async () => {
    smtp = await demarrerSmtp();
    p = await createTestPlatform({ env: { SMTP_URL: smtp.url } });
    await fixtureReferentiel(p);
    await expect(
      p.ctx.db.transaction().execute(async (trx) => {
        await envoyerMail(p!.ctx, trx, { academieCode: '14', a: ['x@example.fr'], objet: 'Jamais', texte: 'Jamais' });
        throw new Error('annulation');
      }),
    ).rejects.toThrow('annulation');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await p.ctx.db.selectFrom('mail').select('id').execute()).toHaveLength(0);
    expect(smtp.recus).toHaveLength(0);
  });
});

describe("boîte d'envoi", () => {
  it("garde les messages sans SMTP ; l'administrateur les liste et les télécharge en .eml", async () => {
    p = await createTestPlatform();
    await fixtureReferentiel(p);
    await fixtureCompte(p, { login: 'admin.rennes', role: 'administrateur' });
    await fixtureCompte(p, { login: 'admin.toulouse', role: 'administrateur', academie: '16' });
    const id = await p.ctx.db.transaction().execute((trx) =>
      envoyerMail(p!.ctx, trx, { academieCode: '14', a: ['alice@example.fr'], objet: 'Réinitialisation', texte: 'Lien : http://localhost/x', cleIdempotence: 'k1' }),
    );
    // The same idempotence key queues nothing more.
    const again = await p.ctx.db.transaction().execute((trx) => envoyerMail(p!.ctx, trx, { academieCode: '14', a: ['alice@example.fr'], objet: 'Réinitialisation', texte: 'bis', cleIdempotence: 'k1' }));
    expect(again).toBe(id);
    await attendre(() => p!.ctx.db.selectFrom('mail').select('id').where('statut', '=', 'boite_sortie').executeTakeFirst());
    const admin = p.client();
    await admin.login('imagin-admin', 'admin.rennes', MOT_DE_PASSE);
    const list = await admin.get('/api/admin/boite-envoi');
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id, objet: 'Réinitialisation', statut: 'boite_sortie', destinataires: ['alice@example.fr'] });
    const eml = await admin.get(`/api/admin/boite-envoi/${id}/eml`);
    expect(eml.status).toBe(200);
    expect(eml.headers['content-type']).toContain('message/rfc822');
    expect(eml.raw.toString('utf8')).toContain('To: alice@example.fr');
    const other = p.client();
    await other.login('imagin-admin', 'admin.toulouse', MOT_DE_PASSE);
    expect((await other.get('/api/admin/boite-envoi')).body).toHaveLength(0);
    expect((await other.get(`/api/admin/boite-envoi/${id}/eml`)).status).toBe(404);
  });
});
