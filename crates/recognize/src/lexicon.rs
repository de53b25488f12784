//! The entity lexicons: every row of `actors/`, `places/` and `outlets/` becomes an
//! [`Entry`], every Arabic name of a row a [`Form`] sense, checked on load.
//!
//! A row's names come in three columns: `ar` (strong: found anywhere), `weak` (a name that
//! is also an ordinary word or another's surname: found only with evidence, see
//! `resolve`), and `adj` (demonyms of a state: `ليبي`, `الليبية` → Libya). One folded form
//! may belong to several entries only when a `homonyms*.tsv` row says so (طرابلس: Libya's
//! or Lebanon's); weak forms may be shared freely, since they never fire on their own.

use std::collections::{BTreeMap, HashMap};

use rasd_lexicon::{Issue, Source, Table};
use rasd_model::{EntityType, Why};
use rasd_text::hash::{FxHashMap, FxHashSet, WordSet};
use rasd_text::Analyzer;

/// Names as (folded with clitics split, as written) pairs.
type FoldedNames = Vec<(String, String)>;

/// The folders holding entity tables.
pub const AREAS: [&str; 3] = ["actors", "places", "outlets"];
/// The titles, triggers and role breakers.
pub const TITLES: &str = "actors/titles.tsv";
/// The heads of names composed with a state (`الجيش` + `المصري`, `حكومة` + `ليبيا`).
pub const HEADS: &str = "actors/heads.tsv";
/// Given names (`وليام`, `وليد`): a name's first word that keeps a letter looking like a
/// particle (و ل ب ك) when the tagger finds it.
pub const GIVEN_NAMES: &str = "ner/given_names.tsv";

/// How strongly a form names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Found anywhere.
    Strong,
    /// A demonym (`ليبي`, `الإماراتية`): names the state.
    Adj,
    /// Needs evidence (a title or trigger before it, another mention, the document's country).
    Weak,
    /// An ordinary word too (`الحكومة`, `جديدة`): found only after a word naming its kind
    /// (`مدينة`, `بلدة`).
    Word,
}

impl Strength {
    /// Whether the form fires without evidence.
    pub fn fires_alone(self) -> bool {
        matches!(self, Strength::Strong | Strength::Adj)
    }
}

/// One canonical record of a lexicon.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id, the `ref`.
    pub id: String,
    /// Contract type.
    pub etype: EntityType,
    /// `person`, `armed force`, `city`, `air base` ….
    pub kind: String,
    /// Canonical Arabic name (first of `ar`, else of `weak`).
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// ISO 3166 alpha-2 (`XX`: spans several states).
    pub country: Option<String>,
    /// Coordinates (places).
    pub lat: Option<f64>,
    /// Coordinates (places).
    pub lon: Option<f64>,
    /// Inhabitants, when known (breaks ties between places of one name).
    pub population: u64,
    /// Whether the row comes from a places table.
    pub place: bool,
    /// Index of the place this one lies in (`within`).
    pub within: Option<u32>,
    /// Index of the state entry of `country`, when there is one.
    pub state: Option<u32>,
    /// Other lexicon fields shown on the ref (role, member_of, admin1, source …), and
    /// `kind` (added once on load, so a ref's record is a clone of this map).
    pub extra: BTreeMap<String, String>,
    /// The row.
    pub why: Why,
}

/// One sense of a form: an entry and how strongly the form names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sense {
    /// Entry index.
    pub entry: u32,
    /// Strength.
    pub strength: Strength,
}

/// A distinct folded, token-joined name and every entry it may name.
#[derive(Clone, Debug, Default)]
pub struct Form {
    /// Folded tokens joined by single spaces.
    pub text: String,
    /// Entries, in lexicon order.
    pub senses: Vec<Sense>,
    /// Entry chosen when the document gives no clue (from a homonyms row).
    pub default: Option<u32>,
    /// The homonyms row, when there is one.
    pub homonym: Option<Why>,
    /// Heads (indexes into [`Lexicon::heads`]) this form names alone: the body of the
    /// document's main state (`الجيش`, `المعارضة`), found only when the document has one.
    pub heads: Vec<u32>,
    /// Heads this form is, taking a demonym after it (`الجيش` + `المصري`), and whether
    /// the demonym agrees in the feminine (`الحكومة` + `المصرية`).
    pub head_adj: Vec<(u32, bool)>,
    /// Heads this form is, taking a state's name after it (`حكومة` + `ليبيا`).
    pub head_name: Vec<u32>,
}

/// What resolving a hit needs of its form besides the senses themselves, one small
/// record per form in [`Lexicon::facts`]: the forms (176 bytes each, with their senses
/// behind a pointer) fill a megabyte or more, these few tens of kilobytes stay in cache,
/// so most hits are decided without reading the form or its senses.
#[derive(Clone, Copy, Debug, Default)]
pub struct FormFacts {
    /// The entry the form names without evidence: its default when that sense fires
    /// alone, else its first sense that does.
    pub strong: Option<u32>,
    flags: u8,
}

impl FormFacts {
    const AMBIGUOUS: u8 = 1;
    const NEEDS_CUES: u8 = 2;
    const ALL_PLACES: u8 = 4;
    const ALL_ADJ: u8 = 8;
    const HEAD: u8 = 16;

    fn of(f: &Form, entries: &[Entry]) -> FormFacts {
        let alone = |e: u32| {
            f.senses
                .iter()
                .any(|s| s.entry == e && s.strength.fires_alone())
        };
        let strong = f.default.filter(|&d| alone(d)).or_else(|| {
            f.senses
                .iter()
                .find(|s| s.strength.fires_alone())
                .map(|s| s.entry)
        });
        let mut flags = 0;
        for (yes, bit) in [
            (f.senses.len() > 1, FormFacts::AMBIGUOUS),
            (
                f.senses.len() > 1 || f.senses.iter().any(|s| !s.strength.fires_alone()),
                FormFacts::NEEDS_CUES,
            ),
            (
                f.senses.iter().all(|s| entries[s.entry as usize].place),
                FormFacts::ALL_PLACES,
            ),
            (
                f.senses.iter().all(|s| s.strength == Strength::Adj),
                FormFacts::ALL_ADJ,
            ),
            (
                !f.head_adj.is_empty() || !f.head_name.is_empty(),
                FormFacts::HEAD,
            ),
        ] {
            if yes {
                flags |= bit;
            }
        }
        FormFacts { strong, flags }
    }

    /// Whether the form has several senses.
    #[inline]
    pub fn ambiguous(self) -> bool {
        self.flags & FormFacts::AMBIGUOUS != 0
    }

    /// Whether cues before a hit can change what it names: several senses, or one that
    /// needs evidence.
    #[inline]
    pub fn needs_cues(self) -> bool {
        self.flags & FormFacts::NEEDS_CUES != 0
    }

    /// Whether every sense is a place's (true for a form without senses).
    #[inline]
    pub fn all_places(self) -> bool {
        self.flags & FormFacts::ALL_PLACES != 0
    }

    /// Whether every sense is a demonym (true for a form without senses).
    #[inline]
    pub fn all_adj(self) -> bool {
        self.flags & FormFacts::ALL_ADJ != 0
    }

    /// Whether the form is a head taking a demonym or a state's name after it.
    #[inline]
    pub fn head(self) -> bool {
        self.flags & FormFacts::HEAD != 0
    }
}

/// What resolving a mention reads of its entry, one small record per entry in
/// [`Lexicon::entry_facts`]: the entries (280 bytes each, their strings behind
/// pointers) fill megabytes; these stay in cache.
#[derive(Clone, Copy, Debug)]
pub struct EntryFacts {
    /// Contract type.
    pub etype: EntityType,
    /// Whether the row comes from a places table.
    pub place: bool,
    /// Whether the entry is of kind `country`.
    pub country_kind: bool,
    /// ISO 3166 alpha-2 code (two ASCII capitals, checked on load).
    country: Option<[u8; 2]>,
    /// Index of the place this one lies in.
    pub within: Option<u32>,
}

impl EntryFacts {
    fn of(e: &Entry) -> EntryFacts {
        EntryFacts {
            etype: e.etype,
            place: e.place,
            country_kind: e.kind == "country",
            country: e
                .country
                .as_deref()
                .and_then(|c| c.as_bytes().try_into().ok()),
            within: e.within,
        }
    }

    /// The ISO code, as [`Entry::country`] holds it.
    #[inline]
    pub fn country(&self) -> Option<&str> {
        self.country
            .as_ref()
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
    }
}

/// A row of `actors/heads.tsv`: a word for a kind of body that, with a state's demonym
/// or name, names that state's body (`الجيش المصري`, `حكومة ليبيا`, `وزارة الخارجية
/// الفلبينية`).
#[derive(Clone, Debug)]
pub struct Head {
    /// Id suffix of composed entries (`army` → `egypt-army`).
    pub id: String,
    /// Contract type of composed entries.
    pub etype: EntityType,
    /// Kind of composed entries.
    pub kind: String,
    /// English name, completed with the state's (`Armed Forces (Egypt)`).
    pub en: Option<String>,
    /// The row.
    pub why: Why,
}

/// Kinds of `titles.tsv` rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// Opens a person's role.
    Title,
    /// Opens a spokesperson's role; the organisation in it is recorded.
    Spokesperson,
    /// Evidence for a weak name of some types.
    Trigger,
    /// Ends a role phrase.
    Breaker,
    /// A preposition: with the document's country, evidence for a weak place name.
    Preposition,
    /// Not a name, whatever the tagger says (`نيسان`, `الأكراد`, `المنظمة`).
    NotName,
    /// A word inside a person's name joining it to the next (`بن`, `آل`, `عبد`).
    Connector,
    /// A word opening a person's byname (`أبو`): `أبو يحيى التونسي` is a person.
    Kunya,
}

/// A title, trigger or breaker phrase.
#[derive(Clone, Debug)]
pub struct Cue {
    /// Kind.
    pub kind: CueKind,
    /// Types it is evidence for.
    pub applies: Vec<EntityType>,
    /// The row.
    pub why: Why,
}

/// Every entry, form and cue, with the folded-form indexes.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Entries.
    pub entries: Vec<Entry>,
    /// Forms.
    pub forms: Vec<Form>,
    /// The [`FormFacts`] of each form, in the order of `forms`.
    pub facts: Vec<FormFacts>,
    /// The [`EntryFacts`] of each entry, in the order of `entries`.
    pub entry_facts: Vec<EntryFacts>,
    /// Form text → index.
    pub form_index: FxHashMap<String, u32>,
    /// Entry id → index.
    pub by_id: HashMap<String, u32>,
    /// Cue phrases (folded, token-joined) → cues.
    pub cues: FxHashMap<String, Vec<Cue>>,
    /// The same phrases without a leading article (`لواء` for `اللواء`), so a token whose
    /// article was split off (`للواء`) is looked up by its core, without building a string.
    pub cues_no_al: FxHashMap<String, Vec<Cue>>,
    /// First words of cue phrases of several words (with and without the article).
    pub cue_firsts: FxHashSet<String>,
    /// Every key of `cues`, `cues_no_al` and `cue_firsts`, behind a bit filter: a word
    /// found in none of them is ruled out with one bit test, before any is hashed.
    pub cue_words: WordSet,
    /// Longest cue in tokens.
    pub max_cue_tokens: usize,
    /// Rows of `actors/heads.tsv`.
    pub heads: Vec<Head>,
    /// (head, state entry) → the entry their composition names.
    pub composed: FxHashMap<(u32, u32), u32>,
    /// ISO code → state entry.
    pub states: FxHashMap<String, u32>,
    /// ISO code → the first entry of kind `country` with that code, among all entries
    /// (`states` keeps the last one read from the tables): the state a document-local
    /// place takes its coordinates from, found with one probe rather than a scan.
    pub first_state: FxHashMap<String, u32>,
    /// The singular demonyms with the article (form index → state entry, feminine):
    /// what a head takes (`الجيش المصري`, `الحكومة المصرية`; `وزير الخارجية المصري` is
    /// the minister, not the ministry).
    pub demonyms: FxHashMap<u32, (u32, bool)>,
    /// Strong names and demonyms of each state entry, as written in its row.
    state_names: FxHashMap<u32, (Vec<String>, Vec<String>)>,
    /// Folded given names of [`GIVEN_NAMES`] (empty when the table is absent), behind a
    /// bit filter: most tokens are no given name and cost one bit test.
    pub given: WordSet,
    /// Folded foreign given names of [`GIVEN_NAMES`] (origin `foreign`: `جان`, `بيير`).
    pub given_foreign: FxHashSet<Box<str>>,
    /// Folded connectors and kunyas of `titles.tsv` (`بن`, `أبو`): one lookup per token.
    pub name_links: FxHashSet<String>,
    /// Folded kunyas of `titles.tsv` (`أبو`).
    pub kunyas: FxHashSet<String>,
    /// Longest folded kunya in bytes: a longer token is looked up no further.
    pub kunya_max: usize,
    /// Folded parent words of `titles.tsv` (`أم`): before the given name of someone the
    /// article names in full, a relative of that person, not a byname.
    pub parents: FxHashSet<String>,
}

/// Fold a name and join its tokens with single spaces, as the matcher sees the text.
pub fn join_tokens(an: &Analyzer, s: &str) -> String {
    let d = an.analyze_text(s);
    let mut out = String::with_capacity(s.len());
    for t in &d.tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(d.form(t.form));
    }
    out
}

fn parse_coord(s: Option<&str>, lim: f64) -> Result<Option<f64>, String> {
    match s {
        None => Ok(None),
        Some(v) => match v.parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= lim => Ok(Some(x)),
            _ => Err(format!("bad coordinate `{v}`")),
        },
    }
}

/// Where a row points to other entries, resolved once every table is read.
struct Pending {
    entry: u32,
    file: String,
    line: u32,
    within: Option<String>,
    member_of: Vec<String>,
}

impl Lexicon {
    /// Whether a token written `full` (its core `core`, split off clitics when `split`)
    /// may begin a cue: one bit test for most words, before any cue map is hashed.
    #[inline]
    pub fn may_begin_cue(&self, full: &str, core: &str, split: bool) -> bool {
        self.cue_words.contains(full) || split && self.cue_words.contains(core)
    }

    /// Read every entity table of a source; bad rows are reported and skipped.
    pub fn load(src: &Source, an: &Analyzer) -> (Lexicon, Vec<Issue>) {
        let mut lx = Lexicon::default();
        let mut issues = Vec::new();
        let mut pending = Vec::new();
        let mut homonym_files = Vec::new();
        for area in AREAS {
            for name in src.list(area) {
                let base = name.rsplit('/').next().unwrap_or(&name);
                if base.starts_with("homonyms") {
                    homonym_files.push(name);
                } else if name != TITLES && name != HEADS {
                    match src.table(&name) {
                        Ok(t) => {
                            lx.read_entries(t, area == "places", an, &mut pending, &mut issues)
                        }
                        Err(e) => issues.push(Issue::new(&name, 0, e.to_string())),
                    }
                }
            }
        }
        lx.resolve_links(pending, &mut issues);
        if src.list("actors").iter().any(|n| n == HEADS) {
            match src.table(HEADS) {
                Ok(t) => lx.read_heads(t, an, &mut issues),
                Err(e) => issues.push(Issue::new(HEADS, 0, e.to_string())),
            }
        }
        // generated homonym files first, so that a curated row wins for the same form
        homonym_files.sort_by_key(|n| (n.ends_with("homonyms.tsv"), n.clone()));
        for name in homonym_files {
            match src.table(&name) {
                Ok(t) => lx.read_homonyms(t, an, &mut issues),
                Err(e) => issues.push(Issue::new(&name, 0, e.to_string())),
            }
        }
        lx.check_ambiguity(&mut issues);
        match src.table(TITLES) {
            Ok(t) => lx.read_cues(t, an, &mut issues),
            Err(e) => issues.push(Issue::new(TITLES, 0, e.to_string())),
        }
        if src.list("ner").iter().any(|n| n == GIVEN_NAMES) {
            match src.table(GIVEN_NAMES) {
                Ok(t) => {
                    lx.given = WordSet::new(
                        t.rows
                            .iter()
                            .filter_map(|r| t.get(r, "form"))
                            .map(|f| an.fold(f).into_boxed_str()),
                    );
                    lx.given_foreign = t
                        .rows
                        .iter()
                        .filter(|r| t.get(r, "origin") == Some("foreign"))
                        .filter_map(|r| t.get(r, "form"))
                        .map(|f| an.fold(f).into_boxed_str())
                        .collect();
                }
                Err(e) => issues.push(Issue::new(GIVEN_NAMES, 0, e.to_string())),
            }
        }
        lx.cue_words = WordSet::new(
            (lx.cues
                .keys()
                .chain(lx.cues_no_al.keys())
                .chain(&lx.cue_firsts))
            .map(|k| k.as_str().into()),
        );
        for (i, e) in lx.entries.iter().enumerate() {
            if let (true, Some(c)) = (e.kind == "country", &e.country) {
                lx.first_state.entry(c.clone()).or_insert(i as u32);
            }
        }
        lx.facts = lx
            .forms
            .iter()
            .map(|f| FormFacts::of(f, &lx.entries))
            .collect();
        lx.entry_facts = lx.entries.iter().map(EntryFacts::of).collect();
        for e in &mut lx.entries {
            e.extra.insert("kind".to_string(), e.kind.clone());
        }
        (lx, issues)
    }

    fn read_entries(
        &mut self,
        mut t: Table,
        places: bool,
        an: &Analyzer,
        pending: &mut Vec<Pending>,
        issues: &mut Vec<Issue>,
    ) {
        t.require(&["id", "type", "ar"]);
        if places {
            t.require(&["country", "lat", "lon"]);
        }
        let mut bad = Vec::new();
        for row in &t.rows {
            let why = row.why(&t);
            let Some(id) = t.get(row, "id") else {
                bad.push((row.line, "empty `id`".to_string()));
                continue;
            };
            if self.by_id.contains_key(id) {
                bad.push((row.line, format!("duplicate id `{id}`")));
                continue;
            }
            let ty = t.get(row, "type").unwrap_or("");
            let Some(etype) = EntityType::parse(ty) else {
                bad.push((
                    row.line,
                    format!("unknown type `{ty}` (PER ORG GROUP GPE LOC FAC OUTLET)"),
                ));
                continue;
            };
            let strong = t.list(row, "ar");
            let weak = t.list(row, "weak");
            let adj = t.list(row, "adj");
            let word = t.list(row, "word");
            let first = strong.first().or(weak.first()).or(word.first());
            let Some(name) = first.map(|s| s.to_string()) else {
                bad.push((
                    row.line,
                    format!("`{id}` has no Arabic name (`ar`, `weak` or `word`)"),
                ));
                continue;
            };
            let (lat, lon) = match (
                parse_coord(t.get(row, "lat"), 90.0),
                parse_coord(t.get(row, "lon"), 180.0),
            ) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => {
                    bad.push((row.line, format!("`{id}`: {e}")));
                    continue;
                }
            };
            let country = t.get(row, "country").map(str::to_string);
            if let Some(c) = &country {
                if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                    bad.push((row.line, format!("`{id}`: bad country code `{c}`")));
                    continue;
                }
            }
            if places && (lat.is_none() || lon.is_none() || country.is_none()) {
                bad.push((row.line, format!("place `{id}` needs lat, lon and country")));
                continue;
            }
            let mut extra = BTreeMap::new();
            for col in [
                "role",
                "member_of",
                "admin1",
                "source",
                "within",
                "population",
            ] {
                if let Some(v) = t.get(row, col) {
                    extra.insert(col.to_string(), v.to_string());
                }
            }
            extra.insert("type".to_string(), etype.as_str().to_string());
            let idx = self.entries.len() as u32;
            self.entries.push(Entry {
                id: id.to_string(),
                etype,
                kind: t
                    .get(row, "kind")
                    .unwrap_or(if places { "place" } else { "entity" })
                    .to_string(),
                name,
                name_en: t.get(row, "en").map(str::to_string),
                wikidata: t.get(row, "wikidata").map(str::to_string),
                country,
                lat,
                lon,
                population: t
                    .get(row, "population")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0),
                place: places,
                within: None,
                state: None,
                extra,
                why,
            });
            self.by_id.insert(id.to_string(), idx);
            pending.push(Pending {
                entry: idx,
                file: t.file.clone(),
                line: row.line,
                within: t.get(row, "within").map(str::to_string),
                member_of: t
                    .list(row, "member_of")
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            });
            if t.get(row, "kind") == Some("country") {
                let raw = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
                self.state_names.insert(idx, (raw(&strong), raw(&adj)));
            }
            for (list, strength) in [
                (strong, Strength::Strong),
                (adj, Strength::Adj),
                (weak, Strength::Weak),
                (word, Strength::Word),
            ] {
                for f in list {
                    let text = join_tokens(an, f);
                    if text.is_empty() {
                        bad.push((row.line, format!("`{id}`: name `{f}` has no letters")));
                        continue;
                    }
                    // a demonym takes the article as an adjective does (`الرئيس اليمني`)
                    if strength == Strength::Adj && !text.starts_with("ال") {
                        let sense = Sense {
                            entry: idx,
                            strength,
                        };
                        self.add_sense(format!("ال{text}"), sense);
                    }
                    self.add_sense(
                        text,
                        Sense {
                            entry: idx,
                            strength,
                        },
                    );
                }
            }
        }
        for (line, m) in bad {
            t.issue(line, m);
        }
        issues.append(&mut t.issues);
    }

    fn add_sense(&mut self, text: String, sense: Sense) {
        let n = self.forms.len() as u32;
        let fi = *self.form_index.entry(text.clone()).or_insert(n);
        if fi == n {
            self.forms.push(Form {
                text,
                ..Form::default()
            });
        }
        let form = &mut self.forms[fi as usize];
        match form.senses.iter_mut().find(|s| s.entry == sense.entry) {
            Some(s) => s.strength = s.strength.min(sense.strength),
            None => form.senses.push(sense),
        }
    }

    fn resolve_links(&mut self, pending: Vec<Pending>, issues: &mut Vec<Issue>) {
        let states: HashMap<String, u32> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "country")
            .filter_map(|(i, e)| e.country.clone().map(|c| (c, i as u32)))
            .collect();
        for e in self.entries.iter_mut() {
            e.state = e.country.as_ref().and_then(|c| states.get(c).copied());
        }
        self.states = states.iter().map(|(c, &i)| (c.clone(), i)).collect();
        for p in pending {
            if let Some(w) = &p.within {
                match self.by_id.get(w) {
                    Some(&i) if i != p.entry => self.entries[p.entry as usize].within = Some(i),
                    _ => issues.push(Issue::new(
                        &p.file,
                        p.line,
                        format!("dangling ref: within `{w}`"),
                    )),
                }
            }
            for m in &p.member_of {
                if !self.by_id.contains_key(m) {
                    issues.push(Issue::new(
                        &p.file,
                        p.line,
                        format!("dangling ref: member_of `{m}`"),
                    ));
                }
            }
        }
    }

    fn read_homonyms(&mut self, mut t: Table, an: &Analyzer, issues: &mut Vec<Issue>) {
        t.require(&["form", "refs", "default"]);
        let mut bad = Vec::new();
        for row in &t.rows {
            let Some(form) = t.get(row, "form") else {
                continue;
            };
            let text = join_tokens(an, form);
            let Some(&fi) = self.form_index.get(&text) else {
                bad.push((
                    row.line,
                    format!("homonym form `{form}` is no entry's name"),
                ));
                continue;
            };
            let mut refs = Vec::new();
            for r in t.list(row, "refs") {
                match self.by_id.get(r) {
                    Some(&i) => refs.push(i),
                    None => bad.push((row.line, format!("dangling ref `{r}`"))),
                }
            }
            let default = t
                .get(row, "default")
                .and_then(|d| self.by_id.get(d).copied());
            if !default.is_some_and(|d| refs.contains(&d)) {
                bad.push((row.line, "`default` must be one of `refs`".to_string()));
            }
            let f = &mut self.forms[fi as usize];
            for s in &f.senses {
                if !refs.contains(&s.entry) && s.strength.fires_alone() {
                    let id = &self.entries[s.entry as usize].id;
                    bad.push((
                        row.line,
                        format!("`{form}` also names `{id}`, missing from refs"),
                    ));
                }
            }
            f.default = default.or(f.default);
            f.homonym = Some(row.why(&t));
        }
        for (line, m) in bad {
            t.issue(line, m);
        }
        issues.append(&mut t.issues);
    }

    /// One form naming several entries (not all weak) must be a declared homonym.
    fn check_ambiguity(&self, issues: &mut Vec<Issue>) {
        for f in &self.forms {
            let strong: Vec<&Sense> = f
                .senses
                .iter()
                .filter(|s| s.strength.fires_alone())
                .collect();
            if f.senses.len() < 2 || strong.is_empty() || f.homonym.is_some() {
                continue;
            }
            let ids: Vec<&str> = f
                .senses
                .iter()
                .map(|s| self.entries[s.entry as usize].id.as_str())
                .collect();
            let e = &self.entries[f.senses[1].entry as usize];
            let (file, line) = match &e.why {
                Why::Lexicon { file, line } => (file.clone(), *line),
                _ => (String::new(), 0),
            };
            issues.push(Issue::new(
                file,
                line,
                format!(
                    "form `{}` names {}: list it in a homonyms file if intended",
                    f.text,
                    ids.join(", ")
                ),
            ));
        }
    }

    /// Read `actors/heads.tsv` and make the entry of every head with every state: `ar`
    /// heads take the state's demonym with the article (`الجيش` + `المصري`), `construct`
    /// heads its name (`حكومة` + `ليبيا`), `alone` heads name the main state's body by
    /// themselves. When a composed name is already some row's name of the same type and
    /// state, the pair links to that row (`الجيش السوري` is `syrian-army`); otherwise a
    /// new entry `<state>-<head>` is made. The composed names are not added to the
    /// matcher (that would make its patterns ten times more): the heads are, and
    /// `resolve` joins a head and the demonym or name found right after it.
    fn read_heads(&mut self, mut t: Table, an: &Analyzer, issues: &mut Vec<Issue>) {
        t.require(&["id", "type", "kind"]);
        let mut bad = Vec::new();
        let mut states: Vec<u32> = self.states.values().copied().collect();
        states.sort_unstable();
        // folded demonyms (masculine and feminine singular, with the article) and names
        let folded: Vec<(u32, FoldedNames, FoldedNames)> = states
            .iter()
            .map(|&s| {
                let (names, adjs) = self.state_names.get(&s).cloned().unwrap_or_default();
                let adjs = adjs
                    .iter()
                    .take(2)
                    .map(|a| {
                        let a = if a.starts_with("ال") {
                            a.clone()
                        } else {
                            format!("ال{a}")
                        };
                        (join_tokens(an, &a), a)
                    })
                    .collect();
                let names = names
                    .iter()
                    .map(|n| (join_tokens(an, n), n.clone()))
                    .collect();
                (s, names, adjs)
            })
            .collect();
        for (s, _, adjs) in &folded {
            for (k, (af, _)) in adjs.iter().enumerate() {
                if let Some(&fi) = self.form_index.get(af) {
                    self.demonyms.insert(fi, (*s, k == 1));
                }
            }
        }
        for row in &t.rows {
            let Some(id) = t.get(row, "id") else {
                bad.push((row.line, "empty `id`".to_string()));
                continue;
            };
            let ty = t.get(row, "type").unwrap_or("");
            let Some(etype) = EntityType::parse(ty) else {
                bad.push((row.line, format!("unknown type `{ty}`")));
                continue;
            };
            let h = self.heads.len() as u32;
            let head = Head {
                id: id.to_string(),
                etype,
                kind: t.get(row, "kind").unwrap_or("entity").to_string(),
                en: t.get(row, "en").map(str::to_string),
                why: row.why(&t),
            };
            let fold_all = |col: &str| -> Vec<(String, String)> {
                t.list(row, col)
                    .into_iter()
                    .map(|x| (join_tokens(an, x), x.to_string()))
                    .filter(|(f, _)| !f.is_empty())
                    .collect()
            };
            let (masc, fem) = (fold_all("ar"), fold_all("ar_f"));
            let (cons, alone) = (fold_all("construct"), fold_all("alone"));
            for (s, names, adjs) in &folded {
                let mut forms: Vec<(String, String)> = Vec::new();
                for (k, heads) in [&masc, &fem].into_iter().enumerate() {
                    if let Some((af, ar)) = adjs.get(k) {
                        for (hf, hr) in heads {
                            forms.push((format!("{hf} {af}"), format!("{hr} {ar}")));
                        }
                    }
                }
                for (hf, hr) in &cons {
                    for (nf, nr) in names {
                        forms.push((format!("{hf} {nf}"), format!("{hr} {nr}")));
                    }
                }
                let Some(first) = forms.first() else { continue };
                let existing = forms.iter().find_map(|(f, _)| {
                    let fi = *self.form_index.get(f)?;
                    self.forms[fi as usize]
                        .senses
                        .iter()
                        .find(|x| {
                            let e = &self.entries[x.entry as usize];
                            x.strength != Strength::Adj
                                && e.etype == etype
                                && e.country == self.entries[*s as usize].country
                        })
                        .map(|x| x.entry)
                });
                let entry = match existing {
                    _ if etype == EntityType::GPE => *s,
                    Some(e) => e,
                    None => {
                        let st = &self.entries[*s as usize];
                        let mut eid = format!("{}-{}", st.id, head.id);
                        if self.by_id.contains_key(&eid) {
                            eid.push_str("-composed");
                        }
                        let mut extra = BTreeMap::new();
                        extra.insert("type".to_string(), etype.as_str().to_string());
                        extra.insert("composed_of".to_string(), format!("{id} + {}", st.id));
                        let e = Entry {
                            id: eid.clone(),
                            etype,
                            kind: head.kind.clone(),
                            name: first.1.clone(),
                            name_en: head.en.as_ref().map(|en| {
                                format!("{en} ({})", st.name_en.as_deref().unwrap_or(&st.id))
                            }),
                            wikidata: None,
                            country: st.country.clone(),
                            lat: None,
                            lon: None,
                            population: 0,
                            place: false,
                            within: None,
                            state: Some(*s),
                            extra,
                            why: head.why.clone().and(st.why.clone()),
                        };
                        let i = self.entries.len() as u32;
                        self.entries.push(e);
                        self.by_id.insert(eid, i);
                        i
                    }
                };
                self.composed.insert((h, *s), entry);
            }
            for (list, role) in [(&masc, 0), (&fem, 3), (&cons, 1), (&alone, 2)] {
                for (f, _) in list {
                    let n = self.forms.len() as u32;
                    let fi = *self.form_index.entry(f.clone()).or_insert(n);
                    if fi == n {
                        self.forms.push(Form {
                            text: f.clone(),
                            ..Form::default()
                        });
                    }
                    let form = &mut self.forms[fi as usize];
                    match role {
                        0 => form.head_adj.push((h, false)),
                        3 => form.head_adj.push((h, true)),
                        1 => form.head_name.push(h),
                        _ => form.heads.push(h),
                    }
                }
            }
            self.heads.push(head);
        }
        for (line, m) in bad {
            t.issue(line, m);
        }
        issues.append(&mut t.issues);
    }

    fn read_cues(&mut self, mut t: Table, an: &Analyzer, issues: &mut Vec<Issue>) {
        t.require(&["ar", "kind"]);
        let mut bad = Vec::new();
        for row in &t.rows {
            let kind = match t.get(row, "kind") {
                Some("title") => CueKind::Title,
                Some("spokesperson") => CueKind::Spokesperson,
                Some("trigger") => CueKind::Trigger,
                Some("breaker") => CueKind::Breaker,
                Some("preposition") => CueKind::Preposition,
                Some("not-name") => CueKind::NotName,
                Some("connector") => CueKind::Connector,
                Some("kunya") => CueKind::Kunya,
                // a word list of its own, no cue
                Some("parent") => {
                    for phrase in t.list(row, "ar") {
                        let text = join_tokens(an, phrase);
                        if !text.is_empty() {
                            self.parents.insert(text);
                        }
                    }
                    continue;
                }
                k => {
                    bad.push((row.line, format!("unknown kind `{}`", k.unwrap_or(""))));
                    continue;
                }
            };
            let mut applies = Vec::new();
            for a in t.list(row, "applies") {
                match EntityType::parse(a) {
                    Some(ty) => applies.push(ty),
                    None => bad.push((row.line, format!("unknown type `{a}`"))),
                }
            }
            if matches!(kind, CueKind::Title | CueKind::Spokesperson)
                && !applies.contains(&EntityType::PER)
            {
                applies.push(EntityType::PER);
            }
            for phrase in t.list(row, "ar") {
                let text = join_tokens(an, phrase);
                if text.is_empty() {
                    continue;
                }
                self.max_cue_tokens = self.max_cue_tokens.max(text.split(' ').count());
                let cue = Cue {
                    kind,
                    applies: applies.clone(),
                    why: row.why(&t),
                };
                if matches!(kind, CueKind::Connector | CueKind::Kunya) {
                    self.name_links.insert(text.clone());
                }
                if kind == CueKind::Kunya {
                    self.kunya_max = self.kunya_max.max(text.len());
                    self.kunyas.insert(text.clone());
                }
                if let Some((w, _)) = text.split_once(' ') {
                    self.cue_firsts.insert(w.to_string());
                    if let Some(x) = w.strip_prefix("ال") {
                        self.cue_firsts.insert(x.to_string());
                    }
                }
                if let Some(x) = text.strip_prefix("ال") {
                    self.cues_no_al
                        .entry(x.to_string())
                        .or_default()
                        .push(cue.clone());
                }
                self.cues.entry(text).or_default().push(cue);
            }
        }
        for (line, m) in bad {
            t.issue(line, m);
        }
        issues.append(&mut t.issues);
    }

    /// The entry of an index.
    pub fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    /// The facts of form `i`.
    #[inline]
    pub fn facts(&self, i: u32) -> FormFacts {
        self.facts[i as usize]
    }

    /// The facts of entry `i`.
    #[inline]
    pub fn entry_facts(&self, i: u32) -> &EntryFacts {
        &self.entry_facts[i as usize]
    }
}
