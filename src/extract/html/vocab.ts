/**
 * Every word list the HTML extractor reads, in one place: which tags are dropped, which start blocks, which
 * class/id words carry meaning, which elements mark the article, which ids name a script application's root.
 * All lists are compiled once into Sets and Maps when the module loads and never change afterwards.
 */

import type { BlockFeatures } from '../../blocks/block.js';

/**
 * Elements whose whole subtree can never be visible article text. Skipped during the walk (their subtree is
 * never entered), after the metadata hooks have read what they need (JSON-LD scripts, meta, title).
 * - script/style/template/noscript: code, CSS, inert markup, or the "enable JavaScript" text of a page whose
 *   scripts did run in the browser the page was captured from.
 * - svg: icon paths and titles ("Facebook", "Close") that a reader does not see as text.
 * - math: the linearised MathML of a formula ("x 2 + y 2") plus its TeX annotation would be garbage or a
 *   duplicate; an `alttext` attribute, when present, is kept as inline text instead (see segment.ts).
 * - iframe/object/embed/frame/frameset/noframes/noembed/applet: embedded documents, not this page's text.
 * - canvas/video/audio/picture/map/source/track: media; their fallback text is "your browser does not support…".
 * - select/option/optgroup/datalist/button/input/textarea/output/progress/meter/keygen: form controls. The
 *   <form> element itself is NOT here: some sites wrap the whole page in one (ASP.NET WebForms).
 * - title/meta/link/base/param: document metadata (read by the metadata hooks first). <head> itself is walked:
 *   pages that never close it would otherwise lose their whole body; its own text is only white space.
 */
export const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math',
  'iframe', 'object', 'embed', 'frame', 'frameset', 'noframes', 'noembed', 'applet',
  'canvas', 'video', 'audio', 'picture', 'map', 'source', 'track',
  'select', 'option', 'optgroup', 'datalist', 'button', 'input', 'textarea', 'output', 'progress', 'meter', 'keygen',
  'title', 'meta', 'link', 'base', 'param',
]);

/**
 * Class names (whole class-list entries, compared exactly after lower-casing) that hide an element from sight
 * everywhere: accessibility-only text ("Opens in a new window", "Share on Facebook") and the classic utility
 * class for display:none. Whole-entry equality on purpose: `hidden-xs` or Tailwind's `hidden md:block` mean
 * "hidden on some screens", which is often the desktop layout's visible text. `hidden` is ignored when the
 * same class list also holds a responsive variant (an entry containing ':' or starting with a breakpoint
 * prefix), see visibility.ts.
 */
export const HIDDEN_CLASS_NAMES: ReadonlySet<string> = new Set([
  'hidden', 'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'screen-reader-only',
  'screenreader-only', 'element-invisible', 'a11y-hidden', 'is-hidden', 'u-hidden', 'hide',
]);

/**
 * Class/id substrings of collapsed content panels (see visibility.ts isRevealablePanel). Substrings on purpose:
 * panel classes are compounds ("FAQ_accordionItem", "tab-pane", "rah-static--height-zero" under "faq-content").
 * Case-insensitive; single-level alternation, no nested quantifier.
 */
export const REVEALABLE_PANEL_WORDS = /accordion|collaps|disclos|expand|faq|answer|tab-?pane|tab-?content|tabpanel|read-?more|spoiler/i;

/** Class/id substrings of page chrome that also collapses (menus, drawers, forms): such a panel is not content. */
export const CHROME_PANEL_WORDS = /nav|menu|header|footer|sidebar|cart|search|modal|popup|dropdown|form|login|cookie|mobile/i;

/** A class-list entry naming a modal window (see visibility.ts isModal). Anchored; single-level alternation. */
export const MODAL_CLASS_ENTRY = /^(?:modal|popup|pop-up|lightbox)(?:[-_]?(?:window|dialog|overlay|container|wrapper|wrap|box))?$/i;

/**
 * Id of a boundary React streams into a hidden div (`<div hidden id="S:0">`) and a script moves into place: it is
 * the page's content, rendered late.
 */
export const STREAMED_BOUNDARY_ID = /^S:[0-9a-z]+$/i;

/** Elements the metadata hooks read before the walk decides whether they are content (<base> gives links their base URL). */
export const METADATA_HOOK_TAGS: ReadonlySet<string> = new Set(['meta', 'link', 'title', 'html', 'script', 'noscript', 'base']);

/**
 * URL schemes never kept as a link's href: they run code or inline a document rather than lead to a page, and a
 * rendered <a href> must not carry them. Compared lower-cased, after the tabs and line breaks a browser ignores.
 */
export const UNSAFE_HREF_SCHEMES: readonly string[] = ['javascript:', 'vbscript:', 'data:'];

/** Heading elements and their level. */
export const HEADING_LEVEL: ReadonlyMap<string, number> = new Map([
  ['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6],
]);

/**
 * Elements that start a block: text before, inside and after them never shares a block. Everything not listed
 * here (and not dropped) is inline: a, span, em, strong, b, i, code, small, sup, sub, time, abbr, mark, q,
 * cite, label, font, img…
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'div', 'p', 'section', 'article', 'main', 'aside', 'nav', 'header', 'footer', 'hgroup',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'menu', 'li', 'dl', 'dt', 'dd', 'blockquote',
  'pre', 'listing', 'xmp', 'plaintext', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'form', 'fieldset', 'legend', 'address', 'details', 'summary', 'dialog', 'center',
  'search', 'dir', 'frameset',
]);

/** Elements whose text keeps its line breaks and indentation: one 'code' block each. */
export const PRE_TAGS: ReadonlySet<string> = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** Elements that hold list items; each level of them adds one to a list item's level. */
export const LIST_TAGS: ReadonlySet<string> = new Set(['ul', 'ol', 'menu', 'dl', 'dir']);

/** List-item elements (dt and dd are the items of a description list). */
export const LIST_ITEM_TAGS: ReadonlySet<string> = new Set(['li', 'dt', 'dd']);

/** Caption elements: a figure's caption, a layout table's caption. */
export const CAPTION_TAGS: ReadonlySet<string> = new Set(['figcaption', 'caption']);

/** Block elements whose own text is neither a paragraph nor a heading: widget labels and form legends. */
export const OTHER_KIND_TAGS: ReadonlySet<string> = new Set(['summary', 'legend', 'address', 'dialog']);

/**
 * Block elements that hold other blocks rather than being one: their directly contained inline text is an
 * anonymous paragraph *inside* them (so it groups with their child blocks), whereas a <p> or <li> is itself
 * the block and belongs to its parent.
 */
export const CONTAINER_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'aside', 'nav', 'header', 'footer', 'hgroup',
  'ul', 'ol', 'menu', 'dl', 'dir', 'figure', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'form',
  'fieldset', 'details', 'center', 'search', 'frameset', 'blockquote',
]);

/**
 * Tags whose presence inside a table's cells shows the table lays out a page rather than holding data: such a
 * table is walked as nested containers instead of becoming one 'table' block. A <div> counts only when the
 * table has no data-table markers (th, thead, caption, col…): styled data cells often wrap their value in a div.
 */
export const LAYOUT_TABLE_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'table', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'menu', 'blockquote', 'pre',
  'article', 'section', 'main', 'nav', 'aside', 'header', 'footer', 'form', 'figure', 'address', 'center', 'hr',
]);

/** Markers only data tables carry (a header cell, a header group, a caption, column definitions). */
export const DATA_TABLE_MARKER_TAGS: ReadonlySet<string> = new Set(['th', 'thead', 'tfoot', 'caption', 'col', 'colgroup']);

/** role attribute values that turn a table into a layout table. */
export const LAYOUT_TABLE_ROLES: ReadonlySet<string> = new Set(['presentation', 'none']);

/** Landmarks: page regions outside the article text. */
export type Landmark = NonNullable<BlockFeatures['landmark']>;

/** Landmark elements. header and footer count only outside an article (inside one they are its own header/footer). */
export const LANDMARK_TAGS: ReadonlyMap<string, Landmark> = new Map([
  ['header', 'header'], ['footer', 'footer'], ['nav', 'nav'], ['aside', 'aside'], ['search', 'nav'],
]);

/** ARIA landmark roles and the landmark they mean. */
export const LANDMARK_ROLES: ReadonlyMap<string, Landmark> = new Map([
  ['banner', 'header'], ['contentinfo', 'footer'], ['navigation', 'nav'], ['search', 'nav'],
  ['complementary', 'aside'],
]);

/** Elements that mark the article region by their tag. */
export const ARTICLE_TAGS: ReadonlySet<string> = new Set(['article', 'main']);

/** role values that mark the article region. */
export const ARTICLE_ROLES: ReadonlySet<string> = new Set(['main', 'article']);

/** itemprop values that mark the article's body. */
export const ARTICLE_ITEMPROPS: ReadonlySet<string> = new Set(['articlebody']);

/**
 * schema.org types (last path segment of an itemtype URL, or a JSON-LD @type) that describe an article-like
 * document: the region they mark is the article; their JSON-LD node carries the headline, author and date.
 */
export const ARTICLE_SCHEMA_TYPES: ReadonlySet<string> = new Set([
  'article', 'newsarticle', 'blogposting', 'report', 'scholarlyarticle', 'techarticle', 'socialmediaposting',
  'liveblogposting', 'opinionnewsarticle', 'reportagenewsarticle', 'analysisnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'satiricalarticle',
  'medicalscholarlyarticle', 'advertisercontentarticle', 'discussionforumposting',
]);

/**
 * Class/id/role/itemprop words kept as classTokens, and the canonical token each maps to. Words are compared
 * whole (after splitting the attribute on non-alphanumerics and camelCase), never as substrings: "ad" must not
 * be found in "header", "load", "shadow" or "badge". Several spellings map to one canonical token so rules
 * match one name ("ads", "advert", "advertisement" → "ad").
 * Boilerplate words first, content words after. ("main" also names menus, as in "main-nav"; the classifier
 * reads it together with the other tokens.)
 */
const TOKEN_SYNONYMS: ReadonlyArray<readonly [canonical: string, spellings: readonly string[]]> = [
  // Navigation and page chrome.
  ['nav', ['nav', 'navs', 'navbar', 'navigation', 'navi', 'topnav', 'subnav', 'sitenav', 'mainnav']],
  ['menu', ['menu', 'menus', 'menubar', 'submenu', 'megamenu', 'dropdown', 'hamburger', 'offcanvas', 'drawer']],
  ['header', ['header', 'masthead', 'topbar']],
  ['footer', ['footer', 'colophon', 'bottombar', 'contentinfo']],
  ['sidebar', ['sidebar', 'aside', 'rail', 'complementary', 'sidenav']],
  ['breadcrumb', ['breadcrumb', 'breadcrumbs', 'crumbs', 'crumb']],
  ['pagination', ['pagination', 'pager', 'paging', 'pagenav', 'prevnext']],
  ['skip', ['skip', 'skiplink', 'skiplinks']],
  ['search', ['search', 'searchbox', 'searchform']],
  ['toolbar', ['toolbar', 'tools', 'actions']],
  // Sharing and social.
  ['share', ['share', 'sharing', 'shares', 'sharebar', 'sharethis', 'addthis', 'shareaholic']],
  ['social', ['social', 'socials', 'follow', 'facebook', 'twitter', 'linkedin', 'pinterest', 'whatsapp']],
  // Cross-links to other pages.
  ['related', ['related', 'relatedposts', 'relatedarticles', 'similar', 'also']],
  ['recommended', ['recommended', 'recommend', 'recommendation', 'recommendations', 'recirc', 'outbrain', 'taboola', 'zergnet', 'revcontent']],
  ['trending', ['trending', 'popular', 'mostread', 'mostpopular', 'top10']],
  ['more', ['more', 'readmore', 'loadmore', 'seemore']],
  ['tags', ['tags', 'tag', 'tagcloud', 'tagged', 'keywords', 'topics', 'categories', 'category']],
  ['teaser', ['teaser', 'teasers', 'card', 'cards', 'tile', 'tiles', 'excerpt', 'thumbnail', 'thumb']],
  // Comments and community.
  ['comment', ['comment', 'comments', 'commentlist', 'disqus', 'discussion', 'replies', 'reply', 'respond']],
  // Advertising and promotion.
  ['ad', ['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adsense', 'adslot', 'adunit', 'dfp', 'gpt', 'doubleclick']],
  ['sponsor', ['sponsor', 'sponsored', 'sponsors', 'partner', 'partners', 'affiliate']],
  ['promo', ['promo', 'promos', 'promotion', 'promoted', 'offer', 'offers', 'deal', 'deals', 'cta']],
  ['newsletter', ['newsletter', 'newsletters', 'signup', 'mailchimp', 'optin']],
  ['subscribe', ['subscribe', 'subscription', 'subscriptions', 'paywall', 'meter', 'register', 'login', 'signin']],
  // Not "cmp" (a consent-management platform): Adobe Experience Manager's core components all carry the prefix
  // ("cmp-container", "cmp-text"), whole pages of them.
  ['cookie', ['cookie', 'cookies', 'consent', 'gdpr', 'onetrust']],
  ['popup', ['popup', 'modal', 'overlay', 'lightbox', 'dialog', 'interstitial', 'alertdialog', 'toast']],
  ['widget', ['widget', 'widgets', 'plugin', 'embed']],
  ['banner', ['banner', 'banners', 'billboard', 'leaderboard', 'skyscraper', 'mpu']],
  ['copyright', ['copyright', 'legal', 'disclaimer', 'terms', 'privacy']],
  ['hidden', ['hidden', 'hide', 'invisible', 'collapsed']],
  // Byline and article furniture.
  ['author', ['author', 'authors', 'byline', 'bylines', 'writer', 'contributor']],
  ['date', ['date', 'dateline', 'timestamp', 'published', 'pubdate', 'datetime']],
  ['meta', ['meta', 'metadata', 'postmeta', 'entrymeta']],
  ['caption', ['caption', 'figcaption', 'credit', 'credits']],
  ['title', ['title', 'headline', 'heading', 'hed']],
  ['lead', ['lead', 'lede', 'intro', 'standfirst', 'dek', 'summary', 'subtitle', 'subhead']],
  // Content words.
  ['article', ['article', 'articles', 'articlebody']],
  ['content', ['content', 'contents', 'maincontent']],
  ['post', ['post', 'posts', 'postbody', 'hentry']],
  ['entry', ['entry', 'entrycontent']],
  ['body', ['body', 'bodytext']],
  ['story', ['story', 'storybody', 'stories']],
  ['text', ['text', 'richtext', 'prose', 'markdown', 'copy', 'paragraph']],
  ['main', ['main']],
  ['blog', ['blog']],
];

/** Spelling → canonical class token. */
export const CLASS_TOKEN_VOCAB: ReadonlyMap<string, string> = buildTokenVocab(TOKEN_SYNONYMS);

/** Compiles the synonym table; refuses an empty spelling (it would match every empty split fragment). */
function buildTokenVocab(table: typeof TOKEN_SYNONYMS): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, spellings] of table) {
    for (const spelling of spellings) {
      if (spelling.length === 0) throw new Error(`empty spelling for class token ${canonical}`);
      map.set(spelling, canonical);
    }
  }
  return map;
}

/**
 * Prefix words that negate or merely describe the class entry that starts with them ("has-sidebar",
 * "no-comments", "with-footer", "without-ads"): such entries say how the page is laid out, not what the element
 * is, and would otherwise mark every block under <div class="has-sidebar"> as "sidebar". The whole entry is ignored.
 */
export const NEGATING_CLASS_PREFIXES: ReadonlySet<string> = new Set(['has', 'no', 'with', 'without']);

/**
 * First words of taxonomy class entries. WordPress's post_class() and similar CMS helpers put the post's tags and
 * categories on the post's own element ("post-123 post type-post tag-amor tag-familia category-news"): such an
 * entry says what the post is filed under, not that the element is a tag list. An entry that starts with one of
 * these words and goes on with a slug is ignored whole (its slug may be any word: "category-sponsored" must not
 * make the article an ad either). The entry still counts as a tag list when the word after the prefix is a
 * TAG_LIST_WORDS word ("tag-list", "tag-cloud", "category-links") or a number (numbered widget ids, "categories-2").
 * "tags", "post-tags", "tagcloud" and a bare "tag" or "category" are not prefix entries: they still mean a tag list.
 */
export const TAXONOMY_CLASS_PREFIXES: ReadonlySet<string> = new Set(['tag', 'category', 'categories']);

/**
 * Words that, after a taxonomy prefix, make the entry name the element that lists tags or categories rather than a
 * taxonomy marker: structural words no CMS would plausibly use as a tag or category slug.
 */
export const TAG_LIST_WORDS: ReadonlySet<string> = new Set([
  'list', 'lists', 'cloud', 'links', 'link', 'box', 'widget', 'wrap', 'wrapper', 'container', 'block', 'area',
  'section', 'bar', 'group', 'items', 'item', 'label', 'labels', 'title', 'name', 'names', 'heading', 'header',
  'meta', 'nav', 'menu', 'pill', 'pills', 'chip', 'chips', 'badge', 'badges', 'btn', 'button', 'buttons',
]);

/**
 * Markers a CMS puts beside its taxonomy or type markers on a post's own element ("author-kristen" next to "tag-amor"
 * or "type-post"): with a slug after them and such a marker in the same class list, they name the post's author, not
 * a byline.
 */
export const POST_MARKER_PREFIXES: ReadonlySet<string> = new Set(['author']);

/**
 * First words of a post's own markers in blog engines that prefix them with the item's name ("entry-category-news
 * entry-author-jane_doe entry-type-post"): after one of these words, a taxonomy or author marker is read as if it
 * started the entry. Keep in step with POST_MARKER in tokens.ts.
 */
export const MARKER_LEAD_WORDS: ReadonlySet<string> = new Set(['entry', 'post']);

/**
 * Words that, after "author", make the entry a byline element ("author-name", "author-bio", "author-box"), never
 * an author's slug.
 */
export const AUTHOR_PART_WORDS: ReadonlySet<string> = new Set([
  'name', 'names', 'bio', 'box', 'info', 'avatar', 'image', 'img', 'photo', 'pic', 'link', 'links', 'meta', 'details',
  'title', 'wrap', 'wrapper', 'block', 'card', 'profile', 'description', 'desc', 'url', 'date', 'byline', 'section',
  'container', 'area', 'label', 'list', 'social', 'about', 'data', 'line',
]);

/** Elements whose class/id words describe the whole page (page type, layout), not a region: not tokenised. */
export const UNTOKENISED_TAGS: ReadonlySet<string> = new Set(['html', 'body']);

/**
 * Ids (compared lower-cased) of the root element a script application renders into. Empty in the served
 * HTML of a client-rendered page.
 */
export const APP_ROOT_IDS: ReadonlySet<string> = new Set([
  'root', 'app', 'app-root', '__next', '__nuxt', '___gatsby', 'svelte', 'main-app', 'react-root',
  'react-app', 'application', 'app-container', 'root-app', 'spa-root', 'vue-app', 'q-app', 'ember-app',
]);

/** Tags of app roots that are elements of their own (Angular's default component). */
export const APP_ROOT_TAGS: ReadonlySet<string> = new Set(['app-root']);

/** Words in a <noscript> that mean the page needs JavaScript to show its content. */
export const NOSCRIPT_JS_WORDS: readonly string[] = ['javascript', 'enable js', 'js enabled', 'activate js'];

/**
 * meta name/property/itemprop/http-equiv keys (lower-cased) read by the metadata collector, grouped by the
 * field they feed, in priority order within each group.
 */
export const META_KEYS = {
  title: ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'dc.title', 'headline'],
  author: ['author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'],
  published: [
    'article:published_time', 'og:article:published_time', 'datepublished', 'publish-date', 'publish_date',
    'publishdate', 'pubdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created',
    'sailthru.date', 'parsely-pub-date', 'article.published', 'published-date', 'publication_date',
    'release_date', 'original-publish-date', 'og:published_time', 'article_date_original', 'cxenseparse:recs:publishtime',
    'datecreated', 'date.available',
  ],
  siteName: ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:app:name:iphone'],
  language: ['content-language', 'language', 'dc.language', 'og:locale'],
  canonical: ['og:url', 'twitter:url'],
  description: ['description', 'og:description', 'twitter:description', 'dc.description'],
} as const;

/** Separators that join a page title and its site name ("Headline | Site"), tried in this order. */
export const TITLE_SEPARATORS: readonly string[] = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' « ', ' » ', ' // ', ' ~ '];

/** Leading words of a byline that are not the name ("By Jane Doe", "Von …", "Par …", "Por …"), longest first. */
export const BYLINE_PREFIXES: readonly string[] = [
  'written by', 'posted by', 'reviewed by', 'authors', 'author', 'door', 'von', 'par', 'por', 'by', 'di', 'av', 'af',
];

/** Words after which a byline is no longer the name: dates, reading times, roles of the page furniture. */
export const BYLINE_STOP_WORDS: ReadonlySet<string> = new Set([
  'published', 'updated', 'posted', 'last', 'modified', 'reviewed', 'read', 'min', 'mins', 'minutes', 'on',
  'follow', 'share', 'email', 'contact', 'view', 'more', 'about', 'veröffentlicht', 'aktualisiert', 'publié', 'publicado',
]);

/** Month names and abbreviations (English), to cut a byline before its date ("Jane Doe Mar 27, 2024"). */
export const MONTH_WORDS: ReadonlySet<string> = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);
