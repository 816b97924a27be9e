import * as api from './api';
import { byId, fill, h, show } from '../shared/dom';
import { describe } from '../shared/errors';
import { minute, signed } from '../shared/format';
import { onLangChange, t } from '../shared/i18n';
import { sceneLabel } from '../shared/labels';

// Every change to the member's points, newest first, a page at a time.

const state = { items: [] as api.Transaction[], cursor: null as string | null, error: null as unknown };

export function setUpHistory(): void {
  byId('history-more').addEventListener('click', () => void load(true));
  onLangChange(render);
}

export async function load(more = false): Promise<void> {
  try {
    const page = await api.transactions(more ? state.cursor : null);
    state.items = more ? [...state.items, ...page.items] : page.items;
    state.cursor = page.nextCursor;
    state.error = null;
  } catch (e) {
    state.error = e;
  }
  render();
}

function render(): void {
  const list = byId('history-list');
  if (state.error) {
    fill(list, h('li', { class: 'notice error', role: 'alert' }, describe(state.error)));
  } else if (state.items.length === 0) {
    fill(list, h('li', { class: 'muted' }, t('history.empty')));
  } else {
    fill(list, ...state.items.map(entry));
  }
  show(byId('history-more'), state.cursor !== null && !state.error);
}

/** A hold moves points from available to frozen, and its confirmation spends the frozen ones: say which. */
function entry(tx: api.Transaction): HTMLLIElement {
  const frozenOnly = tx.availableChange === 0 && tx.frozenChange !== 0;
  const change = frozenOnly ? tx.frozenChange : tx.availableChange;
  return h(
    'li',
    { class: 'row', 'data-type': tx.type },
    h(
      'div',
      { class: 'grow' },
      h('div', {}, t(`history.${tx.type}`), tx.bu && h('span', { class: 'muted' }, ` · ${sceneLabel(tx.bu)}`)),
      h('div', { class: 'muted' }, minute(tx.occurredAt)),
    ),
    h(
      'div',
      { class: change >= 0 ? 'amount plus' : 'amount minus' },
      signed(change),
      frozenOnly && h('span', { class: 'muted' }, t('history.frozen')),
    ),
  );
}
