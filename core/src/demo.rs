//! The demo portfolio: about forty B2B accounts with 24 months of order history and a few key
//! accounts with partly filled dossiers, so that a workshop can start in one click.
//!
//! Generated, not stored: a small deterministic generator keeps the app's download small and
//! gives the same portfolio on every machine, which the tests rely on.

use chrono::NaiveDate;

use crate::model::{
    Account, Action, ActionStatus, Attitude, CellState, Competitor, DmuRole, Dossier, EventKind, KeyReason, Meeting,
    Metrics, Objective, OrderLine, Outcome, Person, Proposal, RelationshipStage, TeamMember, Tender, TimelineEvent,
    Workspace,
};

/// The month the demo history ends with.
pub const DEMO_LAST_MONTH: (i32, u32) = (2026, 10);
pub const DEMO_MONTHS: u32 = 24;

/// Demand shapes, chosen so that every cell of the ABC–XYZ matrix has a story to tell.
#[derive(Clone, Copy)]
enum Shape {
    Steady,
    Fluctuating,
    Seasonal,
    Irregular,
    Growing,
    /// First order in month 19 of 24.
    New,
    /// First order in month 23 of 24: too new to judge its regularity.
    Fresh,
    /// Last order in month 10 of 24: nothing bought in the last 12 months.
    Lost,
}

const ACCOUNTS: &[(&str, &str, f64, Shape, f64)] = &[
    // name, industry, typical monthly revenue (EUR), shape, gross margin
    ("Nordhavn Logistics A/S", "Logistics", 182_000.0, Shape::Steady, 0.18),
    ("Baltic Timber Group", "Wood & paper", 121_000.0, Shape::Fluctuating, 0.22),
    ("Helsinki Medical Supplies Oy", "Healthcare", 97_000.0, Shape::Steady, 0.31),
    ("Tallinna Sadamateenused AS", "Port services", 86_000.0, Shape::Seasonal, 0.16),
    ("Rīgas Enerģija SIA", "Energy", 74_000.0, Shape::Irregular, 0.27),
    ("Vilnius Precision Tools UAB", "Manufacturing", 61_000.0, Shape::Steady, 0.24),
    ("Öresund Foods AB", "Food processing", 55_000.0, Shape::Fluctuating, 0.12),
    ("Kraków Automotive Parts", "Automotive", 48_000.0, Shape::Growing, 0.19),
    ("Bergen Offshore Services AS", "Oil & gas", 44_000.0, Shape::Irregular, 0.29),
    ("Turku Shipyard Systems Oy", "Shipbuilding", 39_000.0, Shape::Seasonal, 0.21),
    ("Hamburg Chemical Trading GmbH", "Chemicals", 35_000.0, Shape::Steady, 0.14),
    ("Gdańsk Cold Chain Sp. z o.o.", "Logistics", 31_000.0, Shape::Fluctuating, 0.17),
    ("Uppsala BioLabs AB", "Life sciences", 28_000.0, Shape::New, 0.35),
    ("Tartu Software Partners OÜ", "IT services", 25_000.0, Shape::Growing, 0.33),
    ("Aarhus Wind Components", "Renewables", 23_000.0, Shape::Irregular, 0.20),
    ("Lahti Furniture Works Oy", "Furniture", 21_000.0, Shape::Steady, 0.23),
    ("Kaunas Dairy Cooperative", "Food processing", 19_000.0, Shape::Seasonal, 0.11),
    ("Stockholm Retail Group AB", "Retail", 17_500.0, Shape::Lost, 0.09),
    ("Oslo Facility Management AS", "Facility services", 16_000.0, Shape::Steady, 0.26),
    ("Pärnu Spa Hotels AS", "Hospitality", 14_500.0, Shape::Seasonal, 0.28),
    ("Daugavpils Metalworks", "Metals", 13_000.0, Shape::Irregular, 0.15),
    ("Espoo Cleantech Oy", "Cleantech", 12_000.0, Shape::New, 0.30),
    ("Malmö Packaging AB", "Packaging", 11_000.0, Shape::Fluctuating, 0.18),
    ("Klaipėda Grain Terminal", "Agriculture", 10_000.0, Shape::Seasonal, 0.13),
    ("Lübeck Marine Electronics", "Electronics", 9_000.0, Shape::Steady, 0.25),
    ("Narva Textiles AS", "Textiles", 8_200.0, Shape::Irregular, 0.08),
    ("Jyväskylä Paper Machinery", "Machinery", 7_600.0, Shape::Lost, 0.20),
    ("Göteborg Fleet Services", "Transport", 7_000.0, Shape::Fluctuating, 0.16),
    ("Liepāja Fish Export", "Food processing", 6_400.0, Shape::Seasonal, 0.10),
    ("Odense Dental Clinics", "Healthcare", 5_900.0, Shape::Steady, 0.34),
    ("Viljandi Organic Farms", "Agriculture", 5_200.0, Shape::Irregular, 0.12),
    ("Kiel Yacht Interiors", "Marine", 4_800.0, Shape::Growing, 0.27),
    ("Šiauliai Bakery Chain", "Food retail", 4_300.0, Shape::Fluctuating, 0.14),
    ("Rovaniemi Arctic Tours Oy", "Tourism", 3_900.0, Shape::Seasonal, 0.30),
    ("Haapsalu Boatyard OÜ", "Marine", 3_400.0, Shape::Irregular, 0.19),
    ("Västerås Robotics AB", "Automation", 3_000.0, Shape::Fresh, 0.32),
    ("Jelgava Printing House", "Printing", 2_600.0, Shape::Steady, -0.04),
    ("Rostock Event Rentals", "Events", 2_200.0, Shape::Irregular, 0.21),
    ("Kuressaare Windows OÜ", "Construction", 1_800.0, Shape::Fluctuating, 0.17),
    ("Vaasa Energy Consulting Oy", "Consulting", 1_400.0, Shape::Lost, 0.36),
];

/// A tiny deterministic generator (SplitMix64): the demo must be identical everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
}

fn month_date(month_offset: u32, day: u32) -> NaiveDate {
    let (y, m) = DEMO_LAST_MONTH;
    let index = y * 12 + m as i32 - 1 - (DEMO_MONTHS - 1 - month_offset) as i32;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    NaiveDate::from_ymd_opt(year, month, day.min(28)).expect("day ≤ 28 exists in every month")
}

fn monthly_factor(shape: Shape, month: u32, rng: &mut Rng) -> f64 {
    let noise = |rng: &mut Rng, amplitude: f64| 1.0 + (rng.unit() * 2.0 - 1.0) * amplitude;
    match shape {
        Shape::Steady => noise(rng, 0.08),
        Shape::Fluctuating => noise(rng, 0.35),
        Shape::Seasonal => {
            let season = (f64::from(month % 12) / 12.0 * std::f64::consts::TAU).sin();
            (1.0 + 0.55 * season) * noise(rng, 0.1)
        }
        Shape::Irregular => {
            if rng.unit() < 0.45 {
                0.0
            } else {
                noise(rng, 0.6) * 1.6
            }
        }
        Shape::Growing => (0.55 + f64::from(month) / 24.0) * noise(rng, 0.1),
        Shape::New => {
            if month < 18 {
                0.0
            } else {
                noise(rng, 0.15)
            }
        }
        Shape::Fresh => {
            if month < 22 {
                0.0
            } else {
                noise(rng, 0.1)
            }
        }
        Shape::Lost => {
            if month > 9 {
                0.0
            } else {
                noise(rng, 0.2)
            }
        }
    }
}

fn history(monthly: f64, shape: Shape, margin: f64, rng: &mut Rng) -> Vec<OrderLine> {
    let mut lines = Vec::new();
    for month in 0..DEMO_MONTHS {
        let month_value = monthly * monthly_factor(shape, month, rng);
        if month_value <= 0.0 {
            continue;
        }
        let orders = rng.range(1, 4);
        for _ in 0..orders {
            let revenue = (month_value / f64::from(orders) * 100.0).round() / 100.0;
            let line_margin = margin + (rng.unit() - 0.5) * 0.04;
            lines.push(OrderLine {
                date: month_date(month, rng.range(1, 28)),
                revenue,
                profit: Some((revenue * line_margin * 100.0).round() / 100.0),
            });
        }
    }
    lines.sort_by_key(|l| l.date);
    lines
}

// Demo data reads best as one call per person, every field in place.
#[allow(clippy::too_many_arguments)]
fn person(
    id: u32,
    name: &str,
    title: &str,
    reports_to: Option<u32>,
    role: &str,
    attitude: &str,
    owner: &str,
    birthday: &str,
    notes: &str,
) -> Person {
    Person {
        id,
        name: name.into(),
        title: title.into(),
        reports_to,
        role: DmuRole::parse(role),
        attitude: Attitude::parse(attitude),
        our_owner: owner.into(),
        birthday: birthday.into(),
        personal_notes: notes.into(),
        ..Default::default()
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Key accounts of the demo, with a manager and a partly filled dossier each.
fn key_dossiers() -> Vec<(&'static str, &'static str, Dossier)> {
    use KeyReason::*;
    let d = |overview: &str,
             employees: Option<u32>,
             reasons: &[(KeyReason, &str)],
             sponsor: &str,
             people: Vec<Person>,
             competitors: &[&str]| Dossier {
        overview: overview.into(),
        employees,
        reasons: reasons.iter().map(|(r, _)| *r).collect(),
        justifications: reasons.iter().filter(|(_, j)| !j.is_empty()).map(|(r, j)| (*r, j.to_string())).collect(),
        executive_sponsor: sponsor.into(),
        people,
        competitors: competitors.iter().map(|c| Competitor { name: c.to_string(), ..Default::default() }).collect(),
        ..Default::default()
    };
    let mut nordhavn = d(
        "Third-party logistics for the Nordic retail sector; 14 warehouses, moving to automated picking.",
        Some(2_300),
        &[
            (BigRevenue, "About 14 % of our profit over the last 12 months."),
            (Partner, "Shares its warehouse automation roadmap with us twice a year."),
        ],
        "Henrik Berg (CEO)",
        vec![
            person(
                1,
                "Jens Madsen",
                "COO",
                None,
                "Decider",
                "Supporter",
                "Maria Lind",
                "1971-03-14",
                "Sails on weekends; two daughters.",
            ),
            person(2, "Sofie Holm", "Head of Procurement", Some(1), "Finance", "Neutral", "Maria Lind", "", ""),
            person(
                3,
                "Anders Kjær",
                "IT Architect",
                Some(1),
                "Technical evaluator",
                "Champion",
                "Pekka Virtanen",
                "",
                "Runs marathons.",
            ),
        ],
        &["LogiNord", "ScanFreight"],
    );
    nordhavn.timeline = vec![
        TimelineEvent {
            id: Default::default(),
            date: date(2024, 11, 4),
            kind: EventKind::Win,
            text: "Three-year framework agreement for pallet handling.".into(),
        },
        TimelineEvent {
            id: Default::default(),
            date: date(2025, 9, 18),
            kind: EventKind::Problem,
            text: "Late deliveries to the Aarhus warehouse during the strike.".into(),
        },
        TimelineEvent {
            id: Default::default(),
            date: date(2025, 10, 2),
            kind: EventKind::Resolution,
            text: "Backup carrier agreed; credit note issued.".into(),
        },
    ];
    nordhavn.offerings = vec!["Pallet handling".into(), "Picking robots".into(), "Service contracts".into()];
    nordhavn.units = vec!["Denmark".into(), "Sweden".into(), "Norway".into()];
    nordhavn.set_cell("Pallet handling", "Denmark", |c| c.state = CellState::Bought);
    nordhavn.set_cell("Pallet handling", "Sweden", |c| c.state = CellState::Bought);
    nordhavn.set_cell("Pallet handling", "Norway", |c| {
        c.state = CellState::Competitor;
        c.potential = Some(400_000.0)
    });
    nordhavn.set_cell("Picking robots", "Denmark", |c| {
        c.state = CellState::InProgress;
        c.potential = Some(1_200_000.0)
    });
    nordhavn.set_cell("Service contracts", "Sweden", |c| {
        c.state = CellState::Opportunity;
        c.potential = Some(250_000.0)
    });
    nordhavn.team = vec![
        TeamMember { id: Default::default(), name: "Maria Lind".into(), responsibility: "Key account manager".into() },
        TeamMember {
            id: Default::default(),
            name: "Pekka Virtanen".into(),
            responsibility: "Solution architect".into(),
        },
    ];
    nordhavn.objectives = vec![Objective {
        id: Default::default(),
        text: "Win the Norway pallet business".into(),
        measure: "Signed contract, 400 k€ a year".into(),
        due: date(2027, 6, 30),
    }];
    nordhavn.actions = vec![
        Action {
            id: Default::default(),
            text: "Site visit in Oslo with Anders Kjær".into(),
            owner: "Maria Lind".into(),
            due: date(2026, 11, 10),
            status: ActionStatus::Open,
        },
        Action {
            id: Default::default(),
            text: "Robot pilot proposal".into(),
            owner: "Pekka Virtanen".into(),
            due: date(2027, 1, 15),
            status: ActionStatus::InProgress,
        },
    ];
    nordhavn.meetings = vec![
        Meeting {
            id: Default::default(),
            title: "Annual business review".into(),
            month: 2,
            day: Some(12),
            with: "Jens Madsen".into(),
        },
        Meeting {
            id: Default::default(),
            title: "Roadmap workshop".into(),
            month: 9,
            day: None,
            with: "Anders Kjær".into(),
        },
    ];
    nordhavn.metrics = Metrics { cost_to_serve: Some(95_000.0), wallet: Some(3_500_000.0), ..Default::default() };
    nordhavn.tenders = vec![Tender {
        id: Default::default(),
        title: "Nordic transport tender 2027".into(),
        date: date(2027, 5, 3),
        notes: "Public tender, all three countries.".into(),
        outcome: Outcome::Open,
    }];
    nordhavn.proposals = vec![Proposal {
        title: "Picking robot pilot, Aarhus".into(),
        value: Some(180_000.0),
        sent: date(2026, 11, 20),
        valid_until: date(2026, 12, 31),
        ..Default::default()
    }];
    nordhavn.stage = RelationshipStage::Cooperative;
    nordhavn.attractiveness = [
        ("Volume and growth potential", 8),
        ("Profit potential", 6),
        ("Strategic fit with our offering", 8),
        ("Reference and innovation value", 7),
        ("Ease of doing business", 6),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), *v))
    .collect();
    nordhavn.strength = [
        ("Fit of our products and services", 8),
        ("Relationship and access", 7),
        ("Price and commercial terms", 5),
        ("Delivery and service record", 6),
        ("Reputation with the customer", 7),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), *v))
    .collect();
    let mut helsinki = d(
        "Distributor of hospital consumables; demanding quality audits that raised our own standards.",
        Some(410),
        &[(BigRevenue, ""), (MoreCompetent, "Their ISO 13485 audits taught us traceability.")],
        "Henrik Berg (CEO)",
        vec![
            person(
                1,
                "Liisa Korhonen",
                "Managing Director",
                None,
                "Decider",
                "Supporter",
                "Pekka Virtanen",
                "1975-11-30",
                "Choir singer.",
            ),
            person(2, "Mikko Laine", "Quality Manager", Some(1), "Influencer", "Opponent", "Pekka Virtanen", "", ""),
        ],
        &["MedSupply Nordic"],
    );
    helsinki.stage = RelationshipStage::Basic;
    helsinki.attractiveness = [
        ("Volume and growth potential", 5),
        ("Profit potential", 8),
        ("Strategic fit with our offering", 6),
        ("Reference and innovation value", 6),
        ("Ease of doing business", 4),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), *v))
    .collect();
    helsinki.strength = [
        ("Fit of our products and services", 6),
        ("Relationship and access", 4),
        ("Price and commercial terms", 5),
        ("Delivery and service record", 7),
        ("Reputation with the customer", 5),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), *v))
    .collect();
    helsinki.meetings = vec![Meeting {
        id: Default::default(),
        title: "Quality audit".into(),
        month: 4,
        day: None,
        with: "Mikko Laine".into(),
    }];
    let mut tartu = d(
        "Fast-growing software house; first to pilot our new products.",
        Some(120),
        &[(Innovator, "Piloted our last two product launches."), (Potential, "")],
        "Anu Tamm (CTO)",
        vec![],
        &[],
    );
    tartu.stage = RelationshipStage::Exploratory;
    tartu.attractiveness =
        [("Volume and growth potential", 9), ("Profit potential", 6), ("Reference and innovation value", 9)]
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
    tartu.strength =
        [("Fit of our products and services", 5), ("Relationship and access", 3), ("Price and commercial terms", 4)]
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
    vec![
        ("Nordhavn Logistics A/S", "Maria Lind", nordhavn),
        (
            "Baltic Timber Group",
            "Maria Lind",
            d(
                "Sawmills in Latvia and Estonia exporting to Germany and the UK.",
                Some(870),
                &[(BigRevenue, "")],
                "",
                vec![person(1, "Ilze Kalniņa", "CFO", None, "Finance", "Neutral", "Maria Lind", "1980-02-29", "")],
                &[],
            ),
        ),
        ("Helsinki Medical Supplies Oy", "Pekka Virtanen", helsinki),
        ("Tartu Software Partners OÜ", "Pekka Virtanen", tartu),
        ("Kraków Automotive Parts", "Maria Lind", d("", None, &[(Potential, "")], "", vec![], &["AutoDist PL"])),
        (
            "Uppsala BioLabs AB",
            "Jonas Ek",
            d(
                "University spin-off, well known in Swedish life sciences: a reference that opens doors.",
                Some(60),
                &[(Reference, "")],
                "",
                vec![],
                &[],
            ),
        ),
    ]
}

/// The whole demo workspace. Deterministic: the same on every call and every machine.
pub fn demo_workspace() -> Workspace {
    let mut rng = Rng(0x4B41_4D20_4445_4D4F);
    let mut ws = Workspace::default();
    for &(name, industry, monthly, shape, margin) in ACCOUNTS {
        let mut account = Account::new(name);
        account.industry = industry.into();
        let lines = history(monthly, shape, margin, &mut rng);
        ws.set_history(&account.id, lines);
        ws.insert_account(account);
    }
    for (name, manager, mut dossier) in key_dossiers() {
        let id = ws.accounts().iter().find(|a| a.name == name).expect("demo key account exists").id.clone();
        ws.change_account(&id, |account| {
            account.is_key = true;
            account.manager = manager.into();
        });
        dossier.account_id = id;
        // Ids as an older copy would get them, so that two people who load the demo hold the
        // same items.
        dossier.assign_ids(None);
        ws.upsert_dossier(dossier);
    }
    ws
}

/// A large synthetic portfolio for benchmarks: `n` accounts × `periods` monthly values with a
/// long-tailed size distribution and 20 % empty periods. Deterministic for a given `seed`.
pub fn synthetic_inputs(n: usize, periods: usize, seed: u64) -> Vec<crate::analysis::SegmentInput> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| {
            let scale = 1000.0 / (1.0 + i as f64).powf(0.8);
            let revenue: Vec<f64> =
                (0..periods).map(|_| if rng.unit() < 0.2 { 0.0 } else { scale * (0.5 + rng.unit()) }).collect();
            let profit = revenue.iter().map(|r| r * 0.2).collect();
            crate::analysis::SegmentInput {
                id: format!("a{i}").into(),
                name: format!("Account {i}").into(),
                is_key: i % 50 == 0,
                revenue,
                profit,
                has_profit: true,
                first_period: 0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{segment_workspace, AbcClass, XyzClass};
    use crate::model::SegmentationSettings;
    use std::collections::HashSet;

    #[test]
    fn demo_has_about_forty_accounts_with_24_months() {
        let ws = demo_workspace();
        assert_eq!(ws.accounts().len(), 40);
        let ids: HashSet<_> = ws.accounts().iter().map(|a| &a.id).collect();
        assert_eq!(ids.len(), 40, "account ids are unique");
        let first = ws.histories().flat_map(|(_, lines)| lines).map(|l| l.date).min().unwrap();
        let last = ws.latest_order_date().unwrap();
        assert_eq!(first.format("%Y-%m").to_string(), "2024-11");
        assert_eq!(last.format("%Y-%m").to_string(), "2026-10");
        for account in ws.accounts() {
            assert!(!ws.history(&account.id).unwrap().is_empty(), "{} has orders", account.name);
        }
    }

    #[test]
    fn demo_is_deterministic() {
        assert_eq!(demo_workspace(), demo_workspace());
    }

    #[test]
    fn demo_key_accounts_have_partly_filled_dossiers() {
        let ws = demo_workspace();
        let key: Vec<_> = ws.accounts().iter().filter(|a| a.is_key).collect();
        assert!((5..=8).contains(&key.len()));
        for a in &key {
            let d = ws.dossier(&a.id).expect("every demo key account has a dossier");
            let (filled, total) = d.filled_parts();
            assert!(filled >= 1 && filled <= total);
            assert!(!a.manager.is_empty());
        }
        assert!(key.iter().any(|a| ws.dossier(&a.id).unwrap().filled_parts().0 < 4), "some dossiers are only started");
        assert!(
            key.iter().any(|a| ws.dossier(&a.id).unwrap().filled_parts().0 >= 10),
            "one dossier shows what a full plan looks like"
        );
    }

    #[test]
    fn demo_segmentation_tells_a_story() {
        let ws = demo_workspace();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        assert_eq!(seg.rows.len(), 40);
        let count = |abc: AbcClass| seg.rows.iter().filter(|r| r.abc == abc).count();
        assert!(count(AbcClass::A) >= 5 && count(AbcClass::A) < count(AbcClass::C) + count(AbcClass::B));
        for x in XyzClass::ALL {
            assert!(seg.rows.iter().any(|r| r.xyz == Ok(x)), "some account is {x:?}");
        }
        assert!(seg.rows.iter().any(|r| r.xyz.is_err()), "lost and new accounts are unclassified");
        assert!(seg.rows.iter().any(|r| r.profit.is_some_and(|p| p < 0.0)), "one account loses money");
    }
}
