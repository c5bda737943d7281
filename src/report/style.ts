import { createHash } from 'node:crypto';

/** Decimals of the scores shown in reports. */
export const SCORE_DECIMALS = 3;

/**
 * The Content-Security-Policy of a report: nothing may be fetched (no images, fonts, frames or connections),
 * styles are inline, and the only script allowed is the given inline one, by its hash (none by default).
 */
export function contentSecurityPolicy(script?: string): string {
  const scripts = script === undefined ? '' : `; script-src '${scriptHash(script)}'`;
  return `default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'${scripts}`;
}

function scriptHash(script: string): string {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}

/** Shared by the page report and the index. */
const BASE_STYLE = `
:root { --kept: #1a7f37; --removed: #8c959f; --missing: #cf222e; --extra: #9a6700; --ink: #1f2328; --muted: #59636e; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
  background: #fff; max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; margin: .25rem 0 .75rem; line-height: 1.25; }
h1.untitled { color: var(--muted); font-style: italic; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; }
th, td { padding: .2rem .6rem; text-align: right; border-bottom: 1px solid #d1d9e0; }
th:first-child, td:first-child { text-align: left; }
a { color: #0550ae; }
code { font: .78rem/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
mark.missing { background: #ffcecb; color: inherit; outline: 1px solid #ff8182; }
mark.extra { background: #fff1a8; color: inherit; outline: 1px solid #d4a72c; }
.note { background: #fff8c5; padding: .4rem .7rem; border-radius: 4px; }
`;

/** The page report's style. */
export const REPORT_STYLE = `${BASE_STYLE}
header { border-bottom: 2px solid #d1d9e0; padding-bottom: .75rem; margin-bottom: .75rem; }
.nav { margin: 0; }
.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; margin: 0 0 .75rem; }
.facts div { display: flex; gap: .4rem; max-width: 100%; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.counts, .scores { display: inline-table; vertical-align: top; margin: 0 2rem .5rem 0; }
.counts tr.kept th { color: var(--kept); }
.counts tr.removed th { color: var(--muted); }
.scores td.f1 { font-weight: 700; }
.diffcounts { margin: .25rem 0; }
.legend { color: var(--muted); font-size: .85rem; margin: .3rem 0; }
.legend .sample { display: inline-block; padding: 0 .5rem; margin-right: .5rem; }
input.toggle { margin-left: 0; }
label.toggle { font-size: .9rem; color: var(--muted); }
#hide-removed:checked ~ main .removed { display: none; }
details.fold { margin: .2rem 0; border-left: 5px solid #d1d9e0; }
details.fold > summary { cursor: pointer; color: var(--muted); font-size: .85rem; padding: .3rem .6rem; }
details.fold[open] > summary { border-bottom: 1px dashed #d1d9e0; }
details.reasons { font-size: .85rem; margin: .3rem 0; }
details.reasons > summary { cursor: pointer; color: var(--muted); }
details.reasons dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .4rem 0; }
details.reasons dl div { display: contents; }
details.reasons dd { margin: 0; }
.m .r code[title] { text-decoration: underline dotted; cursor: help; }
.b { display: grid; grid-template-columns: 19rem minmax(0, 1fr); gap: 0 1rem; padding: .35rem .6rem;
  margin: .2rem 0; border-left: 5px solid var(--kept); }
.b.kept { background: #f4fbf6; }
.b.removed { border-left-color: #d1d9e0; color: var(--removed); }
.b.removed .t { opacity: .7; }
.b.removed del { text-decoration: line-through; text-decoration-color: #afb8c1; }
.b.kept.has-extra { border-left-color: var(--extra); background: #fffbe6; }
.b.removed.has-missing { border-left-color: var(--missing); background: #fff5f5; color: var(--ink); }
.b.removed.has-missing .t { opacity: 1; }
.b.sample { display: inline-block; margin: 0; }
.m { font-size: .78rem; color: var(--muted); line-height: 1.35; }
.m .n { color: var(--muted); text-decoration: none; }
.m .k { font-weight: 600; }
.m .s { font-weight: 700; }
.m .s.pos { color: var(--kept); }
.m .s.neg { color: var(--missing); }
.m .flip { background: #eaeef2; border-radius: 3px; padding: 0 .3rem; }
.m .r code { background: #eaeef2; border-radius: 3px; padding: 0 .25rem; display: inline-block; margin: .1rem 0; }
.t { white-space: pre-wrap; overflow-wrap: anywhere; }
.kind-heading .t { font-weight: 700; font-size: 1.1em; }
.kind-code .t, .kind-table .t { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.kind-quote .t { font-style: italic; }
.ref { grid-column: 2; margin: .3rem 0 0; padding-left: 1.2rem; font-size: .9em; }
.diff ol { padding-left: 1.5rem; }
.diff li { margin: .2rem 0; }
.diff .where, .diff .line { font-size: .78rem; color: var(--muted); margin-right: .4rem; }
.diff ol.missing li { border-left: 3px solid var(--missing); padding-left: .5rem; }
.diff ol.extra li { border-left: 3px solid var(--extra); padding-left: .5rem; }
@media (max-width: 48rem) { .b { grid-template-columns: 1fr; } .ref { grid-column: 1; } }
@media print { input.toggle, label.toggle { display: none; } }
`;

/** The index's style. */
export const INDEX_STYLE = `${BASE_STYLE}
.summary { margin: .5rem 0 1rem; }
.run { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
table.pages { width: 100%; font-variant-numeric: tabular-nums; }
table.pages thead th { position: sticky; top: 0; background: #f6f8fa; white-space: nowrap; }
table.pages th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
table.pages th[aria-sort="ascending"] button::after { content: " ▲"; }
table.pages th[aria-sort="descending"] button::after { content: " ▼"; }
table.pages td.f1 { font-weight: 700; }
td.low { color: var(--missing); }
table.pages .text { text-align: left; }
tr.error td { background: #fff5f5; }
.bar { display: inline-block; height: .6rem; background: var(--kept); vertical-align: middle; margin-left: .4rem; }
`;
