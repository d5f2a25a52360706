//! The name section (appendix, custom sections): names of the module, its functions and
//! their locals, for traces. Like any custom section it never makes a module malformed: what
//! cannot be read is ignored.

use super::{Reader, Result};
use crate::Spec;
use crate::syntax::Names;
use std::collections::BTreeMap;

/// binary-namesec: the subsections of a name section's data, in order of increasing id.
/// Each subsection that decodes is kept; the first that does not, or that comes out of order,
/// ends the section.
pub(super) fn decode(data: &[u8], names: &mut Names) {
    let mut r = Reader::new(data, Spec::V3);
    r.in_section = true;
    let mut last = None;
    while let Some(id) = r.peek() {
        if last.is_some_and(|l| l >= id) || subsection(&mut r, names).is_err() {
            return;
        }
        last = Some(id);
    }
}

/// binary-namesubsection: `N:byte size:u32` and `size` bytes of contents. Ids other than
/// module (0), function (1) and local names (2) name things the syntax keeps no names for.
fn subsection(r: &mut Reader, names: &mut Names) -> Result<()> {
    let id = r.byte()?;
    let mut s = Reader::new(r.byte_list()?, Spec::V3);
    s.in_section = true;
    match id {
        0 => names.module = Some(whole(&mut s, Reader::name)?),
        1 => names.funcs = whole(&mut s, namemap)?,
        2 => {
            names.locals =
                whole(&mut s, |s| Ok(s.list(|s| Ok((s.idx()?, namemap(s)?)))?.into_iter().collect()))?
        }
        _ => {}
    }
    Ok(())
}

/// `x` taking the whole of a subsection's contents.
fn whole<'a, T>(s: &mut Reader<'a>, x: impl FnOnce(&mut Reader<'a>) -> Result<T>) -> Result<T> {
    let v = x(s)?;
    if s.at_end() {
        Ok(v)
    } else {
        s.error(s.pos, "section size mismatch", crate::rules::BINARY_NAMESUBSECTION)
    }
}

/// binary-namemap: a list of index/name pairs.
fn namemap(s: &mut Reader) -> Result<BTreeMap<u32, String>> {
    Ok(s.list(|s| Ok((s.idx()?, s.name()?)))?.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(data: &[u8]) -> Names {
        let mut n = Names::default();
        decode(data, &mut n);
        n
    }

    #[test]
    fn module_function_and_local_names() {
        let n = names(b"\x00\x02\x01m\x01\x07\x02\x00\x01f\x03\x01g\x02\x06\x01\x00\x01\x01\x01x");
        assert_eq!(n.module.as_deref(), Some("m"));
        assert_eq!(n.funcs.into_iter().collect::<Vec<_>>(), [(0, "f".into()), (3, "g".into())]);
        assert_eq!(n.locals[&0][&1], "x");
    }

    #[test]
    fn what_cannot_be_read_is_ignored() {
        // A bad function name map after a good module name.
        let n = names(b"\x00\x02\x01m\x01\x04\x01\x00\x01\xff");
        assert_eq!((n.module.as_deref(), n.funcs.len()), (Some("m"), 0));
        // Out of order: the module name after function names.
        let n = names(b"\x01\x04\x01\x00\x01f\x00\x02\x01m");
        assert_eq!((n.module, n.funcs.len()), (None, 1));
        // Truncated, and trailing bytes in a subsection.
        assert_eq!(names(b"\x00\x05\x01m").module, None);
        assert_eq!(names(b"\x00\x03\x01m\x00").module, None);
        // Subsections for other index spaces are skipped.
        assert_eq!(names(b"\x04\x01\x00\x0b\x02\x00\x00").funcs.len(), 0);
    }
}
