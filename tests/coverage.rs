//! `lockstep coverage`: the counts are those of the rules the run applied, and the HTML page
//! renders them, sortable and filterable, in a real browser (Chromium, headless).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn lockstep(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lockstep runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lockstep-coverage-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The counts of a JSON report, by rule id: (applied, refused).
fn counts(report: &Value) -> BTreeMap<String, (u64, u64)> {
    let rules = report["rules"].as_array().expect("rules");
    rules
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                (r["applied"].as_u64().unwrap(), r["refused"].as_u64().unwrap()),
            )
        })
        .collect()
}

/// A script of one division, once defined and once trapping, an invalid and a malformed
/// module: each count is what the spec's derivation of these runs uses.
#[test]
fn counts_the_rules_a_script_applies() {
    let dir = temp_dir("script");
    let script = dir.join("div.wast");
    std::fs::write(
        &script,
        r#"(module (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
(assert_return (invoke "div" (i32.const 7) (i32.const 2)) (i32.const 3))
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")"#,
    )
    .unwrap();
    let report: Value =
        serde_json::from_str(&lockstep(&["coverage", "--json", script.to_str().unwrap()])).unwrap();
    let c = counts(&report);
    assert_eq!(c["Step_pure/binop-val"], (1, 0));
    assert_eq!(c["Step_pure/binop-trap"], (1, 0));
    assert_eq!(c["op-idiv"], (2, 0), "both divisions apply idiv, the second undefined");
    assert_eq!(c["Step_read/local.get"], (4, 0));
    assert_eq!(c["Step_read/call_ref-func"], (2, 0), "each invocation calls the function");
    assert_eq!(c["Instr_ok/binop"], (1, 0), "the module is validated once");
    assert_eq!(c["Instr_ok/local.get"], (2, 0));
    assert_eq!(c["binary-version"], (1, 1), "one module decoded, one refused for its version");
    assert_eq!(c["Step_pure/br_if-true"], (0, 0));
    assert_eq!(report["sources"]["passed"], 4);
    // Only the counted kinds, each chapter's totals agreeing with its rules.
    for ch in report["chapters"].as_array().unwrap() {
        let chapter = ch["chapter"].as_str().unwrap();
        let rules: Vec<&Value> =
            report["rules"].as_array().unwrap().iter().filter(|r| r["chapter"] == chapter).collect();
        assert_eq!(ch["rules"].as_u64(), Some(rules.len() as u64), "chapter {chapter}");
        let hit =
            rules.iter().filter(|r| r["applied"].as_u64().unwrap() + r["refused"].as_u64().unwrap() > 0);
        assert_eq!(ch["exercised"].as_u64(), Some(hit.count() as u64), "chapter {chapter}");
    }
    let text = lockstep(&["coverage", script.to_str().unwrap()]);
    assert!(text.contains("chapter 4 (Execution): "), "{text}");
    assert!(
        text.contains(
            "  Step_pure/br_if-true https://webassembly.github.io/spec/core/exec/instructions.html#exec-br-if"
        ),
        "{text}"
    );
}

/// Coverage counts each step the reference takes: for a run of fib, the same rules as
/// often as `lockstep trace` shows them, step by step.
#[test]
fn counts_every_step_as_the_trace_shows_it() {
    let trace = lockstep(&["trace", "--json", "benches/kernels/fib.wat", "--invoke", "fib", "i32:6"]);
    let summary: Value = serde_json::from_str(trace.lines().last().unwrap()).unwrap();
    let histogram = summary["rules"].as_object().expect("a histogram");
    let dir = temp_dir("fib");
    let script = dir.join("fib.wast");
    let wat = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/kernels/fib.wat"))
        .unwrap();
    std::fs::write(&script, format!("{wat}\n(assert_return (invoke \"fib\" (i32.const 6)) (i32.const 8))\n"))
        .unwrap();
    let report: Value =
        serde_json::from_str(&lockstep(&["coverage", "--json", script.to_str().unwrap()])).unwrap();
    let steps = ["Step", "Step_pure", "Step_read"];
    for (id, (applied, _)) in counts(&report) {
        let kind = lockstep::rules::Rule::lookup(&id).unwrap().info().kind;
        let structural = ["Step/pure", "Step/read"].contains(&id.as_str()) || id.starts_with("Step/ctxt-");
        if steps.contains(&kind) && !structural {
            assert_eq!(applied, histogram.get(&id).map_or(0, |n| n.as_u64().unwrap()), "{id}");
        }
    }
    let pure: u64 = histogram
        .iter()
        .filter(|(id, _)| id.starts_with("Step_pure/"))
        .map(|(_, n)| n.as_u64().unwrap())
        .sum();
    assert_eq!(counts(&report)["Step/pure"].0, pure, "Step/pure lifts every Step_pure step");
}

/// Counting is off unless a coverage run turns it on: decoding and running count nothing.
#[test]
fn counting_is_off_by_default() {
    use lockstep::coverage::counts;
    assert!(!counts::on());
    let module = lockstep::binary::decode(b"\0asm\x01\0\0\0", lockstep::Spec::V3).unwrap();
    lockstep::valid::validate(&module, lockstep::Spec::V3).unwrap();
    assert!(!counts::on(), "decoding and validating leave counting off");
    counts::hit(lockstep::rules::STEP_PURE__NOP);
    let (applied, refused) = counts::stop();
    assert!(applied.iter().chain(&refused).all(|&n| n == 0));
    counts::start();
    assert!(counts::on());
    counts::hit(lockstep::rules::STEP_PURE__NOP);
    let (applied, _) = counts::stop();
    assert_eq!(applied[lockstep::rules::STEP_PURE__NOP.index() as usize], 1);
    assert!(!counts::on());
}

/// A browser to render the page: `$LOCKSTEP_CHROMIUM`, or Chromium on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LOCKSTEP_CHROMIUM") {
        return Some(path.into());
    }
    let path = std::env::var_os("PATH")?;
    let names = ["chromium", "chromium-browser", "google-chrome", "headless_shell"];
    std::env::split_paths(&path).flat_map(|d| names.map(|n| d.join(n))).find(|p| p.is_file())
}

/// The DOM of the page after its script ran, at the given fragment.
fn render(browser: &Path, page: &Path, fragment: &str, profile: &Path) -> String {
    let url = format!("file://{}#{fragment}", page.display());
    // The DOM goes to a file: a pipe left unread while waiting would fill and stall it.
    let out = profile.with_extension("dom.html");
    let mut child = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(&url)
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("the browser starts");
    // A guard against a browser that never returns, not a timed assertion.
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(300) {
            child.kill().unwrap();
            panic!("{} did not render {url} in 300 s", browser.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let dom = std::fs::read_to_string(&out).expect("UTF-8 DOM");
    assert!(dom.contains("data-ready=\"1\""), "the page's script did not finish at {url}:\n{dom}");
    dom
}

/// A row of a rendered table: its chapter, rule id, the counts shown, and whether hidden.
#[derive(Debug, PartialEq)]
struct Row {
    chapter: String,
    id: String,
    applied: u64,
    refused: u64,
    hidden: bool,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The rows of every table, in the order shown.
fn rows(dom: &str) -> Vec<Row> {
    let mut out = Vec::new();
    for table in dom.split("<table ").skip(1) {
        let chapter = attr(&format!(" {table}"), "data-chapter").expect("a chapter").to_string();
        let table = &table[..table.find("</table>").expect("a table ends")];
        for tr in table.split("<tr ").skip(1) {
            let tag = format!(" {}", &tr[..tr.find('>').unwrap()]);
            let Some(id) = attr(&tag, "data-id") else { continue };
            let cells: Vec<u64> = tr
                .split("<td class=\"n\">")
                .skip(1)
                .map(|c| c[..c.find('<').unwrap()].parse().expect("a count"))
                .collect();
            assert_eq!(cells.len(), 2, "{tr}");
            out.push(Row {
                chapter: chapter.clone(),
                id: id.to_string(),
                applied: cells[0],
                refused: cells[1],
                hidden: tag.contains(" hidden"),
            });
        }
    }
    out
}

/// The page, rendered by Chromium: every rule of the JSON report in its chapter's table with
/// the same counts, the chapters' totals; sorting by a column and filtering by text and by
/// whether a rule applied. Skipped without a browser unless `LOCKSTEP_REQUIRE_BROWSER` is set
/// (CI sets it).
#[test]
fn html_page_renders_the_counts_in_a_browser() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("LOCKSTEP_REQUIRE_BROWSER").is_none(),
            "LOCKSTEP_REQUIRE_BROWSER is set and no Chromium was found (set LOCKSTEP_CHROMIUM)"
        );
        eprintln!("SKIPPED: no Chromium on the PATH (LOCKSTEP_CHROMIUM names one)");
        return;
    };
    let dir = temp_dir("html");
    let page = dir.join("coverage.html");
    let json = lockstep(&["coverage", "testsuite", "--json", "--html", page.to_str().unwrap()]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let expected: Vec<Row> = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| Row {
            chapter: r["chapter"].as_str().unwrap().to_string(),
            id: r["id"].as_str().unwrap().to_string(),
            applied: r["applied"].as_u64().unwrap(),
            refused: r["refused"].as_u64().unwrap(),
            hidden: false,
        })
        .collect();
    let profile = dir.join("profile");

    let dom = render(&browser, &page, "", &profile);
    assert_eq!(rows(&dom), expected, "the rendered tables are the JSON report's rules and counts");
    for ch in report["chapters"].as_array().unwrap() {
        let span = format!(
            "data-exercised=\"{}\" data-rules=\"{}\">{} of {} rules ({}%)",
            ch["exercised"], ch["rules"], ch["exercised"], ch["rules"], ch["percent"]
        );
        assert!(dom.contains(&span), "chapter {}: no `{span}`", ch["chapter"]);
    }
    assert!(
        dom.contains("href=\"https://webassembly.github.io/spec/core/exec/instructions.html#exec-br-if\"")
    );

    // Sorting by applied, descending: every table's rows in that order, all rows kept.
    let sorted = rows(&render(&browser, &page, "sort=applied:desc", &profile));
    assert_eq!(sorted.len(), expected.len());
    for pair in sorted.windows(2).filter(|w| w[0].chapter == w[1].chapter) {
        assert!(pair[0].applied >= pair[1].applied, "{pair:?}");
    }
    assert!(sorted.iter().any(|r| r.applied > 0) && sorted[0].applied > 0);
    // By id, ascending.
    let by_id = rows(&render(&browser, &page, "sort=id", &profile));
    for pair in by_id.windows(2).filter(|w| w[0].chapter == w[1].chapter) {
        assert!(pair[0].id <= pair[1].id, "{pair:?}");
    }

    // Filtering: by text (rule, kind or section), and to the rules never applied.
    let filtered = rows(&render(&browser, &page, "filter=br_if", &profile));
    let sections: BTreeMap<&str, &str> = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["section"].as_str().unwrap_or("")))
        .collect();
    for row in &filtered {
        let kind = lockstep::rules::Rule::lookup(&row.id).unwrap().info().kind;
        let text = format!("{} {} {}", row.id, kind, sections[row.id.as_str()]).to_lowercase();
        assert_eq!(row.hidden, !text.contains("br_if"), "{row:?}");
    }
    assert!(filtered.iter().any(|r| !r.hidden && r.id == "Step_pure/br_if-true"));
    let never = rows(&render(&browser, &page, "only=never", &profile));
    for row in &never {
        assert_eq!(row.hidden, row.applied + row.refused > 0, "{row:?}");
    }
    assert!(never.iter().any(|r| !r.hidden) && never.iter().any(|r| r.hidden));
}

/// `--corpus`: a module binary is run with zero arguments, another file as the case of the
/// `differential` target it stands for; a folder that cannot be read is a usage error.
#[test]
fn corpus_files_are_run() {
    let dir = temp_dir("corpus");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    let wat = r#"(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))"#;
    std::fs::write(corpus.join("add.wasm"), lockstep::lockstep::case::assemble(wat).unwrap()).unwrap();
    let case: Vec<u8> = (0..1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(corpus.join("sub/case"), case).unwrap();
    let out = lockstep(&["coverage", "--corpus", corpus.to_str().unwrap(), "--json"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["sources"]["scripts"], 0, "a corpus alone runs no scripts");
    assert_eq!(report["sources"]["corpus_files"], 2);
    assert!(report["sources"]["corpus_modules"].as_u64().unwrap() >= 1, "{}", report["sources"]);
    assert!(counts(&report)["Step_pure/binop-val"].0 >= 1);
    assert!(counts(&report)["op-iadd"].0 >= 1);

    let status = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .args(["coverage", "--corpus", dir.join("missing").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(2), "{}", String::from_utf8_lossy(&status.stderr));
}
