/**
 * Import this first in an overlay DOM test (one without JSX of its own, so nothing loads Preact
 * before it): it points 'preact', 'preact/hooks' and 'preact/jsx-runtime' at the copies that
 * linkedom-environment.cjs loaded with Node's require, for the test and the overlay sources alike.
 */
type NativeModules = Record<'linkedom' | 'preact' | 'preact/hooks' | 'preact/jsx-runtime', unknown>;

export function nativeModules(): NativeModules {
  const modules = (globalThis as { __overlayNativeModules?: NativeModules }).__overlayNativeModules;
  if (!modules) throw new Error('Overlay DOM tests need the docblock @jest-environment ./tests/overlay/linkedom-environment.cjs');
  return modules;
}

jest.mock('preact', () => nativeModules().preact);
jest.mock('preact/hooks', () => nativeModules()['preact/hooks']);
jest.mock('preact/jsx-runtime', () => nativeModules()['preact/jsx-runtime']);
