import * as api from './api';
import { showMember } from './qr-dialog';
import { byId, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { t } from '../shared/i18n';

// The member's id (and its QR code, for a merchant to scan) and the consents that let a merchant read it.

let memberId = '';

export function setUpMemberCode(): void {
  byId('show-member-code').addEventListener('click', () => memberId && void showMember(memberId));
  const input = byId<HTMLInputElement>('consent-merchant');
  const run = async (grant: boolean) => {
    const merchant = input.value.trim();
    if (!merchant) return message('error', t('consent.needMerchant'));
    try {
      await (grant ? api.grantConsent(merchant) : api.revokeConsent(merchant));
      message('ok', t(grant ? 'consent.granted' : 'consent.revoked', { merchant }));
    } catch (e) {
      message('error', describe(e));
    }
  };
  byId<HTMLFormElement>('consent-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void run(true);
  });
  byId('consent-revoke').addEventListener('click', () => void run(false));
}

export function renderProfile(profile: api.Profile): void {
  memberId = profile.memberId;
  byId('member-id').textContent = profile.memberId;
  byId('member-phone').textContent = profile.phoneMasked;
}

function message(kind: 'ok' | 'error', text: string): void {
  const box = byId('consent-message');
  box.className = `notice ${kind}`;
  box.textContent = text;
  show(box, true);
}
