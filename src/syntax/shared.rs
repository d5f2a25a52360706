//! A data segment's `byte*`, held as a range of the binary it was decoded from where the
//! decoder was given that binary to share, else as a copy of its own. A module can have a
//! hundred thousand segments and megabytes of data: a copy of each, in fresh memory, was a
//! quarter of decoding such a module (its page faults, on this kind of machine, more than
//! the rules).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Bytes that read as a `[u8]`: `buf[start..start + len]`, where `buf` may be shared. The
/// range is in 32 bits, as a segment's length is: 16 bytes in all.
#[derive(Clone, Default)]
pub struct SharedBytes {
    buf: Arc<Vec<u8>>,
    start: u32,
    len: u32,
}

impl SharedBytes {
    /// `buf[start..start + len]`, without a copy where the range lies in the first 4 GiB.
    pub fn slice(buf: &Arc<Vec<u8>>, start: usize, len: usize) -> SharedBytes {
        assert!(start + len <= buf.len(), "a range of the buffer");
        match (u32::try_from(start), u32::try_from(len)) {
            (Ok(start), Ok(len)) if start.checked_add(len).is_some() => {
                SharedBytes { buf: buf.clone(), start, len }
            }
            _ => SharedBytes::from(&buf[start..start + len]),
        }
    }
}

impl From<&[u8]> for SharedBytes {
    /// A copy of `bytes`, held alone.
    fn from(bytes: &[u8]) -> SharedBytes {
        SharedBytes::from(bytes.to_vec())
    }
}

impl From<Vec<u8>> for SharedBytes {
    /// `bytes`, held alone: at most 4 GiB, as a segment's length is by the binary format.
    fn from(bytes: Vec<u8>) -> SharedBytes {
        let len = u32::try_from(bytes.len()).expect("a data segment's bytes, at most 4 GiB");
        SharedBytes { len, buf: Arc::new(bytes), start: 0 }
    }
}

impl<const N: usize> From<[u8; N]> for SharedBytes {
    fn from(bytes: [u8; N]) -> SharedBytes {
        SharedBytes::from(&bytes[..])
    }
}

impl Deref for SharedBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        let start = self.start as usize;
        &self.buf[start..start + self.len as usize]
    }
}

impl fmt::Debug for SharedBytes {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq for SharedBytes {
    fn eq(&self, other: &SharedBytes) -> bool {
        **self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_reads_as_its_range_and_shares_the_buffer() {
        let buf = Arc::new(b"abcdef".to_vec());
        let s = SharedBytes::slice(&buf, 2, 3);
        assert_eq!(&s[..], b"cde");
        assert_eq!(Arc::strong_count(&buf), 2);
        assert_eq!(s, SharedBytes::from(&b"cde"[..]));
        assert_eq!(format!("{s:?}"), "[99, 100, 101]");
        assert!(SharedBytes::default().is_empty());
    }
}
