/**
 * The draft a new person starts from: a small shipping notice that exercises what Compose shows
 * (a non-ASCII subject as encoded words, an HTML body with a table, a link and an inline image,
 * a matching text body, SES's configuration-set and one-click unsubscribe headers).
 */
import { decodeBase64 } from '../mime/base64.ts';
import type { DraftFields } from './draft-fields.ts';

/** A 24×24 PNG envelope logo, the sample's inline image. */
const LOGO_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAASElEQVR42mOQ96ukCmIYNWiADPpPIsBnEJo9yCJosiQYRJK52A3CdDma94kyCJcRWI3DF9hERhNpgT1qEC0Nok4WGS2PhohBAMvOiUhr1G8aAAAAAElFTkSuQmCC';

/** The id under which the sample's logo bytes are stored. */
export const SAMPLE_LOGO_ID = 'sample-logo';

/** The sample logo's bytes. */
export function sampleLogo(): Uint8Array {
  return decodeBase64(LOGO_PNG_BASE64);
}

const SAMPLE_HTML = `<!doctype html>
<html>
  <body style="font-family: sans-serif; color: #1b1f24">
    <p><img src="cid:logo@mailwright.example" alt="Mailwright" width="24" height="24"></p>
    <h1>Your order has shipped</h1>
    <p>Hi Ana, good news: order #1042 is on its way.</p>
    <table>
      <tr><th align="left">Item</th><th align="right">Qty</th></tr>
      <tr><td>Ceramic mug</td><td align="right">2</td></tr>
      <tr><td>Loose-leaf tea</td><td align="right">1</td></tr>
    </table>
    <p><a href="https://shop.example.com/orders/1042">Track your parcel</a></p>
    <p style="font-size: 12px">Don't want these emails?
      <a href="https://shop.example.com/unsubscribe?u=ana">Unsubscribe</a>.</p>
  </body>
</html>
`;

const SAMPLE_TEXT = `[Mailwright]

Your order has shipped

Hi Ana, good news: order #1042 is on its way.

Item            Qty
Ceramic mug     2
Loose-leaf tea  1

Track your parcel (https://shop.example.com/orders/1042)

Don't want these emails? Unsubscribe
(https://shop.example.com/unsubscribe?u=ana).
`;

/** The sample draft's fields; the logo's bytes come from `sampleLogo()`. */
export function sampleFields(): DraftFields {
  const logo = sampleLogo();
  return {
    from: 'Tea & Mugs Shop <orders@shop.example.com>',
    to: 'Ana Silva <ana@example.net>',
    cc: '',
    bcc: '',
    replyTo: 'support@shop.example.com',
    subject: 'Your order #1042 has shipped — thank you! 📦',
    html: SAMPLE_HTML,
    text: SAMPLE_TEXT,
    headers: [
      { id: 'sample-h1', name: 'X-SES-CONFIGURATION-SET', value: 'transactional' },
      {
        id: 'sample-h2',
        name: 'List-Unsubscribe',
        value: '<https://shop.example.com/unsubscribe?u=ana>',
      },
      { id: 'sample-h3', name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
    attachments: [
      {
        id: SAMPLE_LOGO_ID,
        filename: 'logo.png',
        contentType: 'image/png',
        size: logo.length,
        inline: true,
        contentId: 'logo@mailwright.example',
      },
    ],
    envelopeMailFrom: '',
  };
}
