import * as v from 'valibot';
import { definePlugin } from '../contract/define-plugin';
import { createMemoryPay } from './__fixtures__/memory-pay-provider';
import { createMemoryPaySandbox } from './__fixtures__/memory-pay-sandbox';
import { describeRefundPlugin } from './describe-refund-plugin';

const memoryPayPlugin = definePlugin({
  id: 'memorypay',
  settingsSchema: v.object({ baseUrl: v.pipe(v.string(), v.url()), apiKey: v.optional(v.string()) }),
  secretSettings: ['apiKey'],
  create: (settings) => createMemoryPay(settings),
});

// The suite run against a plugin written for this test: if a case is wrong, it fails here first.
describeRefundPlugin({
  plugin: memoryPayPlugin,
  sandboxPlugin: {
    specificationVersion: 'refunds-v1',
    id: 'memorypay',
    start: () => createMemoryPaySandbox(),
  },
  secretSettings: ['apiKey'],
  validSettings: { baseUrl: 'http://127.0.0.1:9' },
  invalidSettings: [{}, { baseUrl: 'not a url' }, { baseUrl: 'http://127.0.0.1:9', apiKey: 1 }],
});
