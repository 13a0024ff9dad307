import { expect, test } from 'vitest';
import { sendDraft } from '../../../src/lib/state/ses-send.ts';
import { buildFeed, filterFeed } from '../../../src/lib/components/ses/feed.ts';
import { openVerifiedStore } from './ses-store-support.ts';

test('the store opens and clicks as the recipient, and the events reach the view and its feed', async () => {
  const store = await openVerifiedStore();
  store.putConfigurationSet({
    name: 'Track',
    tags: [],
    sendingEnabled: true,
    eventDestinations: [{ name: 'eng', enabled: true, kind: 'SNS', matchingEventTypes: ['OPEN', 'CLICK'] }],
  });
  const to = 'success@simulator.amazonses.com';
  const sent = await sendDraft(
    {
      from: 'sender@example.com',
      to: [to],
      subject: 'Hi',
      html: '<p><a href="https://example.com/x" ses:tags="k:v">x</a></p>',
      headers: [{ name: 'X-SES-CONFIGURATION-SET', value: 'Track' }],
    },
    { store },
  );
  expect(sent.ok).toBe(true);
  store.advance(60_000);
  const message = store.view!.messages[0]!;
  expect(message.tracking).toEqual({ open: true, click: true });
  const links = store.trackedLinks(message.messageId, to);
  expect(links.map((l) => [l.originalUrl, l.tags])).toEqual([['https://example.com/x', { k: ['v'] }]]);
  store.clickLink(message.messageId, to, 0);
  store.openMessage(message.messageId, to);
  const feed = buildFeed(store.view!.notifications, store.view!.events);
  expect(filterFeed(feed, 'event:Click')).toHaveLength(1);
  expect(filterFeed(feed, 'event:Open')).toHaveLength(1);
  expect(() => store.clickLink(message.messageId, to, 5)).toThrow(
    'The message has no tracked link number 5; it has 1.',
  );
  store.dispose();
}); // prettier-ignore
