import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxFault, SandboxFaultRule } from '../contract/refund-sandbox-plugin';

export interface LoopbackRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  url: URL;
  headers: Headers;
  /** The exact bytes received, for signature checks. */
  body: Uint8Array;
  text: string;
}

export interface LoopbackResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface LoopbackServerOptions {
  handle(request: LoopbackRequest): Promise<LoopbackResponse> | LoopbackResponse;
  /** How this provider's responses lose or break their signature, for the signature faults. */
  signature?: {
    strip(response: LoopbackResponse): LoopbackResponse;
    tamper(response: LoopbackResponse): LoopbackResponse;
  };
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface LoopbackServer {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: readonly LoopbackRequest[];
  /** How many faults have fired so far. */
  readonly faultsFired: number;
  injectFault(rule: SandboxFaultRule): void;
  clearFaults(): void;
  close(): Promise<void>;
}

interface ActiveRule {
  fault: SandboxFault;
  path: string | undefined;
  remaining: number;
}

/**
 * A real HTTP server on 127.0.0.1 that a sandbox puts its provider logic behind, with transport faults a test
 * can inject: the same failures a real network and a real provider produce.
 */
export async function createLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const requests: LoopbackRequest[] = [];
  let rules: ActiveRule[] = [];
  let faultsFired = 0;

  const takeFault = (path: string): SandboxFault | undefined => {
    const rule = rules.find((candidate) => candidate.path === undefined || path.includes(candidate.path));
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) rules = rules.filter((candidate) => candidate !== rule);
    faultsFired++;
    return rule.fault;
  };

  const server = createServer((incoming, outgoing) => {
    void serve(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) {
        outgoing.writeHead(500, { 'content-type': 'text/plain' });
        outgoing.end(`sandbox failure: ${error instanceof Error ? error.message : String(error)}`);
      } else {
        outgoing.destroy();
      }
    });
  });

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const request: LoopbackRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      url,
      headers,
      body,
      text: new TextDecoder().decode(body),
    };
    requests.push(request);
    const fault = takeFault(request.path);

    if (fault?.kind === 'reset-before-commit') {
      incoming.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      write(outgoing, { status: fault.status, headers: fault.headers, body: fault.body ?? '' });
      return;
    }
    let response = await options.handle(request);
    if (fault?.kind === 'reset-after-commit') {
      incoming.socket.destroy();
      return;
    }
    if (fault?.kind === 'latency') await sleep(fault.ms);
    if (fault?.kind === 'malformed-body') response = { ...response, body: '{"truncated": ' };
    if (fault?.kind === 'unsigned-body' || fault?.kind === 'tampered-signature') {
      if (!options.signature)
        throw new Error(`this sandbox does not sign responses, so '${fault.kind}' cannot apply`);
      response =
        fault.kind === 'unsigned-body'
          ? options.signature.strip(response)
          : options.signature.tamper(response);
    }
    // The client may have given up during the latency; writing then would only raise EPIPE.
    if (!outgoing.destroyed) write(outgoing, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get faultsFired() {
      return faultsFired;
    },
    injectFault(rule) {
      rules.push({ fault: rule.fault, path: rule.path, remaining: rule.times ?? 1 });
    },
    clearFaults() {
      rules = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function write(outgoing: ServerResponse, response: LoopbackResponse): void {
  const body = response.body ?? '';
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  outgoing.writeHead(response.status ?? 200, {
    'content-type': 'application/json',
    ...response.headers,
    'content-length': String(bytes.byteLength),
  });
  outgoing.end(bytes);
}

async function readBody(incoming: IncomingMessage): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Uint8Array);
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
