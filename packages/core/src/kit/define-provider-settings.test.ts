import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { defineProviderSettings, reconciliationSettings } from './define-provider-settings';

const settings = defineProviderSettings('example', {
  apiKey: {
    schema: v.pipe(v.string(), v.minLength(1)),
    environmentVariable: 'EXAMPLE_TEST_API_KEY',
    secret: true,
  },
  timeoutMs: {
    schema: v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1')),
    environmentVariable: 'EXAMPLE_TEST_TIMEOUT_MS',
  },
  strict: { schema: v.boolean(), environmentVariable: 'EXAMPLE_TEST_STRICT' },
  fetch: { schema: v.custom<typeof fetch>((value) => typeof value === 'function') },
});

describe('defineProviderSettings', () => {
  afterEach(() => {
    delete process.env.EXAMPLE_TEST_API_KEY;
    delete process.env.EXAMPLE_TEST_TIMEOUT_MS;
    delete process.env.EXAMPLE_TEST_STRICT;
  });

  it('gives the secret list and the environment fallbacks from the one declaration', () => {
    expect(settings.secretSettings).toEqual(['apiKey']);
    expect(settings.environmentVariables).toEqual({
      apiKey: 'EXAMPLE_TEST_API_KEY',
      timeoutMs: 'EXAMPLE_TEST_TIMEOUT_MS',
      strict: 'EXAMPLE_TEST_STRICT',
    });
  });

  it('validates a host config with every setting optional', () => {
    expect(v.safeParse(settings.schema, {}).success).toBe(true);
    expect(v.safeParse(settings.schema, { timeoutMs: 0 }).success).toBe(false);
  });

  it('prefers the given value, then the environment, read at call time', () => {
    const reader = settings.read({});
    expect(reader.optional('apiKey')).toBeUndefined();
    process.env.EXAMPLE_TEST_API_KEY = 'from-environment';
    process.env.EXAMPLE_TEST_TIMEOUT_MS = '2500';
    process.env.EXAMPLE_TEST_STRICT = 'true';
    expect(reader.required('apiKey')).toBe('from-environment');
    expect(reader.optional('timeoutMs')).toBe(2500);
    expect(reader.optional('strict')).toBe(true);
    expect(settings.read({ apiKey: 'given' }).required('apiKey')).toBe('given');
  });

  it('names the setting, the variable and the provider when one is missing or invalid', () => {
    expect(() => settings.read({}).required('apiKey')).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        outcome: 'not_sent',
        provider: 'example',
        field: 'apiKey',
      }),
    );
    expect(() => settings.read({}).required('apiKey')).toThrow(
      /set the EXAMPLE_TEST_API_KEY environment variable/,
    );
    process.env.EXAMPLE_TEST_TIMEOUT_MS = '0';
    expect(() => settings.read({}).optional('timeoutMs')).toThrow(
      /EXAMPLE_TEST_TIMEOUT_MS="0"\): must be at least 1/,
    );
  });

  it('never repeats a secret in the message of an invalid value', () => {
    const secretish = defineProviderSettings('example', {
      apiKey: {
        schema: v.pipe(v.string(), v.regex(/^k_/)),
        environmentVariable: 'EXAMPLE_TEST_API_KEY',
        secret: true,
      },
    });
    process.env.EXAMPLE_TEST_API_KEY = 'leaked-secret';
    expect(() => secretish.read({}).required('apiKey')).toThrow(/EXAMPLE_TEST_API_KEY="the value given"/);
    expect(() => secretish.read({ apiKey: 'given-secret' }).required('apiKey')).toThrow(
      /\(the value given\)/,
    );
    for (const settings of [{}, { apiKey: 'given-secret' }]) {
      expect(() => secretish.read(settings).required('apiKey')).not.toThrow(/leaked-secret|given-secret/);
    }
  });

  it('reads an empty setting as absent, falling back to the environment', () => {
    process.env.EXAMPLE_TEST_API_KEY = 'from-environment';
    expect(settings.read({ apiKey: '' }).required('apiKey')).toBe('from-environment');
  });

  it('reads a number written in the environment with stray spaces', () => {
    process.env.EXAMPLE_TEST_TIMEOUT_MS = ' 2500 ';
    expect(settings.read({}).optional('timeoutMs')).toBe(2500);
  });

  it('declares the reconciliation settings with their environment fallbacks and rules', () => {
    const declared = defineProviderSettings('example', reconciliationSettings('EXAMPLE_TEST'));
    expect(declared.environmentVariables).toEqual({
      settleWindowMs: 'EXAMPLE_TEST_SETTLE_WINDOW_MS',
      maximumPendingMs: 'EXAMPLE_TEST_MAXIMUM_PENDING_MS',
    });
    expect(declared.read({ settleWindowMs: 0 }).optional('settleWindowMs')).toBe(0);
    expect(() => declared.read({ maximumPendingMs: 0 }).optional('maximumPendingMs')).toThrow(/at least 1/);
    expect(() => declared.read({ settleWindowMs: 1.5 }).optional('settleWindowMs')).toThrow(/whole number/);
  });
});
