import * as api from './api';
import { notice } from './redeem';
import { byId, fill, h } from '../shared/dom';
import { describe } from '../shared/errors';
import { count, day, parseYuan, yuanExact } from '../shared/format';
import { t } from '../shared/i18n';
import { benefitLabel, tierLabel } from '../shared/labels';

// A consenting member's tier, points and the coupons usable at this merchant's scene; without consent the API
// answers 403 CONSENT_REQUIRED, shown as a sentence.

export function setUpLookup(): void {
  const form = byId<HTMLFormElement>('lookup-form');
  const memberId = byId<HTMLInputElement>('member-id');
  const amount = byId<HTMLInputElement>('lookup-amount');
  const submit = byId<HTMLButtonElement>('lookup-submit');
  const result = byId('lookup-result');

  const lookUp = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const id = memberId.value.trim();
    if (!id) return fill(result, notice('error', t('lookup.needMember')));
    const fen = amount.value.trim() ? parseYuan(amount.value) : null;
    if (amount.value.trim() && fen === null) return fill(result, notice('error', t('redeem.badAmount')));
    submit.disabled = true;
    try {
      const [summary, view] = await Promise.all([api.member(id), api.entitlements(id, fen)]);
      fill(result, render(summary, view));
    } catch (e) {
      fill(result, notice('error', describe(e)));
    } finally {
      submit.disabled = false;
    }
  };
  form.addEventListener('submit', (event) => void lookUp(event));
}

function render(member: api.OpenMember, view: api.Entitlements): HTMLElement {
  return h(
    'div',
    { class: 'member-view', 'data-member-id': member.memberId },
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('lookup.tier')),
      h('dd', { id: 'lookup-tier' }, tierLabel(view.tier.code, view.tier.name)),
      h('dt', {}, t('lookup.phone')),
      h('dd', {}, member.phoneMasked),
      h('dt', {}, t('lookup.points')),
      h(
        'dd',
        { id: 'lookup-points' },
        t('lookup.pointsWorth', { points: count(view.points.available), amount: yuanExact(view.points.redeemableFen) }),
      ),
      view.benefits.length > 0 && h('dt', {}, t('lookup.benefits')),
      view.benefits.length > 0 && h('dd', {}, view.benefits.map((b) => benefitLabel(b.code, b.value)).join(' · ')),
    ),
    h('h3', {}, t('lookup.coupons')),
    view.coupons.length === 0
      ? h('p', { class: 'muted' }, t('lookup.noCoupons'))
      : h(
          'ul',
          { class: 'list', id: 'lookup-coupons' },
          ...view.coupons.map((c) =>
            h(
              'li',
              { class: 'row', 'data-coupon-id': c.couponId },
              h(
                'div',
                { class: 'grow' },
                h('div', {}, c.name),
                h('div', { class: 'muted' }, t('coupon.expires', { date: day(c.expiresAt) })),
              ),
              h(
                'div',
                { class: 'amount' },
                c.usable ? `-${yuanExact(c.discountFen)}` : h('span', { class: 'muted' }, t('coupon.usableNo')),
              ),
            ),
          ),
        ),
  );
}
