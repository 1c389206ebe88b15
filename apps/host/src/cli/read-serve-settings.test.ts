import { describe, expect, it } from 'vitest';
import { readServeSettings } from './read-serve-settings';

describe('readServeSettings', () => {
  it('reads every numeric setting serve uses', () => {
    expect(
      readServeSettings({ PORT: '8080', REFUNDS_LEASE_MS: '30000', REFUNDS_RECONCILE_INTERVAL_MS: '250' }),
    ).toEqual({ port: 8080, leaseMs: 30_000, reconcileIntervalMs: 250 });
    expect(readServeSettings({})).toEqual({});
  });

  it('refuses every bad one at once, each named', () => {
    let message = '';
    try {
      readServeSettings({ PORT: '70000', REFUNDS_LEASE_MS: '-5', REFUNDS_RECONCILE_INTERVAL_MS: '0.5' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'PORT must be a positive integer (a TCP port) from 1 to 65535, but it is above the maximum (70000).',
      'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is negative (-5).',
      'REFUNDS_RECONCILE_INTERVAL_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is not an integer (0.5).',
    ]);
  });

  it('refuses a port of 0 rather than listening anywhere', () => {
    expect(() => readServeSettings({ PORT: '0' })).toThrow('PORT must be a positive integer');
  });

  it('reads REFUNDS_METRICS_PUBLIC: only "true" makes /metrics public', () => {
    expect(readServeSettings({ REFUNDS_METRICS_PUBLIC: 'true' })).toEqual({ metricsPublic: true });
    expect(readServeSettings({ REFUNDS_METRICS_PUBLIC: ' TRUE ' })).toEqual({ metricsPublic: true });
    expect(readServeSettings({ REFUNDS_METRICS_PUBLIC: 'false' })).toEqual({});
    expect(readServeSettings({ REFUNDS_METRICS_PUBLIC: '' })).toEqual({});
    expect(() => readServeSettings({ REFUNDS_METRICS_PUBLIC: 'yes' })).toThrow(
      'REFUNDS_METRICS_PUBLIC must be "true" (serve /metrics without an API key) or "false", but it is "yes".',
    );
  });
});
