import { request, textOf } from '../shared/http';
import { Session, claims } from '../shared/session';

// The console's calls: the operator's sign-in and the admin API, always with the operator's own token.

export interface Operator {
  token: string;
  username: string;
  role: string;
  expiresAt: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface BusinessUnit {
  code: string;
  name: string;
}

export interface Client {
  clientId: string;
  kind: string;
  scopes: string[];
  disabledAt: string | null;
}

export interface OperatorAccount {
  operatorId: string;
  username: string;
  role: string;
  bu: string | null;
  disabledAt: string | null;
}

export interface CreatedOperator {
  username: string;
  password: string;
  totpSecret: string;
  otpauthUri: string;
}

const session = new Session<Operator>('unimember.console');

export function current(): Operator | null {
  const signedIn = session.get();
  return signedIn && signedIn.expiresAt > Date.now() ? signedIn : null;
}

export function signOut(): void {
  session.clear();
}

export async function signIn(username: string, password: string, totp: string): Promise<Operator> {
  const answer = await request<{ access_token: string; expires_in: number }>('/api/v1/auth/operators/token', {
    method: 'POST',
    json: { username, password, totp },
  });
  const operator: Operator = {
    token: answer.access_token,
    username,
    role: textOf(claims(answer.access_token).role),
    expiresAt: Date.now() + answer.expires_in * 1000,
  };
  session.set(operator);
  return operator;
}

function token(): string {
  const signedIn = current();
  if (!signedIn) throw new Error('signed out');
  return signedIn.token;
}

export function audit(cursor: string | null): Promise<Page<AuditEntry>> {
  const query = cursor ? `?limit=50&cursor=${encodeURIComponent(cursor)}` : '?limit=50';
  return request<Page<AuditEntry>>(`/api/v1/admin/audit${query}`, { token: token() });
}

export function businessUnits(): Promise<{ items: BusinessUnit[] }> {
  return request<{ items: BusinessUnit[] }>('/api/v1/admin/business-units', { token: token() });
}

export function createBusinessUnit(code: string, name: string): Promise<BusinessUnit> {
  return request<BusinessUnit>('/api/v1/admin/business-units', {
    method: 'POST',
    token: token(),
    json: { code, name },
  });
}

export function clientsOf(code: string): Promise<{ items: Client[] }> {
  return request<{ items: Client[] }>(`/api/v1/admin/business-units/${encodeURIComponent(code)}/clients`, {
    token: token(),
  });
}

export function operators(): Promise<{ items: OperatorAccount[] }> {
  return request<{ items: OperatorAccount[] }>('/api/v1/admin/operators', { token: token() });
}

export function createOperator(username: string, role: string, bu: string | null): Promise<CreatedOperator> {
  return request<CreatedOperator>('/api/v1/admin/operators', {
    method: 'POST',
    token: token(),
    json: bu ? { username, role, bu } : { username, role },
  });
}
