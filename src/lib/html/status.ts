/**
 * The sentences the preview's status line says about a report: what was blocked or loaded,
 * which images are tracking pixels, which inline images are missing.
 */
import type { PreviewReport } from './frame-document.ts';
import { MAX_PREVIEW_DEPTH, MAX_PREVIEW_ELEMENTS, type HtmlCut } from './limits.ts';
import type { RemoteKind, RemoteResource } from './remote-content.ts';

const KIND_NAMES: Record<RemoteKind, [string, string]> = {
  image: ['image', 'images'],
  background: ['background image', 'background images'],
  stylesheet: ['stylesheet', 'stylesheets'],
  font: ['font', 'fonts'],
  poster: ['video poster', 'video posters'],
};

function count(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function kinds(remote: readonly RemoteResource[]): string {
  const byKind = new Map<RemoteKind, number>();
  for (const resource of remote) byKind.set(resource.kind, (byKind.get(resource.kind) ?? 0) + 1);
  return [...byKind].map(([kind, n]) => count(n, KIND_NAMES[kind])).join(', ');
}

/**
 * The status line's sentences for a report. `darkMode` says whether the person asked for the
 * email's dark styles, so the line can say when the email has none.
 */
export function describeReport(
  report: PreviewReport,
  remoteAllowed: boolean,
  darkMode = false,
): string[] {
  const lines: string[] = [];
  if (report.cut) lines.push(describeCut(report.cut));
  if (report.withheld) {
    lines.push('Not shown: the sanitized HTML would have changed shape in the frame.');
  }
  const remote = report.remote;
  if (remote.length === 0) lines.push('No remote content.');
  else {
    const what = count(remote.length, ['remote resource', 'remote resources']);
    lines.push(
      remoteAllowed
        ? `Loaded ${what} for this message (${kinds(remote)}).`
        : `Blocked ${what} (${kinds(remote)}).`,
    );
  }
  const pixels = remote.filter((resource) => resource.trackingPixel);
  if (pixels.length) {
    const hosts = [...new Set(pixels.map((pixel) => hostOf(pixel.url)))].join(', ');
    lines.push(
      `${pixels.length === 1 ? 'Tracking pixel' : `${pixels.length} tracking pixels`}: 1×1 image from ${hosts}.`,
    );
  }
  if (report.missingContentIds.length) {
    lines.push(
      `Missing inline ${report.missingContentIds.length === 1 ? 'part' : 'parts'}: ${report.missingContentIds.map((id) => `cid:${id}`).join(', ')}.`,
    );
  }
  if (report.unsupportedContentIds.length) {
    lines.push(
      `Not shown (not an image): ${report.unsupportedContentIds.map((id) => `cid:${id}`).join(', ')}.`,
    );
  }
  if (report.outlookOnlyBlocks) {
    lines.push(
      `${count(report.outlookOnlyBlocks, ['Outlook-only block', 'Outlook-only blocks'])} not shown.`,
    );
  }
  if (darkMode && !report.hasDarkStyles) {
    lines.push('This email has no dark-mode styles of its own.');
  }
  if (report.unsafeCssRemoved) {
    lines.push(
      `Removed ${count(report.unsafeCssRemoved, ['style', 'styles'])} hiding code in escapes.`,
    );
  }
  return lines;
}

function megabytes(length: number): string {
  return `${(length / (1024 * 1024)).toFixed(1)} MB`;
}

/** The note for HTML the preview cut before parsing it. */
export function describeCut(cut: HtmlCut): string {
  const shown = Math.round((cut.shown / cut.total) * 100);
  if (cut.reason === 'size') {
    return `Showing only the first ${megabytes(cut.shown)} of ${megabytes(cut.total)} of HTML (${shown}%): the preview stops there.`;
  }
  if (cut.reason === 'elements') {
    return `Showing only the first ${MAX_PREVIEW_ELEMENTS.toLocaleString('en')} elements of the HTML (${shown}% of it): the preview stops there.`;
  }
  return `Showing the HTML only up to a nesting of ${MAX_PREVIEW_DEPTH} elements (${shown}% of it): the preview stops there.`;
}
