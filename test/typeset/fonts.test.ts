import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as fontkit from 'fontkit';
import { BASE_STYLES, bundledFontFiles, FontSet, type FontkitGlyphRun } from '../../src/typeset/fonts.ts';
import { SHARED } from '../helpers/tools.ts';

const files = bundledFontFiles();
const faces = FontSet.load(files);

/** Every distinct word of a corpus book, as the typesetter meets them (punctuation attached). */
function corpusWords(): string[] {
  const dir = path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles');
  const texts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|txt)$/.test(f) && !/README/i.test(f));
  const words = new Set<string>();
  for (const file of texts) for (const word of readFileSync(path.join(dir, file), 'utf8').split(/\s+/)) if (word) words.add(word);
  // Typographic characters the normalizer produces, and some ligature and kerning cases.
  for (const word of ['“Well,”', '‘Tis', 'office', 'affluent', 'fly', 'Ta', 'AVAVA', 'Yo.', 'naïve', 'café—', '1894…']) words.add(word);
  return [...words];
}

describe('pair shaping', () => {
  const words = corpusWords();
  for (const style of BASE_STYLES) {
    it(`gives exactly fontkit's glyphs and advances for every word it takes on (${style})`, () => {
      const face = faces.face(style);
      const reference = fontkit.create(readFileSync(files[style])) as unknown as { layout(text: string): FontkitGlyphRun };
      let taken = 0;
      for (const word of words) {
        const fast = face.pairShape(word);
        if (!fast) continue;
        taken++;
        const full = reference.layout(word);
        assert.deepEqual(fast.glyphs.map((g) => g.id), full.glyphs.map((g) => g.id), word);
        assert.deepEqual(fast.positions.map((p) => p.xAdvance), full.positions.map((p) => p.xAdvance), word);
      }
      // The code face's contextual alternates put most words through full shaping: right, if slower.
      if (style !== 'mono') assert.ok(taken > words.length * 0.7, `pair shaping took ${taken} of ${words.length} words`);
    });
  }

  it('leaves ligatures to full shaping', () => {
    const face = faces.face('regular');
    assert.equal(face.pairShape('office'), null);
    assert.equal(face.width('office') > 0, true);
  });
});


describe("a face's news for the PDF thread", () => {
  it('tells each shaping once, and the face that hears it draws the words with fontkit never asked', () => {
    const typesetting = FontSet.load(files).face('italic');
    typesetting.width('Quixotic');
    typesetting.width('office');
    const first = typesetting.news();
    assert.ok(first && first.glyphs.length > 0 && first.kerns.length > 0, 'glyphs and pair kerns measured so far');
    assert.equal(typesetting.news(), undefined, 'nothing new since');
    typesetting.width('Quixotic office');
    const second = typesetting.news()!;
    assert.ok(second.kerns.length > 0 && second.kerns.every(([pair]) => !first.kerns.some(([told]) => told === pair)), 'only the pairs not told before');

    const drawing = FontSet.load(files).face('italic');
    drawing.hear(first);
    drawing.hear(second);
    assert.equal(drawing.learnedSomething, false, 'what it heard is not its own to remember');
    for (const word of ['Quixotic', 'office', 'Quixotic office']) {
      assert.deepEqual(drawing.shapeWord(word).glyphs.map((g) => g.id), typesetting.shapeWord(word).glyphs.map((g) => g.id), word);
    }
    assert.equal(drawing.learnedSomething, false, 'every glyph and pair was heard: fontkit shaped nothing');
  });

  it('tells nothing that a recalled memory already holds (the PDF thread recalls the same file)', () => {
    const earlier = FontSet.load(files).face('regular');
    earlier.width('Baskerville');
    const memory = earlier.remember();
    const face = FontSet.load(files).face('regular');
    face.recall(memory);
    assert.equal(face.news(), undefined);
    face.width('Holmes');
    assert.ok(face.news()!.kerns.length > 0);
  });
});
