import { phaseProgress } from "./phase-progress";
import { isActive, type RunView } from "./types";

const STRIPES = { backgroundImage: "repeating-linear-gradient(45deg, #93c5fd 0 8px, #dbeafe 8px 16px)" };

/** A bar per phase, in order: finished ones full, the current one partial (or striped when its total is unknown). */
export function PhaseBars({ run }: { run: RunView }) {
  const live = isActive(run);
  const stopped = run.status === "failed" || run.status === "cancelled";
  return (
    <ol className="space-y-2" aria-label="Phases">
      {phaseProgress(run).map((p) => {
        const percent = p.fraction === null ? null : Math.round(p.fraction * 100);
        const tone = p.state === "current" && stopped ? "bg-rose-400" : p.state === "done" ? "bg-emerald-500" : "bg-blue-600";
        return (
          <li key={p.phase} className="grid grid-cols-[12rem_1fr_10rem] items-center gap-3 text-sm">
            <span className={p.state === "pending" ? "text-slate-400" : "text-slate-800"}>{p.label}</span>
            <div
              role="progressbar"
              aria-label={p.label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? undefined}
              aria-valuetext={percent === null ? `${p.detail}, total not known yet` : `${percent}%`}
              data-state={p.state}
              className="h-2.5 overflow-hidden rounded-full bg-slate-100"
            >
              {percent === null ? (
                <div className={`h-full w-full ${live ? "animate-pulse" : ""}`} style={STRIPES} />
              ) : (
                <div className={`h-full ${tone} transition-all duration-500`} style={{ width: `${percent}%` }} />
              )}
            </div>
            <span className="text-xs text-slate-500">{p.state === "pending" ? "" : p.detail}</span>
          </li>
        );
      })}
    </ol>
  );
}
