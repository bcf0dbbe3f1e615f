//! Writes the generator's collection (`examples/gen`, seed 1) as an RSS 2.0 feed, so a
//! feed reader such as newsboat can be measured on the same articles as `reader`
//! (`benches/peer.sh`):
//!
//! ```text
//! cargo run --release --example to_rss -- 10000 /tmp/feed.xml
//! ```
//!
//! Each article becomes an item with its title, link, id, date, category path and its
//! body as HTML paragraphs in `<description>`.

#[path = "gen/synth/mod.rs"]
mod synth;

use std::fs::File;
use std::io::{BufWriter, Write};

use reader::model::Date;
use synth::{Body, Category, Doc, Id, Options, Size, Synth};

/// Escapes text for XML character data and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// An RFC 822 date (`Tue, 02 Jan 2024 08:00:00 +0000`) for seconds since the epoch.
fn rfc822(secs: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = synth::civil_from_days(days);
    format!(
        "{}, {d:02} {} {y} {:02}:{:02}:{:02} +0000",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[(m - 1) as usize],
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

fn item(doc: &Doc, out: &mut impl Write) -> std::io::Result<()> {
    let id = match &doc.id {
        Id::Number(n) => n.to_string(),
        Id::Text(s) => s.clone(),
    };
    let link = doc
        .url
        .clone()
        .unwrap_or_else(|| format!("https://news.example.cn/a/{id}.html"));
    write!(
        out,
        "<item><title>{}</title><link>{}</link><guid>{}</guid>",
        xml(&doc.title),
        xml(&link),
        xml(&id)
    )?;
    if let Some(date) = doc.date.as_deref().and_then(Date::parse) {
        write!(out, "<pubDate>{}</pubDate>", rfc822(date.key()))?;
    }
    let category = match &doc.category {
        Some(Category::Path(levels)) => levels.join("/"),
        Some(Category::Joined(s)) => s.clone(),
        None => String::new(),
    };
    if !category.is_empty() {
        write!(out, "<category>{}</category>", xml(&category))?;
    }
    let paragraphs: Vec<&str> = match &doc.body {
        Body::Text(t) => t.lines().filter(|l| !l.trim().is_empty()).collect(),
        Body::Blocks(blocks) => blocks.iter().map(|b| b.text.as_str()).collect(),
    };
    let html: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", xml(p)))
        .collect();
    writeln!(out, "<description>{}</description></item>", xml(&html))
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, path] = args.as_slice() else {
        panic!("usage: to_rss N PATH");
    };
    let n: usize = n.parse().expect("a number of articles");
    let synth = Synth::new(Options {
        articles: n,
        seed: 1,
        size: Size::Full,
    });
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        "<rss version=\"2.0\"><channel><title>reader {n}</title>\
         <link>https://news.example.cn/</link><description>generated</description>"
    )?;
    for k in 0..n {
        item(&synth.doc(k), &mut out)?;
    }
    writeln!(out, "</channel></rss>")?;
    out.flush()
}
