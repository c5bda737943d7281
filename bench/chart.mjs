// The benchmark chart, hand-written SVG: one panel per set, F1 (the set's published metric) against pages per
// second on a log scale, one labelled point per tool. Up and to the right is better.

const PANEL_WIDTH = 460;
const PANEL_HEIGHT = 330;
const MARGIN = { top: 44, right: 24, bottom: 46, left: 54 };
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
/** Rough width of a character of the 11px label font, to keep labels apart and inside the panel. */
const CHAR_WIDTH = 6.1;
const LABEL_HEIGHT = 13;
const POINT_RADIUS = 5;

const COLOURS = { declutter: '#d62728', 'declutter-text': '#d62728', other: '#1f77b4', baseline: '#7f7f7f' };

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (x) => Number(x.toFixed(1));

/** Tick values of a log axis between lo and hi: 1, 2, 5 × powers of ten. */
function logTicks(lo, hi) {
  const ticks = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** p;
      if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

function tickLabel(v) {
  return v >= 1000 ? `${v / 1000}k` : String(v);
}

/**
 * Places labels beside their points, trying a few positions so that they overlap neither each other nor any
 * point, and stay inside the panel.
 */
function placeLabels(points, bounds) {
  const placed = points.map((p) => ({ x: p.px - POINT_RADIUS - 1, y: p.py - POINT_RADIUS - 1, w: 2 * POINT_RADIUS + 2, h: 2 * POINT_RADIUS + 2 }));
  const overlaps = (box) =>
    placed.some((p) => box.x < p.x + p.w && p.x < box.x + box.w && box.y < p.y + p.h && p.y < box.y + box.h);
  const inside = (box) => box.x >= bounds.x0 && box.x + box.w <= bounds.x1 && box.y >= bounds.y0 - 14 && box.y + box.h <= bounds.y1 + 4;
  return [...points]
    .sort((a, b) => a.py - b.py)
    .map((pt) => {
      const w = pt.label.length * CHAR_WIDTH;
      // Beside the point, then centred above or below it, then beside it a line or more up or down.
      const candidates = [
        { x: pt.px + 8, y: pt.py - 9, w, h: LABEL_HEIGHT, anchor: 'start' },
        { x: pt.px - 8 - w, y: pt.py - 9, w, h: LABEL_HEIGHT, anchor: 'end' },
        { x: pt.px - w / 2, y: pt.py - POINT_RADIUS - 2 - LABEL_HEIGHT, w, h: LABEL_HEIGHT, anchor: 'middle' },
        { x: pt.px - w / 2, y: pt.py + POINT_RADIUS + 2, w, h: LABEL_HEIGHT, anchor: 'middle' },
      ];
      for (const dy of [-LABEL_HEIGHT, LABEL_HEIGHT, -2 * LABEL_HEIGHT, 2 * LABEL_HEIGHT, 3 * LABEL_HEIGHT]) {
        candidates.push({ x: pt.px + 8, y: pt.py - 9 + dy, w, h: LABEL_HEIGHT, anchor: 'start' });
        candidates.push({ x: pt.px - 8 - w, y: pt.py - 9 + dy, w, h: LABEL_HEIGHT, anchor: 'end' });
      }
      candidates.forEach((c, i) => (c.adjacent = i < 4));
      const box = candidates.find((c) => inside(c) && !overlaps(c)) ?? candidates.find(inside) ?? candidates[0];
      placed.push(box);
      return { ...pt, box };
    });
}

function panel(run, offsetX) {
  const metric = run.set.metric;
  const title = `${run.set.name} (${run.pages.toLocaleString('en')} pages): ${metric === 'zyte' ? 'Zyte F1' : 'WCXB word F1'}`;
  const points = run.tools.filter((t) => t.scored !== false && Number.isFinite(t.pagesPerSecond)).map((t) => ({
    id: t.id,
    label: t.label,
    x: t.pagesPerSecond,
    y: metric === 'zyte' ? t.summary.zyte.f1 : t.summary.words.f1,
  }));
  const xs = points.map((p) => p.x);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...xs)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...xs)));
  const yLo = Math.min(0.5, Math.floor(Math.min(...points.map((p) => p.y)) * 10) / 10);
  const yHi = 1;
  const x0 = offsetX + MARGIN.left;
  const x1 = offsetX + PANEL_WIDTH - MARGIN.right;
  const y0 = MARGIN.top;
  const y1 = PANEL_HEIGHT - MARGIN.bottom;
  const px = (v) => x0 + ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (x1 - x0);
  const py = (v) => y1 - ((v - yLo) / (yHi - yLo)) * (y1 - y0);

  const parts = [];
  parts.push(`<text x="${n(offsetX + PANEL_WIDTH / 2)}" y="22" text-anchor="middle" font-size="13" font-weight="600" ${FONT}>${escapeXml(title)}</text>`);
  // Grid and axes.
  for (const v of logTicks(lo, hi)) {
    const x = n(px(v));
    parts.push(`<line x1="${x}" y1="${y0}" x2="${x}" y2="${y1}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${x}" y="${y1 + 16}" text-anchor="middle" font-size="10" fill="#555" ${FONT}>${tickLabel(v)}</text>`);
  }
  for (let v = yLo; v <= yHi + 1e-9; v += 0.1) {
    const y = n(py(v));
    parts.push(`<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${x0 - 6}" y="${y + 3}" text-anchor="end" font-size="10" fill="#555" ${FONT}>${v.toFixed(1)}</text>`);
  }
  parts.push(`<rect x="${x0}" y="${y0}" width="${n(x1 - x0)}" height="${n(y1 - y0)}" fill="none" stroke="#999"/>`);
  parts.push(`<text x="${n((x0 + x1) / 2)}" y="${y1 + 34}" text-anchor="middle" font-size="11" fill="#333" ${FONT}>pages per second (log scale, one core)</text>`);
  parts.push(
    `<text x="${offsetX + 14}" y="${n((y0 + y1) / 2)}" text-anchor="middle" font-size="11" fill="#333" ${FONT} ` +
      `transform="rotate(-90 ${offsetX + 14} ${n((y0 + y1) / 2)})">${metric === 'zyte' ? 'Zyte F1' : 'word F1'}</text>`,
  );
  // Points and labels.
  const located = points.map((p) => ({ ...p, px: px(p.x), py: py(p.y) }));
  for (const p of placeLabels(located, { x0, x1, y0, y1 })) {
    const colour = p.id.startsWith('declutter') ? COLOURS.declutter : p.id === 'html-to-text' ? COLOURS.baseline : COLOURS.other;
    const hollow = p.id === 'declutter-text' || p.id === 'declutter-lynx';
    parts.push(
      `<circle cx="${n(p.px)}" cy="${n(p.py)}" r="${POINT_RADIUS}" fill="${hollow ? 'white' : colour}" stroke="${colour}" stroke-width="2">` +
        `<title>${escapeXml(`${p.label}: F1 ${p.y.toFixed(3)}, ${p.x.toFixed(1)} pages/s`)}</title></circle>`,
    );
    const tx = p.box.anchor === 'start' ? p.box.x : p.box.anchor === 'end' ? p.box.x + p.box.w : p.box.x + p.box.w / 2;
    if (!p.box.adjacent) {
      // A label moved away from its point is tied to it by a leader line.
      const lx = p.box.anchor === 'start' ? p.box.x - 2 : p.box.x + p.box.w + 2;
      parts.push(`<line x1="${n(p.px)}" y1="${n(p.py)}" x2="${n(lx)}" y2="${n(p.box.y + p.box.h / 2)}" stroke="${colour}" stroke-width="0.8"/>`);
    }
    parts.push(
      `<text x="${n(tx)}" y="${n(p.box.y + 10)}" text-anchor="${p.box.anchor}" font-size="11" fill="${colour}" ${FONT}>${escapeXml(p.label)}</text>`,
    );
  }
  return parts.join('\n  ');
}

/** Panels per row of the chart. */
const PANELS_PER_ROW = 2;

/** The whole chart: the panels two to a row, each in its own translated group. */
export function renderChart(runs) {
  const columns = Math.min(PANELS_PER_ROW, runs.length);
  const width = PANEL_WIDTH * columns;
  const height = PANEL_HEIGHT * Math.ceil(runs.length / columns);
  const body = runs
    .map((run, i) => `<g transform="translate(0 ${PANEL_HEIGHT * Math.floor(i / columns)})">\n  ${panel(run, (i % columns) * PANEL_WIDTH)}\n  </g>`)
    .join('\n  ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n` +
    `  <rect width="100%" height="100%" fill="white"/>\n  ${body}\n</svg>\n`
  );
}
