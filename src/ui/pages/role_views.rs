//! The key accounts page's views per role (docs/model.md section 7.1): the switch, *My accounts*'
//! manager choice and summary, the executive sponsors' groups and the head of key accounts'
//! table. The core groups and counts (`kam_core::analysis::roles`); this renders.

use kam_core::analysis::manager_load;
use kam_core::analysis::roles::{manager_summaries, manager_summary, sponsor_groups, RoleView};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::i18n::tr;
use crate::store::Prefs;
use crate::ui::format::dossier_href;
use crate::ui::state::use_app;
use crate::ui::words::roles as words;

/// The page's address for a view: its query string is the view, so a view is a link that a
/// workshop can switch to, bookmark or send.
pub fn view_href(view: &RoleView) -> String {
    match view {
        RoleView::All => "/key-accounts".into(),
        RoleView::Manager(m) => format!("/key-accounts?view=manager&manager={}", js_sys::encode_uri_component(m)),
        v => format!("/key-accounts?view={}", v.id()),
    }
}

/// The key account managers by name, as the core counts them.
fn managers() -> Vec<String> {
    use_app().workspace.with(|ws| manager_load(ws).into_keys().collect())
}

/// *My accounts* opens on the manager last chosen on this device, else the first by name.
fn my_view() -> RoleView {
    let all = managers();
    let remembered = Prefs::load().my_manager.filter(|m| all.contains(m));
    RoleView::Manager(remembered.or_else(|| all.into_iter().next()).unwrap_or_default())
}

/// The switch between the four views: links, the current one marked for assistive technology.
#[component]
pub fn RoleSwitch(view: Memo<RoleView>) -> impl IntoView {
    let tab = move |target: fn() -> RoleView, testid: &'static str| {
        let current = move || view.with(|v| v.id() == target().id()).then_some("page");
        view! {
            <a class="role-tab" href=move || view_href(&target()) data-testid=testid aria-current=current>
                {move || words::view_name(&target())}
            </a>
        }
    };
    view! {
        <nav class="role-switch" aria-label=words::views_label data-testid="role-views">
            {tab(|| RoleView::All, "role-view-all")}
            {tab(my_view, "role-view-mine")}
            {tab(|| RoleView::Sponsors, "role-view-sponsors")}
            {tab(|| RoleView::Head, "role-view-head")}
        </nav>
        <p class="muted small" data-testid="role-view-note">{move || view.with(words::view_note)}</p>
    }
}

/// *My accounts*' choice of manager and the manager's figures; the table below it is the
/// programme's, filtered by the view.
#[component]
pub fn ManagerSummary(manager: String) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let all = managers();
    if all.is_empty() {
        return view! { <p class="panel" data-testid="no-managers">{words::no_managers}</p> }.into_any();
    }
    let choose = move |ev: leptos::ev::Event| {
        let m = event_target_value(&ev);
        let mut prefs = Prefs::load();
        prefs.my_manager = Some(m.clone());
        prefs.save();
        navigate(&view_href(&RoleView::Manager(m)), Default::default());
    };
    let chosen = manager.clone();
    let summary = move || {
        let today = chrono::Local::now().date_naive();
        state.workspace.with(|ws| state.segmentation.with(|seg| manager_summary(ws, seg, today, &chosen)))
    };
    view! {
        <div class="manager-pick">
            <label>{words::manager_label}" "
                <select data-testid="my-manager" on:change=choose>
                    {all.into_iter().map(|m| {
                        let selected = m == manager;
                        let value = m.clone();
                        view! { <option value=value selected=selected>{m}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        {move || match summary() {
            None => view! { <p class="panel" data-testid="no-accounts-of">{words::no_accounts_of(&manager)}</p> }.into_any(),
            Some(s) => view! {
                <section class="cards compact" data-testid="manager-summary">
                    <div class="card"><span class="card-label">{tr(words::KEY_ACCOUNTS)}</span><span class="card-value" data-testid="manager-key-accounts">{s.key_accounts}</span></div>
                    <div class="card"><span class="card-label">{tr(words::HEALTH_MEAN)}</span><span class=format!("card-value score {}", s.health_band.id()) data-testid="manager-health">{s.health_mean}</span>
                        <span class="card-note">{tr(words::LOWEST_HEALTH)}": "{words::lowest(s.health_lowest.0, &s.health_lowest.1)}</span></div>
                    <div class="card"><span class="card-label">{tr(words::DOSSIER)}</span><span class="card-value">{format!("{} %", s.completeness_pct)}</span></div>
                    <div class="card"><span class="card-label">{tr(words::OVERDUE)}</span><span class="card-value" data-testid="manager-overdue">{s.overdue}</span>
                        <span class="card-note"><A href="/reminders">{tr("Reminders")}</A></span></div>
                </section>
            }.into_any(),
        }}
    }
    .into_any()
}

/// The key accounts by executive sponsor, with their last and next meeting.
#[component]
pub fn SponsorsView() -> impl IntoView {
    let state = use_app();
    let groups = move || {
        let today = chrono::Local::now().date_naive();
        state.workspace.with(|ws| sponsor_groups(ws, today))
    };
    view! {
        {move || groups().into_iter().map(|g| view! {
            <section class="panel" data-testid="sponsor-group">
                <h2>{words::sponsor_heading(&g.sponsor)}</h2>
                <div class="table-scroll">
                    <table class="accounts compact">
                        <thead><tr>
                            <th scope="col">{tr(words::ACCOUNT)}</th><th scope="col">{tr(words::LAST_MEETING)}</th><th scope="col">{tr(words::NEXT_MEETING)}</th>
                        </tr></thead>
                        <tbody>
                            {g.accounts.into_iter().map(|r| view! {
                                <tr data-testid="sponsor-account">
                                    <th scope="row"><A href=dossier_href(&r.account_id)>{r.account_name}</A></th>
                                    <td data-testid="last-meeting">{words::last_meeting(r.last_meeting)}</td>
                                    <td data-testid="next-meeting">{words::next_meeting(&r.next_meeting)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }).collect_view()}
    }
}

/// The head of key accounts' table: a line per manager. One reactive closure renders it whole,
/// words included, which is less code in every visitor's download than a closure per cell.
#[component]
pub fn HeadView() -> impl IntoView {
    let state = use_app();
    let table = move || {
        let today = chrono::Local::now().date_naive();
        let rows = state.workspace.with(|ws| state.segmentation.with(|seg| manager_summaries(ws, seg, today)));
        view! {
            <table class="accounts" data-testid="managers-table">
                <thead><tr>
                    <th scope="col">{tr(words::MANAGER)}</th><th scope="col">{tr(words::KEY_ACCOUNTS)}</th>
                    <th scope="col">{tr(words::HEALTH_MEAN)}</th><th scope="col">{tr(words::LOWEST_HEALTH)}</th>
                    <th scope="col">{tr(words::AT_RISK)}</th><th scope="col">{tr(words::DOSSIER)}</th>
                    <th scope="col">{tr(words::SKILLS)}</th><th scope="col">{tr(words::OVERDUE)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|s| {
                        let name = if s.manager.is_empty() {
                            view! { <span class="muted">{words::manager_name(&s.manager)}</span> }.into_any()
                        } else {
                            let href = view_href(&RoleView::Manager(s.manager.clone()));
                            view! { <A href=href>{s.manager.clone()}</A> }.into_any()
                        };
                        view! {
                            <tr data-testid="manager-row">
                                <th scope="row">{name}</th>
                                <td class="num" data-testid="manager-key-accounts">{s.key_accounts}</td>
                                <td class="num"><span class=format!("score {}", s.health_band.id()) data-testid="manager-health">{s.health_mean}</span></td>
                                <td>{words::lowest(s.health_lowest.0, &s.health_lowest.1)}</td>
                                <td class="num" data-testid="manager-at-risk">{s.at_risk}</td>
                                <td class="num">{format!("{} %", s.completeness_pct)}</td>
                                <td data-testid="manager-skills">{words::skills_mean(s.skills_mean)}</td>
                                <td class="num" data-testid="manager-overdue">{s.overdue}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! { <section class="panel"><div class="table-scroll">{table}</div></section> }
}
