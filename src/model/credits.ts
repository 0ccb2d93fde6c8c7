// Words every edition prints about the book: who made it, which series, its rights and numbers.
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

/** What the copyright page says, line by line; the PDF sets the same lines. */
export function copyrightLines(m: Metadata): string[] {
  const year = (m.date ?? m.modified).slice(0, 4);
  const covers = (m.contributors ?? []).filter((person) => person.role === 'cov').map((person) => `Cover by ${person.name}`);
  return [
    m.rights ?? `Copyright © ${year} ${m.authors.join(', ')}. All rights reserved.`,
    m.edition ?? '',
    m.isbn ? `ISBN ${m.isbn}` : '',
    m.publisher ? `Published by ${m.publisher}` : '',
    ...covers,
    ...(m.credits ?? []),
  ].filter(Boolean);
}
