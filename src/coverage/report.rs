//! What coverage reports: for each rule of the catalog that a run can apply (the reduction
//! rules `Step*`, `Instr_ok`, the binary grammar, the numeric functions), how often it
//! applied and how often an error cited it, by chapter; as text and as JSON.

use crate::rules::{Rule, RuleInfo};
use serde_json::{Value, json};

/// The counts of a coverage run, and what was run.
pub struct Coverage {
    /// By the rule's index in the catalog.
    pub applied: Vec<u64>,
    pub refused: Vec<u64>,
    pub sources: Sources,
}

/// What the counts come from.
#[derive(Default, Debug, serde::Serialize)]
pub struct Sources {
    pub scripts: usize,
    /// The scripts' commands: passed, failed, skipped.
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub corpus_files: usize,
    /// Corpus files that made a module that decodes and validates.
    pub corpus_modules: usize,
    /// Invocations of the corpus modules' exports.
    pub invocations: usize,
}

/// The chapters coverage reports on, with the kinds of rule it counts in each.
pub const CHAPTERS: [(&str, &str, &[&str]); 3] = [
    ("3", "Validation", &["Instr_ok"]),
    ("4", "Execution", &["Step", "Step_pure", "Step_read", "numeric"]),
    ("5", "Binary format", &["grammar"]),
];

/// Catalog entries that no run can apply: grammar entries that name the notation, not a
/// production, and the two rules that SpecTec keeps in a comment (`(; rule Instr_ok/load
/// ... ;)`: `load-val`/`load-pack` and `store-val`/`store-pack` replace them).
const NOT_RULES: [&str; 5] =
    ["binary", "binary-grammar", "binary-notation", "Instr_ok/load", "Instr_ok/store"];

/// Whether coverage counts the rule, and in which chapter.
pub fn chapter_of(info: &RuleInfo) -> Option<&'static str> {
    CHAPTERS
        .iter()
        .find(|(ch, _, kinds)| *ch == info.chapter && kinds.contains(&info.kind))
        .filter(|_| !NOT_RULES.contains(&info.id))
        .map(|(ch, ..)| *ch)
}

/// One chapter's rules with their counts.
pub struct Chapter {
    pub chapter: &'static str,
    pub title: &'static str,
    pub rows: Vec<(Rule, u64, u64)>,
}

impl Chapter {
    /// How many of its rules applied or were cited at least once.
    pub fn exercised(&self) -> usize {
        self.rows.iter().filter(|(_, a, r)| a + r > 0).count()
    }

    pub fn percent(&self) -> f64 {
        100.0 * self.exercised() as f64 / self.rows.len().max(1) as f64
    }
}

impl Coverage {
    pub fn chapters(&self) -> Vec<Chapter> {
        CHAPTERS
            .iter()
            .map(|&(chapter, title, _)| Chapter {
                chapter,
                title,
                rows: Rule::all()
                    .filter(|r| chapter_of(r.info()) == Some(chapter))
                    .map(|r| (r, self.applied[r.index() as usize], self.refused[r.index() as usize]))
                    .collect(),
            })
            .collect()
    }

    /// The text report: a line per chapter (and per kind of rule in it), then every rule
    /// never applied nor cited, with its URL.
    pub fn text(&self) -> String {
        let chapters = self.chapters();
        let mut out = format!("{}\n", self.sources_line());
        for c in &chapters {
            out += &format!(
                "chapter {} ({}): {} of {} rules ({:.1}%)\n",
                c.chapter,
                c.title,
                c.exercised(),
                c.rows.len(),
                c.percent()
            );
            for kind in CHAPTERS.iter().find(|ch| ch.0 == c.chapter).map_or(&[][..], |ch| ch.2) {
                let rows: Vec<_> = c.rows.iter().filter(|(r, ..)| r.info().kind == *kind).collect();
                let hit = rows.iter().filter(|(_, a, r)| a + r > 0).count();
                out += &format!("  {kind}: {hit} of {}\n", rows.len());
            }
        }
        let never: Vec<_> = chapters.iter().flat_map(|c| &c.rows).filter(|(_, a, r)| a + r == 0).collect();
        out += &format!("never applied ({}):\n", never.len());
        for (rule, ..) in never {
            out += &format!("  {rule} {}\n", rule.url());
        }
        out
    }

    fn sources_line(&self) -> String {
        let s = &self.sources;
        format!(
            "rule coverage of {} scripts ({} passed, {} failed, {} skipped) and {} corpus files \
             ({} modules, {} invocations)",
            s.scripts, s.passed, s.failed, s.skipped, s.corpus_files, s.corpus_modules, s.invocations
        )
    }

    /// One object: the sources, each chapter's totals, and every counted rule.
    pub fn to_json(&self) -> Value {
        let chapters = self.chapters();
        let summary: Vec<Value> = chapters
            .iter()
            .map(|c| {
                json!({"chapter": c.chapter, "title": c.title, "rules": c.rows.len(),
                       "exercised": c.exercised(), "percent": (c.percent() * 10.0).round() / 10.0})
            })
            .collect();
        let rules: Vec<Value> = chapters
            .iter()
            .flat_map(|c| &c.rows)
            .map(|(r, applied, refused)| {
                let i = r.info();
                json!({"id": i.id, "kind": i.kind, "chapter": i.chapter, "section": i.section,
                       "url": i.url, "applied": applied, "refused": refused})
            })
            .collect();
        json!({"sources": self.sources, "chapters": summary, "rules": rules})
    }
}
