import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Metadata } from '../../src/model/index.ts';
import { packageMetadataXml, type PackageFacts } from '../../src/epub/package-metadata.ts';

const m: Metadata = { title: 'The Tide Clock', authors: ['R. Weaver'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z', rights: 'cc-by-4.0' };
const facts = (extra: Partial<PackageFacts> = {}): PackageFacts => ({ hasCover: true, coverGenerated: true, hasPageList: false, images: 0, undescribedImages: 0, ...extra });

describe('package metadata', () => {
  it('names the print edition as the page list’s source (Ace: epub-pagesource)', () => {
    const xml = packageMetadataXml(m, facts({ hasPageList: true }));
    assert.match(xml, /<dc:source id="print-edition">The Tide Clock \(print edition\)<\/dc:source>/);
    assert.match(xml, /<meta refines="#print-edition" property="source-of">pagination<\/meta>/);
    assert.match(xml, /printPageNumbers/);
    assert.doesNotMatch(packageMetadataXml(m, facts()), /dc:source|source-of/);
  });
  it('states the rights and the licence address', () => {
    const xml = packageMetadataXml(m, facts());
    assert.match(xml, /<dc:rights>© 2024 R\. Weaver\. This work is licensed under the Creative Commons Attribution 4\.0 International License \(CC BY 4\.0\)\.<\/dc:rights>/);
    assert.match(xml, /<meta property="dcterms:license">https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/<\/meta>/);
  });
});
