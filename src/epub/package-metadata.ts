import { rightsStatement } from '../model/credits.ts';
import type { Metadata } from '../model/index.ts';
import { escapeXml } from './xhtml.ts';

export interface PackageFacts {
  hasCover: boolean;
  /** The cover was drawn by us from the title and author, not supplied. */
  coverGenerated: boolean;
  hasPageList: boolean;
  /** Illustrations in the text, and how many of them have no text alternative. */
  images: number;
  undescribedImages: number;
}

/** The OPF <metadata> children: Dublin Core, refinements, series, and EPUB Accessibility 1.1 facts. */
export function packageMetadataXml(m: Metadata, facts: PackageFacts): string {
  const lines: string[] = [];
  const add = (line: string) => lines.push(`    ${line}`);
  add(`<dc:identifier id="book-id">${escapeXml(m.identifier)}</dc:identifier>`);
  if (m.identifier.startsWith('urn:isbn:')) {
    // ONIX code list 5: 15 is ISBN-13, 02 ISBN-10.
    add(`<meta refines="#book-id" property="identifier-type" scheme="onix:codelist5">${m.identifier.length === 22 ? '15' : '02'}</meta>`);
  }
  add(`<dc:title id="title">${escapeXml(m.title)}</dc:title>`);
  add(`<meta refines="#title" property="title-type">main</meta>`);
  if (m.subtitle) {
    add(`<dc:title id="subtitle">${escapeXml(m.subtitle)}</dc:title>`);
    add(`<meta refines="#subtitle" property="title-type">subtitle</meta>`);
  }
  m.authors.forEach((author, i) => {
    add(`<dc:creator id="creator-${i + 1}">${escapeXml(author)}</dc:creator>`);
    add(`<meta refines="#creator-${i + 1}" property="role" scheme="marc:relators">aut</meta>`);
    const fileAs = m.authorsFileAs?.[i];
    if (fileAs) add(`<meta refines="#creator-${i + 1}" property="file-as">${escapeXml(fileAs)}</meta>`);
    add(`<meta refines="#creator-${i + 1}" property="display-seq">${i + 1}</meta>`);
  });
  (m.contributors ?? []).forEach((person, i) => {
    add(`<dc:contributor id="contributor-${i + 1}">${escapeXml(person.name)}</dc:contributor>`);
    add(`<meta refines="#contributor-${i + 1}" property="role" scheme="marc:relators">${person.role}</meta>`);
    if (person.fileAs) add(`<meta refines="#contributor-${i + 1}" property="file-as">${escapeXml(person.fileAs)}</meta>`);
  });
  add(`<dc:language>${escapeXml(m.language)}</dc:language>`);
  if (m.date) add(`<dc:date>${escapeXml(m.date)}</dc:date>`);
  if (m.publisher) add(`<dc:publisher>${escapeXml(m.publisher)}</dc:publisher>`);
  const rights = rightsStatement(m);
  add(`<dc:rights>${escapeXml(rights.words)}</dc:rights>`);
  if (rights.licence) add(`<meta property="dcterms:license">${escapeXml(rights.licence)}</meta>`);
  if (m.description) add(`<dc:description>${escapeXml(m.description)}</dc:description>`);
  for (const subject of m.subjects ?? []) add(`<dc:subject>${escapeXml(subject)}</dc:subject>`);
  if (m.series) {
    add(`<meta property="belongs-to-collection" id="series">${escapeXml(m.series.name)}</meta>`);
    add(`<meta refines="#series" property="collection-type">series</meta>`);
    if (m.series.position !== undefined) add(`<meta refines="#series" property="group-position">${m.series.position}</meta>`);
  }
  add(`<meta property="dcterms:modified">${m.modified}</meta>`);
  if (facts.hasCover) add(`<meta name="cover" content="cover-image"/>`);
  if (m.series) {
    // Calibre's and Kobo's own series fields: they read these, not belongs-to-collection.
    add(`<meta name="calibre:series" content="${escapeXml(m.series.name)}"/>`);
    if (m.series.position !== undefined) add(`<meta name="calibre:series_index" content="${m.series.position}"/>`);
  }
  const visual = facts.hasCover || facts.images > 0;
  add(`<meta property="schema:accessMode">textual</meta>`);
  if (visual) add(`<meta property="schema:accessMode">visual</meta>`);
  // Text alone carries the book only when every illustration is described.
  if (facts.undescribedImages === 0) add(`<meta property="schema:accessModeSufficient">textual</meta>`);
  if (visual) add(`<meta property="schema:accessModeSufficient">textual,visual</meta>`);
  add(`<meta property="schema:accessibilityFeature">structuralNavigation</meta>`);
  add(`<meta property="schema:accessibilityFeature">readingOrder</meta>`);
  add(`<meta property="schema:accessibilityFeature">tableOfContents</meta>`);
  if (visual && facts.undescribedImages === 0) add(`<meta property="schema:accessibilityFeature">alternativeText</meta>`);
  if (facts.hasPageList) {
    add(`<meta property="schema:accessibilityFeature">pageNavigation</meta>`);
    add(`<meta property="schema:accessibilityFeature">printPageNumbers</meta>`);
  }
  add(`<meta property="schema:accessibilityHazard">none</meta>`);
  if (facts.hasPageList) {
    // The page list's page numbers are the print edition's: name it as the pages' source (Ace's epub-pagesource).
    add(`<dc:source id="print-edition">${escapeXml(`${m.title} (print edition)`)}</dc:source>`);
    add(`<meta refines="#print-edition" property="source-of">pagination</meta>`);
  }
  const summary = [
    'Text with headings for every chapter, a table of contents and a logical reading order.',
    facts.hasCover ? (facts.coverGenerated ? 'The cover shows the title and author, given as its text alternative.' : 'The cover image has a text alternative.') : '',
    facts.images > 0 ? (facts.undescribedImages === 0 ? `Its ${facts.images} illustration(s) have text alternatives.` : `${facts.undescribedImages} of its ${facts.images} illustration(s) have no text alternative.`) : '',
    facts.hasPageList ? 'Page breaks and a page list match the print edition.' : '',
  ].filter(Boolean);
  add(`<meta property="schema:accessibilitySummary">${escapeXml(summary.join(' '))}</meta>`);
  return lines.join('\n');
}
