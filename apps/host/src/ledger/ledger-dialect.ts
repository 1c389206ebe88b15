export type LedgerDialect = 'sqlite' | 'postgres';
