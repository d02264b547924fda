//! The demo's key accounts and their dossiers: the structure (people, dates, numbers, scores)
//! is here, every text comes from the caller in the reader's language ([`DemoText`]).

use chrono::NaiveDate;

use super::DemoText;
use crate::model::{
    Action, ActionStatus, Attitude, CellState, Competitor, DmuRole, Dossier, EventKind, FactorPreset, KeyReason,
    Meeting, Metrics, Objective, Outcome, Person, Proposal, RelationshipStage, TeamMember, Tender, TimelineEvent,
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

/// Key accounts of the demo, with a manager and a partly filled dossier each, its texts worded
/// by `t`. Scores are stored under each preset factor's score key.
pub(super) fn key_dossiers(t: &dyn Fn(DemoText) -> String) -> Vec<(&'static str, &'static str, Dossier)> {
    use DemoText::*;
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
        t(NordhavnOverview).as_str(),
        Some(2_300),
        &[(BigRevenue, t(NordhavnProfitShare).as_str()), (Partner, t(NordhavnSharesRoadmap).as_str())],
        t(SponsorHenrikBerg).as_str(),
        vec![
            person(
                1,
                "Jens Madsen",
                t(TitleCoo).as_str(),
                None,
                "Decider",
                "Supporter",
                "Maria Lind",
                "1971-03-14",
                t(JensMadsenNotes).as_str(),
            ),
            person(
                2,
                "Sofie Holm",
                t(TitleHeadOfProcurement).as_str(),
                Some(1),
                "Finance",
                "Neutral",
                "Maria Lind",
                "",
                "",
            ),
            person(
                3,
                "Anders Kjær",
                t(TitleItArchitect).as_str(),
                Some(1),
                "Technical evaluator",
                "Champion",
                "Pekka Virtanen",
                "",
                t(AndersKjaerNotes).as_str(),
            ),
        ],
        &["LogiNord", "ScanFreight"],
    );
    nordhavn.timeline = vec![
        TimelineEvent {
            id: Default::default(),
            date: date(2024, 11, 4),
            kind: EventKind::Win,
            text: t(FrameworkAgreement),
        },
        TimelineEvent {
            id: Default::default(),
            date: date(2025, 9, 18),
            kind: EventKind::Problem,
            text: t(LateDeliveries),
        },
        TimelineEvent {
            id: Default::default(),
            date: date(2025, 10, 2),
            kind: EventKind::Resolution,
            text: t(BackupCarrier),
        },
    ];
    nordhavn.offerings = vec![t(PalletHandling), t(PickingRobots), t(ServiceContracts)];
    nordhavn.units = vec![t(Denmark), t(Sweden), t(Norway)];
    nordhavn.set_cell(t(PalletHandling).as_str(), t(Denmark).as_str(), |c| c.state = CellState::Bought);
    nordhavn.set_cell(t(PalletHandling).as_str(), t(Sweden).as_str(), |c| c.state = CellState::Bought);
    nordhavn.set_cell(t(PalletHandling).as_str(), t(Norway).as_str(), |c| {
        c.state = CellState::Competitor;
        c.potential = Some(400_000.0)
    });
    nordhavn.set_cell(t(PickingRobots).as_str(), t(Denmark).as_str(), |c| {
        c.state = CellState::InProgress;
        c.potential = Some(1_200_000.0)
    });
    nordhavn.set_cell(t(ServiceContracts).as_str(), t(Sweden).as_str(), |c| {
        c.state = CellState::Opportunity;
        c.potential = Some(250_000.0)
    });
    nordhavn.team = vec![
        TeamMember { id: Default::default(), name: "Maria Lind".into(), responsibility: t(KeyAccountManager) },
        TeamMember { id: Default::default(), name: "Pekka Virtanen".into(), responsibility: t(SolutionArchitect) },
    ];
    nordhavn.objectives = vec![Objective {
        id: Default::default(),
        text: t(WinNorway),
        measure: t(WinNorwayMeasure),
        due: date(2027, 6, 30),
    }];
    nordhavn.actions = vec![
        Action {
            id: Default::default(),
            text: t(SiteVisitOslo),
            owner: "Maria Lind".into(),
            due: date(2026, 11, 10),
            status: ActionStatus::Open,
        },
        Action {
            id: Default::default(),
            text: t(RobotPilotProposal),
            owner: "Pekka Virtanen".into(),
            due: date(2027, 1, 15),
            status: ActionStatus::InProgress,
        },
    ];
    nordhavn.meetings = vec![
        Meeting {
            id: Default::default(),
            title: t(AnnualBusinessReview),
            month: 2,
            day: Some(12),
            with: "Jens Madsen".into(),
        },
        Meeting { id: Default::default(), title: t(RoadmapWorkshop), month: 9, day: None, with: "Anders Kjær".into() },
    ];
    nordhavn.metrics = Metrics { cost_to_serve: Some(95_000.0), wallet: Some(3_500_000.0), ..Default::default() };
    nordhavn.tenders = vec![Tender {
        id: Default::default(),
        title: t(NordicTransportTender),
        date: date(2027, 5, 3),
        notes: t(NordicTransportTenderNotes),
        outcome: Outcome::Open,
    }];
    nordhavn.proposals = vec![Proposal {
        title: t(PickingRobotPilot),
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
        t(HelsinkiOverview).as_str(),
        Some(410),
        &[(BigRevenue, ""), (MoreCompetent, t(HelsinkiAudits).as_str())],
        t(SponsorHenrikBerg).as_str(),
        vec![
            person(
                1,
                "Liisa Korhonen",
                t(TitleManagingDirector).as_str(),
                None,
                "Decider",
                "Supporter",
                "Pekka Virtanen",
                "1975-11-30",
                t(LiisaKorhonenNotes).as_str(),
            ),
            person(
                2,
                "Mikko Laine",
                t(TitleQualityManager).as_str(),
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
        title: t(QualityAudit),
        month: 4,
        day: None,
        with: "Mikko Laine".into(),
    }];
    let mut tartu = d(
        t(TartuOverview).as_str(),
        Some(120),
        &[(Innovator, t(TartuPilots).as_str()), (Potential, "")],
        t(SponsorAnuTamm).as_str(),
        vec![],
        &[],
    );
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
                t(BalticOverview).as_str(),
                Some(870),
                &[(BigRevenue, "")],
                "",
                vec![person(
                    1,
                    "Ilze Kalniņa",
                    t(TitleCfo).as_str(),
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
        (
            "Uppsala BioLabs AB",
            "Jonas Ek",
            d(t(UppsalaOverview).as_str(), Some(60), &[(Reference, "")], "", vec![], &[]),
        ),
    ]
}
