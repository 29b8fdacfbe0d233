//! Bytes as lowercase hexadecimal, the way digests are written on the wire.

/// `bytes` as lowercase hex, two digits each.
pub(crate) fn lower_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0xf)]])
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_lowercase_digits_per_byte() {
        assert_eq!(super::lower_hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
    }
}
