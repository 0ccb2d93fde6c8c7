import type { SetLine } from './lines.ts';

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
  /** The paragraph set one line longer (+1) or shorter (-1), or null when it cannot be done well. */
  vary?: (delta: 1 | -1) => Variant | null;
  /** Where in the book it comes from: chapter and top-level block (-1 for the chapter title). */
  source?: { chapter: number; block: number };
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
}

/** A note's line still to be set, with the note's lines after it: what runs on from one page to the next. */
interface Carry {
  note: number;
  line: number;
}

interface Position {
  block: number;
  line: number;
  carry?: Carry;
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
 * Fills pages line by line. A paragraph never leaves its first line alone at a page's foot
 * (orphan) or its last line alone at the top (widow), a heading never ends a page, and a word is
 * not hyphenated across a leaf turn where that can be helped. Such breaks are mended first by
 * setting a paragraph on the page one line longer or shorter (the cheapest that works), and only
 * when no paragraph can give or take a line by moving lines on, leaving the page short.
 *
 * Notes (`footnotes`, indexed as the lines' `notes` name them) are placed with the lines that
 * refer to them, as TeX places inserts: a line goes on a page only if its notes start there too
 * (two lines of the last at least), a note that does not fit runs on at the top of the next page's
 * notes and no other starts before it ends, and the space above the notes is `footnoteSkip` lines.
 */
export function paginate(flow: FlowElement[], linesPerPage: number, footnotes: readonly FootnoteBody[] = [], footnoteSkip = 1): Page[] {
  // `flowing`: the page ends inside the text (full, or left short), not at a chapter's end.
  const pages: { fill: Fill; blank: boolean; flowing: boolean }[] = [];
  let start: Position = { block: 0, line: 0 };
  const variants = new Map<string, Variant | null>();

  const linesOf = (b: number) => (flow[b] as FlowParagraph).lines;

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
    const result = (end: Position, full: boolean): Fill => ({ placed, notes, foot, end: carry ? { ...end, carry } : end, used, full, opener, bare });
    for (; block < flow.length; block++, line = 0) {
      const element = flow[block]!;
      if (element.kind === 'pageBreak') {
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
    return result({ block, line: 0 }, false);

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

  /** How bad the page's last break is: 0 clean, 1 a hyphen across a leaf turn, 10 a widow, orphan or stranded heading. */
  const flaw = (f: Fill, pageIndex: number): number => {
    if (!f.full || f.placed.length === 0) return 0;
    const last = f.placed[f.placed.length - 1]!;
    const element = flow[last.block] as FlowParagraph;
    if (element.keepWithNext) return 10;
    const count = element.lines.length;
    const continues = last.line < count - 1;
    if (continues && element.keepTogether && count <= linesPerPage / 2) return 10; // a stanza broken
    if (continues && last.line === 0) return 10; // orphan
    if (continues && count - 1 - last.line === 1) return 10; // widow
    if (continues && pageIndex % 2 === 0 && element.lines[last.line]!.hyphenated) return 1;
    return 0;
  };

  const variant = (block: number, delta: 1 | -1): Variant | null => {
    const key = `${block}:${delta}`;
    if (!variants.has(key)) variants.set(key, (flow[block] as FlowParagraph).vary?.(delta) ?? null);
    return variants.get(key)!;
  };

  /** One page from `from`: filled to `limit`, its last break mended or, failing that, the page left short. */
  // While a spread is tried at another height, the paragraphs reset for it, to put back if it fails.
  let journal: { block: number; lines: SetLine[] }[] | null = null;
  const setPage = (from: Position, pageIndex: number, limit: number): { f: Fill; short: number | null } => {
    let f = fill(from, pageIndex, limit);
    let bad = flaw(f, pageIndex);
    if (bad > 0) {
      // Paragraphs that begin on this page may be set a line longer or shorter.
      let best: { block: number; lines: SetLine[]; cost: number; fill: Fill } | null = null;
      // Also the paragraph running over from the page before, as long as that page keeps its lines
      // and its own break stays clean.
      const straddling = from.line > 0 ? [{ block: from.block, line: 0 }] : [];
      for (const p of [...straddling, ...f.placed.filter((placed) => placed.line === 0)]) {
        const element = flow[p.block] as FlowParagraph;
        if (!element.vary) continue;
        for (const delta of [-1, 1] as const) {
          const v = variant(p.block, delta);
          if (!v) continue;
          if (p.block === from.block && from.line > 0) {
            const left = v.lines.length - from.line;
            if (left < 0 || left === 1 || (left > 0 && (pageIndex - 1) % 2 === 0 && v.lines[from.line - 1]!.hyphenated)) continue;
          }
          const original = element.lines;
          element.lines = v.lines;
          const trial = fill(from, pageIndex, limit);
          element.lines = original;
          const remaining = flaw(trial, pageIndex);
          if (remaining >= bad) continue;
          const cost = v.cost + remaining * 1e6;
          if (!best || cost < best.cost) best = { block: p.block, lines: v.lines, cost, fill: trial };
        }
      }
      if (best) {
        journal?.push({ block: best.block, lines: (flow[best.block] as FlowParagraph).lines });
        (flow[best.block] as FlowParagraph).lines = best.lines;
        variants.clear();
        f = best.fill;
        bad = flaw(f, pageIndex);
      }
    }
    if (bad < 10) return { f, short: null };
    const cut = shortened(f, from, pageIndex, limit);
    // A page with notes ends at its foot, where they are set, however short its text.
    return { f: cut, short: cut === f ? null : cut.foot > 0 ? limit : cut.used };
  };

  // A page left short makes its facing page as short where that breaks cleanly, so the spread
  // ends on one line. Page 0 is a right-hand page; a spread is an odd page and the even one after it.
  const limits = new Map<number, number>();
  const starts: Position[] = [];
  for (let guard = 0; (start.block < flow.length || start.carry) && guard < 1e7; guard++) {
    const pageIndex = pages.length;
    const limit = limits.get(pageIndex) ?? linesPerPage;
    let { f, short } = setPage(start, pageIndex, limit);
    if (short !== null && limit < linesPerPage) {
      // Matching the left-hand page would leave this one shorter still: better uneven than worse.
      limits.delete(pageIndex);
      ({ f, short } = setPage(start, pageIndex, linesPerPage));
    }
    const verso = pageIndex - 1;
    const facing = pages[verso];
    const flowing = f.full || short !== null;
    if (pageIndex % 2 === 0 && verso >= 1 && flowing && facing!.flowing && !facing!.fill.opener) {
      const versoBottom = bottomOf(facing!.fill, limits.get(verso) ?? linesPerPage);
      const rectoBottom = bottomOf(f, limits.get(pageIndex) ?? linesPerPage);
      if (Math.abs(versoBottom - rectoBottom) > 1e-9) {
        // The spread ends on two lines: set both pages again to the shorter one's height (or a
        // line less); keep that only if both then end cleanly on that line.
        const low = Math.min(versoBottom, rectoBottom);
        for (const height of [low, low - 1]) {
          journal = [];
          const again = setPage(starts[verso]!, verso, height);
          // Within a line of it is close enough: half-line spaces take up the rest.
          const retry = again.short === null && height - filled(again.f) < 1 - 1e-9 ? setPage(again.f.end, pageIndex, height) : null;
          const balanced = retry !== null && retry.short === null && (!retry.f.full || height - filled(retry.f) < 1 - 1e-9);
          if (!balanced) for (const entry of journal.reverse()) (flow[entry.block] as FlowParagraph).lines = entry.lines;
          journal = null;
          variants.clear();
          if (balanced) {
            limits.set(verso, height);
            limits.set(pageIndex, height);
            pages[verso] = { fill: again.f, blank: false, flowing: true };
            ({ f, short } = retry);
            start = again.f.end;
            break;
          }
        }
      }
    }
    if (short !== null && pageIndex % 2 === 1) limits.set(pageIndex + 1, short);
    pages.push({ fill: f, blank: f.placed.length === 0 && f.notes.length === 0 && !f.opener, flowing: f.full || short !== null });
    starts.push(start);
    start = f.end;
    if (f.placed.length === 0 && f.notes.length === 0 && !f.opener && start.block < flow.length && flow[start.block]!.kind !== 'pageBreak') {
      // A page with nothing on it that is not a blank verso before a chapter: should not happen.
      break;
    }
  }
  // A trailing page break leaves nothing behind.
  while (pages.length && pages.at(-1)!.fill.placed.length === 0 && pages.at(-1)!.fill.notes.length === 0 && !pages.at(-1)!.blank) pages.pop();
  // Lines are looked up only now: a paragraph running over a page may have been reset since.
  return pages.map(({ fill: f, blank }, index) => {
    const page: Page = { lines: [], opener: f.opener, bare: f.bare ?? false, blank, full: f.full };
    for (const p of f.placed) {
      const element = flow[p.block] as FlowParagraph;
      page.lines.push({ line: linesOf(p.block)[p.line]!, x: element.x, height: element.height, top: p.top, starts: p.line === 0 ? element.source : undefined });
    }
    const limit = limits.get(index) ?? linesPerPage;
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

/** What a page holds, text and notes, in lines. */
function filled(f: Fill): number {
  return f.used + f.foot;
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
