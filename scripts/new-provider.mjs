#!/usr/bin/env node
// Scaffolds packages/<name>: a provider in the house style (factory, low-level client, plugin, settings with
// environment fallbacks, one error table, a signed protocol, a stateful sandbox on the loopback harness) whose
// placeholder protocol already passes core's conformance suite, so a fifth provider starts green.
// Usage: pnpm new-provider <name> [--display-name=ExamplePay] [--root=<workspace root>]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repositoryRoot } from './lib/list-workspace-packages.mjs';
import { parseArguments } from './lib/parse-arguments.mjs';
import { runCommand } from './lib/run-command.mjs';

const templateDirectory = join(import.meta.dirname, 'templates', 'provider');

function usage(message) {
  console.error(`${message}\nUsage: pnpm new-provider <name> [--display-name=ExamplePay]`);
  process.exit(1);
}

/** The spellings a provider's name takes in paths, identifiers, prose and environment variables. */
function providerNames(name, displayName) {
  const pascal =
    displayName ?? name.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter) => letter.toUpperCase());
  return {
    __name__: name,
    __Name__: pascal,
    __camel__: pascal[0].toLowerCase() + pascal.slice(1),
    __ENV__: name.toUpperCase().replaceAll('-', '_'),
  };
}

function fill(text, replacements) {
  let output = text;
  for (const [placeholder, value] of Object.entries(replacements))
    output = output.replaceAll(placeholder, value);
  return output;
}

function templateFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

/** Gives the new provider the same size budget as the largest existing one, so that CI checks it from day one. */
function addSizeBudget(root, replacements) {
  const path = join(root, '.size-limit.json');
  if (!existsSync(path)) return;
  const budgets = JSON.parse(readFileSync(path, 'utf8'));
  const limits = budgets.map((budget) => Number.parseFloat(budget.limit)).filter(Number.isFinite);
  budgets.push({
    name: `@refunds/${replacements.__name__}: create${replacements.__Name__} with core, ky and valibot`,
    path: `packages/${replacements.__name__}/dist/index.js`,
    import: `{ create${replacements.__Name__} }`,
    gzip: true,
    limit: `${limits.length > 0 ? Math.max(...limits) : 15} kB`,
  });
  writeFileSync(path, `${JSON.stringify(budgets, null, 2)}\n`);
}

const { names, values } = parseArguments();
const [name] = names;
if (!name) usage('Name the provider.');
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  usage(
    `"${name}" is not a provider name: lowercase letters and digits, words joined by "-", e.g. examplepay.`,
  );
}
if (values['display-name'] !== undefined && !/^[A-Z][A-Za-z0-9]*$/.test(values['display-name'])) {
  usage(
    `--display-name must be a PascalCase identifier such as ExamplePay, got "${values['display-name']}".`,
  );
}
const root = values.root ?? repositoryRoot;
const target = join(root, 'packages', name);
if (existsSync(target)) usage(`${relative(process.cwd(), target) || target} already exists.`);

const replacements = {
  ...providerNames(name, values['display-name']),
  // Same dependency range as core's, so the workspace keeps one valibot.
  __valibotRange__: JSON.parse(readFileSync(join(root, 'packages', 'core', 'package.json'), 'utf8'))
    .dependencies.valibot,
};
for (const file of templateFiles(templateDirectory)) {
  const relativePath = fill(relative(templateDirectory, file), replacements).replace(
    'package.template.json',
    'package.json',
  );
  mkdirSync(join(target, relativePath, '..'), { recursive: true });
  writeFileSync(join(target, relativePath), fill(readFileSync(file, 'utf8'), replacements));
}
// Every published package carries the project's licence beside its package.json, where npm packs it.
writeFileSync(join(target, 'LICENSE'), readFileSync(join(root, 'LICENSE'), 'utf8'));
addSizeBudget(root, replacements);
const changeset = join(root, '.changeset', `${name}-first-release.md`);
if (existsSync(join(root, '.changeset')) && !existsSync(changeset)) {
  writeFileSync(
    changeset,
    `---\n"@refunds/${name}": minor\n---\n\nFirst release of @refunds/${name}: ${replacements.__Name__} refunds behind refunds-v1, with a stateful sandbox.\n`,
  );
}
// The templates are written with placeholders; names of another length move line breaks.
await runCommand(join(repositoryRoot, 'node_modules', '.bin', 'biome'), ['check', '--write', target], {
  cwd: root,
});

console.log(`Created ${relative(process.cwd(), target) || target} (@refunds/${name}). Next:
  pnpm install                         links it into the workspace
  pnpm --filter @refunds/${name} test  its conformance suite passes on the placeholder protocol
Then replace every TODO in packages/${name}/src with ${replacements.__Name__}'s documented protocol, keeping the
suite green and its files where docs/provider-layout.md puts them (node scripts/check-provider-layout.mjs
checks), and add the package to the table in README.md. Its size budget is in .size-limit.json and its first
changeset in .changeset/.`);
