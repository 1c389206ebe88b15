/** The refund id a command takes as its one positional argument; throws naming the command's help otherwise. */
export function requireRefundId(command: string, positionals: readonly string[]): string {
  const [refundId, ...extra] = positionals;
  if (!refundId) throw new Error(`${command} needs a refund id (see \`refunds ${command} --help\`)`);
  if (extra.length > 0) {
    throw new Error(
      `${command} takes one refund id, got also ${extra.map((item) => `"${item}"`).join(', ')}`,
    );
  }
  return refundId;
}
