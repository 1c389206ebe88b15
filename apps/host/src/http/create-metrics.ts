type Labels = Record<string, string>;

/**
 * Prometheus counters and gauges kept in memory. Label values are our own words (routes, states, outcome
 * codes), never request data, so nothing secret can reach /metrics.
 */
export function createMetrics() {
  const counters = new Map<string, { help: string; values: Map<string, number> }>();

  const labelText = (labels: Labels): string => {
    const entries = Object.entries(labels);
    if (entries.length === 0) return '';
    return `{${entries.map(([key, value]) => `${key}="${value.replace(/["\\\n]/g, '_')}"`).join(',')}}`;
  };

  return {
    increment(name: string, help: string, labels: Labels = {}, by = 1): void {
      const counter = counters.get(name) ?? { help, values: new Map<string, number>() };
      counters.set(name, counter);
      const key = labelText(labels);
      counter.values.set(key, (counter.values.get(key) ?? 0) + by);
    },
    render(gauges: { name: string; help: string; values: [Labels, number][] }[]): string {
      const lines: string[] = [];
      for (const [name, counter] of counters) {
        lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
        for (const [labels, value] of counter.values) lines.push(`${name}${labels} ${value}`);
      }
      for (const gauge of gauges) {
        lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
        for (const [labels, value] of gauge.values) lines.push(`${gauge.name}${labelText(labels)} ${value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
