import { InvalidArgumentError } from 'commander';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/i;

/** Parses "64MB", "512k", "1000000" into bytes (binary units). */
export function parseByteSize(value: string): number {
  const m = SIZE.exec(value.trim());
  const unit = m === null ? undefined : UNITS[m[2]!.toLowerCase()];
  if (m === null || unit === undefined) throw new InvalidArgumentError('expected a size such as 500000, 512KB or 64MB');
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes <= 0) throw new InvalidArgumentError('expected a size greater than zero');
  return bytes;
}
