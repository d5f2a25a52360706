//! What a run of .wast files found: every command passed, failed, was skipped with a reason,
//! or ran out of a resource lockstep bounds (fuel, time, memory: neither a pass nor the
//! engine's failure, counted apart), counted by kind and by file, printed as text or as one
//! JSON object.

use crate::rules::Rule;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The kinds of command a .wast script has (`thread` and `wait` count as actions).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Module,
    Register,
    Action,
    AssertReturn,
    AssertTrap,
    AssertExhaustion,
    AssertInvalid,
    AssertMalformed,
    AssertUnlinkable,
    AssertException,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Module => "module",
            Kind::Register => "register",
            Kind::Action => "action",
            Kind::AssertReturn => "assert_return",
            Kind::AssertTrap => "assert_trap",
            Kind::AssertExhaustion => "assert_exhaustion",
            Kind::AssertInvalid => "assert_invalid",
            Kind::AssertMalformed => "assert_malformed",
            Kind::AssertUnlinkable => "assert_unlinkable",
            Kind::AssertException => "assert_exception",
        }
    }
}

/// How one command ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Passed,
    Failed {
        expected: String,
        got: String,
        rule: Option<Rule>,
    },
    Skipped {
        reason: String,
    },
    /// A resource ran out (`fuel exhausted`, `time limit exceeded`, ...) where something
    /// else was expected.
    Exhausted {
        expected: String,
        got: String,
    },
}

/// One command's verdict, where it stands.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub kind: Kind,
    pub line: usize,
    pub verdict: Verdict,
    /// A text-format `assert_malformed` that passed because the `wast` parser rejected it.
    pub delegated: bool,
}

#[derive(Clone, Copy, Default, Debug, Serialize, PartialEq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub exhausted: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileCounts {
    pub path: String,
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub exhausted: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Failure {
    pub path: String,
    pub line: usize,
    pub kind: Kind,
    pub expected: String,
    pub got: String,
    pub rule: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Skip {
    pub path: String,
    pub line: usize,
    pub kind: Kind,
    pub reason: String,
}

/// Everything a `lockstep wast` run reports.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub spec: String,
    pub engine: String,
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub exhausted: usize,
    pub text_malformed_delegated: usize,
    pub kinds: BTreeMap<&'static str, Counts>,
    pub files: Vec<FileCounts>,
    pub failures: Vec<Failure>,
    pub skips: Vec<Skip>,
    /// The commands that ran out of a resource, as failures are listed (without a rule).
    pub exhaustions: Vec<Failure>,
}

impl Counts {
    fn add(&mut self, v: &Verdict) {
        match v {
            Verdict::Passed => self.passed += 1,
            Verdict::Failed { .. } => self.failed += 1,
            Verdict::Skipped { .. } => self.skipped += 1,
            Verdict::Exhausted { .. } => self.exhausted += 1,
        }
    }
}

impl Report {
    pub fn new(spec: crate::Spec, engine: &str) -> Report {
        Report {
            spec: spec.to_string(),
            engine: engine.to_string(),
            passed: 0,
            failed: 0,
            skipped: 0,
            exhausted: 0,
            text_malformed_delegated: 0,
            kinds: BTreeMap::new(),
            files: Vec::new(),
            failures: Vec::new(),
            skips: Vec::new(),
            exhaustions: Vec::new(),
        }
    }

    /// Add the outcomes of one file.
    pub fn add_file(&mut self, path: &str, outcomes: &[Outcome]) {
        let mut file = Counts::default();
        for o in outcomes {
            file.add(&o.verdict);
            self.kinds.entry(o.kind.name()).or_default().add(&o.verdict);
            self.text_malformed_delegated += o.delegated as usize;
            match &o.verdict {
                Verdict::Passed => {}
                Verdict::Failed { expected, got, rule } => self.failures.push(Failure {
                    path: path.to_string(),
                    line: o.line,
                    kind: o.kind,
                    expected: expected.clone(),
                    got: got.clone(),
                    rule: rule.map(|r| r.id().to_string()),
                }),
                Verdict::Skipped { reason } => self.skips.push(Skip {
                    path: path.to_string(),
                    line: o.line,
                    kind: o.kind,
                    reason: reason.clone(),
                }),
                Verdict::Exhausted { expected, got } => self.exhaustions.push(Failure {
                    path: path.to_string(),
                    line: o.line,
                    kind: o.kind,
                    expected: expected.clone(),
                    got: got.clone(),
                    rule: None,
                }),
            }
        }
        self.passed += file.passed;
        self.failed += file.failed;
        self.skipped += file.skipped;
        self.exhausted += file.exhausted;
        self.files.push(FileCounts {
            path: path.to_string(),
            passed: file.passed,
            failed: file.failed,
            skipped: file.skipped,
            exhausted: file.exhausted,
        });
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serialises")
    }

    /// The text report of one file: its failures, then its line of counts.
    pub fn file_text(&self, file: &FileCounts) -> String {
        let mut out = String::new();
        for f in self.failures.iter().filter(|f| f.path == file.path) {
            writeln!(out, "{}", failure_line(f)).unwrap();
        }
        for f in self.exhaustions.iter().filter(|f| f.path == file.path) {
            writeln!(out, "{} (exhausted)", failure_line(f)).unwrap();
        }
        let counts = counts(file.passed, file.failed, file.skipped, file.exhausted);
        writeln!(out, "{}: {counts}", file.path).unwrap();
        out
    }

    /// The last line of a text report, alone.
    pub fn summary(&self) -> String {
        counts(self.passed, self.failed, self.skipped, self.exhausted)
    }

    /// Whether the run went through: nothing failed, nothing ran out.
    pub fn succeeded(&self) -> bool {
        self.failed == 0 && self.exhausted == 0
    }
}

/// `N passed, N failed, N skipped`, and `, N exhausted` where any were.
fn counts(passed: usize, failed: usize, skipped: usize, exhausted: usize) -> String {
    let mut line = format!("{passed} passed, {failed} failed, {skipped} skipped");
    if exhausted > 0 {
        write!(line, ", {exhausted} exhausted").unwrap();
    }
    line
}

/// `path:line: kind: expected X, got Y [rule] url`
pub fn failure_line(f: &Failure) -> String {
    let mut line =
        format!("{}:{}: {}: expected {}, got {}", f.path, f.line, f.kind.name(), f.expected, f.got);
    if let Some(rule) = f.rule.as_deref().and_then(Rule::lookup) {
        write!(line, " [{}] {}", rule.id(), rule.url()).unwrap();
    }
    line
}
