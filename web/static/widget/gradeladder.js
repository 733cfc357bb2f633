// Gradeladder widget loader. One script tag (type="module") and any number of
// <div data-gradeladder data-role="family/level" data-view="card|ladder|pay|full"></div>.
// Each element gets its own shadow root. Nothing global but `window.Gradeladder`.
import init, { mount as mountWidget } from "./gradeladder-widget.js";

const ready = init();
const mounted = new WeakMap();

/** Options from an element's data attributes. */
function optionsFrom(element) {
  const d = element.dataset;
  return { role: d.role, view: d.view, theme: d.theme, location: d.location, currency: d.currency, baseUrl: d.baseUrl };
}

/** Mounts a widget in `element`; resolves to a handle with `update(options)` and `unmount()`. */
async function mount(element, options) {
  await ready;
  const existing = mounted.get(element);
  if (existing) {
    existing.update(options || optionsFrom(element));
    return existing;
  }
  const widget = mountWidget(element, options || optionsFrom(element));
  const handle = Object.freeze({
    update(next) {
      widget.update(next);
    },
    unmount() {
      mounted.delete(element);
      widget.unmount();
      widget.free();
    },
  });
  mounted.set(element, handle);
  return handle;
}

/** Mounts every `[data-gradeladder]` element under `root` that has no widget yet. */
function scan(root = document) {
  for (const element of root.querySelectorAll("[data-gradeladder]")) {
    if (!mounted.has(element)) {
      mount(element).catch((error) => console.error("Gradeladder:", error));
    }
  }
}

window.Gradeladder = Object.freeze({ mount, scan });

ready.then(
  () => {
    scan(document);
    new MutationObserver(() => scan(document)).observe(document.documentElement, { childList: true, subtree: true });
  },
  (error) => {
    // The wasm did not load: say so in every empty widget element (content the host put inside
    // an element, such as a link to the role, is left as it is).
    console.error("Gradeladder: the widget could not load:", error);
    for (const element of document.querySelectorAll("[data-gradeladder]")) {
      if (!element.hasChildNodes()) {
        element.textContent = "Job grade details could not be loaded.";
      }
    }
  },
);
