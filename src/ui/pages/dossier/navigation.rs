//! Finding one's way in a long dossier (thirteen sections, several screens high): the section list
//! shows the section in view, sections can be folded away, and in workshop mode the dossier
//! shows one section at a time, stepped through with buttons or the `{` and `}` keys (as `[` and
//! `]` step through the key accounts).

use crate::i18n::{tr, tr_args};
use kam_core::model::Section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::words::choices::Words;

/// Which section is in view (or shown, in workshop mode) and which are folded.
#[derive(Clone, Copy)]
pub struct SectionNav {
    pub current: RwSignal<Section>,
    collapsed: RwSignal<Vec<Section>>,
    workshop: RwSignal<bool>,
}

fn element_id(s: Section) -> String {
    format!("sec-{}", s.id())
}

impl SectionNav {
    /// Starts at the first section and follows the page's scrolling and the workshop keys
    /// while the dossier is open.
    pub fn new(workshop: RwSignal<bool>) -> SectionNav {
        let nav =
            SectionNav { current: RwSignal::new(Section::ALL[0]), collapsed: RwSignal::new(Vec::new()), workshop };
        nav.follow_scrolling();
        nav.listen_for_keys();
        nav
    }

    fn index(s: Section) -> usize {
        Section::ALL.iter().position(|x| *x == s).unwrap_or(0)
    }

    /// The section `by` places after (or before) the current one, wrapping around.
    pub fn step(&self, by: i32) {
        let n = Section::ALL.len() as i32;
        let at = Self::index(self.current.get_untracked()) as i32;
        self.go(Section::ALL[(at + by).rem_euclid(n) as usize]);
    }

    /// Shows a section: in workshop mode it becomes the one shown; otherwise the page scrolls to
    /// it (unfolding it if it was folded).
    pub fn go(&self, s: Section) {
        self.current.set(s);
        self.collapsed.update(|c| c.retain(|x| *x != s));
        if let Some(el) = document().get_element_by_id(&element_id(s)) {
            el.scroll_into_view();
        }
    }

    /// Whether a section is on the page: every section, except in workshop mode, where only the
    /// current one is.
    pub fn is_shown(&self, s: Section) -> bool {
        !self.workshop.get() || self.current.get() == s
    }

    pub fn is_collapsed(&self, s: Section) -> bool {
        !self.workshop.get() && self.collapsed.with(|c| c.contains(&s))
    }

    pub fn toggle(&self, s: Section) {
        self.collapsed.update(|c| {
            if let Some(i) = c.iter().position(|x| *x == s) {
                c.remove(i);
            } else {
                c.push(s);
            }
        });
    }

    /// Outside workshop mode, the section in view is the last one whose top has passed the
    /// sticky section list.
    fn follow_scrolling(self) {
        let handle = window_event_listener(leptos::ev::scroll, move |_| {
            if self.workshop.get_untracked() {
                return;
            }
            let doc = document();
            let mut in_view = Section::ALL[0];
            for s in Section::ALL.iter().copied() {
                match doc.get_element_by_id(&element_id(s)) {
                    Some(el) if el.get_bounding_client_rect().top() <= 140.0 => in_view = s,
                    _ => {}
                }
            }
            if self.current.get_untracked() != in_view {
                self.current.set(in_view);
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn listen_for_keys(self) {
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if !self.workshop.get_untracked() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
            if typing {
                return;
            }
            match ev.key().as_str() {
                "}" => {
                    ev.prevent_default();
                    self.step(1);
                }
                "{" => {
                    ev.prevent_default();
                    self.step(-1);
                }
                _ => {}
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// In workshop mode: which section is shown, and buttons to the previous and next one.
#[component]
pub fn SectionStepper(nav: SectionNav) -> impl IntoView {
    view! {
        <Show when=move || nav.workshop.get()>
            <div class="section-stepper" role="group" aria-label=move || tr("Dossier sections") data-testid="section-stepper">
                <button type="button" class="button" data-testid="section-prev" on:click=move |_| nav.step(-1)>{move || tr("← Previous section")}</button>
                <span data-testid="section-position">{move || {
                    let s = nav.current.get();
                    tr_args("{0} — section {1} of {2}", &[("0", &s.label()), ("1", &(SectionNav::index(s) + 1)), ("2", &Section::ALL.len())])
                }}</span>
                <button type="button" class="button" data-testid="section-next" on:click=move |_| nav.step(1)>{move || tr("Next section →")}</button>
                <span class="muted small">{move || tr("Keys: { and } move between sections.")}</span>
            </div>
        </Show>
    }
}
