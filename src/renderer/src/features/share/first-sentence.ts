/**
 * The first sentence of a long note (a series' provenance or adjustment note), at most `max`
 * characters: it ends at the first `.` or `;` followed by a space (or the end) that is not
 * inside parentheses or a `code` span, so "… (field `close`; the file says …)" stays whole.
 */
export function firstSentence(s: string, max = 180): string {
  let depth = 0;
  let code = false;
  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '`') code = !code;
    else if (code) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === '.' || c === ';') && depth === 0 && (i + 1 === s.length || /\s/.test(s[i + 1]!))) {
      end = i;
      break;
    }
  }
  const t = s.slice(0, end).trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
