//! Text folding for lenient look-ups of Romanian names.

/// Lowercases and strips Romanian diacritics, comma-below and cedilla forms alike
/// (`Ș`, `Ş`, `ș`, `ş` → `s`; `Ț`, `Ţ`, `ț`, `ţ` → `t`; `Ă`, `Â` → `a`; `Î` → `i`).
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ă' | 'â' | 'á' | 'à' | 'ä' => 'a',
            'î' | 'í' => 'i',
            'ș' | 'ş' => 's',
            'ț' | 'ţ' => 't',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ó' | 'ö' | 'ô' => 'o',
            'ú' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

/// The folded words of `s`: letters and digits only, any other character
/// separates words (`"Mun. Bucureşti"` → `["mun", "bucuresti"]`).
pub(crate) fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn fold_handles_both_s_and_t_forms() {
        assert_eq!(fold("ȘŞșş ȚŢțţ"), "ssss tttt");
        assert_eq!(fold("Brăila Târgu Vâlcea Iași"), "braila targu valcea iasi");
    }

    #[test]
    fn words_split_on_punctuation() {
        assert_eq!(words("Mun. Bucureşti"), ["mun", "bucuresti"]);
        assert_eq!(words("Bistrița-Năsăud"), ["bistrita", "nasaud"]);
        assert_eq!(words("  "), Vec::<String>::new());
    }
}
