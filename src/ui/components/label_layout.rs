//! Where to write the names next to the bubbles of a chart so that no name covers another name
//! or another bubble. Geometry for drawing only (no rule of the model): each label tries a few
//! places around its bubble, biggest bubbles first, and takes the first free one.

/// A bubble to label: its centre, radius and the label's width in the chart's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bubble {
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
    pub label_width: f64,
}

/// Where a label goes: the text's anchor point (`x`, baseline `y`) and its anchor, as SVG's
/// `text-anchor` ("middle", "start" or "end").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub anchor: &'static str,
}

/// The height of a label line and the gap between a bubble and its label.
const LINE: f64 = 13.0;
const GAP: f64 = 4.0;

/// An approximate width of `text` at the chart's 11 px label size (average glyph width).
pub fn label_width(text: &str) -> f64 {
    6.4 * text.chars().count() as f64
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }
    fn hits_circle(&self, cx: f64, cy: f64, r: f64) -> bool {
        let nx = cx.clamp(self.left, self.right);
        let ny = cy.clamp(self.top, self.bottom);
        (nx - cx).powi(2) + (ny - cy).powi(2) < r * r
    }
    fn inside(&self, area: &Rect) -> bool {
        self.left >= area.left && self.right <= area.right && self.top >= area.top && self.bottom <= area.bottom
    }
}

fn rect_of(p: &Placed, width: f64) -> Rect {
    let left = match p.anchor {
        "start" => p.x,
        "end" => p.x - width,
        _ => p.x - width / 2.0,
    };
    Rect { left, top: p.y - LINE + 3.0, right: left + width, bottom: p.y + 3.0 }
}

/// The places tried around a bubble, in order of preference: above, below, right, left, then
/// further above and below (stacking past neighbours' labels); each above or below place also
/// tries the label shifted to either side, for bubbles near the chart's edge.
fn candidates(b: &Bubble) -> Vec<Placed> {
    let above = b.cy - b.r - GAP;
    let below = b.cy + b.r + GAP + LINE - 3.0;
    let around = |y: f64| {
        [
            Placed { x: b.cx, y, anchor: "middle" },
            Placed { x: b.cx + b.r, y, anchor: "end" },
            Placed { x: b.cx - b.r, y, anchor: "start" },
        ]
    };
    let mut out = Vec::with_capacity(32);
    out.extend(around(above));
    out.extend(around(below));
    out.push(Placed { x: b.cx + b.r + GAP, y: b.cy + 4.0, anchor: "start" });
    out.push(Placed { x: b.cx - b.r - GAP, y: b.cy + 4.0, anchor: "end" });
    for step in 1..=4 {
        let d = f64::from(step) * LINE;
        out.extend(around(above - d));
        out.extend(around(below + d));
    }
    out
}

/// Places a label for every bubble inside `area` (left, top, right, bottom). Returns one place
/// per bubble, in the input order. Labels of larger bubbles are placed first; a label that finds
/// no free place takes the place where it covers the least.
pub fn place_labels(bubbles: &[Bubble], area: (f64, f64, f64, f64)) -> Vec<Placed> {
    let area = Rect { left: area.0, top: area.1, right: area.2, bottom: area.3 };
    let mut order: Vec<usize> = (0..bubbles.len()).collect();
    order.sort_by(|&a, &b| bubbles[b].r.total_cmp(&bubbles[a].r).then(a.cmp(&b)));
    let mut placed: Vec<Option<(Placed, Rect)>> = vec![None; bubbles.len()];
    for &i in &order {
        let b = &bubbles[i];
        let taken: Vec<Rect> = placed.iter().flatten().map(|(_, r)| *r).collect();
        let cost = |p: &Placed| {
            let rect = rect_of(p, b.label_width);
            let labels = taken.iter().filter(|t| t.overlaps(&rect)).count();
            let others =
                bubbles.iter().enumerate().filter(|(j, o)| *j != i && rect.hits_circle(o.cx, o.cy, o.r)).count();
            let outside = usize::from(!rect.inside(&area));
            (labels + others) * 2 + outside
        };
        let options = candidates(b);
        let best = options.iter().find(|p| cost(p) == 0).or_else(|| options.iter().min_by_key(|p| cost(p))).copied();
        if let Some(p) = best {
            placed[i] = Some((p, rect_of(&p, b.label_width)));
        }
    }
    placed.into_iter().map(|p| p.map(|(p, _)| p).unwrap_or(Placed { x: 0.0, y: 0.0, anchor: "middle" })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: (f64, f64, f64, f64) = (0.0, 0.0, 640.0, 440.0);

    fn rects(bubbles: &[Bubble], placed: &[Placed]) -> Vec<Rect> {
        bubbles.iter().zip(placed).map(|(b, p)| rect_of(p, b.label_width)).collect()
    }

    #[test]
    fn a_lone_bubble_is_labelled_above() {
        let b = [Bubble { cx: 300.0, cy: 200.0, r: 10.0, label_width: 60.0 }];
        let p = place_labels(&b, AREA);
        assert_eq!(p[0], Placed { x: 300.0, y: 186.0, anchor: "middle" });
    }

    #[test]
    fn a_cluster_of_bubbles_gets_labels_that_cover_nothing() {
        // Five accounts scored alike: the demo's typical workshop case.
        let bubbles: Vec<Bubble> = (0..5)
            .map(|i| Bubble {
                cx: 300.0 + f64::from(i) * 12.0,
                cy: 200.0 + f64::from(i % 2) * 10.0,
                r: 8.0 + f64::from(i),
                label_width: label_width("Nordhavn Logistics A/S"),
            })
            .collect();
        let placed = place_labels(&bubbles, AREA);
        let rs = rects(&bubbles, &placed);
        for (i, a) in rs.iter().enumerate() {
            for (j, b) in rs.iter().enumerate() {
                assert!(i == j || !a.overlaps(b), "labels {i} and {j} overlap: {a:?} {b:?}");
            }
            for (j, b) in bubbles.iter().enumerate() {
                assert!(i == j || !a.hits_circle(b.cx, b.cy, b.r), "label {i} covers bubble {j}");
            }
        }
    }

    #[test]
    fn labels_stay_inside_the_chart_where_they_can() {
        let b = [Bubble { cx: 630.0, cy: 5.0, r: 5.0, label_width: 80.0 }];
        let p = place_labels(&b, AREA);
        let r = rect_of(&p[0], 80.0);
        assert!(r.inside(&Rect { left: 0.0, top: 0.0, right: 640.0, bottom: 440.0 }), "{r:?}");
    }
}
