import { Parser } from 'htmlparser2';
import type { ArticleFormat, SourceOrigin } from './types';

/**
 * Turns an article file's content (plain text, Markdown or HTML) into paragraphs of plain
 * text plus whatever metadata the file states (title, author, publication, date, URL).
 * HTML is read with htmlparser2 (a forgiving streaming parser: no DOM, so it runs in main,
 * CLI and renderer alike); scripts, styles, navigation and forms are dropped, JSON-LD
 * `NewsArticle`/`Article` objects and `<meta>` tags give the metadata.
 */

/** The largest article accepted, in characters: a long feature is ~60,000, a saved web page with its markup up to ~1,500,000. */
export const MAX_ARTICLE_CHARS = 2_000_000;

export interface ArticleMeta {
  readonly title: string | null;
  readonly author: string | null;
  readonly publication: string | null;
  readonly url: string | null;
  /** A date string as the file states it (ISO or free text); parsed later. */
  readonly date: string | null;
  readonly origins: {
    readonly title: SourceOrigin;
    readonly author: SourceOrigin;
    readonly publication: SourceOrigin;
    readonly date: SourceOrigin;
  };
}

export interface ArticleText {
  /** Paragraphs (headings and short lines included), whitespace collapsed, in order. */
  readonly paragraphs: readonly string[];
  readonly meta: ArticleMeta;
}

const emptyMeta = (): Mutable<ArticleMeta> => ({
  title: null,
  author: null,
  publication: null,
  url: null,
  date: null,
  origins: { title: 'none', author: 'none', publication: 'none', date: 'none' },
});
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? { -readonly [J in keyof T[K]]: T[K][J] } : T[K] };

const collapse = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Guesses the format from a file name, falling back to sniffing the content. */
export function detectArticleFormat(name: string | null, content: string): ArticleFormat {
  const ext = name?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt' || ext === 'text') return 'txt';
  const head = content.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(p|div|article|body|head)[\s>]/.test(head))
    return 'html';
  if (/^---\n[\s\S]*?\n---/.test(content) || /^#{1,3} \S/m.test(content.slice(0, 2000))) return 'md';
  return 'txt';
}

/** Reads an article of the given format. */
export function readArticleText(content: string, format: ArticleFormat): ArticleText {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (format === 'html') return readHtml(text);
  if (format === 'md') return readMarkdown(text);
  return { paragraphs: paragraphsOf(text), meta: emptyMeta() };
}

function paragraphsOf(text: string): string[] {
  // Lines are paragraphs unless a line is plainly continued (hard-wrapped text):
  // join a line to the previous one when the previous does not end a sentence or heading and
  // the next starts lower-case.
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').map(collapse).filter(Boolean);
    let cur = '';
    for (const line of lines) {
      if (cur && /^[a-z(“"‘']/.test(line) && !/[.!?:”"]$/.test(cur)) cur += ' ' + line;
      else {
        if (cur) out.push(cur);
        cur = line;
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function readMarkdown(text: string): ArticleText {
  const meta = emptyMeta();
  let body = text;
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (fm) {
    body = text.slice(fm[0].length);
    for (const line of fm[1]!.split('\n')) {
      const m = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const value = collapse(m[2]!.replace(/^["']|["']$/g, ''));
      if (!value) continue;
      if (key === 'title') set(meta, 'title', value, 'front-matter');
      else if (key === 'author' || key === 'byline') set(meta, 'author', value, 'front-matter');
      else if (key === 'date' || key === 'published' || key === 'publishdate') set(meta, 'date', value, 'front-matter');
      else if (key === 'publication' || key === 'site' || key === 'publisher')
        set(meta, 'publication', value, 'front-matter');
      else if (key === 'url' || key === 'canonical') meta.url = value;
    }
  }
  const plain = body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s{0,3}(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
  const headline = /^\s{0,3}#\s+(.+)$/m.exec(body);
  if (headline && !meta.title) set(meta, 'title', collapse(headline[1]!), 'text');
  return { paragraphs: paragraphsOf(plain), meta };
}

function set(
  meta: Mutable<ArticleMeta>,
  key: 'title' | 'author' | 'publication' | 'date',
  value: string,
  origin: SourceOrigin,
): void {
  if (meta[key] !== null) return;
  meta[key] = value.slice(0, 500);
  meta.origins[key] = origin;
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'br',
  'tr',
  'table',
  'figure',
  'figcaption',
  'pre',
  'hr',
  'dd',
  'dt',
]);
/** Elements whose text is never article prose. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'form',
  'button',
  'select',
  'svg',
  'iframe',
  'head',
  'aside',
]);

function readHtml(html: string): ArticleText {
  const meta = emptyMeta();
  const paragraphs: string[] = [];
  let buf = '';
  let skipDepth = 0;
  let inTitle = false;
  let titleText = '';
  let inJsonLd = false;
  let jsonLd = '';
  let h1: string | null = null;
  let inH1 = false;
  let h1Text = '';
  const metas: Record<string, string> = {};
  const flush = (): void => {
    const t = collapse(buf);
    if (t) paragraphs.push(t);
    buf = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (key && attrs.content && !(key in metas)) metas[key] = collapse(attrs.content);
          return;
        }
        if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href)
          metas['canonical'] ??= attrs.href;
        if (name === 'time' && attrs.datetime) metas['time'] ??= attrs.datetime;
        if (name === 'title') inTitle = true;
        if (name === 'script' && (attrs.type ?? '').toLowerCase() === 'application/ld+json') inJsonLd = true;
        if (SKIP.has(name) || (attrs.role && /navigation|banner|contentinfo/.test(attrs.role))) {
          skipDepth += 1;
          return;
        }
        if (name === 'h1') {
          inH1 = true;
          h1Text = '';
        }
        if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (inJsonLd) jsonLd += text;
        if (skipDepth > 0) return;
        if (inH1) h1Text += text;
        buf += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script' && inJsonLd) {
          inJsonLd = false;
          readJsonLd(jsonLd, meta);
          jsonLd = '';
        }
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (name === 'h1') {
          inH1 = false;
          h1 ??= collapse(h1Text);
        }
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const m = (k: string): string | null => metas[k] || null;
  const title = m('og:title') ?? m('twitter:title') ?? (h1 || null) ?? (collapse(titleText) || null);
  if (title) set(meta, 'title', title, m('og:title') || m('twitter:title') ? 'meta' : 'text');
  const author = m('author') ?? m('article:author') ?? m('parsely-author') ?? m('byl')?.replace(/^by\s+/i, '') ?? null;
  if (author && !/^https?:/.test(author)) set(meta, 'author', author, 'meta');
  const pub = m('og:site_name') ?? m('application-name') ?? null;
  if (pub) set(meta, 'publication', pub, 'meta');
  const date =
    m('article:published_time') ??
    m('datepublished') ??
    m('date') ??
    m('pubdate') ??
    m('dc.date') ??
    m('parsely-pub-date') ??
    m('time');
  if (date) set(meta, 'date', date, 'meta');
  meta.url ??= m('og:url') ?? m('canonical');
  return { paragraphs, meta };
}

/** Reads the first Article-like object of a JSON-LD block (a graph, an array or one object). */
function readJsonLd(raw: string, meta: Mutable<ArticleMeta>): void {
  let data: unknown;
  try {
    data = JSON.parse(raw.slice(0, 200_000));
  } catch {
    return; // malformed JSON-LD is common on the web; the page's other metadata still counts
  }
  const nodes: unknown[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) v.slice(0, 50).forEach((x) => visit(x, depth + 1));
    else {
      nodes.push(v);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph, depth + 1);
    }
  };
  visit(data, 0);
  const article = nodes.find((n) => {
    const t = (n as Record<string, unknown>)['@type'];
    const types = Array.isArray(t) ? t : [t];
    return types.some((x) => typeof x === 'string' && /Article|BlogPosting|Report/.test(x));
  }) as Record<string, unknown> | undefined;
  if (!article) return;
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? collapse(v) : null);
  const nameOf = (v: unknown): string | null => {
    if (Array.isArray(v)) {
      const names = v.map(nameOf).filter((x): x is string => !!x);
      return names.length ? names.join(', ') : null;
    }
    if (v && typeof v === 'object') return str((v as Record<string, unknown>)['name']);
    return str(v);
  };
  const headline = str(article['headline']) ?? str(article['name']);
  if (headline) set(meta, 'title', headline, 'json-ld');
  const author = nameOf(article['author']);
  if (author) set(meta, 'author', author, 'json-ld');
  const publisher = nameOf(article['publisher']);
  if (publisher) set(meta, 'publication', publisher, 'json-ld');
  const date = str(article['datePublished']) ?? str(article['dateCreated']);
  if (date) set(meta, 'date', date, 'json-ld');
  meta.url ??= str(article['url']) ?? str(article['mainEntityOfPage']);
}
