// Tokens live in sessionStorage: they survive a reload but not the tab, and are never written to a cookie or
// to localStorage. A page that cannot store them (private mode) keeps them in memory.

export class Session<T> {
  private memory: T | null = null;

  constructor(private readonly key: string) {}

  get(): T | null {
    try {
      const raw = sessionStorage.getItem(this.key);
      return raw ? (JSON.parse(raw) as T) : this.memory;
    } catch {
      return this.memory;
    }
  }

  set(value: T): void {
    this.memory = value;
    try {
      sessionStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // memory only
    }
  }

  clear(): void {
    this.memory = null;
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // nothing stored
    }
  }
}

/** The claims of a JWT, read (not verified: the gateway and the services do that) to show who is signed in. */
export function claims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** True when the gateway serves the page in the demo profile (it sets this meta tag; see gateway's site package). */
export function isDemo(): boolean {
  return document.querySelector('meta[name="unimember-mode"]')?.getAttribute('content') === 'demo';
}
