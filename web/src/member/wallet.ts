import * as api from './api';
import { showCoupon } from './qr-dialog';
import { byId, fill, h, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { day } from '../shared/format';
import { onLangChange, t } from '../shared/i18n';
import { couponFace, couponRules, sceneLabel, scenesLabel } from '../shared/labels';
import { SCENES } from '../shared/messages';

// The 神券 wallet: by status and by scene, newest first, each available coupon with its QR code.

const STATUSES: api.CouponStatus[] = ['AVAILABLE', 'REDEEMED', 'EXPIRED'];

const state = {
  status: 'AVAILABLE' as api.CouponStatus,
  scene: null as string | null,
  items: [] as api.Coupon[],
  cursor: null as string | null,
  error: null as unknown,
};

let onChange: () => void = () => {};

export function setUpWallet(changed: () => void): void {
  onChange = changed;
  byId('wallet-more').addEventListener('click', () => void load(true));
  onLangChange(render);
}

export async function load(more = false): Promise<void> {
  try {
    const page = await api.wallet(state.status, state.scene, more ? state.cursor : null);
    state.items = more ? [...state.items, ...page.items] : page.items;
    state.cursor = page.nextCursor;
    state.error = null;
  } catch (e) {
    state.items = [];
    state.cursor = null;
    state.error = e;
  }
  render();
}

function render(): void {
  fill(
    byId('wallet-status'),
    ...STATUSES.map((status) =>
      chip(t(`coupon.status.${status}`), state.status === status, `status-${status}`, () => {
        state.status = status;
        void load();
      }),
    ),
  );
  fill(
    byId('wallet-scenes'),
    chip(t('scene.ALL'), state.scene === null, 'scene-ALL', () => {
      state.scene = null;
      void load();
    }),
    ...SCENES.map((scene) =>
      chip(sceneLabel(scene), state.scene === scene, `scene-${scene}`, () => {
        state.scene = scene;
        void load();
      }),
    ),
  );
  const list = byId('wallet-list');
  if (state.error) {
    fill(list, h('li', { class: 'notice error', role: 'alert' }, describe(state.error)));
  } else if (state.items.length === 0) {
    fill(list, h('li', { class: 'muted' }, t('wallet.empty')));
  } else {
    fill(list, ...state.items.map(couponItem));
  }
  show(byId('wallet-more'), state.cursor !== null);
}

function chip(label: string, pressed: boolean, id: string, onclick: () => void): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'chip', 'aria-pressed': String(pressed), 'data-chip': id, onclick },
    label,
  );
}

function couponItem(coupon: api.Coupon): HTMLLIElement {
  return h(
    'li',
    { class: 'coupon', 'data-coupon-id': coupon.couponId, 'data-status': coupon.status },
    h('div', { class: 'coupon-face' }, couponFace(coupon)),
    h(
      'div',
      { class: 'coupon-body' },
      h(
        'div',
        { class: 'row' },
        h('strong', { class: 'grow coupon-name' }, coupon.name),
        h('span', { class: `badge ${coupon.status}` }, t(`coupon.status.${coupon.status}`)),
      ),
      h('div', { class: 'muted' }, `${couponRules(coupon)} · ${scenesLabel(coupon.scenes)}`),
      h(
        'div',
        { class: 'row' },
        h('span', { class: 'grow muted' }, t('coupon.expires', { date: day(coupon.expiresAt) })),
        coupon.status === 'AVAILABLE' &&
          coupon.code &&
          h(
            'button',
            { type: 'button', class: 'secondary small show-qr', onclick: () => void showCoupon(coupon, onChange) },
            t('wallet.show'),
          ),
      ),
    ),
  );
}
