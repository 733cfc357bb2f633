// Registers the service worker that makes Gradeladder work offline after the first visit.
// A separate file (no inline script) so the page works under a strict Content-Security-Policy.
//
// It waits for the app to have started (`gradeladder:started`, sent once the app has built its
// first view): the worker's install downloads every file of the bundle, the other modules' wasm
// among them, and on a first visit that work otherwise runs beside the app's own download, compile
// and takeover. A page whose app cannot start has nothing to keep offline. The mark
// `gl-sw-registered` says when.
if ("serviceWorker" in navigator) {
  window.addEventListener(
    "gradeladder:started",
    () => {
      performance.mark("gl-sw-registered");
      navigator.serviceWorker.register("sw.js").catch((error) => {
        console.warn("Gradeladder: offline support is unavailable:", error);
      });
    },
    { once: true }
  );
}
