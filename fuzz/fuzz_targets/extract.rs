//! Any bytes into `copydesk::extract`: it must return an article or an error,
//! never panic, and the article must serialise.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = copydesk::Options {
        // Small enough that the fuzzer's inputs stay quick; gzip bombs hit it.
        max_size: 1 << 20,
        ..copydesk::Options::default()
    };
    if let Ok(article) = copydesk::extract(data, &opts) {
        let json = article.to_json();
        assert!(json.starts_with('{'));
    }
});
