// Registers the service worker that makes Gradeladder work offline after the first visit.
// A separate file (no inline script) so the page works under a strict Content-Security-Policy.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("sw.js").catch((error) => {
      console.warn("Gradeladder: offline support is unavailable:", error);
    });
  });
}
