// The demo host page's corpus picker: switching it sets the reader's `src`
// attribute, which is all a host needs to do to change corpora. The build
// lists the corpora it holds in corpora.json (the 1916 archive is added by
// `make serve` when its source pages are present).
const reader = document.querySelector('broadsheet-reader');
const picker = document.getElementById('corpus-picker');

const corpora = await fetch('corpora.json').then((response) => response.json()).catch(() => []);
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
