import { DEPLOYMENT_LABEL, type Deployment } from "./connector-kind";

interface Props {
  value: Deployment;
  onChange: (value: Deployment) => void;
  /** A saved connector keeps its kind: shown, not changeable. */
  fixed?: boolean;
}

/** The first question of setup: which kind of Confluence site (a radio group drawn as two cards). */
export function DeploymentChoice({ value, onChange, fixed }: Props) {
  return (
    <fieldset>
      <legend className="block text-sm font-medium text-slate-700">Confluence kind</legend>
      <div className="mt-1 grid grid-cols-2 gap-2">
        {(["cloud", "datacenter"] as const).map((kind) => (
          <label
            key={kind}
            className={`flex items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium has-checked:border-blue-600 has-checked:bg-blue-50 has-checked:text-blue-900 has-focus-visible:ring-2 has-focus-visible:ring-blue-200 ${
              fixed ? "cursor-default text-slate-500" : "cursor-pointer border-slate-300 text-slate-700 hover:bg-slate-50"
            }`}
          >
            <input type="radio" name="deployment" value={kind} checked={value === kind} disabled={fixed && value !== kind} onChange={() => onChange(kind)} />
            {DEPLOYMENT_LABEL[kind]}
          </label>
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {fixed
          ? "A saved connector keeps its kind; set up a new connector for another site."
          : "Cloud: a your-team.atlassian.net site. Data Center (or Server): Confluence on your own servers."}
      </p>
    </fieldset>
  );
}
