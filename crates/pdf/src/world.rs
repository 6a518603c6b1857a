//! The typst `World` of one render: the templates and the data as in-memory files, fonts
//! from typst-assets and dejavu, the logo as a virtual file; no disk, no network, no clock.

use std::fmt::Write;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

use crate::look::Design;

/// Where the templates find the invoice: `json("/data.json")`.
pub const DATA_PATH: &str = "/data.json";

/// The templates, each at its virtual path.
const TEMPLATES: [(&str, &str); 3] = [
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/classic.typ", include_str!("../templates/classic.typ")),
    ("/modern.typ", include_str!("../templates/modern.typ")),
];

/// What every render shares: parsed once, on first use.
struct Assets {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    templates: Vec<Source>,
}

static ASSETS: LazyLock<Assets> = LazyLock::new(|| {
    let dejavu = [
        dejavu::sans::regular(),
        dejavu::sans::bold(),
        dejavu::sans::oblique(),
        dejavu::sans::bold_oblique(),
    ];
    let fonts: Vec<Font> = typst_assets::fonts()
        .chain(dejavu)
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let templates = TEMPLATES
        .iter()
        .map(|(path, text)| Source::new(file_id(path), (*text).to_owned()))
        .collect();
    Assets {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        templates,
    }
});

/// The id of a file at `path` in the project root.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("the crate's own paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The files of one document: a design's template as the main file, the data and the logo.
pub struct InvoiceWorld {
    main: FileId,
    data: (FileId, Bytes),
    logo: Option<(FileId, Bytes)>,
}

impl InvoiceWorld {
    /// A world that lays out `data` (the JSON of [`crate::data::Document`]) in `design`,
    /// with the logo's bytes at `logo.0` when there is one.
    pub fn new(design: Design, data: Vec<u8>, logo: Option<(&str, Bytes)>) -> Self {
        let main = match design {
            Design::Classic => "/classic.typ",
            Design::Modern => "/modern.typ",
        };
        Self {
            main: file_id(main),
            data: (file_id(DATA_PATH), Bytes::new(data)),
            logo: logo.map(|(path, bytes)| (file_id(path), bytes)),
        }
    }

    /// The diagnostics as one text: each message with its template file and line, and
    /// typst's hints.
    pub fn describe(&self, diagnostics: &[SourceDiagnostic]) -> String {
        let mut parts = Vec::new();
        for diagnostic in diagnostics {
            let mut text = String::new();
            if let Some(id) = diagnostic.span.id() {
                text.push_str(id.vpath().get_with_slash().trim_start_matches('/'));
                let line = self.range(diagnostic.span).and_then(|range| {
                    let source = self.source(id).ok()?;
                    source.lines().byte_to_line(range.start)
                });
                if let Some(line) = line {
                    let _ = write!(text, ":{}", line + 1);
                }
                text.push_str(": ");
            }
            text.push_str(&diagnostic.message);
            for hint in &diagnostic.hints {
                let _ = write!(text, " (hint: {})", hint.v);
            }
            parts.push(text);
        }
        parts.join("; ")
    }
}

impl World for InvoiceWorld {
    fn library(&self) -> &LazyHash<Library> {
        &ASSETS.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &ASSETS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        ASSETS
            .templates
            .iter()
            .find(|source| source.id() == id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data.0 {
            return Ok(self.data.1.clone());
        }
        match &self.logo {
            Some((logo, bytes)) if *logo == id => Ok(bytes.clone()),
            _ => self
                .source(id)
                .map(|source| Bytes::from_string(source.text().to_owned())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        ASSETS.fonts.get(index).cloned()
    }

    /// No clock: a document shows only the dates it is given.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
