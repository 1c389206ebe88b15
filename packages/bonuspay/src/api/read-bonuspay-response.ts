import {
  type HttpResponse,
  httpStatusError,
  parseJsonResponse,
  quoteJsonNumbers,
  type Redactor,
  RefundError,
} from '@refunds/core';
import * as v from 'valibot';
import { isUnsignedErrorCode } from '../bonuspay-error-table';
import { toBonusPayError } from '../to-bonuspay-error';
import { verifyBonusPaySignature } from '../verify-bonuspay-signature';
import { type BonusPayHead, bonusPayEnvelopeSchema, isBonusPaySuccess } from './bonuspay-envelope-api';

export interface BonusPayAnswer {
  head: BonusPayHead;
  /** The verified, parsed `body`, numbers kept as their exact text; validate it with the operation's schema. */
  body: unknown;
  /** The whole parsed answer, redacted, for `RefundResult.raw`. */
  raw: unknown;
}

export interface ReadBonusPayResponseContext {
  /** Whether the request could have created a refund: decides between `unknown` and `rejected`. */
  writes: boolean;
  /** The request sent again a refund whose earlier attempt may have executed (see `CallOptions.resend`). */
  resend?: boolean;
  platformPublicKey: string;
  redactor: Redactor;
}

/**
 * Turns BonusPay's raw answer into a verified success or a `RefundError`. The signature is checked over the
 * bytes received before anything is parsed; only the documented gateway errors may come unsigned, and nothing
 * unsigned is ever taken as a success.
 */
export async function readBonusPayResponse(
  response: HttpResponse,
  context: ReadBonusPayResponseContext,
): Promise<BonusPayAnswer> {
  const { writes, resend, redactor } = context;
  const outcome = writes ? 'unknown' : 'rejected';
  const signature = response.headers.get('sign');

  if (signature === null) {
    const unsigned = v.safeParse(bonusPayEnvelopeSchema, tryParseJson(response.text));
    if (
      unsigned.success &&
      !isBonusPaySuccess(unsigned.output.head) &&
      isUnsignedErrorCode(unsigned.output.head.code)
    ) {
      throw toBonusPayError(unsigned.output.head, { writes, resend, raw: redactor.value(unsigned.output) });
    }
    if (!unsigned.success && (response.status < 200 || response.status > 299)) {
      throw httpStatusError({
        provider: 'bonuspay',
        status: response.status,
        writes,
        raw: redactor.body(response.text),
      });
    }
    throw signatureError('carries no `sign` header', outcome, redactor.body(response.text));
  }

  if (!(await verifyBonusPaySignature(response.body, signature, context.platformPublicKey))) {
    throw signatureError(
      'has a `sign` header that does not verify with platformPublicKey',
      outcome,
      redactor.body(response.text),
    );
  }
  const envelope = parseJsonResponse(quoteJsonNumbers(response.text), bonusPayEnvelopeSchema, {
    provider: 'bonuspay',
    outcome,
    raw: redactor.body(response.text),
  });
  const raw = redactor.value(envelope);
  if (!isBonusPaySuccess(envelope.head)) throw toBonusPayError(envelope.head, { writes, resend, raw });
  return { head: envelope.head, body: envelope.body, raw };
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(quoteJsonNumbers(text));
  } catch {
    return undefined;
  }
}

function signatureError(problem: string, outcome: 'unknown' | 'rejected', raw: string): RefundError {
  return new RefundError({
    code: 'signature_invalid',
    outcome,
    provider: 'bonuspay',
    raw,
    message: `BonusPay's answer ${problem}, so it cannot be trusted${
      outcome === 'unknown'
        ? '; the refund may have been executed. Check it with getRefund before sending it again, and check that platformPublicKey is the key from the BonusPay portal.'
        : ': check that platformPublicKey is the key from the BonusPay portal.'
    }`,
  });
}
