// Pagefind in the page: its own runtime, wasm and index chunks, loaded the
// way its docs show (import pagefind.js from the bundle, init, search); a
// result's data() fetches its fragment, which holds the excerpt.
let pagefind;

export async function open() {
  pagefind = await import('../pagefind/pagefind/pagefind.js');
  await pagefind.init();
}

export async function top(query, limit) {
  const search = await pagefind.search(query);
  const shown = search.results.slice(0, limit);
  const data = await Promise.all(shown.map((result) => result.data()));
  return shown.map((result, i) => ({ id: result.id, snippet: data[i].excerpt }));
}

export async function all(query) {
  return (await pagefind.search(query)).results.map((result) => result.id);
}
