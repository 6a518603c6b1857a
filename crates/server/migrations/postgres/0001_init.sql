-- Facturo schema v1: accounts, tenancy, catalog, invoices, outbox and jobs.
-- Money amounts (2 dp) are BIGINT minor units; quantities, prices and rates are exact decimals.

CREATE TABLE users (
    id UUID PRIMARY KEY,
    email TEXT NOT NULL,
    password_hash TEXT,
    first_name TEXT,
    last_name TEXT,
    phone TEXT,
    locale TEXT NOT NULL DEFAULT 'ro',
    timezone TEXT NOT NULL DEFAULT 'Europe/Bucharest',
    preferences JSONB,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    sessions_valid_after TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);

-- Single-use e-mailed tokens (e-mail confirmation, password reset), stored hashed.
CREATE TABLE user_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX user_tokens_hash ON user_tokens (token_hash);
CREATE INDEX user_tokens_user ON user_tokens (user_id, purpose);

-- Refresh tokens, stored hashed, rotated on use; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id UUID NOT NULL,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    rotated_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE organizations (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX organizations_slug ON organizations (slug);

CREATE TABLE memberships (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    permissions JSONB,
    allowed_companies JSONB,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    joined_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX memberships_org_user ON memberships (organization_id, user_id);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE companies (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    cif BIGINT NOT NULL,
    registration_number TEXT,
    vat_payer BOOLEAN NOT NULL DEFAULT FALSE,
    vat_code TEXT,
    vat_on_collection BOOLEAN NOT NULL DEFAULT FALSE,
    oss BOOLEAN NOT NULL DEFAULT FALSE,
    vat_in TEXT,
    eori_code TEXT,
    address TEXT,
    city TEXT,
    county TEXT,
    country TEXT NOT NULL DEFAULT 'RO',
    postal_code TEXT,
    phone TEXT,
    email TEXT,
    website TEXT,
    capital_social TEXT,
    representative TEXT,
    representative_role TEXT,
    default_currency TEXT NOT NULL DEFAULT 'RON',
    sync_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    last_synced_at TIMESTAMPTZ,
    sync_days_back INTEGER NOT NULL DEFAULT 60,
    archive_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    archive_retention_years INTEGER,
    efactura_delay_hours INTEGER,
    is_read_only BOOLEAN NOT NULL DEFAULT FALSE,
    enabled_modules JSONB,
    registry_checked_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    hard_delete_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX companies_org_cif ON companies (organization_id, cif) WHERE deleted_at IS NULL;
CREATE INDEX companies_org ON companies (organization_id);

CREATE TABLE bank_accounts (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    bank_name TEXT,
    iban TEXT NOT NULL,
    bic TEXT,
    currency TEXT NOT NULL DEFAULT 'RON',
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX bank_accounts_company_iban ON bank_accounts (company_id, iban);

-- Answers of ANAF's public company registry, shared by all tenants (public data).
CREATE TABLE registry_cache (
    cif BIGINT PRIMARY KEY,
    record JSONB,
    fetched_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE clients (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    type TEXT NOT NULL DEFAULT 'company',
    name TEXT NOT NULL,
    cui TEXT,
    cnp TEXT,
    vat_code TEXT,
    is_vat_payer BOOLEAN NOT NULL DEFAULT FALSE,
    registration_number TEXT,
    address TEXT,
    city TEXT,
    county TEXT,
    country TEXT NOT NULL DEFAULT 'RO',
    postal_code TEXT,
    email TEXT,
    phone TEXT,
    bank_name TEXT,
    bank_account TEXT,
    default_payment_term_days INTEGER,
    contact_person TEXT,
    notes TEXT,
    id_number TEXT,
    currency TEXT,
    client_code TEXT,
    source TEXT NOT NULL DEFAULT 'manual',
    deleted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX clients_company_name ON clients (company_id, name);
CREATE UNIQUE INDEX clients_company_cui ON clients (company_id, cui) WHERE cui IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE suppliers (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    cif TEXT,
    vat_code TEXT,
    is_vat_payer BOOLEAN NOT NULL DEFAULT FALSE,
    registration_number TEXT,
    address TEXT,
    city TEXT,
    county TEXT,
    country TEXT NOT NULL DEFAULT 'RO',
    postal_code TEXT,
    email TEXT,
    phone TEXT,
    bank_name TEXT,
    bank_account TEXT,
    notes TEXT,
    source TEXT NOT NULL DEFAULT 'manual',
    last_synced_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX suppliers_company_name ON suppliers (company_id, name);
CREATE UNIQUE INDEX suppliers_company_cif ON suppliers (company_id, cif) WHERE cif IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE products (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    code TEXT,
    description TEXT,
    unit_of_measure TEXT NOT NULL DEFAULT 'buc',
    default_price NUMERIC NOT NULL,
    currency TEXT NOT NULL DEFAULT 'RON',
    vat_rate NUMERIC NOT NULL,
    vat_category_code TEXT NOT NULL DEFAULT 'S',
    is_service BOOLEAN NOT NULL DEFAULT FALSE,
    usage TEXT NOT NULL DEFAULT 'both',
    nc_code TEXT,
    cpv_code TEXT,
    color TEXT,
    sgr_amount NUMERIC,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    source TEXT NOT NULL DEFAULT 'manual',
    deleted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX products_company_name ON products (company_id, name);

CREATE TABLE vat_rates (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    rate NUMERIC NOT NULL,
    label TEXT NOT NULL,
    category_code TEXT NOT NULL DEFAULT 'S',
    exemption_code TEXT,
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX vat_rates_company ON vat_rates (company_id, position);

CREATE TABLE document_series (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    prefix TEXT NOT NULL,
    type TEXT NOT NULL,
    current_number BIGINT NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    source TEXT NOT NULL DEFAULT 'manual',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX document_series_company_prefix ON document_series (company_id, prefix);

CREATE TABLE invoices (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    -- The position in its series once issued (FCT0042 → 42).
    series_number BIGINT,
    status TEXT NOT NULL,
    direction TEXT NOT NULL,
    document_type TEXT NOT NULL,
    series_id UUID REFERENCES document_series (id),
    client_id UUID REFERENCES clients (id),
    supplier_id UUID REFERENCES suppliers (id),
    parent_document_id UUID REFERENCES invoices (id),
    sender_cif TEXT,
    sender_name TEXT,
    receiver_cif TEXT,
    receiver_name TEXT,
    issue_date DATE NOT NULL,
    due_date DATE,
    currency TEXT NOT NULL,
    exchange_rate NUMERIC,
    invoice_type_code TEXT,
    language TEXT NOT NULL DEFAULT 'ro',
    line_extension BIGINT NOT NULL DEFAULT 0,
    allowance_total BIGINT NOT NULL DEFAULT 0,
    charge_total BIGINT NOT NULL DEFAULT 0,
    subtotal BIGINT NOT NULL DEFAULT 0,
    vat_total BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    prepaid BIGINT NOT NULL DEFAULT 0,
    rounding BIGINT NOT NULL DEFAULT 0,
    payable BIGINT NOT NULL DEFAULT 0,
    discount BIGINT NOT NULL DEFAULT 0,
    vat_total_accounting BIGINT,
    amount_paid BIGINT NOT NULL DEFAULT 0,
    paid_at TIMESTAMPTZ,
    payment_method TEXT,
    details JSONB NOT NULL,
    buyer_snapshot JSONB,
    seller_snapshot JSONB,
    idempotency_key TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_by UUID,
    issued_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    cancellation_reason TEXT,
    deleted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX invoices_company_issue_date ON invoices (company_id, issue_date, id);
CREATE INDEX invoices_company_status ON invoices (company_id, status);
CREATE INDEX invoices_company_client ON invoices (company_id, client_id);
CREATE INDEX invoices_parent ON invoices (parent_document_id);
CREATE UNIQUE INDEX invoices_series_number ON invoices (series_id, series_number) WHERE series_number IS NOT NULL;
CREATE UNIQUE INDEX invoices_company_idempotency ON invoices (company_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE invoice_lines (
    id UUID PRIMARY KEY,
    invoice_id UUID NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    quantity NUMERIC NOT NULL,
    unit_of_measure TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    unit_price NUMERIC NOT NULL,
    price_base_quantity NUMERIC NOT NULL,
    vat_rate NUMERIC NOT NULL,
    vat_category_code TEXT NOT NULL,
    discount BIGINT NOT NULL DEFAULT 0,
    discount_percent NUMERIC,
    vat_included BOOLEAN NOT NULL DEFAULT FALSE,
    line_total BIGINT NOT NULL,
    vat_amount BIGINT NOT NULL,
    product_id UUID REFERENCES products (id) ON DELETE SET NULL,
    product_code TEXT,
    line_note TEXT,
    buyer_accounting_ref TEXT,
    buyer_item_identification TEXT,
    standard_item_identification TEXT,
    cpv_code TEXT,
    extensions JSONB
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);

-- The domain-event outbox: written in the transaction of the change it records.
CREATE TABLE events (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    company_id UUID,
    type TEXT NOT NULL,
    subject_id UUID,
    actor_id UUID,
    payload JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX events_subject ON events (subject_id, created_at);
CREATE INDEX events_unpublished ON events (created_at) WHERE published_at IS NULL;

-- The job queue: claimed with a lease; an expired lease makes a job claimable again.
CREATE TABLE jobs (
    id UUID PRIMARY KEY,
    kind TEXT NOT NULL,
    payload JSONB NOT NULL,
    dedupe_key TEXT,
    status TEXT NOT NULL DEFAULT 'queued',
    run_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 5,
    lease_owner TEXT,
    lease_until TIMESTAMPTZ,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX jobs_dedupe_active ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running');
CREATE INDEX jobs_due ON jobs (status, run_at);
