import {
  type HttpResponse,
  httpStatusError,
  parseJsonResponse,
  type Redactor,
  RefundError,
} from '@refunds/core';
import { iotpayEnvelopeSchema } from './iotpay-envelope-api';
import { iotpayError } from './iotpay-error';
import { type JsonFields, readJsonFields } from './json/read-json-fields';
import { verifyIotPaySignature } from './signing/verify-iotpay-signature';

export interface ReadIotPayResponseOptions {
  operation: string;
  writes: boolean;
  /** The request resent a refund whose earlier attempt may have executed (`CallOptions.resend`). */
  resend?: boolean;
  merchantKey: string;
  redactor: Redactor;
  requireSignedResponses: boolean;
  /** refund_order is accepted only with `resCode: SUCCESS`; the XxPay refund query has no resCode. */
  requireResultCode: boolean;
}

/**
 * Checks an IOTPay answer in the order that keeps money safe: readable, authentic (the `sign` over the fields as
 * received), then successful by both `retCode` and `resCode`. Returns the fields, numbers kept as sent.
 */
export async function readIotPayResponse(
  response: HttpResponse,
  options: ReadIotPayResponseOptions,
): Promise<Record<string, unknown>> {
  const { operation, writes, redactor } = options;
  const outcome = writes ? 'unknown' : 'rejected';
  const raw = () => redactor.body(response.text);
  // A 404 is a wrong base URL or refund query path, never a missing refund: reporting `not_found` here could
  // lead a reconciler to resend a refund that exists.
  if (response.status === 404) {
    throw new RefundError({
      code: 'unsupported',
      outcome: 'rejected',
      provider: 'iotpay',
      providerCode: '404',
      raw: raw(),
      message: `IOTPay has no ${operation} endpoint at ${redactor.text(response.url)} (HTTP 404): check baseUrl${operation === 'refund_order' ? '' : ' and refundQueryPath'}.`,
    });
  }
  if (response.status !== 200) {
    throw httpStatusError({ provider: 'iotpay', status: response.status, writes, raw: raw() });
  }
  let fields: JsonFields;
  try {
    fields = readJsonFields(response.text);
  } catch {
    throw new RefundError({
      code: 'invalid_response',
      outcome,
      provider: 'iotpay',
      raw: raw(),
      message: `IOTPay ${operation} answered with a body that is not a JSON object (${response.text.length} bytes)${writes ? '; the refund may have been executed. Check it with getRefund before sending it again' : ''}.`,
    });
  }
  const redacted = redactor.value(fields.values);
  const envelope = parseJsonResponse(JSON.stringify(fields.values), iotpayEnvelopeSchema, {
    provider: 'iotpay',
    outcome,
    raw: redacted,
  });
  const signed = envelope.sign !== undefined && envelope.sign !== null && envelope.sign !== '';
  const mustBeSigned = envelope.retCode === 'SUCCESS' && options.requireSignedResponses;
  if ((signed || mustBeSigned) && !(await verifyIotPaySignature(fields.signable, options.merchantKey))) {
    throw new RefundError({
      code: 'signature_invalid',
      outcome,
      provider: 'iotpay',
      raw: redacted,
      message: `IOTPay ${operation} answered with ${signed ? 'a sign that does not match its fields' : 'no sign'}, so the answer cannot be trusted${writes ? '; the refund may have been executed. Check it with getRefund before sending it again' : ''}. If this persists, check merchantKey.`,
    });
  }
  if (envelope.retCode !== 'SUCCESS') {
    throw iotpayError({
      kind: 'communication',
      operation,
      writes,
      resend: options.resend,
      errCode: envelope.errCode,
      message: envelope.retMsg,
      raw: redacted,
    });
  }
  if (envelope.resCode !== undefined && envelope.resCode !== null && envelope.resCode !== 'SUCCESS') {
    const message = envelope.errCodeDes || envelope.retMsg;
    throw iotpayError({
      kind: 'business',
      operation,
      writes,
      resend: options.resend,
      errCode: envelope.errCode,
      message,
      raw: redacted,
    });
  }
  if (options.requireResultCode && envelope.resCode !== 'SUCCESS') {
    throw new RefundError({
      code: 'invalid_response',
      outcome,
      provider: 'iotpay',
      raw: redacted,
      message: `IOTPay ${operation} answered retCode SUCCESS without resCode, so it did not say the request was accepted${writes ? '; the refund may have been executed. Check it with getRefund before sending it again' : ''}.`,
    });
  }
  return fields.values;
}
