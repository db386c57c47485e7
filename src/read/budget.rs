//! How much memory reading one workbook may take: the bound the workbook guards hold calamine to.
//!
//! calamine reads an xls or ods whole, and sizes some of what it builds from numbers the file states (a sheet's
//! dimensions, repeat counts, string lengths). A file that states more than it holds could ask for any amount. The
//! guards estimate, from the records themselves, what calamine would allocate, and a workbook that would take more
//! than [`allowed`] is refused as damaged. The bound is generous for real files: a whole sheet as large as the xls
//! format allows (65,536 rows by 256 columns) read and copied once, or 32 bytes of memory for each byte of data.

/// The allowance any file gets, however small: a full xls sheet of 16.8 million cells at 32 bytes each, twice (the
/// sheet and the copy handed over), plus room for the rest.
pub(crate) const FLOOR: u64 = 3 << 29;

/// The allowance for each byte of data read (the file, or for a zipped format the part as inflated).
pub(crate) const PER_BYTE: u64 = 32;

/// The most memory reading `bytes` of data may take.
pub(crate) fn allowed(bytes: u64) -> u64 {
    FLOOR.max(bytes.saturating_mul(PER_BYTE))
}

/// A number of bytes as a person reads it: `980 bytes`, `3 KB`, `1.5 GB` (powers of 1,000).
pub(crate) fn shown(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["KB", "MB", "GB", "TB", "PB"];
    if bytes < 1000 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.5 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if value < 9.95 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_says_them() {
        assert_eq!(shown(980), "980 bytes");
        assert_eq!(shown(3_072), "3.1 KB");
        assert_eq!(shown(16_181_760), "16 MB");
        assert_eq!(shown(137_438_953_472), "137 GB");
        assert_eq!(shown(999_999), "1.0 MB");
        assert_eq!(shown(u64::MAX), "18447 PB");
    }

    #[test]
    fn small_files_get_the_floor_and_large_ones_their_share() {
        assert_eq!(allowed(3_000), FLOOR);
        assert_eq!(allowed(1 << 30), 32 << 30);
        assert_eq!(allowed(u64::MAX), u64::MAX);
    }
}
