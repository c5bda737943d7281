/**
 * Published dates to ISO 8601. Pages write dates in many ways (ISO with or without zone, RFC 2822, "November
 * 19, 2019", "19.11.2019", epoch seconds); the metadata keeps one form:
 * - 'YYYY-MM-DD' when only the date is known;
 * - 'YYYY-MM-DDTHH:MM:SS±HH:MM' (or '…Z' for UTC) when a time and its offset are given;
 * - 'YYYY-MM-DDTHH:MM:SS' (local time, still ISO 8601) when a time is given without an offset.
 * Fractions of a second are dropped. Values that are not a valid calendar date in DATE_MIN_YEAR..DATE_MAX_YEAR
 * give undefined. Every pattern runs on at most DATE_MAX_CHARS characters and has no nested quantifier.
 */

import { DATE_MAX_CHARS, DATE_MAX_YEAR, DATE_MIN_YEAR } from './thresholds.js';

/** English month names and abbreviations by their first three letters. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6],
  ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Zone abbreviations seen in RFC 2822 dates and US pages, as offsets in minutes. */
const ZONES: ReadonlyMap<string, number> = new Map([
  ['z', 0], ['gmt', 0], ['utc', 0], ['ut', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['cet', 60], ['cest', 120], ['bst', 60], ['ist', 330], ['jst', 540],
]);

/** Year-month-day with - / or . between, then an optional time and zone: "2019-11-19T05:00:00.000+0000". */
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
/** A time right after a date: "T05:00", " 05:00:00", "T05:00:00.123". */
const TIME = /^(?:T|\s+|,\s*|\s+at\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,9})?(?:\s*([ap])\.?m\.?)?/i;
/** A zone right after a time: "Z", "+02:00", "+0200", "+02", " GMT", " EST". */
const ZONE = /^\s*(?:([+-])(\d{2}):?(\d{2})?|([a-z]{1,4})\b)/i;
/** "19 November 2019", "19th Nov. 2019", "Tue, 19 Nov 2019". */
const DAY_MONTH_YEAR = /(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})/i;
/** "November 19, 2019", "Nov. 19th 2019". */
const MONTH_DAY_YEAR = /(?:^|[^a-z])([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/i;
/** "19.11.2019" (day first, as written in most of Europe). */
const DMY_DOTS = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/;
/** Epoch seconds or milliseconds. */
const EPOCH = /^\d{10}(?:\d{3})?$/;
/** Eight digits: "20191119". */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The date as ISO 8601 (see the module comment), or undefined when it is not a date. */
export function normaliseDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().slice(0, DATE_MAX_CHARS);
  if (s.length === 0) return undefined;
  return isoDate(s) ?? epochDate(s) ?? compactDate(s) ?? dottedDate(s) ?? wordDate(s);
}

/** Year-month-day anywhere in a text ("Updated 2025-07-18"), not inside a longer number. */
const YMD_IN_TEXT = /(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;

/**
 * The first date written in a short visible text ("Published on July 18, 2025", "Updated 2025-07-18 10:00"),
 * as ISO 8601; undefined when none is found.
 */
export function findDateInText(raw: string): string | undefined {
  const s = raw.trim().slice(0, DATE_MAX_CHARS);
  const direct = normaliseDate(s);
  if (direct !== undefined) return direct;
  const m = YMD_IN_TEXT.exec(s);
  if (m === null) return undefined;
  return assemble(Number(m[1]), Number(m[2]), Number(m[3]), s.slice(m.index + m[0].length));
}

/** "2019-11-19", "2019-11-19T05:00:00Z", "2019/11/19 05:00 +0200". */
function isoDate(s: string): string | undefined {
  const m = YMD.exec(s);
  if (m === null) return undefined;
  return assemble(Number(m[1]), Number(m[2]), Number(m[3]), s.slice(m[0].length));
}

/** Epoch seconds or milliseconds (UTC). */
function epochDate(s: string): string | undefined {
  if (!EPOCH.test(s)) return undefined;
  const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR) return undefined;
  return d.toISOString().slice(0, 19) + 'Z';
}

/** "20191119". */
function compactDate(s: string): string | undefined {
  const m = COMPACT.exec(s);
  if (m === null) return undefined;
  return assemble(Number(m[1]), Number(m[2]), Number(m[3]), '');
}

/** "19.11.2019 14:30". */
function dottedDate(s: string): string | undefined {
  const m = DMY_DOTS.exec(s);
  if (m === null) return undefined;
  return assemble(Number(m[3]), Number(m[2]), Number(m[1]), s.slice(m[0].length));
}

/** Dates with an English month name, either order, optionally followed by a time and zone (RFC 2822). */
function wordDate(s: string): string | undefined {
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy !== null) {
    const month = MONTHS.get((dmy[2] ?? '').toLowerCase());
    if (month !== undefined) {
      return assemble(Number(dmy[3]), month, Number(dmy[1]), s.slice(dmy.index + dmy[0].length));
    }
  }
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy !== null) {
    const month = MONTHS.get((mdy[1] ?? '').toLowerCase());
    if (month !== undefined) {
      return assemble(Number(mdy[3]), month, Number(mdy[2]), s.slice(mdy.index + mdy[0].length));
    }
  }
  return undefined;
}

/** Validates the date, reads an optional time and zone from `rest`, and formats the result. */
function assemble(year: number, month: number, day: number, rest: string): string | undefined {
  if (!validDate(year, month, day)) return undefined;
  const date = `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
  const t = TIME.exec(rest);
  if (t === null) return date;
  let hour = Number(t[1]);
  const minute = Number(t[2]);
  const second = t[3] === undefined ? 0 : Number(t[3]);
  const meridiem = t[4]?.toLowerCase();
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 60) return date;
  const time = `${date}T${pad2(hour)}:${pad2(minute)}:${pad2(Math.min(second, 59))}`;
  const zone = zoneSuffix(rest.slice(t[0].length));
  return zone === undefined ? time : time + zone;
}

/** "Z" or "±HH:MM" for a zone at the start of `rest`, or undefined when none (or an unknown word) is there. */
function zoneSuffix(rest: string): string | undefined {
  const z = ZONE.exec(rest);
  if (z === null) return undefined;
  if (z[1] !== undefined) {
    const hours = Number(z[2]);
    const minutes = z[3] === undefined ? 0 : Number(z[3]);
    if (hours > 14 || minutes > 59) return undefined;
    return formatOffset((z[1] === '-' ? -1 : 1) * (hours * 60 + minutes));
  }
  const offset = ZONES.get((z[4] ?? '').toLowerCase());
  return offset === undefined ? undefined : formatOffset(offset);
}

/** "Z" for UTC, else "±HH:MM". */
function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** A real calendar date in the accepted year range (29 February only in leap years). */
function validDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < DATE_MIN_YEAR || year > DATE_MAX_YEAR) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
