import { createGatePayClient } from '../create-gatepay-client';
import type { GatePayClientSettings } from '../gatepay-settings';
import { createRecordingFetch, type FakeAnswer, successEnvelope, testCredentials } from './recording-fetch';

/** A client whose GatePay answers every call with `data` (or what `answer` returns), recording every request. */
export function createTestClient(
  data: unknown,
  settings: GatePayClientSettings = {},
  answer?: () => FakeAnswer,
) {
  const { fetch, requests } = createRecordingFetch(answer ?? (() => ({ body: successEnvelope(data) })));
  const client = createGatePayClient({
    ...testCredentials,
    baseUrl: 'https://gatepay.test',
    fetch,
    ...settings,
  });
  return { client, requests };
}
