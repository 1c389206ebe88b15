import type { LoopbackResponse } from '@refunds/core/sandbox';
import { refusal, signedAnswer } from './sandbox-answers';
import type { SandboxState } from './sandbox-state';

/** GET /v1/refunds/:refundId: the refund as it stands now. */
export function handleQueryRefund(
  refundId: string,
  secretKey: string,
  state: SandboxState,
): Promise<LoopbackResponse> {
  const refund = state.visibleRefund(refundId);
  return refund
    ? signedAnswer(secretKey, 200, refund)
    : refusal(secretKey, 404, 'REFUND_NOT_FOUND', `no refund ${refundId}`);
}
