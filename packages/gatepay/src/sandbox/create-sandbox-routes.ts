import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import type { SandboxLedger, SandboxRefundEndpoint } from './create-sandbox-ledger';
import type { SandboxNotifier } from './create-sandbox-notifier';
import type { SandboxSettler } from './create-sandbox-settler';
import { executeSandboxRefund } from './execute-sandbox-refund';
import type { GatePaySandboxOptions } from './gatepay-sandbox-options';
import { readSandboxRefundBody } from './read-sandbox-refund-body';
import { sandboxChains } from './sandbox-chains';
import { sandboxRefundData } from './sandbox-refund-data';
import { sandboxRefundDetails } from './sandbox-refund-details';
import type { SandboxResponder } from './sandbox-responder';

export type SandboxRoute = (request: LoopbackRequest, subAccount: string | undefined) => LoopbackResponse;

/** GatePay's refund endpoints, keyed by `METHOD path` without the institution prefix. */
export function createSandboxRoutes(context: {
  ledger: SandboxLedger;
  responder: SandboxResponder;
  notifier: SandboxNotifier;
  settler: SandboxSettler;
  options: GatePaySandboxOptions;
  /** The current `readLagMs`; `setReadLag` changes it while the sandbox runs. */
  readLagMs: () => number;
}): Record<string, SandboxRoute> {
  const { ledger, responder, notifier, settler, options } = context;

  const refundRoute =
    (endpoint: SandboxRefundEndpoint): SandboxRoute =>
    (request, subAccount) => {
      const instruction = readSandboxRefundBody(endpoint, request);
      if ('code' in instruction) return responder.fail(instruction.code, instruction.label);
      const outcome = executeSandboxRefund(ledger, instruction, {
        duplicateRefundRequestId: options.duplicateRefundRequestId ?? 'replay',
        maxRefundsPerOrder: options.maxRefundsPerOrder ?? 50,
        unknownGateUids: options.unknownGateUids ?? [],
        subAccount,
        readLagMs: context.readLagMs(),
      });
      if ('code' in outcome) return responder.fail(outcome.code, outcome.label);
      const { refund, replayed } = outcome;
      const order = ledger.orders.get(refund.prepayId);
      if (!replayed && order) {
        refund.responseData = sandboxRefundData(order, refund);
        settler.schedule(refund);
        if (options.notifyProcessing) void notifier.notify(order, refund, 'REFUND_PROCESS');
      }
      return responder.success(refund.responseData);
    };

  // What the status queries see: nothing of a refund until its read lag has passed.
  const find = (refundRequestId: unknown) => {
    const refund = typeof refundRequestId === 'string' ? ledger.refunds.get(refundRequestId) : undefined;
    const order = refund && ledger.orders.get(refund.prepayId);
    return refund && order && Date.now() >= refund.visibleAt ? { refund, order } : undefined;
  };
  const refundMissing = () => responder.fail('400304', 'Refund ID does not exist');

  return {
    'POST /v1/pay/order/refund': refundRoute('order'),
    'POST /v1/pay/address/refund': refundRoute('address'),
    'POST /v1/pay/address/refundconvert': refundRoute('convert'),
    'POST /v1/pay/checkout/refund': refundRoute('checkout'),
    'POST /v2/standard/order/refund': refundRoute('standard'),
    'POST /v1/pay/order/refund/query': (request) => {
      const found = find(parseObject(request.text).refundRequestId);
      if (!found) return refundMissing();
      const { refund, order } = found;
      return responder.success({
        refundRequestId: refund.refundRequestId,
        prepayId: refund.prepayId,
        orderAmount: order.amount,
        refundAmount: refund.amount ?? refund.payAmount,
        refundStatus: refund.status,
        channelId: '',
      });
    },
    'GET /v2/pay/refund/details': (request) => {
      const found = find(request.url.searchParams.get('refundRequestId') ?? undefined);
      if (!found) return refundMissing();
      return responder.success(sandboxRefundDetails(found.order, found.refund, ledger.refunded(found.order)));
    },
    'GET /v2/refund/support/chains': (request) => {
      const currency = request.url.searchParams.get('currency') ?? '';
      if (!/^[A-Z0-9]{1,12}$/.test(currency)) return responder.fail('400205', 'Invalid currency');
      const chains = (sandboxChains[currency] ?? []).map((chain) => ({
        chain,
        currency,
        full_curr_type: `${currency}_${chain}`,
        symbol: currency,
        explorer_url: `https://explorer.invalid/${chain.toLowerCase()}`,
        show_chain_name_en: chain,
        hasWithdrawMemo: 0,
        withdrawPercent: '0',
        withdrawFix: '1',
      }));
      return responder.success({ currency, chains });
    },
  };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
