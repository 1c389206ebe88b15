/** A plain-text table for CI logs and the release notes: a header row, then one row per item. */
export function printTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(String(title).length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}
