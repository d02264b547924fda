//! The segmentation's movement between the window before and the current one: per pair of
//! ABC–XYZ cells, how many accounts went from one to the other, rose or fell, and which accounts
//! are new or gone. The previous window is segmented only while the panel is open: a large
//! portfolio pays for the second segmentation only when someone looks.

use kam_core::analysis::movement::{movement, previous_window_settings, Cell};
use kam_core::analysis::segment_workspace;
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;

use crate::i18n::tr;
use crate::ui::state::use_app;
use crate::ui::words::aftersale::{self as words, movement as w};
use crate::ui::words::segmentation as segmentation_words;

#[component]
pub fn MovementPanel() -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(false);
    // (previous window's label, current window's label, movement); `None` while closed or
    // without order history.
    let compared = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        // The current segmentation (read below) changes with the orders and the settings.
        let settings = state.settings.get();
        let before = state.workspace.with_untracked(|ws| {
            previous_window_settings(&settings, ws.latest_order_date()).map(|p| segment_workspace(ws, &p))
        })?;
        state.segmentation.with(|after| {
            let labels = (
                segmentation_words::window_label(before.window_label.as_deref()),
                segmentation_words::window_label(after.window_label.as_deref()),
            );
            Some((labels, movement(&before, after)))
        })
    });
    view! {
        <details class="panel movement" data-testid="movement" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|d| d.has_attribute("open"));
            open.set(is_open);
        }>
            <summary data-testid="movement-toggle">{move || tr(w::SHOW)}</summary>
            <h2>{move || tr(w::TITLE)}{guide_link(Topic::Movement)}</h2>
            <p class="muted small">{move || tr(w::HINT)}</p>
            {move || match compared.get() {
                None => view! { <p class="muted">{move || tr(w::NO_HISTORY)}</p> }.into_any(),
                Some(((before, after), m)) => {
                    let rows = m.rows();
                    view! {
                        <p data-testid="movement-windows"><strong>{words::movement_windows(&before, &after)}</strong></p>
                        <p data-testid="movement-summary">{words::movement_summary(&m)}</p>
                        <div class="table-scroll"><table class="movement-table" data-testid="movement-table">
                            <thead><tr>
                                <th scope="col">{move || tr(w::FROM)}</th><th scope="col">{move || tr(w::TO)}</th>
                                <th scope="col" class="num">{move || tr(w::ACCOUNTS)}</th><th scope="col">{move || tr(w::WHO)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let (dir, class) = words::direction(r.direction);
                                    let names: Vec<&str> = r.accounts.iter().map(|a| &**a).collect();
                                    let code = |c: Option<Cell>| c.map(|c| c.code()).unwrap_or_default();
                                    view! {
                                        <tr data-testid="movement-row" class=class data-from=code(r.from) data-to=code(r.to)>
                                            <th scope="row">{words::cell(r.from)}</th>
                                            <td>{words::cell(r.to)}" "<span class="small">{dir}</span></td>
                                            <td class="num" data-testid="movement-count">{r.count}</td>
                                            <td class="small">{words::account_names(&names, 5)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table></div>
                        {(m.moves.is_empty()).then(|| view! { <p class="muted small">{move || tr(w::NO_MOVES)}</p> })}
                    }.into_any()
                }
            }}
        </details>
    }
}
