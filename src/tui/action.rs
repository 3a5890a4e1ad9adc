//! Actions: the reader's vocabulary of state changes, and the names keys are bound to.

use serde::Deserialize;

/// Something the reader can do. The unit variants are the bindable actions, named in
/// `config.toml` in snake_case (`select_next = ["j", "down"]`); the rest carry input data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Close the topmost level (the help, a popup, a briefing opened from the library, a
    /// library view); at the top, leave the reader.
    Quit,
    /// Leave the reader at once, from anywhere.
    QuitNow,
    /// Give the terminal back to the shell (ctrl-z); `fg` brings the reader back.
    Suspend,
    /// Move the selection down one row; in the document view, scroll down a line (as less).
    SelectNext,
    /// Move the selection up one row; in the document view, scroll up a line.
    SelectPrev,
    /// Select the next sentence (in the panes, the next row).
    NextSentence,
    /// Select the previous sentence (in the panes, the previous row).
    PrevSentence,
    /// Select the first row.
    SelectFirst,
    /// Select the last row.
    SelectLast,
    /// Move the selection down half a page.
    PageDown,
    /// Move the selection up half a page.
    PageUp,
    /// Move the selection down a whole page.
    PageForward,
    /// Move the selection up a whole page.
    PageBack,
    /// Scroll the detail pane (the selected sentence in full) down a line.
    DetailDown,
    /// Scroll the detail pane up a line.
    DetailUp,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus the Allegations pane.
    FocusAllegations,
    /// Focus the Denials pane.
    FocusDenials,
    /// Focus the Responses pane.
    FocusResponses,
    /// Focus the Context pane.
    FocusContext,
    /// Focus the timeline, or hide it when it is focused.
    ToggleTimeline,
    /// Open the search prompt.
    Search,
    /// Jump to the next search match.
    SearchNext,
    /// Jump to the previous search match.
    SearchPrev,
    /// Open the source filter.
    OpenFilter,
    /// Show only the selected sentence's speakers (again: show everyone).
    OnlySpeaker,
    /// Switch between the section panes and the document view.
    ToggleDocument,
    /// Copy the selected sentence to the clipboard (OSC 52).
    Copy,
    /// Show or hide the help overlay.
    Help,
    /// Close the topmost overlay.
    Close,
    /// Enter: jump to the timeline entry's sentence, or apply the open popup.
    Activate,
    /// Source filter: toggle the entry under the cursor.
    ToggleEntry,
    /// Source filter: select every entry.
    SelectAll,
    /// Source filter: select no entry.
    SelectNone,
    /// Library: back to the list of briefings (from a briefing or another library view).
    OpenLibrary,
    /// Library: the section panes across every briefing.
    OpenAllBriefings,
    /// Library: every dated reference of every briefing on one timeline.
    OpenMergedTimeline,
    /// Library: every speaker across the library (who said what, where).
    OpenSources,
    /// Correct the selected sentence's section (a picker).
    EditSection,
    /// Set or remove the selected sentence's speakers (a picker).
    EditSpeakers,
    /// Add, change or remove the selected sentence's note.
    AddNote,
    /// Undo the last correction.
    Undo,
    /// Redo the correction undone last.
    Redo,
    /// Save the corrections to a file of one's choosing.
    SaveCorrectionsAs,
    /// Source filter and source index: merge the source under the cursor into another.
    MergeSource,
    /// The terminal was resized to (columns, rows).
    #[serde(skip)]
    Resize(u16, u16),
    /// A character typed into the search prompt.
    #[serde(skip)]
    Input(char),
    /// Backspace in the search prompt.
    #[serde(skip)]
    DeleteChar,
    /// Mouse wheel at (column, row): positive scrolls down.
    #[serde(skip)]
    Scroll(u16, u16, i8),
    /// Mouse click at (column, row).
    #[serde(skip)]
    Click(u16, u16),
    /// A digit of a count prefix (`5j`).
    #[serde(skip)]
    Digit(u8),
    /// Show this message in the status bar (what a copy did, for one).
    #[serde(skip)]
    Notify(String),
    /// The status message's time is up.
    #[serde(skip)]
    ClearMessage,
}

impl Action {
    /// Every action a key can be bound to (in some table).
    pub const BINDABLE: &'static [Action] = &[
        Action::Quit,
        Action::QuitNow,
        Action::Suspend,
        Action::SelectNext,
        Action::SelectPrev,
        Action::NextSentence,
        Action::PrevSentence,
        Action::SelectFirst,
        Action::SelectLast,
        Action::PageDown,
        Action::PageUp,
        Action::PageForward,
        Action::PageBack,
        Action::DetailDown,
        Action::DetailUp,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusAllegations,
        Action::FocusDenials,
        Action::FocusResponses,
        Action::FocusContext,
        Action::ToggleTimeline,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::OpenFilter,
        Action::OnlySpeaker,
        Action::ToggleDocument,
        Action::Copy,
        Action::Help,
        Action::Close,
        Action::Activate,
        Action::ToggleEntry,
        Action::SelectAll,
        Action::SelectNone,
        Action::OpenLibrary,
        Action::OpenAllBriefings,
        Action::OpenMergedTimeline,
        Action::OpenSources,
        Action::EditSection,
        Action::EditSpeakers,
        Action::AddNote,
        Action::Undo,
        Action::Redo,
        Action::SaveCorrectionsAs,
        Action::MergeSource,
    ];

    /// The action of a configuration name (`select_next`), if a key can be bound to it.
    pub fn named(name: &str) -> Option<Action> {
        use serde::de::IntoDeserializer;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Action::deserialize(de)
            .ok()
            .filter(|a| a.describe().is_some())
    }

    /// Whether a key of this layer's table can be bound to the action: the source filter's
    /// own actions and movement in `[filter_keys]`, the views in `[library_keys]`, the merge
    /// of two sources in both of these, the rest in `[keys]`.
    pub fn bindable_in(&self, layer: crate::tui::keymap::Layer) -> bool {
        use crate::tui::keymap::Layer;
        let filter_only = matches!(
            self,
            Action::ToggleEntry | Action::SelectAll | Action::SelectNone
        );
        let library_only = matches!(
            self,
            Action::OpenLibrary
                | Action::OpenAllBriefings
                | Action::OpenMergedTimeline
                | Action::OpenSources
        );
        let movement = matches!(
            self,
            Action::SelectNext
                | Action::SelectPrev
                | Action::SelectFirst
                | Action::SelectLast
                | Action::PageDown
                | Action::PageUp
                | Action::PageForward
                | Action::PageBack
        );
        // The source filter's merge and the source index's merge.
        let merge = *self == Action::MergeSource;
        match layer {
            Layer::Reader => self.describe().is_some() && !filter_only && !library_only && !merge,
            Layer::Filter => {
                filter_only
                    || merge
                    || movement
                    || matches!(self, Action::Activate | Action::Close | Action::Quit)
            }
            Layer::Library => library_only || merge,
        }
    }

    /// Whether a count prefix (`5j`, `3n`, `20G`) applies to this action.
    pub fn takes_count(&self) -> bool {
        matches!(
            self,
            Action::SelectNext
                | Action::SelectPrev
                | Action::NextSentence
                | Action::PrevSentence
                | Action::SelectFirst
                | Action::SelectLast
                | Action::PageDown
                | Action::PageUp
                | Action::PageForward
                | Action::PageBack
                | Action::SearchNext
                | Action::SearchPrev
                | Action::DetailDown
                | Action::DetailUp
        )
    }

    /// A short description for the help overlay, `None` for actions that are not bound to keys.
    pub fn describe(&self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "back one level; quit at the top",
            Action::QuitNow => "quit at once",
            Action::Suspend => "suspend (fg resumes)",
            Action::SelectNext => "down (document: a line)",
            Action::SelectPrev => "up (document: a line)",
            Action::NextSentence => "next sentence",
            Action::PrevSentence => "previous sentence",
            Action::SelectFirst => "first row",
            Action::SelectLast => "last row",
            Action::PageDown => "half a page down",
            Action::PageUp => "half a page up",
            Action::PageForward => "a page down",
            Action::PageBack => "a page up",
            Action::DetailDown => "scroll the sentence down",
            Action::DetailUp => "scroll the sentence up",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::FocusAllegations => "Allegations pane",
            Action::FocusDenials => "Denials pane",
            Action::FocusResponses => "Responses pane",
            Action::FocusContext => "Context pane",
            Action::ToggleTimeline => "focus / hide the timeline",
            Action::Search => "search",
            Action::SearchNext => "next match",
            Action::SearchPrev => "previous match",
            Action::OpenFilter => "source filter",
            Action::OnlySpeaker => "only this speaker / everyone",
            Action::ToggleDocument => "document view",
            Action::Copy => "copy the sentence",
            Action::Help => "this help",
            Action::Close => "close the overlay",
            Action::Activate => "jump to the sentence / apply",
            Action::ToggleEntry => "filter: toggle entry",
            Action::SelectAll => "filter: everyone",
            Action::SelectNone => "filter: no one",
            Action::OpenLibrary => "library: list of briefings",
            Action::OpenAllBriefings => "library: all briefings",
            Action::OpenMergedTimeline => "library: merged timeline",
            Action::OpenSources => "library: source index",
            Action::EditSection => "correct the section",
            Action::EditSpeakers => "correct the speakers",
            Action::AddNote => "note on the sentence",
            Action::Undo => "undo a correction",
            Action::Redo => "redo a correction",
            Action::SaveCorrectionsAs => "save the corrections elsewhere",
            Action::MergeSource => "merge this source into another",
            _ => return None,
        })
    }
}
