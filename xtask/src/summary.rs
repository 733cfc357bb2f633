//! Counting test results across several `cargo test` runs for the final summary line.

/// Passed and failed counts so far.
#[derive(Debug, Default)]
pub struct Tally {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
}

impl Tally {
    /// Adds the counts of a libtest result line (`test result: ok. 3 passed; 0 failed; …`).
    pub fn read_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split([';', '.']) {
            let mut words = part.split_whitespace();
            let (Some(number), Some(label)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u64>() else {
                continue;
            };
            match label {
                "passed" => self.passed += number,
                "failed" => self.failed += number,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_result_lines_are_summed() {
        let mut tally = Tally::default();
        tally.read_line("test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        tally.read_line("test result: FAILED. 2 passed; 1 failed; 0 ignored");
        tally.read_line("unrelated 9 passed");
        assert_eq!((tally.passed, tally.failed), (5, 1));
    }
}
