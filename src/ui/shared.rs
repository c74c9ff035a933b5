//! The loaded corpus as a component prop: shared, never copied, and compared
//! by identity so that a re-render never walks the whole corpus.

use std::ops::Deref;
use std::rc::Rc;

use crate::corpus::Corpus;

/// A corpus shared by every component of one reader.
#[derive(Clone, Debug)]
pub struct SharedCorpus(Rc<Corpus>);

impl SharedCorpus {
    pub fn new(corpus: Corpus) -> Self {
        SharedCorpus(Rc::new(corpus))
    }
}

impl Deref for SharedCorpus {
    type Target = Corpus;

    fn deref(&self) -> &Corpus {
        &self.0
    }
}

/// Two handles are equal when they hold the same load of the corpus.
impl PartialEq for SharedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
