import '../shared/base.css';
import './console.css';
import '../shared/messages';
import './messages';
import * as api from './api';
import { byId, fill, h, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { ApiError } from '../shared/http';
import { applyStatic, languageSwitch, onLangChange, t, tOptional } from '../shared/i18n';
import { isDemo } from '../shared/session';

// The operator console: an operator signs in with password + TOTP, then reads the audit log, onboards business
// units (and sees their clients), makes operator accounts and works the risk review queue (approve, reject, freeze). Every call is the admin API with their own token; the
// server decides what their role may do and the page shows its refusal as a sentence.

let auditCursor: string | null = null;
let reviewsBefore: string | null = null;
/** Grows with every first-page load of the queue, so a page that answers late for old filters is dropped. */
let reviewsLoad = 0;

function message(kind: 'error' | 'info', text: string): void {
  const box = byId('message');
  box.className = `notice ${kind}`;
  box.textContent = text;
  show(box, true);
}

function clearMessage(): void {
  show(byId('message'), false);
}

function signedOut(reason: string | null): void {
  api.signOut();
  show(byId('console-view'), false);
  show(byId('sign-out'), false);
  show(byId('who'), false);
  show(byId('signin-view'), true);
  if (reason) message('error', reason);
  byId('username').focus();
}

function fail(error: unknown): void {
  if (error instanceof Error && error.message === 'signed out') {
    signedOut(null);
    return;
  }
  message('error', describe(error));
}

function showConsole(): void {
  const signedIn = api.current();
  if (!signedIn) return;
  show(byId('signin-view'), false);
  show(byId('console-view'), true);
  show(byId('sign-out'), true);
  const who = byId('who');
  who.textContent = t('console.signedInAs', { username: signedIn.username, role: signedIn.role });
  show(who, true);
  open('audit');
}

function open(view: string): void {
  document.querySelectorAll<HTMLElement>('[data-panel]').forEach((panel) => {
    show(panel, panel.dataset.panel === view);
  });
  document.querySelectorAll<HTMLElement>('[data-view]').forEach((tab) => {
    tab.setAttribute('aria-current', tab.dataset.view === view ? 'page' : 'false');
  });
  clearMessage();
  if (view === 'audit') void loadAudit(true);
  if (view === 'units') void loadUnits();
  if (view === 'operators') void loadOperators();
  if (view === 'risk') {
    void loadReviews(true);
    void loadRules();
  }
}

async function loadAudit(first: boolean): Promise<void> {
  try {
    if (first) {
      auditCursor = null;
      fill(byId('audit-rows'));
    }
    const page = await api.audit(auditCursor);
    const rows = byId('audit-rows');
    for (const entry of page.items) {
      rows.append(
        h(
          'tr',
          {},
          h('td', {}, new Date(entry.at).toLocaleString()),
          h('td', {}, `${entry.actor} (${entry.role})`),
          h('td', {}, entry.action),
          h('td', {}, entry.target),
        ),
      );
    }
    auditCursor = page.nextCursor;
    show(byId('audit-more'), auditCursor !== null);
  } catch (error) {
    fail(error);
  }
}

async function loadUnits(): Promise<void> {
  try {
    const units = await api.businessUnits();
    fill(
      byId('unit-list'),
      ...units.items.map((unit) =>
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'link', onclick: () => void loadClients(unit.code) }, unit.code),
          ` ${unit.name}`,
        ),
      ),
    );
  } catch (error) {
    fail(error);
  }
}

async function loadClients(code: string): Promise<void> {
  try {
    const clients = await api.clientsOf(code);
    fill(
      byId('unit-clients'),
      h('h3', {}, t('console.clientsOf', { code })),
      clients.items.length === 0
        ? h('p', {}, t('console.noClients'))
        : h(
            'ul',
            { class: 'list' },
            ...clients.items.map((client) =>
              h(
                'li',
                {},
                `${client.clientId} · ${client.kind} · ${client.scopes.join(' ')}`,
                client.disabledAt ? ` · ${t('console.disabled')}` : '',
              ),
            ),
          ),
    );
  } catch (error) {
    fail(error);
  }
}

async function loadOperators(): Promise<void> {
  try {
    const operators = await api.operators();
    fill(
      byId('operator-list'),
      ...operators.items.map((operator) =>
        h(
          'li',
          {},
          `${operator.username} · ${operator.role}${operator.bu ? ` · ${operator.bu}` : ''}`,
          operator.disabledAt ? ` · ${t('console.disabled')}` : '',
        ),
      ),
    );
  } catch (error) {
    fail(error);
  }
}

function checkpointLabel(code: string): string {
  return tOptional(`checkpoint.${code}`) ?? code;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

function reviewFilters(): { status: api.ReviewStatus; checkpoint: api.Checkpoint | null } {
  const status = byId<HTMLSelectElement>('risk-status').value;
  const checkpoint = byId<HTMLSelectElement>('risk-checkpoint').value;
  return {
    status: status === 'APPROVED' || status === 'REJECTED' ? status : 'OPEN',
    checkpoint: api.CHECKPOINTS.find((c) => c === checkpoint) ?? null,
  };
}

async function loadReviews(first: boolean): Promise<void> {
  const load = first ? ++reviewsLoad : reviewsLoad;
  try {
    const { status, checkpoint } = reviewFilters();
    const page = await api.reviews(status, checkpoint, first ? null : reviewsBefore);
    if (load !== reviewsLoad) return;
    const rows = byId('risk-rows');
    if (first) fill(rows);
    rows.append(...page.items.map(reviewRow));
    reviewsBefore = page.nextBefore;
    show(byId('risk-more'), reviewsBefore !== null);
    show(byId('risk-empty'), rows.childElementCount === 0);
    selectionChanged();
  } catch (error) {
    fail(error);
  }
}

function reviewRow(review: api.Review): HTMLTableRowElement {
  const undecided = review.status === 'OPEN';
  const member = review.memberId;
  const rules = Object.entries(review.rules);
  const signals = Object.entries(review.signals).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return h(
    'tr',
    { 'data-review-id': review.reviewId },
    h(
      'td',
      {},
      undecided &&
        h('input', {
          type: 'checkbox',
          class: 'pick',
          value: review.reviewId,
          'aria-label': t('console.selectReview', { member }),
          onchange: selectionChanged,
        }),
    ),
    h('td', {}, when(review.openedAt)),
    h('td', {}, checkpointLabel(review.checkpoint)),
    h('td', {}, h('code', {}, member)),
    h('td', {}, `${review.service} · `, h('code', {}, review.subjectRef)),
    h('td', {}, review.score),
    h('td', {}, h('ul', { class: 'plain' }, ...rules.map(([name, count]) => h('li', {}, `${name} ×${count}`)))),
    h(
      'td',
      {},
      h(
        'ul',
        { class: 'plain' },
        ...signals.map(([name, signal]) =>
          h('li', {}, `${tOptional(`signal.${name}`) ?? name}: `, h('code', {}, signal)),
        ),
      ),
    ),
    h(
      'td',
      {},
      h('span', { class: `badge ${review.status}` }, tOptional(`reviewStatus.${review.status}`) ?? review.status),
      review.decidedAt &&
        h(
          'div',
          { class: 'muted' },
          t('console.decidedBy', { by: review.decidedBy ?? '—', at: when(review.decidedAt) }),
        ),
    ),
    h(
      'td',
      { class: 'actions' },
      undecided &&
        h(
          'button',
          {
            type: 'button',
            class: 'secondary small',
            'aria-label': t('console.approveLabel', { member }),
            onclick: () => void decideOne(review, true),
          },
          t('console.approve'),
        ),
      undecided &&
        h(
          'button',
          {
            type: 'button',
            class: 'secondary small',
            'aria-label': t('console.rejectLabel', { member }),
            onclick: () => void decideOne(review, false),
          },
          t('console.reject'),
        ),
      undecided &&
        h(
          'button',
          {
            type: 'button',
            class: 'ghost',
            'aria-label': t('console.freezeLabel', { member }),
            onclick: () => prepareFreeze(member),
          },
          t('console.freezeMember'),
        ),
    ),
  );
}

async function decideOne(review: api.Review, approve: boolean): Promise<void> {
  clearMessage();
  try {
    const decided = approve ? await api.approveReview(review.reviewId) : await api.rejectReview(review.reviewId, false);
    const row = document.querySelector(`#risk-rows tr[data-review-id="${CSS.escape(review.reviewId)}"]`);
    row?.replaceWith(reviewRow(decided));
    selectionChanged();
    message('info', approve ? t('console.reviewApproved', { service: decided.service }) : t('console.reviewRejected'));
  } catch (error) {
    fail(error);
    if (error instanceof ApiError && (error.code === 'REVIEW_DECIDED' || error.code === 'REVIEW_NOT_FOUND')) {
      void loadReviews(true);
    }
  }
}

function picks(): HTMLInputElement[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('#risk-rows input.pick'));
}

function selectionChanged(): void {
  const all = picks();
  const chosen = all.filter((box) => box.checked).length;
  const selectAll = byId<HTMLInputElement>('risk-select-all');
  selectAll.checked = all.length > 0 && chosen === all.length;
  selectAll.indeterminate = chosen > 0 && chosen < all.length;
  selectAll.disabled = all.length === 0;
  for (const id of ['risk-approve-selected', 'risk-reject-selected', 'risk-reject-freeze']) {
    byId<HTMLButtonElement>(id).disabled = chosen === 0;
  }
}

async function decideSelected(approve: boolean, freeze: boolean): Promise<void> {
  clearMessage();
  const reviewIds = picks()
    .filter((box) => box.checked)
    .map((box) => box.value);
  if (reviewIds.length === 0) return;
  try {
    let decided = 0;
    let skipped = 0;
    // the endpoint takes up to 200 at a time; "More" can put more than that on the screen
    for (let from = 0; from < reviewIds.length; from += 200) {
      const result = await api.decideReviews(reviewIds.slice(from, from + 200), approve, freeze);
      decided += result.decided.length;
      skipped += result.skipped.length;
    }
    await loadReviews(true);
    message('info', t('console.bulkDecided', { decided, skipped }));
  } catch (error) {
    fail(error);
  }
}

function prepareFreeze(memberId: string): void {
  byId<HTMLInputElement>('freeze-member').value = memberId;
  const reason = byId<HTMLInputElement>('freeze-reason');
  reason.scrollIntoView({ block: 'center' });
  reason.focus();
}

async function freeze(frozen: boolean): Promise<void> {
  clearMessage();
  const memberId = value('freeze-member');
  if (!memberId) {
    message('error', t('error.fields', { fields: t('console.freezeMemberId') }));
    byId('freeze-member').focus();
    return;
  }
  try {
    const reason = value('freeze-reason');
    const state = frozen ? await api.freezeMember(memberId, reason || null) : await api.unfreezeMember(memberId);
    message('info', t(state.frozen ? 'console.memberFrozen' : 'console.memberUnfrozen', { member: state.memberId }));
    byId<HTMLInputElement>('freeze-reason').value = '';
  } catch (error) {
    fail(error);
  }
}

/** An ISO-8601 duration as the API writes a rule's window (PT24H, PT10M, PT720H) in words; else as it came. */
function windowLabel(iso: string): string {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match) return iso;
  const part = (group: number): number => Number(match[group] ?? 0);
  const total = ((part(1) * 24 + part(2)) * 60 + part(3)) * 60 + part(4);
  if (total > 86400 && total % 86400 === 0) return t('console.days', { n: total / 86400 });
  if (total > 0 && total % 3600 === 0) return t('console.hours', { n: total / 3600 });
  if (total > 0 && total % 60 === 0) return t('console.minutes', { n: total / 60 });
  return t('console.seconds', { n: total });
}

async function loadRules(): Promise<void> {
  try {
    const policy = await api.riskPolicy();
    byId('risk-policy').textContent = t('console.policy', {
      version: policy.version,
      reviewAt: policy.reviewAt,
      denyAt: policy.denyAt,
    });
    fill(
      byId('rules-rows'),
      ...policy.rules.map((rule) =>
        h(
          'tr',
          { 'data-rule-id': rule.id, class: rule.enabled ? null : 'off' },
          h('td', {}, rule.name),
          h('td', {}, checkpointLabel(rule.checkpoint)),
          h('td', {}, tOptional(`counter.${rule.counter}`) ?? rule.counter),
          h('td', {}, tOptional(`signal.${rule.dimension}`) ?? rule.dimension),
          h('td', {}, windowLabel(rule.window)),
          h('td', {}, rule.threshold),
          h('td', {}, rule.score),
          h('td', {}, t(rule.enabled ? 'console.yes' : 'console.no')),
        ),
      ),
    );
  } catch (error) {
    fail(error);
  }
}

function value(id: string): string {
  return byId<HTMLInputElement>(id).value.trim();
}

function setUp(): void {
  languageSwitch(byId<HTMLButtonElement>('lang'));
  applyStatic();
  show(byId('demo-hint'), isDemo());
  onLangChange(() => {
    if (api.current()) showConsole();
  });
  byId('sign-out').addEventListener('click', () => signedOut(null));
  document.querySelectorAll<HTMLElement>('[data-view]').forEach((tab) => {
    tab.addEventListener('click', () => open(tab.dataset.view ?? 'audit'));
  });
  byId('audit-more').addEventListener('click', () => void loadAudit(false));
  byId('risk-status').addEventListener('change', () => void loadReviews(true));
  byId('risk-checkpoint').addEventListener('change', () => void loadReviews(true));
  byId('risk-more').addEventListener('click', () => void loadReviews(false));
  const selectAll = byId<HTMLInputElement>('risk-select-all');
  selectAll.addEventListener('change', () => {
    picks().forEach((box) => (box.checked = selectAll.checked));
    selectionChanged();
  });
  byId('risk-approve-selected').addEventListener('click', () => void decideSelected(true, false));
  byId('risk-reject-selected').addEventListener('click', () => void decideSelected(false, false));
  byId('risk-reject-freeze').addEventListener('click', () => void decideSelected(false, true));
  byId<HTMLFormElement>('freeze-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void freeze(true);
  });
  byId('unfreeze-submit').addEventListener('click', () => void freeze(false));
  byId<HTMLFormElement>('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearMessage();
    api
      .signIn(value('username'), byId<HTMLInputElement>('password').value, value('totp'))
      .then(() => {
        byId<HTMLInputElement>('password').value = '';
        byId<HTMLInputElement>('totp').value = '';
        showConsole();
      })
      .catch((error: unknown) => message('error', describe(error)));
  });
  byId<HTMLFormElement>('unit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = value('unit-code').toUpperCase();
    api
      .createBusinessUnit(code, value('unit-name'))
      .then(() => {
        message('info', t('console.unitCreated', { code }));
        return loadUnits();
      })
      .catch(fail);
  });
  byId<HTMLFormElement>('operator-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const bu = value('new-bu');
    api
      .createOperator(value('new-username'), byId<HTMLSelectElement>('new-role').value, bu ? bu.toUpperCase() : null)
      .then((created) => {
        fill(
          byId('operator-created'),
          h('p', { class: 'notice info' }, t('console.operatorCreated', { username: created.username })),
          h('p', {}, h('code', { id: 'created-password' }, created.password)),
          h('p', {}, h('code', { id: 'created-totp' }, created.totpSecret)),
        );
        return loadOperators();
      })
      .catch(fail);
  });
  if (api.current()) {
    showConsole();
  } else {
    signedOut(null);
  }
}

setUp();
