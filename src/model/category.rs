//! The category tree below the root 首页, with article counts.

use std::collections::HashMap;

/// A node of the [`CategoryTree`]; [`CategoryTree::ROOT`] is 首页.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CategoryId(pub u32);

/// One category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryNode {
    /// The name at this level (empty for the root).
    pub name: Box<str>,
    /// The parent, `None` for the root.
    pub parent: Option<CategoryId>,
    /// Sub-categories in the order they were first seen.
    pub children: Vec<CategoryId>,
    /// Articles filed directly here.
    pub own: u32,
    /// Articles filed here or anywhere below.
    pub total: u32,
    /// Depth below the root (the root is 0).
    pub depth: u16,
}

/// Categories as a tree, in the order the collection first names them.
#[derive(Clone, Debug)]
pub struct CategoryTree {
    nodes: Vec<CategoryNode>,
    index: HashMap<(CategoryId, Box<str>), CategoryId>,
}

impl Default for CategoryTree {
    fn default() -> Self {
        Self::new()
    }
}

impl CategoryTree {
    /// The root, 首页.
    pub const ROOT: CategoryId = CategoryId(0);

    /// A tree holding only the root.
    pub fn new() -> Self {
        CategoryTree {
            nodes: vec![CategoryNode {
                name: "".into(),
                parent: None,
                children: Vec::new(),
                own: 0,
                total: 0,
                depth: 0,
            }],
            index: HashMap::new(),
        }
    }

    /// Finds or creates the node for `path` (levels below the root).
    pub fn intern<'a>(&mut self, path: impl IntoIterator<Item = &'a str>) -> CategoryId {
        let mut at = Self::ROOT;
        for name in path {
            let key = (at, Box::<str>::from(name));
            at = match self.index.get(&key) {
                Some(&id) => id,
                None => {
                    let id = CategoryId(self.nodes.len() as u32);
                    let depth = self.nodes[at.0 as usize].depth + 1;
                    self.nodes.push(CategoryNode {
                        name: key.1.clone(),
                        parent: Some(at),
                        children: Vec::new(),
                        own: 0,
                        total: 0,
                        depth,
                    });
                    self.nodes[at.0 as usize].children.push(id);
                    self.index.insert(key, id);
                    id
                }
            };
        }
        at
    }

    /// Counts one more article filed at `id`, in it and in every ancestor.
    pub fn count_article(&mut self, id: CategoryId) {
        self.nodes[id.0 as usize].own += 1;
        let mut at = Some(id);
        while let Some(node) = at {
            let n = &mut self.nodes[node.0 as usize];
            n.total += 1;
            at = n.parent;
        }
    }

    /// The node for `id`.
    pub fn node(&self, id: CategoryId) -> &CategoryNode {
        &self.nodes[id.0 as usize]
    }

    /// How many nodes there are, the root included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Always false: the root is always there.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Names from the first level down to `id` (the root itself is not included).
    pub fn path(&self, id: CategoryId) -> Vec<&str> {
        let mut names = Vec::new();
        let mut at = id;
        while let Some(parent) = self.node(at).parent {
            names.push(&*self.node(at).name);
            at = parent;
        }
        names.reverse();
        names
    }

    /// Whether `id` is `ancestor` or lies below it.
    pub fn is_within(&self, id: CategoryId, ancestor: CategoryId) -> bool {
        let mut at = Some(id);
        while let Some(node) = at {
            if node == ancestor {
                return true;
            }
            at = self.node(node).parent;
        }
        false
    }

    /// Every node in depth-first order (parents before children, siblings in the order
    /// first seen), the root first.
    pub fn preorder(&self) -> Vec<CategoryId> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![Self::ROOT];
        while let Some(id) = stack.pop() {
            out.push(id);
            stack.extend(self.node(id).children.iter().rev());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_paths_and_counts_up_the_tree() {
        let mut t = CategoryTree::new();
        let story = t.intern(["情感", "故事"]);
        let news = t.intern(["新闻"]);
        assert_eq!(t.intern(["情感", "故事"]), story);
        t.count_article(story);
        t.count_article(story);
        t.count_article(news);
        let feelings = t.node(story).parent.unwrap();
        assert_eq!(t.node(feelings).total, 2);
        assert_eq!(t.node(feelings).own, 0);
        assert_eq!(t.node(CategoryTree::ROOT).total, 3);
        assert_eq!(t.path(story), ["情感", "故事"]);
        assert!(t.is_within(story, feelings));
        assert!(!t.is_within(news, feelings));
        assert_eq!(
            t.preorder(),
            vec![CategoryTree::ROOT, feelings, story, news]
        );
    }

    #[test]
    fn same_name_under_different_parents_is_two_nodes() {
        let mut t = CategoryTree::new();
        let a = t.intern(["国内", "财经"]);
        let b = t.intern(["国际", "财经"]);
        assert_ne!(a, b);
        assert_eq!(t.node(a).depth, 2);
    }
}
