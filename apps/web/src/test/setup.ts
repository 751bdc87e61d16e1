import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from '../i18n/i18n';

afterEach(async () => {
  // Some specs run in the node environment (no DOM).
  if (typeof document === 'undefined') return;
  cleanup();
  await i18n.changeLanguage('fr');
  localStorage.clear();
  sessionStorage.clear();
  document.title = '';
});
