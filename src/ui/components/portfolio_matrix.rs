//! The key-account portfolio matrix (McDonald/Cranfield): customer attractiveness up, our
//! relative strength to the left, bubble area from revenue, one quadrant per strategy.

use crate::i18n::{tr, tr_args};
use kam_core::analysis::{portfolio_matrix, MatrixEntry, Quadrant, MATRIX_MIDDLE, MATRIX_SCORE_MAX};
use leptos::prelude::*;
use leptos_router::components::A;

use super::label_layout::{label_width, place_labels, Bubble};
use crate::ui::format::money;
use crate::ui::state::use_app;
use crate::ui::words::choices::Words;
use crate::ui::words::programme::quadrant_label;

const W: f64 = 640.0;
const H: f64 = 440.0;
const M: f64 = 48.0;

#[component]
pub fn PortfolioMatrix() -> impl IntoView {
    let state = use_app();
    let navigate = leptos_router::hooks::use_navigate();
    // Key accounts and candidates (accounts with a dossier) that are scored on both axes.
    let matrix =
        Memo::new(move |_| state.workspace.with(|ws| state.segmentation.with(|seg| portfolio_matrix(ws, seg))));
    let points = move || matrix.with(|m| m.entries.clone());
    let unscored = move || matrix.with(|m| m.unscored_key_accounts.clone());
    // Strength grows to the left, as in McDonald's directional policy matrix.
    let sx = |s: f64| M + (MATRIX_SCORE_MAX - s) / MATRIX_SCORE_MAX * (W - 2.0 * M);
    let sy = |a: f64| H - M - a / MATRIX_SCORE_MAX * (H - 2.0 * M);
    let quadrants = [
        (Quadrant::Strategic, sx(MATRIX_SCORE_MAX), sy(MATRIX_SCORE_MAX)),
        (Quadrant::Star, sx(MATRIX_MIDDLE), sy(MATRIX_SCORE_MAX)),
        (Quadrant::Status, sx(MATRIX_SCORE_MAX), sy(MATRIX_MIDDLE)),
        (Quadrant::Streamline, sx(MATRIX_MIDDLE), sy(MATRIX_MIDDLE)),
    ];
    view! {
        <figure class="portfolio-matrix">
            <svg data-testid="portfolio-matrix" role="group" viewBox=format!("0 0 {W} {H}") aria-label=move || {
                let p = points();
                tr_args("Portfolio matrix with {0} accounts: {1}", &[("0", &p.len()), ("1", &(p.iter().map(|e| format!("{} {}", e.name, quadrant_label(e.point.quadrant))).collect::<Vec<_>>().join(", ")))])
            }>
                {quadrants.iter().map(|(q, x, y)| {
                    let fill = match q { Quadrant::Strategic => "#d4efe9", Quadrant::Star => "#fff0c7", Quadrant::Status => "#e8edf3", Quadrant::Streamline => "#f6e3e1" };
                    view! {
                        <rect x=format!("{x:.0}") y=format!("{y:.0}") width=format!("{:.0}", (W - 2.0 * M) / 2.0) height=format!("{:.0}", (H - 2.0 * M) / 2.0) fill=fill/>
                        <text x=format!("{:.0}", x + 8.0) y=format!("{:.0}", y + 20.0) class="quadrant-label">{quadrant_label(*q)}</text>
                    }
                }).collect_view()}
                <line x1=M y1=H - M x2=W - M y2=H - M class="axis"/>
                <line x1=M y1=M x2=M y2=H - M class="axis"/>
                <text x=W / 2.0 y=H - 12.0 text-anchor="middle" class="axis-label">{move || tr("← stronger   Our relative strength   weaker →")}</text>
                <text x="14" y=H / 2.0 text-anchor="middle" class="axis-label" transform=format!("rotate(-90 14 {})", H / 2.0)>{move || tr("Customer attractiveness →")}</text>
                {move || {
                    let pts = points();
                    let max = pts.iter().map(|e| e.revenue).fold(0.0, f64::max).max(1.0);
                    let radius = |revenue: f64| 6.0 + 22.0 * (revenue.max(0.0) / max).sqrt();
                    // Names placed so that none covers another name or another bubble.
                    let bubbles: Vec<Bubble> = pts
                        .iter()
                        .map(|e| Bubble { cx: sx(e.point.strength), cy: sy(e.point.attractiveness), r: radius(e.revenue), label_width: label_width(&e.name) })
                        .collect();
                    let labels = place_labels(&bubbles, (0.0, 0.0, W, H));
                    pts.into_iter().zip(labels).map(|(MatrixEntry { account_id: id, name, is_key, point: p, revenue, stage }, at)| {
                        let r = radius(revenue);
                        let (cx, cy) = (sx(p.strength), sy(p.attractiveness));
                        let href = crate::ui::format::dossier_href(&id);
                        let label = tr_args("{name}: {1}, attractiveness {2}, strength {3}, revenue {4}, stage {5}", &[("name", &name), ("1", &(quadrant_label(p.quadrant))), ("2", &(format!("{:.1}", p.attractiveness))), ("3", &(format!("{:.1}", p.strength))), ("4", &(money(revenue))), ("5", &(stage.label()))]);
                        let go = href.clone();
                        let go2 = href;
                        let (nav1, nav2) = (navigate.clone(), navigate.clone());
                        view! {
                            <g role="link" tabindex="0" aria-label=label data-testid="matrix-bubble" class="bubble-link"
                                on:click=move |_| nav1(&go, Default::default())
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { nav2(&go2, Default::default()) }>
                                <circle cx=format!("{cx:.1}") cy=format!("{cy:.1}") r=format!("{r:.1}") class=if is_key { "bubble key" } else { "bubble candidate" }/>
                                <text x=format!("{:.1}", at.x) y=format!("{:.1}", at.y) text-anchor=at.anchor class="bubble-label">{name}</text>
                            </g>
                        }
                    }).collect_view()
                }}
            </svg>
            <figcaption class="small muted">
                {move || tr("Bubble area: revenue in the window. Filled: key account; outlined: candidate. ")}
                {move || { let u = unscored(); (!u.is_empty()).then(|| tr_args("Not scored yet: {0}.", &[("0", &u.join(", "))])) }}
            </figcaption>
        </figure>
        <div class="table-scroll">
            <table class="accounts small" data-testid="matrix-table">
                <thead><tr><th scope="col">{move || tr("Account")}</th><th scope="col">{move || tr("Quadrant")}</th><th scope="col">{move || tr("Attractiveness")}</th><th scope="col">{move || tr("Strength")}</th><th scope="col">{move || tr("Relationship stage")}</th></tr></thead>
                <tbody>
                    {move || points().into_iter().map(|MatrixEntry { account_id: id, name, point: p, stage, .. }| view! {
                        <tr><th scope="row"><A href=crate::ui::format::dossier_href(&id)>{name}</A></th>
                            <td>{quadrant_label(p.quadrant)}</td><td class="num">{format!("{:.1}", p.attractiveness)}</td><td class="num">{format!("{:.1}", p.strength)}</td><td>{stage.label()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
