//! The programme dashboard: the seven steps with evidence, the key accounts' share against
//! the healthy range, managers and their load, account health and knowledge risk (explained),
//! and the key account managers' skills self-assessment.

use crate::i18n::{tr, tr_args};
use kam_core::analysis::{
    key_accounts_health, key_share_range, knowledge_concentration, manager_load, manager_load_range, skill_managers,
    CheckStatus,
};
use kam_core::model::{new_item_id, DevelopmentGoal, Skill, SkillAssessment};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;
use leptos_router::components::A;
use std::rc::Rc;

use crate::ui::components::{DemoButton, EmptyState};
use crate::ui::format::percent;
use crate::ui::state::use_app;
use crate::ui::words::choices::Words;
use crate::ui::words::health as health_words;
use crate::ui::words::programme as words;

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let state = use_app();
    let checks = state.programme_checks();
    view! {
        <div class="page">
            <div class="page-head">
                <h1>{move || tr("Programme")}</h1>
                <A href="/report" attr:class="button" attr:data-testid="open-report">{move || tr("Portfolio report (print)")}</A>
            </div>
            <Show when=move || state.workspace.with(|ws| !ws.is_empty()) fallback=|| view! {
                <EmptyState title=tr("The KAM programme at a glance")>
                    <p>{move || tr("Here you will see the seven steps of a key account programme checked against your data: executive sponsors, the number of key accounts, managers' load, the right measures, and accounts to add or retire. Import your portfolio or load the demo to begin.")}</p>
                    <DemoButton/>
                </EmptyState>
            }>
                <ShareCards/>
                <ol class="steps" data-testid="programme-steps">
                    {move || checks.get().into_iter().map(|c| {
                        let class = match c.status {
                            CheckStatus::Met => "status met",
                            CheckStatus::Attention => "status attention",
                            CheckStatus::Discuss => "status discuss",
                        };
                        view! {
                            <li class="step" data-testid="programme-step">
                                <span class="step-number" aria-hidden="true">{c.step}</span>
                                <div>
                                    <h2>{words::step_heading(&c)}{guide_link(Topic::of_step(c.step))}</h2>
                                    <p>{words::step_evidence(&c.fact)}</p>
                                </div>
                                <span class=class>{words::check_status(c.status)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <HealthTable/>
                <Concentration/>
                <section class="panel">
                    <h2>{move || tr("Key account managers")}{guide_link(Topic::ManagerLoad)}</h2>
                    {move || {
                        let load = state.workspace.with(manager_load);
                        if load.is_empty() {
                            view! { <p class="muted">{move || tr("No key account has a manager yet.")}</p> }.into_any()
                        } else {
                            view! {
                                <table class="accounts compact" data-testid="manager-load">
                                    <thead><tr><th scope="col">{move || tr("Manager")}</th><th scope="col">{move || tr("Key accounts")}</th><th scope="col">{move || tr("Load")}</th></tr></thead>
                                    <tbody>{load.into_iter().map(|(m, n)| view! {
                                        <tr><th scope="row">{m}</th><td class="num">{n}</td><td>{words::manager_load_note(manager_load_range(n))}</td></tr>
                                    }).collect_view()}</tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                </section>
                <Skills/>
            </Show>
        </div>
    }
}

#[component]
fn ShareCards() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="cards">
            {move || state.segmentation.with(|s| {
                let c = &s.concentration;
                let note = move |v: Option<f64>| words::healthy_range_note(state.settings.with(|s| v.map(|v| key_share_range(v, s))));
                view! {
                    <div class="card"><span class="card-label">{move || tr("Key accounts")}</span><span class="card-value">{c.key_count}</span><span class="card-note">{words::usual_key_account_range()}</span></div>
                    <div class="card"><span class="card-label">{move || tr("Their share of revenue")}</span><span class="card-value" data-testid="programme-revenue-share">{percent(c.key_revenue_pct)}</span><span class="card-note">{note(Some(c.key_revenue_pct))}</span></div>
                    <div class="card"><span class="card-label">{move || tr("Their share of profit")}</span><span class="card-value">{c.key_profit_pct.map_or("—".into(), percent)}</span><span class="card-note">{note(c.key_profit_pct)}</span></div>
                }
            })}
        </section>
    }
}

/// Health per key account: the score and every reason that lowers it, with what to do.
#[component]
fn HealthTable() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        let today = chrono::Local::now().date_naive();
        state.workspace.with(|ws| key_accounts_health(ws, today))
    });
    view! {
        <section class="panel">
            <h2>{move || tr("Account health and knowledge risk")}{guide_link(Topic::Health)}</h2>
            <p class="muted small">{move || tr("Each key account starts at 100; every point lost is explained below with what to do. Lowest first.")}</p>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="muted">{move || tr("No key accounts yet.")}</p> }.into_any();
                }
                view! {
                    <div class="health-list" data-testid="health-table">
                        {rows.into_iter().map(|row| {
                            let (id, name, h) = (row.account_id, row.account_name, row.health);
                            view! {
                                <details class="health" data-testid="health-row">
                                    <summary>
                                        <span class=format!("score {}", h.band().id()) data-testid="health-score">{h.score}</span>
                                        <strong>{name.clone()}</strong>
                                        <span class="muted small">{health_words::findings_count(h.findings.len())}</span>
                                    </summary>
                                    <ul class="findings">
                                        {h.findings.into_iter().map(|f| view! {
                                            <li data-testid="finding"><span class="points">{format!("−{}", f.points_lost)}</span>
                                                <div><strong>{health_words::rule_label(f.rule)}</strong>": "{health_words::reason(&f)}<br/><span class="todo">{move || tr("What to do: ")}{health_words::what_to_do(&f)}</span></div></li>
                                        }).collect_view()}
                                    </ul>
                                    <A href=crate::ui::format::dossier_href(&id)>{tr_args("Open the dossier of {name}", &[("name", &name)])}</A>
                                </details>
                            }
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Concentration() -> impl IntoView {
    let state = use_app();
    let items = Memo::new(move |_| state.workspace.with(knowledge_concentration));
    view! {
        <section class="panel">
            <h2>{move || tr("Knowledge in single heads")}{guide_link(Topic::Knowledge)}</h2>
            {move || {
                let items = items.get();
                if items.is_empty() {
                    return view! { <p class="muted" data-testid="concentration-none">{move || tr("Every key contact is known to more than one of us.")}</p> }.into_any();
                }
                view! {
                    <ul class="concentration" data-testid="concentration">
                        {items.into_iter().map(|c| view! {
                            <li data-testid="concentration-item"><strong>{health_words::concentration_reason(&c)}</strong><br/><span class="todo">{health_words::concentration_what_to_do(&c)}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The key account manager profile as a self-assessment (1–5 per skill), with a radar chart.
#[component]
fn Skills() -> impl IntoView {
    let state = use_app();
    let managers = Memo::new(move |_| state.workspace.with(skill_managers));
    // The form is drawn again only when the first manager appears (or the last goes), not when
    // the list changes: that would replace the notes while they are typed.
    let no_managers = Memo::new(move |_| managers.with(Vec::is_empty));
    let selected = RwSignal::new(String::new());
    Effect::new(move |_| {
        let m = managers.get();
        if selected.with_untracked(|s| s.is_empty() || !m.contains(s)) {
            selected.set(m.first().cloned().unwrap_or_default());
        }
    });
    let assessment = Memo::new(move |_| {
        let who = selected.get();
        state.workspace.with(|ws| ws.programme.assessment(&who))
    });
    // Its own memo: a score being stored must not rewrite the notes while they are typed.
    let notes = Memo::new(move |_| assessment.with(|a| a.notes.clone()));
    let error = RwSignal::new(None::<String>);
    // The change is applied to the stored assessment inside the programme's transaction, so two
    // quick answers (two selects in a row) both count.
    let save = move |change: Rc<dyn Fn(&mut SkillAssessment)>| {
        let who = assessment.with_untracked(|a| a.manager.clone());
        if who.trim().is_empty() {
            return;
        }
        let result = state.change_programme(Rc::new(move |p| p.change_assessment(&who, |a| change(a))));
        error.set(result.err().map(|e| words::programme_problems(&e).join(" ")));
    };
    view! {
        <section class="panel" id="skills">
            <h2>{move || tr("Key account manager skills")}{guide_link(Topic::Skills)}</h2>
            <p class="muted small">{move || tr("A self-assessment against the profile: 1 = just starting, 5 = could teach it. The best salespeople are often not the best key account managers; this shows where to train.")}</p>
            {move || if no_managers.get() {
                view! { <p class="muted">{move || tr("Give a key account a manager first (in its dossier).")}</p> }.into_any()
            } else {
                view! {
                    <label class="field inline">
                        <span>{move || tr("Manager")}</span>
                        <select data-testid="skills-manager" prop:value=move || selected.get() on:change=move |ev| selected.set(event_target_value(&ev))>
                            {move || managers.get().into_iter().map(|m| { let (m2, m3) = (m.clone(), m.clone()); view! { <option value=m3 selected=move || selected.get() == m2>{m}</option> } }).collect_view()}
                        </select>
                    </label>
                    <div class="skills">
                        <table class="accounts compact">
                            <thead><tr><th scope="col">{move || tr("Skill")}</th><th scope="col">{move || tr("Score")}</th></tr></thead>
                            <tbody>
                                {Skill::ALL.iter().enumerate().map(|(i, skill)| view! {
                                    <tr><th scope="row"><label for=format!("skill-{i}")>{format!("{}. {}", i + 1, skill.label())}</label></th>
                                        <td><select id=format!("skill-{i}") data-testid=format!("skill-{i}")
                                            prop:value=move || assessment.with(|a| a.scores.get(i).copied().flatten().map(|v| v.to_string()).unwrap_or_default())
                                            on:change=move |ev| { let v: Option<u8> = event_target_value(&ev).parse().ok(); save(Rc::new(move |a| a.scores[i] = v)); }>
                                            <option value="">{move || tr("Not assessed")}</option>
                                            {(1..=5u8).map(|v| view! { <option value=v.to_string() selected=move || assessment.with(|a| a.scores.get(i).copied().flatten() == Some(v))>{v}</option> }).collect_view()}
                                        </select></td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <SkillsChart scores=Signal::derive(move || assessment.with(|a| a.scores.clone()))/>
                    </div>
                    <label class="field block">
                        <span>{move || tr("Development notes")}</span>
                        <textarea rows="3" data-testid="skills-notes" prop:value=move || notes.get()
                            on:change=move |ev| { let v = event_target_value(&ev); save(Rc::new(move |a| a.notes = v.clone())); }></textarea>
                    </label>
                    {development_plan(assessment, save)}
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                }.into_any()
            }}
        </section>
    }
}

/// A manager's development plan: goals with their training and due dates, which reach the
/// reminders and the annual calendar (`kam_core::analysis::reminders`, `annual_calendar`). Rows
/// read their fields by index and store on change, so typing is never replaced.
fn development_plan(
    assessment: Memo<SkillAssessment>,
    save: impl Fn(Rc<dyn Fn(&mut SkillAssessment)>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let count = Memo::new(move |_| assessment.with(|a| a.plans.len()));
    // A memo per field: storing another field does not write this one's value again while it is
    // being typed.
    let field = move |i: usize, get: fn(&DevelopmentGoal) -> String| {
        let value = Memo::new(move |_| assessment.with(|a| a.plans.get(i).map(get).unwrap_or_default()));
        move || value.get()
    };
    let label =
        |column: &'static str, i: usize| tr_args("{column}, row {row}", &[("column", &tr(column)), ("row", &(i + 1))]);
    let edit = move |i: usize, change: Rc<dyn Fn(&mut DevelopmentGoal)>| {
        save(Rc::new(move |a| {
            if let Some(g) = a.plans.get_mut(i) {
                change(g);
            }
        }))
    };
    view! {
        <h3>{move || tr("Development plan")}</h3>
        <p class="muted small">{move || tr("Goals to work on, with the training and a due date: open goals come up in the reminders and the annual calendar.")}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr("Development plan")>
            <table class="edit-table">
                <thead><tr>
                    <th scope="col">{move || tr("Goal")}</th><th scope="col">{move || tr("Training")}</th><th scope="col">{move || tr("Due")}</th><th scope="col">{move || tr("Done")}</th>
                    <th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th>
                </tr></thead>
                <tbody>
                    {move || (0..count.get()).map(|i| view! {
                        <tr data-testid="plan-row">
                            <td class="grow"><input type="text" data-testid=format!("plan-goal-{i}") aria-label=label(tr("Goal"), i) prop:value=field(i, |g| g.goal.clone())
                                on:change=move |ev| { let v = event_target_value(&ev); edit(i, Rc::new(move |g| g.goal = v.clone())); }/></td>
                            <td class="grow"><input type="text" data-testid=format!("plan-training-{i}") aria-label=label(tr("Training"), i) prop:value=field(i, |g| g.training.clone())
                                on:change=move |ev| { let v = event_target_value(&ev); edit(i, Rc::new(move |g| g.training = v.clone())); }/></td>
                            <td><input type="date" data-testid=format!("plan-due-{i}") aria-label=label(tr("Due"), i) prop:value=field(i, |g| g.due.map(|d| d.to_string()).unwrap_or_default())
                                on:change=move |ev| { let v = event_target_value(&ev).parse().ok(); edit(i, Rc::new(move |g| g.due = v)); }/></td>
                            <td><input type="checkbox" data-testid=format!("plan-done-{i}") aria-label=label(tr("Done"), i) prop:checked=move || assessment.with(|a| a.plans.get(i).is_some_and(|g| g.done))
                                on:change=move |ev| { let v = event_target_checked(&ev); edit(i, Rc::new(move |g| g.done = v)); }/></td>
                            <td><button type="button" class="icon-button" data-testid=format!("remove-plan-{i}") aria-label=tr_args("Remove {what}", &[("what", &tr("the goal"))]) title=tr_args("Remove {what}", &[("what", &tr("the goal"))])
                                on:click=move |_| save(Rc::new(move |a| { if i < a.plans.len() { a.plans.remove(i); } }))>"✕"</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <button type="button" class="button small" data-testid="plan-add" on:click=move |_| save(Rc::new(|a| {
            let entropy = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64 ^ (js_sys::Date::now() as u64);
            let id = new_item_id(a.plans.iter().map(|g| g.id.as_str()), entropy);
            a.plans.push(DevelopmentGoal { id, ..Default::default() });
        }))>{move || tr("Add goal")}</button>
    }
}

/// A radar chart of the seven skills (1–5), drawn as SVG so it prints sharply.
#[component]
fn SkillsChart(scores: Signal<Vec<Option<u8>>>) -> impl IntoView {
    const C: f64 = 160.0;
    const R: f64 = 110.0;
    let n = Skill::ALL.len();
    let point = move |i: usize, v: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64;
        (C + R * v / 5.0 * angle.cos(), C + R * v / 5.0 * angle.sin())
    };
    let ring = move |v: f64| {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, v);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    view! {
        <svg class="skills-chart" data-testid="skills-chart" viewBox="0 0 320 320" role="img"
            aria-label=move || tr_args("Skills: {0}", &[("0", &(Skill::ALL.iter().zip(scores.get()).map(|(s, v)| format!("{} {}", s.label(), v.map_or(tr("not assessed").to_string(), |v| v.to_string()))).collect::<Vec<_>>().join(", ")))])>
            {(1..=5).map(|v| view! { <polygon points=ring(f64::from(v)) class="ring"/> }).collect_view()}
            {(0..n).map(|i| { let (x, y) = point(i, 5.0); let (lx, ly) = point(i, 5.9); view! {
                <line x1=C y1=C x2=format!("{x:.1}") y2=format!("{y:.1}") class="spoke"/>
                <text x=format!("{lx:.1}") y=format!("{ly:.1}") text-anchor="middle" class="skill-label">{(i + 1).to_string()}</text>
            } }).collect_view()}
            <polygon data-testid="skills-shape" class="shape" points=move || {
                let s = scores.get();
                (0..n).map(|i| { let (x, y) = point(i, f64::from(s.get(i).copied().flatten().unwrap_or(0))); format!("{x:.1},{y:.1}") }).collect::<Vec<_>>().join(" ")
            }/>
        </svg>
    }
}
