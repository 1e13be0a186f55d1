// What every ATS client shares: a timeout per request, retries with backoff for a server that is down, the 429
// answer's Retry-After honoured, and the key sent only to the configured host. Each provider's client adds its
// authentication, its paging and its objects.

/** The ATS answered in a way retrying may fix (down, throttled for long, timed out). */
export class AtsUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AtsUnavailableError';
  }
}

/** The ATS refused for good (a bad key, a missing permission, a record that does not exist). */
export class AtsRefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AtsRefusedError';
  }
}

export interface AtsClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per request. */
  timeoutMs?: number;
  /** Attempts per request for a 429, a 5xx or a network failure, within one job run. */
  attempts?: number;
  /** The first pause between attempts; doubles each time. */
  backoffMs?: number;
  /** The longest Retry-After waited for in place; a longer one ends the run and the job tries again later. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface AtsRequestInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Basic authentication with the API key as the user name and a blank password, as Harvest, Lever and Ashby take it. */
export const basicAuth = (apiKey: string) => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;

/**
 * A request function for one ATS: `label` names it in every message a user reads ("Greenhouse answered 401: the API
 * key was refused"), `authorization` is the header value its API expects.
 */
export function atsHttp(opts: AtsClientOptions & { label: string; authorization: string }) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const attempts = opts.attempts ?? 6;
  const backoff = opts.backoffMs ?? 250;
  const maxWait = opts.maxRetryAfterMs ?? 30_000;
  const sleep = opts.sleep ?? pause;
  const { label } = opts;
  let requests = 0;

  async function request(url: string, init: AtsRequestInit = {}) {
    const target = url.startsWith('http') ? url : `${base}${url}`;
    // Only ever the configured host: a link pointing elsewhere is not followed with the key.
    if (new URL(target).origin !== new URL(base).origin)
      throw new AtsRefusedError(`${label} linked to another host (${new URL(target).origin})`, 502);
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      requests++;
      let res: Response;
      try {
        res = await fetch(target, {
          method: init.method ?? 'GET',
          headers: {
            authorization: opts.authorization,
            accept: 'application/json',
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...init.headers,
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (e) {
        lastProblem = `${label} could not be reached (${(e as Error).name === 'TimeoutError' ? 'timed out' : (e as Error).message})`;
        if (attempt < attempts) await sleep(backoff * 2 ** (attempt - 1));
        continue;
      }
      if (res.status === 429) {
        await res.body?.cancel();
        const seconds = Number(res.headers.get('retry-after'));
        const wait = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : backoff * 2 ** (attempt - 1);
        lastProblem = `${label} is throttling requests (429; retry after ${Math.ceil(wait / 1000)} s)`;
        if (wait > maxWait) throw new AtsUnavailableError(lastProblem, 429);
        // A throttled request does not count against the attempts: the ATS said when to come back.
        attempt--;
        if (requests > 200) throw new AtsUnavailableError(lastProblem, 429);
        await sleep(wait);
        continue;
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        lastProblem = `${label} answered ${res.status}`;
        if (attempt < attempts) await sleep(backoff * 2 ** (attempt - 1));
        continue;
      }
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        const hint =
          res.status === 401
            ? 'the API key was refused'
            : res.status === 403
              ? 'the API key lacks a permission this needs'
              : res.status === 404
                ? 'not found'
                : text.slice(0, 200);
        throw new AtsRefusedError(`${label} answered ${res.status}: ${hint}`, res.status);
      }
      return res;
    }
    throw new AtsUnavailableError(lastProblem || `${label} did not answer`);
  }

  return {
    request,
    /** How many requests were made, retries included (the tests read it). */
    get requests() {
      return requests;
    },
  };
}
