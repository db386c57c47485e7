//! Handing memory back to the system after a workbook is read.
//!
//! calamine keeps an xlsx's shared strings as one small allocation each: a national extract has 1.7 million of
//! them, close to 100 MB. When the workbook is closed glibc keeps those pages for reuse, but what follows (the
//! sort of the staff rows, the pay gaps) asks for large blocks that glibc maps afresh, so the peak would be both
//! together. `malloc_trim` returns the free pages first.

/// Returns freed heap memory to the system (glibc on Linux; elsewhere nothing to do).
///
/// ```
/// wres_wdes::read::give_back_memory();
/// ```
pub fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` takes no pointers; it only walks glibc's own free lists, under glibc's own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}
