import { createIotPayClient, type IotPayClient } from '../create-iotpay-client';
import type { IotPayClientSettings } from '../iotpay-settings';
import { createIotPaySandbox, type IotPaySandbox } from '../sandbox/create-iotpay-sandbox';

/** A sandbox whose refunds stay pending, and a low-level client pointed at it. */
export async function startClientSandbox(): Promise<{ sandbox: IotPaySandbox; client: IotPayClient }> {
  const sandbox = await createIotPaySandbox({ settleAfterMs: 60_000 });
  return { sandbox, client: createIotPayClient(sandbox.settings as IotPayClientSettings) };
}
