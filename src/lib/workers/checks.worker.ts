/**
 * The checks worker: runs `checkMessage` (with caniemail's data and html-validate, both large)
 * and CSS inlining away from the page, so that typing never waits for them.
 */
import { checkMessage } from '../checks/index.ts';
import { inlineCss } from '../checks/inline-css.ts';
import { describeFailure } from '../describe-failure.ts';
import type { ChecksRequest, ChecksResponse } from './checks-protocol.ts';

function post(message: ChecksResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<ChecksRequest>) => {
  const request = event.data;
  void (async () => {
    try {
      if (request.kind === 'check') {
        post({
          id: request.id,
          kind: 'report',
          report: await checkMessage(request.raw, request.options),
        });
      } else {
        post({ id: request.id, kind: 'inlined', html: await inlineCss(request.html) });
      }
    } catch (error) {
      post({ id: request.id, kind: 'error', message: describeFailure(error) });
    }
  })();
});
