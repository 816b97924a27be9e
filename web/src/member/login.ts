import * as api from './api';
import { byId, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { t } from '../shared/i18n';
import { isDemo } from '../shared/session';

// OTP login: ask for a code, then sign in with it (the first sign-in registers the member).

const RESEND_SECONDS = 60;

export function setUpLogin(onSignedIn: () => void): void {
  const form = byId<HTMLFormElement>('login-form');
  const phone = byId<HTMLInputElement>('phone');
  const otp = byId<HTMLInputElement>('otp');
  const send = byId<HTMLButtonElement>('send-otp');
  const submit = byId<HTMLButtonElement>('login');
  show(byId('demo-hint'), isDemo());

  const sendCode = async (): Promise<void> => {
    if (!phone.value.trim()) return message('error', t('login.needPhone'));
    send.disabled = true;
    try {
      const sent = await api.sendCode(phone.value.trim());
      message('ok', t('login.codeSent', { phone: sent.phoneMasked, minutes: Math.round(sent.expiresIn / 60) }));
      countDown(send);
      otp.focus();
    } catch (e) {
      send.disabled = false;
      message('error', describe(e));
    }
  };
  send.addEventListener('click', () => void sendCode());

  const logIn = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!phone.value.trim()) return message('error', t('login.needPhone'));
    if (!/^\d{6}$/.test(otp.value.trim())) return message('error', t('login.needOtp'));
    submit.disabled = true;
    try {
      await api.logIn(phone.value.trim(), otp.value.trim());
      otp.value = '';
      show(byId('login-message'), false);
      onSignedIn();
    } catch (e) {
      message('error', describe(e));
      otp.select();
    } finally {
      submit.disabled = false;
    }
  };
  form.addEventListener('submit', (event) => void logIn(event));
}

/** Shown on the login card: errors, "code sent", or why the member was signed out. */
export function message(kind: 'ok' | 'error' | 'info', text: string): void {
  const box = byId('login-message');
  box.className = `notice ${kind}`;
  box.textContent = text;
  show(box, true);
}

function countDown(button: HTMLButtonElement): void {
  let left = RESEND_SECONDS;
  const tick = () => {
    if (left <= 0) {
      button.disabled = false;
      button.textContent = t('login.sendCode');
      return;
    }
    button.textContent = t('login.resendIn', { seconds: left-- });
    setTimeout(tick, 1000);
  };
  tick();
}
