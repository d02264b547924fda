use crate::i18n::{tr, tr_args};
use kam_core::analysis::rules::segment_code;
use kam_core::analysis::{cell_role, AbcClass, CellRole, XyzClass};
use leptos::prelude::*;

use crate::ui::format::money;
use crate::ui::state::use_app;

/// A cell of the ABC–XYZ matrix chosen as table filter: the ABC class, and the XYZ class or
/// `None` for the unclassified accounts of that ABC class.
pub type MatrixFilter = Option<(AbcClass, Option<XyzClass>)>;

/// A cell role's colour tone (a CSS class).
fn tone(role: CellRole) -> &'static str {
    match role {
        CellRole::Protect => "core",
        CellRole::Stabilise => "stabilise",
        CellRole::RarelyWorthKam => "low",
        CellRole::NotEnoughHistory => "unknown",
        CellRole::Efficient => "efficient",
    }
}

/// The 3×3 ABC–XYZ matrix with counts and value per cell; a click filters the table.
#[component]
pub fn Matrix(filter: RwSignal<MatrixFilter>) -> impl IntoView {
    let state = use_app();
    let cell = move |abc: AbcClass, xyz: Option<XyzClass>| {
        let data = move || {
            state.segmentation.with(|s| match xyz {
                Some(x) => s.matrix[abc as usize][x as usize],
                None => s.unclassified[abc as usize],
            })
        };
        let label = segment_code(abc, xyz);
        let selected = move || filter.get() == Some((abc, xyz));
        let role = cell_role(abc, xyz);
        let (advice_text, tone) = (crate::ui::words::segmentation::cell_advice(role), tone(role));
        let class = move || format!("matrix-cell tone-{tone}{}", if selected() { " selected" } else { "" });
        view! {
            <button type="button" class=class data-testid=format!("matrix-{label}") aria-pressed=move || selected().to_string() title=move || tr_args("{0} accounts, value {1}", &[("0", &(data().count)), ("1", &(money(data().value)))])
                on:click=move |_| filter.update(|f| *f = if *f == Some((abc, xyz)) { None } else { Some((abc, xyz)) })>
                <span class="cell-label">{label.clone()}</span>
                <span class="cell-count">{move || data().count}</span>
                <span class="cell-value">{move || money(data().value)}</span>
                <span class="cell-advice">{advice_text}</span>
            </button>
        }
    };
    view! {
        <div class="matrix" role="group" aria-label=move || tr("ABC–XYZ matrix: click a cell to filter the table")>
            <span class="matrix-corner" aria-hidden="true"></span>
            <span class="matrix-head">{move || tr("X · steady")}</span>
            <span class="matrix-head">{move || tr("Y · fluctuating")}</span>
            <span class="matrix-head">{move || tr("Z · irregular")}</span>
            <span class="matrix-head">{move || tr("Unclassified")}</span>
            {AbcClass::ALL.into_iter().map(|abc| view! {
                <span class="matrix-row-head">{match abc { AbcClass::A => tr("A · top value"), AbcClass::B => tr("B · middle"), AbcClass::C => tr("C · tail") }}</span>
                {XyzClass::ALL.into_iter().map(|x| cell(abc, Some(x))).collect_view()}
                {cell(abc, None)}
            }).collect_view()}
        </div>
    }
}
