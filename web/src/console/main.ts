import '../shared/base.css';
import './console.css';
import '../shared/messages';
import './messages';
import * as api from './api';
import { byId, fill, h, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { applyStatic, languageSwitch, onLangChange, t } from '../shared/i18n';
import { isDemo } from '../shared/session';

// The operator console: an operator signs in with password + TOTP, then reads the audit log, onboards business
// units (and sees their clients) and makes operator accounts. Every call is the admin API with their own token; the
// server decides what their role may do and the page shows its refusal as a sentence.

let auditCursor: string | null = null;

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
