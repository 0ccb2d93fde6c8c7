/**
 * The rules a page break is judged by, in the order they give way when not all of them can hold:
 * the first is broken last. Each is a cost the paginator adds for a page that breaks it; a
 * paragraph set a line longer or shorter costs its extra demerits by the spacing its lines get
 * (a line at badness 100 costs 12,100; one twice as loose, 750,000), and each rule more than all below it.
 */
export const PAGE_RULES = [
  /** A paragraph's first line alone at a page's foot ("It was a" / overleaf: the rest). */
  { rule: 'orphan', cost: 1e9 },
  /** A paragraph's last line alone at the top of a page. */
  { rule: 'widow', cost: 1e9 },
  /** A heading (or a table's header, a figure before its caption) as the last thing on a page. */
  { rule: 'stranded heading', cost: 1e9 },
  /** A stanza that fits on half a page broken across two. */
  { rule: 'broken stanza', cost: 1e9 },
  /** Facing pages ending on different lines (a chapter's last page aside). */
  { rule: 'uneven spread', cost: 1e8 },
  /** A chapter's last page holding fewer than five lines ("Secretly, they hoped it wouldn't." alone). */
  { rule: 'runt', cost: 3e7 },
  /** A word hyphenated at the foot of a right-hand page and finished overleaf, where the reader turns the leaf. */
  { rule: 'hyphen at a leaf turn', cost: 1e7 },
  /** Any other page ending in a hyphen (TeX's \brokenpenalty): allowed, but rare. */
  { rule: 'hyphen at the page end', cost: 1e5 },
] as const;

export type PageRule = (typeof PAGE_RULES)[number]['rule'];

export const RULE_COST: Record<PageRule, number> = Object.fromEntries(PAGE_RULES.map((r) => [r.rule, r.cost])) as Record<PageRule, number>;

/**
 * A spread set a line short or long on both pages (per line): even, and invisible to most
 * readers, as designers have always run spreads to mend a page. Dearer than a paragraph whose
 * lines stay within TeX's tolerance, cheaper than a line as loose as 1.5 spaces, a hyphen at a page's foot or anything above.
 */
export const SHORT_SPREAD_PER_LINE = 5e4;

/** Lines a chapter's last page must hold (fewer on a tiny test page: a fifth of it). */
export function runtMinimum(linesPerPage: number): number {
  return Math.max(1, Math.min(5, Math.floor(linesPerPage / 5)));
}

/** How many lines a spread may be run short by: up to two on a real page, one on a small one. */
export function shortSpreadLimit(linesPerPage: number): number {
  return linesPerPage >= 20 ? 2 : linesPerPage >= 3 ? 1 : 0;
}
