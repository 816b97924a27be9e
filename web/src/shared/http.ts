// JSON over the gateway's public API. Every failure becomes an ApiError carrying the problem+json `code` (or the
// OAuth2 `error`), so pages show a plain message for it (errors.ts) and never the raw body.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fields: string[] = [],
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  token?: string | null;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) throw toError(response.status, parsed);
  return parsed as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A member of parsed JSON that should be a string (a problem's detail, a token claim), or '' when it is not one. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function toError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const problem = body as {
      code?: unknown;
      detail?: unknown;
      error?: unknown;
      error_description?: unknown;
      errors?: Array<{ field?: unknown }>;
    };
    const fields = Array.isArray(problem.errors) ? problem.errors.map((e) => textOf(e.field)).filter(Boolean) : [];
    if (typeof problem.code === 'string') {
      return new ApiError(status, problem.code, textOf(problem.detail), fields);
    }
    if (typeof problem.error === 'string') {
      return new ApiError(status, `oauth.${problem.error}`, textOf(problem.error_description));
    }
  }
  return new ApiError(status, `HTTP_${status}`, '');
}

/** A fresh Idempotency-Key: crypto.randomUUID needs a secure context, getRandomValues does not. */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
