//! Text encodings of files made on Chinese Windows machines: UTF-8 (with or without BOM) or GBK.

/// Decodes bytes as UTF-8 (BOM stripped) or, failing that, GBK. None if neither fits.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}
