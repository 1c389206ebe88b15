import { writeFileSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { join } from 'node:path';
import { defaultBonusPayAssets } from '../../bonuspay-assets';
import { createBonusPaySandbox } from '../../sandbox/create-bonuspay-sandbox';

/**
 * The recorder behind `*.request.json`: a BonusPay sandbox (PayByDemo's partner-id, the demo's BUSD as an
 * asset) behind a loopback proxy that writes every exchange, raw, to `exchanges.json` in `folder`, with the
 * keys the Java side needs. Run it with `npx tsx --conditions @refunds/source`, then
 * RecordPayByJavaSdkRequests.java against http://127.0.0.1:<port>/sgs/api. Not part of the tests.
 */
export async function recordPayByJavaSdkRequests(folder: string, merchantOrderNo: string, port = 18089) {
  const sandbox = await createBonusPaySandbox({
    settleAfterMs: 600_000,
    partnerId: '200000030907',
    assets: { ...defaultBonusPayAssets, BUSD: { decimals: 2, chains: ['ETH'] } },
  });
  await sandbox.seedOrder({
    amount: { amount: '10.00', currency: 'BUSD' },
    chainCode: null,
    merchantOrderNo,
  });
  writeFileSync(join(folder, 'merchant_private_key.pem'), sandbox.settings.privateKey);
  writeFileSync(join(folder, 'platform_public_key.pem'), sandbox.settings.platformPublicKey);
  writeFileSync(join(folder, 'partner_id.txt'), sandbox.partnerId);
  const target = new URL(sandbox.url);
  const exchanges: unknown[] = [];
  const proxy = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      async (answer) => {
        const parts: Buffer[] = [];
        for await (const chunk of answer) parts.push(chunk as Buffer);
        const answerBody = Buffer.concat(parts);
        exchanges.push({
          method: request.method,
          path: request.url,
          rawHeaders: request.rawHeaders,
          bodyBase64: body.toString('base64'),
          response: { status: answer.statusCode, headers: answer.headers, body: answerBody.toString('utf8') },
        });
        writeFileSync(join(folder, 'exchanges.json'), JSON.stringify(exchanges, null, 2));
        response.writeHead(answer.statusCode ?? 502, answer.headers).end(answerBody);
      },
    );
    upstream.end(body);
  });
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  return {
    close: async () => {
      await new Promise((resolve) => proxy.close(resolve));
      await sandbox.close();
    },
  };
}
