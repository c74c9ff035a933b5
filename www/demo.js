// The demo host page's corpus picker: switching it sets the reader's `src`
// attribute, which is all a host needs to do to change corpora. The build
// lists the corpora it holds in corpora.json (the 1916 archive is added by
// `make serve` when its source pages are present). `?src=site/` opens any
// corpus or archive the server holds, e.g. one just published into dist/.
const reader = document.querySelector('broadsheet-reader');
const picker = document.getElementById('corpus-picker');

const asked = new URLSearchParams(location.search).get('src');
if (asked) reader.setAttribute('src', asked);
const corpora = await fetch('corpora.json').then((response) => response.json()).catch(() => []);
if (asked && !corpora.some(({ src }) => src === asked)) corpora.push({ src: asked, title: asked });
for (const { src, title } of corpora) {
  const option = document.createElement('option');
  option.value = src;
  option.textContent = title;
  picker.append(option);
}
picker.closest('.demo-picker').hidden = corpora.length < 2;
picker.value = reader.getAttribute('src');
picker.addEventListener('change', () => {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  reader.setAttribute('src', picker.value);
});
