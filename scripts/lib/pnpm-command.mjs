/**
 * How to call pnpm from a script: the pnpm that runs `pnpm <script>` when there is one (it sets
 * npm_execpath), otherwise pnpm 10 through npx, as .ci/run does (corepack's signature check fails against
 * registry mirrors).
 */
export function pnpmCommand(args) {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by release scripts, never by a turbo task.
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, [execPath, ...args]];
  return ['npx', ['--yes', 'pnpm@10', ...args]];
}
