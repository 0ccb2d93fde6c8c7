import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Warning } from '../../src/errors.ts';
import { BookError } from '../../src/errors.ts';
import { ImageLibrary } from '../../src/manuscript/images.ts';
import { parseMarkdownChapter } from '../../src/manuscript/markdown.ts';
import { pngImage } from '../helpers/images.ts';
import { tempDir } from '../helpers/tools.ts';

function book(): { dir: string; chapter: string; library: ImageLibrary; warnings: Warning[] } {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'manuscript/art'), { recursive: true });
  writeFileSync(path.join(dir, 'manuscript/art/map.png'), pngImage(300, 200));
  writeFileSync(path.join(dir, 'manuscript/art/not-an-image.png'), 'hello');
  const warnings: Warning[] = [];
  return { dir, chapter: path.join(dir, 'manuscript/01.md'), library: new ImageLibrary(dir, warnings), warnings };
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof BookError, String(error));
    assert.doesNotMatch(error.message, /\n/);
    return error.message;
  }
  assert.fail('expected a BookError');
}

describe('illustrations in Markdown', () => {
  it('become figures with alt text, caption, size and one id per file', () => {
    const { chapter, library, warnings } = book();
    const parsed = parseMarkdownChapter('# One\n\nText before ![The valley](art/map.png "Map of the valley") text after.\n\n![Again](art/map.png)\n', library.resolverFor(chapter));
    assert.deepEqual(parsed.blocks.map((b) => b.kind), ['paragraph', 'figure', 'paragraph', 'figure']);
    const figure = parsed.blocks[1]!;
    assert.ok(figure.kind === 'figure');
    assert.equal(figure.alt, 'The valley');
    assert.deepEqual(figure.caption, [{ kind: 'text', value: 'Map of the valley' }]);
    assert.deepEqual([figure.image.id, figure.image.mediaType, figure.image.width, figure.image.height], ['img-1', 'image/png', 300, 200]);
    const again = parsed.blocks[3]!;
    assert.ok(again.kind === 'figure' && again.image === figure.image, 'the same file is read once');
    assert.deepEqual(warnings, []);
  });

  it('warn about an image without alt text, naming file and line', () => {
    const { chapter, library, warnings } = book();
    parseMarkdownChapter('# One\n\nText.\n\n![](art/map.png)\n', library.resolverFor(chapter));
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.location, 'line 5');
    assert.match(warnings[0]!.message, /image "art\/map.png" has no alt text/);
  });

  it('refuse missing, remote, outside and non-image files with the chapter and line', () => {
    const { dir, chapter, library } = book();
    const parse = (markdown: string) => () => parseMarkdownChapter(`# One\n\n${markdown}\n`, library.resolverFor(chapter));
    assert.match(failure(parse('![x](art/missing.png)')), /01\.md: line 3: image "art\/missing.png" does not exist/);
    assert.match(failure(parse('![x](https://example.org/a.png)')), /line 3: image "https:\/\/example.org\/a.png" is not a file in the book \(a build never downloads\)/);
    assert.match(failure(parse('![x](../../outside.png)')), /line 3: image "..\/..\/outside.png" is outside the book's folder/);
    assert.match(failure(parse('![x](art/not-an-image.png)')), /not-an-image.png: is not a JPEG or PNG image/);
    writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.png`), pngImage(2, 2));
    symlinkSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.png`), path.join(dir, 'manuscript/art/link.png'));
    assert.match(failure(parse('![x](art/link.png)')), /image "art\/link.png" (is|leads) outside the book's folder/);
  });
});
