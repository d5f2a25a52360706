//! Edits of a module's binary that need no decoding of its code: dropping its custom
//! sections, dropping and renaming its exports (spec 5.5: a module is a sequence of sections,
//! each an id byte and a size; the export section is `vec(name exportdesc)`).

/// An unsigned LEB128 of at most 32 bits at `*pos`, advancing it.
fn leb(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value = 0u64;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return u32::try_from(value).ok();
        }
    }
    None
}

fn put_leb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The sections of a module: each its id and the range of its contents.
fn sections(wasm: &[u8]) -> Option<Vec<(u8, std::ops::Range<usize>)>> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return None;
    }
    let mut pos = 8;
    let mut out = Vec::new();
    while pos < wasm.len() {
        let id = wasm[pos];
        pos += 1;
        let size = leb(wasm, &mut pos)? as usize;
        let end = pos.checked_add(size).filter(|&e| e <= wasm.len())?;
        out.push((id, pos..end));
        pos = end;
    }
    Some(out)
}

/// The module with each section `edit` returns for it: the same contents, other contents,
/// or none.
fn rewrite(wasm: &[u8], mut edit: impl FnMut(u8, &[u8]) -> Option<Option<Vec<u8>>>) -> Option<Vec<u8>> {
    let mut out = wasm[..8].to_vec();
    for (id, range) in sections(wasm)? {
        let Some(contents) = edit(id, &wasm[range.clone()])? else { continue };
        out.push(id);
        put_leb(&mut out, contents.len() as u32);
        out.extend_from_slice(&contents);
    }
    Some(out)
}

/// The module without its custom sections (names, producers, ...).
pub fn without_custom_sections(wasm: &[u8]) -> Option<Vec<u8>> {
    rewrite(wasm, |id, contents| Some((id != 0).then(|| contents.to_vec())))
}

/// The module with the bytes `range` of one function body (a range within the code section,
/// as instruction offsets give it) replaced by `with`: the body's size and the section's
/// are written anew.
pub fn splice_code(wasm: &[u8], range: std::ops::Range<usize>, with: &[u8]) -> Option<Vec<u8>> {
    let mut done = false;
    let out = rewrite(wasm, |id, contents| {
        if id != 10 {
            return Some(Some(contents.to_vec()));
        }
        let base = contents.as_ptr() as usize - wasm.as_ptr() as usize;
        let mut pos = 0;
        let n = leb(contents, &mut pos)?;
        let mut out = Vec::new();
        put_leb(&mut out, n);
        for _ in 0..n {
            let size = leb(contents, &mut pos)? as usize;
            let body = contents.get(pos..pos.checked_add(size)?)?;
            let (from, to) = (base + pos, base + pos + size);
            let mut body = body.to_vec();
            if range.start >= from && range.end <= to && range.start <= range.end {
                body.splice(range.start - from..range.end - from, with.iter().copied());
                done = true;
            }
            put_leb(&mut out, body.len() as u32);
            out.extend_from_slice(&body);
            pos += size;
        }
        Some(Some(out))
    })?;
    done.then_some(out)
}

/// Where the contents of the code section start, if there is one.
pub fn code_start(wasm: &[u8]) -> Option<usize> {
    sections(wasm)?.into_iter().find(|(id, _)| *id == 10).map(|(_, r)| r.start)
}

/// An export: its name, the kind byte of its description, and the index.
pub type Export = (String, u8, u32);

/// The exports of a module, in order.
pub fn exports(wasm: &[u8]) -> Option<Vec<Export>> {
    let (_, range) = sections(wasm)?.into_iter().find(|(id, _)| *id == 7)?;
    let contents = &wasm[range];
    let mut pos = 0;
    let n = leb(contents, &mut pos)?;
    let mut out = Vec::new();
    for _ in 0..n {
        let len = leb(contents, &mut pos)? as usize;
        let name = std::str::from_utf8(contents.get(pos..pos.checked_add(len)?)?).ok()?.to_string();
        pos += len;
        let kind = *contents.get(pos)?;
        pos += 1;
        let index = leb(contents, &mut pos)?;
        out.push((name, kind, index));
    }
    Some(out)
}

/// The module with only the exports `keep` names a new name for (the same name keeps it).
pub fn with_exports(wasm: &[u8], keep: impl Fn(&str) -> Option<String>) -> Option<Vec<u8>> {
    let exports = exports(wasm).unwrap_or_default();
    rewrite(wasm, |id, contents| {
        if id != 7 {
            return Some(Some(contents.to_vec()));
        }
        let kept: Vec<(String, u8, u32)> =
            exports.iter().filter_map(|(n, k, i)| keep(n).map(|m| (m, *k, *i))).collect();
        let mut out = Vec::new();
        put_leb(&mut out, kept.len() as u32);
        for (name, kind, index) in kept {
            put_leb(&mut out, name.len() as u32);
            out.extend_from_slice(name.as_bytes());
            out.push(kind);
            put_leb(&mut out, index);
        }
        Some(Some(out))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lockstep::case::{assemble, front_end};

    #[test]
    fn code_spliced() {
        let wasm =
            assemble(r#"(module (func (export "f") (result i32) i32.const 1 i32.const 2 i32.add))"#).unwrap();
        let module = front_end(&wasm).unwrap();
        let offsets = &module.funcs[0].body.offsets;
        // `i32.const 2 i32.add` becomes nothing: the body returns 1.
        let edited = splice_code(&wasm, offsets[1] as usize..offsets[3] as usize, &[]).unwrap();
        let module = front_end(&edited).unwrap();
        assert_eq!(module.funcs[0].body.instrs.len(), 2);
    }

    #[test]
    fn exports_dropped_and_renamed() {
        let wasm = assemble(
            r#"(module (func $a (export "a") (result i32) i32.const 1)
                       (func $b (export "b") (result i32) i32.const 2)
                       (global (export "g") i32 (i32.const 3)))"#,
        )
        .unwrap();
        assert_eq!(
            exports(&wasm).unwrap(),
            [("a".to_string(), 0, 0), ("b".to_string(), 0, 1), ("g".to_string(), 3, 0)]
        );
        let edited = with_exports(&wasm, |n| (n == "b").then(|| "f".to_string())).unwrap();
        assert_eq!(exports(&edited).unwrap(), [("f".to_string(), 0, 1)]);
        front_end(&edited).unwrap();
        let stripped = without_custom_sections(&edited).unwrap();
        assert!(stripped.len() < edited.len(), "the name section is gone");
        front_end(&stripped).unwrap();
    }
}
