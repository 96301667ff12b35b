export { atomFeed, buildSite, type PublishedReport, type SiteOptions } from "./build-site.js";
