// Words every edition prints about the book: who made it, which series, its rights and numbers.
import { joinNames } from '../locale.ts';
import type { Metadata } from './index.ts';

const ROLE_PHRASES: Record<string, string> = { trl: 'Translated by', edt: 'Edited by', ill: 'Illustrated by', aui: 'With a foreword by', aft: 'With an afterword by', nrt: 'Read by', cov: 'Cover by', pht: 'Photographs by' };

/** "Translated by Constance Garnett" lines for the title page, one per role, in the order given. */
export function contributorLines(m: Metadata): string[] {
  const byRole = new Map<string, string[]>();
  for (const person of m.contributors ?? []) byRole.set(person.role, [...(byRole.get(person.role) ?? []), person.name]);
  return [...byRole].filter(([role]) => role !== 'cov').map(([role, names]) => `${ROLE_PHRASES[role] ?? role} ${names.join(' and ')}`);
}

/** "Book 2 of The Expanse" */
export function seriesLine(m: Metadata): string | undefined {
  if (!m.series) return undefined;
  return m.series.position !== undefined ? `Book ${m.series.position} of ${m.series.name}` : m.series.name;
}

interface Licence {
  /** The statement, given the year and the rights holders ("A and B"). */
  words: (year: string, holders: string, several: boolean) => string;
  url?: string;
}

const CC = (name: string, short: string, path: string): Licence => ({
  words: (year, holders) => `© ${year} ${holders}. This work is licensed under the Creative Commons ${name} 4.0 International License (${short} 4.0).`,
  url: `https://creativecommons.org/licenses/${path}/4.0/`,
});

/** What `rights` may name instead of its own words; anything else is printed as written. */
export const RIGHTS_PRESETS: Record<string, Licence> = {
  'all-rights-reserved': { words: (year, holders) => `© ${year} ${holders}. All rights reserved.` },
  'public-domain': { words: () => 'This book is in the public domain.' },
  cc0: {
    words: (_, holders, several) => `${holders} ${several ? 'have' : 'has'} dedicated this work to the public domain under the CC0 1.0 Universal Public Domain Dedication.`,
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'cc-by-4.0': CC('Attribution', 'CC BY', 'by'),
  'cc-by-sa-4.0': CC('Attribution-ShareAlike', 'CC BY-SA', 'by-sa'),
  'cc-by-nc-4.0': CC('Attribution-NonCommercial', 'CC BY-NC', 'by-nc'),
  'cc-by-nc-sa-4.0': CC('Attribution-NonCommercial-ShareAlike', 'CC BY-NC-SA', 'by-nc-sa'),
};

/**
 * The book's rights in words, and the licence's address when it has one. With no `rights`, only the
 * copyright line ("© 2024 A and B"): the author made no further claim, and we make none for them
 * (a public-domain text, fan fiction or a Creative Commons book is not "all rights reserved"). The
 * year is the publication date's, else the build's.
 */
export function rightsStatement(m: Metadata): { words: string; licence?: string } {
  const year = (m.date ?? m.modified).slice(0, 4);
  const holders = joinNames(m.authors, m.language);
  if (m.rights === undefined) return { words: `© ${year} ${holders}` };
  const preset = RIGHTS_PRESETS[m.rights];
  if (!preset) return { words: m.rights };
  return { words: preset.words(year, holders, m.authors.length > 1), licence: preset.url };
}

/** What the copyright page says, line by line; the PDF sets the same lines. */
export function copyrightLines(m: Metadata): string[] {
  const covers = (m.contributors ?? []).filter((person) => person.role === 'cov').map((person) => `Cover by ${person.name}`);
  const rights = rightsStatement(m);
  return [
    rights.words,
    rights.licence ?? '',
    m.edition ?? '',
    m.isbn ? `ISBN ${m.isbn}` : '',
    m.publisher ? `Published by ${m.publisher}` : '',
    ...covers,
    ...(m.credits ?? []),
  ].filter(Boolean);
}
