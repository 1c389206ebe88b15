import { type ChartSeries, chartSeries, type HourBucket } from './refunds-per-hour';

export const seriesColors: Record<ChartSeries, string> = {
  succeeded: '#2da44e',
  failed: '#cf222e',
  needs_attention: '#d4a72c',
  in_progress: '#8c959f',
};

export const seriesLabels: Record<ChartSeries, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  needs_attention: 'needs attention',
  in_progress: 'in progress',
};

const width = 1000;
const height = 200;
const left = 40;
const bottom = 24;
const top = 12;

/**
 * Refunds per hour as stacked bars, drawn on the server: an SVG needs no script and no chart library. Each bar's
 * `<title>` is its tooltip.
 */
export function RefundsChart({ buckets }: { buckets: readonly HourBucket[] }) {
  const totals = buckets.map((bucket) => chartSeries.reduce((sum, series) => sum + bucket.counts[series], 0));
  const scale = niceCeiling(Math.max(1, ...totals));
  const plotHeight = height - top - bottom;
  const slot = (width - left) / Math.max(1, buckets.length);
  const y = (count: number) => top + plotHeight - (count / scale) * plotHeight;
  const total = totals.reduce((sum, count) => sum + count, 0);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={`Refunds created per hour over the last ${buckets.length} hours, by state: ${total} in all`}
      style="max-width: 100%; height: auto; font-size: 11px"
    >
      {[0, scale / 2, scale].map((tick) => (
        <g>
          <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} stroke="#d1d9e0" stroke-width="1" />
          <text x={left - 6} y={y(tick) + 4} text-anchor="end" fill="#59636e">
            {Number.isInteger(tick) ? tick : tick.toFixed(1)}
          </text>
        </g>
      ))}
      {buckets.map((bucket, index) => {
        const x = left + index * slot + slot * 0.15;
        let base = 0;
        const hour = bucket.start.toISOString().slice(11, 16);
        const summary = chartSeries
          .filter((series) => bucket.counts[series] > 0)
          .map((series) => `${bucket.counts[series]} ${seriesLabels[series]}`)
          .join(', ');
        return (
          <g>
            <title>{`${hour} UTC: ${summary || 'no refunds'}`}</title>
            {/* Transparent, full height: the tooltip shows over an empty hour too. */}
            <rect x={left + index * slot} y={top} width={slot} height={plotHeight} fill="transparent" />
            {chartSeries.map((series) => {
              const count = bucket.counts[series];
              if (count === 0) return null;
              const rect = (
                <rect
                  x={x}
                  y={y(base + count)}
                  width={slot * 0.7}
                  height={y(base) - y(base + count)}
                  fill={seriesColors[series]}
                />
              );
              base += count;
              return rect;
            })}
            {index % 3 === 0 ? (
              <text x={left + index * slot + slot / 2} y={height - 6} text-anchor="middle" fill="#59636e">
                {hour}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** 1, 2, 5, 10, 20, 50, ...: an axis a person reads without arithmetic. */
export function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}
