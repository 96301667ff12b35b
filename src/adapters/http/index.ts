export {
  type ClosableHttpClient,
  createHttpClient,
  DEFAULT_USER_AGENT,
  type HttpClientOptions,
} from "./http-client.js";
