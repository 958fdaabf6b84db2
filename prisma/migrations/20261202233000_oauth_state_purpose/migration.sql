-- An OAuth state either authorizes a connector ("connector") or links the person who consents
-- to their Atlassian account ("link", Link my Atlassian account).
ALTER TABLE "oauth_states" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'connector';
