//! The body through the library API: what the stages decide together
//! (metadata feeding the choice of paragraphs).

use copydesk::{Options, extract};

fn paragraphs(page: &str) -> Vec<String> {
    extract(page.as_bytes(), &Options::default())
        .expect("extracts")
        .paragraphs
}

const STORY: &str = "<p>The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.</p>\
<p>Work starts in spring, the mayor said, and the old ferry will run until the bridge opens, probably late next year.</p>\
<p>Residents who spoke at the meeting were divided, some welcoming the bridge, others worried about traffic on the narrow harbour road.</p>";

#[test]
fn a_heading_repeating_the_description_under_the_headline_is_the_standfirst() {
    let desc = "The harbour gets its bridge at last, but the ferry stays for another year.";
    let page = format!(
        "<html><head><meta name='description' content='{desc}'></head><body><article>\
         <h1>Council funds the harbour bridge</h1><h2 class='sub-head'>{desc}</h2>{STORY}</article></body></html>"
    );
    let p = paragraphs(&page);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].starts_with("The council met"), "{p:?}");

    // The same heading is kept when the page describes itself otherwise.
    let page = page.replace(
        &format!("content='{desc}'"),
        "content='A story about a bridge.'",
    );
    let p = paragraphs(&page);
    assert_eq!(p.first().map(String::as_str), Some(desc), "{p:?}");

    // A first paragraph that the description repeats is the story: kept.
    let first = "The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.";
    let page = format!(
        "<html><head><meta name='description' content='{first}'></head><body><article>\
         <h1>Council funds the harbour bridge</h1>{STORY}</article></body></html>"
    );
    assert_eq!(paragraphs(&page).first().map(String::as_str), Some(first));
}
