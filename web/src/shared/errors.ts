import { ApiError } from './http';
import { t, tOptional } from './i18n';

// An error as a sentence for the person at the screen. Known codes have their own message; a field list names the
// fields; anything else falls back to the status, never to the raw body.

export function describe(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t('error.unexpected');
  }
  const specific = specificMessage(error);
  if (specific) return specific;
  if (error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
    const names = error.fields.map((field) => tOptional(`field.${field}`) ?? field);
    return t('error.fields', { fields: names.join(t('list.separator')) });
  }
  const byCode = tOptional(`error.${error.code}`);
  if (byCode) return byCode;
  if (error.status === 0) return t('error.NETWORK');
  if (error.status >= 500) return t('error.server', { status: error.status });
  return t('error.status', { status: error.status });
}

/** The coupon endpoints say why a coupon cannot be used in the detail; a few of those deserve their own words. */
function specificMessage(error: ApiError): string | null {
  if (error.code === 'COUPON_NOT_AVAILABLE') {
    const state = /the coupon is (redeemed|expired|locked)/.exec(error.detail)?.[1];
    if (state) return t(`error.COUPON_NOT_AVAILABLE.${state}`);
  }
  if (error.code === 'COUPON_NOT_APPLICABLE' && /minimum spend/.test(error.detail)) {
    return t('error.COUPON_NOT_APPLICABLE.minSpend');
  }
  return null;
}
