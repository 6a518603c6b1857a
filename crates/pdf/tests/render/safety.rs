//! Hostile text prints literally; logos are checked before use; bad settings are refused.

use pdf::{Design, Language, Logo, LogoKind, Look, PdfError, Rgb, Title, check_logo, render};
use rust_decimal_macros::dec;

use crate::support::{assert_contains, invoice, invoice_with, png_logo, simple_line, text};

/// Texts that would do something if they were typst markup or code.
const HOSTILE: [&str; 8] = [
    r#"#import "x": *"#,
    "]",
    "#set page(width: 1cm)",
    "$x^2$ *bold* _it_",
    "<label> @ref",
    r"back\slash \ ",
    "// not a comment",
    r#"#eval("1+1") {{ }}"#,
];

#[test]
fn hostile_text_prints_literally() {
    let mut invoice = invoice_with(
        HOSTILE
            .iter()
            .map(|name| simple_line(name, dec!(1), dec!(1)))
            .collect(),
    );
    invoice.buyer.name = r#"#import "x" ]"#.into();
    invoice.number = "]#panic()".into();
    invoice.notes = vec![einvoice::model::Note::new("#panic(\"note\")")];
    for design in [Design::Classic, Design::Modern] {
        let look = Look {
            design,
            ..Look::new(Title::Invoice, Language::Ro)
        };
        let text = text(&invoice, &look);
        let expected: Vec<String> = HOSTILE
            .iter()
            .map(|h| crate::support::collapse(h))
            .collect();
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        assert_contains(&text, &expected);
        assert_contains(
            &text,
            &[r#"#import "x" ]"#, "Nr. ]#panic()", "#panic(\"note\")"],
        );
    }
}

#[test]
fn png_logo_is_embedded() {
    let invoice = invoice(1);
    let plain = render(&invoice, &Look::new(Title::Invoice, Language::Ro)).unwrap();
    let png = png_logo(240, 80);
    assert_eq!(check_logo(&png).unwrap(), LogoKind::Png);
    for design in [Design::Classic, Design::Modern] {
        let look = Look {
            design,
            logo: Some(Logo::new(png.clone()).unwrap()),
            ..Look::new(Title::Invoice, Language::Ro)
        };
        let with_logo = render(&invoice, &look).unwrap();
        assert!(
            count(&with_logo, b"/Subtype /Image") + count(&with_logo, b"/Subtype/Image") == 1,
            "{design:?}: no image object"
        );
        assert_eq!(count(&plain, b"/Subtype /Image"), 0);
        assert_contains(&text(&invoice, &look), &["Atelierul de Știință SRL"]);
    }
}

#[test]
fn svg_logo_is_drawn() {
    let svg = br##"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#1f6feb"/></svg>"##;
    let look = Look {
        logo: Some(Logo::new(&svg[..]).unwrap()),
        ..Look::new(Title::Invoice, Language::En)
    };
    assert_eq!(look.logo.as_ref().unwrap().kind(), LogoKind::Svg);
    assert_contains(&text(&invoice(1), &look), &["Invoice"]);
}

#[test]
fn an_svg_logo_with_entities_is_refused() {
    let laughs = br#"<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>"#;
    let err = Logo::new(&laughs[..]).unwrap_err();
    assert!(err.to_string().contains("DOCTYPE"), "{err}");
    // An internal subset after the root element is refused as well.
    let late =
        br#"<svg xmlns="http://www.w3.org/2000/svg"><!ENTITY x SYSTEM "file:///etc/passwd"></svg>"#;
    assert!(Logo::new(&late[..]).is_err());
}

#[test]
fn a_logo_that_is_no_image_is_refused() {
    let err = Logo::new(&b"%PDF-1.7 this is a PDF, not a logo"[..]).unwrap_err();
    assert_eq!(err, PdfError::LogoNotImage);
    assert_eq!(err.to_string(), "the logo is not a PNG, JPEG or SVG image");
    let err = Logo::new(&b"<html><body>hi</body></html>"[..]).unwrap_err();
    assert_eq!(err, PdfError::LogoNotImage);
}

#[test]
fn a_50_mb_logo_is_refused() {
    let mut huge = png_logo(8, 8);
    huge.resize(50 * 1024 * 1024, 0);
    let err = Logo::new(huge).unwrap_err();
    assert!(
        matches!(
            err,
            PdfError::LogoTooLarge {
                size: 52_428_800,
                max: 2_097_152
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "the logo has 52428800 bytes; at most 2097152 are accepted"
    );
}

#[test]
fn a_logo_of_absurd_pixel_size_is_refused() {
    // A PNG header that claims 100,000 × 100,000 pixels: a decompression bomb.
    let mut bomb = png_logo(1, 1);
    bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let err = Logo::new(bomb).unwrap_err();
    assert!(err.to_string().contains("100000 × 100000 pixels"), "{err}");
}

#[test]
fn a_broken_logo_fails_with_typst_message() {
    let mut broken = png_logo(10, 10);
    broken.truncate(40);
    let look = Look {
        logo: Some(Logo::new(broken).unwrap()),
        ..Look::new(Title::Invoice, Language::Ro)
    };
    let err = render(&invoice(1), &look).unwrap_err();
    let PdfError::Template(message) = &err else {
        panic!("{err:?}");
    };
    assert!(message.contains("common.typ:"), "{message}");
    assert!(err.to_string().starts_with("the invoice template failed: "));
}

#[test]
fn a_bad_accent_colour_is_refused() {
    let err = Rgb::parse("#12zz45").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid colour '#12zz45': expected #rrggbb, e.g. #1f6feb"
    );
    let look = Look {
        accent: Some(Rgb::parse("#c0392b").unwrap()),
        ..Look::new(Title::Invoice, Language::Ro)
    };
    assert_contains(&text(&invoice(1), &look), &["Factură"]);
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}
