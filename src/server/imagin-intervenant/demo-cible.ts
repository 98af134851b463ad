// The demo target (decision 0022): what SANTORIN or CYCLADES would do with the token, served by the
// platform itself at /api/demo-cible/<APPLICATION> when the demo data is loaded. It verifies the token
// exactly as the decision tells the applications to (verifierJeton with the public key, the issuer,
// its own audience, a replay guard) and shows « Jeton vérifié » with what the token says, or why it
// was refused. Without a token (the platform's availability probe), it answers that it is up.
import { LIBELLE_APPLICATION, type CodeApplication } from '../../domain/imagin/portails.ts';
import type { AppContext } from '../platform/context.ts';
import { cleJeton, gardeRejeu, JetonRefuse, verifierJeton } from './jeton-passage.ts';

const rejeu = gardeRejeu();

const echapper = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(titre: string, corps: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${echapper(titre)}</title></head><body><main><h1>${echapper(titre)}</h1>${corps}<p>Application de démonstration servie par la plateforme IMAG'IN / CYCLADES (décision 0022) : elle ne fait que vérifier le jeton de passage.</p></main></body></html>`;
}

export function pageDemoCible(ctx: AppContext, application: CodeApplication, jeton: string | undefined): { status: number; html: string } {
  const nom = `${LIBELLE_APPLICATION[application]} (démonstration)`;
  if (!jeton) return { status: 200, html: page(nom, '<p>Aucun jeton de passage reçu : ouvrez cette application depuis IMAG\'IN.</p>') };
  try {
    const c = verifierJeton(jeton, { clePublique: cleJeton(ctx.config.sessionSecret).publique, emetteur: ctx.config.publicUrl, audience: application, jtiNeuf: rejeu });
    const lignes: Array<[string, string]> = [
      ['Personne', `${c.prenom} ${c.nom} (${c.sub})`],
      ['NUMEN', c.numen ? `${c.numen.slice(0, 3)}…` : 'non renseigné'],
      ['Académie', c.academie],
      ['Activité', c.contexte.activite],
      ...(c.contexte.mission ? ([['Mission', `n° ${c.contexte.mission.numero} (${c.contexte.mission.type})`]] as Array<[string, string]>) : []),
      ['Valable jusqu’à', new Date(c.exp * 1000).toISOString()],
    ];
    return { status: 200, html: page(`${nom} : Jeton vérifié`, `<dl>${lignes.map(([k, v]) => `<dt>${echapper(k)}</dt><dd>${echapper(v)}</dd>`).join('')}</dl>`) };
  } catch (err) {
    const motif = err instanceof JetonRefuse ? err.message : 'Jeton illisible.';
    return { status: 401, html: page(`${nom} : Jeton refusé`, `<p>${echapper(motif)}</p>`) };
  }
}
