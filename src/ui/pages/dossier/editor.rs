//! Editing one dossier: every field saves itself. Typing is saved 600 ms after the last key
//! (so at most that much is at risk if the tab closes); choices, dates and list changes are
//! saved at once. Numbers and dates are checked as they are entered: a wrong one shows a
//! message next to the field and is not stored.

use crate::i18n::{tr, tr_args, trc};
use chrono::NaiveDate;
use kam_core::exchange::parse_typed_number;
use kam_core::model::Dossier;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use crate::ui::state::{use_app, AppState, Notice, Undo};
use crate::ui::words::choices::Words;

/// A typed change, replayed on the stored dossier at every save until it is stored.
type TypedChange = Rc<dyn Fn(&mut Dossier)>;
/// A change applied once (a row added or removed).
type OneChange = Box<dyn FnOnce(&mut Dossier)>;
type GetFn<T> = Arc<dyn Fn(&Dossier) -> T + Send + Sync>;
type SetFn<T> = Arc<dyn Fn(&mut Dossier, T) + Send + Sync>;

/// How long typing waits before it is saved.
const TYPING_DELAY_MS: u64 = 600;

/// A field's label: shown above the field, or (in table cells) only to assistive technology.
#[derive(Clone, PartialEq)]
pub enum Label {
    Shown(&'static str),
    Owned(String),
    /// Shown, with a context for an English word that means different things (`trc`): a
    /// proposal's "Title" is not a person's job title.
    Ctx(&'static str, &'static str),
    /// In a table cell: the column's name (its English text, the catalogue key) and the row
    /// counted from 0. Only assistive technology reads it, as "Competitor, row 2" in the
    /// reader's language.
    Cell(&'static str, usize),
    /// In a table cell, with its accessible name already worded.
    CellNamed(String),
}

impl Label {
    /// The accessible name of a field in a table cell (none for a field with a visible label).
    fn cell_name(&self) -> Option<String> {
        match self {
            Label::Cell(column, row) => {
                Some(tr_args("{column}, row {row}", &[("column", &tr(column)), ("row", &(row + 1))]))
            }
            Label::CellNamed(name) => Some(name.clone()),
            Label::Shown(_) | Label::Owned(_) | Label::Ctx(..) => None,
        }
    }
}

/// The editor's working state. It lives outside the reactive arena, keyed by editor: leaving
/// the page disposes the page's signals, and typing not yet saved must still be saved then.
struct Inner {
    account_id: String,
    /// What the page shows while typing is not yet saved.
    draft: Option<Dossier>,
    /// The typed changes not yet saved, in order. A save replays them on the stored dossier in
    /// one transaction, so a change another tab made meanwhile to another field is kept.
    pending: Vec<TypedChange>,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static EDITORS: std::cell::RefCell<std::collections::HashMap<u64, Inner>> = Default::default();
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub dossier: Memo<Dossier>,
    id: u64,
    state: AppState,
}

impl Editor {
    pub fn new(dossier: Memo<Dossier>) -> Self {
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        let account_id = dossier.with_untracked(|d| d.account_id.clone());
        EDITORS
            .with(|e| e.borrow_mut().insert(id, Inner { account_id, draft: None, pending: Vec::new(), timer: None }));
        let editor = Editor { dossier, id, state: use_app() };
        on_cleanup(move || {
            editor.flush();
            EDITORS.with(|e| e.borrow_mut().remove(&id));
        });
        editor
    }

    fn with_inner<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> Option<R> {
        EDITORS.with(|e| e.borrow_mut().get_mut(&self.id).map(f))
    }

    fn current(&self) -> Dossier {
        self.with_inner(|i| i.draft.clone())
            .flatten()
            .or_else(|| self.dossier.try_get_untracked())
            .unwrap_or_else(|| Dossier::new(&self.with_inner(|i| i.account_id.clone()).unwrap_or_default()))
    }

    fn cancel_timer(&self) {
        if let Some(Some(handle)) = self.with_inner(|i| i.timer.take()) {
            handle.clear();
        }
    }

    /// Applies a change and saves it now.
    pub fn apply(&self, change: impl FnOnce(&mut Dossier) + 'static) {
        self.apply_dyn(Box::new(change))
    }

    #[inline(never)]
    fn apply_dyn(&self, change: Box<dyn FnOnce(&mut Dossier)>) {
        self.cancel_timer();
        self.commit(Some(change));
    }

    /// Saves the typed changes not yet saved, then `last`, replayed on the stored dossier inside
    /// one transaction (see `AppState::update_dossier`).
    fn commit(&self, last: Option<OneChange>) {
        let Some((typed, account_id)) = self.with_inner(|i| {
            i.draft = None;
            (std::mem::take(&mut i.pending), i.account_id.clone())
        }) else {
            return;
        };
        if typed.is_empty() && last.is_none() {
            return;
        }
        // The typed text stays on screen until the stored dossier arrives with it.
        let typing_ends = !typed.is_empty();
        self.state.update_dossier(
            account_id,
            Box::new(move |d| {
                for change in &typed {
                    change(d);
                }
                if let Some(last) = last {
                    last(d);
                }
            }),
        );
        // The write now counts as unsaved; the typing that waited for its pause no longer does.
        if typing_ends {
            self.state.end_save();
        }
    }

    /// Applies a change now and saves it after the typing pause.
    pub fn typed(&self, change: impl Fn(&mut Dossier) + 'static) {
        self.typed_dyn(Rc::new(change))
    }

    #[inline(never)]
    fn typed_dyn(&self, change: Rc<dyn Fn(&mut Dossier)>) {
        let mut d = self.current();
        change(&mut d);
        self.cancel_timer();
        let editor = *self;
        let handle =
            set_timeout_with_handle(move || editor.flush(), std::time::Duration::from_millis(TYPING_DELAY_MS)).ok();
        let first = self.with_inner(|i| i.pending.is_empty()).unwrap_or(false);
        if first {
            // Unsaved from the first key of a pause until its write is stored.
            self.state.begin_save();
        }
        self.with_inner(|i| {
            i.pending.push(change);
            i.draft = Some(d);
            i.timer = handle;
        });
    }

    /// Removes something from the dossier, with an undo in the notice bar.
    pub fn remove(&self, what: String, change: impl FnOnce(&mut Dossier) + 'static) {
        self.remove_dyn(what, Box::new(change))
    }

    #[inline(never)]
    fn remove_dyn(&self, what: String, change: Box<dyn FnOnce(&mut Dossier)>) {
        self.flush();
        let before = self.current();
        self.apply_dyn(change);
        self.state.notice.set(Some(Notice {
            text: tr_args("Removed {what}.", &[("what", &what)]),
            undo: Some(Undo::Dossier(Box::new(before))),
        }));
    }

    /// Saves what is typed but not yet saved.
    pub fn flush(&self) {
        self.cancel_timer();
        self.commit(None);
    }

    /// One field's value for the page. A memo of its own, so that a save elsewhere in the
    /// dossier never rewrites this field's input; and while typing is not yet saved, the typed
    /// value wins over a stored one that arrives meanwhile (the answer to an older save).
    fn field<T>(self, get: StoredValue<GetFn<T>>) -> impl Fn() -> T + Copy + Send + Sync + 'static
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let stored = Memo::new(move |_| get.with_value(|g| self.dossier.with(|d| g(d))));
        move || {
            let v = stored.get();
            let typed = self.with_inner(|i| i.draft.clone()).flatten();
            typed.and_then(|d| get.try_with_value(|g| g(&d))).unwrap_or(v)
        }
    }

    /// A text field; `rows` > 1 makes it a text area.
    pub fn text<G, S>(self, label: Label, testid: String, (get, set): (G, S), rows: u32) -> AnyView
    where
        G: Fn(&Dossier) -> String + Send + Sync + 'static,
        S: Fn(&mut Dossier, String) + Send + Sync + 'static,
    {
        self.text_dyn(label, testid, Arc::new(get), Arc::new(set), rows)
    }

    #[inline(never)]
    fn text_dyn(self, label: Label, testid: String, get: GetFn<String>, set: SetFn<String>, rows: u32) -> AnyView {
        let get = StoredValue::new(get);
        let value = self.field(get);
        // The typed change holds the setter itself, not a page signal: it may be saved after
        // the page is gone (leaving the dossier flushes what was typed).
        let on_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let set = set.clone();
            self.typed(move |d| set(d, v.clone()));
        };
        let aria = label.cell_name();
        let control = if rows > 1 {
            view! { <textarea rows=rows data-testid=testid aria-label=aria prop:value=value on:input=on_input on:blur=move |_| self.flush()></textarea> }.into_any()
        } else {
            view! { <input type="text" data-testid=testid aria-label=aria prop:value=value on:input=on_input on:blur=move |_| self.flush()/> }.into_any()
        };
        wrap(label, control, None)
    }

    /// A number field. Accepts either decimal convention; empty clears the value.
    pub fn number<G, S>(self, label: Label, testid: String, (get, set): (G, S), range: (f64, f64)) -> AnyView
    where
        G: Fn(&Dossier) -> Option<f64> + Send + Sync + 'static,
        S: Fn(&mut Dossier, Option<f64>) + Send + Sync + 'static,
    {
        self.number_dyn(label, testid, Arc::new(get), Arc::new(set), range)
    }

    #[inline(never)]
    fn number_dyn(
        self,
        label: Label,
        testid: String,
        get: GetFn<Option<f64>>,
        set: SetFn<Option<f64>>,
        range: (f64, f64),
    ) -> AnyView {
        let (get, set) = (StoredValue::new(get), StoredValue::new(set));
        let error = RwSignal::new(None::<String>);
        let field = self.field(get);
        let value = move || field().map(format_number).unwrap_or_default();
        let on_change = move |ev: leptos::ev::Event| {
            let raw = event_target_value(&ev);
            if raw.trim().is_empty() {
                error.set(None);
                self.apply(move |d| set.with_value(|s| s(d, None)));
                return;
            }
            match parse_typed_number(&raw) {
                Ok(v) if v < range.0 || v > range.1 => error.set(Some(tr_args(
                    "Enter a number from {0} to {1}.",
                    &[("0", &format_number(range.0)), ("1", &format_number(range.1))],
                ))),
                Ok(v) => {
                    error.set(None);
                    self.apply(move |d| set.with_value(|s| s(d, Some(v))));
                }
                Err(e) => error.set(Some(tr_args(
                    "{0}: enter a number such as 1200 or 12,5.",
                    &[("0", &crate::ui::words::exchange::number_error(&e))],
                ))),
            }
        };
        let aria = label.cell_name();
        let err_id = format!("{testid}-error");
        let control = view! {
            <input type="text" inputmode="decimal" data-testid=testid aria-label=aria
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=err_id.clone()
                prop:value=value on:change=on_change/>
        }
        .into_any();
        wrap(label, control, Some((err_id, error)))
    }

    /// A date field (the browser's date picker). A half-typed date is refused with a message.
    pub fn date<G, S>(self, label: Label, testid: String, (get, set): (G, S)) -> AnyView
    where
        G: Fn(&Dossier) -> Option<NaiveDate> + Send + Sync + 'static,
        S: Fn(&mut Dossier, Option<NaiveDate>) + Send + Sync + 'static,
    {
        self.date_dyn(label, testid, Arc::new(get), Arc::new(set))
    }

    #[inline(never)]
    fn date_dyn(
        self,
        label: Label,
        testid: String,
        get: GetFn<Option<NaiveDate>>,
        set: SetFn<Option<NaiveDate>>,
    ) -> AnyView {
        let (get, set) = (StoredValue::new(get), StoredValue::new(set));
        let error = RwSignal::new(None::<String>);
        let field = self.field(get);
        let value = move || field().map(|d| d.to_string()).unwrap_or_default();
        let on_change = move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = ev.target().expect("event has a target").unchecked_into();
            let raw = input.value();
            if raw.is_empty() {
                if input.validity().bad_input() {
                    error.set(Some(tr("Enter a complete date (day, month and year).").into()));
                } else {
                    error.set(None);
                    self.apply(move |d| set.with_value(|s| s(d, None)));
                }
                return;
            }
            match raw.parse::<NaiveDate>() {
                Ok(date) if (1900..=2200).contains(&chrono::Datelike::year(&date)) => {
                    error.set(None);
                    self.apply(move |d| set.with_value(|s| s(d, Some(date))));
                }
                _ => error.set(Some(tr("Enter a date between the years 1900 and 2200.").into())),
            }
        };
        let aria = label.cell_name();
        let err_id = format!("{testid}-error");
        let control = view! {
            <input type="date" data-testid=testid aria-label=aria min="1900-01-01" max="2200-12-31"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=err_id.clone()
                prop:value=value on:change=on_change/>
        }
        .into_any();
        wrap(label, control, Some((err_id, error)))
    }

    /// A choice from a closed list.
    pub fn choice<C, G, S>(self, label: Label, testid: String, (get, set): (G, S)) -> AnyView
    where
        C: Words + Send + Sync,
        G: Fn(&Dossier) -> C + Send + Sync + 'static,
        S: Fn(&mut Dossier, C) + Send + Sync + 'static,
    {
        self.choice_dyn::<C>(label, testid, Arc::new(get), Arc::new(set))
    }

    #[inline(never)]
    fn choice_dyn<C: Words + Send + Sync>(self, label: Label, testid: String, get: GetFn<C>, set: SetFn<C>) -> AnyView {
        let (get, set) = (StoredValue::new(get), StoredValue::new(set));
        let field = self.field(get);
        let aria = label.cell_name();
        let control = view! {
            <select data-testid=testid aria-label=aria
                prop:value=move || field().id()
                on:change=move |ev| { if let Some(c) = C::from_id(&event_target_value(&ev)) { self.apply(move |d| set.with_value(|s| s(d, c))); } }>
                {C::all().iter().map(|c| {
                    let c = *c;
                    view! { <option value=c.id() selected=move || field() == c>{c.label()}</option> }
                }).collect_view()}
            </select>
        }
        .into_any();
        wrap(label, control, None)
    }

    /// Yes / no / not yet judged.
    pub fn verdict<G, S>(self, label: Label, testid: String, (get, set): (G, S)) -> AnyView
    where
        G: Fn(&Dossier) -> Option<bool> + Send + Sync + 'static,
        S: Fn(&mut Dossier, Option<bool>) + Send + Sync + 'static,
    {
        self.verdict_dyn(label, testid, Arc::new(get), Arc::new(set))
    }

    #[inline(never)]
    fn verdict_dyn(self, label: Label, testid: String, get: GetFn<Option<bool>>, set: SetFn<Option<bool>>) -> AnyView {
        let (get, set) = (StoredValue::new(get), StoredValue::new(set));
        let key = |v: Option<bool>| match v {
            None => "open",
            Some(true) => "yes",
            Some(false) => "no",
        };
        let field = self.field(get);
        let aria = label.cell_name();
        let control = view! {
            <select data-testid=testid aria-label=aria prop:value=move || key(field())
                on:change=move |ev| {
                    let v = match event_target_value(&ev).as_str() { "yes" => Some(true), "no" => Some(false), _ => None };
                    self.apply(move |d| set.with_value(|s| s(d, v)));
                }>
                <option value="open">{move || tr("Not yet judged")}</option>
                <option value="yes">{move || tr("Yes")}</option>
                <option value="no">{move || tr("No")}</option>
            </select>
        }
        .into_any();
        wrap(label, control, None)
    }
}

fn wrap(label: Label, control: AnyView, error: Option<(String, RwSignal<Option<String>>)>) -> AnyView {
    let error_view =
        error.map(|(id, e)| view! { <small class="field-error" id=id role="alert">{move || e.get()}</small> });
    match label {
        // `tr` again: a caller may pass the English, which is the key (a translated text is no key
        // and comes back as it is). Reactive, so a language switch rewrites the label and not the field.
        Label::Shown(text) => {
            view! { <label class="field block"><span>{move || tr(text)}</span>{control}{error_view}</label> }.into_any()
        }
        Label::Ctx(context, text) => {
            view! { <label class="field block"><span>{move || trc(context, text)}</span>{control}{error_view}</label> }
                .into_any()
        }
        Label::Owned(text) => {
            view! { <label class="field block"><span>{text}</span>{control}{error_view}</label> }.into_any()
        }
        Label::Cell(..) | Label::CellNamed(_) => {
            view! { <div class="cell-field">{control}{error_view}</div> }.into_any()
        }
    }
}

/// "1200", "0.85": plain, so that what is shown can be typed back.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_show_as_they_can_be_typed_back() {
        assert_eq!(format_number(1200.0), "1200");
        assert_eq!(format_number(87.5), "87.5");
        assert_eq!(format_number(0.125), "0.125");
    }
}
