//! Text encoding of CSV files, detected and never asked: Excel on a Chinese Windows machine saves "CSV" as
//! GBK and "CSV UTF-8" as UTF-8 with a BOM; other tools write plain UTF-8.

use encoding_rs::GBK;

use crate::i18n::{IntakeText as I, Said, said};
use crate::intake::{Location, Problem};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a CSV file: BOM → UTF-8; valid UTF-8 → UTF-8; otherwise GBK.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Problem> {
    let problem =
        |message: Said| Problem::said(file, Location::File, message, said!(I::SaveAsUtf8));
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return String::from_utf8(rest.to_vec()).map_err(|e| {
            let line = line_at(rest, e.utf8_error().valid_up_to());
            problem(said!(I::BomNotUtf8, line = line))
        });
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(problem(said!(I::Utf16)));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text.to_string()),
        Err(e) => e,
    };
    // A UTF-8 file with a damaged byte would often still "decode" as GBK into nonsense names;
    // when the text is mostly valid UTF-8, say where the damage is instead.
    if mostly_utf8(bytes) {
        let line = line_at(bytes, utf8_error.valid_up_to());
        return Err(problem(said!(I::DamagedUtf8, line = line)));
    }
    // Rows pasted in from a UTF-8 file: UTF-8 Chinese often "decodes" as GBK too, into nonsense
    // names, so a file with lines of both is refused rather than guessed.
    if let Some((utf8, other)) = utf8_lines_among_others(bytes) {
        return Err(problem(said!(
            I::MixedEncodings,
            utf8 = utf8,
            other = other
        )));
    }
    if let Some(text) = GBK.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text.into_owned());
    }
    let (lossy, _) = GBK.decode_without_bom_handling(bytes);
    let line = lossy
        .find('\u{FFFD}')
        .map_or(1, |at| lossy[..at].matches('\n').count() + 1);
    Err(problem(said!(I::UnknownEncoding, line = line)))
}

/// Characters of three UTF-8 bytes or more (Chinese among them): GBK bytes seldom form even one.
fn wide_chars(text: &str) -> usize {
    text.chars().filter(|&c| c as u32 >= 0x800).count()
}

/// In a file that is not UTF-8 as a whole: the first line that is UTF-8 with Chinese in it, and the
/// first line that is not UTF-8 (GBK, say), when there are both.
fn utf8_lines_among_others(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut utf8 = None;
    let mut gbk = None;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(text) if utf8.is_none() && wide_chars(text) >= 2 => utf8 = Some(i + 1),
            Ok(_) => {}
            Err(_) if gbk.is_none() => gbk = Some(i + 1),
            Err(_) => {}
        }
    }
    Some((utf8?, gbk?))
}

/// The 1-based line holding byte `at`.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Whether well-formed multi-byte UTF-8 characters far outnumber the malformed spots, which GBK text
/// (whose byte pairs seldom form UTF-8) never does.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_non_ascii = 0usize;
    let mut errors = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            errors += 1;
        }
    }
    valid_non_ascii >= 4 * errors.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFa,b").unwrap(), "a,b");
        assert_eq!(decode("f", "楼栋,单元".as_bytes()).unwrap(), "楼栋,单元");
        let (gbk, _, _) = GBK.encode("楼栋,单元\n1,2");
        assert_eq!(decode("f", &gbk).unwrap(), "楼栋,单元\n1,2");
    }

    #[test]
    fn names_the_line_of_damaged_utf8() {
        let mut bytes = "楼栋,单元,房号\n1,1,101\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"1,1,\xE6\xAF\n");
        let problem = decode("f.csv", &bytes).unwrap_err();
        assert_eq!(
            problem.message,
            "line 3 has bytes that are not UTF-8, though the rest of the file is"
        );
    }

    #[test]
    fn refuses_a_file_mixing_utf8_and_gbk_lines() {
        let (gbk, _, _) = GBK.encode("楼栋,单元,房号,业主姓名\n1,1,101,王秀兰\n");
        let mut bytes = gbk.into_owned();
        bytes.extend_from_slice("1,1,102,许斌兰\n".as_bytes());
        assert_eq!(
            decode("f.csv", &bytes).unwrap_err().message,
            "the file mixes two text encodings: line 3 is UTF-8 but line 1 is not (rows copied in from another file?)"
        );
        let mut bytes = "楼栋,单元,房号,业主姓名\n".as_bytes().to_vec();
        let (gbk, _, _) = GBK.encode("1,1,101,王秀兰\n1,1,102,许斌兰\n1,1,103,郝海\n");
        bytes.extend_from_slice(&gbk);
        assert_eq!(
            decode("f.csv", &bytes).unwrap_err().message,
            "the file mixes two text encodings: line 1 is UTF-8 but line 2 is not (rows copied in from another file?)"
        );
    }

    #[test]
    fn refuses_bytes_that_are_neither() {
        let problem = decode("f.csv", b"a,b\n\xFF\xFF,c\n").unwrap_err();
        assert_eq!(
            problem.message,
            "the text encoding could not be recognised: line 2 is neither UTF-8 nor GBK"
        );
        assert!(decode("f.csv", b"\xFF\xFEa\x00").is_err());
    }
}
