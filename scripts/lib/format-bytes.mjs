/** Sizes as people read them in a report: bytes below 1 kB, then kB with one decimal (1 kB = 1000 B). */
export function formatBytes(bytes) {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}
