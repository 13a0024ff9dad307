/** Byte counts as people read them, the same in every workspace. */

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/**
 * A size in the binary units mail clients use, e.g. `532 bytes`, `1.5 KB`, `25.0 MB`: one decimal
 * from KB up, so 1023 bytes is not shown as `1.0 KB`.
 */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) {
    throw new RangeError(`A size must be a finite, non-negative number of bytes, not ${bytes}.`);
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/**
 * A whole count with English thousands separators, e.g. `26,214,400`: what
 * `toLocaleString('en')` writes, without Intl. A page's first Intl number format loads locale
 * data, tens of milliseconds in the task that first shows a large message's window.
 */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`A count must be a whole, non-negative number, not ${count}.`);
  }
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
