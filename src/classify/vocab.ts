/**
 * Vocabularies of the classifier, in one place. Each pattern is compiled once, anchored or bounded, and has no
 * nested quantifiers, so no page text can make it backtrack.
 */

/** Characters that open a list item or a menu entry in a text dump (w3m writes • and □; sites use · » | ▪ ►). */
export const BULLET = /^(?:[·•▪►▸◦‣○●■□»|*–—-]|\d{1,3}[.)])\s/u;

/**
 * Lines that are page furniture whatever their neighbours: each entry names the pattern for `--explain`.
 * They apply to short blocks only (see THRESHOLDS.menuPatternMaxWords), except the copyright notice.
 * They are matched against the lower-cased text (case-insensitive Unicode matching is several times slower).
 */
export const MENU_PATTERNS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['copyright', /(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b)/u],
  ['share', /^(?:share|tweet|pin it|email|print|share (?:this|on)\b|share via\b|compartir|teilen|partager|condividi)\b/u],
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
];

/** Sentence-ending punctuation, possibly followed by closing quotes or brackets. */
export const TERMINAL_PUNCTUATION = /[.!?…。！？]["'”’»)\]]*$/u;

/** Sentence ends inside a text: punctuation followed by space or the end. */
export const SENTENCE_END = /[.!?…。！？]+["'”’»)\]]*(?:\s|$)/gu;

/**
 * Headings that open a comment section ("167 comments", "Top Rated Comments", "Leave a Reply", "12 thoughts on
 * …"). Matched against the lower-cased block with brackets stripped. What follows such a heading is readers'
 * text, not the article.
 */
export const COMMENT_SECTION =
  /^(?:\d[\d,.]*\s+(?:comments?|responses?|replies|thoughts on\b.*|reactions?)|(?:top rated |latest |all |view |show |read |reader |user |newest |oldest )?comments?(?:\s*\(\d[\d,]*\))?|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|comments are closed\.?|what do you think\??|kommentare|commentaires|comentarios|commenti)$/u;
