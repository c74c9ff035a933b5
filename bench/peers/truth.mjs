// The Ctrl-F truth: for a query, every story whose text contains each term
// (rule.mjs), found by brute force over the normalized corpus.
//
// The scan keeps all stories' normalized units in one string, separated by
// line feeds (normalization turns every line feed into a space, so no unit
// and no term holds one and no match can span two units), and looks each
// term up with indexOf, skipping to the next story after a hit. A slower,
// obviously right scan (`naiveTruth`) checks it on a sample before a run.
// This module does not rank: the truth is a set.
import { matchesUnits, queryTerms } from './rule.mjs';

export class Truth {
  constructor(stories) {
    this.stories = stories;
    this.starts = [];
    let text = '';
    for (const story of stories) {
      this.starts.push(text.length);
      text += story.units.join('\n') + '\n';
    }
    this.text = text;
  }

  /** The keys of the stories the query finds, in corpus order. */
  find(query) {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    let found = [...this.#storiesWith(terms[0])];
    for (const term of terms.slice(1)) {
      const hits = this.#storiesWith(term);
      found = found.filter((story) => hits.has(story));
    }
    return found.sort((a, b) => a - b).map((story) => this.stories[story].key);
  }

  #storiesWith(term) {
    const hits = new Set();
    let at = this.text.indexOf(term);
    while (at !== -1) {
      const story = this.#storyAt(at);
      hits.add(story);
      at = story + 1 < this.starts.length ? this.text.indexOf(term, this.starts[story + 1]) : -1;
    }
    return hits;
  }

  #storyAt(offset) {
    let [low, high] = [0, this.starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** The same set, story by story and unit by unit. */
export function naiveTruth(stories, query) {
  const terms = queryTerms(query);
  return stories.filter((story) => matchesUnits(story.units, terms)).map((story) => story.key);
}
