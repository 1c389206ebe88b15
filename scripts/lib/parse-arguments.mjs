/**
 * The few options the release scripts share: names of packages (folders) to limit a run to, and switches.
 * `--skip-unbuilt` lets a local run pass over a package whose dist/ is missing; CI never passes it, so there a
 * package that does not build fails the run.
 */
export function parseArguments(argv = process.argv.slice(2)) {
  const names = [];
  const switches = new Set();
  const values = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (!argument.startsWith('--')) names.push(argument);
    else if (argument.includes('=')) {
      const [key, value] = argument.slice(2).split('=', 2);
      values[key] = value;
    } else switches.add(argument.slice(2));
  }
  return { names, switches, values };
}

/** Limits packages to the folders named on the command line, refusing a name that matches nothing. */
export function selectPackages(packages, names) {
  if (names.length === 0) return packages;
  const unknown = names.filter((name) => !packages.some((candidate) => candidate.folder === name));
  if (unknown.length > 0) {
    const known = packages.map((candidate) => candidate.folder).join(', ');
    throw new Error(`Unknown package ${unknown.join(', ')}; known here: ${known}`);
  }
  return packages.filter((candidate) => names.includes(candidate.folder));
}
