//! The decision-making unit: who matters on the customer's side, with personal details kept in
//! a row of their own that shows only on request.

use crate::i18n::tr;
use kam_core::model::{Attitude, Dossier, Person};
use leptos::prelude::*;

use super::super::editor::{Editor, Label};
use super::{add_button, remove_button, rows};

pub fn people(ed: Editor, show_personal: RwSignal<bool>) -> impl IntoView {
    let reports_options = move |i: usize| {
        ed.dossier.with(|d| {
            let me = d.people.get(i).map(|p| p.id);
            d.people
                .iter()
                .filter(|p| Some(p.id) != me)
                .map(|p| (p.id, if p.name.trim().is_empty() { tr("(no name)").to_string() } else { p.name.clone() }))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="edit-table people">
                <thead><tr>
                    <th scope="col">{move || tr("Name")}</th><th scope="col">{move || tr("Title")}</th><th scope="col">{move || tr("Reports to")}</th><th scope="col">{move || tr("Role in the decision")}</th>
                    <th scope="col">{move || tr("Influence")}</th><th scope="col">{move || tr("Attitude to us")}</th><th scope="col">{move || tr("Expectations")}</th><th scope="col">{move || tr("Last contact")}</th>
                    <th scope="col">{move || tr("Our contact")}</th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th>
                </tr></thead>
                <tbody>
                    {rows(ed, |d| d.people.len(), move |i| view! {
                        <tr data-testid="person-row">
                            <td>{ed.text(Label::Cell("Name", i), format!("person-name-{i}"), item!(people, i, name), 1)}</td>
                            <td>{ed.text(Label::Cell("Title", i), format!("person-title-{i}"), item!(people, i, title), 1)}</td>
                            <td>
                                <select data-testid=format!("person-reports-{i}") aria-label=move || tr("reports to")
                                    prop:value=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.reports_to).map(|r| r.to_string()).unwrap_or_default())
                                    on:change=move |ev| {
                                        let v: Option<u32> = event_target_value(&ev).parse().ok();
                                        ed.apply(move |d| d.change_people(|people| if let Some(p) = people.get_mut(i) { p.reports_to = v; }));
                                    }>
                                    <option value="">{move || tr("— nobody here —")}</option>
                                    {move || reports_options(i).into_iter().map(|(id, name)| view! {
                                        <option value=id.to_string() selected=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.reports_to) == Some(id))>{name}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                            <td>{ed.choice(Label::Cell("Role in the decision", i), format!("person-role-{i}"), item!(people, i, role))}</td>
                            <td>
                                <select data-testid=format!("person-influence-{i}") aria-label=move || tr("Influence")
                                    prop:value=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.influence).map(|v| v.to_string()).unwrap_or_default())
                                    on:change=move |ev| { let v: Option<u8> = event_target_value(&ev).parse().ok(); ed.apply(move |d| if let Some(p) = d.people.get_mut(i) { p.influence = v; }); }>
                                    <option value="">"?"</option>
                                    {[1u8, 2, 3, 4, 5].into_iter().map(|v| view! {
                                        <option value=v.to_string() selected=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.influence) == Some(v))>{move || influence_option(v)}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                            <td>{ed.choice::<Attitude, _, _>(Label::Cell("Attitude to us", i), format!("person-attitude-{i}"), item!(people, i, attitude))}</td>
                            <td>{ed.text(Label::Cell("Expectations", i), format!("person-expectations-{i}"), item!(people, i, expectations), 1)}</td>
                            <td>{ed.date(Label::Cell("Last contact", i), format!("person-contact-{i}"), item!(people, i, last_contact))}</td>
                            <td>{ed.text(Label::Cell("Our contact", i), format!("person-owner-{i}"), item!(people, i, our_owner), 1)}</td>
                            <td>{remove_button(ed, tr("the person").into(), move |d| d.change_people(|people| { if i < people.len() { people.remove(i); } }), format!("remove-person-{i}"))}</td>
                        </tr>
                        <Show when=move || show_personal.get()>
                            <tr class="personal-row" data-testid="personal-row">
                                <td colspan="10">
                                    <div class="personal-grid">
                                        <span class="personal-tag">{move || tr("Personal")}</span>
                                        {ed.text(Label::Shown(tr("Birthday (YYYY-MM-DD or --MM-DD)")), format!("person-birthday-{i}"), item!(people, i, birthday), 1)}
                                        {ed.text(Label::Shown(tr("Family")), format!("person-family-{i}"), item!(people, i, family), 1)}
                                        {ed.text(Label::Shown(tr("Hobbies")), format!("person-hobbies-{i}"), item!(people, i, hobbies), 1)}
                                        {ed.text(Label::Shown(tr("Values")), format!("person-values-{i}"), item!(people, i, values), 1)}
                                        {ed.text(Label::Shown(tr("Phone")), format!("person-phone-{i}"), item!(people, i, phone), 1)}
                                        {ed.text(Label::Shown(tr("E-mail")), format!("person-email-{i}"), item!(people, i, email), 1)}
                                        {ed.text(Label::Shown(tr("Private notes")), format!("person-notes-{i}"), item!(people, i, personal_notes), 1)}
                                    </div>
                                    {move || {
                                        let bad = ed.dossier.with(|d| d.people.get(i).is_some_and(|p| !p.birthday.trim().is_empty() && p.birthday_month_day().is_none()));
                                        bad.then(|| view! { <p class="field-error" role="alert">{move || tr("The birthday is not a date the reminders understand: write 1975-11-30, or --11-30 without the year.")}</p> })
                                    }}
                                </td>
                            </tr>
                        </Show>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add person"), "add-person", move || ed.apply(|d| d.change_people(|people| people.push(Person::default()))))}
    }
}

/// An influence score as the picker offers it: "1 little", "3 some", "5 decisive", the others bare.
fn influence_option(v: u8) -> String {
    match v {
        1 => tr("1 little").into(),
        3 => tr("3 some").into(),
        5 => tr("5 decisive").into(),
        v => v.to_string(),
    }
}
