import { Field } from "@/components/ui/field";
import { KEEP_SECRET } from "./cloud-sign-in-fields";
import type { ConnectorView } from "./types";

interface Props {
  method: "personal_access_token" | "password";
  connector?: ConnectorView;
  fields: Record<string, string>;
}

/**
 * Confluence Data Center's sign-in fields: the base URL users see in their browser (context path
 * included), and a personal access token (sent as Bearer) or a username and password (HTTP Basic).
 */
export function DataCenterSignInFields({ method, connector, fields }: Props) {
  const stored = connector?.hasApiToken ? KEEP_SECRET : "";
  return (
    <>
      <Field
        label="Base URL"
        name="baseUrl"
        defaultValue={connector?.siteUrl ?? ""}
        placeholder="https://wiki.example.com/confluence"
        hint="http or https, with the context path if there is one, e.g. https://wiki.example.com/confluence"
        error={fields.baseUrl}
      />
      {method === "personal_access_token" ? (
        <Field
          label="Personal Access Token"
          name="token"
          type="password"
          autoComplete="off"
          placeholder={stored}
          hint="Create one in Confluence: your avatar → Settings → Personal Access Tokens (Data Center 7.9 and later). An administrator's token also syncs space permissions."
          error={fields.token}
        />
      ) : (
        <>
          <Field
            label="Username"
            name="username"
            defaultValue={connector?.username ?? ""}
            autoComplete="off"
            hint="The account's username (not its email). An administrator also syncs space permissions."
            error={fields.username}
          />
          <Field label="Password" name="password" type="password" autoComplete="new-password" placeholder={stored} error={fields.password} />
        </>
      )}
    </>
  );
}
