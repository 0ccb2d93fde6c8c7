import type { Inline } from '../model/index.ts';
import type { FontSet, Style } from './fonts.ts';
import type { Hyphenator } from './hyphenate.ts';
import { box, FIL, glue, INFINITE_PENALTY, noteBox, penalty, type Item } from './items.ts';
import type { WordCache } from './word-cache.ts';
import { decorate, scriptText, STRIKE, undecorateMissing, unscriptMissing } from './scripts.ts';

const SCRIPT_CHAR = /[\u2070-\u209F\u1D00-\u1DBF\u02B0-\u02FF\u00B9\u00B2\u00B3\u0336]/;

export interface ParagraphSetting {
  fonts: FontSet;
  size: number;
  hyphenate: Hyphenator;
  /** First-line indent, in points. */
  indent: number;
  /** How many words open in small capitals (a chapter's first paragraph). */
  smallCapsWords: number;
  /** Interword stretch and shrink as fractions of the space. */
  spaceStretch: number;
  spaceShrink: number;
  /** TeX's \hyphenpenalty and \exhyphenpenalty. */
  hyphenPenalty: number;
  explicitHyphenPenalty: number;
  /** Hyphenating a paragraph's last word. */
  lastWordHyphenPenalty: number;
  /** Widest a box may be before it is cut (a "word" wider than the line). */
  lineWidth: number;
  /** Hang punctuation into the margins (optical margin alignment); off for inset blocks. */
  hangingPunctuation: boolean;
  /** Told once per character no face has. */
  missingGlyph: (char: string) => void;
  /** Told of a word wider than the line, which is cut without a hyphen. */
  wordTooWide?: (word: string) => void;
  /** Items of words already set with this setting: novels repeat their words, and items are never changed. */
  wordCache?: WordCache;
}

/** The book's spacing and hyphenation penalties (TeX's, with a dearer hyphen in a paragraph's last word): the text's, and any other justified text of the book's (the print cover's back). */
export const BOOK_JUSTIFICATION = {
  spaceStretch: 1 / 2,
  spaceShrink: 1 / 3,
  hyphenPenalty: 50,
  explicitHyphenPenalty: 50,
  lastWordHyphenPenalty: 1000,
} as const satisfies Partial<ParagraphSetting>;

// Optical margin alignment: how much of a character's width may hang into the margin when it
// ends (right) or starts (left) a line, after pdfTeX's microtype defaults, capped at 0.2 em.
const HANG_RIGHT: Record<string, number> = { '.': 0.7, ',': 0.7, '-': 0.7, '‐': 0.7, '’': 0.6, '”': 0.5, '"': 0.5, "'": 0.6, ';': 0.3, ':': 0.3, '!': 0.2, '?': 0.2, '…': 0.3, '—': 0.2, '–': 0.3, '»': 0.4, '›': 0.4, '“': 0.5 };
const HANG_LEFT: Record<string, number> = { '“': 0.5, '‘': 0.6, '"': 0.5, "'": 0.6, '„': 0.5, '‚': 0.6, '«': 0.4, '‹': 0.4, '(': 0.1, '—': 0.2 };
const MAX_HANG = 0.2;

function hang(table: Record<string, number>, char: string | undefined, width: (c: string) => number, enabled: boolean): number {
  const share = char === undefined || !enabled ? undefined : table[char];
  return share === undefined ? 0 : Math.min(share * width(char!), MAX_HANG);
}

export interface Piece {
  text: string;
  style: Style;
  /** Set in small capitals (a span the author marked so). */
  smallCaps?: true;
  /** A note's mark: the note's index among its division's. */
  note?: number;
}

/** A note's mark as set, and the index of the note among its division's; undefined for a note not set. */
export type NoteMarks = (id: string) => { mark: string; note: number } | undefined;

/**
 * Pieces cut where the face that draws them changes: text the style's face has no glyphs for goes
 * to the first fallback face that has them (see FontSet.segments).
 */
export function inFaces<P extends { text: string; style: Style }>(pieces: readonly (P | 'break')[], fonts: FontSet, missing?: (char: string) => void): (P | 'break')[] {
  const out: (P | 'break')[] = [];
  for (const piece of pieces) {
    // A note's mark stays one piece: it is one box.
    if (piece === 'break' || (piece as { note?: number }).note !== undefined) {
      out.push(piece);
      continue;
    }
    const segments = fonts.segments(piece.text, piece.style);
    if (missing) for (const segment of segments) if (segment.missing) for (const char of segment.text) if (!/\s/.test(char)) missing(char);
    if (segments.length === 1 && segments[0]!.style === piece.style) out.push(piece);
    else for (const segment of segments) out.push({ ...piece, text: segment.text, style: segment.style });
  }
  return out;
}

/** Inline content as styled runs of text: emphasis is italic, strong is bold; notes as their marks. */
export function styledPieces(inlines: readonly Inline[], style: Style = 'regular', out: (Piece | 'break')[] = [], smallCaps = false, marks?: NoteMarks): (Piece | 'break')[] {
  for (const node of inlines) {
    switch (node.kind) {
      case 'noteRef': {
        const found = marks?.(node.id);
        // Two marks side by side would read as one number.
        if (found && typeof out.at(-1) === 'object' && (out.at(-1) as Piece).note !== undefined) out.push({ text: '\u202F', style });
        if (found) out.push({ text: scriptText(found.mark, 'superscript'), style, note: found.note });
        break;
      }
      case 'text':
      case 'literal':
        out.push(smallCaps ? { text: node.value, style, smallCaps } : { text: node.value, style });
        break;
      case 'code':
        out.push({ text: node.value, style: 'mono' });
        break;
      case 'lineBreak':
        out.push('break');
        break;
      case 'emphasis':
        styledPieces(node.children, style === 'bold' || style === 'boldItalic' ? 'boldItalic' : 'italic', out, smallCaps, marks);
        break;
      case 'strong':
        styledPieces(node.children, style === 'italic' || style === 'boldItalic' ? 'boldItalic' : 'bold', out, smallCaps, marks);
        break;
      case 'styled':
        if (node.style === 'superscript' || node.style === 'subscript') {
          const pieces = styledPieces(node.children, style, [], smallCaps, marks);
          for (const piece of pieces) out.push(piece === 'break' ? piece : { ...piece, text: scriptText(piece.text, node.style) });
        } else if (node.style === 'strikethrough') {
          for (const piece of styledPieces(node.children, style, [], smallCaps, marks)) out.push(piece === 'break' ? piece : { ...piece, text: decorate(piece.text, STRIKE) });
        } else if (node.style === 'underline') {
          // Underlining in a manuscript marks italics (Chicago 2.9.1): a printed book sets it so.
          styledPieces(node.children, style === 'bold' || style === 'boldItalic' ? 'boldItalic' : 'italic', out, smallCaps, marks);
        } else styledPieces(node.children, style, out, smallCaps || node.style === 'smallCaps', marks);
        break;
      // Links and spans print as their words in the style around them.
      case 'link':
      case 'span':
        styledPieces(node.children, style, out, smallCaps, marks);
        break;
    }
  }
  return out;
}

// Fixed spaces are set as blank boxes, never as characters: pdfkit widens every space-like
// character in a run by the line's word spacing, and a face may lack them. Widths in ems;
// a no-break space takes the face's own word space.
const FIXED_SPACES: Record<string, number> = { '\u202F': 0.12, '\u2009': 0.16, '\u200A': 0.08, '\u2008': 0.2, '\u2007': 0.5, '\u2002': 0.5, '\u2003': 1, '\u2004': 0.33, '\u2005': 0.25, '\u2006': 0.16 };
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const hasFixedSpace = (text: string) => /[\u00A0\u2002-\u200A\u202F]/.test(text);

/** Where a word may break, as [offset after which to break, hyphen drawn?], by word. */
export type BreakOpportunities = Map<string, [number, boolean][]>;

const opportunityTables = new Map<string, BreakOpportunities>();
const opportunitySources = new Map<string, () => Iterable<[string, [number, boolean][]]>>();
const NO_BREAKS: [number, boolean][] = [];

/** The break opportunities found so far with hyphenators of this key (see Hyphenator.key): to remember between builds. */
export function breakOpportunityTable(key: string): BreakOpportunities {
  let table = opportunityTables.get(key);
  if (!table) opportunityTables.set(key, (table = new Map()));
  const source = opportunitySources.get(key);
  if (source) {
    opportunitySources.delete(key);
    for (const [word, breaks] of source()) table.set(word, breaks);
  }
  return table;
}

/** The words each table found since it was last taken, by key. */
const grownTables = new Map<string, string[]>();

/** The table of this key and the words it found since the last call, if any: to be remembered again. */
export function takeGrownBreakOpportunityTable(key: string): { table: BreakOpportunities; found: string[] } | undefined {
  const found = grownTables.get(key);
  if (!found) return undefined;
  grownTables.delete(key);
  return { table: breakOpportunityTable(key), found };
}

/** Where earlier builds' break opportunities for this key are, read only if a word is looked up. */
export function rememberedBreakOpportunities(key: string, load: () => Iterable<[string, [number, boolean][]]>): void {
  opportunitySources.set(key, load);
}

/** Word-internal places a line may end, cached per hyphenation setting and word: words repeat. */
function breakOpportunities(word: string, hyphenate: Hyphenator): [number, boolean][] {
  const cache = breakOpportunityTable(hyphenate.key);
  let found = cache.get(word);
  if (!found) {
    // No real word is a hundred letters long: such a run is cut where it must be, not hyphenated.
    found = ADDRESS.test(word) ? addressBreaks(word) : word.length < 4 || word.length > 100 ? NO_BREAKS : findBreakOpportunities(word, hyphenate);
    cache.set(word, found);
    let grown = grownTables.get(hyphenate.key);
    if (!grown) grownTables.set(hyphenate.key, (grown = []));
    grown.push(word);
  }
  return found;
}

// A web or mail address: broken after its separators, never hyphenated (a hyphen would read as part of it).
const ADDRESS = /^[(<\[“"‘']*(?:[a-z][\w+.-]*:\/\/|www\.|[\w.+-]+@[\w-]+\.)/i;

function addressBreaks(word: string): [number, boolean][] {
  const out: [number, boolean][] = [];
  for (let i = 2; i < word.length - 2; i++) {
    const c = word[i]!;
    if ('/.-?&=_#@'.includes(c) && !'/'.includes(word[i + 1]!)) out.push([i + 1, false]);
  }
  return out;
}

/** Word-internal places a line may end, as [offset after which to break, hyphen drawn?]. */
function findBreakOpportunities(word: string, hyphenate: Hyphenator): [number, boolean][] {
  const out: [number, boolean][] = [];
  const letterRun = /\p{L}+/gu;
  for (const match of word.matchAll(letterRun)) {
    // A run glued to an apostrophe ("don’t") or a digit is not hyphenated inside.
    const before = word[match.index - 1];
    const after = word[match.index + match[0].length];
    if ((before && /[’'\d]/.test(before)) || (after && /[’'\d]/.test(after))) continue;
    for (const at of hyphenate(match[0])) out.push([match.index + at, true]);
  }
  for (let i = 1; i < word.length - 1; i++) {
    const c = word[i]!;
    if ((c === '-' || c === '–') && /\p{L}/u.test(word[i - 1]!) && /\p{L}/u.test(word[i + 1]!)) out.push([i + 1, false]);
    else if ((c === '—' || c === '⸺' || c === '⸻') && /[\p{L}\p{N}”’»)]/u.test(word[i - 1]!) && word[i + 1] !== '—') out.push([i + 1, false]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

const HAS_ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10;

/** A note's mark, set as a box of its own against the word before it. */
interface MarkToken {
  mark: Piece & { note: number };
}

/** Words as maximal runs of non-space text, each a list of styled pieces; null stands for a space. */
function wordTokens(pieces: readonly (Piece | 'break')[]): (Piece[] | null | 'break' | MarkToken)[] {
  const tokens: (Piece[] | null | 'break' | MarkToken)[] = [];
  let word: Piece[] = [];
  const endWord = () => {
    if (word.length) tokens.push(word);
    word = [];
  };
  for (const piece of pieces) {
    if (piece === 'break') {
      endWord();
      tokens.push('break');
      continue;
    }
    if (piece.note !== undefined) {
      endWord();
      tokens.push({ mark: piece as MarkToken['mark'] });
      continue;
    }
    const text = HAS_ZERO_WIDTH.test(piece.text) ? piece.text.replace(ZERO_WIDTH, '') : piece.text;
    let i = 0;
    while (i < text.length) {
      let j = i;
      if (isSpace(text.charCodeAt(i))) {
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        endWord();
        if (tokens.at(-1) !== null) tokens.push(null);
      } else {
        while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
        word.push(piece.smallCaps ? { text: text.slice(i, j), style: piece.style, smallCaps: true } : { text: text.slice(i, j), style: piece.style });
      }
      i = j;
    }
  }
  endWord();
  return tokens;
}

/** The Knuth–Plass items of a paragraph. */
export function paragraphItems(inlines: readonly Inline[], s: ParagraphSetting, marks?: NoteMarks): Item[] {
  const items: Item[] = [];
  if (s.indent > 0) items.push(box(s.indent, '', 'regular'));
  const pieces = styledPieces(inlines, 'regular', [], false, marks).map((piece) => (piece === 'break' || !SCRIPT_CHAR.test(piece.text) ? piece : { ...piece, text: undecorateMissing(unscriptMissing(piece.text, (c) => s.fonts.covers(c, piece.style)), (c) => s.fonts.covers(c, piece.style)) }));
  const tokens = wordTokens(inFaces(pieces, s.fonts));
  let lastWordAt = -1;
  for (let t = 0; t < tokens.length; t++) if (Array.isArray(tokens[t])) lastWordAt = t;
  // Spaces of one face are all alike: one glue item each serves the whole paragraph.
  const spaces = new Map<Style, Item>();

  let smallCapsLeft = s.smallCapsWords;
  let lastStyle: Style = 'regular';
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token === 'break') {
      items.push(glue(0, FIL, 0, lastStyle), penalty(0, -INFINITE_PENALTY, false));
      continue;
    }
    if (token !== null && 'mark' in token) {
      const { text, style, note } = token.mark;
      for (const char of text) if (!s.fonts.face(style).has(char)) s.missingGlyph(char);
      items.push(noteBox(s.fonts.face(style).width(text) * s.size, text, style, note));
      continue;
    }
    if (token === null) {
      if (items.length === 0 || t === tokens.length - 1 || items[items.length - 1]!.type !== 'box') continue;
      let space = spaces.get(lastStyle);
      if (!space) {
        const width = s.fonts.face(lastStyle).width(' ') * s.size;
        spaces.set(lastStyle, (space = glue(width, width * s.spaceStretch, width * s.spaceShrink, lastStyle)));
      }
      items.push(space);
      continue;
    }
    const opening = smallCapsLeft > 0;
    if (opening) smallCapsLeft--;
    // A word in a small-caps span (its punctuation may stand outside the span).
    const smallCaps = opening || (token.some((piece) => piece.smallCaps) && token.every((piece) => piece.smallCaps || !/\p{L}/u.test(piece.text)));
    // The paragraph's last word is hyphenated only where nothing else sets well: a fragment alone
    // on the last line reads badly.
    addCachedWord(items, token, smallCaps, t === lastWordAt, s);
    lastStyle = token[token.length - 1]!.style;
  }
  items.push(penalty(0, INFINITE_PENALTY, false), glue(0, FIL, 0, lastStyle), penalty(0, -INFINITE_PENALTY, true));
  return items;
}

function addCachedWord(items: Item[], pieces: Piece[], smallCaps: boolean, lastWord: boolean, s: ParagraphSetting): void {
  const setting = lastWord ? { ...s, hyphenPenalty: s.lastWordHyphenPenalty } : s;
  if (!s.wordCache) {
    addWord(items, pieces, smallCaps, setting);
    return;
  }
  let cached = s.wordCache.get(pieces, lastWord, smallCaps);
  if (!cached) {
    cached = [];
    let tellAgain = false;
    addWord(cached, pieces, smallCaps, {
      ...setting,
      missingGlyph: (char) => ((tellAgain = true), s.missingGlyph(char)),
      wordTooWide: (word) => ((tellAgain = true), s.wordTooWide?.(word)),
    });
    // Words with characters the face lacks, or too wide to set whole, are set afresh each time:
    // each chapter (and each later build) hears of them.
    if (!tellAgain) s.wordCache.set(pieces, lastWord, cached, smallCaps);
  }
  for (let i = 0; i < cached.length; i++) items.push(cached[i]!);
}

function addWord(items: Item[], pieces: Piece[], smallCaps: boolean, s: ParagraphSetting): void {
  const text = pieces.map((p) => p.text).join('');
  const styleAt: Style[] = [];
  for (const p of pieces) for (let i = 0; i < p.text.length; i++) styleAt.push(p.style);
  const breaks = breakOpportunities(text, s.hyphenate);
  let start = 0;
  const cuts = [...breaks, [text.length, false] as [number, boolean]];
  for (const [end, hyphen] of cuts) {
    if (end <= start) continue;
    addSyllable(items, text, styleAt, start, end, smallCaps, s);
    if (end < text.length) {
      const style = styleAt[end - 1]!;
      const face = s.fonts.face(style);
      // The rest of a one-face word is shaped alone when it starts a line: note the difference.
      const rest = text.slice(end);
      const oneFace = !smallCaps && styleAt.every((st) => st === style);
      // Kerning sits on the glyph before a pair, so a rest measured inside the word is the rest
      // alone, unless a ligature spans the break.
      const inside = oneFace && !Number.isNaN(face.prefixWidths(text)[end]!);
      const restCorrection = oneFace && !inside ? (face.width(rest) - (face.width(text) - face.width(text.slice(0, end)))) * s.size : 0;
      const hyphenHang = hang(HANG_RIGHT, '-', (c) => face.width(c), s.hangingPunctuation) * s.size;
      items.push(hyphen ? penalty(face.width('-') * s.size, s.hyphenPenalty, true, '-', style, hyphenHang, restCorrection) : penalty(0, s.explicitHyphenPenalty, true, '', style, 0, restCorrection));
    }
    start = end;
  }
}

/** Boxes for text[start, end): one per style run, widths taken as differences of prefix widths so kerning and ligatures inside the word count. */
function addSyllable(items: Item[], word: string, styleAt: readonly Style[], start: number, end: number, smallCaps: boolean, s: ParagraphSetting): void {
  let runStart = start;
  while (runStart < end) {
    const style = styleAt[runStart]!;
    let runEnd = runStart + 1;
    while (runEnd < end && styleAt[runEnd] === style) runEnd++;
    // The style run of the whole word this piece belongs to, for prefix measuring.
    let wordRunStart = runStart;
    while (wordRunStart > 0 && styleAt[wordRunStart - 1] === style) wordRunStart--;
    let wordRunEnd = runEnd;
    while (wordRunEnd < word.length && styleAt[wordRunEnd] === style) wordRunEnd++;
    pushMeasured(items, word.slice(wordRunStart, runStart), word.slice(runStart, runEnd), style, smallCaps, s, word.slice(wordRunStart, wordRunEnd));
    runStart = runEnd;
  }
}

function pushMeasured(items: Item[], before: string, text: string, style: Style, smallCaps: boolean, s: ParagraphSetting, wholeRun = before + text): void {
  const face = s.fonts.face(style);
  // The common case, one shaping of the whole run measures every piece of it.
  const plain = !smallCaps && text.length <= 400 && !hasFixedSpace(text);
  // Characters the face lacks: fixed spaces become spacers, others are reported.
  let chunk = '';
  let chunkBefore = before;
  const flush = () => {
    if (!chunk) return;
    // Far longer than any line can hold: cut it without shaping it whole.
    if (chunk.length > 400) {
      cutWideBox(items, chunk, style, smallCaps, s);
      chunkBefore += chunk;
      chunk = '';
      return;
    }
    const measure = (t: string) => (smallCaps && face.hasSmallCaps ? face.smallCapsWidth(t) : face.width(t));
    const width = (plain ? face.widthWithin(wholeRun, before.length, before.length + text.length) : measure(chunkBefore + chunk) - (chunkBefore ? measure(chunkBefore) : 0)) * s.size;
    if (width > s.lineWidth) cutWideBox(items, chunk, style, smallCaps, s);
    else {
      const glyphWidth = (c: string) => face.width(c);
      items.push(box(width, chunk, style, smallCaps, hang(HANG_LEFT, chunk[0], glyphWidth, s.hangingPunctuation) * s.size, hang(HANG_RIGHT, chunk.at(-1), glyphWidth, s.hangingPunctuation) * s.size));
    }
    chunkBefore += chunk;
    chunk = '';
  };
  for (const char of text) {
    const fixed = char === '\u00A0' ? face.width(' ') : FIXED_SPACES[char];
    if (fixed !== undefined) {
      flush();
      items.push(box(fixed * s.size, '', style));
      chunkBefore = '';
      continue;
    }
    if (!face.has(char)) s.missingGlyph(char);
    chunk += char;
  }
  flush();
}

/**
 * A "word" wider than the line (a URL, a run of letters without spaces) is cut where it must be.
 * Widths are summed per character: exact shaping of a megabyte-long word would take minutes.
 */
function cutWideBox(items: Item[], text: string, style: Style, smallCaps: boolean, s: ParagraphSetting): void {
  const face = s.fonts.face(style);
  const limit = s.lineWidth * 0.95;
  s.wordTooWide?.(text);
  let piece = '';
  let width = 0;
  for (const char of text) {
    const advance = face.width(char) * s.size;
    if (piece && width + advance > limit) {
      items.push(box(width, piece, style, smallCaps), penalty(0, 5000, false, '', style));
      piece = '';
      width = 0;
    }
    piece += char;
    width += advance;
  }
  if (piece) items.push(box(width, piece, style, smallCaps));
}
