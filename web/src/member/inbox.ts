import * as api from './api';
import { byId, fill, h, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { minute } from '../shared/format';
import { onLangChange, t } from '../shared/i18n';

// The member's inbox (expiring points and coupons, tier news), newest first, a page at a time; opening a message
// marks it read.

const state = { items: [] as api.InboxMessage[], cursor: null as string | null, error: null as unknown };

export function setUpInbox(): void {
  byId('inbox-more').addEventListener('click', () => void load(true));
  onLangChange(render);
}

export async function load(more = false): Promise<void> {
  try {
    const page = await api.inbox(more ? state.cursor : null);
    state.items = more ? [...state.items, ...page.items] : page.items;
    state.cursor = page.next;
    state.error = null;
  } catch (e) {
    state.error = e;
  }
  render();
}

async function read(message: api.InboxMessage): Promise<void> {
  if (message.readAt) return;
  try {
    const updated = await api.markRead(message.messageId);
    state.items = state.items.map((m) => (m.messageId === updated.messageId ? updated : m));
    render();
  } catch {
    // stays unread; the next load shows it as it is
  }
}

function render(): void {
  const list = byId('inbox-list');
  if (state.error) {
    fill(list, h('li', { class: 'notice error', role: 'alert' }, describe(state.error)));
  } else if (state.items.length === 0) {
    fill(list, h('li', { class: 'muted' }, t('inbox.empty')));
  } else {
    fill(list, ...state.items.map(entry));
  }
  const unread = state.items.filter((m) => !m.readAt).length;
  fill(byId('inbox-unread'), unread > 0 ? t('inbox.unread', { count: String(unread) }) : '');
  show(byId('inbox-more'), state.cursor !== null && !state.error);
}

function entry(message: api.InboxMessage): HTMLLIElement {
  const item = h(
    'li',
    { class: message.readAt ? 'row' : 'row unread', 'data-kind': message.kind },
    h(
      'div',
      { class: 'grow' },
      h('div', {}, message.readAt ? message.title : `● ${message.title}`),
      h('div', { class: 'muted' }, message.body),
      h('div', { class: 'muted' }, minute(message.createdAt)),
    ),
  );
  item.addEventListener('click', () => void read(message));
  return item;
}
