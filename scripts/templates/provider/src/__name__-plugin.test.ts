import { describeRefundPlugin } from '@refunds/core/testing';
import __camel__Plugin from './index';
import __camel__SandboxPlugin from './sandbox/index';

// The plugin suite every provider runs: it declares itself and its secrets, validates a host configuration and
// refunds a demo order through a provider created from the sandbox's settings.
describeRefundPlugin({
  plugin: __camel__Plugin,
  sandboxPlugin: __camel__SandboxPlugin,
  secretSettings: ['secretKey'],
  validSettings: {
    merchantId: 'M1',
    secretKey: 'secret',
    baseUrl: 'https://api.example.com',
    timeoutMs: 5000,
  },
  invalidSettings: [{ baseUrl: 'not a url' }, { timeoutMs: 0 }],
});
