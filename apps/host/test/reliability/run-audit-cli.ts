import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '../../src/cli/audit-refunds';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

export interface AuditCliResult {
  exitCode: number;
  report: (AuditReport & { summary: Record<string, unknown> }) | undefined;
  output: string;
}

/** Runs `refunds audit` as an operator would, in its own process, and reads its JSON report. */
export function runAuditCli(input: {
  cwd: string;
  configPath: string;
  environment: Record<string, string | undefined>;
  database?: string;
}): Promise<AuditCliResult> {
  const args = ['--conditions=@refunds/source', '--import', tsx, cli, 'audit', '--config', input.configPath];
  if (input.database) args.push('--database', input.database);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: input.cwd,
        env: { ...process.env, ...input.environment },
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        let report: AuditCliResult['report'];
        try {
          report = JSON.parse(stdout) as AuditCliResult['report'];
        } catch {}
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ exitCode, report, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
