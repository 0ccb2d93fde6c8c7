import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BookError } from '../../src/errors.ts';
import { parseChapterSource } from '../../src/manuscript/chapter-source.ts';
import type { Book } from '../../src/model/index.ts';
import { normalizeBook } from '../../src/normalize/index.ts';
import { PROPERTY_SEED } from '../helpers/tools.ts';

// Reading a chapter and fixing its typography must take time in proportion to its length, whatever
// it holds: no syntax may make a phase quadratic. Times are never compared with a clock, only with
// each other on this machine in this test: a text eight times as long (linear: eight times the
// time; quadratic: sixty-four) may take at most BUDGET times as long as the shorter one, plus BUDGET
// times what plain prose of the longer length takes (room for a shared machine's noise).
const BUDGET = 16;
const SHORT = 6000;
const LONG = 8 * SHORT;

/** The chapter read and normalized, as a build does; a refusal (a BookError) is an answer too. */
function read(source: string): void {
  try {
    const chapters = parseChapterSource(source, 'chapter.md').map((parsed, i) => ({ id: `ch${i}`, role: 'chapter' as const, matter: 'body' as const, title: parsed.title ?? [], blocks: parsed.blocks, source: 'chapter.md' }));
    const book: Book = { metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' }, chapters };
    normalizeBook(book, { quotes: true, dashes: true, ellipses: true, spaces: true });
  } catch (error) {
    if (!(error instanceof BookError)) throw error;
  }
}

/** The least of three timings, in milliseconds: the machine is shared. */
function timed(source: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    read(source);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const repeated = (unit: string, length: number) => `# T\n\n${unit.repeat(Math.ceil(length / unit.length))}\n`;
const PROSE = 'The fishmonger\'s shutters went up at seven, and "by eight" the square was full -- of crates. ';
const prose = timed(repeated(PROSE, LONG));

function assertLinear(unit: string): void {
  const short = timed(repeated(unit, SHORT));
  const long = timed(repeated(unit, LONG));
  assert.ok(long <= BUDGET * (short + prose), `${JSON.stringify(unit)}: ${long.toFixed(1)} ms at ${LONG} characters against ${short.toFixed(1)} ms at ${SHORT} (prose: ${prose.toFixed(1)} ms)`);
}

// Pieces of every syntax the reader knows, and of what the normalizer rewrites.
const TOKENS = ['[', ']', '(', ')', '![', '[^', '^[', '[[', ']]', '*', '**', '_', '__', '`', '``', '~', '~~', '^', '<', '>', '<span>', '</span>', '<!--', '-->', '\\', '&#', '&amp;', '|', '{', '}', ':::', '%%', '"', "'", '--', '...', '. ', ' ', 'a', 'word', '\n', '\n\n', '- ', '1. ', '# ', '> ', 'www.', 'https://', '@'];

describe('reading time in proportion to the text', () => {
  it('for the repeated pieces that once made the parser quadratic', () => {
    for (const unit of ['[', 'a]', '*a', '[^', '^[a', '![[', '[[a', '[a](', '![a](', '_a ', '~~a ', '\\', '<a ', '&#', '"a ', '--- ', '....']) assertLinear(unit);
  });

  it('for any repeated run of syntax (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')), (unit) => assertLinear(unit)),
      { numRuns: 30, ...PROPERTY_SEED },
    );
  });

  it('for emphasis nested ten thousand deep and three thousand code spans of growing backtick runs', () => {
    let nested = 'x';
    for (let i = 0; i < 10_000; i++) nested = `${i % 2 ? '_' : '*'}w ${nested} w${i % 2 ? '_' : '*'}`;
    const backticks = Array.from({ length: 3000 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(' ');
    for (const text of [nested, backticks]) {
      const source = `# T\n\n${text}\n`;
      const baseline = timed(repeated(PROSE, source.length));
      const took = timed(source);
      assert.ok(took <= BUDGET * baseline + BUDGET * prose, `${took.toFixed(0)} ms for ${source.length} characters; prose of that length ${baseline.toFixed(0)} ms`);
    }
  });
});
