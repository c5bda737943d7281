import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { completeLines } from '../src/batch/run.js';
import { readJsonLines, type ContainerRecord } from '../src/input/records.js';

async function all(chunks: (string | Buffer)[]): Promise<ContainerRecord[]> {
  const out: ContainerRecord[] = [];
  for await (const rec of readJsonLines(Readable.from(chunks.map((c) => Buffer.from(c))))) out.push(rec);
  return out;
}

describe('JSON Lines records', () => {
  it('reads lines split anywhere across chunks, CRLF and blank lines included', async () => {
    const text = '{"id": "a", "html": "<p>x</p>"}\r\n\n{"url": "https://e.com/b", "text": "y"}\n{"id": 7, "text": "z"}';
    const whole = await all([text]);
    const bytewise = await all(text.split('').map((c) => c));
    expect(bytewise).toEqual(whole);
    expect(whole).toEqual([
      { ok: true, name: 'a', id: 'a', payload: '<p>x</p>', kind: 'html' },
      { ok: true, name: 'https://e.com/b', url: 'https://e.com/b', payload: 'y', kind: 'text' },
      { ok: true, name: '7', id: '7', payload: 'z', kind: 'text' },
    ]);
  });

  it('keeps multi-byte characters cut between chunks whole', async () => {
    const line = Buffer.from('{"id": "é", "text": "日本語のページ"}\n');
    const recs = await all([line.subarray(0, 10), line.subarray(10, 27), line.subarray(27)]);
    expect(recs).toEqual([{ ok: true, name: 'é', id: 'é', payload: '日本語のページ', kind: 'text' }]);
  });

  it('turns bad lines into failures that say which line, and goes on', async () => {
    const recs = await all(['[1, 2]\n{"id": "no-body"}\nnot json\n{"text": "fine"}\n']);
    expect(recs).toEqual([
      { ok: false, name: 'line-1', line: 1, reason: 'not a JSON object' },
      { ok: false, name: 'no-body', id: 'no-body', reason: 'no "html" or "text" field (line 2)' },
      { ok: false, name: 'line-3', line: 3, reason: 'not valid JSON' },
      { ok: true, name: 'line-4', line: 4, payload: 'fine', kind: 'text' },
    ]);
  });
});

describe('resuming a JSON Lines output', () => {
  it('cuts a partial last line and counts the complete ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'declutter-lines-'));
    try {
      const file = join(dir, 'out.jsonl');
      writeFileSync(file, '{"id":"a"}\n{"id":"b"}\n{"id":"c", "te');
      expect(completeLines(file)).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe('{"id":"a"}\n{"id":"b"}\n');
      expect(completeLines(file)).toBe(2);
      writeFileSync(file, 'partial only');
      expect(completeLines(file)).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe('');
      expect(completeLines(join(dir, 'missing.jsonl'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
