// Markdown turned into what a plain-text channel can show: emphasis and code marks dropped, headings and `*`
// bullets made plain, links written out. Asterisks that are not Markdown stay: a masked number (138****5678)
// is digits and stars, and a star next to a digit or another star never opens or closes emphasis here.

const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+/gm;
const STAR_BULLET = /^([ \t]*)[*+][ \t]+/gm;
const RULE = /^[ \t]*([*_-])(?:[ \t]*\1){2,}[ \t]*$/gm;
const LINK = /!?\[([^[\]\n]*)\]\(([^()\s]+)\)/g;
const CODE = /`([^`\n]+)`/g;
/**
 * Emphasis: the marks hug the words inside and touch no letter, digit or star outside (so 138****5678 stays).
 * No pattern scans past the next mark of its kind (or bracket, or line end): each stays linear on unclosed marks.
 */
const STRONG = /(?<![\w*\\])\*\*(?=[^\s*])([^*\n]*?[^\s*\\])\*\*(?![\w*])/g;
const UNDERLINED = /(?<![\w_\\])__(?=[^\s_])([^_\n]*?[^\s_\\])__(?![\w_])/g;
const EMPHASIS = /(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\w*])/g;
const ESCAPE = /\\([\\`*_#[\]()!+-])/g;

/** The text without Markdown marks, for a channel that shows them literally. */
export function plainTextOf(markdown: string): string {
  return markdown
    .replace(RULE, '')
    .replace(HEADING, '')
    .replace(STAR_BULLET, '$1· ')
    .replace(LINK, (_all, text: string, url: string) => (text === '' || text === url ? url : `${text} (${url})`))
    .replace(CODE, '$1')
    .replace(STRONG, '$1')
    .replace(UNDERLINED, '$1')
    .replace(EMPHASIS, '$1')
    .replace(ESCAPE, '$1');
}
