//! Full-text search over stored articles: a tantivy index beside the database, with
//! an Arabic analyzer built from rasd's own text layer.
//!
//! Why not tantivy's or charabia's Arabic: tantivy ships no Arabic stop words, and
//! Snowball's Arabic stemmer leaves و on words (والمهاجرين → والمهاجر). rasd-text
//! already folds (alef, yaa, taa marbuta, diacritics, tatweel, digits) and splits
//! proclitics and pronoun suffixes as sub-spans, so [`ArabicTokenizer`] indexes each
//! word's core, stripped of one light suffix (`lexicons/search/light_suffixes.tsv`,
//! light10's list), and drops function words (`lexicons/search/stopwords.tsv`).
//! `بالغارات` and `الغارة` both index as `غار`; offsets stay those of the body, so
//! snippets highlight the words as written. Known failure: light stemming
//! conflates some words (`لبنان` and `لبن` both give `لبن`).
//!
//! The index is derived data: its commit payload records the last article id it
//! holds, and [`SearchIndex::sync`] adds the articles after it, so a killed ingest is
//! caught up by the next run; an index that cannot be opened is rebuilt.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rasd_lexicon::{Issue, Source};
use rasd_model::TokenKind;
use rasd_text::Analyzer;
use serde_json::{json, Value};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value as _, FAST, INDEXED,
    STORED,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument};

use crate::{Error, Result, Store};

/// The tokenizer's name in the index schema.
pub const TOKENIZER: &str = "rasd_ar";
/// Light-stemming suffixes.
pub const SUFFIXES: &str = "search/light_suffixes.tsv";
/// Stop words.
pub const STOPWORDS: &str = "search/stopwords.tsv";

/// Light stemming and stop words, from the lexicons.
#[derive(Debug, Default)]
pub struct Stemmer {
    suffixes: Vec<(String, usize)>,
    stop: HashSet<String>,
}

impl Stemmer {
    /// Load both tables; problems are returned, never fatal.
    pub fn load(src: &Source, analyzer: &Analyzer) -> (Stemmer, Vec<Issue>) {
        let mut issues = Vec::new();
        let mut s = Stemmer::default();
        match src.table(SUFFIXES) {
            Ok(mut t) => {
                t.require(&["suffix", "min_stem"]);
                for r in &t.rows {
                    let suf = t.get(r, "suffix").map(|x| analyzer.fold(x));
                    let min = t.get(r, "min_stem").and_then(|m| m.parse().ok());
                    if let (Some(suf), Some(min)) = (suf, min) {
                        s.suffixes.push((suf, min));
                    }
                }
                issues.append(&mut t.issues);
            }
            Err(e) => issues.push(Issue::new(SUFFIXES, 0, e.to_string())),
        }
        match src.table(STOPWORDS) {
            Ok(mut t) => {
                t.require(&["word"]);
                s.stop = t
                    .rows
                    .iter()
                    .filter_map(|r| t.get(r, "word"))
                    .map(|w| analyzer.fold(w))
                    .collect();
                issues.append(&mut t.issues);
            }
            Err(e) => issues.push(Issue::new(STOPWORDS, 0, e.to_string())),
        }
        (s, issues)
    }

    /// The stem of a folded core: one suffix off, when enough letters remain.
    pub fn stem<'a>(&self, core: &'a str) -> &'a str {
        let letters = core.chars().count();
        for (suf, min) in &self.suffixes {
            if core.ends_with(suf.as_str()) && letters - suf.chars().count() >= *min {
                return &core[..core.len() - suf.len()];
            }
        }
        core
    }

    /// Whether a folded word is a stop word.
    pub fn is_stop(&self, w: &str) -> bool {
        self.stop.contains(w)
    }
}

/// rasd's Arabic analyzer as a tantivy tokenizer: folded word cores, light-stemmed,
/// stop words dropped, offsets in bytes of the text given.
#[derive(Clone)]
pub struct ArabicTokenizer {
    analyzer: Arc<Analyzer>,
    stemmer: Arc<Stemmer>,
}

impl ArabicTokenizer {
    /// A tokenizer from lexicons; problems are returned, never fatal.
    pub fn load(src: &Source) -> (ArabicTokenizer, Vec<Issue>) {
        let (analyzer, mut issues) = Analyzer::load(src);
        let (stemmer, mut i) = Stemmer::load(src, &analyzer);
        issues.append(&mut i);
        (
            ArabicTokenizer {
                analyzer: Arc::new(analyzer),
                stemmer: Arc::new(stemmer),
            },
            issues,
        )
    }

    /// The terms of a text, with their byte offsets.
    pub fn terms(&self, text: &str) -> Vec<Token> {
        let doc = self.analyzer.analyze_text(text);
        let mut out = Vec::new();
        for t in &doc.tokens {
            if !matches!(
                t.kind,
                TokenKind::Word | TokenKind::Latin | TokenKind::Number
            ) {
                continue;
            }
            let form = doc.form(t.form);
            let core = doc.form(t.core);
            if self.stemmer.is_stop(form) || self.stemmer.is_stop(core) {
                continue;
            }
            let stem = if t.kind == TokenKind::Word {
                self.stemmer.stem(core)
            } else {
                core
            };
            if stem.is_empty() {
                continue;
            }
            let r = doc.chars().byte_range(t.span);
            out.push(Token {
                offset_from: r.start,
                offset_to: r.end,
                position: out.len(),
                text: stem.to_string(),
                position_length: 1,
            });
        }
        out
    }
}

/// The tokens of one text.
pub struct Terms {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for Terms {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = Terms;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Terms {
        Terms {
            tokens: self.terms(text),
            next: 0,
        }
    }
}

/// The search index of a store.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    article: Field,
    title: Field,
    body: Field,
}

fn schema() -> (Schema, Field, Field, Field) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let article = b.add_u64_field("article", INDEXED | STORED | FAST);
    let title = b.add_text_field("title", text.clone());
    let body = b.add_text_field("body", text);
    (b.build(), article, title, body)
}

impl SearchIndex {
    /// The index directory of a database: `<db>.search/` beside it.
    pub fn dir_of(db: &Path) -> PathBuf {
        let mut s = db.as_os_str().to_owned();
        s.push(".search");
        PathBuf::from(s)
    }

    /// Open (or create) the index of a database.
    pub fn open(db: &Path, src: &Source) -> Result<SearchIndex> {
        let dir = SearchIndex::dir_of(db);
        let err = |e: &dyn std::fmt::Display| Error::Search {
            path: dir.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(&dir).map_err(|e| err(&e))?;
        let (schema, article, title, body) = schema();
        let index = match Index::open_in_dir(&dir) {
            Ok(i) => i,
            Err(_) => {
                // Derived data: a missing or unreadable index is rebuilt from the store.
                for e in std::fs::read_dir(&dir).map_err(|e| err(&e))?.flatten() {
                    let _ = std::fs::remove_file(e.path());
                }
                Index::create_in_dir(&dir, schema).map_err(|e| err(&e))?
            }
        };
        let (tok, _) = ArabicTokenizer::load(src);
        index
            .tokenizers()
            .register(TOKENIZER, TextAnalyzer::builder(tok).build());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| err(&e))?;
        Ok(SearchIndex {
            dir,
            index,
            reader,
            article,
            title,
            body,
        })
    }

    fn err(&self, e: impl std::fmt::Display) -> Error {
        Error::Search {
            path: self.dir.clone(),
            message: e.to_string(),
        }
    }

    /// The last article id indexed.
    pub fn watermark(&self) -> Result<i64> {
        let metas = self.index.load_metas().map_err(|e| self.err(e))?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// Index every stored article after the watermark, committing every 500.
    /// Returns how many were added.
    pub fn sync(&mut self, store: &Store) -> Result<usize> {
        let mut mark = self.watermark()?;
        let mut added = 0;
        let mut writer = None;
        loop {
            let batch = store.articles_after(mark, 500)?;
            let Some(last) = batch.last().map(|b| b.0) else {
                break;
            };
            let w = match &mut writer {
                Some(w) => w,
                None => writer.insert(
                    self.index
                        .writer_with_num_threads(1, 30_000_000)
                        .map_err(|e| self.err(e))?,
                ),
            };
            for (id, title, body) in &batch {
                w.add_document(doc!(self.article => *id as u64, self.title => title.as_str(), self.body => body.as_str()))
                    .map_err(|e| self.err(e))?;
            }
            let mut pc = w.prepare_commit().map_err(|e| self.err(e))?;
            pc.set_payload(&last.to_string());
            pc.commit().map_err(|e| self.err(e))?;
            added += batch.len();
            mark = last;
        }
        if let Some(w) = writer {
            w.wait_merging_threads().map_err(|e| self.err(e))?;
        }
        self.reader.reload().map_err(|e| self.err(e))?;
        Ok(added)
    }

    /// Articles matching a query (all words must match, in title or body), best
    /// first: `{total, offset, limit, items: [{id, doc_id, title, outlet, published,
    /// score, snippet, highlights}]}`; `highlights` are `[start, end)` code points into
    /// `snippet`.
    pub fn search(&self, store: &Store, q: &str, offset: usize, limit: usize) -> Result<Value> {
        let searcher = self.reader.searcher();
        let mut parser = QueryParser::for_index(&self.index, vec![self.title, self.body]);
        parser.set_conjunction_by_default();
        let (query, _) = parser.parse_query_lenient(q);
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_score();
        let (hits, total) = searcher
            .search(&query, &(top, Count))
            .map_err(|e| self.err(e))?;
        let mut snip =
            SnippetGenerator::create(&searcher, &*query, self.body).map_err(|e| self.err(e))?;
        snip.set_max_num_chars(240);
        let mut items = Vec::new();
        for (score, addr) in hits.into_iter().take(limit) {
            let d: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
            let Some(id) = d.get_first(self.article).and_then(|v| v.as_u64()) else {
                continue;
            };
            let Some((mut head, body)) = store.article_head(id as i64)? else {
                continue;
            };
            let s = snip.snippet(&body);
            let frag = s.fragment();
            let cp = |b: usize| frag[..b.min(frag.len())].chars().count();
            let hl: Vec<[usize; 2]> = s
                .highlighted()
                .iter()
                .map(|r| [cp(r.start), cp(r.end)])
                .collect();
            head["score"] = json!(score);
            head["snippet"] = json!(frag);
            head["highlights"] = json!(hl);
            items.push(head);
        }
        Ok(json!({"total": total, "offset": offset, "limit": limit, "items": items}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let (t, issues) = ArabicTokenizer::load(&Source::embedded());
        assert!(issues.is_empty(), "{issues:?}");
        t.terms(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn variants_share_a_term() {
        let cases = [
            ("الغارة", "بالغارات"),
            ("تاجوراء", "وتاجوراء"),
            ("المهاجرين", "مهاجرون"),
            ("الليبية", "ليبي"),
            ("إطلاق", "اطلاق"),
        ];
        for (a, b) in cases {
            assert_eq!(terms(a), terms(b), "help: {a} and {b} should index alike");
            assert_eq!(terms(a).len(), 1, "help: {a}");
        }
    }

    #[test]
    fn stop_words_drop_and_offsets_point_into_the_text() {
        let (t, _) = ArabicTokenizer::load(&Source::embedded());
        let text = "قصف في طرابلس";
        let toks = t.terms(text);
        assert_eq!(toks.len(), 2, "{toks:?}");
        assert_eq!(&text[toks[1].offset_from..toks[1].offset_to], "طرابلس");
    }
}
