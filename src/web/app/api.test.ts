import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, definirJetonCsrf, definirJetonSessionAcademie, ecouteursApi, ErreurApi, ErreurReseau, telecharger } from './api.ts';
import { preferencesCompletes } from './preferences.ts';

const reponse = (status: number, corps: unknown, type = 'application/json') =>
  new Response(typeof corps === 'string' ? corps : JSON.stringify(corps), { status, headers: { 'content-type': type } });

afterEach(() => {
  vi.unstubAllGlobals();
  definirJetonCsrf(null);
  ecouteursApi.sessionPerdue = undefined;
  ecouteursApi.activite = undefined;
});

describe('appels à l’API', () => {
  it('envoie le jeton CSRF sur les requêtes qui modifient, pas sur les lectures', async () => {
    const appels: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      appels.push({ url, init });
      return reponse(200, { ok: true });
    });
    definirJetonCsrf('jeton-123');
    await api.get('/api/a');
    await api.put('/api/b', { x: 1 });
    await api.post('/api/c');
    const h = (i: number) => appels[i]!.init.headers as Record<string, string>;
    expect(h(0)['x-csrf-token']).toBeUndefined();
    expect(h(1)['x-csrf-token']).toBe('jeton-123');
    expect(h(1)['content-type']).toBe('application/json');
    // No body, no content type (Fastify refuses an empty JSON body).
    expect(h(2)['content-type']).toBeUndefined();
  });

  it("envoie la session de l'onglet ouvert dans une autre académie sur tous les appels, téléchargements compris", async () => {
    const stockage = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => stockage.get(k) ?? null,
      setItem: (k: string, v: string) => void stockage.set(k, v),
      removeItem: (k: string) => void stockage.delete(k),
    });
    vi.stubGlobal('document', { createElement: () => ({ style: {}, click: () => undefined, remove: () => undefined }), body: { append: () => undefined } });
    const appels: Array<Record<string, string>> = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      appels.push(init.headers as Record<string, string>);
      return reponse(200, { ok: true });
    });
    await api.get('/api/a');
    expect(appels[0]!['x-session-academie']).toBeUndefined();
    definirJetonSessionAcademie('jeton-onglet');
    await api.get('/api/a');
    await api.post('/api/b');
    await telecharger('/api/c', 'c.pdf');
    expect(appels.slice(1).map((h) => h['x-session-academie'])).toEqual(['jeton-onglet', 'jeton-onglet', 'jeton-onglet']);
    definirJetonSessionAcademie(null);
    await api.get('/api/a');
    expect(appels[4]!['x-session-academie']).toBeUndefined();
  });

  it('rend le message français du serveur et ses champs', async () => {
    vi.stubGlobal('fetch', async () => reponse(400, { code: 'VALIDATION', message: 'Adresse incorrecte.', fields: { email: 'Adresse incorrecte.' } }));
    const e = await api.put('/api/x', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurApi);
    expect((e as ErreurApi).message).toBe('Adresse incorrecte.');
    expect((e as ErreurApi).fields).toEqual({ email: 'Adresse incorrecte.' });
  });

  it('dit « Erreur technique (réf. …) » quand le serveur ne dit rien de lisible', async () => {
    vi.stubGlobal('fetch', async () => reponse(502, '<html>Bad gateway</html>', 'text/html'));
    const e = (await api.get('/api/x').catch((x: unknown) => x)) as ErreurApi;
    expect(e.status).toBe(502);
    expect(e.message).toMatch(/^Erreur technique \(réf\. HTTP502-[0-9A-F]{8}\)\. /);
  });

  it('signale une connexion perdue, qui peut être retentée', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const e = await api.get('/api/x').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurReseau);
    expect((e as Error).message).toContain('Réessayer');
  });

  it('prévient le poste de travail d’une session perdue, sauf sur les pages publiques', async () => {
    vi.stubGlobal('fetch', async () => reponse(401, { code: 'SESSION_EXPIREE', message: 'Votre session a expiré.' }));
    const perdue = vi.fn();
    ecouteursApi.sessionPerdue = perdue;
    await api.get('/api/x').catch(() => undefined);
    expect(perdue).toHaveBeenCalledTimes(1);
    await api.post('/api/auth/connexion', {}, { public: true }).catch(() => undefined);
    expect(perdue).toHaveBeenCalledTimes(1);
  });

  it('compte comme activité les appels non passifs réussis', async () => {
    vi.stubGlobal('fetch', async () => reponse(200, {}));
    const activite = vi.fn();
    ecouteursApi.activite = activite;
    await api.get('/api/auth/session', { passif: true });
    expect(activite).not.toHaveBeenCalled();
    await api.get('/api/liste');
    expect(activite).toHaveBeenCalledTimes(1);
  });

  it('marque les appels passifs (relecture automatique) pour que le serveur ne prolonge pas la session', async () => {
    const appels: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      appels.push(init);
      return reponse(200, {});
    });
    await api.get('/api/jury/jurys/1', { passif: true });
    await api.get('/api/jury/jurys/1');
    expect((appels[0]!.headers as Record<string, string>)['x-arriere-plan']).toBe('1');
    expect((appels[1]!.headers as Record<string, string>)['x-arriere-plan']).toBeUndefined();
  });
});

describe('préférences d’affichage', () => {
  it('complète et corrige ce que le serveur a gardé', () => {
    expect(preferencesCompletes({ theme: 'dark', taillePolice: 'enorme' as 'grande' })).toEqual({
      theme: 'dark',
      contraste: 'normal',
      taillePolice: 'normale',
      interlignage: 'normal',
      justification: 'gauche',
    });
  });
});
