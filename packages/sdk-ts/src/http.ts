// The only place that turns an OpenAPI path template into a request. Path templates are typed
// against the generated `paths`, so a route that is not in openapi.yaml does not compile.
import { ClickClackError, errorFromResponse } from "./errors.ts";
import type { paths } from "./generated/openapi.ts";

export type HttpMethod = "get" | "post" | "patch" | "delete";
export type ApiPath = keyof paths;

type SuccessStatus = 200 | 201 | 202 | 204;
type JsonBody<R> = R extends { content: { "application/json": infer B } } ? B : undefined;
type Responses<O> = O extends { responses: infer R } ? R : never;

/** The JSON body of any 2xx answer the contract lists for an operation. */
export type SuccessBody<O> = {
  [S in keyof Responses<O> & SuccessStatus]: JsonBody<Responses<O>[S]>;
}[keyof Responses<O> & SuccessStatus];

/** The JSON request body an operation takes (never when it takes none). */
export type RequestBody<O> = O extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** The query parameters an operation takes. */
export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

type ParamNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;
/** `{workspace_id: string, ...}` for the placeholders in a path template. */
export type PathParams<P extends string> = Record<ParamNames<P>, string>;

export type Operation<P extends ApiPath, M extends HttpMethod> = NonNullable<paths[P][M]>;

export interface RequestSpec<P extends ApiPath, M extends HttpMethod> {
  params?: PathParams<P>;
  query?: QueryOf<Operation<P, M>>;
  body?: RequestBody<Operation<P, M>>;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Substitutes `{name}` placeholders, percent-encoding each value (emoji, invite tokens). */
export function expandPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") {
      throw new TypeError(`missing path parameter "${name}" for ${template}`);
    }
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=x` from the defined entries, in the given order; "" when none are set. */
export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.append(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** Joins a base URL ("" for same-origin, or "https://chat.example/") with an absolute path. */
export function joinUrl(baseUrl: string, pathAndQuery: string): string {
  return baseUrl.replace(/\/+$/, "") + pathAndQuery;
}

/**
 * The ws:// or wss:// form of an API URL. A same-origin URL ("/api/...") is resolved against
 * the page, so the browser's cookie goes along.
 */
export function webSocketUrl(url: string, pageUrl: string | undefined): string {
  const absolute = new URL(url, pageUrl);
  absolute.protocol = absolute.protocol === "https:" ? "wss:" : "ws:";
  return absolute.toString();
}

export interface TransportOptions {
  /** Server origin, e.g. "http://127.0.0.1:8080"; "" means the page's own origin. */
  baseUrl: string;
  /** Bearer token. Without one the browser's `cc_session` cookie authenticates. */
  token?: string;
  fetch?: typeof fetch;
  credentials?: RequestCredentials;
}

/** Request headers for one call. Cookie-authenticated writes must prove same-site intent. */
export function requestHeaders(method: HttpMethod, token: string | undefined, hasBody: boolean) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (hasBody) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  else if (method !== "get") headers["x-clickclack-csrf"] = "1";
  return headers;
}

export class Transport {
  readonly baseUrl: string;
  /** Changes only when a sign-in answers with a bearer token (see `auth.consumeMagicLink`). */
  token: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #credentials: RequestCredentials | undefined;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl;
    this.token = options.token;
    // Resolve the global lazily and call it unbound: browsers throw "Illegal invocation" when
    // fetch is called as a method of another object.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#credentials = options.credentials;
  }

  /** Absolute or same-origin URL of a route. */
  url(path: string, params?: Record<string, string>, query?: Record<string, QueryValue>): string {
    return joinUrl(this.baseUrl, expandPath(path, params) + buildQuery(query));
  }

  /**
   * A request whose body or answer is not JSON (a multipart upload, a file download): the raw
   * `Response` of a 2xx answer; any other status throws a `ClickClackError` like `request`.
   */
  async raw<P extends ApiPath, M extends HttpMethod>(
    method: M,
    path: P,
    spec: {
      params?: PathParams<P>;
      query?: QueryOf<Operation<P, M>>;
      body?: BodyInit;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const url = this.url(
      path,
      spec.params as Record<string, string> | undefined,
      spec.query as Record<string, QueryValue> | undefined,
    );
    // No content-type for a body: fetch sets multipart/form-data with its boundary itself.
    const headers = { ...requestHeaders(method, this.token, false), ...spec.headers };
    const init: RequestInit = { method: method.toUpperCase(), headers };
    if (spec.body !== undefined) init.body = spec.body;
    if (this.#credentials) init.credentials = this.#credentials;
    let response: Response;
    try {
      response = await this.#fetch(url, init);
    } catch (cause) {
      throw new ClickClackError(0, `network error: ${String(cause)}`, { cause });
    }
    if (!response.ok && response.status !== 304) throw await errorFromResponse(response);
    return response;
  }

  async request<P extends ApiPath, M extends HttpMethod>(
    method: M,
    path: P,
    spec: RequestSpec<P, M> = {},
  ): Promise<SuccessBody<Operation<P, M>>> {
    const response = await this.#send(method, path, spec);
    if (response.status === 204) return undefined as SuccessBody<Operation<P, M>>;
    try {
      return (await response.json()) as SuccessBody<Operation<P, M>>;
    } catch (cause) {
      // A proxy's HTML page or a truncated body: still one error type for callers to handle.
      throw new ClickClackError(response.status, "response was not valid JSON", { cause });
    }
  }

  /** Like `request`, for the few routes that answer plain text (Mattermost's `ok`). */
  async requestText<P extends ApiPath, M extends HttpMethod>(
    method: M,
    path: P,
    spec: RequestSpec<P, M> = {},
  ): Promise<string> {
    return (await this.#send(method, path, spec)).text();
  }

  async #send<P extends ApiPath, M extends HttpMethod>(
    method: M,
    path: P,
    spec: RequestSpec<P, M>,
  ): Promise<Response> {
    const url = this.url(
      path,
      spec.params as Record<string, string> | undefined,
      spec.query as Record<string, QueryValue> | undefined,
    );
    const hasBody = spec.body !== undefined;
    const init: RequestInit = {
      method: method.toUpperCase(),
      headers: requestHeaders(method, this.token, hasBody),
    };
    if (hasBody) init.body = JSON.stringify(spec.body);
    if (this.#credentials) init.credentials = this.#credentials;

    let response: Response;
    try {
      response = await this.#fetch(url, init);
    } catch (cause) {
      throw new ClickClackError(0, `network error: ${String(cause)}`, { cause });
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }
}
