import { type Attributes, type Span, type SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { RefundError } from '@refunds/core';
import { hostTracer } from './host-tracer';

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
}

/**
 * Runs `work` in a new active span (so spans it starts are its children), ending it when `work` settles. A
 * failure marks the span with the error's kind only (`RefundError` code and outcome, else the error's name):
 * messages and stacks can carry request data, and traces leave the host as logs do.
 */
export function inSpan<Result>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<Result>,
): Promise<Result> {
  return hostTracer().startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      const type = RefundError.isInstance(error)
        ? error.code
        : error instanceof Error
          ? error.name
          : 'unknown';
      span.setAttribute('error.type', type);
      if (RefundError.isInstance(error)) span.setAttribute('refunds.error.outcome', error.outcome);
      span.setStatus({ code: SpanStatusCode.ERROR, message: type });
      throw error;
    } finally {
      span.end();
    }
  });
}
