//! Tests of days counted from the last day told, relative months, weekends, `overnight`,
//! `the new year`, and dates that name a past event in a future sentence.

use super::{check, date, none};
use crate::loader::timeline::find_after;

/// Every expression of `sentences`, read in order as one document (so that `the next day`
/// counts from the last day told), as (text, value).
fn found_in_order(reference: &str, sentences: &[&str]) -> Vec<(String, Option<String>)> {
    let mut anchor = None;
    sentences
        .iter()
        .flat_map(|s| {
            find_after(s, Some(date(reference)), &mut anchor)
                .into_iter()
                .map(|f| (s[f.start..f.end].to_owned(), f.value))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    v.iter()
        .map(|(t, v)| (t.to_string(), Some(v.to_string())))
        .collect()
}

#[test]
fn month_the_day_and_day_of_a_relative_month() {
    let r = "2024-03-20";
    check(
        r,
        "On March the 7th they met.",
        &[("March the 7th", "2024-03-07")],
    );
    check(
        r,
        "They met on the 15th of last month.",
        &[("the 15th of last month", "2024-02-15")],
    );
    check(
        r,
        "The vote is on the 28th of this month.",
        &[("the 28th of this month", "2024-03-28")],
    );
    check(
        r,
        "The parade was on the 3rd.",
        &[("the 3rd", "2024-03-03")],
    );
    check(r, "It was on the 25th.", &[("the 25th", "2024-02-25")]);
    none(r, "On the 3rd brigade's orders they fired.");
}

#[test]
fn a_day_without_a_year_is_the_nearest_past_one() {
    let r = "2024-03-20";
    check(
        r,
        "The raid on October 7th killed many.",
        &[("October 7th", "2023-10-07")],
    );
    check(
        r,
        "It began on the 8th of March.",
        &[("the 8th of March", "2024-03-08")],
    );
    // A date inside a noun phrase names a past event even in a future sentence.
    let s = "Those behind the raid on October 7th will be punished.";
    check(r, s, &[("October 7th", "2023-10-07")]);
    let s = "The victims of October 7th will never be forgotten.";
    check(r, s, &[("October 7th", "2023-10-07")]);
    let s = "The board will review the June 25 launch.";
    check(r, s, &[("June 25", "2023-06-25")]);
    // An adverbial of the future verb stays future.
    check(
        r,
        "On October 7th, the court will rule.",
        &[("October 7th", "2024-10-07")],
    );
    check(
        r,
        "The court will rule on October 7th.",
        &[("October 7th", "2024-10-07")],
    );
    check(
        r,
        "By the end of May, they will leave.",
        &[("the end of May", "2024-05")],
    );
}

#[test]
fn days_counted_from_the_last_day_told() {
    let r = "2024-03-20";
    let got = found_in_order(
        r,
        &[
            "The envoy arrived on March 3.",
            "The next day, the talks collapsed.",
            "Two days later, the border closed.",
            "The day before, he had met the minister.",
            "She left the following morning.",
        ],
    );
    assert_eq!(
        got,
        pairs(&[
            ("March 3", "2024-03-03"),
            ("The next day", "2024-03-04"),
            ("Two days later", "2024-03-06"),
            ("The day before", "2024-03-05"),
            ("the following morning", "2024-03-06"),
        ])
    );
    // With no day told yet there is nothing to count from; `the same day` and `the day
    // before the vote` count from what follows them.
    assert!(found_in_order(r, &["The next day, it rained."]).is_empty());
    let got = found_in_order(
        r,
        &["It rained on March 3.", "The day before the vote was calm."],
    );
    assert_eq!(got.len(), 1);
    assert!(found_in_order(r, &["On March 3 it rained.", "It fell on the same day."]).len() == 1);
}

#[test]
fn weekends_are_placed_by_their_saturday() {
    // 2023-09-12 is a Tuesday; the weekend just past began on 9 September.
    let r = "2023-09-12";
    check(
        r,
        "This weekend, a shell struck a car.",
        &[("This weekend", "2023-09")],
    );
    check(
        r,
        "Over the weekend, they met.",
        &[("the weekend", "2023-09")],
    );
    // 2023-07-06 is a Thursday: last weekend began on 1 July.
    check(
        "2023-07-06",
        "It rained last weekend.",
        &[("last weekend", "2023-07")],
    );
    // 2023-06-29 is a Thursday: the coming weekend begins on 1 July.
    let s = "They will meet this weekend.";
    check("2023-06-29", s, &[("this weekend", "2023-07")]);
    none(r, "They work weekends.");
    none(r, "The weekend edition sold out.");
}

#[test]
fn overnight_and_the_new_year() {
    let r = "2023-12-29";
    check(
        r,
        "Overnight, missiles struck the city.",
        &[("Overnight", "2023-12-29")],
    );
    check(
        r,
        "Drones struck overnight and at dawn.",
        &[("overnight", "2023-12-29")],
    );
    none(r, "It was an overnight flight.");
    let s = "Unless the council acts in the new year, aid will stop.";
    check(r, s, &[("the new year", "2024")]);
    check(
        "2024-02-10",
        "Since the new year, prices rose.",
        &[("Since the new year", "2024")],
    );
}

#[test]
fn a_weekday_named_for_its_event() {
    // 2007-12-02 is a Sunday: the election of that day, in a future sentence.
    let s = "They plan to disrupt Sunday's election.";
    check("2007-12-02", s, &[("Sunday", "2007-12-02")]);
    check("2007-11-29", s, &[("Sunday", "2007-12-02")]);
}

#[test]
fn today_in_a_name_is_no_date() {
    let r = "2024-02-16";
    none(
        r,
        "The claims were repeated by Russia Today and other outlets.",
    );
    none(r, "He wrote for USA Today.");
    check(r, "Today, the envoys met.", &[("Today", "2024-02-16")]);
    check(r, "TODAY the envoys met.", &[("TODAY", "2024-02-16")]);
    check(r, "The envoys met Today.", &[("Today", "2024-02-16")]);
}

#[test]
fn scheduled_days_deadlines_and_reported_futures() {
    // 2024-11-09 is a Saturday.
    let s = "The minister has called a session of the council for Monday.";
    check("2024-11-09", s, &[("Monday", "2024-11-11")]);
    let s = "She said the mine would be offered in a tender by June.";
    check("2025-01-23", s, &[("June", "2025-06")]);
    let s = "Police searched 40 homes ahead of the elections on 28 September.";
    check("2025-09-10", s, &[("28 September", "2025-09-28")]);
    // A day before the reporting verb is the report's.
    let s = "Saturday, Chile announced it would close the border.";
    check("2006-10-01", s, &[("Saturday", "2006-09-30")]);
    // `would have` is a past that did not happen.
    let s = "They said the vote would have been held in June.";
    check("2025-09-10", s, &[("June", "2025-06")]);
}

/// A month naming a scheduled event in a future sentence is the next such month, whatever
/// article comes before it.
#[test]
fn a_scheduled_month_in_a_future_sentence() {
    let r = "2025-03-04";
    let s = "The ruling coalition will hold an October vote on the new charter.";
    check(r, s, &[("October", "2025-10")]);
    let s = "The ruling coalition will hold the October vote on the new charter.";
    check(r, s, &[("October", "2025-10")]);
    let s = "An October referendum will settle the question of the charter.";
    check(r, s, &[("October", "2025-10")]);
    let s = "The October election will test the coalition.";
    check(r, s, &[("October", "2025-10")]);
    // After that month in the year, it is the next year's.
    let s = "The ruling coalition will hold an October vote on the new charter.";
    check("2025-11-20", s, &[("October", "2026-10")]);
    // A month naming some other event is still the one past.
    let s = "The inspectors will examine the October flooding.";
    check(r, s, &[("October", "2024-10")]);
}

#[test]
fn the_year_of_a_part_of_it_and_old_named_dates() {
    let r = "2024-06-10";
    check(
        r,
        "Since the start of the year, 40 died.",
        &[("Since the start of the year", "2024")],
    );
    check(
        r,
        "It ends by the end of the year.",
        &[("the end of the year", "2024")],
    );
    check(
        r,
        "The border was set by the Treaty of 1866.",
        &[("1866", "1866")],
    );
    none(r, "The chair of the 1970 Committee spoke.");
    check(
        r,
        "It was seen as recently as March.",
        &[("March", "2024-03")],
    );
}

/// The expressions issue 13 lists, in sentences of a short invented report read as one
/// document: a day without a year in past-tense reporting is the nearest past one.
#[test]
fn the_listed_expressions_in_one_report() {
    let r = "2025-02-11";
    let got = found_in_order(
        r,
        &[
            "The depot was shelled on October 7th, the governor said.",
            "A second blast followed on the 8th of January.",
            "Inspectors arrived one week ago.",
            "The envoy resigned the next day.",
            "Pumps failed on the 15th of last month.",
            "The barge sank on January the 3rd.",
            "Output had fallen by mid-2023.",
            "Earlier this year the port reopened.",
        ],
    );
    let want = pairs(&[
        ("October 7th", "2024-10-07"),
        ("the 8th of January", "2025-01-08"),
        ("one week ago", "2025-02"),
        ("the next day", "2025-01-09"),
        ("the 15th of last month", "2025-01-15"),
        ("January the 3rd", "2025-01-03"),
        ("mid-2023", "2023"),
        ("this year", "2025"),
    ]);
    assert_eq!(got, want);
}

/// A scheduled event named with its date is not past when a future marker governs it.
#[test]
fn a_scheduled_event_ahead() {
    let r = "2025-09-10";
    check(
        r,
        "Arrests were made ahead of the elections of 28 September.",
        &[("28 September", "2025-09-28")],
    );
    check(
        r,
        "They recalled the attack of 28 September.",
        &[("28 September", "2024-09-28")],
    );
}

/// A four-digit number that counts things, or names a programme, is no year.
#[test]
fn counts_that_look_like_years() {
    let r = "2024-05-10";
    none(r, "About 2000 more troops may arrive.");
    none(
        r,
        "More than 2000 have fled, and nearly 1950 were detained.",
    );
    none(r, "Police recovered 2021 rifles from the depot.");
    none(r, "The Vision 2030 plan and Agenda 2063 were discussed.");
    none(r, "The festival is held every August.");
    check(
        r,
        "They have operated since at least 2019.",
        &[("since at least 2019", "2019")],
    );
    check(r, "The 2022 law was repealed.", &[("2022", "2022")]);
    check(r, "Another 1,500 arrived in 2023.", &[("2023", "2023")]);
}
