//! The demo portfolio: about forty B2B accounts with 24 months of order history and a few key
//! accounts with partly filled dossiers, so that a workshop can start in one click.
//!
//! Generated, not stored: a small deterministic generator keeps the app's download small and
//! gives the same portfolio on every machine, which the tests rely on.

use chrono::NaiveDate;

use crate::model::{Account, Dossier, KeyReason, OrderLine, Person, Workspace};

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

fn person(name: &str, title: &str, role: &str, attitude: &str, owner: &str, birthday: &str, notes: &str) -> Person {
    Person {
        name: name.into(),
        title: title.into(),
        role: role.into(),
        attitude: attitude.into(),
        our_owner: owner.into(),
        birthday: birthday.into(),
        personal_notes: notes.into(),
    }
}

/// Key accounts of the demo, with a manager and a partly filled dossier each.
fn key_dossiers() -> Vec<(&'static str, &'static str, Dossier)> {
    use KeyReason::*;
    let d = |overview: &str, employees: Option<u32>, reasons: Vec<KeyReason>, sponsor: &str, people: Vec<Person>, competitors: &[&str]| Dossier {
        account_id: String::new(),
        overview: overview.into(),
        employees,
        reasons,
        executive_sponsor: sponsor.into(),
        people,
        competitors: competitors.iter().map(|c| c.to_string()).collect(),
    };
    vec![
        ("Nordhavn Logistics A/S", "Maria Lind", d(
            "Third-party logistics for the Nordic retail sector; 14 warehouses, moving to automated picking.",
            Some(2_300),
            vec![BigRevenue, Partner],
            "Henrik Berg (CEO)",
            vec![
                person("Jens Madsen", "COO", "Decider", "Supporter", "Maria Lind", "1971-03-14", "Sails on weekends; two daughters."),
                person("Sofie Holm", "Head of Procurement", "Finance", "Neutral", "Maria Lind", "", ""),
                person("Anders Kjær", "IT Architect", "Technical evaluator", "Champion", "Pekka Virtanen", "", "Runs marathons."),
            ],
            &["LogiNord", "ScanFreight"],
        )),
        ("Baltic Timber Group", "Maria Lind", d(
            "Sawmills in Latvia and Estonia exporting to Germany and the UK.",
            Some(870),
            vec![BigRevenue],
            "",
            vec![person("Ilze Kalniņa", "CFO", "Finance", "Neutral", "Maria Lind", "1980-02-29", "")],
            &[],
        )),
        ("Helsinki Medical Supplies Oy", "Pekka Virtanen", d(
            "Distributor of hospital consumables; demanding quality audits that raised our own standards.",
            Some(410),
            vec![BigRevenue, MoreCompetent],
            "Henrik Berg (CEO)",
            vec![
                person("Liisa Korhonen", "Managing Director", "Decider", "Supporter", "Pekka Virtanen", "1975-11-30", "Choir singer."),
                person("Mikko Laine", "Quality Manager", "Influencer", "Opponent", "Pekka Virtanen", "", ""),
            ],
            &["MedSupply Nordic"],
        )),
        ("Tartu Software Partners OÜ", "Pekka Virtanen", d(
            "Fast-growing software house; first to pilot our new products.",
            Some(120),
            vec![Innovator, Potential],
            "Anu Tamm (CTO)",
            vec![],
            &[],
        )),
        ("Kraków Automotive Parts", "Maria Lind", d("", None, vec![Potential], "", vec![], &["AutoDist PL"])),
        ("Uppsala BioLabs AB", "Jonas Ek", d(
            "University spin-off, well known in Swedish life sciences: a reference that opens doors.",
            Some(60),
            vec![Reference],
            "",
            vec![],
            &[],
        )),
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
        ws.history.insert(account.id.clone(), lines);
        ws.accounts.push(account);
    }
    for (name, manager, mut dossier) in key_dossiers() {
        let account = ws.accounts.iter_mut().find(|a| a.name == name).expect("demo key account exists");
        account.is_key = true;
        account.manager = manager.into();
        dossier.account_id = account.id.clone();
        ws.dossiers.push(dossier);
    }
    ws
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
        assert_eq!(ws.accounts.len(), 40);
        let ids: HashSet<_> = ws.accounts.iter().map(|a| &a.id).collect();
        assert_eq!(ids.len(), 40, "account ids are unique");
        let first = ws.history.values().flatten().map(|l| l.date).min().unwrap();
        let last = ws.latest_order_date().unwrap();
        assert_eq!(first.format("%Y-%m").to_string(), "2024-11");
        assert_eq!(last.format("%Y-%m").to_string(), "2026-10");
        for account in &ws.accounts {
            assert!(!ws.history[&account.id].is_empty(), "{} has orders", account.name);
        }
    }

    #[test]
    fn demo_is_deterministic() {
        assert_eq!(demo_workspace(), demo_workspace());
    }

    #[test]
    fn demo_key_accounts_have_partly_filled_dossiers() {
        let ws = demo_workspace();
        let key: Vec<_> = ws.accounts.iter().filter(|a| a.is_key).collect();
        assert!((5..=8).contains(&key.len()));
        for a in &key {
            let d = ws.dossier(&a.id).expect("every demo key account has a dossier");
            let (filled, total) = d.filled_parts();
            assert!(filled >= 1 && filled <= total);
            assert!(!a.manager.is_empty());
        }
        assert!(key.iter().any(|a| ws.dossier(&a.id).unwrap().filled_parts().0 < 3), "some dossiers are only started");
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
                id: format!("a{i}"),
                name: format!("Account {i}"),
                is_key: i % 50 == 0,
                revenue,
                profit,
                has_profit: true,
                first_period: 0,
            }
        })
        .collect()
}
