/**
 * The simulator's receiving side: receipt rule sets, receiving mail, and the inbound store.
 */
import { inspectMessage } from '../../mime/index.ts';
import { asSesError } from './errors.ts';
import { receiveMessage, type InboundInput } from '../inbound/inbound.ts';
import { checkRuleSet } from '../inbound/receiving.ts';
import { isAtVerifiedDomain } from '../outbound/self-receipt.ts';
import type { ReceiveRequest, SesSimulator } from './simulator-api.ts';
import type { SimulatorContext } from './simulator-context.ts';
import { blobBytes } from '../outbound/validation.ts';
import { MAX_RULE_SETS } from '../limits.ts';

/** The methods a simulator has for receiving. */
export type ReceivingMethods = Pick<
  SesSimulator,
  | 'receiptRuleSets'
  | 'putReceiptRuleSet'
  | 'deleteReceiptRuleSet'
  | 'setActiveReceiptRuleSet'
  | 'activeReceiptRuleSet'
  | 'receiveEmail'
  | 'receiveEmailAsync'
  | 'inbound'
  | 'deleteInbound'
>;

/** The receiving methods of a simulator, working on its context. */
export function receivingMethods(ctx: SimulatorContext): ReceivingMethods {
  const receive = (request: ReceiveRequest, extra: Partial<InboundInput> = {}) => {
    const now = ctx.settle();
    return ctx.transact(() =>
      receiveMessage(
        {
          receiving: ctx.state.receiving,
          region: ctx.state.region,
          random: ctx.state.random,
          nowMs: now,
          isVerifiedDomain: (address) => isAtVerifiedDomain(ctx.state, address),
        },
        {
          raw: blobBytes(request.raw),
          ...(request.mailFrom !== undefined ? { mailFrom: request.mailFrom } : {}),
          ...(request.rcptTo !== undefined ? { rcptTo: request.rcptTo } : {}),
          ...extra,
        },
      ),
    );
  };

  return {
    receiptRuleSets: () => (ctx.settle(), structuredClone(ctx.state.receiving.ruleSets)),
    putReceiptRuleSet(set) {
      ctx.settle();
      checkRuleSet(set);
      const copy = structuredClone(set);
      const sets = ctx.state.receiving.ruleSets;
      const at = sets.findIndex((s) => s.name === set.name);
      if (at >= 0) sets[at] = copy;
      else if (sets.length >= MAX_RULE_SETS)
        throw new RangeError(`An account has at most ${MAX_RULE_SETS} receipt rule sets.`);
      else sets.push(copy);
    },
    deleteReceiptRuleSet(name) {
      ctx.settle();
      if (ctx.state.receiving.activeRuleSetName === name) {
        throw new RangeError('The active rule set cannot be deleted; deactivate it first.');
      }
      ctx.state.receiving.ruleSets = ctx.state.receiving.ruleSets.filter((s) => s.name !== name);
    },
    setActiveReceiptRuleSet(name) {
      ctx.settle();
      if (name !== undefined && !ctx.state.receiving.ruleSets.some((s) => s.name === name)) {
        throw new RangeError(`There is no receipt rule set named ${name}.`);
      }
      if (name === undefined) delete ctx.state.receiving.activeRuleSetName;
      else ctx.state.receiving.activeRuleSetName = name;
    },
    activeReceiptRuleSet: () => (ctx.settle(), ctx.state.receiving.activeRuleSetName),
    receiveEmail: (request) => structuredClone(receive(request)),
    async receiveEmailAsync(request) {
      const inspection = await inspectMessage(blobBytes(request.raw)).catch((error: unknown) => {
        throw asSesError(error);
      });
      return structuredClone(
        receive(request, {
          ...(inspection.subject !== undefined ? { subject: inspection.subject } : {}),
          body: [inspection.text, inspection.html].filter((t) => t !== undefined).join('\n'),
        }),
      );
    },
    inbound: () => (ctx.settle(), structuredClone(ctx.state.receiving.inbound)),
    deleteInbound(messageId) {
      ctx.settle();
      ctx.state.receiving.inbound = ctx.state.receiving.inbound.filter(
        (r) => r.messageId !== messageId,
      );
    },
  };
}
