/**
 * Vocabularies of the classifier, in one place. Each pattern is compiled once, anchored or bounded, and has no
 * nested quantifiers, so no page text can make it backtrack.
 */

/**
 * Headings that open a comment section ("167 comments", "Top Rated Comments", "Leave a Reply", "12 thoughts on
 * …", "37 Responses to “Title”", and a count that goes on after an ellipsis: "{ 14 comments… read them below or add
 * one }"). Matched against the lower-cased block with brackets stripped. What follows such a heading is readers' text,
 * not the article.
 */
export const COMMENT_SECTION =
  /^(?:\d[\d,.]*\s+(?:comments?|responses?|replies|thoughts on\b.*|reactions?)|\d[\d,.]*\s+comments?(?:…|\.\.\.)\s.*|\d[\d,.]*\s+(?:comments?|responses?)\s(?:to|on)\s.*|(?:top rated |latest |all |view |show |read |reader |user |newest |oldest )?comments?(?:\s*\(\d[\d,]*\))?|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|comments are closed\.?|what do you think\??|kommentare|commentaires|comentarios|commenti)$/u;

/**
 * Headings that open a product page's customer reviews ("Customer Reviews", "Reviews (24)", "Ratings & Reviews"),
 * matched against the lower-cased heading without brackets or trailing punctuation. Reviews are readers' text, like
 * comments: what follows such a heading is not the product's description.
 */
export const REVIEW_SECTION =
  /^(?:\d[\d,.]*\s+)?(?:customer |product |verified |top |all |user )?reviews?(?:\s*\(\d[\d,]*\))?$|^(?:customer )?ratings? (?:&|and) reviews$|^reviews with images$/u;

/**
 * The start of a line that names a thread of comments ("12 Comments", "Comments (4)", "{ 12 comments… read them below
 * or add one }", "37 Responses to …", "Leave a Reply"), matched against the lower-cased line without bullets and
 * brackets. Looser than COMMENT_SECTION (the line may go on); only read where the page's markup already shows a thread.
 */
export const COMMENT_LABEL =
  /^(?:\d[\d,.]*\s+(?:comments?|responses?|replies|thoughts on)\b|(?:\d[\d,.]*\s+)?(?:reader |user |all |view all |show all |load all )?comments?\b|leave a (?:reply|comment)\b|post a comment\b|add a comment\b|join the (?:discussion|conversation)\b|kommentare\b|commentaires\b|comentarios\b|commenti\b)/u;

/**
 * A count of comments inside a line that says more ("There are 12 comments.", "Read the 8 comments »", "8 kind
 * comments on …"): a number, at most one word, then the noun. Not "replies": inside a line, that is a forum thread's
 * own metadata ("Posted: 2 years ago 21 replies"), whose replies are the content. Matched against one item of a short
 * line (see LINE_ITEM_SEPARATOR), lower-cased; like COMMENT_LABEL, only read where the markup already shows a thread.
 */
export const COMMENT_COUNT_MENTION = /(?:^|\s)\d[\d,.]*\s(?:\p{L}+\s)?(?:comments?|responses?)\b/u;

/**
 * The stock label of a thread followed by the post's title ("38 responses to Why focus matters", "12 thoughts on …"),
 * which a text browser prints without its quotes: a label however long the title. Lower-cased.
 */
export const TITLED_COMMENT_LABEL = /^\d[\d,.]*\s(?:\p{L}+\s)?(?:comments?|responses?|thoughts)\s(?:on|to)\s/u;

/** The separator between the items of a line of post metadata ("Posted on May 3 | Travel | 48 Comments »"). */
export const LINE_ITEM_SEPARATOR = /\s[|·•]\s/u;

/**
 * The post's title quoted at the end of a comment label ("38 responses to “Why focus matters”"): not counted in the
 * label's length. Matched against the lower-cased line.
 */
export const QUOTED_TITLE = /[“"«][^“”"«»]{0,300}[”"»]?\s*$/u;

/** The link under each reader's comment that answers it ("Reply", "Reply ↓", "Reply to this"), lower-cased. */
export const REPLY_LINE = /^(?:↓\s?)?reply(?:\s?↓| to this(?: comment| parent)?)?$/u;

/** The comment headings that are calls to write one (lower-cased, brackets stripped): a forum repeats them under every post. */
export const COMMENT_CALL = /^(?:leave a (?:reply|comment)|post a comment|add a comment)$/u;

/**
 * A comment's attribution line in the layout most blogs share ("1. Jane says:", "Max sagt:", "Marie dit :"):
 * a short name followed by a verb of saying and a colon, alone on its line. Matched against the lower-cased
 * block with bullets stripped. Forums quote with "wrote:" or "said:", which are left out on purpose: forum posts are content.
 */
export const COMMENT_ATTRIBUTION = /^\S[^:]{0,60}\s(?:says|sagt|dit|dice|disse|zegt)\s?:$/u;

/**
 * An author's bio ("Jane Doe is a freelance writer based in…", "Max joined the paper as a reporter…"): a name of
 * one to three capitalised words, a verb of being or joining, and a writing trade within the next few words.
 * Bios sit after the article and read exactly like its prose.
 */
export const AUTHOR_BIO =
  /^(?:\p{Lu}[\p{L}'’.-]*\s){1,3}(?:is|was|has been|joined)\s[^.]{0,60}?\b(?:reporter|writer|editor|journalist|correspondent|columnist|contributor|freelancer?|author|photographer|producer)\b/u;

/**
 * What a text renderer draws instead of an image or a form control: a bracketed alt text or file name
 * ("[logo]", "[blank_1x1]", "[ ]Email", "[ ][Sign Up]"), or a bare image file name. Never part of the text.
 * PLACEHOLDER_BRACKET is stripped from the start of a line up to PLACEHOLDER_MAX_BRACKETS times; what remains must
 * match PLACEHOLDER_REST (a control's label glued to its box) or be empty.
 */
export const PLACEHOLDER_BRACKET = /^\[[^\]]{0,80}\]\s?/u;
export const PLACEHOLDER_MAX_BRACKETS = 4;
export const PLACEHOLDER_REST = /^\S{0,40}$/u;
export const IMAGE_FILE_NAME = /^\S{1,120}\.(?:jpe?g|png|gif|webp|svg|avif)$/iu;

/**
 * A photo credit, which marks a block as an image caption ("(Photo by Jane Doe/Getty Images)", "Credit...",
 * "AP Photo/…", "Image: Reuters", "… (Image: Getty)"). Matched against the lower-cased block.
 */
export const PHOTO_CREDIT =
  /(?:\bphoto(?:graph)?s? (?:by|courtesy of|credit)\b|\bimage (?:by|courtesy of|credit)\b|\bcredit(?::|\.\.\.|…)|\bgetty images\b|\bap photo\b|\bfile photo\b|\bvia getty\b|\bshutterstock\b|\bistock(?:photo)?\b|^(?:photo|image|picture|foto|bild)\s?:|\((?:photo|image|picture|foto|bild)s?\s?:|\((?:photo|image) (?:by|via|from)\b)/u;

/**
 * Calls to subscribe or follow ("Sign up for our newsletter to get…", "Join our forums…", "Follow us on…") and
 * affiliate disclosures ("we may earn a commission…"):
 * matched against the lower-cased text of blocks too long for MENU_PATTERNS but short enough to be a pitch.
 */
export const PROMOTION =
  /\b(?:subscribe|subscription|newsletters?|sign up|sign-up|delivered to your inbox|abonnieren|s'abonner|suscr[ií]bete|affiliate (?:commission|links?|partners?)|we may (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)|follow (?:us|@)|join our)\b/u;

/** A sentence introducing what follows ("Here is how to install it:", "You will need:"): it ends with a colon. */
export const LEAD_IN_END = /:\s*$/u;

/**
 * A price: a currency sign next to a number ("$29.95", "€ 12", "12,99 €", "£1,299"), or a number followed by a
 * currency code ("120 USD"). Linear: one optional space between fixed parts, no nested quantifiers.
 */
export const PRICE = /[$€£¥₹₩₽]\s?\d|\d\s?[€£₽]|\d\s(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|PLN|CZK|zł|kr)\b/u;

/**
 * Headings that open a section of links to other articles ("You may also like", "Related posts", "Leia também"),
 * in the most common languages of the web. Matched whole against the lower-cased heading with trailing
 * punctuation stripped. What follows such a heading, up to the next heading, is teasers, not the article.
 */
export const RELATED_SECTION =
  /^(?:related(?: (?:articles|posts|stories|content|news|reading|coverage))?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| reading| stories| articles)?|more (?:stories|articles|news|to read)|read (?:more|next)|what to read next|up next|more from\b.{0,60}|also read|read also|see also|(?:você|voce) (?:também )?pode gostar|leia também|veja também|(?:posts|artigos|notícias) relacionad[oa]s|te puede interesar|también te puede interesar|lee también|artículos relacionados|noticias relacionadas|à lire aussi|a lire aussi|vous aimerez aussi|articles similaires|sur le même sujet|das könnte sie auch interessieren|mehr zum thema|weitere artikel|auch interessant|potrebbe interessarti|leggi anche|articoli correlati|gerelateerde artikelen|lees ook|podobne artykuły|czytaj też|похожие статьи|читайте также)$/u;
/**
 * Legal small print: disclaimers ("for informational purposes only", "does not constitute financial advice", "the
 * views expressed on this blog"), a form's consent line ("By submitting this form…"), an offer-to-sell notice.
 * Matched against the lower-cased text of a block; single-level alternations, no nested quantifier.
 */
export const DISCLAIMER =
  /\b(?:(?:is|are) (?:provided )?(?:solely )?for (?:general )?informational? purposes only|(?:is|are) not intended (?:to (?:be a substitute for|replace|constitute|provide)|as (?:a substitute for|medical|legal|financial))|(?:does|do|shall) not constitute (?:legal |financial |medical |investment |tax |professional )?advice|(?:is|are) not (?:a substitute for )?(?:medical|legal|financial|investment|tax|professional) advice|(?:views|opinions) expressed (?:on|in|by|here)|by submitting this form|by checking this box|not an offer to sell)\b/u;

/**
 * Placeholder text a page template ships with and a site forgot to replace ("Lorem ipsum dolor sit amet,
 * consectetur adipiscing elit…"): never what the page says. Matched against the lower-cased text of a block.
 */
export const FILLER_TEXT = /\b(?:lorem ipsum|dolor sit amet|consectetur adipiscing)\b/u;

/**
 * A cookie or consent notice, however long ("We use cookies to…", "This website uses cookies…", "By continuing to
 * browse you agree to our use of cookies"), in the most common languages of the web; and the parts of a consent
 * manager's preference panel: its cookie categories ("These cookies are set by our advertising partners…") and the
 * standard purposes of the IAB's Transparency and Consent Framework that every such panel lists ("Store and/or
 * access information on a device", "Use limited data to select advertising", "512 partners can use this purpose")
 * and the descriptions it gives them ("Advertising presented to you on this service can be based on…").
 * Matched against the lower-cased block.
 */
export const COOKIE_CONSENT =
  /\b(?:these cookies (?:are|may be) set (?:by|through)|these cookies are used (?:to|for|by)|the technical storage or access|(?:analytical|analytics|performance|functional|functionality|advertisement|advertising|marketing|targeting|necessary|essential|preference|preferences|statistics|statistical|uncategori[sz]ed) cookies (?:are|help|collect|allow|enable|track|may|do not|don.t)|these cookies are (?:strictly )?necessary for (?:the|our|this) (?:web)?site|these cookies (?:enable|allow|help) (?:us|the (?:web)?site|our (?:web)?site)|store and\/or access information on a device|personali[sz]ed (?:advertising|ads) and content|use limited data to select (?:advertising|content)|create profiles (?:for|to) personali[sz]e|actively scan device characteristics|use precise geolocation data|partners can use this (?:special )?(?:purpose|feature)|(?:advertising|content) presented to you on this service|information (?:about your activity|regarding which (?:advertising|content) is presented to you) on this service|your device might be (?:distinguished|considered as likely linked)|(?:we|this (?:web)?site|our (?:web)?site|and (?:our )?(?:\d+ )?(?:third|3rd)[- ]parties|partners) uses? (?:(?:essential|optional|non-essential|necessary|strictly|functional|analytics|advertising|and|other|similar) ){0,4}cookies|(?:use|usage|placement|storing) of cookies|cookies? (?:policy|settings|preferences|consent|banner)|accept (?:all )?cookies|reject (?:all )?(?:non-essential )?cookies|manage (?:your )?cookies|by continuing to (?:use|browse|visit)|wir verwenden cookies|verwendet cookies|nous utilisons des cookies|utilise des cookies|utilizamos cookies|usamos cookies|utiliza cookies|utilizziamo (?:i )?cookie|utilizza (?:i )?cookie|gebruikt cookies|maakt gebruik van cookies)\b/u;

/** Class and id words of article furniture: bylines, dates, captions. Mild: some references keep them, most do not. */
export const LINE_FURNITURE_CLASS_WORDS: ReadonlySet<string> = new Set(['author', 'date', 'meta', 'caption']);

/** Class and id words sites use for the container of the main text. */
export const CONTENT_CLASS_WORDS: ReadonlySet<string> = new Set(['article', 'content', 'post', 'entry', 'body', 'story', 'text', 'main', 'blog']);

/**
 * Class words that name a unit of text which is the content on some pages: a forum's posts are "comments", a
 * listing's items are "cards" or "teasers", and some blog engines put the post itself in a "widget". Other
 * furniture words never name a page's content (taking every one of them at the same share measured worse).
 */
export const UNIT_CLASS_WORDS: ReadonlySet<string> = new Set(['comment', 'teaser', 'widget']);

/**
 * Class words of a box that points elsewhere: its link-dense prose is teasers for other pages, not a paragraph with
 * citations. Taking every furniture word measured worse: a service page's own text sits in "promo" cards.
 */
export const TEASER_BOX_CLASS_WORDS: ReadonlySet<string> = new Set(['sidebar', 'related', 'recommended', 'trending', 'more']);
