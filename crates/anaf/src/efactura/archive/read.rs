//! Unpacking under limits.

use std::io::{Cursor, Read};

use super::classify::classify;
use super::{Archive, ArchiveError, Content, Entry, Limits};
use crate::Error;

/// The longest entry name kept, in characters.
const MAX_NAME_CHARS: usize = 255;

/// Opens a downloaded archive under the default [`Limits`].
pub fn parse(bytes: &[u8]) -> Result<Archive, Error> {
    parse_with(bytes, &Limits::default())
}

/// Opens a downloaded archive under `limits`.
///
/// The archive as a whole is refused ([`Error::Archive`]) when it is not a ZIP or breaks a
/// limit. A single entry that cannot be unpacked or read is kept as
/// [`Content::Unreadable`], so the rest of the archive is still usable.
pub fn parse_with(bytes: &[u8], limits: &Limits) -> Result<Archive, Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Error::Archive(ArchiveError::NotZip(e.to_string())))?;
    if zip.len() > limits.max_entries {
        return Err(Error::Archive(ArchiveError::TooManyEntries {
            count: zip.len(),
            max: limits.max_entries,
        }));
    }
    let mut total: u64 = 0;
    let mut entries = Vec::new();
    for index in 0..zip.len() {
        let mut file = match zip.by_index(index) {
            Ok(file) => file,
            Err(err) => {
                entries.push(unreadable(format!("entry #{}", index + 1), &err));
                continue;
            }
        };
        let name = label(file.name_raw());
        if file.is_dir() {
            continue;
        }
        check_declared(&name, file.size(), file.compressed_size(), limits)?;
        let packed = file.compressed_size();
        let mut unpacked = Vec::new();
        let read = (&mut file)
            .take(limits.max_entry_bytes + 1)
            .read_to_end(&mut unpacked);
        drop(file);
        if let Err(err) = read {
            entries.push(unreadable(name, &err));
            continue;
        }
        let size = unpacked.len() as u64;
        if size > limits.max_entry_bytes {
            return Err(Error::Archive(ArchiveError::EntryTooLarge {
                name,
                max: limits.max_entry_bytes,
            }));
        }
        check_ratio(&name, size, packed, limits)?;
        total += size;
        if total > limits.max_total_bytes {
            return Err(Error::Archive(ArchiveError::TooLarge {
                max: limits.max_total_bytes,
            }));
        }
        let content = classify(&unpacked, limits.max_entry_bytes);
        entries.push(Entry {
            name,
            bytes: unpacked,
            content,
        });
    }
    Ok(Archive { entries })
}

/// Checks the sizes the archive declares, before unpacking anything.
fn check_declared(name: &str, size: u64, packed: u64, limits: &Limits) -> Result<(), Error> {
    if size > limits.max_entry_bytes {
        return Err(Error::Archive(ArchiveError::EntryTooLarge {
            name: name.to_owned(),
            max: limits.max_entry_bytes,
        }));
    }
    check_ratio(name, size, packed, limits)
}

fn check_ratio(name: &str, size: u64, packed: u64, limits: &Limits) -> Result<(), Error> {
    if size <= limits.ratio_threshold_bytes {
        return Ok(());
    }
    let ratio = size / packed.max(1);
    if ratio > limits.max_ratio {
        return Err(Error::Archive(ArchiveError::CompressionRatio {
            name: name.to_owned(),
            ratio,
            max: limits.max_ratio,
        }));
    }
    Ok(())
}

fn unreadable(name: String, err: &dyn std::error::Error) -> Entry {
    Entry {
        name,
        bytes: Vec::new(),
        content: Content::Unreadable {
            reason: format!("cannot unpack: {}", crate::transport::describe(err)),
        },
    }
}

/// An entry name fit for display: UTF-8 (lossy), control characters replaced, capped.
fn label(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut label: String = text
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .take(MAX_NAME_CHARS)
        .collect();
    if text.chars().count() > MAX_NAME_CHARS {
        label.push('…');
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn labels_are_safe_to_print() {
        assert_eq!(label(b"5001120362.xml"), "5001120362.xml");
        assert_eq!(
            label(b"../../etc/passwd\n\x1b[31m"),
            "../../etc/passwd\u{fffd}\u{fffd}[31m"
        );
        assert_eq!(label(&[0xff, b'a']), "\u{fffd}a");
        let long = "a".repeat(300);
        assert_eq!(label(long.as_bytes()).chars().count(), MAX_NAME_CHARS + 1);
    }
}
