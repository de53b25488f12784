//! The web's garbage: every bad input gets a clear error naming it or a correct result,
//! the run goes on, and memory stays bounded. (Deeply nested HTML is in `clean.rs`.)

use std::io::Write;
use std::process::Command;

use crate::util::*;

const GOOD: &str = "قال المتحدث باسم الجيش إن ثلاثة مدنيين قتلوا في قصف على مدينة سرت أمس.";

fn line_for<'a>(stderr: &'a str, name: &str) -> &'a str {
    stderr
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no line naming {name} in:\n{stderr}"))
}

#[test]
fn a_bad_folder_among_good_files() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(p.join("a_good.txt"), GOOD).unwrap();
    // Random-looking binary with NULs.
    let bin: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(p.join("b_binary.txt"), &bin).unwrap();
    // Truncated inside a character.
    let g = GOOD.as_bytes();
    let cut = g.iter().rposition(|b| *b >= 0xC0).unwrap() + 1;
    std::fs::write(p.join("c_truncated.txt"), &g[..cut]).unwrap();
    // A stray byte in otherwise good UTF-8: repaired, with a warning.
    let mut stray = g.to_vec();
    stray.insert(GOOD.find(' ').unwrap(), 0xFF);
    std::fs::write(p.join("d_stray.txt"), &stray).unwrap();
    // Windows-1256 and UTF-16 (both byte orders).
    let (w, _, _) = encoding_rs::WINDOWS_1256.encode(GOOD);
    std::fs::write(p.join("e_cp1256.txt"), &w).unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in GOOD.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    std::fs::write(p.join("f_utf16le.txt"), &le).unwrap();
    std::fs::write(p.join("g_utf16be.txt"), &be).unwrap();
    std::fs::write(p.join("h_empty.txt"), b"").unwrap();
    std::fs::write(p.join("i_blank.txt"), b" \n\t\n").unwrap();
    // Latin-1 French: neither UTF-8 nor Arabic.
    std::fs::write(
        p.join("j_latin1.txt"),
        b"caf\xe9 cr\xe8me br\xfbl\xe9e et g\xe2teau",
    )
    .unwrap();
    // A 100 MB file (sparse): refused by size before it is read.
    let big = std::fs::File::create(p.join("k_huge.txt")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    // JSON Lines with one broken line among good ones.
    let mut jl = std::fs::File::create(p.join("l_records.jsonl")).unwrap();
    writeln!(jl, "{}", serde_json::json!({"id": "r1", "text": GOOD})).unwrap();
    writeln!(jl, "{{\"id\": \"r2\", \"text\": \"بلا نهاية").unwrap();
    writeln!(
        jl,
        "{}",
        serde_json::json!({"id": "r3", "text": GOOD, "published": "2020-01-28"})
    )
    .unwrap();
    writeln!(jl, "[1, 2, 3]").unwrap();
    writeln!(
        jl,
        "{}",
        serde_json::json!({"id": "r5", "html": format!("<p>{GOOD}</p>")})
    )
    .unwrap();
    drop(jl);
    // Text that is all diacritics, and all digits.
    std::fs::write(
        p.join("m_diacritics.txt"),
        "\u{064E}\u{0650}\u{0651}".repeat(2000),
    )
    .unwrap();
    std::fs::write(p.join("n_digits.txt"), "٠١٢٣٤٥٦٧٨٩ 0123456789 ".repeat(500)).unwrap();

    let out = run(&["extract", p.to_str().unwrap()], None);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (name, reason) in [
        ("b_binary.txt", "binary"),
        ("c_truncated.txt", "truncated UTF-8"),
        ("h_empty.txt", "empty"),
        ("i_blank.txt", "empty"),
        ("j_latin1.txt", "undecodable"),
        ("k_huge.txt", "too large"),
        ("l_records.jsonl:2", "invalid JSON"),
        ("l_records.jsonl:4", "not a JSON object"),
    ] {
        let line = line_for(&stderr, name);
        assert!(
            line.contains(reason),
            "{name}: expected `{reason}` in {line:?}"
        );
    }
    assert!(
        line_for(&stderr, "d_stray.txt").contains("warning"),
        "{stderr}"
    );
    let docs = json_lines(&out.stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        vec![
            "a_good",
            "d_stray",
            "e_cp1256",
            "f_utf16le",
            "g_utf16be",
            "r1",
            "r3",
            "r5",
            "m_diacritics",
            "n_digits"
        ]
    );
    let body = |id: &str| {
        docs.iter().find(|d| d["id"] == id).unwrap()["body"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for id in ["e_cp1256", "f_utf16le", "g_utf16be", "r1", "r5"] {
        assert_eq!(body(id), GOOD, "{id}");
    }
    assert!(body("d_stray").contains('\u{FFFD}'));
    // Correct results on degenerate text: nothing invented, spans inside the body.
    let diac = docs.iter().find(|d| d["id"] == "m_diacritics").unwrap();
    for layer in ["entities", "times", "claims", "events"] {
        assert!(
            diac[layer].as_array().unwrap().is_empty(),
            "{layer} on diacritics only"
        );
    }
    let digits = docs.iter().find(|d| d["id"] == "n_digits").unwrap();
    assert!(digits["entities"].as_array().unwrap().is_empty());
    assert!(digits["events"].as_array().unwrap().is_empty());
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .contains("10 articles written, 8 inputs rejected"),
        "{stderr}"
    );
}

/// Run `rasd` under a virtual-memory cap, so a blow-up fails the test instead of the machine.
fn run_capped(args: &[&str], cap_kb: u64) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_rasd");
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {cap_kb}; exec '{bin}' {}",
            quoted.join(" ")
        ))
        .env_remove("RASD_LEXICONS")
        .output()
        .expect("run rasd under sh")
}

#[test]
fn a_ten_megabyte_line_without_a_break() {
    let d = tempfile::tempdir().unwrap();
    // 10 MB of words and no line break, and 10 MB of letters without even a space.
    let words = d.path().join("words.txt");
    std::fs::write(
        &words,
        "قصف مدفعي على الأحياء السكنية في المدينة ".repeat(10 * 1024 * 1024 / 74),
    )
    .unwrap();
    let letters = d.path().join("letters.txt");
    std::fs::write(&letters, "ب".repeat(5 * 1024 * 1024)).unwrap();
    let out = run_capped(
        &[
            "extract",
            "--preset",
            "text-only",
            words.to_str().unwrap(),
            letters.to_str().unwrap(),
        ],
        3_000_000,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 2);
    for d in &docs {
        let n = d["body"].as_str().unwrap().chars().count() as u64;
        let sentences = d["sentences"].as_array().unwrap();
        assert!(
            sentences.len() > 1000,
            "a long line is cut into many sentences"
        );
        for s in sentences {
            let (a, b) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
            assert!(a < b && b <= n && b - a <= 600);
        }
    }
}

#[test]
fn a_long_line_through_every_stage() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("line.txt");
    std::fs::write(&p, format!("{GOOD} ").repeat(1024 * 1024 / GOOD.len())).unwrap();
    let out = run_capped(
        &["extract", "--published", "2020-01-28", p.to_str().unwrap()],
        3_000_000,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out.stdout);
    let body = docs[0]["body"].as_str().unwrap();
    let n = body.chars().count() as u64;
    for layer in ["entities", "times", "quantities", "claims"] {
        for x in docs[0][layer].as_array().unwrap() {
            let (a, b) = (x["start"].as_u64().unwrap(), x["end"].as_u64().unwrap());
            assert!(a < b && b <= n, "{layer} span {a}..{b} outside {n}");
        }
    }
    assert!(
        !docs[0]["events"].as_array().unwrap().is_empty(),
        "the repeated shelling report yields events"
    );
}
