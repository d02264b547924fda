//! The guide inside the app (issue 16 point 9): each rule, threshold and finding the app shows
//! links to a topic, and each topic says which source articles it comes from and whether the
//! rule (or its numbers) is the app's own addition. This is the same provenance as
//! `docs/model.md`, whose section each topic names; a test reads that document and checks that
//! the section cites the same articles and marks the app's own additions.
//!
//! The explanations themselves are words for people, in each language (`locales/guide/`): they
//! are fetched only when the guide is opened, so they weigh on no visitor who does not read it.

/// One of the five source articles (`docs/model.md`, "Sources and how they are cited").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Article {
    Estonian,
    Chinese,
    Finnish,
    Javanese,
    Russian,
}

impl Article {
    pub const ALL: [Article; 5] =
        [Article::Estonian, Article::Chinese, Article::Finnish, Article::Javanese, Article::Russian];

    /// The article's language, as a BCP 47 tag (for the `lang` of a quotation).
    pub fn lang(self) -> &'static str {
        match self {
            Article::Estonian => "et",
            Article::Chinese => "zh",
            Article::Finnish => "fi",
            Article::Javanese => "jv",
            Article::Russian => "ru",
        }
    }

    /// The article's title as it appears in its text (a citation, in the article's language).
    pub fn title(self) -> &'static str {
        match self {
            Article::Estonian => "Nipid võtmekliendiprogrammi edukaks juurutamiseks",
            Article::Chinese => "如何在关键客户管理上获得成功?",
            Article::Finnish => "Kasvua suunnitelmallisella avainasiakkuuksien johtamisella",
            Article::Javanese => {
                "Klien utama - sapa, jinis, subtleties saka karya, manajemen lan pangembangan klien tombol"
            }
            Article::Russian => "Особенности работы с ключевыми клиентами",
        }
    }
}

/// Where a topic's rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The articles state the rule and its numbers.
    Articles,
    /// The articles state the rule; its numbers, limits or the check are the app's own.
    ArticlesAndApp,
    /// No article states it: the app's own addition.
    App,
}

macro_rules! topics {
    ($($variant:ident = $id:literal, $section:literal, $origin:ident, [$($article:ident),*], $quoted:expr;)*) => {
        /// A topic of the guide: one rule, or a few that belong together.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Topic {
            $($variant,)*
        }

        impl Topic {
            /// Every topic, in the guide's order (the order of `docs/model.md`).
            pub const ALL: &'static [Topic] = &[$(Topic::$variant,)*];

            /// The topic's stable id: the guide's anchor and the key of its texts.
            pub fn id(self) -> &'static str {
                match self {
                    $(Topic::$variant => $id,)*
                }
            }

            /// The section of `docs/model.md` that holds the rule ("2.3").
            pub fn model_section(self) -> &'static str {
                match self {
                    $(Topic::$variant => $section,)*
                }
            }

            pub fn origin(self) -> Origin {
                match self {
                    $(Topic::$variant => Origin::$origin,)*
                }
            }

            /// The articles the rule comes from, in the order the guide names them.
            pub fn articles(self) -> &'static [Article] {
                match self {
                    $(Topic::$variant => &[$(Article::$article),*],)*
                }
            }

            /// The article the guide quotes for this topic, if any (the quotation itself is in
            /// `locales/guide/quotes.json`, in that article's language).
            pub fn quoted(self) -> Option<Article> {
                match self {
                    $(Topic::$variant => $quoted,)*
                }
            }
        }
    };
}

use crate::model::Section;
use Article::{Chinese as Zh, Estonian as Et, Finnish as Fi, Javanese as Jv, Russian as Ru};

topics! {
    SixReasons = "six-reasons", "2.1", Articles, [Russian], Some(Ru);
    ThreePs = "three-ps", "2.2", ArticlesAndApp, [Javanese], Some(Jv);
    Dependency = "dependency", "2.3", Articles, [Russian], Some(Ru);
    KeyShare = "key-share", "2.4", Articles, [Russian, Javanese], Some(Ru);
    AbsoluteThreshold = "absolute-threshold", "2.5", ArticlesAndApp, [Russian], Some(Ru);
    ProgrammeSize = "programme-size", "2.6", Articles, [Estonian, Chinese], Some(Et);
    ManagerLoad = "manager-load", "2.6", Articles, [Russian], Some(Ru);
    Innovators = "innovators", "2.6", ArticlesAndApp, [Russian], Some(Ru);
    Qualification = "qualification", "2.6", ArticlesAndApp, [Chinese], Some(Zh);
    Abc = "abc", "3", ArticlesAndApp, [Javanese], Some(Jv);
    Xyz = "xyz", "3", ArticlesAndApp, [Javanese], Some(Jv);
    Matrix = "matrix", "3.5", App, [], None;
    Movement = "movement", "3.7", ArticlesAndApp, [Estonian], Some(Et);
    Dossier = "dossier", "4.1", ArticlesAndApp, [Javanese, Russian, Finnish], Some(Jv);
    Knowledge = "knowledge", "4.2", Articles, [Finnish], Some(Fi);
    PersonalDetails = "personal-details", "4.1", Articles, [Russian], Some(Ru);
    Pestel = "pestel", "4.1", ArticlesAndApp, [Finnish], Some(Fi);
    Tenders = "tenders", "5", ArticlesAndApp, [Russian], Some(Ru);
    Proposals = "proposals", "5", Articles, [Russian], Some(Ru);
    Losing = "losing", "6", ArticlesAndApp, [Javanese], Some(Jv);
    AfterSale = "after-sale", "6.1", ArticlesAndApp, [Russian, Javanese], Some(Ru);
    Promises = "promises", "6.1", ArticlesAndApp, [Chinese], Some(Zh);
    SevenSteps = "seven-steps", "7", ArticlesAndApp, [Chinese, Estonian], Some(Zh);
    Sponsor = "sponsor", "7", Articles, [Chinese, Estonian], Some(Zh);
    Champion = "champion", "7", Articles, [Chinese, Estonian], Some(Zh);
    Roles = "roles", "7.1", App, [], None;
    Skills = "skills", "8", ArticlesAndApp, [Javanese, Russian, Chinese], Some(Zh);
    PortfolioMatrix = "portfolio-matrix", "9", App, [], None;
    LifetimeValue = "lifetime-value", "10", ArticlesAndApp, [Estonian, Chinese], Some(Zh);
    Health = "health", "11", App, [], None;
    HealthMonths = "health-months", "11.1", App, [], None;
    Reminders = "reminders", "13", ArticlesAndApp, [Finnish], Some(Fi);
    Brief = "brief", "13.1", ArticlesAndApp, [Javanese, Russian], Some(Jv);
    Convince = "convince", "13.1", ArticlesAndApp, [Russian], Some(Ru);
    Import = "import", "14", App, [], None;
}

impl Topic {
    /// The topic with this id (an address's `#anchor`).
    pub fn parse(id: &str) -> Option<Topic> {
        Topic::ALL.iter().copied().find(|t| t.id() == id)
    }

    /// The topic that explains a section of the dossier.
    pub fn of_section(section: Section) -> Topic {
        match section {
            Section::General | Section::Timeline | Section::Competitors | Section::Strategy => Topic::Dossier,
            Section::Qualification => Topic::SixReasons,
            Section::People => Topic::PersonalDetails,
            Section::Analysis => Topic::Pestel,
            Section::Team => Topic::Sponsor,
            Section::Plan => Topic::Reminders,
            Section::Metrics => Topic::LifetimeValue,
            Section::Tenders => Topic::Tenders,
            Section::AfterSale => Topic::AfterSale,
            Section::Status => Topic::Losing,
        }
    }

    /// The topic that explains step `step` (1 to 7) of the programme (`docs/model.md` section 7).
    pub fn of_step(step: u8) -> Topic {
        match step {
            2 => Topic::Sponsor,
            3 => Topic::Champion,
            4 => Topic::ProgrammeSize,
            5 => Topic::Skills,
            6 => Topic::LifetimeValue,
            7 => Topic::Qualification,
            _ => Topic::SevenSteps,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// How `docs/model.md` cites an article ("Russian article").
    fn citation(article: Article) -> &'static str {
        match article {
            Article::Estonian => "Estonian article",
            Article::Chinese => "Chinese article",
            Article::Finnish => "Finnish article",
            Article::Javanese => "Javanese article",
            Article::Russian => "Russian article",
        }
    }

    fn root() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The text of `docs/model.md`'s section `number` ("2.3", "5"): from its heading to the next
    /// heading of the same or a higher level, as one line.
    fn section(doc: &str, number: &str) -> String {
        let depth = if number.contains('.') { "###" } else { "##" };
        let start = format!("{depth} {number} ");
        let mut out = String::new();
        let mut inside = false;
        for line in doc.lines() {
            if line.starts_with(&start) || (depth == "##" && line.starts_with(&format!("## {number}. "))) {
                inside = true;
            } else if inside && (line.starts_with("## ") || (depth == "###" && line.starts_with("### "))) {
                break;
            }
            if inside {
                // One line: a citation may break across the document's lines.
                out.push_str(line);
                out.push(' ');
            }
        }
        out
    }

    #[test]
    fn ids_are_unique_and_parse_back() {
        let ids: BTreeSet<&str> = Topic::ALL.iter().map(|t| t.id()).collect();
        assert_eq!(ids.len(), Topic::ALL.len());
        for &t in Topic::ALL {
            assert_eq!(Topic::parse(t.id()), Some(t));
            assert!(t.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{} is a plain anchor", t.id());
        }
        assert_eq!(Topic::parse("no-such-topic"), None);
    }

    #[test]
    fn sections_and_steps_lead_to_their_topics() {
        assert_eq!(Topic::of_section(Section::Qualification), Topic::SixReasons);
        assert_eq!(Topic::of_section(Section::AfterSale), Topic::AfterSale);
        let steps: Vec<Topic> = (1..=7).map(Topic::of_step).collect();
        assert_eq!(steps.iter().collect::<BTreeSet<_>>().len(), 7, "each step has its own topic");
        assert_eq!(steps[0], Topic::SevenSteps);
        // Every step's topic cites the articles of section 7 or the section of its rule.
        assert!(steps.iter().all(|t| !t.articles().is_empty()));
    }

    #[test]
    fn every_topic_cites_what_the_model_document_cites() {
        let doc = std::fs::read_to_string(root().join("docs/model.md")).unwrap();
        for &t in Topic::ALL {
            let text = section(&doc, t.model_section());
            assert!(!text.is_empty(), "{}: docs/model.md has no section {}", t.id(), t.model_section());
            for a in t.articles() {
                assert!(
                    text.contains(citation(*a)),
                    "{}: section {} does not cite the {}",
                    t.id(),
                    t.model_section(),
                    citation(*a)
                );
            }
            let own = text.to_lowercase().contains("app's own");
            match t.origin() {
                Origin::Articles => assert!(!t.articles().is_empty(), "{}", t.id()),
                Origin::ArticlesAndApp => {
                    assert!(
                        !t.articles().is_empty() && own,
                        "{}: section {} marks no own addition",
                        t.id(),
                        t.model_section()
                    )
                }
                Origin::App => assert!(
                    t.articles().is_empty() && own,
                    "{}: section {} is not the app's own",
                    t.id(),
                    t.model_section()
                ),
            }
            if let Some(q) = t.quoted() {
                assert!(t.articles().contains(&q), "{} quotes an article it does not cite", t.id());
            }
        }
    }

    type Texts = BTreeMap<String, Vec<String>>;

    fn guide(tag: &str) -> (Vec<String>, Texts) {
        let path = root().join(format!("locales/guide/{tag}.json"));
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
        };
        let topics = v["topics"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), strings(v))).collect();
        (strings(&v["intro"]), topics)
    }

    #[test]
    fn every_language_explains_every_topic_and_nothing_else() {
        let (en_intro, en) = guide("en");
        let ids: BTreeSet<String> = Topic::ALL.iter().map(|t| t.id().to_string()).collect();
        assert_eq!(en.keys().cloned().collect::<BTreeSet<_>>(), ids, "locales/guide/en.json has one entry per topic");
        for tag in ["en", "et", "fi", "ru", "zh-CN", "id", "jv"] {
            let (intro, topics) = guide(tag);
            assert_eq!(intro.len(), en_intro.len(), "{tag}: the introduction's paragraphs");
            assert_eq!(topics.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>(), "{tag}: the topics");
            for (id, paragraphs) in &topics {
                assert_eq!(paragraphs.len(), en[id].len(), "{tag}: {id}'s paragraphs");
                assert!(paragraphs.iter().all(|p| p.trim().len() > 20), "{tag}: {id} has an empty paragraph");
                if tag != "en" {
                    assert!(paragraphs.iter().zip(&en[id]).all(|(p, e)| p != e), "{tag}: {id} is still English");
                }
            }
        }
    }

    #[test]
    fn quotations_are_there_for_the_quoted_topics_only() {
        let path = root().join("locales/guide/quotes.json");
        let quotes: BTreeMap<String, String> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for &t in Topic::ALL {
            assert_eq!(
                quotes.contains_key(t.id()),
                t.quoted().is_some(),
                "{}: a quotation exactly when quoted",
                t.id()
            );
        }
        assert_eq!(quotes.len(), Topic::ALL.iter().filter(|t| t.quoted().is_some()).count());
        // Each quotation is in its article's script: Cyrillic for Russian, Han for Chinese.
        for &t in Topic::ALL {
            let Some(q) = quotes.get(t.id()) else { continue };
            match t.quoted() {
                Some(Article::Russian) => assert!(q.chars().any(|c| ('а'..='я').contains(&c)), "{}", t.id()),
                Some(Article::Chinese) => {
                    assert!(q.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", t.id())
                }
                _ => assert!(
                    !q.chars().any(|c| ('а'..='я').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{}",
                    t.id()
                ),
            }
        }
    }
}
