//! Provenance: which lexicon entry, rule or model produced an annotation.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why an annotation exists, written out as one string:
/// `lexicon:events/air.tsv:12`, `rule:clean/credit-line`, `model:ner-ap@1`, or
/// several joined by ` + ` when more than one thing contributed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// A row of a lexicon file, path relative to the lexicon root, 1-based line.
    Lexicon {
        /// File path relative to the lexicon directory, e.g. `places/libya.tsv`.
        file: String,
        /// 1-based line number of the row.
        line: u32,
    },
    /// A named rule in the code, e.g. `clean/edge-short-line`.
    Rule(String),
    /// A statistical model, with its version.
    Model {
        /// Model name, e.g. `ner-ap`.
        name: String,
        /// Model version or content hash.
        version: String,
    },
    /// Several reasons together (a trigger word plus the rule that attached an argument).
    All(Vec<Why>),
}

impl Why {
    /// A rule reason.
    pub fn rule(name: impl Into<String>) -> Why {
        Why::Rule(name.into())
    }

    /// A lexicon reason.
    pub fn lexicon(file: impl Into<String>, line: u32) -> Why {
        Why::Lexicon {
            file: file.into(),
            line,
        }
    }

    /// This reason and another, flattened.
    pub fn and(self, other: Why) -> Why {
        let mut parts = match self {
            Why::All(v) => v,
            w => vec![w],
        };
        match other {
            Why::All(v) => parts.extend(v),
            w => parts.push(w),
        }
        Why::All(parts)
    }

    /// Whether the named rule is among the reasons (`measure/ago-vague`).
    pub fn has_rule(&self, name: &str) -> bool {
        match self {
            Why::Rule(r) => r == name,
            Why::All(v) => v.iter().any(|w| w.has_rule(name)),
            _ => false,
        }
    }

    /// Parse the string form back (used when reading stored annotations).
    pub fn parse(s: &str) -> Why {
        let parts: Vec<Why> = s.split(" + ").map(Why::parse_one).collect();
        if parts.len() == 1 {
            parts.into_iter().next().unwrap_or(Why::Rule(String::new()))
        } else {
            Why::All(parts)
        }
    }

    fn parse_one(s: &str) -> Why {
        if let Some(rest) = s.strip_prefix("lexicon:") {
            if let Some((file, line)) = rest.rsplit_once(':') {
                if let Ok(line) = line.parse() {
                    return Why::Lexicon {
                        file: file.to_string(),
                        line,
                    };
                }
            }
        }
        if let Some(rest) = s.strip_prefix("model:") {
            let (name, version) = rest.split_once('@').unwrap_or((rest, ""));
            return Why::Model {
                name: name.to_string(),
                version: version.to_string(),
            };
        }
        Why::Rule(s.strip_prefix("rule:").unwrap_or(s).to_string())
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Lexicon { file, line } => write!(f, "lexicon:{file}:{line}"),
            Why::Rule(r) => write!(f, "rule:{r}"),
            Why::Model { name, version } => write!(f, "model:{name}@{version}"),
            Why::All(parts) => {
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" + ")?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl Serialize for Why {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Why {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Why, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Why::parse(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in [
            "lexicon:events/air.tsv:12",
            "rule:clean/credit-line",
            "model:ner-ap@1",
            "lexicon:cues/reporting_verbs.tsv:3 + rule:attribute/speaker-before-cue",
        ] {
            assert_eq!(Why::parse(s).to_string(), s);
        }
    }

    #[test]
    fn and_flattens() {
        let w = Why::rule("a")
            .and(Why::rule("b"))
            .and(Why::lexicon("x.tsv", 2));
        assert_eq!(w.to_string(), "rule:a + rule:b + lexicon:x.tsv:2");
    }
}
