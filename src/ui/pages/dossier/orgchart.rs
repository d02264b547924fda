//! The relationship map: the decision-making unit as an org chart (SVG, drawn from
//! "reports to"), each box coloured by the person's attitude towards us.

use crate::i18n::{tr, tr_args};
use kam_core::analysis::org_chart;
use kam_core::model::{Attitude, Dossier};
use leptos::prelude::*;

use crate::ui::words::choices::Words;

const BOX_W: f64 = 210.0;
const BOX_H: f64 = 58.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 40.0;
const PAD: f64 = 8.0;

/// Fill and stroke per attitude; text is always dark on a light fill (contrast ≥ 7:1).
pub fn attitude_colours(a: Attitude) -> (&'static str, &'static str) {
    match a {
        Attitude::Champion => ("#bfe8cf", "#176b3a"),
        Attitude::Supporter => ("#e2f4e8", "#2f8a52"),
        Attitude::Neutral => ("#eef1f5", "#6b7785"),
        Attitude::Sceptic => ("#fff0c7", "#8a5a00"),
        Attitude::Opponent => ("#f9d7d3", "#b42318"),
        Attitude::Unknown => ("#ffffff", "#8a96a6"),
    }
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

#[component]
pub fn OrgChart(dossier: Memo<Dossier>) -> impl IntoView {
    move || {
        let people = dossier.with(|d| d.people.clone());
        if people.is_empty() {
            return view! { <p class="muted">{move || tr("Nobody recorded yet. Who decides, who influences, who uses what we deliver?")}</p> }.into_any();
        }
        let nodes = org_chart(&people);
        let cols = nodes.iter().map(|n| n.column).fold(0.0, f64::max) + 1.0;
        let levels = nodes.iter().map(|n| n.level).max().unwrap_or(0) + 1;
        let width = PAD * 2.0 + cols * BOX_W + (cols - 1.0) * GAP_X;
        let height = PAD * 2.0 + levels as f64 * BOX_H + (levels as f64 - 1.0) * GAP_Y;
        let x = |c: f64| PAD + c * (BOX_W + GAP_X);
        let y = |l: usize| PAD + l as f64 * (BOX_H + GAP_Y);
        let pos = |i: usize| nodes.iter().find(|n| n.index == i).map(|n| (x(n.column), y(n.level)));
        let lines = nodes.iter().filter_map(|n| {
            let (px, py) = pos(n.parent?)?;
            let (cx, cy) = (x(n.column), y(n.level));
            let mid = py + BOX_H + GAP_Y / 2.0;
            Some(view! {
                <path d=format!("M{:.1} {:.1} V{:.1} H{:.1} V{:.1}", px + BOX_W / 2.0, py + BOX_H, mid, cx + BOX_W / 2.0, cy) class="org-link"/>
            })
        }).collect_view();
        let summary = tr_args(
            "Relationship map of {0} people: {1}",
            &[
                ("0", &people.len()),
                (
                    "1",
                    &(people
                        .iter()
                        .map(|p| format!("{} ({}, {})", p.name, p.role.label(), p.attitude.label()))
                        .collect::<Vec<_>>()
                        .join("; ")),
                ),
            ],
        );
        let boxes = nodes.iter().map(|n| {
            let p = &people[n.index];
            let (fill, stroke) = attitude_colours(p.attitude);
            let (bx, by) = (x(n.column), y(n.level));
            let name = if p.name.trim().is_empty() { tr("(no name)").to_string() } else { clip(&p.name, 26) };
            let line2 = clip(&[p.title.as_str(), p.role.label()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · "), 32);
            let line3 = format!("{}{}", p.attitude.label(), if p.our_owner.is_empty() { tr(" · no owner here").to_string() } else { format!(" · {}", clip(&p.our_owner, 14)) });
            view! {
                <g data-testid="org-node" class="org-node">
                    <rect x=format!("{bx:.1}") y=format!("{by:.1}") width=BOX_W height=BOX_H rx="6" fill=fill stroke=stroke stroke-width=if p.attitude == Attitude::Champion { "3" } else { "1.5" }
                        stroke-dasharray=if p.attitude == Attitude::Unknown { "4 3" } else { "" }/>
                    <text x=format!("{:.1}", bx + 8.0) y=format!("{:.1}", by + 18.0) class="org-name">{name}</text>
                    <text x=format!("{:.1}", bx + 8.0) y=format!("{:.1}", by + 34.0) class="org-line">{line2}</text>
                    <text x=format!("{:.1}", bx + 8.0) y=format!("{:.1}", by + 49.0) class="org-line">{clip(&line3, 33)}</text>
                </g>
            }
        }).collect_view();
        view! {
            <figure class="orgchart">
                // Focusable, so that a keyboard can scroll a chart wider than the screen.
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr("Organisation chart")>
                    <svg data-testid="org-chart" role="img" aria-label=summary viewBox=format!("0 0 {width:.0} {height:.0}") width=format!("{width:.0}") height=format!("{height:.0}")>
                        {lines}
                        {boxes}
                    </svg>
                </div>
                <figcaption class="legend">
                    {Attitude::ALL.iter().map(|a| view! {
                        <span class="legend-item"><span class=format!("swatch att-{}", a.id())></span>{a.label()}</span>
                    }).collect_view()}
                </figcaption>
            </figure>
        }.into_any()
    }
}
