import { type Context, type TextMapGetter, type TextMapPropagator, trace } from '@opentelemetry/api';

/**
 * The part of W3C Trace Context an operator's SDK registers (`traceparent` in, nothing out), so a test can show
 * the host continuing a caller's trace without depending on an SDK's internals.
 */
export class W3CTraceContextPropagator implements TextMapPropagator {
  inject(): void {}

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const header = getter.get(carrier, 'traceparent');
    const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(
      (Array.isArray(header) ? header[0] : header) ?? '',
    );
    if (!match) return context;
    return trace.setSpanContext(context, {
      traceId: match[1] as string,
      spanId: match[2] as string,
      traceFlags: Number.parseInt(match[3] as string, 16),
      isRemote: true,
    });
  }

  fields(): string[] {
    return ['traceparent'];
  }
}
