/** The web app's door to the JSON API. Errors arrive as `{"error":{"code","message"}}` and become ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(res.status, e?.code ?? 'error', e?.message ?? `Request failed (${res.status})`);
  }
  return data as T;
}

export type Role = 'admin' | 'recruiter' | 'hiring-manager' | 'interviewer';
export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: 'active' | 'invited' | 'deactivated';
  createdAt: string;
}
export interface Me {
  user: User;
  organization: { id: string; name: string };
}
