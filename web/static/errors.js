// Gradeladder: a message and a Reload button instead of a frozen page, when the app cannot start
// (its WebAssembly fails to load or compile, or the browser lacks WebAssembly) or stops on an
// internal error (a WebAssembly trap). The route, location and currency are in the address, so a
// reload returns to the same place. A separate file (no inline script) so it works under a strict
// Content-Security-Policy; deferred, and placed before the app's module script, so it runs first.
(() => {
  let shown = false;

  // The spinner, or a pre-rendered page the app has not taken over yet (it removes the marker).
  function starting() {
    return document.querySelector(".gl-boot, #app[data-prerendered]") !== null;
  }

  function prerendered() {
    return document.querySelector("#app[data-prerendered]") !== null;
  }

  function isWasmError(error) {
    return (
      typeof WebAssembly === "object" &&
      (error instanceof WebAssembly.CompileError ||
        error instanceof WebAssembly.LinkError ||
        error instanceof WebAssembly.RuntimeError)
    );
  }

  // While the app starts, an error thrown by this page's own scripts (not by an extension)
  // means it will not start: missing WebAssembly support, a failed download.
  function fromThisPage(source) {
    return !source || source.startsWith(location.origin);
  }

  // `reason`, when given, says why the app cannot start (its data file cannot be used).
  function show(error, reason) {
    if (shown) {
      return;
    }
    shown = true;
    const box = document.createElement("div");
    box.className = "gl-fatal";
    box.setAttribute("role", "alert");
    const message = document.createElement("p");
    const why = reason || "Its code did not load, or this browser cannot run WebAssembly.";
    message.textContent = !starting()
      ? "Gradeladder stopped because of an internal error. Reloading returns to this page."
      : prerendered()
        ? `Gradeladder could not start its search and pay choices. ${why} The page below is complete; its links work.`
        : `Gradeladder could not start. ${why}`;
    if (reason) {
      box.dataset.testid = "data-problem";
    }
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Reload";
    button.addEventListener("click", () => location.reload());
    box.append(message, button);
    const boot = document.querySelector(".gl-boot");
    if (boot) {
      boot.replaceWith(box);
    } else {
      document.body.prepend(box);
    }
    button.focus();
    console.error("Gradeladder:", error);
  }

  window.addEventListener("error", (event) => {
    if (isWasmError(event.error) || (starting() && fromThisPage(event.filename))) {
      show(event.error || event.message);
    }
  });
  // The app's own report (see `show_problem` in web/src/lib.rs).
  window.addEventListener("gradeladder:problem", (event) => show(event.detail, String(event.detail)));
  window.addEventListener("unhandledrejection", (event) => {
    if (isWasmError(event.reason)) {
      show(event.reason);
    }
  });
})();
