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

export const CHECKPOINTS = ['REGISTRATION', 'CLAIM', 'EXCHANGE', 'REWARD', 'EARNING'] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];
export type ReviewStatus = 'OPEN' | 'APPROVED' | 'REJECTED';

/** An action risk control parked for an operator: who, what (subjectRef), the score and the rules that fired. */
export interface Review {
  reviewId: string;
  service: string;
  checkpoint: string;
  memberId: string;
  subjectRef: string;
  score: number;
  rules: Record<string, number>;
  signals: Partial<Record<'DEVICE' | 'IP_RANGE' | 'PHONE_PREFIX' | 'MEMBER' | 'CLIENT_IP', string>>;
  status: ReviewStatus;
  openedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface ReviewPage {
  items: Review[];
  nextBefore: string | null;
}

export interface BulkResult {
  decided: Review[];
  skipped: string[];
}

export interface FreezeState {
  memberId: string;
  frozen: boolean;
  state: string | null;
  reason: string | null;
  since: string | null;
}

export interface RiskRule {
  id: string;
  name: string;
  checkpoint: string;
  counter: string;
  dimension: string;
  window: string;
  threshold: number;
  score: number;
  enabled: boolean;
}

export interface RiskPolicy {
  version: number;
  reviewAt: number;
  denyAt: number;
  rules: RiskRule[];
}

export function reviews(
  status: ReviewStatus,
  checkpoint: Checkpoint | null,
  before: string | null,
): Promise<ReviewPage> {
  const query = new URLSearchParams({ status, limit: '50' });
  if (checkpoint) query.set('checkpoint', checkpoint);
  if (before) query.set('before', before);
  return request<ReviewPage>(`/api/v1/admin/risk/reviews?${query.toString()}`, { token: token() });
}

export function approveReview(reviewId: string): Promise<Review> {
  return request<Review>(`/api/v1/admin/risk/reviews/${encodeURIComponent(reviewId)}/approve`, {
    method: 'POST',
    token: token(),
    json: {},
  });
}

export function rejectReview(reviewId: string, freeze: boolean): Promise<Review> {
  return request<Review>(`/api/v1/admin/risk/reviews/${encodeURIComponent(reviewId)}/reject`, {
    method: 'POST',
    token: token(),
    json: { freeze },
  });
}

export function decideReviews(reviewIds: string[], approve: boolean, freeze: boolean): Promise<BulkResult> {
  return request<BulkResult>('/api/v1/admin/risk/reviews/decisions', {
    method: 'POST',
    token: token(),
    json: { reviewIds, approve, freeze },
  });
}

export function freezeMember(memberId: string, reason: string | null): Promise<FreezeState> {
  return request<FreezeState>(`/api/v1/admin/members/${encodeURIComponent(memberId)}/freeze`, {
    method: 'POST',
    token: token(),
    json: { reason },
  });
}

export function unfreezeMember(memberId: string): Promise<FreezeState> {
  return request<FreezeState>(`/api/v1/admin/members/${encodeURIComponent(memberId)}/unfreeze`, {
    method: 'POST',
    token: token(),
  });
}

export function riskPolicy(): Promise<RiskPolicy> {
  return request<RiskPolicy>('/api/v1/admin/risk/rules', { token: token() });
}
