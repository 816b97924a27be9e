import type { MyPoints } from './api';
import { fill, h } from '../shared/dom';
import { count, day, yuanExact } from '../shared/format';
import { t } from '../shared/i18n';

// The balance, what it is worth at checkout (100 points = ¥1) and what expires next.

const EXPIRING_SHOWN = 2;

export function renderPoints(card: HTMLElement, points: MyPoints): void {
  const expiring = [...points.expiring].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)).slice(0, EXPIRING_SHOWN);
  fill(
    card,
    h('h2', {}, t('points.heading')),
    h(
      'div',
      { class: 'row' },
      h(
        'div',
        { class: 'grow' },
        h('div', { class: 'muted' }, t('points.available')),
        h('div', { class: 'points-big', id: 'points-available' }, count(points.available)),
      ),
      h(
        'div',
        { class: 'points-side' },
        h('div', {}, t('points.worth', { amount: yuanExact(points.redeemableFen) })),
        points.frozen > 0 && h('div', { class: 'muted' }, t('points.frozen', { points: count(points.frozen) })),
        h('div', { class: 'muted' }, t('points.lifetime', { points: count(points.lifetimeEarned) })),
      ),
    ),
    expiring.length === 0
      ? h('p', { class: 'notice info', id: 'points-expiring' }, t('points.noneExpiring'))
      : h(
          'ul',
          { class: 'notice info expiring', id: 'points-expiring' },
          ...expiring.map((lot) =>
            h('li', {}, t('points.expiring', { points: count(lot.points), date: day(lot.expiresAt) })),
          ),
        ),
  );
}
