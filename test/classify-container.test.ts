import { declutter } from '../src/index.js';

const paragraph = (topic: string) =>
  `<p>The council met on Tuesday to discuss ${topic}, and after a long debate the members agreed that the plan would go ahead in the spring, although several of them said they still had doubts about the cost.</p>`;

/** A main container holding the article, a short line of it, and a login popup nested after its paragraphs. */
const page = `<html><body><main>
  ${paragraph('the new bridge')}
  <p>Work starts in May.</p>
  ${paragraph('the budget')}
  ${paragraph('the schedule')}
  <div class="login-popup"><p>E-mail:</p><p>Password:</p><p>Remember me</p><p>Forgot your password?</p></div>
</main><footer><a href="/a">About</a> <a href="/b">Contact</a></footer></body></html>`;

describe('container coherence (DOM pages)', () => {
  it('lets the main container vouch for a short line of its text', () => {
    expect(declutter(page).text).toContain('Work starts in May.');
  });

  it('does not vouch for a furniture box nested inside it', () => {
    const text = declutter(page).text;
    for (const line of ['E-mail:', 'Password:', 'Remember me', 'Forgot your password?']) expect(text).not.toContain(line);
    expect(text).toContain('the schedule');
  });

  it('vouches for a furniture word the whole container carries (a forum whose posts are "comments")', () => {
    const forum = `<html><body><div class="comments">
      <div class="comment">${paragraph('the new bridge')}</div>
      <div class="comment"><p>Agreed, well said.</p></div>
      <div class="comment">${paragraph('the budget')}</div>
    </div></body></html>`;
    expect(declutter(forum).text).toContain('Agreed, well said.');
  });
});

describe('outside the main container', () => {
  it('drops the prose of a sidebar, however good it reads', () => {
    const teaser = (topic: string) =>
      `<li>Our family always celebrates ${topic}, but not this week. A year ago on Tuesday, our father died after a long illness, and we have not stopped thinking about what it means to lose someone who held the whole family together for so many years.</li>`;
    const topics = ['the bridge', 'the budget', 'the schedule', 'the tender', 'the contractors', 'the traffic plan', 'the noise rules', 'the parking', 'the trees', 'the tolls'];
    const html = `<html><body><main>${topics.map(paragraph).join('')}</main>
      <div class="sidebar"><ul>${teaser('anniversaries')}${teaser('birthdays')}${teaser('holidays')}</ul></div></body></html>`;
    const text = declutter(html).text;
    expect(text).toContain('the tender');
    expect(text).not.toContain('Our family always celebrates');
  });
});

describe('figure captions', () => {
  it('leaves a figure caption out of the article, even a long one between paragraphs', () => {
    const html = `<html><body><article>${paragraph('the bridge')}
      <figure><img src="a.jpg"><figcaption>The mayor, left, and the chief engineer look at the plans for the new bridge during a visit to the site on Monday afternoon.</figcaption></figure>
      ${paragraph('the budget')}${paragraph('the schedule')}</article></body></html>`;
    const text = declutter(html).text;
    expect(text).toContain('the budget');
    expect(text).not.toContain('The mayor, left');
  });
});

describe('captions between paragraphs', () => {
  it('drops a photo caption that sits between two paragraphs of the article', () => {
    const article = `<html><body><article>
      ${paragraph('the new bridge')}
      <p>China has warned it will take control of the harbour front (Image: GETTY )</p>
      ${paragraph('the budget')}
    </article></body></html>`;
    const text = declutter(article).text;
    expect(text).toContain('the new bridge');
    expect(text).toContain('the budget');
    expect(text).not.toContain('GETTY');
  });
});
