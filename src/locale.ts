// Words a book prints around the author's text, per language; English when a language is missing.
const CONTENTS: Record<string, string> = { en: 'Contents', fr: 'Table des matières', de: 'Inhalt', es: 'Índice', it: 'Indice', nl: 'Inhoud', sv: 'Innehåll', da: 'Indhold', pl: 'Spis treści', cs: 'Obsah', ru: 'Содержание' };

/** The heading of the table of contents in a language ("en-GB" uses "en"). */
export function contentsHeading(language: string): string {
  return CONTENTS[language.split('-')[0]!.toLowerCase()] ?? CONTENTS.en!;
}
