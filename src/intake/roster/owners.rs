//! Who is one owner (DOMAIN §2.4): the key of each flat's owner, decided over the whole roster.
//!
//! In this order: the owner id column; else the ID or certificate number, kept only as a salted hash;
//! else the developer's unsold flats (a marker column, or a name that is 开发商/未售 as a whole word)
//! share one key; else rows with the same name and the same phone are one owner; else each flat is its
//! own owner, and a name found on several flats is reported so that the secretary can join them.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::rows::Parsed;
use super::summary::{OwnerFlats, Summary};
use crate::domain::roster::{UNSOLD_KEY, is_unsold_name};
use crate::domain::{Owner, RosterRow};

/// Keys every parsed flat's owner; fills the owner part of the summary.
pub fn key_owners(parsed: Vec<Parsed>, salt: &[u8], summary: &mut Summary) -> Vec<RosterRow> {
    let mut keys: Vec<Option<String>> = vec![None; parsed.len()];
    let mut certificates = std::collections::HashSet::new();
    for (i, p) in parsed.iter().enumerate() {
        if let Some(id) = &p.owner_id {
            keys[i] = Some(id.clone());
        } else if let Some(cert) = &p.certificate {
            let key = certificate_key(cert, salt);
            certificates.insert(key.clone());
            keys[i] = Some(key);
        } else if p.unsold || is_unsold_name(&p.name) {
            if !p.unsold {
                summary.unsold_by_name.push(p.flat.clone());
            }
            keys[i] = Some(UNSOLD_KEY.to_string());
        }
    }
    summary.owners_by_certificate = certificates.len();
    // Same name and same phone: one owner, keyed by their first flat.
    let mut by_name_phone: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        if keys[i].is_none()
            && let Some(phone) = &p.phone
        {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            if !digits.is_empty() {
                by_name_phone.entry((&p.name, digits)).or_default().push(i);
            }
        }
    }
    let mut groups: Vec<&Vec<usize>> = by_name_phone.values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for group in groups {
        let key = format!("flat:{}", parsed[group[0]].flat);
        for &i in group {
            keys[i] = Some(key.clone());
        }
        summary.merged_by_name_and_phone.push(OwnerFlats {
            name: parsed[group[0]].name.clone(),
            flats: group.iter().map(|&i| parsed[i].flat.clone()).collect(),
        });
    }
    let keys: Vec<String> = keys
        .into_iter()
        .zip(&parsed)
        .map(|(k, p)| k.unwrap_or_else(|| format!("flat:{}", p.flat)))
        .collect();
    same_name_warnings(&parsed, &keys, summary);
    parsed
        .into_iter()
        .zip(keys)
        .map(|(p, key)| RosterRow {
            flat: p.flat,
            area: p.area,
            floor: p.floor,
            owner: Owner {
                key,
                name: p.name,
                phone: p.phone,
            },
        })
        .collect()
}

/// One name under several keys: the law may count one buyer of several flats once, so say so.
fn same_name_warnings(parsed: &[Parsed], keys: &[String], summary: &mut Summary) {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        if keys[i] != UNSOLD_KEY {
            by_name.entry(&p.name).or_default().push(i);
        }
    }
    let mut found: Vec<&Vec<usize>> = by_name
        .values()
        .filter(|g| {
            let first = &keys[g[0]];
            g.iter().any(|&i| keys[i] != *first)
        })
        .collect();
    found.sort();
    for group in found {
        summary.same_name.push(OwnerFlats {
            name: parsed[group[0]].name.clone(),
            flats: group.iter().map(|&i| parsed[i].flat.clone()).collect(),
        });
    }
}

/// `id:` and the first 16 hex digits of SHA-256 over the salt and the number (upper-cased, without
/// spaces): the same person is found across flats, and the number itself is never kept.
pub fn certificate_key(certificate: &str, salt: &[u8]) -> String {
    let plain: String = certificate
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let mut h = Sha256::new();
    h.update((salt.len() as u64).to_le_bytes());
    h.update(salt);
    h.update(plain.as_bytes());
    let hex = format!("{:x}", h.finalize());
    format!("id:{}", &hex[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_keys_hide_the_number() {
        let a = certificate_key("110101 19900101 1234", b"salt");
        assert_eq!(a, certificate_key("110101199001011234", b"salt"));
        assert_ne!(a, certificate_key("110101199001011234", b"other"));
        assert!(!a.contains("110101199001011234"));
        assert_eq!(a.len(), 19);
    }
}
