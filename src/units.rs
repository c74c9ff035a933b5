//! Byte counts as people read them, the same in the CLI's summaries and
//! in the reader: `812 B`, `40.3 KB`, `1.2 GB` (powers of 1000, as disks
//! and networks count).

/// `bytes` in B, KB, MB, GB or TB, one decimal past bytes.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn each_size_in_its_unit() {
        assert_eq!(size(812), "812 B");
        assert_eq!(size(40_300), "40.3 KB");
        assert_eq!(size(999_960), "1.0 MB", "never 1000.0 KB");
        assert_eq!(size(3_700_000_000), "3.7 GB");
        assert_eq!(size(5_000_000_000_000_000), "5000.0 TB");
    }
}
