import { afterAll, beforeAll } from 'vitest';
import { createIotPayClient, type IotPayClient } from '../create-iotpay-client';
import type { IotPayClientSettings } from '../iotpay-settings';
import { createIotPaySandbox, type IotPaySandbox } from '../sandbox/create-iotpay-sandbox';

/**
 * For the test file that calls it: a sandbox whose refunds stay pending, started before its tests and closed
 * after them, and a low-level client pointed at it. Both are set once the tests run.
 */
export function useClientSandbox(): { readonly sandbox: IotPaySandbox; readonly client: IotPayClient } {
  const started = {} as { sandbox: IotPaySandbox; client: IotPayClient };
  beforeAll(async () => {
    started.sandbox = await createIotPaySandbox({ settleAfterMs: 60_000 });
    started.client = createIotPayClient(started.sandbox.settings as IotPayClientSettings);
  });
  afterAll(() => started.sandbox.close());
  return started;
}
