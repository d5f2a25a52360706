//! Zeroed bytes that cost nothing until touched: an anonymous mapping, committed by the
//! kernel page by page as it is first written, and grown by remapping. A memory of 65,536
//! pages that a program touches once takes one page of RAM, and a memory the host cannot map
//! is an error, not an abort.

use std::io;

/// `len` zeroed bytes, read-write, mapped lazily.
pub struct Pages {
    ptr: *mut u8,
    len: usize,
}

impl Pages {
    pub fn new(len: usize) -> io::Result<Pages> {
        let mut pages = Pages { ptr: std::ptr::NonNull::dangling().as_ptr(), len: 0 };
        pages.grow(len)?;
        Ok(pages)
    }

    /// Grow to `len` bytes; the new ones read zero. The bytes may move.
    pub fn grow(&mut self, len: usize) -> io::Result<()> {
        if len <= self.len {
            return Ok(());
        }
        let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE;
        let rw = libc::PROT_READ | libc::PROT_WRITE;
        // SAFETY: a fresh anonymous mapping touches no existing memory; remapping moves only
        // the mapping this value owns, which nothing borrows while `&mut self` is held.
        let ptr = unsafe {
            if self.len == 0 {
                libc::mmap(std::ptr::null_mut(), len, rw, flags, -1, 0)
            } else {
                libc::mremap(self.ptr.cast(), self.len, len, libc::MREMAP_MAYMOVE)
            }
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        self.ptr = ptr.cast();
        self.len = len;
        Ok(())
    }
}

impl std::ops::Deref for Pages {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // SAFETY: `len` bytes from `ptr` are mapped read-write and owned by this value (or
        // `len` is 0 and `ptr` dangling, which an empty slice allows).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for Pages {
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as above, and `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for Pages {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: the mapping is ours and nothing borrows it any more.
            unsafe { libc::munmap(self.ptr.cast(), self.len) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pages;

    #[test]
    fn pages_grow_zeroed_and_keep_their_bytes() {
        let mut p = Pages::new(0).unwrap();
        assert!(p.is_empty());
        p.grow(1 << 16).unwrap();
        p[7] = 42;
        p.grow(1 << 30).unwrap();
        assert_eq!(p.len(), 1 << 30);
        assert_eq!((p[7], p[(1 << 30) - 1]), (42, 0));
    }
}
