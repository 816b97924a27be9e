import { ApiError, request, type RequestOptions } from '../shared/http';
import { Session } from '../shared/session';
import type { CouponTerms } from '../shared/labels';

// The member's side of the public REST API (DESIGN §3–6), through the gateway, with the member's own token.

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  member_id?: string;
}

export interface Profile {
  memberId: string;
  phoneMasked: string;
  nickname?: string | null;
}

export interface MyTier {
  tier: string;
  name: string;
  growth: number;
  nextTier: string | null;
  growthToNext: number;
  retainedUntil: string | null;
  pointsMultiplier: string;
  monthlyCoupons: number;
}

export interface TierRow {
  code: string;
  name: string;
  rank: number;
  growthThreshold: number;
}

export interface MyPoints {
  available: number;
  frozen: number;
  lifetimeEarned: number;
  redeemableFen: number;
  expiring: Array<{ points: number; expiresAt: string }>;
}

export interface Transaction {
  transferId: string;
  type: string;
  bu: string | null;
  points: number;
  availableChange: number;
  frozenChange: number;
  occurredAt: string;
}

export type CouponStatus = 'AVAILABLE' | 'LOCKED' | 'REDEEMED' | 'EXPIRED';

export interface Coupon extends CouponTerms {
  couponId: string;
  name: string;
  scenes: string[];
  fundingBu: string;
  status: CouponStatus;
  expiresAt: string;
  code?: string;
}

export interface MembershipPlan {
  code: string;
  name: string;
  period: 'MONTH' | 'QUARTER' | 'YEAR';
  priceFen: number;
  discounts: { minTier?: string | null; minGrowth?: number | null; priceFen: number }[];
  benefits: { type: string; benefit?: string | null; perMonth?: number | null; multiplierBp?: number | null }[];
}

export interface MyMembership {
  planCode: string | null;
  planName: string | null;
  status: 'NONE' | 'ACTIVE' | 'CANCELLED' | 'GRACE' | 'LAPSED' | 'REFUNDED';
  startsAt: string | null;
  endsAt: string | null;
  autoRenew: boolean;
  counted: { benefit: string; remaining: number }[];
  pendingPurchase: { purchaseId: string; planCode: string; kind: 'NEW' | 'RENEWAL'; priceFen: number } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const session = new Session<Tokens>('unimember.member');

export const signedIn = () => session.get() !== null;

export function signOut(): void {
  session.clear();
}

/**
 * Signs out on the server too: the access token is revoked at once and the refresh token's family with it
 * (decision 0012). The tokens are forgotten here even when the server cannot be told.
 */
export async function logOut(): Promise<void> {
  const tokens = session.get();
  session.clear();
  if (!tokens) return;
  try {
    await request('/api/v1/members/me/logout', {
      method: 'POST',
      token: tokens.access_token,
      json: tokens.refresh_token ? { refresh_token: tokens.refresh_token } : {},
    });
  } catch {
    // an expired token is refused anyway, and the refresh token dies with its 30-day life at the latest
  }
}

export async function sendCode(phone: string): Promise<{ phoneMasked: string; expiresIn: number }> {
  return request('/api/v1/auth/otp', { method: 'POST', json: { phone } });
}

export async function logIn(phone: string, otp: string): Promise<void> {
  session.set(await request<Tokens>('/api/v1/auth/login', { method: 'POST', json: { phone, otp } }));
}

/** Fired on window when the session is over (token expired and not refreshable): the page shows the login. */
export const SESSION_ENDED = 'unimember:session-ended';

/** A call with the member's token; an expired token is refreshed once, and the call tried again. */
async function authed<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const tokens = session.get();
  if (!tokens) throw ended();
  try {
    return await request<T>(path, { ...options, token: tokens.access_token });
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    if (!tokens.refresh_token || !(await refreshed(tokens.refresh_token))) throw ended();
    return request<T>(path, { ...options, token: session.get()?.access_token ?? null });
  }
}

async function refreshed(refreshToken: string): Promise<boolean> {
  try {
    const next = await request<Tokens>('/oauth2/token', {
      method: 'POST',
      form: { grant_type: 'refresh_token', refresh_token: refreshToken },
    });
    session.set({ ...session.get(), ...next });
    return true;
  } catch {
    return false;
  }
}

function ended(): ApiError {
  if (session.get()) {
    session.clear();
    window.dispatchEvent(new Event(SESSION_ENDED));
  }
  return new ApiError(401, 'UNAUTHORIZED', 'the session ended');
}

export const me = () => authed<Profile>('/api/v1/members/me');
export const myTier = () => authed<MyTier>('/api/v1/tiers/me');
export const tiers = () => authed<Page<TierRow>>('/api/v1/tiers');
export const myPoints = () => authed<MyPoints>('/api/v1/points/me');

export function transactions(cursor: string | null): Promise<Page<Transaction>> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  return authed(`/api/v1/points/me/transactions?${query}`);
}

export interface InboxMessage {
  messageId: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** The inbox pages with `next`, not `nextCursor` (DESIGN §16). */
export function inbox(cursor: string | null): Promise<{ items: InboxMessage[]; next: string | null }> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  return authed(`/api/v1/members/me/inbox?${query}`);
}

export function markRead(messageId: string): Promise<InboxMessage> {
  return authed(`/api/v1/members/me/inbox/${encodeURIComponent(messageId)}/read`, { method: 'POST' });
}

export function wallet(status: CouponStatus | null, scene: string | null, cursor: string | null, limit = 20) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (status) query.set('status', status);
  if (scene) query.set('scene', scene);
  if (cursor) query.set('cursor', cursor);
  return authed<Page<Coupon>>(`/api/v1/coupons/me?${query}`);
}

export const myMembership = () => authed<MyMembership>('/api/v1/memberships/me');
export const membershipPlans = () => authed<Page<MembershipPlan>>('/api/v1/membership-plans');

/** Starts a purchase; the BU that takes the payment activates it. The id makes a retried tap one purchase. */
export function buyMembership(purchaseId: string, planCode: string): Promise<{ priceFen: number }> {
  return authed('/api/v1/memberships/purchases', { method: 'POST', json: { purchaseId, planCode } });
}

export function cancelMembership(): Promise<MyMembership> {
  return authed('/api/v1/memberships/me/cancel', { method: 'POST' });
}

export function grantConsent(merchantId: string): Promise<unknown> {
  return authed(`/api/v1/members/me/consents/${encodeURIComponent(merchantId)}`, { method: 'PUT' });
}

export function revokeConsent(merchantId: string): Promise<unknown> {
  return authed(`/api/v1/members/me/consents/${encodeURIComponent(merchantId)}`, { method: 'DELETE' });
}

/** An offer of the coupon center (领券中心): whether it can be had now, or why not. */
export interface CenterItem extends CouponTerms {
  templateId: string;
  name: string;
  scenes: string[];
  fundingBu: string;
  pointsPrice?: number;
  remaining: number;
  claimable: boolean;
  reason?: 'SOLD_OUT' | 'LIMIT_REACHED' | 'TIER_TOO_LOW' | 'NOT_IN_AUDIENCE' | 'BUDGET_EXHAUSTED';
}

export interface ExchangeView {
  exchangeId: string;
  templateId: string;
  status: 'ISSUED' | 'PENDING' | 'PENDING_REVIEW' | 'FAILED';
  couponId?: string;
  pointsSpent?: number;
}

export const couponCenter = () => authed<{ items: CenterItem[] }>('/api/v1/coupons/center');

/** Claims a coupon; the key makes a retried tap one claim. */
export function claim(templateId: string, key: string): Promise<Coupon> {
  return authed('/api/v1/coupons/claims', {
    method: 'POST',
    json: { templateId },
    headers: { 'Idempotency-Key': key },
  });
}

/** Exchanges points for a coupon (201 ISSUED, or 202 PENDING / PENDING_REVIEW to read again). */
export function exchange(exchangeId: string, templateId: string): Promise<ExchangeView> {
  return authed('/api/v1/coupons/exchanges', { method: 'POST', json: { exchangeId, templateId } });
}
