//! After the deal: the complaints and failures log with its counts and trend, the promises made
//! to the customer (with who outside sales keeps them), and the references asked for after wins.

use crate::i18n::tr;
use kam_core::analysis::{aftersale::COMPLAINT_WINDOW_DAYS, complaint_counts, rules};
use kam_core::model::{new_item_id, Complaint, Dossier, Promise, ReferenceRequest};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;

use super::super::editor::{Editor, Label};
use super::{add_button, remove_button, rows, today};
use crate::ui::words::aftersale::{self as words, form};

/// A fresh id for a new item of a list: random, so that two machines adding to the same list
/// before they exchange files do not give two items one id (see `kam_core::model::new_item_id`).
pub(super) fn fresh_id<'a>(taken: impl IntoIterator<Item = &'a str>) -> String {
    let entropy = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64 ^ (js_sys::Date::now() as u64);
    new_item_id(taken, entropy)
}

fn head(cols: &[&'static str]) -> impl IntoView {
    view! {
        <thead><tr>
            {cols.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
            <th scope="col"><span class="visually-hidden">{tr(form::REMOVE)}</span></th>
        </tr></thead>
    }
}

pub fn after_sale(ed: Editor) -> impl IntoView {
    let day = today();
    let counts = move || ed.dossier.with(|d| complaint_counts(d, day));
    view! {
        <h3>{tr(form::COMPLAINTS)}</h3>
        <p class="muted small">{tr(form::COMPLAINTS_HINT)}</p>
        <p class="small" data-testid="complaint-summary">{move || words::complaint_summary(&counts(), COMPLAINT_WINDOW_DAYS)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(form::COMPLAINTS)>
            <table class="edit-table">
                {head(&[tr(form::DATE), tr(form::KIND), tr(form::SEVERITY), tr(form::WHAT_HAPPENED), tr(form::RESOLVED_ON)])}
                <tbody>
                    {rows(ed, |d| d.complaints.len(), move |i| view! {
                        <tr data-testid="complaint-row" class:open-complaint=move || ed.dossier.with(|d| d.complaints.get(i).is_some_and(Complaint::is_open))>
                            <td>{ed.date(Label::Cell(form::DATE, i), format!("complaint-date-{i}"), item!(complaints, i, date))}</td>
                            <td>{ed.choice(Label::Cell(form::KIND, i), format!("complaint-kind-{i}"), item!(complaints, i, kind))}</td>
                            <td>{ed.choice(Label::Cell(form::SEVERITY, i), format!("complaint-severity-{i}"), item!(complaints, i, severity))}</td>
                            <td class="grow">{ed.text(Label::Cell(form::WHAT_HAPPENED, i), format!("complaint-text-{i}"), item!(complaints, i, text), 1)}</td>
                            <td>{ed.date(Label::Cell(form::RESOLVED_ON, i), format!("complaint-resolved-{i}"), item!(complaints, i, resolved_on))}</td>
                            <td>{remove_button(ed, tr(form::THE_COMPLAINT).into(), move |d| { if i < d.complaints.len() { d.complaints.remove(i); } }, format!("remove-complaint-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr(form::ADD_COMPLAINT), "complaint-add", move || ed.apply(move |d: &mut Dossier| {
            let id = fresh_id(d.complaints.iter().map(|c| c.id.as_str()));
            d.complaints.push(Complaint { id, date: Some(day), ..Default::default() });
        }))}

        <h3>{tr(form::PROMISES)}{guide_link(Topic::Promises)}</h3>
        <p class="muted small">{tr(form::PROMISES_HINT)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(form::PROMISES)>
            <table class="edit-table">
                {head(&[tr(form::PROMISE), tr(form::OWNER), tr(form::FUNCTION), tr(form::DUE), tr(form::STATE), tr(form::CLOSED_ON)])}
                <tbody>
                    {rows(ed, |d| d.promises.len(), move |i| view! {
                        <tr data-testid="promise-row" class:overdue=move || ed.dossier.with(|d| d.promises.get(i).is_some_and(|p| rules::promise_is_overdue(p, day)))>
                            <td class="grow">{ed.text(Label::Cell(form::PROMISE, i), format!("promise-text-{i}"), item!(promises, i, text), 1)}</td>
                            <td>{ed.text(Label::Cell(form::OWNER, i), format!("promise-owner-{i}"), item!(promises, i, owner), 1)}</td>
                            <td>{ed.choice(Label::Cell(form::FUNCTION, i), format!("promise-function-{i}"), item!(promises, i, function))}</td>
                            <td>{ed.date(Label::Cell(form::DUE, i), format!("promise-due-{i}"), item!(promises, i, due))}</td>
                            <td>{ed.choice(Label::Cell(form::STATE, i), format!("promise-state-{i}"), item!(promises, i, state))}</td>
                            <td>{ed.date(Label::Cell(form::CLOSED_ON, i), format!("promise-closed-{i}"), item!(promises, i, closed_on))}</td>
                            <td>{remove_button(ed, tr(form::THE_PROMISE).into(), move |d| { if i < d.promises.len() { d.promises.remove(i); } }, format!("remove-promise-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr(form::ADD_PROMISE), "promise-add", move || ed.apply(move |d: &mut Dossier| {
            let id = fresh_id(d.promises.iter().map(|p| p.id.as_str()));
            d.promises.push(Promise { id, ..Default::default() });
        }))}

        <h3>{tr(form::REFERENCES)}</h3>
        <p class="muted small">{tr(form::REFERENCES_HINT)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(form::REFERENCES)>
            <table class="edit-table">
                {head(&[tr(form::ASKED_ON), tr(form::KIND), tr(form::FROM_WHOM), tr(form::RECEIVED_ON)])}
                <tbody>
                    {rows(ed, |d| d.references.len(), move |i| view! {
                        <tr data-testid="reference-row">
                            <td>{ed.date(Label::Cell(form::ASKED_ON, i), format!("reference-asked-{i}"), item!(references, i, asked_on))}</td>
                            <td>{ed.choice(Label::Cell(form::KIND, i), format!("reference-kind-{i}"), item!(references, i, kind))}</td>
                            <td class="grow">{ed.text(Label::Cell(form::FROM_WHOM, i), format!("reference-from-{i}"), item!(references, i, from_whom), 1)}</td>
                            <td>{ed.date(Label::Cell(form::RECEIVED_ON, i), format!("reference-received-{i}"), item!(references, i, received_on))}</td>
                            <td>{remove_button(ed, tr(form::THE_REFERENCE).into(), move |d| { if i < d.references.len() { d.references.remove(i); } }, format!("remove-reference-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr(form::ADD_REFERENCE), "reference-add", move || ed.apply(move |d: &mut Dossier| {
            let id = fresh_id(d.references.iter().map(|r| r.id.as_str()));
            d.references.push(ReferenceRequest { id, asked_on: Some(day), ..Default::default() });
        }))}
    }
}
