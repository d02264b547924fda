//! The demo's key accounts and their dossiers: the structure (people, dates, numbers, scores)
//! is here, every text comes from the caller in the reader's language ([`DemoText`]).

use chrono::NaiveDate;

use super::DemoText;
use crate::model::{
    Action, ActionStatus, Attitude, CellState, Competitor, DmuRole, Dossier, EventKind, FactorPreset, KeyReason,
    Meeting, Metrics, Objective, Outcome, Person, Proposal, RelationshipStage, Target, TeamMember, Tender,
    TimelineEvent,
};

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

/// Key accounts of the demo, with a manager and a partly filled dossier each, its texts taken
/// from `words` (each [`DemoText`]'s, in the order of `DemoText::ALL`). Scores are stored under
/// each preset factor's score key.
pub(super) fn key_dossiers(words: &super::Words) -> Vec<(&'static str, &'static str, Dossier)> {
    use DemoText::*;
    use KeyReason::*;
    // A look-up, not a call per text: the demo ships in the app's download.
    let t = |x: DemoText| words[x as usize];
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
        t(NordhavnOverview),
        Some(2_300),
        &[(BigRevenue, t(NordhavnProfitShare)), (Partner, t(NordhavnSharesRoadmap))],
        t(SponsorHenrikBerg),
        vec![
            person(
                1,
                "Jens Madsen",
                t(TitleCoo),
                None,
                "Decider",
                "Supporter",
                "Maria Lind",
                "1971-03-14",
                t(JensMadsenNotes),
            ),
            person(2, "Sofie Holm", t(TitleHeadOfProcurement), Some(1), "Finance", "Neutral", "Maria Lind", "", ""),
            person(
                3,
                "Anders Kjær",
                t(TitleItArchitect),
                Some(1),
                "Technical evaluator",
                "Champion",
                "Pekka Virtanen",
                "",
                t(AndersKjaerNotes),
            ),
        ],
        &["LogiNord", "ScanFreight"],
    );
    nordhavn.timeline = vec![
        TimelineEvent {
            id: Default::default(),
            date: date(2024, 11, 4),
            kind: EventKind::Win,
            text: t(FrameworkAgreement).into(),
        },
        TimelineEvent {
            id: Default::default(),
            date: date(2025, 9, 18),
            kind: EventKind::Problem,
            text: t(LateDeliveries).into(),
        },
        TimelineEvent {
            id: Default::default(),
            date: date(2025, 10, 2),
            kind: EventKind::Resolution,
            text: t(BackupCarrier).into(),
        },
    ];
    nordhavn.offerings = vec![t(PalletHandling).into(), t(PickingRobots).into(), t(ServiceContracts).into()];
    nordhavn.units = vec![t(Denmark).into(), t(Sweden).into(), t(Norway).into()];
    nordhavn.set_cell(t(PalletHandling), t(Denmark), |c| c.state = CellState::Bought);
    nordhavn.set_cell(t(PalletHandling), t(Sweden), |c| c.state = CellState::Bought);
    nordhavn.set_cell(t(PalletHandling), t(Norway), |c| {
        c.state = CellState::Competitor;
        c.potential = Some(400_000.0)
    });
    nordhavn.set_cell(t(PickingRobots), t(Denmark), |c| {
        c.state = CellState::InProgress;
        c.potential = Some(1_200_000.0)
    });
    nordhavn.set_cell(t(ServiceContracts), t(Sweden), |c| {
        c.state = CellState::Opportunity;
        c.potential = Some(250_000.0)
    });
    nordhavn.team = vec![
        TeamMember { id: Default::default(), name: "Maria Lind".into(), responsibility: t(KeyAccountManager).into() },
        TeamMember {
            id: Default::default(),
            name: "Pekka Virtanen".into(),
            responsibility: t(SolutionArchitect).into(),
        },
    ];
    nordhavn.objectives = vec![Objective {
        id: Default::default(),
        text: t(WinNorway).into(),
        measure: t(WinNorwayMeasure).into(),
        due: date(2027, 6, 30),
    }];
    nordhavn.actions = vec![
        Action {
            id: Default::default(),
            text: t(SiteVisitOslo).into(),
            owner: "Maria Lind".into(),
            due: date(2026, 11, 10),
            status: ActionStatus::Open,
        },
        Action {
            id: Default::default(),
            text: t(RobotPilotProposal).into(),
            owner: "Pekka Virtanen".into(),
            due: date(2027, 1, 15),
            status: ActionStatus::InProgress,
        },
    ];
    nordhavn.meetings = vec![
        Meeting {
            id: Default::default(),
            title: t(AnnualBusinessReview).into(),
            month: 2,
            day: Some(12),
            with: "Jens Madsen".into(),
            ..Default::default()
        },
        Meeting {
            id: Default::default(),
            title: t(RoadmapWorkshop).into(),
            month: 9,
            day: None,
            with: "Anders Kjær".into(),
            ..Default::default()
        },
    ];
    nordhavn.metrics = Metrics { cost_to_serve: Some(95_000.0), wallet: Some(3_500_000.0), ..Default::default() };
    let target = |year: i32, revenue, profit, wallet_share_pct| Target {
        id: format!("target-{year}"),
        year: Some(year),
        revenue: Some(revenue),
        profit,
        wallet_share_pct,
        ..Default::default()
    };
    nordhavn.targets = vec![
        target(2025, 2_000_000.0, Some(380_000.0), None),
        target(2026, 2_400_000.0, Some(450_000.0), Some(70.0)),
        target(2027, 2_600_000.0, None, None),
    ];
    nordhavn.tenders = vec![Tender {
        id: Default::default(),
        title: t(NordicTransportTender).into(),
        date: date(2027, 5, 3),
        notes: t(NordicTransportTenderNotes).into(),
        outcome: Outcome::Open,
    }];
    nordhavn.proposals = vec![Proposal {
        title: t(PickingRobotPilot).into(),
        value: Some(180_000.0),
        sent: date(2026, 11, 20),
        valid_until: date(2026, 12, 31),
        ..Default::default()
    }];
    nordhavn.stage = RelationshipStage::Cooperative;
    nordhavn.attractiveness = [
        (FactorPreset::VolumeGrowth, 8),
        (FactorPreset::ProfitPotential, 6),
        (FactorPreset::StrategicFit, 8),
        (FactorPreset::ReferenceValue, 7),
        (FactorPreset::EaseOfBusiness, 6),
    ]
    .iter()
    .map(|(k, v)| (k.score_key().to_string(), *v))
    .collect();
    nordhavn.strength = [
        (FactorPreset::OfferingFit, 8),
        (FactorPreset::RelationshipAccess, 7),
        (FactorPreset::PriceTerms, 5),
        (FactorPreset::DeliveryRecord, 6),
        (FactorPreset::Reputation, 7),
    ]
    .iter()
    .map(|(k, v)| (k.score_key().to_string(), *v))
    .collect();
    let mut helsinki = d(
        t(HelsinkiOverview),
        Some(410),
        &[(BigRevenue, ""), (MoreCompetent, t(HelsinkiAudits))],
        t(SponsorHenrikBerg),
        vec![
            person(
                1,
                "Liisa Korhonen",
                t(TitleManagingDirector),
                None,
                "Decider",
                "Supporter",
                "Pekka Virtanen",
                "1975-11-30",
                t(LiisaKorhonenNotes),
            ),
            person(
                2,
                "Mikko Laine",
                t(TitleQualityManager),
                Some(1),
                "Influencer",
                "Opponent",
                "Pekka Virtanen",
                "",
                "",
            ),
        ],
        &["MedSupply Nordic"],
    );
    helsinki.stage = RelationshipStage::Basic;
    helsinki.attractiveness = [
        (FactorPreset::VolumeGrowth, 5),
        (FactorPreset::ProfitPotential, 8),
        (FactorPreset::StrategicFit, 6),
        (FactorPreset::ReferenceValue, 6),
        (FactorPreset::EaseOfBusiness, 4),
    ]
    .iter()
    .map(|(k, v)| (k.score_key().to_string(), *v))
    .collect();
    helsinki.strength = [
        (FactorPreset::OfferingFit, 6),
        (FactorPreset::RelationshipAccess, 4),
        (FactorPreset::PriceTerms, 5),
        (FactorPreset::DeliveryRecord, 7),
        (FactorPreset::Reputation, 5),
    ]
    .iter()
    .map(|(k, v)| (k.score_key().to_string(), *v))
    .collect();
    helsinki.meetings = vec![Meeting {
        id: Default::default(),
        title: t(QualityAudit).into(),
        month: 4,
        day: None,
        with: "Mikko Laine".into(),
        ..Default::default()
    }];
    let mut tartu =
        d(t(TartuOverview), Some(120), &[(Innovator, t(TartuPilots)), (Potential, "")], t(SponsorAnuTamm), vec![], &[]);
    tartu.stage = RelationshipStage::Exploratory;
    tartu.attractiveness =
        [(FactorPreset::VolumeGrowth, 9), (FactorPreset::ProfitPotential, 6), (FactorPreset::ReferenceValue, 9)]
            .iter()
            .map(|(k, v)| (k.score_key().to_string(), *v))
            .collect();
    tartu.strength =
        [(FactorPreset::OfferingFit, 5), (FactorPreset::RelationshipAccess, 3), (FactorPreset::PriceTerms, 4)]
            .iter()
            .map(|(k, v)| (k.score_key().to_string(), *v))
            .collect();
    vec![
        ("Nordhavn Logistics A/S", "Maria Lind", nordhavn),
        (
            "Baltic Timber Group",
            "Maria Lind",
            d(
                t(BalticOverview),
                Some(870),
                &[(BigRevenue, "")],
                "",
                vec![person(
                    1,
                    "Ilze Kalniņa",
                    t(TitleCfo),
                    None,
                    "Finance",
                    "Neutral",
                    "Maria Lind",
                    "1980-02-29",
                    "",
                )],
                &[],
            ),
        ),
        ("Helsinki Medical Supplies Oy", "Pekka Virtanen", helsinki),
        ("Tartu Software Partners OÜ", "Pekka Virtanen", tartu),
        ("Kraków Automotive Parts", "Maria Lind", d("", None, &[(Potential, "")], "", vec![], &["AutoDist PL"])),
        ("Uppsala BioLabs AB", "Jonas Ek", d(t(UppsalaOverview), Some(60), &[(Reference, "")], "", vec![], &[])),
    ]
}
