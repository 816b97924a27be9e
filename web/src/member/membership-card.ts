import * as api from './api';
import { fill, h } from '../shared/dom';
import { describe } from '../shared/errors';
import { day, yuan } from '../shared/format';
import { t } from '../shared/i18n';

// The paid membership card: the plan, its end and this month's counted benefits with a cancel button; or, without
// one, the plans to buy. Buying only opens the purchase: the BU that takes the payment activates it.

export async function load(card: HTMLElement): Promise<void> {
  try {
    const mine = await api.myMembership();
    const running = mine.status === 'ACTIVE' || mine.status === 'CANCELLED' || mine.status === 'GRACE';
    render(card, mine, running ? [] : (await api.membershipPlans()).items);
  } catch (e) {
    fill(card, h('h2', {}, t('membership.heading')), h('p', { class: 'notice error', role: 'alert' }, describe(e)));
  }
}

function render(card: HTMLElement, mine: api.MyMembership, plans: api.MembershipPlan[]): void {
  const heading = h('h2', {}, t('membership.heading'));
  if (mine.status === 'ACTIVE' || mine.status === 'CANCELLED' || mine.status === 'GRACE') {
    const ends = mine.endsAt ? day(mine.endsAt) : '';
    fill(
      card,
      heading,
      h(
        'div',
        { id: 'membership-plan', class: 'tier-name' },
        t('membership.active', { plan: mine.planName ?? '', date: ends }),
      ),
      h(
        'p',
        { id: 'membership-status', class: 'muted' },
        mine.status === 'CANCELLED'
          ? t('membership.cancelled', { date: ends })
          : mine.status === 'GRACE'
            ? t('membership.grace')
            : t('membership.renews'),
      ),
      h(
        'ul',
        { class: 'list', id: 'membership-counted' },
        ...mine.counted.map((c) => h('li', {}, t('membership.remaining', { benefit: c.benefit, count: c.remaining }))),
      ),
      mine.autoRenew &&
        h(
          'button',
          { id: 'membership-cancel', class: 'secondary', type: 'button', onclick: () => void cancel(card) },
          t('membership.cancel'),
        ),
    );
    return;
  }
  const pending = mine.pendingPurchase;
  fill(
    card,
    heading,
    h('p', { class: 'muted' }, t('membership.none')),
    pending &&
      h(
        'p',
        { id: 'membership-pending', class: 'notice info' },
        t('membership.pending', { price: yuan(pending.priceFen) }),
      ),
    h(
      'ul',
      { class: 'list', id: 'membership-plans' },
      ...plans.map((plan) =>
        h(
          'li',
          { class: 'row' },
          h('span', { class: 'grow' }, plan.name),
          h(
            'span',
            { class: 'muted' },
            t('membership.price', { price: yuan(plan.priceFen), period: t(`membership.period.${plan.period}`) }),
          ),
          h(
            'button',
            {
              class: 'primary',
              type: 'button',
              'data-plan': plan.code,
              disabled: pending !== null,
              onclick: () => void buy(card, plan.code),
            },
            t('membership.buy'),
          ),
        ),
      ),
    ),
  );
}

async function buy(card: HTMLElement, planCode: string): Promise<void> {
  try {
    await api.buyMembership(`web-${crypto.randomUUID()}`, planCode);
  } catch (e) {
    card.append(h('p', { class: 'notice error', role: 'alert' }, describe(e)));
    return;
  }
  await load(card);
}

async function cancel(card: HTMLElement): Promise<void> {
  try {
    await api.cancelMembership();
  } catch (e) {
    card.append(h('p', { class: 'notice error', role: 'alert' }, describe(e)));
    return;
  }
  await load(card);
}
