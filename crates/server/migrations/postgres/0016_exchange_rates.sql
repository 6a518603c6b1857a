-- BNR reference rates (issue #7, api.md §23): RON per one unit of `currency` on banking day
-- `day`, cached from BNR's feeds (or a seed file) and shared by every process.
CREATE TABLE exchange_rates (
    day DATE NOT NULL,
    currency TEXT NOT NULL,
    rate NUMERIC NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (day, currency)
);
