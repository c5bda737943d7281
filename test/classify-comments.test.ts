import { declutter, renderFormat } from '../src/index.js';

/**
 * Readers' comments under an article are not the article: a thread in comment containers after an article is left
 * out, and given apart (the `comments` option) after the body. A forum thread's posts stay its content, and an
 * article that merely sits in a container with a comment-ish class is kept. Synthetic pages.
 */

const ARTICLE = [
  'The town council voted on Tuesday to rebuild the old stone bridge over the river, ending a debate that had gone on for most of the decade.',
  'Engineers had warned for years that the arches were failing, and a survey last spring found cracks wide enough to fit a hand in several places.',
  'The new bridge will keep the shape of the old one, the mayor said, but it will be wide enough for two lanes of traffic and a path for bicycles.',
  'Work is expected to begin in the autumn and to take about two years, during which a ferry will carry people across the river for free.',
];

const COMMENTS = [
  ['Alice Example', 'About time. I have walked over that bridge every day for twenty years and it has been shaking under my feet since the flood.'],
  ['Bob Sample', 'I would have liked them to ask the people who live by the river before they decided on the two lanes of traffic.'],
  ['Carol Test', 'The ferry is a lovely idea, and I hope they keep it running once the new bridge is open, for the tourists if nobody else.'],
  ['Dan Person', 'Two years seems far too long for a bridge of that size. They built the one upstream in less than half the time.'],
];

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>The bridge</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
${body}
<footer><p>© 2024 The Example Gazette. All rights reserved.</p></footer>
</body></html>`;
}

/**
 * A long thread, as on a popular story: the comments hold far more prose than the article (more than nine tenths of
 * the page's), so their class words alone no longer tell them from the page's own structure.
 */
const THREAD = Array.from({ length: 40 }, (_, n) => [
  `${COMMENTS[n % 4]![0]} ${n + 1}`,
  `${COMMENTS[n % 4]![1]} ${COMMENTS[(n + 1) % 4]![1]} (comment ${n + 1})`,
]);

const articleHtml = `<article><h1>The bridge will be rebuilt</h1><div class="entry">${ARTICLE.map((p) => `<p>${p}</p>`).join('\n')}</div></article>`;

const threadHtml = `<div id="comments" class="comments-area"><p class="lead">{ 40 comments… read them below or add one }</p><ol class="comment-list">
${THREAD.map(
  ([who, text], i) => `<li class="comment" id="comment-${i}"><div class="comment-author">${who}</div>
<div class="comment-meta">March ${i + 3}, 2024 at 10:0${i} am</div>
<div class="comment-content"><p>${text}</p></div><a class="comment-reply-link" href="#reply-${i}">Reply</a></li>`,
).join('\n')}
</ol><div id="respond"><h3>Leave a Reply</h3></div></div>`;

describe('a thread of comments under an article', () => {
  const html = page(articleHtml + threadHtml);

  it('is left out of the article by default', () => {
    const article = declutter(html);
    for (const p of ARTICLE) expect(article.text).toContain(p);
    for (const [, text] of THREAD) expect(article.text).not.toContain(text);
    expect(article.comments).toBeUndefined();
  });

  it('is given apart with the comments option', () => {
    const article = declutter(html, { comments: true });
    for (const p of ARTICLE) expect(article.text).toContain(p);
    for (const [, text] of THREAD) {
      expect(article.text).not.toContain(text);
      expect(article.comments?.text).toContain(text);
    }
    expect(article.comments?.blocks.every((b) => b.label !== 'content')).toBe(true);
  });

  it('is rendered after the body, marked, in every format', () => {
    const article = declutter(html, { comments: true });
    const last = ARTICLE[ARTICLE.length - 1]!;
    const first = THREAD[0]![1]!;
    const text = renderFormat(article, 'text');
    expect(text.indexOf(last)).toBeLessThan(text.indexOf('\n\nComments\n\n'));
    expect(text.indexOf('\n\nComments\n\n')).toBeLessThan(text.indexOf(first));
    const md = renderFormat(article, 'markdown');
    expect(md.indexOf(last)).toBeLessThan(md.indexOf('\n\n## Comments\n\n'));
    expect(md.indexOf('## Comments')).toBeLessThan(md.indexOf(first));
    const out = renderFormat(article, 'html');
    expect(out).toMatch(/<section class="comments">\n<h2>Comments<\/h2>\n[^]*About time[^]*<\/section>\n<\/article>$/);
    expect(out.indexOf(last)).toBeLessThan(out.indexOf('<section class="comments">'));
    const json = JSON.parse(renderFormat(article, 'json')) as { text: string; comments: { text: string; blocks: number } };
    expect(json.text).not.toContain(first);
    expect(json.comments.text).toContain(first);
    expect(json.comments.blocks).toBeGreaterThanOrEqual(THREAD.length);
  });

  it('leaves the formats as they were without the option', () => {
    const article = declutter(html);
    expect(renderFormat(article, 'text')).not.toContain('Comments');
    expect(renderFormat(article, 'markdown')).not.toContain('## Comments');
    expect(JSON.parse(renderFormat(article, 'json'))).not.toHaveProperty('comments');
  });
});

/** The thread of threadHtml without its lines naming it, under a line given by the test. */
const unnamedThread = (label: string): string => `<div id="comments" class="comments-area">${label}<ol class="comment-list">
${THREAD.map(
  ([who, text], i) => `<li class="comment" id="comment-${i}"><div class="comment-author">${who}</div>
<div class="comment-meta">March ${i + 3}, 2024 at 10:0${i} am</div>
<div class="comment-content"><p>${text}</p></div><a class="comment-reply-link" href="#reply-${i}">Reply</a></li>`,
).join('\n')}
</ol></div>`;

describe('a thread named by a count of comments inside a longer line', () => {
  const cases: [string, string][] = [
    ['an item of the post\'s metadata line', '<p class="postmeta">Posted on March 2, 2024 by Jane Writer | Filed under: Town news | 40 Comments »</p>'],
    ['a sentence', '<p class="count">Seen by Jane Writer on March 2, 2024. There are 40 comments.</p>'],
    ['a label with the post\'s long title quoted', '<h3 class="comments-title">40 Responses to “The bridge will be rebuilt after a decade of debate in the town council”</h3>'],
    ['a count with a word before its noun', '<h3 class="comments-title">40 thoughtful comments on “The bridge will be rebuilt”</h3>'],
  ];

  it.each(cases)('is left out of the article: %s', (_name, line) => {
    const metadata = line.includes('postmeta') ? line : '';
    const label = metadata === '' ? line : '';
    const article = declutter(page(articleHtml + metadata + unnamedThread(label)));
    for (const p of ARTICLE) expect(article.text).toContain(p);
    for (const [, text] of THREAD) expect(article.text).not.toContain(text);
  });
});

describe('a forum thread', () => {
  // The first post and the replies are posts alike, each with its author and date; the replies sit in comment
  // containers, and no line names a thread of comments under an article (a count of replies in the thread's own
  // metadata does not).
  const replies = Array.from({ length: 16 }, (_, n) => `${COMMENTS[n % 4]![1]} ${COMMENTS[(n + n / 4 + 1) % 4 | 0]![1]} (reply ${n + 1})`);
  const html = page(
    `<main><h1>Should the old bridge be rebuilt?</h1><div class="topic">
<div class="post first-post"><div class="author">Eve Starter</div><div class="date">March 2, 2024</div>
<div class="body">${ARTICLE.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}</div></div>
<p class="thread-meta">Posted: 2 years ago 16 replies</p>
${replies.map((text, n) => `<div class="post comment"><div class="author">${COMMENTS[n % 4]![0]}</div><div class="date">March ${n + 3}, 2024</div><div class="body"><p>${text}</p></div></div>`).join('\n')}
</div></main>`,
  );

  it('keeps its posts as the content', () => {
    const article = declutter(html);
    for (const text of replies) expect(article.text).toContain(text);
    expect(article.text).toContain(ARTICLE[0]);
  });

  it('has no comments to give apart', () => {
    expect(declutter(html, { comments: true }).comments?.blocks).toEqual([]);
  });
});

describe('an article in a container with a comment-ish class', () => {
  // An opinion column ("Comment") whose paragraphs are the article: no thread, no label naming one.
  const html = page(
    `<div class="intro"><p>${ARTICLE[0]} ${ARTICLE[1]} ${ARTICLE[2]}</p></div><div class="comment-piece">${[...ARTICLE, ...COMMENTS.map(([, t]) => t)]
      .map((p) => `<p>${p}</p>`)
      .join('\n')}</div>`,
  );

  it('is kept', () => {
    const article = declutter(html);
    for (const p of ARTICLE) expect(article.text).toContain(p);
    for (const [, text] of COMMENTS) expect(article.text).toContain(text);
  });
});

describe('a thread of comments in a text dump', () => {
  // A blog post as a text browser dumps it: the article, a line naming the thread, then each comment as its author
  // and date, its text and a "Reply" link, the comments holding most of the page's prose.
  const dumpNamedBy = (label: string): string => [
    'Home',
    'News',
    'The bridge will be rebuilt',
    'by Jane Writer on March 2, 2024',
    ...ARTICLE,
    'Previous post: The river in winter',
    label,
    ...THREAD.flatMap(([who, text], n) => [`${who} March ${(n % 28) + 1}, 2024 at 10:00 am`, `    ${text}`, '    Reply']),
    'Leave a Comment',
    '© 2024 The Example Gazette',
  ].join('\n\n');
  const dump = dumpNamedBy('{ 40 comments… read them below or add one }');

  it('is left out of the article by default, and given apart with the option', () => {
    const article = declutter(dump, { input: 'text' });
    for (const p of ARTICLE) expect(article.text).toContain(p);
    for (const [, text] of THREAD) expect(article.text).not.toContain(text);
    const withComments = declutter(dump, { input: 'text', comments: true });
    expect(withComments.text).toBe(article.text);
    for (const [, text] of THREAD) expect(withComments.comments?.text).toContain(text);
  });

  it('is found under the stock label with the post\'s long title, printed without its quotes', () => {
    const article = declutter(dumpNamedBy('40 Responses to The Bridge Will Be Rebuilt After a Decade of Debate & Delay in the Council'), { input: 'text' });
    for (const p of ARTICLE) expect(article.text).toContain(p);
    for (const [, text] of THREAD) expect(article.text).not.toContain(text);
  });

  it.each([
    ['a count that goes on with a call to read and add', '{ 3 comments… read them below or add one }'],
    ['the stock label with the post\'s title', '3 Responses to “The bridge will be rebuilt”'],
  ])('is found under %s, with no reply lines', (_name, label) => {
    // A short thread: its indented comments must not outweigh the article's column.
    const few = COMMENTS.slice(0, 3);
    const numbered = [
      'Home',
      'The bridge will be rebuilt',
      'by Jane Writer on March 2, 2024',
      ...ARTICLE,
      label,
      ...few.flatMap(([who, text], n) => [`${n + 1}`, `${who} 03.${n + 1}.24 at 10:00`, `    ${text}`]),
      'Leave a Comment',
      '© 2024 The Example Gazette',
    ].join('\n\n');
    const article = declutter(numbered, { input: 'text' });
    for (const p of ARTICLE) expect(article.text).toContain(p);
    for (const [, text] of few) expect(article.text).not.toContain(text);
  });

  it('is not found in a forum thread, whose posts carry their poster\'s details', () => {
    const forum = [
      'Forums',
      'Should the old bridge be rebuilt?',
      '41 replies',
      ...[ARTICLE.join(' '), ...THREAD.map(([, text]) => text)].flatMap((text, n) => [
        `Poster ${n}`,
        'Member',
        'Joined',
        'Mar 2020',
        'Messages',
        `${100 + n}`,
        `Mar ${(n % 28) + 1}, 2024`,
        `#${n + 1}`,
        text,
        'Reply',
      ]),
    ].join('\n\n');
    const article = declutter(forum, { input: 'text' });
    for (const [, text] of THREAD) expect(article.text).toContain(text);
  });
});

describe('a thread of comments under a short post', () => {
  // A photo post: its title and a few lines under it, fewer words than a comment section needs above it to be told
  // from a "Comments" link in a menu; each comment has its "Reply" link.
  const post = 'A photo from the old stone bridge this morning, before the works began. The arches have stood for two hundred years, and by the autumn they will be gone, so I wanted to keep them.';
  const html = page(`<div class="post"><h1>The bridge at dawn</h1><p class="meta">by Jane Writer on March 2, 2024</p><div class="entry"><p>${post}</p></div></div>
<div id="comments"><p class="lead">{ 40 comments… read them below or add one }</p><ol class="commentlist">
${THREAD.map(
  ([who, text], i) => `<li class="comment"><div class="comment-author">${who} March ${i + 3}, 2024 at 10:0${i} am</div>
<p>${text}</p><a class="reply-link" href="#reply-${i}">Reply</a></li>`,
).join('\n')}
</ol></div>`);

  it('is left out of the post', () => {
    const article = declutter(html);
    expect(article.text).toContain(post);
    for (const [, text] of THREAD) expect(article.text).not.toContain(text);
  });
});
