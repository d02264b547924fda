//! The small "?" beside a rule, threshold or finding: a link to its topic in the guide.

use kam_core::guide::Topic;
use leptos::prelude::*;

use crate::ui::words::guide as words;

/// The address of `topic` in the guide.
fn href(topic: Topic) -> String {
    format!("/guide#{}", topic.id())
}

/// A link to `topic` in the guide. One function for every place, so each place costs a call.
#[inline(never)]
pub fn guide_link(topic: Topic) -> AnyView {
    let name = words::link_name(topic);
    view! {
        <a class="guide-link" href=href(topic) data-testid="guide-link" data-topic=topic.id()
            aria-label=name.clone() title=name>"?"</a>
    }
    .into_any()
}

/// A line of links to several topics, under a group of settings or figures:
/// "In the guide: ABC: ranking by value · XYZ: how regularly an account buys".
#[inline(never)]
pub fn guide_refs(topics: &'static [Topic]) -> AnyView {
    view! {
        <p class="guide-refs muted small" data-testid="guide-refs">
            {crate::i18n::tr(words::SEE)}" "
            {topics.iter().enumerate().map(|(i, t)| view! {
                {(i > 0).then_some(" · ")}
                <a href=href(*t) data-testid="guide-link" data-topic=t.id()>{words::title(*t)}</a>
            }).collect_view()}
        </p>
    }
    .into_any()
}
