//! One account's plan: qualification, the dossier's sections with their completeness, the
//! relationship map and the portfolio-matrix scores. Every field saves itself.

use crate::i18n::{tr, tr_args};
mod brief;
mod editor;
mod navigation;
mod orgchart;
mod plan;
mod sections;

use kam_core::analysis::{matrix_point, qualify, weighted_score};
use kam_core::model::{Account, Dossier, MatrixAxis, MonthTotal, Programme, Section};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::ui::components::ExportControls;
use crate::ui::format::{money, percent};
use crate::ui::state::use_app;
use crate::ui::words::aftersale as aftersale_words;
use crate::ui::words::choices::{section_needs, Words};
use crate::ui::words::decisions::decision_error;
use crate::ui::words::programme as programme_words;
pub use brief::MeetingBriefPage;
use editor::{Editor, Label};
use navigation::{SectionNav, SectionStepper};
pub use orgchart::OrgChart;
pub use plan::AccountPlanPage;

#[component]
pub fn DossierPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    // A memo: the view below is rebuilt only when the account changes, not on every save
    // (which would take the focus away from the field being typed in).
    let account = Memo::new(move |_| state.workspace.with(|ws| ws.account(&id()).map(|a| a.id.clone())));
    view! {
        <div class="page">
            {move || match account.get() {
                None => view! {
                    <section class="panel">
                        <h1>{move || tr("Account not found")}</h1>
                        <p>{move || tr("There is no account with this address in your workspace. ")}<A href="/key-accounts">{move || tr("Back to the key accounts")}</A>"."</p>
                    </section>
                }.into_any(),
                Some(a) => view! { <DossierView account_id=a/> }.into_any(),
            }}
        </div>
    }
}

fn section_panel(section: Section, dossier: Memo<Dossier>, nav: SectionNav, body: AnyView) -> impl IntoView {
    let missing = move || dossier.with(|d| (!d.section_filled(section)).then(|| section_needs(section)));
    let body_id = format!("sec-{}-body", section.id());
    view! {
        <section class="panel dossier-section" id=format!("sec-{}", section.id()) data-testid=format!("section-{}", section.id())
            aria-labelledby=format!("sec-{}-title", section.id()) hidden=move || !nav.is_shown(section)>
            <div class="section-head">
                <h2 id=format!("sec-{}-title", section.id())>{section.label()}{guide_link(Topic::of_section(section))}</h2>
                {move || match missing() {
                    None => view! { <span class="status met" data-testid="section-state">{move || tr("✓ Filled")}</span> }.into_any(),
                    Some(m) => view! { <span class="status attention" data-testid="section-state">{tr_args("Missing: {m}", &[("m", &m)])}</span> }.into_any(),
                }}
                <button type="button" class="section-toggle" data-testid="section-toggle" aria-controls=body_id.clone()
                    aria-expanded=move || (!nav.is_collapsed(section)).to_string() on:click=move |_| nav.toggle(section)>
                    {move || if nav.is_collapsed(section) { tr("Show") } else { tr("Hide") }}
                    <span class="visually-hidden">" "{section.label()}</span>
                </button>
            </div>
            <div class="section-body" id=body_id hidden=move || nav.is_collapsed(section)>{body}</div>
        </section>
    }
}

#[component]
fn DossierView(account_id: String) -> impl IntoView {
    let state = use_app();
    let aid = account_id.clone();
    let account =
        Memo::new(move |_| state.workspace.with(|ws| ws.account(&aid).cloned().unwrap_or_else(|| Account::new(&aid))));
    let aid = account_id.clone();
    let dossier =
        Memo::new(move |_| state.workspace.with(|ws| ws.dossier(&aid).cloned().unwrap_or_else(|| Dossier::new(&aid))));
    let aid = account_id.clone();
    let row = Memo::new(move |_| state.segmentation.with(|s| s.row(&aid).cloned()));
    let aid = account_id.clone();
    let lines: Memo<Vec<MonthTotal>> =
        Memo::new(move |_| state.workspace.with(|ws| ws.history(&aid).cloned().unwrap_or_default()));
    let show_personal = RwSignal::new(false);
    let nav = SectionNav::new(state.workshop);
    // Entering workshop mode hides personal details; someone must turn them on again on purpose.
    Effect::new(move |_| {
        if state.workshop.get() {
            show_personal.set(false);
        }
    });
    let ed = Editor::new(dossier);
    let manager = Memo::new(move |_| account.with(|a| a.manager.clone()));
    let window_months = Signal::derive(move || state.settings.with(|s| s.window_months));
    let lost_hint = Signal::derive(move || {
        let months = state.workspace.with(|ws| ws.programme.lost_after_months);
        lines
            .with(|ls| kam_core::analysis::rules::lost_since(ls, months, sections::today()))
            .map(|(last, _)| crate::ui::words::reminders::lost_hint(last, months))
    });
    let completeness = move || dossier.with(|d| (d.filled_parts(), d.completeness_pct()));
    let save_account = move |change: Box<dyn FnOnce(&mut Account)>| {
        state.change_account(account.with_untracked(|a| a.id.clone()), change, None)
    };
    // One memo per field (the manager's is above), so that the industry being stored never
    // rewrites the manager's input while it is typed in (and the other way round).
    let industry = Memo::new(move |_| account.with(|a| a.industry.clone()));

    view! {
        <div class="page-head">
            <div>
                <p class="crumbs"><A href="/key-accounts">{move || tr("Key accounts")}</A>" › "</p>
                <h1 data-testid="dossier-title">{move || account.with(|a| a.name.clone())}</h1>
                <p class="subtitle">{move || account.with(|a| {
                    let mut parts = vec![if a.is_key { tr("★ Key account").to_string() } else { tr("Not a key account").to_string() }];
                    if !a.industry.is_empty() { parts.push(a.industry.clone()); }
                    parts.push(if a.manager.is_empty() { tr("no key account manager").into() } else { tr_args("managed by {0}", &[("0", &a.manager)]) });
                    parts.join(" · ")
                })}</p>
            </div>
            <A href=format!("{}/plan", crate::ui::format::dossier_href(&account_id)) attr:class="button" attr:data-testid="open-plan">{move || tr("Account plan (print)")}</A>
            <div class="completeness" data-testid="completeness">
                <span class="card-label">{move || tr("Dossier complete")}</span>
                <span class="card-value">{move || format!("{} %", completeness().1)}</span>
                <span class="card-note">{move || { let ((n, t), _) = completeness(); tr_args("{n} of {t} sections filled", &[("n", &n), ("t", &t)]) }}</span>
                <progress max="100" value=move || completeness().1 aria-label=move || tr("Dossier completeness")></progress>
            </div>
        </div>
        <nav class="section-nav" aria-label=move || tr("Dossier sections") data-testid="section-nav">
            {Section::ALL.iter().copied().map(|s| view! {
                <a href=format!("#sec-{}", s.id()) class:filled=move || dossier.with(|d| d.section_filled(s))
                    aria-current=move || (nav.current.get() == s).then_some("location")
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.go(s);
                    }>
                    <span aria-hidden="true">{move || if dossier.with(|d| d.section_filled(s)) { "✓ " } else { "○ " }}</span>
                    {s.label()}
                    <span class="visually-hidden">{move || if dossier.with(|d| d.section_filled(s)) { tr(" (filled)") } else { tr(" (missing)") }}</span>
                </a>
            }).collect_view()}
        </nav>
        <SectionStepper nav=nav/>
        <AtRisk account_id=account_id.clone() row=row/>
        <div class="cards">
            {move || row.get().map(|r| view! {
                <div class="card"><span class="card-label">{move || tr("Revenue (window)")}</span><span class="card-value">{money(r.revenue)}</span></div>
                <div class="card"><span class="card-label">{move || tr("Profit (window)")}</span><span class="card-value">{r.profit.map_or("—".into(), money)}</span></div>
                <div class="card"><span class="card-label">{move || tr("Share of revenue")}</span><span class="card-value">{percent(r.revenue_share_pct)}</span></div>
                <div class="card"><span class="card-label">{move || tr("Segment")}</span><span class="card-value">{r.code()}</span>
                    <span class="card-note">{r.xyz.err().map(crate::ui::words::segmentation::unclassified_reason).or(r.cv_pct.map(|c| tr_args("CV {c} %", &[("c", &(format!("{:.0}", c)))]))).unwrap_or_default()}</span></div>
            })}
        </div>
        {section_panel(Section::General, dossier, nav, view! {
            {sections::general(ed)}
            <div class="field-grid">
                <label class="field block">
                    <span>{move || tr("Industry")}</span>
                    <input type="text" data-testid="account-industry" prop:value=move || industry.get()
                        on:change=move |ev| { let v = event_target_value(&ev).trim().to_string(); save_account(Box::new(move |a| a.industry = v)); }/>
                </label>
                <label class="field block">
                    <span>{move || tr("Key account manager")}</span>
                    <input type="text" data-testid="account-manager" prop:value=move || manager.get()
                        on:change=move |ev| { let v = event_target_value(&ev).trim().to_string(); save_account(Box::new(move |a| a.manager = v)); }/>
                </label>
            </div>
        }.into_any())}
        {section_panel(Section::Qualification, dossier, nav, view! { <Qualification account=account dossier=dossier row=row ed=ed/> }.into_any())}
        {section_panel(Section::Timeline, dossier, nav, sections::timeline(ed, lines).into_any())}
        {section_panel(Section::People, dossier, nav, view! {
            <div class="table-head">
                <p class="muted small">{move || tr("Everyone who matters in the customer's decision. Personal details are kept apart and left out of exports without personal details.")}</p>
                <label class="check">
                    <input type="checkbox" data-testid="show-personal" prop:checked=move || show_personal.get() on:change=move |ev| show_personal.set(event_target_checked(&ev))/>
                    <span>{move || tr("Show personal details")}</span>
                </label>
            </div>
            <OrgChart dossier=dossier/>
            {sections::people(ed, show_personal)}
        }.into_any())}
        {section_panel(Section::Competitors, dossier, nav, sections::competitors(ed).into_any())}
        {section_panel(Section::Analysis, dossier, nav, sections::analysis(ed).into_any())}
        {section_panel(Section::Strategy, dossier, nav, sections::strategy(ed).into_any())}
        {section_panel(Section::Team, dossier, nav, sections::team(ed, manager.into()).into_any())}
        {section_panel(Section::Plan, dossier, nav, sections::plan(ed).into_any())}
        {section_panel(Section::Metrics, dossier, nav, view! { {sections::metrics(ed, row, window_months)}{sections::targets(ed, lines)}{sections::health_trend_view(ed)} }.into_any())}
        {section_panel(Section::Tenders, dossier, nav, sections::tenders(ed).into_any())}
        {section_panel(Section::AfterSale, dossier, nav, sections::after_sale(ed).into_any())}
        {section_panel(Section::Status, dossier, nav, view! {
            {sections::status(ed, lost_hint)}
            <MatrixScores ed=ed/>
        }.into_any())}
        <section class="panel">
            <h2>{move || tr("Share this account plan")}</h2>
            <ExportControls account=account_id.clone()/>
        </section>
    }
}

/// The "at risk of loss" signal with its reasons, shown only when a reason is found.
#[component]
fn AtRisk(account_id: String, row: Memo<Option<kam_core::analysis::AccountSegment>>) -> impl IntoView {
    let state = use_app();
    let risk = Memo::new(move |_| {
        let today = sections::today();
        state.workspace.with(|ws| row.with(|r| kam_core::analysis::loss_risk(ws, &account_id, r.as_ref(), today)))
    });
    move || {
        risk.with(|r| r.at_risk()).then(|| {
            let reasons = risk.with(|r| r.reasons.iter().map(aftersale_words::risk_reason).collect::<Vec<_>>());
            view! {
                <section class="message warning at-risk" data-testid="at-risk" aria-label=aftersale_words::AT_RISK>
                    <strong>{tr(aftersale_words::AT_RISK)}</strong>{guide_link(Topic::AfterSale)}
                    <ul>{reasons.into_iter().map(|t| view! { <li data-testid="at-risk-reason">{t}</li> }).collect_view()}</ul>
                </section>
            }
        })
    }
}

/// Reasons, criteria, and the promotion/demotion decision with its history.
#[component]
fn Qualification(
    account: Memo<Account>,
    dossier: Memo<Dossier>,
    row: Memo<Option<kam_core::analysis::AccountSegment>>,
    ed: Editor,
) -> impl IntoView {
    let state = use_app();
    let q = Memo::new(move |_| {
        let on_profit = state.segmentation.with(|s| s.flags_on_profit);
        let key_pct = state.settings.with(|s| s.key_size_pct);
        state
            .workspace
            .with(|ws| dossier.with(|d| row.with(|r| qualify(r.as_ref(), Some(d), &ws.programme, key_pct, on_profit))))
    });
    let by = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    let told = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let decide = move |_| {
        let promote = !account.with_untracked(|a| a.is_key);
        let (b, w, t) = (by.get_untracked(), why.get_untracked(), told.get_untracked());
        match state.decide_key(&account.with_untracked(|a| a.id.clone()), promote, [&b, &w, &t]) {
            Ok(()) => {
                error.set(None);
                why.set(String::new());
                told.set(String::new());
            }
            Err(e) => error.set(Some(decision_error(&e))),
        }
    };
    let criteria_text = move || state.workspace.with(|ws| ws.programme.criteria_text.clone());
    view! {
        {sections::reasons(ed)}
        <div class="criteria">
            <h3>{move || tr("Against the programme's criteria")}{guide_link(Topic::Qualification)}</h3>
            {move || { let t = criteria_text(); if t.trim().is_empty() {
                view! { <p class="muted small">{move || tr("The programme has no written criteria yet. ")}<A href="/settings">{move || tr("Write them in Settings")}</A>{move || tr(": an account is not key because of a long history.")}</p> }.into_any()
            } else {
                view! { <blockquote class="criteria-text">{t}</blockquote> }.into_any()
            } }}
            <ul class="checklist" data-testid="criteria-checks">
                {move || q.get().checks.into_iter().map(|c| view! {
                    <li class:met=c.met><span aria-hidden="true">{if c.met { "✓" } else { "✗" }}</span>
                        <span class="visually-hidden">{if c.met { tr("Met: ") } else { tr("Not met: ") }}</span>
                        <strong>{programme_words::criterion_label(&c.criterion)}</strong>" — "{programme_words::criterion_detail(&c.criterion)}</li>
                }).collect_view()}
            </ul>
            <p data-testid="criteria-verdict" class=move || if q.get().meets { "message success" } else { "message warning" }>
                {move || if q.get().meets { tr("Meets the criteria for a key account.") } else { tr("Does not meet the criteria (yet): give a justified reason or check the figures.") }}
            </p>
        </div>
        <div class="decision">
            <h3>{move || if account.with(|a| a.is_key) { tr("Demote from key status") } else { tr("Promote to key account") }}</h3>
            <div class="field-grid">
                <label class="field block"><span>{move || tr("Decided by")}</span>
                    <input type="text" data-testid="decision-by" prop:value=move || by.get() on:input=move |ev| by.set(event_target_value(&ev))/></label>
                <label class="field block"><span>{move || tr("Why")}</span>
                    <input type="text" data-testid="decision-why" prop:value=move || why.get() on:input=move |ev| why.set(event_target_value(&ev))/></label>
                <Show when=move || account.with(|a| a.is_key)>
                    <label class="field block span-all"><span>{move || tr("How the customer will be told (who tells whom, and how)")}</span>
                        <input type="text" data-testid="decision-told" prop:value=move || told.get() on:input=move |ev| told.set(event_target_value(&ev))/></label>
                </Show>
            </div>
            <Show when=move || account.with(|a| a.is_key)>
                <p class="muted small">{move || tr("A demotion costs the relationship: it is better to add an account later than to demote one. Say how the customer hears of it before it happens.")}</p>
            </Show>
            <button type="button" class="button primary" data-testid="decide-key" on:click=decide>
                {move || if account.with(|a| a.is_key) { tr("Demote") } else { tr("★ Promote to key account") }}
            </button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="decision-error">{e}</p> })}
            {move || {
                let decisions = dossier.with(|d| d.decisions.clone());
                (!decisions.is_empty()).then(|| view! {
                    <h4>{move || tr("History of decisions")}</h4>
                    <ol class="decisions" data-testid="decision-history">
                        {decisions.into_iter().rev().map(|d| view! {
                            <li data-testid="decision-row"><strong>{d.date.to_string()}</strong>" · "{if d.promoted { tr("promoted to key") } else { tr("demoted") }}{tr(" by ")}{d.by}": "{d.why}
                                {(!d.customer_told.is_empty()).then(|| view! { <br/><span class="muted">{tr_args("The customer is told: {how}", &[("how", &d.customer_told)])}</span> })}</li>
                        }).collect_view()}
                    </ol>
                })
            }}
        </div>
    }
}

/// Attractiveness and relative-strength scores for the portfolio matrix.
#[component]
fn MatrixScores(ed: Editor) -> impl IntoView {
    let state = use_app();
    let programme = Memo::new(move |_| state.workspace.with(|ws| ws.programme.clone()));
    let point = move || ed.dossier.with(|d| programme.with(|p| matrix_point(d, p)));
    // The programme reduced to its factors: only they rebuild the score fields, not any change to
    // the programme (criteria stored by another tab must not replace a score being typed). A
    // `Programme`, not a list of its own, to add no code to the download.
    let factors = Memo::new(move |_| {
        programme.with(|p| Programme {
            strength: p.strength.clone(),
            attractiveness: p.attractiveness.clone(),
            ..Default::default()
        })
    });
    let axis = move |title: &'static str, axis: MatrixAxis| {
        view! {
            <fieldset class="scores">
                <legend>{title}{move || {
                    let s = ed.dossier.with(|d| programme.with(|p| weighted_score(p.factors(axis), d.factor_scores(axis))));
                    s.map(|s| tr_args(" — {score} of 10", &[("score", &crate::i18n::fmt::number(s, 1))])).unwrap_or_default()
                }}</legend>
                {move || factors.with(|p| p.factors(axis).to_vec()).into_iter().enumerate().map(|(i, f)| {
                    // Scores are kept under the factor's key, whatever name it is shown under.
                    let name = f.score_key().to_string();
                    let name2 = name.clone();
                    let label = tr_args("{factor} (weight {weight})", &[("factor", &programme_words::factor_name(&f)), ("weight", &editor::format_number(f.weight))]);
                    ed.number(Label::Owned(label),
                        format!("{}-score-{i}", if axis == MatrixAxis::Strength { "strength" } else { "attractiveness" }),
                        (move |d: &Dossier| d.factor_score(axis, &name).map(f64::from),
                         move |d: &mut Dossier, v: Option<f64>| d.set_factor_score(axis, &name2, v)),
                        (0.0, f64::from(kam_core::model::FACTOR_SCORE_MAX)))
                }).collect_view()}
            </fieldset>
        }
    };
    view! {
        <h3>{move || tr("Position on the key-account portfolio matrix")}{guide_link(Topic::PortfolioMatrix)}</h3>
        <p class="muted small">{move || tr("Score each factor from 0 (poor) to 10 (excellent). Factors and weights are set in Settings.")}</p>
        <div class="two-col">
            {axis(tr("Customer attractiveness"), MatrixAxis::Attractiveness)}
            {axis(tr("Our relative strength"), MatrixAxis::Strength)}
        </div>
        <p data-testid="matrix-quadrant" class="small">{move || match point() {
            Some(p) => tr_args("{0} — attractiveness {1}, strength {2}. {3}", &[("0", &(programme_words::quadrant_label(p.quadrant))), ("1", &(format!("{:.1}", p.attractiveness))), ("2", &(format!("{:.1}", p.strength))), ("3", &(programme_words::quadrant_advice(p.quadrant)))]),
            None => tr("Score at least one factor on each axis to place the account.").into(),
        }}</p>
    }
}
