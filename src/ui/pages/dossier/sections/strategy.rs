//! Strategy and the whitespace grid: our offerings × the customer's business units.

use crate::i18n::{tr, tr_args};
use kam_core::analysis::rules::open_potential;
use kam_core::model::{CellState, Dossier};
use leptos::prelude::*;

use super::super::editor::{Editor, Label};
use super::add_button;
use crate::ui::format::money;
use crate::ui::words::choices::Words;

/// The whitespace grid: our offerings (rows) × the customer's business units (columns).
pub fn strategy(ed: Editor) -> impl IntoView {
    let new_offering = RwSignal::new(String::new());
    let new_unit = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |offering: bool| {
        let signal = if offering { new_offering } else { new_unit };
        let name = signal.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(tr_args(
                "Type the name of the {0} first.",
                &[("0", &(if offering { tr("offering") } else { tr("business unit") }))],
            )));
            return;
        }
        let exists =
            ed.dossier.with_untracked(|d| if offering { d.offerings.contains(&name) } else { d.units.contains(&name) });
        if exists {
            error.set(Some(tr_args("\"{name}\" is already in the grid.", &[("name", &name)])));
            return;
        }
        error.set(None);
        signal.set(String::new());
        ed.apply(move |d| if offering { d.offerings.push(name) } else { d.units.push(name) });
    };
    let total_potential = move || ed.dossier.with(open_potential);
    let axes = Memo::new(move |_| ed.dossier.with(|d| (d.offerings.clone(), d.units.clone())));
    view! {
        {ed.text(Label::Shown(tr("Strategy: what we want to achieve, who we still need to know")), "dossier-strategy".into(), top!(strategy), 3)}
        <h3>{move || tr("Whitespace")}</h3>
        <p class="muted small">{move || tr("What the customer buys from us, per business unit, and where the openings are. Potential is a yearly value.")}</p>
        {move || {
            // Only the grid's rows and columns rebuild it: a cell's own save (echoed back while
            // the next cell is being typed into) must not replace the inputs under the user.
            let (offerings, units) = axes.get();
            if offerings.is_empty() || units.is_empty() {
                return view! { <p class="muted" data-testid="whitespace-empty">{move || tr("Add at least one offering and one business unit to draw the grid.")}</p> }.into_any();
            }
            view! {
                <div class="table-scroll">
                    <table class="whitespace" data-testid="whitespace-grid">
                        <thead><tr><th scope="col">{move || tr("Offering \\ unit")}</th>
                            {units.iter().enumerate().map(|(c, u)| {
                                let name = u.clone();
                                view! { <th scope="col">{u.clone()}
                                    <button type="button" class="icon-button" aria-label=tr_args("Remove unit {u}", &[("u", &u)]) data-testid=format!("remove-unit-{c}")
                                        on:click=move |_| { let n = name.clone(); ed.remove(tr_args("the unit {n}", &[("n", &n)]), move |d| { d.units.retain(|x| *x != n); d.whitespace.retain(|x| x.unit != n); }) }>"✕"</button></th> }
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {offerings.iter().enumerate().map(|(r, o)| {
                                let oname = o.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{o.clone()}
                                            <button type="button" class="icon-button" aria-label=tr_args("Remove offering {o}", &[("o", &o)]) data-testid=format!("remove-offering-{r}")
                                                on:click=move |_| { let n = oname.clone(); ed.remove(tr_args("the offering {n}", &[("n", &n)]), move |d| { d.offerings.retain(|x| *x != n); d.whitespace.retain(|x| x.offering != n); }) }>"✕"</button>
                                        </th>
                                        {units.iter().enumerate().map(|(c, u)| {
                                            let (o1, u1, o2, u2, o3, u3) = (o.clone(), u.clone(), o.clone(), u.clone(), o.clone(), u.clone());
                                            let state = move || ed.dossier.with(|d| d.cell(&o1, &u1).map(|x| x.state).unwrap_or_default());
                                            let state2 = state.clone();
                                            view! {
                                                <td class=move || format!("ws-cell ws-{}", state().id())>
                                                    <select data-testid=format!("whitespace-cell-{r}-{c}") aria-label=tr_args("{offering} in {unit}", &[("offering", &o), ("unit", &u)])
                                                        prop:value=move || state2().id()
                                                        on:change=move |ev| { let s = CellState::parse(&event_target_value(&ev)); let (o, u) = (o2.clone(), u2.clone()); ed.apply(move |d| d.set_cell(&o, &u, |x| x.state = s)); }>
                                                        {CellState::ALL.iter().map(|s| view! { <option value=s.id()>{s.label()}</option> }).collect_view()}
                                                    </select>
                                                    {ed.number(Label::CellNamed(tr_args("Potential of {offering} in {unit}", &[("offering", &o), ("unit", &u)])), format!("whitespace-potential-{r}-{c}"),
                                                        (move |d: &Dossier| d.cell(&o3, &u3).and_then(|x| x.potential),
                                                         { let (o, u) = (o.clone(), u.clone()); move |d: &mut Dossier, v: Option<f64>| d.set_cell(&o, &u, |x| x.potential = v) }),
                                                        (0.0, 1e13))}
                                                </td>
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="small">{move || tr("Open potential (opportunity, in progress, with a competitor): ")}<strong data-testid="whitespace-total">{move || money(total_potential())}</strong></p>
            }.into_any()
        }}
        <div class="inline-add">
            <label class="field"><span>{move || tr("New offering (row)")}</span>
                <input type="text" data-testid="new-offering" prop:value=move || new_offering.get() on:input=move |ev| new_offering.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add(true) }/></label>
            {add_button(tr("Add offering"), "add-offering", move || add(true))}
            <label class="field"><span>{move || tr("New business unit (column)")}</span>
                <input type="text" data-testid="new-unit" prop:value=move || new_unit.get() on:input=move |ev| new_unit.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add(false) }/></label>
            {add_button(tr("Add unit"), "add-unit", move || add(false))}
        </div>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="whitespace-error">{e}</p> })}
    }
}
