//! Print the times, quantities and durations rasd finds in lines of text.
//!
//! Each line of standard input is `PUBLISHED<TAB>TEXT` (or just `TEXT`, with no
//! publication date); `--assistant` reads with Duckling's convention, `--context` shows
//! the text around each time, `--time` prints only the measure stage's throughput.
//!
//! ```sh
//! printf '2020-03-27\tقصف -أمس الخميس- مواقع\n' | cargo run -p rasd-measure --example measure
//! ```

use std::io::BufRead;

use rasd_measure::{Measurer, Options, Profile};
use rasd_text::Analyzer;

fn main() {
    let assistant = std::env::args().any(|a| a == "--assistant");
    let context = std::env::args().any(|a| a == "--context");
    let timing = std::env::args().any(|a| a == "--time");
    let (mut spent, mut bytes) = (std::time::Duration::ZERO, 0usize);
    let mut kept = Vec::new();
    let (m, issues) = Measurer::load(&rasd_lexicon::Source::embedded());
    for i in issues {
        eprintln!("lexicon: {i}");
    }
    let profile = if assistant {
        Profile::Assistant
    } else {
        Profile::News
    };
    let m = m.with_options(Options {
        profile,
        ..Options::default()
    });
    let an = Analyzer::default();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let (published, text) = match line.split_once('\t') {
            Some((p, t)) => (Some(p.to_string()), t.to_string()),
            None => (None, line.clone()),
        };
        let mut doc = an.analyze_text(&text);
        doc.set_published(published);
        bytes += text.len();
        if timing {
            kept.push(doc.clone());
        }
        let t = std::time::Instant::now();
        if let Err(e) = m.run(&mut doc) {
            eprintln!("error: {e}");
            continue;
        }
        spent += t.elapsed();
        if timing {
            continue;
        }
        if !context {
            println!("{text}");
        }
        for t in &doc.times {
            let around = if context {
                let chars: Vec<char> = doc.body.chars().collect();
                let a = (t.start as usize).saturating_sub(40);
                let b = (t.end as usize + 40).min(chars.len());
                format!(" «{}»", chars[a..b].iter().collect::<String>())
            } else {
                String::new()
            };
            println!(
                "  time  [{}] {} {:?}{} {}{around}",
                t.text,
                t.value.as_deref().unwrap_or("null"),
                t.grain,
                t.to.as_ref()
                    .map(|x| format!(" to {x}"))
                    .unwrap_or_default(),
                t.why
            );
        }
        for q in &doc.quantities {
            println!(
                "  qty   [{}] {:?} {:?} of={:?}",
                q.text, q.value, q.approx, q.of
            );
        }
        for q in &doc.durations {
            println!("  dur   [{}] {:?} {:?}", q.text, q.value, q.unit);
        }
    }
    if timing {
        let mb = bytes as f64 / 1e6;
        let wall = spent.as_secs_f64();
        println!(
            "measure stage: {mb:.2} MB in {wall:.3} s = {:.1} MB/s (wall clock)",
            mb / wall
        );
        // CPU time of this thread over repeated passes: the figure per core, whatever
        // else the machine runs.
        let before = thread_cpu_seconds();
        let passes = 20;
        for _ in 0..passes {
            for d in &kept {
                let mut d = d.clone();
                let _ = m.run(&mut d);
            }
        }
        if let (Some(a), Some(b)) = (before, thread_cpu_seconds()) {
            let cpu = (b - a) / f64::from(passes);
            println!(
                "measure stage: {cpu:.3} s of CPU per pass = {:.1} MB/s per core",
                mb / cpu
            );
        }
    }
}

/// User and system CPU time of the calling thread, from `/proc/thread-self/stat` (Linux).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
