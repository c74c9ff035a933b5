//! Continued articles: the fragments of one story printed on several pages,
//! linked by `continued_on` / `continued_from`, found as one result.
//!
//! Links are followed in both directions within one edition, so a group is
//! found even when a jump does not point back (an unvalidated corpus). This
//! module only groups; it does not search.

use crate::corpus::Edition;

/// The edition's articles grouped into stories: indices into
/// `edition.articles`, each group in reading order (from the fragment that
/// is not continued from another one, along `continued_on`), groups in the
/// order of their first fragment in the corpus.
pub fn fragment_groups(edition: &Edition) -> Vec<Vec<usize>> {
    // Looked up by a linear search: only jumps need it, and an edition has
    // tens of articles. (A hash map costs more wasm than it saves time.)
    let index_of = |id: &str| edition.articles.iter().position(|article| article.id == id);
    let target = |jump: Option<&crate::corpus::Jump>| jump.and_then(|jump| index_of(jump.article.as_deref()?));
    let mut roots: Vec<usize> = (0..edition.articles.len()).collect();
    for (index, article) in edition.articles.iter().enumerate() {
        for linked in [target(article.continued_on.as_ref()), target(article.continued_from.as_ref())].into_iter().flatten() {
            union(&mut roots, index, linked);
        }
    }
    let mut group_of_root: Vec<Option<usize>> = vec![None; edition.articles.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for index in 0..edition.articles.len() {
        let root = find(&mut roots, index);
        let group = *group_of_root[root].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(index);
    }
    groups.iter().map(|group| reading_order(edition, group, &target)).collect()
}

/// Orders one group's fragments: from its head along `continued_on`, then
/// any fragment not reached (a broken chain) in corpus order.
fn reading_order(
    edition: &Edition,
    group: &[usize],
    target: &dyn Fn(Option<&crate::corpus::Jump>) -> Option<usize>,
) -> Vec<usize> {
    let in_group = |index: usize| group.contains(&index);
    let head = group
        .iter()
        .copied()
        .find(|&index| target(edition.articles[index].continued_from.as_ref()).is_none_or(|from| !in_group(from)))
        .unwrap_or(group[0]);
    let mut ordered = vec![head];
    let mut current = head;
    while let Some(next) = target(edition.articles[current].continued_on.as_ref()) {
        if !in_group(next) || ordered.contains(&next) {
            break;
        }
        ordered.push(next);
        current = next;
    }
    ordered.extend(group.iter().copied().filter(|index| !ordered.contains(index)).collect::<Vec<_>>());
    ordered
}

fn find(roots: &mut [usize], mut index: usize) -> usize {
    while roots[index] != index {
        roots[index] = roots[roots[index]];
        index = roots[index];
    }
    index
}

fn union(roots: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(roots, a), find(roots, b));
    roots[ra.max(rb)] = ra.min(rb);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> crate::corpus::Corpus {
        crate::corpus::load(include_str!("../../tests/fixtures/two-pages.json")).unwrap()
    }

    #[test]
    fn continued_fragments_form_one_group_in_reading_order() {
        let corpus = fixture();
        // p1-1 continues on p2-2; p1-2 jumps to a page not in the corpus.
        assert_eq!(fragment_groups(&corpus.editions[0]), vec![vec![0, 3], vec![1], vec![2]]);
    }

    #[test]
    fn a_group_read_from_its_second_fragment_still_starts_at_the_head() {
        let mut corpus = fixture();
        let edition = &mut corpus.editions[0];
        edition.articles.swap(0, 3);
        // Now articles[0] is the continuation (p2-2) and articles[3] the head.
        assert_eq!(fragment_groups(edition), vec![vec![3, 0], vec![1], vec![2]]);
    }
}
