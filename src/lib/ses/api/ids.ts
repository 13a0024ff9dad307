/**
 * Deterministic randomness and SES's identifier formats. Every id and random choice the simulator
 * makes comes from one seeded generator whose state is a single 32-bit number, so a simulator
 * saved and restored continues with the same ids it would have made.
 */

/** A seeded pseudo-random generator (mulberry32) whose whole state is `state`. */
export interface Random {
  /** The current 32-bit state; save it to continue the sequence later. */
  state: number;
}

/** A generator from a seed; the same seed gives the same sequence. */
export function createRandom(seed: number): Random {
  return { state: seed >>> 0 };
}

/** The next 32-bit unsigned integer, advancing `random.state`. */
export function nextUint32(random: Random): number {
  random.state = (random.state + 0x6d2b79f5) >>> 0;
  let t = random.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** An integer in [min, max), advancing `random.state`. */
export function nextInt(random: Random, min: number, max: number): number {
  if (!(max > min)) throw new RangeError('nextInt needs max greater than min.');
  return min + (nextUint32(random) % (max - min));
}

function hex(random: Random, digits: number): string {
  let out = '';
  while (out.length < digits) out += nextUint32(random).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

/** A version-4 UUID (lower-case hex) drawn from the generator. */
export function nextUuid(random: Random): string {
  const h = hex(random, 32);
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The 4-hex-digit prefix of message ids per region, as observed in real ids (ses-facts §5.8).
 * Regions not listed use `0100`: their prefix is not known.
 */
export const MESSAGE_ID_REGION_PREFIX: Readonly<Record<string, string>> = {
  'us-east-1': '0100',
  'us-west-2': '0101',
  'eu-west-1': '0102',
};

/**
 * An SES message id or feedback id:
 * `PPPP` + the epoch milliseconds in 12 hex digits, `-`, a UUID, `-000000`
 * (e.g. `0100016d07eb7477-8e1938ce-…-000000`).
 */
export function sesMessageId(random: Random, region: string, atMs: number): string {
  const prefix = MESSAGE_ID_REGION_PREFIX[region] ?? '0100';
  const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, '0').slice(-12);
  return `${prefix}${time}-${nextUuid(random)}-000000`;
}

/** The host part SES gives its `Message-ID` headers: `email.amazonses.com` in us-east-1. */
export function messageIdHost(region: string): string {
  return region === 'us-east-1' ? 'email.amazonses.com' : `${region}.amazonses.com`;
}

/** The `Message-ID` header value SES puts on an outgoing message: `<id@host>`. */
export function sesMessageIdHeader(messageId: string, region: string): string {
  return `<${messageId}@${messageIdHost(region)}>`;
}

const INBOUND_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Length of an inbound message id, e.g. `d6iitobk75ur44p8kdnnp7g2n800`. */
export const INBOUND_MESSAGE_ID_LENGTH = 28;

/** An id SES gives a received message (also its S3 object key). */
export function inboundMessageId(random: Random): string {
  let out = '';
  for (let i = 0; i < INBOUND_MESSAGE_ID_LENGTH; i++) {
    out += INBOUND_ALPHABET[nextUint32(random) % INBOUND_ALPHABET.length];
  }
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A `Feedback-ID` header value as SES adds it:
 * `1.us-east-1.<43 base64 characters>=:AmazonSES`.
 */
export function feedbackIdHeader(random: Random, region: string): string {
  let token = '';
  for (let i = 0; i < 43; i++) token += BASE64_ALPHABET[nextUint32(random) % 64];
  return `1.${region}.${token}=:AmazonSES`;
}

/** An outgoing IP in the documentation range 203.0.113.0/24 (RFC 5737). */
export function outgoingIp(random: Random): string {
  return `203.0.113.${nextInt(random, 1, 255)}`;
}
