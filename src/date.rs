//! Dates: parsing the forms pages write (ISO 8601, RFC 2822, "Oct. 20, 2023
//! 12:42 p.m. ET", "20 October 2023", "2023年10月20日 12:42") into ISO 8601,
//! keeping an offset only when the text states one.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Timelike};
use regex::Regex;

/// A point in time as precise as the page gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub date: NaiveDate,
    /// Hour, minute and, when given, second.
    pub time: Option<(u32, u32, Option<u32>)>,
    /// Offset from UTC in minutes, when stated.
    pub offset: Option<i32>,
}

impl Stamp {
    pub fn iso(&self) -> String {
        let mut s = format!(
            "{:04}-{:02}-{:02}",
            self.date.year(),
            self.date.month(),
            self.date.day()
        );
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}"));
            if let Some(sec) = sec {
                s.push_str(&format!(":{sec:02}"));
            }
            if let Some(o) = self.offset {
                if o == 0 {
                    s.push('Z');
                } else {
                    let sign = if o < 0 { '-' } else { '+' };
                    s.push_str(&format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60));
                }
            }
        }
        s
    }
}

/// The zones' abbreviations the patterns take after a time (see `zone_offset`).
const ZONES: &str = "GMT|UTC|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|ADT|NST|NDT|AKST|AKDT|HST|BST|WET|WEST|CET|CEST|MEZ|MESZ|EET|EEST|MSK|SAST|CAT|EAT|WAT|PKT|IST|ICT|WIB|WITA|WIT|PHT|JST|KST|AEST|AEDT|NZST|NZDT|HKT|SGT";

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &r"(?x)
        (?P<y>(?:19|20)\d\d)\s*(?:[-/.]|年|년)\s*(?P<mo>\d{1,2})\s*(?:[-/.]|月|월)\s*(?P<d>\d{1,2})(?:\s*[日일]|\.(?:\s|$))?
        (?:(?:\s*[T\s,]\s*|\s*[•·|]\s*|\s*[（(]?\s*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]\s*[）)]?\s*|\s*(?:日|\()?\s*(?:[月火水木金土日]\)?)?\s*)
           (?:(?P<kampm>오전|오후|午前|午後|上午|下午)\s*)?
           (?P<h>\d{1,2})\s*(?:[:：時时点시])\s*(?P<mi>\d{2})(?:\s*(?:[:：分분])\s*(?P<s>\d{2})(?:[.,]\d+)?)?(?:\s*[秒分초분])?
           (?:\s*(?P<ampm>[ap]\.?\s?m\.?))?
        )?
        \s*\(?(?P<tz>Z\b|[+-]\d{2}:?\d{2}\b|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|北京时间|\b(?:ZONES)\b)?"
            .replace("ZONES", ZONES),
    )
    .expect("valid date regex")
});

/// Month names as news pages write them, full and abbreviated, in the
/// languages of the world's big news markets (English, German, French,
/// Spanish, Italian, Portuguese, Dutch, the Nordic languages, Polish, Czech,
/// Romanian, Indonesian, Turkish, Russian, Ukrainian, Greek, Arabic, Hindi, Swahili and Thai),
/// lowercase, with the month they name. Abbreviations that are common words
/// ("out", Portuguese October) are left out.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("jän", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("stycznia", 1),
    ("styczeń", 1),
    ("ledna", 1),
    ("ianuarie", 1),
    ("ocak", 1),
    ("января", 1),
    ("январь", 1),
    ("янв", 1),
    ("січня", 1),
    ("ιανουαρίου", 1),
    ("يناير", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fév", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("lutego", 2),
    ("února", 2),
    ("februarie", 2),
    ("şubat", 2),
    ("subat", 2),
    ("февраля", 2),
    ("февраль", 2),
    ("фев", 2),
    ("лютого", 2),
    ("φεβρουαρίου", 2),
    ("فبراير", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("marts", 3),
    ("maret", 3),
    ("marca", 3),
    ("března", 3),
    ("martie", 3),
    ("mart", 3),
    ("марта", 3),
    ("март", 3),
    ("мар", 3),
    ("березня", 3),
    ("μαρτίου", 3),
    ("مارس", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("dubna", 4),
    ("aprilie", 4),
    ("nisan", 4),
    ("апреля", 4),
    ("апрель", 4),
    ("апр", 4),
    ("квітня", 4),
    ("απριλίου", 4),
    ("أبريل", 4),
    ("ابريل", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("maj", 5),
    ("maja", 5),
    ("května", 5),
    ("mayıs", 5),
    ("mayis", 5),
    ("мая", 5),
    ("май", 5),
    ("травня", 5),
    ("μαΐου", 5),
    ("مايو", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("czerwca", 6),
    ("června", 6),
    ("iunie", 6),
    ("haziran", 6),
    ("июня", 6),
    ("июнь", 6),
    ("июн", 6),
    ("червня", 6),
    ("ιουνίου", 6),
    ("يونيو", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("lipca", 7),
    ("července", 7),
    ("iulie", 7),
    ("temmuz", 7),
    ("июля", 7),
    ("июль", 7),
    ("июл", 7),
    ("липня", 7),
    ("ιουλίου", 7),
    ("يوليو", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("augusti", 8),
    ("agustus", 8),
    ("sierpnia", 8),
    ("srpna", 8),
    ("ağustos", 8),
    ("agustos", 8),
    ("августа", 8),
    ("август", 8),
    ("авг", 8),
    ("серпня", 8),
    ("αυγούστου", 8),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("września", 9),
    ("září", 9),
    ("septembrie", 9),
    ("eylül", 9),
    ("eylul", 9),
    ("сентября", 9),
    ("сентябрь", 9),
    ("сен", 9),
    ("вересня", 9),
    ("σεπτεμβρίου", 9),
    ("سبتمبر", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("października", 10),
    ("října", 10),
    ("octombrie", 10),
    ("ekim", 10),
    ("октября", 10),
    ("октябрь", 10),
    ("окт", 10),
    ("жовтня", 10),
    ("οκτωβρίου", 10),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopada", 11),
    ("listopadu", 11),
    ("noiembrie", 11),
    ("kasım", 11),
    ("kasim", 11),
    ("ноября", 11),
    ("ноябрь", 11),
    ("ноя", 11),
    ("листопада", 11),
    ("νοεμβρίου", 11),
    ("نوفمبر", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("desember", 12),
    ("grudnia", 12),
    ("prosince", 12),
    ("decembrie", 12),
    ("aralık", 12),
    ("aralik", 12),
    ("декабря", 12),
    ("декабрь", 12),
    ("дек", 12),
    ("грудня", 12),
    ("δεκεμβρίου", 12),
    ("ديسمبر", 12),
    // Hindi and Swahili.
    ("जनवरी", 1),
    ("फ़रवरी", 2),
    ("फरवरी", 2),
    ("मार्च", 3),
    ("machi", 3),
    ("अप्रैल", 4),
    ("aprili", 4),
    ("मई", 5),
    ("जून", 6),
    ("जुलाई", 7),
    ("julai", 7),
    ("अगस्त", 8),
    ("agosti", 8),
    ("सितंबर", 9),
    ("सितम्बर", 9),
    ("septemba", 9),
    ("अक्टूबर", 10),
    ("oktoba", 10),
    ("नवंबर", 11),
    ("नवम्बर", 11),
    ("novemba", 11),
    ("दिसंबर", 12),
    ("दिसम्बर", 12),
    ("desemba", 12),
    // The Levantine and Iraqi months, and Malay's own names.
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("mac", 3),
    ("ogos", 8),
    ("disember", 12),
    // Thai, full and abbreviated (the abbreviations' last dot is the
    // pattern's); Thai papers count years from the Buddha (2567 is 2024).
    ("มกราคม", 1),
    ("ม.ค", 1),
    ("กุมภาพันธ์", 2),
    ("ก.พ", 2),
    ("มีนาคม", 3),
    ("มี.ค", 3),
    ("เมษายน", 4),
    ("เม.ย", 4),
    ("พฤษภาคม", 5),
    ("พ.ค", 5),
    ("มิถุนายน", 6),
    ("มิ.ย", 6),
    ("กรกฎาคม", 7),
    ("ก.ค", 7),
    ("สิงหาคม", 8),
    ("ส.ค", 8),
    ("กันยายน", 9),
    ("ก.ย", 9),
    ("ตุลาคม", 10),
    ("ต.ค", 10),
    ("พฤศจิกายน", 11),
    ("พ.ย", 11),
    ("ธันวาคม", 12),
    ("ธ.ค", 12),
];

/// "20 October 2023", "Oct. 20, 2023 12:42 p.m. ET", "14. Dezember 2015 um
/// 14:48", "13 de junio de 2019", "1er juillet 2019 à 14h30".
static WORDY: LazyLock<Regex> = LazyLock::new(|| {
    // Longest names first, so that "juillet" is not read as "juil" + "let".
    let mut names: Vec<&str> = MONTHS.iter().map(|m| m.0).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let mon = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    let zones = ZONES;
    Regex::new(&format!(
        r"(?xi)
        (?:
          (?P<mon1>{mon})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)
        | (?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|º|ª)?\.?\s*(?:of\s+|de\s+)?(?P<mon2>{mon})(?:\.,?\s*|,?\s+)(?:de\s+|del\s+|พ\.ศ\.\s*)?(?P<y2>(?:19|20|25)\d\d)(?:\s*г\.)?
        )
        (?:[\s,]+(?:at\s+|um\s+|à\s+|a\s+las\s+|alle\s+|às\s+|om\s+|kl\.?\s+|klo\s+|в\s+|เวลา\s*|-\s+|\|\s+|@\s*|[•·–]\s+)?(?P<h>\d{{1,2}})(?:[:.h](?P<mi>\d{{2}}))(?:[:.](?P<s>\d{{2}}))?\s*(?P<ampm>[ap]\.?\s?m\.?|[مص]\b)?)?
        (?:\s*\(?(?P<tz>[+-]\d{{2}}:?\d{{2}}\b|(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|\b(?:{zones})\b))?"
    ))
    .expect("valid date regex")
});

/// Programs' own date strings: "Tue Dec 13 2016 18:06:00 GMT+0000 (UTC)"
/// (JavaScript), "Mon Aug 03 12:45:00 EDT 2015" (Java).
static PROGRAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+
        (?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2})\s+
        (?:(?P<y1>(?:19|20)\d\d)\s+)?
        (?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?
        \s*(?P<tz>(?:GMT|UTC)\s*[+-]\d{2}:?\d{2}|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?
        (?:\s*\([^)]*\))?
        (?:\s+(?P<y2>(?:19|20)\d\d))?\s*$",
    )
    .expect("valid date regex")
});

fn program_date(s: &str) -> Option<Stamp> {
    let c = PROGRAM.captures(s)?;
    let y = c.name("y1").or(c.name("y2"))?.as_str().parse().ok()?;
    build(y, month(&c["mon"])?, c["d"].parse().ok()?, &c)
}

/// Day and month before the year: "9/21/2016" (month first, as in the US,
/// unless the first number cannot be a month), "19.07.2022" (day first).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &r"(?xi)
        \b(?P<a>\d{1,2})(?P<sep>[/.])\ ?(?P<b>\d{1,2})[/.]\ ?(?P<y>(?:19|20)\d\d)
        (?:[\s,]+(?:at\s+|um\s+|à\s+|a\s+las\s+|alle\s+|às\s+|om\s+|kl\.?\s+|-\s+|\|\s+|@\s*|[•·–]\s+)?(?P<h>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?)?
        (?:\s*\(?(?P<tz>[+-]\d{2}:?\d{2}\b|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|\b(?:ZONES)\b))?"
            .replace("ZONES", ZONES),
    )
    .expect("valid date regex")
});

fn month(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|m| m.0 == s).map(|m| m.1)
}

/// US zones: daylight time from the second Sunday of March to the first Sunday of November.
fn us_dst(date: NaiveDate) -> bool {
    let nth_sunday = |month: u32, n: u32| {
        let first = NaiveDate::from_ymd_opt(date.year(), month, 1).expect("valid");
        let to_sun = (7 - first.weekday().num_days_from_sunday()) % 7;
        first + chrono::Days::new((to_sun + 7 * (n - 1)) as u64)
    };
    date >= nth_sunday(3, 2) && date < nth_sunday(11, 1)
}

fn zone_offset(tz: &str, date: NaiveDate) -> Option<i32> {
    let t = tz.trim();
    let upper = t.to_ascii_uppercase();
    let us = |std: i32| {
        Some(if us_dst(date) {
            (std + 1) * 60
        } else {
            std * 60
        })
    };
    match upper.as_str() {
        "Z" | "GMT" | "UTC" => return Some(0),
        "ET" => return us(-5),
        "CT" => return us(-6),
        "MT" => return us(-7),
        "PT" => return us(-8),
        "EST" => return Some(-300),
        "EDT" => return Some(-240),
        "CST" => return Some(-360),
        "CDT" => return Some(-300),
        "MST" => return Some(-420),
        "MDT" => return Some(-360),
        "PST" => return Some(-480),
        "PDT" => return Some(-420),
        "ADT" => return Some(-180),
        "NST" => return Some(-210),
        "NDT" => return Some(-150),
        "AKST" => return Some(-540),
        "AKDT" => return Some(-480),
        "HST" => return Some(-600),
        "WET" => return Some(0),
        "WEST" => return Some(60),
        "EET" | "SAST" | "CAT" => return Some(120),
        "EEST" | "MSK" | "EAT" => return Some(180),
        "WAT" => return Some(60),
        "PKT" => return Some(300),
        "ICT" | "WIB" => return Some(420),
        "WITA" | "PHT" => return Some(480),
        "WIT" => return Some(540),
        "NZST" => return Some(720),
        "NZDT" => return Some(780),
        "BST" => return Some(60),
        "CET" | "MEZ" => return Some(60),
        "CEST" | "MESZ" => return Some(120),
        "JST" | "KST" => return Some(540),
        "IST" => return Some(330),
        "AEST" => return Some(600),
        "AEDT" => return Some(660),
        "HKT" | "SGT" => return Some(480),
        _ => {}
    }
    if t == "北京时间" {
        return Some(480);
    }
    let rest = upper
        .trim_start_matches("GMT")
        .trim_start_matches("UTC")
        .trim();
    let (sign, digits) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' => (-1, &rest[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (digits[..1].parse().ok()?, digits[1..].parse().ok()?),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

fn build(y: i32, mo: u32, d: u32, c: &regex::Captures) -> Option<Stamp> {
    let date = NaiveDate::from_ymd_opt(y, mo, d)?;
    let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let time = match (num("h"), num("mi")) {
        (Some(mut h), Some(m)) if h < 24 && m < 60 => {
            // "p.m.", and the Korean, Japanese and Chinese words before the
            // hour: 오후 / 午後 / 下午 (afternoon), 오전 / 午前 / 上午.
            // A 24-hour time after such a word ("下午 14:42") is left as it is.
            let ampm = c.name("ampm").or(c.name("kampm").filter(|_| h <= 12));
            if let Some(ap) = ampm {
                let ap = ap.as_str();
                // (Arabic: م after the time is p.m., ص a.m.)
                let pm = ap.to_ascii_lowercase().starts_with('p')
                    || matches!(ap, "오후" | "午後" | "下午" | "م");
                if h > 12 {
                    return None;
                }
                h = match (pm, h) {
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, 12) => 0,
                    (false, h) => h,
                };
            }
            Some((h, m, num("s").filter(|s| *s < 61)))
        }
        _ => None,
    };
    let offset = time
        .and(c.name("tz"))
        .and_then(|tz| zone_offset(tz.as_str(), date));
    Some(Stamp { date, time, offset })
}

/// How a page writes an all-numeric date such as 08/01/2014.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Month first, as in the United States: 8 January is 01/08.
    MonthFirst,
    /// Day first, as nearly everywhere else: 8 January is 08/01.
    DayFirst,
}

impl Order {
    /// The order a page in language `lang` (a tag such as "es" or "en-GB")
    /// writes dates in: day first, but for American English (or an
    /// untagged page) and the languages that write the year first.
    pub fn for_language(lang: Option<&str>) -> Order {
        let Some(l) = lang else {
            return Order::MonthFirst;
        };
        let l = l.to_ascii_lowercase().replace('_', "-");
        let primary = l.split('-').next().unwrap_or("");
        let month_first = matches!(l.as_str(), "en" | "en-us" | "en-ph")
            || matches!(primary, "" | "zh" | "ja" | "ko");
        if month_first {
            Order::MonthFirst
        } else {
            Order::DayFirst
        }
    }
}

/// Finds the first date in `s`, reading 01/08/2014 month first.
pub fn find(s: &str) -> Option<Stamp> {
    find_in(s, Order::MonthFirst)
}

/// Finds the first date in `s`, reading all-numeric dates in `order` (but
/// as the other order when only that makes a date: 25/12 is day first).
pub fn find_in(s: &str, order: Order) -> Option<Stamp> {
    match western(s) {
        Some(w) => find_span(&w, order).map(|x| x.1),
        None => find_span(s, order).map(|x| x.1),
    }
}

/// `s` with its digits written as ASCII ones (Arabic-Indic, Persian,
/// Devanagari, Bengali, Thai, full-width) and its years counted from
/// Christ: a Japanese era's ("令和6年" is 2024) and the Republic of China's
/// ("中華民國113年", "民國113年"). None when nothing changes.
fn western(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let digit = |c: char| -> Option<char> {
        let base = match c as u32 {
            0x0660..=0x0669 => 0x0660,
            0x06F0..=0x06F9 => 0x06F0,
            0x0966..=0x096F => 0x0966,
            0x09E6..=0x09EF => 0x09E6,
            0x0E50..=0x0E59 => 0x0E50,
            0xFF10..=0xFF19 => 0xFF10,
            _ => return None,
        };
        char::from_digit(c as u32 - base, 10)
    };
    let mut out: Option<String> = None;
    if s.chars().any(|c| digit(c).is_some()) {
        out = Some(s.chars().map(|c| digit(c).unwrap_or(c)).collect());
    }
    static ERA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(令和|平成|昭和|中華民國|中华民国|民國|民国)\s*(元|\d{1,3})\s*年")
            .expect("valid regex")
    });
    let text = out.as_deref().unwrap_or(s);
    // (Every era's year ends in 年: most lines skip the pattern.)
    if text.contains('年') && ERA.is_match(text) {
        let replaced = ERA
            .replace_all(text, |c: &regex::Captures| {
                let n: i32 = if &c[2] == "元" {
                    1
                } else {
                    c[2].parse().unwrap_or(0)
                };
                let first = match &c[1] {
                    "令和" => 2018,
                    "平成" => 1988,
                    "昭和" => 1925,
                    _ => 1911,
                };
                format!("{}年", first + n)
            })
            .into_owned();
        out = Some(replaced);
    }
    out
}

/// What follows a date that opens `s` ("19.03.2019 | von Inga Buller",
/// "Wednesday, January 23, 2019 10:30 By Jane Doe"): before the date, one
/// word at most (a weekday, "Published"), or a word and a short one
/// ("Posted on", "Publié le").
pub fn after_leading(s: &str) -> Option<&str> {
    // A date that opens a line lies in its first 48 bytes ("Wednesday,
    // September 23, 2019 10:30"): the rest of a long line is not searched.
    let head = &s[..crate::parse::floor_char_boundary(s, 48)];
    if !head.starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic()) {
        return None;
    }
    let (span, _) = find_span(head, Order::MonthFirst)?;
    let words = s[..span.start]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    // ("Posted on June 14, 2011 by X", "Publié le 06/03/2024 | Par X": two.)
    let short = |w: &str| w.chars().count() <= 12 && w.chars().all(char::is_alphabetic);
    let lead = match words[..] {
        [] => true,
        [w] => short(w),
        [a, b] => short(a) && b.chars().count() <= 3 && short(b),
        _ => false,
    };
    lead.then(|| &s[span.end..])
}

/// The first date in `s` and where its text lies.
fn find_span(s: &str, order: Order) -> Option<(std::ops::Range<usize>, Stamp)> {
    // Every form written out has a four-digit year: most lines have none,
    // and this look is much cheaper than the patterns.
    if !has_year(s) {
        return short_year(s, order);
    }
    let a = NUMERIC.captures_iter(s).find_map(|c| {
        let y = c["y"].parse().ok()?;
        let stamp = build(y, c["mo"].parse().ok()?, c["d"].parse().ok()?, &c)?;
        Some((c.get(0)?.range(), stamp))
    });
    let b = WORDY.captures_iter(s).find_map(|c| {
        let (mon, d, y) = match c.name("mon1") {
            Some(m) => (m, c.name("d1")?, c.name("y1")?),
            None => (c.name("mon2")?, c.name("d2")?, c.name("y2")?),
        };
        let y: i32 = y.as_str().parse().ok()?;
        // A Buddhist Era year (Thai papers): 543 years ahead.
        let y = if y >= 2500 { y - 543 } else { y };
        let stamp = build(y, month(mon.as_str())?, d.as_str().parse().ok()?, &c)?;
        Some((c.get(0)?.range(), stamp))
    });
    let c = DAY_MONTH_YEAR.captures_iter(s).find_map(|c| {
        // The year ends at a non-digit, a letter too: a date glued to the
        // next element's text ("08/08/2017durch Stephan Markus").
        let y = c.name("y")?;
        if s[y.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        let (mo, d) = month_and_day(&c, order)?;
        let stamp = build(c["y"].parse().ok()?, mo, d, &c)?;
        Some((c.get(0)?.range(), stamp))
    });
    let (mut span, mut stamp) = [a, b, c].into_iter().flatten().min_by_key(|x| x.0.start)?;
    // The time written before the date: "08:12 05.03.2024" (Russian papers).
    if stamp.time.is_none() {
        static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                &r"(?i)(?:^|[^\d:.])(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?(?:\s+(ZONES)\b)?\s*[,|•·-]?\s*$"
                    .replace("ZONES", ZONES),
            )
            .expect("valid regex")
        });
        if let Some(c) = BEFORE.captures(&s[..span.start]) {
            let (mut h, m): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
            // "08:12 PM March 05, 2024".
            if let Some(ap) = c.get(3) {
                let pm = ap.as_str().eq_ignore_ascii_case("p");
                h = match (pm, h) {
                    (_, 13..) => 99,
                    (true, 12) | (false, 0..12) => h,
                    (true, h) => h + 12,
                    (false, 12) => 0,
                };
            }
            if h < 24 && m < 60 {
                stamp.time = Some((h, m, None));
                // "11:02 a.m. EST March 2, 2024", "09:15 BST, 5 June 2024".
                if let Some(tz) = c.get(4) {
                    stamp.offset = zone_offset(tz.as_str(), stamp.date);
                }
                span.start = c.get(1).map_or(span.start, |t| t.start());
            }
        }
    }
    Some((span, stamp))
}

/// A date with a two-digit year after a date's label: "Stand: 1.4.18",
/// "veröffentlicht am 6.12.06", "Last updated: 5/5/20". Bare, such
/// numbers are as often versions, scores or fractions, so the label is
/// needed; years up to 69 are this century's.
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?:\b(?:am|vom|stand|datum|date|dated|updated|published|posted|on|veröffentlicht|aktualisiert|erstellt|le|publié|mis\ à\ jour)\b:?\s*)
        (?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<y>\d\d)
        (?:[\s,]+(?:at\s+|um\s+|à\s+|-\s+)?(?P<h>\d{1,2})[:h](?P<mi>\d{2})\s*(?P<ampm>[ap]\.?\s?m\.?)?)?",
    )
    .expect("valid date regex")
});

fn short_year(s: &str, order: Order) -> Option<(std::ops::Range<usize>, Stamp)> {
    // Cheap look first: a digit, a dot or slash, a digit.
    let b = s.as_bytes();
    if !b
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b'/') && w[2].is_ascii_digit())
    {
        return None;
    }
    SHORT_YEAR.captures_iter(s).find_map(|c| {
        // The year ends the number: not "1.4.18.2" or "1/2/345".
        let y = c.name("y")?;
        if s[y.end()..].starts_with(|ch: char| ch.is_ascii_digit())
            || s[y.end()..]
                .strip_prefix(['.', '/'])
                .is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            return None;
        }
        let yy: i32 = y.as_str().parse().ok()?;
        let (mo, d) = month_and_day(&c, order)?;
        let stamp = build(if yy < 70 { 2000 + yy } else { 1900 + yy }, mo, d, &c)?;
        Some((c.get(0)?.range(), stamp))
    })
}

/// The month and the day of an all-numeric date's first two numbers `a`
/// and `b`: day first after dots ("19.07."), else in `order`, unless only
/// the other order makes a date (25/12 is day first).
fn month_and_day(c: &regex::Captures, order: Order) -> Option<(u32, u32)> {
    let a: u32 = c["a"].parse().ok()?;
    let b: u32 = c["b"].parse().ok()?;
    let day_first = match order {
        _ if &c["sep"] == "." => true,
        Order::MonthFirst => a > 12,
        Order::DayFirst => b <= 12,
    };
    Some(if day_first { (b, a) } else { (a, b) })
}

/// Does `s` hold 19xx, 20xx or (a Buddhist Era year) 25xx?
fn has_year(s: &str) -> bool {
    s.as_bytes().windows(4).any(|w| {
        matches!(w[..2], [b'1', b'9'] | [b'2', b'0'] | [b'2', b'5'])
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

/// Parses a machine-readable value (meta content, JSON-LD, `datetime`).
pub fn parse_value(s: &str) -> Option<Stamp> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) =
        chrono::DateTime::parse_from_rfc3339(s).or_else(|_| chrono::DateTime::parse_from_rfc2822(s))
    {
        let n = dt.naive_local();
        return Some(Stamp {
            date: n.date(),
            time: Some((n.hour(), n.minute(), Some(n.second()))),
            offset: Some(dt.offset().local_minus_utc() / 60),
        });
    }
    // Compact forms: 20231020, 20231020T124226, 20231020124226 (Korean
    // portals' og:regDate).
    let b = s.as_bytes();
    if s.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        let clock = match &s[8..] {
            "" => Some(None),
            rest => {
                let rest = rest.strip_prefix('T').unwrap_or(rest);
                (matches!(rest.len(), 4 | 6) && rest.bytes().all(|c| c.is_ascii_digit())).then(
                    || {
                        let h: u32 = rest[..2].parse().ok()?;
                        let m: u32 = rest[2..4].parse().ok()?;
                        let sec: Option<u32> = rest.get(4..6).and_then(|x| x.parse().ok());
                        (h < 24 && m < 60 && sec.is_none_or(|x| x < 60)).then_some((h, m, sec))
                    },
                )
            }
        };
        if let Some(time) = clock
            && let Some(date) = NaiveDate::from_ymd_opt(
                s[..4].parse().ok()?,
                s[4..6].parse().ok()?,
                s[6..8].parse().ok()?,
            )
        {
            return Some(Stamp {
                date,
                time,
                offset: None,
            });
        }
    }
    program_date(s).or_else(|| find(s))
}

/// A date in a URL path: /2023/10/20/, /2023-10-20/, /20231020/.
pub fn from_url(url: &str) -> Option<Stamp> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.|$|\d{2,})",
        )
        .expect("valid")
    });
    // An archived copy's address holds the capture time first
    // (web.archive.org/web/20210916140120/https://...): the date is the
    // original address's, if it has one.
    static ARCHIVE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"/web/\d{8,14}[a-z_]*/").expect("valid"));
    let url = match ARCHIVE.find(url) {
        Some(m) => &url[m.end()..],
        None => url,
    };
    let c = URL.captures(url)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    Some(Stamp {
        date,
        time: None,
        offset: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find(s).map(|x| x.iso())
    }

    #[test]
    fn compact_values_with_and_without_a_time() {
        let v = |s: &str| parse_value(s).map(|x| x.iso());
        assert_eq!(v("20231020").as_deref(), Some("2023-10-20"));
        assert_eq!(v("20231020T124226").as_deref(), Some("2023-10-20T12:42:26"));
        assert_eq!(v("20210820030646").as_deref(), Some("2021-08-20T03:06:46"));
        assert_eq!(v("202108200306").as_deref(), Some("2021-08-20T03:06"));
        assert_eq!(v("20211320"), None);
        assert_eq!(v("20210820abc"), None);
    }

    #[test]
    fn all_numeric_dates_follow_the_page_language() {
        let day_first = |lang| {
            find_in(
                "Patricio Candia | Palma | 08/01/2014",
                Order::for_language(lang),
            )
            .map(|x| x.iso())
        };
        assert_eq!(day_first(Some("es")).as_deref(), Some("2014-01-08"));
        assert_eq!(day_first(Some("en-GB")).as_deref(), Some("2014-01-08"));
        assert_eq!(day_first(Some("pt_BR")).as_deref(), Some("2014-01-08"));
        assert_eq!(day_first(Some("en-US")).as_deref(), Some("2014-08-01"));
        assert_eq!(day_first(Some("en_US")).as_deref(), Some("2014-08-01"));
        assert_eq!(day_first(None).as_deref(), Some("2014-08-01"));
        // Only one reading makes a date: it is taken in any language.
        assert_eq!(
            find_in("12/25/2019", Order::DayFirst)
                .map(|x| x.iso())
                .as_deref(),
            Some("2019-12-25")
        );
        assert_eq!(
            find_in("25/12/2019", Order::MonthFirst)
                .map(|x| x.iso())
                .as_deref(),
            Some("2019-12-25")
        );
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(
            iso("Tech 2023-10-20 12:42:26 Source: Network").as_deref(),
            Some("2023-10-20T12:42:26")
        );
        assert_eq!(
            iso("发布时间：2019-09-07 13:43").as_deref(),
            Some("2019-09-07T13:43")
        );
        assert_eq!(
            iso("2023年10月20日 12:42").as_deref(),
            Some("2023-10-20T12:42")
        );
        assert_eq!(
            iso("2023年10月20日12:42:26 北京时间").as_deref(),
            Some("2023-10-20T12:42:26+08:00")
        );
        assert_eq!(iso("2023/10/20").as_deref(), Some("2023-10-20"));
        assert_eq!(
            iso("2023年10月20日 12時42分").as_deref(),
            Some("2023-10-20T12:42")
        );
        assert_eq!(iso("2023-13-40"), None);
    }

    #[test]
    fn forms_of_european_and_korean_papers() {
        // The time first (Russian papers), a bullet before the time, a
        // Czech date spaced after its dots, a Brazilian paper's month
        // between dots, and a Korean portal's dot after the day.
        for (text, want) in [
            ("08:12 05.03.2024", "2024-03-05T08:12"),
            ("Обновлено: 10:40 05.03.2024", "2024-03-05T10:40"),
            ("05.03.2024 • 08:12", "2024-03-05T08:12"),
            ("2024-03-05 · 08:12", "2024-03-05T08:12"),
            ("5. 3. 2024 8:12", "2024-03-05T08:12"),
            ("5.mar.2024 às 8h12", "2024-03-05T08:12"),
            ("입력 2024.03.05. 오전 8:12", "2024-03-05T08:12"),
            ("2023年11月20日（星期一）　06:30", "2023-11-20T06:30"),
            ("08:12 PM March 05, 2024", "2024-03-05T20:12"),
            ("Jumanne, Machi 5, 2024", "2024-03-05"),
            (
                "अपडेट मंगलवार, 05 मार्च 2024 08:12 PM IST",
                "2024-03-05T20:12+05:30",
            ),
            ("2023年11月20日 星期一 06:30", "2023-11-20T06:30"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
        // A score or a version before a date is no time.
        assert_eq!(iso("v1.2:30 05.03.2024").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn two_digit_years_after_a_label() {
        let de = |s: &str| find_in(s, Order::DayFirst).map(|x| x.iso());
        assert_eq!(iso("Last updated: 5/5/20").as_deref(), Some("2020-05-05"));
        assert_eq!(iso("Last updated: 01/23/21").as_deref(), Some("2021-01-23"));
        assert_eq!(de("Stand: 1.4.18").as_deref(), Some("2018-04-01"));
        assert_eq!(
            de("veröffentlicht am 6.12.06").as_deref(),
            Some("2006-12-06")
        );
        assert_eq!(
            iso("Posted on 3/14/99 at 9:30 pm").as_deref(),
            Some("1999-03-14T21:30")
        );
        // Without a label, or with more numbers after, no date.
        assert_eq!(iso("Version 1.4.18 is out"), None);
        assert_eq!(iso("Score 3/4/20"), None);
        assert_eq!(de("Stand: 1.4.18.2"), None);
    }

    #[test]
    fn wordy_forms() {
        assert_eq!(
            iso("Oct. 20, 2023 12:42 p.m. ET").as_deref(),
            Some("2023-10-20T12:42-04:00")
        );
        assert_eq!(
            iso("Updated January 5, 2023 at 9:05 am EST").as_deref(),
            Some("2023-01-05T09:05-05:00")
        );
        assert_eq!(iso("20 October 2023").as_deref(), Some("2023-10-20"));
        assert_eq!(iso("Posted 9/21/2016").as_deref(), Some("2016-09-21"));
        assert_eq!(iso("18/03/2019 | News").as_deref(), Some("2019-03-18"));
        assert_eq!(iso("19.07.2022").as_deref(), Some("2022-07-19"));
        assert_eq!(
            iso("08/09/2017durch Stephan").as_deref(),
            Some("2017-08-09")
        );
        assert_eq!(
            iso("Publié le 13/06/2019 à 14h30").as_deref(),
            Some("2019-06-13T14:30")
        );
        assert_eq!(
            iso("13.06.2019 um 08:15 Uhr").as_deref(),
            Some("2019-06-13T08:15")
        );
        assert_eq!(
            iso("13.06.2019, 08:15 MESZ").as_deref(),
            Some("2019-06-13T08:15+02:00")
        );
        assert_eq!(iso("Nr. 08/09/20171"), None);
        assert_eq!(
            iso("December 14, 2016 2:24 pm").as_deref(),
            Some("2016-12-14T14:24")
        );
        assert_eq!(
            iso("Friday 20 October 2023 12.42 BST").as_deref(),
            Some("2023-10-20T12:42+01:00")
        );
    }

    #[test]
    fn korean_and_east_asian_forms() {
        assert_eq!(
            iso("입력 2019년 03월 04일 15시 30분").as_deref(),
            Some("2019-03-04T15:30")
        );
        assert_eq!(
            iso("2019.03.04 오후 3:05").as_deref(),
            Some("2019-03-04T15:05")
        );
        assert_eq!(
            iso("2023年10月20日 下午 2:42").as_deref(),
            Some("2023-10-20T14:42")
        );
        assert_eq!(
            iso("2019-03-04 오전 12:10").as_deref(),
            Some("2019-03-04T00:10")
        );
        assert_eq!(
            iso("2023年10月20日 下午 14:42").as_deref(),
            Some("2023-10-20T14:42")
        );
    }

    #[test]
    fn month_names_of_other_languages() {
        for (text, want) in [
            (
                "Dieser Artikel wurde am 14. Dezember 2015 um 14:48 geschrieben",
                "2015-12-14T14:48",
            ),
            ("12. März 2021", "2021-03-12"),
            ("jeudi 13 juin 2019", "2019-06-13"),
            ("1er juillet 2019 à 14h30", "2019-07-01T14:30"),
            ("3 févr. 2020", "2020-02-03"),
            ("13 de junio de 2019", "2019-06-13"),
            ("13 giugno 2019 alle 09:05", "2019-06-13T09:05"),
            ("2 de setembro de 2018", "2018-09-02"),
            ("5 mei 2020", "2020-05-05"),
            ("3 марта 2020 в 12:15", "2020-03-03T12:15"),
            ("5 Ağustos 2020", "2020-08-05"),
            ("21 października 2019", "2019-10-21"),
            // Thai, with the Buddhist Era's year.
            ("วันอังคารที่ 5 มีนาคม 2567 เวลา 14:30 น.", "2024-03-05T14:30"),
            ("5 มี.ค. 2567 14:30", "2024-03-05T14:30"),
            ("12 ธ.ค. 2023", "2023-12-12"),
            ("1 พฤศจิกายน พ.ศ. 2566", "2023-11-01"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
        // A name is a whole word: "Marseille 2019" is no month, nor is a
        // month without its year.
        assert_eq!(iso("Olympique de Marseille 12 mars"), None);
        assert_eq!(iso("le 12 Marseille 2019"), None);
    }

    #[test]
    fn native_digits_eras_zones_and_times_before_the_date() {
        for (text, want) in [
            // Digits of other scripts.
            ("٠٥ مارس ٢٠٢٤", "2024-03-05"),
            ("०५ मार्च २०२४, १४:३०", "2024-03-05T14:30"),
            ("২০২৪-০৩-০৫ ১৪:৩০", "2024-03-05T14:30"),
            ("２０２４年３月５日", "2024-03-05"),
            // Japanese eras and the Republic of China's years.
            ("令和6年3月5日 午後2時30分", "2024-03-05T14:30"),
            ("平成元年1月8日", "1989-01-08"),
            ("中華民國113年3月12日", "2024-03-12"),
            // Levantine and Malay months, the Arabic p.m.
            ("5 آذار 2024 14:30", "2024-03-05T14:30"),
            ("Mac 5, 2024 @ 2:30pm", "2024-03-05T14:30"),
            ("الثلاثاء 5 مارس 2024 - 02:30 م", "2024-03-05T14:30"),
            // Russian "г." after the year.
            ("12 марта 2024 г., 14:30", "2024-03-12T14:30"),
            // More zones, GMT+7, and the time and zone before the date.
            ("March 5, 2024 6:40 p.m. SAST", "2024-03-05T18:40+02:00"),
            ("5 March 2024 14:30 WIB", "2024-03-05T14:30+07:00"),
            ("12/03/2024 09:45 GMT+7", "2024-12-03T09:45+07:00"),
            ("11:02 a.m. EST March 2, 2024", "2024-03-02T11:02-05:00"),
            ("09:15 BST, 5 June 2024", "2024-06-05T09:15+01:00"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn machine_values() {
        let v = |s: &str| parse_value(s).map(|x| x.iso());
        assert_eq!(
            v("2023-10-20T12:42:26+08:00").as_deref(),
            Some("2023-10-20T12:42:26+08:00")
        );
        assert_eq!(
            v("2023-10-20T04:42:26Z").as_deref(),
            Some("2023-10-20T04:42:26Z")
        );
        assert_eq!(
            v("2023-10-20T12:42:26").as_deref(),
            Some("2023-10-20T12:42:26")
        );
        assert_eq!(
            v("Fri, 20 Oct 2023 12:42:26 +0000").as_deref(),
            Some("2023-10-20T12:42:26Z")
        );
        assert_eq!(v("20231020").as_deref(), Some("2023-10-20"));
        assert_eq!(
            v("Tue Dec 13 2016 18:06:00 GMT+0000 (UTC)").as_deref(),
            Some("2016-12-13T18:06:00Z")
        );
        assert_eq!(
            v("Mon Aug 03 12:45:00 EDT 2015").as_deref(),
            Some("2015-08-03T12:45:00-04:00")
        );
        assert_eq!(
            v("2016-10-13 17:00:00 -0400").as_deref(),
            Some("2016-10-13T17:00:00-04:00")
        );
        assert_eq!(v("2023-10-20").as_deref(), Some("2023-10-20"));
    }

    #[test]
    fn urls() {
        assert_eq!(
            from_url("https://x.com/2023/10/20/story")
                .map(|s| s.iso())
                .as_deref(),
            Some("2023-10-20")
        );
        assert_eq!(
            from_url("https://x.com/news/20231020/123.html")
                .map(|s| s.iso())
                .as_deref(),
            Some("2023-10-20")
        );
        assert_eq!(from_url("https://x.com/a/b"), None);
        // An archived copy: the capture time is not the story's date.
        assert_eq!(
            from_url("http://web.archive.org/web/20210916140120/https://www.kath.ch/die-insel/"),
            None
        );
        assert_eq!(
            from_url("https://web.archive.org/web/20210916140120id_/https://x.com/2019/05/02/a")
                .map(|s| s.iso())
                .as_deref(),
            Some("2019-05-02")
        );
    }

    #[test]
    fn the_text_after_a_leading_date() {
        let rest = |s| after_leading(s).map(str::trim_start);
        assert_eq!(
            rest("19.03.2019 | von Inga Buller"),
            Some("| von Inga Buller")
        );
        assert_eq!(rest("Tuesday, March 19, 2019 10:30 By X"), Some("By X"));
        assert_eq!(rest("2019年3月19日 来源：新华社"), Some("来源：新华社"));
        // Words before the date: it does not open the line.
        assert_eq!(after_leading("The vote of 19.03.2019 by the council"), None);
        assert_eq!(after_leading("By Inga Buller"), None);
    }
}
