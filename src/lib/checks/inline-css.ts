/**
 * CSS inlining for mail: `<style>` rules copied into each element's `style` attribute (juice,
 * loaded on first use), keeping what cannot be inlined (media queries, dark-mode blocks, font
 * faces, keyframes) in a `<style>` block for the clients that read one.
 */

type Juice = (html: string, options: Record<string, unknown>) => string;
let juice: Promise<Juice> | undefined;

/** juice's options: keep every rule that only works from a stylesheet. */
const JUICE_OPTIONS = {
  preserveMediaQueries: true,
  preserveFontFaces: true,
  preserveKeyFrames: true,
  preservePseudos: true,
  insertPreservedExtraCss: true,
  removeStyleTags: true,
  applyAttributesTableElements: false,
  applyWidthAttributes: false,
  applyHeightAttributes: false,
  resolveCSSVariables: false,
  xmlMode: false,
} as const;

function loadJuice(): Promise<Juice> {
  // juice/client parses with cheerio and needs no file system or network: it runs in a worker.
  juice ??= import('juice/client').then(
    (module) => ((module as { default?: Juice }).default ?? module) as Juice,
  );
  return juice;
}

/** Inline the `<style>` rules of an HTML body. Rules that cannot be inlined stay in `<style>`. */
export async function inlineCss(html: string): Promise<string> {
  if (typeof html !== 'string') throw new RangeError('inlineCss takes the HTML as a string.');
  const inline = await loadJuice();
  return inline(html, JUICE_OPTIONS);
}
