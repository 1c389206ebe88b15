import { statSync } from 'node:fs';
import { pnpmCommand } from './pnpm-command.mjs';
import { runCommand } from './run-command.mjs';

/**
 * Packs a package exactly as `pnpm publish` would (workspace: ranges replaced by versions, publishConfig
 * applied) and returns the tarball with its size and file list.
 */
export async function packPackage(workspacePackage, destination) {
  const [command, args] = pnpmCommand(['pack', '--json', '--pack-destination', destination]);
  const { stdout } = await runCommand(command, args, { cwd: workspacePackage.directory });
  // npx may print warnings before the JSON document.
  const packed = JSON.parse(stdout.slice(stdout.indexOf('{')));
  return {
    tarball: packed.filename,
    packedBytes: statSync(packed.filename).size,
    files: packed.files.map((file) => file.path),
  };
}
