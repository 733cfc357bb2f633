// Runs as soon as it arrives on every page (a classic script, so a strict Content-Security-Policy
// allows it; `async`, so a first visit paints without waiting for it: blocking, its download held
// the first paint of a fresh browser by 15-35 ms, and a first visit has no theme to apply):
// - a link shared before pages had paths (`#/role/<family>/<level>?loc=…`) opens that page's path,
//   on arrival and when the address bar changes to one;
// - the remembered theme applies at once. A returning visitor's copy comes from the service
//   worker's cache within a few milliseconds, before the page has been laid out, so a pre-rendered
//   page does not flash the other theme.
(function () {
  function openLegacyLink() {
    var hash = location.hash;
    if (hash.indexOf("#/") !== 0) {
      return false;
    }
    var rest = hash.slice(2);
    var cut = rest.indexOf("?");
    var path = cut < 0 ? rest : rest.slice(0, cut);
    var query = cut < 0 ? "" : rest.slice(cut);
    if (path && path.charAt(path.length - 1) !== "/") {
      path += "/";
    }
    // The page's base is the app's root, whatever sub-path it is served from.
    location.replace(document.baseURI.split(/[?#]/)[0] + path + query);
    return true;
  }
  window.addEventListener("hashchange", openLegacyLink);
  if (openLegacyLink()) {
    return;
  }
  try {
    var theme = localStorage.getItem("gradeladder.theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage may be blocked; the system's theme applies.
  }
})();
