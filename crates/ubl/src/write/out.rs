//! The output buffer: indented elements, escaped text and attributes, formatted values.

use std::fmt::Write as _;

use einvoice::model::Identifier;
use einvoice::money::round_dp;
use rust_decimal::Decimal;
use time::Date;

/// Spaces for indentation, two per level; deeper levels reuse the longest prefix.
const INDENT: &str = "                                                  ";

/// Writes elements into one `String`, indented by their depth.
pub(super) struct Out<'a> {
    buf: &'a mut String,
    depth: usize,
}

impl<'a> Out<'a> {
    /// Writes into `buf` (appending), starting at `depth`.
    pub(super) fn new(buf: &'a mut String, depth: usize) -> Self {
        Self { buf, depth }
    }

    fn newline(&mut self) {
        self.buf.push('\n');
        let width = (self.depth * 2).min(INDENT.len());
        self.buf.push_str(&INDENT[..width]);
    }

    /// `<name>` on a new line; the content that follows is one level deeper.
    pub(super) fn open(&mut self, name: &str) {
        self.newline();
        self.buf.push('<');
        self.buf.push_str(name);
        self.buf.push('>');
        self.depth += 1;
    }

    /// `</name>` on a new line, closing [`Out::open`].
    pub(super) fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.newline();
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
    }

    /// `<name attr="…">` with the attributes that have a non-empty value.
    fn start(&mut self, name: &str, attributes: &[(&str, Option<&str>)]) {
        self.newline();
        self.buf.push('<');
        self.buf.push_str(name);
        for (attribute, value) in attributes {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                self.buf.push(' ');
                self.buf.push_str(attribute);
                self.buf.push_str("=\"");
                escape(self.buf, value, true);
                self.buf.push('"');
            }
        }
        self.buf.push('>');
    }

    fn end(&mut self, name: &str) {
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
    }

    /// `<name>text</name>`, nothing when `text` is empty.
    pub(super) fn text(&mut self, name: &str, text: &str) {
        self.text_with(name, text, &[]);
    }

    /// [`Out::text`] of an optional value.
    pub(super) fn opt(&mut self, name: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.text(name, text);
        }
    }

    /// `<name a="…">text</name>`, nothing when `text` is empty.
    pub(super) fn text_with(
        &mut self,
        name: &str,
        text: &str,
        attributes: &[(&str, Option<&str>)],
    ) {
        if text.is_empty() {
            return;
        }
        self.start(name, attributes);
        escape(self.buf, text, false);
        self.end(name);
    }

    /// An identifier with its `schemeID`.
    pub(super) fn identifier(&mut self, name: &str, id: Option<&Identifier>) {
        if let Some(id) = id {
            self.text_with(name, &id.id, &[("schemeID", id.scheme.as_deref())]);
        }
    }

    /// `<cac:outer><cbc:ID>id</cbc:ID></cac:outer>`, nothing when `id` is absent or empty.
    pub(super) fn reference(&mut self, outer: &str, id: Option<&str>) {
        if let Some(id) = id.filter(|id| !id.is_empty()) {
            self.open(outer);
            self.text("cbc:ID", id);
            self.close(outer);
        }
    }

    /// An amount with `currencyID`, rounded half away from zero to exactly 2 decimals
    /// (BR-DEC-*).
    pub(super) fn amount(&mut self, name: &str, value: Option<Decimal>, currency: &str) {
        if let Some(value) = value {
            self.decimal_with(name, round_dp(value, 2), &[("currencyID", Some(currency))]);
        }
    }

    /// A unit price amount with `currencyID`, as given (BT-146 … BT-148 have no decimal limit).
    pub(super) fn price(&mut self, name: &str, value: Option<Decimal>, currency: &str) {
        if let Some(value) = value {
            self.decimal_with(name, value, &[("currencyID", Some(currency))]);
        }
    }

    /// A quantity with its `unitCode`, as given.
    pub(super) fn quantity(&mut self, name: &str, value: Option<Decimal>, unit: Option<&str>) {
        if let Some(value) = value {
            self.decimal_with(name, value, &[("unitCode", unit)]);
        }
    }

    /// A plain number (a rate, a percentage), as given.
    pub(super) fn decimal(&mut self, name: &str, value: Option<Decimal>) {
        if let Some(value) = value {
            self.decimal_with(name, value, &[]);
        }
    }

    fn decimal_with(
        &mut self,
        name: &str,
        mut value: Decimal,
        attributes: &[(&str, Option<&str>)],
    ) {
        if value.is_zero() {
            value.set_sign_positive(true); // never `-0.00`
        }
        self.start(name, attributes);
        let _ = write!(self.buf, "{value}");
        self.end(name);
    }

    /// A date as `YYYY-MM-DD`.
    pub(super) fn date(&mut self, name: &str, value: Option<Date>) {
        if let Some(date) = value {
            self.start(name, &[]);
            push_date(self.buf, date);
            self.end(name);
        }
    }
}

/// `YYYY-MM-DD` (years outside 0–9999 as `time` prints them).
fn push_date(buf: &mut String, date: Date) {
    let year = date.year();
    match u16::try_from(year) {
        Ok(y) if y <= 9999 => {
            push_digits(buf, y / 100);
            push_digits(buf, y % 100);
        }
        _ => {
            let _ = write!(buf, "{year}");
        }
    }
    buf.push('-');
    push_digits(buf, u16::from(u8::from(date.month())));
    buf.push('-');
    push_digits(buf, u16::from(date.day()));
}

/// Two digits of `n` (< 100).
fn push_digits(buf: &mut String, n: u16) {
    const DIGITS: &[u8; 10] = b"0123456789";
    buf.push(char::from(DIGITS[usize::from(n / 10 % 10)]));
    buf.push(char::from(DIGITS[usize::from(n % 10)]));
}

/// Appends `text` escaped for XML element content, or for a double-quoted attribute
/// value when `attribute`. Characters XML 1.0 cannot carry at all (most C0 controls,
/// U+FFFE, U+FFFF) are left out; `\r` (and in attributes `\t` and `\n`) become character
/// references so that parsing gives them back.
fn escape(buf: &mut String, text: &str, attribute: bool) {
    let plain = text
        .bytes()
        .all(|b| !matches!(b, b'&' | b'<' | b'>' | b'"' | 0..=0x1F | 0xEF));
    if plain {
        buf.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' if attribute => buf.push_str("&quot;"),
            '\r' => buf.push_str("&#13;"),
            '\n' if attribute => buf.push_str("&#10;"),
            '\t' if attribute => buf.push_str("&#9;"),
            '\t' | '\n' => buf.push(c),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            _ => buf.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::date;

    fn escaped(text: &str, attribute: bool) -> String {
        let mut buf = String::new();
        escape(&mut buf, text, attribute);
        buf
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            escaped("Ion & Fiii <SRL> \"x\"", false),
            "Ion &amp; Fiii &lt;SRL&gt; \"x\""
        );
        assert_eq!(escaped("a\"b\tc\nd\re", true), "a&quot;b&#9;c&#10;d&#13;e");
        assert_eq!(escaped("a\u{1}b\u{FFFF}c\td", false), "abc\td");
        assert_eq!(
            escaped("Șoseaua Ștefan cel Mare", false),
            "Șoseaua Ștefan cel Mare"
        );
    }

    #[test]
    fn values_are_formatted_exactly() {
        let mut buf = String::new();
        let mut out = Out::new(&mut buf, 0);
        out.amount("A", Some(Decimal::new(-1, 3)), "RON");
        out.amount("A", Some(Decimal::new(12345, 3)), "RON");
        out.amount("A", Some(Decimal::from(7)), "EUR");
        out.quantity("Q", Some(Decimal::new(-15000, 4)), Some("H87"));
        out.price("P", Some(Decimal::new(-0, 6)), "RON");
        out.date("D", Some(date!(2025 - 01 - 09)));
        out.text("T", "");
        out.opt("T", None);
        assert_eq!(
            buf,
            "\n<A currencyID=\"RON\">0.00</A>\n<A currencyID=\"RON\">12.35</A>\
             \n<A currencyID=\"EUR\">7.00</A>\n<Q unitCode=\"H87\">-1.5000</Q>\
             \n<P currencyID=\"RON\">0.000000</P>\n<D>2025-01-09</D>"
        );
    }
}
