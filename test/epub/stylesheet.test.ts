import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STYLESHEET } from '../../src/epub/stylesheet.ts';

describe('the EPUB stylesheet', () => {
  it('does not indent a paragraph after a scene break or heading when a print page’s marker stands between them', () => {
    const rule = STYLESHEET.slice(0, STYLESHEET.indexOf('text-indent: 0;'));
    for (const selector of ['hr + p', 'hr + [role="doc-pagebreak"] + p', 'h1 + [role="doc-pagebreak"] + p', '[role="doc-pagebreak"]:first-child + p']) assert.ok(rule.includes(selector), selector);
  });
  it('turns emphasis roman inside italic dedications, epigraphs and subheadings', () => {
    assert.match(STYLESHEET, /\.dedication em, \.epigraph em,[^{]*h2 em[^{]*\{\s*font-style: normal;/);
  });
  it('sets the contents heading as every division’s and indents a part’s chapters', () => {
    assert.match(STYLESHEET, /nav#toc > h1 \{\s*font-size: 1\.4em;\s*font-weight: normal;\s*text-align: center;/);
    assert.match(STYLESHEET, /nav#toc ol ol \{\s*padding-left: 1\.5em;/);
  });
});
