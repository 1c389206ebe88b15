import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type ClientAddressOptions, clientAddress } from './client-address';

const addressFor = async (options: ClientAddressOptions, forwardedFor?: string) => {
  const app = new Hono();
  app.get('/', (context) => context.text(clientAddress(context, options)));
  const response = await app.request('/', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
  return response.text();
};

describe('clientAddress', () => {
  it('ignores X-Forwarded-For by default: a client writes what it likes there', async () => {
    // Without a socket (app.request), the socket address is unknown.
    expect(await addressFor({}, '198.51.100.1')).toBe('unknown');
  });

  it('behind n trusted proxies, reads the entry n from the right: the left ones are the client’s own claims', async () => {
    expect(await addressFor({ trustedProxyCount: 1 }, 'forged, 192.0.2.7')).toBe('192.0.2.7');
    expect(await addressFor({ trustedProxyCount: 2 }, 'forged, 192.0.2.7, 10.0.0.2')).toBe('192.0.2.7');
    expect(await addressFor({ trustedProxyCount: 1 }, ' 192.0.2.8 ')).toBe('192.0.2.8');
  });

  it('falls back to the socket when the header has fewer entries than proxies', async () => {
    expect(await addressFor({ trustedProxyCount: 2 }, '192.0.2.7')).toBe('unknown');
    expect(await addressFor({ trustedProxyCount: 1 })).toBe('unknown');
  });
});
