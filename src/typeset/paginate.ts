import type { SetLine } from './lines.ts';
import { RULE_COST, runtMinimum, SHORT_SPREAD_PER_LINE, shortSpreadLimit, type PageRule } from './page-rules.ts';
import { flowName, type PaginationMemo, type PathPage } from './pagination-memo.ts';

/** What flows onto pages, top to bottom. Heights are in lines of the body's leading. */
export type FlowElement = FlowParagraph | FlowSpace | FlowPageBreak;

export interface Variant {
  lines: SetLine[];
  /** Extra demerits over the paragraph's optimum. */
  cost: number;
}

export interface FlowParagraph {
  kind: 'paragraph';
  lines: SetLine[];
  /** Offset from the text block's left edge, in points. */
  x: number;
  /** Height of each line. */
  height: number;
  /** A heading or title: never the last thing on a page. */
  keepWithNext: boolean;
  /** A stanza: never broken across pages where it fits on half of one. */
  keepTogether?: boolean;
  /** A table's row: the flow index of its header row, set again at the top of a page the table runs onto. */
  repeatHeader?: number;
  /**
   * A figure: this element and the `float - 1` after it (its caption) are set whole; where they do
   * not fit the rest of the page they go to the top of the next while the text goes on.
   */
  float?: number;
  /** The paragraph set one line longer (+1) or shorter (-1), or null when it cannot be done well. */
  vary?: (delta: 1 | -1) => Variant | null;
  /** Where in the book it comes from: chapter and top-level block (-1 for the chapter title). */
  source?: { chapter: number; block: number };
  /**
   * Names the paragraph with the setting it is set in, when a memo keeps its lines and variants
   * (see ParagraphMemo): the same name, the same lines and the same variants (see flowName).
   */
  memoKey?: string;
}

export interface FlowSpace {
  kind: 'space';
  height: number;
  /** Sinkage at the top of a chapter opener is kept; ordinary space vanishes at a page top. */
  keepAtTop: boolean;
}

export interface FlowPageBreak {
  kind: 'pageBreak';
  /** Start on a right-hand (odd) page, leaving a blank verso if needed. */
  recto: boolean;
  /** The page that starts here opens a chapter (no running head, folio at the foot). */
  opener: boolean;
  /** An opener that shows no folio either: part titles, dedications. */
  bare?: boolean;
}

/** A note as it may be set at the foot of a page: its lines, which may be split across pages. */
export interface FootnoteBody {
  lines: FootnoteLine[];
}

export interface FootnoteLine {
  line: SetLine;
  x: number;
  /** In lines of the body's leading (a note's leading is smaller). */
  height: number;
  /** Space above it, in body lines (between a note's paragraphs); none at the top of a page's notes. */
  space: number;
}

/** The notes at a page's foot. */
export interface PlacedFootnotes {
  lines: PlacedLine[];
  /** Where the rule above them stands: lines from the top of the text block to the first note line's top. */
  top: number;
  /** The first note goes on from the page before (its rule runs the width of the text). */
  continued: boolean;
  /** Which note each line belongs to, parallel to `lines`. */
  notes: number[];
}

export interface PlacedLine {
  line: SetLine;
  /** The paragraph's source, on the paragraph's first line only. */
  starts?: { chapter: number; block: number };
  x: number;
  height: number;
  /** Lines from the top of the text block to the top of this line's slot. */
  top: number;
}

export interface Page {
  lines: PlacedLine[];
  opener: boolean;
  /** Neither running head nor folio. */
  bare: boolean;
  blank: boolean;
  /** The page is filled to its last line (not the end of a chapter). */
  full: boolean;
  /** Notes set at its foot. */
  footnotes?: PlacedFootnotes;
  /** The rules the page breaks, when no way of setting the chapter keeps them all (see page-rules.ts). */
  rules?: PageRule[];
}

/** A paragraph set a line longer or shorter than its best. */
interface Setting {
  block: number;
  lines: SetLine[];
  cost: number;
  delta: 1 | -1;
}

/** One way of setting the pages so far, ending with one page: the search keeps the cheapest to each point. */
interface Node {
  cost: number;
  previous: Node | null;
  fill: Fill;
  limit: number;
  /** The paragraph this page sets a line longer or shorter. */
  varied?: Setting;
  /** The varied paragraph that runs on over the page's foot, which the next page must go on in. */
  straddle?: Setting;
  /** A left-hand page's bottom, in lines, which the right-hand page facing it must end on (NaN otherwise). */
  facing: number;
  rules: PageRule[];
}

/** Space between a figure set at the top of a page and the text under it, in lines. */
const FLOAT_SPACE = 0.5;

/** Ways kept to each page: enough to reach a clean chapter end, few enough to stay fast. */
const BEAM = 12;

/** A note's line still to be set, with the note's lines after it: what runs on from one page to the next. */
interface Carry {
  note: number;
  line: number;
}

interface Position {
  block: number;
  line: number;
  carry?: Carry;
  /** A figure passed over because it did not fit (see FlowParagraph.float): first on the next page. */
  deferred?: number;
}

interface Fill {
  placed: { block: number; line: number; top: number; space: number }[];
  /** Note lines set at the page's foot, in order. */
  notes: Carry[];
  /** Height of the page's notes, with the space above them, in body lines (0 without notes). */
  foot: number;
  end: Position;
  used: number;
  /** Ended because the page was full (not at a page break or the end). */
  full: boolean;
  opener: boolean;
  bare?: boolean;
}

/**
 * Sets a flow on pages with the whole of it in view: among the ways of breaking it (each page at
 * full height or a spread run a line or two short, each paragraph that starts on a page set as
 * it is or a line longer or shorter, a page left short before a widow or orphan) it takes the
 * cheapest by the rules of page-rules.ts, which say in what order they give way: no widow, orphan,
 * stranded heading or broken stanza; facing pages that end on one line; no runt at a chapter's end;
 * no hyphen across a leaf turn, few at any page's foot. The search goes page by page and keeps
 * the cheapest few ways to each point (Viterbi with a beam), so it is linear in the pages.
 * `firstPage` is 1 when the flow starts on a left-hand page.
 *
 * Notes (`footnotes`, indexed as the lines' `notes` name them) are placed with the lines that
 * refer to them, as TeX places inserts: a line goes on a page only if its notes start there too
 * (two lines of the last at least), a note that does not fit runs on at the top of the next page's
 * notes and no other starts before it ends, and the space above the notes is `footnoteSkip` lines.
 */
export function paginate(flow: FlowElement[], linesPerPage: number, footnotes: readonly FootnoteBody[] = [], footnoteSkip = 1, firstPage: 0 | 1 = 0, memo?: PaginationMemo): Page[] {
  const start: Position = { block: 0, line: 0 };
  const variants = new Map<number, Variant | null>();

  const linesOf = (b: number) => (flow[b] as FlowParagraph).lines;
  /** A figure's height with its caption, in lines. */
  const floatHeight = (first: number) => {
    let height = 0;
    for (let b = first; b < first + ((flow[first] as FlowParagraph).float ?? 1); b++) {
      const element = flow[b] as FlowParagraph;
      height += element.lines.length * element.height;
    }
    return height;
  };

  /** Body lines a page must keep above the notes that run on from the page before. */
  const bodyReserve = Math.min(4, Math.floor(linesPerPage / 3));

  const fill = (from: Position, pageIndex: number, limit = linesPerPage, stop?: Position): Fill => {
    const placed: Fill['placed'] = [];
    const notes: Carry[] = [];
    let foot = 0;
    let used = 0;
    let pending = 0;
    let opener = false;
    let bare = false;
    let { block, line } = from;
    // A note that did not end on the page before goes on at this page's foot, first.
    let carry: Carry | undefined = from.carry;
    const noteLine = (c: Carry) => footnotes[c.note]!.lines[c.line]!;
    const noteHeight = (c: Carry, first: boolean) => noteLine(c).height + (first ? 0 : noteLine(c).space);
    if (carry) {
      const room = limit - bodyReserve;
      foot = footnoteSkip;
      for (;;) {
        const h = noteHeight(carry, notes.length === 0);
        if (notes.length > 0 && foot + h > room + 1e-9) break;
        notes.push(carry);
        foot += h;
        const next: Carry = { note: carry.note, line: carry.line + 1 };
        if (next.line >= footnotes[carry.note]!.lines.length) {
          carry = undefined;
          break;
        }
        carry = next;
      }
    }
    let deferred = from.deferred;
    const result = (end: Position, full: boolean): Fill => {
      const at: Position = carry ? { ...end, carry } : end;
      return { placed, notes, foot, end: deferred !== undefined ? { ...at, deferred } : at, used, full, opener, bare };
    };
    if (deferred !== undefined) {
      // The figure the page before had no room for opens this page, with space under it.
      placeFloat(deferred);
      deferred = undefined;
      pending = FLOAT_SPACE;
    }
    for (; block < flow.length; block++, line = 0) {
      const element = flow[block]!;
      if (element.kind === 'pageBreak') {
        // A figure still waiting is set before the chapter ends: on a page of its own, if need be.
        if (deferred !== undefined) return result({ block, line: 0 }, true);
        if (placed.length > 0 || used > 0 || notes.length > 0) return result({ block, line: 0 }, false);
        opener = element.opener;
        bare = element.bare ?? false;
        if (element.recto && pageIndex % 2 === 1) return { placed, notes, foot, end: { block, line: 0 }, used, full: false, opener: false };
        continue;
      }
      if (element.kind === 'space') {
        if (placed.length === 0 && element.keepAtTop) used += element.height;
        else if (placed.length > 0) pending += element.height;
        continue;
      }
      if (element.float && line === 0) {
        // A second figure waits behind the first: the page ends here.
        if (deferred !== undefined) return result({ block, line: 0 }, true);
        if (placed.length > 0 && used + pending + floatHeight(block) + foot > limit + 1e-9) {
          deferred = block;
          pending = 0;
          block += element.float - 1;
          // The space below the figure goes with it.
          if (flow[block + 1]?.kind === 'space') block++;
          continue;
        }
      }
      const header = element.repeatHeader;
      if (placed.length === 0 && line === 0 && header !== undefined && header !== block) {
        // The table goes on from the page before: its header comes first.
        const head = flow[header] as FlowParagraph;
        for (let l = 0; l < head.lines.length; l++) {
          placed.push({ block: header, line: l, top: used, space: 0 });
          used += head.height;
        }
      }
      for (; line < element.lines.length; line++) {
        if (stop && block === stop.block && line === stop.line) return result({ block, line }, true);
        const space = placed.length > 0 ? pending : 0;
        const refs = element.lines[line]!.notes?.filter((n) => n < footnotes.length) ?? [];
        if (refs.length === 0) {
          if (placed.length > 0 && used + pending + element.height + foot > limit + 1e-9) return result({ block, line }, true);
        } else {
          // The line and the notes it refers to: each note starts on this page; the last may run on.
          const fits = placeWithNotes(refs, limit - (used + space + element.height), placed.length === 0);
          if (!fits) return result({ block, line }, true);
        }
        used += space;
        pending = 0;
        placed.push({ block, line, top: used, space });
        used += element.height;
      }
    }
    return result({ block, line: 0 }, deferred !== undefined);

    /** Sets a figure and its caption at the top of the page, with the notes its caption refers to. */
    function placeFloat(first: number): void {
      const count = (flow[first] as FlowParagraph).float ?? 1;
      for (let b = first; b < first + count; b++) {
        const element = flow[b] as FlowParagraph;
        element.lines.forEach((setLine, l) => {
          const refs = setLine.notes?.filter((n) => n < footnotes.length) ?? [];
          if (refs.length > 0) placeWithNotes(refs, limit - (used + element.height), true);
          placed.push({ block: b, line: l, top: used, space: 0 });
          used += element.height;
        });
      }
    }

    /** Sets the notes of a line in `room` body lines (with what the page's notes hold already), if they can start there. */
    function placeWithNotes(refs: readonly number[], room: number, force: boolean): boolean {
      // A note still running on keeps any other from starting on this page.
      if (carry) return false;
      let trialFoot = foot === 0 ? footnoteSkip : foot;
      const added: Carry[] = [];
      let rest: Carry | undefined;
      for (const [k, note] of refs.entries()) {
        const lines = footnotes[note]!.lines;
        let set = 0;
        for (; set < lines.length; set++) {
          const h = noteHeight({ note, line: set }, notes.length + added.length === 0);
          // A page that holds nothing else takes every note but the last whole, even overfull: a note is never lost.
          if (trialFoot + h > room + 1e-9 && !(force && k < refs.length - 1)) break;
          trialFoot += h;
          added.push({ note, line: set });
        }
        if (set === lines.length) continue;
        // Only the last note may run on, with two of its lines here (or what fits, on a page that holds nothing else).
        if (!force && (k < refs.length - 1 || set < Math.min(2, lines.length))) return false;
        rest = { note, line: set };
      }
      notes.push(...added);
      foot = trialFoot;
      carry = rest;
      return true;
    }
  };

  /** The rules the page's last break breaks, on a page that ends inside the text (see page-rules.ts). */
  const breakRules = (f: Fill, pageIndex: number): PageRule[] => {
    if (f.placed.length === 0) return [];
    const last = f.placed[f.placed.length - 1]!;
    const element = flow[last.block] as FlowParagraph;
    if (element.keepWithNext) return ['stranded heading'];
    const count = element.lines.length;
    const continues = last.line < count - 1;
    if (!continues) return [];
    if (element.keepTogether && count <= linesPerPage / 2) return ['broken stanza'];
    if (last.line === 0) return ['orphan'];
    if (count - 1 - last.line === 1) return ['widow'];
    if (element.lines[last.line]!.hyphenated) return [pageIndex % 2 === 0 ? 'hyphen at a leaf turn' : 'hyphen at the page end'];
    return [];
  };

  const variant = (block: number, delta: 1 | -1): Variant | null => {
    const key = block * 2 + (delta > 0 ? 1 : 0);
    if (!variants.has(key)) variants.set(key, (flow[block] as FlowParagraph).vary?.(delta) ?? null);
    return variants.get(key)!;
  };

  // Every paragraph's lines as first set; a trial sets some of them a line longer or shorter and puts them back.
  const baseLines = flow.map((e) => (e.kind === 'paragraph' ? e.lines : []));
  const withLines = <T>(settings: readonly (Setting | undefined)[], run: () => T): T => {
    for (const s of settings) if (s) (flow[s.block] as FlowParagraph).lines = s.lines;
    try {
      return run();
    } finally {
      for (const s of settings) if (s) (flow[s.block] as FlowParagraph).lines = baseLines[s.block]!;
    }
  };

  const runtMin = runtMinimum(linesPerPage);
  const shortBy = shortSpreadLimit(linesPerPage);
  const finished = (f: Fill) => f.end.block >= flow.length && !f.end.carry && f.end.deferred === undefined;
  const atPageBreak = (f: Fill) => !f.end.carry && f.end.deferred === undefined && f.end.line === 0 && flow[f.end.block]?.kind === 'pageBreak';

  /**
   * The pages from `node` on, one more page: each height the spread allows, each paragraph that
   * starts on the page set as it is or a line longer or shorter, and, where the last break is a
   * widow or orphan, the page left short. Each way is judged by the rules and costed.
   */
  const expand = (node: Node | null, k: number, withVariants: boolean, add: (n: Node) => void) => {
    const from: Position = node ? node.fill.end : start;
    const absolute = firstPage + k;
    const recto = absolute % 2 === 0;
    const straddle = node?.straddle;
    const facing = recto && node && !Number.isNaN(node.facing) ? node.facing : undefined;
    // A left-hand page (or the first) sets the spread's height: full, a line or two short, or, past
    // a chapter's opening page, a line long; the right-hand page follows it.
    const own = [linesPerPage, ...Array.from({ length: shortBy }, (_, i) => linesPerPage - 1 - i), ...(k > 0 && shortBy > 1 ? [linesPerPage + 1] : [])];
    const limits = facing !== undefined ? (facing !== linesPerPage ? [facing, linesPerPage] : [facing]) : own;
    for (const limit of limits) {
      const base = withLines([straddle], () => fill(from, absolute, limit));
      const choices: (Setting | undefined)[] = [undefined];
      if (withVariants) {
        for (const p of base.placed) {
          if (p.line !== 0 || (p.block === from.block && from.line > 0) || !(flow[p.block] as FlowParagraph).vary) continue;
          for (const delta of [-1, 1] as const) {
            const v = variant(p.block, delta);
            if (v) choices.push({ block: p.block, lines: v.lines, cost: v.cost, delta });
          }
        }
      }
      for (const varied of choices) {
        withLines([straddle, varied], () => {
          const f = varied ? fill(from, absolute, limit) : base;
          consider(f, limit, varied);
          if (breakRules(f, absolute).some((r) => RULE_COST[r] >= RULE_COST.orphan)) {
            const cut = shortened(f, from, absolute, limit);
            if (cut !== f) consider(cut, limit, varied);
          }
        });
      }
    }

    function consider(f: Fill, limit: number, varied: Setting | undefined): void {
      if (!f.end.carry && f.end.block === from.block && f.end.line === from.line && !from.carry && from.deferred === undefined && f.end.deferred === undefined && !atPageBreak(f)) return;
      const ends = finished(f) || atPageBreak(f);
      const rules = ends ? [] : breakRules(f, absolute);
      let cost = (node?.cost ?? 0) + (varied?.cost ?? 0);
      const bottom = ends ? f.used : bottomOf(f, limit);
      if (ends && !f.opener && f.placed.length > 0 && linesOn(f) < runtMin) rules.push('runt');
      if (!ends) {
        if (facing !== undefined) {
          if (Math.abs(bottom - facing) > 1e-9) rules.push('uneven spread');
        } else cost += SHORT_SPREAD_PER_LINE * Math.abs(linesPerPage - bottom);
      }
      for (const r of rules) cost += RULE_COST[r];
      const running = f.end.line > 0 ? (varied?.block === f.end.block ? varied : straddle?.block === f.end.block ? straddle : undefined) : undefined;
      add({ cost, previous: node, fill: f, limit, varied, straddle: running, facing: !recto && !ends ? bottom : NaN, rules });
    }
  };

  const linesOn = (f: Fill) => f.placed.reduce((n, p) => n + (flow[p.block] as FlowParagraph).height, 0);
  const keyOf = (n: Node) => `${n.fill.end.block}:${n.fill.end.line}:${n.fill.end.carry?.note ?? ''}:${n.fill.end.carry?.line ?? ''}:${n.fill.end.deferred ?? ''}:${n.straddle?.delta ?? 0}:${n.facing}`;

  /** The cheapest way to set the whole flow, page by page, keeping the best few ways to each point. */
  const search = (withVariants: boolean): Node | null => {
    let stage = new Map<string, Node>();
    const best: { node: Node | null } = { node: null };
    const consider = (n: Node) => {
      if (finished(n.fill)) {
        if (!best.node || n.cost < best.node.cost) best.node = n;
        return;
      }
      const key = keyOf(n);
      const known = stage.get(key);
      if (!known || n.cost < known.cost) stage.set(key, n);
    };
    expand(null, 0, withVariants, consider);
    for (let k = 1; stage.size > 0 && k < 1e6; k++) {
      const live = [...stage.values()].sort((a, b) => a.cost - b.cost).slice(0, BEAM);
      if (best.node && live[0]!.cost >= best.node.cost) break;
      stage = new Map();
      for (const node of live) expand(node, k, withVariants, consider);
    }
    return best.node;
  };

  // A flow set before (see flowName) is set on the same pages without a search.
  const name = memo ? flowName(flow, linesPerPage, footnotes, footnoteSkip, firstPage) : undefined;
  const known = name !== undefined ? memo!.get(name) : undefined;
  let path: PathPage[] | undefined = known?.pages;
  if (path?.some((p) => p.varied && !variant(p.varied.block, p.varied.delta))) path = undefined;
  if (!path) {
    // Pages that break no rule without any paragraph set again are the common case: only a flow
    // that cannot be set so is searched again with every paragraph's longer and shorter settings.
    let end = search(false);
    if (!end || end.cost > 0) {
      const varied = search(true);
      if (varied && (!end || varied.cost < end.cost)) end = varied;
    }
    const nodes: Node[] = [];
    for (let n: Node | null = end; n; n = n.previous) nodes.unshift(n);
    path = nodes.map((n) => ({ ...n.fill, limit: n.limit, rules: n.rules, ...(n.varied ? { varied: { block: n.varied.block, delta: n.varied.delta } } : {}) }));
    if (name !== undefined) memo!.set(name, { pages: path.map(({ placed, notes, foot, used, full, opener, bare, limit, rules, varied }) => ({ placed, notes, foot, used, full, opener, bare, limit, rules, varied })) });
  }
  for (const p of path) if (p.varied) (flow[p.varied.block] as FlowParagraph).lines = variant(p.varied.block, p.varied.delta)!.lines;
  const pages = path.map((p) => ({ fill: p as unknown as Fill, limit: p.limit, rules: p.rules as PageRule[], blank: p.placed.length === 0 && p.notes.length === 0 && !p.opener }));
  // A trailing page break leaves nothing behind.
  while (pages.length && pages.at(-1)!.fill.placed.length === 0 && pages.at(-1)!.fill.notes.length === 0 && !pages.at(-1)!.blank) pages.pop();
  return pages.map(({ fill: f, blank, limit, rules }) => {
    const page: Page = { lines: [], opener: f.opener, bare: f.bare ?? false, blank, full: f.full };
    if (rules.length > 0) page.rules = rules;
    for (const p of f.placed) {
      const element = flow[p.block] as FlowParagraph;
      page.lines.push({ line: linesOf(p.block)[p.line]!, x: element.x, height: element.height, top: p.top, starts: p.line === 0 ? element.source : undefined });
    }
    if (f.notes.length > 0) page.footnotes = placeFootnotes(f, limit);
    // On a page with notes, what is left over stands above their rule.
    else if (page.full) justifyVertically(page, f, limit);
    return page;
  });

  /** The page's notes, from the foot up: the last note line's baseline on the text block's last. */
  function placeFootnotes(f: Fill, limit: number): PlacedFootnotes {
    const lines: PlacedLine[] = [];
    let top = limit;
    for (let i = f.notes.length - 1; i >= 0; i--) {
      const c = f.notes[i]!;
      const line = footnotes[c.note]!.lines[c.line]!;
      top -= line.height;
      lines.unshift({ line: line.line, x: line.x, height: line.height, top });
      if (i > 0) top -= line.space;
    }
    return { lines, top, continued: f.notes[0]!.line > 0, notes: f.notes.map((c) => c.note) };
  }

  /** The last resort: move the offending lines to the next page, leaving this one short. */
  function shortened(f: Fill, from: Position, pageIndex: number, limit: number): Fill {
    const placed = f.placed;
    const last = placed[placed.length - 1]!;
    const element = flow[last.block] as FlowParagraph;
    let take = 0;
    if (!element.keepWithNext && last.line < element.lines.length - 1) {
      if (element.keepTogether && element.lines.length <= linesPerPage / 2) take = last.line + 1;
      else if (last.line === 0) take = 1;
      else if (element.lines.length - 1 - last.line === 1) take = last.line === 1 ? 2 : 1;
    }
    while (placed.length - take > 0 && (flow[placed[placed.length - 1 - take]!.block] as FlowParagraph).keepWithNext) take++;
    if (take === 0 || take >= placed.length) return f;
    const first = placed[placed.length - take]!;
    // Set again up to the first line that moves on, so the notes of the lines that move go with them.
    return { ...fill(from, pageIndex, limit, { block: first.block, line: first.line }), full: false };
  }
}

/** Where a page's text ends, in lines: a full page with less than a line to spare is justified to its height. */
function bottomOf(f: Fill, limit: number): number {
  if (f.foot > 0) return limit;
  return f.full && limit - f.used < 1 - 1e-9 && f.placed.some((p) => p.space > 0) ? limit : f.used;
}

/** Spreads a full page's leftover fraction of a line over its spaces, so facing pages end on the same baseline. */
function justifyVertically(page: Page, f: Fill, linesPerPage: number): void {
  const slack = linesPerPage - f.used;
  const gaps = f.placed.filter((p) => p.space > 0).length;
  if (slack <= 1e-9 || slack >= 1 || gaps === 0) return;
  let extra = 0;
  f.placed.forEach((p, i) => {
    if (p.space > 0) extra += slack / gaps;
    page.lines[i]!.top += extra;
  });
}
