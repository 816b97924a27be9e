import * as api from './api';
import { byId, fill, h } from '../shared/dom';
import { describe } from '../shared/errors';
import { minute, parseYuan, yuanExact } from '../shared/format';
import { t } from '../shared/i18n';
import { sceneLabel } from '../shared/labels';

// Coupon redemption at the till: a barcode scanner types the code and Enter, or the cashier types it.

export function setUpRedeem(): void {
  const form = byId<HTMLFormElement>('redeem-form');
  const code = byId<HTMLInputElement>('coupon-code');
  const amount = byId<HTMLInputElement>('redeem-amount');
  const submit = byId<HTMLButtonElement>('redeem-submit');
  const result = byId('redeem-result');

  const redeem = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const text = code.value.replace(/\s+/g, '').toUpperCase();
    if (!text) return fill(result, notice('error', t('redeem.needCode')));
    const fen = amount.value.trim() ? parseYuan(amount.value) : null;
    if (amount.value.trim() && fen === null) return fill(result, notice('error', t('redeem.badAmount')));
    submit.disabled = true;
    try {
      const done = await api.redeem(text, fen);
      fill(result, redeemed(done));
      code.value = '';
      amount.value = '';
    } catch (e) {
      fill(result, notice('error', describe(e)));
    } finally {
      submit.disabled = false;
      code.focus();
    }
  };
  form.addEventListener('submit', (event) => void redeem(event));
}

function redeemed(done: api.Redeemed): HTMLElement {
  return h(
    'div',
    { class: 'notice ok', 'data-result': 'redeemed' },
    h('strong', {}, `✓ ${t('redeem.done')}：${done.name}`),
    h('div', { class: 'big' }, t('redeem.discount', { amount: yuanExact(done.discountFen) })),
    h('div', {}, t('redeem.funding', { funder: sceneLabel(done.fundingBu), scene: sceneLabel(done.redeemingBu) })),
    h('div', { class: 'muted' }, t('redeem.at', { time: minute(done.redeemedAt) })),
  );
}

export function notice(kind: 'ok' | 'error', text: string): HTMLElement {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
