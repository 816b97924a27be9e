import { ApiError, idempotencyKey, request, textOf, type RequestOptions } from '../shared/http';
import { claims, Session } from '../shared/session';

// What the open API offers a merchant (DESIGN §3, §6): a client-credentials token, coupon verification at the POS,
// and a consenting member's summary and entitlements.

interface MerchantSession {
  token: string;
  merchantId: string;
  bu: string;
}

export interface Redeemed {
  couponId: string;
  name: string;
  discountFen: number;
  fundingBu: string;
  redeemingBu: string;
  redeemedAt: string;
}

export interface OpenMember {
  memberId: string;
  tier: string;
  phoneMasked: string;
  pointsAvailable: number;
}

export interface Entitlements {
  scene?: string;
  tier: { code: string; name: string; growth: number };
  points: { available: number; redeemableFen: number };
  coupons: Array<{ couponId: string; name: string; discountFen: number; usable: boolean; expiresAt: string }>;
  benefits: Array<{ code: string; value: string }>;
}

const session = new Session<MerchantSession>('unimember.merchant');

export const current = () => session.get();

export function signOut(): void {
  session.clear();
}

/** Fired on window when the merchant's token is no longer accepted: the page asks to sign in again. */
export const SESSION_ENDED = 'unimember:merchant-session-ended';

/**
 * Signs in with the merchant's client credentials, sent in the form body (RFC 6749 §2.3.1 allows it; the design
 * too). Not HTTP Basic: a wrong secret would then answer 401 with a Basic challenge, and browsers meet that with
 * their own password dialog instead of letting the page say what went wrong.
 */
export async function signIn(clientId: string, secret: string): Promise<MerchantSession | 'not-a-merchant'> {
  const answer = await request<{ access_token: string; scope?: string }>('/oauth2/token', {
    method: 'POST',
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
  });
  const token = claims(answer.access_token);
  const scopes = (answer.scope ?? textOf(token.scope)).split(' ');
  if (!scopes.includes('merchant:verify') || typeof token.merchant_id !== 'string') return 'not-a-merchant';
  const signedIn = { token: answer.access_token, merchantId: token.merchant_id, bu: textOf(token.bu) };
  session.set(signedIn);
  return signedIn;
}

async function authed<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const signedIn = session.get();
  if (!signedIn) throw ended();
  try {
    return await request<T>(path, { ...options, token: signedIn.token });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw ended();
    throw e;
  }
}

function ended(): ApiError {
  if (session.get()) {
    session.clear();
    window.dispatchEvent(new Event(SESSION_ENDED));
  }
  return new ApiError(401, 'UNAUTHORIZED', 'the session ended');
}

/** Redeems the coupon whose code the member showed. The key makes a retried request safe (it redeems once). */
export function redeem(code: string, amountFen: number | null): Promise<Redeemed> {
  return authed('/open/v1/coupons/verify', {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey() },
    json: amountFen === null ? { code } : { code, amountFen },
  });
}

export function member(memberId: string): Promise<OpenMember> {
  return authed(`/open/v1/members/${encodeURIComponent(memberId)}`);
}

/** Without a scene the API answers for the merchant's own BU: what the member can use here. */
export function entitlements(memberId: string, amountFen: number | null): Promise<Entitlements> {
  const query = amountFen === null ? '' : `?amountFen=${amountFen}`;
  return authed(`/open/v1/members/${encodeURIComponent(memberId)}/entitlements${query}`);
}
