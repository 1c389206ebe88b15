import { invalidRequest } from '@refunds/core';
import * as v from 'valibot';
import { gateUidSchema } from '../gatepay-send-schemas';
import type { GatePayRefundEndpoint } from '../gatepay-settings';
import { parseGatePayInput } from '../parse-gatepay-input';

/** Where the money goes. */
export type RefundTarget =
  | { kind: 'original-path' }
  | { kind: 'gate-account'; gateUid: string }
  | { kind: 'web3-address'; address: string; chain: string };

const destinationSchema = v.strictObject({
  accountId: v.optional(v.string('must be a string')),
  address: v.optional(
    v.pipe(v.string('must be a string'), v.regex(/^\S{1,256}$/, 'must be an address without spaces')),
  ),
  network: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.regex(/^[A-Za-z0-9_.-]{1,32}$/, 'must be a chain code such as "TRX" (see /v2/refund/support/chains)'),
    ),
  ),
});

/** Reads `RefundRequest.destination` for the endpoint, refusing every combination the endpoint cannot honour. */
export function resolveRefundTarget(destination: unknown, endpoint: GatePayRefundEndpoint): RefundTarget {
  const { accountId, address, network } = parseGatePayInput(
    destinationSchema,
    destination ?? {},
    'destination',
  );
  const gateUid =
    accountId === undefined
      ? undefined
      : parseGatePayInput(gateUidSchema, accountId, 'destination.accountId');

  if (endpoint === 'order') {
    if (gateUid === undefined && address === undefined && network === undefined)
      return { kind: 'original-path' };
    return fail(
      'destination',
      'is not supported by endpoint "order", which refunds along the original payment path: use endpoint "standard" to refund to a Gate account or an address',
    );
  }
  if (endpoint === 'address' || endpoint === 'convert') {
    if (address !== undefined || network !== undefined) {
      return fail(
        'destination.address',
        `is not supported by endpoint "${endpoint}", which refunds to a Gate UID: put it in destination.accountId`,
      );
    }
    if (gateUid === undefined) {
      return fail(
        'destination.accountId',
        `is required by endpoint "${endpoint}": the Gate UID that receives the refund (receiverId)`,
      );
    }
    return { kind: 'gate-account', gateUid };
  }
  if (gateUid !== undefined && (address !== undefined || network !== undefined)) {
    return fail(
      'destination',
      'must name either a Gate account (accountId) or an address with its network, not both',
    );
  }
  if (gateUid !== undefined) return { kind: 'gate-account', gateUid };
  if (address === undefined && network === undefined) return { kind: 'original-path' };
  if (address === undefined) return fail('destination.address', 'is required with destination.network');
  if (network === undefined) {
    return fail(
      'destination.network',
      'is required with destination.address: a chain code from GET /v2/refund/support/chains',
    );
  }
  return { kind: 'web3-address', address, chain: network };
}

function fail(field: string, rule: string): never {
  throw invalidRequest(field, `${field} ${rule}.`, 'gatepay');
}
