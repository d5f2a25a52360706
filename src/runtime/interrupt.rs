//! Stopping a run from outside: a flag per thread that a watchdog thread raises when a
//! command's time is up (`wast --timeout`), and that both engines poll where they count
//! fuel (loop headers, function entries), when their configuration says to
//! ([`super::Config::interruptible`]). [`Timed`] gives an engine's every instantiation and
//! invocation a watchdog.

use super::{Addrs, Engine, Error, ExternVal, HostFunc, InstanceId, Ref, Val};
use crate::syntax::{FuncType, GlobalType, MemType, Module, TableType};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

thread_local! {
    /// Leaked once per thread, so that a watchdog and compiled code can hold its address.
    static FLAG: &'static AtomicBool = Box::leak(Box::new(AtomicBool::new(false)));
}

/// This thread's flag.
pub fn flag() -> &'static AtomicBool {
    FLAG.with(|f| *f)
}

/// Whether this thread's run has been told to stop.
#[inline]
pub fn raised() -> bool {
    flag().load(Ordering::Relaxed)
}

/// Raises this thread's flag after a time, unless dropped first; dropping it lowers the
/// flag again.
pub struct Watchdog {
    flag: &'static AtomicBool,
    cancel: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    pub fn start(timeout: Duration) -> Watchdog {
        let flag = flag();
        flag.store(false, Ordering::Relaxed);
        let cancel = Arc::new((Mutex::new(false), Condvar::new()));
        let theirs = cancel.clone();
        let thread = std::thread::spawn(move || {
            let (lock, cvar) = &*theirs;
            let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
            let (cancelled, _) =
                cvar.wait_timeout_while(guard, timeout, |c| !*c).unwrap_or_else(|e| e.into_inner());
            if !*cancelled {
                flag.store(true, Ordering::Relaxed);
            }
        });
        Watchdog { flag, cancel, thread: Some(thread) }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        let (lock, cvar) = &*self.cancel;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cvar.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.flag.store(false, Ordering::Relaxed);
    }
}

/// An engine whose every instantiation and invocation has `timeout` to finish, after which
/// it stops with `time limit exceeded` (the engine must be configured `interruptible`).
pub struct Timed {
    pub engine: Box<dyn Engine>,
    pub timeout: Duration,
}

impl Engine for Timed {
    fn name(&self) -> &'static str {
        self.engine.name()
    }

    fn instantiate(&mut self, module: &Rc<Module>, imports: &[ExternVal]) -> Result<InstanceId, Error> {
        let _dog = Watchdog::start(self.timeout);
        self.engine.instantiate(module, imports)
    }

    fn export(&self, instance: InstanceId, name: &str) -> Option<ExternVal> {
        self.engine.export(instance, name)
    }

    fn invoke(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error> {
        let _dog = Watchdog::start(self.timeout);
        self.engine.invoke(func, args)
    }

    fn global_read(&self, global: u32) -> Val {
        self.engine.global_read(global)
    }

    fn instance_addrs(&self, instance: InstanceId) -> Addrs {
        self.engine.instance_addrs(instance)
    }

    fn funcs_allocated(&self) -> u32 {
        self.engine.funcs_allocated()
    }

    fn mem_bytes(&self, mem: u32) -> &[u8] {
        self.engine.mem_bytes(mem)
    }

    fn table_refs(&self, table: u32) -> Vec<Ref> {
        self.engine.table_refs(table)
    }

    fn alloc_func(&mut self, ty: FuncType, code: HostFunc) -> ExternVal {
        self.engine.alloc_func(ty, code)
    }

    fn alloc_table(&mut self, ty: TableType, init: Ref) -> Result<ExternVal, Error> {
        self.engine.alloc_table(ty, init)
    }

    fn alloc_mem(&mut self, ty: MemType) -> Result<ExternVal, Error> {
        self.engine.alloc_mem(ty)
    }

    fn alloc_global(&mut self, ty: GlobalType, value: Val) -> ExternVal {
        self.engine.alloc_global(ty, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watchdog_raises_the_flag_in_time_and_lowers_it_when_dropped() {
        let dog = Watchdog::start(Duration::from_millis(10));
        let start = std::time::Instant::now();
        while !raised() {
            assert!(start.elapsed() < Duration::from_secs(10), "never raised");
            std::thread::yield_now();
        }
        drop(dog);
        assert!(!raised());
        drop(Watchdog::start(Duration::from_secs(3600)));
        assert!(!raised());
    }
}
