//! 5.2 Values: integers (LEB128), floats, lists, names, indices.

use super::{Reader, Result};
use crate::rules;
use crate::syntax::{F32, F64};

impl<'a> Reader<'a> {
    /// binary-uint: `uN(N)`, an unsigned LEB128 number of at most `ceil(N/7)` bytes whose
    /// unused bits in the last byte are zero.
    #[inline]
    pub(super) fn uint(&mut self, n: u32) -> Result<u64> {
        // Most numbers are one byte, which for `N >= 7` is the number whatever it holds.
        if let Some(&b) = self.bytes.get(self.pos)
            && b < 0x80
            && n >= 7
        {
            self.pos += 1;
            return Ok(u64::from(b));
        }
        self.uint_bytes(n)
    }

    /// [`Reader::uint`] byte by byte.
    fn uint_bytes(&mut self, n: u32) -> Result<u64> {
        let (mut result, mut shift, mut left) = (0u64, 0, n as i32);
        loop {
            if left <= 0 {
                return self.error(self.pos, "integer representation too long", rules::BINARY_UINT);
            }
            let b = self.byte()?;
            if left < 7 && u32::from(b & 0x7f) >= 1 << left {
                return self.error(self.pos - 1, "integer too large", rules::BINARY_UINT);
            }
            result |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(result);
            }
            shift += 7;
            left -= 7;
        }
    }

    /// binary-sint: `sN(N)`, a signed LEB128 number of at most `ceil(N/7)` bytes whose unused
    /// bits in the last byte all equal its sign bit.
    #[inline]
    pub(super) fn sint(&mut self, n: u32) -> Result<i64> {
        // One byte, for `N >= 7`: its seven bits, sign-extended.
        if let Some(&b) = self.bytes.get(self.pos)
            && b < 0x80
            && n >= 7
        {
            self.pos += 1;
            return Ok(i64::from(((b << 1) as i8) >> 1));
        }
        self.sint_bytes(n)
    }

    /// [`Reader::sint`] byte by byte.
    fn sint_bytes(&mut self, n: u32) -> Result<i64> {
        let (mut result, mut shift, mut left) = (0i64, 0, n as i32);
        loop {
            if left <= 0 {
                return self.error(self.pos, "integer representation too long", rules::BINARY_SINT);
            }
            let b = self.byte()?;
            if left < 7 {
                // The bits from the sign bit of an `N`-bit number up: all zero or all one.
                let mask = (0x7f << (left - 1)) as u8 & 0x7f;
                if b & mask != 0 && b & mask != mask {
                    return self.error(self.pos - 1, "integer too large", rules::BINARY_SINT);
                }
            }
            result |= i64::from(b & 0x7f) << shift;
            shift += 7;
            left -= 7;
            if b & 0x80 == 0 {
                if b & 0x40 != 0 && shift < 64 {
                    result |= -1 << shift;
                }
                return Ok(result);
            }
        }
    }

    /// binary-uint: `u32`.
    pub(super) fn u32(&mut self) -> Result<u32> {
        Ok(self.uint(32)? as u32)
    }

    /// binary-uint: `u64`.
    pub(super) fn u64(&mut self) -> Result<u64> {
        self.uint(64)
    }

    /// binary-int: `i32`, read as `s32` and kept as the unsigned `i32` of the syntax.
    pub(super) fn i32(&mut self) -> Result<u32> {
        Ok(self.sint(32)? as i32 as u32)
    }

    /// binary-int: `i64`, read as `s64`.
    pub(super) fn i64(&mut self) -> Result<u64> {
        Ok(self.sint(64)? as u64)
    }

    /// binary-sint: `s33`, the type indices of block types and heap types.
    pub(super) fn s33(&mut self) -> Result<i64> {
        self.sint(33)
    }

    /// binary-float: `f32`, its bits in little-endian order.
    pub(super) fn f32(&mut self) -> Result<F32> {
        self.ctx = rules::BINARY_FLOAT;
        Ok(F32(u32::from_le_bytes(self.array()?)))
    }

    /// binary-float: `f64`.
    pub(super) fn f64(&mut self) -> Result<F64> {
        self.ctx = rules::BINARY_FLOAT;
        Ok(F64(u64::from_le_bytes(self.array()?)))
    }

    /// The length of a list or a byte string, or a size: a `u32` no larger than the bytes
    /// left from where it starts (each element takes at least one byte), so that nothing is
    /// allocated by a count the input merely declares.
    pub(super) fn len(&mut self) -> Result<usize> {
        let at = self.pos;
        let n = self.u32()? as usize;
        if n > self.bytes.len() - at {
            return self.error(at, "length out of bounds", rules::BINARY_LIST);
        }
        Ok(n)
    }

    /// binary-list: `list(X) ::= n:u32 X^n`. `n` is at most the bytes left, but an element
    /// may take many times its bytes in memory: only the first few are allocated up front.
    pub(super) fn list<T>(&mut self, mut x: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let n = self.len()?;
        let mut v = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            v.push(x(self)?);
        }
        Ok(v)
    }

    /// binary-list of bytes: a byte string, as data segments and custom sections hold them.
    pub(super) fn byte_list(&mut self) -> Result<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }

    /// binary-name: a byte string that is the UTF-8 encoding (binary-utf8) of the name.
    pub(super) fn name(&mut self) -> Result<String> {
        let at = self.pos;
        let bytes = self.byte_list()?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => self.error(at, "malformed UTF-8 encoding", rules::BINARY_UTF8),
        }
    }

    /// binary-index: every index space is indexed by a `u32`.
    pub(super) fn idx(&mut self) -> Result<u32> {
        self.u32()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    fn reader(bytes: &[u8]) -> Reader<'_> {
        let mut r = Reader::new(bytes, Spec::V3);
        r.in_section = true;
        r
    }

    /// The value, or the error message, and the bytes consumed.
    fn run<'a, T>(
        bytes: &'a [u8],
        f: impl FnOnce(&mut Reader<'a>) -> Result<T>,
    ) -> (Result<T, String>, usize) {
        let mut r = reader(bytes);
        let v = f(&mut r).map_err(|e| format!("{} @{}", e.message, e.offset));
        (v, r.pos)
    }

    #[test]
    fn u32_edges() {
        assert_eq!(run(&[0x00], Reader::u32), (Ok(0), 1));
        assert_eq!(run(&[0x7f], Reader::u32), (Ok(127), 1));
        assert_eq!(run(&[0x80, 0x01], Reader::u32), (Ok(128), 2));
        // Padded zero: redundant continuation bytes are allowed up to the maximum length.
        assert_eq!(run(&[0x80, 0x80, 0x80, 0x80, 0x00], Reader::u32), (Ok(0), 5));
        assert_eq!(run(&[0xff, 0xff, 0xff, 0xff, 0x0f], Reader::u32), (Ok(u32::MAX), 5));
        // Unused bits set in the fifth byte.
        assert_eq!(run(&[0xff, 0xff, 0xff, 0xff, 0x1f], Reader::u32).0, Err("integer too large @4".into()));
        assert_eq!(run(&[0x80, 0x80, 0x80, 0x80, 0x70], Reader::u32).0, Err("integer too large @4".into()));
        // A sixth byte.
        assert_eq!(
            run(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00], Reader::u32).0,
            Err("integer representation too long @5".into())
        );
        assert_eq!(run(&[0x80, 0x80], Reader::u32).0, Err("unexpected end of section or function @2".into()));
        assert_eq!(run(&[], Reader::u32).0, Err("unexpected end of section or function @0".into()));
    }

    #[test]
    fn u64_edges() {
        let max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        assert_eq!(run(&max, Reader::u64), (Ok(u64::MAX), 10));
        let mut big = max;
        big[9] = 0x02;
        assert_eq!(run(&big, Reader::u64).0, Err("integer too large @9".into()));
        let long = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00];
        assert_eq!(run(&long, Reader::u64).0, Err("integer representation too long @10".into()));
    }

    #[test]
    fn s32_edges() {
        assert_eq!(run(&[0x7f], Reader::i32), (Ok(u32::MAX), 1));
        assert_eq!(run(&[0x40], Reader::i32), (Ok(-64i32 as u32), 1));
        assert_eq!(run(&[0x3f], Reader::i32), (Ok(63), 1));
        assert_eq!(run(&[0xff, 0xff, 0xff, 0xff, 0x07], Reader::i32), (Ok(i32::MAX as u32), 5));
        assert_eq!(run(&[0x80, 0x80, 0x80, 0x80, 0x78], Reader::i32), (Ok(i32::MIN as u32), 5));
        assert_eq!(run(&[0xff, 0xff, 0xff, 0xff, 0x7f], Reader::i32), (Ok(u32::MAX), 5));
        // Unused bits that differ from the sign bit.
        assert_eq!(run(&[0xff, 0xff, 0xff, 0xff, 0x0f], Reader::i32).0, Err("integer too large @4".into()));
        assert_eq!(run(&[0x80, 0x80, 0x80, 0x80, 0x70], Reader::i32).0, Err("integer too large @4".into()));
        assert_eq!(
            run(&[0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], Reader::i32).0,
            Err("integer representation too long @5".into())
        );
        assert_eq!(
            run(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00], Reader::i32).0,
            Err("integer representation too long @5".into())
        );
    }

    #[test]
    fn s33_edges() {
        // The largest type index and the most negative s33.
        assert_eq!(run(&[0xff, 0xff, 0xff, 0xff, 0x0f], Reader::s33), (Ok(u32::MAX as i64), 5));
        assert_eq!(run(&[0x80, 0x80, 0x80, 0x80, 0x70], Reader::s33), (Ok(-(1 << 32)), 5));
        assert_eq!(run(&[0xff, 0xff, 0xff, 0xff, 0x1f], Reader::s33).0, Err("integer too large @4".into()));
        assert_eq!(run(&[0x80, 0x80, 0x80, 0x80, 0x60], Reader::s33).0, Err("integer too large @4".into()));
        assert_eq!(run(&[0x40], Reader::s33), (Ok(-64), 1));
    }

    #[test]
    fn s64_edges() {
        let min = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f];
        assert_eq!(run(&min, Reader::i64), (Ok(i64::MIN as u64), 10));
        let max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
        assert_eq!(run(&max, Reader::i64), (Ok(i64::MAX as u64), 10));
        let mut bad = max;
        bad[9] = 0x01;
        assert_eq!(run(&bad, Reader::i64).0, Err("integer too large @9".into()));
        bad[9] = 0x7e;
        assert_eq!(run(&bad, Reader::i64).0, Err("integer too large @9".into()));
        let long = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
        assert_eq!(run(&long, Reader::i64).0, Err("integer representation too long @10".into()));
        let long = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00];
        assert_eq!(run(&long, Reader::i64).0, Err("integer representation too long @10".into()));
    }

    #[test]
    fn floats() {
        assert_eq!(run(&[0x00, 0x00, 0x80, 0x3f], Reader::f32), (Ok(F32::from_float(1.0)), 4));
        // A NaN keeps its payload.
        assert_eq!(run(&[0x01, 0x00, 0xa0, 0x7f], Reader::f32), (Ok(F32(0x7fa0_0001)), 4));
        let one = 1.0f64.to_le_bytes();
        assert_eq!(run(&one, Reader::f64), (Ok(F64::from_float(1.0)), 8));
        assert_eq!(run(&one[..7], Reader::f64).0, Err("unexpected end of section or function @7".into()));
    }

    #[test]
    fn names() {
        assert_eq!(run(b"\x03abc", Reader::name), (Ok("abc".into()), 4));
        assert_eq!(run("\x02é".as_bytes(), Reader::name), (Ok("é".into()), 3));
        let bad: [&[u8]; 6] = [
            b"\x01\x80",                 // a lone continuation byte
            b"\x02\xc0\x80",             // an overlong encoding of U+0000
            b"\x03\xed\xa0\x80",         // a surrogate, U+D800
            b"\x04\xf4\x90\x80\x80",     // beyond U+10FFFF
            b"\x01\xc2",                 // a truncated sequence
            b"\x05\xf8\x88\x80\x80\x80", // a five-byte form
        ];
        for b in bad {
            assert_eq!(run(b, Reader::name).0, Err("malformed UTF-8 encoding @0".into()), "{b:x?}");
        }
        assert_eq!(run(b"\x05abc", Reader::name).0, Err("length out of bounds @0".into()));
    }

    #[test]
    fn lists() {
        assert_eq!(run(&[0x02, 0x05, 0x06], |r| r.list(Reader::u32)), (Ok(vec![5, 6]), 3));
        // A huge declared count fails before anything is allocated for it.
        let huge = [0xff, 0xff, 0xff, 0xff, 0x0f, 0x00];
        assert_eq!(run(&huge, |r| r.list(Reader::u32)).0, Err("length out of bounds @0".into()));
        // The count may not exceed the bytes left, counted from the count itself.
        assert_eq!(
            run(&[0x02, 0x00], |r| r.list(Reader::u32)).0,
            Err("unexpected end of section or function @2".into())
        );
    }
}
