import QRCode from 'qrcode';
import * as api from './api';
import { byId } from '../shared/dom';
import { t } from '../shared/i18n';
import { couponFace } from '../shared/labels';

// One dialog shows a QR code: a coupon's code for the merchant to redeem (watched until it is used) or the
// member's id for a merchant to look the member up.

const POLL_MS = 2000;
let watching = 0; // the generation of the coupon being watched; closing the dialog or showing another stops it

const dialog = () => byId<HTMLDialogElement>('qr-dialog');

export function setUpQrDialog(): void {
  dialog().addEventListener('close', () => {
    watching++;
  });
}

export async function showCoupon(coupon: api.Coupon, onUsed: () => void): Promise<void> {
  const code = coupon.code ?? '';
  await open(coupon.name, `${couponFace(coupon)}`, code, t('qr.showToMerchant'));
  const generation = ++watching;
  const poll = async () => {
    if (generation !== watching) return;
    const status = await statusOf(coupon.couponId);
    if (generation !== watching) return;
    if (status && status !== 'AVAILABLE') {
      const box = byId('qr-status');
      box.className = `notice ${status === 'REDEEMED' ? 'ok' : 'error'}`;
      box.textContent = t(`qr.${status.toLowerCase()}`);
      box.dataset.status = status;
      onUsed();
      return;
    }
    setTimeout(() => void poll(), POLL_MS);
  };
  setTimeout(() => void poll(), POLL_MS);
}

export async function showMember(memberId: string): Promise<void> {
  watching++;
  await open(t('qr.memberTitle'), t('qr.memberHint'), memberId, null);
}

async function open(title: string, subtitle: string, text: string, status: string | null): Promise<void> {
  byId('qr-title').textContent = title;
  byId('qr-subtitle').textContent = subtitle;
  byId('qr-code').textContent = text;
  const canvas = byId<HTMLCanvasElement>('qr-canvas');
  canvas.setAttribute('aria-label', text);
  await QRCode.toCanvas(canvas, text, { width: 220, margin: 2, errorCorrectionLevel: 'M' });
  const box = byId('qr-status');
  box.className = 'notice info';
  box.textContent = status ?? '';
  box.hidden = status === null;
  delete box.dataset.status;
  if (!dialog().open) dialog().showModal();
}

/** The coupon's status now, from the member's own wallet (newest 100); null when it cannot be told. */
async function statusOf(couponId: string): Promise<api.CouponStatus | null> {
  try {
    const page = await api.wallet(null, null, null, 100);
    return page.items.find((c) => c.couponId === couponId)?.status ?? null;
  } catch {
    return null;
  }
}
