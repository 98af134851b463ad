// A small Markdown reader for the user guide (docs/guide/*.md): headings, paragraphs, lists,
// quotes, rules, bold, italics, code, links. It builds React elements, never HTML strings, so a
// guide cannot inject markup.
import { Fragment, type ReactNode } from 'react';
import { normaliser } from '../liste/logique.ts';

export type Bloc =
  | { type: 'titre'; niveau: number; texte: string; id: string }
  | { type: 'paragraphe'; texte: string }
  | { type: 'liste'; ordonnee: boolean; elements: string[] }
  | { type: 'citation'; texte: string }
  | { type: 'separateur' };

export function ancre(texte: string): string {
  return normaliser(texte).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function lireMarkdown(source: string): Bloc[] {
  const blocs: Bloc[] = [];
  const lignes = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraphe: string[] = [];
  const finParagraphe = () => {
    if (paragraphe.length) blocs.push({ type: 'paragraphe', texte: paragraphe.join(' ') });
    paragraphe = [];
  };
  for (let i = 0; i < lignes.length; i++) {
    const l = lignes[i]!;
    const titre = /^(#{1,6})\s+(.*)$/.exec(l);
    if (titre) {
      finParagraphe();
      const texte = titre[2]!.trim();
      blocs.push({ type: 'titre', niveau: titre[1]!.length, texte, id: ancre(texte) });
      continue;
    }
    if (/^\s*(-{3,}|\*{3,})\s*$/.test(l)) {
      finParagraphe();
      blocs.push({ type: 'separateur' });
      continue;
    }
    const puce = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(l);
    if (puce) {
      finParagraphe();
      const ordonnee = /\d/.test(puce[1]!);
      const elements = [puce[2]!];
      while (i + 1 < lignes.length) {
        const suivante = lignes[i + 1]!;
        const p = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(suivante);
        if (p && /\d/.test(p[1]!) === ordonnee) {
          elements.push(p[2]!);
          i++;
        } else if (/^\s{2,}\S/.test(suivante) && elements.length) {
          elements[elements.length - 1] += ' ' + suivante.trim();
          i++;
        } else break;
      }
      blocs.push({ type: 'liste', ordonnee, elements });
      continue;
    }
    if (/^>\s?/.test(l)) {
      finParagraphe();
      const texte = [l.replace(/^>\s?/, '')];
      while (i + 1 < lignes.length && /^>\s?/.test(lignes[i + 1]!)) texte.push(lignes[++i]!.replace(/^>\s?/, ''));
      blocs.push({ type: 'citation', texte: texte.join(' ') });
      continue;
    }
    if (!l.trim()) {
      finParagraphe();
      continue;
    }
    paragraphe.push(l.trim());
  }
  finParagraphe();
  return blocs;
}

function lienSur(url: string): string | null {
  if (/^(https?:\/\/|mailto:|\/|#)/i.test(url)) return url;
  return null;
}

/** Inline markup: `code`, **bold**, *italics* or _italics_, [text](url). */
export function enLigne(texte: string, cle = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  const motif = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/g;
  let dernier = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = motif.exec(texte))) {
    if (m.index > dernier) out.push(texte.slice(dernier, m.index));
    const k = `${cle}-${n++}`;
    const t = m[0];
    if (m[1]) out.push(<code key={k}>{t.slice(1, -1)}</code>);
    else if (m[2]) out.push(<strong key={k}>{enLigne(t.slice(2, -2), k)}</strong>);
    else if (m[3]) out.push(<em key={k}>{enLigne(t.slice(1, -1), k)}</em>);
    else {
      const lien = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(t)!;
      const url = lienSur(lien[2]!);
      out.push(url ? <a key={k} href={url} {...(/^https?:/i.test(url) ? { target: '_blank', rel: 'noopener noreferrer', title: `${lien[1]} — nouvelle fenêtre` } : {})}>{enLigne(lien[1]!, k)}</a> : lien[1]);
    }
    dernier = m.index + t.length;
  }
  if (dernier < texte.length) out.push(texte.slice(dernier));
  return out;
}

/** Renders the blocks; headings are shifted so that the page keeps a single h1 of its own. */
export function Markdown({ source, decalage = 0 }: { source: string; decalage?: number }) {
  const blocs = lireMarkdown(source);
  return (
    <>
      {blocs.map((b, i) => {
        const k = `b${i}`;
        switch (b.type) {
          case 'titre': {
            const niveau = Math.min(6, b.niveau + decalage);
            const Balise = `h${niveau}` as 'h1';
            return (
              <Balise key={k} id={b.id}>
                {enLigne(b.texte, k)}
              </Balise>
            );
          }
          case 'paragraphe':
            return <p key={k}>{enLigne(b.texte, k)}</p>;
          case 'liste': {
            const Balise = b.ordonnee ? 'ol' : 'ul';
            return (
              <Balise key={k}>
                {b.elements.map((e, j) => (
                  <li key={j}>{enLigne(e, `${k}-${j}`)}</li>
                ))}
              </Balise>
            );
          }
          case 'citation':
            return (
              <blockquote key={k} className="fr-quote fr-quote--sm guide__citation">
                <p>{enLigne(b.texte, k)}</p>
              </blockquote>
            );
          case 'separateur':
            return <hr key={k} />;
          default:
            return <Fragment key={k} />;
        }
      })}
    </>
  );
}
