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
 * A statement on the refund path, built and compiled by Kysely once per dialect and then run with each call's
 * values (issue 19): building and compiling a query costs about 35 µs, more than SQLite takes to run a small one,
 * and a refund runs several. `build` passes `parameter(name)` wherever a value varies from call to call, and must
 * make the same SQL whatever the values (no branch on them, no list whose length varies).
 */
export function prepareQuery<Parameters extends Record<string, unknown>, Row>(
  build: (
    database: Kysely<LedgerDatabase>,
    parameter: <Name extends keyof Parameters & string>(name: Name) => Parameters[Name],
    /** The first call's values, for a statement whose columns are the parameters' names. */
    first: Parameters,
  ) => Compilable<Row>,
): (database: Kysely<LedgerDatabase>, parameters: Parameters) => Promise<QueryResult<Row>> {
  // Keyed by the dialect's adapter, which every connection and transaction of one database shares.
  const prepared = new WeakMap<object, Prepared<Row>>();
  const placeholder = (name: string) => new Placeholder(name) as never;
  return (database, parameters) => {
    const adapter = database.getExecutor().adapter;
    let statement = prepared.get(adapter);
    if (statement === undefined) {
      const query = build(database, placeholder, parameters).compile();
      statement = {
        query,
        names: query.parameters.map((value) => (value instanceof Placeholder ? value.name : undefined)),
      };
      prepared.set(adapter, statement);
    }
    const { query, names } = statement;
    const values = query.parameters.map((value, index) => {
      const name = names[index];
      return name === undefined ? value : parameters[name];
    });
    return database.executeQuery({ ...query, parameters: values });
  };
}
