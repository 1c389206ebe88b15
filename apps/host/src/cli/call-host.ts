/** Where the client commands read their settings and write their output; the process's own by default. */
export interface CliIo {
  environment: Readonly<Record<string, string | undefined>>;
  write(text: string): void;
}

export const processIo: CliIo = {
  environment: process.env,
  write: (text) => process.stdout.write(text),
};

export interface HostAnswer {
  ok: boolean;
  status: number;
  /** The JSON body, or the text when it is not JSON. */
  body: unknown;
  text: string;
}

/** One HTTP call to the running host named by REFUNDS_URL, with REFUNDS_API_KEY. */
export async function requestHost(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  io: CliIo = processIo,
): Promise<HostAnswer> {
  const baseUrl = (io.environment.REFUNDS_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const apiKey = io.environment.REFUNDS_API_KEY;
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
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { ok: response.ok, status: response.status, body: parsed, text };
}

/** The client commands: one HTTP call to a running host, its JSON answer printed as it came. */
export async function callHost(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  io: CliIo = processIo,
): Promise<number> {
  const answer = await requestHost(method, path, body, io);
  io.write(`${formatJson(answer.text)}\n`);
  return answer.ok ? 0 : 1;
}

function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
