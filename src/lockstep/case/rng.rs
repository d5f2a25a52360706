//! The pseudo-random generators of cases: [`xorshift_bytes`] stands in for a fuzzer's
//! inputs (fuzz/seed.sh's seeds are made the same way, and the tests and benchmarks use it);
//! [`splitmix64`], seeded by [`fnv1a`] of the argument bytes, makes the arguments past the
//! end of those bytes. Changing either changes what an input means: the corpus and the
//! artifacts depend on them.

/// `len` pseudo-random bytes from a xorshift generator, as fuzz/seed.sh's seeds are made: for
/// tests and benchmarks that stand in for a fuzzer's inputs.
pub fn xorshift_bytes(state: &mut u64, len: usize) -> Vec<u8> {
    (0..len)
        .map(|_| {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            (*state >> 24) as u8
        })
        .collect()
}

/// The next number of the splitmix64 generator whose state is `seed`.
pub fn splitmix64(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}
