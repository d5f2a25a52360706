//! `seed OUT DIR...`: every module that the .wast scripts under the DIRs define in binary or
//! text form (`module`, `module definition`, `assert_invalid`, `assert_malformed`,
//! `assert_unlinkable`, ...) and that `wast` can encode, written to OUT as `HASH.wasm`
//! (named by content, so that seeding twice writes each module once).
//!
//! `seed --random OUT`: 256 files of pseudo-random bytes, 512 to 4096 bytes long, the same
//! on every run (for the differential target, whose input is wasm-smith's choices).

use std::collections::HashSet;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, Wast, WastDirective};

fn wast_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            wast_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "wast") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, dirs)) = args.split_first() else {
        eprintln!("usage: seed OUT DIR...");
        std::process::exit(2);
    };
    if out == "--random" {
        let out = Path::new(dirs.first().map(String::as_str).unwrap_or("."));
        std::fs::create_dir_all(out).expect("creating the output folder");
        random(out);
        return;
    }
    let out = Path::new(out);
    std::fs::create_dir_all(out).expect("creating the output folder");
    let mut files = vec![];
    for dir in dirs {
        wast_files(Path::new(dir), &mut files);
    }
    let (mut written, mut skipped) = (HashSet::new(), 0);
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        let mut lexer = wast::lexer::Lexer::new(&text);
        lexer.allow_confusing_unicode(true);
        let Ok(buf) = ParseBuffer::new_with_lexer(lexer) else { continue };
        let Ok(wast) = parser::parse::<Wast>(&buf) else {
            eprintln!("seed: {} does not parse, skipped", f.display());
            continue;
        };
        for d in wast.directives {
            let bytes = match d {
                WastDirective::Module(m)
                | WastDirective::ModuleDefinition(m)
                | WastDirective::AssertMalformed { module: m, .. }
                | WastDirective::AssertInvalid { module: m, .. }
                | WastDirective::AssertInvalidCustom { module: m, .. }
                | WastDirective::AssertMalformedCustom { module: m, .. } => encode(m),
                WastDirective::AssertUnlinkable { module: mut m, .. } => m.encode().ok(),
                _ => continue,
            };
            let Some(bytes) = bytes else {
                skipped += 1;
                continue;
            };
            let mut h = DefaultHasher::new();
            bytes.hash(&mut h);
            let name = format!("{:016x}.wasm", h.finish());
            if written.insert(name.clone()) {
                std::fs::write(out.join(name), &bytes).expect("writing a module");
            }
        }
    }
    eprintln!(
        "seed: {} modules from {} scripts into {} ({skipped} not encodable: malformed text, components)",
        written.len(),
        files.len(),
        out.display()
    );
}

/// The binary of a module; `None` for a component or for text that does not parse (the
/// `assert_malformed` of a quoted module).
fn encode(mut m: QuoteWat) -> Option<Vec<u8>> {
    if matches!(m, QuoteWat::QuoteComponent(..)) {
        return None;
    }
    m.encode().ok().filter(|b| b.get(4..8) == Some(&[1, 0, 0, 0][..]))
}

/// The inputs of `--random`: xorshift from a fixed seed.
fn random(out: &Path) {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for i in 0..256usize {
        // The first byte picks the case's swarm configuration (src/lockstep/case/): every
        // one of them twice, at sizes from 512 to 4096 bytes.
        let mut bytes: Vec<u8> = (0..512 * (1 + i % 8))
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        bytes[0] = i as u8;
        std::fs::write(out.join(format!("random-{i:03}")), bytes).expect("writing an input");
    }
    eprintln!("seed: 256 inputs of random bytes into {}", out.display());
}
