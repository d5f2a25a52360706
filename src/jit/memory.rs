//! Memory the compiler's code lives and works in: executable code (never writable and
//! executable at once), linear memories behind guard pages, the stack wasm code runs on, and
//! the signal handler that turns an access into a guard page into the trap
//! `out of bounds memory access`.

use std::io;
use std::sync::Once;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

/// Map `len` bytes of address space with the given protection.
fn map(len: usize, prot: i32) -> io::Result<*mut u8> {
    // SAFETY: an anonymous private mapping at an address of the kernel's choice touches no
    // existing memory.
    let ptr = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            prot,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if ptr == libc::MAP_FAILED { Err(io::Error::last_os_error()) } else { Ok(ptr as *mut u8) }
}

fn protect(ptr: *mut u8, len: usize, prot: i32) -> io::Result<()> {
    // SAFETY: callers pass a page-aligned range inside a mapping they own.
    if unsafe { libc::mprotect(ptr as *mut libc::c_void, len, prot) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

const PAGE: usize = 4096;

fn round_up(n: usize, to: usize) -> usize {
    n.div_ceil(to) * to
}

/// Machine code, mapped read-write while it is copied in, then read-execute.
pub struct CodeMemory {
    ptr: *mut u8,
    len: usize,
    slot: Registered,
}

impl CodeMemory {
    pub fn new(code: &[u8]) -> io::Result<CodeMemory> {
        CodeMemory::written(code.len(), |out| out.copy_from_slice(code))
    }

    /// Code of `size` bytes that `write` lays out in the fresh mapping.
    pub fn written(size: usize, write: impl FnOnce(&mut [u8])) -> io::Result<CodeMemory> {
        let len = round_up(size.max(1), PAGE);
        let ptr = map(len, libc::PROT_READ | libc::PROT_WRITE)?;
        // SAFETY: the mapping is fresh, writable, ours alone, and at least `size` long.
        write(unsafe { std::slice::from_raw_parts_mut(ptr, size) });
        protect(ptr, len, libc::PROT_READ | libc::PROT_EXEC)?;
        let slot = register_code(ptr as usize, ptr as usize + len);
        Ok(CodeMemory { ptr, len, slot })
    }

    /// The address of the byte at `offset`.
    pub fn at(&self, offset: u32) -> *const u8 {
        debug_assert!((offset as usize) < self.len);
        self.ptr.wrapping_add(offset as usize)
    }
}

// SAFETY: after `new` the mapping is read-execute and never written: it can be shared and
// sent between threads like any immutable data.
unsafe impl Send for CodeMemory {}
unsafe impl Sync for CodeMemory {}

impl Drop for CodeMemory {
    fn drop(&mut self) {
        unregister_code(self.slot);
        // SAFETY: the mapping is ours and no code runs in it any more.
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.len) };
    }
}

/// What a linear memory's code reads: its base and its size in bytes. Instances that import
/// the memory share this record, so a `memory.grow` anywhere is seen everywhere.
#[repr(C)]
pub struct MemDesc {
    pub base: *mut u8,
    pub size: u64,
}

impl MemDesc {
    pub const BASE: i32 = super::runtime::offset(std::mem::offset_of!(MemDesc, base));
    pub const SIZE: i32 = super::runtime::offset(std::mem::offset_of!(MemDesc, size));
}

/// A 32-bit linear memory: 8 GiB of address space, the accessible pages read-write and the
/// rest a guard region, so that any `i32` address plus any `u32` offset either lies inside
/// the memory or faults. The base never moves; growing opens more pages. Where the host has
/// not the address space (a `ulimit -v`), a memory reserves only its maximum and is not
/// `guarded`: code that reaches it must check bounds.
pub struct LinearMemory {
    pub desc: Box<MemDesc>,
    reserved: usize,
    pub guarded: bool,
    slot: Registered,
}

/// Address space of a 32-bit memory: 4 GiB of addresses, 4 GiB of offsets, and a page for
/// the widest access beyond both.
const RESERVATION: usize = (8 << 30) + 65536;

impl LinearMemory {
    pub fn new(bytes: u64) -> io::Result<LinearMemory> {
        LinearMemory::reserve(bytes, RESERVATION, true)
    }

    /// A memory of `bytes` that grows to at most `max` bytes, without a guard region.
    pub fn unguarded(bytes: u64, max: u64) -> io::Result<LinearMemory> {
        let max = usize::try_from(max.max(bytes)).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
        LinearMemory::reserve(bytes, round_up(max.max(1), PAGE), false)
    }

    fn reserve(bytes: u64, reserved: usize, guarded: bool) -> io::Result<LinearMemory> {
        let base = map(reserved, libc::PROT_NONE)?;
        let slot = register_memory(base as usize, base as usize + reserved);
        let mut mem = LinearMemory { desc: Box::new(MemDesc { base, size: 0 }), reserved, guarded, slot };
        mem.grow(bytes)?;
        Ok(mem)
    }

    fn open(&self, from: u64, to: u64) -> io::Result<()> {
        if to > from {
            let start = self.desc.base.wrapping_add(from as usize);
            protect(start, (to - from) as usize, libc::PROT_READ | libc::PROT_WRITE)?;
        }
        Ok(())
    }

    /// Grow to `bytes` (a multiple of the page size, within the reservation): the new pages
    /// read zero.
    pub fn grow(&mut self, bytes: u64) -> io::Result<()> {
        if bytes > self.reserved as u64 {
            return Err(io::Error::from(io::ErrorKind::OutOfMemory));
        }
        self.open(self.desc.size, bytes)?;
        self.desc.size = bytes;
        Ok(())
    }

    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `size` bytes from `base` are mapped read-write and owned by this memory.
        unsafe { std::slice::from_raw_parts(self.desc.base, self.desc.size as usize) }
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as above, and `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.desc.base, self.desc.size as usize) }
    }
}

impl Drop for LinearMemory {
    fn drop(&mut self) {
        unregister_memory(self.slot);
        // SAFETY: the reservation is ours and no code refers to it any more.
        unsafe { libc::munmap(self.desc.base as *mut libc::c_void, self.reserved) };
    }
}

/// The stack wasm code runs on: a mapping with a guard page at each end. Code checks the
/// stack pointer against [`WasmStack::limit`] in every prologue, which leaves room below
/// for the runtime functions that compiled code calls; the high guard turns a read past the
/// arguments and results at the top into a fault wherever the mapping lands, not only where
/// nothing happens to be mapped above it.
pub struct WasmStack {
    ptr: *mut u8,
    len: usize,
}

/// Room kept below the limit for runtime functions and host functions called from wasm.
const RUNTIME_ROOM: usize = 256 << 10;

impl WasmStack {
    /// A stack of `len` bytes, or where the host will not map that much, of less: down to
    /// the runtime's room and a page of frames (deep calls then exhaust it sooner).
    pub fn new(len: usize) -> WasmStack {
        let least = round_up(RUNTIME_ROOM, PAGE) + 2 * PAGE;
        let mut len = round_up(len.max(least), PAGE);
        loop {
            if let Ok(ptr) = map(len + PAGE, libc::PROT_READ | libc::PROT_WRITE) {
                let high = ptr.wrapping_add(len);
                if protect(ptr, PAGE, libc::PROT_NONE).is_ok() && protect(high, PAGE, libc::PROT_NONE).is_ok()
                {
                    return WasmStack { ptr, len };
                }
                // SAFETY: the mapping was just made and nothing refers to it.
                unsafe { libc::munmap(ptr as *mut libc::c_void, len + PAGE) };
            }
            // A host that cannot map a few hundred KiB cannot run lockstep at all.
            assert!(len > least, "the host cannot map {least} bytes for the wasm stack");
            len = round_up(len / 2, PAGE).max(least);
        }
    }

    /// One past the highest byte, 16-byte aligned.
    pub fn top(&self) -> *mut u8 {
        self.ptr.wrapping_add(self.len)
    }

    /// The lowest stack pointer a wasm frame may reach.
    pub fn limit(&self) -> *mut u8 {
        self.ptr.wrapping_add(PAGE + RUNTIME_ROOM)
    }
}

impl Drop for WasmStack {
    fn drop(&mut self) {
        // SAFETY: the mapping (and the guard page above it) is ours and nothing runs on it
        // any more.
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.len + PAGE) };
    }
}

// ----- The signal handler -----
//
// A fault whose program counter lies in compiled code and whose address lies in a linear
// memory's reservation is an out-of-bounds access: the handler resumes at the landing pad
// that the code generator's runtime registered, which unwinds to the entry trampoline with
// that trap. Any other fault goes to the handler that was there before (Rust's, which reports
// a stack overflow) or to the default action. The handler reads only these tables, with
// atomic loads: nothing it does can block.

/// A set of address ranges that the handler reads without locking: chunks of slots, linked
/// from a head and never freed (a removed range's slot is reused), so that any number of
/// modules and memories can be live at once.
struct Ranges {
    head: AtomicPtr<Chunk>,
}

const CHUNK: usize = 1024;

/// A range `[start, end)`; a free slot has `start` 0.
type Slot = (AtomicUsize, AtomicUsize);

struct Chunk {
    slots: [Slot; CHUNK],
    next: *const Chunk,
}

/// Where a range was recorded, to remove it.
#[derive(Copy, Clone)]
pub struct Registered(&'static Slot);

static CODE: Ranges = Ranges::new();
static MEMORIES: Ranges = Ranges::new();
static LANDING: AtomicUsize = AtomicUsize::new(0);
static INSTALL: Once = Once::new();
static mut PREVIOUS_SEGV: std::mem::MaybeUninit<libc::sigaction> = std::mem::MaybeUninit::uninit();
static mut PREVIOUS_BUS: std::mem::MaybeUninit<libc::sigaction> = std::mem::MaybeUninit::uninit();

impl Ranges {
    const fn new() -> Ranges {
        Ranges { head: AtomicPtr::new(std::ptr::null_mut()) }
    }

    fn slots(&self) -> impl Iterator<Item = &'static Slot> {
        let first = self.head.load(Ordering::Acquire) as *const Chunk;
        // SAFETY: chunks are leaked, so a pointer read from the list stays valid forever,
        // and a chunk is fully initialised before it is published.
        std::iter::successors(unsafe { first.as_ref() }, |c| unsafe { c.next.as_ref() })
            .flat_map(|c| c.slots.iter())
    }

    /// Record `[start, end)`: in a free slot, or in a new chunk put at the head.
    fn insert(&self, start: usize, end: usize) -> Registered {
        for slot in self.slots() {
            if slot.0.compare_exchange(0, start, Ordering::AcqRel, Ordering::Relaxed).is_ok() {
                slot.1.store(end, Ordering::Release);
                return Registered(slot);
            }
        }
        let chunk: &'static mut Chunk = Box::leak(Box::new(Chunk {
            slots: [const { (AtomicUsize::new(0), AtomicUsize::new(0)) }; CHUNK],
            next: std::ptr::null(),
        }));
        chunk.slots[0] = (AtomicUsize::new(start), AtomicUsize::new(end));
        let mut head = self.head.load(Ordering::Acquire);
        loop {
            chunk.next = head;
            match self.head.compare_exchange(head, chunk, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => return Registered(&chunk.slots[0]),
                Err(now) => head = now,
            }
        }
    }

    fn remove(&self, r: Registered) {
        r.0.1.store(0, Ordering::Release);
        r.0.0.store(0, Ordering::Release);
    }

    fn contains(&self, addr: usize) -> bool {
        self.slots().any(|(start, end)| {
            let start = start.load(Ordering::Acquire);
            start != 0 && start <= addr && addr < end.load(Ordering::Acquire)
        })
    }
}

fn register_code(start: usize, end: usize) -> Registered {
    CODE.insert(start, end)
}

fn unregister_code(r: Registered) {
    CODE.remove(r)
}

fn register_memory(start: usize, end: usize) -> Registered {
    MEMORIES.insert(start, end)
}

fn unregister_memory(r: Registered) {
    MEMORIES.remove(r)
}

/// Install the handler (once per process), resuming out-of-bounds accesses at `landing`.
pub fn install_handler(landing: *const u8) {
    LANDING.store(landing as usize, Ordering::Release);
    INSTALL.call_once(|| {
        // SAFETY: sigaction with a handler of the SA_SIGINFO signature; the previous actions
        // are saved before the handler can run (it runs only on faults in compiled code,
        // which does not exist before this returns).
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler as *const () as usize;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_NODEFER;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGSEGV, &action, (&raw mut PREVIOUS_SEGV).cast());
            libc::sigaction(libc::SIGBUS, &action, (&raw mut PREVIOUS_BUS).cast());
        }
    });
}

extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo and ucontext for an SA_SIGINFO handler.
    unsafe {
        let uc = context as *mut libc::ucontext_t;
        let pc = (*uc).uc_mcontext.gregs[libc::REG_RIP as usize] as usize;
        let addr = (*info).si_addr() as usize;
        let landing = LANDING.load(Ordering::Acquire);
        if landing != 0 && CODE.contains(pc) && MEMORIES.contains(addr) {
            // The landing pad finds the faulting instruction in rax.
            (*uc).uc_mcontext.gregs[libc::REG_RAX as usize] = pc as i64;
            (*uc).uc_mcontext.gregs[libc::REG_RIP as usize] = landing as i64;
            return;
        }
        let previous = if sig == libc::SIGSEGV {
            (&raw const PREVIOUS_SEGV).cast::<libc::sigaction>()
        } else {
            (&raw const PREVIOUS_BUS).cast::<libc::sigaction>()
        };
        let previous = &*previous;
        if previous.sa_sigaction == libc::SIG_DFL || previous.sa_sigaction == libc::SIG_IGN {
            // Let the fault happen again, to the default action.
            libc::signal(sig, libc::SIG_DFL);
        } else if previous.sa_flags & libc::SA_SIGINFO != 0 {
            let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                std::mem::transmute(previous.sa_sigaction);
            f(sig, info, context);
        } else {
            let f: extern "C" fn(libc::c_int) = std::mem::transmute(previous.sa_sigaction);
            f(sig);
        }
    }
}
