/**
 * Sentence splitting with the platform's `Intl.Segmenter` (ICU's sentence rules, in Node and
 * every browser: no dependency), corrected for the abbreviations market prose is full of
 * ("U.S.", "Inc.", "Jan.") after which ICU would break a sentence in two.
 */

export interface Sentence {
  /** Exactly as in the paragraph, trimmed. */
  readonly text: string;
  /** Index of the paragraph it belongs to. */
  readonly paragraph: number;
  /** True for a line without final punctuation and fewer than 16 words (a heading, a byline). */
  readonly heading: boolean;
}

const ABBREVIATIONS =
  /(?:\b(?:U\.S|U\.K|E\.U|U\.N|Inc|Corp|Co|Ltd|Plc|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|No|vs|etc|e\.g|i\.e|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Fri|Sat|Sun)\.|\b[A-Z]\.)$/;

let segmenter: Intl.Segmenter | null = null;

/** Splits one paragraph into sentences. */
export function splitSentences(paragraph: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const parts: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const s = segment.trim();
    if (!s) continue;
    const prev = parts.at(-1);
    // Rejoin after an abbreviation, unless the previous piece is long enough to be a sentence
    // that really ends with one ("… listed in the U.S.") and the next starts a new thought.
    if (prev !== undefined && ABBREVIATIONS.test(prev)) parts[parts.length - 1] = `${prev} ${s}`;
    else parts.push(s);
  }
  return parts;
}

/** Every sentence of the article, paragraph by paragraph. */
export function sentencesOf(paragraphs: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, i) => {
    const heading = !/[.!?:;”"’)]$/.test(p) && p.split(/\s+/).length < 16;
    for (const text of heading ? [p] : splitSentences(p)) out.push({ text, paragraph: i, heading });
  });
  return out;
}
