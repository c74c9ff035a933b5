// A corpus as the benchmark sees it: fragments (what the peers index, one
// document each) and stories (what a reader counts: the fragments of an
// article continued across pages, linked by continued_on / continued_from
// within one edition, are one story). Grouping follows Broadsheet's
// documented rule; a story is named by its edition and its first fragment,
// the one not continued from another fragment of the story.
//
// This module reads corpora; it does not search them (truth.mjs does).
import { readFileSync } from 'node:fs';
import { normalize, unitTexts } from './rule.mjs';

/**
 * Reads a corpus JSON file into
 * `{ source, lang, fragments: [{ id, edition, date, article, story }], stories: [{ key, date, head, fragments, units }] }`
 * (`source` is the parsed JSON),
 * where a fragment id is `edition/articleId` (article ids are unique only
 * within an edition) and a story's `units` are the normalized texts of all
 * its fragments' units.
 */
export function loadCorpus(path) {
  let corpus;
  try {
    corpus = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the corpus (${error.message}); run \`make bench-peers\`, which builds it`);
  }
  const fragments = [];
  const stories = [];
  corpus.editions.forEach((edition, editionIndex) => {
    for (const group of fragmentGroups(edition.articles)) {
      const head = edition.articles[group[0]];
      const story = {
        key: `${editionIndex}/${head.id}`,
        date: edition.date,
        publication: (edition.publication ?? corpus.publication).title,
        head: head.id,
        fragments: [],
        units: [],
      };
      for (const index of group) {
        const article = edition.articles[index];
        const fragment = { id: `${editionIndex}/${article.id}`, edition: editionIndex, date: edition.date, article, story: story.key };
        fragments.push(fragment);
        story.fragments.push(fragment.id);
        story.units.push(...unitTexts(article).map(normalize));
      }
      stories.push(story);
    }
  });
  return { source: corpus, lang: corpus.publication.lang, fragments, stories };
}

/**
 * Indices of `articles` grouped into stories, each group's head first, the
 * rest in corpus order; groups in the order of their first fragment.
 */
export function fragmentGroups(articles) {
  const byId = new Map(articles.map((article, index) => [article.id, index]));
  const target = (jump) => (jump?.article == null ? undefined : byId.get(jump.article));
  const roots = articles.map((_, index) => index);
  const find = (index) => {
    while (roots[index] !== index) index = roots[index] = roots[roots[index]];
    return index;
  };
  articles.forEach((article, index) => {
    for (const linked of [target(article.continued_on), target(article.continued_from)]) {
      if (linked === undefined) continue;
      const [a, b] = [find(index), find(linked)];
      roots[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const groups = new Map();
  articles.forEach((_, index) => {
    const root = find(index);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(index);
  });
  return [...groups.values()].map((group) => {
    const inGroup = (index) => index !== undefined && group.includes(index);
    const head = group.find((index) => !inGroup(target(articles[index].continued_from))) ?? group[0];
    return [head, ...group.filter((index) => index !== head)];
  });
}
