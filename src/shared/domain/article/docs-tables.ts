import { CLAIM_RULES } from './claim-rules';
import { NAME_TABLE } from './name-table';

/**
 * The Markdown tables of docs/article-import.md, built from the code so the document cannot
 * drift from it (a unit test compares them; `npm run docs:article` rewrites them).
 */
const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function nameTableMarkdown(): string {
  const rows = NAME_TABLE.map((r) => {
    const proposed = r.unlisted
      ? '— (not listed)'
      : r.ambiguous
        ? `asks: ${r.ambiguous.map((l) => `\`${l.symbol}\` ${l.name}`).join(' / ')}`
        : r.listings.map((l) => `\`${l.symbol}\``).join(', ');
    const pairs = (r.pairs ?? []).map((l) => `\`${l.symbol}\``).join(', ');
    return `| ${cell(r.names.join(', '))} | ${r.unlisted ? '' : r.kind} | ${cell(proposed)} | ${pairs} |`;
  });
  return [
    '| names (as written) | kind | proposed tickers | other listings offered |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function claimTableMarkdown(): string {
  const rows = CLAIM_RULES.map((r) => `| \`${r.id}\` | ${cell(r.summary)} | ${cell(r.example)} | ${cell(r.metric)} |`);
  return ['| rule | reads | example | proposed metric |', '|---|---|---|---|', ...rows].join('\n');
}

/** Replaces the text between `<!-- begin NAME -->` and `<!-- end NAME -->`. */
export function replaceBlock(doc: string, name: string, body: string): string {
  const begin = `<!-- begin ${name} -->`;
  const end = `<!-- end ${name} -->`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`no ${begin} … ${end} block`);
  return `${doc.slice(0, i + begin.length)}\n${body}\n${doc.slice(j)}`;
}
