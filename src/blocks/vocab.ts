/**
 * Vocabularies the block features are measured with (bullets, furniture lines, sentence ends, code lines), and the
 * class words of page furniture that the HTML segmenter and the classifier share. Each pattern is compiled once,
 * anchored or bounded, and has no nested quantifiers, so no page text can make it backtrack.
 */

/** Characters that open a list item or a menu entry in a text dump (w3m writes •, □ and ☆ by nesting level; sites use · » | ▪ ►). */
export const BULLET = /^(?:[·•▪►▸◦‣○●■□☆»|*–—-]|\d{1,3}[.)])\s/u;

/**
 * Lines that are page furniture whatever their neighbours: each entry names the pattern for `--explain`.
 * They apply to short blocks only (see menuPatternMaxWords in the calibration), except the copyright notice.
 * They are matched against the lower-cased text (case-insensitive Unicode matching is several times slower).
 */
export const MENU_PATTERNS = [
  ['copyright', /(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b)/u],
  // Not followed by "(" or "=": `print("done")` and `email = user.email` are code, not a button.
  // "Click to share on X (Opens in new window)": the share buttons of WordPress's most common sharing plugin.
  ['share', /^(?:share|tweet|pin it|email|print|share (?:this|on)\b|share via\b|click to (?:share|email|print)\b|compartir|teilen|partager|condividi)\b(?!\(|\s?=)/u],
  ['social', /^(?:follow us|like us|facebook|twitter|instagram|linkedin|youtube|pinterest|whatsapp|reddit|tiktok)\b/u],
  ['subscribe', /\b(?:subscribe|newsletter|sign up for|abonnieren|s'abonner|suscr[ií]bete)\b/u],
  ['account', /^(?:log ?in|log ?out|sign ?in|sign ?out|register|my account|create (?:an )?account|anmelden|connexion)\b/u],
  ['legal', /\b(?:privacy policy|terms of (?:use|service)|cookie (?:policy|settings|preferences)|terms and conditions|datenschutz|impressum|mentions légales)\b/u],
  ['cookie-notice', /\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies)\b/u],
  ['more-link', /^(?:read more|more\b|see (?:all|more)\b|view (?:all|more)\b|load more|show more|continue reading|weiterlesen|lire la suite|leer más)/u],
  ['navigation', /^(?:skip to (?:main )?content|back to top|go to top|jump to|main menu|toggle navigation|menu|home|next|previous|prev)\b/u],
  ['advert', /^(?:advertisement|advertising|sponsored|anzeige|publicité|publicidad|ad)$/u],
  ['related', /^(?:related(?: (?:articles|posts|stories|content))?|you may also like|recommended(?: for you)?|most (?:popular|read|viewed)|trending|top stories|latest (?:news|headlines|stories)|more from\b|more on\b|also read\b|read also\b|see also)/u],
  ['comments', /^(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|post a comment|add a comment|reply)$/u],
  ['tags', /^(?:tags|tagged|topics|filed under|categories)\s*:/u],
  // What a form shows once sent or failed (hidden until then): "Thank you! Your submission has been received!".
  ['form-status', /^(?:thank you!? your submission has been received|thanks? (?:you )?for (?:subscribing|signing up|your submission)|oops!? something went wrong|something went wrong\.? please try again)/u],
] as const satisfies ReadonlyArray<readonly [name: string, pattern: RegExp]>;

/** The name of a furniture pattern, as `--explain` prints it after "menu:". */
export type MenuPatternName = (typeof MENU_PATTERNS)[number][0];

/** Sentence-ending punctuation, possibly followed by closing quotes or brackets. */
export const TERMINAL_PUNCTUATION = /[.!?…。！？]["'”’»)\]]*$/u;

/**
 * Sentence ends inside a text: punctuation followed by space or the end. A match starts only where a run of
 * punctuation starts (the lookbehind): otherwise a long run not followed by a space ("……………" or a row of dots)
 * is retried from each of its characters, which takes time in the square of its length.
 */
export const SENTENCE_END = /(?<![.!?…。！？])[.!?…。！？]+["'”’»)\]]*(?:\s|$)/gu;

/**
 * A line of source code as a text renderer draws a code sample: a declaration or import keyword at the start, a
 * line ending in a brace or a semicolon, a method call or an assignment to a lower-case identifier, a comment
 * marker, a CSS declaration, an arrow function, a lone HTML tag. Matched against the line as it is (case
 * matters: `x = 1` is code, "Total = 12" is a label). Code samples are short, symbol-heavy and off the prose
 * column, so every other rule takes them for furniture.
 */
export const CODE_LINE = new RegExp(
  [
    String.raw`^(?:def|class|import|from\s+\S+\s+import|return|var|let|const|function|public|private|static|#include|package|using)\b`,
    String.raw`[;{}]$`, // a statement or a block ends
    String.raw`\)\s*[:{]$`, // a function or control header: "def f(x):", "if (ok) {"
    String.raw`(?:^|\s)[a-z_$][\w$]*\.[\w$.]*\(`, // a method call: "os.exit(1)", "await asyncio.sleep(5)"
    String.raw`^[a-z_$][\w$.]*(?:\[[^\]]*\])?\s?[-+*/|&]?=\s?\S`, // an assignment: "x = 1", "i += 1"
    String.raw`^[a-z_$][\w$]*\(.*\);?$`, // a call on its own line: "main()"
    String.raw`^(?://|/\*|\*/|#!)`, // a comment
    String.raw`^[a-z-]+:\s[^.]*;$`, // a CSS declaration: "margin: 0;"
    String.raw`^(?:if|for|while|switch|catch)\s?\(`,
    String.raw`=>`,
    String.raw`^</?[a-z][\w-]*(?:\s[^>]*)?/?>$`, // an HTML tag alone on its line
  ].join('|'),
  'u',
);

/**
 * Class and id words (canonical tokens, see src/extract/html/vocab.ts) that mark page furniture wherever they
 * appear in a block's ancestry: menus, footers, sidebars, share bars, comment threads, ads, popups.
 */
export const FURNITURE_CLASS_WORDS: ReadonlySet<string> = new Set([
  'nav', 'menu', 'footer', 'sidebar', 'breadcrumb', 'pagination', 'skip', 'search', 'toolbar', 'share', 'social',
  'related', 'recommended', 'trending', 'more', 'tags', 'teaser', 'comment', 'ad', 'sponsor', 'promo', 'newsletter',
  'subscribe', 'cookie', 'popup', 'widget', 'banner', 'copyright',
]);


/**
 * Markers text renderers put in a dump that are not the page's text: images and embedded objects ("[IMG]",
 * "[INLINE]", lynx's "[USEMAP]"…), form controls ("[BUTTON]", "(BUTTON)", checkboxes "[_]" "[X]" (not "[ ]", which pages write as text), text fields
 * drawn as a run of five or more underscores), insertions and deletions ("[INS: … :INS]"), and the empty brackets pandoc
 * leaves for an image without text. Replaced by a space (see extract/text/conventions.ts).
 */
export const DUMP_MARKERS =
  /\[(?:IMG|INLINE|LINK|BUTTON|EMBED|USEMAP|IFRAME|FIG|OBJECT|APPLET|image|_|X|)\]|\((?:BUTTON|RADIO|[*_ ])\)|\[(?:INS|DEL):|:(?:INS|DEL)\]|_{5,}/gu;

/**
 * The headings of the numbered link list lynx and elinks append to a dump (lower case, trimmed): the list is
 * cut only when one of them opens it.
 */
export const DUMP_LINK_LIST_HEADINGS: ReadonlySet<string> = new Set([
  'references', 'visible links', 'visible links:', 'hidden links', 'hidden links:', 'links', 'links:',
]);
