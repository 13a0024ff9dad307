import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

/** Open Compose and wait until the draft is loaded and assembled. */
export async function openCompose(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Raw message' })).toContainText('MIME-Version');
}

/** Replace the whole content of a CodeMirror editor by typing, as a person would. */
export async function typeInEditor(page: Page, name: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name, exact: true });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** What Python's `email` package (policy=default) makes of a message. */
export interface PythonReading {
  defects: string[];
  headers: Record<string, string>;
  parts: Array<{ type: string; filename: string | null; size: number }>;
  text: string | null;
  html: string | null;
}

const READ_WITH_PYTHON = `
import email, json, sys
from email import policy
raw = open(sys.argv[1], 'rb').read()
message = email.message_from_bytes(raw, policy=policy.default)
defects = []
parts = []
for part in message.walk():
    defects += [type(defect).__name__ + ': ' + str(defect) for defect in part.defects]
    for name, value in part.items():
        defects += [type(defect).__name__ + ' in ' + name for defect in getattr(value, 'defects', ())]
    if not part.is_multipart():
        parts.append({'type': part.get_content_type(), 'filename': part.get_filename(),
                      'size': len(part.get_payload(decode=True) or b'')})
text = message.get_body(('plain',))
html = message.get_body(('html',))
print(json.dumps({
    'defects': defects,
    'headers': {name: str(value) for name, value in message.items()},
    'parts': parts,
    'text': text.get_content() if text else None,
    'html': html.get_content() if html else None,
}))
`;

/** Parse a saved message with Python's `email` package, the independent oracle. */
export function readWithPython(path: string): PythonReading {
  const output = execFileSync('python3', ['-c', READ_WITH_PYTHON, path], { encoding: 'utf8' });
  return JSON.parse(output) as PythonReading;
}
