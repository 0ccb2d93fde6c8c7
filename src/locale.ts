// Words a book prints around the author's text, per language; English when a language is missing.
const CONTENTS: Record<string, string> = { en: 'Contents', fr: 'Table des matières', de: 'Inhalt', es: 'Índice', it: 'Indice', nl: 'Inhoud', sv: 'Innehåll', da: 'Indhold', pl: 'Spis treści', cs: 'Obsah', ru: 'Содержание' };

/** The heading of the table of contents in a language ("en-GB" uses "en"). */
export function contentsHeading(language: string): string {
  return CONTENTS[language.split('-')[0]!.toLowerCase()] ?? CONTENTS.en!;
}

// Titles of front and back matter; "{author}" stands for the authors' names.
const MATTER: Record<string, Partial<Record<string, string>>> = {
  en: { review: 'Enjoyed This Book?', dedication: 'Dedication', epigraph: 'Epigraph', acknowledgments: 'Acknowledgements', afterword: 'Afterword', aboutAuthor: 'About the Author', alsoBy: 'Also by {author}', copyright: 'Copyright', titlepage: 'Title Page', notes: 'Notes', cover: 'Cover' },
  fr: { review: 'Ce livre vous a plu ?', dedication: 'Dédicace', epigraph: 'Épigraphe', acknowledgments: 'Remerciements', afterword: 'Postface', aboutAuthor: 'À propos de l’auteur', alsoBy: 'Du même auteur', copyright: 'Droits d’auteur', titlepage: 'Page de titre', notes: 'Notes', cover: 'Couverture' },
  de: { review: 'Hat Ihnen dieses Buch gefallen?', dedication: 'Widmung', epigraph: 'Motto', acknowledgments: 'Danksagung', afterword: 'Nachwort', aboutAuthor: 'Über den Autor', alsoBy: 'Von {author} außerdem erschienen', copyright: 'Impressum', titlepage: 'Titelseite', notes: 'Anmerkungen', cover: 'Umschlag' },
  es: { review: '¿Le ha gustado este libro?', dedication: 'Dedicatoria', epigraph: 'Epígrafe', acknowledgments: 'Agradecimientos', afterword: 'Epílogo', aboutAuthor: 'Sobre el autor', alsoBy: 'Otras obras de {author}', copyright: 'Créditos', titlepage: 'Portadilla', notes: 'Notas', cover: 'Cubierta' },
  it: { review: 'Vi è piaciuto questo libro?', dedication: 'Dedica', epigraph: 'Epigrafe', acknowledgments: 'Ringraziamenti', afterword: 'Postfazione', aboutAuthor: 'L’autore', alsoBy: 'Dello stesso autore', copyright: 'Copyright', titlepage: 'Frontespizio', notes: 'Note', cover: 'Copertina' },
};

// The page asking for a review: the request, then the link's words.
const REVIEW: Record<string, { request: string; link: string }> = {
  en: { request: 'If you have a moment, a short review helps other readers find this book.', link: 'Leave a review' },
  fr: { request: 'Si vous avez un instant, un court avis aide d’autres lecteurs à découvrir ce livre.', link: 'Laisser un avis' },
  de: { request: 'Wenn Sie einen Moment Zeit haben: Eine kurze Rezension hilft anderen Lesern, dieses Buch zu finden.', link: 'Rezension schreiben' },
  es: { request: 'Si tiene un momento, una breve reseña ayuda a otros lectores a encontrar este libro.', link: 'Escribir una reseña' },
  it: { request: 'Se avete un momento, una breve recensione aiuta altri lettori a trovare questo libro.', link: 'Scrivi una recensione' },
};

/** The words of the page asking for a review, in a language. */
export function reviewRequest(language: string): { request: string; link: string } {
  return REVIEW[language.split('-')[0]!.toLowerCase()] ?? REVIEW.en!;
}

/** The heading a piece of front or back matter gets when the author gives it none. */
export function matterTitle(role: string, language: string, authors: readonly string[]): string {
  const table = MATTER[language.split('-')[0]!.toLowerCase()] ?? {};
  const title = table[role] ?? MATTER.en![role] ?? role;
  return title.replace('{author}', joinNames(authors, language));
}

const PAGE: Record<string, string> = { en: 'page', fr: 'page', de: 'Seite', es: 'página', it: 'pagina', nl: 'pagina', pt: 'página', sv: 'sidan', da: 'side', pl: 'strona', cs: 'strana', ru: 'с.' };

/** "page" before a page number, as in a note's "page 12". */
export function pageWord(language: string): string {
  return PAGE[language.split('-')[0]!.toLowerCase()] ?? PAGE.en!;
}

const AND: Record<string, string> = { en: 'and', fr: 'et', de: 'und', es: 'y', it: 'e', pt: 'e', nl: 'en', sv: 'och', da: 'og', nb: 'og', no: 'og', fi: 'ja', pl: 'i', cs: 'a', sk: 'a', ru: 'и', uk: 'і' };

/** Names as a sentence says them: "A", "A and B", "A, B and C" (the language's "and"). */
export function joinNames(names: readonly string[], language: string): string {
  if (names.length <= 1) return names[0] ?? '';
  const and = AND[language.split('-')[0]!.toLowerCase()] ?? AND.en!;
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}
