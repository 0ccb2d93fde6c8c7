/**
 * A line or paragraph that is only a scene-break ornament: "* * *", "***", "#", "~~~", "§", "⁂" and the like.
 * Three or more hyphens/underscores count too (CommonMark reads them as a thematic break).
 */
const ORNAMENT = /^\s*(?:[*#~•·⁂§❧❦✻✶+=-]\s*){1,9}$|^\s*(?:_\s*){3,9}$/u;

export function isSceneBreakOrnament(text: string): boolean {
  return ORNAMENT.test(text) && !/^\s*[-+=]\s*$/.test(text);
}
