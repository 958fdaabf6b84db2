"use client";

import { useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConnectorView } from "./types";

interface Props {
  connector: ConnectorView;
  onChanged: () => Promise<void>;
  onNext: () => void;
}

interface OAuthMessage {
  type: "confluence-oauth";
  ok: boolean;
  connectorId?: string;
  message: string;
}

/**
 * Opens Atlassian's consent screen in a popup and waits for the callback page to report
 * back (postMessage from our own origin). A popup closed without a report gets its own message.
 */
export function AuthorizeStep({ connector, onChanged, onNext }: Props) {
  const [status, setStatus] = useState<{ tone: "error" | "success" | "info"; text: string } | null>(null);
  const [waiting, setWaiting] = useState(false);
  const popupRef = useRef<Window | null>(null);
  const settled = useRef(false);

  useEffect(() => {
    const onMessage = async (event: MessageEvent<OAuthMessage>) => {
      if (event.origin !== window.location.origin || event.data?.type !== "confluence-oauth") return;
      if (event.data.connectorId && event.data.connectorId !== connector.id) return;
      settled.current = true;
      setWaiting(false);
      setStatus({ tone: event.data.ok ? "success" : "error", text: event.data.message });
      await onChanged();
    };
    const listener = (event: MessageEvent<OAuthMessage>) => void onMessage(event);
    window.addEventListener("message", listener);
    return () => window.removeEventListener("message", listener);
  }, [connector.id, onChanged]);

  async function authenticate() {
    setStatus(null);
    settled.current = false;
    // Open the window inside the click, or popup blockers refuse it; point it at Atlassian once we know the URL.
    const popup = window.open("about:blank", "confluence-oauth", "popup,width=620,height=760");
    if (!popup) {
      setStatus({ tone: "error", text: "The browser blocked the authorization window. Allow popups for this site and try again." });
      return;
    }
    popupRef.current = popup;
    setWaiting(true);
    try {
      const { authorizeUrl } = await callApi<{ authorizeUrl: string }>(`/api/connectors/${connector.id}/oauth/authorize`, { method: "POST" });
      popup.location.href = authorizeUrl;
    } catch (err) {
      popup.close();
      setWaiting(false);
      setStatus({ tone: "error", text: (err as Error).message });
      return;
    }
    const timer = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(timer);
      setTimeout(() => {
        if (settled.current) return;
        setWaiting(false);
        setStatus({
          tone: "error",
          text: "The authorization window closed before finishing. If Atlassian showed an error about the redirect URL, register exactly the Redirect URL from step 1 in your Atlassian app.",
        });
      }, 500);
    }, 400);
  }

  const authenticated = connector.authenticated;
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600">
        Sign in at Atlassian, choose <strong>{connector.siteUrl}</strong> and accept. The window closes by itself when done.
      </p>
      <div className="flex items-center gap-3">
        {authenticated ? (
          <span className="inline-flex rounded-full bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-800">Authenticated</span>
        ) : connector.badge === "needs_reauth" ? (
          <span className="inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Needs re-authentication</span>
        ) : (
          <span className="inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Not authorized</span>
        )}
        <Button onClick={authenticate} busy={waiting} variant={authenticated ? "secondary" : "primary"}>
          {authenticated ? "Reauthenticate" : "Authenticate"}
        </Button>
      </div>
      {waiting ? <Alert tone="info">Waiting for Atlassian… finish in the popup window.</Alert> : null}
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <div className="flex justify-end">
        <Button onClick={onNext} disabled={!authenticated}>
          Next
        </Button>
      </div>
    </div>
  );
}
