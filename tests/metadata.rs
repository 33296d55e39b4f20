//! Headline, timestamp, credits and the other metadata, each kind of evidence
//! exercised by a page of its own in samples/meta/ (written for these tests),
//! through the library API.

use std::path::Path;

use copydesk::{Article, Options, extract};

fn page(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples/meta")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run(bytes: &[u8]) -> Article {
    extract(bytes, &Options::default()).expect("extracts")
}

fn credits(a: &Article) -> Vec<(String, String)> {
    a.credits
        .iter()
        .map(|c| (c.role.clone(), c.name.clone()))
        .collect()
}

fn pair(role: &str, name: &str) -> (String, String) {
    (role.to_string(), name.to_string())
}

fn authors(a: &Article) -> Vec<String> {
    a.credits
        .iter()
        .filter(|c| c.role == "author")
        .map(|c| c.name.clone())
        .collect()
}

/// Three paragraphs of a story (one, said three times), for pages written
/// in a test around a byline, a dateline or a meta.
fn bridge_story() -> String {
    "<p>The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.</p>"
        .repeat(3)
}

#[test]
fn json_ld_graph_gives_headline_published_time_and_people() {
    let a = run(&page("jsonld-graph.html"));
    assert_eq!(
        a.headline.as_deref(),
        Some("Harbour crane collapses during storm")
    );
    // datePublished, not dateModified.
    assert_eq!(a.timestamp.as_deref(), Some("2024-02-13T21:05:00Z"));
    // People are authors; the organisation in the author list is a source.
    assert_eq!(
        credits(&a),
        vec![
            pair("author", "Maren Holt"),
            pair("author", "Idris Fenn"),
            pair("source", "Ledger Wire Service")
        ]
    );
    assert_eq!(a.site_name.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/news/harbour-crane")
    );
    assert_eq!(a.tags, vec!["storm", "harbour", "cranes"]);
    assert!(
        a.description
            .as_deref()
            .unwrap_or("")
            .starts_with("A crane fell")
    );
}

#[test]
fn meta_written_with_value_and_a_visible_headline_over_an_seo_title() {
    let a = run(&page("meta-value-seo-title.html"));
    // The logo <h1> links home and is skipped; the story's <h1> wins over
    // the meta title written for search engines.
    assert_eq!(
        a.headline.as_deref(),
        Some("Seven Bikes That Ride Like They Cost Twice as Much")
    );
    assert_eq!(a.timestamp.as_deref(), Some("2023-06-02T14:30:00-04:00"));
    assert_eq!(credits(&a), vec![pair("author", "Lena Ortiz")]);
    assert_eq!(a.site_name.as_deref(), Some("Pedal Press"));
}

#[test]
fn author_links_and_time_elements_near_the_headline() {
    let a = run(&page("byline-links.html"));
    // The <time> of the same day as the visible date gives the exact time.
    assert_eq!(a.timestamp.as_deref(), Some("2022-11-08T19:45:00-05:00"));
    // Teaser bylines under related links and the sidebar list of writers
    // are not the byline.
    assert_eq!(credits(&a), vec![pair("author", "Priya Nandakumar")]);
}

#[test]
fn english_byline_and_dateline_in_text() {
    let a = run(&page("wordy-dateline.html"));
    // "ET" in October is daylight time; the related list's date and the
    // copyright year are ignored.
    assert_eq!(a.timestamp.as_deref(), Some("2023-10-20T12:42-04:00"));
    assert_eq!(
        credits(&a),
        vec![pair("author", "Ann Poe"), pair("author", "Tom Roe")]
    );
}

#[test]
fn chinese_portal_dateline_source_author_reporter_and_editor() {
    let utf8 = page("zh-portal.html");
    let a = run(&utf8);
    assert_eq!(a.headline.as_deref(), Some("江滨新区启动老旧小区改造"));
    // No offset is invented for a time the page gives without one.
    assert_eq!(a.timestamp.as_deref(), Some("2019-09-07T13:43:45"));
    let c = credits(&a);
    for want in [
        pair("source", "江滨日报"),
        pair("author", "周明远"),
        pair("reporter", "林晓雯"),
        pair("editor", "陈思远"),
    ] {
        assert!(c.contains(&want), "{want:?} missing from {c:?}");
    }
    assert_eq!(c.len(), 4, "{c:?}");
    assert_eq!(a.language.as_deref(), Some("zh"));

    // The same page in GBK, as most such portals serve it, gives the same.
    let text = String::from_utf8(utf8).expect("utf-8 sample");
    // GBK has no ©.
    let text = text
        .replace("charset=utf-8", "charset=gbk")
        .replace('©', "");
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let b = run(&gbk);
    assert_eq!(b.timestamp, a.timestamp);
    assert_eq!(b.credits, a.credits);
    assert_eq!(b.headline, a.headline);
}

#[test]
fn japanese_dateline_and_credit() {
    let a = run(&page("ja-news.html"));
    assert_eq!(a.headline.as_deref(), Some("駅前に新しい図書館が開館"));
    assert_eq!(a.timestamp.as_deref(), Some("2023-10-20T12:42"));
    assert_eq!(credits(&a), vec![pair("author", "山田花子")]);
    // No lang attribute: detected from the text.
    assert_eq!(a.language.as_deref(), Some("ja"));
    assert_eq!(a.site_name.as_deref(), Some("みなと新聞"));
}

#[test]
fn the_url_dates_a_page_that_says_nothing_else() {
    let a = run(&page("url-date.html"));
    assert_eq!(a.timestamp.as_deref(), Some("2021-04-12"));
    assert!(a.credits.is_empty());
}

#[test]
fn modified_time_is_only_a_last_resort() {
    let page = br#"<html><head>
        <meta property="article:modified_time" content="2020-05-05T10:00:00Z">
        <script type="application/ld+json">{"@type":"Article","headline":"Quiet streets",
          "dateModified":"2020-05-06T09:00:00Z","datePublished":"2020-05-01T08:00:00Z"}</script>
        </head><body><h1>Quiet streets</h1><p>The streets were quiet all week as most shops stayed
        closed and people kept to their homes, waiting for the rules to change again soon.</p></body></html>"#;
    assert_eq!(run(page).timestamp.as_deref(), Some("2020-05-01T08:00:00Z"));
    let only_modified = br#"<html><head>
        <meta property="article:modified_time" content="2020-05-05T10:00:00Z">
        </head><body><h1>Quiet streets</h1><p>The streets were quiet all week as most shops stayed
        closed and people kept to their homes, waiting for the rules to change again soon.</p></body></html>"#;
    assert_eq!(
        run(only_modified).timestamp.as_deref(),
        Some("2020-05-05T10:00:00Z")
    );
}

#[test]
fn site_name_and_staff_labels_are_not_authors() {
    let page = br#"<html><head><meta property="og:site_name" content="Valley Times">
        <meta name="author" content="Valley Times">
        <title>Floods close the valley road - Valley Times</title></head>
        <body><h1>Floods close the valley road</h1>
        <p>By Rosa Lind, Staff Writer</p>
        <p>The valley road was closed on Sunday after the river burst its banks in two places,
        cutting off three villages until the water goes down later in the week.</p></body></html>"#;
    let a = run(page);
    assert_eq!(a.headline.as_deref(), Some("Floods close the valley road"));
    let c = credits(&a);
    assert!(c.contains(&pair("author", "Rosa Lind")), "{c:?}");
    assert!(
        !c.iter().any(|x| x.0 == "author" && x.1 == "Valley Times"),
        "{c:?}"
    );
}

#[test]
fn language_is_detected_when_the_page_does_not_say() {
    let page = r#"<html><head><title>Der Winter kommt früh</title></head><body>
        <h1>Der Winter kommt früh</h1>
        <p>In den Bergen ist in der Nacht der erste Schnee gefallen, und die Straßen
        über die Pässe wurden am Morgen für einige Stunden gesperrt, bis die
        Räumfahrzeuge die Fahrbahnen wieder frei gemacht hatten.</p>
        <p>Die Wetterdienste erwarten für die kommende Woche weitere Schneefälle
        und raten allen Autofahrern, ihre Winterreifen schon jetzt aufziehen zu lassen.</p>
        </body></html>"#;
    assert_eq!(run(page.as_bytes()).language.as_deref(), Some("de"));
}

#[test]
fn chinese_essay_writer_under_the_title_and_interns_below() {
    // The <title> says nothing; the writer's name stands alone under the
    // title line; interns are credited at the end.
    let a = run(&page("zh-essay.html"));
    let c = credits(&a);
    assert!(c.contains(&pair("author", "林远山")), "{c:?}");
    assert!(c.contains(&pair("reporter", "韩冰")), "{c:?}");
    assert!(c.contains(&pair("reporter", "方怡")), "{c:?}");
    assert_eq!(c.len(), 3, "{c:?}");
    // A title of two characters is no headline: the title line opening
    // the body is, and leaves the paragraphs.
    assert_eq!(a.headline.as_deref(), Some("城市里的一条老街"));
    assert!(!a.paragraphs.iter().any(|p| p == "城市里的一条老街"));
}

#[test]
fn a_title_of_digits_is_no_headline() {
    let story = "<p>即使是幸福的婚姻，一生中也可能会有两百次离婚的打算和五十次掐死对方的想法，这是一本书里写下的话，许多读者都记住了它。</p>"
        .repeat(3);
    let page = format!("<html><head><title>1</title></head><body><div>{story}</div></body></html>");
    let a = run(page.as_bytes());
    assert_eq!(a.headline, None);
    assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
}

#[test]
fn a_byline_removed_with_a_share_bar_still_credits_and_dates() {
    let a = run(&page("share-byline.html"));
    // The organisation named as author by JSON-LD is the house, not a writer.
    let c = credits(&a);
    assert!(c.contains(&pair("author", "MARTA KOWALSKA")), "{c:?}");
    assert!(c.contains(&pair("author", "DEV PATEL")), "{c:?}");
    assert!(
        !c.iter()
            .any(|x| x.0 == "author" && x.1 == "Riverside Daily"),
        "{c:?}"
    );
    assert_eq!(a.timestamp.as_deref(), Some("2024-03-14T18:05"));
}

#[test]
fn the_header_time_beats_an_embedded_post_time_in_the_body() {
    let page = br#"<html lang="en"><body><article>
        <div class="meta"><time datetime="2016-10-03T16:35:39Z">Posted on 3 Oct 2016</time></div>
        <h1>Fans spot an edited photo</h1>
        <p>Fans noticed on Monday that a photo shared by the studio had been edited to change the
        background, and they quickly began posting the original side by side with the new one.</p>
        <blockquote class="tweet"><p>Look at this</p><time>Fri Sep 30 15:13:45 UTC+0000 2016</time></blockquote>
        <p>The studio has not said who made the change or why, and the edited photo was still online
        late in the evening, with thousands of replies pointing out the differences.</p>
        </article></body></html>"#;
    assert_eq!(run(page).timestamp.as_deref(), Some("2016-10-03T16:35:39Z"));
}

#[test]
fn spanish_regional_page_byline_date_and_logo_in_the_headline() {
    let a = run(&page("es-regional.html"));
    // The <h1> glues the edition's logo link to the story's title.
    assert_eq!(
        a.headline.as_deref(),
        Some("El puerto amplía el horario del ferri de invierno")
    );
    // "08/01/2024" on a Spanish page is the 8th of January.
    assert_eq!(a.timestamp.as_deref(), Some("2024-01-08"));
    // The byline's class is Spanish ("autor"); the commenter is no author.
    assert_eq!(credits(&a), vec![pair("author", "Marta Ribas")]);
    // The rating widget, the view counter, the comment count link and the
    // "report an error" prompt are not the story.
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("La autoridad portuaria"));
}

#[test]
fn microdata_with_two_names_in_one_author_gives_two_people() {
    let story = "<p>The council met on Tuesday and agreed to fund the new bridge, which engineers say will last a century and cost forty million.</p>".repeat(3);
    let page = format!(
        "<html><body><article><h1>Council funds the bridge</h1>\
         <ul><li class='pub-details'>By: <a href='/writer/jane-doe/'><span>Jane Doe</span></a>, \
         <a href='/writer/li-wei-harbour-press/'><span>Li Wei, Harbour Press</span></a></li></ul>\
         <div class='hidden' itemprop='author' itemscope itemtype='http://schema.org/Person'>\
         <span itemprop='name'>Jane Doe</span><span itemprop='name'>Li Wei, Harbour Press</span></div>\
         {story}</article></body></html>"
    );
    let a = run(page.as_bytes());
    let c = credits(&a);
    assert!(c.contains(&pair("author", "Jane Doe")), "{c:?}");
    assert!(c.iter().any(|(_, n)| n == "Li Wei"), "{c:?}");
    assert!(!c.iter().any(|(_, n)| n.contains("DoeLi")), "{c:?}");
    assert!(
        !c.iter().any(|(_, n)| n == "Li Wei, Harbour Press"),
        "{c:?}"
    );
}

#[test]
fn a_chinese_source_line_naming_a_person_credits_the_writer() {
    let story = "<p>市政府周二召开会议，决定为新大桥拨款。工程师说，这座桥可以使用一百年，工程将在明年春天开工，旧渡轮会一直运行到大桥通车为止。</p>".repeat(3);
    let page = |source: &str| {
        format!(
            "<html><head><meta charset='utf-8'></head><body><article><h1>新大桥获得拨款</h1>{story}\
             <p>来源：{source}</p></article></body></html>"
        )
    };
    let c = credits(&run(page("尹娟").as_bytes()));
    assert!(c.contains(&pair("author", "尹娟")), "{c:?}");
    let c = credits(&run(page("新华社").as_bytes()));
    assert!(c.contains(&pair("source", "新华社")), "{c:?}");
}

#[test]
fn a_french_dateline_over_the_headline_dates_the_page_not_a_quoted_date() {
    let a = run(&page("french-weekday-dateline.html"));
    // "jeudi 13 juin 2019" is the page's date line: it dates the page and
    // leaves the body; "Communiqué ... - 12 juin 2019" is part of the story.
    assert_eq!(a.timestamp.as_deref(), Some("2019-06-13"));
    assert!(
        !a.paragraphs.iter().any(|p| p.contains("jeudi")),
        "{:?}",
        a.paragraphs
    );
    assert!(
        a.paragraphs[0].starts_with("Communiqué"),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn hatom_published_abbr_gives_the_time_in_its_title() {
    let story = "<p>The council met on a wet evening and voted to keep the library open on Sundays, after a long debate about the cost of heating the old building.</p>"
        .repeat(4);
    // Blogger: the title holds the instant, the text only the time of day.
    let blogger = format!(
        "<html><body><div class='post hentry'><h3 class='post-title'>Library stays open</h3>\
         <div class='post-body'>{story}</div><div class='post-footer'>Posted by Ann at \
         <abbr class='published' title='2011-03-30T21:05:00-07:00'>9:05 PM</abbr></div></div></body></html>"
    );
    assert_eq!(
        run(blogger.as_bytes()).timestamp.as_deref(),
        Some("2011-03-30T21:05:00-07:00")
    );
    // A title that is not a date leaves the text to be read.
    let text = format!(
        "<html><body><h1>Library stays open</h1><p class='meta'>Artikel veröffentlicht am \
         <abbr class='published' title='Sonntag, Dezember 16th'>16.12.2012</abbr></p>{story}</body></html>"
    );
    assert_eq!(
        run(text.as_bytes()).timestamp.as_deref(),
        Some("2012-12-16")
    );
    // A whole post classed "published" is no time: the page has none.
    let wrapper = format!(
        "<html><body><h1>Library stays open</h1><div class='published'>{story}<p>Built in 1905.</p></div></body></html>"
    );
    assert_eq!(run(wrapper.as_bytes()).timestamp, None);
}

#[test]
fn a_post_footer_is_a_byline_put_last() {
    let story = "<p>Der Gemeinderat hat am Abend beschlossen, die Bibliothek auch sonntags zu öffnen, nach einer langen Debatte über die Heizkosten des alten Gebäudes.</p>"
        .repeat(4);
    let page = format!(
        "<html lang='de'><body><div class='asset'><h1>Bibliothek bleibt offen</h1>\
         <div class='asset-content'>{story}</div>\
         <div class='asset-footer'>Von Christian am 03.05.2013, 11:51 | 0 Meinungen | Energie sparen</div></div>\
         <footer class='site-footer'>Stand 2019 | Impressum</footer></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.timestamp.as_deref(), Some("2013-05-03T11:51"));
    assert_eq!(credits(&a), vec![pair("author", "Christian")]);
    assert!(!a.paragraphs.iter().any(|p| p.contains("Meinungen")));
}

#[test]
fn an_embedded_posts_time_does_not_date_the_page() {
    let story = "<p>The singer spent the summer touring small towns along the coast, playing halls that had not seen a concert in decades, and fans travelled far to see her.</p>"
        .repeat(3);
    let page = format!(
        "<html><body><h1>Singer tours the coast</h1>{story}\
         <blockquote class='instagram-media'><div><a href='https://www.instagram.com/p/x/'>View this post on Instagram</a></div>\
         <p><a href='https://www.instagram.com/p/x/'>A post shared by Jane Roe (@janeroe)</a> on \
         <time datetime='2018-03-12T19:30:12+00:00'>Mar 12, 2018 at 12:30pm PDT</time></p></blockquote>{story}</body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.timestamp, None, "{:?}", a.paragraphs);
    assert!(
        !a.paragraphs
            .iter()
            .any(|p| p.contains("Instagram") || p.contains("shared by")),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn a_long_byline_element_still_gives_its_date() {
    let story = "<p>Mit einer kleinen Schaltung aus Infrarot-Leuchtdioden lässt sich dem Staubsauger-Roboter eine Grenze setzen, die er nicht überfährt, und das für wenige Euro.</p>"
        .repeat(4);
    let footer = "Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben und unter dem Stichwort Arduino, Infrarot LED, in die Kategorie Arduino eingeordnet. Du kannst alle Kommentare zu diesem Artikel über den RSS-Feed verfolgen.";
    assert!(footer.chars().count() > 200);
    let page = format!(
        "<html lang='de'><body><div class='post'><h1>Eine virtuelle Wand</h1>{story}\
         <div class='post-footer'>{footer}</div></div></body></html>"
    );
    assert_eq!(
        run(page.as_bytes()).timestamp.as_deref(),
        Some("2015-12-14T14:48")
    );
}

#[test]
fn german_bylines_in_author_markup_give_each_writer() {
    let story = "<p>Der Fernbusanbieter will im Sommer neue Strecken eröffnen und dafür Züge von einem Leasinggeber übernehmen, heißt es in einem Papier, das der Zeitung vorliegt.</p>"
        .repeat(4);
    // A byline in an author element; an itemprop=author whose text holds
    // labels around its itemprop=name.
    let page = format!(
        "<html lang='de'><head><meta name='author' content='Zeitung Online, Hamburg, Germany'>\
         <meta name='copyright' content='Zeitung Online, Hamburg, Germany'></head><body>\
         <h1>Neue Strecken</h1><span class='article__author'>Von Markus Bauer und Klaus Ott</span>{story}</body></html>"
    );
    let got = credits(&run(page.as_bytes()));
    assert!(got.contains(&pair("author", "Markus Bauer")), "{got:?}");
    assert!(got.contains(&pair("author", "Klaus Ott")), "{got:?}");
    // The copyright holder written as the author is one house, not three.
    assert!(
        !got.iter().any(|c| c.1 == "Hamburg" || c.1 == "Germany"),
        "{got:?}"
    );
    let page = format!(
        "<html lang='de'><body><h1>Neue Strecken</h1>\
         <div itemprop='author' itemscope><span>von </span><a href='/autor/g'><span class='hide'>Autor: </span>\
         <span itemprop='name'>Georg Holzer</span></a></div>{story}</body></html>"
    );
    assert_eq!(
        credits(&run(page.as_bytes())),
        vec![pair("author", "Georg Holzer")]
    );
}

#[test]
fn character_references_escaped_twice_are_decoded() {
    let story = "<p>The malware spreads through links posted in forums and text messages, and asks for every permission it can get once it is installed on a phone.</p>"
        .repeat(3);
    let page = format!(
        "<html><head><meta name='description' content='A &amp;ldquo;sex simulation&amp;rdquo; game'>\
         <script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"headline\":\"Ransomware spreads\",\
         \"author\":{{\"@type\":\"Person\",\"name\":\"Lindsey O&#039;Donnell\"}}}}</script></head>\
         <body><h1>Ransomware spreads</h1>{story}</body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.description.as_deref(), Some("A “sex simulation” game"));
    assert_eq!(credits(&a), vec![pair("author", "Lindsey O'Donnell")]);
}

#[test]
fn a_long_visible_headline_in_the_body_beats_a_search_title() {
    let story = "<p>WASHINGTON – Two prison officers were charged Tuesday with falsifying records, stating they had checked on the prisoner in the hours before his death.</p>"
        .repeat(4);
    let page = format!(
        "<html><head><title>Prison guards charged over inmate's death</title></head><body>\
         <section class='main'><article><h1>Two federal prison officers charged with falsifying records in connection with an inmate's death</h1>\
         <div class='byline'>Jane Roe</div>{story}</article></section></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(
        a.headline.as_deref(),
        Some(
            "Two federal prison officers charged with falsifying records in connection with an inmate's death"
        )
    );
    assert!(
        a.paragraphs[0].starts_with("WASHINGTON"),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn a_byline_on_its_own_line_in_the_headline_credits_and_leaves_it() {
    let story = "<p>The harbour board met on Tuesday and agreed to dredge the channel before the winter storms, at a cost the town will share with the port.</p>"
        .repeat(3);
    let run_h1 = |h1: &str| {
        let page = format!("<html><body><h1>{h1}</h1>{story}</body></html>");
        let a = run(page.as_bytes());
        let c = credits(&a);
        (a.headline.unwrap_or_default(), c)
    };
    assert_eq!(
        run_h1(
            "<span>米朝首脳直通電話　習氏に挑むトランプ戦術の成否</span><br><span>編集委員　中沢克二</span>"
        ),
        (
            "米朝首脳直通電話 習氏に挑むトランプ戦術の成否".to_string(),
            vec![pair("author", "中沢克二")]
        )
    );
    assert_eq!(
        run_h1("Storm hits coast<div class='by'>By Jane Doe</div>"),
        (
            "Storm hits coast".to_string(),
            vec![pair("author", "Jane Doe")]
        )
    );
    // Words of the headline in an element of their own stay its words.
    assert_eq!(
        run_h1("Teen shot <span>by Police</span>"),
        ("Teen shot by Police".to_string(), vec![])
    );
}

#[test]
fn drupal_submitted_lines_and_bylines_of_other_languages_credit_and_date() {
    let story = bridge_story();
    for (line, name, day) in [
        (
            "Submitted by Ann Lee on Mon, 07/24/2017 - 18:55",
            "Ann Lee",
            "2017-07-24T18:55",
        ),
        (
            "Publié par Jean Dupont le 3 mars 2019",
            "Jean Dupont",
            "2019-03-03",
        ),
        (
            "Escrito por Ana Gil el 3 de marzo de 2019",
            "Ana Gil",
            "2019-03-03",
        ),
        (
            "Geschrieben von Eva Roth am 3. März 2019",
            "Eva Roth",
            "2019-03-03",
        ),
        (
            "Geplaatst door Jan de Vries op 3 maart 2019",
            "Jan de Vries",
            "2019-03-03",
        ),
    ] {
        let page = format!(
            "<html><body><div class='node'><h1>Bridge funded at last</h1>\
             <div class='content'>{story}</div><div class='submitted'>{line}</div></div></body></html>"
        );
        let a = run(page.as_bytes());
        assert_eq!(credits(&a), vec![pair("author", name)], "{line}");
        assert_eq!(a.timestamp.as_deref(), Some(day), "{line}");
        assert!(!a.paragraphs.iter().any(|p| p.contains(name)), "{line}");
    }
}

#[test]
fn teasers_marked_times_do_not_date_the_story() {
    let story = "<p>The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.</p>\
        <p>Work starts in spring, the mayor said, and the old ferry will run until the bridge opens, probably late next year.</p>\
        <p>Residents who spoke at the meeting were divided, some welcoming the bridge, others worried about traffic on the narrow harbour road.</p>";
    let teasers = |day: u32| {
        format!(
            "<ul class='strip'><li><a href='/a'>Ferry fares rise again</a> <time pubdate datetime='2019-09-{day:02}T07:30:00Z'>{day} septembre</time></li>\
             <li><a href='/b'>New harbour master named</a> <time pubdate datetime='2019-09-{:02}T07:30:00Z'>{} septembre</time></li></ul>",
            day + 1,
            day + 1
        )
    };
    // Teasers in a sidebar, and others further down, after the story.
    let page = format!(
        "<html><body><div class='page'><article><h1>Bridge funded at last</h1>\
         <p class='publication'>Le <time datetime='2019-06-28T13:49:45Z'>28 juin 2019</time></p>\
         <div class='text'>{story}</div></article>\
         <div class='aside secondary'>{}</div></div><div class='more'>{}</div></body></html>",
        teasers(22),
        teasers(24)
    );
    assert_eq!(
        run(page.as_bytes()).timestamp.as_deref(),
        Some("2019-06-28T13:49:45Z")
    );

    // Marked times that disagree: the one by the headline is the story's.
    let page = format!(
        "<html><body>{}<article><h1>Bridge funded at last</h1>\
         <time pubdate datetime='2019-06-28T13:49:45Z'>28 juin 2019</time>\
         <div class='text'>{story}</div></article></body></html>",
        teasers(22)
    );
    assert_eq!(
        run(page.as_bytes()).timestamp.as_deref(),
        Some("2019-06-28T13:49:45Z")
    );
}

#[test]
fn author_fields_of_many_shapes_give_each_writer_and_no_commenter() {
    let story = bridge_story();
    let comments = "<div class='comments'><div class='comment'><span itemprop='author'>Karl Gast</span>\
                    <p>Great news for the town, finally something is done about the old bridge.</p></div></div>";
    for (head, byline, names) in [
        // Two people in one field, and a band that is one.
        (
            "<meta name='author' content='Jenny Smith and John Smith'>",
            "",
            vec!["Jenny Smith", "John Smith"],
        ),
        (
            "<meta name='author' content='Prince and the Revolution'>",
            "",
            vec!["Prince and the Revolution"],
        ),
        (
            "<meta name='citation_author' content='Ana Gil'>",
            "",
            vec!["Ana Gil"],
        ),
        // Markup in the body: an id, a list of itemprops, a label before
        // the name, a writer class, two names and their agency.
        ("", "<span id='author'>Eva Roth</span>", vec!["Eva Roth"]),
        (
            "",
            "<span itemprop='author creator'>Текст: Венера Ерофеева</span>",
            vec!["Венера Ерофеева"],
        ),
        (
            "",
            "<span class='detail__writer'>Jan de Vries</span>",
            vec!["Jan de Vries"],
        ),
        (
            "",
            "<span itemprop='author'>MEG KINNARD and ERRIN HAINES, Associated Press</span>",
            vec!["MEG KINNARD", "ERRIN HAINES"],
        ),
    ] {
        let page = format!(
            "<html><head>{head}</head><body><article><h1>Bridge funded at last</h1>{byline}\
             <div class='content'>{story}</div></article>{comments}</body></html>"
        );
        let a = run(page.as_bytes());
        assert_eq!(authors(&a), names, "{head}{byline}");
    }
}

#[test]
fn more_date_metas_updated_times_and_short_years() {
    let story = bridge_story();
    for (head, byline, day) in [
        // Dublin Core and microdata metas of the publication.
        (
            "<meta name='DC.Issued' content='2021-07-13'>",
            "",
            "2021-07-13",
        ),
        (
            "<meta property='dc:created' content='2017-09-01'>",
            "",
            "2017-09-01",
        ),
        // The time of an update is only a last resort...
        (
            "<meta property='og:updated_time' content='2017-09-01'>",
            "",
            "2017-09-01",
        ),
        (
            "<meta itemprop='dateModified' datetime='2018-02-06'>",
            "",
            "2018-02-06",
        ),
        // ...and gives way to the published time beside it.
        (
            "",
            "<time datetime='2011-09-28' class='updated'></time><time datetime='2011-09-27' class='entry-date'></time>",
            "2011-09-27",
        ),
        // A two-digit year after a label.
        ("", "<p><em>Last updated: 1/23/21</em></p>", "2021-01-23"),
        (
            "",
            "<p class='meta'>veröffentlicht am 6.12.06</p>",
            "2006-12-06",
        ),
        // A dated line in an article's <footer> over the text, which goes
        // as navigation.
        (
            "",
            "<footer class='article-footer'><p>Veröffentlicht am 3. Januar 2019 um 14:56 Uhr.</p></footer>",
            "2019-01-03T14:56",
        ),
    ] {
        let page = format!(
            "<html><head>{head}</head><body><article><h1>Bridge funded at last</h1>{byline}\
             <div class='content'>{story}</div></article></body></html>"
        );
        let a = run(page.as_bytes());
        assert_eq!(a.timestamp.as_deref(), Some(day), "{head}{byline}");
    }
}

#[test]
fn a_byline_of_a_bare_name_credits_it() {
    let story = bridge_story();
    for (byline, names) in [
        (
            "<div class='byline'><a href='/team/7'>Jenny Smith</a></div>",
            vec!["Jenny Smith"],
        ),
        (
            "<p class='article-byline'>Jan de Vries | July 12, 2021</p>",
            vec!["Jan de Vries"],
        ),
        // Bylines named by a data attribute, or Drupal's "submitted by".
        (
            "<div data-component='Byline'>Jenny Smith</div>",
            vec!["Jenny Smith"],
        ),
        (
            "<div class='submitted-by'><a href='/u/3'>Jenny Smith</a></div>",
            vec!["Jenny Smith"],
        ),
        ("<span id='author'>Jenny_Smith</span>", vec!["Jenny Smith"]),
        // No name: a time, one word, an agency.
        ("<div class='byline'>Updated 3 hours ago</div>", vec![]),
        ("<div class='byline'>Staff</div>", vec![]),
        (
            "<div class='byline'>Tom Davies Associated Press</div>",
            vec![],
        ),
    ] {
        let page = format!(
            "<html><body><article><h1>Bridge funded at last</h1>{byline}\
             <div class='content'>{story}</div></article></body></html>"
        );
        let a = run(page.as_bytes());
        assert_eq!(authors(&a), names, "{byline}");
    }
}

#[test]
fn a_themes_title_element_is_the_headline_without_an_h1() {
    let story = bridge_story();
    let page = format!(
        "<html><body><div class='post'><h1> </h1><div class='post-title'>Bridge funded at last</div>\
         <div class='entry'>{story}</div></div></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.headline.as_deref(), Some("Bridge funded at last"));
}

#[test]
fn the_publisher_names_the_site_when_nothing_else_does() {
    let story = bridge_story();
    for (metas, site) in [
        (
            "<meta property='article:publisher' content='The Newspaper'>",
            Some("The Newspaper"),
        ),
        // Its Facebook page is no name; the next meta is.
        (
            "<meta property='article:publisher' content='https://www.facebook.com/paper'>\
             <meta name='publisher' content='Valley Times'>",
            Some("Valley Times"),
        ),
        ("<meta name='publisher' content='A, B, C'>", None),
        // Else a web address among the title's parts.
        (
            "<title>Bridge funded at last | valleytimes.com</title>",
            Some("valleytimes.com"),
        ),
        // Else the part beside the headline.
        (
            "<title>Bridge funded at last | Valley Times</title>",
            Some("Valley Times"),
        ),
    ] {
        let page = format!(
            "<html><head>{metas}</head><body><article><h1>Bridge funded at last</h1>{story}</article></body></html>"
        );
        let a = run(page.as_bytes());
        assert_eq!(a.site_name.as_deref(), site, "{metas}");
    }
}

#[test]
fn a_government_notice_credits_the_organ_that_issued_it() {
    // The particulars table over the notice gives the issuing organ
    // ("发文机关"), and the title row in it heads the story, though the
    // body repeats the title after it.
    let a = run(&page("zh-gov-notice.html"));
    assert_eq!(
        a.headline.as_deref(),
        Some("青川市人民政府关于开展春季河道清淤工作的通告")
    );
    assert_eq!(authors(&a), vec!["青川市人民政府"]);
    assert!(a.paragraphs[1].starts_with("为保障汛期河道行洪安全"));
    assert!(a.paragraphs.iter().all(|p| !p.contains("索")));
}

#[test]
fn a_date_only_meta_takes_the_time_of_the_dateline_of_the_same_day() {
    let page = |meta_day: &str| {
        format!(
            "<html><head><meta name=publishdate content='{meta_day}'><title>Bridge funded</title></head>\
             <body><h1>Bridge funded</h1><div class=info>2022年02月13日07:48 | Source: City Desk</div>\
             <article>{}</article></body></html>",
            bridge_story()
        )
    };
    let a = run(page("2022-02-13").as_bytes());
    assert_eq!(a.timestamp.as_deref(), Some("2022-02-13T07:48"));
    // A dateline of another day leaves the meta's date alone.
    let a = run(page("2022-02-12").as_bytes());
    assert_eq!(a.timestamp.as_deref(), Some("2022-02-12"));
}

#[test]
fn an_author_in_a_figure_a_quote_or_an_aside_is_not_the_writer() {
    let story = bridge_story();
    for byline in [
        "<figure><img src='a.jpg'><div class='author'>Jenny Smith</div></figure>",
        "<blockquote><p>We will build it.</p><p class='author'>Jenny Smith</p></blockquote>",
        "<div class='quote'><p>We will build it.</p><p class='quote-author'>Jenny Smith</p></div>",
        "<aside><div class='author'><a href='/author/jenny'>Jenny Smith</a></div></aside>",
    ] {
        let page = format!(
            "<html><body><article><h1>Bridge funded at last</h1>{byline}\
             <div class='content'>{story}</div></article></body></html>"
        );
        let a = run(page.as_bytes());
        assert_eq!(authors(&a), Vec::<String>::new(), "{byline}");
    }
    // The same element outside them credits her.
    let page = format!(
        "<html><body><article><h1>Bridge funded at last</h1><div class='author'>Jenny Smith</div>\
         <div class='content'>{story}</div></article></body></html>"
    );
    assert_eq!(authors(&run(page.as_bytes())), vec!["Jenny Smith"]);
}

#[test]
fn the_time_in_the_articles_own_footer_dates_it() {
    let story = bridge_story();
    let footer = "<footer><p>Veröffentlicht am <time datetime='2019-01-03T14:56:51+01:00'></time></p></footer>";
    let page = format!(
        "<html><body><article><h1>Bridge funded at last</h1><div class='content'>{story}</div>{footer}</article>\
         <aside class='sidebar'><time datetime='2020-05-05T10:00:00Z'></time></aside></body></html>"
    );
    assert_eq!(
        run(page.as_bytes()).timestamp.as_deref(),
        Some("2019-01-03T14:56:51+01:00")
    );
    // The site's footer after the article is not the story's.
    let page = format!(
        "<html><body><article><h1>Bridge funded at last</h1><div class='content'>{story}</div></article>{footer}</body></html>"
    );
    assert_eq!(run(page.as_bytes()).timestamp, None);
}

#[test]
fn a_contributor_at_the_end_leaves_the_byline_to_be_found() {
    let story = bridge_story();
    let page = format!(
        "<html><body><article><h1>Bridge funded at last</h1><div class='byline'>Jenny Smith</div>\
         <div class='content'>{story}<p>Contributing: Ann Poe</p></div></article></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(authors(&a), vec!["Jenny Smith"]);
    assert!(credits(&a).contains(&pair("contributor", "Ann Poe")));
}

#[test]
fn a_share_bar_after_the_lead_gives_the_date_and_byline_it_holds() {
    let story = bridge_story();
    let lead = "<p class='lead'>The county will pay for the new bridge over the river, its council decided after a long debate on Monday night.</p>";
    let bar = |inside: &str| {
        format!(
            "<html><body><article><h1>Bridge funded at last</h1>{lead}\
             <div class='social-share'>{inside}<a href='https://twitter.com/share'>Tweet</a></div>\
             <div class='content'>{story}</div></article></body></html>"
        )
    };
    let a = run(bar("<h5>23.01.2019</h5> <div>By Jenny Smith and Ann Poe</div> ").as_bytes());
    assert_eq!(a.timestamp.as_deref(), Some("2019-01-23"));
    assert_eq!(authors(&a), vec!["Jenny Smith", "Ann Poe"]);
    // A share bar of buttons only says nothing.
    let a = run(bar("").as_bytes());
    assert_eq!(a.timestamp, None);
    assert_eq!(authors(&a), Vec::<String>::new());
}

#[test]
fn a_byline_opened_by_its_date_credits_the_writer() {
    let story = bridge_story();
    for line in [
        "19.03.2019 | von Inga Buller",
        "Tuesday, March 19, 2019 By Inga Buller",
        "2019-03-19 10:30 - By Inga Buller",
    ] {
        let page = format!(
            "<html><body><article><h1>Bridge funded at last</h1><div>{line}</div>{story}</article></body></html>"
        );
        let a = run(page.as_bytes());
        assert_eq!(authors(&a), vec!["Inga Buller"], "{line}");
        assert!(
            a.timestamp
                .as_deref()
                .is_some_and(|t| t.starts_with("2019-03-19")),
            "{line}"
        );
        assert!(!a.paragraphs.iter().any(|p| p.contains("Inga")), "{line}");
    }
}

#[test]
fn a_one_word_author_that_is_the_sites_address_is_the_house() {
    let story = bridge_story();
    let page = |url: &str, author: &str| {
        format!(
            "<html><head><link rel='canonical' href='{url}'><meta name='author' content='{author}'></head>\
             <body><article><h1>Bridge funded at last</h1>{story}</article></body></html>"
        )
    };
    let a = run(page("https://www.weltwoche.ch/a/1.html", "Weltwoche").as_bytes());
    assert_eq!(credits(&a), vec![pair("source", "Weltwoche")]);
    let a = run(page("https://www.bbc.co.uk/news/1", "BBC").as_bytes());
    assert_eq!(credits(&a), vec![pair("source", "BBC")]);
    // A person's name is no house, even where it is the address.
    let a = run(page("http://paulgraham.com/essay.html", "Paul Graham").as_bytes());
    assert_eq!(authors(&a), vec!["Paul Graham"]);
    let a = run(page("https://www.example.com/a/1.html", "Weltwoche").as_bytes());
    assert_eq!(authors(&a), vec!["Weltwoche"]);
}

#[test]
fn a_time_written_into_the_headline_element_is_no_part_of_it() {
    let story = bridge_story();
    let page = format!(
        "<html><body><article><h1><time datetime='2019-06-17'>Jun 17 </time>Bridge funded at last</h1>{story}</article></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.headline.as_deref(), Some("Bridge funded at last"));
    assert_eq!(a.timestamp.as_deref(), Some("2019-06-17"));
    // A headline that is a date and nothing else stays what it says.
    let page = format!(
        "<html><body><article><h1><time>June 17, 2019</time></h1>{story}</article></body></html>"
    );
    assert_eq!(
        run(page.as_bytes()).headline.as_deref(),
        Some("June 17, 2019")
    );
}

#[test]
fn the_title_beside_the_headline_names_the_site() {
    let story = bridge_story();
    let site = |title: &str| {
        let page = format!(
            "<html><head><title>{title}</title></head><body><article><h1>Bridge funded at last</h1>{story}</article></body></html>"
        );
        run(page.as_bytes()).site_name
    };
    assert_eq!(
        site("Bridge funded at last – Millbrook Times").as_deref(),
        Some("Millbrook Times")
    );
    assert_eq!(
        site("Bridge funded at last | Local | Millbrook Times").as_deref(),
        Some("Millbrook Times")
    );
    assert_eq!(
        site("Millbrook Times: Bridge funded at last").as_deref(),
        None
    );
    assert_eq!(
        site("Millbrook Times | Bridge funded at last").as_deref(),
        Some("Millbrook Times")
    );
    // A placeholder, a section's word or a sentence is no name.
    assert_eq!(site("Bridge funded at last - null"), None);
    assert_eq!(site("Bridge funded at last - Blog"), None);
    assert_eq!(
        site("Bridge funded at last - Read what the council said."),
        None
    );
    // (And the headline stays the <h1>'s, though the sentence is longer.)
    let page = format!(
        "<html><head><title>Bridge funded at last - Millbrook Times, the news of the valley and the hills</title></head>\
         <body><article><h1>Bridge funded at last</h1>{story}</article></body></html>"
    );
    assert_eq!(
        run(page.as_bytes()).headline.as_deref(),
        Some("Bridge funded at last")
    );
    // A diary's name in its <h1>, over an entry titled in an <h3>, is the site.
    let page = format!(
        "<html><head><title>Ann's diary - Bridge funded at last</title></head>\
         <body><h1>Ann's diary</h1><div class='day'><h3>■ Bridge funded at last</h3>{story}</div></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.headline.as_deref(), Some("Bridge funded at last"));
    assert_eq!(a.site_name.as_deref(), Some("Ann's diary"));
    // A stated name comes first.
    let page = format!(
        "<html><head><title>Bridge funded at last - Times</title><meta property='og:site_name' content='The Millbrook Times'></head>\
         <body><article><h1>Bridge funded at last</h1>{story}</article></body></html>"
    );
    assert_eq!(
        run(page.as_bytes()).site_name.as_deref(),
        Some("The Millbrook Times")
    );
}

#[test]
fn the_pages_own_tag_list_gives_the_tags_when_the_meta_data_name_none() {
    let story = bridge_story();
    let tags = |head: &str, inside: &str, outside: &str| {
        let page = format!(
            "<html><head>{head}</head><body><article><h1>Bridge funded at last</h1>{story}{inside}</article>{outside}</body></html>"
        );
        run(page.as_bytes()).tags
    };
    let links = "<div class='tags-links'>Tagged <a href='/tag/budget' rel='tag'>budget</a>, \
                 <a href='/tag/roads'>Roads (12)</a>, <a href='/tags'>Tags:</a></div>";
    assert_eq!(tags("", links, ""), ["budget", "Roads"]);
    // A line of words after a label, as Chinese portals write it.
    assert_eq!(
        tags("", "<p>标签：细胞治疗 浦东</p>", ""),
        ["细胞治疗", "浦东"]
    );
    // The meta data's own come first.
    assert_eq!(
        tags(
            "<meta name='keywords' content='bridge, council'>",
            links,
            ""
        ),
        ["bridge", "council"]
    );
    // JSON-LD keywords as a list: every one of them.
    assert_eq!(
        tags(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","keywords":["bridge","council","Harbour roads"]}</script>"#,
            links,
            ""
        ),
        ["bridge", "council", "Harbour roads"]
    );
    // A tag cloud outside the story is the site's.
    let cloud = "<aside><div class='tagcloud'><a href='/t/a'>weather</a> <a href='/t/b'>sport</a></div></aside>";
    assert_eq!(tags("", "", cloud), Vec::<String>::new());
}

#[test]
fn an_rdfa_date_on_the_submitted_line_dates_the_page() {
    let story = bridge_story();
    let page = format!(
        "<html><body><h1>Bridge funded at last</h1><div class='node'><div class='submitted'>\
         <span property='dc:date dc:created' content='2021-03-09T21:15:00-05:00'>Submitted by \
         <a class='username'>Ann Lee</a> on Tue, 03/09/2021 - 21:15</span></div>\
         <div class='content'>{story}</div></div></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.timestamp.as_deref(), Some("2021-03-09T21:15:00-05:00"));
    assert_eq!(authors(&a), vec!["Ann Lee"]);
}

#[test]
fn a_captions_photo_credit_credits_the_photographer() {
    let story = bridge_story();
    let page = format!(
        "<html><body><article><h1>Bridge funded at last</h1><p class='byline'>By Jenny Smith</p>\
         <figure><img src='a.jpg'><figcaption>The old bridge at dusk. (Photo: Dan Reyes)</figcaption></figure>\
         {story}<figure><figcaption>The river. <span class='credit'>Foto: © Ann Poe</span></figcaption></figure></article></body></html>"
    );
    let a = run(page.as_bytes());
    let c = credits(&a);
    assert!(c.contains(&pair("author", "Jenny Smith")), "{c:?}");
    assert!(c.contains(&pair("photographer", "Dan Reyes")), "{c:?}");
    assert!(c.contains(&pair("photographer", "Ann Poe")), "{c:?}");
    // The caption stays out of the body, and a licence is no one.
    assert!(!a.paragraphs.iter().any(|p| p.contains("dusk")));
    let licence = page.replace("Dan Reyes", "CC-BY-SA 4.0");
    assert!(
        !credits(&run(licence.as_bytes()))
            .iter()
            .any(|c| c.1.contains("CC"))
    );
    let licence = page.replace("Dan Reyes", "Dan Reyes CC BY 2.0");
    assert!(credits(&run(licence.as_bytes())).contains(&pair("photographer", "Dan Reyes")));
}

#[test]
fn a_japanese_writer_in_brackets_after_the_story_is_its_author() {
    let para = |s: &str| {
        format!(
            "<p>　{s}。市は利用者を１日約１万人と見込んでいる。周辺では住宅地の開発も進んでいる。</p>"
        )
    };
    let story = [
        para("市議会は５日の本会議で、新駅建設計画を承認した"),
        para("新駅は現在の駅から約２キロ東に設けられる"),
    ]
    .concat();
    let page = |closing: &str| {
        format!(
            "<html lang='ja'><body><article><h1>新駅の建設計画、市議会が承認</h1><div class='body'>{story}{closing}</div></article></body></html>"
        )
    };
    let a = run(page("<p class='writer'>（山田太郎）</p>").as_bytes());
    assert_eq!(authors(&a), vec!["山田太郎"]);
    assert!(!a.paragraphs.iter().any(|p| p.contains("山田")));
    // A place in brackets in a plain paragraph names no one.
    let a = run(page("<p>（北京）</p>").as_bytes());
    assert_eq!(authors(&a), Vec::<String>::new());
}

#[test]
fn a_blogs_name_in_the_h1_yields_to_the_entry_title_over_the_story() {
    // A hosted blog: its name in the <h1> on every page, the entry's title in
    // an <h2> over the text, and the title giving both ("Entry_Blog_Host").
    let story = "<p>外婆家的灶屋角落里，一直放着三只黑釉的腌菜坛子。坛口扣着粗瓷碗，碗沿和坛沿之间注满了清水，那是为了隔绝空气。</p>\
                 <p>每年立冬前后，外婆就开始忙活。她把地里拔回来的芥菜洗净，一棵一棵挂在竹竿上晾晒，再切碎了揉上粗盐。</p>";
    let page = format!(
        "<html><head><meta charset='utf-8'><title>外婆的腌菜坛子_山月的博客_新浪博客</title></head><body>\
         <h1><a href='/u/1'>山月的博客</a></h1><div class='artical'><h2 class='titName'>外婆的腌菜坛子</h2>\
         <div class='articalContent'>{story}</div></div><div class='side'><h2>博主推荐</h2></div></body></html>"
    );
    assert_eq!(
        run(page.as_bytes()).headline.as_deref(),
        Some("外婆的腌菜坛子")
    );
    // A section heading further down the page is no entry title.
    let page = format!(
        "<html><head><title>Saving on groceries - Your money today - Lifestyle</title></head><body>\
         <h1>Saving on groceries</h1><div class='body'>{}</div><h2>Your money today</h2></body></html>",
        bridge_story()
    );
    assert_eq!(
        run(page.as_bytes()).headline.as_deref(),
        Some("Saving on groceries")
    );
}

#[test]
fn a_page_without_a_language_tag_dates_by_the_language_of_its_text() {
    // No lang attribute: the French text says the 05/03 is the 5th of March.
    let story = "<p>Le conseil municipal a voté mardi soir la création d'une nouvelle ligne de tramway, après un long débat sur son coût et sur le tracé retenu dans le centre.</p>\
                 <p>Les travaux commenceront au printemps prochain, a précisé le maire, et la ligne devrait être mise en service à la fin de l'année suivante, si le calendrier est tenu.</p>\
                 <p>Les commerçants du centre-ville craignent toutefois les effets du chantier sur leur activité pendant plusieurs mois, et demandent des aides à la ville.</p>";
    let page = format!(
        "<html><head><title>Une nouvelle ligne de tramway</title></head><body><article>\
         <h1>Une nouvelle ligne de tramway</h1><p class='date'>Publié le 05/03/2024 à 08h12</p>{story}</article></body></html>"
    );
    let a = run(page.as_bytes());
    assert_eq!(a.timestamp.as_deref(), Some("2024-03-05T08:12"));
    assert_eq!(a.language.as_deref(), Some("fr"));
}

#[test]
fn a_read_aloud_players_vendor_is_no_credit() {
    let page = format!(
        "<html><body><article><header><h1>Bridge funded at last</h1>\
         <address>By <a href='/author/jane-doe'>Jane Doe</a></address>\
         <div class='ArticleAudio_root'><span>Listen to this article</span>\
         <p class='ArticleAudio_credit'>Produced by ElevenLabs using AI narration.</p></div></header>\
         <section><div class='ArticleBody'>{}</div></section></article></body></html>",
        bridge_story()
    );
    let a = run(page.as_bytes());
    assert_eq!(credits(&a), vec![pair("author", "Jane Doe")]);
}

#[test]
fn a_forum_templates_own_author_meta_is_no_writer() {
    let page = format!(
        "<html><head><meta name='author' content='Discuz! Team and Comsenz UI Team'>\
         <meta name='generator' content='Discuz! X3.4'></head><body><h1>Bridge funded at last</h1>\
         <div id='article_content'>{}</div></body></html>",
        bridge_story()
    );
    assert_eq!(
        credits(&run(page.as_bytes())),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn editors_after_the_story_or_beside_a_joined_notice_are_credited() {
    let story = "<p>北岭市曾是全国重要的钢铁基地，鼎盛时期全市钢铁产量占工业总产值的六成以上。但从上世纪九十年代末开始，钢铁产能逐步退出，城市经济一度陷入低迷。</p>\
                 <p>转型的第一步，是盘活闲置的老厂房和土地。市里将关停的几家钢厂改造为产业园区，以较低的租金吸引装备制造企业入驻。</p>\
                 <p>如今，园区已有一百多家企业，新增就业岗位两万多个。当地官员表示，下一步将继续推动产业升级，培育新的增长点。</p>";
    // The editors' line in an element of its own after the body.
    let page = format!(
        "<html><head><meta charset='utf-8'></head><body><h1>老工业城市的转型之路</h1>\
         <div class='text_area'>{story}</div><div class='zebian'><p>编辑：王佳怡 责任编辑：刘启明</p></div>\
         <div class='related'><a href='/a'>另一条新闻的标题在这里</a></div></body></html>"
    );
    assert_eq!(
        credits(&run(page.as_bytes())),
        vec![pair("editor", "王佳怡"), pair("editor", "刘启明")]
    );
    // The editor closing the story, with a notice joined after it.
    let page = format!(
        "<html><head><meta charset='utf-8'></head><body><h1>老工业城市的转型之路</h1><div>\
         <div id='ContentBody'>{story}<p>（责任编辑：张三）</p></div>\
         <div class='fxtx'><p>本文内容仅供参考，市场有风险，选择需谨慎，请读者自行判断并承担相应后果。</p></div></div></body></html>"
    );
    assert_eq!(credits(&run(page.as_bytes())), vec![pair("editor", "张三")]);
}

#[test]
fn a_byline_block_with_the_date_and_a_title_credits_the_name_its_name_element_gives() {
    // A broadcaster's byline block holds the date, and under the writer's
    // name the writer's title, with no "By".
    let page = |names: &str| {
        format!(
            "<html><head><title>Council funds harbour bridge</title></head><body><main><article>\
             <h1>Council funds harbour bridge</h1>\
             <div data-component='byline-block'><time datetime='2024-03-05T14:02:11Z'>5 March 2024</time>{names}</div>\
             {}</article></main></body></html>",
            bridge_story()
        )
    };
    let one = "<div class='Contributor'><span class='ContributorName'>Jane Marlowe</span>\
               <div class='ContributorDescription'>Transport correspondent, BBC News</div></div>";
    assert_eq!(authors(&run(page(one).as_bytes())), vec!["Jane Marlowe"]);
    let two = format!(
        "{one}<div class='Contributor'><span class='ContributorName'>Tom Reyes</span>\
         <div class='ContributorDescription'>Business reporter</div></div>"
    );
    assert_eq!(
        authors(&run(page(&two).as_bytes())),
        vec!["Jane Marlowe", "Tom Reyes"]
    );
}

#[test]
fn a_japanese_papers_closing_mark_credits_the_writer() {
    let story = "<p>東京都は５日、新たな防災計画を発表した。首都直下地震に備え、避難所の数を２割増やす。</p>\
        <p>計画では、高齢者や障害者のための福祉避難所を重点的に整備する。都の担当者は「誰も取り残さない」と話した。</p>\
        <p>都は来年度予算に関連費用として約１２０億円を計上する方針だ。区市町村とも連携し、訓練も強化する。";
    let page = |end: &str| {
        format!(
            "<html lang='ja'><head><meta charset='utf-8'><title>都が防災計画</title></head><body><article>\
             <h1>都が防災計画</h1>{story}{end}</article></body></html>"
        )
    };
    // After the last sentence, or on a line of its own (which then leaves the text).
    let a = run(page("【田中裕之】</p>").as_bytes());
    assert_eq!(authors(&a), vec!["田中裕之"]);
    assert!(
        a.paragraphs[2].ends_with("強化する。【田中裕之】"),
        "{:?}",
        a.paragraphs
    );
    let a = run(page("</p><p>【田中裕之・山本晴美】</p>").as_bytes());
    assert_eq!(authors(&a), vec!["田中裕之", "山本晴美"]);
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(
        a.paragraphs[2].ends_with("強化する。"),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn a_headline_that_opens_like_a_credit_label_credits_nobody() {
    let page = format!(
        "<html><head><title>Fact check: No, the county is not adding fluoride to rainwater tanks</title></head><body>\
         <article><h1>Fact check: No, the county is not adding fluoride to rainwater tanks</h1>{}</article></body></html>",
        bridge_story()
    );
    let a = run(page.as_bytes());
    assert!(a.credits.is_empty(), "{:?}", a.credits);
    assert_eq!(
        a.headline.as_deref(),
        Some("Fact check: No, the county is not adding fluoride to rainwater tanks")
    );
}

#[test]
fn an_editors_line_with_text_after_it_still_credits_the_editors() {
    // The editors' line, then a paragraph the story goes on with (or a
    // notice the rules miss): editors are the piece's wherever they stand.
    let page = "<html><head><meta charset='utf-8'><title>城投债发行收紧</title></head><body><h1>城投债发行收紧</h1><div class='textbox'>\
        <p>今年以来，城投债发行持续收紧，部分地方开始转向银行贷款置换存量债务，多个重点省份的城投平台新增债券发行已基本暂停。</p>\
        <p>据了解，部分国有大行已在多个省份开展存量城投债务置换，贷款期限普遍在十年以上，利率较原有债务明显下降。</p>\
        <p>业内人士分析认为，贷款置换有助于降低地方债务的利息负担、拉长期限，缓解短期偿债压力，但也需防范风险向银行体系转移。</p>\
        <p>责任编辑：张帆 | 版面编辑：王永</p>\
        <p>分析人士还指出，今后一段时间，城投平台融资将更多依靠市场化方式，地方政府需要加快推动平台转型，提高资产运营效率。</p>\
        </div></body></html>";
    let a = run(page.as_bytes());
    assert_eq!(
        credits(&a),
        vec![pair("editor", "张帆"), pair("editor", "王永")]
    );
    assert_eq!(a.paragraphs.len(), 4, "{:?}", a.paragraphs);
}

#[test]
fn pages_without_a_lang_in_arabic_hebrew_or_thai_get_their_language() {
    let page = |p: &str, date: &str| {
        format!(
            "<html><head><meta charset='utf-8'><title>t</title></head><body><article><h1>t</h1>\
             <div class='date'>{date}</div><p>{p}</p><p>{p}</p></article></body></html>"
        )
    };
    let ar = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، وقال الوزير إن المستشفى سيخدم آلاف المرضى كل عام.";
    let he = "משרד הבריאות הודיע היום על פתיחת בית חולים חדש בעיר, והשר אמר כי בית החולים ישרת אלפי חולים מדי שנה.";
    let th = "กระทรวงสาธารณสุขประกาศวันนี้ว่าจะเปิดโรงพยาบาลแห่งใหม่ในเมือง และรัฐมนตรีกล่าวว่าโรงพยาบาลจะให้บริการผู้ป่วยหลายพันคนทุกปี";
    assert_eq!(run(page(ar, "").as_bytes()).language.as_deref(), Some("ar"));
    assert_eq!(run(page(th, "").as_bytes()).language.as_deref(), Some("th"));
    // Hebrew, and its dates read day first.
    let a = run(page(he, "05/03/2008 14:30").as_bytes());
    assert_eq!(a.language.as_deref(), Some("he"));
    assert_eq!(a.timestamp.as_deref(), Some("2008-03-05T14:30"));
}

#[test]
fn every_news_article_subtype_of_json_ld_is_read() {
    for kind in [
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
    ] {
        let page = format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"{kind}\",\"headline\":\"Council funds the harbour bridge\",\
             \"datePublished\":\"2024-03-05T18:40:12Z\",\"author\":{{\"@type\":\"Person\",\"name\":\"Joanne Whitworth\"}}}}</script></head>\
             <body><article>{}</article></body></html>",
            bridge_story()
        );
        let a = run(page.as_bytes());
        assert_eq!(
            a.timestamp.as_deref(),
            Some("2024-03-05T18:40:12Z"),
            "{kind}"
        );
        assert_eq!(authors(&a), vec!["Joanne Whitworth"], "{kind}");
    }
}

#[test]
fn a_visible_publication_date_wins_over_an_update_shown_first() {
    let page = format!(
        "<html><head><title>Council funds the harbour bridge</title></head><body><article>\
         <h1>Council funds the harbour bridge</h1>\
         <div class='meta'><p>Last updated June 6, 2024 2:32 p.m. EDT</p><p>Published June 5, 2024 9:15 a.m. EDT</p></div>\
         {}</article></body></html>",
        bridge_story()
    );
    let a = run(page.as_bytes());
    assert_eq!(a.timestamp.as_deref(), Some("2024-06-05T09:15-04:00"));
}

#[test]
fn a_journal_page_names_its_authors_not_its_publisher() {
    // Highwire/Dublin Core tags: the generic author meta repeats the
    // publisher, the citation meta has the author, spaced out to the width
    // of a three-character name.
    let page = format!(
        "<html><head><meta name='citation_publisher' content='Harbour Press,Harbour Publishers'>\
         <meta name='citation_authors' content='赵  培'>\
         <meta name='Author' content='Harbour Press,Harbour Publishers'>\
         <title>Council funds the harbour bridge</title></head><body><article>{}</article></body></html>",
        bridge_story()
    );
    let a = run(page.as_bytes());
    assert_eq!(credits(&a), vec![pair("author", "赵培")]);
}
