import * as api from './api';
import { byId, fill, h, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { ApiError, idempotencyKey } from '../shared/http';
import { onLangChange, t } from '../shared/i18n';
import { couponFace, couponRules, scenesLabel } from '../shared/labels';

// 领券中心: the 神券 on offer to this member (GET /api/v1/coupons/center), each with a claim button when it can be had
// now, or why not; one with a points price is had for points instead (the exchange). A retried tap is one claim (the same
// Idempotency-Key) or one exchange (the same exchangeId) until it has an answer.

const state = {
  items: [] as api.CenterItem[],
  error: null as unknown,
  busy: null as string | null,
};

const pending = new Map<string, string>();
let onChange: () => void = () => {};

export function setUpCenter(changed: () => void): void {
  onChange = changed;
  onLangChange(render);
}

export async function load(): Promise<void> {
  try {
    state.items = (await api.couponCenter()).items;
    state.error = null;
  } catch (e) {
    state.items = [];
    state.error = e;
  }
  render();
}

function say(kind: 'ok' | 'error' | 'info', text: string): void {
  const message = byId('center-message');
  message.className = `notice ${kind}`;
  message.textContent = text;
  show(message, true);
}

async function act(item: api.CenterItem, how: 'claim' | 'exchange'): Promise<void> {
  const key = `${how}:${item.templateId}`;
  const id = pending.get(key) ?? idempotencyKey();
  pending.set(key, id);
  state.busy = key;
  render();
  try {
    if (how === 'claim') {
      await api.claim(item.templateId, id);
      say('ok', t('center.claimed', { name: item.name }));
    } else {
      const done = await api.exchange(id, item.templateId);
      if (done.status !== 'ISSUED') {
        say('info', t('center.exchangePending'));
      } else {
        say('ok', t('center.exchanged', { name: item.name, points: done.pointsSpent ?? item.pointsPrice ?? 0 }));
      }
    }
    pending.delete(key);
    onChange();
  } catch (e) {
    if (!(e instanceof ApiError) || e.status < 500) pending.delete(key); // a refusal is final; a 5xx may be retried
    say('error', describe(e));
  } finally {
    state.busy = null;
    await load();
  }
}

function render(): void {
  const list = byId('center-list');
  if (state.error) {
    fill(list, h('li', { class: 'notice error', role: 'alert' }, describe(state.error)));
  } else if (state.items.length === 0) {
    fill(list, h('li', { class: 'muted' }, t('center.empty')));
  } else {
    fill(list, ...state.items.map(offer));
  }
}

function offer(item: api.CenterItem): HTMLLIElement {
  const busy = state.busy !== null;
  return h(
    'li',
    { class: 'coupon', 'data-template-id': item.templateId, 'data-claimable': String(item.claimable) },
    h('div', { class: 'coupon-face' }, couponFace(item)),
    h(
      'div',
      { class: 'coupon-body' },
      h('div', { class: 'row' }, h('strong', { class: 'grow coupon-name' }, item.name)),
      h('div', { class: 'muted' }, `${couponRules(item)} · ${scenesLabel(item.scenes)}`),
      h(
        'div',
        { class: 'row' },
        h(
          'span',
          { class: 'grow muted center-status' },
          item.claimable
            ? t('center.remaining', { count: item.remaining })
            : t(`center.reason.${item.reason ?? 'NONE'}`),
        ),
        item.claimable &&
          item.pointsPrice === undefined &&
          h(
            'button',
            {
              type: 'button',
              class: 'primary small claim',
              disabled: busy,
              onclick: () => void act(item, 'claim'),
            },
            t('center.claim'),
          ),
        item.claimable &&
          item.pointsPrice !== undefined &&
          h(
            'button',
            {
              type: 'button',
              class: 'primary small exchange',
              disabled: busy,
              onclick: () => void act(item, 'exchange'),
            },
            t('center.exchange', { points: item.pointsPrice }),
          ),
      ),
    ),
  );
}
