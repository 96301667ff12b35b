export { type FeedFetch, type FeedValidators, fetchFeed, MAX_FEED_BYTES } from "./fetch-feed.js";
export { type FeedItem, type ItemNote, type ParsedFeed, parseFeedDocument } from "./parse-feed.js";
export { isOpml, type OpmlFeed, readOpml } from "./read-opml.js";
export { type ItemFilters, itemFilter, itemLang } from "./select-items.js";
