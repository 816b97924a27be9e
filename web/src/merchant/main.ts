import '../shared/base.css';
import './merchant.css';
import '../shared/messages';
import './messages';
import * as api from './api';
import { setUpLookup } from './lookup';
import { setUpRedeem } from './redeem';
import { byId, fill, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { applyStatic, languageSwitch, onLangChange, t } from '../shared/i18n';
import { sceneLabel } from '../shared/labels';
import { isDemo } from '../shared/session';

// The merchant POS: sign in with the merchant's client credentials, redeem 神券 codes, look up members who
// consented. Only the open API (/open/v1) and the token endpoint.

function signedOut(reason: string | null): void {
  api.signOut();
  show(byId('pos-view'), false);
  show(byId('sign-out'), false);
  show(byId('signin-view'), true);
  fill(byId('redeem-result'));
  fill(byId('lookup-result'));
  if (reason) message('error', reason);
  byId('client-id').focus();
}

function showPos(): void {
  show(byId('signin-view'), false);
  show(byId('pos-view'), true);
  show(byId('sign-out'), true);
  renderMerchant();
  byId('coupon-code').focus();
}

function renderMerchant(): void {
  const signedIn = api.current();
  if (!signedIn) return;
  byId('merchant-name').textContent = signedIn.merchantId;
  byId('merchant-scene').textContent = sceneLabel(signedIn.bu);
}

function message(kind: 'error' | 'info', text: string): void {
  const box = byId('signin-message');
  box.className = `notice ${kind}`;
  box.textContent = text;
  show(box, true);
}

function setUpSignIn(): void {
  show(byId('demo-hint'), isDemo());
  const id = byId<HTMLInputElement>('client-id');
  const secret = byId<HTMLInputElement>('client-secret');
  const submit = byId<HTMLButtonElement>('signin');
  const signIn = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!id.value.trim() || !secret.value) return message('error', t('signin.needBoth'));
    submit.disabled = true;
    try {
      const outcome = await api.signIn(id.value.trim(), secret.value);
      if (outcome === 'not-a-merchant') {
        message('error', t('signin.notMerchant'));
        return;
      }
      secret.value = '';
      show(byId('signin-message'), false);
      showPos();
    } catch (e) {
      message('error', describe(e));
    } finally {
      submit.disabled = false;
    }
  };
  byId<HTMLFormElement>('signin-form').addEventListener('submit', (event) => void signIn(event));
}

applyStatic();
languageSwitch(byId<HTMLButtonElement>('lang'));
setUpSignIn();
setUpRedeem();
setUpLookup();
onLangChange(renderMerchant);
byId('sign-out').addEventListener('click', () => signedOut(null));
window.addEventListener(api.SESSION_ENDED, () => signedOut(t('error.UNAUTHORIZED')));

if (api.current()) {
  showPos();
} else {
  signedOut(null);
}
