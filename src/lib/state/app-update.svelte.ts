/**
 * The service worker that keeps the app working offline, and the news that a new version is
 * ready. Registered only in a production build, after the first paint (workbox-window loads then),
 * so development, tests of the dev server and the first visit's budget are untouched.
 */
type UpdateServiceWorker = (reloadPage?: boolean) => Promise<void>;

/** The app's offline state and the update waiting to be applied. */
export class AppUpdate {
  /** A new version has been downloaded and waits for the person to reload. */
  needRefresh = $state(false);
  /** The app has been stored for use without a network. */
  offlineReady = $state(false);
  #update: UpdateServiceWorker | undefined;

  /** Register the service worker (production builds in browsers that support it only). */
  async register(): Promise<void> {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const { registerSW } = await import('virtual:pwa-register');
    this.#update = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
      },
    });
  }

  /** Switch to the new version and reload the page. */
  async reload(): Promise<void> {
    await this.#update?.(true);
  }

  /** Keep the current version until the next visit. */
  dismiss(): void {
    this.needRefresh = false;
  }
}
