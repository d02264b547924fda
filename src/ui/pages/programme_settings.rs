//! The programme's written criteria and portfolio-matrix factors. They travel with the plan
//! (stored in IndexedDB, carried in workspace files), unlike display preferences.

use crate::i18n::{tr, tr_args};
use crate::ui::words::programme::{factor_name, factor_name_to_store, preset_name, programme_problems};
use kam_core::exchange::parse_typed_number;
use kam_core::model::{Factor, Programme, ProgrammeProblem, STRATEGIC_REASONS};
use leptos::prelude::*;

use crate::ui::components::guide_refs;
use kam_core::guide::Topic;
use std::rc::Rc;
use std::sync::Arc;

use crate::ui::state::use_app;

fn pick_strength(p: &mut Programme) -> &mut Vec<Factor> {
    &mut p.strength
}

fn pick_attractiveness(p: &mut Programme) -> &mut Vec<Factor> {
    &mut p.attractiveness
}

fn factor_list(p: &Programme, strength: bool) -> &[Factor] {
    if strength {
        &p.strength
    } else {
        &p.attractiveness
    }
}

#[component]
pub fn ProgrammeSettings() -> impl IntoView {
    let state = use_app();
    let problems = RwSignal::new(Vec::<String>::new());
    let programme = Memo::new(move |_| state.workspace.with(|ws| ws.programme.clone()));
    let change = move |f: Rc<dyn Fn(&mut Programme)>| {
        problems.set(state.change_programme(f).err().map(|p| programme_problems(&p)).unwrap_or_default())
    };
    // One memo per field: a stored change to one field then never rewrites another field's
    // input, where the user may be typing (the whole programme as the source did exactly that).
    // (The factors' fields below use the same one, so that their inputs add no code of their own.)
    let field_of = move |get: Arc<dyn Fn(&Programme) -> String + Send + Sync>| {
        let value = Memo::new(move |_| programme.with(|p| get(p)));
        move || value.get()
    };
    let field = move |get: fn(&Programme) -> String| field_of(Arc::new(get));
    let factors = move |strength: bool| {
        // The rows rebuild only when a factor is added or removed, and each input reads a memo of
        // its own: another field's save, echoed back while a name is typed, must not replace or
        // rewrite the input under the user.
        let count = Memo::new(move |_| programme.with(|p| factor_list(p, strength).len()));
        let part = move |i: usize, get: fn(&Factor) -> String| {
            field_of(Arc::new(move |p| factor_list(p, strength).get(i).map(get).unwrap_or_default()))
        };
        // `axis` names the test ids, `axis_word` is what the labels say.
        let axis = if strength { "strength" } else { "attractiveness" };
        let axis_word = if strength { tr("strength") } else { tr("attractiveness") };
        view! {
            <fieldset class="factors">
                <legend>{if strength { tr("Our relative strength: factors and weights") } else { tr("Customer attractiveness: factors and weights") }}</legend>
                {move || (0..count.get()).map(|i| {
                    let pick = if strength { pick_strength } else { pick_attractiveness };
                    // A preset factor shows its name in the reader's language as the value (and
                    // as the placeholder once emptied); left as it is, or emptied, it follows the
                    // language; a name typed over it is the factor's own.
                    let (name, weight) = (part(i, factor_name), part(i, |f| f.weight.to_string()));
                    let default_name = part(i, |f| f.preset.map(|p| preset_name(p).to_string()).unwrap_or_default());
                    view! {
                        <div class="factor-row">
                            <input type="text" aria-label=tr_args("{axis} factor {1} name", &[("axis", &axis_word), ("1", &(i + 1))]) data-testid=format!("{axis}-factor-{i}") prop:value=name placeholder=default_name
                                on:change=move |ev| { let v = event_target_value(&ev); change(Rc::new(move |p| if let Some(f) = pick(p).get_mut(i) { f.name = factor_name_to_store(f, &v); })); }/>
                            <input type="text" inputmode="decimal" class="weight" aria-label=tr_args("{axis} factor {1} weight", &[("axis", &axis_word), ("1", &(i + 1))]) data-testid=format!("{axis}-weight-{i}") prop:value=weight
                                on:change=move |ev| { match parse_typed_number(&event_target_value(&ev)) {
                                    Ok(v) => change(Rc::new(move |p| if let Some(f) = pick(p).get_mut(i) { f.weight = v; })),
                                    Err(e) => problems.set(vec![tr_args("Weight: {0}.", &[("0", &(crate::ui::words::exchange::number_error(&e)))])]),
                                } }/>
                            <button type="button" class="icon-button" aria-label=tr_args("Remove {axis} factor {1}", &[("axis", &axis_word), ("1", &(i + 1))])
                                on:click=move |_| change(Rc::new(move |p| { let l = pick(p); if i < l.len() { l.remove(i); } }))>"✕"</button>
                        </div>
                    }
                }).collect_view()}
                <button type="button" class="button small" data-testid=format!("add-{axis}-factor")
                    on:click=move |_| change(Rc::new(move |p| (if strength { &mut p.strength } else { &mut p.attractiveness }).push(Factor::named(tr("New factor"), 10.0))))>{move || tr("Add factor")}</button>
            </fieldset>
        }
    };
    view! {
        <section class="panel" data-testid="programme-settings">
            <h2>{move || tr("Key-account programme")}</h2>
            {guide_refs(&[Topic::Qualification, Topic::AbsoluteThreshold, Topic::Losing, Topic::Champion, Topic::PortfolioMatrix])}
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! { <div class="message error" role="alert" data-testid="programme-error"><p>{move || tr("Not saved:")}</p><ul>{p.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul></div> })
            }}
            <label class="field block">
                <span>{move || tr("Written criteria for key accounts (agreed and kept: an account is not key because of a long history)")}</span>
                <textarea rows="4" data-testid="setting-criteria" prop:value=field(|p| p.criteria_text.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); change(Rc::new(move |p| p.criteria_text = v.clone())); }></textarea>
            </label>
            <div class="settings-grid">
                <label class="field">
                    <span>{move || tr("Strategic reasons needed (each justified)")}</span>
                    <input type="number" min=*STRATEGIC_REASONS.start() max=*STRATEGIC_REASONS.end() data-testid="setting-min-reasons" prop:value=field(|p| p.min_strategic_reasons.to_string())
                        on:change=move |ev| { match event_target_value(&ev).trim().parse::<u32>() {
                            Ok(v) => change(Rc::new(move |p| p.min_strategic_reasons = v)),
                            Err(_) => problems.set(programme_problems(&[ProgrammeProblem::StrategicReasons])),
                        } }/>
                </label>
                <label class="field">
                    <span>{move || tr("Also key by size from this revenue in the window (empty: share only)")}</span>
                    <input type="text" inputmode="decimal" data-testid="setting-revenue-threshold" prop:value=field(|p| p.revenue_threshold.map(|v| v.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let raw = event_target_value(&ev);
                            if raw.trim().is_empty() { change(Rc::new(|p| p.revenue_threshold = None)); return; }
                            match parse_typed_number(&raw) {
                                Ok(v) => change(Rc::new(move |p| p.revenue_threshold = Some(v))),
                                Err(e) => problems.set(vec![tr_args("Revenue threshold: {0}.", &[("0", &crate::ui::words::exchange::number_error(&e))])]),
                            }
                        }/>
                </label>
                <label class="field">
                    <span>{move || tr("Lost after months without a purchase")}</span>
                    <input type="number" min="1" max="60" data-testid="setting-lost-months" prop:value=field(|p| p.lost_after_months.to_string())
                        on:change=move |ev| { match event_target_value(&ev).trim().parse::<u32>() {
                            Ok(v) => change(Rc::new(move |p| p.lost_after_months = v)),
                            Err(_) => problems.set(vec![tr("Lost after: a whole number of months.").into()]),
                        } }/>
                </label>
                <label class="field">
                    <span>{move || tr("Currency of the amounts (ISO 4217 code, e.g. EUR; empty: the language's default)")}</span>
                    <input type="text" maxlength="3" autocomplete="off" data-testid="setting-currency" prop:value=field(|p| p.currency.clone().unwrap_or_default())
                        placeholder=move || crate::i18n::lang().default_currency().unwrap_or("")
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().to_ascii_uppercase();
                            if v.is_empty() { change(Rc::new(|p| p.currency = None)); } else { change(Rc::new(move |p| p.currency = Some(v.clone()))); }
                        }/>
                </label>
                <label class="field">
                    <span>{move || tr("KAM champion who drives the programme")}</span>
                    <input type="text" data-testid="setting-champion" prop:value=field(|p| p.champion.clone())
                        on:change=move |ev| { let v = event_target_value(&ev).trim().to_string(); change(Rc::new(move |p| p.champion = v.clone())); }/>
                </label>
            </div>
            <div class="two-col">
                {factors(false)}
                {factors(true)}
            </div>
            <button type="button" class="button" data-testid="programme-reset-factors"
                on:click=move |_| change(Rc::new(|p| { let d = Programme::default(); p.attractiveness = d.attractiveness; p.strength = d.strength; }))>{move || tr("Restore the default factors")}</button>
        </section>
    }
}
