//! How long to wait before retrying: exponential, capped, with jitter.

use std::time::Duration;

/// A retry schedule: `base * 2^n`, capped at `max`, each delay drawn
/// uniformly from its upper half so that many clients do not retry in step.
/// It never gives up: a candidate may be offline for minutes.
///
/// ```
/// use recorder_core::upload::Backoff;
/// use std::time::Duration;
/// let mut backoff = Backoff::default();
/// let first = backoff.delay(0);
/// assert!(first >= Duration::from_millis(250) && first <= Duration::from_millis(500));
/// assert!(backoff.delay(40) <= Duration::from_secs(30));
/// ```
#[derive(Clone, Debug)]
pub struct Backoff {
    /// The first delay before jitter.
    pub base: Duration,
    /// The longest delay.
    pub max: Duration,
    rng: u64,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::new(
            Duration::from_millis(500),
            Duration::from_secs(30),
            0x9E37_79B9_7F4A_7C15,
        )
    }
}

impl Backoff {
    /// A schedule; `seed` makes its jitter reproducible (pass something random in production).
    ///
    /// ```
    /// use recorder_core::upload::Backoff;
    /// use std::time::Duration;
    /// let mut a = Backoff::new(Duration::from_secs(1), Duration::from_secs(8), 7);
    /// let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(8), 7);
    /// assert_eq!(a.delay(3), b.delay(3));
    /// ```
    pub fn new(base: Duration, max: Duration, seed: u64) -> Self {
        Backoff {
            base,
            max,
            rng: seed | 1,
        }
    }

    /// The delay before retry number `attempt` (0 for the first retry).
    ///
    /// ```
    /// let mut backoff = recorder_core::upload::Backoff::default();
    /// assert!(backoff.delay(3) >= std::time::Duration::from_secs(2));
    /// ```
    pub fn delay(&mut self, attempt: u32) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(1u32 << attempt.min(20))
            .min(self.max);
        let half = ceiling / 2;
        let fraction = (self.next_random() >> 11) as f64 / (1u64 << 53) as f64;
        half + half.mul_f64(fraction)
    }

    fn next_random(&mut self) -> u64 {
        // xorshift64*: small, fast and good enough for jitter.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}
