import type { DemoOrder, RunningSandbox } from '@refunds/core';
import { refundBody } from './start-reliability-host';

/** One refund the client asked for, and everything it was told about it. */
export interface SentRefund {
  account: string;
  refundId: string;
  orderId: string;
  amount: string;
  currency: string;
  /** The HTTP status of each attempt, or 'network' when no answer came (a dead host, a reset). */
  answers: (number | 'network')[];
  /** Whether any attempt got a 2xx: the host then promised to have recorded the refund. */
  acknowledged: boolean;
}

export interface RefundStreamOptions {
  /** The host's base URL now; a function because a restarted host may be a new process. */
  url: () => string;
  apiKey: string;
  sandboxes: ReadonlyMap<string, RunningSandbox>;
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
  /** Refunds in flight at once. Default: two per account. */
  concurrency?: number;
  /** A client retries a refund that got no answer, with the same id, this many times in all. Default 4. */
  attempts?: number;
  /** Gives up on one HTTP attempt after this long. Default 10 s. */
  requestTimeoutMs?: number;
  /** Pause between one worker's refunds. Default 0. */
  pauseMs?: number;
  /** Called before each refund is sent, e.g. to inject a fault into the account's sandbox. */
  beforeEach?: (account: string) => void;
  /** Called after each refund with the body sent, e.g. to mix other traffic in. */
  afterEach?: (refund: SentRefund, body: unknown) => Promise<void>;
}

export interface RefundStream {
  readonly sent: readonly SentRefund[];
  /** Statuses the host answered that a correct host never gives (5xx other than 503 while starting). */
  readonly unexpected: readonly { refundId: string; status: number; body: string }[];
  stop(): Promise<void>;
}

let streamSequence = 0;

/**
 * A client that keeps refunding fresh paid orders across every account, retrying with the same refund id when
 * it gets no answer, as a well-behaved merchant integration does. Everything it sent and heard is recorded so
 * that the ledger and the providers can be checked against it afterwards.
 */
export function startRefundStream(options: RefundStreamOptions): RefundStream {
  const accounts = [...options.sandboxes.keys()];
  const sent: SentRefund[] = [];
  const unexpected: { refundId: string; status: number; body: string }[] = [];
  const attempts = options.attempts ?? 4;
  const prefix = `rs${Date.now().toString(36)}${streamSequence++}`;
  let stopped = false;
  let next = 0;

  const freshOrder = async (account: string): Promise<DemoOrder> => {
    const sandbox = options.sandboxes.get(account) as RunningSandbox;
    const template = options.demoOrders.get(account)?.[0] as DemoOrder;
    const order = await sandbox.seedOrder({ amount: template.amount });
    return {
      ...template,
      ...order,
      destination: order.destination ?? template.destination,
      providerOptions: order.providerOptions ?? template.providerOptions,
    };
  };

  const send = async (refund: SentRefund, body: unknown): Promise<void> => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        const response = await fetch(`${options.url()}/v1/refunds`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.requestTimeoutMs ?? 10_000),
        });
        const text = await response.text();
        refund.answers.push(response.status);
        if (response.ok) {
          refund.acknowledged = true;
          return;
        }
        if (response.status >= 500 && response.status !== 503) {
          unexpected.push({ refundId: refund.refundId, status: response.status, body: text });
        }
        // A 4xx other than 429 says the request itself is wrong: resending it cannot help.
        if (response.status < 500 && response.status !== 429) return;
      } catch {
        refund.answers.push('network');
      }
      if (stopped) return;
      await sleep(100 + Math.random() * 400);
    }
  };

  const worker = async (): Promise<void> => {
    while (!stopped) {
      const index = next++;
      const account = accounts[index % accounts.length] as string;
      const refundId = `${prefix}n${index}`;
      const order = await freshOrder(account);
      const refund: SentRefund = {
        account,
        refundId,
        orderId: order.orderId,
        amount: order.amount.amount,
        currency: order.amount.currency,
        answers: [],
        acknowledged: false,
      };
      sent.push(refund);
      const body = refundBody(account, order, refundId);
      options.beforeEach?.(account);
      await send(refund, body);
      await options.afterEach?.(refund, body);
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  };

  const workers = Array.from({ length: options.concurrency ?? accounts.length * 2 }, worker);
  return {
    sent,
    unexpected,
    async stop() {
      stopped = true;
      await Promise.all(workers);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
