import { registerSW } from 'virtual:pwa-register';
import { showUpdateNotice } from './update-notice';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (precache of every built file, so the lab and
 * its lessons work offline after one visit). A new version waits until the
 * learner presses Reload in the notice.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onNeedRefresh: () =>
      showUpdateNotice(() => {
        // The plugin reloads only tabs that had a controller when they registered; a first-visit tab reloads here.
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        void updateSW(true);
      }),
    onOfflineReady: () => {
      document.documentElement.dataset.offlineReady = 'true';
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // Long-lived tabs (a learner mid-course) still hear about new versions.
      setInterval(() => void registration.update().catch(() => {}), UPDATE_CHECK_MS);
    },
  });
}
