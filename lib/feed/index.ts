// The changes feed (docs/decisions/013): what changed since a consumer's cursor, for downstream indexes.
export { readFeed } from "./read-feed";
export { settleFeed } from "./settle";
export * from "./schemas";
export { feedPrincipals, ZPrincipalsQuery, type FeedPrincipals } from "./principals";
export { moveFeedRecords } from "./move";
