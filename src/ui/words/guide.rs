//! Words of the guide (issue 16 point 9): each topic's title (the links' names, so they are here
//! and not in the fetched texts), the articles' names and where a rule comes from. The
//! explanations themselves are fetched per language from `locales/guide/` (see `pages::guide`).

use crate::i18n::{tr, tr_args};
use kam_core::guide::{Article, Origin, Topic};

use super::text::and_list;

/// A topic's title: the guide's heading and the name of every link to it.
pub fn title(topic: Topic) -> &'static str {
    match topic {
        Topic::SixReasons => tr("Why an account is key: six reasons"),
        Topic::ThreePs => tr("Prospects: need, solvency and power"),
        Topic::Dependency => tr("Dependency on one account"),
        Topic::KeyShare => tr("The key accounts' share of the business"),
        Topic::AbsoluteThreshold => tr("A yearly amount that makes an account key"),
        Topic::ProgrammeSize => tr("How many key accounts: 5 to 25, start small"),
        Topic::ManagerLoad => tr("One manager, one to three key accounts"),
        Topic::Innovators => tr("Innovators are few"),
        Topic::Qualification => tr("Written criteria and candidates"),
        Topic::Abc => tr("ABC: ranking by value"),
        Topic::Xyz => tr("XYZ: how regularly an account buys"),
        Topic::Matrix => tr("The ABC–XYZ matrix and its advice"),
        Topic::Movement => tr("Movement between two windows"),
        Topic::Dossier => tr("The dossier and its completeness"),
        Topic::Knowledge => tr("Knowledge belongs to the company"),
        Topic::PersonalDetails => tr("Personal details"),
        Topic::Pestel => tr("Analysis: goals, market, PESTEL"),
        Topic::Tenders => tr("Tenders: nine months ahead"),
        Topic::Proposals => tr("Proposals and their follow-up"),
        Topic::Losing => tr("Lost accounts and winning them back"),
        Topic::AfterSale => tr("After the deal and the risk of loss"),
        Topic::Promises => tr("Promises kept by operations"),
        Topic::SevenSteps => tr("The programme's seven steps"),
        Topic::Sponsor => tr("An executive sponsor for every key account"),
        Topic::Champion => tr("The KAM champion"),
        Topic::Roles => tr("Views per role"),
        Topic::Skills => tr("Skills of a key account manager"),
        Topic::PortfolioMatrix => tr("The key-account portfolio matrix"),
        Topic::LifetimeValue => tr("Lifetime value and cost to serve"),
        Topic::Health => tr("The account health score"),
        Topic::HealthMonths => tr("Health over the years"),
        Topic::Reminders => tr("Reminders and the annual clock"),
        Topic::Brief => tr("Preparing a meeting"),
        Topic::Convince => tr("What convinces each role"),
        Topic::Import => tr("Importing order data"),
    }
}

/// The name of a link to a topic, for assistive technology and the tooltip.
pub fn link_name(topic: Topic) -> String {
    tr_args("In the guide: {0}", &[("0", &title(topic))])
}

pub fn article_name(article: Article) -> &'static str {
    match article {
        Article::Estonian => tr("the Estonian article"),
        Article::Chinese => tr("the Chinese article"),
        Article::Finnish => tr("the Finnish article"),
        Article::Javanese => tr("the Javanese article"),
        Article::Russian => tr("the Russian article"),
    }
}

/// Where the topic's rule comes from, as one sentence.
pub fn origin(topic: Topic) -> String {
    let articles: Vec<&str> = topic.articles().iter().map(|a| article_name(*a)).collect();
    let articles = and_list(&articles);
    match topic.origin() {
        Origin::Articles => tr_args("From {0}.", &[("0", &articles)]),
        Origin::ArticlesAndApp => tr_args("From {0}; the numbers and checks are the app's own.", &[("0", &articles)]),
        Origin::App => tr("The app's own addition: no article states it.").to_string(),
    }
}

pub const TITLE: &str = "Guide";
pub const TOPICS: &str = "Topics";
pub const LOADING: &str = "Opening the guide…";
pub const UNAVAILABLE: &str =
    "The guide could not be loaded ({0}). It needs to be opened once while online; after that it works offline.";
pub const QUOTED: &str = "In the article's words";
/// Before a line of links to the guide's topics.
pub const SEE: &str = "In the guide:";
