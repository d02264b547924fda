//! The meeting brief: a page to prepare one meeting of the account's plan (who attends, what to
//! ask, what to bring) and, below it, the brief to print. The core gathers it
//! (`kam_core::analysis::brief`); no personal details are on it.

use kam_core::analysis::brief::{meeting_brief, meeting_index, MeetingBrief};
use kam_core::model::{Dossier, Meeting};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::editor::{Editor, Label};
use super::plan::or_dash;
use crate::i18n::{fmt, tr};
use crate::ui::format::dossier_href;
use crate::ui::state::use_app;
use crate::ui::words::brief as words;
use crate::ui::words::choices::Words;

/// The address of a meeting's brief: by its id, or by its place for a meeting without one yet.
pub fn brief_href(account_id: &str, meeting_id: &str, index: usize) -> String {
    let key = if meeting_id.is_empty() { format!("#{index}") } else { meeting_id.to_string() };
    format!("{}/brief/{}", dossier_href(account_id), js_sys::encode_uri_component(&key).as_string().unwrap_or_default())
}

#[component]
pub fn MeetingBriefPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let meeting = Memo::new(move |_| params.with(|p| p.get("meeting").unwrap_or_default()));
    let found = Memo::new(move |_| {
        let (id, m) = (id.get(), meeting.get());
        state.workspace.with(|ws| ws.dossier(&id).and_then(|d| meeting_index(d, &m)).is_some())
    });
    view! {
        <div class="page plan">
            {move || if found.get() {
                view! { <Brief account_id=id.get() meeting=meeting.get()/> }.into_any()
            } else {
                view! {
                    <section class="panel" data-testid="brief-not-found">
                        <h1>{tr(words::KICKER)}</h1>
                        <p>{tr(words::NOT_FOUND)}" "<A href=dossier_href(&id.get())>{tr("← Back to the dossier")}</A></p>
                    </section>
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn Brief(account_id: String, meeting: String) -> impl IntoView {
    let state = use_app();
    let aid = account_id.clone();
    let dossier =
        Memo::new(move |_| state.workspace.with(|ws| ws.dossier(&aid).cloned().unwrap_or_else(|| Dossier::new(&aid))));
    let ed = Editor::new(dossier);
    let key = StoredValue::new(meeting.clone());
    let brief = {
        let (aid, meeting) = (account_id.clone(), meeting.clone());
        move || {
            let today = chrono::Local::now().date_naive();
            state.workspace.with(|ws| meeting_brief(ws, &aid, &meeting, today))
        }
    };
    // Getter and setter of one text of this meeting, found afresh each time (the list may change).
    type Get = fn(&Meeting) -> &String;
    type Set = fn(&mut Meeting) -> &mut String;
    let meeting_text = move |get: Get, set: Set| {
        (
            move |d: &Dossier| {
                key.with_value(|k| meeting_index(d, k)).map(|i| get(&d.meetings[i]).clone()).unwrap_or_default()
            },
            move |d: &mut Dossier, v: String| {
                if let Some(i) = key.with_value(|k| meeting_index(d, k)) {
                    *set(&mut d.meetings[i]) = v;
                }
            },
        )
    };
    let attends = move |uid: &str| {
        dossier.with(|d| {
            key.with_value(|k| meeting_index(d, k)).is_some_and(|i| d.meetings[i].attendees.iter().any(|a| a == uid))
        })
    };
    let toggle = move |uid: String, on: bool| {
        ed.apply(move |d| {
            if let Some(i) = key.with_value(|k| meeting_index(d, k)) {
                let list = &mut d.meetings[i].attendees;
                list.retain(|a| *a != uid);
                if on {
                    list.push(uid);
                }
            }
        })
    };
    let people = move || {
        dossier.with(|d| {
            d.people
                .iter()
                .filter(|p| !p.uid.is_empty())
                .map(|p| (p.uid.clone(), p.name.clone(), p.role))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="no-print plan-actions">
            <A href=dossier_href(&account_id)>{move || tr("← Back to the dossier")}</A>
            <button type="button" class="button primary" data-testid="print" on:click=|_| crate::browser::print_page()>{move || tr("Print or save as PDF")}</button>
            <span class="muted small">{move || tr(words::NO_PERSONAL)}</span>
        </div>
        <section class="panel no-print brief-prepare" data-testid="brief-prepare">
            <h2>{move || tr(words::PREPARE)}{guide_link(Topic::Brief)}</h2>
            <p class="muted small">{move || tr(words::PREPARE_NOTE)}</p>
            <fieldset class="brief-attendees">
                <legend>{move || tr(words::WHO_ATTENDS)}</legend>
                {move || {
                    let list = people();
                    if list.is_empty() {
                        return view! { <p class="muted">{tr(words::NO_PEOPLE)}</p> }.into_any();
                    }
                    list.into_iter().map(|(uid, name, role)| {
                        let u = uid.clone();
                        let testid = format!("brief-attendee-{}", name.to_lowercase().replace(' ', "-"));
                        view! {
                            <label class="check">
                                <input type="checkbox" data-testid=testid prop:checked=move || attends(&u)
                                    on:change=move |ev| toggle(uid.clone(), event_target_checked(&ev))/>
                                <span>{name}" · "{role.label()}</span>
                            </label>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
            <div class="field-grid">
                {ed.text(Label::Shown(tr(words::QUESTIONS)), "brief-questions".into(), meeting_text(|m| &m.questions, |m| &mut m.questions), 4)}
                {ed.text(Label::Shown(tr(words::IDEAS)), "brief-ideas".into(), meeting_text(|m| &m.ideas, |m| &mut m.ideas), 4)}
            </div>
        </section>
        {move || brief().map(|b| view! { <BriefBody b=b/> })}
    }
}

fn list_or_none(items: Vec<String>, testid: &'static str) -> AnyView {
    if items.is_empty() {
        view! { <p class="muted" data-testid=testid>{tr(words::NONE)}</p> }.into_any()
    } else {
        view! { <ul data-testid=testid>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }
            .into_any()
    }
}

#[component]
fn BriefBody(b: MeetingBrief) -> impl IntoView {
    let reasons = b.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ");
    let actions = b.open_actions.iter().map(|a| words::open_item(&a.text, a.due, &a.owner)).collect();
    let promises = b.open_promises.iter().map(|p| words::open_item(&p.text, p.due, &p.owner)).collect();
    let complaints = b
        .recent_complaints
        .iter()
        .map(|c| {
            let day = c.date.map_or_else(|| "—".to_string(), fmt::date);
            let state = if c.is_open() {
                tr("Open").to_string()
            } else {
                c.resolved_on
                    .map_or_else(String::new, |r| crate::i18n::tr_args("resolved {day}", &[("day", &fmt::date(r))]))
            };
            format!("{day} · {} · {} · {} · {state}", c.kind.label(), c.severity.label(), c.text.trim())
        })
        .collect();
    let questions = b.questions.clone();
    let ideas = b.ideas.clone();
    view! {
        <article class="plan-doc brief-doc" data-testid="meeting-brief">
            <header class="plan-head">
                <div>
                    <p class="plan-kicker">{tr(words::KICKER)}</p>
                    <h1>{words::title(&b.meeting.title)}</h1>
                    <p class="subtitle" data-testid="brief-subtitle">{words::subtitle(&b.account_name, b.day, &b.meeting.with)}</p>
                </div>
                <div class="plan-figures">
                    <div><span>{tr("Key account manager")}</span><strong>{or_dash(&b.manager)}</strong></div>
                    <div><span>{tr("Executive sponsor")}</span><strong>{or_dash(&b.executive_sponsor)}</strong></div>
                    <div><span>{tr("Health")}</span><strong class=format!("score {}", b.health_band.id()) data-testid="brief-health">{b.health}</strong></div>
                    <div><span>{tr("Why key")}</span><strong>{or_dash(&reasons)}</strong></div>
                </div>
            </header>
            <section class="plan-section">
                <h2>{tr(words::WHO_ATTENDS)}{guide_link(Topic::Convince)}</h2>
                {if b.attendees.is_empty() {
                    view! { <p class="muted" data-testid="brief-attendees">{tr(words::NO_ATTENDEES)}</p> }.into_any()
                } else {
                    view! {
                        <table class="plan-table" data-testid="brief-attendees">
                            <thead><tr><th scope="col">{tr("Name")}</th><th scope="col">{tr("Role")}</th><th scope="col">{tr("Attitude")}</th><th scope="col">{tr("Influence")}</th><th scope="col">{tr(words::WHAT_CONVINCES)}</th></tr></thead>
                            <tbody>{b.attendees.into_iter().map(|a| {
                                let who = if a.title.trim().is_empty() { a.name.clone() } else { format!("{} ({})", a.name, a.title.trim()) };
                                let expect = (!a.expectations.trim().is_empty()).then(|| view! { <div class="muted small">{format!("{}: {}", tr("Expectations"), a.expectations.trim())}</div> });
                                let convinces = a.convinces.map(|c| format!("{}{}", words::convinces(c), words::own_addition(c).map(|m| format!(" {m}")).unwrap_or_default()));
                                view! {
                                    <tr data-testid="brief-attendee"><td>{who}{expect}</td><td>{a.role.label()}</td><td>{a.attitude.label()}</td>
                                        <td>{a.influence.map_or("?".to_string(), |v| v.to_string())}</td><td data-testid="brief-convinces">{convinces.unwrap_or_else(|| "—".into())}</td></tr>
                                }
                            }).collect_view()}</tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <div class="brief-columns">
                <section class="plan-section"><h2>{tr(words::QUESTIONS)}</h2>{list_or_none(questions, "brief-question-list")}</section>
                <section class="plan-section"><h2>{tr(words::IDEAS)}</h2>{list_or_none(ideas, "brief-idea-list")}</section>
                <section class="plan-section"><h2>{tr(words::OPEN_ACTIONS)}</h2>{list_or_none(actions, "brief-actions")}</section>
                <section class="plan-section"><h2>{tr(words::OPEN_PROMISES)}</h2>{list_or_none(promises, "brief-promises")}</section>
            </div>
            <section class="plan-section"><h2>{tr(words::RECENT_COMPLAINTS)}</h2>{list_or_none(complaints, "brief-complaints")}</section>
        </article>
    }
}
