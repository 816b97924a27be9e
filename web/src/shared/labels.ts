import { yuan } from './format';
import { lang, t, tOptional } from './i18n';

// Names for the API's codes, in the reader's language; a code we do not know yet is shown as it is.

export function sceneLabel(code: string): string {
  return tOptional(`scene.${code}`) ?? code;
}

export function scenesLabel(scenes: readonly string[]): string {
  if (scenes.includes('ALL')) return t('coupon.allScenes');
  return scenes.map(sceneLabel).join(t('list.separator'));
}

/** The tier's name: ours for the known codes (in both languages), else the name the API gave. */
export function tierLabel(code: string, apiName?: string): string {
  return tOptional(`tier.${code}`) ?? apiName ?? code;
}

export interface CouponTerms {
  kind: 'FIXED' | 'PERCENT';
  discountFen: number;
  percentOff?: number;
  maxDiscountFen?: number;
  minSpendFen: number;
}

/** The big figure on a coupon: "¥15", or "85折" / "15% off" for a percent coupon. */
export function couponFace(c: CouponTerms): string {
  if (c.kind === 'PERCENT' && c.percentOff !== undefined) {
    const value = lang() === 'zh' ? String((100 - c.percentOff) / 10) : String(c.percentOff);
    return t('coupon.percent', { value });
  }
  return yuan(c.discountFen);
}

/** The small print: minimum spend and, for a percent coupon, its cap. */
export function couponRules(c: CouponTerms): string {
  const parts = [c.minSpendFen > 0 ? t('coupon.minSpend', { amount: yuan(c.minSpendFen) }) : t('coupon.noMinimum')];
  if (c.kind === 'PERCENT' && c.maxDiscountFen !== undefined) {
    parts.push(t('coupon.upTo', { amount: yuan(c.maxDiscountFen) }));
  }
  return parts.join(' · ');
}

export function benefitLabel(code: string, value: string): string {
  return tOptional(`benefit.${code}`, { value }) ?? `${code} ${value}`;
}
