import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openCompose, typeInEditor } from './compose-support.ts';

const SIZES = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** What each workspace shows once it is open. */
const WORKSPACES = [
  {
    tab: 'Compose',
    ready: (page: Page) => page.getByRole('textbox', { name: 'From', exact: true }),
  },
  {
    tab: 'Inspect',
    ready: (page: Page) => page.getByRole('textbox', { name: 'Raw message input' }),
  },
  { tab: 'SES', ready: (page: Page) => page.getByRole('navigation', { name: 'SES pages' }) },
];

const COMPOSE_ACTIONS = ['Send with SES simulator', 'Export .eml', 'Copy raw', 'SES request'];

/** How far the page itself scrolls, down and sideways. */
function pageOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      down: root.scrollHeight - root.clientHeight,
      sideways: root.scrollWidth - root.clientWidth,
    };
  });
}

/**
 * The editors' colours in this theme: each editor scrolled into view (axe leaves what is off
 * screen unchecked), the raw message included.
 */
async function scanEditors(page: Page) {
  for (const name of ['HTML body', 'Text body']) {
    await page.getByRole('textbox', { name, exact: true }).scrollIntoViewIfNeeded();
    const results = await new AxeBuilder({ page }).include('.cm-editor').analyze();
    expect(results.violations, `${name}: ${JSON.stringify(results.violations, null, 2)}`).toEqual(
      [],
    );
    expect(contrastChecked(results), `${name}: no colour was checked`).toBeGreaterThan(0);
  }
  await page.getByRole('tab', { name: 'Raw', exact: true }).click();
  const raw = page.getByRole('region', { name: 'Raw message' });
  await raw.scrollIntoViewIfNeeded();
  await expect(raw).toContainText('MIME-Version');
  const results = await new AxeBuilder({ page }).include('#message-panel-raw').analyze();
  expect(results.violations, `Raw: ${JSON.stringify(results.violations, null, 2)}`).toEqual([]);
  expect(contrastChecked(results), 'Raw: no colour was checked').toBeGreaterThan(0);
}

/** How many elements axe checked for colour contrast (and found good). */
function contrastChecked(results: Awaited<ReturnType<AxeBuilder['analyze']>>): number {
  return results.passes.find((rule) => rule.id === 'color-contrast')?.nodes.length ?? 0;
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test(`at ${size.width}×${size.height} in ${scheme}, every workspace fits the window and passes axe`, async ({
      page,
    }) => {
      // Three axe scans of full workspaces take a while on a busy machine.
      test.setTimeout(240_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      for (const workspace of WORKSPACES) {
        await page.getByRole('tab', { name: workspace.tab, exact: true }).click();
        await expect(workspace.ready(page)).toBeVisible();
        if (workspace.tab === 'Compose') {
          // Assembled: the actions that need the message are enabled.
          await expect(page.getByRole('button', { name: 'Export .eml' })).toBeEnabled();
          for (const name of COMPOSE_ACTIONS) {
            await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
          }
        }
        const overflow = await pageOverflow(page);
        expect(overflow.sideways, `${workspace.tab} scrolls sideways`).toBeLessThanOrEqual(0);
        if (size.name === 'desktop') {
          expect(overflow.down, `${workspace.tab} scrolls the page`).toBeLessThanOrEqual(0);
        }
        const results = await new AxeBuilder({ page })
          .exclude('iframe[title="HTML preview"]')
          .analyze();
        expect(
          results.violations,
          `${workspace.tab}: ${JSON.stringify(results.violations, null, 2)}`,
        ).toEqual([]);
        if (workspace.tab === 'Compose') await scanEditors(page);
      }
    });
  }
}

test('on a phone Compose is one column: the message tabs come under the editors', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCompose(page);
  const editor = await page.getByRole('textbox', { name: 'Text body', exact: true }).boundingBox();
  const tabs = await page.getByRole('tablist', { name: 'Assembled message' }).boundingBox();
  expect(tabs!.y).toBeGreaterThan(editor!.y + editor!.height);
  expect(tabs!.x + tabs!.width).toBeLessThanOrEqual(390);
  await expect(page.getByRole('separator')).toHaveCount(0);
  // Scrolling the workspace keeps the toolbar in view.
  await page.getByRole('region', { name: 'Raw message' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Export .eml', exact: true })).toBeInViewport();
});

test('Compose → Export runs from the command palette in five key presses', async ({ page }) => {
  await openCompose(page);
  const subject = await page.getByRole('textbox', { name: 'Subject', exact: true }).inputValue();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await page.keyboard.type('exp');
  await expect(palette.getByRole('option').first()).toContainText('Export .eml');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toBe(`${subject}.eml`);
  await expect(palette).toBeHidden();
});

test('the palette lists every action with its shortcut, and the shortcuts work', async ({
  page,
}) => {
  await openCompose(page);
  await page.getByRole('button', { name: /^Commands/ }).click();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const option = (name: string) => palette.getByRole('option').filter({ hasText: name });
  await expect(option('Send with SES simulator')).toContainText('Ctrl+Enter');
  await expect(option('Export .eml')).toContainText('Ctrl+S');
  await expect(option('Go to Compose')).toContainText('Alt+1');
  await expect(option('Go to Inspect')).toContainText('Alt+2');
  await expect(option('Go to SES')).toContainText('Alt+3');
  await expect(option('Copy raw message')).toBeVisible();
  await expect(option('New draft')).toBeVisible();
  await expect(option('Use the dark theme')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('tab', { name: 'Inspect', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // Compose's own shortcuts do nothing outside Compose.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.keyboard.press('ControlOrMeta+s');
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('tab', { name: 'SES', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('tab', { name: 'Compose', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(downloads).toBe(0);

  // Ctrl+S exports even from inside an editor, and Ctrl+Enter sends.
  await page.getByRole('textbox', { name: 'Text body', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('ControlOrMeta+s'),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.eml$/);
  await page.keyboard.press('ControlOrMeta+Enter');
  const answered = page
    .getByRole('status')
    .filter({ hasText: /^Sent/ })
    .or(page.getByRole('alert').filter({ hasText: /\S/ }));
  await expect(answered.first()).toBeVisible();
});

test('the theme switch overrides the system setting and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark theme' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).not.toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');

  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'System theme' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('the skip link is the first stop and moves focus to the workspace', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to workspace' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send with SES simulator' })).toBeFocused();
});

test('New draft starts an empty "Untitled N" whose name follows its subject until renamed', async ({
  page,
}) => {
  await openCompose(page);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  const subject = page.getByRole('textbox', { name: 'Subject', exact: true });
  const drafts = page.getByLabel('Draft', { exact: true });
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(name).toHaveValue('Untitled 1');
  await expect(subject).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('');
  await expect(drafts.getByRole('option', { name: 'Untitled 1' })).toBeAttached();

  await subject.fill('Spring sale');
  await expect(name).toHaveValue('Spring sale');
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(name).toHaveValue('Untitled 1');
  await name.fill('Newsletter');
  await subject.fill('Autumn news');
  await expect(name).toHaveValue('Newsletter');
  await expect(drafts.getByRole('option', { name: 'Newsletter', exact: true })).toBeAttached();
  await expect(drafts.getByRole('option', { name: 'Spring sale', exact: true })).toBeAttached();
  await expect(page.getByText('Saved in this browser.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Newsletter');
});

test('the editors can be shown as tabs, and the choice is remembered', async ({ page }) => {
  await openCompose(page);
  await page.getByRole('combobox', { name: 'Editors' }).selectOption({ label: 'As tabs' });
  const html = page.getByRole('textbox', { name: 'HTML body', exact: true });
  const text = page.getByRole('textbox', { name: 'Text body', exact: true });
  await expect(html).toBeVisible();
  await expect(text).toBeHidden();
  await page.getByRole('tab', { name: 'Text', exact: true }).click();
  await expect(text).toBeVisible();
  await expect(html).toBeHidden();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Editors' })).toHaveValue('tabs');
  await expect(page.getByRole('tab', { name: 'HTML', exact: true })).toBeVisible();
});

test('the panes resize from the keyboard', async ({ page }) => {
  await openCompose(page);
  const draftPane = page.locator('[data-pane]').first();
  const before = (await draftPane.boundingBox())!.width;
  const resizer = page.getByRole('separator', { name: 'Resize the draft and message panes' });
  await resizer.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await draftPane.boundingBox())!.width).toBeGreaterThan(before);
});

test('the text-drift warning names a few words and never widens the page', async ({ page }) => {
  await openCompose(page);
  const url = `https://example.com/${'a-very-long-path-'.repeat(12)}end`;
  const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet';
  const html = page.getByRole('textbox', { name: 'HTML body', exact: true });
  await html.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(`<p>${words} <a href="${url}">${url}</a></p>`);
  await typeInEditor(page, 'Text body', 'Nothing of the sort');
  const warning = page.getByRole('status').filter({ hasText: 'no longer matches' });
  await expect(warning).toContainText(/and \d+ more/);
  const overflow = await pageOverflow(page);
  expect(overflow.sideways).toBeLessThanOrEqual(0);
  const box = (await warning.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
});
