// Runs before the first paint of every page (a classic script, so a strict Content-Security-Policy
// allows it):
// - a link shared before pages had paths (`#/role/<family>/<level>?loc=…`) opens that page's path,
//   on arrival and when the address bar changes to one;
// - the remembered theme applies at once, so a pre-rendered page does not flash the other one.
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
