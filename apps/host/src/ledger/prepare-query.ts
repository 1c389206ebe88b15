import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { LedgerDatabase } from './ledger-database';

/** Stands for a parameter while a query is built; each run puts the call's value in its place. */
class Placeholder {
  constructor(readonly name: string) {}
}

interface Prepared<Row> {
  query: CompiledQuery<Row>;
  /** For each parameter of the compiled query, the name it was built with, or undefined for a constant. */
  names: (string | undefined)[];
}

/**
 * However many shapes a statement is asked for, its cache stays bounded: shapes come from the code's own
 * branches (which columns a change sets), so a limit this high is never reached unless something is wrong.
 */
const maximumShapes = 256;

/**
 * A statement on the refund path, built and compiled by Kysely once per dialect and then run with each call's
 * values (issue 19): building and compiling a query costs about 35 µs, more than SQLite takes to run a small one,
 * and a refund runs several. `build` passes `parameter(name)` wherever a value varies from call to call, and must
 * make the same SQL whatever the values (no branch on them, no list whose length varies) — except through
 * `shape`: a statement whose SQL depends on the call (which columns it sets, which guards it has) names that
 * dependence in a shape, and is built once per shape, from the first call of that shape.
 */
export function prepareQuery<Parameters extends Record<string, unknown>, Row>(
  build: (
    database: Kysely<LedgerDatabase>,
    parameter: <Name extends keyof Parameters & string>(name: Name) => Parameters[Name],
    /** The first call's values (of this shape), for a statement whose columns or guards follow them. */
    first: Parameters,
  ) => Compilable<Row>,
): (database: Kysely<LedgerDatabase>, parameters: Parameters, shape?: string) => Promise<QueryResult<Row>> {
  // Keyed by the dialect's adapter, which every connection and transaction of one database shares.
  const prepared = new WeakMap<object, Map<string, Prepared<Row>>>();
  const placeholder = (name: string) => new Placeholder(name) as never;
  return (database, parameters, shape = '') => {
    const adapter = database.getExecutor().adapter;
    let shapes = prepared.get(adapter);
    if (shapes === undefined) {
      shapes = new Map();
      prepared.set(adapter, shapes);
    }
    let statement = shapes.get(shape);
    if (statement === undefined) {
      const query = build(database, placeholder, parameters).compile();
      statement = {
        query,
        names: query.parameters.map((value) => (value instanceof Placeholder ? value.name : undefined)),
      };
      if (shapes.size >= maximumShapes) shapes.clear();
      shapes.set(shape, statement);
    }
    const { query, names } = statement;
    const values = query.parameters.map((value, index) => {
      const name = names[index];
      return name === undefined ? value : parameters[name];
    });
    return database.executeQuery({ ...query, parameters: values });
  };
}
