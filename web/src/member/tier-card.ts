import type { MyTier, TierRow } from './api';
import { fill, h } from '../shared/dom';
import { count, day } from '../shared/format';
import { t } from '../shared/i18n';
import { tierLabel } from '../shared/labels';

// The tier card: tier, growth and the way to the next tier, how long the tier is kept, what it gives.

export function renderTier(card: HTMLElement, tier: MyTier, table: TierRow[] | null): void {
  card.className = `card tier tier-${tier.tier}`;
  const progress = h('progress', { max: 1000, value: Math.round(progressTo(tier, table) * 1000) });
  progress.setAttribute('aria-label', t('tier.growth', { growth: count(tier.growth) }));
  fill(
    card,
    h(
      'div',
      { class: 'row' },
      h('div', { class: 'grow' }, h('div', { class: 'tier-name', id: 'tier-name' }, tierLabel(tier.tier, tier.name))),
      h('div', { class: 'tier-growth' }, t('tier.growth', { growth: count(tier.growth) })),
    ),
    progress,
    h(
      'div',
      { class: 'tier-next', id: 'tier-next' },
      tier.nextTier
        ? t('tier.toNext', { points: count(tier.growthToNext), next: tierLabel(tier.nextTier) })
        : t('tier.top'),
    ),
    h(
      'div',
      { class: 'row tier-foot' },
      h(
        'span',
        { class: 'grow' },
        t('tier.perks', { multiplier: tier.pointsMultiplier, coupons: tier.monthlyCoupons }),
      ),
      tier.retainedUntil &&
        h('span', { id: 'tier-retained' }, t('tier.retainedUntil', { date: day(tier.retainedUntil) })),
    ),
  );
}

/** How far from this tier's threshold to the next one's, 0..1; from the growth alone when the table is missing. */
export function progressTo(tier: MyTier, table: TierRow[] | null): number {
  if (!tier.nextTier) return 1;
  const here = table?.find((row) => row.code === tier.tier)?.growthThreshold;
  const next = table?.find((row) => row.code === tier.nextTier)?.growthThreshold;
  const span = here !== undefined && next !== undefined && next > here ? next - here : tier.growth + tier.growthToNext;
  const done = span - tier.growthToNext;
  return span > 0 ? Math.min(1, Math.max(0, done / span)) : 0;
}
