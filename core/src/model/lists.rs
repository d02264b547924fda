//! The closed lists of the dossier: each a `closed_list!`, with the stable ids that files and
//! IndexedDB store (and, for the lenient ones, the first release's labels so old data still reads).

use super::closed_list::closed_list;

closed_list! {
    /// The six reasons an account can be key (docs/model.md section 2). An account may have several.
    pub enum KeyReason {
        BigRevenue = "big_revenue",
        Potential = "potential",
        Reference = "reference",
        Partner = "partner",
        MoreCompetent = "more_competent",
        Innovator = "innovator",
    }
}

closed_list! {
    /// At which level the account is key (docs/model.md section 2.6, the Russian article): in
    /// the whole company's programme, for one department or business unit, or for one
    /// salesperson. Every level counts as key in the programme's checks.
    pub enum KeyLevel: lenient, default Company {
        Company = "company",
        Department = "department",
        Salesperson = "salesperson",
    }
}

// The lists below are `lenient`: the first release stored their English labels (and files of
// format version 1 free text), so those still read. `legacy` holds a first-release label where it
// differs from the id; `contains` holds fragments of older free text.

closed_list! {
    /// A person's role in the customer's decision.
    pub enum DmuRole: lenient, default Unknown {
        EconomicBuyer = "economic_buyer" legacy ["Economic buyer / decider"] contains ["decider", "decision", "economic"],
        User = "user" contains ["user"],
        TechnicalEvaluator = "technical_evaluator" legacy ["Technical evaluator"] contains ["technical", "evaluator"],
        Finance = "finance" contains ["finance", "financial", "cfo"],
        Influencer = "influencer" contains ["influenc"],
        Gatekeeper = "gatekeeper" contains ["gatekeeper", "gate"],
        Coach = "coach" contains ["coach"],
        Hr = "hr" contains ["human resources", "personnel", "people director"],
        Unknown = "unknown" legacy ["Not yet known"],
    }
}

closed_list! {
    /// A person's attitude towards us, from champion to opponent.
    pub enum Attitude: lenient, default Unknown {
        Champion = "champion" contains ["champion"],
        Supporter = "supporter" contains ["support"],
        Neutral = "neutral" contains ["neutral"],
        Sceptic = "sceptic" contains ["sceptic", "skeptic"],
        Opponent = "opponent" contains ["oppon"],
        Unknown = "unknown" legacy ["Not yet known"],
    }
}

closed_list! {
    /// What happened, on a dossier timeline.
    pub enum EventKind: lenient, default Note {
        Delivery = "delivery",
        Win = "win",
        Loss = "loss",
        Problem = "problem",
        Resolution = "resolution",
        Meeting = "meeting",
        Note = "note",
    }
}

closed_list! {
    /// One cell of the whitespace grid: our offering in one of the customer's business units.
    pub enum CellState: lenient, default Unknown {
        Bought = "bought" legacy ["Bought from us"],
        InProgress = "in_progress" legacy ["In progress"],
        Opportunity = "opportunity",
        Competitor = "competitor" legacy ["With a competitor"],
        NotRelevant = "not_relevant" legacy ["Not relevant"],
        Unknown = "unknown" legacy ["Not yet known"],
    }
}

closed_list! {
    /// Where an action of the plan stands.
    pub enum ActionStatus: lenient, default Open {
        Open = "open",
        InProgress = "in_progress" legacy ["In progress"],
        Done = "done",
        Dropped = "dropped",
    }
}

closed_list! {
    /// Where the account stands.
    pub enum AccountStatus: lenient, default Active {
        Active = "active",
        AtRisk = "at_risk" legacy ["At risk"],
        Lost = "lost",
    }
}

closed_list! {
    /// The stage of the relationship (McDonald/Rogers).
    pub enum RelationshipStage: lenient, default Unknown {
        Exploratory = "exploratory",
        Basic = "basic",
        Cooperative = "cooperative",
        Interdependent = "interdependent",
        Integrated = "integrated",
        Unknown = "unknown" legacy ["Not yet assessed"],
    }
}

closed_list! {
    /// What a tender or proposal came to.
    pub enum Outcome: lenient, default Open {
        Open = "open",
        Won = "won",
        Lost = "lost",
        Withdrawn = "withdrawn",
    }
}
