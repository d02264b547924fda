//! Words of the demo portfolio: each of its texts ([`DemoText`]) in the reader's language, so
//! that the demo loads in it. Names of companies and people are not here: they stay as they are.

use crate::i18n::{tr, tr_args};
use crate::import_client::WorkerProblem;
use kam_core::demo::DemoText;
use kam_core::model::Workspace;

/// One text of the demo, e.g. "Annual business review".
pub fn demo_text(text: DemoText) -> &'static str {
    use DemoText::*;
    match text {
        IndustryLogistics => tr("Logistics"),
        IndustryWoodPaper => tr("Wood & paper"),
        IndustryHealthcare => tr("Healthcare"),
        IndustryPortServices => tr("Port services"),
        IndustryEnergy => tr("Energy"),
        IndustryManufacturing => tr("Manufacturing"),
        IndustryFoodProcessing => tr("Food processing"),
        IndustryAutomotive => tr("Automotive"),
        IndustryOilGas => tr("Oil & gas"),
        IndustryShipbuilding => tr("Shipbuilding"),
        IndustryChemicals => tr("Chemicals"),
        IndustryLifeSciences => tr("Life sciences"),
        IndustryItServices => tr("IT services"),
        IndustryRenewables => tr("Renewables"),
        IndustryFurniture => tr("Furniture"),
        IndustryRetail => tr("Retail"),
        IndustryFacilityServices => tr("Facility services"),
        IndustryHospitality => tr("Hospitality"),
        IndustryMetals => tr("Metals"),
        IndustryCleantech => tr("Cleantech"),
        IndustryPackaging => tr("Packaging"),
        IndustryAgriculture => tr("Agriculture"),
        IndustryElectronics => tr("Electronics"),
        IndustryTextiles => tr("Textiles"),
        IndustryMachinery => tr("Machinery"),
        IndustryTransport => tr("Transport"),
        IndustryMarine => tr("Marine"),
        IndustryFoodRetail => tr("Food retail"),
        IndustryTourism => tr("Tourism"),
        IndustryAutomation => tr("Automation"),
        IndustryPrinting => tr("Printing"),
        IndustryEvents => tr("Events"),
        IndustryConstruction => tr("Construction"),
        IndustryConsulting => tr("Consulting"),
        NordhavnOverview => {
            tr("Third-party logistics for the Nordic retail sector; 14 warehouses, moving to automated picking.")
        }
        NordhavnProfitShare => tr("About 14 % of our profit over the last 12 months."),
        NordhavnSharesRoadmap => tr("Shares its warehouse automation roadmap with us twice a year."),
        SponsorHenrikBerg => tr("Henrik Berg (CEO)"),
        TitleCoo => tr("COO"),
        TitleHeadOfProcurement => tr("Head of Procurement"),
        TitleItArchitect => tr("IT Architect"),
        JensMadsenNotes => tr("Sails on weekends; two daughters."),
        AndersKjaerNotes => tr("Runs marathons."),
        FrameworkAgreement => tr("Three-year framework agreement for pallet handling."),
        LateDeliveries => tr("Late deliveries to the Aarhus warehouse during the strike."),
        BackupCarrier => tr("Backup carrier agreed; credit note issued."),
        PalletHandling => tr("Pallet handling"),
        PickingRobots => tr("Picking robots"),
        ServiceContracts => tr("Service contracts"),
        Denmark => tr("Denmark"),
        Sweden => tr("Sweden"),
        Norway => tr("Norway"),
        KeyAccountManager => tr("Key account manager"),
        SolutionArchitect => tr("Solution architect"),
        WinNorway => tr("Win the Norway pallet business"),
        WinNorwayMeasure => tr("Signed contract, 400 k€ a year"),
        SiteVisitOslo => tr("Site visit in Oslo with Anders Kjær"),
        RobotPilotProposal => tr("Robot pilot proposal"),
        AnnualBusinessReview => tr("Annual business review"),
        RoadmapWorkshop => tr("Roadmap workshop"),
        NordicTransportTender => tr("Nordic transport tender 2027"),
        NordicTransportTenderNotes => tr("Public tender, all three countries."),
        PickingRobotPilot => tr("Picking robot pilot, Aarhus"),
        HelsinkiOverview => {
            tr("Distributor of hospital consumables; demanding quality audits that raised our own standards.")
        }
        HelsinkiAudits => tr("Their ISO 13485 audits taught us traceability."),
        TitleManagingDirector => tr("Managing Director"),
        TitleQualityManager => tr("Quality Manager"),
        LiisaKorhonenNotes => tr("Choir singer."),
        QualityAudit => tr("Quality audit"),
        TartuOverview => tr("Fast-growing software house; first to pilot our new products."),
        TartuPilots => tr("Piloted our last two product launches."),
        SponsorAnuTamm => tr("Anu Tamm (CTO)"),
        BalticOverview => tr("Sawmills in Latvia and Estonia exporting to Germany and the UK."),
        TitleCfo => tr("CFO"),
        UppsalaOverview => {
            tr("University spin-off, well known in Swedish life sciences: a reference that opens doors.")
        }
    }
}

/// The worker that makes the demo did not start or stopped (the page's only demo words).
pub fn demo_failed(problem: &WorkerProblem) -> String {
    match problem {
        WorkerProblem::NotStarted(why) | WorkerProblem::Crashed(why) => tr_args(
            "The demo portfolio could not be made in this browser ({why}). Nothing was changed. Reload the page and try again.",
            &[("why", why)],
        ),
        WorkerProblem::Garbled => {
            tr("The demo portfolio could not be made. Nothing was changed. Reload the page and try again.").into()
        }
    }
}

/// The demo portfolio in the reader's language (made in the import worker, and by tests).
pub fn demo_workspace() -> Workspace {
    kam_core::demo::demo_workspace(demo_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every text has words of its own (the catalogue test checks every language has them).
    #[test]
    fn every_demo_text_has_distinct_words() {
        let words: HashSet<&str> = DemoText::ALL.iter().map(|t| demo_text(*t)).collect();
        assert_eq!(words.len(), DemoText::ALL.len());
        assert!(words.iter().all(|w| !w.trim().is_empty()));
    }

    #[test]
    fn the_demo_reads_in_the_apps_words() {
        let ws = demo_workspace();
        let nordhavn = ws.dossier("nordhavn logistics a/s").unwrap();
        assert_eq!(nordhavn.meetings[0].title, "Annual business review");
        assert_eq!(nordhavn.objectives[0].text, "Win the Norway pallet business");
        assert_eq!(nordhavn.people[0].personal_notes, "Sails on weekends; two daughters.");
        assert_eq!(ws.account("baltic timber group").unwrap().industry, "Wood & paper");
    }
}
