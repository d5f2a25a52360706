//! What the targets share: the two verdicts on a module, lockstep's (decode, then validate, as
//! Wasm 3.0) and wasmparser's (its validator, with the features of Wasm 3.0), and the
//! comparison of the two.

use wasmparser::{BinaryReader, FunctionBody, Validator, WasmFeatures};

/// Wasm 3.0 as lockstep implements it: wasmparser's `WASM3` (2.0, function references, GC,
/// exceptions, tail calls, extended constant expressions, multiple memories, 64-bit memories
/// and tables, relaxed SIMD) without threads, which wasmparser lists but 3.0 does not hold
/// (shared memories and atomics are a proposal of their own). The same set as
/// tests/binary_wasmparser.rs.
pub const FEATURES: WasmFeatures = WasmFeatures::WASM3.difference(WasmFeatures::THREADS);

/// lockstep's verdict: `Ok`, or `malformed: ...` / `invalid: ...`; `None` when it refused the
/// module as `unsupported: FEATURE` (no verdict, see lockstep::valid::Error::is_unsupported).
/// Decoding on two threads must give what one pass gives (the module, or the error), the
/// fused front end what decoding then validating gives, and the bodies the checker builds
/// what the decoder gives ([`built_as_decoded`]); a difference panics.
pub fn lockstep(bytes: &[u8]) -> Option<Result<(), String>> {
    let decoded = lockstep::binary::decode(bytes, lockstep::Spec::V3);
    let on_two = lockstep::binary::decode_on(bytes, lockstep::Spec::V3, 2);
    let (one, two) = (format!("{decoded:?}"), format!("{on_two:?}"));
    assert!(
        one == two,
        "decoding on two threads differs\n  one:  {one}\n  two:  {two}\n  module: {}",
        hex(bytes)
    );
    let verdict = match decoded {
        Ok(module) => lockstep::valid::validate(&module, lockstep::Spec::V3).map_err(|e| {
            let unsupported = e.is_unsupported();
            (format!("invalid: {e}"), unsupported)
        }),
        Err(e) => Err((format!("malformed: {e}"), false)),
    };
    // The fused front end (`lockstep validate`: bodies checked over their bytes where the
    // algorithm there knows them, decoded and checked otherwise) must say the same.
    let fused = lockstep::front::validate(bytes, lockstep::Spec::V3, 1).map_err(|e| match e {
        lockstep::front::Error::Malformed(e) => format!("malformed: {e}"),
        lockstep::front::Error::Invalid(e) => format!("invalid: {e}"),
    });
    let two_phases = verdict.clone().map_err(|(e, _)| e);
    assert!(
        fused == two_phases,
        "the fused front end differs\n  fused: {fused:?}\n  two phases: {two_phases:?}\n  module: {}",
        hex(bytes)
    );
    built_as_decoded(bytes);
    match verdict {
        Ok(()) => Some(Ok(())),
        Err((_, true)) => None,
        Err((e, false)) => Some(Err(e)),
    }
}

/// Each body that the algorithm over its bytes settles while building its instructions (what
/// `lockstep compile` asks, without their offsets) is one it settles without building, and
/// what it built is what the decoder decodes, offsets included where asked; a difference
/// panics.
fn built_as_decoded(bytes: &[u8]) {
    use lockstep::syntax::Expr;
    use lockstep::valid::bytes::{Compact, Stacks, func_ok, func_ok_building, func_ok_building_instrs};
    let Ok((m, code)) = lockstep::binary::decode_framed(bytes, lockstep::Spec::V3, 1) else { return };
    let _ = lockstep::valid::modules::module_ok_with(
        &m,
        lockstep::Spec::V3,
        |c, _| -> Result<(), lockstep::valid::Error> {
            let compact = Compact::new(c);
            let (mut stacks, mut built, mut bare, mut decoded) =
                (Stacks::default(), Expr::default(), Expr::default(), Expr::default());
            for (i, f) in m.funcs.iter().enumerate() {
                let Some(body) = code.expr_bytes(i) else { continue };
                let settled = func_ok(&mut stacks, &compact, f.ty, &f.locals, body);
                let building = func_ok_building(
                    &mut stacks,
                    &compact,
                    f.ty,
                    &f.locals,
                    body,
                    code.expr_offset(i),
                    &mut built,
                );
                let instrs_only =
                    func_ok_building_instrs(&mut stacks, &compact, f.ty, &f.locals, body, &mut bare);
                assert_eq!(
                    (settled, settled),
                    (building, instrs_only),
                    "function {i}: settled only one way\n  module: {}",
                    hex(bytes)
                );
                if settled.is_some() {
                    assert!(
                        code.expr(i, &mut decoded).is_ok(),
                        "function {i}: settled, but malformed\n  module: {}",
                        hex(bytes)
                    );
                    assert!(
                        built == decoded,
                        "function {i}: built {built:?}\n  decoded {decoded:?}\n  module: {}",
                        hex(bytes)
                    );
                    assert!(
                        bare.instrs == decoded.instrs && bare.offsets.is_empty(),
                        "function {i}: built without offsets {bare:?}\n  decoded {decoded:?}\n  module: {}",
                        hex(bytes)
                    );
                }
            }
            Ok(())
        },
    );
}

/// wasmparser's verdict, with [`FEATURES`].
pub fn wasmparser(bytes: &[u8]) -> Result<(), String> {
    Validator::new_with_features(FEATURES).validate_all(bytes).map(drop).map_err(|e| e.to_string())
}

/// Implementation limits, where one engine rejects a module that the spec holds valid
/// (spec appendix, Implementation Limitations): such a disagreement is no finding. Each
/// entry is the start of a message, lockstep's after its `malformed: `/`invalid: ` prefix.
///
/// lockstep's own:
const LOCKSTEP_LIMITS: &[&str] = &[
    // At most 50000 locals a function (wasmparser's number, counting declared locals only),
    // and for the whole module 50000 plus eight per byte (src/binary/modules.rs,
    // `locals_budget`): wasmparser has no module-wide bound, so two functions of 50000
    // locals each are valid there.
    "too many locals",
    // The depth of a subtype chain (63, the same as wasmparser's), and any other limit that
    // lockstep names so.
    "implementation limit",
];

/// wasmparser's (its src/limits.rs):
const WASMPARSER_LIMITS: &[&str] = &[
    // 50000 locals a function, parameters included (lockstep counts declared locals only).
    "too many locals: locals exceed maximum",
    // Counts read with a bound: more than 1000 parameters or results, 10000 struct fields,
    // 10000 catch clauses, ...: "function params size is out of bounds".
    " size is out of bounds",
    // Counts of definitions: more than 100 memories, 100000 element segments, ...:
    // "memories count exceeds limit of 100".
    " count exceeds limit of ",
    // More than 10^7 elements in a segment.
    "number of elements is out of bounds",
    // The size of a type (fields of fields...), and the number of types of a module or of a
    // recursion group.
    "effective type size exceeds the limit",
    "implementation limit",
    "sub type hierarchy too deep",
];

/// Whether a disagreement is one of the implementation limits above: one side accepted, and
/// the other rejected for one of its limits.
fn limit(ours: &Result<(), String>, theirs: &Result<(), String>) -> bool {
    match (ours, theirs) {
        (Ok(()), Err(e)) => WASMPARSER_LIMITS.iter().any(|l| e.contains(l)),
        (Err(e), Ok(())) => {
            let e = e.trim_start_matches("malformed: ").trim_start_matches("invalid: ");
            LOCKSTEP_LIMITS.iter().any(|l| e.starts_with(l))
        }
        _ => false,
    }
}

/// A local declaration of count zero (`n:u32 t:valtype` with `n = 0`): the spec's grammar
/// `Blocals` produces `(LOCAL t)^0`, nothing, so `t` never reaches validation, and the
/// official interpreter (`Lib.List32.make 0`) agrees; wasmparser validates `t` anyway. When
/// lockstep accepts and wasmparser rejects, wasmparser judges the module again without such
/// declarations: a module it then accepts is no finding.
fn zero_locals_only(ours: &Result<(), String>, bytes: &[u8]) -> bool {
    ours.is_ok() && without_zero_locals(bytes).is_some_and(|m| wasmparser(&m).is_ok())
}

/// `bytes` with every local declaration of count zero dropped from the code section; `None`
/// when there is none, or the sections do not parse.
fn without_zero_locals(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = bytes.get(..8)?.to_vec();
    let mut r = BinaryReader::new(bytes.get(8..)?, 8);
    let mut dropped = false;
    while !r.eof() {
        let id = r.read_u8().ok()?;
        let size = r.read_var_u32().ok()?;
        let start = r.original_position();
        let contents = r.read_bytes(size as usize).ok()?;
        let contents = match id {
            10 => code_without_zero_locals(contents, start, &mut dropped)?,
            _ => contents.to_vec(),
        };
        out.push(id);
        leb(&mut out, contents.len() as u32);
        out.extend(contents);
    }
    dropped.then_some(out)
}

/// The code section `contents` (at `offset` in the module) without local declarations of
/// count zero; sets `dropped` when it dropped one.
fn code_without_zero_locals(contents: &[u8], offset: u64, dropped: &mut bool) -> Option<Vec<u8>> {
    let mut r = BinaryReader::new(contents, offset);
    let count = r.read_var_u32().ok()?;
    let mut out = Vec::new();
    leb(&mut out, count);
    for _ in 0..count {
        let size = r.read_var_u32().ok()?;
        let at = r.original_position();
        let body = r.read_bytes(size as usize).ok()?;
        let func = FunctionBody::new(BinaryReader::new(body, at));
        let mut locals = func.get_locals_reader().ok()?;
        let mut kept = Vec::new();
        let mut n = 0;
        for _ in 0..locals.get_count() {
            let from = (locals.original_position() - at) as usize;
            let (count, _) = locals.read().ok()?;
            let to = (locals.original_position() - at) as usize;
            match count {
                0 => *dropped = true,
                _ => {
                    kept.extend_from_slice(&body[from..to]);
                    n += 1;
                }
            }
        }
        let code = (func.get_binary_reader_for_operators().ok()?.original_position() - at) as usize;
        let mut f = Vec::new();
        leb(&mut f, n);
        f.extend(kept);
        f.extend_from_slice(&body[code..]);
        leb(&mut out, f.len() as u32);
        out.extend(f);
    }
    r.eof().then_some(out)
}

fn leb(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            return out.push(byte);
        }
        out.push(byte | 0x80);
    }
}

/// Both verdicts on `bytes`; panics, with both messages, when one accepts and the other
/// rejects.
pub fn compare(bytes: &[u8]) {
    let Some(ours) = lockstep(bytes) else { return };
    let theirs = wasmparser(bytes);
    match (&ours, &theirs) {
        (Ok(()), Ok(())) | (Err(_), Err(_)) => {}
        _ if limit(&ours, &theirs) => {}
        _ if zero_locals_only(&ours, bytes) => {}
        _ => panic!(
            "lockstep and wasmparser disagree on {} bytes\n  lockstep:   {}\n  wasmparser: {}\n  module: {}",
            bytes.len(),
            verdict(&ours),
            verdict(&theirs),
            hex(bytes),
        ),
    }
}

fn verdict(v: &Result<(), String>) -> String {
    match v {
        Ok(()) => "valid".into(),
        Err(e) => e.clone(),
    }
}

/// The module in hex, up to a size a panic message can carry (the artifact holds all of it).
fn hex(bytes: &[u8]) -> String {
    let mut s: String = bytes.iter().take(512).map(|b| format!("{b:02x}")).collect();
    if bytes.len() > 512 {
        s.push_str("...");
    }
    s
}
