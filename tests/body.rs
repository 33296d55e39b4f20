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

    // A standfirst that the story says again as a paragraph: the paragraph
    // stays, in its place.
    let page = format!(
        "<html><head><meta name='description' content='{desc}'></head><body><article>\
         <h1>Council funds the harbour bridge</h1><h2 class='sub-head'>{desc}</h2>{STORY}<p>{desc}</p></article></body></html>"
    );
    let p = paragraphs(&page);
    assert_eq!(p.len(), 4, "{p:?}");
    assert_eq!(p.last().map(String::as_str), Some(desc), "{p:?}");
}

#[test]
fn a_page_saved_as_text_is_read_line_by_line() {
    let page = "Home Page >  News List >> City >> City\n\n\
        Harbour bridge wins its funding after a decade of debate\n\n\
        City 2024-03-05 09:15:00 Source: Harbour Daily\n\
        AD\n\n\
        The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.\n\n\
        Work starts in spring, the mayor said, and the old ferry will run until the bridge opens, probably late next year.\n\n\
        What the bridge will cost\n\n\
        Photo Gallery What the bridge will cost\n\n\
        The bill comes to 40 million, shared between the city, the region and a harbour levy that ships will pay from next year.\n\n\
        Text: Jane Doe\n\n\
        Editor: Li Wei\n\n\
        Disclaimer: The content of this article is sourced from the internet. If it infringes on your rights, please contact us.\n\n\
        Mobile advertising space rental\n\n\
        Tag: bridge harbour council\n\n\
        Copyright @ 2011-2024 All Rights Reserved.\n";
    let a = extract(page.as_bytes(), &Options::default()).expect("extracts");
    assert_eq!(
        a.headline.as_deref(),
        Some("Harbour bridge wins its funding after a decade of debate")
    );
    assert_eq!(a.timestamp.as_deref(), Some("2024-03-05T09:15:00"));
    let credits: Vec<(&str, &str)> = a
        .credits
        .iter()
        .map(|c| (c.role.as_str(), c.name.as_str()))
        .collect();
    assert!(credits.contains(&("author", "Jane Doe")), "{credits:?}");
    assert!(credits.contains(&("editor", "Li Wei")), "{credits:?}");
    assert_eq!(
        a.paragraphs.iter().map(|p| &p[..12]).collect::<Vec<_>>(),
        [
            "The council ",
            "Work starts ",
            "What the bri",
            "The bill com"
        ],
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn a_pull_quote_repeating_a_paragraph_is_said_once() {
    let quote = "The bridge will last a century, engineers say, and it will pay for itself";
    let page = format!(
        "<html><body><article><h1>Council funds the harbour bridge</h1>{STORY}\
         <p>{quote}, and the council agreed on Tuesday to fund it with a harbour levy on ships.</p>\
         <blockquote class='pullquote'>{quote}</blockquote>\
         <p>Work starts in spring, and the old ferry will run until the bridge opens late next year, officials said.</p>\
         </article></body></html>"
    );
    let p = paragraphs(&page);
    assert_eq!(p.iter().filter(|x| x.contains(quote)).count(), 1, "{p:?}");
}

#[test]
fn paragraphs_marked_as_behind_a_paywall_are_the_story() {
    // Publishers mark the gated part of the story with a paywall class on
    // each paragraph; the paywall's own box is a <div>, and goes.
    let gated = STORY.replace("<p>", "<p class='paywall'>");
    let page = format!(
        "<html><body><article><h1>Council funds the harbour bridge</h1>\
         <p>The first paragraph is free to read, as every story's first lines are.</p>{gated}\
         <div class='paywall'>Subscribe now to keep reading every story.</div></article></body></html>"
    );
    let p = paragraphs(&page);
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(p[1].starts_with("The council met"), "{p:?}");
    assert!(p.iter().all(|x| !x.contains("Subscribe")), "{p:?}");
}

#[test]
fn text_in_an_editing_widget_is_the_story_and_an_editor_line_is_a_credit() {
    // Page builders (Elementor) and CMSes put the story in a "text-editor" box.
    let lines = [
        "Gold hoops with a small leaf charm, worn with a longer chain.",
        "Earrings: Leaf Combo, Hoops: Stella, Cuff: Zoeca.",
    ];
    let page = format!(
        "<html><body><article><h1>Ear candy for the summer</h1>{STORY}\
         <div class='elementor-widget elementor-widget-text-editor'><div class='elementor-text-editor elementor-clearfix'>\
         <p>{}</p><p>{}</p></div></div></article></body></html>",
        lines[0], lines[1]
    );
    let p = paragraphs(&page);
    for line in lines {
        assert!(p.iter().any(|x| x == line), "{line:?} lost: {p:?}");
    }
    // A block classed as the editor's line stays out of the paragraphs.
    let page = format!(
        "<html><body><article><h1>Ear candy for the summer</h1>{STORY}\
         <div class='article-editor'>Li Wei</div></article></body></html>"
    );
    let p = paragraphs(&page);
    assert!(!p.iter().any(|x| x.contains("Li Wei")), "{p:?}");
}

#[test]
fn a_page_of_several_stories_gives_the_one_its_description_opens() {
    let other = "<p>The ferry company, for its part, says it will keep two boats on the harbour run, and that fares, which rose twice last year, will not change before the bridge opens.</p>\
        <p>Its chairman, speaking at the annual meeting, said the company had known for years that a bridge would come, and had planned for it, selling one of its older boats to a lake operator.</p>\
        <p>Crews will be offered work on the new river service, which starts in the summer, the chairman said, and none of them would lose their job because of the bridge.</p>\
        <p>The union welcomed the promise but said it would want it in writing, and asked for talks on pay for the longer river shifts before the summer timetable is printed.</p>";
    let desc = "The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century. Work starts in spring, the mayor said, and …";
    let page = |d: &str| {
        format!(
            "<html><head><meta property='og:description' content='{d}'></head><body>\
             <section><h2>Council funds the bridge</h2><div class='story__text'>{STORY}</div></section>\
             <section><h2>Ferries stay</h2><div class='story__text'>{other}</div></section></body></html>"
        )
    };
    let p = paragraphs(&page(desc));
    assert!(p[0].starts_with("The council met"), "{p:?}");
    assert!(!p.iter().any(|x| x.contains("ferry company")), "{p:?}");
    // Described otherwise, the page gives its strongest story.
    let p = paragraphs(&page("Bridges, ferries and harbours: our coverage"));
    assert!(p[0].starts_with("The ferry company"), "{p:?}");
}

#[test]
fn the_writers_bio_closing_the_story_goes_and_a_closing_paragraph_about_someone_else_stays() {
    let page = |last: &str| {
        format!(
            "<html><body><article><h1>Council funds the harbour bridge</h1>\
             <p class='byline'>By Jane Doe</p>{STORY}<p>{last}</p></article></body></html>"
        )
    };
    let bio = "Jane Doe grew up in Porthaven. She has covered the harbour towns for a decade.";
    let p = paragraphs(&page(bio));
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[2].starts_with("Residents"), "{p:?}");
    let other = "John Smith is a ferryman who has worked the crossing for thirty years, and he says he will miss it.";
    let p = paragraphs(&page(other));
    assert_eq!(p.last().map(String::as_str), Some(other), "{p:?}");
}

#[test]
fn a_list_of_links_under_a_related_label_goes_and_a_list_of_the_story_stays() {
    let items = "<ul><li>Ferry fares, <a href='/a'>frozen until the bridge opens</a></li>\
        <li>Could the old pier <a href='/b'>become a park</a>?</li>\
        <li>The harbour master on <a href='/c'>thirty years of storms</a></li></ul>";
    let page = |label: &str| {
        format!(
            "<html><body><article><h1>Council funds the harbour bridge</h1>{STORY}\
             <div class='heading'>{label}</div>{items}</article></body></html>"
        )
    };
    let p = paragraphs(&page("More Great Harbour Stories"));
    assert_eq!(p.len(), 3, "{p:?}");
    let p = paragraphs(&page("What the council also decided"));
    assert!(
        p.iter().any(|x| x.starts_with("Could the old pier")),
        "{p:?}"
    );
}

#[test]
fn the_list_under_a_key_points_label_sums_the_story_up_and_goes() {
    let page = |label: &str| {
        format!(
            "<html><body><article><h1>Council funds the harbour bridge</h1>\
             <div><strong>{label}</strong></div><ul><li>The bridge gets its money after a decade</li>\
             <li>The ferry runs until it opens</li></ul>{STORY}</article></body></html>"
        )
    };
    let p = paragraphs(&page("STORY HIGHLIGHTS"));
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].starts_with("The council met"), "{p:?}");
    let p = paragraphs(&page("What changes"));
    assert_eq!(p.len(), 6, "{p:?}");
}

#[test]
fn a_wiki_page_loses_its_edit_links_and_category_box() {
    let page = format!(
        "<html><body><div id='content'><h1>Harbour bridge</h1>{STORY}\
         <h2><span class='mw-headline'>History</span><span class='mw-editsection'>[<a href='/edit'>edit</a>]</span></h2>\
         <p>The first plans for a bridge date from 1904, when a ferry sank in a winter storm and the town asked for a safer crossing.</p>\
         <div id='catlinks' class='catlinks'><div class='mw-normal-catlinks'>Categories: <ul><li><a href='/c/1'>Bridges</a></li></ul></div>\
         <div class='mw-hidden-catlinks'>Hidden categories: <ul><li><a href='/c/2'>Articles with short description</a></li></ul></div></div>\
         </div></body></html>"
    );
    let p = paragraphs(&page);
    assert!(p.iter().any(|x| x == "History"), "{p:?}");
    assert!(
        !p.iter()
            .any(|x| x.contains("edit") || x.contains("categories")),
        "{p:?}"
    );
}

#[test]
fn a_linked_email_address_in_the_story_stays() {
    let page = format!(
        "<html><body><article><h1>Council funds the harbour bridge</h1>{STORY}\
         <p>Questions for the council can go to its new mailbox:</p>\
         <p><a href='mailto:bridge@harbour-council.example'>bridge@harbour-council.example</a></p>\
         <p><a href='/news'>More news</a></p></article></body></html>"
    );
    let p = paragraphs(&page);
    assert!(
        p.iter().any(|x| x == "bridge@harbour-council.example"),
        "{p:?}"
    );
    assert!(!p.iter().any(|x| x == "More news"), "{p:?}");
}

#[test]
fn the_writers_address_under_the_story_goes() {
    // A reporter's mail and profile closing the story, each on its line, and
    // a wire's pointer to more of its coverage: the writer's furniture.
    let page = format!(
        "<html><body><article><h1>Council funds the harbour bridge</h1>{STORY}\
         <em><p>jane.doe@harbourgazette.example</p><p>twitter.com/janedoe</p></em>\
         <p>More AP sports: https://apnews.com/sports</p></article></body></html>"
    );
    let p = paragraphs(&page);
    assert!(p.iter().any(|x| x.starts_with("The council")), "{p:?}");
    assert!(
        !p.iter()
            .any(|x| x.contains("harbourgazette") || x.contains("janedoe") || x.contains("AP")),
        "{p:?}"
    );
}

#[test]
fn a_web_address_written_out_in_the_story_stays() {
    let page = format!(
        "<html><body><article><h1>Council funds the harbour bridge</h1>{STORY}\
         <p>The engineers' report is online:</p>\
         <p><a href='http://harbour-council.example/bridge-report.pdf'>http://harbour-council.example/bridge-report.pdf</a></p>\
         <p><a href='/news'>Harbour news</a></p></article></body></html>"
    );
    let p = paragraphs(&page);
    assert!(
        p.iter()
            .any(|x| x == "http://harbour-council.example/bridge-report.pdf"),
        "{p:?}"
    );
    assert!(!p.iter().any(|x| x == "Harbour news"), "{p:?}");
}

#[test]
fn a_summary_list_at_the_end_of_a_how_to_stays() {
    let page = format!(
        "<html><body><article><h1>How the harbour bridge was funded</h1>{STORY}\
         <h2>Summary</h2><ul><li>The council pays half of the cost</li>\
         <li>The region and a harbour levy pay the rest</li></ul></article></body></html>"
    );
    let p = paragraphs(&page);
    assert!(
        p.iter().any(|x| x == "The council pays half of the cost"),
        "{p:?}"
    );
}

#[test]
fn a_hover_card_inside_a_sentence_goes_and_its_word_stays() {
    let page = format!(
        "<html><body><article><h1>Governor defends the campaign</h1>\
         <p>The state's governor, <span class='rollover-people'><a href='/people/jane-doe'>Jane Doe</a>\
         <span class='rollover-people-block'><span class='rollover-block'><img src='/jd.jpg'>\
         <a class='name' href='/people/jane-doe'>Jane Anne Doe</a><a href='/news/1'>Her latest story</a></span></span></span>, \
         said on Monday that the campaign had done what it set out to do.</p>{STORY}</article></body></html>"
    );
    let p = paragraphs(&page);
    assert_eq!(
        p[0],
        "The state's governor, Jane Doe, said on Monday that the campaign had done what it set out to do.",
        "{p:?}"
    );
}

/// The page's article, checked to be its lead and then `STORY`'s three paragraphs.
fn led_by(page: &str, lead: &str) -> copydesk::Article {
    let a = extract(page.as_bytes(), &Options::default()).expect("extracts");
    assert_eq!(
        a.paragraphs.first().map(String::as_str),
        Some(lead),
        "{:?}",
        a.paragraphs
    );
    assert_eq!(a.paragraphs.len(), 4, "{:?}", a.paragraphs);
    a
}

#[test]
fn a_comment_class_before_the_story_is_an_opinion_piece_not_readers_posts() {
    let lead = "The bridge was never the problem, our columnist argues: the harbour road is, and nobody at the council wants to say so.";
    let page = format!(
        "<html><body><article><div class='PageArticle_commentHeader'><h1>Why the bridge will not fix the harbour</h1>\
         <div class='ArticleHeaderComment_publishDate'>5 March 2024</div></div>\
         <div class='PageArticle_commentLead'><p>{lead}</p></div>{STORY}</article>\
         <div class='comments'><div class='comment'><p>I have lived by the harbour for forty years and the road was always the real trouble, not the ferry.</p></div>\
         <div class='comment'><p>Nonsense, the bridge will take half the traffic off the road within a year, anyone can see that.</p></div></div>\
         </body></html>"
    );
    let a = led_by(&page, lead);
    assert_eq!(a.timestamp.as_deref(), Some("2024-03-05"));

    // Readers' posts that outweigh a short post above them are still comments.
    let page = format!(
        "<html><body><article><h1>Is vanilla a flavour?</h1><p>Asking for a friend.</p></article>\
         <div class='comments'>{}</div></body></html>",
        "<div class='comment'><p>Vanilla is a flavour in its own right, and an expensive one: the pods are picked by hand.</p></div>"
            .repeat(6)
    );
    let p = paragraphs(&page);
    assert!(p.iter().all(|t| !t.contains("pods")), "{p:?}");
}

#[test]
fn a_lead_boxed_beside_the_body_container_leads_the_story_and_a_columnist_over_the_headline_writes_it()
 {
    let lead = "The bridge was never the problem, our columnist argues: the harbour road is, and nobody at the council wants to say so.";
    let page = format!(
        "<html><body><div class='page-article'><div class='page-article__header'>\
         <div class='article-header__author'><img src='ann.jpg' alt='Ann Lee'><span class='author-name'>Ann Lee, CMS</span></div>\
         <h1>Why the bridge will not fix the harbour</h1></div>\
         <div class='page-article__lead'><div class='page-article__lead-text'>{lead}</div></div>\
         <div class='page-article__content'><div class='page-article__body'><div class='page-article__main'>{STORY}</div><div class='page-article__more'><a href='/a'>More from the harbour desk</a></div></div></div>\
         </div></body></html>"
    );
    let a = led_by(&page, lead);
    let names: Vec<&str> = a.credits.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Ann Lee"]);
}

#[test]
fn a_page_saved_before_its_script_drew_the_story_gives_json_lds_article_body() {
    let ld = |body: &str| {
        format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\
             \"headline\":\"Council funds the harbour bridge\",\"articleBody\":{body}}}</script></head>\
             <body><div id='root'></div><script src='/app.js'></script></body></html>"
        )
    };
    let first = "The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.";
    let second = "Work starts in spring, the mayor said, and the old ferry will run until the bridge opens, probably late next year.";
    let want = vec![first.to_string(), second.to_string()];
    // Lines of plain text, or paragraphs of markup.
    let plain = serde_json::to_string(&format!("{first}\n\n{second}")).unwrap();
    assert_eq!(paragraphs(&ld(&plain)), want);
    let markup = serde_json::to_string(&format!("<p>{first}</p><p>{second}</p>")).unwrap();
    assert_eq!(paragraphs(&ld(&markup)), want);
    // A page that shows its story keeps its own paragraphs.
    let page =
        ld(&serde_json::to_string("A short summary that says far less than the page.").unwrap())
            .replace(
                "<div id='root'></div>",
                &format!("<article>{STORY}</article>"),
            );
    let p = paragraphs(&page);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].starts_with("The council met"), "{p:?}");
}

#[test]
fn a_paywalls_teaser_gives_way_to_the_whole_story_json_ld_tells() {
    let paras: Vec<String> = (0..8)
        .map(|i| format!("Paragraph {i} of the harbour story: the council met again, and the engineers, the mayor and the ferry crews each had their say about the bridge."))
        .collect();
    let whole = serde_json::to_string(&paras.join("\n")).unwrap();
    let page = |ld_body: &str, shown: &[String]| {
        let shown: String = shown.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\
             \"headline\":\"Council funds the harbour bridge\",\"articleBody\":{ld_body}}}</script></head>\
             <body><article><h1>Council funds the harbour bridge</h1>{shown}\
             <div class='paywall'>Subscribe to read the rest of this story.</div></article></body></html>"
        )
    };
    // Two paragraphs shown, all eight in JSON-LD.
    assert_eq!(paragraphs(&page(&whole, &paras[..2])), paras);
    // A page showing text that JSON-LD does not hold keeps its own.
    let mut other = paras[..2].to_vec();
    other[1] =
        "A different paragraph the page shows, which JSON-LD's story does not have in it at all."
            .into();
    assert_eq!(paragraphs(&page(&whole, &other)), other);
}

#[test]
fn ruby_readings_are_left_out_of_the_headline_and_the_text() {
    // Japanese pages give a hard name its reading in <rt>, with or without
    // the <rp> brackets that browsers without ruby show: the text is the base.
    let page = "<html><head><meta charset='utf-8'></head><body><article>\
        <h1><ruby>岡部<rt>おかべ</rt></ruby>女流名人が敗れる</h1>\
        <p>挑戦者の藤田舞女流二段が１０２手で<ruby>岡部<rp>（</rp><rt>おかべ</rt><rp>）</rp></ruby>沙織女流名人を破り、\
        対戦成績３勝１敗で初タイトルを獲得した。藤田女流二段は１０代でのタイトル獲得となり、\
        女流名人戦では史上２番目の年少記録。これに伴い、女流三段に昇段した。</p>\
        </article></body></html>";
    let a = extract(page.as_bytes(), &Options::default()).expect("extracts");
    assert_eq!(a.headline.as_deref(), Some("岡部女流名人が敗れる"));
    assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
    assert!(
        a.paragraphs[0].starts_with("挑戦者の藤田舞女流二段が１０２手で岡部沙織女流名人を破り"),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn a_korean_story_of_one_sentence_paragraphs_is_a_story() {
    // Korean papers write a sentence a paragraph; a Hangul syllable, two or
    // three letters, weighs more than a Latin letter.
    let page = "<html lang='ko'><head><meta charset='utf-8'></head><body><article><h1>바닷물서 리튬 3배 더 뽑는다</h1>\
        <p>국내 연구진이 바닷물에서 리튬을 뽑아내는 기술을 개발했다.</p><p>기존 방식보다 효율이 세 배 높다.</p>\
        <p>한국과학기술원(KAIST) 연구팀은 5일 이 같은 연구 결과를 발표했다.</p>\
        <p>특수 흡착 소재를 써 해수 1톤에서 리튬 20g을 회수했다.</p><p>연구 결과는 국제 학술지에 실렸다.</p>\
        </article></body></html>";
    let p = paragraphs(page);
    assert_eq!(p.len(), 5, "{p:?}");
    assert!(p[0].starts_with("국내 연구진이"), "{p:?}");
}

#[test]
fn a_short_label_over_the_headline_is_no_part_of_the_story() {
    let page = |over: &str| {
        format!(
            "<html><body><article>{over}<h1>Council funds the harbour bridge</h1>\
             <div class='article-body'>{STORY}</div></article></body></html>"
        )
    };
    // A kicker in its own element, or loose in the article beside the headline.
    for over in [
        "<div class='article-kicker'>Travel</div>",
        "<span class='article__label'>Energy</span>",
    ] {
        let p = paragraphs(&page(over));
        assert_eq!(p.len(), 3, "{over}: {p:?}");
        assert!(p[0].starts_with("The council met"), "{p:?}");
    }
    // A sentence over the headline is not a label.
    let p = paragraphs(&page(
        "<p>Our reporters spent a week on the harbour, and this is what they found there.</p>",
    ));
    assert_eq!(p.len(), 4, "{p:?}");
}

#[test]
fn related_boxes_between_the_paragraphs_do_not_make_the_story_a_listing() {
    // A paper sets a label and a list of links after each few paragraphs;
    // the paragraph after a list is the story's, not a teaser.
    let para = |i: usize| {
        format!(
            "<p>{i}. The toll will range from fifty cents to two euros a night, depending on the category of the hotel.</p>"
        )
    };
    let boxed: String = (0..8)
        .map(|i| {
            format!(
                "{}<p><strong>Read also</strong></p><ul><li><a href='/a{i}'>Hoteliers will appeal the new tourist toll</a></li>\
                 <li><a href='/b{i}'>How the toll works in the neighbouring region</a></li></ul>",
                para(i)
            )
        })
        .collect();
    let page = format!(
        "<html><body><article><h1>The city approves a tourist toll</h1>{boxed}</article></body></html>"
    );
    let p = paragraphs(&page);
    assert_eq!(p.len(), 8, "{p:?}");
}

#[test]
fn a_story_kept_invisible_until_the_script_runs_is_kept() {
    // A saved WeChat article: the story's container is `visibility: hidden`
    // until the page's script shows it. A widget hidden so stays hidden.
    let page = format!(
        "<html><body><h1 class='rich_media_title'>Council funds the harbour bridge</h1>\
         <div id='js_content' style='visibility: hidden;'>{STORY}</div>\
         <div class='tip' style='visibility:hidden'>Tap to open in the app</div></body></html>"
    );
    let p = paragraphs(&page);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].starts_with("The council met"), "{p:?}");
}

#[test]
fn a_centred_line_under_a_picture_is_its_caption() {
    let story = |pic: &str| {
        format!(
            "<html><body><h1>Council funds the harbour bridge</h1><article>\
             <p>The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.</p>\
             {pic}\
             <p>Work starts in spring, the mayor said, and the old ferry will run until the bridge opens, probably late next year.</p>\
             </article></body></html>"
        )
    };
    // Under a paragraph holding the picture alone, or after it in its own.
    for pic in [
        "<p style='text-align: center;'><img src='a.jpg'></p><p style='text-align: center;'><span>The old ferry at the quay</span></p>",
        "<p class='f_center'><img src='a.jpg'><br>The old ferry at the quay</p>",
    ] {
        let p = paragraphs(&story(pic));
        assert_eq!(p.len(), 2, "{pic}: {p:?}");
    }
    // A centred line with no picture above it is the story's.
    let p = paragraphs(&story(
        "<p style='text-align:center'>The old ferry at the quay</p>",
    ));
    assert_eq!(p.len(), 3, "{p:?}");
}

#[test]
fn a_figure_holding_a_table_is_the_storys_table() {
    // WordPress's table block is a <figure>; its rows are the story's.
    let page = format!(
        "<html><body><article><h1>Council funds the harbour bridge</h1>{STORY}\
         <h2>How the council voted</h2>\
         <figure class='wp-block-table'><table><tr><td>For</td><td>32</td></tr><tr><td>Against</td><td>11</td></tr></table>\
         <figcaption>Source: the council's minutes</figcaption></figure>\
         <figure class='wp-block-image'><img src='a.jpg'><figcaption>The old ferry at the quay</figcaption></figure>\
         <div class='wp-block-newspack-blocks-homepage-articles'><article><h3><a href='/a'>Ferry fares to rise again in May</a></h3>\
         <p>The operator says fuel costs leave it no choice, and riders' groups are angry.</p></article></div>\
         </article></body></html>"
    );
    let p = paragraphs(&page);
    assert!(p.contains(&"How the council voted".to_string()), "{p:?}");
    assert!(p.contains(&"For 32".to_string()), "{p:?}");
    assert!(p.contains(&"Against 11".to_string()), "{p:?}");
    assert!(
        !p.iter()
            .any(|t| t.contains("old ferry at the quay") || t.contains("fuel costs")),
        "{p:?}"
    );
}
