-- How a company's documents print (issue #7, PDFs): its logo (api.md §5 `…/logo`) and its PDF
-- template settings (`/api/v1/pdf-template-config`). A company without a row prints with the
-- defaults.
CREATE TABLE company_logos (
    company_id BLOB PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    -- image/png | image/jpeg | image/svg+xml
    media_type TEXT NOT NULL,
    content BLOB NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE pdf_template_configs (
    company_id BLOB PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    -- classic | modern
    template_slug TEXT NOT NULL,
    -- #rrggbb; the design's own when NULL.
    primary_color TEXT,
    -- A typeface the PDF crate embeds; the design's own when NULL.
    font_family TEXT,
    show_logo BOOLEAN NOT NULL,
    show_bank_info BOOLEAN NOT NULL,
    show_notes BOOLEAN NOT NULL,
    show_due_date BOOLEAN NOT NULL,
    show_issuer BOOLEAN NOT NULL,
    show_total_in_words BOOLEAN NOT NULL,
    footer_text TEXT,
    updated_at TEXT NOT NULL
);
