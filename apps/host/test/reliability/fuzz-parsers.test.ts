import {
  type ParseAmountOptions,
  parseAmount,
  parseMoney,
  RefundError,
  type RefundPlugin,
} from '@refunds/core';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostConfigError } from '../../src/config/host-config-error';
import { loadConfig } from '../../src/config/load-config';
import { parseHostConfig } from '../../src/config/parse-host-config';
import { discoverProviders } from '../../src/plugins/discover-providers';
import { loadAccounts } from '../../src/plugins/load-accounts';
import { fuzzRuns, onlyRefundErrors } from './fuzz-runs';

/**
 * The parsers that stand between outside input and money: amounts, every provider's settings schema and
 * factory, the host's config. Whatever they are given, they answer or refuse with their typed error; they
 * never throw anything else.
 */

const runs = fuzzRuns(300);
let plugins: { packageName: string; plugin: RefundPlugin }[] = [];
let cases = 0;

beforeAll(async () => {
  plugins = (await discoverProviders()).providers;
});
afterAll(() => {
  console.log(
    `fuzz parsers: ${cases} inputs to money, ${plugins.length} settings schemas and the host config`,
  );
});

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[-+]?\d{0,30}([.,]\d{0,30})?([eE][-+]?\d{1,4})?$/),
  fc.constantFrom('', '0', '-0', '00.10', '1e3', '0x10', 'NaN', 'Infinity', '１２', '1_000', ' 1', '1.'),
);
const amountOptions: fc.Arbitrary<ParseAmountOptions> = fc.record(
  {
    field: fc.constantFrom('amount', 'refund.amount'),
    maxDecimals: fc.nat({ max: 18 }),
    min: fc.constantFrom('0', '0.01', '1'),
    max: fc.constantFrom('100', '5000000', '999999999999'),
    allowZero: fc.boolean(),
    maxIntegerDigits: fc.integer({ min: 1, max: 30 }),
  },
  { requiredKeys: [] },
);

describe('fuzzing money parsing', () => {
  it('parseAmount returns a normalized decimal or refuses with invalid_request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, fc.anything()), amountOptions, async (value, options) => {
        cases++;
        const result = await onlyRefundErrors(() => parseAmount(value, options));
        if (result instanceof RefundError) {
          expect(result.code).toBe('invalid_request');
          expect(result.outcome).toBe('not_sent');
        } else {
          expect(result).toMatch(/^\d+(\.\d+)?$/);
          // Parsing what it returned changes nothing: normalizing twice cannot move money.
          expect(parseAmount(result, options)).toBe(result);
        }
      }),
      { numRuns: runs },
    );
  });

  it('parseMoney answers or refuses with invalid_request, whatever the object holds', async () => {
    const money = fc.oneof(
      fc.record({ amount: fc.oneof(text, fc.anything()), currency: fc.oneof(text, fc.anything()) }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(money, async (value) => {
        cases++;
        const result = await onlyRefundErrors(() => parseMoney(value));
        if (result instanceof RefundError) expect(result.code).toBe('invalid_request');
        else expect(Object.keys(result).sort()).toEqual(['amount', 'currency']);
      }),
      { numRuns: runs },
    );
  });
});

/** Objects with the schema's own keys, holding anything: most reach past "unknown key" into each rule. */
function settingsFor(plugin: RefundPlugin) {
  const entries = (plugin.settingsSchema as { entries?: Record<string, unknown> }).entries ?? {};
  const keys = Object.keys(entries);
  const value = fc.oneof(text, fc.anything(), fc.integer(), fc.boolean(), fc.webUrl());
  return fc.oneof(
    keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.object(),
    fc.anything(),
  );
}

describe('fuzzing every provider settings schema', () => {
  it('finds the installed providers', () => {
    expect(plugins.length).toBeGreaterThanOrEqual(2);
  });

  it('validates without throwing, and creates a provider from whatever it accepts', async () => {
    for (const { packageName, plugin } of plugins) {
      await fc
        .assert(
          fc.asyncProperty(settingsFor(plugin), async (settings) => {
            cases++;
            const parsed = v.safeParse(plugin.settingsSchema, settings);
            if (parsed.success) await onlyRefundErrors(() => plugin.create(parsed.output as never));
          }),
          { numRuns: runs, examples: [[{}]] },
        )
        .catch((error: unknown) => {
          throw new Error(`${packageName}: ${error instanceof Error ? error.message : String(error)}`);
        });
    }
  }, 120_000);

  it('reaches the host as typed config problems, never as a crash', async () => {
    for (const { packageName, plugin } of plugins) {
      await fc.assert(
        fc.asyncProperty(settingsFor(plugin), async (settings) => {
          cases++;
          try {
            await loadAccounts(
              {
                accounts: { [`${plugin.id}:fuzz`]: { package: packageName, settings: settings as never } },
                routes: [],
              },
              { environment: {} },
            );
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(HostConfigError);
          }
        }),
        { numRuns: Math.max(20, Math.round(runs / 3)) },
      );
    }
  }, 120_000);
});

describe('fuzzing the host config', () => {
  const secret = fc.oneof(
    fc.record({ env: text }),
    fc.record({ file: text }),
    fc.record({ env: text, file: text }),
    fc.anything(),
  );
  const account = fc.record(
    {
      package: fc.oneof(fc.constantFrom('@refunds/gatepay', '@refunds/none'), text),
      settings: fc.oneof(fc.dictionary(text, fc.anything()), fc.anything()),
      secrets: fc.oneof(fc.dictionary(text, secret), fc.anything()),
    },
    { requiredKeys: [] },
  );
  const config = fc.oneof(
    fc.record(
      {
        accounts: fc.oneof(
          fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z]{1,8}:[a-z]{1,8}$/), text), account, {
            maxKeys: 3,
          }),
          fc.anything(),
        ),
        routes: fc.oneof(
          fc.array(fc.record({ account: text, currency: text, orderIdPattern: text }, { requiredKeys: [] })),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  it('parseHostConfig returns a config or throws HostConfigError', async () => {
    await fc.assert(
      fc.asyncProperty(config, async (value) => {
        cases++;
        try {
          parseHostConfig(value);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(HostConfigError);
        }
      }),
      { numRuns: runs },
    );
  });

  it('a config file of any text loads or fails with HostConfigError', async () => {
    const fileText = fc.oneof(
      text,
      fc.json(),
      config.map((value) => JSON.stringify(value) ?? ''),
    );
    await fc.assert(
      fc.asyncProperty(fileText, async (contents) => {
        cases++;
        try {
          await loadConfig('/nowhere/refunds.config.json', { readFile: async () => contents });
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(HostConfigError);
        }
      }),
      { numRuns: runs },
    );
  });
});
