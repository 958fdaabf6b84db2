import type { RunView } from "./types";

const WIDTH = 900;
const HEIGHT = 120;
const BAR_COLORS: Record<RunView["status"], string> = {
  queued: "#cbd5e1",
  running: "#6366f1",
  completed: "#10b981",
  completed_with_errors: "#eab308",
  awaiting_confirmation: "#8b5cf6",
  failed: "#f43f5e",
  cancelled: "#f59e0b",
};

const itemsOf = (run: RunView) => Object.values(run.counters).reduce((sum, c) => sum + c.fetched + c.unchanged, 0);

/** Items synced (fetched + unchanged) per run, oldest on the left; plain SVG, no chart library. */
export function HistoryChart({ runs }: { runs: RunView[] }) {
  const ordered = [...runs].reverse();
  const max = Math.max(1, ...ordered.map(itemsOf));
  const slot = WIDTH / Math.max(ordered.length, 10);
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} className="h-auto w-full" role="img" aria-label="Items synced per run">
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke="#e2e8f0" />
        {ordered.map((run, i) => {
          const items = itemsOf(run);
          const h = Math.max(items ? 2 : 0, (items / max) * (HEIGHT - 14));
          const x = i * slot + slot * 0.15;
          return (
            <g key={run.id} data-testid="history-bar" data-items={items}>
              <title>{`${new Date(run.createdAt).toLocaleString()}: ${items} items (${run.status})`}</title>
              <rect x={x} y={HEIGHT - h} width={slot * 0.7} height={h} rx={2} fill={BAR_COLORS[run.status]} />
              <text x={x + slot * 0.35} y={HEIGHT - h - 3} textAnchor="middle" fontSize={10} fill="#475569">
                {items}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-500">Items synced (fetched + unchanged) per run, oldest first.</figcaption>
    </figure>
  );
}
