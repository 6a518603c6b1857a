//! Checks a company logo before typst sees it: a PNG, JPEG or SVG image, at most 2 MiB and
//! of a sane pixel size.

use crate::PdfError;

/// The most bytes a logo may have: 2 MiB.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

/// The most pixels a raster logo may have on either side.
pub const MAX_LOGO_SIDE: u32 = 8_000;

/// The most pixels a raster logo may have in all (25 megapixels): what typst decodes has to
/// fit in memory, whatever the file's size.
pub const MAX_LOGO_PIXELS: u64 = 25_000_000;

/// The kinds of image a logo may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LogoKind {
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// An SVG drawing.
    Svg,
}

impl LogoKind {
    /// Every kind, in the order of the enum.
    pub const ALL: [LogoKind; 3] = [Self::Png, Self::Jpeg, Self::Svg];

    /// The media type a file of this kind is served as.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Svg => "image/svg+xml",
        }
    }

    /// The kind served as `media_type`.
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.media_type() == media_type)
    }

    /// The file extension typst knows the format by: `png`, `jpg` or `svg`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Svg => "svg",
        }
    }
}

/// Says which kind of image `bytes` is, or why they cannot be a logo: not a PNG, JPEG or
/// SVG image, over [`MAX_LOGO_BYTES`], or a raster image over [`MAX_LOGO_SIDE`] pixels on a
/// side or [`MAX_LOGO_PIXELS`] in all.
///
/// Only the header is read: a logo whose body is broken passes here and fails in
/// [`crate::render`] with typst's message.
pub fn check_logo(bytes: &[u8]) -> Result<LogoKind, PdfError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(PdfError::LogoTooLarge {
            size: bytes.len(),
            max: MAX_LOGO_BYTES,
        });
    }
    let (kind, size) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (LogoKind::Png, Some(png_size(bytes)?))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (LogoKind::Jpeg, Some(jpeg_size(bytes)?))
    } else if starts_as_markup(bytes) && declares_entities(bytes) {
        // Before the SVG test, which would skip a DOCTYPE only up to its first `>`.
        return Err(PdfError::LogoCorrupt(
            "an SVG with a DOCTYPE or entity declarations, which are refused",
        ));
    } else if is_svg(bytes) {
        (LogoKind::Svg, None)
    } else {
        return Err(PdfError::LogoNotImage);
    };
    if let Some((width, height)) = size {
        let too_big = width > MAX_LOGO_SIDE
            || height > MAX_LOGO_SIDE
            || u64::from(width) * u64::from(height) > MAX_LOGO_PIXELS;
        if too_big || width == 0 || height == 0 {
            return Err(PdfError::LogoPixels { width, height });
        }
    }
    Ok(kind)
}

/// Width and height from a PNG's IHDR chunk, which must come first.
fn png_size(bytes: &[u8]) -> Result<(u32, u32), PdfError> {
    if bytes.len() < 24 || &bytes[12..16] != b"IHDR" {
        return Err(PdfError::LogoCorrupt("a PNG without its IHDR header"));
    }
    Ok((be32(&bytes[16..20]), be32(&bytes[20..24])))
}

/// Width and height from a JPEG's first start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Result<(u32, u32), PdfError> {
    const CORRUPT: PdfError = PdfError::LogoCorrupt("a JPEG without a readable frame header");
    let mut at = 2;
    loop {
        // Fill bytes (0xFF) may precede a marker.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return Err(CORRUPT);
        };
        at += 2;
        match marker {
            // Markers without a length: TEM and RST0–RST7.
            0x01 | 0xD0..=0xD7 => continue,
            // Start of scan or end of image before any frame header.
            0xDA | 0xD9 => return Err(CORRUPT),
            _ => {}
        }
        let length = usize::from(be16(bytes.get(at..at + 2).ok_or(CORRUPT)?));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            // Length (2), precision (1), height (2), width (2).
            let header = bytes.get(at + 3..at + 7).ok_or(CORRUPT)?;
            let height = u32::from(be16(&header[0..2]));
            let width = u32::from(be16(&header[2..4]));
            return Ok((width, height));
        }
        if length < 2 {
            return Err(CORRUPT);
        }
        at += length;
    }
}

/// Whether the bytes start, after a byte-order mark and white space, with `<`.
fn starts_as_markup(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// Whether an SVG has a DOCTYPE or declares entities anywhere: a logo never needs them, and
/// they are how an XML file expands into gigabytes or reads files.
fn declares_entities(bytes: &[u8]) -> bool {
    bytes.windows(9).any(|w| {
        w[0] == b'<'
            && w[1] == b'!'
            && (w[2..].eq_ignore_ascii_case(b"DOCTYPE") || w[2..8].eq_ignore_ascii_case(b"ENTITY"))
    })
}

/// Whether the text starts, after a byte-order mark, white space, an XML declaration,
/// comments or a doctype, with an `<svg` element.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    // The head may end inside a multi-byte character.
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) => match std::str::from_utf8(&head[..e.valid_up_to()]) {
            Ok(text) if e.error_len().is_none() => text,
            _ => return false,
        },
    };
    let mut rest = text.trim_start();
    loop {
        if rest.starts_with("<svg") {
            return true;
        }
        let end = if rest.starts_with("<?") {
            rest.find("?>").map(|i| i + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|i| i + 1)
        } else {
            None
        };
        match end {
            Some(end) => rest = rest[end..].trim_start(),
            None => return false,
        }
    }
}

fn be16(b: &[u8]) -> u16 {
    u16::from_be_bytes([b[0], b[1]])
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    /// The first bytes of a PNG of `width` × `height`: enough for the check.
    fn png_head(width: u32, height: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend(width.to_be_bytes());
        b.extend(height.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b
    }

    /// The first bytes of a JPEG of `width` × `height`, with an APP0 segment before the frame.
    fn jpeg_head(width: u16, height: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        b.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        b.extend([0xFF, 0xC0, 0, 17, 8]);
        b.extend(height.to_be_bytes());
        b.extend(width.to_be_bytes());
        b.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b
    }

    #[test]
    fn kinds_are_told_by_their_headers() {
        assert_eq!(check_logo(&png_head(200, 80)).unwrap(), LogoKind::Png);
        assert_eq!(check_logo(&jpeg_head(200, 80)).unwrap(), LogoKind::Jpeg);
        let svg = br#"<?xml version="1.0"?><!-- logo --><svg xmlns="http://www.w3.org/2000/svg"/>"#;
        assert_eq!(check_logo(svg).unwrap(), LogoKind::Svg);
        assert_eq!(check_logo(b"\xEF\xBB\xBF  <svg/>").unwrap(), LogoKind::Svg);
    }

    #[test]
    fn what_is_no_image_is_refused() {
        for bytes in [
            &b""[..],
            b"%PDF-1.7",
            b"GIF89a",
            b"<html><svg/></html>",
            b"\x89PNG\r\n\x1a\n",
            b"\xFF\xD8\xFF\xD9",
        ] {
            assert!(check_logo(bytes).is_err(), "{bytes:?}");
        }
        assert_eq!(
            check_logo(b"hello").unwrap_err().to_string(),
            "the logo is not a PNG, JPEG or SVG image"
        );
    }

    #[test]
    fn oversized_logos_are_refused() {
        let err = check_logo(&vec![0; MAX_LOGO_BYTES + 1]).unwrap_err();
        assert!(err.to_string().contains("2097153 bytes"), "{err}");
        assert!(check_logo(&png_head(9_000, 10)).is_err());
        assert!(check_logo(&png_head(6_000, 6_000)).is_err());
        assert!(check_logo(&png_head(0, 10)).is_err());
        let err = check_logo(&jpeg_head(60_000, 2)).unwrap_err();
        assert!(err.to_string().contains("60000 × 2"), "{err}");
    }
}
