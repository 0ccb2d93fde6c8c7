import type { SetLine } from './lines.ts';

/** What flows onto pages, top to bottom. Heights are in lines of the body's leading. */
export type FlowElement = FlowLine | FlowSpace | FlowPageBreak;

export interface FlowLine {
  kind: 'line';
  line: SetLine;
  /** Offset from the text block's left edge, in points. */
  x: number;
  height: number;
  /** Lines of one paragraph share a group; widows and orphans are judged within it. */
  group: number;
  index: number;
  count: number;
  /** A heading or title: never the last thing on a page. */
  keepWithNext: boolean;
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
  label?: string;
}

export interface PlacedLine {
  element: FlowLine;
  /** Lines from the top of the text block to the top of this line's slot. */
  top: number;
}

export interface Page {
  /** 0-based position in the document: even indices are rectos (right-hand pages). */
  lines: PlacedLine[];
  opener: boolean;
  blank: boolean;
  label?: string;
}

/**
 * Fills pages line by line. A paragraph never leaves its first line alone at a page's foot (orphan) or
 * its last line alone at the top (widow), and a heading never ends a page: such lines move on together,
 * and the page is left a line short.
 */
export function paginate(flow: readonly FlowElement[], linesPerPage: number, firstPageIndex = 0): Page[] {
  const pages: Page[] = [];
  let current: Page = { lines: [], opener: false, blank: false };
  let used = 0;
  let pendingSpace = 0;

  const pageIndex = () => firstPageIndex + pages.length;
  const finish = () => {
    pages.push(current);
    current = { lines: [], opener: false, blank: false };
    used = 0;
    pendingSpace = 0;
  };
  const place = (element: FlowLine) => {
    if (used > 0) used += pendingSpace;
    pendingSpace = 0;
    current.lines.push({ element, top: used });
    used += element.height;
  };
  /** Lines that must leave this page with the incoming one. */
  const carryOver = (incoming: FlowLine): FlowLine[] => {
    const lines = current.lines;
    let take = 0;
    const last = () => lines[lines.length - 1 - take]?.element;
    if (incoming.index > 0 && incoming.group === last()?.group) {
      if (incoming.index === 1) take = 1; // orphan
      else if (incoming.count - incoming.index === 1) take = incoming.index === 2 ? 2 : 1; // widow
    }
    while (last()?.keepWithNext) take++;
    if (take >= lines.length) return [];
    return lines.splice(lines.length - take, take).map((placed) => placed.element);
  };

  for (const element of flow) {
    if (element.kind === 'pageBreak') {
      if (current.lines.length > 0 || used > 0) finish();
      if (element.recto && pageIndex() % 2 === 1) {
        current.blank = true;
        finish();
      }
      current.opener = element.opener;
      current.label = element.label;
      continue;
    }
    if (element.kind === 'space') {
      if (used === 0 && current.lines.length === 0 && !element.keepAtTop) continue;
      if (element.keepAtTop && current.lines.length === 0) used += element.height;
      else pendingSpace += element.height;
      continue;
    }
    if (used + pendingSpace + element.height > linesPerPage + 1e-9 && current.lines.length > 0) {
      const moved = carryOver(element);
      finish();
      for (const line of moved) place(line);
    }
    place(element);
  }
  if (current.lines.length > 0) finish();
  return pages;
}
