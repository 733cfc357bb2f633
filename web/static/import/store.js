// Where a site imported in this browser is kept: its data file in IndexedDB, under the address
// of the bundle it was imported into (bundles on one origin keep their own), and a flag in
// localStorage so the app's start-up looks in IndexedDB only when there is something there.

const DATABASE = "gradeladder";
const STORE = "own-sites";

/** The localStorage key that says the bundle at `root` shows an imported site. */
export function flagKey(root) {
  return `gradeladder-own-site:${root}`;
}

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function inStore(mode, work) {
  return open().then(
    (db) =>
      new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const result = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(result.result);
        };
        transaction.onerror = transaction.onabort = () => {
          db.close();
          reject(transaction.error);
        };
      }),
  );
}

/** Keeps `bytes` (a data file) and `about` ({ title, levels, families, importedAt }) for `root`. */
export async function saveSite(root, bytes, about) {
  await inStore("readwrite", (store) => store.put({ bytes, about }, root));
  localStorage.setItem(flagKey(root), about.importedAt);
}

/** The kept `{ bytes, about }` for `root`, or null. */
export async function loadSite(root) {
  if (!localStorage.getItem(flagKey(root))) {
    return null;
  }
  const kept = await inStore("readonly", (store) => store.get(root));
  return kept || null;
}

/** Forgets the site kept for `root`: the bundle shows its built-in pages again. */
export async function clearSite(root) {
  localStorage.removeItem(flagKey(root));
  await inStore("readwrite", (store) => store.delete(root));
}
