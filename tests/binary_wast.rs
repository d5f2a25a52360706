//! The decoder against the project's own tests of the binary format, testsuite/binary-*.wast:
//! every module decodes (validation and execution are the .wast runner's business), and every
//! malformed one fails with the expected message, at the byte a `;; error at byte N` comment
//! in the assertion names. A file whose name says `2.0` or `3.0` is for that version only.

use lockstep::Spec;
use lockstep::binary::decode;
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, Wast, WastDirective};

#[test]
fn binary_wast_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testsuite");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("testsuite/")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("binary-"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = vec![];
    for file in &files {
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let specs: &[Spec] = if name.contains("2.0") {
            &[Spec::V2]
        } else if name.contains("3.0") {
            &[Spec::V3]
        } else {
            &[Spec::V2, Spec::V3]
        };
        let text = std::fs::read_to_string(file).expect("readable");
        for &spec in specs {
            check(&name, &text, spec, &mut failures);
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check(name: &str, text: &str, spec: Spec, failures: &mut Vec<String>) {
    let buf = ParseBuffer::new(text).expect("lexes");
    let wast: Wast = parser::parse(&buf).expect("parses");
    let starts: Vec<usize> = wast.directives.iter().map(|d| d.span().offset()).collect();
    for (i, d) in wast.directives.into_iter().enumerate() {
        let chunk = &text[starts[i]..starts.get(i + 1).copied().unwrap_or(text.len())];
        let line = text[..starts[i]].lines().count() + 1;
        let at = format!("{name}:{line} (--spec {spec})");
        match d {
            WastDirective::Module(mut m) | WastDirective::ModuleDefinition(mut m) => {
                if let Err(e) = decode(&encode(&mut m), spec) {
                    failures.push(format!("{at}: {e}"));
                }
            }
            WastDirective::AssertInvalid { mut module, .. } => {
                if let Err(e) = decode(&encode(&mut module), spec) {
                    failures.push(format!("{at}: malformed, not invalid: {e}"));
                }
            }
            WastDirective::AssertMalformed {
                mut module,
                message,
                ..
            } => match decode(&encode(&mut module), spec) {
                Ok(_) => failures.push(format!("{at}: decoded, expected {message:?}")),
                Err(e) if !e.message.starts_with(message) => {
                    failures.push(format!("{at}: {e}, expected {message:?}"))
                }
                Err(e) => {
                    if let Some(offset) = expected_offset(chunk)
                        && offset != e.offset
                    {
                        failures.push(format!("{at}: {e}, expected at byte {offset}"));
                    }
                }
            },
            _ => {}
        }
    }
}

fn encode(m: &mut QuoteWat) -> Vec<u8> {
    m.encode().expect("the test's module encodes")
}

/// `N` of the first `error at byte N` in an assertion's text.
fn expected_offset(chunk: &str) -> Option<usize> {
    let rest = &chunk[chunk.find("error at byte ")? + "error at byte ".len()..];
    rest.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}
