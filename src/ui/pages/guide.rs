//! The guide inside the app (issue 16 point 9): every topic with its explanation in the reader's
//! language, where it comes from (`kam_core::guide`) and, for a rule an article states, the
//! article's own words. The texts are fetched when the guide opens (`/i18n/guide/<lang>.json` and
//! the quotations, which are the same in every language), so they cost no visitor who does not
//! read them; the service worker keeps them for offline use once read.

use std::collections::BTreeMap;

use kam_core::guide::Topic;
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::JsCast;

use crate::i18n::{fetch_text, lang, tr, tr_args};
use crate::ui::words::guide as words;

#[derive(Deserialize)]
struct Texts {
    intro: Vec<String>,
    topics: BTreeMap<String, Vec<String>>,
}

struct Guide {
    texts: Texts,
    quotes: BTreeMap<String, String>,
}

async fn load(tag: &'static str) -> Result<Guide, String> {
    let texts = fetch_text(&format!("/i18n/guide/{tag}.json")).await?;
    let quotes = fetch_text("/i18n/guide/quotes.json").await?;
    let texts = serde_json::from_str(&texts).map_err(|e| e.to_string())?;
    let quotes = serde_json::from_str(&quotes).map_err(|e| e.to_string())?;
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

fn paragraphs(list: &[String]) -> impl IntoView {
    list.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()
}

fn topic_view(topic: Topic, guide: &Guide) -> impl IntoView {
    let id = topic.id();
    let text = guide.texts.topics.get(id).map(|t| paragraphs(t));
    let quote = topic.quoted().zip(guide.quotes.get(id)).map(|(article, q)| {
        view! {
            <figure class="guide-quote">
                <blockquote lang=article.lang() data-testid="guide-quote"><p>{q.clone()}</p></blockquote>
                <figcaption>{tr(words::QUOTED)}", "<cite lang=article.lang()>{article.title()}</cite></figcaption>
            </figure>
        }
    });
    view! {
        <article class="guide-topic" id=id data-testid="guide-topic" tabindex="-1" aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{words::title(topic)}</h2>
            {text}
            {quote}
            <p class="guide-origin muted small" data-testid="guide-origin">{words::origin(topic)}</p>
        </article>
    }
}

#[component]
pub fn GuidePage() -> impl IntoView {
    // Fetched again when the language changes; an answer for a language left meanwhile is dropped.
    let guide = RwSignal::new_local(None::<Result<Guide, String>>);
    Effect::new(move |_| {
        let tag = lang().tag();
        guide.set(None);
        leptos::task::spawn_local(async move {
            let loaded = load(tag).await;
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
                    view! {
                        <div class="guide-intro">{paragraphs(&g.texts.intro)}</div>
                        <nav class="guide-toc panel" aria-label=tr(words::TOPICS)>
                            <ol>{Topic::ALL.iter().map(|t| view! { <li><a href=format!("#{}", t.id())>{words::title(*t)}</a></li> }).collect_view()}</ol>
                        </nav>
                        {Topic::ALL.iter().map(|t| topic_view(*t, g)).collect_view()}
                    }.into_any()
                }
            })}
        </section>
    }
}
