import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { account, inventory, provider, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/** What a hostile or careless service may name a token (test/reliability serves the same). */
const HOSTILE = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '"><svg onload="window.__xss = 3">',
  '\u202Egnp.exe\u202C deploy',
  '🔑 deploy 🚀 bot',
  'javascript:window.__xss = 4',
];

describe('token names from a service', () => {
  it('are shown as text: no element, no handler, no script runs', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const tokens = HOSTILE.map((name, index) =>
      token({ id: `tok-${index}`, name, description: name, prefix: name.slice(0, 8) }),
    );
    await renderApp({
      providers: [provider()],
      accounts: [account({ label: '<b>Account</b>' })],
      inventory: [inventory({ tokens })],
    });

    for (const name of HOSTILE) {
      expect(
        screen.getAllByText(name, { exact: false, normalizer: (t) => t }).length,
      ).toBeGreaterThan(0);
    }
    expect(screen.getAllByText('<b>Account</b>').length).toBeGreaterThan(0);
    expect(document.querySelector('main script, main img[src="x"], main svg[onload]')).toBeNull();
    expect(document.querySelector('[onerror], [onload]')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    expect(alert).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
