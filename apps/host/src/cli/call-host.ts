/** The client commands: one HTTP call to a running host, its JSON answer printed as it came. */
export async function callHost(method: 'GET' | 'POST', path: string, body?: unknown): Promise<number> {
  const baseUrl = (process.env.REFUNDS_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const apiKey = process.env.REFUNDS_API_KEY;
  if (!apiKey)
    throw new Error(
      'Set REFUNDS_API_KEY to one of the keys the host accepts (serve prints one in sandbox mode).',
    );
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  process.stdout.write(`${formatJson(text)}\n`);
  return response.ok ? 0 : 1;
}

function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
