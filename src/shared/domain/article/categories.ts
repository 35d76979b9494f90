import type { EventCategory } from '../study-event';

/**
 * An event's category from its sentence's words: each category has a word list; the one with
 * the most hits wins, ties broken in the order ai > policy > macro > corporate > market
 * (the more specific reason first). No hit: `market`.
 */
export type ProposedCategory = Exclude<EventCategory, 'user'>;

export const CATEGORY_WORDS: Readonly<Record<ProposedCategory, RegExp>> = {
  ai: /\b(?:AI|A\.I\.|artificial intelligence|model|models|chatbot|LLM|large language|reasoning|open[- ]source|DeepSeek|OpenAI|ChatGPT|GPT-?\d\w*|Qwen[\w.-]*|Gemini|Claude|Llama|generative|neural|GPU|GPUs|AI chips?|data cent(?:er|re)s?)\b/g,
  policy:
    /\b(?:President|Xi|Xi Jinping|Trump|Biden|government|regulat\w*|crackdown|antitrust|tariffs?|sanctions?|export controls?|ban|banned|ministry|State Council|Politburo|Congress|parliament|legislat\w*|policy|policies|executive order|meeting with|entrepreneurs|election|trade war|trade deal|subsid\w*)\b/g,
  macro:
    /\b(?:policy rate|reserve requirements?|property (?:market|slump|sector)|GDP|inflation|CPI|PPI|PMI|interest rates?|rate cut|rate hike|central bank|Federal Reserve|Fed|PBOC|People’s Bank|ECB|Bank of Japan|BOJ|stimulus|recession|unemployment|jobs report|payrolls|yields?|bond|currency|yuan|dollar|growth target|economy|economic data)\b/g,
  corporate:
    /\b(?:earnings|results|revenue|profit|quarterly|guidance|acquisition|acquire[sd]?|merger|IPO|listing|listed|buyback|dividend|CEO|chief executive|launch(?:ed|es)? (?:its|a|the) (?:new )?(?:phone|car|vehicle|product)|deliveries|partnership|deal with|stake)\b/g,
  market:
    /\b(?:index|indices|stocks?|shares|sell-?off|rally|rallied|surged|plunged|tumbled|record high|all-time high|closed|trading|traders|investors|market|crash|rebound)\b/g,
};

const ORDER: readonly ProposedCategory[] = ['ai', 'policy', 'macro', 'corporate', 'market'];

/** The category for a sentence, and the words that decided it. */
export function categorise(sentence: string): { category: ProposedCategory; words: string[] } {
  let best: { category: ProposedCategory; words: string[] } = { category: 'market', words: [] };
  for (const c of ORDER) {
    const words = [...sentence.matchAll(CATEGORY_WORDS[c])].map((m) => m[0]);
    if (words.length > best.words.length) best = { category: c, words };
  }
  return best;
}
