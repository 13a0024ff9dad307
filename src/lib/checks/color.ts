/**
 * CSS colours as inline styles and HTML attributes write them, and WCAG 2.2's contrast ratio.
 */

/** An opaque sRGB colour, channels 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** The named colours mail templates use most (CSS Color 4 §6.1 has 148; unknown names give undefined). */
const NAMED: Record<string, string> = {
  black: '000000', white: 'ffffff', red: 'ff0000', green: '008000', blue: '0000ff',
  yellow: 'ffff00', gray: '808080', grey: '808080', silver: 'c0c0c0', maroon: '800000',
  navy: '000080', purple: '800080', teal: '008080', olive: '808000', lime: '00ff00',
  aqua: '00ffff', fuchsia: 'ff00ff', orange: 'ffa500', lightgray: 'd3d3d3', lightgrey: 'd3d3d3',
  darkgray: 'a9a9a9', darkgrey: 'a9a9a9', dimgray: '696969', whitesmoke: 'f5f5f5',
  gainsboro: 'dcdcdc', lightyellow: 'ffffe0', ivory: 'fffff0', snow: 'fffafa', beige: 'f5f5dc',
  pink: 'ffc0cb', gold: 'ffd700', darkblue: '00008b', darkred: '8b0000', darkgreen: '006400',
  lightblue: 'add8e6', skyblue: '87ceeb', tomato: 'ff6347', crimson: 'dc143c', coral: 'ff7f50',
}; // prettier-ignore

function fromHex(hex: string): Rgb | undefined {
  let h = hex;
  if (h.length === 3 || h.length === 4) h = [...h.slice(0, 3)].map((c) => c + c).join('');
  else if (h.length === 8) h = h.slice(0, 6);
  if (!/^[0-9a-f]{6}$/i.test(h)) return undefined;
  const n = parseInt(h, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** Read a colour; undefined for anything not a plain opaque colour (gradients, `transparent`, …). */
export function parseColor(value: string | undefined): Rgb | undefined {
  if (!value) return undefined;
  const text = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  if (text.startsWith('#')) return fromHex(text.slice(1));
  const rgb =
    /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(text);
  if (rgb) {
    if (rgb[4] !== undefined && parseFloat(rgb[4]) < (rgb[4].endsWith('%') ? 100 : 1))
      return undefined;
    return { r: Math.min(255, +rgb[1]!), g: Math.min(255, +rgb[2]!), b: Math.min(255, +rgb[3]!) };
  }
  const named = NAMED[text];
  if (named) return fromHex(named);
  // HTML attributes (bgcolor, color) also take bare hex digits.
  return /^[0-9a-f]{6}$/.test(text) ? fromHex(text) : undefined;
}

/** The colour a `background` shorthand sets, when it sets one plainly. */
export function backgroundColor(value: string | undefined): Rgb | undefined {
  if (!value) return undefined;
  for (const token of value.trim().split(/\s+(?![^(]*\))/)) {
    const color = parseColor(token);
    if (color) return color;
  }
  return undefined;
}

/** Relative luminance (WCAG 2.2). */
export function luminance({ r, g, b }: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio of two colours, 1 to 21 (WCAG 2.2). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `#rrggbb` of a colour, for messages. */
export function formatColor({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
