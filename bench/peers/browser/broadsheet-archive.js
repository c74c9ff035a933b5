// Broadsheet over the corpus as `broadsheet publish` publishes it: the same
// element and calls as broadsheet.js, its `src` the archive's folder, so
// that a query reads the archive's search index a few files at a time.
import { openReader } from './broadsheet.js';

export { all, top } from './broadsheet.js';

export const open = () => openReader('broadsheet-archive', '../broadsheet-archive/site/');
