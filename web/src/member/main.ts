import '../shared/base.css';
import './member.css';
import '../shared/messages';
import './messages';
import * as api from './api';
import { load as loadCenter, setUpCenter } from './center';
import { load as loadHistory, setUpHistory } from './history';
import { load as loadInbox, setUpInbox } from './inbox';
import { message, setUpLogin } from './login';
import { load as loadMembership } from './membership-card';
import { renderProfile, setUpMemberCode } from './member-code';
import { renderPoints } from './points-card';
import { setUpQrDialog } from './qr-dialog';
import { renderTier } from './tier-card';
import { load as loadWallet, setUpWallet } from './wallet';
import { byId, fill, h, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { applyStatic, languageSwitch, onLangChange, t } from '../shared/i18n';

// The member center: OTP login, then the tier, paid membership, points, 神券 wallet, coupon center, member code, points history and inbox, all from the
// public API with the member's token.

let lastTier: [api.MyTier, api.TierRow[] | null] | null = null;
let lastPoints: api.MyPoints | null = null;

function signedOut(reason: string | null): void {
  api.signOut();
  show(byId('center-view'), false);
  show(byId('sign-out'), false);
  show(byId('login-view'), true);
  if (reason) message('info', reason);
}

function failed(section: HTMLElement, error: unknown): void {
  fill(section, h('p', { class: 'notice error', role: 'alert' }, describe(error)));
}

async function loadTier(): Promise<void> {
  const card = byId('tier-card');
  try {
    const [tier, table] = await Promise.all([
      api.myTier(),
      api.tiers().then(
        (p) => p.items,
        () => null,
      ),
    ]);
    lastTier = [tier, table];
    renderTier(card, tier, table);
  } catch (e) {
    failed(card, e);
  }
}

async function loadPoints(): Promise<void> {
  const card = byId('points-card');
  try {
    lastPoints = await api.myPoints();
    renderPoints(card, lastPoints);
  } catch (e) {
    failed(card, e);
  }
}

async function loadProfile(): Promise<void> {
  try {
    renderProfile(await api.me());
  } catch {
    // the other sections say what went wrong
  }
}

function showCenter(): void {
  show(byId('login-view'), false);
  show(byId('center-view'), true);
  show(byId('sign-out'), true);
  void Promise.all([
    loadProfile(),
    loadTier(),
    loadMembership(byId('membership-card')),
    loadPoints(),
    loadWallet(),
    loadCenter(),
    loadHistory(),
    loadInbox(),
  ]);
}

applyStatic();
languageSwitch(byId<HTMLButtonElement>('lang'));
setUpLogin(showCenter);
setUpQrDialog();
setUpWallet(() => void Promise.all([loadWallet(), loadPoints(), loadHistory()]));
setUpCenter(() => void Promise.all([loadWallet(), loadPoints(), loadHistory()]));
setUpHistory();
setUpInbox();
setUpMemberCode();
onLangChange(() => {
  if (lastTier) renderTier(byId('tier-card'), ...lastTier);
  if (lastPoints) renderPoints(byId('points-card'), lastPoints);
});
const signOut = async (): Promise<void> => {
  await api.logOut();
  signedOut(null);
};
byId('sign-out').addEventListener('click', () => void signOut());
window.addEventListener(api.SESSION_ENDED, () => signedOut(t('session.ended')));

if (api.signedIn()) {
  showCenter();
} else {
  signedOut(null);
}
