use kam_core::analysis::{manager_load, programme_checks, CheckStatus};
use leptos::prelude::*;

use crate::ui::components::{DemoButton, EmptyState};
use crate::ui::state::use_app;

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let state = use_app();
    let checks = Memo::new(move |_| state.segmentation.with(|s| state.workspace.with(|ws| programme_checks(ws, s))));
    view! {
        <div class="page">
            <div class="page-head"><h1>"Programme"</h1></div>
            <Show when=move || state.workspace.with(|ws| !ws.is_empty()) fallback=|| view! {
                <EmptyState title="The KAM programme at a glance">
                    <p>"Here you will see the seven steps of a key account programme checked against your data: executive sponsors, the number of key accounts, managers' load, the right measures, and accounts to add or retire. Import your portfolio or load the demo to begin."</p>
                    <DemoButton/>
                </EmptyState>
            }>
                <ol class="steps" data-testid="programme-steps">
                    {move || checks.get().into_iter().map(|c| {
                        let (class, word) = match c.status {
                            CheckStatus::Met => ("status met", "Met"),
                            CheckStatus::Attention => ("status attention", "Needs attention"),
                            CheckStatus::Discuss => ("status discuss", "Discuss"),
                        };
                        view! {
                            <li class="step" data-testid="programme-step">
                                <span class="step-number" aria-hidden="true">{c.step}</span>
                                <div>
                                    <h2>{format!("Step {}: {}", c.step, c.title)}</h2>
                                    <p>{c.evidence}</p>
                                </div>
                                <span class=class>{word}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <section class="panel">
                    <h2>"Key account managers"</h2>
                    {move || {
                        let load = state.workspace.with(manager_load);
                        if load.is_empty() {
                            view! { <p class="muted">"No key account has a manager yet."</p> }.into_any()
                        } else {
                            view! {
                                <table class="accounts compact">
                                    <thead><tr><th scope="col">"Manager"</th><th scope="col">"Key accounts"</th><th scope="col">"Load"</th></tr></thead>
                                    <tbody>{load.into_iter().map(|(m, n)| view! {
                                        <tr><th scope="row">{m}</th><td class="num">{n}</td><td>{if n > 3 { "over the 1–3 rule" } else { "within 1–3" }}</td></tr>
                                    }).collect_view()}</tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                </section>
            </Show>
        </div>
    }
}
