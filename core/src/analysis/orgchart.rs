//! The layout of the relationship map: people placed as a tree drawn from `reports_to`.

use serde::Serialize;

use crate::model::Person;

/// Where one person's box goes: `column` counts boxes from the left (may be fractional for a
/// manager centred over their reports), `level` from the top.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgNode {
    pub index: usize,
    pub column: f64,
    pub level: usize,
    /// Index of the box drawn above, linked by a line.
    pub parent: Option<usize>,
}

/// Lays out people as a forest: those who report to nobody in the list (or whose chain loops)
/// are roots; each leaf takes the next column, a manager sits centred over their reports.
/// Every person appears exactly once, whatever the links say.
pub fn org_chart(people: &[Person]) -> Vec<OrgNode> {
    let n = people.len();
    let index_of = |id: u32| people.iter().position(|p| p.id == id && id != 0);
    let mut parent: Vec<Option<usize>> = people.iter().map(|p| p.reports_to.and_then(index_of)).collect();
    // Break loops: follow each chain; a chain that comes back to a visited box loses its link.
    for start in 0..n {
        let mut seen = vec![false; n];
        let mut at = start;
        seen[at] = true;
        while let Some(up) = parent[at] {
            if seen[up] {
                parent[at] = None;
                break;
            }
            seen[up] = true;
            at = up;
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(i);
        }
    }
    let mut out: Vec<Option<OrgNode>> = vec![None; n];
    let mut next_column = 0.0;
    fn place(
        i: usize,
        level: usize,
        parent: Option<usize>,
        children: &[Vec<usize>],
        next: &mut f64,
        out: &mut Vec<Option<OrgNode>>,
    ) -> f64 {
        let column = if children[i].is_empty() {
            let c = *next;
            *next += 1.0;
            c
        } else {
            let cols: Vec<f64> =
                children[i].iter().map(|&c| place(c, level + 1, Some(i), children, next, out)).collect();
            (cols[0] + cols[cols.len() - 1]) / 2.0
        };
        out[i] = Some(OrgNode { index: i, column, level, parent });
        column
    }
    for root in (0..n).filter(|i| parent[*i].is_none()) {
        place(root, 0, None, &children, &mut next_column, &mut out);
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(id: u32, reports_to: Option<u32>) -> Person {
        Person { id, name: format!("P{id}"), reports_to, ..Default::default() }
    }

    #[test]
    fn a_manager_sits_over_their_reports() {
        let people = vec![p(1, None), p(2, Some(1)), p(3, Some(1)), p(4, Some(2))];
        let chart = org_chart(&people);
        let at = |i: usize| chart.iter().find(|n| n.index == i).unwrap().clone();
        assert_eq!(at(0).level, 0);
        assert_eq!(at(3).level, 2);
        assert_eq!(at(3).parent, Some(1));
        assert_eq!(at(1).column, 0.0);
        assert_eq!(at(2).column, 1.0);
        assert_eq!(at(0).column, 0.5);
    }

    #[test]
    fn loops_and_dangling_links_still_show_everyone() {
        let people = vec![p(1, Some(2)), p(2, Some(1)), p(3, Some(99)), p(4, Some(4))];
        let chart = org_chart(&people);
        assert_eq!(chart.len(), 4);
        assert!(chart.iter().any(|n| n.parent.is_none() && n.index < 2), "the loop is cut once");
    }

    proptest! {
        #[test]
        fn everyone_appears_once_on_distinct_spots(links in prop::collection::vec(prop::option::of(0u32..12), 0..12)) {
            let people: Vec<Person> = links.iter().enumerate().map(|(i, l)| p(i as u32 + 1, *l)).collect();
            let chart = org_chart(&people);
            prop_assert_eq!(chart.len(), people.len());
            let mut spots: Vec<(usize, i64)> = chart.iter().map(|n| (n.level, (n.column * 2.0) as i64)).collect();
            spots.sort();
            spots.dedup();
            prop_assert_eq!(spots.len(), people.len(), "no two boxes overlap");
            for n in &chart {
                if let Some(parent) = n.parent {
                    let up = chart.iter().find(|m| m.index == parent).unwrap();
                    prop_assert_eq!(up.level + 1, n.level);
                }
            }
        }
    }
}
