// What the peers index and show: each article fragment of a corpus as one
// flat document with the fields a site would give a search library
// (kicker, headline, deck, byline, body, captions), and a plain snippet
// for libraries that return ids only. Shared by the index builders (Node)
// and the adapters (browser), so both see the same documents. Broadsheet
// reads the corpus itself and uses none of this.

export const FIELDS = ['kicker', 'headline', 'deck', 'byline', 'body', 'captions'];

/** Every fragment as `{ id, kicker, headline, deck, byline, body, captions }`, id `edition/articleId`. */
export function documents(corpus) {
  const list = [];
  corpus.editions.forEach((edition, editionIndex) => {
    for (const article of edition.articles) {
      const body = [];
      const captions = [];
      for (const block of article.blocks) {
        if (block.type === 'figure') captions.push(...[block.caption, block.credit].filter(Boolean));
        else body.push(block.text);
      }
      list.push({
        id: `${editionIndex}/${article.id}`,
        kicker: article.kicker ?? '',
        headline: article.headline ?? '',
        deck: article.deck ?? '',
        byline: article.byline ?? '',
        body: body.join('\n'),
        captions: captions.join('\n'),
      });
    }
  });
  return list;
}

const SNIPPET_SIDE = 40;

/**
 * A snippet as a site would make one for a library without snippets: the
 * first place, in headline then body, where the query's first word occurs
 * (letter case ignored), with up to 40 characters either side; the start
 * of the body when it is not found literally.
 */
export function snippet(document, query) {
  const word = query.replace(/"/g, ' ').trim().split(/\s+/)[0].toLowerCase();
  for (const text of [document.headline, document.body, document.captions]) {
    const at = word ? text.toLowerCase().indexOf(word) : -1;
    if (at !== -1) {
      const start = Math.max(0, at - SNIPPET_SIDE);
      return { text: text.slice(start, at + word.length + SNIPPET_SIDE), highlights: [[at - start, at - start + word.length]] };
    }
  }
  return { text: document.body.slice(0, 2 * SNIPPET_SIDE), highlights: [] };
}
