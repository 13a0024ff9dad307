/**
 * A carefully made bulk message: nothing louder than info, with HTML validation on.
 */
import { expect, test } from 'vitest';
import { check, draft, page } from './support.ts';

const html = page(
  `<div style="display:none">Three new recipes, a spring market and our opening hours for the holidays.</div>
<table role="presentation" width="600" cellpadding="0" cellspacing="0">
<tr><td class="body" style="background-color:#ffffff;color:#222222;font-family:Arial,sans-serif">
<h1 style="font-size:24px">March at the Corner Bakery</h1>
<p>Spring is here and so are three new recipes: rhubarb tart, wild garlic bread and lemon buns. Come and taste them at the market on Saturday, from eight until one, beside the fountain.</p>
<p>We also bake to order for birthdays and weddings; tell us a week ahead and we will have it ready. Our holiday hours are on the website.</p>
<p><img src="https://bakery.example/img/tart.png" alt="A rhubarb tart" width="300" height="200"></p>
<p><a href="https://bakery.example/recipes/march">Read the March recipes</a></p>
<p>You receive this because you subscribed at bakery.example. <a href="https://bakery.example/unsubscribe?u=1">Unsubscribe</a></p>
</td></tr>
</table>`,
  `<meta name="color-scheme" content="light dark">
<style>
:root { color-scheme: light dark; }
@media (prefers-color-scheme: dark) { .body { background-color: #111111 !important; color: #eeeeee !important; } }
</style>`,
);

const text = `March at the Corner Bakery

Spring is here and so are three new recipes: rhubarb tart, wild garlic bread and lemon buns. Come and taste them at the market on Saturday, from eight until one, beside the fountain.

We also bake to order for birthdays and weddings; tell us a week ahead and we will have it ready. Our holiday hours are on the website.

Read the March recipes: https://bakery.example/recipes/march

You receive this because you subscribed at bakery.example. Unsubscribe: https://bakery.example/unsubscribe?u=1
`;

test('a clean bulk message raises nothing louder than info', async () => {
  const message = draft({
    html,
    text,
    headers: [
      { name: 'List-Unsubscribe', value: '<https://bakery.example/unsubscribe?u=1>' },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
  });
  const report = await check(message, { bulk: true, validate: true });
  const loud = report.findings.filter((f) => f.severity !== 'info');
  expect(loud.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  expect(report.spam.points).toBeLessThan(1);
  expect(report.score).toBeGreaterThanOrEqual(80);
});
