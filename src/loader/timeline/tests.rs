//! Unit tests of the time-expression finder.

use super::*;

mod counted;

fn date(s: &str) -> Date {
    s.parse().expect("test date")
}

/// Every expression found in `sentence`, as (text, value).
fn found(sentence: &str, reference: Option<&str>) -> Vec<(String, Option<String>)> {
    find(sentence, reference.map(date))
        .into_iter()
        .map(|f| {
            assert!(f.start < f.end && sentence.is_char_boundary(f.start));
            assert_eq!(f.value.is_some(), f.precision.is_some());
            (sentence[f.start..f.end].to_owned(), f.value)
        })
        .collect()
}

/// Asserts that exactly `expected` (text, value) pairs are found, in order.
#[track_caller]
fn check(reference: &str, sentence: &str, expected: &[(&str, &str)]) {
    let want: Vec<(String, Option<String>)> = expected
        .iter()
        .map(|(t, v)| (t.to_string(), Some(v.to_string())))
        .collect();
    assert_eq!(found(sentence, Some(reference)), want, "in {sentence:?}");
}

#[track_caller]
fn none(reference: &str, sentence: &str) {
    check(reference, sentence, &[]);
}

#[test]
fn bare_weekday_is_on_or_before_the_reference() {
    let s = "In a statement Tuesday, officials labeled it a threat.";
    check("2024-10-23", s, &[("Tuesday", "2024-10-22")]);
    let s = "Ensor said at the headquarters in Washington Wednesday.";
    check("2013-02-06", s, &[("Wednesday", "2013-02-06")]);
    check(
        "2005-12-22",
        "He said Thursday that",
        &[("Thursday", "2005-12-22")],
    );
    let s = "He was charged in absentia Wednesday.";
    check("2005-12-22", s, &[("Wednesday", "2005-12-21")]);
    let s = "And then on Friday, we saw the sanctions.";
    check("2015-01-05", s, &[("Friday", "2015-01-02")]);
    // A weekday later in the week than the reference is last week's.
    check(
        "2024-10-23",
        "They met Saturday.",
        &[("Saturday", "2024-10-19")],
    );
}

#[test]
fn weekday_with_part_of_day_and_modifiers() {
    let r = "2024-10-23";
    check(
        r,
        "Tuesday morning, it rained.",
        &[("Tuesday morning", "2024-10-22")],
    );
    check(
        r,
        "It happened last Wednesday.",
        &[("last Wednesday", "2024-10-16")],
    );
    check(
        r,
        "It happened last Monday.",
        &[("last Monday", "2024-10-21")],
    );
    check(
        r,
        "They meet next Wednesday.",
        &[("next Wednesday", "2024-10-30")],
    );
    check(r, "They met this Monday.", &[("this Monday", "2024-10-21")]);
    check(
        r,
        "On Tuesday’s call, he spoke.",
        &[("Tuesday", "2024-10-22")],
    );
    let s = "Talks on Tuesday, October 22, 2024 failed.";
    check(r, s, &[("Tuesday, October 22, 2024", "2024-10-22")]);
}

#[test]
fn due_to_appear_is_told_in_the_future() {
    let r = "2026-03-10";
    check(
        r,
        "The two men are due to appear in court on January 14.",
        &[("January 14", "2027-01-14")],
    );
    check(
        r,
        "The delay is due to the storm on January 14.",
        &[("January 14", "2026-01-14")],
    );
    check(
        r,
        "They were due to appear in court on January 14.",
        &[("January 14", "2026-01-14")],
    );
}

#[test]
fn weekday_in_the_future() {
    let r = "2024-10-23";
    check(
        r,
        "The council will meet Tuesday.",
        &[("Tuesday", "2024-10-29")],
    );
    check(
        r,
        "The council will meet Wednesday.",
        &[("Wednesday", "2024-10-30")],
    );
    check(
        r,
        "She is going to visit on Friday.",
        &[("Friday", "2024-10-25")],
    );
    check(
        r,
        "A vote is scheduled for Monday.",
        &[("Monday", "2024-10-28")],
    );
    check(r, "We’ll talk Thursday.", &[("Thursday", "2024-10-24")]);
    // A past reporting verb next to the weekday wins over the future in the clause.
    let s = "He said Tuesday that the council will meet.";
    check(r, s, &[("Tuesday", "2024-10-22")]);
    // `since` always looks back; a future marker in another clause does not count.
    let s = "We have warned since July that Iran is planning to sell drones.";
    check("2022-10-20", s, &[("since July", "2022-07")]);
    let s = "It began on the 4th of April. So it will be embargoed until the end.";
    check("2017-04-11", s, &[("the 4th of April", "2017-04-04")]);
    let s = "Far from Friday, after many words and then more words, it will rain.";
    check(r, s, &[("Friday", "2024-10-18")]);
    let s = "On Friday, the council will meet.";
    check(r, s, &[("Friday", "2024-10-25")]);
    let s = "The result will be announced Friday.";
    check(r, s, &[("Friday", "2024-10-25")]);
}

#[test]
fn weekday_used_as_attribute_is_not_a_date() {
    let r = "2015-09-16";
    none(r, "The blast hit worshippers during Friday prayers.");
    none(r, "She taught Sunday school.");
    none(r, "They protest every Friday.");
    none(r, "He met Fridays.");
}

#[test]
fn full_dates() {
    let r = "2024-10-23";
    check(
        r,
        "On October 22, 2024, it began.",
        &[("October 22, 2024", "2024-10-22")],
    );
    check(
        r,
        "On Oct. 22, 2024 it began.",
        &[("Oct. 22, 2024", "2024-10-22")],
    );
    check(
        r,
        "On 22 October 2024 it began.",
        &[("22 October 2024", "2024-10-22")],
    );
    check(r, "Filed 2024-10-22.", &[("2024-10-22", "2024-10-22")]);
    check(r, "Filed 10/22/2024.", &[("10/22/2024", "2024-10-22")]);
    check(
        r,
        "Held October 21-22, 2024.",
        &[("October 21-22, 2024", "2024-10-21")],
    );
    check(
        r,
        "Sept 11, 2001 changed it.",
        &[("Sept 11, 2001", "2001-09-11")],
    );
    check(
        r,
        "The 22nd of October 2024.",
        &[("The 22nd of October 2024", "2024-10-22")],
    );
}

#[test]
fn month_and_day_without_year() {
    let r = "2017-04-11";
    let s = "the attacks on the 4th of April killed";
    check(r, s, &[("the 4th of April", "2017-04-04")]);
    check(
        r,
        "Since April 4th, we have",
        &[("Since April 4th", "2017-04-04")],
    );
    let r = "2024-06-28";
    let s = "the DPRK’s June 25 ballistic missile launch";
    check(r, s, &[("June 25", "2024-06-25")]);
    check(
        r,
        "Russia struck Kharkiv on January 2.",
        &[("January 2", "2024-01-02")],
    );
    check(
        "2015-02-02",
        "January 26th, yeah.",
        &[("January 26th", "2015-01-26")],
    );
    check(
        "2024-10-23",
        "On 4 April they met.",
        &[("4 April", "2024-04-04")],
    );
}

#[test]
fn month_and_day_across_the_new_year() {
    check(
        "2025-01-03",
        "On December 30, he said",
        &[("December 30", "2024-12-30")],
    );
    let s = "The talks will resume on January 3.";
    check("2024-12-28", s, &[("January 3", "2025-01-03")]);
    // Past tense: a later date this year is last year's.
    check(
        "2024-06-28",
        "It began on July 1.",
        &[("July 1", "2023-07-01")],
    );
    // The reference date itself.
    check(
        "2024-06-28",
        "It began on June 28.",
        &[("June 28", "2024-06-28")],
    );
    // February 29 goes back to the last leap year.
    check(
        "2025-03-01",
        "On February 29, it fell.",
        &[("February 29", "2024-02-29")],
    );
}

#[test]
fn month_and_year() {
    let r = "2024-10-23";
    check(
        r,
        "It has done so since August 2023.",
        &[("since August 2023", "2023-08")],
    );
    check(r, "In Aug. 2023 it began.", &[("Aug. 2023", "2023-08")]);
    check(r, "In March 2023 it began.", &[("March 2023", "2023-03")]);
    check(
        r,
        "By May of 2023 it was over.",
        &[("May of 2023", "2023-05")],
    );
    check(r, "It was in 2023-08 already.", &[("2023-08", "2023-08")]);
    check(r, "They grew by mid-2023.", &[("mid-2023", "2023")]);
    check(r, "They grew in early 2023.", &[("early 2023", "2023")]);
    check(r, "They grew in late 2023.", &[("late 2023", "2023")]);
    check(
        r,
        "In March of last year it fell.",
        &[("March of last year", "2023-03")],
    );
}

#[test]
fn day_and_month_of_a_relative_year() {
    let r = "2024-10-23";
    let s = "The two ministers signed the accord on 2 February last year in Oslo.";
    check(r, s, &[("2 February last year", "2023-02-02")]);
    let s = "Customs agents seized the cargo on February 2 last year.";
    check(r, s, &[("February 2 last year", "2023-02-02")]);
    let s = "The 9th of June this year was the hottest day on record.";
    check(r, s, &[("The 9th of June this year", "2024-06-09")]);
    let s = "The port will reopen on 14 March next year.";
    check(r, s, &[("14 March next year", "2025-03-14")]);
    let s = "Flooding closed the bridge in March last year.";
    check(r, s, &[("March last year", "2023-03")]);
    // `last year's` opens a noun phrase: the month stands alone.
    let s = "Since March last year’s winners have not lost a match.";
    check(r, s, &[("Since March", "2024-03"), ("last year", "2023")]);
}

#[test]
fn month_alone() {
    let r = "2022-10-20";
    check(
        r,
        "He has been warning since July that",
        &[("since July", "2022-07")],
    );
    check(r, "In September, as we said", &[("September", "2022-09")]);
    check(r, "In November, it fell.", &[("November", "2021-11")]);
    check(r, "We stated in March when", &[("March", "2022-03")]);
    check(r, "They left in May.", &[("May", "2022-05")]);
    check(r, "They left in mid-May.", &[("mid-May", "2022-05")]);
    check(r, "It will end in March.", &[("March", "2023-03")]);
    check(r, "It fell last March.", &[("last March", "2022-03")]);
    check(r, "It fell last October.", &[("last October", "2021-10")]);
    check(
        "2015-09-16",
        "After June’s bombing, he",
        &[("June", "2015-06")],
    );
    check(
        "2024-06-28",
        "They ended the mandate in March.",
        &[("March", "2024-03")],
    );
    check(
        "2025-01-05",
        "In December, it fell.",
        &[("December", "2024-12")],
    );
}

#[test]
fn may_and_march_need_date_context() {
    let r = "2022-10-20";
    none(r, "May God help us.");
    none(r, "Troops may march on the capital.");
    none(r, "March to the square, he told them.");
    none(r, "Theresa May said so.");
    none(r, "April Ryan asked.");
    none(r, "It rose in the august chamber.");
    check(r, "On May 5 it fell.", &[("May 5", "2022-05-05")]);
}

#[test]
fn years() {
    let r = "2024-10-23";
    check(r, "Since Russia’s 2022 invasion", &[("2022", "2022")]);
    check(
        "2022-08-22",
        "They kept the 2015 deal.",
        &[("2015", "2015")],
    );
    check(r, "In 2015, it fell.", &[("2015", "2015")]);
    check(r, "It was (2022).", &[("2022", "2022")]);
    check(r, "From 2022-2023 it grew.", &[("2022-2023", "2022")]);
    check(r, "In 2022–23 it grew.", &[("2022–23", "2022")]);
    check(r, "in 1812 the war", &[("1812", "1812")]);
    check(r, "since 2014", &[("since 2014", "2014")]);
}

#[test]
fn numbers_that_are_not_years() {
    let r = "2024-10-23";
    none(r, "They moved 13,000 containers.");
    none(r, "Some 1,500 special forces went.");
    none(r, "Guccifer 2.0 wrote it.");
    none(r, "Inflation hit 3.5 percent.");
    none(r, "It weighed 2000 tons.");
    none(r, "Around 2000 troops left.");
    none(r, "It rose 2020% in value.");
    none(r, "It cost $2022.");
    none(r, "See No. 2022 and #2023.");
    none(r, "The 1718 Committee met.");
    none(r, "UN Resolution 2231 stands.");
    none(r, "The F-2022 and B2021 flew.");
    none(r, "It had 12,2022 parts and 2022.5 units.");
}

#[test]
fn decades() {
    let r = "2024-10-23";
    check(r, "Back in the 1990s it was.", &[("the 1990s", "199")]);
    check(r, "In the 1980’s, it was.", &[("the 1980’s", "198")]);
    check(r, "By the mid-1990s it was.", &[("mid-1990s", "199")]);
    let s = "Ridership on the line tripled during the 2010s, the operator says.";
    check(r, s, &[("the 2010s", "201")]);
}

#[test]
fn month_and_year_or_year_after_a_preposition_or_verb() {
    let r = "2024-10-23";
    let s = "The observatory was commissioned in October 2020 and opened in 2021.";
    check(r, s, &[("October 2020", "2020-10"), ("2021", "2021")]);
    let s = "The relief fund, launched in 2020, has run dry.";
    check(r, s, &[("2020", "2020")]);
    let s = "The ferry service launched 2019 and stopped two years later.";
    check(r, s, &[("2019", "2019")]);
    let s = "In October 2020, the cooperative launched its first harvest sale.";
    check(r, s, &[("October 2020", "2020-10")]);
}

#[test]
fn relative_days() {
    check(
        "2022-10-20",
        "So today we can confirm",
        &[("today", "2022-10-20")],
    );
    let s = "When we asked him the day before yesterday";
    check(
        "2012-05-31",
        s,
        &[("the day before yesterday", "2012-05-29")],
    );
    let s = "We meet the day after tomorrow.";
    check("2012-05-31", s, &[("the day after tomorrow", "2012-06-02")]);
    check(
        "2015-09-16",
        "A court yesterday sentenced",
        &[("yesterday", "2015-09-15")],
    );
    let s = "Yesterday, President Maduro said";
    check("2015-02-02", s, &[("Yesterday", "2015-02-01")]);
    let s = "as recently as last night";
    check("2017-04-11", s, &[("last night", "2017-04-10")]);
    let r = "2023-08-09";
    check(r, "TODAY we met.", &[("TODAY", "2023-08-09")]);
    check(r, "We met this morning.", &[("this morning", "2023-08-09")]);
    check(r, "We meet tonight.", &[("tonight", "2023-08-09")]);
    check(r, "We meet tomorrow.", &[("tomorrow", "2023-08-10")]);
    check(
        r,
        "They met yesterday afternoon.",
        &[("yesterday afternoon", "2023-08-08")],
    );
    check(
        "2024-07-25",
        "Today, Russia’s hypocrisy",
        &[("Today", "2024-07-25")],
    );
}

#[test]
fn relative_weeks_months_years() {
    let r = "2022-08-22";
    let s = "it is as true today as it was last year";
    check(r, s, &[("today", "2022-08-22"), ("last year", "2021")]);
    check(r, "Prices rose last month.", &[("last month", "2022-07")]);
    check(r, "Prices rise this month.", &[("this month", "2022-08")]);
    check(r, "Prices rise next year.", &[("next year", "2023")]);
    check(r, "Earlier this year it fell.", &[("this year", "2022")]);
    check(
        "2015-01-05",
        "We met last week.",
        &[("last week", "2015-W01")],
    );
    check(
        "2015-01-01",
        "We met last week.",
        &[("last week", "2014-W52")],
    );
    check(
        "2015-01-05",
        "We meet this week.",
        &[("this week", "2015-W02")],
    );
    check(
        "2015-01-05",
        "We meet next week.",
        &[("next week", "2015-W03")],
    );
    none(r, "Over the last week it rained.");
    none(r, "In the last days of the war.");
}

#[test]
fn ago() {
    check(
        "2024-07-25",
        "Two weeks ago, Russia lectured",
        &[("Two weeks ago", "2024-07")],
    );
    let r = "2022-08-22";
    check(
        r,
        "Three days ago it fell.",
        &[("Three days ago", "2022-08-19")],
    );
    check(r, "A week ago it fell.", &[("A week ago", "2022-08")]);
    check(
        r,
        "a couple of months ago",
        &[("a couple of months ago", "2022-06")],
    );
    check(r, "Some 10 years ago it fell.", &[("10 years ago", "2012")]);
    check(r, "one year ago", &[("one year ago", "2021")]);
    none(r, "It fell a week or ten days ago.");
    none(r, "It fell two to three weeks ago.");
    none(r, "It fell a few days ago.");
}

#[test]
fn seasons() {
    let r = "2022-08-22";
    let s = "since we had first started down this road in the Spring of last year";
    check(r, s, &[("the Spring of last year", "2021")]);
    check(r, "It fell last spring.", &[("last spring", "2022")]);
    check(
        "2022-04-10",
        "It fell last spring.",
        &[("last spring", "2021")],
    );
    check(r, "In spring 2023 it will.", &[("spring 2023", "2023")]);
    check(
        r,
        "In the summer of 2019 it fell.",
        &[("the summer of 2019", "2019")],
    );
    check(r, "It will end next winter.", &[("next winter", "2022")]);
    none(r, "In the spring, flowers bloom.");
}

#[test]
fn since_at_least_and_since_the_season() {
    let r = "2024-10-23";
    // The hedge keeps the month, which `since` makes a date even for `March` and `May`.
    let s = "Auditors believe the ledger has been altered since at least March.";
    check(r, s, &[("since at least March", "2024-03")]);
    let s = "The pipeline has leaked since at least May 2021, engineers say.";
    check(r, s, &[("since at least May 2021", "2021-05")]);
    let s = "Ferry fares have doubled since at least 2019.";
    check(r, s, &[("since at least 2019", "2019")]);
    // `since the summer`: the season most recently begun.
    let s = "Grain exports have slowed since the summer, traders said.";
    check(r, s, &[("since the summer", "2024")]);
    check(
        "2024-02-12",
        "Grain exports have slowed since the summer.",
        &[("since the summer", "2023")],
    );
    let s = "Nothing has moved since the winter of 2022.";
    check(r, s, &[("since the winter of 2022", "2022")]);
    // Without `since`, a bare season is still no date.
    none(r, "In the summer, the square fills with tourists.");
}

#[test]
fn holidays() {
    let s = "On New Year’s Eve, they struck.";
    check("2015-01-05", s, &[("New Year’s Eve", "2014-12-31")]);
    check(
        "2015-01-05",
        "On New Year's Day, they struck.",
        &[("New Year's Day", "2015-01-01")],
    );
    check(
        "2015-01-05",
        "At Christmas, they struck.",
        &[("Christmas", "2014-12-25")],
    );
    check(
        "2015-01-05",
        "On Christmas Eve 2013 it fell.",
        &[("Christmas Eve 2013", "2013-12-24")],
    );
    check(
        "2015-09-16",
        "During Ramadan, the mosque filled.",
        &[("Ramadan", "2015")],
    );
    check(
        "2015-09-16",
        "After Eid al-Fitr, it fell.",
        &[("Eid al-Fitr", "2015")],
    );
    check(
        "2015-09-16",
        "By Lunar New Year, it fell.",
        &[("Lunar New Year", "2015")],
    );
    check(
        "2015-09-16",
        "Before Easter 2014 it fell.",
        &[("Easter 2014", "2014")],
    );
    none("2015-09-16", "They sold Christmas trees.");
}

#[test]
fn no_calendar_value_no_expression() {
    let r = "2022-08-22";
    none(r, "It happened recently, the other day.");
    none(r, "They fought for over 100 days, not in decades.");
    none(r, "It went on for months and months in the earliest days.");
    none(r, "Now it is currently calm.");
    none(r, "Over the past couple weeks it grew.");
    none(r, "In the future, we will see.");
    none(r, "It is next to the embassy.");
}

#[test]
fn without_reference_relative_ones_are_found_unresolved() {
    let got = found("On Tuesday, since July, yesterday, June 25.", None);
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Tuesday", "since July", "yesterday", "June 25"]);
    assert!(got.iter().all(|(_, v)| v.is_none()));
    let got = found("In August 2023 and 2022, on 2024-10-22.", None);
    let values: Vec<Option<&str>> = got.iter().map(|(_, v)| v.as_deref()).collect();
    assert_eq!(values, [Some("2023-08"), Some("2022"), Some("2024-10-22")]);
}

#[test]
fn offsets_next_to_quotes_and_punctuation() {
    let s = "“Yesterday,” he said — (Tuesday) — “since 2022.”";
    let got = find(s, Some(date("2024-10-23")));
    let texts: Vec<&str> = got.iter().map(|f| &s[f.start..f.end]).collect();
    assert_eq!(texts, ["Yesterday", "Tuesday", "since 2022"]);
    assert_eq!(got[0].start, "“".len());
    assert_eq!(got[1].precision, Some(Precision::Day));
    assert_eq!(got[2].precision, Some(Precision::Year));
}

#[test]
fn precisions() {
    let p = |s: &str| find(s, Some(date("2024-10-23")))[0].precision;
    assert_eq!(p("in 2022"), Some(Precision::Year));
    assert_eq!(p("in August 2023"), Some(Precision::Month));
    assert_eq!(p("last week"), Some(Precision::Week));
    assert_eq!(p("the 1990s"), Some(Precision::Decade));
    assert_eq!(p("yesterday"), Some(Precision::Day));
}

#[test]
fn huge_and_odd_inputs_do_not_blow_up() {
    let mut s = "since ".repeat(100_000);
    s.push_str("early ".repeat(100_000).as_str());
    s.push_str("the ".repeat(100_000).as_str());
    s.push_str(&"1".repeat(100_000));
    s.push_str(&"2024-".repeat(50_000));
    s.push_str("é’“ 2022 ");
    let got = find(&s, Some(date("2024-10-23")));
    assert!(got.len() <= 2);
    for text in [
        "",
        " ",
        "’",
        "Tuesday",
        "May",
        "the",
        "2022-",
        "New Year’s",
        "31st of",
    ] {
        let _ = find(text, None);
        let _ = find(text, Some(date("2024-10-23")));
    }
}
