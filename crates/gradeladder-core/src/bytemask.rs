//! Byte scans sixteen bytes at a time (SSE2 on x86_64, a plain loop elsewhere, each tested against
//! the other): the reader's hot scans (needle candidates) and the whitespace check
//! behind [`crate::rich::RichText::plain`] find their candidates this way rather than byte by
//! byte. The crate's only `unsafe` is here: unaligned 16-byte loads.

/// Bytes per chunk.
pub const CHUNK: usize = 16;

/// Bit `i` set where `chunk[i] == byte`.
#[cfg(all(feature = "parse", target_arch = "x86_64"))]
#[inline]
pub fn eq_mask(chunk: &[u8; CHUNK], byte: u8) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    // SAFETY: SSE2 is part of every x86_64 processor; `chunk` is 16 readable bytes and the load
    // needs no alignment.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(byte as i8))) as u32
    }
}

/// Bit `i` set where `chunk[i] == byte`.
#[cfg(all(feature = "parse", not(target_arch = "x86_64")))]
#[inline]
pub fn eq_mask(chunk: &[u8; CHUNK], byte: u8) -> u32 {
    eq_mask_portable(chunk, byte)
}

/// [`eq_mask`] without processor-specific instructions (the browser build's; on x86_64 the
/// reference the SSE2 version is tested against).
#[cfg(all(feature = "parse", any(test, not(target_arch = "x86_64"))))]
fn eq_mask_portable(chunk: &[u8; CHUNK], byte: u8) -> u32 {
    chunk
        .iter()
        .enumerate()
        .fold(0, |mask, (i, &b)| mask | (u32::from(b == byte) << i))
}

/// For a chunk of text: whether it holds control whitespace (or, when `unicode`, a non-ASCII
/// byte), and a mask of its spaces.
#[cfg(target_arch = "x86_64")]
pub fn irregular_space_flags(chunk: &[u8; CHUNK], unicode: bool) -> (bool, u32) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_set1_epi8,
        _mm_sub_epi8,
    };
    // SAFETY: SSE2 is part of every x86_64 processor; `chunk` is 16 readable bytes and the load
    // needs no alignment.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        let spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8))) as u32;
        // `\t`, `\n`, vertical tab, form feed and `\r` are the bytes 9 to 13: below 9 wraps round.
        let from_tab = _mm_sub_epi8(v, _mm_set1_epi8(b'\t' as i8));
        let control = _mm_cmpeq_epi8(_mm_min_epu8(from_tab, _mm_set1_epi8(4)), from_tab);
        let non_ascii = if unicode { _mm_movemask_epi8(v) } else { 0 };
        ((_mm_movemask_epi8(control) | non_ascii) != 0, spaces)
    }
}

/// For a chunk of text: whether it holds control whitespace (or, when `unicode`, a non-ASCII
/// byte), and a mask of its spaces.
#[cfg(not(target_arch = "x86_64"))]
pub fn irregular_space_flags(chunk: &[u8; CHUNK], unicode: bool) -> (bool, u32) {
    irregular_space_flags_portable(chunk, unicode)
}

/// [`irregular_space_flags`] without processor-specific instructions (the browser build uses it;
/// on x86_64 it is the reference the SSE2 version is tested against). Branch-free, so the compiler
/// can compare it as one vector.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn irregular_space_flags_portable(chunk: &[u8; CHUNK], unicode: bool) -> (bool, u32) {
    let mut odd = false;
    let mut spaces: u32 = 0;
    for (i, &b) in chunk.iter().enumerate() {
        // `\t`, `\n`, vertical tab, form feed and `\r` are the bytes 9 to 13.
        odd |= (b.wrapping_sub(b'\t') < 5) | (unicode & (b >= 0x80));
        spaces |= u32::from(b == b' ') << i;
    }
    (odd, spaces)
}

/// Calls `found` with the index of every byte of `bytes` that is `a` or `b`, in order, until it
/// returns true; returns that index.
#[cfg(feature = "parse")]
#[inline]
pub fn find_either(
    bytes: &[u8],
    a: u8,
    b: u8,
    mut found: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(CHUNK);
    let mut base = 0;
    for chunk in &mut chunks {
        let chunk: &[u8; CHUNK] = chunk.try_into().expect("exact chunk");
        let mut mask = eq_mask(chunk, a) | eq_mask(chunk, b);
        while mask != 0 {
            let at = base + mask.trailing_zeros() as usize;
            if found(at) {
                return Some(at);
            }
            mask &= mask - 1;
        }
        base += CHUNK;
    }
    chunks
        .remainder()
        .iter()
        .enumerate()
        .filter(|&(_, &byte)| byte == a || byte == b)
        .map(|(i, _)| base + i)
        .find(|&at| found(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_space_flags_agree_with_the_portable_reading_for_every_byte_value() {
        for value in 0..=255u8 {
            for at in 0..16 {
                let mut chunk = *b"a b  c\td\x7fefghijk";
                chunk[at] = value;
                for unicode in [false, true] {
                    assert_eq!(
                        irregular_space_flags(&chunk, unicode),
                        irregular_space_flags_portable(&chunk, unicode),
                        "{chunk:?} {unicode}"
                    );
                }
            }
        }
    }

    #[cfg(feature = "parse")]
    #[test]
    fn every_matching_byte_is_reported_in_order_across_chunk_edges() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| [b'a', b'X', b'x', b'.'][i % 4]).collect();
            let mut seen = Vec::new();
            let stop = find_either(&bytes, b'x', b'X', |at| {
                seen.push(at);
                false
            });
            let expected: Vec<usize> = (0..len).filter(|i| matches!(i % 4, 1 | 2)).collect();
            assert_eq!(seen, expected, "{len}");
            assert_eq!(stop, None);
        }
    }

    #[cfg(feature = "parse")]
    #[test]
    fn masks_agree_with_the_portable_reading_for_every_byte_value() {
        let mut chunk = *b"0123456789abcdef";
        for value in 0..=255u8 {
            chunk[value as usize % CHUNK] = value;
            for byte in [value, b'\n', 0x80, 0xff] {
                assert_eq!(eq_mask(&chunk, byte), eq_mask_portable(&chunk, byte));
            }
        }
    }

    #[cfg(feature = "parse")]
    #[test]
    fn the_search_stops_at_the_first_accepted_index() {
        let bytes = b"..x....x.......x...................x";
        assert_eq!(find_either(bytes, b'x', b'x', |at| at > 10), Some(15));
        assert_eq!(find_either(bytes, b'x', b'x', |at| at > 30), Some(35));
    }
}
