import { FIL, hangAtEnd, hangAtStart, INFINITE_PENALTY, type Item } from './items.ts';

export interface BreakParameters {
  /** Highest badness a line may have (TeX's \tolerance). */
  tolerance: number;
  /** Added to every line's badness before squaring (TeX's \linepenalty). */
  linePenalty: number;
  /** Two consecutive lines whose fitness classes are not adjacent (TeX's \adjdemerits). */
  adjacentDemerits: number;
  /** Two consecutive hyphenated lines (TeX's \doublehyphendemerits). */
  doubleHyphenDemerits: number;
  /** A hyphen on the second-last line (TeX's \finalhyphendemerits). */
  finalHyphenDemerits: number;
  /** Stretch added to every line in the last pass before a line may be overfull (TeX's \emergencystretch), in points. */
  emergencyStretch: number;
  /** Lines more (+1) or fewer (-1) than the optimum, where the paragraph allows (TeX's \looseness). */
  looseness: number;
  /** A first try without hyphenation, kept if every line is this good (TeX's \pretolerance); -1 skips it. */
  pretolerance: number;
  /** Most consecutive lines that may end in a hyphen. */
  maxHyphenRun: number;
  /** Badness added per unit of spacing deviation (0 is TeX). */
  deviationDemerits: number;
  /** The interword stretch and shrink as shares of the space, to turn a ratio into a deviation. */
  stretchShare: number;
  shrinkShare: number;
}

export const BREAK_DEFAULTS: BreakParameters = {
  tolerance: 200,
  linePenalty: 10,
  adjacentDemerits: 10000,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
  emergencyStretch: 0,
  looseness: 0,
  pretolerance: -1,
  maxHyphenRun: 2,
  deviationDemerits: 100,
  stretchShare: 1 / 2,
  shrinkShare: 1 / 3,
};

export interface BreakResult {
  /** Indices of the items at which lines end. The last is the paragraph's final penalty. */
  breaks: number[];
  /** Adjustment ratio of each line: 0 natural, 1 all stretch used, -1 all shrink used. */
  ratios: number[];
  /** Lines set wider than the measure because nothing else fitted. */
  overfull: number;
  demerits: number;
}

interface Node {
  position: number;
  line: number;
  fitness: number;
  width: number;
  stretch: number;
  shrink: number;
  demerits: number;
  ratio: number;
  previous: Node | null;
  /** Consecutive lines ending in a hyphen, up to and including this one. */
  hyphenRun: number;
  /** Extra width the next line gets from hanging its first character into the margin. */
  hang: number;
}

/** TeX's fitness classes: 0 very loose, 1 loose, 2 decent, 3 tight. */
function fitnessClass(ratio: number): number {
  if (ratio < -0.5) return 3;
  if (ratio <= 0.5) return 2;
  if (ratio <= 1) return 1;
  return 0;
}

/** TeX's badness of a line set at adjustment ratio `ratio` (10000 beyond 4.65, infinite when overfull). */
export function badness(ratio: number): number {
  if (ratio < -1) return Infinity;
  const r = ratio < 0 ? -ratio : ratio;
  return r > 4.65 ? 10000 : 100 * r * r * r;
}

interface RunningSums {
  /** The width, stretch and shrink of items[0 .. i-1], at i. */
  sumWidth: Float64Array;
  sumStretch: Float64Array;
  sumShrink: Float64Array;
}

// A paragraph is broken in several passes, and again a line longer or shorter for pagination: its
// sums are worked out once.
const sumsOf = new WeakMap<readonly Item[], RunningSums>();

function runningSums(items: readonly Item[]): RunningSums {
  let sums = sumsOf.get(items);
  if (sums) return sums;
  const n = items.length;
  sums = { sumWidth: new Float64Array(n + 1), sumStretch: new Float64Array(n + 1), sumShrink: new Float64Array(n + 1) };
  const { sumWidth, sumStretch, sumShrink } = sums;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    sumWidth[i + 1] = sumWidth[i]! + (item.type === 'penalty' ? 0 : item.width);
    sumStretch[i + 1] = sumStretch[i]! + (item.type === 'glue' ? item.stretch : 0);
    sumShrink[i + 1] = sumShrink[i]! + (item.type === 'glue' ? item.shrink : 0);
  }
  sumsOf.set(items, sums);
  return sums;
}

/**
 * One pass of the total-fit algorithm over items whose lines are all `lineWidth` wide: the ways
 * found to end the paragraph, with looseness one per line count. Null when no set of breaks keeps
 * every line within tolerance (unless allowOverfull).
 */
function finalNodes(items: readonly Item[], lineWidth: number, p: BreakParameters, tolerance: number, extraStretch: number, allowOverfull: boolean, hyphenate: boolean): { finals: Node[]; overfull: number } | null {
  const n = items.length;
  const { sumWidth, sumStretch, sumShrink } = runningSums(items);
  const distinctLines = p.looseness !== 0;
  const active: Node[] = [{ position: 0, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, ratio: 0, previous: null, hyphenRun: 0, hang: hangAtStart(items, 0) }];
  let overfullCount = 0;

  // After a break, glue and penalties up to the next box are discarded: the next line starts there.
  const afterBreak = (b: number) => {
    const at = items[b]!;
    let width = sumWidth[b]! - (at.type === 'penalty' ? at.restCorrection : 0);
    let stretch = sumStretch[b]!;
    let shrink = sumShrink[b]!;
    for (let i = b; i < n; i++) {
      const item = items[i]!;
      if (item.type === 'box') break;
      if (item.type === 'penalty' && item.penalty === -INFINITE_PENALTY && i > b) break;
      if (item.type === 'glue') {
        width += item.width;
        stretch += item.stretch;
        shrink += item.shrink;
      }
    }
    return { width, stretch, shrink, hang: hangAtStart(items, b + 1) };
  };

  // Reused at every breakpoint: the best new node per state, and the states that got one.
  const best: (Node | undefined)[] = [];
  // Kept in ascending order as they are added (a handful at most): new nodes join in state order.
  const usedKeys: number[] = [];
  let usedCount = 0;
  const deactivated: { node: Node; ratio: number }[] = [];
  // The active list is active[0 .. activeCount): truncated and refilled in place at every breakpoint.
  let activeCount = active.length;
  for (let b = 0; b < n; b++) {
    const item = items[b]!;
    const legal =
      item.type === 'penalty'
        ? item.penalty < INFINITE_PENALTY && (hyphenate || !item.flagged || item.width === 0)
        : item.type === 'glue' && b > 0 && items[b - 1]!.type === 'box';
    if (!legal) continue;
    const itemPenalty = item.type === 'penalty' ? item.penalty : 0;
    const breakWidth = item.type === 'penalty' ? item.width : 0;
    const flagged = item.type === 'penalty' && item.flagged;
    const endHang = hangAtEnd(items, b);
    const forced = item.type === 'penalty' && item.penalty <= -INFINITE_PENALTY;

    if (allowOverfull) deactivated.length = 0;
    let kept = 0;
    for (let i = 0; i < activeCount; i++) {
      const a = active[i]!;
      const natural = sumWidth[b]! - a.width + breakWidth;
      const available = lineWidth + a.hang + endHang;
      let ratio: number;
      if (natural < available) {
        const stretch = sumStretch[b]! - a.stretch + extraStretch;
        ratio = stretch > 0 ? (available - natural) / stretch : Infinity;
      } else if (natural > available) {
        const shrink = sumShrink[b]! - a.shrink;
        ratio = shrink > 0 ? (available - natural) / shrink : -Infinity;
      } else ratio = 0;
      // A line that ends at the paragraph's fil glue has natural spacing, however short.
      const lastLine = sumStretch[b]! - a.stretch >= FIL;
      const bad = badness(ratio);
      if (ratio < -1 || forced) {
        if (allowOverfull) deactivated.push({ node: a, ratio });
      } else active[kept++] = a;
      if (ratio >= -1 && (bad <= tolerance || lastLine)) {
        // Beyond TeX: a term linear in how far the spaces move from natural (as a share of the
        // space), so many slightly loose lines are not preferred to one decent one.
        const deviation = lastLine ? 0 : ratio >= 0 ? ratio * p.stretchShare : -ratio * p.shrinkShare;
        let demerits = (p.linePenalty + bad + p.deviationDemerits * deviation) ** 2;
        if (itemPenalty >= 0) demerits += itemPenalty ** 2;
        else if (itemPenalty > -INFINITE_PENALTY) demerits -= itemPenalty ** 2;
        const hyphenRun = flagged ? a.hyphenRun + 1 : 0;
        if (hyphenRun > p.maxHyphenRun) continue;
        if (flagged && a.hyphenRun > 0) demerits += p.doubleHyphenDemerits;
        if (forced && a.hyphenRun > 0) demerits += p.finalHyphenDemerits;
        const fitness = fitnessClass(lastLine ? 0 : ratio);
        if (Math.abs(fitness - a.fitness) > 1) demerits += p.adjacentDemerits;
        demerits += a.demerits;
        // Nodes differing in fitness, hyphen run (or line count, for looseness) are kept apart.
        const state = fitness + 4 * Math.min(hyphenRun, p.maxHyphenRun);
        const key = distinctLines ? state + 16 * (a.line + 1) : state;
        const current = best[key];
        if (!current) {
          let at = usedCount++;
          for (; at > 0 && usedKeys[at - 1]! > key; at--) usedKeys[at] = usedKeys[at - 1]!;
          usedKeys[at] = key;
        }
        if (!current || demerits < current.demerits) {
          best[key] = { position: b, line: a.line + 1, fitness, width: 0, stretch: 0, shrink: 0, demerits, ratio: lastLine ? 0 : ratio, previous: a, hyphenRun, hang: 0 };
        }
      }
    }
    activeCount = kept;
    if (usedCount > 0) {
      const next = afterBreak(b);
      // New nodes join in the order of their states, as TeX's list keeps them.
      for (let u = 0; u < usedCount; u++) {
        const key = usedKeys[u]!;
        const node = best[key]!;
        best[key] = undefined;
        node.width = next.width;
        node.stretch = next.stretch;
        node.shrink = next.shrink;
        node.hang = next.hang;
        active[activeCount++] = node;
      }
      usedCount = 0;
    } else if (activeCount === 0 && allowOverfull && deactivated.length > 0) {
      // Nothing fits: break where the least damage is done and set that line overfull.
      const fallback = deactivated.reduce((x, y) => (x.node.demerits <= y.node.demerits ? x : y));
      const next = afterBreak(b);
      active[activeCount++] = { position: b, line: fallback.node.line + 1, fitness: 3, width: next.width, stretch: next.stretch, shrink: next.shrink, demerits: fallback.node.demerits + 1e9, ratio: Math.max(-1, fallback.ratio), previous: fallback.node, hyphenRun: flagged ? 1 : 0, hang: next.hang };
      overfullCount++;
    }
    if (activeCount === 0) return null;
  }
  active.length = activeCount;

  const finals = active.filter((node) => node.position === n - 1);
  return finals.length > 0 ? { finals, overfull: overfullCount } : null;
}

/** The best breaks of one pass (see finalNodes); null when it found none. */
function pass(items: readonly Item[], lineWidth: number, p: BreakParameters, tolerance: number, extraStretch: number, allowOverfull: boolean, hyphenate: boolean): BreakResult | null {
  const found = finalNodes(items, lineWidth, p, tolerance, extraStretch, allowOverfull, hyphenate);
  if (!found) return null;
  const { finals } = found;
  let chosen = finals.reduce((x, y) => (x.demerits <= y.demerits ? x : y));
  if (p.looseness !== 0) {
    const target = chosen.line + p.looseness;
    const ranked = [...finals].sort((x, y) => Math.abs(x.line - target) - Math.abs(y.line - target) || x.demerits - y.demerits);
    chosen = ranked[0]!;
  }
  return resultOf(chosen, found.overfull);
}

function resultOf(chosen: Node, overfullCount: number): BreakResult {
  const breaks: number[] = [];
  const ratios: number[] = [];
  for (let node: Node | null = chosen; node && node.previous; node = node.previous) {
    breaks.unshift(node.position);
    ratios.unshift(node.ratio);
  }
  return { breaks, ratios, overfull: overfullCount, demerits: chosen.demerits };
}

/**
 * Optimal line breaks (Knuth–Plass total fit), with TeX's passes: without hyphenation within the
 * pretolerance, then with hyphenation within the tolerance, then with emergency stretch, and only
 * then with overfull lines. Items must end with a forced break. With looseness, null when the
 * paragraph cannot be set that many lines longer or shorter without emergency measures.
 */
export function breakLines(items: readonly Item[], lineWidth: number, parameters: Partial<BreakParameters> = {}): BreakResult {
  const p = { ...BREAK_DEFAULTS, ...parameters };
  return (
    (p.pretolerance >= 0 ? pass(items, lineWidth, p, p.pretolerance, 0, false, false) : null) ??
    pass(items, lineWidth, p, p.tolerance, 0, false, true) ??
    (p.emergencyStretch > 0 ? pass(items, lineWidth, p, p.tolerance, p.emergencyStretch, false, true) : null) ??
    pass(items, lineWidth, p, 10000, p.emergencyStretch, false, true) ??
    pass(items, lineWidth, p, Infinity, p.emergencyStretch, true, true)!
  );
}

// Pagination asks for a paragraph a line longer and a line shorter one after the other: the pass
// that keeps each line count apart is the same for both, so it is made once. By the items, the
// measure, the caller's parameters (the same object for both asks) and the emergency stretch.
const looseFinalsOf = new WeakMap<readonly Item[], { lineWidth: number; parameters: Partial<BreakParameters>; extra: number; finals: Node[] | null }[]>();

function looseFinals(items: readonly Item[], lineWidth: number, parameters: Partial<BreakParameters>, extra: number): Node[] | null {
  let made = looseFinalsOf.get(items);
  if (!made) looseFinalsOf.set(items, (made = []));
  const known = made.find((m) => m.lineWidth === lineWidth && m.parameters === parameters && m.extra === extra);
  if (known) return known.finals;
  // Any looseness keeps line counts apart; which count is wanted is chosen from the finals.
  const p = { ...BREAK_DEFAULTS, ...parameters, looseness: 1 };
  const finals = finalNodes(items, lineWidth, p, p.tolerance, extra, false, true)?.finals ?? null;
  made.push({ lineWidth, parameters, extra, finals });
  return finals;
}

/** The paragraph set `looseness` lines longer (+) or shorter (-) than its optimum, or null if it cannot be done well. */
export function breakLinesLoosely(items: readonly Item[], lineWidth: number, looseness: number, optimumLines: number, parameters: Partial<BreakParameters> = {}): BreakResult | null {
  const p = { ...BREAK_DEFAULTS, ...parameters, looseness };
  const target = optimumLines + looseness;
  // Within tolerance, with the emergency stretch the paragraph itself may have needed (a narrow
  // measure often does), never with overfull lines: a paragraph worse than that costs more than a short page.
  for (const extra of p.emergencyStretch > 0 ? [0, p.emergencyStretch] : [0]) {
    let chosen: Node | undefined;
    for (const node of looseFinals(items, lineWidth, parameters, extra) ?? []) if (node.line === target && (!chosen || node.demerits < chosen.demerits)) chosen = node;
    if (chosen) return resultOf(chosen, 0);
  }
  return null;
}
