// First import: the fake must be on window before lib/api.ts (via the store) reads it.
import { resetFakeApi } from './fake-api';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { useStore } from '../store';

beforeEach(() => {
  resetFakeApi();
  useStore.setState(useStore.getInitialState(), true);
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
