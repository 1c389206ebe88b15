import { refundErrorThrownBy } from '@refunds/core/testing';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSettings } from './__fixtures__/fake-iotpay-fetch';
import { createIotPay } from './create-iotpay';
import iotpayPlugin from './index';

const variables = ['IOTPAY_SETTLE_WINDOW_MS', 'IOTPAY_MAXIMUM_PENDING_MS'];
afterEach(() => {
  for (const name of variables) delete process.env[name];
});

describe('createIotPay reconciliation hints', () => {
  it('gives the documented defaults: two minutes of read lag, seven days of pending', () => {
    expect(createIotPay(fakeSettings).reconciliation).toEqual({
      settleWindowMs: 120_000,
      maximumPendingMs: 604_800_000,
    });
  });

  it('takes the settings first, then the environment, read when asked and not at creation', () => {
    const provider = createIotPay(fakeSettings);
    process.env.IOTPAY_SETTLE_WINDOW_MS = '30000';
    process.env.IOTPAY_MAXIMUM_PENDING_MS = '86400000';
    expect(provider.reconciliation).toEqual({ settleWindowMs: 30_000, maximumPendingMs: 86_400_000 });
    const configured = createIotPay({ ...fakeSettings, settleWindowMs: 0, maximumPendingMs: 3_600_000 });
    expect(configured.reconciliation).toEqual({ settleWindowMs: 0, maximumPendingMs: 3_600_000 });
  });

  it('refuses a malformed environment value, naming the variable', () => {
    process.env.IOTPAY_SETTLE_WINDOW_MS = '2m';
    const error = refundErrorThrownBy(() => createIotPay(fakeSettings).reconciliation);
    expect([error.code, error.field]).toEqual(['invalid_request', 'settleWindowMs']);
    expect(error.message).toContain('IOTPAY_SETTLE_WINDOW_MS');
  });

  it('lets a host configure them through the plugin schema, refusing what is not whole milliseconds', () => {
    const good = { settleWindowMs: 60_000, maximumPendingMs: 86_400_000 };
    expect(v.parse(iotpayPlugin.settingsSchema, good)).toEqual(good);
    expect(iotpayPlugin.create(good).reconciliation).toEqual(good);
    for (const bad of [
      { settleWindowMs: -1 },
      { settleWindowMs: 1.5 },
      { maximumPendingMs: 0 },
      { settleWindowMs: '60000' },
    ]) {
      expect(v.safeParse(iotpayPlugin.settingsSchema, bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
