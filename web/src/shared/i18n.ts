// Chinese by default, English on request; the choice is remembered per browser. Static text carries
// data-i18n="key" (and data-i18n-placeholder / data-i18n-label for placeholders and aria-labels); dynamic text
// calls t() and is rendered again when the language changes.

export type Lang = 'zh' | 'en';
type Messages = Record<string, string>;

const STORAGE_KEY = 'unimember.lang';
const catalog: Record<Lang, Messages> = { zh: {}, en: {} };
const listeners: Array<() => void> = [];
let current: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Adds a page's messages; English must have every key Chinese has. */
export function register<K extends string>(messages: { zh: Record<K, string>; en: Record<K, string> }): void {
  Object.assign(catalog.zh, messages.zh);
  Object.assign(catalog.en, messages.en);
}

/** The message for a key in the current language, with {name} placeholders filled in. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const template = catalog[current][key] ?? catalog.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message for a key, or null when there is none (for codes from the API that may be new). */
export function tOptional(key: string, params: Record<string, string | number> = {}): string | null {
  return key in catalog.zh ? t(key, params) : null;
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyStatic();
  listeners.forEach((listener) => listener());
}

export function onLangChange(listener: () => void): void {
  listeners.push(listener);
}

/** Translates the page's static text and sets <html lang>. */
export function applyStatic(root: ParentNode = document): void {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n ?? '');
  });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder ?? '');
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel ?? ''));
  });
}

/** Wires a button that switches between 中文 and English; it shows the language it switches to. */
export function languageSwitch(button: HTMLButtonElement): void {
  const label = () => {
    button.textContent = current === 'zh' ? 'EN' : '中文';
    button.setAttribute('aria-label', current === 'zh' ? 'Switch to English' : '切换到中文');
  };
  button.addEventListener('click', () => setLang(current === 'zh' ? 'en' : 'zh'));
  onLangChange(label);
  label();
}
