//! Reading one speaker phrase: a person (with title and party), an acronym, a role in a place,
//! a gazetteer entity, a role phrase or a named organisation.

use super::{Mention, Registry};
use crate::loader::attribute::words::*;
use crate::loader::gazetteer::{EntityKind, MatchKind};
use crate::loader::tokens::Tok;
use crate::model::{Format, SourceKind};

impl Registry<'_, '_> {
    /// Understands one conjunct.
    pub(super) fn mention(&self, text: &str, toks: &[Tok]) -> Option<Mention> {
        // Only the phrase is folded, not the whole sentence: called once per speaker phrase,
        // folding a huge sentence each time made attribution quadratic.
        let base = toks.first().map_or(0, |t| t.start);
        let folded = text[base..toks.last().map_or(base, |t| t.end)].to_ascii_lowercase();
        let lower: Vec<&str> = toks
            .iter()
            .map(|t| &folded[t.start - base..t.end - base])
            .collect();
        if toks.len() == 1 && is_pronoun(lower[0]) {
            return Some(Mention {
                pronoun: Some(bare_pronoun(lower[0]).to_owned()),
                ..blank(text, toks)
            });
        }
        // Bracketed acronym: "The U.S. Intelligence Community (USIC)".
        let mut acronym = None;
        let mut keep: Vec<usize> = Vec::new();
        let mut depth = 0;
        for (i, t) in toks.iter().enumerate() {
            if t.is(text, '(') {
                depth += 1;
            } else if t.is(text, ')') {
                depth -= 1;
            } else if depth > 0 {
                if t.word && t.text(text).chars().all(|c| c.is_uppercase() || c == '.') {
                    acronym = Some(t.text(text).to_owned());
                }
            } else if t.word {
                keep.push(i);
            }
        }
        // Leading determiners go.
        while keep.first().is_some_and(|&i| is_determiner(lower[i])) {
            keep.remove(0);
        }
        let &first = keep.first()?;
        let &last = keep.last()?;
        // "the North", "the South": the document's country of that name (North Korea).
        if keep.len() == 1
            && matches!(lower[first], "north" | "south")
            && toks[first].capitalized(text)
            && let Some(name) = self.compass_country(toks[first].base(text))
        {
            return Some(Mention {
                name: name.clone(),
                kind: SourceKind::Country,
                party: Some(name),
                ..blank(text, &toks[first..=first])
            });
        }
        // A possessor ("South Korea’s National Security Council") gives the party.
        let poss = keep
            .iter()
            .rposition(|&i| toks[i].possessive() && i != last);
        let head: Vec<usize> = match poss {
            Some(p) => keep[p + 1..].to_vec(),
            None => keep.clone(),
        };
        let &hfirst = head.first()?;
        let whole = &text[toks[first].start..toks[last].end];
        let head_text = &text[toks[hfirst].start..toks[last].end];
        let matches = self.gaz.find(whole);
        let base = toks[first].start;
        let party_of =
            |m: &crate::loader::gazetteer::Match| self.gaz.entity(m.entity).party.clone();
        let first_party = matches.iter().find_map(party_of);
        let mut m = blank(text, &toks[first..=last]);
        m.text = whole.to_owned();
        m.acronym = acronym.clone();

        // A person: a run of capitalised non-title words at the end.
        let in_gaz = |t: &Tok| {
            matches
                .iter()
                .any(|g| t.start >= base + g.start && t.base_end <= base + g.end)
        };
        // "Brian Wagner", "Mr. Jordan": a one-word name after a given name or a courtesy
        // title is a surname, not the organisation or country it also names.
        let surname_like = |k: usize| {
            let (Some(&i), Some(&p)) = (head.get(k), k.checked_sub(1).and_then(|j| head.get(j)))
            else {
                return false;
            };
            let single = matches
                .iter()
                .any(|g| base + g.start == toks[i].start && base + g.end == toks[i].base_end);
            let pw = lower[p].trim_end_matches('.');
            // A given name inside a longer phrase (`VOA's Brian Wagner`, `reporter Anna
            // Wagner`): a sentence's first word is capitalised whatever it is.
            let given = keep.first() != Some(&p)
                && toks[p].capitalized(text)
                && toks[p].text(text).chars().all(char::is_alphabetic)
                && !toks[p].text(text).chars().all(char::is_uppercase)
                && ![&TITLES, &ORG_WORDS, &STOP_CAPS, &ROLES, &MODIFIERS]
                    .iter()
                    .any(|set| set.contains(&lower[p]))
                && !in_gaz(&toks[p]);
            single && (given || matches!(pw, "mr" | "mrs" | "ms" | "dr" | "miss" | "sir"))
        };
        let mut run = Vec::new();
        for (k, &i) in head.iter().enumerate().rev() {
            let t = &toks[i];
            let w = &lower[i];
            let in_gaz = in_gaz(t) && !(k + 1 == head.len() && surname_like(k));
            // A name does not run across a comma or a bracket: "the mayor of Lima, Ana Ruiz".
            let adjacent = run.last().is_none_or(|&j: &usize| j == i + 1);
            // "Aguas del Pacífico", "Omar bin Said": a particle between capitalised words.
            let particle = !run.is_empty()
                && is_name_particle(w)
                && k > 0
                && toks[head[k - 1]].capitalized(text);
            if adjacent && particle {
                run.push(i);
                continue;
            }
            if adjacent
                && (t.capitalized(text) || is_article_name(t.text(text)))
                && !TITLES.contains(w)
                && !ORG_WORDS.contains(w)
                && !in_gaz
                && !STOP_CAPS.contains(w)
                && !ROLES.contains(w)
            {
                run.push(i);
            } else {
                break;
            }
        }
        run.reverse();
        // "the Presidency of the Republic", "the Office of the Prosecutor": the complement of
        // a body's name is no person.
        if let Some(&f) = run.first() {
            let mut p = f;
            while p > 0 && is_determiner(lower[p - 1]) {
                p -= 1;
            }
            if p >= 2
                && matches!(lower[p - 1], "of" | "for")
                && ORG_WORDS.contains(&lower[p - 2])
                && toks[p - 2].capitalized(text)
            {
                run.clear();
            }
        }
        // "prosecutors in Tucson": a capitalised word after `in` or `at` is a place.
        if run
            .first()
            .and_then(|&f| f.checked_sub(1))
            .is_some_and(|p| matches!(lower[p], "in" | "at"))
        {
            run.clear();
        }
        let all_caps = |i: usize| {
            toks[i]
                .text(text)
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        };
        let titled = head.len() > run.len();
        // A lone all-caps word is an acronym, not a name.
        let acronym_only = run.len() == 1 && all_caps(run[0]) && toks[run[0]].text(text).len() > 1;
        if !run.is_empty() && !acronym_only {
            let only_name = !titled
                || head[..head.len() - run.len()].iter().all(|&i| {
                    TITLES.contains(&lower[i])
                        || toks[i].capitalized(text)
                        || MODIFIERS.contains(&lower[i])
                        || is_connector(lower[i])
                        || is_determiner(lower[i])
                        || ROLES.contains(&lower[i])
                });
            if only_name {
                let name = run
                    .iter()
                    .map(|&i| toks[i].base(text))
                    .collect::<Vec<_>>()
                    .join(" ");
                m.surname = run.last().map(|&i| toks[i].base(text).to_owned());
                // "President Ruiz" after "Peruvian President Ana Ruiz": the full name, when a
                // title says this one word is a surname.
                let completed = (run.len() == 1 && titled)
                    .then(|| self.names().full_name(&name))
                    .flatten();
                m.name = completed.unwrap_or(name);
                m.kind = SourceKind::Person;
                // The party of an entity outside the name itself (not `Wagner` of "Brian
                // Wagner"); "a spokesman for the ministry": the party of the ministry met before.
                let name_start = toks[run[0]].start;
                let outside = matches
                    .iter()
                    .filter(|g| base + g.end <= name_start)
                    .find_map(party_of);
                m.contextual = outside.is_none();
                // "its spokesman Igor Petrov": the institution just named speaks through him.
                let owned = matches!(lower[0], "its" | "their");
                m.party = outside
                    .or_else(|| {
                        let role = head
                            .iter()
                            .find(|&&i| ROLES.contains(&lower[i]) && !TITLES.contains(&lower[i]))?;
                        self.recent_with_role(lower[*role])
                    })
                    .or_else(|| owned.then(|| self.recent_institution_party()).flatten())
                    .or_else(|| {
                        // "President Chavez" after "Venezuelan President Hugo Chavez".
                        let surname = m.surname.as_deref()?;
                        self.names().party_of(surname).map(str::to_owned)
                    });
                return Some(m);
            }
        }
        // An acronym the document spells out ("Conflict Armament Research ... CAR") means
        // what the document says, even where the gazetteer knows another meaning.
        if head.len() == 1 && all_caps(hfirst) && toks[hfirst].text(text).len() > 1 {
            let a = toks[hfirst].base(text);
            if let Some(full) = self.names().expand(a) {
                let known = self.gaz.lookup(&full).map(|(id, _)| self.gaz.entity(id));
                m.acronym = Some(a.to_owned());
                m.kind = SourceKind::Organization;
                m.party = known.map_or_else(|| Some(full.clone()), |e| e.party.clone());
                m.name = known.map_or(full, |e| e.name.clone());
                return Some(m);
            }
        }
        // A role in a place: "officials in Minsk" speak for Belarus; "prosecutors in Tucson"
        // for wherever the gazetteer puts it, if anywhere.
        if let Some(k) = head.iter().position(|&i| matches!(lower[i], "in" | "at"))
            && k > 0
            && ROLES.contains(&lower[head[k - 1]])
            && head.get(k + 1).is_some_and(|&n| toks[n].capitalized(text))
        {
            m.name = head_text.to_owned();
            m.kind = SourceKind::Group;
            // "the Chinese embassy in Colombo", "U.S. officials in Kabul": a party named
            // before the place is theirs; else the place's ("officials in Sonora").
            let in_at = toks[head[k]].start;
            m.party = matches
                .iter()
                .filter(|g| base + g.end <= in_at)
                .find_map(party_of)
                .or_else(|| {
                    matches
                        .iter()
                        .find(|g| base + g.start >= toks[head[k]].end)
                        .and_then(party_of)
                });
            return Some(m);
        }
        // "the Ministry for Foreign Affairs of Finland", "the Government of Ethiopia": a body
        // of the country named after `of`, not the country itself.
        if let Some(g) = matches
            .iter()
            .rev()
            .find(|g| base + g.end >= toks[last].base_end)
            && self.gaz.entity(g.entity).kind == EntityKind::Country
            && g.how != MatchKind::Demonym
            && let Some(k) = head.iter().position(|&i| toks[i].start >= base + g.start)
            && k >= 2
            && {
                let mut j = k;
                while j > 0 && is_determiner(lower[head[j - 1]]) {
                    j -= 1;
                }
                j >= 2
                    && lower[head[j - 1]] == "of"
                    && head[..j - 1]
                        .iter()
                        .any(|&i| ORG_WORDS.contains(&lower[i]) && toks[i].capitalized(text))
            }
        {
            m.name = head_text.to_owned();
            m.kind = SourceKind::Organization;
            m.party = self.gaz.entity(g.entity).party.clone();
            return Some(m);
        }
        // A gazetteer entity at the end: country, capital, seat, body, organisation, outlet.
        if let Some(g) = matches
            .iter()
            .rev()
            .find(|g| base + g.end >= toks[last].base_end)
        {
            let e = self.gaz.entity(g.entity);
            let written = &whole[g.start..g.end];
            let poss_party = poss.and_then(|p| {
                let ptext = &text[toks[first].start..toks[keep[p]].base_end];
                self.gaz.find(ptext).iter().find_map(party_of)
            });
            // A generic body ("Foreign Ministry") takes its country from the phrase.
            let generic = e.party.is_none();
            m.party = poss_party
                .or_else(|| e.party.clone())
                .or_else(|| first_party.clone());
            (m.name, m.kind) = match (e.kind, g.how) {
                // "Russia's Foreign Ministry" and "Ukraine's Foreign Ministry" stay apart.
                _ if generic => (whole.to_owned(), SourceKind::Organization),
                (EntityKind::Country, MatchKind::Demonym) => {
                    (head_text.to_owned(), SourceKind::Group)
                }
                (EntityKind::Country, MatchKind::Seat) => {
                    (written.to_owned(), SourceKind::Organization)
                }
                (EntityKind::Country, _) => (e.name.clone(), SourceKind::Country),
                (EntityKind::Media, _) => (e.name.clone(), SourceKind::Media),
                _ => (e.name.clone(), SourceKind::Organization),
            };
            return Some(m);
        }
        // "A leading U.S. senator ... Senator Carl Levin said": in an article, an unnamed
        // holder of a title is the one person the text names with it, unless their
        // countries differ. Heads of state and government are left alone.
        if self.format == Format::Article
            && !toks[last].capitalized(text)
            && matches!(
                lower[last],
                "senator"
                    | "congressman"
                    | "congresswoman"
                    | "lawmaker"
                    | "governor"
                    | "mayor"
                    | "ambassador"
                    | "envoy"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
            )
            && let Some((name, before)) = self.names().titled(lower[last])
        {
            let party = matches.iter().find_map(party_of);
            let theirs = self.gaz.find(before).iter().find_map(party_of);
            if party.is_none() || theirs.is_none() || party == theirs {
                m.name = name.clone();
                m.surname = name.rsplit(' ').next().map(str::to_owned);
                m.kind = SourceKind::Person;
                m.party = party.or(theirs);
                return Some(m);
            }
        }
        // A role phrase: "South Korean officials", "a senior official from Korea President office".
        if ROLES.contains(&lower[last]) {
            let named = head
                .iter()
                .any(|&i| toks[i].capitalized(text) && !ROLES.contains(&lower[i]));
            let head_word = lower[last].trim_end_matches('s').to_owned();
            m.name = head_text.to_owned();
            m.party = match lower[last] {
                "media" => Some("media".to_owned()),
                // "public reports", "press reports": the press, unless a country's.
                "reports" => matches
                    .iter()
                    .find_map(party_of)
                    .or_else(|| Some("media".to_owned())),
                _ => matches.iter().find_map(party_of),
            };
            m.kind = if lower[last].ends_with('s')
                || matches!(
                    lower[last],
                    "intelligence"
                        | "government"
                        | "military"
                        | "police"
                        | "authorities"
                        | "media"
                        | "staff"
                        | "community"
                        | "leadership"
                ) {
                SourceKind::Group
            } else if matches!(
                lower[last],
                "ministry"
                    | "agency"
                    | "office"
                    | "embassy"
                    | "mission"
                    | "council"
                    | "committee"
                    | "court"
                    | "department"
                    | "service"
                    | "administration"
                    | "cabinet"
                    | "parliament"
                    | "presidency"
                    | "regime"
                    | "commission"
                    | "company"
                    | "firm"
                    | "coalition"
                    | "inspectorate"
                    | "secretariat"
                    | "authority"
                    | "tribunal"
                    | "institute"
                    | "panel"
                    | "team"
            ) {
                SourceKind::Organization
            } else {
                SourceKind::Person
            };
            let owner = poss.map(|p| keep[p]).filter(|&i| {
                let base = lower[i].trim_end_matches("’s").trim_end_matches("'s");
                toks[i].capitalized(text) || ROLES.contains(&base) || TITLES.contains(&base)
            });
            if !named && head.len() == 1 && owner.is_some() {
                // "the attorney general's office", "Ruiz's lawyers": the owner is part of
                // the name of a bare role.
                m.name = whole.to_owned();
            } else if !named && head.len() == 1 {
                m.role = Some(head_word);
                m.name = title_if_capitalized(text, &toks[last]);
            } else if !named {
                m.role = Some(head_word);
            }
            return Some(m);
        }
        // An acronym alone ("CAR"), expanded from the document where it can be.
        if head.len() == 1 && all_caps(hfirst) && toks[hfirst].text(text).len() > 1 {
            let a = toks[hfirst].base(text).to_owned();
            m.name = self.names().expand(&a).unwrap_or_else(|| a.clone());
            m.acronym = Some(a);
            m.kind = SourceKind::Organization;
            m.party = Some(m.name.clone());
            return Some(m);
        }
        // A capitalised name with an organisation word: its own party.
        if head.iter().all(|&i| {
            toks[i].capitalized(text) || is_connector(lower[i]) || is_determiner(lower[i])
        }) && head.iter().any(|&i| ORG_WORDS.contains(&lower[i]))
        {
            m.name = head_text.to_owned();
            m.kind = SourceKind::Organization;
            m.party = first_party.or_else(|| Some(m.name.clone()));
            return Some(m);
        }
        None
    }
}

fn blank(text: &str, toks: &[Tok]) -> Mention {
    let s = toks.first().map_or(0, |t| t.start);
    let e = toks.last().map_or(0, |t| t.end);
    Mention {
        text: text[s..e].to_owned(),
        name: text[s..e].to_owned(),
        kind: SourceKind::Person,
        party: None,
        surname: None,
        role: None,
        acronym: None,
        pronoun: None,
        contextual: false,
    }
}

fn title_if_capitalized(text: &str, t: &Tok) -> String {
    t.base(text).to_owned()
}

/// A lower-case particle inside a name: `del`, `bin`, `van`.
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "da"
            | "dos"
            | "das"
            | "do"
            | "la"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "di"
            | "du"
    )
}
