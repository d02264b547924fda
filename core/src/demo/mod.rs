//! The demo portfolio: about forty B2B accounts with 24 months of order history and a few key
//! accounts with partly filled dossiers, so that a workshop can start in one click.
//!
//! Generated, not stored: a small deterministic generator keeps the app's download small and
//! gives the same portfolio on every machine, which the tests rely on.
//!
//! Its texts (industries, job titles, notes, objectives, actions, meetings…) are named by
//! [`DemoText`] and worded by the caller, so that the demo loads in the reader's language; once
//! loaded they are the workspace's own data, like anything typed. Names of companies and people,
//! numbers and dates are the same in every language.

mod dossiers;
mod text;

pub use text::DemoText;

use chrono::NaiveDate;

use crate::model::{monthly_totals, Account, OrderLine, Workspace};
use DemoText::*;

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

const ACCOUNTS: &[(&str, DemoText, f64, Shape, f64)] = &[
    // name, industry, typical monthly revenue (EUR), shape, gross margin
    ("Nordhavn Logistics A/S", IndustryLogistics, 182_000.0, Shape::Steady, 0.18),
    ("Baltic Timber Group", IndustryWoodPaper, 121_000.0, Shape::Fluctuating, 0.22),
    ("Helsinki Medical Supplies Oy", IndustryHealthcare, 97_000.0, Shape::Steady, 0.31),
    ("Tallinna Sadamateenused AS", IndustryPortServices, 86_000.0, Shape::Seasonal, 0.16),
    ("Rīgas Enerģija SIA", IndustryEnergy, 74_000.0, Shape::Irregular, 0.27),
    ("Vilnius Precision Tools UAB", IndustryManufacturing, 61_000.0, Shape::Steady, 0.24),
    ("Öresund Foods AB", IndustryFoodProcessing, 55_000.0, Shape::Fluctuating, 0.12),
    ("Kraków Automotive Parts", IndustryAutomotive, 48_000.0, Shape::Growing, 0.19),
    ("Bergen Offshore Services AS", IndustryOilGas, 44_000.0, Shape::Irregular, 0.29),
    ("Turku Shipyard Systems Oy", IndustryShipbuilding, 39_000.0, Shape::Seasonal, 0.21),
    ("Hamburg Chemical Trading GmbH", IndustryChemicals, 35_000.0, Shape::Steady, 0.14),
    ("Gdańsk Cold Chain Sp. z o.o.", IndustryLogistics, 31_000.0, Shape::Fluctuating, 0.17),
    ("Uppsala BioLabs AB", IndustryLifeSciences, 28_000.0, Shape::New, 0.35),
    ("Tartu Software Partners OÜ", IndustryItServices, 25_000.0, Shape::Growing, 0.33),
    ("Aarhus Wind Components", IndustryRenewables, 23_000.0, Shape::Irregular, 0.20),
    ("Lahti Furniture Works Oy", IndustryFurniture, 21_000.0, Shape::Steady, 0.23),
    ("Kaunas Dairy Cooperative", IndustryFoodProcessing, 19_000.0, Shape::Seasonal, 0.11),
    ("Stockholm Retail Group AB", IndustryRetail, 17_500.0, Shape::Lost, 0.09),
    ("Oslo Facility Management AS", IndustryFacilityServices, 16_000.0, Shape::Steady, 0.26),
    ("Pärnu Spa Hotels AS", IndustryHospitality, 14_500.0, Shape::Seasonal, 0.28),
    ("Daugavpils Metalworks", IndustryMetals, 13_000.0, Shape::Irregular, 0.15),
    ("Espoo Cleantech Oy", IndustryCleantech, 12_000.0, Shape::New, 0.30),
    ("Malmö Packaging AB", IndustryPackaging, 11_000.0, Shape::Fluctuating, 0.18),
    ("Klaipėda Grain Terminal", IndustryAgriculture, 10_000.0, Shape::Seasonal, 0.13),
    ("Lübeck Marine Electronics", IndustryElectronics, 9_000.0, Shape::Steady, 0.25),
    ("Narva Textiles AS", IndustryTextiles, 8_200.0, Shape::Irregular, 0.08),
    ("Jyväskylä Paper Machinery", IndustryMachinery, 7_600.0, Shape::Lost, 0.20),
    ("Göteborg Fleet Services", IndustryTransport, 7_000.0, Shape::Fluctuating, 0.16),
    ("Liepāja Fish Export", IndustryFoodProcessing, 6_400.0, Shape::Seasonal, 0.10),
    ("Odense Dental Clinics", IndustryHealthcare, 5_900.0, Shape::Steady, 0.34),
    ("Viljandi Organic Farms", IndustryAgriculture, 5_200.0, Shape::Irregular, 0.12),
    ("Kiel Yacht Interiors", IndustryMarine, 4_800.0, Shape::Growing, 0.27),
    ("Šiauliai Bakery Chain", IndustryFoodRetail, 4_300.0, Shape::Fluctuating, 0.14),
    ("Rovaniemi Arctic Tours Oy", IndustryTourism, 3_900.0, Shape::Seasonal, 0.30),
    ("Haapsalu Boatyard OÜ", IndustryMarine, 3_400.0, Shape::Irregular, 0.19),
    ("Västerås Robotics AB", IndustryAutomation, 3_000.0, Shape::Fresh, 0.32),
    ("Jelgava Printing House", IndustryPrinting, 2_600.0, Shape::Steady, -0.04),
    ("Rostock Event Rentals", IndustryEvents, 2_200.0, Shape::Irregular, 0.21),
    ("Kuressaare Windows OÜ", IndustryConstruction, 1_800.0, Shape::Fluctuating, 0.17),
    ("Vaasa Energy Consulting Oy", IndustryConsulting, 1_400.0, Shape::Lost, 0.36),
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

/// Each [`DemoText`]'s words, in the order of `DemoText::ALL` (a fixed size: looking one up
/// needs no bounds check).
type Words = [&'static str; DemoText::ALL.len()];

/// The whole demo workspace, its texts worded by `text` (the app's words in the reader's
/// language). Deterministic: the same on every call and every machine for the same words.
pub fn demo_workspace(text: impl Fn(DemoText) -> &'static str) -> Workspace {
    let words: Words = std::array::from_fn(|i| text(DemoText::ALL[i]));
    let mut rng = Rng(0x4B41_4D20_4445_4D4F);
    let mut ws = Workspace::default();
    for &(name, industry, monthly, shape, margin) in ACCOUNTS {
        let mut account = Account::new(name);
        account.industry = words[industry as usize].into();
        let lines = history(monthly, shape, margin, &mut rng);
        ws.set_history(&account.id, monthly_totals(&lines));
        ws.insert_account(account);
    }
    for (n, (name, manager, mut dossier)) in dossiers::key_dossiers(&words).into_iter().enumerate() {
        let id = ws.accounts().iter().find(|a| a.name == name).expect("demo key account exists").id.clone();
        ws.change_account(&id, |account| {
            account.is_key = true;
            account.manager = manager.into();
        });
        // Ids numbered in the dossier's order, not derived from its texts: two people who load
        // the demo, in any language, hold the same items.
        let seed = format!("demo{}", n + 1);
        dossier.assign_ids(Some(&|| seed.clone()));
        dossier.account_id = id;
        ws.upsert_dossier(dossier);
    }
    ws
}

/// The demo as the core's tests read it ([`tests::english`]).
#[cfg(test)]
pub(crate) fn test_demo() -> Workspace {
    demo_workspace(tests::english)
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

    /// The texts the core's tests read, in English (the app's words have them all); every other
    /// text reads as its id.
    pub(super) fn english(t: DemoText) -> &'static str {
        match t {
            PickingRobotPilot => "Picking robot pilot, Aarhus",
            SiteVisitOslo => "Site visit in Oslo with Anders Kjær",
            AnnualBusinessReview => "Annual business review",
            QualityAudit => "Quality audit",
            WinNorway => "Win the Norway pallet business",
            NordicTransportTender => "Nordic transport tender 2027",
            IndustryLogistics => "Logistics",
            other => other.id(),
        }
    }

    #[test]
    fn demo_has_about_forty_accounts_with_24_months() {
        let ws = test_demo();
        assert_eq!(ws.accounts().len(), 40);
        let ids: HashSet<_> = ws.accounts().iter().map(|a| &a.id).collect();
        assert_eq!(ids.len(), 40, "account ids are unique");
        let first = ws.histories().flat_map(|(_, months)| months).filter_map(|m| m.first_day()).min().unwrap();
        let last = ws.latest_order_date().unwrap();
        assert_eq!(first.format("%Y-%m").to_string(), "2024-11");
        assert_eq!(last.format("%Y-%m").to_string(), "2026-10");
        for account in ws.accounts() {
            assert!(!ws.history(&account.id).unwrap().is_empty(), "{} has orders", account.name);
        }
    }

    #[test]
    fn demo_is_deterministic() {
        assert_eq!(test_demo(), test_demo());
    }

    /// Every text is used, each where its name says, and nothing else in the demo depends on the
    /// words: a demo in other words differs from this one in those texts only, item ids included.
    #[test]
    fn every_text_comes_from_the_words_given() {
        let ws = test_demo();
        let json = serde_json::to_string(&ws).unwrap();
        for t in DemoText::ALL {
            assert!(json.contains(&format!("\"{}\"", english(*t))), "{t:?} is used");
        }
        let nordhavn = ws.dossier("nordhavn logistics a/s").unwrap();
        assert_eq!(nordhavn.proposals[0].title, "Picking robot pilot, Aarhus");
        assert_eq!(nordhavn.actions[0].text, "Site visit in Oslo with Anders Kjær");
        assert_eq!(nordhavn.meetings[0].title, "Annual business review");
        assert_eq!(nordhavn.objectives[0].measure, "win_norway_measure");
        assert_eq!(nordhavn.units, ["denmark", "sweden", "norway"]);
        assert_eq!(ws.account("nordhavn logistics a/s").unwrap().industry, "Logistics");
        assert_eq!(ws.account("gdańsk cold chain sp. z o.o.").unwrap().industry, "Logistics");
        let other = demo_workspace(|t| if t == SiteVisitOslo { "«site_visit_oslo»" } else { t.id() });
        let other_nordhavn = other.dossier("nordhavn logistics a/s").unwrap();
        assert_eq!(other_nordhavn.actions[0].text, "«site_visit_oslo»");
        assert_eq!(other_nordhavn.whitespace.len(), nordhavn.whitespace.len());
        for (a, b) in ws.dossiers().iter().zip(other.dossiers()) {
            let ids = |d: &crate::model::Dossier| {
                let v = serde_json::to_value(d).unwrap();
                let mut out = Vec::new();
                for list in v.as_object().unwrap().values().filter_map(|l| l.as_array()) {
                    out.extend(list.iter().filter_map(|item| item.get("id").or(item.get("uid")).cloned()));
                }
                out
            };
            assert_eq!(ids(a), ids(b), "{}: item ids do not depend on the words", a.account_id);
        }
        assert_eq!(ws.history("nordhavn logistics a/s"), other.history("nordhavn logistics a/s"));
    }

    /// The scores are stored under the preset factors' keys, so the demo is placed on the matrix
    /// whatever language the factors are shown in.
    #[test]
    fn demo_scores_count_for_the_default_factors() {
        let ws = test_demo();
        let p = &ws.programme;
        assert!(p.attractiveness.iter().chain(&p.strength).all(|f| f.preset.is_some() && f.name.is_empty()));
        let placed = ws.dossiers().iter().filter(|d| crate::analysis::matrix_point(d, p).is_some()).count();
        assert_eq!(placed, 3, "Nordhavn, Helsinki and Tartu are scored");
        let nordhavn = crate::analysis::matrix_point(ws.dossier("nordhavn logistics a/s").unwrap(), p).unwrap();
        assert_eq!(nordhavn.quadrant, crate::analysis::Quadrant::Strategic);
    }

    #[test]
    fn demo_key_accounts_have_partly_filled_dossiers() {
        let ws = test_demo();
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
        let ws = test_demo();
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
