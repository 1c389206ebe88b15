import type { SandboxRejection } from './authenticate-sandbox-request';
import type { SandboxLedger, SandboxOrder, SandboxRefund } from './create-sandbox-ledger';
import type { SandboxRefundInstruction } from './read-sandbox-refund-body';
import { sandboxChains } from './sandbox-chains';

export type SandboxRefundOutcome = { refund: SandboxRefund; replayed: boolean } | SandboxRejection;

/**
 * GatePay's business rules for a refund (checklist step 5 of the reference), then the refund itself: the order's
 * refundable balance shrinks at once and the refund waits in PROCESS until it settles.
 */
export function executeSandboxRefund(
  ledger: SandboxLedger,
  instruction: SandboxRefundInstruction,
  rules: {
    duplicateRefundRequestId: 'replay' | 'reject';
    maxRefundsPerOrder: number;
    unknownGateUids: readonly string[];
    subAccount: string | undefined;
    /** How long the refund stays invisible to status queries (`readLagMs`). */
    readLagMs: number;
  },
): SandboxRefundOutcome {
  const existing = ledger.refunds.get(instruction.refundRequestId);
  if (existing) {
    if (rules.duplicateRefundRequestId === 'replay' && existing.fingerprint === instruction.fingerprint) {
      return { refund: existing, replayed: true };
    }
    return { code: '400001', label: 'Parameter error: refundRequestId already used' };
  }
  const order = ledger.orders.get(instruction.prepayId);
  const { endpoint } = instruction;
  const addressEndpoint = endpoint === 'address' || endpoint === 'convert' || endpoint === 'checkout';
  if (!order) {
    return addressEndpoint
      ? { code: '500207', label: 'Address payment refund order not found' }
      : { code: '400202', label: 'Order does not exist' };
  }
  if (order.status !== 'PAID') return { code: '400204', label: 'Order status incorrect' };
  const mismatch = endpointMismatch(order, instruction);
  if (mismatch) return mismatch;
  // 0 is what the Go SDK sends when no receiver was set: a well-formed int64, but no Gate user.
  const { receiverId } = instruction;
  if (receiverId !== undefined && (receiverId === '0' || rules.unknownGateUids.includes(receiverId))) {
    return { code: '500204', label: 'Invalid refund recipient ID' };
  }
  if (endpoint === 'standard') {
    const targetProblem = standardTargetProblem(order, instruction);
    if (targetProblem) return targetProblem;
  }
  if (order.refundCount >= rules.maxRefundsPerOrder) return { code: '400607', label: 'Too many refunds' };
  if (!ledger.take(order, instruction)) {
    return addressEndpoint
      ? { code: '500206', label: 'Refund amount exceeds limit' }
      : { code: '400608', label: 'Refund amount exception' };
  }
  order.refundCount++;
  const createTime = Date.now();
  const refund: SandboxRefund = {
    refundRequestId: instruction.refundRequestId,
    refundGateId: ledger.newId(),
    prepayId: order.prepayId,
    endpoint,
    amount: instruction.amount,
    payAmount: instruction.payAmount,
    reason: instruction.reason,
    target: {
      style: instruction.style,
      channel: instruction.channel,
      gateUid: instruction.receiverId ?? '',
      address: instruction.address,
      chain: instruction.chain,
      bearType: instruction.bearType,
    },
    subAccount: rules.subAccount,
    status: 'PROCESS',
    createTime,
    visibleAt: createTime + rules.readLagMs,
    transactTime: undefined,
    fingerprint: instruction.fingerprint,
    responseData: {},
  };
  ledger.refunds.set(refund.refundRequestId, refund);
  ledger.executed.push(refund);
  return { refund, replayed: false };
}

function endpointMismatch(
  order: SandboxOrder,
  instruction: SandboxRefundInstruction,
): SandboxRejection | undefined {
  switch (instruction.endpoint) {
    case 'order':
      return order.kind === 'checkout'
        ? undefined
        : { code: '400604', label: 'Invalid refund-related transaction order' };
    case 'address':
      if (order.kind === 'address') return undefined;
      return order.kind === 'convert'
        ? { code: '400604', label: 'Convert orders are refunded through refundconvert' }
        : { code: '500207', label: 'Address payment refund order not found' };
    case 'convert':
    case 'checkout':
      if (order.kind === 'address')
        return { code: '500208', label: 'Cannot refund orders without a converted address' };
      if (order.kind !== 'convert')
        return { code: '500207', label: 'Address payment refund order not found' };
      if (instruction.orderCurrency !== order.currency || instruction.payCurrency !== order.payCurrency) {
        return { code: '500205', label: 'Refund currency is not the order currency or the pay currency' };
      }
      return undefined;
    case 'standard':
      return undefined;
  }
}

function standardTargetProblem(
  order: SandboxOrder,
  instruction: SandboxRefundInstruction,
): SandboxRejection | undefined {
  if (instruction.style !== 2) return undefined;
  if (instruction.channel === 1) {
    return instruction.receiverId
      ? undefined
      : { code: '400001', label: 'Parameter error: refundToGateUid is required' };
  }
  if (instruction.channel === 2) {
    if (!instruction.address) return { code: '400001', label: 'Parameter error: refundAddress is required' };
    const chains = sandboxChains[order.currency] ?? [];
    return chains.includes(instruction.chain)
      ? undefined
      : {
          code: '400001',
          label: `Parameter error: refundChain must be one of ${chains.join(', ') || '(none)'}`,
        };
  }
  return { code: '400001', label: 'Parameter error: refundPayChannel must be 1 or 2 with refundStyle 2' };
}
