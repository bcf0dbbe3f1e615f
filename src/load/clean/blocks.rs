//! Finding, a block of bytes at a time, the few characters of a text that cleaning
//! must look at: most Chinese text (ideographs, common punctuation, ASCII) is
//! recognised on its bytes with vector compares, and only the rest is decoded.

/// Bytes looked at together.
pub(super) const BLOCK: usize = 32;

/// Bytes that need no look: printable ASCII, newline, UTF-8 continuation bytes and
/// the lead bytes of U+4000–U+9FFF (CJK ideographs: nothing there is cleaned and none
/// of it is a combining mark). Any other byte starts a character to look at.
// x86_64 checks bytes with SSE2; the tests hold it to this definition.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn plain_byte(b: u8) -> bool {
    (b.wrapping_sub(0x20) < 0x5F)
        | (b == b'\n')
        | (b.wrapping_sub(0x80) < 0x40)
        | (b.wrapping_sub(0xE4) < 6)
}

/// One bit per byte of the block at `base` that is not plain (past the end counts as
/// plain). Two bytes past the block are looked at too, for the last characters.
pub(super) fn unplain_mask(bytes: &[u8], base: usize) -> u32 {
    let mut padded = [b' '; WINDOW];
    let window = match bytes.get(base..base + WINDOW) {
        Some(window) => window,
        None => {
            let tail = &bytes[base..];
            padded[..tail.len()].copy_from_slice(tail);
            &padded
        }
    };
    let half = |at: usize| unplain_mask16(window[at..at + 18].try_into().expect("18 bytes"));
    half(0) | (half(16) << 16)
}

/// A block and the two bytes after it.
const WINDOW: usize = BLOCK + 2;

/// Whether the byte `b0`, followed by `b1` and `b2`, needs no look: a [`plain_byte`],
/// or the lead of the common Chinese punctuation: U+3000–U+3029 and U+3030–U+303F
/// (、。《》「」…), U+2010–U+2027 (— “ ” …) and U+FF00–U+FF7F (，：；！？（）…).
#[cfg(any(test, not(target_arch = "x86_64")))]
pub(super) fn plain_at(b0: u8, b1: u8, b2: u8) -> bool {
    plain_byte(b0)
        || (b0 == 0xE3 && b1 == 0x80 && !(0xAA..=0xAF).contains(&b2))
        || (b0 == 0xE2 && b1 == 0x80 && (0x90..=0xA7).contains(&b2))
        || (b0 == 0xEF && (0xBC..=0xBD).contains(&b1))
}

/// [`unplain_mask`] for the first 16 of 18 bytes with SSE2 (part of every x86_64),
/// computing [`plain_at`] for all 16 at once. A range check is
/// `min(b - lo, hi - lo) == b - lo` on unsigned bytes.
#[cfg(target_arch = "x86_64")]
fn unplain_mask16(window: &[u8; 18]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8,
    };
    // SAFETY: each load reads 16 bytes within the 18 of `window` (unaligned loads are
    // allowed), and SSE2, which these intrinsics need, is part of the x86_64 baseline.
    unsafe {
        let load = |at: usize| _mm_loadu_si128(window[at..].as_ptr().cast::<__m128i>());
        let (b0, b1, b2) = (load(0), load(1), load(2));
        let within = |v: __m128i, lo: u8, hi: u8| {
            let d = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
            _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((hi - lo) as i8)), d)
        };
        let is = |v: __m128i, b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let plain_bytes = _mm_or_si128(
            _mm_or_si128(within(b0, 0x20, 0x7E), is(b0, b'\n')),
            _mm_or_si128(within(b0, 0x80, 0xBF), within(b0, 0xE4, 0xE9)),
        );
        let cjk_punct = _mm_andnot_si128(
            within(b2, 0xAA, 0xAF),
            _mm_and_si128(is(b0, 0xE3), is(b1, 0x80)),
        );
        let general_punct = _mm_and_si128(
            _mm_and_si128(is(b0, 0xE2), is(b1, 0x80)),
            within(b2, 0x90, 0xA7),
        );
        let fullwidth = _mm_and_si128(is(b0, 0xEF), within(b1, 0xBC, 0xBD));
        let plain = _mm_or_si128(
            plain_bytes,
            _mm_or_si128(cjk_punct, _mm_or_si128(general_punct, fullwidth)),
        );
        !(_mm_movemask_epi8(plain) as u32) & 0xFFFF
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn unplain_mask16(window: &[u8; 18]) -> u32 {
    (0..16).fold(0, |mask, k| {
        let plain = plain_at(window[k], window[k + 1], window[k + 2]);
        mask | (u32::from(!plain) << k)
    })
}

/// [`super::first_dirty`] with AVX2: a whole block at once.
///
/// # Safety
/// The CPU must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub(super) unsafe fn first_dirty_avx2(s: &str) -> Option<(usize, u32)> {
    super::scan(s, |bytes, base| {
        // SAFETY: this closure runs only inside `first_dirty_avx2`, whose caller
        // checked that the CPU has AVX2.
        unsafe { unplain_mask_avx2(bytes, base) }
    })
}

/// [`unplain_mask`] with AVX2.
///
/// # Safety
/// The CPU must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub(super) unsafe fn unplain_mask_avx2(bytes: &[u8], base: usize) -> u32 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256,
        _mm256_min_epu8, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_sub_epi8,
    };
    let mut padded = [b' '; WINDOW];
    let window = match bytes.get(base..base + WINDOW) {
        Some(window) => window,
        None => {
            let tail = &bytes[base..];
            padded[..tail.len()].copy_from_slice(tail);
            &padded
        }
    };
    // SAFETY: each load reads 32 bytes within the 34 of `window` (unaligned loads are
    // allowed); the caller guarantees AVX2.
    unsafe {
        let load = |at: usize| _mm256_loadu_si256(window[at..].as_ptr().cast::<__m256i>());
        let (b0, b1, b2) = (load(0), load(1), load(2));
        let within = |v: __m256i, lo: u8, hi: u8| {
            let d = _mm256_sub_epi8(v, _mm256_set1_epi8(lo as i8));
            _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8((hi - lo) as i8)), d)
        };
        let is = |v: __m256i, b: u8| _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b as i8));
        let plain_bytes = _mm256_or_si256(
            _mm256_or_si256(within(b0, 0x20, 0x7E), is(b0, b'\n')),
            _mm256_or_si256(within(b0, 0x80, 0xBF), within(b0, 0xE4, 0xE9)),
        );
        let cjk_punct = _mm256_andnot_si256(
            within(b2, 0xAA, 0xAF),
            _mm256_and_si256(is(b0, 0xE3), is(b1, 0x80)),
        );
        let general_punct = _mm256_and_si256(
            _mm256_and_si256(is(b0, 0xE2), is(b1, 0x80)),
            within(b2, 0x90, 0xA7),
        );
        let fullwidth = _mm256_and_si256(is(b0, 0xEF), within(b1, 0xBC, 0xBD));
        let plain = _mm256_or_si256(
            plain_bytes,
            _mm256_or_si256(cjk_punct, _mm256_or_si256(general_punct, fullwidth)),
        );
        !(_mm256_movemask_epi8(plain) as u32)
    }
}
