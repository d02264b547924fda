//! The guide inside the app (issue 16 point 9): every topic with its explanation in the reader's
//! language, where it comes from (`kam_core::guide`) and, for a rule an article states, the
//! article's own words. The texts are fetched when the guide opens (`/i18n/guide/<lang>.json` and
//! the quotations, which are the same in every language), so they cost no visitor who does not
//! read them; the service worker keeps them for offline use once read.

use std::rc::Rc;

use kam_core::guide::Topic;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::i18n::{fetch_text, lang, tr, tr_args};
use crate::ui::markup::Markup;
use crate::ui::words::guide as words;

/// The texts of one language and the quotations, as read: `serde_json::Value`, which the
/// catalogues already read with, so the guide adds no parser of its own to the page.
struct Guide {
    texts: Value,
    quotes: Rc<Value>,
}

/// The language's texts, and the quotations unless they were read already (they are the same
/// in every language, so a language switch fetches only the texts).
async fn load(tag: &'static str, quotes: Option<Rc<Value>>) -> Result<Guide, String> {
    let texts = fetch_text(&format!("/i18n/guide/{tag}.json")).await?;
    let texts = serde_json::from_str(&texts).map_err(|e| e.to_string())?;
    let quotes = match quotes {
        Some(q) => q,
        None => {
            Rc::new(serde_json::from_str(&fetch_text("/i18n/guide/quotes.json").await?).map_err(|e| e.to_string())?)
        }
    };
    Ok(Guide { texts, quotes })
}

/// Brings the topic the address names (`/guide#dependency`) into view, and moves the focus
/// there, once the texts are on the page.
fn show_named_topic() {
    let Some(window) = web_sys::window() else { return };
    let hash = window.location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| Topic::parse(id).is_some()) else { return };
    let Some(el) = window.document().and_then(|d| d.get_element_by_id(id)) else { return };
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

fn paragraphs(m: &mut Markup, list: &Value) {
    for p in list.as_array().into_iter().flatten().filter_map(Value::as_str) {
        m.el("p", &[], p);
    }
}

/// The whole guide as markup: static text, shown once per language, so written as one string
/// rather than as a reactive view (the page's code stays small for a screen most visitors rarely
/// open).
fn markup(guide: &Guide) -> String {
    let mut m = Markup::default();
    m.open("div", &[("class", "guide-intro")]);
    paragraphs(&mut m, &guide.texts["intro"]);
    m.close("div").open("nav", &[("class", "guide-toc panel"), ("aria-label", tr(words::TOPICS))]).open("ol", &[]);
    for t in Topic::ALL {
        m.open("li", &[]).el("a", &[("href", &format!("#{}", t.id()))], words::title(*t)).close("li");
    }
    m.close("ol").close("nav");
    for &t in Topic::ALL {
        let id = t.id();
        m.open("article", &[("class", "guide-topic"), ("id", id), ("data-testid", "guide-topic"), ("tabindex", "-1")]);
        m.el("h2", &[], words::title(t));
        paragraphs(&mut m, &guide.texts["topics"][id]);
        if let Some((article, quote)) = t.quoted().zip(guide.quotes[id].as_str()) {
            let lang = article.lang();
            m.el("blockquote", &[("class", "guide-quote"), ("lang", lang), ("data-testid", "guide-quote")], quote);
            m.open("p", &[("class", "guide-cite muted small")]).text(tr(words::QUOTED)).text(": ");
            m.el("cite", &[("lang", lang)], article.title()).close("p");
        }
        m.el("p", &[("class", "guide-origin muted small"), ("data-testid", "guide-origin")], &words::origin(t));
        m.close("article");
    }
    m.finish()
}

#[component]
pub fn GuidePage() -> impl IntoView {
    // Fetched again when the language changes; an answer for a language left meanwhile is dropped.
    let guide = RwSignal::new_local(None::<Result<Guide, String>>);
    Effect::new(move |_| {
        let tag = lang().tag();
        let quotes = guide.with_untracked(|g| g.as_ref().and_then(|g| g.as_ref().ok()).map(|g| g.quotes.clone()));
        guide.set(None);
        leptos::task::spawn_local(async move {
            let loaded = load(tag, quotes).await;
            if crate::i18n::lang_untracked().tag() == tag {
                guide.set(Some(loaded));
            }
        });
    });
    view! {
        <section class="guide">
            <h1>{move || tr(words::TITLE)}</h1>
            {move || guide.with(|g| match g {
                None => view! { <p role="status">{tr(words::LOADING)}</p> }.into_any(),
                Some(Err(why)) => view! { <p class="error" role="alert" data-testid="guide-error">{tr_args(words::UNAVAILABLE, &[("0", why)])}</p> }.into_any(),
                Some(Ok(g)) => {
                    request_animation_frame(show_named_topic);
                    view! { <div inner_html=markup(g)></div> }.into_any()
                }
            })}
        </section>
    }
}
